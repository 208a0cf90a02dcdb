"""The translation memory: translated Korean sentences, normalised, indexed and scored.

A memory holds *units* (a Korean source, its English, where it came from). A lookup
normalises the Korean (NFC, one space for any run of white space, full-width
punctuation and digits as ASCII), finds exact matches in a dictionary and fuzzy ones
through a character-bigram index (so a lookup reads a few posting lists, never the
whole memory), and scores the best candidates with rapidfuzz as CAT tools do: the
Levenshtein similarity of the two sentences, spaces left out (Korean spacing varies).
Numbers read by value, Latin tokens and glossary terms that differ cost a point each
and are named in the match, so a translator sees *why* a match is not 100%.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..korean.numbers import korean_values

MAX_CANDIDATES = 32  # units scored exactly per lookup, chosen by shared bigrams
PENALTY = 1  # points per differing number, Latin token or glossary term
_SPACE = re.compile(r"\s+")
# full-width ASCII forms (！ ， ０ Ａ) and the ideographic space, as their ASCII selves
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")  # anything but single spaces
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.+#'’-][A-Za-z0-9]+)*")
_BITS = 21  # a code point fits in 21 bits; a bigram is two of them


def normalize(text: str) -> str:
    """The form two sentences are compared in: NFC, ASCII punctuation width, one space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _WIDE.search(text):
        text = text.translate(_WIDTH)
    if _UNUSUAL_SPACE.search(text):
        text = _SPACE.sub(" ", text)
    return text.strip()


def _compact(key: str) -> str:
    return key.replace(" ", "")


@dataclass(frozen=True)
class Unit:
    """One translated sentence of the memory."""

    source: str  # the Korean as written where it came from
    target: str
    origin: str  # where it is: source/ko/a.md:12, archive/old.po:340
    essay: str  # the essay (catalog stem) or memory file it came from
    reviewed: bool = True  # False for an aligned translation nobody has confirmed yet


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: int  # percent: 100 only when the normalised sentences are equal
    differences: tuple[str, ...] = ()  # what differs: "number 2023 → 2024", "Latin AI → ∅"

    @property
    def exact(self) -> bool:
        return self.score == 100


