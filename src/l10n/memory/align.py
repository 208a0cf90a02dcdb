"""Alignment of an existing English translation with the Korean essay's sentences.

Paragraphs first, then sentences, each by dynamic programming over *beads*: 1-1, 1-2,
2-1, 1-3, 3-1, 1-0 (a Korean sentence the translator left out) and 0-1 (a sentence the
translator added), plus 2-2 for paragraphs. A bead's cost is Gale–Church's length
model, calibrated for Korean characters against English characters (both without
spaces; see ``RATIO`` and ``VARIANCE``), minus what the two sides share and plus what
they do not: numbers read by value (5,000만 = 50 million, 스무 = twenty), Latin tokens
and URLs, glossary terms (the approved English found in the sentence), romanised names,
persons, everyday words of a seed lexicon (``lexicon.py``) and nouns the essay itself
shows to correspond, question and exclamation marks, quotations. A skipped sentence
costs a fixed amount, so a sentence with no counterpart stays alone instead of being
forced onto a neighbour; a merged sentence that shares nothing with the English it is
merged into costs more (``_lonely``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ..korean.numbers import english_values, korean_values
from .lexicon import english_seeds, korean_seeds
from .morphology import Morphology, skeleton

# English characters per Korean character (both without spaces), and the variance of
# the difference per Korean character: measured on the development essays in
# tests/data/align/ (1-1 pairs), never on the held-out one.
RATIO = 2.36
VARIANCE = 5.6
# -log prior of each bead shape (Gale–Church's priors, with skips a little likelier:
# translators of essays add notes for English readers and leave sentences out)
SENTENCE_BEADS = {(1, 1): -math.log(0.89), (1, 2): -math.log(0.045), (2, 1): -math.log(0.045),
                  (1, 0): -math.log(0.006), (0, 1): -math.log(0.006),
                  (1, 3): -math.log(0.004), (3, 1): -math.log(0.004)}
PARAGRAPH_BEADS = {(1, 1): -math.log(0.9), (1, 2): -math.log(0.02), (2, 1): -math.log(0.02),
                   (1, 3): -math.log(0.004), (3, 1): -math.log(0.004), (2, 2): -math.log(0.004),
                   (1, 0): -math.log(0.01), (0, 1): -math.log(0.01)}
MATCH_BONUS = {"number": 3.0, "latin": 2.5, "url": 4.0, "term": 1.5, "mark": 1.0,
               "name": 2.0, "pronoun": 1.0, "lexical": 1.5, "seed": 1.5}
# a merged or split sentence with anchors, none of them shared (see ``_lonely``)
UNSUPPORTED_COST = 1.0
_EVIDENCE = ("counted", "latin", "urls", "terms", "names", "seeds", "lexical")
MISS_COST = {"number": 2.0, "latin": 1.5, "url": 3.0, "term": 0.8, "mark": 0.8}
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.'’-][A-Za-z0-9]+)*")
_URL = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+")
_WORD = re.compile(r"[a-z0-9]+(?:[.'’-][a-z0-9]+)*")
_NOTE = re.compile(r"translator'?s? note|note for (?:english|the) reader|\(trans(?:\.|lator)|"
                   r"\btr\. note\b|^\[.*\]$", re.IGNORECASE)
_QUOTES_KO = set("\"“”「」『』‘’'")
_QUOTES_EN = set("\"“”‘’")


@dataclass(frozen=True)
class Side:
    """One sentence with the anchors it offers."""

    text: str
    length: int  # characters without spaces
    numbers: Counter = field(default_factory=Counter)
    latin: frozenset = frozenset()  # lowercased Latin tokens (Korean) or words (English)
    urls: frozenset = frozenset()
    terms: frozenset = frozenset()  # glossary terms (their Korean form) present
    marks: frozenset = frozenset()  # "?", "!", "quote"
    names: frozenset = frozenset()  # consonant skeletons of names and loanwords
    note: bool = False  # reads like a translator's note (English only)
    pronouns: frozenset = frozenset()  # persons: "1s", "1p", "2", "3m", "3f", "3p"
    words: frozenset = frozenset()  # content words: Korean nouns, English stems
    lexical: frozenset = frozenset()  # Korean nouns this sentence has a translation of
    counted: frozenset = frozenset()  # the numbers, each with its occurrence number
    seeds: frozenset = frozenset()  # words of the seed lexicon (Korean) or their renderings
    english: bool = False  # an English sentence (else Korean)

    @cached_property
    def anchor_sets(self) -> tuple[frozenset, ...]:
        """The anchors of each kind, in the order of ``_KINDS``."""
        return tuple(getattr(self, attribute) for attribute in _ATTRIBUTES)

    @cached_property
    def evidence(self) -> tuple[frozenset, ...]:
        """The anchors that say which sentence this one translates (``_EVIDENCE``)."""
        return tuple(getattr(self, attribute) for attribute in _EVIDENCE)

    @cached_property
    def evidence_count(self) -> int:
        """How many anchors of its own the sentence has. An English sentence's words
        (``latin``) and their skeletons (``names``) are not counted: they are there for
        the Korean side's Latin tokens and names to be looked up in."""
        if not self.english:
            return sum(map(len, self.evidence))
        return sum(len(items) for items, attribute in zip(self.evidence, _EVIDENCE, strict=True)
                   if attribute not in ("latin", "names"))


