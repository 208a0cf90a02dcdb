"""What ``l10n export`` and ``l10n tm export`` send out: the catalogs of the chosen essays
and languages."""

from __future__ import annotations

from ..errors import ConfigError


def exchange_targets(config, essays: list[str] | None, language: str | None):
    """(essay, language, catalog path) for the chosen essays and languages."""
    from ..config import project_catalogs

    languages = [language] if language else list(config.languages)
    targets = []
    for lang in languages:
        known = {path.stem: path for path in project_catalogs(config, lang)}
        for name in essays or sorted(known):
            if name not in known:
                raise ConfigError(f"no catalog for essay {name!r} in {lang}",
                                  path=config.po_path(name, lang),
                                  hint="check the name, or run 'l10n update' first")
            targets.append((name, lang, known[name]))
    return targets


def export_files(config, essays: list[str] | None, language: str | None, *,
                 fmt: str = "xliff", xliff_version: str = "1.2") -> dict[str, str]:
    """The files ``l10n export`` writes, by path relative to its folder: one XLIFF file per
    essay and language (``fmt`` xliff), or a ready OmegaT project in one target language
    (``fmt`` omegat: its source files, memories and glossary)."""
    from ..glossary.terms import project_glossary
    from ..po.catalog import read_catalog
    from . import omegat, tmx, xliff
    from .xmltext import language_tag

    targets = exchange_targets(config, essays, language)
    if fmt == "omegat" and len({lang for _, lang, _ in targets}) > 1:
        raise ConfigError("an OmegaT project has one target language",
                          hint="choose one with --language")
    files, kits = {}, []
    for name, lang, path in targets:
        po = read_catalog(path)
        document = xliff.document_from_catalog(
            po, original=config.relative(path), source_language=language_tag(
                config.source_language), target_language=language_tag(lang),
            version=xliff_version)
        if fmt == "xliff":
            files[f"{name}.{lang}.xlf"] = xliff.write_xliff(document)
        else:
            kits.append((f"{name}.{lang}", document, tmx.catalog_memory(po, essay=name),
                         tmx.catalog_memory(po, essay=name, fuzzy=True)))
    if fmt == "omegat":
        lang = targets[0][1] if targets else config.languages[0]
        files = omegat.omegat_files(kits, source_language=config.source_language,
                                    target_language=lang, glossary=project_glossary(config))
    return files
