"""Numbers written in Hangul: Sino-Korean (오천, 백만, 이천십구) and native (서른, 열한, 두세).

Both are read only where Korean prose uses them as numbers, so that the many words that
merely contain their syllables (일 "work", 이 "this", 사 "buy", 열 "open", 세 "world")
are left alone:

* a native numeral stands before a counter, spaced as Korean spells it (서른 포기,
  열한 명, 두 번, 세 배, 스무 살: 세대 "generation" is not 세 + 대);
  the tens with a pronominal unit (예순셋) and the tens from 스물 up followed by a
  particle (서른에) are numbers on their own;
* a Sino-Korean numeral stands before a counter that takes Sino-Korean numbers (오천 개,
  백만 명, 만 원, 백여 개, 삼 년, 칠 년), or has three or more syllables with a place
  value (이천십구, 오천만); 이, 사 and 오 alone ("this", "buy", "come") never count.

``hangul_numbers`` gives (start, end, values) for each: 두세 is two values, 2 and 3.
"""

from __future__ import annotations

import re

_NATIVE_UNITS = {"한": 1, "두": 2, "세": 3, "네": 4, "석": 3, "넉": 4, "다섯": 5, "여섯": 6,
                 "일곱": 7, "여덟": 8, "아홉": 9}
_PRONOMINAL = {"하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7,
               "여덟": 8, "아홉": 9}
_NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
                "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
_PAIRS = {"두세": (2, 3), "서너": (3, 4), "두어": (2,), "대여섯": (5, 6), "예닐곱": (6, 7)}
# counters that native numerals stand before (a space between them is usual)
_NATIVE_COUNTERS = "|".join("""명 사람 분 개 번째 번 살 시간 시 가지 마리 그릇 잔 권 장 대 척
    포기 배 곳 달 해 주 채 병 송이 벌 켤레 그루 알 골 차례 군데 줄 쪽 칸 바퀴 걸음 점 편 통
    자루 쌍 판 경기 팀 끼 모금 숟가락 접시 덩이 조각 방울 개월 세대 개국 나라""".split())
# counters Sino-Korean numbers stand before
_SINO_COUNTERS = "|".join("""년 개월 월 일 명 개 원 층 분 초 시간 회 세 권 장 배 퍼센트
    킬로미터 킬로그램 미터 그램 리터 도 점 위 등 기 편 곡 차 호 번 달러 여""".split())
# a counter ends its word, or a particle or suffix follows it (개 of 개혁 is no counter)
_END = "(?=[^가-힣]|$|[은는이가을를의에도만씩째간로으마까부보와과쯤께뿐짜여])"
# the pairs that are no other word (두어 is also 두다 + 어) are numbers before any noun
_PAIR_ALONE = re.compile(r"(?<![가-힣])(서너|두세|대여섯|예닐곱)(?=\s[가-힣])")
_UNIT_ALT = "|".join(sorted(_NATIVE_UNITS, key=len, reverse=True))
_PRON_ALT = "|".join(sorted(_PRONOMINAL, key=len, reverse=True))
_TENS_ALT = "|".join(sorted(_NATIVE_TENS, key=len, reverse=True))
_PAIR_ALT = "|".join(sorted(_PAIRS, key=len, reverse=True))
_NATIVE = re.compile(
    rf"(?<![가-힣])(?:(?P<pair>{_PAIR_ALT})|(?P<tens>{_TENS_ALT})?(?P<unit>{_UNIT_ALT})?)"
    rf"(?:(?<=[가-힣])\s(?=(?:{_NATIVE_COUNTERS}){_END})"
    rf"|(?<=[가-힣])(?P<pron>{_PRON_ALT})(?=[에의은이을도]?(?:[^가-힣]|$))"
    rf"|(?<=스물|스무|서른|마흔|예순|일흔|여든|아흔)(?=[에의은이을도]?(?:[^가-힣]|$)))")
_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_SINO_SMALL = {"십": 10, "백": 100, "천": 1000}
_SINO_LARGE = {"만": 10**4, "억": 10**8, "조": 10**12}
# not right after a figure, a percent sign or a closing bracket or quote: 만 there is the
# particle "only" (20%만 차가 있다 "only 20% have a car"), not 만 "ten thousand"
_SINO = re.compile(rf"(?<![가-힣\d%)\]\"'”’])(?<!\d\s)(?<!\d\s\s)"
                   rf"(?P<word>[일이삼사오육칠팔구십백천만억조]+)"
                   rf"(?P<next>\s?(?:{_SINO_COUNTERS}){_END})?")
