"""Kiwi's analyses of sentence structure (F004), recorded in the project cache and reused.

The recorded structures must be exactly what a fresh analysis gives on every corpus in
tests/data, the findings must not move, and a run over sentences already analysed must not
load Kiwi at all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import polib
import pytest

from l10n.checks import run_checks
from l10n.korean import kiwi as kiwi_module
from l10n.korean import structure
from l10n.korean.structure import Structure, StructureCache, analyse, analyse_many

from .conftest import DATA, ROOT
from .test_decisions import _texts


def _no_kiwi(monkeypatch) -> None:
    def refuse():
        raise AssertionError("Kiwi was loaded although every structure was recorded")

    monkeypatch.setattr(kiwi_module, "kiwi", refuse)


def test_recorded_structures_are_those_of_a_fresh_analysis(tmp_path, monkeypatch):
    texts = _texts()
    fresh = {text: analyse(tokens, text)
             for text, tokens in zip(texts, kiwi_module.kiwi().tokenize(texts), strict=True)}
    # not a vacuous comparison: many sentences list items or join clauses
    assert sum(bool(s.items) for s in fresh.values()) > 30
    assert sum(bool(s.joints) for s in fresh.values()) > 300
    assert analyse_many(texts, tmp_path) == fresh
    _no_kiwi(monkeypatch)
    assert analyse_many(texts, tmp_path) == fresh


@pytest.mark.parametrize("folder", ["qa_corpus", "qa_test", "qa_kitchen", "qa_heldout"])
def test_check_findings_identical_with_recorded_structures(folder, tmp_path, monkeypatch):
    catalogs = [(path, polib.pofile(str(path))) for path in sorted((DATA / folder).glob("*.po"))]
    fresh = run_checks(catalogs)
    cold = run_checks(catalogs, cache=tmp_path)
    assert (tmp_path / structure.FILE_NAME).exists()
    _no_kiwi(monkeypatch)
    warm = run_checks(catalogs, cache=tmp_path)
    assert fresh == cold == warm
    assert any(f.code == "F004" for f in fresh) or folder == "qa_heldout"


def test_a_bad_cache_is_ignored_with_a_warning(tmp_path, capsys):
    (tmp_path / structure.FILE_NAME).write_text("{not json", encoding="utf-8")
    text = "잔칫상에는 떡, 전, 식혜가 올랐다."
    assert analyse_many([text], tmp_path)[text] == Structure(("떡", "전", "식혜"), ())
    assert "unreadable sentence structure cache ignored" in capsys.readouterr().err
    assert json.loads((tmp_path / structure.FILE_NAME).read_text())["structures"]


def test_entries_that_do_not_fit_their_sentence_are_not_trusted(tmp_path):
    text = "비가 많이 내렸지만 경기는 예정대로 진행되었다."
    cache = StructureCache(tmp_path)
    assert cache.analyse_many([text])[text] == Structure((), ("내렸지만",))
    key = structure.text_key(text)
    assert cache.lookup(text) == Structure((), ("내렸지만",))
    for bad in ([[], [6, 600]], [[], [6, True]], [[0, 1, 2, 3], []], [[], [6]], [[]], "x"):
        cache.records[key] = bad
        assert cache.lookup(text) is None, bad


def test_another_analyser_discards_the_recorded_structures(tmp_path, monkeypatch):
    text = "비가 많이 내렸지만 경기는 예정대로 진행되었다."
    analyse_many([text], tmp_path)
    assert StructureCache(tmp_path).lookup(text) == Structure((), ("내렸지만",))
    monkeypatch.setattr(StructureCache, "FINGERPRINT", staticmethod(lambda: "another analyser"))
    assert StructureCache(tmp_path).lookup(text) is None
    assert (tmp_path / ".gitignore").read_text().endswith("*\n")


# what a warm `l10n check` must not import: the analyser, the segmenter, the English
# inflection tables, the line-breaking tables (only writing wraps), pydantic (typer 0.29)
# and importlib.metadata (the analysers' versions are read without it)
NOT_IMPORTED = ("kiwipiepy", "l10n.korean.segment", "lemminflect", "uniseg", "pydantic",
                "importlib.metadata")


def test_a_warm_check_of_the_bundled_project_imports_no_kiwi(tmp_path):
    """The start-up promise of issue 22: a second `l10n check` loads no model at all, and
    nothing else the command does not use."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "glossary.csv"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    essay = ROOT / "source" / "ko" / "fourth-industrial-revolution.md"
    (project / "source" / "ko").mkdir(parents=True)
    (project / "source" / "ko" / essay.name).write_bytes(essay.read_bytes())
    po = ROOT / "locales" / "en" / "LC_MESSAGES" / "fourth-industrial-revolution.po"
    target = project / "locales" / "en" / "LC_MESSAGES" / po.name
    target.parent.mkdir(parents=True)
    target.write_bytes(po.read_bytes())
    probe = ("import sys, runpy; sys.argv = ['l10n', 'check', sys.argv[1]]; code = None\n"
             "try:\n    runpy.run_module('l10n', run_name='__main__')\n"
             "except SystemExit as exit:\n    code = exit.code\n"
             f"print(*[m in sys.modules for m in {NOT_IMPORTED!r}], code)")
    runs = [subprocess.run([sys.executable, "-c", probe, str(target)], cwd=project,
                           capture_output=True, text=True, check=False) for _ in range(2)]
    cold, warm = (run.stdout.splitlines()[-1].split() for run in runs)
    assert cold[0] == "True" and cold[-1] == "0", runs[0]  # the first run analyses
    assert warm == ["False"] * len(NOT_IMPORTED) + ["0"], (NOT_IMPORTED, runs[1])
    assert (project / ".l10n-cache" / structure.FILE_NAME).exists()
