"""Every glossary configuration side by side with pofilter, pocount and msgmerge (issue 22).

    python bench/matrix.py --sizes 10000 30000 --runs 3

For each size, on ``bench/generate.py``'s corpus (generated text and real prose):

* ``check`` of one catalog with no glossary, the project's 52 terms, 500 and 2,000 terms
  (``--glossaries`` chooses), each cold (no ``.l10n-cache``: a first run, CI without a
  cached folder), warm (the cache the previous run left) and warm with 1% of the
  entries retranslated since (the pre-commit case: what an edit costs), beside
  ``pofilter`` on the same file;
* ``status`` with the QA gate on every catalog (``publish-threshold = 0``), 500 terms,
  cold and warm, beside ``pocount``;
* ``update`` of 100 edited essays with the 500-term glossary, cold (no cache) and warm
  (the cache an update of the text before the edit left), beside ``msgmerge -N`` on
  every catalog, one after the other;
* ``--jobs 1`` beside the default (one process per core) for ``check`` and ``update``.

Variants of a group run alternately, ``--runs`` rounds; medians of wall time and of CPU
time (user + system, the command's and its workers'), and the peak resident memory of
the largest process (``wait4``: the command or a worker it waited for). The code measured is this checkout's ``src`` (``python -m l10n``). Results
go to bench/out/matrix.json and between the MATRIX markers of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import compare, corpus, fresh_copy, tool  # noqa: E402

BEGIN, END = "<!-- MATRIX:BEGIN -->", "<!-- MATRIX:END -->"
GLOSSARIES = ("none", "project", "500", "2000")
L10N = [sys.executable, "-m", "l10n"]


def project(source: Path, target: Path, glossary: str, base: Path, *, extra: str = "") -> Path:
    """A copy of ``source`` whose configuration names the chosen glossary (none: no line)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".l10n-cache"))
    name = source.name
    lines = [f'[tool.l10n]\nproject-name = "{name}"\n']
    if glossary != "none":
        shutil.copy(base / "glossaries" / f"{glossary}.csv", target / "glossary.csv")
        lines.append('glossary = "glossary.csv"\n')
    else:
        (target / "glossary.csv").unlink(missing_ok=True)
    (target / "pyproject.toml").write_text("".join(lines) + extra, "utf-8")
    return target


def no_cache(folder: Path):
    def setup() -> None:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)
    return setup


def edited_copy(po: Path, target: Path, share: int = 100) -> int:
    """``po`` with one translated entry in ``share`` retranslated (the pre-commit case:
    a translator's edit of 1% of a catalog), written to ``target``; how many."""
    import polib

    catalog = polib.pofile(str(po), wrapwidth=79)
    done = [entry for entry in catalog if entry.msgstr and not entry.obsolete]
    for entry in done[::share]:
        entry.msgstr = f"{entry.msgstr.rstrip()} (revised)"
    catalog.save(str(target))
    return len(done[::share])


def edit_setup(folder: Path, po: str, edited: Path, cache: Path):
    """Before each round: the cache a check of the catalog before the edit left, and the
    edited catalog in place."""
    def setup() -> None:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)
        if cache.exists():  # (a run that had nothing to remember left none)
            shutil.copytree(cache, folder / ".l10n-cache")
        shutil.copy(edited, folder / po)
    return setup


def check_group(base: Path, kind: str, work: Path, runs: int,
                glossaries: tuple[str, ...] = GLOSSARIES, rows: tuple[str, ...] = ()) -> dict:
    """pofilter and l10n's variants (``rows``: only those whose name has one of these)."""
    po = {"big": "locales/en/LC_MESSAGES/essay-000.po",
          "prose": "locales/en/LC_MESSAGES/prose.po"}[kind]
    variants: dict[str, dict] = {"pofilter": {"cmd": [tool("pofilter"), str(base / kind / po),
                                                      str(work / "pofilter.po")]}}
    for glossary in glossaries:
        folder = project(base / kind, work / f"check-{kind}-{glossary}", glossary, base)
        command = [*L10N, "check", str(folder / po)]
        subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL)  # warms the cache
        variants[f"l10n {glossary}, cold"] = {"cmd": command, "cwd": folder,
                                              "setup": no_cache(folder)}
        variants[f"l10n {glossary}, warm"] = {"cmd": command, "cwd": folder}
        # the same warm cache, then 1% of the entries edited (a separate copy, so that
        # the other variants check the catalog as it was)
        other = project(base / kind, work / f"check-{kind}-{glossary}-edited", glossary, base)
        subprocess.run([*L10N, "check", str(other / po)], cwd=other, stdout=subprocess.DEVNULL)
        snapshot = work / f"cache-{kind}-{glossary}"
        shutil.rmtree(snapshot, ignore_errors=True)
        if (other / ".l10n-cache").exists():
            shutil.copytree(other / ".l10n-cache", snapshot)
        edited = work / f"edited-{kind}-{glossary}.po"
        # in a process of its own: a child's peak RSS (wait4) starts at its parent's,
        # and reading 100k entries here would raise the floor of every later row
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                        f"sys.path.insert(0, {str(HERE)!r}); from matrix import edited_copy; "
                        "edited_copy(Path(sys.argv[1]), Path(sys.argv[2]))",
                        str(base / kind / po), str(edited)], check=True)
        variants[f"l10n {glossary}, warm, 1% edited"] = {
            "cmd": [*L10N, "check", str(other / po)], "cwd": other,
            "setup": edit_setup(other, po, edited, snapshot)}
        if glossary == "500":
            variants["l10n 500, warm, --jobs 1"] = {"cmd": [*command, "--jobs", "1"],
                                                    "cwd": folder}
    variants = {name: spec for name, spec in variants.items()
                if not rows or any(part in name for part in rows)}
    return compare(f"{base.name} check {kind}", runs, variants)


