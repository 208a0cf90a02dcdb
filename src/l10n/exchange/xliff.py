"""XLIFF 1.2 and 2.0: a PO catalog out to a CAT tool and its units back.

What a PO entry carries goes where each version defines it, so a CAT tool shows it and
nothing is lost on the way back (``catalog_from_xliff`` rebuilds the very file):

* msgid, msgstr: ``<source>``, ``<target>`` (2.0: in one ``<segment>``);
* state: untranslated is 1.2 ``needs-translation`` with an empty target (2.0
  ``initial``, no target); fuzzy ``needs-review-translation`` (2.0 ``initial`` with a
  target); translated ``translated``;
* msgctxt: 1.2 ``resname``, 2.0 ``name``;
* ``#|`` previous msgid: 1.2 ``<alt-trans alttranstype="previous-version">`` (old
  source and the fuzzy translation); 2.0 a ``previous-source`` note;
* ``#.`` (our glossary hints), ``#`` translator comments, ``#:`` locations: notes
  ``developer``, ``translator``, ``location`` (1.2 ``from``, 2.0 ``category``); the
  locations also as 1.2 ``<context-group purpose="location">``;
* other flags, ``#| msgctxt``, the header: 1.2 ``x-po-`` contexts and ``<header>``
  notes; 2.0 the metadata module (``mda:meta``), which also holds what the notes show.

Each unit also records what the catalog held when it was exported (``extradata`` in
1.2, ``mda:meta type="base"`` in 2.0: a digest of state and translation), so that the
import can tell a translation saved in the catalog since the export from one the CAT
translator made.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polib
from lxml import etree

from .. import __version__
from ..errors import CatalogError
from ..po.catalog import new_catalog
from .xmltext import XML_SPACE, check_text, inline_text, local, parse_xml, serialize

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS_MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSIONS = ("1.2", "2.0")

UNTRANSLATED, FUZZY, TRANSLATED = "untranslated", "fuzzy", "translated"
# XLIFF 1.2 target states, as CAT tools set them, to ours
_STATES_12 = {"new": UNTRANSLATED, "needs-translation": UNTRANSLATED,
              "needs-adaptation": FUZZY, "needs-l10n": FUZZY,
              "needs-review-adaptation": FUZZY, "needs-review-l10n": FUZZY,
              "needs-review-translation": FUZZY, "translated": TRANSLATED,
              "final": TRANSLATED, "signed-off": TRANSLATED}
_WRITE_12 = {UNTRANSLATED: "needs-translation", FUZZY: "needs-review-translation",
             TRANSLATED: "translated"}


@dataclass(frozen=True)
class Unit:
    """One translation unit as exchanged: a PO entry's fields, and its state."""

    source: str
    target: str = ""
    state: str = UNTRANSLATED  # untranslated, fuzzy or translated
    context: str | None = None  # msgctxt
    id: str = ""
    developer: str = ""  # #. extracted comments (glossary hints)
    translator: str = ""  # # translator comment
    locations: tuple[tuple[str, str], ...] = ()
    flags: tuple[str, ...] = ()  # flags other than fuzzy
    previous_source: str | None = None
    previous_context: str | None = None
    base: str | None = None  # digest of the catalog's state and translation at export

    @property
    def offered(self) -> bool:
        """Whether the unit carries a translation: a target that is not a copy of the
        source (CAT tools such as OmegaT pre-fill the target with the source)."""
        return bool(self.target) and self.target != self.source


@dataclass(frozen=True)
class Document:
    """An XLIFF file: where it came from, its languages, its units."""

    version: str
    original: str
    source_language: str
    target_language: str
    units: tuple[Unit, ...]
    header: str | None = None  # the PO header entry's text
    header_comment: str = ""
    path: Path | None = field(default=None, compare=False)


def entry_state(entry: polib.POEntry) -> str:
    if "fuzzy" in entry.flags:
        return FUZZY if entry.msgstr else UNTRANSLATED
    return TRANSLATED if entry.msgstr else UNTRANSLATED


def base_digest(state: str, target: str) -> str:
    """What the catalog held for a unit, as recorded at export and compared at import."""
    return hashlib.sha256(f"{state}\0{target}".encode()).hexdigest()[:16]


