"""Commands that measure the translation: status, check, checks, build, score."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError, printable
from . import (
    GlossaryOpt,
    ProjectOpt,
    _catalogs,
    _config,
    _err,
    _format,
    _glossary,
    _read,
    _say,
    app,
)


@app.command()
def status(
    project: ProjectOpt = None,
    fmt: _format("table, json, markdown or badge") = "table",
    language: Annotated[str | None, typer.Option(help="Only this target language.")] = None,
    since: Annotated[str | None, typer.Option(help="Translator work since YYYY-MM-DD.")] = None,
    history: Annotated[bool, typer.Option("--history", help="Progress over git history.")
                       ] = False,
    chart: Annotated[Path | None, typer.Option(help="Write the history chart (SVG) here.")
                     ] = None,
    out: Annotated[Path | None, typer.Option(help="Write the badge (SVG) here.")] = None,
    qa: Annotated[bool, typer.Option("--qa/--no-qa", help="Run the error checks for the "
                                                          "publishable column.")] = True,
) -> None:
    """Progress by essay and translator: entries, eojeol and characters; fuzzy is never done."""
    from datetime import date

    from ..progress import report as render
    from ..progress.gatecache import error_counter
    from ..progress.status import project_status

    if fmt not in ("table", "json", "markdown", "badge"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use table, json, markdown or badge")
    config = _config(project)
    try:
        since_date = date.fromisoformat(since) if since else None
    except ValueError as exc:
        raise ConfigError(f"--since {since!r} is not a date", hint="write YYYY-MM-DD") from exc
    if history:
        _status_history(config, language, chart)
        return
    with _progress("Counting") as advance:
        report = project_status(config, language=language, since=since_date,
                                count_errors=error_counter(config) if qa else None,
                                advance=advance)
    if fmt == "badge":
        svg = render.badge_svg(f"translated ({language or '/'.join(config.languages)})",
                               report.total.percent_chars)
        _write_or_echo(svg, out)
    else:
        typer.echo(render.status_text(report, fmt, **(_table_layout() if fmt == "table"
                                                      else {})), nl=False)


def _table_layout() -> dict:
    """Width and colour of a table: the terminal's (COLUMNS first, as every tool reads
    it); in a pipe or a log, COLUMNS or wide enough for everything, never padded."""
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else None
    terminal = sys.stdout.isatty()
    if width is None:
        width = os.get_terminal_size(sys.stdout.fileno()).columns if terminal else 1000
    return {"width": max(width, 20), "colour": terminal and "NO_COLOR" not in os.environ}


@contextmanager
def _progress(label: str):
    """A progress bar on a terminal (stderr); nothing at all in a pipe or a CI log."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(step: int) -> None:
            if step < 0:
                bar.update(task, total=-step)
            else:
                bar.advance(task, step)

        yield advance


def _write_or_echo(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text, nl=False)
        return
    from ..files import write_text_atomic

    write_text_atomic(out, text)
    _say(f"wrote {out}")


def _status_history(config, language: str | None, chart: Path | None) -> None:
    from ..pipeline import project_catalogs
    from ..progress.counts import progress_history
    from ..progress.report import history_lines, history_svg

    points = progress_history(config.root, project_catalogs(config, language))
    for line in history_lines(points):
        _say(line)
    if chart is not None:
        _write_or_echo(history_svg(points), chart)


CHECK_HELP = """Run the QA checks on the project's catalogs (or the given PO files and folders).

Each file is checked with the configuration found upward from it, as ruff does. Exit
codes: 0 no errors; 1 errors found (or warnings with --strict); 2 usage or configuration
error; 3 a file could not be read (reported as a finding; the others are still checked).
Codes, prefixes and names are accepted wherever a check is named, comma-separated
(--select G,N). Silence one entry with a translator comment '# l10n-ignore: N001'."""


