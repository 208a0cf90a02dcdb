"""The held-out qa_sealed corpus (tests/data/qa_sealed): how its files are made.

qa_sealed is measured, never tuned on, and was committed before the checker was first run
on it (its README). This file does not run the checker: the figures are measured once,
by hand (``python bench/qa_typed.py sealed``), and recorded in the README.
"""

from __future__ import annotations

import runpy
import subprocess
from collections import Counter
from pathlib import Path

from .qa_eval import TYPED

FOLDER = TYPED["sealed"]


def test_the_corpus_files_are_written_from_entries_py(tmp_path: Path) -> None:
    """The .po files are exactly what qa_build.py writes from the labelled table (nobody
    edited a label or a translation in the .po files alone), and msgfmt accepts them."""
    for name in ("entries.py", "glossary.csv"):
        (tmp_path / name).write_bytes((FOLDER / name).read_bytes())
    runpy.run_path(str(FOLDER.parent / "qa_build.py"), run_name="qa_build")["build"](tmp_path)
    for name in ("corpus.po", "essay2.po", "correct.po"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(FOLDER / name)],
                       check=True)
    rows = runpy.run_path(str(FOLDER / "entries.py"))["ENTRIES"]
    defects = [row for row in rows if row[3] != "none"]
    tricky = [row for row in rows if row[4].startswith("tricky/")]
    assert (len(rows), len(defects), len(tricky)) == (167, 77, 57)
    assert Counter(row[0] for row in rows) == {"corpus": 156, "essay2": 11}
