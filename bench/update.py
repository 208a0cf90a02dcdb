"""`update` and `status` beside `msgmerge -N` and `pocount`, in CPU seconds (issue 22).

    python bench/update.py --runs 5                # every group, 10k corpus
    python bench/update.py --only update --profile # and a cProfile of one warm update
    python bench/update.py --only update --against /path/to/main --in-process
                                                   # before and after, in one run

The same projects as bench/matrix.py's update and status groups (the 500-term glossary;
100 edited essays; the cache an update of the text before the edit left), but each
variant's user+system CPU seconds (``os.wait4``) are reported beside wall time: on a
shared machine CPU time is what a change to the code moves. Variants alternate, medians
of ``--runs`` rounds. ``--check-output`` also proves that the PO files, templates and
segmentation cache an update writes are byte-identical to those of the reference
checkout given (e.g. ``--reference /work/main``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# a cold row means a cold analyser too: no resident server (bench/resident.py measures it);
# set L10N_ANALYSER to measure another mode
os.environ.setdefault("L10N_ANALYSER", "child")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from matrix import project, update_setup  # noqa: E402
from run import corpus, fresh_copy, medians, tool  # noqa: E402

L10N = [sys.executable, "-m", "l10n"]
# caches this checkout keeps that an older reference does not read (nor update)
NEW_CACHES = ("glossary-notes.json", "segmented-sources.json", "essay-outputs.json")


def compare(label: str, runs: int, variants: dict[str, dict]) -> dict:
    """``run.medians``, a line per variant with its ratios to the first."""
    result = medians(runs, variants)
    anchor = next(iter(result.values()))
    print(f"{label} (medians of {runs}; load {os.getloadavg()[0]:.1f})")
    for name, value in result.items():
        print(f"  {name:44} wall {value['seconds']:6.2f} s  cpu {value['cpu']:6.2f} s  "
              f"{value['peak_mb']:4.0f} MB  wall ÷ anchor {value['seconds'] / anchor['seconds']:.2f}"
              f"  cpu ÷ anchor {value['cpu'] / anchor['cpu']:.2f}", flush=True)
    return result


def update_group(base: Path, work: Path, runs: int, against: Path | None = None,
                 in_process: bool = False) -> dict:
    """msgmerge's loop, then each variant of ``l10n update`` (this checkout's, and the
    ``against`` checkout's if given: "before" and "after" in one run)."""
    s = update_setup(base, work)
    command = [*L10N, "update", "-q", "--project", str(s["target"])]
    variants: dict[str, dict] = {"msgmerge -N x100": {"cmd": s["loop"]}}
    checkouts = [("l10n", dict(os.environ))]
    if in_process:  # the Kiwi child (korean.analyser) off
        checkouts.append(("l10n, in-process Kiwi", dict(os.environ, L10N_ANALYSER="0")))
    if against is not None:
        checkouts.append((f"{against.name}", dict(os.environ,
                                                  PYTHONPATH=str(against / "src"))))
    for label, env in checkouts:
        variants[f"{label} update, cold"] = {
            "cmd": command, "env": env, "setup": fresh_copy(s["many"], s["target"])}
        variants[f"{label} update, warm"] = {
            "cmd": command, "env": env,
            "setup": fresh_copy(s["many"], s["target"], s["cache"])}
        variants[f"{label} update, warm, --jobs 1"] = {
            "cmd": [*command, "--jobs", "1"], "env": env,
            "setup": fresh_copy(s["many"], s["target"], s["cache"])}
    return compare("update, 100 edited essays, 500 terms", runs, variants)


def unchanged_group(base: Path, work: Path, runs: int, against: Path | None = None) -> dict:
    """An update in which nothing changed, of 100 essays whose every entry is translated
    (what `outputs.OutputRecord` lets an update skip), beside msgmerge's loop. Each
    checkout has its own copy of the project: the record names the code that wrote it, so
    two checkouts taking turns on one folder would each redo every essay."""
    import polib

    s = update_setup(base, work)
    variants: dict[str, dict] = {"msgmerge -N x100": {"cmd": s["loop"]}}
    checkouts = [("l10n", dict(os.environ))]
    if against is not None:
        checkouts.append((against.name, dict(os.environ, PYTHONPATH=str(against / "src"))))
    for index, (label, env) in enumerate(checkouts):
        folder = work / f"translated-{index}"
        fresh_copy(s["many"], folder, s["cache"])()
        command = [*L10N, "update", "-q", "--project", str(folder)]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        for path in (folder / "locales/en/LC_MESSAGES").glob("*.po"):
            po = polib.pofile(str(path))
            for entry in po:
                if not entry.obsolete and not entry.msgstr:
                    entry.msgstr = f"EN {entry.msgid}"
            po.save(str(path))
        # as update writes them, and recorded
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        variants[f"{label} update, nothing changed"] = {"cmd": command, "env": env}
    return compare("update of 100 translated essays, nothing changed, 500 terms", runs,
                   variants)


