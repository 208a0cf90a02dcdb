"""Merge timing: ``l10n merge --previous`` beside ``msgmerge --previous``, both run as
commands (start-up included), on real catalogs from ``../shared/po-corpus`` and on
larger ones built from them (every entry repeated under N msgctxt values, so the
fuzzy structure of a real file is kept). Prints a Markdown table of medians.

    .venv/bin/python bench/merge.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "po-corpus" / "pairs"
L10N = [sys.executable, "-c", "from l10n.cli import main; main()"]


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall and user+system CPU seconds of one run (the machine is shared: CPU is the
    steadier figure)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _medians(commands: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """(wall, CPU) medians of each command, the commands alternating."""
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(repeat):
        for cmd, found in zip(commands, samples, strict=True):
            found.append(_run(cmd))
    return [(statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
            for found in samples]


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
            ours, gnu = _medians([
                L10N + ["merge", "-q", "--previous", str(old), str(pot), "-o",
                        str(out / "a.po")],
                ["msgmerge", "-q", "--previous", str(old), str(pot), "-o", str(out / "b.po")]],
                args.repeat)
            same = (out / "a.po").read_bytes() == (out / "b.po").read_bytes()
            rows.append((label, entries, ours, gnu, same))
    print("| catalog | entries | l10n merge wall / CPU | msgmerge --previous wall / CPU | "
          "ratio wall / CPU | output identical |")
    print("|---|---|---|---|---|---|")
    for label, entries, ours, gnu, same in rows:
        print(f"| {label} | {entries:,} | {ours[0]:.3f} / {ours[1]:.3f} s | "
              f"{gnu[0]:.3f} / {gnu[1]:.3f} s | {ours[0] / gnu[0]:.2f}x / "
              f"{ours[1] / gnu[1]:.2f}x | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