# a number glued to a unit (5kg, 1,300km, 3GB) is a quantity here, not part of a name
_UNIT_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                          r"(?=(?:[a-zA-Z]{1,3}|°C)(?![A-Za-z]))")


def _numbers(values: Counter, text: str) -> Counter:
    """The values a sentence states, by value: a number read from words (스무, twenty) or
    an approximation (40여) is the same anchor as its digits; one (한, a, one) is too
    common to be one."""
    found: Counter = Counter()
    for (kind, value), n in values.items():
        key = ("=" if kind in ("w", "~") else kind, float(value))
        if key != ("=", 1.0):
            found[key] += n
    for match in _UNIT_NUMBER.finditer(text):
        key = ("=", float(match.group(1).replace(",", "")))
        if key not in found and key != ("=", 1.0):
            found[key] += 1
    return found


_EN_PERSON = {"i": "1s", "me": "1s", "my": "1s", "mine": "1s", "myself": "1s", "we": "1p",
              "us": "1p", "our": "1p", "ours": "1p", "you": "2", "your": "2", "he": "3m",
              "him": "3m", "his": "3m", "she": "3f", "her": "3f", "they": "3p", "them": "3p",
              "their": "3p"}


_STOP = frozenset("""the and for but nor yet with from into onto over under than that this
these those there their they them then when what which who whom whose why how where while
was were are been being have has had not all any each every some such only also very just
its it's one ones would could should will shall may might must can our your his her him
she he you we us out off about after before again once more most other own same too""".split())


