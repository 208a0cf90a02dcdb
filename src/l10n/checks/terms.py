"""Glossary: approved rendering missing, forbidden rendering used, keep term altered,
orthographic variant. Verdicts come from l10n.glossary.verdicts."""

from __future__ import annotations

from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


def judgements(unit: Unit, ctx: CheckContext):
    """The English verdicts on the entry's glossary terms, made once per run and shared
    by G001-G004 and K003."""
    if ctx.glossary is None:
        return []
    from ..glossary.verdicts import judge_entry
    cache = ctx.extra.setdefault("glossary-judgements", {})
    key = (unit.source, unit.target)
    if key not in cache:
        hits = ctx.extra.get("glossary-hits", {}).get(unit.source)
        cache[key] = list(judge_entry(ctx.glossary, unit.source, unit.target, hits=hits))
    return cache[key]


@check(code="G001", name="glossary-term-missing", severity=Severity.ERROR, family="glossary")
def term_missing(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The approved translation of a glossary term is missing from the target.

    Why: one concept, one English name across every essay. The term is found in its
    inflected and derived forms: a noun used as a verb (개발했습니다) takes the verb in
    any inflection (developed), and the sai-siot form of a compound (장맛비) is the term.
    A person's name (kind ``name``) may be shortened to the surname on later mentions.
    A Korean word the glossary note rules out as a homograph (``not 주식 'staple
    food'``) is not the term where the English renders that sense.

    Severity: an error only where the hit is near-certain: a noun term of two syllables
    or more (sai-siot forms included), used as a noun, whose note admits no homograph.
    A noun used as a verb, a homograph, a one-syllable term, or a term after a
    demonstrative (이, 그, 저) where the English has a pronoun, without its rendering, is
    G005, a warning (see ``l10n.glossary.verdicts.doubt``).
    Bad:  초연결 사회가 온다. -> A hyperlinked world is coming.
    Good: 초연결 사회가 온다. -> A hyper-connected society is coming.
    Bad:  새 조리법의 개발에 일 년이 걸렸다. -> It took a year to come up with the recipe.
    Good: 우리는 새 반찬을 개발했습니다. -> We developed a new side dish.
    Bad:  장맛비가 그치지 않았다. -> The summer rain would not stop.
    Good: 장맛비가 그치지 않았다. -> The monsoon rain would not stop.
    Good: 경기가 끝나자 손흥민은 손을 흔들었다. -> When the whistle blew, Son waved.
    Good: 할머니는 새벽마다 기도하셨다. -> My grandmother prayed every dawn.
    Good: 쌀은 오랫동안 이 지방의 주식이었다. -> Rice was long the staple food of the region.
    """
    yield from _missing(unit, ctx, sure=True)


def _missing(unit: Unit, ctx: CheckContext, *, sure: bool) -> Iterator[str]:
    from ..glossary.model import Verdict

    for judgement in judgements(unit, ctx):
        term = judgement.term
        if judgement.verdict is Verdict.MISSING and term.kind != "keep" \
                and sure is not bool(judgement.doubt):
            also = f" (or {', '.join(term.en_variants)})" if term.en_variants else ""
            why = f" ({judgement.doubt}: check the sense)" if judgement.doubt else ""
            yield f"'{term.ko}' should be rendered as '{term.en}'{also}{why}"


@check(code="G005", name="glossary-term-unsure", severity=Severity.WARNING,
       family="glossary")
def term_unsure(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The approved translation of a glossary term seems missing, where the Korean may
    not be the term or may be rendered in a way the glossary cannot list.

    Why: G001 is an error, so it must be near-certain; these hits are not. A noun used
    as a verb may be rendered by any verb (기도하다 "pray", "say grace"), a homograph
    the glossary note names (``not 주식 'staple food'``) may be its other sense, a
    one-syllable term is often another word, and after a demonstrative (이 플랫폼) the
    English may name the term with a pronoun, its rendering in the sentence before.
    Bad:  그는 매일 기도했다. -> He meditated every day.
    Bad:  새 조리법을 개발하는 데 일 년이 걸렸다. -> It took a year to come up with the recipe.
    Good: 그는 매일 기도했다. -> He prayed every day.
    Bad:  주식은 쌀이었다. -> Their diet was rice.
    Good: 주식은 쌀이었다. -> The staple food was rice.
    Good: 주식을 팔았다. -> She sold her stocks.
    Bad:  이 플랫폼은 빠르게 성장했다. -> It grew fast.
    Good: 이 플랫폼은 빠르게 성장했다. -> This platform grew fast.
    """
    yield from _missing(unit, ctx, sure=False)


@check(code="G002", name="glossary-forbidden", severity=Severity.ERROR, family="glossary")
def term_forbidden(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A rendering the glossary forbids is used.

    Why: forbidden variants are known mistakes or off-brand spellings.
    Bad:  초연결은 중요하다. -> Hyperconnectivity matters.
    Good: 초연결은 중요하다. -> Hyper-connectivity matters.
    """
    from ..glossary.model import Verdict

    for judgement in judgements(unit, ctx):
        if judgement.verdict is Verdict.FORBIDDEN:
            yield (f"'{judgement.found}' is forbidden for '{judgement.term.ko}'; "
                   f"use '{judgement.term.en}'")


@check(code="G003", name="glossary-keep-altered", severity=Severity.ERROR, family="glossary")
def keep_altered(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A term the glossary keeps verbatim (kind `keep`) is altered or missing.

    Why: product and acronym names (O2O, IoT) must appear exactly as written.
    Bad:  O2O 서비스가 넘쳐난다. -> O-2-O services abound.
    Good: O2O 서비스가 넘쳐난다. -> O2O services abound.
    """
    from ..glossary.model import Verdict

    for judgement in judgements(unit, ctx):
        term = judgement.term
        if term.kind == "keep" and judgement.verdict in (Verdict.MISSING, Verdict.ORTHOGRAPHIC):
            seen = f" (found '{judgement.found}')" if judgement.found else ""
            yield f"'{term.en}' must appear verbatim{seen}"


@check(code="G004", name="glossary-orthographic-variant", severity=Severity.WARNING,
       family="glossary")
def orthographic(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A glossary term is spelled, hyphenated or capitalised differently from house style.

    Why: hyperconnectivity and Hyper-Connectivity are the same word, but readers see
    the inconsistency.
    Bad:  초연결은 중요하다. -> Hyper connectivity matters.
    Good: 초연결은 중요하다. -> Hyper-connectivity matters.
    """
    from ..glossary.model import Verdict

    for judgement in judgements(unit, ctx):
        if judgement.verdict is Verdict.ORTHOGRAPHIC and judgement.term.kind != "keep":
            yield (f"'{judgement.found}' for '{judgement.term.ko}': house style is "
                   f"'{judgement.term.en}'")
