"""The checks' Kiwi child (``korean/analyser.py``: ``use``, ``tokenize``, ``analyze``): the
same analyses as this process's Kiwi, a fall-back on any failure of the child, and no
child left behind by ``l10n check``.

Each test runs in a fresh interpreter with the child allowed (``L10N_ANALYSER=1``; the
suite turns it off): a process that has loaded Kiwi already starts no child.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import DATA, ROOT


def _python(code: str, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "L10N_ANALYSER": "1"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT)


def test_the_child_analyses_every_corpus_text_as_this_process_does():
    code = r"""
import json, sys
sys.path.insert(0, ".")
from tests.test_decisions import _texts
from l10n.korean import analyser

texts = _texts()
analyser.use(analyser.Analyser.start())
child = analyser.checks_analyser()
assert child is not None
remote = (analyser.tokenize(texts), analyser.analyze(texts[:400], top_n=4))
assert not child.failed, "the child failed; the comparison would be vacuous"
analyser.close_checks()
local = (analyser.tokenize(texts), analyser.analyze(texts[:400], top_n=4))
assert analyser.checks_analyser() is None
assert remote == local
print(json.dumps([len(texts), sum(map(len, remote[0]))]))
"""
    done = _python(code)
    assert done.returncode == 0, done.stderr[-3000:]
    texts, morphs = json.loads(done.stdout)
    assert texts > 3000 and morphs > 40000


def test_a_dead_child_is_replaced_by_this_process_kiwi():
    code = r"""
import os, signal
from l10n.korean import analyser

analyser.use(analyser.Analyser.start())
child = analyser.checks_analyser()
os.kill(child._process.pid, signal.SIGKILL)
morphs = analyser.tokenize(["잔칫상에는 떡, 전, 식혜가 올랐다."])
assert child.failed
assert [m.form for m in morphs[0]][:3] == ["잔칫상", "에", "는"], morphs
print("ok")
"""
    done = _python(code)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


@pytest.mark.parametrize("folder", ["qa_corpus", "qa_kitchen"])
def test_check_with_the_child_finds_what_it_finds_without(folder, tmp_path):
    """A cold ``check_groups`` (no cache) starts the child; its findings are those of a
    run that analyses in its own process, and no child is left when it returns."""
    for po in (DATA / folder).glob("*.po"):
        shutil.copy(po, tmp_path / po.name)  # outside any project: no cache to read
    code = r"""
import sys
from pathlib import Path
from l10n.checks import check_groups
from l10n.checks.inputs import gather
from l10n.glossary.terms import read_glossary
from l10n.checks import omission
from l10n.korean import analyser

omission.WORTH_A_CHILD = 0  # these catalogs are small: a child even so
folder = Path(sys.argv[1])
glossary = read_glossary(Path(sys.argv[2]))
started = []
real_start = analyser.Analyser.start
analyser.Analyser.start = lambda *a: started.append(real_start(*a)) or started[-1]
groups = gather(sorted(folder.glob("*.po")))
child = check_groups(groups, glossary=glossary).findings
assert len(started) == 1 and started[0] is not None and analyser.checks_analyser() is None
analyser.Analyser.start = lambda *a: None
local = check_groups(groups, glossary=glossary).findings
assert child == local and any(f.code == "F004" for f in child), len(child)
print("ok")
"""
    done = _python(code, str(tmp_path), str(DATA / "checks_glossary.csv"))
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


def test_a_child_with_nothing_to_analyse_is_stopped_before_the_checks_run():
    code = r"""
from pathlib import Path
import polib
from l10n.checks import run_checks
from l10n.korean import analyser

