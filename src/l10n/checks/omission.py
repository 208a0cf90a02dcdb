"""Omission: a translation that drops a clause, a list item or a parenthetical.

The structure comes from Kiwi's analysis of the Korean (clauses joined by connective
endings, nouns joined into an enumeration); the length relation is calibrated on the
project's own translated entries (the same statistics as F003). Kiwi runs once, in the
main process, over the few sources whose cheap signs (a short English, fewer list
separators than the Korean) make an omission possible (``prepare``), and only over those
not already analysed in an earlier run (``korean/structure.py`` records the analyses in the
project's cache).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

from ..fold import ascii_lower
from ..korean.structure import Structure, analyse_many
from .base import CheckContext, Severity, Unit, check
from .fluency import PRIOR_MEDIAN, PRIOR_SPREAD, length_stats

# the eojeol that may end a clause: a cheap sign before Kiwi is asked (결항되어, 추워)
# (지만|며|고|면서|는데|은데|서|니까|으나|거나|[어아여와워져쳐춰려해돼])[,\s], written to
# start with one character class, which the regex engine scans faster (property-tested)
_KO_CONNECTIVE = re.compile(r"[지며고면는은서니으거어아여와워져쳐춰려해돼]"
                            r"(?:(?<=지)만|(?<=면)서|(?<=[는은])데|(?<=니)까|(?<=[으거])나"
                            r"|(?<=[며고서어아여와워져쳐춰려해돼]))[,\s]")
# an English sentence with one of these has more than one clause or a coordination
# (case-insensitive: looked for in ascii_lower's text, faster than with re.IGNORECASE)
_EN_JOINS = re.compile(r",|;|:|—|–|\s-\s|\b(?:and|but|or|nor|so|yet|while|whereas|then|"
                       r"which|who|whom|whose|that|because|although|though|before|after|"
                       r"when|until|unless|since|as|if|where|whether|once|to)\b")
_KO_SEPARATORS = re.compile(r"[,、·ㆍ]|및|[가-힣](?:와|과|하고|이랑|랑)\s")
# every separator has one of these characters (하고 and 이랑 end in 고 and 랑), so their
# count is at least the separators' (the regular expression runs only when it is 2)
_SEPARATOR_SIGNS = ",、·ㆍ및와과랑고"
_PAREN = re.compile(r"\(([^()]*)\)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# how many robust deviations below the project's usual length a translation with a
# dropped clause falls (calibrated on the development corpus: dropped clauses -2.5 to
# -4.2, complete translations of two-clause sources -1.1 to -1.6)
CLAUSE_Z = -2.0


# what joins two items: and, or, and the "by" or "x" between two measurements (21 m by 14 m)
_EN_AND_OR = re.compile(r"\b(?:and|or|as well as|plus)\b|&")
_EN_BY = re.compile(r"(?<=\d)\s*[a-zA-Z°%]{0,3}\s+(?:by|x|×)\s+(?=\d)|(?<=\d)×(?=\d)")
_EN_COMMAS = ",;、ㆍ·/，；"


def _english_items(text: str) -> int:
    """Items an English sentence can list: chunks between commas, one more for an and/or,
    and one for each further and/or after a comma ("A and B, C and D" lists four; "the
    cabbage and radish and toss" two), and for each "by" between measurements
    (overcounting is safe: it only makes the check report less)."""
    items = 1 + sum(map(text.count, _EN_COMMAS)) + len(_EN_BY.findall(text))
    last = None
    for match in _EN_AND_OR.finditer(text):
        if last is None or any(mark in text[last:match.start()] for mark in _EN_COMMAS):
            items += 1
        last = match.end()
    return items


_LINKS = re.compile(r"https?://\S+|www\.\S+|\]\([^)]*\)|[\w.+-]+@[\w.-]+|\s")


def _ratio_z(unit: Unit, ctx: CheckContext) -> float:
    """How far (in robust deviations) the translation's length falls from the usual."""
    korean = len(_LINKS.sub("", unit.source))
    if korean < 8 or not unit.target.strip():
        return 0.0
    median, spread = ctx.length_ratio or (PRIOR_MEDIAN, PRIOR_SPREAD)
    return (math.log(len(unit.target.strip()) / korean) - median) / spread


def _candidate(unit: Unit, ctx: CheckContext) -> bool:
    """Cheap signs that an omission is possible; only these sources are analysed."""
    source = unit.source
    separators = len(_KO_SEPARATORS.findall(source)) \
        if sum(map(source.count, _SEPARATOR_SIGNS)) >= 2 else 0
    if separators >= 2 and _english_items(unit.target) <= separators:
        return True
    if _KO_CONNECTIVE.search(unit.source) and not _EN_JOINS.search(ascii_lower(unit.target)):
        return _ratio_z(unit, ctx) < CLAUSE_Z
    return False


# below this many bytes of catalogs, reading them takes a few milliseconds: a child
# loading Kiwi meanwhile would overlap nothing and cost a fork (about 300 entries)
WORTH_A_CHILD = 100_000


def analysis_likely(checks, glossary, cache: Path | None, paths=None) -> bool:
    """Whether a run of ``checks`` over the catalogs at ``paths`` will probably ask Kiwi
    about something, and has something to do meanwhile: it runs this check, or the
    glossary's, with no record of earlier analyses in ``cache`` (a first run, CI without
    a cached folder), over catalogs of ``WORTH_A_CHILD`` bytes or more. Then
    ``korean.analyser.start`` loads the model in a child while the catalogs are read; a
    wrong guess costs that child's CPU until the run knows (``release_if_unused``)."""
    from ..glossary.decisions import FILE_NAME as DECISIONS
    from ..korean.structure import FILE_NAME as STRUCTURES

    if paths is not None and _size(paths) < WORTH_A_CHILD:
        return False

    def unrecorded(name: str) -> bool:
        return cache is None or not (cache / name).is_file()

    omits, glossed = _analysing(checks, glossary)
    return (omits and unrecorded(STRUCTURES)) or (glossed and unrecorded(DECISIONS))


def analysis_possible(checks, glossary, paths) -> bool:
    """Whether a run of ``checks`` over catalogs of ``WORTH_A_CHILD`` bytes or more at
    ``paths`` may ask Kiwi something although earlier analyses are recorded: an edit can
    bring sources never analysed (a new entry, or a new F004 candidate when the
    project's length ratio moves). ``check_groups`` then forks a child that loads Kiwi
    only if asked, before the catalogs are read, so the model and the catalogs never
    share one process (at 100k entries: 797 MB in one process, measured)."""
    return paths is not None and _size(paths) >= WORTH_A_CHILD and any(_analysing(checks, glossary))


def _analysing(checks, glossary) -> tuple[bool, bool]:
    """Whether ``checks`` include F004, and the glossary's checks with terms to check."""
    families = {c.family for c in checks}
    return (any(c.function is possible_omission for c in checks),
            glossary is not None and len(glossary) > 0 and
            bool(families & {"glossary", "consistency"}))


def _size(paths) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # reported when the catalog is read
    return total


def prepare(ctx: CheckContext, units: list[Unit]) -> None:
    """Analyse, in one Kiwi batch, the sources whose entries may drop something; the
    analyses are recorded in the project's cache (``ctx.cache``), so a second run over
    the same sources loads no Kiwi."""
    if "omission" in ctx.extra:
        return
    if ctx.length_ratio is None:
        ctx.length_ratio = length_stats([(u.source, u.target) for u in units])
    sources = [u.source for u in units if _candidate(u, ctx)]
    ctx.extra["omission"] = analyse_many(sources, ctx.cache)


def _structure(unit: Unit, ctx: CheckContext) -> Structure:
    """The analysis of one source, outside a run (a run prepares them in one batch)."""
    return analyse_many([unit.source], ctx.cache)[unit.source]


@check(code="F004", name="possible-omission", severity=Severity.WARNING, family="fluency")
def possible_omission(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation seems to drop part of the source: a clause, a list item or a
    parenthetical.

    Why: a dropped clause or list item reads fluently, so reviewers miss it. The
    Korean structure comes from Kiwi: clauses joined by a connective ending (-지만, -고,
    -며) when the English has a single clause and is far shorter than the project's
    translations usually are; an enumeration of three or more nouns (、, 및, 와/과,
    commas) when the English lists fewer; a Korean parenthetical with no bracket, dash
    or comma left in the English. It is a heuristic: a warning that says what looks
    missing.
    Bad:  비가 많이 내렸지만 경기는 예정대로 진행되었다. -> It rained heavily.
    Good: 비가 많이 내렸지만 경기는 예정대로 진행되었다. -> It rained heavily, but the match went ahead as planned.
    Bad:  잔칫상에는 떡, 전, 식혜가 올랐다. -> Rice cakes and pancakes were on the table.
    Good: 잔칫상에는 떡, 전, 식혜가 올랐다. -> Rice cakes, pancakes and sikhye were on the table.
    Bad:  그 공연장(옛 방직 공장)은 꽉 찼다. -> The concert hall was packed.
    Good: 그 공연장(옛 방직 공장)은 꽉 찼다. -> The concert hall, a former textile mill, was packed.
    Bad:  항공편이 폭설로 결항되어 우리는 공항에서 하룻밤을 보냈다. -> We spent a night at the airport.
    Good: 항공편이 폭설로 결항되어 우리는 공항에서 하룻밤을 보냈다. -> Our flight was cancelled because of heavy snow, so we spent a night at the airport.
    Good: 비가 오고 바람이 세게 불었다. -> It was wet and very windy.
    Good: 배추와 무를 깨끗이 씻는다. -> Wash the cabbage and radish thoroughly.
    Good: 회의에는 교사와 학생, 부모와 졸업생이 모두 왔다. -> Teachers and students, parents and graduates all came to the meeting.
    Bad:  회의에는 교사와 학생, 부모와 졸업생이 모두 왔다. -> Teachers and students all came to the meeting.
    Good: 탁자 규격: 3단, 가로 2m, 세로 1m -> Table size: three tiers, 2 m by 1 m
    """
    for match in _PAREN.finditer(unit.source) if "(" in unit.source else ():
        inside = match.group(1)
        if len(_HANGUL.findall(inside)) >= 2 and not re.search(r"[(\[—–,]|\s-\s", unit.target):
            yield f"the parenthetical ({inside}) seems to be missing from the translation"
            break
    prepared = ctx.extra.get("omission")
    if prepared is not None:  # prepared for this run: only candidates were analysed
        structure = prepared.get(unit.source)
    elif _candidate(unit, ctx):
        structure = _structure(unit, ctx)
    else:
        return
    if structure is None or not _candidate(unit, ctx):
        return  # (a source shared by entries is analysed once, for any of them)
    if structure.items and _english_items(unit.target) < len(structure.items):
        yield (f"the source lists {len(structure.items)} items ({', '.join(structure.items)}); "
               f"the translation seems to list fewer")
    elif structure.joints and not _EN_JOINS.search(ascii_lower(unit.target)) and \
            _ratio_z(unit, ctx) < CLAUSE_Z:
        yield (f"the source has more than one clause (after '{structure.joints[0]}'); the "
               f"translation is one short clause and may drop the rest")
