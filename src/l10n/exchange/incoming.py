"""Work coming back from a CAT tool: an XLIFF document merged into the current catalog.

Only translations and states change. Each unit is matched to the live entry with the
same msgctxt and msgid; the unit's recorded base (what the catalog held at export) tells
who changed what since:

* the unit is as it was exported: nothing to do, whatever the catalog says now;
* the catalog is as it was at export: the CAT translator's work is taken;
* both changed, differently: a **conflict**, reported and left alone;
* no entry has the unit's source any more (the essay was edited and ``l10n update``
  ran): **stale**, reported and left alone.

A unit without a translation (no target, or the source copied into it, as OmegaT and
others pre-fill) changes nothing: clearing a translation is done in the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..config import Config
from ..errors import ConfigError
from ..files import file_digest
from ..po.catalog import read_catalog, write_catalog
from .xliff import (
    FUZZY,
    TRANSLATED,
    UNTRANSLATED,
    Document,
    Unit,
    base_digest,
    entry_state,
    read_xliff,
)
from .xmltext import same_language

UPDATED, CONFLICT, STALE = "updated", "conflict", "stale"


@dataclass(frozen=True)
class Outcome:
    """What happened to one unit: updated, conflict or stale (unchanged units are silent)."""

    kind: str
    unit: Unit
    line: int | None  # the entry's line in the catalog, when there is one
    message: str


def _line(entry: polib.POEntry) -> int | None:
    return int(getattr(entry, "linenum", 0) or 0) or None


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def merge_document(po: polib.POFile, document: Document) -> list[Outcome]:
    """Apply the document's translations to ``po`` in place; what happened, unit by unit."""
    live = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
    outcomes = []
    for unit in document.units:
        entry = live.get((unit.context, unit.source))
        if entry is None:
            if unit.offered:
                outcomes.append(Outcome(STALE, unit, None, (
                    f"unit {unit.id}: source {_short(unit.source)} is no longer in the "
                    "catalog (the essay changed since the export); translation not "
                    "imported, export again")))
            continue
        outcome = _merge_unit(entry, unit)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _merge_unit(entry: polib.POEntry, unit: Unit) -> Outcome | None:
    if not unit.offered:
        return None
    incoming = (unit.state if unit.state != UNTRANSLATED else TRANSLATED, unit.target)
    current = (entry_state(entry), entry.msgstr if entry_state(entry) != UNTRANSLATED else "")
    if incoming == current:
        return None
    if unit.base is not None and base_digest(*incoming) == unit.base:
        return None  # the CAT translator left it as exported; the catalog's is newer
    catalog_as_exported = (base_digest(*current) == unit.base if unit.base is not None
                           else current[0] == UNTRANSLATED)
    if not catalog_as_exported:
        why = ("changed in the catalog since the export" if unit.base is not None
               else "the file records no export state, and the catalog has a translation")
        return Outcome(CONFLICT, unit, _line(entry), (
            f"unit {unit.id}: {why}: catalog has {_short(entry.msgstr)}, XLIFF has "
            f"{_short(unit.target)}; left alone: choose one in the PO file"))
    _apply(entry, *incoming)
    return Outcome(UPDATED, unit, _line(entry),
                   f"unit {unit.id}: {incoming[0]}: {_short(unit.target)}")


def _apply(entry: polib.POEntry, state: str, target: str) -> None:
    entry.msgstr = target
    if state == FUZZY:
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        return
    # confirmed: as PO editors do, the fuzzy mark and the previous source go together
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.previous_msgid = entry.previous_msgctxt = entry.previous_msgid_plural = None


@dataclass(frozen=True)
class FileImport:
    """One XLIFF file merged into its catalog."""

    file: Path
    catalog: Path
    outcomes: tuple[Outcome, ...]

    def count(self, kind: str) -> int:
        return sum(outcome.kind == kind for outcome in self.outcomes)


@dataclass
class ImportRun:
    """XLIFF files merged into the project's catalogs, in memory until ``write``."""

    files: list[FileImport] = field(default_factory=list)
    catalogs: dict[Path, tuple[str | None, polib.POFile]] = field(default_factory=dict)

    @property
    def left_alone(self) -> int:
        return sum(item.count(CONFLICT) + item.count(STALE) for item in self.files)

    def report_lines(self, relative=str, *, dry_run: bool = False) -> list[str]:
        """What ``l10n import`` says: each outcome where it stands (the catalog's path as
        ``relative`` gives it, and the entry's line), then a count per file."""
        lines = []
        for item in self.files:
            for outcome in item.outcomes:
                where = (f"{relative(item.catalog)}:{outcome.line}" if outcome.line
                         else str(item.file))
                lines.append(f"{where}: {outcome.kind}: {outcome.message}")
            lines.append(f"{item.file}: {item.count(UPDATED)} updated, "
                         f"{item.count(CONFLICT)} conflict(s), {item.count(STALE)} "
                         "stale" + (" (dry run: nothing written)" if dry_run else ""))
        return lines

    def write(self) -> None:
        """Write the catalogs, each only if nobody saved it since it was read."""
        for path, (digest, po) in self.catalogs.items():
            write_catalog(po, path, expected_digest=digest)


def import_xliff(config: Config, files: list[Path]) -> ImportRun:
    """Merge XLIFF files into the catalogs they were exported from (their ``original``),
    which must be catalogs of this project in the file's target language."""
    from ..pipeline import project_catalogs

    known = {path.resolve(): (path, lang) for lang in config.languages
             for path in project_catalogs(config, lang)}
    run = ImportRun()
    for file in files:
        document = read_xliff(file)
        found = known.get((config.root / document.original).resolve())
        if found is None:
            raise ConfigError(f"the file is for {document.original or 'no catalog'!r}, which "
                              "is not a catalog of this project", path=file,
                              hint="import it in the project it was exported from")
        path, lang = found
        if not same_language(document.target_language, lang):
            raise ConfigError(f"target language {document.target_language!r} does not match "
                              f"the catalog's {lang!r}", path=file,
                              hint="import it into the catalog of its language")
        if path not in run.catalogs:
            run.catalogs[path] = (file_digest(path), read_catalog(path))
        outcomes = merge_document(run.catalogs[path][1], document)
        run.files.append(FileImport(Path(file), path, tuple(outcomes)))
    return run
