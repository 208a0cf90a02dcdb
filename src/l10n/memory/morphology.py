"""What Kiwi tells about a Korean sentence that the aligner uses: names, numerals, persons.

The consonant skeleton of a name or loanword (romanised with korean_romanizer) is what
the English spelling shares with it; native numerals (세 분, 스물두) are read by value;
personal pronouns and nouns come from Kiwi's morphemes.

Kiwi costs more than the alignment itself (its model loads in a second or two), and a
sentence's morphology depends on nothing but its text, so what it yields is kept by a
digest of the sentence in ``.l10n-cache/align-morphology.json`` beside the segmentation
cache (``cache`` in ``[tool.l10n]``). Segmentation records it too, from the morphemes Kiwi
gave the paragraph (``record_morphology``), so the first alignment of an essay that
``update`` has read loads no model, nor does aligning it again (``--dry-run`` first,
then for real; another translation of the same essay). The file records a
fingerprint (the versions of l10n, kiwipiepy, its model and korean-romanizer, and the text
of this module and ``korean/kiwi.py``); another fingerprint discards it. An entry is used
only if it is well formed; a cache that cannot be read or written is reported as a warning
and ignored, as the segmentation cache is.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..cache import RecordCache, code_fingerprint, text_key
from ..model import msgid_of

FILE_NAME = "align-morphology.json"

# -- names and loanwords: the same consonants in Hangul and in Latin letters -----------
# 코펜하겐 (kopenhagen) and Copenhagen, 김홍도 (gimhongdo) and Kim Hong-do, 유네스코
# (yuneseuko) and UNESCO all come to the same skeleton: consonants only, voiced and
# voiceless alike, r as l, the vowels and glides of romanisation left out.
_SKELETON = str.maketrans({"g": "k", "q": "k", "d": "t", "b": "p", "f": "p", "v": "p",
                           "r": "l", "z": "s", "x": "k"})
_DROP = re.compile(r"[aeiouyhw]")


def skeleton(latin: str) -> str:
    """The consonant skeleton of a Latin-letter word (English or romanised Korean)."""
    text = latin.lower().replace("-", "").replace("'", "").replace("’", "")
    text = text.replace("ch", "C").replace("c", "k").replace("j", "C").replace("C", "c")
    text = _DROP.sub("", text.translate(_SKELETON))
    return re.sub(r"(.)\1+", r"\1", text)


_NATIVE = {"하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "서": 3, "네": 4, "넷": 4,
           "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스물": 20,
           "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80,
           "아흔": 90}
_KO_PERSON = {"나": "1s", "내": "1s", "저": "1s", "제": "1s", "우리": "1p", "저희": "1p",
              "너": "2", "당신": "2", "그": "3m", "그분": "3m", "그녀": "3f", "그들": "3p"}


@dataclass(frozen=True)
class Morphology:
    """What Kiwi tells about a Korean sentence that the aligner uses."""

    names: frozenset  # skeletons of nouns, romanised
    numerals: Counter  # native numerals read by value: 세 분 = 3, 스물두 = 22, 일흔 = 70
    pronouns: frozenset
    words: frozenset  # nouns (NNG, NNP)


def korean_morphology(texts: Sequence[str], cache: MorphologyCache | None = None
                      ) -> list[Morphology]:
    """Names, native numerals, persons and nouns of each Korean sentence.

    Sentences in ``cache`` are looked up; the others (each distinct one once) go to Kiwi
    in one batch and are recorded there. Kiwi is not loaded when all are known.
    """
    known: dict[str, Morphology] = {}
    missing = []
    for text in dict.fromkeys(texts):
        found = cache.lookup(text) if cache is not None else None
        if found is None:
            missing.append(text)
        else:
            known[text] = found
    if missing:
        for text, found in zip(missing, analyse(missing), strict=True):
            known[text] = found
            if cache is not None:
                cache.record(text, found)
    return [known[text] for text in texts]


def analyse(texts: list[str]) -> list[Morphology]:
    """The morphology of each sentence from Kiwi's tokens, in one batch."""
    from ..korean.kiwi import kiwi

    romanised: dict[str, str] = {}
    return [from_morphemes([(t.form, t.tag) for t in tokens], romanised)
            for tokens in kiwi().tokenize(texts)]


