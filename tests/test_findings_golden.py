"""`l10n check` findings on every catalog of tests/data, frozen: speed work must not move them.

Golden JSON (as ``l10n check --format json`` writes it) per catalog set and glossary, made
with the code before the performance work; regenerate with ``L10N_REGEN_GOLDEN=1`` only for
a change that is meant to alter findings, and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden" / "findings"
CATALOGS = {"qa_corpus": sorted((DATA / "qa_corpus").glob("*.po")),
            "qa_test": sorted((DATA / "qa_test").glob("*.po")),
            "bundled": sorted((ROOT / "locales" / "en" / "LC_MESSAGES").glob("*.po"))}
GLOSSARIES = {"none": None, "own": "own", "checks": DATA / "checks_glossary.csv",
              "project": ROOT / "glossary.csv"}
CASES = [(corpus, glossary) for corpus in CATALOGS for glossary in GLOSSARIES
         if not (corpus == "bundled" and glossary == "own")]


def findings_json(corpus: str, glossary: str) -> str:
    from l10n.checks import run_checks
    from l10n.glossary.terms import read_glossary
    from l10n.report import render_json

    paths = CATALOGS[corpus]
    source = GLOSSARIES[glossary]
    if source == "own":
        source = DATA / corpus / "glossary.csv"
    catalogs = [(path, polib.pofile(str(path))) for path in paths]
    findings = run_checks(catalogs, glossary=read_glossary(source) if source else None,
                          relative=lambda path: path.relative_to(ROOT).as_posix())
    # messages that name another entry (K001) name it as the run names files
    return render_json(findings, len(catalogs))


@pytest.mark.parametrize(("corpus", "glossary"), CASES)
def test_findings_are_unchanged(corpus, glossary):
    golden = GOLDEN / f"{corpus}-{glossary}.json"
    got = findings_json(corpus, glossary)
    if os.environ.get("L10N_REGEN_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
    assert '"code"' in got or corpus == "bundled"
