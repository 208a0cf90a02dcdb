"""TBX-Basic: the glossary out to a terminology tool and back into ``glossary.csv``.

One ``termEntry`` per glossary row, a ``langSet`` per language, a ``tig`` per term:

=================  ==========================================================
glossary.csv       TBX-Basic
=================  ==========================================================
ko, en             ``administrativeStatus`` preferredTerm-admn-sts
ko_variants,       admittedTerm-admn-sts
en_variants
forbidden          deprecatedTerm-admn-sts (in the English langSet)
kind = name        ``partOfSpeech`` properNoun, and the note ``l10n-kind: name``
kind = keep        the note ``l10n-kind: keep``
note               ``<note>`` of the entry
ko_exclude         the note ``l10n-ko_exclude: A | B`` of the Korean langSet
=================  ==========================================================

TBX-Basic has no data category for l10n's kinds or for ko_exclude, so they travel in
notes with an ``l10n-`` prefix, which terminology tools show and keep. A TBX from
another tool needs none of them: its preferred terms become ko and en, admitted terms
variants, deprecated and superseded English terms forbidden forms.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import GlossaryError
from ..glossary.model import COLUMNS, Term
from .xmltext import XML_LANG, check_text, inline_text, local, parse_xml, same_language, serialize

DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
PREFERRED, ADMITTED, DEPRECATED = ("preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                   "deprecatedTerm-admn-sts")
_KIND_NOTE, _EXCLUDE_NOTE = "l10n-kind: ", "l10n-ko_exclude: "


def _sub(parent, tag: str, text: str | None = None, attrib: dict | None = None, **attributes
         ) -> etree._Element:
    element = etree.SubElement(parent, tag, {**(attrib or {}), **attributes})
    if text is not None:
        element.text = check_text(text, what=f"<{tag}>", error=GlossaryError)
    return element


def _tig(lang_set, term: str, status: str, *, proper: bool = False) -> None:
    tig = _sub(lang_set, "tig")
    _sub(tig, "term", term)
    _sub(tig, "termNote", status, type="administrativeStatus")
    if proper:
        _sub(tig, "termNote", "properNoun", type="partOfSpeech")


def write_tbx(terms: tuple[Term, ...] | list[Term], *, source_language: str = "ko",
              target_language: str = "en", title: str = "l10n glossary") -> str:
    """TBX-Basic text of the glossary's terms."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(root, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "sourceDesc"), "p", f"glossary.csv, exported by l10n {__version__}")
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    for number, term in enumerate(terms, start=1):
        entry = _sub(body, "termEntry", id=f"c{number}")
        if term.note:
            _sub(entry, "note", term.note)
        if term.kind != "term":
            _sub(entry, "note", _KIND_NOTE + term.kind)
        proper = term.kind == "name"
        korean = _sub(entry, "langSet", attrib={XML_LANG: source_language})
        if term.ko_exclude:
            _sub(korean, "note", _EXCLUDE_NOTE + " | ".join(term.ko_exclude))
        _tig(korean, term.ko, PREFERRED, proper=proper)
        for variant in term.ko_variants:
            _tig(korean, variant, ADMITTED)
        english = _sub(entry, "langSet", attrib={XML_LANG: target_language})
        _tig(english, term.en, PREFERRED, proper=proper)
        for variant in term.en_variants:
            _tig(english, variant, ADMITTED)
        for form in term.forbidden:
            _tig(english, form, DEPRECATED)
    return serialize(root, doctype=DOCTYPE)


def _terms_of(lang_set) -> list[tuple[str, str]]:
    """(term, administrative status) of a langSet's tig and ntig elements, in order."""
    found = []
    for holder in lang_set:
        name = local(holder.tag)
        if name == "ntig":
            holder = holder.find("termGrp")
        elif name != "tig":
            continue
        if holder is None or holder.find("term") is None:
            continue
        status = next((note.text or "" for note in holder.iter("termNote")
                       if note.get("type") == "administrativeStatus"), "")
        text = inline_text(holder.find("term")).strip()
        if text:
            found.append((text, status.strip()))
    return found