def status_group(base: Path, work: Path, runs: int) -> dict:
    folder = project(base / "big", work / "status", "500", base,
                     extra="publish-threshold = 0\n")
    command = [*L10N, "status", "-f", "json", "--project", str(folder)]
    subprocess.run(command, stdout=subprocess.DEVNULL)
    return compare(f"{base.name} status", runs, {
        "pocount": {"cmd": [tool("pocount"), str(folder / "locales/en/LC_MESSAGES/essay-000.po")]},
        "l10n status, QA gate, 500, cold": {"cmd": command, "setup": no_cache(folder)},
        "l10n status, QA gate, 500, warm": {"cmd": command},
    })


def update_setup(base: Path, work: Path) -> dict:
    """The edited project, the cache the update before the edit left, msgmerge's loop."""
    many = project(base / "many", work / "many-source", "500", base)
    scratch = work / "many-before"
    fresh_copy(many, scratch)()
    shutil.rmtree(scratch / "source/ko")
    shutil.copytree(many / "source-original", scratch / "source/ko")
    subprocess.run([*L10N, "update", "-q", "--project", str(scratch)], check=True,
                   stdout=subprocess.DEVNULL)
    cache = work / "many-cache"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.move(scratch / ".l10n-cache", cache)
    target = work / "many"
    fresh_copy(many, target)()
    templates = work / "many-templates"
    subprocess.run([*L10N, "extract", "-q", "--project", str(target)], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(templates, ignore_errors=True)
    shutil.copytree(target / "locales/templates", templates)
    loop = " ; ".join(
        f"msgmerge -q -N -o /dev/null {many}/locales/en/LC_MESSAGES/{p.stem}.po "
        f"{templates}/{p.stem}.pot"
        for p in sorted((many / "locales/en/LC_MESSAGES").glob("*.po")))
    return {"many": many, "cache": cache, "target": target, "loop": loop}


def update_group(base: Path, work: Path, runs: int) -> dict:
    s = update_setup(base, work)
    command = [*L10N, "update", "-q", "--project", str(s["target"])]
    many, target, cache = s["many"], s["target"], s["cache"]
    return compare(f"{base.name} update", runs, {
        "msgmerge -N x100": {"cmd": s["loop"]},
        "l10n update, 500, cold": {"cmd": command, "setup": fresh_copy(many, target)},
        "l10n update, 500, warm": {"cmd": command, "setup": fresh_copy(many, target, cache)},
        "l10n update, 500, warm, --jobs 1": {"cmd": [*command, "--jobs", "1"],
                                             "setup": fresh_copy(many, target, cache)},
    })


def findings_count(base: Path, kind: str, glossary: str, work: Path) -> dict:
    """How many findings the checked catalog has (the corpus is not filtered to clean)."""
    folder = work / f"check-{kind}-{glossary}"
    po = next((folder / "locales/en/LC_MESSAGES").glob("*.po"))
    out = subprocess.run([*L10N, "check", "-f", "json", "--exit-zero", str(po)], cwd=folder,
                         capture_output=True, text=True, check=True).stdout
    summary = json.loads(out)["summary"]
    return {key: summary[key] for key in ("findings", "errors", "warnings")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=["check", "status", "update"])
    parser.add_argument("--glossaries", nargs="*", default=list(GLOSSARIES),
                        choices=GLOSSARIES, help="the check rows' glossaries (all by default)")
    parser.add_argument("--rows", nargs="*", default=[],
                        help="only the check rows whose name has one of these ('edited')")
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = str(ROOT / "src")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    out = HERE / "out" / "matrix.json"
    out.parent.mkdir(exist_ok=True)
    results = json.loads(out.read_text("utf-8")) if out.exists() else {}
    for size in args.sizes:
        base = corpus(size)
        if not (base / "glossaries").exists():
            raise SystemExit(f"{base} was made by an older generate.py: remove it")
        row = results.setdefault(str(size), {})
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            started = time.time()
            if "status" in args.only:
                row["status"] = status_group(base, work, args.runs)
                save(results, out)
            if "update" in args.only:
                row["update"] = update_group(base, work, args.runs)
                save(results, out)
            if "check" in args.only:
                for kind in ("prose", "big"):
                    row[f"check {kind}"] = check_group(base, kind, work, args.runs,
                                                       tuple(args.glossaries), tuple(args.rows))
                    row[f"findings {kind}"] = {g: findings_count(base, kind, g, work)
                                               for g in args.glossaries}
                    save(results, out)
            row["load"] = {"before and after": [round(x, 1) for x in os.getloadavg()],
                           "minutes": round((time.time() - started) / 60, 1)}
        results["machine"] = {"cores": os.cpu_count(), "python": platform.python_version(),
                              "commit": _commit()}
        save(results, out)
    write(results, HERE / "RESULTS.md")
    print(f"wrote {HERE / 'RESULTS.md'}")


def save(results: dict, path: Path) -> None:
    path.write_text(json.dumps(results, indent=2), "utf-8")


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout
    head = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    return head + (" +changes" if git("status", "--porcelain", "--", "src").strip() else "")


def _ratio(anchor: float, value: float) -> str:
    speed = anchor / value
    return f"{speed:.2f}× faster" if speed >= 1 else f"{1 / speed:.2f}× slower"


def _row(name: str, value: dict, anchor: dict | None) -> list[str]:
    cpu = value.get("cpu")  # (results made before CPU was measured have none)
    ratios = ["", ""]
    if anchor is not None:
        ratios = [_ratio(anchor["seconds"], value["seconds"]),
                  _ratio(anchor["cpu"], cpu) if cpu and anchor.get("cpu") else ""]
    return [name, f"{value['seconds']:.2f}", f"{cpu:.2f}" if cpu else "",
            f"{value['peak_mb']:.0f}", *ratios]


def render(results: dict) -> list[str]:
    machine = results.get("machine", {})
    lines = [BEGIN, "", f"Made by `python bench/matrix.py` at l10n {machine.get('commit')}; "
             f"{machine.get('cores')} cores, Python {machine.get('python')}. Medians of "
             "alternating rounds; ratios from this one run; CPU is user + system of the "
             "command and its workers; peak MB is the largest process.",
             ""]
    header = ["| command | median s | CPU s | peak MB | beside the anchor | by CPU |",
              "|---|---|---|---|---|---|"]
    for size, row in results.items():
        if size == "machine":
            continue
        load = row.get("load", {})
        lines += [f"### {int(size):,} entries (load average {load.get('before and after')}, "
                  f"{load.get('minutes')} minutes)", ""]
        for kind in ("big", "prose"):
            group = row.get(f"check {kind}")
            if not group:
                continue
            label = "generated" if kind == "big" else "prose"
            counts = row.get(f"findings {kind}", {})
            lines += [f"`check`, {label} corpus; findings (errors) per glossary: " + ", ".join(
                f"{g} {c['findings']:,} ({c['errors']:,})" for g, c in counts.items()), "",
                *header, "| " + " | ".join(_row("pofilter", group["pofilter"], None)) + " |"]
            lines += ["| " + " | ".join(_row(name, value, group["pofilter"])) + " |"
                      for name, value in group.items() if name != "pofilter"]
            lines.append("")
        for key, anchor in (("status", "pocount"), ("update", "msgmerge -N x100")):
            group = row.get(key)
            if not group:
                continue
            lines += [f"`{key}` beside `{anchor}`", "", *header]
            lines += ["| " + " | ".join(_row(name, value, None if name == anchor else
                                             group[anchor])) + " |"
                      for name, value in group.items()]
            lines.append("")
    return [*lines, END]


def write(results: dict, path: Path) -> None:
    text = path.read_text("utf-8")
    body = "\n".join(render(results))
    if BEGIN in text:
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        path.write_text(head + body + tail, "utf-8")
    else:
        path.write_text(text.rstrip("\n") + "\n\n" + body + "\n", "utf-8")


if __name__ == "__main__":
    main()
