"""Script: Korean or other CJK text left in the English."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318c\ua960-\ua97f\ud7b0-\ud7ff]+")
HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Quoted or bracketed Korean followed or preceded by a romanization or gloss:
# *jeong* (정), "jeong" (情), 정(jeong), 한(恨, han)
# Linear time: possessive runs that start only where a run starts (an unbounded run tried
# from every position of a long one is quadratic), and a gloss of at most 100 characters.
# Compiled on first use, when the English has Korean to excuse (rarely): its character
# ranges take the regular expression compiler tens of milliseconds, a tenth of the
# start-up of a small check.
_GLOSSED_PATTERN = (
    r"[(\[（]\s*+[\uac00-\ud7a3\u3400-\u9fff]++[^)\]）]{0,100}[)\]）]"  # (정) after a romanization
    r"|(?<![\uac00-\ud7a3])[\uac00-\ud7a3]++\s*+[(\[（]\s*+[A-Za-z][^)\]）]{0,100}[)\]）]"  # 정 (jeong)
    r"|(?<![\"“'‘*_])[\"“'‘*_]++[\uac00-\ud7a3]++[\"”'’*_]++\s*+[(\[,—–-]\s*+[\"“'‘*_]*+[A-Za-z]")  # "정" (jeong


@functools.cache
def _glossed() -> re.Pattern[str]:
    return re.compile(_GLOSSED_PATTERN)


def _allowed_spans(unit: Unit, ctx: CheckContext) -> list[tuple[int, int]]:
    spans = [m.span() for m in _glossed().finditer(unit.target)]
    if ctx.glossary is not None:
        for term in ctx.glossary.terms:
            if term.kind == "keep" and HANGUL.search(term.en):
                for match in re.finditer(re.escape(term.en), unit.target):
                    spans.append(match.span())
    return spans


@check(code="S001", name="hangul-in-target", severity=Severity.ERROR, family="script")
def hangul_in_target(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Hangul is left in the English translation.

    Why: Korean words in the English are untranslated text (pofilter misses them). A
    Korean word quoted with a romanization or gloss, or a glossary `keep` term, is fine.
    Bad:  디지털 전환은 초연결을 가속했다. -> Digital 전환 accelerated hyper-connectivity.
    Good: 정이 많은 사람이다. -> She has a lot of *jeong* (정), a deep affection.
    """
    allowed = None  # found only when there is Korean to excuse (rarely)
    for match in HANGUL.finditer(unit.target):
        allowed = _allowed_spans(unit, ctx) if allowed is None else allowed
        if not any(a <= match.start() and match.end() <= b for a, b in allowed):
            yield f"Korean text left in the English: {match.group(0)!r}"


@check(code="S002", name="cjk-in-target", severity=Severity.ERROR, family="script")
def cjk_in_target(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Chinese characters or Japanese kana are left in the English translation.

    Why: Hanja or kana in the English page is untranslated text unless it is glossed.
    Bad:  한(恨)의 정서 -> The emotion of 恨
    Good: 한(恨)의 정서 -> The emotion of *han* (恨), a collective grief
    """
    allowed = None
    for match in HAN_KANA.finditer(unit.target):
        allowed = _allowed_spans(unit, ctx) if allowed is None else allowed
        if not any(a <= match.start() and match.end() <= b for a, b in allowed):
            yield f"CJK characters left in the English: {match.group(0)!r}"