def unit_from_entry(entry: polib.POEntry, index: int) -> Unit:
    if entry.msgid_plural:
        raise CatalogError(f"plural entry {entry.msgid[:40]!r} cannot be exchanged as XLIFF",
                           hint="essays have no plural entries; remove it")
    state = entry_state(entry)
    target = entry.msgstr if state != UNTRANSLATED else ""
    return Unit(source=entry.msgid, target=entry.msgstr, state=state, context=entry.msgctxt,
                id=str(index), developer=entry.comment or "", translator=entry.tcomment or "",
                locations=tuple((str(f), str(n or "")) for f, n in entry.occurrences),
                # a fuzzy flag on an empty translation has no state to go in: keep it here
                flags=tuple(f for f in entry.flags if f != "fuzzy" or state == UNTRANSLATED),
                previous_source=entry.previous_msgid,
                previous_context=entry.previous_msgctxt,
                base=base_digest(state, target))


def document_from_catalog(po: polib.POFile, *, original: str, source_language: str,
                          target_language: str, version: str = "1.2") -> Document:
    """The live entries of a catalog as an XLIFF document (obsolete entries stay home)."""
    live = [entry for entry in po if not entry.obsolete]
    units = tuple(unit_from_entry(entry, i) for i, entry in enumerate(live, start=1))
    header = "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    return Document(version, original, source_language, target_language, units,
                    header=header, header_comment=po.header or "")


def write_xliff(document: Document, *, prefill: bool = False) -> str:
    """The XLIFF text of a document, in its version.

    ``prefill`` (1.2 only) writes the source into every target, without a state, as
    OmegaT's XLIFF filter wants (it translates the target; translations come from TMX).
    """
    if document.version == "1.2":
        return _write_12(document, prefill=prefill)
    if prefill:
        raise CatalogError("a pre-filled XLIFF is written in version 1.2 only",
                           hint="use --xliff-version 1.2")
    if document.version == "2.0":
        return _write_20(document)
    raise CatalogError(f"unknown XLIFF version {document.version!r}",
                       hint=f"use one of {', '.join(VERSIONS)}")


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v
                                             for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = check_text(text, what=f"<{local(tag)}>", error=CatalogError)
    return element


def _location_text(unit: Unit) -> str:
    return "\n".join(f"{file}:{line}" if line else file for file, line in unit.locations)


def _write_12(doc: Document, *, prefill: bool = False) -> str:
    q = f"{{{NS12}}}"
    root = etree.Element(q + "xliff", nsmap={None: NS12}, version="1.2")
    file = _sub(root, q + "file", original=doc.original, source_language=doc.source_language,
                target_language=doc.target_language, datatype="po", tool_id="l10n")
    header = _sub(file, q + "header")
    _sub(header, q + "tool", tool_id="l10n", tool_name="l10n", tool_version=__version__)
    if doc.header is not None:
        _sub(header, q + "note", doc.header, **{"from": "po-header"})
    if doc.header_comment:
        _sub(header, q + "note", doc.header_comment, **{"from": "po-header-comment"})
    body = _sub(file, q + "body")
    for unit in doc.units:
        element = _sub(body, q + "trans-unit", id=unit.id, resname=unit.context,
                       extradata=f"l10n-base:{unit.base}" if unit.base else None)
        element.set(XML_SPACE, "preserve")
        _sub(element, q + "source", unit.source)
        if prefill:
            _sub(element, q + "target", unit.source)
        else:
            _sub(element, q + "target", unit.target if unit.state != UNTRANSLATED else "",
                 state=_WRITE_12[unit.state])
        for file_name, line in unit.locations:
            group = _sub(element, q + "context-group", purpose="location")
            _sub(group, q + "context", file_name, context_type="sourcefile")
            if line:
                _sub(group, q + "context", line, context_type="linenumber")
        extra = [("x-po-flags", ", ".join(unit.flags) if unit.flags else None),
                 ("x-po-previous-msgctxt", unit.previous_context)]
        if any(value is not None for _, value in extra):
            group = _sub(element, q + "context-group", purpose="information")
            for kind, value in extra:
                if value is not None:
                    _sub(group, q + "context", value, context_type=kind)
        for origin, text in (("developer", unit.developer), ("translator", unit.translator),
                             ("location", _location_text(unit))):
            if text:
                _sub(element, q + "note", text, **{"from": origin})
        if unit.previous_source is not None:
            alt = _sub(element, q + "alt-trans", alttranstype="previous-version")
            alt.set(XML_SPACE, "preserve")
            _sub(alt, q + "source", unit.previous_source)
            _sub(alt, q + "target", unit.target)
    return serialize(root)