class TranslationMemory:
    """Units with an exact-match dictionary and a bigram index for fuzzy lookups."""

    def __init__(self, units: Iterable[Unit], *, glossary=None) -> None:
        self.units: list[Unit] = []
        self.keys: list[str] = []
        self._exact: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for unit in sorted(units, key=lambda u: not u.reviewed):  # reviewed first, stable
            key = normalize(unit.source)
            if not key or not unit.target or (key, unit.target) in seen:
                continue
            seen.add((key, unit.target))
            self._exact.setdefault(key, []).append(len(self.units))
            self.units.append(unit)
            self.keys.append(key)
        self.glossary = glossary
        self._terms: dict[str, Counter] = {}
        self._index: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.units)

    # -- the index -------------------------------------------------------------------
    def _build_index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Bigram codes (sorted, unique), offsets into the postings, the postings."""
        compact = [_compact(key) for key in self.keys]
        text = "\x00".join(compact)
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        if len(points) < 2:
            empty = np.zeros(0, dtype=np.int64)
            return empty, np.zeros(1, dtype=np.int64), empty
        codes = (points[:-1] << _BITS) | points[1:]
        lengths = np.fromiter((len(c) + 1 for c in compact), dtype=np.int64, count=len(compact))
        owner = np.repeat(np.arange(len(compact), dtype=np.int64), lengths)[:len(codes)]
        keep = (points[:-1] != 0) & (points[1:] != 0)
        # one sort of (bigram, unit) as one number: postings sorted, one per unit and bigram
        units = len(compact)
        pairs = _unique(codes[keep] * units + owner[keep])
        codes, owner = pairs // units, pairs % units
        first = np.append(True, codes[1:] != codes[:-1]) if len(codes) else np.zeros(0, bool)
        starts = np.flatnonzero(first)
        unique = codes[starts]
        offsets = np.append(starts, len(codes)).astype(np.int64)
        return unique, offsets, owner

    def prepare(self) -> None:
        """Build the bigram index now (else the first fuzzy lookup does): ``update``
        builds it before it forks its workers, which then share it."""
        if self._index is None:
            self._index = self._build_index()

    def _candidates(self, compact: str) -> list[int]:
        self.prepare()
        unique, offsets, postings = self._index
        if len(compact) < 2 or not len(unique):
            return []
        points = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        codes = _unique((points[:-1] << _BITS) | points[1:])
        where = np.searchsorted(unique, codes)
        inside = where < len(unique)
        where, codes = where[inside], codes[inside]
        where = where[unique[where] == codes]
        if not len(where):
            return []
        sizes = offsets[where + 1] - offsets[where]
        common = sizes > max(1000, len(self.units) // 10)
        if common.any() and (~common).sum() >= 3:  # enough rarer bigrams to choose by
            where = where[~common]
        hits = np.concatenate([postings[offsets[i]:offsets[i + 1]] for i in where])
        counts = np.bincount(hits)
        present = np.flatnonzero(counts)
        if len(present) > MAX_CANDIDATES:
            present = present[np.argpartition(-counts[present], MAX_CANDIDATES)[:MAX_CANDIDATES]]
        return [int(i) for i in present]

    # -- lookups ---------------------------------------------------------------------
    def lookup(self, source: str, *, threshold: float = 75.0, limit: int = 1) -> list[Match]:
        """The best matches of a Korean sentence at or above ``threshold`` percent."""
        key = normalize(source)
        similar = self._similar(key, threshold, limit)
        self.learn_terms([key, *(self.keys[i] for i, _ in similar)])
        return self._finish(key, similar, threshold, limit)

    def lookup_many(self, sources: Sequence[str], *, threshold: float = 75.0,
                    limit: int = 1) -> list[list[Match]]:
        """``lookup`` for many sentences, the glossary terms of all found in one batch."""
        keys = [normalize(source) for source in sources]
        similar = [self._similar(key, threshold, limit) for key in keys]
        self.learn_terms(keys + [self.keys[i] for found in similar for i, _ in found])
        return [self._finish(key, found, threshold, limit)
                for key, found in zip(keys, similar, strict=True)]

    def best(self, source: str, *, threshold: float = 75.0) -> Match | None:
        found = self.lookup(source, threshold=threshold)
        return found[0] if found else None

    def _similar(self, key: str, threshold: float, limit: int) -> list[tuple[int, float]]:
        """Fuzzy candidates (unit index, similarity 0..1) that may reach ``threshold``."""
        if not key or len(self._exact.get(key, ())) >= limit:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        compact = _compact(key)
        ids = [i for i in self._candidates(compact) if self.keys[i] != key]
        choices = [_compact(self.keys[i]) for i in ids]
        found = process.extract(compact, choices, scorer=Levenshtein.normalized_similarity,
                                limit=max(limit, 3) + 2,
                                score_cutoff=max(0.0, threshold - 1) / 100)
        return [(ids[at], similarity) for _, similarity, at in found]

    def _finish(self, key: str, similar: list[tuple[int, float]], threshold: float,
                limit: int) -> list[Match]:
        if not key:
            return []
        exact = [Match(self.units[i], 100) for i in self._exact.get(key, [])]
        scored = []
        for index, similarity in similar:
            differences = self.differences(self.keys[index], key)
            score = min(99, int(similarity * 100 + 1e-9)) - PENALTY * min(
                10, sum(_weight(d) for d in differences))
            if score >= threshold:
                scored.append(Match(self.units[index], score, differences))
        scored.sort(key=lambda m: -m.score)  # stable: ties keep rapidfuzz's order
        return (exact + scored)[:limit]

    def learn_terms(self, keys: Iterable[str]) -> None:
        """Find the glossary terms of these normalised sentences, in one Kiwi batch."""
        if self.glossary is None or not len(self.glossary):
            return
        todo = [key for key in dict.fromkeys(keys) if key not in self._terms]
        for key, hits in zip(todo, self.glossary.find_korean_many(todo), strict=True):
            self._terms[key] = Counter(hit.term.ko for hit in hits)

    def differences(self, memory_source: str, source: str) -> tuple[str, ...]:
        """Numbers (by value), Latin tokens and glossary terms that differ, named."""
        out = []
        if memory_source != source and _compact(memory_source) == _compact(source):
            out.append("spacing")
        for kind, ours, theirs in (
            ("number", _numbers(memory_source), _numbers(source)),
            ("Latin", Counter(_LATIN.findall(memory_source)), Counter(_LATIN.findall(source))),
            ("term", self._terms_of(memory_source), self._terms_of(source)),
        ):
            gone, new = ours - theirs, theirs - ours
            if gone or new:
                out.append(f"{kind} {_names(gone)} → {_names(new)}")
        return tuple(out)

    def _terms_of(self, text: str) -> Counter:
        if self.glossary is None or not len(self.glossary):
            return Counter()
        if text not in self._terms:
            self._terms[text] = Counter(hit.term.ko for hit in self.glossary.find_korean(text))
        return self._terms[text]


def _unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-D array of integers (sorted, each once), without its first
    call's import of ``numpy.ma`` (40-60 ms in each worker of an update)."""
    values = np.sort(values)
    return values[np.append(True, values[1:] != values[:-1])] if len(values) else values


