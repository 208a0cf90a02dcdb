"""Merge timing: ``l10n merge --previous`` beside ``msgmerge --previous``, both run as
commands (start-up included), on real catalogs from ``../shared/po-corpus`` and on
larger ones built from them (every entry repeated under N msgctxt values, so the
fuzzy structure of a real file is kept). Prints a Markdown table of medians.

    .venv/bin/python bench/merge.py [--repeat 5] [--against ../main] [--corpus]

``l10n`` runs as its console script does (``l10n.__main__.main``), from this tree's
``src``; ``--against DIR`` adds a row per catalog for another checkout's ``src`` (main
before a change), the three commands alternating. Bytecode is written as an installed
package has it (PYTHONDONTWRITEBYTECODE is dropped). Wall time and user+system CPU
seconds (``os.wait4``; the machine is shared, CPU is the steadier figure).
``--corpus`` adds a row per corpus pair of at least 900 entries (the real 1k-entry
merges) and a summary row: the median and the highest of their ratios.
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
L10N = [sys.executable, "-c", "import sys; from l10n.__main__ import main; sys.exit(main())"]


def _run(cmd: list[str], src: Path | None) -> tuple[float, float]:
    """Wall and user+system CPU seconds of one run (the machine is shared: CPU is the
    steadier figure); ``src`` goes on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _medians(commands: list[tuple[list[str], Path | None]],
             repeat: int) -> list[tuple[float, float]]:
    """(wall, CPU) medians of each command, the commands alternating."""
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(repeat):
        for (cmd, src), found in zip(commands, samples, strict=True):
            found.append(_run(cmd, src))
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


def _legacy(pair: Path, charset: str, out: Path) -> tuple[Path, Path]:
    """old.po in ``charset`` (as mc's catalogs were kept before UTF-8), and new.pot with
    xgettext's placeholder charset, so the result stays in ``charset``."""
    import re

    text = (pair / "old.po").read_text("utf-8").replace("charset=UTF-8",
                                                         f"charset={charset}", 1)
    old, pot = out / f"{charset}-old.po", out / f"{charset}-new.pot"
    old.write_bytes(text.encode(charset, "replace"))
    pot.write_text(re.sub(r'charset=[^\\\s"]+', "charset=CHARSET",
                          (pair / "new.pot").read_text("utf-8"), count=1), "utf-8")
    return old, pot


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout (its src/ runs as 'before')")
    parser.add_argument("--corpus", action="store_true",
                        help="also every corpus pair of at least 900 entries")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cases = [("real, mc ko (pair 0001)", CORPUS / "0001" / "old.po",
                  CORPUS / "0001" / "new.pot")]
        cases.append(("real, mc ru (pair 0006)", CORPUS / "0006" / "old.po",
                      CORPUS / "0006" / "new.pot"))
        cases.append(("real, mc ko (pair 0001) in EUC-KR", *_legacy(CORPUS / "0001", "EUC-KR",
                                                                  out)))
        for copies in (10, 40):
            old, pot = _scaled(CORPUS / "0001", copies, out)
            cases.append((f"pair 0001 x{copies}", old, pot))
        if args.corpus:
            cases += [(f"real, pair {pair.name}", pair / "old.po", pair / "new.pot")
                      for pair in sorted(CORPUS.iterdir()) if pair.name not in ("0001", "0006")
                      and (pair / "old.po").read_text("utf-8", "replace").count("\nmsgid ")
                      >= 900]
        for label, old, pot in cases:
            entries = old.read_text("utf-8", "replace").count("\nmsgid ")
            files = [str(old), str(pot)]
            commands = [(L10N + ["merge", "-q", "--previous", *files, "-o",
                                 str(out / "a.po")], ROOT / "src"),
                        (["msgmerge", "-q", "--previous", *files, "-o", str(out / "b.po")],
                         None)]
            if args.against is not None:
                commands.append((L10N + ["merge", "-q", "--previous", *files, "-o",
                                         str(out / "c.po")], args.against.resolve() / "src"))
            found = _medians(commands, args.repeat)
            same = (out / "a.po").read_bytes() == (out / "b.po").read_bytes()
            rows.append((label, entries, found[0], found[1], same))
            if args.against is not None:
                same = (out / "c.po").read_bytes() == (out / "b.po").read_bytes()
                rows.append((f"{label}, before", entries, found[2], found[1], same))
    print("| catalog | entries | l10n merge wall / CPU | msgmerge --previous wall / CPU | "
          "ratio wall / CPU | output identical |")
    print("|---|---|---|---|---|---|")
    for label, entries, ours, gnu, same in rows:
        print(f"| {label} | {entries:,} | {ours[0]:.3f} / {ours[1]:.3f} s | "
              f"{gnu[0]:.3f} / {gnu[1]:.3f} s | {ours[0] / gnu[0]:.2f}x / "
              f"{ours[1] / gnu[1]:.2f}x | {'yes' if same else 'no'} |")
    real = [(ours[0] / gnu[0], ours[1] / gnu[1]) for label, entries, ours, gnu, _ in rows
            if label.startswith("real") and not label.endswith("before")]
    if len(real) > 2:
        print(f"| real pairs of 900+ entries ({len(real)}): median, highest | | | | "
              f"{statistics.median(w for w, _ in real):.2f}x / "
              f"{statistics.median(c for _, c in real):.2f}x; "
              f"{max(w for w, _ in real):.2f}x / {max(c for _, c in real):.2f}x | |")


if __name__ == "__main__":
    main()
