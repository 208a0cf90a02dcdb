"""Numbers, compared by value: Korean units, dates, counters and approximations."""

from __future__ import annotations

from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


def _report(unit: Unit, ctx: CheckContext):
    """The number comparison of a unit, computed once for N001, N002 and N003."""
    cache = ctx.extra.get("numbers")
    if cache is None:
        cache = ctx.extra["numbers"] = {}
    key = (unit.source, unit.target)
    report = cache.get(key)
    if report is None:
        report = cache[key] = _compare_numbers(unit.source, unit.target)
    return report


# The readers are imported on first use, so that `l10n checks` stays fast; each of these
# then replaces itself with the reader (no import statement run per entry).
def _compare_numbers(source: str, target: str):
    global _compare_numbers
    from ..korean.numbers import compare_numbers as _compare_numbers

    return _compare_numbers(source, target)


def _flipped_bounds(source: str, target: str):
    global _flipped_bounds
    from ..korean.bounds import flipped_bounds as _flipped_bounds

    return _flipped_bounds(source, target)


def _changed_durations(source: str, target: str):
    global _changed_durations
    from ..korean.durations import changed_durations as _changed_durations

    return _changed_durations(source, target)


def _show(value: float) -> str:
    if value == int(value):
        return f"{value:.0f}" if value < 10_000 else f"{value:,.0f}"  # 1997, not 1,997
    return f"{value:,}"


