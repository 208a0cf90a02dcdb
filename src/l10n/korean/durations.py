"""Durations by length: 한 달 남짓 "a little over a month", and "a week" is wrong.

A Korean duration is a number (digits or Hangul, read by ``numerals``) before a unit of
time (초, 분, 시간, 일, 주, 달, 개월, 년, 해) or a word that is one (하루, 이틀, 열흘,
보름, 일주일); an English one is a count (a, two, 3, a few) before second, minute,
hour, day, week, fortnight, month, year, decade or century. Each becomes a range of days
(a few weeks is 14 to 35); ``changed_durations`` gives the Korean durations that no
English one comes near, when both sides have some. A point in time (2019년, 6월 2일,
3시) is no duration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..fold import ascii_lower
from .numerals import hangul_numbers

_DAYS = {"초": 1 / 86400, "분": 1 / 1440, "시간": 1 / 24, "일": 1, "주": 7, "주일": 7,
         "달": 30, "개월": 30, "년": 365, "해": 365}
_KO_WORDS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7,
             "여드레": 8, "아흐레": 9, "열흘": 10, "보름": 15, "일주일": 7}
_KO_UNIT = re.compile(r"\s?(시간|주일|개월|초|분|일|주|달|년|해)(?![가-힣])|"
                      r"\s?(시간|주일|개월|초|분|일|주|달|년|해)(?=[은는이가을를의에도만째간동여남쯤씩])")
# (?<![\d.,월])(?<!월\s)(?<!\d시)(?<!\d시\s)(\d+(?:\.\d+)?)(?=...): not after 월, as 6월 2일
# is a date, nor after an hour, as 5시 47분 is a time of day; written to start at a digit,
# which the regex engine scans faster (property-tested equal)
_KO_DIGITS = re.compile(r"(\d(?<![\d.,월]\d)(?<!월\s\d)(?<!\d시\d)(?<!\d시\s\d)\d*(?:\.\d+)?)"
                        r"(?=\s?(?:시간|주일|개월|초|분|일|주|달|년|해))")
_KO_WORD = re.compile(r"(?<![가-힣])(" + "|".join(sorted(_KO_WORDS, key=len, reverse=True)) + ")")
# more than the figure: 한 달 남짓, 3년여, 10년 넘게
_KO_MORE = re.compile(r"(?:\s?(?:여|남짓|넘게|이상))*")

_EN_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
            "fortnight": 14, "month": 30, "year": 365, "decade": 3650, "century": 36500}
_EN_COUNTS = {"a": (1, 1), "an": (1, 1), "one": (1, 1), "two": (2, 2), "three": (3, 3),
              "four": (4, 4), "five": (5, 5), "six": (6, 6), "seven": (7, 7),
              "eight": (8, 8), "nine": (9, 9), "ten": (10, 10), "eleven": (11, 11),
              "twelve": (12, 12), "fifteen": (15, 15), "twenty": (20, 20), "thirty": (30, 30),
              "few": (2, 5), "several": (3, 7), "couple": (2, 3), "half": (0.5, 0.5),
              # a rate's period: 하루에 세 번 = three times each (every, per) day
              "each": (1, 1), "every": (1, 1), "per": (1, 1)}
# these two and _EN_RATE are case-insensitive, run on ascii_lower's text (faster than
# re.IGNORECASE, the same matches)
_EN_DURATION = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|" + "|".join(_EN_COUNTS) + r")(?:\s+of)?\s+(?:(?:more|full|"
    r"whole|long|short|straight|solid|busy|hard|more)\s+)?(?P<unit>" + "|".join(_EN_DAYS)
    + r"|centurie)s?\b")
_EN_UNIT = re.compile(r"(?:" + "|".join(_EN_DAYS) + r"|centurie)s?\b")
_UNITS_ALT = "|".join(_EN_DAYS)
_COUNTS_ALT = r"\d+|" + "|".join(_EN_COUNTS)
_EN_AND_HALF = re.compile(
    rf"\b(?:(?P<n>{_COUNTS_ALT})\s+and\s+a\s+half\s+(?P<unit>{_UNITS_ALT})s?"
    rf"|(?P<m>{_COUNTS_ALT})\s+(?P<unit2>{_UNITS_ALT})s?\s+and\s+a\s+half)\b", re.IGNORECASE)
# every Korean duration has one of these: a figure or the last syllable of a numeral
# before a unit, or a word that is a duration (the check's fast path)
# (a year written in four figures, 2019년, is a point in time: not a duration)
_KO_GATE = re.compile(r"(?:(?<![\d.,])\d{1,3}|[한두세네석넉섯곱덟홉열물무른흔쉰순든너어십백천만])"
                      r"\s?(?:시간|주일|개월|[초분일주달년해])|하루|이틀|사흘|나흘|닷새|엿새|"
                      r"이레|여드레|아흐레|열흘|보름|일주일")
_UNIT_LETTERS = frozenset("초분간일주달월년해루틀흘새레보")
_JOINED = re.compile(r"\s*(?:,|and|,\s*and)?\s*")
# 4분의 1 is a quarter, not four minutes (30분의 휴식 is a 30-minute break)
_FRACTION_AFTER = re.compile(r"의\s?\d")
# a rate says the length of its period: 하루 평균 = the daily average, 연간 = annual
_RATES = {"daily": 1, "nightly": 1, "overnight": 1, "weekly": 7, "fortnightly": 14,
          "monthly": 30, "yearly": 365, "annual": 365, "annually": 365, "hourly": 1 / 24}
_EN_RATE = re.compile(r"\b(" + "|".join(_RATES) + r")\b")
# what an English duration or rate needs (in ascii_lower's text)
_EN_GATE = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
            "centur", "nightly", "annual")
# how far apart two lengths may be and still be one duration said two ways (a month is
# four weeks, 30 days, a few weeks)
_SLACK = 1.6


def day_counts(text: str) -> set[float]:
    """The numbers of days ``text`` says in a word (엿새 6, 보름 15, 일주일 7)."""
    if not any(word in text for word in _KO_WORDS):
        return set()
    return {float(_KO_WORDS[word]) for word in _KO_WORD.findall(text)}


def korean_durations(text: str) -> list[tuple[float, float, str]]:
    """(fewest days, most days, the Korean words) of each duration in ``text``."""
    found: list[tuple[float, float, str]] = []
    spans = [(start, end, values, True) for start, end, values in hangul_numbers(text)]
    spans += [(m.start(), m.end(), (float(m.group(1)),), False)
              for m in _KO_DIGITS.finditer(text)]
    last_end = -10
    for start, end, values, words in sorted(spans):
        unit = _KO_UNIT.match(text, end)
        if not unit:
            continue
        name = unit.group(1) or unit.group(2)
        if name == "년" and max(values) >= 1000:
            continue  # 2019년 is a year, not 2,019 years
        if name == "분" and (words or _FRACTION_AFTER.match(text, unit.end())):
            continue  # 세 분 "three people" (honorific), 4분의 1 "a quarter"
        more = _KO_MORE.match(text, unit.end()).group().strip()
        low, high = min(values) * _DAYS[name], max(values) * _DAYS[name]
        high *= 1.5 if more else 1
        if found and start - last_end <= 1:  # 3시간 30분 is one duration
            before = found.pop()
            low, high = before[0] + low, before[1] + high
            start = text.find(before[2])
        found.append((low, high, text[start:unit.end()]))
        last_end = unit.end()
    for match in _KO_WORD.finditer(text) if any(w in text for w in _KO_WORDS) else ():
        days = float(_KO_WORDS[match.group(1)])
        more = _KO_MORE.match(text, match.end()).group().strip()
        found.append((days, days * (1.5 if more else 1), match.group(1)))
    return found


def english_durations(text: str) -> list[tuple[float, float]]:
    found = []
    if "half" in text.lower():
        for match in _EN_AND_HALF.finditer(text):  # three and a half hours, an hour and a half
            count = ascii_lower(match.group("n") or match.group("m"))
            unit = ascii_lower(match.group("unit") or match.group("unit2"))
            value = (_EN_COUNTS.get(count) or (float(count),))[0] + 0.5
            found.append((value * _EN_DAYS[unit], value * _EN_DAYS[unit]))
        text = _EN_AND_HALF.sub(" ", text)
    last_end, last_unit = -10, 0.0
    folded = ascii_lower(text)
    for match in _durations(folded):
        # the words as matched, folded (ſix is six, as re.IGNORECASE reads it)
        count = match.group("n")
        low, high = _EN_COUNTS.get(count) or (float(count), float(count))
        unit = match.group("unit").replace("centurie", "century")
        low, high = low * _EN_DAYS[unit], high * _EN_DAYS[unit]
        if found and _EN_DAYS[unit] < last_unit and \
                _JOINED.fullmatch(text, last_end, match.start()):
            before = found.pop()  # 4 hours and 13 minutes is one duration (not "a week")
            low, high = before[0] + low, before[1] + high
        found.append((low, high))
        last_end, last_unit = match.end(), _EN_DAYS[unit]
    for match in _EN_RATE.finditer(folded) if _has_rate(folded) else ():
        days = float(_RATES[match.group(1)])  # daily = 하루
        found.append((days, days))
    return found


def _has_rate(folded: str) -> bool:
    """Whether ascii_lower's text may have a rate: each has one of these."""
    return "ly" in folded or "annual" in folded or "overnight" in folded


def _durations(folded: str) -> Iterator[re.Match]:
    """_EN_DURATION's matches in ascii_lower's text, looked for only before the unit words
    (the fast way)."""
    for unit in _EN_UNIT.finditer(folded):
        start = max(0, unit.start() - 40)
        for match in _EN_DURATION.finditer(folded, start, unit.end()):
            if match.end() == unit.end():
                yield match


def changed_durations(source: str, target: str) -> list[str]:
    """The Korean durations that no English duration comes near (by length in days),
    when the English has durations; [] when either side has none."""
    if _UNIT_LETTERS.isdisjoint(source):
        return []
    folded = ascii_lower(target)
    if not any(word in folded for word in _EN_GATE) or not _KO_GATE.search(source):
        return []
    theirs = english_durations(target)
    if not theirs:
        return []
    ours = korean_durations(source)
    return [words for low, high, words in ours
            if not any(low / _SLACK <= their_high and their_low <= high * _SLACK
                       for their_low, their_high in theirs)]
