"""Write a labelled QA corpus (corpus.po, essay2.po, correct.po) from a ``entries.py`` table.

Used by tests/data/qa_kitchen and tests/data/qa_heldout; it does not import the checker.
Each row of ``ENTRIES`` is (file, ko, en, expect, type, fix, flags):

* file: ``corpus`` or ``essay2`` (a second essay of the same project, for consistency);
* expect: comma-separated check families, or ``none``;
* type: the defect type (``numbers/date-reordered``) or, for a correct entry, the trap
  it sets (``tricky/indirect-question``);
* fix: the correct translation of a defective entry; every fix goes into ``correct.po``,
  the fully correct file (with the correct entries of the corpus);
* flags: ``fuzzy`` or empty.

Run: ``python tests/data/qa_build.py tests/data/qa_kitchen`` (needs polib only).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import polib

HEADER = {"Project-Id-Version": "qa corpus", "PO-Revision-Date": "2026-12-01 09:30+0000",
          "Last-Translator": "qa <qa@example.org>",
          "Language-Team": "English <qa@example.org>", "Language": "en", "MIME-Version": "1.0",
          "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
          "Plural-Forms": "nplurals=2; plural=(n != 1);"}


def _catalog() -> polib.POFile:
    po = polib.POFile(wrapwidth=79)
    po.metadata = dict(HEADER)
    return po


def build(folder: Path) -> None:
    rows = runpy.run_path(str(folder / "entries.py"))["ENTRIES"]
    files = {"corpus": _catalog(), "essay2": _catalog()}
    correct = _catalog()
    seen = set()
    for number, (name, ko, en, expect, kind, fix, flags) in enumerate(rows, 1):
        assert (name, ko) not in seen, ko
        seen.add((name, ko))
        correct_entry = expect == "none" or kind == "fuzzy/correct"
        assert correct_entry == kind.startswith(("tricky/", "plain/", "fuzzy/correct")), ko
        assert correct_entry == (fix == ""), ko
        entry = polib.POEntry(msgid=ko, msgstr=en, flags=[flags] if flags else [],
                              comment=f"expect: {expect}\ntype: {kind}",
                              occurrences=[(f"source/ko/{name}.md", str(number))])
        files[name].append(entry)
        if name == "corpus" and not flags:
            correct.append(polib.POEntry(msgid=ko, msgstr=fix or en,
                                         occurrences=[("source/ko/correct.md", str(number))]))
    for name, po in files.items():
        po.save(str(folder / f"{name}.po"))
    correct.save(str(folder / "correct.po"))


if __name__ == "__main__":
    build(Path(sys.argv[1]))
