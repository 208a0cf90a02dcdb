"""The command line: thin typer commands over the library. The only place that prints or exits."""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import (
    EXIT_INTERRUPTED,
    ConfigError,
    Interrupted,
    L10nError,
    interrupt_once,
    printable,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Korean→English translation pipeline: segment, update, check, "
                       "status, build.")


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_print_version,
                                          is_eager=True, help="Print the version and exit.")
                       ] = False,
) -> None:
    """Korean→English translation pipeline: segment, update, check, status, build."""

ProjectOpt = Annotated[Path | None, typer.Option(
    "--project", "-p", help="Project folder (default: nearest folder upward with a config).",
    file_okay=False)]
EssayArgs = Annotated[list[str] | None, typer.Argument(
    help="Essay names (file stems); default: every essay.", show_default=False)]
JobsOpt = Annotated[int, typer.Option(help="Processes for many essays (default: cores).")]
LanguageOpt = Annotated[str | None, typer.Option(help="Target language (default: the first).")]
GlossaryOpt = Annotated[Path | None, typer.Option(
    "--glossary", "-g", help="Glossary file (default: the project's).", dir_okay=False)]
TargetLanguageOpt = Annotated[str | None, typer.Option(
    "--language", "-l", help="Target language (default: every one of the project's).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q")]


def _format(choices: str):
    """The --format (-f) option of a command, with the formats it writes."""
    return Annotated[str, typer.Option("--format", "-f", help=choices)]


def _config(project: Path | None):
    from ..config import load_config

    return load_config(project)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _say(message: str, **options) -> None:
    """A line of output that names files, essays or entries: control characters escaped
    (line breaks between lines kept)."""
    typer.echo(printable(message, keep="\n"), **options)


