"""Where a translation memory comes from: the project's catalogs and the files in ``tm``.

The memory of a project, for one target language, is every translated entry of its
catalogs (live or obsolete; an aligned translation waiting for review too, marked
unreviewed) plus the files named in ``[tool.l10n] tm = [...]``: PO catalogs or
compendia, and TMX files (``l10n.exchange.tmx.read_tmx``: the unit's number in the file
is its origin).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import ConfigError
from ..po.catalog import read_catalog
from .tm import TranslationMemory, Unit, units_from_catalog

if TYPE_CHECKING:
    import polib


def read_memory_file(path: Path, *, language: str, relative=str,
                     source_language: str = "ko") -> list[Unit]:
    """The units of one memory file (PO or TMX, by suffix)."""
    suffix = path.suffix.lower()
    name = relative(path)
    if suffix in (".po", ".pot", ".tmx") and not path.is_file():
        raise ConfigError("no such translation memory", path=path,
                          hint="fix the path in [tool.l10n] tm")
    if suffix in (".po", ".pot"):
        po = read_catalog(path)
        declared = po.metadata.get("Language", "").replace("-", "_")
        if declared and declared.split("_")[0] != language.replace("-", "_").split("_")[0]:
            return []  # a memory for another target language
        return units_from_catalog(po, essay=name, origin_path=name)
    if suffix == ".tmx":
        try:
            from ..exchange.tmx import read_tmx
        except ImportError as exc:
            raise ConfigError("TMX memories need the TMX reader (l10n.exchange.tmx), "
                              "which this installation lacks", path=path,
                              hint="convert it to PO (tmx2po from translate-toolkit) and "
                                   "list the PO file in 'tm'") from exc
        return [Unit(unit.source, unit.target, f"{name}:{number}", unit.origin or name)
                for number, unit in enumerate(read_tmx(path, source_language=source_language,
                                                       target_language=language), start=1)]
    raise ConfigError(f"unknown translation memory format {suffix or '(no suffix)'!r}",
                      path=path, hint="list .po or .tmx files in 'tm'")


def load_memory(config: Config, catalogs: Iterable[Path], *, language: str,
                glossary=None, extra: Iterable[Unit] = (),
                read: Callable[[Path], polib.POFile] | None = None) -> TranslationMemory:
    """The project's memory for ``language``: its catalogs, then the ``tm`` files.

    ``read`` reads a catalog (``update`` passes one that keeps what it read, so each
    catalog of a run is parsed once)."""
    units: list[Unit] = list(extra)
    for path in catalogs:
        po = (read or read_catalog)(path)
        units += units_from_catalog(po, essay=path.stem, origin_path=config.relative(path))
    for path in config.tm:
        units += read_memory_file(path, language=language, relative=config.relative,
                                  source_language=config.source_language)
    return TranslationMemory(units, glossary=glossary)


def project_memory(config: Config, language: str | None = None, glossary=None):
    """The memory of the project's catalogs in ``language`` (default: the first target
    language), with its archive files."""
    from ..config import project_catalogs

    language = language or config.languages[0]
    return load_memory(config, project_catalogs(config, language), language=language,
                       glossary=glossary)