def _write_20(doc: Document) -> str:
    q, m = f"{{{NS20}}}", f"{{{NS_MDA}}}"
    root = etree.Element(q + "xliff", nsmap={None: NS20, "mda": NS_MDA}, version="2.0",
                         srcLang=doc.source_language, trgLang=doc.target_language)
    file = _sub(root, q + "file", id="f1", original=doc.original)
    meta = [("header", doc.header),
            ("header-comment", doc.header_comment or None)]
    _metadata(file, m, "po-header", meta)
    for unit in doc.units:
        element = _sub(file, q + "unit", id=f"u{unit.id}", name=unit.context)
        _metadata(element, m, "l10n", [
            ("base", unit.base), ("flags", ", ".join(unit.flags) if unit.flags else None),
            ("previous-msgctxt", unit.previous_context),
            ("previous-msgid", unit.previous_source),
            *(("location", f"{f}:{n}" if n else f) for f, n in unit.locations)])
        notes = [(category, text) for category, text in (
            ("developer", unit.developer), ("translator", unit.translator),
            ("location", _location_text(unit)), ("previous-source", unit.previous_source))
            if text]
        if notes:
            holder = _sub(element, q + "notes")
            for category, text in notes:
                _sub(holder, q + "note", text, category=category)
        segment = _sub(element, q + "segment",
                       state="translated" if unit.state == TRANSLATED else "initial")
        source = _sub(segment, q + "source", unit.source)
        source.set(XML_SPACE, "preserve")
        if unit.state != UNTRANSLATED:
            target = _sub(segment, q + "target", unit.target)
            target.set(XML_SPACE, "preserve")
    return serialize(root)


def _metadata(parent, m: str, category: str, items) -> None:
    items = [(kind, value) for kind, value in items if value is not None]
    if not items:
        return
    group = _sub(_sub(parent, m + "metadata"), m + "metaGroup", category=category)
    for kind, value in items:
        _sub(group, m + "meta", value, type=kind)


# ---------------------------------------------------------------- reading


def read_xliff(path: Path) -> Document:
    """An XLIFF 1.2 or 2.0 file (from l10n or any CAT tool) as a document."""
    root = parse_xml(Path(path), CatalogError, what="XLIFF file")
    namespace = etree.QName(root).namespace
    if local(root.tag) != "xliff" or namespace not in (NS12, NS20):
        raise CatalogError(f"not an XLIFF 1.2 or 2.0 file (root <{local(root.tag)}> in "
                           f"{namespace or 'no namespace'})", path=path,
                           hint="export the file as XLIFF 1.2 or 2.0")
    files = [child for child in root if local(child.tag) == "file"]
    if len(files) != 1:
        raise CatalogError(f"expected one <file>, found {len(files)}", path=path,
                           hint="l10n writes one file per essay and language; split it")
    if namespace == NS12:
        return _read_12(files[0], path)
    return _read_20(root, files[0], path)


