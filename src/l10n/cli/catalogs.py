"""Commands that make the catalogs: segment, extract, update, merge."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError, printable
from . import EssayArgs, JobsOpt, ProjectOpt, QuietOpt, _config, _format, _say, app


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
