"""An essay and its English translation made before l10n: read, aligned, written to the PO.

The English is Markdown or plain text; its blocks are read like an essay's and split
into sentences with pysbd (rule-based, with English abbreviations). The beads of
``align`` become fuzzy translations with an ``aligned: 1-2, confidence 0.91``
comment. A Korean entry that already has a translation keeps it; a sentence the
translator added and a Korean sentence left out are reported, never put elsewhere.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polib

from ..model import BlockKind, Essay
from ..source import draft_essay
from .align import Bead, align_paragraphs, english_side, korean_side
from .morphology import MorphologyCache, korean_morphology


@dataclass(frozen=True)
class Line:
    """A sentence with where it stands."""

    text: str
    line: int
    paragraph: int
    start: int = 0  # offset in the paragraph's text


@dataclass(frozen=True)
class Alignment:
    korean: list[Line]
    english: list[Line]
    beads: list[Bead]

    def added(self) -> list[Line]:
        """English sentences with no Korean counterpart (a translator's additions)."""
        return [self.english[i] for bead in self.beads if not bead.korean for i in bead.english]

    def dropped(self) -> list[Line]:
        """Korean sentences the translation leaves out."""
        return [self.korean[i] for bead in self.beads if not bead.english for i in bead.korean]


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_english(text: str) -> list[tuple[str, int]]:
    """The sentences of an English paragraph with their offsets (pysbd)."""
    out, cursor = [], 0
    for piece in _segmenter().segment(text):
        sentence = piece.strip()
        if not sentence:
            continue
        at = text.find(sentence, cursor)
        if at < 0:  # pysbd changed the text (it should not with clean=False)
            at = cursor
        out.append((" ".join(sentence.split()), at))
        cursor = at + len(sentence)
    return out


def english_lines(text: str, *, path: str) -> list[list[Line]]:
    """The English translation as paragraphs of sentences (code blocks left out)."""
    draft = draft_essay(text, name="translation", path=path)
    paragraphs = []
    for raw in draft.raw:
        kind, content, line = raw.kind, raw.text, raw.line
        if kind in (BlockKind.CODE, BlockKind.HTML):  # shown verbatim, never translated
            continue
        sentences = [Line(sentence, line + content.count("\n", 0, at), len(paragraphs), at)
                     for sentence, at in split_english(content)]
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def korean_lines(essay: Essay) -> list[list[Line]]:
    paragraphs = []
    for block in essay.blocks:
        if block.kind is BlockKind.CODE or not block.sentences:
            continue
        paragraphs.append([Line(s.msgid, s.line, len(paragraphs), s.start)
                           for s in block.sentences])
    return paragraphs


def align_translation(essay: Essay, english: str, *, path: str = "translation.md",
                      glossary=None, cache: Path | None = None) -> Alignment:
    """Align an English translation (text of a Markdown or plain-text file) to an essay.

    ``cache``: the project's cache folder, where the Korean sentences' morphology is kept
    (``morphology.MorphologyCache``); None analyses every sentence afresh.
    """
    ko_paragraphs = korean_lines(essay)
    en_paragraphs = english_lines(english, path=path)
    ko_flat = [line for p in ko_paragraphs for line in p]
    en_flat = [line for p in en_paragraphs for line in p]
    ko_terms, en_terms = _terms(glossary, ko_flat, en_flat)
    known = MorphologyCache(cache) if cache is not None else None
    morphology = korean_morphology([line.text for line in ko_flat], known)
    if known is not None:
        known.save()
    ko_sides = _regroup([korean_side(line.text, terms, found) for line, terms, found
                         in zip(ko_flat, ko_terms, morphology, strict=True)], ko_paragraphs)
    en_sides = _regroup([english_side(line.text, terms)
                         for line, terms in zip(en_flat, en_terms, strict=True)], en_paragraphs)
    return Alignment(ko_flat, en_flat, align_paragraphs(ko_sides, en_sides))


def _regroup(flat: list, paragraphs: list[list[Line]]) -> list[list]:
    out, at = [], 0
    for paragraph in paragraphs:
        out.append(flat[at:at + len(paragraph)])
        at += len(paragraph)
    return out


def _terms(glossary, korean: list[Line], english: list[Line]
           ) -> tuple[list[frozenset], list[frozenset]]:
    """Glossary terms in each Korean sentence, and whose English each English one has."""
    if glossary is None or not len(glossary):
        return [frozenset()] * len(korean), [frozenset()] * len(english)
    from ..glossary.model import Verdict
    from ..glossary.verdicts import judge_english

    hits = glossary.find_korean_many([line.text for line in korean])
    ko_terms = [frozenset(hit.term.ko for hit in found) for found in hits]
    essay_terms = {hit.term.ko: hit.term for found in hits for hit in found}
    en_terms = []
    for line in english:
        present = frozenset(ko for ko, term in essay_terms.items()
                            if judge_english(term, line.text).verdict is not Verdict.MISSING)
        en_terms.append(present)
    return ko_terms, en_terms


@dataclass(frozen=True)
class Written:
    written: int  # entries given an aligned translation
    kept: int  # entries that had a translation, left as they were
    missing: int  # aligned Korean sentences with no entry in the catalog (run update)


def apply_alignment(po: polib.POFile, alignment: Alignment) -> Written:
    """Write the beads into ``po`` as fuzzy translations; existing ones are kept."""
    entries = {entry.msgid: entry for entry in po if not entry.obsolete and entry.msgid}
    written = kept = missing = 0
    done: set[str] = set()
    for bead in alignment.beads:
        if not bead.korean or not bead.english:
            continue
        english = " ".join(alignment.english[i].text for i in bead.english)
        for index in bead.korean:
            msgid = alignment.korean[index].text
            entry = entries.get(msgid)
            if entry is None:
                missing += 1
                continue
            if msgid in done:
                continue  # the same sentence again: its first alignment stands
            done.add(msgid)
            if entry.msgstr or "fuzzy" in entry.flags or entry.msgid_plural:
                kept += 1
                continue
            entry.msgstr = english
            entry.flags = ["fuzzy"] + [flag for flag in entry.flags if flag != "fuzzy"]
            note = f"aligned: {bead.shape}, confidence {bead.confidence:.2f}"
            entry.comment = f"{entry.comment}\n{note}" if entry.comment else note
            written += 1
    return Written(written, kept, missing)


def alignment_report(alignment, written, po_path: str, essay_path: str, translation: str,
                     fmt: str, dry_run: bool) -> str:
    """The report of ``l10n align``: what was written and kept, as text or JSON."""
    shapes = Counter(bead.shape for bead in alignment.beads if bead.korean and bead.english)
    added = [{"line": line.line, "text": line.text} for line in alignment.added()]
    dropped = [{"line": line.line, "text": line.text} for line in alignment.dropped()]
    if fmt == "json":
        return json.dumps({"catalog": po_path, "written": written.written, "kept": written.kept,
                           "not_in_catalog": written.missing, "beads": dict(shapes),
                           "added": added, "dropped": dropped, "dry_run": dry_run},
                          ensure_ascii=False, indent=2) + "\n"
    verb = "would write" if dry_run else "wrote"
    lines = [f"{verb} {written.written} aligned translation(s) to {po_path} "
             f"({', '.join(f'{n} {shape}' for shape, n in sorted(shapes.items()))}); "
             f"kept {written.kept} existing"]
    if written.missing:
        lines.append(f"{written.missing} aligned sentence(s) have no entry: run 'l10n update'")
    if added:
        lines.append("English sentences with no Korean counterpart (not written):")
        lines += [f"  {translation}:{item['line']}: {item['text']}" for item in added]
    if dropped:
        lines.append("Korean sentences the translation leaves out (still untranslated):")
        lines += [f"  {essay_path}:{item['line']}: {item['text']}" for item in dropped]
    return "\n".join(lines) + "\n"
