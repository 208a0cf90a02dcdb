"""Terminology work over a project: a concordance of one term and candidate new terms."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from .model import Term, Verdict
from .terms import Glossary
from .verdicts import judge_entry


@dataclass(frozen=True)
class Occurrence:
    path: Path
    line: int
    msgid: str
    msgstr: str
    verdict: Verdict | None  # None when the entry is not translated yet


@dataclass(frozen=True)
class Candidate:
    phrase: str
    count: int
    examples: tuple[tuple[str, str], ...]  # (Korean sentence, current English)


def entry_line(entry: polib.POEntry) -> int:
    return int(entry.linenum) if getattr(entry, "linenum", None) else 0


def concordance(glossary: Glossary, term: Term,
                catalogs: Iterable[tuple[Path, polib.POFile]]) -> list[Occurrence]:
    """Every live entry whose Korean contains ``term``, with its English and verdict (the
    verdict ``check`` gives: a sense the note rules out, the verb of a noun term, a
    surname are judged as there)."""
    found = []
    for path, po in catalogs:
        for entry in po:
            if entry.obsolete:
                continue
            hits = [hit for hit in glossary.find_korean(entry.msgid) if hit.term == term]
            if not hits:
                continue
            verdict = None
            if entry.msgstr and "fuzzy" not in entry.flags:
                [judgement] = judge_entry(glossary, entry.msgid, entry.msgstr, hits=hits)
                verdict = judgement.verdict
            found.append(Occurrence(path, entry_line(entry), entry.msgid, entry.msgstr, verdict))
    return found


_NOUNISH = {"NNG", "NNP", "XPN", "XSN", "SL", "SH"}


def suggest_terms(glossary: Glossary, catalogs: Iterable[tuple[Path, polib.POFile]], *,
                  minimum: int = 2, limit: int = 30) -> list[Candidate]:
    """Frequent Korean noun phrases (Kiwi noun runs) that no glossary term covers."""
    from ..korean.kiwi import kiwi

    entries = [entry for _, po in catalogs for entry in po if not entry.obsolete]
    counts: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    analysed = kiwi().tokenize([entry.msgid for entry in entries])
    for entry, tokens in zip(entries, analysed, strict=True):
        covered = [(hit.start, hit.end) for hit in glossary.find_korean(entry.msgid)]
        for start, end in _noun_runs(entry.msgid, tokens):
            if any(a <= start < b or a < end <= b for a, b in covered):
                continue
            phrase = entry.msgid[start:end]
            if len(phrase.replace(" ", "")) < 2 or phrase.endswith(("들",)):
                continue
            counts[phrase] += 1
            if len(examples[phrase]) < 2:
                examples[phrase].append((entry.msgid, entry.msgstr))
    ranked = sorted((c for c in counts.items() if c[1] >= minimum), key=lambda c: (-c[1], c[0]))
    return [Candidate(phrase, count, tuple(examples[phrase])) for phrase, count in ranked[:limit]]


def _noun_runs(text: str, tokens) -> list[tuple[int, int]]:
    """Spans of consecutive noun morphemes (a compound noun, spaces allowed inside)."""
    runs, current = [], None
    for token in tokens:
        if token.tag in _NOUNISH:
            start, end = token.start, token.start + token.len
            if current and not text[current[1]:start].strip():
                current[1] = end
            else:
                if current:
                    runs.append(tuple(current))
                current = [start, end]
        else:
            if current:
                runs.append(tuple(current))
            current = None
    if current:
        runs.append(tuple(current))
    # a phrase is worth a term only if it has two parts or is a long single noun
    return [(s, e) for s, e in runs if " " in text[s:e] or e - s >= 3]