@app.command(help=CHECK_HELP)
def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="PO files or folders (default: the project's catalogs).", show_default=False)
    ] = None,
    project: ProjectOpt = None,
    glossary: GlossaryOpt = None,
    fmt: _format("text, json, github or sarif") = "text",
    select: Annotated[list[str] | None, typer.Option(
        help="Only these codes, prefixes, names (comma-separated; replaces 'select').")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Skip these codes, prefixes, names (comma-separated; adds to 'ignore').")] = None,
    strict: Annotated[bool, typer.Option(help="Warnings fail too.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero",
                                            help="Exit 0 even when findings are errors.")
                         ] = False,
    statistics: Annotated[bool, typer.Option("--statistics",
                                             help="Count findings per code instead.")
                          ] = False,
    output_file: Annotated[Path | None, typer.Option(
        "--output-file", "-o", help="Write the report to this file instead of stdout.",
        dir_okay=False)] = None,
    baseline: Annotated[Path | None, typer.Option(help="Accept the findings in this file.")
                        ] = None,
    write_baseline: Annotated[Path | None, typer.Option(help="Write current findings here.")
                              ] = None,
    jobs: Annotated[int, typer.Option(help="Processes for large runs (default: cores).")
                    ] = 0,
) -> None:
    from ..checks import apply_baseline, check_groups, exit_code
    from ..checks.baseline import read_baseline
    from ..checks.inputs import gather, project_group
    from ..errors import EXIT_INPUT
    from ..progress.references import reference_translations
    from ..report import FORMATS, render_chunks

    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}", hint=f"use {', '.join(FORMATS)}")
    if paths:
        groups = gather(paths, project=project)
    else:
        from ..config import project_catalogs  # not .pipeline: check needs none of it

        config = _config(project)
        groups = [project_group(config, project_catalogs(config))]
    terms = _glossary(project, glossary) if glossary is not None else None
    result = check_groups(groups, select=select or (), ignore=ignore or (), glossary=terms,
                          jobs=jobs or (os.cpu_count() or 1),
                          reference=reference_translations)
    findings = result.findings
    for finding in findings:  # as ruff: a file that cannot be read is also said on stderr
        if finding.code in ("V001", "V002", "V003") and result.unreadable \
                and finding.suppressed is None:
            where = f"{finding.path}:{finding.line}" if finding.line else finding.path
            _err(f"error: {printable(where)}: {printable(finding.message)}")
    if write_baseline is not None:
        from ..files import write_text_atomic
        from ..report import render_json

        write_text_atomic(write_baseline, render_json(findings, result.files))
        _err(printable(f"wrote baseline with {len(result.shown)} finding(s) to "
                        f"{write_baseline}"))
    if baseline is not None:
        findings = apply_baseline(findings, read_baseline(baseline))
    colour = fmt == "text" and output_file is None and sys.stdout.isatty()
    config = groups[0].config if groups else None
    chunks = render_chunks(findings, result.files, fmt, colour=colour, statistics=statistics,
                           root=groups[0].base if groups else None,
                           docs_url=config.docs_url if config is not None else None)
    if output_file is not None:
        from ..files import write_text_atomic

        write_text_atomic(output_file, "".join(chunks))
    else:
        for chunk in chunks:  # written as made: a large report is never held whole
            typer.echo(chunk, nl=False)
    if result.unreadable:
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(0 if exit_zero else exit_code(findings, strict=strict))


@app.command()
def checks(code: Annotated[str | None, typer.Argument(help="A check code or name.")] = None,
           fmt: _format("text, or markdown: the whole reference (l10n/checks/checks.md)") = "text",
           ) -> None:
    """List the QA checks, or print one check's documentation."""
    from ..checks import documentation

    if fmt not in ("text", "markdown"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use text or markdown")
    if fmt == "markdown":
        typer.echo(documentation.reference_markdown(), nl=False)
    elif code is None:
        typer.echo(documentation.catalogue_text(), nl=False)
    else:
        typer.echo(documentation.check_text(code))


@app.command()
def build(
    project: ProjectOpt = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: build/site).",
                                             file_okay=False)] = None,
    force: Annotated[bool, typer.Option(help="Publish essays below the threshold or with "
                                             "QA errors, marked as such.")] = False,
    review: Annotated[bool, typer.Option(help="Also write review/: every essay, published "
                                              "or not, with each QA finding on its "
                                              "sentence.")] = False,
) -> None:
    """Build the site: side-by-side Korean/English pages, English pages, bilingual Markdown,
    a progress page, and with --review the review view."""
    from ..pipeline import project_catalogs
    from ..progress.counts import attribute, progress_history
    from ..progress.gatecache import error_counter
    from ..progress.report import history_svg
    from ..publish import build_site

    config = _config(project)
    paths = project_catalogs(config)
    points = progress_history(config.root, paths)
    catalogs = [(path, _read(path)) for path in paths]
    translators = attribute(config.root, paths, fallback=dict(catalogs))
    findings = terms = None
    if review:
        from ..glossary.terms import project_glossary
        from ..progress.references import reference_translations
        from ..publish.review import project_findings

        terms = project_glossary(config)
        findings = project_findings(config, catalogs, glossary=terms,
                                    reference=reference_translations(config, catalogs),
                                    jobs=os.cpu_count() or 1)
    # the review's findings decide the gate too: the checks run once
    report = build_site(config, out=out, force=force,
                        count_errors=error_counter(config, terms, findings),
                        chart_svg=history_svg(points) if len(points) > 1 else "",
                        translators=translators, review=findings, glossary=terms)
    for notice in report.notices:  # a missing image ...: the build goes on
        _err(f"warning: {printable(str(notice))}")
    for line in report.summary_lines(findings if review else None):
        _say(line)


@app.command()
def score(
    paths: Annotated[list[Path] | None, typer.Argument(help="PO files (default: the project's).",
                                                       show_default=False)] = None,
    ref: Annotated[Path | None, typer.Option(help="Reference PO file or folder.")] = None,
    against: Annotated[str | None, typer.Option(help="Compare with the catalogs at this git "
                                                     "revision.")] = None,
    worst: Annotated[int, typer.Option(help="List the N lowest-chrF segments.")] = 0,
    fmt: _format("table or json") = "table",
    project: ProjectOpt = None,
) -> None:
    """BLEU, chrF, chrF++ and TER (sacrebleu) against a reference or an earlier revision."""
    from ..progress import score as scoring

    if fmt not in ("table", "json"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use table or json")
    if (ref is None) == (against is None):
        raise ConfigError("give exactly one of --ref PATH or --against REV",
                          hint="--ref compares with reviewed catalogs, --against with a git "
                               "revision")
    config = _config(project) if (not paths or against) else None
    targets = [(p, _read(p)) for p in paths] if paths else _catalogs(config, None)
    per_essay, translator_of = scoring.compare_catalogs(
        targets, ref=ref, against=against, root=config.root if config is not None else None)
    typer.echo(scoring.render_scores(per_essay, translator_of, worst=worst, fmt=fmt), nl=False)