def _read_12(file, path: Path) -> Document:
    q = f"{{{NS12}}}"
    header_notes = {note.get("from"): note.text or ""
                    for note in file.iterfind(f"{q}header/{q}note")}
    units = []
    for element in file.iter(q + "trans-unit"):
        source = inline_text(element.find(q + "source"))
        target_element = element.find(q + "target")
        target = inline_text(target_element)
        state_name = target_element.get("state") if target_element is not None else None
        if state_name is None:
            state = TRANSLATED if target and target != source else UNTRANSLATED
        else:
            state = _STATES_12.get(state_name, TRANSLATED) if target else UNTRANSLATED
        if element.get("approved") == "yes" and target:
            state = TRANSLATED
        notes: dict[str, list[str]] = {}
        for note in element.iterfind(q + "note"):
            notes.setdefault(note.get("from") or "", []).append(note.text or "")
        locations, info = [], {}
        for group in element.iterfind(q + "context-group"):
            contexts = {c.get("context-type"): c.text or "" for c in group.iterfind(q + "context")}
            if group.get("purpose") == "location" and "sourcefile" in contexts:
                locations.append((contexts["sourcefile"], contexts.get("linenumber", "")))
            else:
                info.update(contexts)
        previous = None
        for alt in element.iterfind(q + "alt-trans"):
            if alt.get("alttranstype") == "previous-version" and alt.find(q + "source") is not None:
                previous = inline_text(alt.find(q + "source"))
        extradata = element.get("extradata") or ""
        units.append(Unit(
            source=source, target=target, state=state, context=element.get("resname"),
            id=element.get("id", ""), developer="\n".join(notes.get("developer", [])),
            translator="\n".join(notes.get("translator", [])), locations=tuple(locations),
            flags=_flags(info.get("x-po-flags")), previous_source=previous,
            previous_context=info.get("x-po-previous-msgctxt"),
            base=extradata.removeprefix("l10n-base:") if extradata.startswith("l10n-base:")
            else None))
    return Document("1.2", file.get("original", ""), file.get("source-language", ""),
                    file.get("target-language", ""), tuple(units),
                    header=header_notes.get("po-header"),
                    header_comment=header_notes.get("po-header-comment", ""), path=path)


def _flags(text: str | None) -> tuple[str, ...]:
    return tuple(f.strip() for f in (text or "").split(",") if f.strip())


def _meta(element, category: str) -> list[tuple[str, str]]:
    m = f"{{{NS_MDA}}}"
    return [(meta.get("type", ""), meta.text or "")
            for group in element.iterfind(f"{m}metadata/{m}metaGroup")
            if group.get("category") == category
            for meta in group.iterfind(m + "meta")]


def _read_20(root, file, path: Path) -> Document:
    q = f"{{{NS20}}}"
    header = dict(_meta(file, "po-header"))
    units = []
    for element in file.iter(q + "unit"):
        segments = element.findall(q + "segment")
        source = "".join(inline_text(s.find(q + "source")) for s in segments)
        target_elements = [s.find(q + "target") for s in segments]
        target = "".join(inline_text(t) for t in target_elements if t is not None)
        states = {s.get("state", "initial") for s in segments}
        has_target = any(t is not None for t in target_elements) and bool(target)
        if not has_target:
            state = UNTRANSLATED
        elif states <= {"translated", "reviewed", "final"}:
            state = TRANSLATED
        else:
            state = FUZZY
        notes: dict[str, list[str]] = {}
        for note in element.iterfind(f"{q}notes/{q}note"):
            notes.setdefault(note.get("category") or "", []).append(note.text or "")
        meta = _meta(element, "l10n")
        single = dict(meta)
        locations = []
        for kind, value in meta:
            if kind == "location":
                file_name, _, line = value.rpartition(":")
                locations.append((file_name, line) if file_name and line.isdigit()
                                 else (value, ""))
        units.append(Unit(
            source=source, target=target, state=state, context=element.get("name"),
            id=element.get("id", "").removeprefix("u"),
            developer="\n".join(notes.get("developer", [])),
            translator="\n".join(notes.get("translator", [])), locations=tuple(locations),
            flags=_flags(single.get("flags")), previous_source=single.get("previous-msgid"),
            previous_context=single.get("previous-msgctxt"), base=single.get("base")))
    return Document("2.0", file.get("original", ""), root.get("srcLang", ""),
                    root.get("trgLang", ""), tuple(units), header=header.get("header"),
                    header_comment=header.get("header-comment", ""), path=path)


def catalog_from_xliff(document: Document) -> polib.POFile:
    """The PO catalog an XLIFF document describes (what ``document_from_catalog`` read)."""
    metadata = {}
    for line in (document.header or "").split("\n"):
        if line:
            key, _, value = line.partition(": ") if ": " in line else line.partition(":")
            metadata[key] = value
    po = new_catalog(metadata, header_comment=document.header_comment)
    for unit in document.units:
        flags = (["fuzzy"] if unit.state == FUZZY else []) + list(unit.flags)
        po.append(polib.POEntry(
            msgid=unit.source, msgstr=unit.target if unit.state != UNTRANSLATED else "",
            msgctxt=unit.context, comment=unit.developer, tcomment=unit.translator,
            occurrences=list(unit.locations), flags=flags,
            previous_msgid=unit.previous_source, previous_msgctxt=unit.previous_context))
    return po
