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


def main() -> None:
    """Entry point: run the app, turning typed errors into one line and an exit code."""
    try:
        app()  # standalone: usage errors print help and exit 2
    except L10nError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