def _weight(difference: str) -> int:
    """Points a difference costs: one per item replaced, added or removed."""
    if difference == "spacing":
        return 1
    _, _, rest = difference.partition(" ")
    return max(len([x for x in side.split(", ") if x != "∅"]) for side in rest.split(" → "))


def _numbers(text: str) -> Counter:
    return Counter({_plain(value): n for (kind, value), n in korean_values(text).items()
                    if kind == "="})


def _names(items: Counter) -> str:
    return ", ".join(sorted(items.elements())) or "∅"


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


# -- number substitution -----------------------------------------------------------
_EN_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)")


def substitute_numbers(memory_source: str, source: str, target: str) -> tuple[str, list[str]]:
    """The memory's English with the one number that changed changed too.

    Only when it is unambiguous: exactly one value differs on each side, and the old
    value is written in the English once, in digits (2023년 → 2024년 in the Korean makes
    "In 2023" "In 2024"; 5,000만 → "50 million" is left to the translator). Returns the
    text and the substitutions made, as "2023 → 2024".
    """
    old, new = korean_values(memory_source), korean_values(source)
    gone, added = old - new, new - old
    if len(gone) != 1 or len(added) != 1:
        return target, []
    ((kind_a, a), count_a), = gone.items()
    ((kind_b, b), count_b), = added.items()
    if kind_a != "=" or kind_b != "=" or count_a != 1 or count_b != 1:
        return target, []
    spots = [m for m in _EN_DIGITS.finditer(target) if float(m.group(1).replace(",", "")) == a]
    if len(spots) != 1:
        return target, []
    spot = spots[0]
    written = _render(b, like=spot.group(1))
    return target[:spot.start(1)] + written + target[spot.end(1):], [
        f"{spot.group(1)} → {written}"]


def _render(value: float, *, like: str) -> str:
    """``value`` written the way ``like`` writes its number (thousands commas, decimals)."""
    decimals = len(like.partition(".")[2])
    if value != int(value):
        decimals = max(decimals, len(repr(value).partition(".")[2]))
    text = f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"
    return text


def units_from_catalog(po, *, essay: str, origin_path: str) -> list[Unit]:
    """The translated entries of a catalog as memory units (aligned ones unreviewed)."""
    units = []
    for entry in po:
        if not entry.msgid or entry.msgid_plural or not entry.msgstr:
            continue
        aligned = "fuzzy" in entry.flags
        if aligned and not any(line.startswith("aligned: ")
                               for line in (entry.comment or "").split("\n")):
            continue  # a fuzzy guess is no memory; an alignment waiting for review is
        if entry.occurrences and not entry.obsolete:
            file, line = entry.occurrences[0]
            origin = f"{file}:{line}" if line else file
        else:
            origin = f"{origin_path}:{getattr(entry, 'linenum', 0) or 0}"
        units.append(Unit(entry.msgid, entry.msgstr, origin, essay, reviewed=not aligned))
    return units


def best_matches(memory: TranslationMemory, sources: Sequence[str], *,
                 threshold: float) -> list[Match | None]:
    """``memory.best`` for many sentences (glossary terms found in one batch)."""
    return [found[0] if found else None
            for found in memory.lookup_many(sources, threshold=threshold)]
