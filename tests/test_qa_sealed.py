"""The held-out qa_sealed corpus (tests/data/qa_sealed): how its files are made.

qa_sealed is measured, never tuned on, and was committed before the checker was first run
on it (its README). This file does not run the checker: the figures are measured once,
by hand (``python bench/qa_typed.py sealed``), and recorded in the README.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .qa_eval import TYPED, built_from_entries

FOLDER = TYPED["sealed"]


def test_the_corpus_files_are_written_from_entries_py(tmp_path: Path) -> None:
    rows = built_from_entries(FOLDER, tmp_path)
    defects = [row for row in rows if row[3] != "none"]
    tricky = [row for row in rows if row[4].startswith("tricky/")]
    assert (len(rows), len(defects), len(tricky)) == (167, 77, 57)
    assert Counter(row[0] for row in rows) == {"corpus": 156, "essay2": 11}
