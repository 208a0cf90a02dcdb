"""The glossary commands: check, find, suggest, export, import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from . import GlossaryOpt, ProjectOpt, _catalogs, _config, _glossary, _say, glossary_app


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