_PLACE = re.compile("[십백천만억조]")
_ALONE = frozenset("일삼육칠팔구십백천만")  # one syllable that may be a number by itself


def _sino_value(word: str) -> int | None:
    """The value of a well-formed Sino-Korean numeral, or None (삼삼, 십십 are not)."""
    total = section = 0
    digit = None
    last_small = 10**4
    for syllable in word:
        if syllable in _SINO_DIGITS:
            if digit is not None:
                return None
            digit = _SINO_DIGITS[syllable]
        elif syllable in _SINO_SMALL:
            place = _SINO_SMALL[syllable]
            if place >= last_small:
                return None
            section += (digit or 1) * place
            digit, last_small = None, place
        else:
            place = _SINO_LARGE[syllable]
            section += digit or 0
            if not section and not total:
                section = 1  # 만 원 = 10,000
            if not section or (total and total % (place * 10**4) and total < place):
                return None
            total += section * place
            section, digit, last_small = 0, None, 10**4
    return total + section + (digit or 0)


# What every match below needs: the last syllable of a native numeral before a space,
# a tens word, or a Sino-Korean syllable that starts a word as _SINO requires (not after
# Hangul, a figure or a closing mark: 47억 원 is read with the digits) before a counter's
# first syllable or two more numeral syllables. Text without one of these has no Hangul
# number (property-tested). One leading character class, so the regex engine only stops
# at those syllables.
_SINO_SYLLABLES = "일이삼사오육칠팔구십백천만억조"
_GATE = re.compile(
    rf"[한두세네석넉섯곱덟홉열물무른흔쉰순든너어스서마예여아{_SINO_SYLLABLES}]"
    r"(?:(?<=[한두세네석넉섯곱덟홉열물무른흔쉰순든너어])\s"
    r"|(?<=스)[물무]|(?<=서)른|(?<=[마일아])흔|(?<=예)순|(?<=여)든"
    rf"|(?<=[{_SINO_SYLLABLES}])(?<![가-힣\d%)\]\"'”’].)(?<!\d\s.)(?<!\d\s\s.)"
    rf"(?:[{_SINO_SYLLABLES}]*\s?[년개월일명원층분초시회세권장배퍼킬미그리도점위등기편곡차호번달여]"
    rf"|[{_SINO_SYLLABLES}]{{2}}))")


def hangul_numbers(text: str) -> list[tuple[int, int, tuple[float, ...]]]:
    """Numbers written in Hangul: (start, end, values), in text order."""
    if not _GATE.search(text):
        return []
    return _read(text)


def _read(text: str) -> list[tuple[int, int, tuple[float, ...]]]:
    found = []
    for match in _NATIVE.finditer(text):
        if match.end() == match.start() or not (match.group("pair") or match.group("tens")
                                                or match.group("unit")):
            continue
        if match.group("pair"):
            values = tuple(float(v) for v in _PAIRS[match.group("pair")])
        else:
            value = _NATIVE_TENS.get(match.group("tens") or "", 0)
            value += _NATIVE_UNITS.get(match.group("unit") or "", 0)
            value += _PRONOMINAL.get(match.group("pron") or "", 0)
            values = (float(value),)
        found.append((match.start(), match.end(), values))
    for match in _PAIR_ALONE.finditer(text):  # 서너 집, 대여섯 가구: no counter needed
        if not any(start <= match.start() < end for start, end, _ in found):
            pair = tuple(float(v) for v in _PAIRS[match.group(1)])
            found.append((match.start(), match.end(), pair))
    taken = [(start, end) for start, end, _ in found]
    for match in _SINO.finditer(text):
        word, counter = match.group("word"), match.group("next")
        after = text[match.end("word"):match.end("word") + 1]
        if any(start < match.end("word") and match.start() < end for start, end in taken):
            continue
        if len(word) == 1 and (word not in _ALONE or not counter
                               or not (counter[0].isspace() or counter == "여")):
            continue  # 만원 "packed" is not 만 원 "10,000 won"
        if not counter and (len(word) < 3 or (after and "가" <= after <= "힣"
                                              and after not in "은는이가을를의에도")):
            continue  # 오만 "arrogance", 구천동 a name; 이천십구 and 오천만에 are numbers
        if len(word) > 1 and not _PLACE.search(word):
            continue
        value = _sino_value(word)
        if value is not None:
            found.append((match.start(), match.end("word"), (float(value),)))
    return sorted(found)
