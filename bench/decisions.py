"""Glossary matching with an empty and with a filled verdict cache (issue 22, item 1).

    python bench/decisions.py

Every Korean sentence of tests/data and the bundled catalog against the union of every
glossary there; prints the time of ``Glossary.find_korean_many`` cold, warm in the same
process and warm in a new process (which must not import kiwipiepy).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.test_decisions import _all_terms, _texts  # noqa: E402

WARM = """
import sys, time
sys.path[:0] = [{src!r}, {root!r}]
from pathlib import Path
from tests.test_decisions import _all_terms, _texts
texts = _texts()
start = time.perf_counter()
_all_terms().remember_decisions(Path({folder!r})).find_korean_many(texts)
print(f"{{time.perf_counter() - start:.2f}} {{'kiwipiepy' in sys.modules}}")
"""


def main() -> None:
    texts = _texts()
    with tempfile.TemporaryDirectory() as folder:
        for label in ("empty cache", "same process, cache filled"):
            glossary = _all_terms().remember_decisions(Path(folder))
            start = time.perf_counter()
            glossary.find_korean_many(texts)
            print(f"{label}: {time.perf_counter() - start:.2f} s "
                  f"({len(texts)} sentences, {len(glossary)} terms)")
        code = WARM.format(src=str(ROOT / "src"), root=str(ROOT), folder=folder)
        seconds, kiwi = subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout.split()
        print(f"new process, cache on disk: {seconds} s, kiwipiepy imported: {kiwi}")


if __name__ == "__main__":
    main()
