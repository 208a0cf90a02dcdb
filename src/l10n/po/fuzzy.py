"""msgmerge's fuzzy search (msgl-fsearch.c): the old translated entry most similar to a
new msgid, by gettext's ``fstrcmp`` on bytes (the Indel distance), among the candidates
sharing a 4-gram of characters with it (or of a close length, for strings under four
characters), plus a 0.00001 bonus for the same or no msgctxt; ties to the candidate
sharing more 4-grams, then the first. ``po.merge`` uses it for the entries without an
exact match."""

from __future__ import annotations

import functools
import sys
from bisect import bisect_right
from itertools import accumulate

import polib

__all__ = ["AT_ONCE", "FUZZY_THRESHOLD", "FuzzyIndex", "indel_distance"]

FUZZY_THRESHOLD = 0.6  # msgmerge's: a candidate must score strictly more
_BONUS = 0.00001
AT_ONCE = 1000  # candidates up to which a search scores them all at once (rapidfuzz loaded)


class FuzzyIndex:
    """msgmerge's fuzzy index (msgl-fsearch.c) over the old translated entries.

    Only the 4-grams of the texts to be searched (``queries``) are indexed: a search
    looks up nothing else, so the candidates and their order are msgmerge's, and a file
    with a handful of new strings indexes a handful of grams, not every old one."""

    def __init__(self, candidates: list[polib.POEntry], codec: str,
                 queries: list[str]) -> None:
        self.candidates = candidates
        self.codec = codec
        self.encoded: dict[int, bytes] = {}
        self._grams: dict[str, list[int]] = {}
        self._short: dict[int, list[int]] | None = None
        self._all: list[bytes] | None = None  # every candidate's bytes (``at_once``)
        # each msgid's candidate order and each pair's score, found once: an msgid under
        # many contexts is one text to search and to score (the results are the same)
        self.orders: dict[str, list[int]] = {}
        self.scored: dict[tuple[bytes, bytes], tuple[int, int]] = {}
        # a few hundred candidates (an essay's catalog): every one scored in rapidfuzz's
        # loop at once is quicker than finding those that share a gram and scoring them
        # here, and the index of grams is not needed (see ``_scored_at_once``). Only where
        # rapidfuzz.process is imported already (update imports it before it forks): a
        # small ``l10n merge`` scores its handful in Python rather than import it
        self.at_once = len(candidates) <= AT_ONCE and "rapidfuzz.process" in sys.modules
        self._wanted: list[str] | None = queries  # until their grams are indexed

    @property
    def grams(self) -> dict[str, list[int]]:
        """Each 4-gram of the queries: the candidates that hold it, in order (built the
        first time a search needs it)."""
        if self._wanted is not None:
            queries, self._wanted = self._wanted, None
            self._index(queries)
        return self._grams

    def _index(self, queries: list[str]) -> None:
        wanted = {text[i:i + 4] for text in queries for i in range(len(text) - 3)}
        if not wanted:
            return
        grams = self._grams
        if len(wanted) <= 100:
            self._find_grams(wanted)
            return
        for index, entry in enumerate(self.candidates):
            text = entry.msgid
            if len(text) >= 4:
                found = {text[i:i + 4] for i in range(len(text) - 3)} & wanted
                for gram in found:
                    grams.setdefault(gram, []).append(index)

    def _find_grams(self, wanted: set[str]) -> None:
        """The same index for a few grams (a handful of new strings): each gram looked for
        in all candidates at once (one text, NUL between them, which no msgid holds), not
        every candidate cut into all its grams."""
        texts = [entry.msgid for entry in self.candidates]
        joined = "\x00".join(texts)
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        find, grams = joined.find, self._grams
        for gram in wanted:
            hits = []
            at = find(gram)
            while at >= 0:
                index = bisect_right(starts, at) - 1
                hits.append(index)  # once per candidate, in the candidates' order
                at = find(gram, starts[index + 1])
            if hits:
                grams[gram] = hits

    def _bytes(self, text: str) -> bytes:
        try:
            return text.encode(self.codec)
        except UnicodeEncodeError:
            return text.encode("utf-8")

    def _encoded(self, index: int) -> bytes:
        found = self.encoded.get(index)
        if found is None:
            found = self.encoded[index] = self._bytes(self.candidates[index].msgid)
        return found

    @property
    def short(self) -> dict[int, list[int]]:
        """Candidates of at most 28 bytes by length (for queries under 4 characters)."""
        if self._short is None:
            self._short = {}
            for index in range(len(self.candidates)):
                size = len(self._encoded(index))
                if size <= 28:
                    self._short.setdefault(size, []).append(index)
        return self._short

    def search(self, msgctxt: str | None, msgid: str) -> polib.POEntry | None:
        query = self._bytes(msgid)
        if self.at_once and len(msgid) >= 4:
            return self._scored_at_once(msgctxt, msgid, query)
        order = self.orders.get(msgid)
        if order is None and len(msgid) >= 4:
            counts: dict[int, int] = {}
            grams = self.grams
            for i in range(len(msgid) - 3):
                for index in grams.get(msgid[i:i + 4], ()):
                    counts[index] = counts.get(index, 0) + 1
            order = self.orders[msgid] = sorted(counts, key=lambda k: (-counts[k], k))
        elif order is None:
            size = len(query)
            low, high = -(-size * 3 // 7), size * 7 // 3  # l/(2/0.6-1) .. l*(2/0.6-1)
            order = self.orders[msgid] = [k for n in range(low, high + 1)
                                          for k in self.short.get(n, ())]
        best, found, masks = FUZZY_THRESHOLD, None, None
        for index in order:
            entry = self.candidates[index]
            other = self._encoded(index)
            bonus = _BONUS if entry.msgctxt is None or entry.msgctxt == msgctxt else 0.0
            total = len(query) + len(other)
            if total == 0 or 2 * min(len(query), len(other)) / total + bonus <= best:
                continue
            limit = int(total * (1 - best + bonus)) + 1
            # (distance, cutoff) of the pair: exact if within its cutoff, else above it
            distance, cutoff = self.scored.get((query, other), (0, -1))
            if cutoff < 0 or distance > cutoff and limit > cutoff:
                if _PYTHON_BUDGET[0] > 0:  # a few candidates: no import for them
                    _PYTHON_BUDGET[0] -= len(other)
                    if masks is None:
                        masks = pattern_masks(query)
                    distance = indel_distance(query, other, limit, masks)
                    cutoff = limit
                else:
                    distance = _indel()(query, other, score_cutoff=limit)
                    cutoff = limit
                self.scored[(query, other)] = (distance, cutoff)
            if distance > limit:
                continue
            weight = (total - distance) / total + bonus
            if weight > best:
                best, found = weight, entry
        return found

    def _scored_at_once(self, msgctxt: str | None, msgid: str,
                        query: bytes) -> polib.POEntry | None:
        """``search``'s answer, every candidate scored by rapidfuzz at once: of those over
        the threshold that share a 4-gram with the msgid (msgmerge's candidates), the
        highest weight, ties to the one sharing more grams, then the first (``search``'s
        order). rapidfuzz's cut-off only narrows the field: each weight is worked out
        from the exact distance as ``search`` does."""
        if self._all is None:
            self._all = [self._encoded(index) for index in range(len(self.candidates))]
        extract, similarity, distance = _import_scorers()
        best, found, rank = FUZZY_THRESHOLD, None, (0, 0)
        for other, _, index in extract(query, self._all, scorer=similarity,
                                       score_cutoff=FUZZY_THRESHOLD - 0.01, limit=None):
            total = len(query) + len(other)
            if total == 0:
                continue
            entry = self.candidates[index]
            bonus = _BONUS if entry.msgctxt is None or entry.msgctxt == msgctxt else 0.0
            weight = (total - distance(query, other)) / total + bonus
            if weight < best or weight == best and found is None:
                continue
            text = entry.msgid
            shared = sum(1 for i in range(len(msgid) - 3) if msgid[i:i + 4] in text)
            if not shared:
                continue  # not one of msgmerge's candidates
            if weight > best or (-shared, index) < rank:
                best, found, rank = weight, entry, (-shared, index)
        return found


# bytes of candidates scored in Python before rapidfuzz is imported. Its import (14-17
# ms) is as long as scoring about 130 kB here (0.12 us a candidate's byte, the msgid's
# masks made once and a far candidate's scan stopped early), so the budget stops a little
# short of that, the rule for renting skis: a merge never pays more than twice the
# cheaper way. Held-out mc merges of 1.1-1.3k entries score up to 65 kB (39 of 106 passed
# the 6 kB this was and paid both). One budget for the process, not per merge:
# ``update`` merges a catalog per essay, and imports rapidfuzz before it starts when it
# has many
_PYTHON_BUDGET = [100_000]


def pattern_masks(a: bytes) -> dict[int, int]:
    """For each byte of ``a``, the bits of its positions: ``indel_distance``'s pattern,
    made once for a string compared with many."""
    masks: dict[int, int] = {}
    for i, byte in enumerate(a):
        masks[byte] = masks.get(byte, 0) | 1 << i
    return masks


def indel_distance(a: bytes, b: bytes, limit: int | None = None,
                   masks: dict[int, int] | None = None) -> int:
    """The Indel distance (insertions and deletions, as rapidfuzz's ``Indel.distance``
    and gettext's ``fstrcmp`` count them): ``len(a) + len(b) - 2 * LCS``, the longest
    common subsequence found bit-parallel (Allison and Dix; Hyyroe), one step per byte of
    ``b`` (of the shorter string, unless ``masks``, ``pattern_masks(a)``, is given).

    ``limit``: the distance where it is at most ``limit``, else some number above it, as
    rapidfuzz's ``score_cutoff`` (every 16 bytes the scan stops once the common
    subsequence can no longer grow long enough: most candidates of a fuzzy search are far
    from the msgid)."""
    if masks is None:
        if len(a) < len(b):
            a, b = b, a
        masks = pattern_masks(a)
    size_a, size_b = len(a), len(b)
    full = v = (1 << size_a) - 1
    # 2 * LCS >= size_a + size_b - limit, and the LCS grows by one a byte at most; a pair
    # too short to stop early in is scanned in one piece
    bounded = limit is not None and size_a + size_b > limit + 32
    step = 16 if bounded else max(size_b, 1)
    for start in range(0, size_b, step):
        for byte in b[start:start + step]:
            match = masks.get(byte)
            if match:
                u = v & match
                v = ((v + u) | (v - u)) & full
        left = max(size_b - start - step, 0)  # bytes of b still to come
        if bounded and 2 * (size_a - v.bit_count() + left) < size_a + size_b - limit:
            return limit + 1
    return size_b - size_a + 2 * v.bit_count()


@functools.cache
def _import_scorers():
    """rapidfuzz's ``process.extract``, Indel's normalised similarity and distance."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    return process.extract, Indel.normalized_similarity, Indel.distance


@functools.cache
def _indel():
    """rapidfuzz's Indel distance, imported the first time it is needed."""
    from rapidfuzz.distance import Indel

    return Indel.distance
