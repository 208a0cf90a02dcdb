"""What Kiwi tells about a Korean sentence that the aligner uses: names, numerals, persons.

The consonant skeleton of a name or loanword (romanised with korean_romanizer) is what
the English spelling shares with it; native numerals (세 분, 스물두) are read by value;
personal pronouns and nouns come from Kiwi's morphemes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


def korean_morphology(texts: Sequence[str]) -> list[Morphology]:
    """Names, native numerals, persons and nouns of each Korean sentence, in one Kiwi batch."""
    from korean_romanizer.romanizer import Romanizer

    from ..korean.kiwi import kiwi

    out = []
    cache: dict[str, str] = {}
    for tokens in kiwi().tokenize(list(texts)):
        names, words, persons, numerals = set(), set(), set(), Counter()
        pending = 0
        for token in [*tokens, None]:
            if token is not None and token.tag in ("NR", "MM") and token.form in _NATIVE:
                pending += _NATIVE[token.form]
                continue
            if pending > 1:
                numerals[("=", float(pending))] += 1
            pending = 0
            if token is None:
                break
            if token.tag == "NP" and token.form in _KO_PERSON:
                persons.add(_KO_PERSON[token.form])
            if token.tag in ("NNP", "NNG") and len(token.form) >= 2:
                words.add(token.form)
                if token.form not in cache:
                    cache[token.form] = skeleton(Romanizer(token.form).romanize())
                if len(cache[token.form]) >= 3:
                    names.add(cache[token.form])
        out.append(Morphology(frozenset(names), numerals, frozenset(persons), frozenset(words)))
    return out
