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


# ------------------------------------------------- typed corpora (qa_kitchen, qa_heldout)
# Each entry of corpus.po / essay2.po carries ``#. expect: FAMILIES`` and ``#. type: T``
# (the defect type, or the trap a correct entry sets: ``tricky/...``); correct.po is the
# same essay fully corrected. See tests/data/qa_build.py.

TYPED = {"kitchen": CORPUS.parent / "qa_kitchen", "heldout": CORPUS.parent / "qa_heldout",
         "blind": CORPUS.parent / "qa_blind", "sealed": CORPUS.parent / "qa_sealed"}
_FILES = ("corpus.po", "essay2.po")


def typed_labels(folder: Path) -> dict[tuple[str, str], tuple[set[str], str]]:
    labels = {}
    for name in _FILES:
        for entry in read_catalog(folder / name):
            expect = re.search(r"expect:\s*([\w, ]+)", entry.comment).group(1)
            kind = re.search(r"type:\s*(\S+)", entry.comment).group(1)
            labels[(name, entry.msgid)] = ({f.strip() for f in expect.split(",")} - {"none"},
                                           kind)
    return labels


def typed_findings(folder: Path, names=_FILES):
    catalogs = [(folder / name, read_catalog(folder / name)) for name in names]
    return run_checks(catalogs, glossary=read_glossary(folder / "glossary.csv"),
                      relative=lambda p: p.name)


def typed_report(folder: Path) -> dict:
    """Recall by defect type and family, precision by family and check, and the
    correct-but-tricky entries and the fully correct file (entries flagged, exit code)."""
    from l10n.checks import exit_code

    labels = typed_labels(folder)
    findings = [f for f in typed_findings(folder) if f.severity is not Severity.INFO]
    by_entry: dict = defaultdict(list)
    for finding in findings:
        by_entry[(finding.path, finding.msgid)].append(finding)
    expected = {key: families for key, (families, _) in labels.items()}
    flagged = {key: {REGISTRY[f.code].family for f in found} for key, found in by_entry.items()}
    families = score_families(expected, flagged)
    types: dict = defaultdict(lambda: [0, 0])
    for key, (want, kind) in labels.items():
        if want:
            types[kind][1] += 1
            types[kind][0] += bool(flagged.get(key, set()) & want)
    checks: dict = defaultdict(lambda: [0, 0])  # code: [right, flagged entries]
    for key, found in by_entry.items():
        for code in {f.code for f in found}:
            checks[code][1] += 1
            checks[code][0] += REGISTRY[code].family in expected.get(key, set())
    tricky = [key for key, (_, kind) in labels.items() if kind.startswith("tricky/")]
    tricky_flagged = {key: sorted(f"{f.code} {f.message}" for f in by_entry[key])
                      for key in tricky if key in by_entry}
    correct = typed_findings(folder, ("correct.po",))
    shown = [f for f in correct if f.severity is not Severity.INFO]
    return {"families": families, "types": dict(types), "checks": dict(checks),
            "tricky": len(tricky), "tricky_flagged": tricky_flagged,
            "correct_flagged": sorted({(f.msgid, f"{f.code} {f.message}") for f in shown}),
            "correct_entries_flagged": len({f.msgid for f in shown}),
            "correct_exit": exit_code(correct),
            "missed": sorted((key[1], kind) for key, (want, kind) in labels.items()
                             if want and not flagged.get(key, set()) & want),
            "false": sorted((key[1], sorted(f"{f.code} {f.message}" for f in by_entry[key]))
                            for key in by_entry
                            if {REGISTRY[f.code].family for f in by_entry[key]}
                            - expected.get(key, set()))}


def print_scores(report: dict) -> None:
    """The by-family and by-defect-type lines of a report (l10n's or pofilter's)."""
    for family, score in report["families"].items():
        if score["tp"] + score["fp"] + score["fn"]:
            print(f"  family {family:12} R {score['recall']:.2f} P {score['precision']:.2f} "
                  f"(tp {score['tp']} fp {score['fp']} fn {score['fn']})")
    for kind, (caught, total) in sorted(report["types"].items()):
        print(f"  type {kind:34} {caught}/{total}")


def built_from_entries(folder: Path, scratch: Path) -> list[tuple]:
    """Assert that a typed corpus's .po files are exactly what qa_build.py writes from its
    labelled table (nobody edited a label or a translation in the .po files alone) and
    that msgfmt accepts them; its rows."""
    import runpy
    import subprocess

    for name in ("entries.py", "glossary.csv"):
        (scratch / name).write_bytes((folder / name).read_bytes())
    runpy.run_path(str(folder.parent / "qa_build.py"), run_name="qa_build")["build"](scratch)
    for name in ("corpus.po", "essay2.po", "correct.po"):
        assert (scratch / name).read_bytes() == (folder / name).read_bytes(), name
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(folder / name)],
                       check=True)
    return runpy.run_path(str(folder / "entries.py"))["ENTRIES"]


def print_report(name: str, report: dict) -> None:
    every = report["families"]["all"]
    print(f"== {name}: recall {every['recall']:.2f} precision {every['precision']:.2f}; "
          f"tricky flagged {len(report['tricky_flagged'])}/{report['tricky']}; correct file: "
          f"{report['correct_entries_flagged']} entries flagged, exit {report['correct_exit']}")
    print_scores(report)
    for code, (right, total) in sorted(report["checks"].items()):
        print(f"  check {code} precision {right}/{total}")
    for item in report["missed"]:
        print("  MISSED", *item)
    for item in report["false"]:
        print("  FALSE", *item)
    for key, found in report["tricky_flagged"].items():
        print("  TRICKY", key[1], found)
    for item in report["correct_flagged"]:
        print("  CORRECT", *item)


if __name__ == "__main__":  # python -m tests.qa_eval: the figures of every corpus
    import sys

    for name in sys.argv[1:] or list(TYPED):
        print_report(name, typed_report(TYPED[name]))
    for corpus in (CORPUS, CORPUS.parent / "qa_test"):
        scores = family_scores(corpus)
        print(f"== {corpus.name}: " + " ".join(
            f"{family} R{s['recall']:.2f}/P{s['precision']:.2f}" for family, s in scores.items()))