@app.command()
def segment(
    file: Annotated[str, typer.Argument(help="Essay file, or - for standard input.")] = "-",
    fmt: _format("text or json") = "text",
) -> None:
    """Print the sentences of an essay, one per line, a blank line between blocks."""
    from ..source import decode_source, parse_essay

    if fmt not in ("text", "json"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use text or json")
    from ..errors import SourceError, read_input

    if file == "-":
        data, name = sys.stdin.buffer.read(), "stdin.md"
    else:
        data, name = read_input(Path(file), SourceError, what="essay",
                                missing_hint="check the path"), file
    essay = parse_essay(decode_source(data, name), name=Path(name).stem, path=name)
    if fmt == "json":
        blocks = [{"kind": b.kind.value, "line": b.line, "level": b.level,
                   "sentences": [{"text": s.msgid, "line": s.line} for s in b.sentences]}
                  for b in essay.blocks]
        typer.echo(json.dumps({"essay": essay.path, "blocks": blocks}, ensure_ascii=False,
                              indent=2))
        return
    typer.echo("\n\n".join("\n".join(s.msgid for s in b.sentences) for b in essay.blocks
                           if b.sentences))


def _print_written(written, quiet: bool) -> None:
    for item in written:
        for note in item.notes:
            typer.echo(f"warning: {printable(str(note))}", err=True)
        if quiet and item.action == "unchanged":
            continue
        detail = ""
        if item.path.suffix == ".po":
            detail = (f" ({item.entries} entries: {item.fuzzy} fuzzy, "
                      f"{item.untranslated} untranslated, {item.obsolete} obsolete)")
        elif item.entries:
            detail = f" ({item.entries} entries)"
        _say(f"{item.action:9} {item.path}{detail}")


@app.command()
def extract(project: ProjectOpt = None, essays: EssayArgs = None,
            quiet: QuietOpt = False) -> None:
    """Write locales/templates/<essay>.pot for each essay."""
    from ..glossary.terms import project_glossary
    from ..pipeline import update_project

    config = _config(project)
    written = update_project(config, names=essays, templates_only=True,
                             glossary=project_glossary(config))
    _print_written(written, quiet)


@app.command()
def update(project: ProjectOpt = None, essays: EssayArgs = None,
           quiet: QuietOpt = False,
           jobs: JobsOpt = 0) -> None:
    """Extract templates and merge them into every target language's PO catalog."""
    from ..glossary.terms import project_glossary
    from ..pipeline import update_project

    config = _config(project)
    written = update_project(config, names=essays, glossary=project_glossary(config),
                             jobs=jobs or (os.cpu_count() or 1))
    _print_written(written, quiet)


@app.command(context_settings={"help_option_names": ["-h", "--help"]})
def merge(
    old: Annotated[Path, typer.Argument(metavar="DEF.po",
                                        help="The translated catalog (PO).")],
    template: Annotated[Path, typer.Argument(metavar="REF.pot",
                                             help="The new template (POT).")],
    output: Annotated[str | None, typer.Option(
        "--output-file", "-o", help="Write here ('-': standard output, the default).")] = None,
    update: Annotated[bool, typer.Option(
        "--update", "-U", help="Update DEF.po in place (only if it changes).")] = False,
    backup: Annotated[str | None, typer.Option(
        "--backup", help="With -U: none, simple, numbered or existing (the default, or "
                         "$VERSION_CONTROL).")] = None,
    suffix: Annotated[str | None, typer.Option(
        "--suffix", help="With -U: suffix of a simple backup (default ~, or "
                         "$SIMPLE_BACKUP_SUFFIX).")] = None,
    previous: Annotated[bool, typer.Option(
        "--previous", help="Keep the previous msgid of fuzzy entries (#| lines).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", "--silent",
                                        help="Print nothing but errors.")] = False,
    no_fuzzy: Annotated[bool, typer.Option("--no-fuzzy-matching", "-N",
                                           help="Do not use fuzzy matching.")] = False,
    no_wrap: Annotated[bool, typer.Option("--no-wrap", help="Do not break long message "
                                                            "lines.")] = False,
    width: Annotated[int, typer.Option("--width", "-w", help="Page width.")] = 79,
    force_po: Annotated[bool, typer.Option(
        "--force-po", help="Write the output even when it holds no message but the "
                           "header (msgmerge writes nothing then).")] = False,
    no_resegment: Annotated[bool, typer.Option(
        "--no-resegment", help="Turn off re-segmentation: then the output is exactly "
                               "msgmerge's.")] = False,
) -> None:
    """Merge a template into a catalog, as 'msgmerge DEF.po REF.pot' does.

    The same command line, and the same output byte for byte, with one deliberate
    improvement, re-segmentation: when a sentence was split in two, each part gets its
    share of the old translation, and when sentences were joined, the joined entry gets
    their translations together (both fuzzy, with the old text as #| with --previous),
    where msgmerge would propose a poorer fuzzy match or nothing. --no-resegment turns
    it off. Charsets are kept (a UTF-8 template converts the catalog to UTF-8, as
    msgmerge does); a translator's save made during an -U run is never overwritten.
    """
    from ..po.msgmerge import merge_files

    data = merge_files(old, template, output=None if output == "-" else output,
                       update=update, backup=backup, suffix=suffix, previous=previous,
                       fuzzy=not no_fuzzy, wrap=not no_wrap, width=width,
                       resegment=not no_resegment, force_po=force_po)
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


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
    from ..progress.status import project_status
    from ..progress.gatecache import error_counter

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


def _read(path: Path):
    from ..po.catalog import read_catalog

    return read_catalog(path)


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
    from ..progress.report import history_svg
    from ..publish import build_site
    from ..progress.gatecache import error_counter

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


tm_app = typer.Typer(no_args_is_help=True, help="The translation memory: look up, export.")
app.add_typer(tm_app, name="tm")


@app.command()
def analyze(
    essays: EssayArgs = None,
    project: ProjectOpt = None,
    fmt: _format("table, json or csv") = "table",
    language: LanguageOpt = None,
) -> None:
    """Leverage analysis of the untranslated text against the translation memory.

    Bands: repetitions, 100%, 95-99%, 85-94%, 75-84%, 50-74%, no match; in entries,
    eojeol and characters without spaces, weighted by [tool.l10n.rates]."""
    from ..glossary.terms import project_glossary
    from ..memory import analysis
    from ..memory.archive import project_memory

    if fmt not in analysis.RENDERERS:
        raise ConfigError(f"unknown format {fmt!r}", hint="use table, json or csv")
    config = _config(project)
    rates = analysis.parse_rates(config.rates, path=config.config_file)
    language = language or config.languages[0]
    memory = project_memory(config, language, project_glossary(config))
    result = analysis.analyze(analysis.project_sentences(config, essays, language), memory,
                              rates=rates)
    typer.echo(analysis.RENDERERS[fmt](result), nl=False)


@app.command()
def align(
    essay: Annotated[str, typer.Argument(help="The essay (file stem) in the source folder.")],
    translation: Annotated[Path, typer.Option("--translation", "-t", dir_okay=False,
                                              help="Its English translation (.md or .txt).")],
    project: ProjectOpt = None,
    language: LanguageOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; write nothing.")
                       ] = False,
    fmt: _format("text or json") = "text",
) -> None:
    """Align an existing English translation with the essay's sentences, into its PO.

    Aligned sentences are written as fuzzy with an 'aligned: 1-2, confidence 0.91'
    comment; existing translations are kept; sentences the translator added and Korean
    sentences left out are listed."""
    from ..errors import CatalogError, SourceError, decode_utf8, read_input
    from ..files import file_digest
    from ..glossary.terms import project_glossary
    from ..memory.bitext import align_translation, alignment_report, apply_alignment
    from ..pipeline import project_lock, read_essays
    from ..po.catalog import write_catalog

    if fmt not in ("text", "json"):
        raise ConfigError(f"unknown format {fmt!r}", hint="use text or json")
    config = _config(project)
    language = language or config.languages[0]
    found = read_essays(config, [essay])[0]
    path = config.po_path(found.name, language)
    if not path.exists():
        raise CatalogError("the essay has no catalog yet", path=path,
                           hint="run 'l10n update' first, then align")
    text = decode_utf8(read_input(translation, SourceError, what="translation",
                                  missing_hint="check the path"), translation, SourceError,
                       hint="save the translation as UTF-8")
    alignment = align_translation(found, text.replace("\r\n", "\n"), path=str(translation),
                                  glossary=project_glossary(config), cache=config.cache)
    with project_lock(config):
        digest = file_digest(path)
        po = _read(path)
        written = apply_alignment(po, alignment)
        if not dry_run:
            write_catalog(po, path, expected_digest=digest)
    typer.echo(alignment_report(alignment, written, config.relative(path), found.path,
                             str(translation), fmt, dry_run), nl=False)


