"""Issue 15's budget: `l10n check` on the 100k corpus before issue 15 and now, in CPU seconds.

    python bench/budget.py                       # cddba8e^1 against this working tree, 3 rounds
    python bench/budget.py --runs 5 --before cddba8e^1 --after HEAD --size 100000
    python bench/budget.py --also main -- --ignore N,F004   # a third variant, options to check

The generated ``big`` catalog (``bench/generate.py --size N``, made if absent) is copied out
of its project (no configuration, no glossary, no ``.l10n-cache``) and checked with
``l10n check FILE --jobs 1 --exit-zero``, each revision's ``src`` exported with ``git
archive`` (``--after`` defaults to the working tree's ``src``), the variants alternating
in one run. User + system CPU seconds of the process (``os.wait4``) are compared, not wall
time: the machine is shared. ``--micro`` also times the number family's functions
in-process over the catalog's translated and fuzzy entries.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def export(revision: str, into: Path) -> Path:
    """``src`` of ``revision`` under ``into``; "." is the working tree itself."""
    if revision == ".":
        return ROOT / "src"
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def catalog(corpus: Path, size: int, folder: Path) -> Path:
    corpus = corpus / str(size)
    found = sorted((corpus / "big/locales/en/LC_MESSAGES").glob("*.po"))
    if not found:
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--size", str(size),
                        "--out", str(corpus.parent)], check=True, stdout=subprocess.DEVNULL)
        found = sorted((corpus / "big/locales/en/LC_MESSAGES").glob("*.po"))
    target = folder / found[0].name
    shutil.copy(found[0], target)
    return target


def cpu(src: Path, po: Path, extra: list[str]) -> float:
    """User + system CPU seconds of one `l10n check`."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    process = subprocess.Popen([sys.executable, "-m", "l10n", "check", str(po), "--jobs", "1",
                                "--exit-zero", *extra], cwd=po.parent, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"error: l10n check failed under {src}")
    return usage.ru_utime + usage.ru_stime


MICRO = r"""
import sys, time, polib
po = polib.pofile(sys.argv[1])
pairs = [(e.msgid, e.msgstr) for e in po if e.msgstr and not e.obsolete]
from l10n.korean.numbers import compare_numbers
rows = [("compare_numbers", compare_numbers)]
try:
    from l10n.korean.bounds import flipped_bounds
    from l10n.korean.durations import changed_durations
    rows += [("flipped_bounds", flipped_bounds), ("changed_durations", changed_durations)]
except ImportError:
    pass
for name, function in rows:
    start = time.process_time()
    for source, target in pairs:
        function(source, target)
    spent = time.process_time() - start
    print(f"  {name:18s} {spent:6.2f} s  {spent / len(pairs) * 1e6:5.1f} us an entry")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="cddba8e^1", help="revision before issue 15")
    parser.add_argument("--after", default=".", help="revision now ('.': the working tree)")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--also", action="append", default=[],
                        help="another revision to measure beside them (repeatable)")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus",
                        help="where generate.py's corpora are (made there if absent)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--micro", action="store_true", help="time the number functions too")
    parser.add_argument("extra", nargs="*", help="more `l10n check` options (after --)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="l10n-budget-") as temp:
        folder = Path(temp)
        po = catalog(args.corpus, args.size, folder)
        variants = {"before": export(args.before, folder / "before"),
                    "after": export(args.after, folder / "after")}
        variants |= {name: export(name, folder / f"also-{index}")
                     for index, name in enumerate(args.also)}
        samples: dict[str, list[float]] = {name: [] for name in variants}
        print(f"l10n check {po.name} --jobs 1 {' '.join(args.extra)} ({args.size:,} entries), "
              f"CPU seconds; before = {args.before}, after = {args.after}", flush=True)
        for round_ in range(args.runs):
            for name, src in variants.items():
                samples[name].append(cpu(src, po, args.extra))
            print(f"  round {round_ + 1}: " + ", ".join(
                f"{name} {values[-1]:.2f}" for name, values in samples.items()), flush=True)
        medians = {name: statistics.median(values) for name, values in samples.items()}
        for name in variants:
            if name == "before":
                continue
            paired = [after / before for before, after in zip(samples["before"], samples[name],
                                                                  strict=True)]
            print(f"  median: before {medians['before']:.2f}, {name} {medians[name]:.2f}, "
                  f"ratio {medians[name] / medians['before']:.3f} (paired: "
                  + ", ".join(f"{r:.3f}" for r in paired) + ")")
        if args.micro:
            for name, src in variants.items():
                print(f"{name} (in-process, {time.strftime('%H:%M:%S')}):", flush=True)
                subprocess.run([sys.executable, "-c", MICRO, str(po)], check=True,
                               env={**os.environ, "PYTHONPATH": str(src)})


if __name__ == "__main__":
    main()
