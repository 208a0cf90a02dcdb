"""Numbers, compared by value: Korean units, dates, counters and approximations."""

from __future__ import annotations

from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


def _report(unit: Unit, ctx: CheckContext):
    """The number comparison of a unit, computed once for both checks."""
    cache = ctx.extra.setdefault("numbers", {})
    key = (unit.source, unit.target)
    report = cache.get(key)
    if report is None:
        from ..korean.numbers import compare_numbers  # on first use: `l10n checks` stays fast

        report = cache[key] = compare_numbers(unit.source, unit.target)
    return report


def _show(value: float) -> str:
    if value == int(value):
        return f"{value:.0f}" if value < 10_000 else f"{value:,.0f}"  # 1997, not 1,997
    return f"{value:,}"


@check(code="N001", name="number-missing", severity=Severity.ERROR, family="numbers")
def number_missing(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A number of the source is not in the translation, compared by value.

    Why: a wrong figure changes the meaning. Values are compared after conversion:
    5,000만 = 50 million, 10억 = one billion, 80~99% = 80–99%, 2016년 1월 20일 =
    January 20, 2016, 19대 = 19th, 18세기 = 18th century, 3차 = third, 수백 = hundreds.
    Bad:  약 10억 명이 실업자다. -> About 100 million people are unemployed.
    Good: 약 10억 명이 실업자다. -> About one billion people are unemployed.
    """
    for value in _report(unit, ctx).missing:
        yield f"{_show(value)} in the source is not in the translation"


@check(code="N002", name="number-extra", severity=Severity.WARNING, family="numbers")
def number_extra(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation has a number written in digits that the source does not have.

    Why: an extra figure is usually a typo for one that is there.
    Bad:  2015년부터 알려졌다. -> It has been known since 2015 and 2016.
    Good: 2015년부터 알려졌다. -> It has been known since 2015.
    """
    for value in _report(unit, ctx).extra:
        yield f"{_show(value)} in the translation is not in the source"