@tm_app.command("lookup")
def tm_lookup(
    sentence: Annotated[str, typer.Argument(help="A Korean sentence.")],
    project: ProjectOpt = None,
    language: LanguageOpt = None,
    threshold: Annotated[float, typer.Option(help="Lowest match shown (percent).")] = 50.0,
    limit: Annotated[int, typer.Option(help="Most matches shown.")] = 5,
) -> None:
    """The best translation-memory matches of a Korean sentence, with what differs."""
    from ..glossary.terms import project_glossary

    from ..memory.archive import project_memory

    config = _config(project)
    memory = project_memory(config, language, project_glossary(config))
    found = memory.lookup(sentence, threshold=threshold, limit=limit)
    if not found:
        _say(f"no match at or above {threshold:g}% among {len(memory)} units")
    for match in found:
        differs = f"  [{'; '.join(match.differences)}]" if match.differences else ""
        _say(f"{match.score:3}%  {match.unit.origin}{differs}\n"
                   f"      {match.unit.source}\n      {match.unit.target}")


glossary_app = typer.Typer(no_args_is_help=True, help="Validate and explore the glossary.")
app.add_typer(glossary_app, name="glossary")


def _glossary(project: Path | None, path: Path | None):
    from ..glossary.terms import project_glossary, read_glossary

    if path is not None:
        return read_glossary(path)
    glossary = project_glossary(_config(project))
    if glossary is None:
        raise ConfigError("the project has no glossary",
                          hint="create glossary.csv or pass -g FILE")
    return glossary


def _catalogs(config, language: str | None):
    from ..pipeline import project_catalogs
    from ..po.catalog import read_catalog

    return [(path, read_catalog(path)) for path in project_catalogs(config, language)]


@glossary_app.command("check")
def glossary_check(project: ProjectOpt = None, glossary: GlossaryOpt = None) -> None:
    """Validate the glossary: one line per problem, exit 3 if there is one."""
    terms = _glossary(project, glossary)
    kinds = terms.kinds()
    typer.echo(f"glossary OK: {len(terms)} entries ({kinds['term']} terms, {kinds['name']} names, "
               f"{kinds['keep']} kept verbatim)")


@glossary_app.command("find")
def glossary_find(term: Annotated[str, typer.Argument(help="A Korean term or variant.")],
                  project: ProjectOpt = None, language: str | None = None) -> None:
    """Concordance: every occurrence of TERM with its English and verdict."""
    from ..glossary.terminology import concordance

    config = _config(project)
    glossary = _glossary(project, None)
    entry = glossary.by_ko(term)
    if entry is None:
        raise ConfigError(f"{term!r} is not in the glossary",
                        hint="l10n glossary suggest lists candidates")
    found = concordance(glossary, entry, _catalogs(config, language))
    _say(f"{entry.ko} → {entry.en} ({entry.kind}): {len(found)} occurrence(s)")
    for item in found:
        verdict = item.verdict.value if item.verdict else "untranslated"
        _say(f"{config.relative(item.path)}:{item.line}: {verdict}: {item.msgid}")
        if item.msgstr:
            _say(f"    {item.msgstr}")


