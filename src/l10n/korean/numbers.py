"""Numbers by value in Korean and English, for comparing a translation with its source.

Korean: digits with separators and decimals; the units 만/억/조 (and 천/백 inside them:
5,000만, 1억 2천만, 1.5조); dates and counters (2016년, 1월, 20일, 19대, 18세기, 3차,
2010년대); approximate quantities (수백 = hundreds, 수십만 = hundreds of thousands).
English: digits, scale words (50 million, one billion), numbers spelled out, ordinals
(19th, third, Fourth), month names, decades (2010s), approximate plurals (hundreds of
thousands). Spelled-out numbers are read with text2num.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..fold import ascii_lower
from .durations import day_counts
from .numerals import hangul_numbers
from .shares import SMALL_COUNTS, fraction_as_share, ordinal_date, percent_as_share, plain_number

# An approximate quantity is kept apart from exact values: ("~", 100) means "hundreds".
Value = tuple[str, float]

_KO_UNITS = {"만": 1e4, "억": 1e8, "조": 1e12}
_KO_SMALL = {"천": 1e3, "백": 1e2, "십": 1e1}
_KO_APPROX = {"수십": 10, "수백": 100, "수천": 1000, "수만": 1e4, "수십만": 1e5, "수백만": 1e6,
              "수천만": 1e7, "수억": 1e8, "수십억": 1e9, "수백억": 1e10, "수천억": 1e11,
              "수조": 1e12}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# what may follow 3천 or 2백 solid: 여 "more than" (3천여 명), a counter (3천원, 5백년,
# 2천 명) or a particle (3천이, 2백을); other syllables may start a word of their own
_AFTER_HUNDREDS = ("여|[원명개년권곳대번회장점세배채층분초일월주호위등편곡차달쪽건평톤]"
                   "|[은는이을를의에도만쯤까]")
# 1억 2천만 / 5,000만 / 29만 9천 / 1.5조 / 10억: a number with Korean units
# (3천6백만 = 36,000,000 and 1억2천3백만: thousands and hundreds before one unit add up)
_KO_AMOUNT = re.compile(
    rf"(?P<body>(?:(?:(?:{_NUMBER})\s?[천백십]\s?)*(?:{_NUMBER})\s?[천백십]?\s?[만억조]\s?)+"
    rf"(?:(?:{_NUMBER})\s?[천백십]\s?)*(?:(?:{_NUMBER})\s?[천백십]?)?"
    rf"|(?:(?:{_NUMBER})\s?[천백]\s?)*(?:{_NUMBER})\s?[천백](?=[^가-힣]|$|{_AFTER_HUNDREDS}))")
_KO_PART = re.compile(rf"({_NUMBER})\s?([천백십])?\s?([만억조])?")
# digits inside a Latin token (O2O, COVID-19, v3.1.2, 5G) are names, not numbers
# _NUMBER after its first digit: patterns that start with a digit and check what comes
# before it afterwards are scanned by the regex engine two to three times faster
_NUMBER_TAIL = r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_KO_PLAIN = re.compile(  # (?<![A-Za-z\d.,])(?<![A-Za-z]-)({_NUMBER})(?![\d,A-Za-z]|\.\d)
    rf"(\d(?<![A-Za-z\d.,]\d)(?<![A-Za-z]-\d){_NUMBER_TAIL})(?![\d,A-Za-z]|\.\d)")
_KO_APPROX_RE = re.compile("(" + "|".join(sorted(_KO_APPROX, key=len, reverse=True)) + ")")

_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_APPROX = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), value) for pattern, value in [
    (r"hundreds of trillions", 1e14), (r"tens of trillions", 1e13),
    (r"hundreds of billions", 1e11), (r"tens of billions", 1e10), (r"trillions", 1e12),
    (r"hundreds of millions", 1e8), (r"tens of millions", 1e7),
    (r"hundreds of thousands", 1e5), (r"tens of thousands", 1e4),
    (r"billions", 1e9), (r"millions", 1e6), (r"thousands", 1e3), (r"hundreds", 100),
    (r"dozens|tens|scores|decades", 10),
]]
_ANY_APPROX = re.compile("|".join(p.pattern for p, _ in _EN_APPROX), re.IGNORECASE)
_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth"]
_NUMBER_WORD = "|".join(_CARDINALS + _ORDINALS) + r"|\w+teenth|\w+tieth"
_SPELLED = re.compile(rf"\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)
_EN_RANGE = re.compile(r"(?<=\d)\s*[-–—]\s*(?=\d)")
_DIGIT = re.compile(r"\d")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_EN_NUMBER = re.compile(  # (?<![\w.])(?<![A-Z]-)({_NUMBER})(?:st|nd|rd|th|s)?(?!...)
    rf"(\d(?<![\w.]\d)(?<![A-Z]-\d){_NUMBER_TAIL})(?:st|nd|rd|th|s)?"
    rf"(?!\d|,\d|\.\d|[A-Za-z]|-[A-Z])")
_ROMAN = re.compile(r"\b(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)\b")
_ROMAN_VALUES = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11,
                 "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17,
                 "XVIII": 18, "XIX": 19, "XX": 20}
# 제1조, 3조 2항: 조 is an article of a law here, not a trillion
_KO_ARTICLE = re.compile(r"제\s?(\d+)\s?조(?!\s?원)|(\d+)\s?조\s?(\d+)\s?항")
# 90년대: a decade written with two digits is the 1990s (or 2000s for 00년대)
_KO_SHORT_DECADE = re.compile(r"(?<![\d.,])(\d0)\s?년대")
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}
_DECADE_RE = re.compile(rf"\b(?:{'|'.join(_DECADES)})\b", re.IGNORECASE)
_EN_SCALED = re.compile(  # (?<![\w.])({_NUMBER})\s*-?\s*(thousand|million|...)\b
    rf"(\d(?<![\w.]\d){_NUMBER_TAIL})\s*-?\s*({'|'.join(_EN_SCALE)})\b", re.IGNORECASE)
_EN_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")


@dataclass(frozen=True)
class NumberReport:
    missing: list[float]  # values in the source not found in the target
    extra: list[float]  # digit values in the target not in the source
    # source values read from words (서른, 절반, 3시간 30분) not found in the target:
    # a reading, not a certainty
    unsure: list[float] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)  # (month, day) not found


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


# Korean units, decades, articles and approximations all need one of these
# (r"\d\s{0,2}(?:[천백십만억조]|년대)|수[십백천만억조]"), and dates and durations in hours
# and minutes one of r"\d\s?(?:월\s?\d|시간\s?\d)"; without them only plain numbers are
# read (the common case, made fast). Written as one pattern that starts with one
# character class, which the regex engine scans several times faster (property-tested
# equal to the two).
_KO_SPECIAL_OR_DATE = re.compile(r"[\d수](?:(?<=\d)(?:\s{0,2}(?:[천백십만억조]|년대)"
                                 r"|\s?(?:월\s?\d|시간\s?\d))|(?<=수)[십백천만억조])")
# where a _KO_AMOUNT match may start: in a run of figures followed by a unit (possibly
# after two spaces), as its first number is
_KO_AMOUNT_RUN = re.compile(r"\d[\d,.]*(?=\s{0,2}[천백십만억조])")
# Every word the English passes below read: scale and spelled-out numbers, ordinals,
# approximations, decades, months, Roman numerals. A text without one of them (and without
# an ordinal like "fourteenth") has only digits to read, which is the fast path.
_NUMBER_WORDS = frozenset(
    _CARDINALS + _ORDINALS + ["twentieth", "hundreds", "thousands", "millions", "billions",
                              "trillions", "dozens", "tens", "scores", "decades"]
    + list(_DECADES) + _MONTHS + [numeral.lower() for numeral in _ROMAN_VALUES]
    + ["decade", "century", "centuries", "dozen", "half", "twice", "thrice", "doubled",
       "doubles", "doubling", "tripled", "triples", "tripling", "trebled", "quadrupled",
       "quadruples", "twofold", "threefold", "fourfold", "fivefold", "tenfold"])
_LETTERS = re.compile(r"[a-z]+")
_ORDINAL_TAIL = re.compile(r"(?:teenth|tieth)\b")


_APPROX_WORDS = frozenset(["hundreds", "thousands", "millions", "billions", "trillions",
                           "dozens", "tens", "scores", "decades"])
_SPELLED_WORDS = frozenset(_CARDINALS + _ORDINALS)
_ROMAN_WORDS = frozenset(numeral.lower() for numeral in _ROMAN_VALUES)


def _words(text: str) -> tuple[set[str], str]:
    """The runs of letters of ``text``, lowercased, and the lowercased text itself: every
    word a case-insensitive pattern below can match is one of these runs."""
    lowered = ascii_lower(text)
    return set(_LETTERS.findall(lowered)), lowered


def has_number_words(text: str) -> bool:
    """Whether ``text`` has a word that the English passes read as a number.

    Never false when one of those passes would find something, so a text without them
    takes the digits-only path with the same result.
    """
    return _number_words(*_words(text))


def _number_words(words: set[str], lowered: str) -> bool:
    return not _NUMBER_WORDS.isdisjoint(words) or _ORDINAL_TAIL.search(lowered) is not None


def _amounts(text: str) -> list[re.Match]:
    """``_KO_AMOUNT.finditer(text)``, tried only at the digits where a match may start
    (property-tested equal): the regex engine would try every position."""
    found, end = [], 0
    for run in _KO_AMOUNT_RUN.finditer(text):
        for start in range(max(run.start(), end), run.end()):
            if start >= end and text[start].isdecimal():
                match = _KO_AMOUNT.match(text, start)
                if match:
                    found.append(match)
                    end = match.end()
    return found


# 6월 2일, 2019년 11월 3일: a date is compared as a date; 3시간 30분 as 3.5 hours
_KO_DATE = re.compile(r"(?<![\d.,])(?:(\d{4})\s?년\s?)?(\d{1,2})\s?월\s?(\d{1,2})\s?일")
_KO_DURATION = re.compile(r"(?<![\d.,])(\d+)\s?시간\s?(\d+)\s?분")


def korean_values(text: str) -> Counter:
    """Values in Korean text: exact numbers as ("=", v), approximate ones as ("~", v),
    numbers read from words as ("w", v), dates as ("d", month * 100 + day) and a
    duration in hours and minutes as ("h", hours)."""
    return _korean_values(text, hangul_numbers(text),
                          _KO_SPECIAL_OR_DATE.search(text) is not None)


def _korean_values(text: str, hangul: list, special: bool) -> Counter:
    """korean_values, given the text's Hangul numbers and whether it has a unit, a
    decade, an approximation, a date or a duration (``_KO_SPECIAL_OR_DATE``)."""
    values: Counter = Counter()
    taken = [False] * len(text)
    for start, end, found in hangul:
        for value in found:
            values[("w", value)] += 1
        taken[start:end] = [True] * (end - start)
    if "절반" in text:
        values[("w", 0.5)] += text.count("절반")
    if not special:
        for match in _KO_PLAIN.finditer(text):
            values[("=", _to_float(match.group(1)))] += 1
        return values
    for match in _KO_DATE.finditer(text) if "월" in text else ():
        year, month, day = match.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            values[("d", int(month) * 100.0 + int(day))] += 1
            if year:
                values[("=", float(year))] += 1
            taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _KO_DURATION.finditer(text) if "시간" in text else ():
        hours, minutes = match.groups()
        values[("h", int(hours) + int(minutes) / 60)] += 1
        taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _KO_ARTICLE.finditer(text) if "조" in text else ():
        if any(taken[match.start():match.end()]):
            continue
        for group in match.groups():
            if group:
                values[("=", float(group))] += 1
        taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _KO_SHORT_DECADE.finditer(text) if "년대" in text else ():
        values[("y", float(match.group(1)))] += 1
        taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _amounts(text):
        if any(taken[match.start():match.end()]):
            continue
        total, group = 0.0, 0.0
        for part in _KO_PART.finditer(match.group("body")):
            number, small, unit = part.groups()
            value = _to_float(number) * (_KO_SMALL[small] if small else 1)
            if unit:
                total += (group + value) * _KO_UNITS[unit]
                group = 0.0
            else:
                group += value
        total += group
        values[("=", total)] += 1
        taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _KO_APPROX_RE.finditer(text) if "수" in text else ():
        if not any(taken[match.start():match.end()]):
            values[("~", float(_KO_APPROX[match.group(1)]))] += 1
    for match in _KO_PLAIN.finditer(text):
        if not any(taken[match.start():match.end()]):
            values[("=", _to_float(match.group(1)))] += 1
    return values


def english_values(text: str) -> Counter:
    """Values in English text, spelled-out numbers and ordinals included."""
    return _english_values(text, _words(text))


def _english_values(text: str, words: tuple[set[str], str]) -> Counter:
    if not _number_words(*words):  # digits only: the other passes would find nothing
        return _digit_values(text)
    return _all_values(text, words)


def _ranges(text: str) -> str:
    """80-99 as 80 to 99: a hyphen between numbers is a range, not a minus sign."""
    if "-" in text or "–" in text or "—" in text:
        return _EN_RANGE.sub(" to ", text)
    return text  # the usual case, without running the expression


def _digit_values(text: str) -> Counter:
    values: Counter = Counter()
    for match in _EN_NUMBER.finditer(_ranges(text)):
        values[("=", _to_float(match.group(1)))] += 1
    return values


_SMALL_ALT = r"\d+(?:\.\d+)?|" + "|".join(SMALL_COUNTS)
# multiples of a unit: two decades = 20 (years), half a century = 50, a dozen = 12
_EN_MULTIPLE = re.compile(
    rf"\b(?:(?P<half>half\s+a)|(?P<n>{_SMALL_ALT}))\s+"
    rf"(?P<unit>decades?|centur(?:y|ies)|dozens?)\b(?!\s+of\b)", re.IGNORECASE)
_UNIT_VALUE = {"decade": 10, "century": 100, "centurie": 100, "dozen": 12}
# one decade or century without a count (the past decade, over the last century)
_EN_ONE_UNIT = re.compile(r"\b(?:the|this|that|past|last|next|a\s+whole|an\s+entire)\s+"
                          r"(?:(?:past|last|next|first|whole|entire)\s+)?(decade|century)\b",
                          re.IGNORECASE)
# three and a half (hours), an hour and a half, half an hour, half
_EN_AND_HALF = re.compile(rf"\b(?P<n>{_SMALL_ALT})\s+(?:(?P<unit>[a-z]+)\s+)?and\s+a\s+half\b",
                          re.IGNORECASE)
_EN_HALF = re.compile(r"\bhalf\b", re.IGNORECASE)
_EN_TIMES = {"twice": 2, "thrice": 3, "doubled": 2, "doubles": 2, "doubling": 2,
             "tripled": 3, "triples": 3, "tripling": 3, "trebled": 3, "quadrupled": 4,
             "quadruples": 4, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
             "tenfold": 10}
_EN_TIMES_RE = re.compile(rf"\b(?:{'|'.join(_EN_TIMES)})\b", re.IGNORECASE)
_EN_DATE = re.compile(  # June 2, June 2nd; 2 June, the 2nd of June
    r"\b(?P<m1>" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(?P<d1>\d{1,2})"
    r"(?:st|nd|rd|th)?(?!\d|:)|(?<![\d.,])(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<m2>" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_WORD_PASSES = frozenset(["decade", "decades", "century", "centuries", "dozen", "dozens",
                          "half", *_EN_TIMES])


def _small(text: str) -> float:
    return SMALL_COUNTS.get(text.lower()) or _to_float(text)


def _word_quantities(text: str, values: Counter, words: set[str]) -> str:
    """Multiples, halves and multipliers read as values; returns the text without the
    multiples (so that "two decades" is 20, not 2 and "decades")."""
    if words.isdisjoint(_WORD_PASSES):
        return text
    def multiple(match: re.Match) -> str:
        unit = _UNIT_VALUE[match.group("unit").lower().rstrip("s")]
        count = 0.5 if match.group("half") else _small(match.group("n"))
        values[("=", count * unit)] += 1
        return " "
    text = _EN_MULTIPLE.sub(multiple, text)
    for match in _EN_ONE_UNIT.finditer(text):  # the past decade = 10 (years), 십 년
        values[("=", float(_UNIT_VALUE[match.group(1).lower()]))] += 1
    for match in _EN_AND_HALF.finditer(text):
        values[("=", _small(match.group("n")) + 0.5)] += 1
    for _ in _EN_HALF.finditer(text):
        values[("=", 0.5)] += 1
    for match in _EN_TIMES_RE.finditer(text):
        values[("=", float(_EN_TIMES[match.group(0).lower()]))] += 1
    return text


def _dates(text: str, values: Counter) -> None:
    for match in _EN_DATE.finditer(text):
        month = match.group("m1") or match.group("m2")
        day = int(match.group("d1") or match.group("d2"))
        if 1 <= day <= 31:
            values[("d", (_MONTHS.index(month.lower()) + 1) * 100.0 + day)] += 1


# a number word joined by a hyphen to another word (seven-year-old, fifth-tallest,
# one-twentieth, net-zero), which text2num reads only where it stands alone (twenty one,
# like twenty-one, is 21 to it)
_HYPHENED = re.compile(rf"\b(?P<number>{_NUMBER_WORD})-(?=[A-Za-z])"
                       rf"|(?<=[A-Za-z])-(?=(?:{_NUMBER_WORD})\b)", re.IGNORECASE)


def _unhyphenated(text: str) -> str:
    """``text`` with each hyphen that joins a number word to a word a space."""
    if "-" not in text:
        return text
    return _HYPHENED.sub(lambda m: f"{m.group('number')} " if m.group("number") else " ",
                         text)


def _all_values(text: str, read: tuple[set[str], str] | None = None) -> Counter:
    from text_to_num import alpha2digit

    values: Counter = Counter()
    words, folded = read or _words(text)  # each pass runs only if a word it reads is there
    lowered = _word_quantities(text, values, words)
    if not _APPROX_WORDS.isdisjoint(words):
        for pattern, value in _EN_APPROX:
            found = pattern.findall(lowered)
            if found:
                values[("~", float(value))] += len(found)
                lowered = pattern.sub(" ", lowered)
    if not words.isdisjoint(_DECADES):
        for match in _DECADE_RE.finditer(lowered):  # in their twenties = 20대
            values[("=", float(_DECADES[match.group(0).lower()]))] += 1
        lowered = _DECADE_RE.sub(" ", lowered)
    if not _ROMAN_WORDS.isdisjoint(words):
        for match in _ROMAN.finditer(lowered):  # World War II, Part III
            values[("=", float(_ROMAN_VALUES[match.group(1)]))] += 1
    if not words.isdisjoint(_MONTHS):
        for match in _EN_MONTH.finditer(lowered):
            values[("=", float(_MONTHS.index(match.group(1).lower()) + 1))] += 1
    # a hyphen between numbers is a range (80-99%), not a minus sign or a compound
    lowered = _ranges(lowered)
    scaled = not words.isdisjoint(_EN_SCALE)
    if scaled:
        for match in _EN_SCALED.finditer(lowered):  # 50 million, 1.5 trillion
            values[("=", _to_float(match.group(1)) * _EN_SCALE[match.group(2).lower()])] += 1
        lowered = _EN_SCALED.sub(" ", lowered)
    # spelled-out numbers only where there are words for them (text2num is the slow part)
    digits = lowered
    # the words left once the scaled numbers are gone ("50 million" leaves none)
    left, left_folded = _words(lowered) if scaled else (words, folded)
    if not _SPELLED_WORDS.isdisjoint(left) or _ORDINAL_TAIL.search(left_folded):
        if _SPELLED.search(lowered):
            digits = alpha2digit(_unhyphenated(lowered), "en", threshold=0)
    if scaled and digits is lowered:  # the second pass can only find a scale word left
        scaled = not left.isdisjoint(_EN_SCALE)
    if scaled:
        for match in _EN_SCALED.finditer(digits):  # "one trillion" became "1 trillion"
            values[("=", _to_float(match.group(1)) * _EN_SCALE[match.group(2).lower()])] += 1
        digits = _EN_SCALED.sub(" ", digits)
    if not words.isdisjoint(_MONTHS):
        _dates(digits, values)
    for match in _EN_NUMBER.finditer(digits):
        values[("=", _to_float(match.group(1)))] += 1
    return values


def compare_numbers(source: str, target: str) -> NumberReport:
    """Source values missing from the target, and target digit values not in the source.

    One is never reported missing: Korean writes 1 where English says "a", "an",
    "per" or "single".
    """
    # each side is scanned once for what decides which readers run, and the readers are
    # given what the scans found
    special = _KO_SPECIAL_OR_DATE.search(source) is not None
    words = _words(target)
    hangul = [] if special else hangul_numbers(source)
    if not special and not hangul and "절반" not in source and not _number_words(*words):
        # digits only on both sides (the common case): equal lists of digits agree
        ours = _KO_PLAIN.findall(source)
        theirs = (_EN_NUMBER.findall(_ranges(target))
                  if ours or _DIGIT.search(target) else [])
        if sorted(ours) == sorted(theirs):
            return NumberReport([], [])
    wanted = _korean_values(source, hangul_numbers(source) if special else hangul, special)
    if not wanted and not _DIGIT.search(target):
        return NumberReport([], [])
    found = _english_values(target, words)
    if found == wanted:  # every value found, none extra (the usual slow-path case)
        return NumberReport([], [])
    return _compare(source, target, wanted, found)


def _compare(source: str, target: str, wanted: Counter, found: Counter) -> NumberReport:
    """compare_numbers without its fast paths, given the values of both sides (the
    definition the fast paths are property-tested against)."""
    missing, unsure, dates = [], [], []
    for key, count in wanted.items():
        kind, number = key
        have = found.get(("=", number) if kind in "wh" else key, 0)
        if kind == "y":  # 90년대 = the 1990s, the '90s, or the 2000s for 00년대
            have = sum(found.get(("=", year), 0) for year in
                       (number, 1900 + number, 2000 + number))
        if kind == "~" and not have:  # "hundreds" may be rendered exactly
            have = sum(n for (kind, value), n in found.items() if kind == "=" and
                       number <= value < number * 10)
        if kind == "h" and not have:  # 3시간 30분: three and a half hours, or 3 h 30 min
            hours, minutes = int(number), round((number - int(number)) * 60)
            have = count * bool(found.get(("=", float(hours))) and
                                found.get(("=", float(minutes))))
        if have < count and kind == "=" and plain_number(number) in target and re.search(
                rf"[A-Za-z]-?{re.escape(plain_number(number))}(?!\d)"
                rf"|(?<!\d){re.escape(plain_number(number))}-?[A-Za-z]", target):
            have = count  # the digits stand in a name: 코로나19 = COVID-19
        if have < count and kind == "=" and percent_as_share(number, source, target):
            have = count  # 50% = half, 25% = a quarter, 30% = three in ten
        if have < count and kind == "=" and fraction_as_share(number, source, target):
            have = count  # 4분의 1 = a quarter, one in four, 25%
        if have < count and kind == "d" and ordinal_date(number, target):
            have = count  # 음력 4월 8일 = the eighth day of the fourth lunar month
        if have >= count or number == 1.0 and kind in "=w":
            continue
        if kind == "d":
            dates += [(int(number) // 100, int(number) % 100)] * (count - have)
        elif kind in "wh~":  # read from words, or an approximation: a heuristic
            unsure += [number] * (count - have)
        else:
            missing += [number] * (count - have)
    # digits the source has anywhere (100km, 5G, 1990) are not extra in the translation,
    # nor are those of an equivalent added in brackets: 30도 = 30°C (86°F)
    source_digits = set(re.findall(r"\d+(?:\.\d+)?", source.replace(",", "")))
    if "(" in target and not _BRACKETED.search(source):
        source_digits |= {digit for part in _BRACKETED.findall(target.replace(",", ""))
                          for digit in re.findall(r"\d+(?:\.\d+)?", part)}
    said = Counter({("=", v) if kind == "w" else (kind, v): n
                    for (kind, v), n in wanted.items()})
    # a day count said in a word (엿새 = six days) is read by the duration check
    days = {("=", n) for n in day_counts(source)}
    known = days | {("=", v) for kind, v in wanted if kind == "y"} | {
        ("=", 1900 + v) for kind, v in wanted if kind == "y"} | {
        ("=", 2000 + v) for kind, v in wanted if kind == "y"}
    written = set(re.findall(r"\d+(?:\.\d+)?", target.replace(",", "")))  # whole figures
    extra = [value for (kind, value), n in (found - said).items() if kind == "="
             and value != 1.0 and ("=", value) not in known
             and plain_number(value) not in source_digits
             and plain_number(value) in written  # 100 is not written in 11,000
             for _ in range(n)]
    return NumberReport(sorted(missing), sorted(extra), sorted(unsure), sorted(dates))


_BRACKETED = re.compile(r"\([^()]*\d[^()]*\)")
