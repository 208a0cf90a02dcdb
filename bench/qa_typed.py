"""l10n check beside pofilter on a typed QA corpus (tests/data/qa_kitchen, qa_heldout, qa_blind,
qa_sealed).

    python bench/qa_typed.py blind             # l10n's figures, then pofilter's
    python bench/qa_typed.py blind --json      # the same as JSON

Both tools are scored the same way (tests/qa_eval.py): an entry labelled with family F
is caught when a finding of family F is on it; precision counts every flagged entry whose
family is not in its label. pofilter's checks are mapped to l10n's families with
bench/run.py's POFILTER_FAMILIES; a pofilter check with no family there is not counted
against it (so its precision is, if anything, flattered). pofilter always exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import POFILTER_FAMILIES, tool  # noqa: E402
from tests.qa_eval import (  # noqa: E402
    TYPED,
    print_report,
    print_scores,
    score_families,
    typed_labels,
    typed_report,
)


def pofilter_findings(po: Path) -> dict[str, list[str]]:
    """msgid -> the pofilter checks that fail on it (fuzzy entries included)."""
    import polib

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / po.name
        subprocess.run([tool("pofilter"), "--fuzzy", str(po), str(out)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not out.exists():
            return {}
        return {entry.msgid: re.findall(r"\(pofilter\) (\w+)", entry.tcomment or "")
                for entry in polib.pofile(str(out)) if entry.msgid}


def pofilter_report(folder: Path) -> dict:
    """pofilter's figures on a typed corpus, in the shape of qa_eval.typed_report."""
    labels = typed_labels(folder)
    flagged: dict = defaultdict(set)
    for name in ("corpus.po", "essay2.po"):
        for msgid, checks in pofilter_findings(folder / name).items():
            flagged[(name, msgid)] |= {POFILTER_FAMILIES[c] for c in checks
                                       if c in POFILTER_FAMILIES}
    expected = {key: families for key, (families, _) in labels.items()}
    types: dict = defaultdict(lambda: [0, 0])
    for key, (want, kind) in labels.items():
        if want:
            types[kind][1] += 1
            types[kind][0] += bool(flagged.get(key, set()) & want)
    tricky = [key for key, (_, kind) in labels.items() if kind.startswith("tricky/")]
    correct = pofilter_findings(folder / "correct.po")
    return {"families": score_families(expected, flagged), "types": dict(types),
            "tricky": len(tricky), "tricky_flagged": sum(bool(flagged.get(k)) for k in tricky),
            "correct_entries_flagged": sum(bool(c) for c in correct.values()),
            "correct_entries_flagged_mapped": sum(
                any(c in POFILTER_FAMILIES for c in checks) for checks in correct.values()),
            "correct_exit": 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=["blind"], choices=sorted(TYPED))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {}
    for name in args.corpora:
        ours, theirs = typed_report(TYPED[name]), pofilter_report(TYPED[name])
        results[name] = {"l10n": {**ours, "tricky_flagged": [
            [path, msgid, found] for (path, msgid), found in ours["tricky_flagged"].items()]},
            "pofilter": theirs}
        if args.json:
            continue
        print_report(name, ours)
        every = theirs["families"]["all"]
        print(f"== {name}, pofilter: recall {every['recall']:.2f} precision "
              f"{every['precision']:.2f}; tricky flagged {theirs['tricky_flagged']}/"
              f"{theirs['tricky']}; correct file: {theirs['correct_entries_flagged']} entries "
              f"flagged ({theirs['correct_entries_flagged_mapped']} by a mapped check), "
              f"exit {theirs['correct_exit']}")
        print_scores(theirs)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
