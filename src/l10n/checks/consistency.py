"""Consistency across every catalog of the project."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


def _norm(text: str) -> str:
    return " ".join(text.split())


@check(code="K001", name="inconsistent-translation", severity=Severity.WARNING,
       family="consistency", scope="project")
def inconsistent(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """The same Korean sentence is translated in two different ways.

    Why: a repeated sentence should read the same everywhere, or differ on purpose.
    Bad:  플랫폼만이 살길이다. -> Platforms are the only way. | Only platforms survive.
    Good: 플랫폼만이 살길이다. -> Platforms are the only way. | Platforms are the only way.
    """
    by_source: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_source[_norm(unit.source)].append(unit)
    for group in by_source.values():
        first = group[0]
        for other in group[1:]:
            if _norm(other.target) != _norm(first.target):
                yield other, (f"translated differently in {first.path}:{first.line}: "
                              f"{first.target!r}")


@check(code="K002", name="same-translation-different-source", severity=Severity.WARNING,
       family="consistency", scope="project")
def reused(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """Two different Korean sentences have the same English translation.

    Why: usually a translation pasted into the wrong entry.
    Bad:  중소기업은 어렵다. -> SMEs are struggling. | 대기업은 현금을 쌓았다. -> SMEs are struggling.
    Good: 중소기업은 어렵다. -> SMEs are struggling. | 대기업은 현금을 쌓았다. -> Big business piled up cash.
    """
    by_target: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if len(unit.target) >= 12:
            by_target[_norm(unit.target)].append(unit)
    for group in by_target.values():
        if len({_norm(unit.source) for unit in group}) < 2:
            continue
        for unit in group:  # every entry of the group, each pointing at another one
            other = next(u for u in group if _norm(u.source) != _norm(unit.source))
            yield unit, f"same translation as a different sentence at {other.path}:{other.line}"


@check(code="K003", name="glossary-term-drift", severity=Severity.INFO, family="consistency",
       scope="project")
def term_drift(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """A glossary term is rendered with different accepted forms in different essays.

    Why: variants are allowed, but one essay using only the variant while the others
    use the approved form is usually drift worth a look.
    Bad:  중소기업은 어렵다. -> SMEs struggle. | 중소기업이 많다. -> Small businesses abound.
    Good: 중소기업은 어렵다. -> SMEs struggle. | 중소기업이 많다. -> SMEs abound.
    """
    if ctx.glossary is None:
        return
    from ..glossary.terms import Verdict
    from .terms import judgements

    forms: dict[object, dict[str, tuple[Unit, str]]] = defaultdict(dict)
    for unit in units:
        for judgement in judgements(unit, ctx):  # the verdicts G001-G004 made
            if judgement.verdict is Verdict.VARIANT:
                key = judgement.found.casefold()
            elif judgement.verdict in (Verdict.EXACT, Verdict.INFLECTED):
                key = judgement.term.en.casefold()
            else:
                continue
            forms[judgement.term].setdefault(key, (unit, judgement.found))
    for term, seen in forms.items():
        if len(seen) > 1 and term.en.casefold() in seen:
            for key, (unit, found) in seen.items():
                if key != term.en.casefold():
                    yield unit, f"'{term.ko}' is '{found}' here but '{term.en}' elsewhere"
