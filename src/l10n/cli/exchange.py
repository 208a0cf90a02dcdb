"""Exchange with CAT tools: export and import XLIFF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from . import EssayArgs, ProjectOpt, TargetLanguageOpt, _config, _format, _say, app


@app.command("export")
def export_(
    essays: EssayArgs = None,
    out: Annotated[Path, typer.Option("--output", "-o", help="Folder to write to.",
                                      file_okay=False)] = Path("exchange"),
    fmt: _format("xliff, or omegat (a ready OmegaT project)") = "xliff",
    xliff_version: Annotated[str, typer.Option("--xliff-version", help="1.2 or 2.0")] = "1.2",
    language: TargetLanguageOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Send essays to a CAT tool: one XLIFF file per essay and language (DIR/ESSAY.LANG.xlf)."""
    from ..exchange import omegat, xliff
    from ..exchange.outgoing import export_files
    from ..files import write_text_atomic

    if fmt not in ("xliff", "omegat"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use xliff or omegat")
    if xliff_version not in xliff.VERSIONS:
        raise ConfigError(f"unknown XLIFF version {xliff_version!r}",
                          hint=f"use {' or '.join(xliff.VERSIONS)}")
    config = _config(project)
    files = export_files(config, essays, language, fmt=fmt, xliff_version=xliff_version)
    if fmt == "omegat":
        for folder in omegat.FOLDERS:
            (out / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        write_text_atomic(out / relative, text)
        _say(f"wrote {out / relative}")


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="XLIFF files back from a CAT tool.",
                                                show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; "
                                                            "write nothing.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Take translations back from XLIFF: only translations and states change; a unit
    whose source changed is reported (stale), one translated differently in the catalog
    since the export is reported (conflict); both are left alone. Then the checks run.
    Exit 1 if anything was left alone or the checks found errors."""
    from ..checks import exit_code, run_checks
    from ..exchange import incoming
    from ..glossary.terms import project_glossary
    from ..report import render

    config = _config(project)
    run = incoming.import_xliff(config, files)
    for line in run.report_lines(config.relative, dry_run=dry_run):
        _say(line)
    if not dry_run:
        run.write()
    findings = run_checks([(path, po) for path, (_, po) in run.catalogs.items()],
                          glossary=project_glossary(config), severity=config.severity,
                          relative=config.relative, cache=config.cache)
    typer.echo(render(findings, len(run.catalogs), "text"), nl=False)
    raise typer.Exit(1 if run.left_alone else exit_code(findings))
