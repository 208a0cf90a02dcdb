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
