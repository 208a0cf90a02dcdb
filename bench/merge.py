"""Merge timing: ``l10n merge --previous`` beside ``msgmerge --previous``, both run as
commands (start-up included), on real catalogs from ``../shared/po-corpus`` and on
larger ones built from them (every entry repeated under N msgctxt values, so the
fuzzy structure of a real file is kept). Prints a Markdown table of medians.

    .venv/bin/python bench/merge.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "po-corpus" / "pairs"
L10N = [sys.executable, "-c", "from l10n.cli import main; main()"]


def _median(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _scaled(pair: Path, copies: int, out: Path) -> tuple[Path, Path]:
    """old.po and new.pot with every entry repeated under ``copies`` contexts."""
    sys.path.insert(0, str(ROOT / "src"))
    from l10n.po.catalog import encode_catalog, format_catalog, read_catalog

    paths = []
    for name in ("old.po", "new.pot"):
        po = read_catalog(pair / name)
        entries = list(po)
        del po[:]
        for n in range(copies):
            for entry in entries:
                if entry.msgctxt is None:
                    clone = type(entry)(**{k: v for k, v in vars(entry).items()
                                           if k in ("msgid", "msgstr", "msgid_plural",
                                                    "msgstr_plural", "comment", "tcomment",
                                                    "occurrences", "flags", "obsolete",
                                                    "previous_msgid")})
                    clone.msgctxt = f"copy {n}"
                    po.append(clone)
        path = out / f"{copies}-{name}"
        path.write_bytes(encode_catalog(po, format_catalog(po)))
        paths.append(path)
    return paths[0], paths[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cases = [("real, mc ko (pair 0001)", CORPUS / "0001" / "old.po",
                  CORPUS / "0001" / "new.pot")]
        cases.append(("real, mc ru (pair 0006)", CORPUS / "0006" / "old.po",
                      CORPUS / "0006" / "new.pot"))
        for copies in (10, 40):
            old, pot = _scaled(CORPUS / "0001", copies, out)
            cases.append((f"pair 0001 x{copies}", old, pot))
        for label, old, pot in cases:
            entries = old.read_text("utf-8", "replace").count("\nmsgid ")
            ours = _median(L10N + ["merge", "-q", "--previous", str(old), str(pot), "-o",
                                   str(out / "a.po")], args.repeat)
            gnu = _median(["msgmerge", "-q", "--previous", str(old), str(pot), "-o",
                           str(out / "b.po")], args.repeat)
            same = (out / "a.po").read_bytes() == (out / "b.po").read_bytes()
            rows.append((label, entries, ours, gnu, same))
    print("| catalog | entries | l10n merge | msgmerge --previous | ratio | output identical |")
    print("|---|---|---|---|---|---|")
    for label, entries, ours, gnu, same in rows:
        print(f"| {label} | {entries:,} | {ours:.3f} s | {gnu:.3f} s | "
              f"{ours / gnu:.2f}x | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
