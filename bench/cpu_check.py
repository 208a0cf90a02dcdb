"""`l10n check` of the bench corpora by two versions of the code, alternating, in CPU seconds.

    git archive OLD src | tar -x -C /tmp/old
    python bench/cpu_check.py --before /tmp/old/src prose-500 big-2000 prose-none

For each ``KIND-GLOSSARY`` (``big`` or ``prose``; ``none``, ``project``, ``500``, ``2000``)
a project per version is copied from ``bench/generate.py``'s corpus (``--corpus``), then
``check --format json`` runs cold (no ``.l10n-cache``) and warm (the cache the cold run left)
with each version in turn, ``--rounds`` times. Prints the median user+system CPU seconds
(``os.wait4``: the shared cores of a busy machine inflate wall time, not CPU), wall seconds
and peak RSS of each. The code after is this checkout's ``src`` unless ``--after`` says.

    python bench/cpu_check.py --before /tmp/old/src --states cold --pofilter \
        prose-none big-none prose-500 big-500                 # issue 22's cold rows
    python bench/cpu_check.py --before /tmp/old/src --states cold --pofilter \
        --corpus bench/corpus/100000 prose-500 big-500         # the 100k memory target

``--states cold`` times only the first run (what CI without a cached folder pays);
``--pofilter`` adds pofilter on the same catalog, in the same rounds. Peak RSS is the
largest of the command and the processes it waited for (``wait4``): with Kiwi in a child
process that is the child's, when the child is the larger.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# a cold row means a cold analyser too: no resident server (bench/resident.py measures it);
# set L10N_ANALYSER to measure another mode
os.environ.setdefault("L10N_ANALYSER", "child")

HERE = Path(__file__).resolve().parent
PO = {"big": "locales/en/LC_MESSAGES/essay-000.po", "prose": "locales/en/LC_MESSAGES/prose.po"}


def project(corpus: Path, kind: str, glossary: str, target: Path) -> Path:
    shutil.copytree(corpus / kind, target, ignore=shutil.ignore_patterns(".l10n-cache"))
    lines = f'[tool.l10n]\nproject-name = "{kind}"\n'
    if glossary == "none":
        (target / "glossary.csv").unlink(missing_ok=True)  # the default name would be read
    else:
        shutil.copy(corpus / "glossaries" / f"{glossary}.csv", target / "glossary.csv")
        lines += 'glossary = "glossary.csv"\n'
    (target / "pyproject.toml").write_text(lines, "utf-8")
    return target


def run(code: str, folder: Path, po: str, *, cold: bool) -> tuple[float, float, float]:
    if cold:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=code)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "l10n", "check", "--format", "json", po],
                               cwd=folder, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (usage.ru_utime + usage.ru_stime, time.perf_counter() - start,
            usage.ru_maxrss / 1024)


def run_pofilter(po: Path, work: Path) -> tuple[float, float, float]:
    start = time.perf_counter()
    process = subprocess.Popen([str(Path(sys.executable).parent / "pofilter"), str(po),
                                str(work / "pofilter-out.po")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (usage.ru_utime + usage.ru_stime, time.perf_counter() - start,
            usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("configs", nargs="+", help="KIND-GLOSSARY, e.g. prose-500")
    parser.add_argument("--before", required=True, help="the other code's src folder")
    parser.add_argument("--after", default=str(HERE.parent / "src"))
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "10000")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--states", nargs="+", default=["cold", "warm"],
                        choices=["cold", "warm"])
    parser.add_argument("--pofilter", action="store_true", help="pofilter in every round too")
    args = parser.parse_args()
    codes = {"before": args.before, "after": args.after}
    with tempfile.TemporaryDirectory() as work:
        for config in args.configs:
            kind, glossary = config.split("-")
            folders = {name: project(args.corpus, kind, glossary, Path(work) / f"{config}-{name}")
                       for name in codes}
            samples: dict[tuple[str, str], list] = {}
            for _ in range(args.rounds):
                if args.pofilter:
                    samples.setdefault(("anchor", "pofilter"), []).append(
                        run_pofilter(folders["after"] / PO[kind], Path(work)))
                for state in args.states:
                    for name, code in codes.items():
                        samples.setdefault((state, name), []).append(
                            run(code, folders[name], PO[kind], cold=state == "cold"))
            for (state, name), values in samples.items():
                cpu, wall, peak = sorted(values)[len(values) // 2]
                print(f"{config:12} {state} {name:6}  CPU {cpu:6.2f} s  wall {wall:6.2f} s  "
                      f"peak {peak:4.0f} MB", flush=True)


if __name__ == "__main__":
    main()
