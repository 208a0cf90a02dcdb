"""L: findings about the run itself: suppressions, configuration, what was found.

A gate must never pass silently: a suppression comment that names an unknown code or
silences nothing, a configured glossary or source folder that does not exist, and a run
that found no catalog at all are reported like any other finding.

Examples of the suppression checks are PO entries (one line per `` | ``); those of the
run checks are lines of ``[tool.l10n]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .base import Severity, Unit, check


@dataclass(frozen=True)
class SuppressionUse:
    """One entry's ``l10n-ignore`` comment after the run: what it named, what it hid."""

    unit: Unit
    unknown: tuple[str, ...]
    unused: tuple[str, ...]  # selectors that silenced no finding of a check that ran


@dataclass(frozen=True)
class RunFacts:
    """What the run checks look at: the configuration and what was found."""

    config: object | None  # Config, or None for files outside any project
    files: int
    where: Path | None  # what was searched (the locales folder, or the arguments)


@check(code="L001", name="unused-suppression", severity=Severity.WARNING, family="meta",
       scope="suppression")
def unused_suppression(uses: list[SuppressionUse], ctx) -> Iterator[tuple[Unit, str]]:
    """An ``l10n-ignore`` comment names a check that found nothing to silence there.

    Why: once the translation is fixed the comment is stale, and it would silence the
    next real problem (ruff's RUF100).
    Bad:  # l10n-ignore: W002 | msgid "가는 간다." | msgstr "Ga goes." -> nothing to silence
    Good: # l10n-ignore: W002 | msgid "가는 간다." | msgstr "Ga  goes." -> silences the double space
    """
    for use in uses:
        if use.unused:
            yield use.unit, (f"'l10n-ignore: {', '.join(use.unused)}' silences nothing "
                             "here; remove it")


@check(code="L002", name="unknown-suppression", severity=Severity.WARNING, family="meta",
       scope="suppression")
def unknown_suppression(uses: list[SuppressionUse], ctx) -> Iterator[tuple[Unit, str]]:
    """An ``l10n-ignore`` comment names a code, prefix or name that no check has.

    Why: a typo (N999 for N001) silences nothing, and nobody notices.
    Bad:  # l10n-ignore: N999 | msgid "가는 간다." | msgstr "Ga goes." -> no such check
    Good: # l10n-ignore: W | msgid "가는 간다." | msgstr "Ga  goes." -> the W family
    """
    for use in uses:
        if use.unknown:
            yield use.unit, (f"unknown check {', '.join(map(repr, use.unknown))} in "
                             "l10n-ignore; 'l10n checks' lists codes and names")


@check(code="L003", name="no-catalogs", severity=Severity.ERROR, family="meta", scope="run")
def no_catalogs(facts: RunFacts, ctx) -> Iterator[tuple[Path | None, int, str]]:
    """The run found no catalog to check.

    Why: a gate that checked nothing must not pass: a wrong path, a typo in 'locales'
    or essays that 'update' refused would otherwise go unnoticed.
    Bad:  locales = "locale" -> (the catalogs are in locales/)
    Good: locales = "locales" -> one catalog found
    """
    if facts.files == 0:
        config = facts.config
        where = f" in {facts.where}" if facts.where else ""
        path = config.config_file if config is not None else None
        line = config.key_line("locales") if config is not None else 0
        yield path, line, (f"no PO file found{where}; run 'l10n update' to create the "
                           "catalogs, or check the path")


@check(code="L004", name="glossary-missing", severity=Severity.ERROR, family="meta",
       scope="run")
def glossary_missing(facts: RunFacts, ctx) -> Iterator[tuple[Path | None, int, str]]:
    """The configured glossary file does not exist.

    Why: without it every glossary check is off, and a translation that ignores the
    glossary passes.
    Bad:  glossary = "missing.csv" -> no such file
    Good: glossary = "glossary.csv" -> the project's glossary
    """
    config = facts.config
    if config is not None and config.glossary_configured and config.glossary is not None \
            and not config.glossary.is_file():
        yield config.config_file, config.key_line("glossary"), (
            f"glossary {config.relative(config.glossary)} does not exist; the glossary "
            "checks cannot run (fix 'glossary' or create the file)")


@check(code="L005", name="source-missing", severity=Severity.ERROR, family="meta",
       scope="run")
def source_missing(facts: RunFacts, ctx) -> Iterator[tuple[Path | None, int, str]]:
    """The configured source folder does not exist.

    Why: 'update' would retire every catalog, and the catalogs checked are stale.
    Bad:  source = "sourc" -> no such folder
    Good: source = "source/ko" -> the essays
    """
    config = facts.config
    if config is not None and not config.source.is_dir():
        yield config.config_file, config.key_line("source"), (
            f"source folder {config.relative(config.source)} does not exist (fix "
            "'source' or create the folder)")
