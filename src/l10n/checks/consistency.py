"""Consistency across every catalog of the project."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from .base import CheckContext, Severity, Unit, check, gathered


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
                yield other, (f"translated differently in {ctx.where(first)}: "
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
            yield unit, f"same translation as a different sentence at {ctx.where(other)}"


def drift_forms(unit: Unit, ctx: CheckContext) -> list[tuple[object, str, str]]:
    """The accepted renderings of glossary terms in one entry, as K003 compares them:
    (the term, its casefolded form, the text found)."""
    from ..glossary.model import Verdict
    from .terms import judgements

    rows = []
    for judgement in judgements(unit, ctx):  # the verdicts G001-G004 made
        if judgement.verdict is Verdict.VARIANT:
            if _short_name(judgement.term, judgement.found, ctx.glossary):
                continue
            key = judgement.found.casefold()
        elif judgement.verdict in (Verdict.EXACT, Verdict.INFLECTED):
            key = judgement.term.en.casefold()
        else:
            continue
        rows.append((judgement.term, key, judgement.found))
    return rows


@check(code="K003", name="glossary-term-drift", severity=Severity.INFO, family="consistency",
       scope="project", gather=drift_forms)
def term_drift(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """A glossary term is rendered with different accepted forms in different essays.

    Why: variants are allowed, but one essay using only the variant while the others
    use the approved form is usually drift worth a look. A person's surname on a later
    mention (Son for Son Heung-min) is not drift where ``name-short-forms`` allows it.
    Bad:  중소기업은 어렵다. -> SMEs struggle. | 중소기업이 많다. -> Small businesses abound.
    Good: 중소기업은 어렵다. -> SMEs struggle. | 중소기업이 많다. -> SMEs abound.
    """
    if ctx.glossary is None:
        return
    readings = gathered(ctx, "K003")
    if readings is None:
        readings = [drift_forms(unit, ctx) for unit in units]
    forms: dict[object, dict[str, tuple[Unit, str]]] = defaultdict(dict)
    for unit, rows in zip(units, readings, strict=True):
        for term, key, found in rows:
            forms[term].setdefault(key, (unit, found))
    for term, seen in forms.items():
        if len(seen) > 1 and term.en.casefold() in seen:
            for key, (unit, found) in seen.items():
                if key != term.en.casefold():
                    yield unit, f"'{term.ko}' is '{found}' here but '{term.en}' elsewhere"


def _short_name(term, found: str, glossary) -> bool:
    """``found`` is the surname a later mention of the name ``term`` may be shortened to."""
    from ..glossary.names import surname_of

    return (term.kind == "name" and getattr(glossary, "surnames", True)
            and found == surname_of(term) != "")


# ------------------------------------------------ proper nouns outside the glossary

_EOJEOL = re.compile(r"[가-힣]{2,}")
_KO_TAIL = re.compile(r"(?:에서는|에서도|에서|에는|에도|에게|으로|로|의|에|은|는|이|가|을|를|와|과|도|만)$")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?\b")
_FUNCTION_WORDS = frozenset("""a an the this that these those every each all both some many most
    any no in on at to for from with by as of and but or so if when while after before since
    although though yet it its he his she her they their we our you your i there here then
    one two three what which who why how where more less""".split())
# two spellings of one name are close: Jeonju/Chonju 0.67, Tongyeong/Tongyoung 0.89
_SIMILAR = 0.6


def _stems(korean: str) -> set[str]:
    """Korean words of an entry without their particles (전주의 → 전주)."""
    return {stem for word in _EOJEOL.findall(korean)
            if len(stem := _KO_TAIL.sub("", word)) >= 2}


def _names(english: str) -> list[str]:
    """The names an English sentence may romanise a Korean word with: every run of one to
    three capitalised words in a row (Jeonju; Jeong Yak-yong; Yak-yong), in text order,
    without function words (a sentence-initial The or When is no part of a name)."""
    runs: list[list[str]] = [[]]
    end = -1
    for match in _NAME.finditer(english):
        word = match.group(0)
        if word.lower() in _FUNCTION_WORDS:
            runs.append([])
            continue
        if match.start() != end + 1 or english[end:match.start()] != " ":
            runs.append([])
        runs[-1].append(word)
        end = match.end()
    names: list[str] = []
    for run in runs:
        for size in range(1, min(3, len(run)) + 1):
            for i in range(len(run) - size + 1):
                name = " ".join(run[i:i + size])
                if name not in names:
                    names.append(name)
    return names


def _rendering(names: list[str], spelled: str) -> str:
    """The one name of ``names`` that renders the romanised word ``spelled``: the closest
    spelling of it (Jeong Yak-yong, not Jeong or Yak-yong, for jeongyagyong); the first
    in the text on a tie, so the choice never depends on anything but the sentence."""
    from rapidfuzz.distance import Indel

    near = [name for name in names if _close(name, spelled)]
    if not near:
        return ""
    return max(near, key=lambda name: (Indel.normalized_similarity(_squeeze(name), spelled),
                                       -names.index(name)))


def _squeeze(name: str) -> str:
    return name.lower().replace("-", "").replace(" ", "")


@check(code="K004", name="name-rendered-two-ways", severity=Severity.WARNING,
       family="consistency", scope="project")
def name_two_ways(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """A recurring Korean name that is not in the glossary is romanised two ways
    across the project's essays.

    Why: readers take Jeonju and Chonju for two cities. A Korean word in entries of
    more than one file whose English has two close spellings of its romanisation
    (Revised Romanization, by korean-romanizer; one never beside the other) is reported
    where the less common or later spelling is, with both renderings. Glossary terms
    are left to the glossary checks.
    A name of several words is compared as a whole (Jeong Yak-yong with Chong Yag-yong,
    not Jeong with Yag-yong), and a tie between two spellings goes to the one met first
    in the order of the files and entries, so the findings never depend on the process.
    Bad:  전주는 비빔밥의 고장이다. -> Jeonju is the home of bibimbap. | 전주 비빔밥은 놋그릇에 나온다. -> Chonju bibimbap comes in a brass bowl.
    Good: 전주는 비빔밥의 고장이다. -> Jeonju is the home of bibimbap. | 전주 비빔밥은 놋그릇에 나온다. -> Jeonju bibimbap comes in a brass bowl.
    Bad:  허균은 홍길동전을 썼다. -> Heo Gyun wrote the tale. | 허균은 유배되었다. -> Ho Kyun was exiled.
    Good: 허균은 홍길동전을 썼다. -> Heo Gyun wrote the tale. | 허균은 유배되었다. -> Later, Heo was exiled.
    """
    if len({str(unit.path) for unit in units}) < 2:
        return  # one essay: nothing to compare across
    glossary = {re.sub(r"\s+", "", form) for term in (ctx.glossary.terms if ctx.glossary else ())
                for form in (term.ko, *term.ko_variants)}
    stems_of = [(unit, _stems(unit.source) - glossary) for unit in units]
    files: dict[str, set[str]] = defaultdict(set)
    for unit, stems in stems_of:
        for stem in stems:
            files[stem].add(str(unit.path))
    by_stem: dict[str, list[tuple[Unit, set[str]]]] = defaultdict(list)
    for unit, stems in stems_of:
        recurring = [stem for stem in stems if len(files[stem]) > 1]
        names = _names(unit.target) if recurring else []
        for stem in sorted(recurring):
            rendering = _rendering(names, _romanised(stem))  # name to name
            if rendering:
                by_stem[stem].append((unit, {rendering}))
    reported: set[tuple[str, int]] = set()
    for stem, entries in by_stem.items():
        if len(entries) < 2 or len({str(unit.path) for unit, _ in entries}) < 2:
            continue
        counts: dict[str, int] = defaultdict(int)
        for _, names in entries:
            for name in names:
                counts[name] += 1
        if len(counts) < 2:
            continue
        # the most frequent rendering; on a tie the one met first in the project's order
        # of entries (each entry has one rendering, so this order is the files' own)
        order: dict[str, int] = {}
        for _, names in entries:
            for name in sorted(names):
                order.setdefault(name, len(order))
        usual = max(counts, key=lambda name: (counts[name], -order[name]))
        for unit, names in entries:
            if usual in names or (str(unit.path), unit.line) in reported:
                continue
            other = sorted(name for name in names if _close(name, usual)
                           and not _derived(name, usual))
            if other:
                first = next(u for u, found in entries if usual in found)
                reported.add((str(unit.path), unit.line))
                yield unit, (f"'{stem}' is '{other[0]}' here but '{usual}' in "
                             f"{ctx.where(first)}")


@lru_cache(maxsize=65536)
def _close(name: str, other: str) -> bool:
    from rapidfuzz.distance import Indel

    a, b = _squeeze(name), _squeeze(other)
    return Indel.normalized_similarity(a, b) >= _SIMILAR or a.startswith(b) or b.startswith(a)


def _derived(name: str, other: str) -> bool:
    """Korea and Korean, Jeju and Jeju's: one word and its derivation, not two spellings."""
    a, b = name.lower(), other.lower()
    if a.startswith(b) or b.startswith(a):
        return True
    shorter, longer = sorted((a.split(), b.split()), key=len)  # Jeong of Jeong Yak-yong
    return len(shorter) < len(longer) and all(word in longer for word in shorter)


@lru_cache(maxsize=4096)
def _romanised(korean: str) -> str:
    """The Revised Romanization of a Korean word (korean-romanizer): 전주 → jeonju."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(korean).romanize()
