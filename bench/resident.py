"""The resident analyser (``korean/resident.py``) beside the forked child, in CPU seconds.

    python bench/resident.py --runs 3                      # update and cold check groups
    python bench/resident.py --only update --runs 3

Variants, alternating, medians of ``--runs`` rounds (``run.medians``: user+system CPU of
the command and the processes it waited for, wall time, peak RSS):

- ``in-process``: ``L10N_ANALYSER=0``, Kiwi in the run's own process;
- ``child``: ``L10N_ANALYSER=child``, the forked child (what main does);
- ``resident, running``: the server already up and warm (a private runtime directory);
- ``resident, started``: no server before the run (the last one stopped in the setup),
  so the run starts one and waits for it.

The client's ``wait4`` does not include the server (a detached process), so the server's
own CPU and peak RSS after each "started" run are read from its ``status`` and printed
apart. ``update``: bench/matrix.py's update project (100 edited essays, 500-term glossary,
with the cache the update before the edit left, then with none) beside ``msgmerge -N``
x100; ``check``: a cold ``check --format json`` of the
prose corpus with no glossary and the 500-term glossary beside pofilter.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cpu_check import PO  # noqa: E402
from cpu_check import project as check_project  # noqa: E402
from matrix import update_setup  # noqa: E402
from run import corpus, fresh_copy, medians  # noqa: E402

L10N = [sys.executable, "-m", "l10n"]
ASK = ("import json, sys\nfrom l10n.korean import resident\n"
       "found = resident._ask_server(('status',)) if sys.argv[1] == 'status' else None\n"
       "print(json.dumps(found if sys.argv[1] == 'status' else resident.stop()))\n")
WARM = ("from l10n.korean.analyser import Analyser, tokenize_job\n"
        "a = Analyser.start(); a.call(tokenize_job, ['가.']); assert not a.failed\n")


def _env(mode: str, runtime: Path | None = None) -> dict:
    env = dict(os.environ, L10N_ANALYSER=mode)
    if runtime is not None:
        env["L10N_RUNTIME_DIR"] = str(runtime)
    return env


def _server(runtime: Path, what: str):
    done = subprocess.run([sys.executable, "-c", ASK, what], capture_output=True, text=True,
                          env=_env("resident", runtime), check=True)
    return json.loads(done.stdout)


def _stop(runtime: Path) -> None:
    _server(runtime, "stop")
    deadline = time.monotonic() + 10
    while any(runtime.glob("*.sock")) and time.monotonic() < deadline:
        time.sleep(0.05)


class Servers:
    """The two private runtime directories: one with a warm server, one emptied before
    each run of the "started" variant (whose server's own cost is noted first)."""

    def __init__(self, work: Path) -> None:
        self.running, self.started = work / "rt-running", work / "rt-started"
        for folder in (self.running, self.started):
            folder.mkdir(mode=0o700)
        self.costs: list[tuple[float, float]] = []
        self.runs = 0  # of the "running" variant since ``self.before``
        self.before = 0.0

    def warm(self) -> None:
        subprocess.run([sys.executable, "-c", WARM], check=True, env=_env("resident",
                                                                          self.running))

    def running_cpu(self) -> float:
        return (_server(self.running, "status") or {}).get("cpu", 0.0)

    def note_and_stop(self) -> None:
        found = _server(self.started, "status")
        if found:
            self.costs.append((found["cpu"], found["rss_mb"]))
        _stop(self.started)

    def variants(self, command: list[str], setup) -> dict[str, dict]:
        def ready() -> None:
            setup()
            self.warm()  # a no-op request when it is up already
            self.runs += 1

        def empty() -> None:
            setup()
            self.note_and_stop()
        return {
            "in-process": {"cmd": command, "setup": setup, "env": _env("0")},
            "child": {"cmd": command, "setup": setup, "env": _env("child")},
            "resident, running": {"cmd": command, "setup": ready,
                                  "env": _env("resident", self.running)},
            "resident, started": {"cmd": command, "setup": empty,
                                  "env": _env("resident", self.started)},
        }

    def start_group(self) -> None:
        self.warm()
        self.runs, self.before = 0, self.running_cpu()

    def report(self) -> None:
        if self.runs:
            print(f"  the warm server's CPU per 'running' run: "
                  f"{(self.running_cpu() - self.before) / self.runs:.2f} s", flush=True)
        self.note_and_stop()
        if self.costs:
            cpu = statistics.median(c for c, _ in self.costs)
            rss = max(r for _, r in self.costs)
            print(f"  the server a 'started' run left: CPU {cpu:.2f} s (median of "
                  f"{len(self.costs)}), peak RSS {rss:.0f} MB", flush=True)
        self.costs.clear()

    def close(self) -> None:
        for folder in (self.running, self.started):
            _stop(folder)


def show(label: str, runs: int, variants: dict[str, dict]) -> None:
    result = medians(runs, variants)
    anchor = next(iter(result.values()))
    print(f"{label} (medians of {runs}; load {os.getloadavg()[0]:.1f})")
    for name, value in result.items():
        print(f"  {name:20} wall {value['seconds']:6.2f} s  cpu {value['cpu']:6.2f} s  "
              f"{value['peak_mb']:4.0f} MB  wall ÷ anchor "
              f"{value['seconds'] / anchor['seconds']:.2f}  cpu ÷ anchor "
              f"{value['cpu'] / anchor['cpu']:.2f}", flush=True)


def update_group(base: Path, work: Path, runs: int, servers: Servers) -> None:
    s = update_setup(base, work)
    command = [*L10N, "update", "-q", "--project", str(s["target"])]
    for label, cache in (("warm cache", s["cache"]), ("cold (no cache)", None)):
        setup = fresh_copy(s["many"], s["target"], cache)
        servers.start_group()
        show(f"{base.name} update, 100 edited essays, 500 terms, {label}", runs,
             {"msgmerge -N x100": {"cmd": s["loop"]}, **servers.variants(command, setup)})
        servers.report()


def check_group(base: Path, work: Path, runs: int, servers: Servers, glossary: str) -> None:
    folder = check_project(base, "prose", glossary, work / f"check-{glossary}")

    def cold() -> None:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)
    command = [*L10N, "check", "--format", "json", str(folder / PO["prose"])]
    pofilter = [str(Path(sys.executable).parent / "pofilter"), str(folder / PO["prose"]),
                str(work / "pofilter-out.po")]
    servers.start_group()
    show(f"{base.name} cold check, prose, glossary {glossary}", runs,
         {"pofilter": {"cmd": pofilter}, **servers.variants(command, cold)})
    servers.report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--only", choices=["update", "check"])
    args = parser.parse_args()
    base = corpus(args.size)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        servers = Servers(work)
        try:
            servers.warm()
            if args.only in (None, "update"):
                update_group(base, work, args.runs, servers)
            if args.only in (None, "check"):
                for glossary in ("none", "500"):
                    check_group(base, work, args.runs, servers, glossary)
        finally:
            servers.close()


if __name__ == "__main__":
    main()
