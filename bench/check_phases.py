"""Where a ``check`` spends its CPU, phase by phase (issue 22: the findings cache).

    python bench/check_phases.py [--glossary 500] [--kind prose] [--size 10000] [--edit]

Copies the chosen bench project (``bench/generate.py``'s corpus) to a temporary folder,
runs ``l10n check`` once there to fill ``.l10n-cache`` (the cold run, timed as a whole),
optionally retranslates 1% of the entries (``--edit``: the pre-commit case), then runs
the check again in this process with ``--jobs 1`` and reports user+system CPU seconds of
each phase: start-up (imports), reading the catalog (``load_catalog``: po.parse and
po.validate), planning (keying every entry and looking it up in the findings cache),
the per-entry checks still to run, the catalog and project checks, writing the cache,
and the JSON report. Uses this checkout's ``src``.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PO = {"big": "locales/en/LC_MESSAGES/essay-000.po", "prose": "locales/en/LC_MESSAGES/prose.po"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--kind", choices=sorted(PO), default="prose")
    parser.add_argument("--glossary", choices=("none", "project", "500", "2000"),
                        default="500")
    parser.add_argument("--edit", action="store_true", help="retranslate 1%% of the entries")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from matrix import edited_copy, project

    base = HERE / "corpus" / str(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = project(base / args.kind, Path(tmp) / "p", args.glossary, base)
        po = folder / PO[args.kind]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "l10n", "check", "--exit-zero", str(po)],
                       cwd=folder, env=env, stdout=subprocess.DEVNULL, check=True)
        print(f"cold run: {time.perf_counter() - start:.2f} s wall")
        if args.edit:
            print(f"edited {edited_copy(po, po)} entries")
        os.chdir(folder)
        print(" ".join(f"{k} {v:.3f}" for k, v in phases(po).items()), "(CPU s)")


def phases(po: Path) -> dict[str, float]:
    spent: dict[str, float] = {}
    began = time.process_time()
    sys.path.insert(0, str(ROOT / "src"))
    import l10n.checks as checks
    from l10n.checks import inputs, memo, work
    from l10n.report import render_json

    spent["start-up"] = time.process_time() - began

    def timed(owner, name: str, label: str) -> None:
        function = getattr(owner, name)

        @functools.wraps(function)
        def measured(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
        setattr(owner, name, measured)

    timed(inputs, "load_catalog", "read catalog")
    timed(checks, "FindingsCache", "load cache")
    timed(memo.Plan, "_plan", "plan (key, look up)")
    timed(checks, "_prepare", "prepare (Kiwi, glossary hits)")
    timed(work.Work, "units", "per-entry checks")
    timed(work.Work, "others", "catalog and project checks")
    timed(memo.Plan, "save", "save cache")
    start = time.process_time()
    report = checks.check_groups(inputs.gather([po]), jobs=1)
    spent["whole check"] = time.process_time() - start
    start = time.process_time()
    io.StringIO().write(render_json(report.shown, report.files))
    spent["JSON report"] = time.process_time() - start
    return spent


if __name__ == "__main__":
    main()