po = polib.POFile()
po.append(polib.POEntry(msgid="가격은 3달러이다.", msgstr="The price is 3 dollars."))
analyser.use(analyser.Analyser.start())
child = analyser.checks_analyser()
run_checks([(Path("f.po"), po)])
assert analyser.checks_analyser() is None and not child._process.is_alive()
print("ok")
"""
    done = _python(code)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


def test_a_run_with_nothing_to_analyse_leaves_a_record_so_the_next_starts_no_child(tmp_path):
    """Found measuring: on a catalog where no source needs Kiwi, the structure cache was
    never written, so every later run guessed "cold" and loaded Kiwi in a child for nothing."""
    from pathlib import Path

    import polib

    from l10n.checks import REGISTRY, run_checks
    from l10n.checks.omission import analysis_likely

    po = polib.POFile()
    po.append(polib.POEntry(msgid="가격은 3달러이다.", msgstr="The price is 3 dollars."))
    checks = list(REGISTRY.values())
    assert analysis_likely(checks, None, tmp_path) and analysis_likely(checks, None, None)
    run_checks([(Path("f.po"), po)], cache=tmp_path)
    assert not analysis_likely(checks, None, tmp_path)
    assert not analysis_likely([c for c in checks if c.code != "F004"], None, None)


def test_no_child_for_a_small_catalog(tmp_path):
    """Reading a small catalog takes milliseconds: nothing to overlap, a fork to pay."""
    from l10n.checks import REGISTRY
    from l10n.checks.omission import WORTH_A_CHILD, analysis_likely

    small, large = tmp_path / "small.po", tmp_path / "large.po"
    small.write_bytes(b"#" * (WORTH_A_CHILD - 1))
    large.write_bytes(b"#" * WORTH_A_CHILD)
    checks = list(REGISTRY.values())
    assert not analysis_likely(checks, None, None, [small, tmp_path / "missing.po"])
    assert analysis_likely(checks, None, None, [large]) and analysis_likely(checks, None, None)


def test_analysis_possible_asks_for_a_large_catalog_and_checks_that_analyse(tmp_path):
    """Possible (a lazy child is worth forking) only where Kiwi could be asked something:
    F004 or glossary checks with terms, over catalogs of WORTH_A_CHILD bytes or more."""
    from l10n.checks import REGISTRY
    from l10n.checks.omission import WORTH_A_CHILD, analysis_possible
    from l10n.glossary.terms import read_glossary

    small, large = tmp_path / "small.po", tmp_path / "large.po"
    small.write_bytes(b"#" * (WORTH_A_CHILD - 1))
    large.write_bytes(b"#" * WORTH_A_CHILD)
    checks = list(REGISTRY.values())
    no_f004 = [c for c in checks if c.code != "F004"]
    glossary = read_glossary(DATA / "checks_glossary.csv")
    assert analysis_possible(checks, None, [large])
    assert not analysis_possible(checks, None, [small]) and not analysis_possible(checks, None, None)
    assert not analysis_possible(no_f004, None, [large])
    assert analysis_possible(no_f004, glossary, [large])
    assert not analysis_possible([c for c in no_f004 if c.family not in ("glossary", "consistency")],
                                 glossary, [large])


# a warm project (its structure cache written) whose catalog then gains a sentence never
# analysed: the late analysis goes to a child forked before the catalog was read, so Kiwi's
# model and the catalog never share one process (at 100k entries they made 797 MB)
LATE = r"""
import json, sys
from pathlib import Path
from l10n.checks import check_groups, omission
from l10n.checks.inputs import gather
from l10n.korean import analyser

omission.WORTH_A_CHILD = 0  # a small catalog: the child even so
project = Path(sys.argv[1])
starts = []
real_start = analyser.Analyser.start.__func__
def start(cls, *args, **kwargs):
    found = real_start(cls, *args, **kwargs)
    starts.append((kwargs.get("lazy", False), found is not None))
    return found
analyser.Analyser.start = classmethod(start)
found = check_groups(gather([project / "x.po"])).findings
print(json.dumps({"starts": starts, "kiwi": "kiwipiepy" in sys.modules,
                  "left": analyser.checks_analyser() is not None,
                  "findings": [[f.line, f.code, f.message] for f in found]}))
"""


def _late_project(tmp_path, entries: list[tuple[str, str]]):
    import polib

    project = tmp_path / "p"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.l10n]\nproject-name = "p"\n', "utf-8")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    po.save(str(project / "x.po"))
    return project


def _late_run(project, mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "L10N_ANALYSER": mode}
    done = subprocess.run([sys.executable, "-c", LATE, str(project)], capture_output=True,
                          text=True, timeout=300, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


PLAIN = [("가격은 3달러이다.", "The price is 3 dollars."),
         ("날씨가 좋다.", "The weather is fine.")]
DROPPED = ("잔칫상에는 떡, 전, 식혜, 약과가 올랐고 손님들은 늦게까지 머물렀다.",
           "Rice cakes were served.")


def test_a_late_analysis_runs_in_a_lazy_child_not_in_the_parent(tmp_path):
    project = _late_project(tmp_path, PLAIN)
    first = _late_run(project, "child")  # cold: the structure cache is written
    assert (project / ".l10n-cache" / "sentence-structures.json").is_file(), first
    project_late = _late_project(tmp_path / "late", [*PLAIN, DROPPED])
    shutil.copytree(project / ".l10n-cache", project_late / ".l10n-cache")
    late = _late_run(project_late, "child")
    assert late["starts"] == [[True, True]], late  # one child, lazy, forked
    assert not late["kiwi"] and not late["left"], late  # Kiwi never loaded here
    assert any(code == "F004" for _, code, _ in late["findings"]), late
    shutil.rmtree(project_late / ".l10n-cache")
    shutil.copytree(project / ".l10n-cache", project_late / ".l10n-cache")
    in_process = _late_run(project_late, "0")
    assert in_process["kiwi"] and in_process["findings"] == late["findings"]


def test_a_lazy_child_with_nothing_to_analyse_loads_no_kiwi(tmp_path):
    project = _late_project(tmp_path, PLAIN)
    _late_run(project, "child")
    (project / ".l10n-cache" / "group-findings.json").unlink()  # the entries' records only
    again = _late_run(project, "child")  # warm, nothing new: the child is stopped unused
    assert again["starts"] == [[True, True]] and not again["kiwi"] and not again["left"]
    unchanged = _late_run(project, "child")  # the group's findings remembered: no child
    assert unchanged["starts"] == [] and not unchanged["kiwi"], unchanged
    assert unchanged["findings"] == again["findings"]
