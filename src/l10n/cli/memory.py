"""Commands of the translation memory: analyze, align, tm lookup, tm export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from . import EssayArgs, LanguageOpt, ProjectOpt, _config, _format, _read, _say, app, tm_app


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
    from ..essays import read_essays
    from ..files import file_digest
    from ..glossary.terms import project_glossary
    from ..memory.bitext import align_translation, alignment_report, apply_alignment
    from ..pipeline import project_lock
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




@tm_app.command("export")
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