@glossary_app.command("suggest")
def glossary_suggest(project: ProjectOpt = None, language: str | None = None,
                     minimum: Annotated[int, typer.Option(help="Minimum occurrences.")] = 2,
                     limit: Annotated[int, typer.Option(help="Most candidates shown.")] = 30
                     ) -> None:
    """Frequent Korean noun phrases not yet in the glossary, with their current English."""
    from ..glossary.terminology import suggest_terms

    config = _config(project)
    glossary = _glossary(project, None)
    candidates = suggest_terms(glossary, _catalogs(config, language), minimum=minimum,
                               limit=limit)
    if not candidates:
        typer.echo(f"no candidates occurring {minimum} times or more")
    for candidate in candidates:
        _say(f"{candidate.count:4}  {candidate.phrase}")
        for _, english in candidate.examples:
            _say(f"      {english or '(untranslated)'}")

# ------------------------------------------------------------ exchange with CAT tools



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


@tm_app.command("export")  # tm_app is defined with the memory commands above
def tm_export(
    file: Annotated[Path, typer.Argument(help="The TMX file to write.", dir_okay=False)],
    essays: Annotated[list[str] | None, typer.Option("--essay", help="Only these essays.")
                      ] = None,
    language: Annotated[str | None, typer.Option("--language", "-l", help="Target language "
                                                 "(default: the first).")] = None,
    project: ProjectOpt = None,
) -> None:
    """Write the project's translations as TMX 1.4b (ko-KR -> en-US), dated from git."""
    from ..exchange.outgoing import exchange_targets
    from ..exchange.tmx import catalog_memory, write_tmx
    from ..files import write_text_atomic
    from ..progress.counts import setters

    config = _config(project)
    language = language or config.languages[0]
    entries = []
    for name, _, path in exchange_targets(config, essays, language):
        entries += catalog_memory(_read(path), essay=name, revisions=setters(config.root, path))
    write_text_atomic(file, write_tmx(entries, source_language=config.source_language,
                                      target_language=language))
    _say(f"wrote {file} ({len(entries)} translation units)")


@glossary_app.command("export")
def glossary_export(
    file: Annotated[Path, typer.Argument(help="The TBX file to write.", dir_okay=False)],
    project: ProjectOpt = None, glossary: GlossaryOpt = None,
) -> None:
    """Write the glossary as TBX-Basic; forbidden forms become deprecated terms."""
    from ..exchange.tbx import write_tbx
    from ..files import write_text_atomic

    terms = _glossary(project, glossary)
    write_text_atomic(file, write_tbx(terms.terms))
    _say(f"wrote {file} ({len(terms)} concepts)")


@glossary_app.command("import")
def glossary_import(
    file: Annotated[Path, typer.Argument(help="A TBX file.", dir_okay=False)],
    project: ProjectOpt = None, glossary: GlossaryOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing.")] = False,
) -> None:
    """Merge a TBX file into glossary.csv: a concept with the same Korean term replaces
    its row, new ones are appended; the result is validated before it is written."""
    from ..exchange.tbx import import_tbx

    target = glossary
    if target is None:
        target = _config(project).glossary
        if target is None:
            raise ConfigError("the project has no glossary file configured",
                              hint="set 'glossary' in [tool.l10n] or pass -g FILE")
    added, updated, entries = import_tbx(file, target, dry_run=dry_run)
    _say(f"{target}: {added} added, {updated} updated, {entries} entries"
               + (" (dry run: nothing written)" if dry_run else ""))


def main() -> None:
    """Entry point: run the app, turning typed errors into one line and an exit code."""
    # A run is short and builds large structures without reference cycles (catalog
    # entries, sentences, findings). The cyclic collector would walk them again and again
    # for nothing, a quarter of the time of update, check and build at 100,000 entries;
    # reference counting still frees everything dropped (po.parse reads catalogs without
    # making cycles). bench/ measures peak memory.
    gc.disable()
    signal.signal(signal.SIGINT, interrupt_once)
    try:
        app()  # standalone: usage errors print help and exit 2
    except L10nError as exc:
        _err(f"error: {printable(str(exc))}")
        sys.exit(exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        _err("error: interrupted; the unfinished step changed nothing")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # output piped into head, less ...: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)

