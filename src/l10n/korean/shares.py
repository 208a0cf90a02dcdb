"""A number said another way in the translation: a percentage or a Korean fraction as a
share in words (half, a quarter, two-thirds, three in ten), a lunar date in ordinals.

``numbers._compare`` asks these before it reports a source value missing; each reads
only the one sentence pair it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SMALL_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def plain_number(value: float) -> str:
    """A value as its digits are written: 3 for 3.0, 2.5 for 2.5."""
    return str(int(value)) if value == int(value) else str(value)


# a share in words: half, a quarter, two-thirds, three in ten, one out of four
_ORDINAL_DENOMINATORS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000}
_FRACTION_NAMES = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4,
                   **_ORDINAL_DENOMINATORS,
                   **{f"{name}s": value for name, value in _ORDINAL_DENOMINATORS.items()}}
_COUNT = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_EN_FRACTION = re.compile(
    rf"\b(?:(?P<n>{_COUNT})[\s-]+)?(?P<name>{'|'.join(_FRACTION_NAMES)})\b"
    rf"|\b(?P<part>{_COUNT})\s+(?:in|out\s+of)\s+(?P<whole>a\s+hundred|{_COUNT})\b",
    re.IGNORECASE)
_PERCENT_AFTER = r"\s?(?:%|퍼센트|프로)"
# how far a share in words may be from the percentage: 33% or 30% is a third, 70% two-thirds
_FRACTION_SLACK = 3.5


def _count_value(word: str) -> float:
    word = word.lower()
    if word in ("a", "an"):
        return 1.0
    if word.startswith("a") and word.endswith("hundred"):  # "a hundred", any space between
        return 100.0
    return float(SMALL_COUNTS.get(word) or word)


def _said_shares(target: str) -> Iterator[float]:
    """The shares the English says in words, in order: a half, two-thirds, three in ten."""
    for match in _EN_FRACTION.finditer(target):
        if match.group("name"):
            name = match.group("name").lower()
            if match.group("n") is None and name not in ("half", "quarter"):
                continue  # "the third time" is an ordinal, "two-thirds" a share
            yield _count_value(match.group("n") or "one") / _FRACTION_NAMES[name]
        else:
            yield _count_value(match.group("part")) / _count_value(match.group("whole"))


def percent_as_share(number: float, source: str, target: str) -> bool:
    """Whether the percentage ``number`` of the source is said as a share in words."""
    plain = plain_number(number)
    if plain not in source or not re.search(
            rf"(?<![\d.]){re.escape(plain)}{_PERCENT_AFTER}", source):
        return False
    return any(abs(share * 100 - number) <= _FRACTION_SLACK for share in _said_shares(target))


# a fraction the Korean way, denominator first: 4분의 1 (a quarter), 3분의 2 (two-thirds)
_KO_FRACTION = re.compile(r"(?<![\d.])(\d+)\s?분의\s?(\d+)(?![\d.])")


def fraction_as_share(number: float, source: str, target: str) -> bool:
    """Whether ``number`` is a term of a Korean fraction the translation says as a share
    in words (a quarter, two-thirds, one in four) or as a percentage (25%)."""
    if "분의" not in source:
        return False
    for match in _KO_FRACTION.finditer(source):
        whole, part = float(match.group(1)), float(match.group(2))
        if number not in (whole, part) or not whole:
            continue
        share = part / whole
        if any(abs(value - share) < 1e-9 for value in _said_shares(target)):
            return True
        if any(abs(float(p) - share * 100) < 0.5
               for p in re.findall(r"(\d+(?:\.\d+)?)\s?(?:%|percent)", target)):
            return True
    return False


# the 8th day of the 4th (lunar) month, after text2num has written the ordinals in digits
_ORDINAL_DATE = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)\s+day\s+of\s+the\s+(?P<m>\d{1,2})(?:st|nd|rd|th)"
    r"\s+(?:(?:lunar|solar)\s+)?month\b", re.IGNORECASE)


def ordinal_date(number: float, target: str) -> bool:
    """Whether the date ``number`` (month * 100 + day) is said as "the eighth day of the
    fourth month", as a lunar date is (음력 4월 8일) in words or digits."""
    if "day" not in target or "month" not in target:
        return False
    from text_to_num import alpha2digit

    digits = alpha2digit(target, "en", threshold=0)
    return any(int(m.group("m")) * 100 + int(m.group("d")) == number
               for m in _ORDINAL_DATE.finditer(digits))
