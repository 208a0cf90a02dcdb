"""What ``l10n export`` and ``l10n tm export`` send out: the catalogs of the chosen essays
and languages."""

from __future__ import annotations

from ..errors import ConfigError


def exchange_targets(config, essays: list[str] | None, language: str | None):
    """(essay, language, catalog path) for the chosen essays and languages."""
    from ..pipeline import project_catalogs

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
