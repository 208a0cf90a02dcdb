"""Bounds on a quantity: 19세 미만 "under 19" against "over 19".

Korean puts the bound after the number and its counter (19세 미만, 50% 이상, 3명 이하,
100명 초과, 10년 넘게); English before the number (under 19, more than half, at most
three) or after it (19 or older, 3 and under). ``flipped_bounds`` gives the numbers whose
bound points the other way in the translation. Digits only: a number in words is read by
the number checks, and a bound with no number beside it on both sides is not judged.
"""

from __future__ import annotations

import re

# which way each Korean bound points: 미만 "less than", 이하 "or less", 이상 "or more",
# 초과 "more than", 넘게/넘는 "over"
_KO_WAY = {"미만": "down", "이하": "down", "이내": "down", "이상": "up", "초과": "up",
           "넘게": "up", "넘는": "up", "넘은": "up", "남짓": "up"}
_KO_BOUND = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?(?:[%가-힣]{0,3}?)\s?"
                       r"(미만|이하|이내|이상|초과|넘게|넘는|넘은|남짓)(?![하한해했할함히스적])")
# (이상하다 "to be strange", 이상적 "ideal" are other words)
_EN_BEFORE = {
    "down": r"under|below|less\s+than|fewer\s+than|younger\s+than|at\s+most|up\s+to|"
            r"no\s+more\s+than|not\s+more\s+than|within",
    "up": r"over|above|more\s+than|older\s+than|at\s+least|upwards\s+of|exceeding|"
          r"no\s+fewer\s+than|no\s+less\s+than|beyond",
}
_EN_AFTER = {"down": r"(?:or|and)\s+(?:under|below|less|fewer|younger)",
             "up": r"(?:or|and)\s+(?:over|above|more|older|up)|\+"}


def _number(text: str) -> float:
    return float(text.replace(",", ""))


# the English bounding a figure each way: "under 19", "19 or older"
_EN_WAYS = {way: (re.compile(rf"\b(?:{_EN_BEFORE[way]})\s+(?:the\s+age\s+of\s+)?"
                             r"(?:about\s+|around\s+|some\s+)?(\d[\d,]*(?:\.\d+)?)", re.I),
                  re.compile(rf"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?[%\w]{{0,10}}\s*"
                             rf"(?:{_EN_AFTER[way]})", re.I))
            for way in ("down", "up")}


def _ways(target: str, number: float) -> set[str]:
    """The ways the English bounds ``number``: "up", "down", both or neither."""
    ways = set()
    for way, patterns in _EN_WAYS.items():
        for pattern in patterns:
            if any(_number(m.group(1)) == number for m in pattern.finditer(target)):
                ways.add(way)
    return ways


def flipped_bounds(source: str, target: str) -> list[tuple[float, str, str]]:
    """(number, Korean bound, the way the English points) for each bound the
    translation turns around: 19세 미만 → "over 19"."""
    flipped = []
    for match in _KO_BOUND.finditer(source):
        number, bound = _number(match.group(1)), match.group(2)
        want = _KO_WAY[bound]
        ways = _ways(target, number)
        if ways and want not in ways:
            flipped.append((number, bound, ways.pop()))
    return flipped