def read_tbx(path: Path, *, source_language: str = "ko", target_language: str = "en"
             ) -> list[Term]:
    """The concepts of a TBX file that have a term in both languages, as glossary terms."""
    path = Path(path)
    root = parse_xml(path, GlossaryError, what="TBX file")
    if local(root.tag) not in ("martif", "tbx"):
        raise GlossaryError(f"not a TBX file (root <{local(root.tag)}>)", path=path,
                            hint="give a TBX-Basic file")
    terms = []
    for entry in root.iter("termEntry", "conceptEntry"):
        notes = [inline_text(n).strip() for n in entry if local(n.tag) == "note"]
        notes += [inline_text(n).strip() for n in entry
                  if local(n.tag) == "descrip" and n.get("type") == "definition"]
        sets = [s for s in entry if local(s.tag) == "langSet"]
        korean = [s for s in sets if same_language(s.get(XML_LANG), source_language)]
        english = [s for s in sets if same_language(s.get(XML_LANG), target_language)]
        ko_terms = [t for s in korean for t in _terms_of(s)]
        en_terms = [t for s in english for t in _terms_of(s)]
        if not ko_terms or not en_terms:
            continue
        kind = next((n.removeprefix(_KIND_NOTE) for n in notes if n.startswith(_KIND_NOTE)),
                    None)
        if kind is None:
            proper = any(note.get("type") == "partOfSpeech" and note.text == "properNoun"
                         for s in korean + english for note in s.iter("termNote"))
            kind = "name" if proper else "term"
        exclude = [inline_text(n).strip().removeprefix(_EXCLUDE_NOTE)
                   for s in korean for n in s
                   if local(n.tag) == "note" and inline_text(n).strip().startswith(_EXCLUDE_NOTE)]
        ko, ko_variants = _preferred(ko_terms)
        en, en_variants = _preferred(en_terms)
        forbidden = tuple(text for text, status in en_terms
                          if status in (DEPRECATED, "supersededTerm-admn-sts") and text != en)
        terms.append(Term(
            ko=ko, en=en, ko_variants=ko_variants,
            en_variants=tuple(v for v in en_variants if v not in forbidden),
            forbidden=forbidden, kind=kind,
            note="\n".join(n for n in notes if n and not n.startswith(_KIND_NOTE)),
            ko_exclude=tuple(part.strip() for text in exclude for part in text.split("|")
                             if part.strip())))
    return terms


def _preferred(found: list[tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    """The preferred term (the first one marked so, else the first not deprecated) and
    the admitted others."""
    usable = [(text, status) for text, status in found
              if status not in (DEPRECATED, "supersededTerm-admn-sts")] or found
    main = next((text for text, status in usable if status == PREFERRED), usable[0][0])
    return main, tuple(dict.fromkeys(text for text, _ in usable if text != main))


def glossary_csv(terms: list[Term] | tuple[Term, ...]) -> str:
    """glossary.csv text for terms, columns in the documented order (``ko_exclude`` only
    when a term has one), lists joined with ``|``."""
    columns = [c for c in COLUMNS if c != "ko_exclude" or any(t.ko_exclude for t in terms)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for term in terms:
        cells = {"ko": term.ko, "en": term.en, "ko_variants": "|".join(term.ko_variants),
                 "en_variants": "|".join(term.en_variants),
                 "forbidden": "|".join(term.forbidden), "kind": term.kind,
                 "note": term.note, "ko_exclude": "|".join(term.ko_exclude)}
        writer.writerow([cells[c] for c in columns])
    return out.getvalue()


def merge_terms(current: tuple[Term, ...], incoming: list[Term]
                ) -> tuple[list[Term], int, int]:
    """Current terms with incoming ones: a concept with the same Korean term replaces
    the row in place, others are appended. Returns (terms, added, updated)."""
    def key(term: Term) -> str:
        return "".join(term.ko.split())

    def same(a: Term, b: Term) -> bool:
        return (a.ko, a.en, a.ko_variants, a.en_variants, a.forbidden, a.kind, a.note,
                a.ko_exclude) == (b.ko, b.en, b.ko_variants, b.en_variants, b.forbidden,
                                  b.kind, b.note, b.ko_exclude)

    by_key = {key(t): t for t in incoming}
    merged, updated = [], 0
    for term in current:
        new = by_key.pop(key(term), None)
        if new is not None and not same(new, term):
            updated += 1
        merged.append(new or term)
    merged += by_key.values()
    return merged, len(by_key), updated


def import_tbx(file: Path, glossary: Path, *, dry_run: bool = False) -> tuple[int, int, int]:
    """Merge the TBX ``file`` into the glossary CSV ``glossary`` (``merge_terms``; a missing
    glossary is created): (terms added, terms updated, entries in the result). The result
    is validated before it is written, and written only if nobody saved the glossary in
    the meantime; with ``dry_run``, nothing is written."""
    from ..files import file_digest, write_text_atomic
    from ..glossary.terms import parse_glossary, read_glossary

    digest = file_digest(glossary)
    current = read_glossary(glossary).terms if digest is not None else ()
    merged, added, updated = merge_terms(current, read_tbx(file))
    text = glossary_csv(merged)
    parse_glossary(text, path=glossary)  # a TBX that makes an invalid glossary writes nothing
    if not dry_run:
        write_text_atomic(glossary, text, expected_digest=digest)
    return added, updated, len(merged)
