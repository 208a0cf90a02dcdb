"""Findings of `l10n check` on every tests/data catalog and on the bench corpora, as JSON
files, so a speed change can be shown not to move a single finding.

    PYTHONPATH=OTHER/src python bench/findings.py --out /tmp/before   # the code before
    PYTHONPATH=src python bench/findings.py --out /tmp/after
    diff -r /tmp/before /tmp/after                                    # nothing

Uses whichever ``l10n`` is first on the path (``PYTHONPATH``), so the same script
measures the code before and after a change. Bench corpora come from
``bench/generate.py`` (``--corpus``, default bench/corpus/10000): the generated ``big``
catalog and the ``prose`` one, each with no glossary, the project's, and the 500- and
2,000-term glossaries, each with no cache folder at all, then with an empty
``.l10n-cache`` folder (cold: the decision, analysis and findings caches are filled),
then with the folder the cold run filled (warm: findings come from the findings cache).
All three must be byte-identical. Not committed: the output is large and made on
demand.

``--cli`` checks each bench project instead as a user does, ``l10n check -f json`` in a
fresh process with the project's configuration naming the glossary, cold (no
``.l10n-cache``: the run that loads Kiwi, in a child process while the catalog is read)
and then warm, into ``NAME.cli-cold.json`` and ``NAME.cli-warm.json``.

Runs with a fixed ``PYTHONHASHSEED`` (re-executing itself if none is set): K004 breaks a
tie by set order, so two processes with different seeds may differ on qa_blind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "tests" / "data"


def findings_json(catalogs: list[Path], glossary: Path | None, base: Path,
                  cache: Path | None = None) -> str:
    import polib

    from l10n.checks import run_checks
    from l10n.glossary.terms import read_glossary
    from l10n.report import render_json

    chosen = read_glossary(glossary) if glossary else None
    if chosen is not None and cache is not None:
        chosen.remember_decisions(cache)
    pos = [(path, polib.pofile(str(path))) for path in catalogs]
    findings = run_checks(pos, glossary=chosen, cache=cache,
                          relative=lambda path: path.relative_to(base).as_posix())
    return render_json(findings, len(pos)).replace(f"{base.as_posix()}/", "")


def cases(corpus: Path) -> dict[str, tuple[list[Path], Path | None, Path]]:
    found: dict[str, tuple[list[Path], Path | None, Path]] = {}
    sets = {folder.name: sorted(folder.glob("*.po")) for folder in sorted(DATA.glob("qa_*"))
            if folder.is_dir() and any(folder.glob("*.po"))}
    sets["bundled"] = sorted((ROOT / "locales/en/LC_MESSAGES").glob("*.po"))
    glossaries = {"none": None, "checks": DATA / "checks_glossary.csv",
                  "project": ROOT / "glossary.csv"}
    for name, paths in sets.items():
        own = {"own": DATA / name / "glossary.csv"} if (DATA / name / "glossary.csv").exists() \
            else {}
        for label, glossary in {**glossaries, **own}.items():
            found[f"data-{name}-{label}"] = (paths, glossary, ROOT)
    if corpus.exists():
        for project, po in (("big", "big/locales/en/LC_MESSAGES/essay-000.po"),
                            ("prose", "prose/locales/en/LC_MESSAGES/prose.po")):
            for label in ("none", "project", "500", "2000"):
                glossary = None if label == "none" else corpus / "glossaries" / f"{label}.csv"
                found[f"bench-{corpus.name}-{project}-{label}"] = ([corpus / po], glossary,
                                                                   corpus)
    return found


def cli_findings(corpus: Path, project: str, label: str, work: Path) -> tuple[str, str]:
    """``l10n check -f json`` of a bench project, cold and then warm, in fresh processes."""
    import subprocess

    sys.path.insert(0, str(HERE))
    from matrix import project as configured

    folder = configured(corpus / project, work / f"{project}-{label}", label, corpus)
    po = next((folder / "locales/en/LC_MESSAGES").glob("*.po"))
    command = [sys.executable, "-m", "l10n", "check", "-f", "json", "--exit-zero", str(po)]
    runs = [subprocess.run(command, cwd=folder, capture_output=True, text=True, check=True)
            for _ in range(2)]
    shutil.rmtree(folder)
    return tuple(run.stdout.replace(f"{folder.as_posix()}/", "") for run in runs)


def main() -> None:
    if "PYTHONHASHSEED" not in os.environ:
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "10000")
    parser.add_argument("--only", default="", help="only cases whose name contains this")
    parser.add_argument("--cli", action="store_true",
                        help="`l10n check -f json` of each bench project, cold and warm, "
                             "instead of the in-process cases")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    import l10n

    print(f"l10n from {Path(l10n.__file__).parent}", file=sys.stderr)
    for name, (paths, glossary, base) in cases(args.corpus.resolve()).items():
        if args.only not in name or args.cli:
            continue
        (args.out / f"{name}.json").write_text(findings_json(paths, glossary, base), "utf-8")
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "cache"
            cold = findings_json(paths, glossary, base, cache)
            warm = findings_json(paths, glossary, base, cache)
            shutil.rmtree(cache, ignore_errors=True)
        for label, text in (("cache-cold", cold), ("cache-warm", warm)):
            (args.out / f"{name}.{label}.json").write_text(text, "utf-8")
        print(name, file=sys.stderr, flush=True)
    corpus = args.corpus.resolve()
    if args.cli and corpus.exists():
        with tempfile.TemporaryDirectory() as tmp:
            for project in ("big", "prose"):
                for label in ("none", "project", "500", "2000"):
                    name = f"bench-{corpus.name}-{project}-{label}"
                    if args.only not in name:
                        continue
                    cold, warm = cli_findings(corpus, project, label, Path(tmp))
                    (args.out / f"{name}.cli-cold.json").write_text(cold, "utf-8")
                    (args.out / f"{name}.cli-warm.json").write_text(warm, "utf-8")
                    print(f"{name} (cli)", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
