"""Start-up: `l10n check` of one small file beside `pofilter`, and the cost of F004 and N00x.

    python bench/startup.py [--rounds 7]                      # small file, --help, checks
    python bench/startup.py --overhead big/.../essay-000.po   # F004 and N00x on vs ignored

The small file is the bundled catalog (40 entries) in a copy of the bundled project, with
its glossary and with none; the caches (.l10n-cache) are warmed by one run first, as a
translator's second run or CI with a cached folder finds them. Every command runs as a
process, the variants alternating; medians of wall time and of user+system CPU (the
machine is shared: CPU time is the steadier figure). Python writes bytecode as an
installed package has it (PYTHONDONTWRITEBYTECODE is dropped).
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

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
L10N = [sys.executable, "-m", "l10n"]
CATALOG = Path("locales/en/LC_MESSAGES/fourth-industrial-revolution.po")


def run(command: list[str], cwd: Path | None = None,
        path: tuple[str, ...] = (str(ROOT / "src"),)) -> tuple[float, float]:
    """Wall seconds and user+system CPU seconds of one process; ``path`` goes first on
    PYTHONPATH (the l10n sources to run, and anything to import before the venv's)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [*path, env.get("PYTHONPATH")]))
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def compare(variants: dict[str, tuple], rounds: int) -> dict:
    """Medians of (wall, CPU) per variant: (command, cwd[, path]), alternating."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, (command, cwd, *path) in variants.items():
            samples[name].append(run(command, cwd, *path))
    return {name: (statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
            for name, s in samples.items()}


def project_copy(folder: Path, glossary: bool) -> Path:
    folder.mkdir()
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if not glossary:
        config = config.replace('glossary = "glossary.csv"\n', "")
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")
    shutil.copy(ROOT / "glossary.csv", folder / "glossary.csv")
    shutil.copytree(ROOT / "source", folder / "source")
    shutil.copytree(ROOT / "locales", folder / "locales")
    return folder


def small_file(rounds: int, before: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with_terms = project_copy(Path(tmp) / "glossary", True)
        without = project_copy(Path(tmp) / "none", False)
        variants = {}
        if before:  # another checkout, in its own project copy (its caches are its own)
            earlier = project_copy(Path(tmp) / "before", True)
            run(L10N + ["check", str(CATALOG)], earlier, before)
            variants["before: l10n check, project glossary"] = (
                L10N + ["check", str(CATALOG)], earlier, before)
        for folder in (with_terms, without):  # warm the caches, as a second run finds them
            run(L10N + ["check", str(CATALOG)], folder)
        pofilter = str(BIN / "pofilter") if (BIN / "pofilter").exists() else "pofilter"
        results = compare({
            **variants,
            "l10n check, project glossary": (L10N + ["check", str(CATALOG)], with_terms),
            "l10n check, no glossary": (L10N + ["check", str(CATALOG)], without),
            "pofilter": ([pofilter, str(CATALOG), str(Path(tmp) / "out.po")], without),
            "l10n --help": (L10N + ["--help"], without),
            "l10n checks": (L10N + ["checks"], without),
        }, rounds)
    anchor_wall, anchor_cpu = results["pofilter"]
    print("| command | median wall s | median CPU s | wall ÷ pofilter | CPU ÷ pofilter |")
    print("|---|---|---|---|---|")
    for name, (wall, cpu) in results.items():
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {wall / anchor_wall:.2f} | "
              f"{cpu / anchor_cpu:.2f} |")


def overhead(catalog: Path, rounds: int) -> None:
    """`check` with every check beside `check --ignore F004,N` on one large catalog, the
    project's caches warmed by one run first."""
    run(L10N + ["check", "--jobs", "1", str(catalog)])
    results = compare({
        "all checks": (L10N + ["check", "--jobs", "1", str(catalog)], None),
        "--ignore F004,N": (L10N + ["check", "--jobs", "1", "--ignore", "F004,N",
                                    str(catalog)], None),
    }, rounds)
    base = results["--ignore F004,N"][1]
    print("| run | median wall s | median CPU s | CPU ÷ without |")
    print("|---|---|---|---|")
    for name, (wall, cpu) in results.items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {cpu / base:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--overhead", type=Path, help="a large catalog (bench/generate.py)")
    parser.add_argument("--before", default="", help="PYTHONPATH of an earlier checkout "
                        "(its src, and e.g. the typer it ran with) for a before row")
    args = parser.parse_args()
    if args.overhead:
        overhead(args.overhead.resolve(), args.rounds)
    else:
        small_file(args.rounds, tuple(filter(None, args.before.split(os.pathsep))))


if __name__ == "__main__":
    main()
