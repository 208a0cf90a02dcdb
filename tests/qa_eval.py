"""Scoring the checks against the labelled defect corpus (shared by tests and bench)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from l10n.checks import FAMILIES, REGISTRY, Severity, run_checks
from l10n.glossary.terms import read_glossary
from l10n.po.catalog import read_catalog

CORPUS = Path(__file__).parent / "data" / "qa_corpus"


def expected_labels(corpus: Path = CORPUS) -> dict[tuple[str, str], set[str]]:
    labels = {}
    for name in ("corpus.po", "corpus2.po"):
        for entry in read_catalog(corpus / name):
            match = re.search(r"expect:\s*([\w, ]+)", entry.comment or "")
            families = {f.strip() for f in match.group(1).split(",")} if match else set()
            labels[(name, entry.msgid)] = families - {"none"}
    return labels


def flagged_labels(corpus: Path = CORPUS) -> dict[tuple[str, str], set[str]]:
    catalogs = [(corpus / name, read_catalog(corpus / name)) for name in ("corpus.po", "corpus2.po")]
    findings = run_checks(catalogs, glossary=read_glossary(corpus / "glossary.csv"),
                          relative=lambda p: p.name)
    flagged = defaultdict(set)
    for finding in findings:
        if finding.severity is not Severity.INFO:
            flagged[(finding.path, finding.msgid)].add(REGISTRY[finding.code].family)
    return flagged


def score_families(expected: dict, flagged: dict) -> dict[str, dict[str, float]]:
    """Precision and recall per family (and for any defect) of flagged vs labelled entries."""
    scores = {}
    for family in FAMILIES + ["all"]:
        tp = fp = fn = 0
        for key, want in expected.items():
            got = flagged.get(key, set())
            if family == "all":
                tp += bool(want) and bool(got & want)
                fp += bool(got) and not want
                fn += bool(want) and not (got & want)
                continue
            tp += family in want and family in got
            fp += family in got and family not in want
            fn += family in want and family not in got
        scores[family] = {"tp": tp, "fp": fp, "fn": fn,
                          "precision": tp / (tp + fp) if tp + fp else 1.0,
                          "recall": tp / (tp + fn) if tp + fn else 1.0}
    return scores


def family_scores(corpus: Path = CORPUS) -> dict[str, dict[str, float]]:
    return score_families(expected_labels(corpus), flagged_labels(corpus))
