"""Shared fixtures: a throw-away project with the real configuration layout."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Kiwi in-process, loaded once for the whole suite, instead of a child per update
# (korean.analyser); tests/test_analyser.py turns the child on where it tests it
os.environ.setdefault("L10N_ANALYSER", "0")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
ESSAY = ROOT / "source" / "ko" / "fourth-industrial-revolution.md"

PYPROJECT = """\
[tool.l10n]
source = "source/ko"
locales = "locales"
languages = ["en"]
glossary = "glossary.csv"
project-name = "test essays"
"""


def fixed_clock() -> datetime:
    return datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def make_project(folder: Path, essays: dict[str, str], *, glossary: str | None = None) -> Path:
    (folder / "source" / "ko").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for name, text in essays.items():
        (folder / "source" / "ko" / name).write_text(text, encoding="utf-8")
    if glossary is not None:
        (folder / "glossary.csv").write_text(glossary, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj", {"essay.md": "# 제목\n\n첫 문장이다. 둘째 문장이다.\n"})


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of this repository's project (essay, glossary, catalogs)."""
    target = tmp_path / "bundled"
    target.mkdir()
    for name in ("source", "locales"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "glossary.csv", target / "glossary.csv")
    (target / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return target


def tool(name: str) -> str | None:
    """An executable from PATH or from this interpreter's venv (pocount, pofilter)."""
    import shutil
    import sys

    found = shutil.which(name)
    if found:
        return found
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None


PO_CORPUS = ROOT.parent / "shared" / "po-corpus"


def po_corpus() -> Path:
    """``../shared/po-corpus`` (third-party data, never copied here): skipped where it is
    absent, but a failure in CI, which must have it."""
    if not PO_CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{PO_CORPUS} is missing; CI must have ../shared")
        pytest.skip("../shared/po-corpus is absent")
    return PO_CORPUS


def assert_fingerprint_covers(fingerprint, module: str, tmp_path: Path, monkeypatch) -> None:
    """An edit of ``module`` (l10n.MODULE) changes ``fingerprint`` (an lru_cached function
    of a cache of analyser results), and undoing it gives the old one back."""
    import importlib

    target = importlib.import_module(f"l10n.{module}")
    before = fingerprint()
    edited = tmp_path / "edited.py"
    edited.write_bytes(Path(target.__file__).read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(target, "__file__", str(edited))
    fingerprint.cache_clear()
    try:
        assert fingerprint() != before
    finally:
        monkeypatch.undo()
        fingerprint.cache_clear()
    assert fingerprint() == before