def from_morphemes(morphemes: Sequence[tuple[str, str]],
                   romanised: dict[str, str] | None = None) -> Morphology:
    """The morphology of a sentence from its Kiwi morphemes as ``(form, tag)`` pairs
    (``romanised``: skeletons already made, by noun, filled as it goes)."""
    from korean_romanizer.romanizer import Romanizer

    romanised = {} if romanised is None else romanised
    names, words, persons, numerals = set(), set(), set(), Counter()
    pending = 0
    for form, tag in [*morphemes, (None, None)]:
        if tag in ("NR", "MM") and form in _NATIVE:
            pending += _NATIVE[form]
            continue
        if pending > 1:
            numerals[("=", float(pending))] += 1
        pending = 0
        if form is None:
            break
        if tag == "NP" and form in _KO_PERSON:
            persons.add(_KO_PERSON[form])
        if tag in ("NNP", "NNG") and len(form) >= 2:
            words.add(form)
            if form not in romanised:
                romanised[form] = skeleton(Romanizer(form).romanize())
            if len(romanised[form]) >= 3:
                names.add(romanised[form])
    return Morphology(frozenset(names), numerals, frozenset(persons), frozenset(words))


def record_morphology(folder, analysed: Sequence[tuple[str, list, list]]) -> None:
    """Record in ``folder``'s cache the morphology of every sentence that segmentation
    has just analysed, from the morphemes of its paragraph, so that aligning the essay
    later loads no Kiwi. ``analysed``: ``(text, spans, morphemes)`` per paragraph, as
    ``source.finish_essays`` gives them. A sentence already recorded is left as it is.

    A sentence read inside its paragraph is what Kiwi reads alone in every sentence of
    the three alignment sets (``tests/test_morphology.py``); where context could make
    them differ, the recorded reading is the paragraph's, which is the better one.
    """
    cache = MorphologyCache(folder)
    romanised: dict[str, str] = {}
    for text, spans, morphemes in analysed:
        at = 0
        for start, end in spans:
            key = msgid_of(text[start:end])
            while at < len(morphemes) and morphemes[at][0] < start:
                at += 1
            first = at
            while at < len(morphemes) and morphemes[at][0] < end:
                at += 1
            if cache.lookup(key) is None:
                cache.record(key, from_morphemes([(form, tag) for _, form, tag
                                                  in morphemes[first:at]], romanised))
    cache.save()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the analyser: recorded morphology is valid only for the same one."""
    from ..korean import kiwi

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model", "korean_romanizer"),
                            (sys.modules[__name__], kiwi), "morphology")


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


class MorphologyCache(RecordCache):
    """The morphology of sentences by a digest of their text, read from ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "sentences"
    WHAT = "alignment morphology cache"

    FINGERPRINT = staticmethod(fingerprint)

    def lookup(self, text: str) -> Morphology | None:
        """The recorded morphology of ``text``, or None (also for a malformed entry)."""
        entry = self.records.get(text_key(text))
        if not (isinstance(entry, list) and len(entry) == 4
                and all(_strings(entry[i]) for i in (0, 2, 3)) and isinstance(entry[1], list)):
            return None
        numerals: Counter = Counter()
        for pair in entry[1]:
            if not (isinstance(pair, list) and len(pair) == 2
                    and all(type(n) in (int, float) for n in pair) and type(pair[1]) is int
                    and pair[1] > 0):
                return None
            numerals[("=", float(pair[0]))] = pair[1]
        return Morphology(frozenset(entry[0]), numerals, frozenset(entry[2]),
                          frozenset(entry[3]))

    def record(self, text: str, found: Morphology) -> None:
        self.records[text_key(text)] = [
            sorted(found.names), sorted([key[1], n] for key, n in found.numerals.items()),
            sorted(found.pronouns), sorted(found.words)]
        self.dirty = True
