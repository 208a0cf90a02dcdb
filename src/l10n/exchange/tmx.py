"""TMX 1.4b: the project's translations out as a memory, and any tool's memory in.

Written: one ``<tu>`` per translated entry (fuzzy and untranslated ones are not
memory), Korean then English, with the date the translation was made
(``creationdate``, UTC, TMX's ``YYYYMMDDThhmmssZ``), who made it (``creationid``) when
known, and the essay and msgctxt as properties (``x-essay``, ``x-context``), which
OmegaT, Trados and memoQ show as attributes of the match. Read: ``read_tmx`` gives
(source, target, origin) units of any TMX 1.4 file, for the translation memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from .. import __version__
from ..errors import CatalogError
from .xmltext import (
    XML_LANG,
    check_text,
    inline_text,
    language_tag,
    local,
    parse_xml,
    same_language,
    serialize,
)

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


@dataclass(frozen=True)
class MemoryEntry:
    """A translation to write to a TMX file."""

    source: str
    target: str
    essay: str = ""
    context: str | None = None
    created: datetime | None = None
    creator: str = ""


class TmxUnit(NamedTuple):
    """A unit read from a TMX file; ``origin`` is the essay it names, else the file."""

    source: str
    target: str
    origin: str


def tmx_date(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def write_tmx(entries: Iterable[MemoryEntry], *, source_language: str = "ko",
              target_language: str = "en", created: datetime | None = None) -> str:
    """TMX 1.4b text. The header's date is ``created``, else the newest entry's, so the
    same catalogs give the same file."""
    entries = list(entries)
    source_tag, target_tag = language_tag(source_language), language_tag(target_language)
    dates = [entry.created for entry in entries if entry.created is not None]
    when = created or (max(dates, key=tmx_date) if dates else datetime(1970, 1, 1, tzinfo=UTC))
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "l10n", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "PO", "adminlang": "en-US", "srclang": source_tag, "datatype": "plaintext",
        "creationdate": tmx_date(when)})
    body = etree.SubElement(root, "body")
    for entry in entries:
        tu = etree.SubElement(body, "tu", {"srclang": source_tag})
        if entry.created is not None:
            tu.set("creationdate", tmx_date(entry.created))
        if entry.creator:
            tu.set("creationid", entry.creator)
        for kind, value in (("x-essay", entry.essay), ("x-context", entry.context)):
            if value:
                prop = etree.SubElement(tu, "prop", type=kind)
                prop.text = check_text(value, what="a property", error=CatalogError)
        for tag, text in ((source_tag, entry.source), (target_tag, entry.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: tag})
            seg = etree.SubElement(tuv, "seg")
            seg.text = check_text(text, what="a segment", error=CatalogError)
    return serialize(root, doctype=DOCTYPE)


def read_tmx(path: Path, *, source_language: str = "ko", target_language: str = "en"
             ) -> list[TmxUnit]:
    """The (source, target, origin) units of a TMX file for one language pair.

    Variants are paired by language, region ignored (ko-KR and ko are one); units
    without both sides are skipped. Inline codes (``<bpt>``, ``<ph>``...) are dropped
    from the text, ``<hi>`` and ``<sub>`` kept as text.
    """
    path = Path(path)
    root = parse_xml(path, CatalogError, what="TMX file")
    if local(root.tag) != "tmx" or root.find("body") is None:
        raise CatalogError(f"not a TMX file (root <{local(root.tag)}>)", path=path,
                           hint="give a TMX 1.4 file")
    units = []
    for tu in root.find("body").iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iterfind("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            for side, code in (("source", source_language), ("target", target_language)):
                if same_language(lang, code) and side not in texts:
                    texts[side] = inline_text(tuv.find("seg"))
        if texts.get("source") and texts.get("target"):
            essay = next((prop.text for prop in tu.iterfind("prop")
                          if prop.get("type") == "x-essay" and prop.text), None)
            units.append(TmxUnit(texts["source"], texts["target"], essay or path.name))
    return units


def revision_date(po) -> datetime | None:
    """The catalog's PO-Revision-Date, or None when it is the template's placeholder."""
    value = po.metadata.get("PO-Revision-Date", "")
    for form in ("%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M:%S%z"):
        try:
            return datetime.strptime(value.strip(), form)
        except ValueError:
            continue
    return None


def catalog_memory(po, *, essay: str, revisions: dict | None = None, fuzzy: bool = False
                   ) -> list[MemoryEntry]:
    """The catalog's translated live entries as memory entries (``fuzzy``: its fuzzy
    entries instead, paired with the source they translated, the ``#|`` previous msgid).

    ``revisions`` maps a msgid to the git revision that set its translation (``when``,
    ``author``); without one, the catalog's PO-Revision-Date dates the entry.
    """
    revisions = revisions or {}
    fallback = revision_date(po)
    out = []
    for entry in po:
        if entry.obsolete or not entry.msgstr or entry.msgid_plural:
            continue
        if ("fuzzy" in entry.flags) != fuzzy:
            continue
        revision = revisions.get(entry.msgid)
        out.append(MemoryEntry(
            source=(entry.previous_msgid or entry.msgid) if fuzzy else entry.msgid,
            target=entry.msgstr, essay=essay, context=entry.msgctxt,
            created=revision.when if revision is not None else fallback,
            creator=revision.author if revision is not None else ""))
    return out