def status_group(base: Path, work: Path, runs: int) -> dict:
    folder = project(base / "big", work / "status", "500", base,
                     extra="publish-threshold = 0\n")
    command = [*L10N, "status", "-f", "json", "--project", str(folder)]
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)

    def no_cache() -> None:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)
    return compare("status with the QA gate, 500 terms", runs, {
        "pocount": {"cmd": [tool("pocount"),
                            str(folder / "locales/en/LC_MESSAGES/essay-000.po")]},
        "l10n status, cold": {"cmd": command, "setup": no_cache},
        "l10n status, warm": {"cmd": command},
    })


def digests(folder: Path) -> dict[str, str]:
    """Every file an update writes (catalogs, templates, caches), by relative path."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ("locales" in path.parts or ".l10n-cache" in path.parts):
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def check_output(base: Path, work: Path, reference: Path) -> None:
    """The files an update writes, warm and cold, here and with ``reference``'s src."""
    s = update_setup(base, work)
    env_here = dict(os.environ, PYTHONPATH=str(ROOT / "src"), SOURCE_DATE_EPOCH="1700000000")
    env_ref = dict(env_here, PYTHONPATH=str(reference / "src"))
    for label, cache in (("cold", None), ("warm", s["cache"])):
        outputs = []
        for env in (env_here, env_ref):
            fresh_copy(s["many"], s["target"], cache)()
            for _ in range(2):  # the first run, then a run with nothing to change
                subprocess.run([*L10N, "update", "-q", "--project", str(s["target"])],
                               check=True, env=env, stdout=subprocess.DEVNULL)
                outputs.append(digests(s["target"]))
        # every file both write (catalogs, templates, segment and decision caches); the
        # caches one of them keeps and the other does not are listed
        for run in (0, 1):
            mine, theirs = outputs[run], outputs[run + 2]
            common = sorted(set(mine) & set(theirs))
            differ = [name for name in common if mine[name] != theirs[name]
                      and not name.endswith(NEW_CACHES)]
            print(f"update {label}, run {run + 1}: {len(common)} files "
                  f"{'DIFFERENT' if differ else 'byte-identical'} to {reference}; only "
                  f"here: {sorted(set(mine) - set(theirs))}; only there: "
                  f"{sorted(set(theirs) - set(mine))}")
            for name in differ:
                print("  differs:", name)
            if differ or set(theirs) - set(mine):
                raise SystemExit(1)


def profile(base: Path, work: Path) -> None:
    s = update_setup(base, work)
    fresh_copy(s["many"], s["target"], s["cache"])()
    out = work / "update.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "l10n", "update",
                    "-q", "--jobs", "1", "--project", str(s["target"])], check=True)
    import pstats

    pstats.Stats(str(out)).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=["update", "unchanged", "status"])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--reference", type=Path, help="a checkout to compare outputs with")
    parser.add_argument("--against", type=Path,
                        help="a checkout (e.g. main's) whose update is timed beside this one")
    parser.add_argument("--in-process", action="store_true",
                        help="also time this checkout with the Kiwi child off")
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = str(ROOT / "src")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    base = corpus(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.reference:
            check_output(base, work, args.reference.resolve())
        if "update" in args.only:
            update_group(base, work, args.runs,
                         args.against.resolve() if args.against else None, args.in_process)
        if "unchanged" in args.only:
            unchanged_group(base, work, args.runs,
                            args.against.resolve() if args.against else None)
        if "status" in args.only:
            status_group(base, work, args.runs)
        if args.profile:
            profile(base, work)


if __name__ == "__main__":
    main()