@check(code="N001", name="number-missing", severity=Severity.ERROR, family="numbers")
def number_missing(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A number of the source is not in the translation, compared by value.

    Why: a wrong figure changes the meaning. Values are compared after conversion:
    5,000만 = 50 million, 10억 = one billion, 80~99% = 80–99%, 2016년 1월 20일 =
    January 20, 2016, 19대 = 19th, 18세기 = 18th century, 3차 = third, 20년 = two
    decades. Approximations (수백 = hundreds) and numbers written in words are N003.
    A date is compared as a date: 6월 2일 is June 2, and February 6 is wrong although
    its digits are there.
    Bad:  약 10억 명이 실업자다. -> About 100 million people are unemployed.
    Good: 약 10억 명이 실업자다. -> About one billion people are unemployed.
    Bad:  결승전은 6월 2일에 열렸다. -> The final was played on February 6.
    Good: 결승전은 6월 2일에 열렸다. -> The final was played on June 2.
    Good: 그 경기는 2019년 11월 3일에 열렸다. -> The match was played on November 3, 2019.
    A percentage may be said as a share (50% = half, 25% = a quarter, 30% = three in
    ten), a lunar date as the day of the month (음력 4월 8일 = the eighth day of the
    fourth lunar month), and 3천여 명 is 3,000 people.
    Good: 관객의 50% 이상이 일어섰다. -> More than half of the crowd stood up.
    Good: 음력 8월 15일에 성묘를 간다. -> On the 15th day of the eighth lunar month we visit the graves.
    Good: 약 3천여 명이 경기장을 찾았다. -> About 3,000 people came to the stadium.
    Bad:  약 3천여 명이 경기장을 찾았다. -> About three hundred people came to the stadium.
    """
    report = _report(unit, ctx)
    for value in report.missing:
        yield f"{_show(value)} in the source is not in the translation"
    for month, day in report.dates:
        yield (f"the date {_MONTHS[month - 1]} {day} ({month}월 {day}일) in the source is not "
               f"in the translation")


@check(code="N002", name="number-extra", severity=Severity.WARNING, family="numbers")
def number_extra(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation has a number written in digits that the source does not have.

    Why: an extra figure is usually a typo for one that is there. An equivalent the
    translator adds in brackets for the reader (30°C (86°F)) is not extra.
    Bad:  2015년부터 알려졌다. -> It has been known since 2015 and 2016.
    Good: 2015년부터 알려졌다. -> It has been known since 2015.
    Good: 한여름 기온은 35도까지 오른다. -> In midsummer it reaches 35°C (95°F).
    """
    for value in _report(unit, ctx).extra:
        yield f"{_show(value)} in the translation is not in the source"


@check(code="N003", name="number-word-mismatch", severity=Severity.WARNING, family="numbers")
def number_word_mismatch(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A number the source writes in words is not in the translation.

    Why: numbers in Hangul are read as a translator reads them: Sino-Korean (오천, 백만)
    and native (서른, 열한, 두세) numerals before a counter, 절반 (half), a multiplier
    (세 배 = three times, tripled), a duration (3시간 30분 = three and a half hours; 20년
    = two decades), an approximation (수백만 = millions; hundreds of thousands is
    wrong). The reading is a heuristic, so this is a warning; N001 reports digits.
    Bad:  선수 열한 명이 섰다. -> Ten players stood.
    Good: 선수 열한 명이 섰다. -> Eleven players stood.
    Bad:  매출이 네 배로 늘었다. -> Sales tripled.
    Good: 매출이 네 배로 늘었다. -> Sales quadrupled.
    Good: 반죽은 3시간 30분 동안 숙성시킨다. -> The dough rests for three and a half hours.
    Good: 관객의 절반 정도가 외국인이었다. -> About half of the audience were from abroad.
    Good: 지난 십 년 동안 팀은 우승하지 못했다. -> The team has won nothing in the past decade.
    Bad:  수백만 명이 시청했다. -> Hundreds of thousands watched.
    Good: 수백만 명이 시청했다. -> Millions watched.
    """
    for value in _report(unit, ctx).unsure:
        if value != int(value) and value > 1:  # 3.5 hours from 3시간 30분
            hours, minutes = int(value), round((value - int(value)) * 60)
            yield f"{hours}시간 {minutes}분 ({_show(value)} hours) in the source is not in the translation"
        else:
            yield f"{_show(value)} in the source is not in the translation"


@check(code="N004", name="number-bound-flipped", severity=Severity.WARNING, family="numbers")
def bound_flipped(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A bound on a number points the other way in the translation: 미만 (under) became
    "over", 이상 (or more) became "under".

    Why: the figure is right, so the number checks pass, but the meaning is reversed
    (만 19세 미만 is under 19). Only a bound with the same figure on both sides is
    judged; it is a warning, as 이상 and 이하 include the figure and English phrasing
    varies.
    Bad:  만 19세 미만은 입장할 수 없다. -> Those over 19 may not enter.
    Good: 만 19세 미만은 입장할 수 없다. -> Those under 19 may not enter.
    Bad:  표는 1000장 이상 팔렸다. -> Fewer than 1000 tickets were sold.
    Good: 표는 1000장 이상 팔렸다. -> At least 1000 tickets were sold.
    Good: 3명 이하로 팀을 꾸린다. -> Teams have three members or fewer.
    """
    if not any(bound in unit.source for bound in _BOUNDS):
        return
    for number, bound, way in _flipped_bounds(unit.source, unit.target):
        said = "over" if way == "up" else "under"
        yield (f"{_show(number)} {bound} in the source is '{said} {_show(number)}' in the "
               f"translation")


@check(code="N005", name="duration-changed", severity=Severity.WARNING, family="numbers")
def duration_changed(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A length of time in the source is not near any length of time in the translation.

    Why: 한 달 남짓 rendered "a little over a week" keeps the count (one) and changes
    the unit, which a comparison of numbers cannot see. Durations are compared by
    length in days (a month is four weeks or 30 days; 한 달 남짓 is up to six weeks),
    and only when the translation has a length of time of its own; a point in time
    (2019년, 3시) is none. A heuristic: a warning.
    Bad:  공사는 한 달 남짓 걸렸다. -> The work took a little over a week.
    Good: 공사는 한 달 남짓 걸렸다. -> The work took a little over a month.
    Good: 공사는 한 달 남짓 걸렸다. -> The work took just over four weeks.
    Bad:  비가 사흘 동안 내렸다. -> It rained for three weeks.
    Good: 비가 사흘 동안 내렸다. -> It rained for three days.
    """
    for words in _changed_durations(unit.source, unit.target):  # [] for a target without letters
        yield f"the duration '{words}' in the source is not in the translation"


_BOUNDS = ("미만", "이하", "이내", "이상", "초과", "넘", "남짓")


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
