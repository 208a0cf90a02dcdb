"""A warm ``l10n check`` of two versions of the code side by side, in CPU seconds (issue 22).

    python bench/checkwarm.py --before /tmp/old/src [--after src] [--runs 3] [--size 10000]

Each version is a ``src`` folder (e.g. ``git archive main src | tar -x -C /tmp/old``), run as
``python -m l10n`` with that folder on ``PYTHONPATH``. On ``bench/generate.py``'s corpus
(``prose`` and the generated ``big`` catalog), with no glossary and with the 500-term one,
``check --format json`` runs warm (its ``.l10n-cache`` made by a first, untimed run of each
version), with the default ``--jobs`` and with ``--jobs 1``, beside ``pofilter`` on the
same file; the variants alternate, ``--runs`` rounds. Reported per variant: the median of
user+system CPU seconds of the command and the workers it waited for (``wait4``), the
median wall seconds, and the largest peak RSS. On a shared machine read the CPU column:
wall time there measures the other processes. Output: a Markdown table on stdout.
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
sys.path.insert(0, str(HERE))

from run import tool  # noqa: E402

CATALOGS = {"prose": "locales/en/LC_MESSAGES/prose.po",
            "big": "locales/en/LC_MESSAGES/essay-000.po"}


def run(command: list[str], *, cwd: Path | None = None, env: dict | None = None
        ) -> tuple[float, float, float]:
    """CPU seconds (user+system, with waited-for children), wall seconds, peak MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (usage.ru_utime + usage.ru_stime, time.perf_counter() - start,
            usage.ru_maxrss / 1024)


def project(corpus: Path, kind: str, glossary: str, target: Path) -> Path:
    shutil.copytree(corpus / kind, target, ignore=shutil.ignore_patterns(".l10n-cache"))
    lines = [f'[tool.l10n]\nproject-name = "{kind}"\n']
    if glossary != "none":
        shutil.copy(corpus / "glossaries" / f"{glossary}.csv", target / "glossary.csv")
        lines.append('glossary = "glossary.csv"\n')
    else:  # the corpus names its glossary.csv, and it is the default: none means none
        (target / "glossary.csv").unlink(missing_ok=True)
    (target / "pyproject.toml").write_text("".join(lines), "utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the old src folder")
    parser.add_argument("--after", type=Path, default=ROOT / "src")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--glossaries", nargs="+", default=["none", "500"])
    parser.add_argument("--kinds", nargs="+", default=["prose", "big"])
    args = parser.parse_args()
    corpus = HERE / "corpus" / str(args.size)
    if not (corpus / "glossaries").exists():
        raise SystemExit(f"make the corpus first: python bench/generate.py --size {args.size}")
    versions = {"before": args.before.resolve(), "after": args.after.resolve()}
    print(f"load average {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        variants: dict[str, tuple[list[str], Path | None, dict | None]] = {}
        for kind in args.kinds:
            po = CATALOGS[kind]
            variants[f"{kind} pofilter"] = ([tool("pofilter"), str(corpus / kind / po),
                                            str(Path(tmp) / f"{kind}-pofilter.po")], None, None)
            for glossary in args.glossaries:
                for version, src in versions.items():
                    folder = project(corpus, kind, glossary,
                                     Path(tmp) / f"{kind}-{glossary}-{version}")
                    env = {**os.environ, "PYTHONPATH": str(src)}
                    command = [sys.executable, "-m", "l10n", "check", "--format", "json"]
                    subprocess.run(command, cwd=folder, env=env, stdout=subprocess.DEVNULL)
                    for jobs in ("default", "1"):
                        extra = [] if jobs == "default" else ["--jobs", "1"]
                        variants[f"{kind} {glossary} jobs={jobs} {version}"] = (
                            [*command, *extra], folder, env)
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, (command, cwd, env) in variants.items():
                samples[name].append(run(command, cwd=cwd, env=env))
    print(f"load average {os.getloadavg()}", file=sys.stderr)
    print(f"{args.size:,} entries, warm `check --format json`, medians of {args.runs} "
          "alternating rounds\n")
    print("| variant | CPU s | wall s | peak MB | CPU after ÷ before |")
    print("|---|---|---|---|---|")
    medians = {name: (statistics.median(s[0] for s in values),
                      statistics.median(s[1] for s in values), max(s[2] for s in values))
               for name, values in samples.items()}
    for name, (cpu, wall, peak) in medians.items():
        ratio = ""
        if name.endswith(" after"):
            ratio = f"{cpu / medians[name[:-len('after')] + 'before'][0]:.2f}"
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {peak:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