def english_words(text: str) -> frozenset:
    """Content words of an English sentence, crudely stemmed (bees and bee alike)."""
    out = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < 3 or word in _STOP:
            continue
        for suffix in ("ies", "es", "s", "ed", "ing", "ly"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
        out.add(word)
    return frozenset(out)


_EN_NAME = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


def english_names(text: str) -> frozenset:
    """Skeletons of the words of an English sentence, and of runs of capitalised words
    (Kim Hong-do as one name)."""
    words = _EN_NAME.findall(text)
    names = {skeleton(word) for word in words}
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper():
            run.append(word)
            continue
        if len(run) > 1:
            names.add(skeleton("".join(run)))
        run = []
    return frozenset(name for name in names if len(name) >= 3)


def korean_side(text: str, terms: frozenset = frozenset(),
                morphology: Morphology | None = None) -> Side:
    marks = {mark for mark in ("?", "!") if mark in text}
    if any(ch in _QUOTES_KO for ch in text):
        marks.add("quote")
    urls = frozenset(u.rstrip(".,").lower() for u in _URL.findall(text))
    stripped = _URL.sub(" ", text)
    numbers = _numbers(korean_values(text), text)
    known = morphology or Morphology(frozenset(), Counter(), frozenset(), frozenset())
    for key, count in known.numerals.items():
        numbers[key] = max(numbers[key], count)
    return Side(text, len("".join(text.split())), numbers,
                frozenset(t.lower() for t in _LATIN.findall(stripped)), urls, terms,
                frozenset(marks), known.names, pronouns=known.pronouns, words=known.words,
                counted=_counted(numbers), seeds=korean_seeds(stripped))


def english_side(text: str, terms: frozenset = frozenset()) -> Side:
    marks = {mark for mark in ("?", "!") if mark in text}
    if any(ch in _QUOTES_EN for ch in text.replace("'s ", " ")):
        marks.add("quote")
    urls = frozenset(u.rstrip(".,").lower() for u in _URL.findall(text))
    numbers = _numbers(english_values(text), text)
    return Side(text, len("".join(text.split())), numbers,
                frozenset(_WORD.findall(text.lower())), urls, terms, frozenset(marks),
                english_names(text), note=bool(_NOTE.search(text.strip())),
                pronouns=frozenset(_EN_PERSON[w] for w in re.findall(r"[a-z]+", text.lower())
                                   if w in _EN_PERSON),
                words=english_words(text), counted=_counted(numbers),
                seeds=english_seeds(text), english=True)


@dataclass(frozen=True)
class Bead:
    korean: tuple[int, ...]  # indices into the Korean sentences
    english: tuple[int, ...]  # indices into the English sentences
    confidence: float

    @property
    def shape(self) -> str:
        return f"{len(self.korean)}-{len(self.english)}"


@lru_cache(maxsize=65536)
def _length_cost(korean: int, english: int) -> float:
    """-log of the probability of the length difference, as Gale and Church model it."""
    if korean == 0 or english == 0:
        return 0.0
    mean = (korean + english / RATIO) / 2
    delta = (english - korean * RATIO) / math.sqrt(mean * VARIANCE)
    return -math.log(max(1e-12, math.erfc(abs(delta) / math.sqrt(2))))


# anchor kinds: (attribute, bonus when shared, cost per Korean one alone, per English one
# alone). Latin tokens are looked for among all English words, so English words alone
# cost nothing; names, persons and learnt words only ever add evidence.
_KINDS = (("counted", MATCH_BONUS["number"], MISS_COST["number"], MISS_COST["number"]),
          ("latin", MATCH_BONUS["latin"], MISS_COST["latin"], 0.0),
          ("urls", MATCH_BONUS["url"], MISS_COST["url"], MISS_COST["url"]),
          ("terms", MATCH_BONUS["term"], MISS_COST["term"], MISS_COST["term"]),
          ("marks", MATCH_BONUS["mark"], MISS_COST["mark"], MISS_COST["mark"]),
          ("names", MATCH_BONUS["name"], 0.0, 0.0),
          ("pronouns", MATCH_BONUS["pronoun"], 0.0, 0.0),
          ("lexical", MATCH_BONUS["lexical"], 0.0, 0.0),
          ("seeds", MATCH_BONUS["seed"], 0.0, 0.0))


_ATTRIBUTES = tuple(kind[0] for kind in _KINDS)
_WEIGHTS = tuple(kind[1:] for kind in _KINDS)


def _counted(numbers: Counter) -> frozenset:
    """A multiset as a set: each value with its occurrence number."""
    return frozenset((key, k) for key, n in numbers.items() for k in range(n))


def _anchors(korean: Sequence[Side], english: Sequence[Side]) -> float:
    """Negative for what the two sides share, positive for what one has alone."""
    return _anchor_cost(korean[0] if len(korean) == 1 else _merge(korean),
                        english[0] if len(english) == 1 else _merge(english))


def _anchor_cost(korean: Side, english: Side) -> float:
    cost = 0.0
    for ours, theirs, (bonus, korean_alone, english_alone) in zip(
            korean.anchor_sets, english.anchor_sets, _WEIGHTS, strict=True):
        if not ours:
            if theirs and english_alone:
                cost += english_alone * len(theirs)
        elif not theirs:
            cost += korean_alone * len(ours)
        else:
            shared = len(ours & theirs)
            cost += (korean_alone * (len(ours) - shared) + english_alone * (len(theirs) - shared)
                     - bonus * shared)
    return cost


def bead_cost(korean: Sequence[Side], english: Sequence[Side], priors: dict) -> float:
    """The cost of a bead of these sentences (each side pooled into one)."""
    return _cost(_merge(korean) if korean else None, _merge(english) if english else None,
                 (len(korean), len(english)), priors)


def _cost(korean: Side | None, english: Side | None, shape: tuple[int, int],
          priors: dict) -> float:
    if korean is None or english is None:
        cost = priors[shape]
        if english is not None and english.note:
            cost -= 3.0  # a translator's note is meant to stand alone
        return cost
    return priors[shape] + _length_cost(korean.length, english.length) + _anchor_cost(
        korean, english)


def _lonely(side: Side, other: Side) -> bool:
    """A sentence (or paragraph) of a merged or split bead (2-1, 1-3, ...) that shares no
    anchor with the other side, though it has anchors of its own: likelier left out (or
    added) than merged, which the length model alone would happily do when the
    neighbour's English runs long. Such a sentence costs ``UNSUPPORTED_COST``."""
    return side.evidence_count >= 2 and not any(
        ours & theirs for ours, theirs in zip(side.evidence, other.evidence, strict=True))


def confidence(korean: Sequence[Side], english: Sequence[Side]) -> float:
    """How sure the bead is, from 0 to 1: length agreement raised by shared anchors."""
    if not korean or not english:
        return 0.0
    length = math.exp(-_length_cost(sum(s.length for s in korean),
                                    sum(s.length for s in english)))
    anchors = _anchors(korean, english)
    return round(1 / (1 + math.exp(-(2.5 + math.log(max(length, 1e-6)) - anchors))), 2)


def align_sequences(korean: Sequence[Side], english: Sequence[Side], *,
                    priors: dict = SENTENCE_BEADS, band: int | None = None
                    ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The cheapest sequence of beads covering both sides, as index runs."""
    n, m = len(korean), len(english)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    spans: dict[tuple[int, int, int], Side | None] = {}
    lonely: dict[tuple[int, int, int], bool] = {}

    def unsupported(i: int, a: int, j: int, b: int) -> float:
        """What the lonely sentences of the bead korean[i:a], english[j:b] cost."""
        if a - i > 1:
            keys = [(0, k, j) for k in range(i, a)]
        else:
            keys = [(1, k, i) for k in range(j, b)]
        count = 0
        for key in keys:
            found = lonely.get(key)
            if found is None:
                side, k, other = key
                found = lonely[key] = (_lonely(korean[k], english[other]) if side == 0
                                       else _lonely(english[k], korean[other]))
            count += found
        return count * UNSUPPORTED_COST

    def span(side: int, start: int, stop: int) -> Side | None:
        sequence = korean if side == 0 else english
        if stop - start == 1:
            return sequence[start]
        if stop == start:
            return None
        key = (side, start, stop)
        if key not in spans:
            spans[key] = _merge(sequence[start:stop])
        return spans[key]

    for i in range(n + 1):
        low, high = 0, m
        if band is not None and n:
            centre = i * m // n
            low, high = max(0, centre - band), min(m, centre + band)
        for j in range(low, high + 1):
            here = best[i][j]
            if here == inf:
                continue
            for shape in priors:
                a, b = i + shape[0], j + shape[1]
                if a > n or b > m:
                    continue
                total = here + _cost(span(0, i, a), span(1, j, b), shape, priors)
                if min(a - i, b - j) == 1 and max(a - i, b - j) > 1:
                    # a one-to-many bead: each of the many must share something with
                    # the one (a 2-2 bead has no single sentence to compare with)
                    total += unsupported(i, a, j, b)
                if total < best[a][b]:
                    best[a][b] = total
                    back[a][b] = shape
    beads = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band: cannot happen with band None
            raise ValueError("alignment band too narrow")
        di, dj = step
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def align_paragraphs(korean: Sequence[Sequence[Side]], english: Sequence[Sequence[Side]]
                     ) -> list[Bead]:
    """Sentence beads over whole texts: paragraphs aligned first, then their sentences.

    ``korean`` and ``english`` are paragraphs as lists of sentences; bead indices count
    sentences from the start of the text. Two passes: the first alignment's sure beads
    teach which Korean nouns the English renders how (a word that keeps coming back, like
    어머니 and mother), and the second uses those pairs as anchors, as hunalign does.
    """
    first = _align_once(korean, english)
    lexicon = learn_lexicon(first, [s for p in korean for s in p], [s for p in english for s in p])
    if not lexicon:
        return first
    english = [[replace(s, lexical=frozenset(k for k, e in lexicon.items() if e & s.words))
                for s in paragraph] for paragraph in english]
    korean = [[replace(s, lexical=frozenset(w for w in s.words if w in lexicon))
               for s in paragraph] for paragraph in korean]
    return _align_once(korean, english)


def learn_lexicon(beads: Sequence[Bead], korean: Sequence[Side], english: Sequence[Side]
                  ) -> dict[str, frozenset]:
    """Korean noun -> English stems that come with it in at least two sure beads (Dice
    coefficient at least 0.6)."""
    sure = [b for b in beads if b.korean and b.english and b.confidence >= 0.5]
    if len(sure) < 4:
        return {}
    ko_count: Counter = Counter()
    en_count: Counter = Counter()
    both: Counter = Counter()
    for bead in sure:
        ko_words = frozenset().union(*(korean[i].words for i in bead.korean))
        en_words = frozenset().union(*(english[j].words for j in bead.english))
        ko_count.update(ko_words)
        en_count.update(en_words)
        both.update((k, e) for k in ko_words for e in en_words)
    common = len(sure) / 2  # a word in half the beads says nothing about any one of them
    lexicon: dict[str, set] = {}
    for (k, e), n in both.items():
        if n >= 2 and en_count[e] <= common and ko_count[k] <= common \
                and 2 * n / (ko_count[k] + en_count[e]) >= 0.6:
            lexicon.setdefault(k, set()).add(e)
    return {k: frozenset(e) for k, e in lexicon.items()}


def _align_once(korean: Sequence[Sequence[Side]], english: Sequence[Sequence[Side]]
                ) -> list[Bead]:
    ko_start = _starts(korean)
    en_start = _starts(english)
    merged_ko = [_merge(p) for p in korean]
    merged_en = [_merge(p) for p in english]
    # a band around the diagonal keeps long texts linear; short ones are searched whole
    band = None if max(len(korean), len(english)) <= 40 else 12 + abs(len(korean) - len(english))
    beads: list[Bead] = []
    for ko_run, en_run in align_sequences(merged_ko, merged_en, priors=PARAGRAPH_BEADS,
                                          band=band):
        ko_sentences = [(ko_start[p] + k, s) for p in ko_run for k, s in enumerate(korean[p])]
        en_sentences = [(en_start[p] + k, s) for p in en_run for k, s in enumerate(english[p])]
        runs = align_sequences([s for _, s in ko_sentences], [s for _, s in en_sentences],
                               band=None if len(ko_sentences) <= 120
                               else 30 + abs(len(ko_sentences) - len(en_sentences)))
        for ko_ids, en_ids in runs:
            ko_sides = [ko_sentences[k][1] for k in ko_ids]
            en_sides = [en_sentences[e][1] for e in en_ids]
            beads.append(Bead(tuple(ko_sentences[k][0] for k in ko_ids),
                              tuple(en_sentences[e][0] for e in en_ids),
                              confidence(ko_sides, en_sides)))
    return beads


def _starts(paragraphs: Sequence[Sequence[Side]]) -> list[int]:
    starts, at = [], 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph)
    return starts


def _merge(sentences: Sequence[Side]) -> Side:
    """A paragraph as one side: lengths added, anchors pooled."""
    numbers = sum((s.numbers for s in sentences), Counter())
    return Side(" ".join(s.text for s in sentences), sum(s.length for s in sentences),
                numbers,
                frozenset().union(*(s.latin for s in sentences)),
                frozenset().union(*(s.urls for s in sentences)),
                frozenset().union(*(s.terms for s in sentences)),
                frozenset().union(*(s.marks for s in sentences)),
                frozenset().union(*(s.names for s in sentences)),
                note=bool(sentences) and all(s.note for s in sentences),
                pronouns=frozenset().union(*(s.pronouns for s in sentences)),
                words=frozenset().union(*(s.words for s in sentences)),
                lexical=frozenset().union(*(s.lexical for s in sentences)),
                seeds=frozenset().union(*(s.seeds for s in sentences)),
                counted=_counted(numbers), english=bool(sentences) and sentences[0].english)
