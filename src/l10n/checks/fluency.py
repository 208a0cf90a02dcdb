"""Fluency: doubled words, a sentence not starting with a capital, suspicious length."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check

# a word of at most 64 letters: unbounded, every start inside a long run of letters and
# apostrophes (a'a'a'...) would scan the rest of it, quadratic time
_DOUBLED = re.compile(r"\b([A-Za-z']{1,64})\s+\1\b", re.IGNORECASE)
_ALLOWED_DOUBLES = {"that", "had", "is", "very", "no", "so", "bye", "ha", "knock", "tsk",
                    "well", "now", "yeah", "really", "far", "more", "again", "over"}


@check(code="F001", name="doubled-word", severity=Severity.WARNING, family="fluency")
def doubled_word(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The same word twice in a row.

    Why: "the the" is the most common typo in edited prose.
    Bad:  플랫폼만이 살길이다. -> Platforms are the the only way.
    Good: 플랫폼만이 살길이다. -> Platforms are the only way.
    """
    for match in _DOUBLED.finditer(unit.target):
        if match.group(1).lower() not in _ALLOWED_DOUBLES:
            yield f"doubled word '{match.group(1)} {match.group(1)}'"


_FIRST = re.compile(r"^[\s\"'“‘(\[*_#>-]*(\S)")


@check(code="F002", name="lowercase-start", severity=Severity.WARNING, family="fluency")
def lowercase_start(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation starts with a lowercase letter.

    Why: every segment is a sentence or a heading. A source that itself starts with a
    lowercase Latin word (iPhone, e-mail) is exempt.
    Bad:  플랫폼만이 살길이다. -> platforms are the only way.
    Good: 플랫폼만이 살길이다. -> Platforms are the only way.
    """
    match = _FIRST.match(unit.target)
    source = _FIRST.match(unit.source)
    if match and match.group(1).islower() and match.group(1).isalpha():
        if source and source.group(1).islower() and source.group(1).isascii():
            return
        word = unit.target.strip().split()[0] if unit.target.strip() else ""
        if re.match(r"^[\"'“‘(\[*_]*[a-z]+[A-Z0-9]", word):  # iPhone, eBay
            return
        yield "the translation starts with a lowercase letter"


_URLISH = re.compile(r"https?://\S+|www\.\S+|\]\([^)]*\)|[\w.+-]+@[\w.-]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _without_urls(text: str) -> str:
    if "@" in text or "http" in text or "www." in text or "](" in text:
        return _URLISH.sub("", text)
    return text  # the usual case, without running the expression


def _content_length(korean: str) -> int:
    """Korean characters that need translating: no spaces, URLs or link targets."""
    korean = _without_urls(korean)
    return len(korean) - sum(map(korean.count, " \t\n"))


# Korean→English: English characters per Korean character (no spaces), log scale.
PRIOR_MEDIAN = math.log(2.9)
PRIOR_SPREAD = 0.35


def length_stats(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Median and robust spread of log(len(en)/len(ko)) over translated pairs, blended
    with a prior for Korean→English so that a small corpus gives sane limits."""
    ratios = sorted(math.log(len(plain) / kc) for ko, en in pairs
                    if en and (kc := _content_length(ko)) >= 5 and (plain := _without_urls(en)))
    if not ratios:
        return PRIOR_MEDIAN, PRIOR_SPREAD
    median = ratios[len(ratios) // 2]
    spread = sorted(abs(r - median) for r in ratios)[len(ratios) // 2] * 1.4826
    weight = min(len(ratios) / 50, 1.0)
    return (weight * median + (1 - weight) * PRIOR_MEDIAN,
            max(weight * spread + (1 - weight) * PRIOR_SPREAD, 0.2))


@check(code="F003", name="length-ratio", severity=Severity.WARNING, family="fluency")
def length_ratio(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation is far shorter or longer than this project's translations usually are.

    Why: a truncated or padded translation. The limits come from the project's own
    Korean→English pairs (median ± 4 robust deviations of the log length ratio).
    Bad:  현재 전 세계의 실업자 수는 약 10억 명 이상으로 추산된다. -> A billion.
    Good: 현재 전 세계의 실업자 수는 약 10억 명 이상으로 추산된다. -> More than one billion people worldwide are estimated to be unemployed.
    Good: 기온 영하 12℃. -> −12°C.
    """
    korean = _content_length(unit.source)
    english = len(_without_urls(unit.target))
    if korean < 4 or not english or _HANGUL.search(unit.target):
        return  # too short to judge, or untranslated text that S001/C004 report
    median, spread = ctx.length_ratio or (PRIOR_MEDIAN, PRIOR_SPREAD)
    ratio = math.log(english / korean)
    if median - 4 * spread <= ratio <= median + 4 * spread or \
            len(_HANGUL.findall(unit.source, 0, 64)) < 4:
        # the usual length, or too short to judge: a fragment of a few syllables and
        # figures (영하 12℃. is −12°C.; figures and symbols carry over as they are)
        return
    if ratio < median - 4 * spread:
        yield (f"the translation is unusually short ({len(unit.target)} characters for "
               f"{korean} Korean characters)")
    elif ratio > median + 4 * spread:
        yield (f"the translation is unusually long ({len(unit.target)} characters for "
               f"{korean} Korean characters)")
