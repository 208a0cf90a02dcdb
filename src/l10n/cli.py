"""The command line: thin typer commands over the library. The only place that prints or exits."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import L10nError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Korean→English translation pipeline: segment, update, check, "
                       "status, build.")

ProjectOpt = Annotated[Path | None, typer.Option(
    "--project", "-p", help="Project folder (default: nearest folder upward with a config).",
    file_okay=False)]
EssayArgs = Annotated[list[str] | None, typer.Argument(
    help="Essay names (file stems); default: every essay.", show_default=False)]


def _config(project: Path | None):
    from .config import load_config

    return load_config(project)


def _annotator(config):
    from .glossary import project_glossary

    glossary = project_glossary(config)
    return glossary.annotations if glossary is not None else None


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def segment(
    file: Annotated[str, typer.Argument(help="Essay file, or - for standard input.")] = "-",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """Print the sentences of an essay, one per line, a blank line between blocks."""
    from .source import decode_source, parse_essay

    if fmt not in ("text", "json"):
        raise L10nError(f"unknown format {fmt!r}", hint="use text or json")
    if file == "-":
        data, name = sys.stdin.buffer.read(), "stdin.md"
    else:
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise L10nError(f"cannot read: {exc.strerror}", path=path) from exc
        name = path.name
    essay = parse_essay(decode_source(data, name), name=Path(name).stem, path=name)
    if fmt == "json":
        blocks = [{"kind": b.kind.value, "line": b.line, "level": b.level,
                   "sentences": [{"text": s.msgid, "line": s.line} for s in b.sentences]}
                  for b in essay.blocks]
        typer.echo(json.dumps({"essay": essay.path, "blocks": blocks}, ensure_ascii=False,
                              indent=2))
        return
    typer.echo("\n\n".join("\n".join(s.msgid for s in b.sentences) for b in essay.blocks))


def _print_written(written, quiet: bool) -> None:
    for item in written:
        if quiet and item.action == "unchanged":
            continue
        detail = ""
        if item.path.suffix == ".po":
            detail = (f" ({item.entries} entries: {item.fuzzy} fuzzy, "
                      f"{item.untranslated} untranslated, {item.obsolete} obsolete)")
        elif item.entries:
            detail = f" ({item.entries} entries)"
        typer.echo(f"{item.action:9} {item.path}{detail}")


@app.command()
def extract(project: ProjectOpt = None, essays: EssayArgs = None,
            quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False) -> None:
    """Write locales/templates/<essay>.pot for each essay."""
    from .pipeline import update_project

    config = _config(project)
    written = update_project(config, names=essays, templates_only=True,
                             annotate=_annotator(config))
    _print_written(written, quiet)


@app.command()
def update(project: ProjectOpt = None, essays: EssayArgs = None,
           quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False) -> None:
    """Extract templates and merge them into every target language's PO catalog."""
    from .pipeline import update_project

    config = _config(project)
    written = update_project(config, names=essays, annotate=_annotator(config))
    _print_written(written, quiet)


glossary_app = typer.Typer(no_args_is_help=True, help="Validate and explore the glossary.")
app.add_typer(glossary_app, name="glossary")
GlossaryOpt = Annotated[Path | None, typer.Option(
    "--glossary", "-g", help="Glossary file (default: the project's).", dir_okay=False)]


def _glossary(project: Path | None, path: Path | None):
    from .glossary import project_glossary, read_glossary

    if path is not None:
        return read_glossary(path)
    glossary = project_glossary(_config(project))
    if glossary is None:
        raise L10nError("the project has no glossary", hint="create glossary.csv or pass -g FILE")
    return glossary


def _catalogs(config, language: str | None):
    from .catalog import read_catalog
    from .pipeline import project_catalogs

    return [(path, read_catalog(path)) for path in project_catalogs(config, language)]


@glossary_app.command("check")
def glossary_check(project: ProjectOpt = None, glossary: GlossaryOpt = None) -> None:
    """Validate the glossary: one line per problem, exit 3 if there is one."""
    terms = _glossary(project, glossary)
    kinds = {kind: sum(t.kind == kind for t in terms.terms) for kind in ("term", "name", "keep")}
    typer.echo(f"glossary OK: {len(terms)} entries ({kinds['term']} terms, {kinds['name']} names, "
               f"{kinds['keep']} kept verbatim)")


@glossary_app.command("find")
def glossary_find(term: Annotated[str, typer.Argument(help="A Korean term or variant.")],
                  project: ProjectOpt = None, language: str | None = None) -> None:
    """Concordance: every occurrence of TERM with its English and verdict."""
    from .terminology import concordance

    config = _config(project)
    glossary = _glossary(project, None)
    entry = glossary.by_ko(term)
    if entry is None:
        raise L10nError(f"{term!r} is not in the glossary",
                        hint="l10n glossary suggest lists candidates")
    found = concordance(glossary, entry, _catalogs(config, language))
    typer.echo(f"{entry.ko} → {entry.en} ({entry.kind}): {len(found)} occurrence(s)")
    for item in found:
        verdict = item.verdict.value if item.verdict else "untranslated"
        typer.echo(f"{config.relative(item.path)}:{item.line}: {verdict}: {item.msgid}")
        if item.msgstr:
            typer.echo(f"    {item.msgstr}")


@glossary_app.command("suggest")
def glossary_suggest(project: ProjectOpt = None, language: str | None = None,
                     minimum: Annotated[int, typer.Option(help="Minimum occurrences.")] = 2,
                     limit: Annotated[int, typer.Option(help="Most candidates shown.")] = 30
                     ) -> None:
    """Frequent Korean noun phrases not yet in the glossary, with their current English."""
    from .terminology import suggest_terms

    config = _config(project)
    glossary = _glossary(project, None)
    candidates = suggest_terms(glossary, _catalogs(config, language), minimum=minimum,
                               limit=limit)
    if not candidates:
        typer.echo(f"no candidates occurring {minimum} times or more")
    for candidate in candidates:
        typer.echo(f"{candidate.count:4}  {candidate.phrase}")
        for _, english in candidate.examples:
            typer.echo(f"      {english or '(untranslated)'}")


def main() -> None:
    """Entry point: run the app, turning typed errors into one line and an exit code."""
    try:
        app()  # standalone: usage errors print help and exit 2
    except L10nError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
