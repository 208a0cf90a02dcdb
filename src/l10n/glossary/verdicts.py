"""The English side of term matching: each Korean hit gets a verdict on the translation,
from the best to the worst: ``exact``, ``inflected`` (plural, possessive), ``variant`` (an
accepted rendering), ``orthographic`` (the approved form spelled, hyphenated or
capitalised otherwise), ``forbidden``, ``missing``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .english import Target, alnum_folded
from .inflection import plural_forms, verb_forms
from .matching import clear_left, clear_right
from .model import EnJudgement, KoHit, Term, Verdict, nospace
from .names import surname_of

if TYPE_CHECKING:
    from .terms import Glossary

PRONOUNS = {"it", "its", "they", "them", "their", "this", "these", "that", "those", "one",
            "ones", "itself", "themselves"}

_POSSESSIVE = r"(?:['’]s?)?"


@lru_cache(maxsize=16384)
def _pattern(form: str, *, case_sensitive: bool) -> re.Pattern[str]:
    words = [re.escape(word) for word in form.split()]
    body = r"\s+".join(words)  # a line wrap or double space inside a term still counts
    flags = 0 if case_sensitive else re.IGNORECASE
    # a hyphenated compound (chaebol-led, SME-focused) still carries the term
    return re.compile(rf"(?<![\w-]){body}{_POSSESSIVE}(?!\w)", flags)


def _count(form: str, english: str, *, case_sensitive: bool,
           target: Target | None = None) -> list[str]:
    if target is not None and not target.may_have(form):
        return []  # neither the form nor its capitalised spelling is in the text
    found = [m.group(0) for m in _pattern(form, case_sensitive=case_sensitive).finditer(english)]
    if case_sensitive and not found and form[:1].islower():
        # a term capitalised at the start of a sentence is still the term
        capital = form[:1].upper() + form[1:]
        found = [m.group(0) for m in _pattern(capital, case_sensitive=True).finditer(english)]
    return found


@lru_cache(maxsize=16384)
def _spelling(form: str) -> str:
    return alnum_folded(form)[0]


def _loose_find(form: str, english: str, target: Target | None = None) -> str:
    """The text of ``english`` that spells ``form`` ignoring case, spaces and hyphens."""
    needle = _spelling(form)
    if target is not None and needle not in target.loose_text:
        return ""  # not spelt here in any way: no offsets needed
    hay, index = target.loose if target is not None else alnum_folded(english)
    if not needle:
        return ""
    start = hay.find(needle)
    while start != -1:
        first, last = index[start], index[start + len(needle) - 1] + 1
        if clear_left(english, first) and (
            clear_right(english, last) or english[last:last + 1] in ("s", "'", "’")
        ):
            return english[first:last]
        start = hay.find(needle, start + 1)
    return ""


def _same(hit: str, form: str, *, case_sensitive: bool) -> bool:
    """Is ``hit`` the form itself (not an inflection), allowing wraps and a leading capital?"""
    hit, form = " ".join(hit.split()), " ".join(form.split())
    if not case_sensitive:
        return hit.casefold() == form.casefold()
    return hit == form or hit == form[:1].upper() + form[1:]


def _misspelt(form: str, english: str, target: Target | None = None) -> str:
    """A window of words within one edit of ``form`` (tecnology for technology)."""
    wanted = " ".join(form.split()).casefold()
    if len(wanted) < 6:
        return ""
    words = target.words if target is not None else re.findall(r"[\w'’-]+", english)
    folded = target.folded_words if target is not None else [w.casefold() for w in words]
    size = len(wanted.split())
    # a window's folded length is its words' lengths and the spaces between them; an
    # edit changes the length by one at most, so only windows of the right length count
    ends = [0]
    for word in folded:
        ends.append(ends[-1] + len(word))
    distance = None
    for i in range(len(words) - size + 1):
        if abs(ends[i + size] - ends[i] + size - 1 - len(wanted)) > 1:
            continue
        if distance is None:
            from rapidfuzz.distance import DamerauLevenshtein

            distance = DamerauLevenshtein.distance
        if distance(" ".join(folded[i:i + size]), wanted, score_cutoff=1) <= 1:
            return " ".join(words[i:i + size])
    return ""


def judge_english(term: Term, english: str, *, needed: int = 1, verbal: bool = False,
                  surname: bool = False, target: Target | None = None) -> EnJudgement:
    """Verdict for ``term`` in ``english``; ``needed`` is how often the Korean had it.

    Repetition rule: a term the Korean uses n times must appear n times, except that
    every repetition after the first may be a pronoun (it, they, this, ...) that
    follows the first rendering; otherwise the verdict is ``missing``.

    ``verbal``: the Korean uses the noun term as a verb or adjective (발효시켜, 수출된,
    개발했습니다), so the verb the English noun derives from is accepted in any
    inflection (ferment, fermented; export, exported; develop, developing).
    ``surname``: a name (kind ``name``) may be its surname alone (Son for Son Heung-min,
    Obama for Barack Obama: ``surname_of``), as on a later mention.
    ``target``: ``english`` as ``Glossary.english`` read it (one pass for every term of
    the entry; the same verdict, sooner).
    """
    sensitive = term.case_sensitive
    inflect = term.kind != "keep"
    if verbal and term.kind == "term":
        verbs = [hit for form in (term.en, *term.en_variants) for verb in verb_forms(form)
                 for hit in _count(verb, english, case_sensitive=False,
                                       target=target)]
        if verbs:
            return EnJudgement(term, Verdict.INFLECTED, verbs[0])
    forbidden = [hit for form in term.forbidden
                 for variant in (form, *(plural_forms(form) if inflect else ()))
                 for hit in _count(variant, english, case_sensitive=sensitive, target=target)]
    exact = _count(term.en, english, case_sensitive=sensitive, target=target)
    inflected = [hit for form in (plural_forms(term.en) if inflect else ())
                 for hit in _count(form, english, case_sensitive=sensitive, target=target)]
    variants = [hit for form in term.en_variants
                for variant in (form, *(plural_forms(form) if inflect else ()))
                for hit in _count(variant, english, case_sensitive=sensitive, target=target)]
    hits = exact + inflected + variants
    if forbidden and len(hits) < needed:
        # a forbidden form next to enough approved ones translates something else
        # (인더스트리 4.0 beside 4차 산업혁명), so it only counts when the term is missing
        return EnJudgement(term, Verdict.FORBIDDEN, forbidden[0])
    if hits:
        if len(hits) < needed and not _pronoun_after(english, hits[0], needed - len(hits)):
            return EnJudgement(term, Verdict.MISSING, "")
        plain = [hit for hit in exact if _same(hit, term.en, case_sensitive=sensitive)]
        if plain:
            return EnJudgement(term, Verdict.EXACT, plain[0])
        if exact or inflected:
            return EnJudgement(term, Verdict.INFLECTED, (exact + inflected)[0])
        return EnJudgement(term, Verdict.VARIANT, variants[0])
    for form in (term.en, *term.en_variants):
        found = _loose_find(form, english, target) or _misspelt(form, english, target)
        if found:
            return EnJudgement(term, Verdict.ORTHOGRAPHIC, found)
    if surname and term.kind == "name" and not forbidden:
        short = surname_of(term)
        found = _count(short, english, case_sensitive=True, target=target) if short else []
        if found:
            return EnJudgement(term, Verdict.VARIANT, found[0])
    return EnJudgement(term, Verdict.MISSING, "")


# what follows a noun used as a verb or adjective: 하다, 되다, 시키다, 받다 and their
# forms, also after an object particle (진단을 받았다 "was diagnosed", 수출을 했다)
_VERB_USE = re.compile(r"(?:[을를]\s?(?=[하해했한할받]))?"
                       r"(?:하|해|했|한|할|합|함|되|돼|됐|된|될|됩|시키|시켜|시킨|시킬|시켰|받)")


def _pronoun_after(english: str, first: str, count: int) -> bool:
    position = english.find(first)
    tail = english[position + len(first):] if position >= 0 else ""
    words = re.findall(r"[A-Za-z]+", tail.lower())
    return sum(word in PRONOUNS for word in words) >= count


def korean_counts(hits: Iterable[KoHit]) -> dict[Term, int]:
    counts: dict[Term, int] = {}
    for hit in hits:
        counts[hit.term] = counts.get(hit.term, 0) + 1
    return counts


def judge_entry(glossary: Glossary, source: str, target: str, *,
                hits: list[KoHit] | None = None) -> Iterator[EnJudgement]:
    """One verdict per glossary term found in the Korean source of an entry."""
    found = hits if hits is not None else glossary.find_korean(source)
    verbal = {hit.term for hit in found if _VERB_USE.match(source, hit.end)}
    surnames = getattr(glossary, "surnames", True)
    counts = korean_counts(found)
    seen = glossary.english(target) if counts and hasattr(glossary, "english") else None
    for term, needed in counts.items():
        judgement = judge_english(term, target, needed=needed, verbal=term in verbal,
                                  surname=surnames, target=seen)
        if judgement.verdict is Verdict.MISSING:
            judgement = _missing(judgement, target, [hit for hit in found if hit.term == term],
                                 verbal=term in verbal, source=source)
        yield judgement


def _missing(judgement: EnJudgement, target: str, hits: list[KoHit], *,
             verbal: bool, source: str = "") -> EnJudgement:
    """A MISSING verdict, told apart: the English renders a sense the glossary note rules
    out (OTHER_SENSE), or the verdict carries the ``doubt`` that makes it a guess."""
    term = judgement.term
    for sense in other_senses(term):
        found = [hit for form in (sense, *plural_forms(sense))
                 for hit in _count(form, target, case_sensitive=False)]
        if found:
            return EnJudgement(term, Verdict.OTHER_SENSE, found[0])
    why = doubt(term, hits, verbal=verbal) or _referred_to(source, target, hits)
    return EnJudgement(term, Verdict.MISSING, "", why) if why else judgement


# 이 쌍안경은 무겁다 "They are heavy": after a demonstrative the term names something the
# text has already named, and the English may say it with a pronoun (one entry is one
# sentence: the rendering is often in the sentence before)
_DEMONSTRATIVE = re.compile(r"(?:^|\s)(?:이|그|저|이런|그런|저런|이러한|그러한)\s+$")
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|these|those|this|that)\b", re.IGNORECASE)


def _referred_to(source: str, target: str, hits: list[KoHit]) -> str:
    """Why a missing rendering may be a pronoun: every hit follows a demonstrative, and
    the English has a pronoun ("" otherwise)."""
    if not source or not hits or not _PRONOUN.search(target):
        return ""
    if all(_DEMONSTRATIVE.search(source, max(0, hit.start - 8), hit.start) for hit in hits):
        return "after a demonstrative: a pronoun may stand for it"
    return ""


def doubt(term: Term, hits: list[KoHit], *, verbal: bool = False) -> str:
    """Why a Korean hit of ``term`` may not be the term, or may be rendered in a way the
    glossary cannot list; "" when the hit is near-certain.

    The rule for G001 (error) against G005 (warning): a missing rendering is an error
    only for a noun used as a noun, of two syllables or more (its sai-siot form
    included: 장맛비), whose glossary row admits no homograph. A noun used
    as a verb (기도하다 may be "pray", "say grace", "give thanks") and a homograph (배,
    주식, 사찰) are a warning.
    """
    if term.kind != "term":
        return ""
    if verbal:
        return "used as a verb or adjective"
    if other_senses(term):
        return "a homograph (see the glossary note)"
    if all(len(nospace(hit.surface)) < 2 for hit in hits):
        return "one syllable (often another word)"
    return ""


# the note convention for homographs: "not 주식 'staple food'", "the fruit; not 배 'boat'
# or 'belly'": "not", the Korean word, then the quoted glosses of its other senses, up to
# the end of the clause (a ";"); a quote after "not" without a Korean word ("not
# 'verdict'") is advice on the rendering, not a homograph
_NOT_CLAUSE = re.compile(r"\bnot\s+[가-힣]+([^;]*)", re.IGNORECASE)
_QUOTED = re.compile(r"['‘\"“]([^'’\"”]+)['’\"”]")


@lru_cache(maxsize=4096)
def other_senses(term: Term) -> tuple[str, ...]:
    """The English glosses of the senses the term's note rules out (see ``_NOT_CLAUSE``)."""
    return tuple(gloss.strip() for clause in _NOT_CLAUSE.findall(term.note)
                 for gloss in _QUOTED.findall(clause) if gloss.strip())
