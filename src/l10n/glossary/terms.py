"""The glossary (glossary.csv) and term matching on both sides.

Korean side: every form of a term (``ko`` and ``ko_variants``) is looked for with one
Aho-Corasick automaton over the sentence with spaces removed, so 산업 혁명 and 산업혁명
are the same; overlapping hits resolve leftmost-longest (초연결 사회 beats 초연결). A hit
counts only if the Kiwi morphological analyser agrees that it starts and ends on
morpheme boundaries, which rejects the first syllables of an unrelated word (공유 in
공유지), and Kiwi's morphemes around it do not make it another word: a title (시장님),
an adjective (시장하다, "to be hungry"), or a noun Kiwi split after a determiner (이사회).
Particles and endings after a term (초연결은, 중소기업들에게) are separate morphemes, so
they need no list.

English side: each Korean hit gets a verdict on the translation, from the best to the
worst: ``exact``, ``inflected`` (plural, possessive), ``variant`` (an accepted
rendering), ``orthographic`` (the approved form spelled, hyphenated or capitalised
otherwise), ``forbidden``, ``missing``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache
from pathlib import Path

from ..errors import GlossaryError, decode_utf8, read_input
from ..korean import analyser
from .english import EnglishForms, Target, alnum_folded

COLUMNS = ("ko", "en", "ko_variants", "en_variants", "forbidden", "kind", "note", "ko_exclude")
KINDS = ("term", "name", "keep")
PRONOUNS = {"it", "its", "they", "them", "their", "this", "these", "that", "those", "one",
            "ones", "itself", "themselves"}


class Verdict(str, Enum):
    EXACT = "exact"
    INFLECTED = "inflected"
    VARIANT = "variant"
    ORTHOGRAPHIC = "orthographic"
    FORBIDDEN = "forbidden"
    MISSING = "missing"
    # the English renders a sense the glossary note rules out (not 주식 'staple food'):
    # the Korean word is the homograph, not the term
    OTHER_SENSE = "other-sense"

    @property
    def ok(self) -> bool:
        return self in (Verdict.EXACT, Verdict.INFLECTED, Verdict.VARIANT)


@dataclass(frozen=True)
class Term:
    ko: str
    en: str
    ko_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    kind: str = "term"
    note: str = ""
    row: int = 0
    ko_exclude: tuple[str, ...] = ()  # longer words that contain the term but are not it

    @property
    def case_sensitive(self) -> bool:
        return self.kind in ("name", "keep")


@dataclass(frozen=True)
class KoHit:
    term: Term
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class EnJudgement:
    term: Term
    verdict: Verdict
    found: str = ""  # the English text that decided the verdict
    # why a MISSING verdict may be wrong (the noun is used as a verb, the Korean is a
    # homograph, ...): "" when the hit is near-certain; see ``doubt``
    doubt: str = ""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def parse_glossary(text: str, *, path: Path | str = "glossary.csv") -> Glossary:
    """Parse and validate glossary CSV text; every problem is a GlossaryError with its row."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise GlossaryError(f"malformed CSV: {exc}", path=path, line=1,
                            hint="the first line names the columns, ko,en,...") from exc
    missing = [column for column in ("ko", "en") if column not in header]
    if missing:
        raise GlossaryError(f"header lacks column(s) {', '.join(missing)}", path=path, line=1,
                            hint=f"the header is: {','.join(COLUMNS)}")
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        raise GlossaryError(f"unknown column(s) {', '.join(unknown)}", path=path, line=1,
                            hint=f"known columns: {','.join(COLUMNS)}")
    terms: list[Term] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise GlossaryError("row has more cells than the header", path=path, line=line,
                                    hint="quote cells that contain commas")
            ko, en = (row.get("ko") or "").strip(), (row.get("en") or "").strip()
            if not ko and not en and not any((v or "").strip() for v in row.values()):
                continue
            if not ko or not en:
                raise GlossaryError(f"missing required cell '{'ko' if not ko else 'en'}'",
                                    path=path, line=line, hint="every row needs ko and en")
            kind = (row.get("kind") or "term").strip() or "term"
            if kind not in KINDS:
                raise GlossaryError(f"unknown kind {kind!r}", path=path, line=line,
                                    hint="use term, name or keep")
            term = Term(ko, en, _split(row.get("ko_variants", "")),
                        _split(row.get("en_variants", "")), _split(row.get("forbidden", "")),
                        kind, (row.get("note") or "").strip(), line,
                        _split(row.get("ko_exclude", "")))
            for form in (term.ko, *term.ko_variants):
                key = _nospace(form)
                if key in seen and seen[key] != line:
                    raise GlossaryError(f"Korean form {form!r} is already listed on line "
                                        f"{seen[key]}", path=path, line=line,
                                        hint="keep one row per concept")
                seen[key] = line
            forms = [_nospace(form) for form in (term.ko, *term.ko_variants)]
            for word in term.ko_exclude:
                if not any(form in _nospace(word) and form != _nospace(word)
                           for form in forms):
                    raise GlossaryError(f"ko_exclude {word!r} does not contain {term.ko!r}",
                                        path=path, line=line,
                                        hint="list longer words that contain the term, "
                                             "e.g. 서울시장 for 시장")
            fold = (lambda x: x) if term.case_sensitive else str.casefold
            approved = {fold(form) for form in (term.en, *term.en_variants)}
            clash = [form for form in term.forbidden if fold(form) in approved]
            if clash:
                raise GlossaryError(f"{clash[0]!r} is both approved and forbidden", path=path,
                                    line=line, hint="remove it from one of the columns")
            terms.append(term)
        excluded = {_nospace(word): term for term in terms for word in term.ko_exclude}
        for key, term in excluded.items():
            if key in seen:
                raise GlossaryError(f"ko_exclude {key!r} of {term.ko!r} is a glossary term "
                                    f"on line {seen[key]}", path=path, line=term.row,
                                    hint="remove it from ko_exclude")
    except csv.Error as exc:  # the reader has not counted the line it failed on yet
        raise GlossaryError(f"malformed CSV: {exc}", path=path, line=reader.line_num + 1,
                            hint="check the quotes on this row") from exc
    return Glossary(tuple(terms))


def read_glossary(path: Path) -> Glossary:
    data = read_input(path, GlossaryError, what="glossary",
                      missing_hint="create it or set 'glossary' in [tool.l10n]")
    text = decode_utf8(data, path, GlossaryError, hint="save the glossary as UTF-8 CSV")
    # NFC: a glossary saved as NFD (macOS) matches the NFC sentences of the sources
    return parse_glossary(unicodedata.normalize("NFC", text.replace("\r\n", "\n")), path=path)


class Glossary:
    """A validated glossary with one Korean automaton over all term forms.

    ``surnames``: a person's name (kind ``name``) may be shortened to the surname on
    later mentions (Son Heung-min, later Son; Barack Obama, later Obama): ``surname_of``.
    """

    def __init__(self, terms: tuple[Term, ...], *, surnames: bool = True) -> None:
        self.terms = terms
        self.surnames = surnames
        self.decisions = None  # a DecisionCache once ``remember_decisions`` is called

    def remember_decisions(self, folder: Path | None) -> Glossary:
        """Keep Kiwi's verdicts on hits in ``folder`` (the project's cache), across runs."""
        from .decisions import DecisionCache

        self.decisions = DecisionCache(folder) if folder is not None else None
        return self

    def __len__(self) -> int:
        return len(self.terms)

    @cached_property
    def written_forms(self) -> frozenset[str]:
        """Every Korean form and approved English rendering, as written."""
        return frozenset(form for term in self.terms
                         for form in (term.ko, *term.ko_variants, term.en))

    @cached_property
    def english_forms(self) -> EnglishForms:
        """Every English form of the glossary in one automaton: renderings, variants,
        forbidden forms, surnames, and the plurals of all of them once they are known
        (``prime_inflections``; a plural not yet known is looked for on its own)."""
        forms = set()
        for term in self.terms:
            for form in (term.en, *term.en_variants, *term.forbidden):
                forms.add(form)
                forms.update(_KNOWN_PLURALS.get(form, ()))
            if term.kind == "name" and surname_of(term):
                forms.add(surname_of(term))
        return EnglishForms(forms)

    def english(self, translation: str) -> Target:
        """``translation`` read once for every verdict on its entry."""
        return self.english_forms.scan(translation)

    @cached_property
    def _automaton(self):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        forms = {}
        for term in self.terms:
            for form in (term.ko, *term.ko_variants):
                key = _nospace(form)
                forms[key] = (len(key), term, form)
        for key, (length, term, _form) in list(forms.items()):
            linked = saisiot(key)  # 장마 + 비 = 장맛비: the term's form before a noun
            if linked and linked not in forms:
                forms[linked] = (length, term, SAISIOT)
        for key, value in forms.items():
            automaton.add_word(key, value)
        if len(automaton):
            automaton.make_automaton()
        return automaton

    @cached_property
    def _exclusions(self):
        """ko_exclude words, matched in the text exactly as written (spaces included)."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for term in self.terms:
            for word in term.ko_exclude:
                owners = automaton.get(word, (len(word), ()))[1]
                automaton.add_word(word, (len(word), (*owners, term)))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def _excluded_spans(self, text: str) -> list[tuple[int, int, tuple[Term, ...]]]:
        """Where the text has ko_exclude words: (start, end, the terms they belong to)."""
        if not len(self._exclusions):
            return []
        return [(end + 1 - length, end + 1, owners)
                for end, (length, owners) in self._exclusions.iter(text)]

    def _candidates(self, text: str) -> list[KoHit]:
        if not self.terms or not len(self._automaton):
            return []
        squeezed, at, removed = squeeze(text)
        found = []
        for end, (length, term, form) in self._automaton.iter(squeezed):
            start = end - length + 1
            if form is SAISIOT and not (end + 1 < len(squeezed) and
                                        _is_hangul(squeezed[end + 1])):
                continue  # 장맛 is 장마 only before the noun it links to
            found.append((start, -length, term))
        found.sort(key=lambda item: (item[0], item[1]))
        hits: list[KoHit] = []
        taken_until = -1
        excluded = self._excluded_spans(text)
        for start, neg_length, term in found:
            stop = start - neg_length
            if start < taken_until:
                continue
            taken_until = stop
            first = _unsqueezed(start, at, removed)
            last = _unsqueezed(stop - 1, at, removed) + 1
            if last - first == 1 and _counted(text, first):
                continue  # 세 배 'three times' is a counter, not 배 'pear'
            if not any(term in owners and low <= first and last <= high  # 서울시장 hides 시장,
                       for low, high, owners in excluded):                # not 서울
                hits.append(KoHit(term, first, last, text[first:last]))
        return hits

    def prime_inflections(self) -> None:
        """Look up the English plurals of every rendering, and the verbs the approved
        renderings derive from, in the cache, before the checks.

        With a cache, a run on a glossary already seen never loads lemminflect; without
        one, they are computed when first needed, as before.
        """
        if self.decisions is None:
            return
        forms = sorted({form for term in self.terms
                        for form in (term.en, *term.en_variants, *term.forbidden)})
        _KNOWN_PLURALS.update(self.decisions.plurals(forms, _inflections.__wrapped__))
        renderings = sorted({form for term in self.terms if term.kind == "term"
                             for form in (term.en, *term.en_variants)})
        _KNOWN_VERBS.update(self.decisions.verbs(renderings, _derived_verbs))
        self.decisions.save()

    def find_korean(self, text: str) -> list[KoHit]:
        """Glossary terms in a Korean sentence, leftmost-longest, on morpheme boundaries."""
        return self._find([text], save=False)[0]

    def find_korean_many(self, texts: list[str]) -> list[list[KoHit]]:
        """find_korean for many sentences, with one Kiwi batch for those that need it."""
        return self._find(texts, save=True)

    def _find(self, texts: list[str], *, save: bool) -> list[list[KoHit]]:
        """Hits of each text; Kiwi is asked only about unclear hits not judged yet, and
        about the words around them rather than the whole sentence (``decide``)."""
        candidates = [self._candidates(text) for text in texts]
        unclear = [(i, j) for i, (text, hits) in enumerate(zip(texts, candidates, strict=True))
                   for j, hit in enumerate(hits) if not _obvious(text, hit)]
        if unclear:
            kept = decide([(texts[i], candidates[i][j]) for i, j in unclear], self.decisions)
            rejected = {pair for pair, keep in zip(unclear, kept, strict=True) if not keep}
            candidates = [[hit for j, hit in enumerate(hits) if (i, j) not in rejected]
                          for i, hits in enumerate(candidates)]
        if self.decisions is not None and save:
            self.decisions.save()
        return candidates

    def annotations(self, text: str) -> list[str]:
        """Extracted-comment lines for a PO entry: ``glossary: 초연결 → hyper-connectivity``."""
        return self.annotations_many([text])[0]

    def annotations_many(self, texts: list[str]) -> list[list[str]]:
        """``annotations`` for many sentences, with one Kiwi batch."""
        return [[f"glossary: {term.ko} → {term.en}"
                 for term in dict.fromkeys(hit.term for hit in hits)]
                for hits in self.find_korean_many(texts)]

    def by_ko(self, ko: str) -> Term | None:
        key = _nospace(ko)
        for term in self.terms:
            if key in {_nospace(form) for form in (term.ko, *term.ko_variants)}:
                return term
        return None


# The context an unclear hit is judged in first: the eojeol that holds it alone, then with
# one and with two eojeol on each side. Kiwi reads a word in its context, so the same word
# gets another verdict in some sentences (초연결과 초연결성은, 원목 가구점을); where the three
# agree, the wider sentence has agreed in every hit of the evaluation sets (tests/data and
# bench/generate.py's corpora with every glossary there: about 50,000 unclear hits), and
# where they do not (about 3 in 100), the hit is judged in its whole sentence, as before.
CONTEXTS = (0, 1, 2)


def decide(pairs: list[tuple[str, KoHit]], store=None) -> list[bool]:
    """Whether each unclear hit is the term, judged in the words around it (``CONTEXTS``)
    and, where those disagree, in its whole text. On every hit measured (``CONTEXTS``)
    these are the verdicts ``sentence_verdicts`` gives, for a fraction of the analysis
    where words recur (distinct short windows instead of every sentence); the equality is
    measured, not proven, and ``tests/test_decisions.py`` keeps measuring it.

    Every context's verdicts are recorded in ``store`` (a DecisionCache) by the context's
    text, so a run over words already judged loads no Kiwi; one Kiwi batch per stage.
    """
    memo: dict[tuple[str, tuple[int, int, bool]], bool] = {}
    windows = [[window(text, hit, width) for width in CONTEXTS] for text, hit in pairs]
    _judge([item for items in windows for item in items], store, memo)
    verdicts: list[bool | None] = []
    for items in windows:
        votes = {memo[text, verdict_key(hit)] for text, hit in items}
        verdicts.append(votes.pop() if len(votes) == 1 else None)
    unsure = [pair for pair, verdict in zip(pairs, verdicts, strict=True) if verdict is None]
    if unsure:
        _judge(unsure, store, memo)
    return [memo[text, verdict_key(hit)] if verdict is None else verdict
            for (text, hit), verdict in zip(pairs, verdicts, strict=True)]


def sentence_verdicts(pairs: list[tuple[str, KoHit]], store=None) -> list[bool]:
    """Whether each hit is the term, judged from Kiwi's analysis of its whole text (the
    reference ``decide`` falls back on, and is compared with in the tests)."""
    memo: dict[tuple[str, tuple[int, int, bool]], bool] = {}
    _judge(pairs, store, memo)
    return [memo[text, verdict_key(hit)] for text, hit in pairs]


def window(text: str, hit: KoHit, width: int) -> tuple[str, KoHit]:
    """The eojeol of ``text`` that hold ``hit`` and ``width`` more on each side, and the hit
    in them. Cut at whitespace, so the hit is obvious or unclear in it as in ``text``."""
    first, last = _word_start(text, hit.start), _word_end(text, hit.end)
    for _ in range(width):
        before = len(text[:first].rstrip())
        if before:
            first = _word_start(text, before)
        after = len(text) - len(text[last:].lstrip())
        if after < len(text):
            last = _word_end(text, after)
    if first == 0 and last == len(text):
        return text, hit
    return text[first:last], KoHit(hit.term, hit.start - first, hit.end - first, hit.surface)


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _judge(pairs: list[tuple[str, KoHit]], store, memo: dict) -> None:
    """Fill ``memo[text, verdict_key(hit)]`` for each pair: from ``memo``, from ``store``'s
    record of the text, or from Kiwi's analysis of the text (one batch for all; recorded)."""
    pending: dict[str, dict[tuple[int, int, bool], KoHit]] = {}
    recorded: dict[str, dict] = {}
    for text, hit in pairs:
        key = verdict_key(hit)
        if (text, key) in memo:
            continue
        if store is not None:
            if text not in recorded:
                recorded[text] = store.lookup(text)
            if key in recorded[text]:
                memo[text, key] = recorded[text][key]
                continue
        pending.setdefault(text, {})[key] = hit
    if not pending:
        return
    analysed = analyser.tokenize(list(pending))
    # the texts whose 하 after a hit needs Kiwi's other readings, in one batch (Kiwi
    # spreads a batch over its threads); a text the rule never asked about has its
    # verdicts from this first pass already
    asked: dict[str, None] = {}
    first = [_on_boundaries(text, list(hits.values()), tokens,
                            ha=lambda text, _index: asked.setdefault(text) or False)
             for (text, hits), tokens in zip(pending.items(), analysed, strict=True)]
    if asked:
        _ANALYSES.update(zip(asked, analyser.analyze(list(asked), top_n=4), strict=True))
    for (text, hits), tokens, kept in zip(pending.items(), analysed, first, strict=True):
        if text in asked:
            kept = _on_boundaries(text, list(hits.values()), tokens)
        chosen = {verdict_key(hit) for hit in kept}
        verdicts = {key: key in chosen for key in hits}
        for key, verdict in verdicts.items():
            memo[text, key] = verdict
        if store is not None:
            store.record(text, verdicts)
    _ANALYSES.clear()


def verdict_key(hit: KoHit) -> tuple[int, int, bool]:
    """Every input of ``_on_boundaries``'s verdict on ``hit`` besides the sentence's text.

    The span, and whether the hit's letters are a linked (sai-siot) form of its term, the
    one thing the verdict reads from the term: the same span may be one glossary's linked
    form (장맛 of 장마) and another's plain term.
    """
    return hit.start, hit.end, _nospace(hit.surface) in _linked_forms(hit.term)


def _on_boundaries(text: str, hits: list[KoHit], tokens, *, ha=None) -> list[KoHit]:
    """Keep the hits that are the term itself, judged from Kiwi's morphemes.

    A hit must start and end on morpheme boundaries (공유 in 공유지 does not), must not
    begin or end with a particle, an ending or the copula (이자 in 학자이자 "scholar
    and"; the 의 inside 한강의 기적 is the term's own), and the
    morphemes around it must not show that the letters belong to another word:

    * a determiner written solid before it (이 + 사회 in 이사회 "board"): determiners are
      always spaced, so Kiwi only splits this way when it has no better reading;
    * the suffix 님 or 기 after it: 님 makes a title of a person (시장님 "mayor"), 기 a
      device or a trace (공유기 "router", 시장기 "hunger"); the lexicalised senses of 기
      (성장기, 세탁기) are single nouns in Kiwi's dictionary and never reach this rule;
    * 하다 after it that Kiwi cannot decide between adjectival and verbal: nouns that
      take 하다 are clearly one or the other (공유하다 "to share", 불평등하다 "unequal"),
      while 시장하다 "to be hungry" is another word; see ``_unsure_of_ha``.

    ``ha``: asked instead of ``_unsure_of_ha`` (to learn which sentences it needs).
    """
    starts = {token.start for token in tokens}
    ends = {token.start + token.len for token in tokens}
    following: dict[int, object] = {}
    for token in tokens:  # the first morpheme at an offset: 하 of 했다, not 었
        following.setdefault(token.start, token)
    preceding = {token.start + token.len: token for token in tokens}
    kept = []
    for hit in hits:
        if not _obvious(text, hit):
            if hit.start not in starts and not _clear_left(text, hit.start):
                continue
            if hit.end not in ends and not _clear_right(text, hit.end) and \
                    not verdict_key(hit)[2]:
                continue  # a linked form (장맛 of 장맛비) ends inside Kiwi's compound
            inside = [t for t in tokens if hit.start <= t.start < hit.end]
            if inside and (inside[0].tag.startswith(_GRAMMATICAL) or
                           inside[-1].tag.startswith(_GRAMMATICAL)):
                continue  # 학자이자 'scholar and': 이 + 자 is a copula and an ending, not 이자
            before, after = preceding.get(hit.start), following.get(hit.end)
            if before is not None and before.tag == "MM" and not _clear_left(text, hit.start):
                continue  # 이사회 'board' is not 이 사회 'this society'
            if after is not None and after.tag == "XSN" and after.form in ("님", "기"):
                continue  # 시장님 'mayor', 공유기 'router' and 시장기 'hunger' are other words
            if after is not None and after.form == "하" and \
                    (ha or _unsure_of_ha)(text, hit.end):
                continue  # 시장하다 'to be hungry' is not 시장 'market'
        kept.append(hit)
    return kept


# How close (in Kiwi's log-probability) to the best reading the adjectival and the verbal
# reading of 하다 after a noun must both be for the hit to be rejected. Nouns that take
# 하다 have one clear reading: verbs (공유했다, 투자했다, 혁신했다) are 2.7 or more ahead
# of the adjectival one, adjectives (불평등하다, 행복했다, 건강했다) 2.1 or more ahead
# of the verbal one. For 시장하다 "to be hungry", which is not 시장 "market" + 하다, Kiwi
# hesitates: 0.7-1.7 between the two. e^2 is a seven-fold likelihood.
_HA_MARGIN = 2.0
# particles, endings and the copula: letters Kiwi reads as these are not a noun term
_GRAMMATICAL = ("J", "E", "VCP", "VCN")
_ADJECTIVAL, _VERBAL = ("XSA", "VA"), ("XSV", "VV")


# Kiwi's four best readings of the sentences of one batch, made together (``_find``)
_ANALYSES: dict[str, list] = {}


@lru_cache(maxsize=1024)
def _unsure_of_ha(text: str, index: int) -> bool:
    """Whether Kiwi finds 하 at ``index`` about as likely adjectival as verbal."""
    analyses = _ANALYSES.get(text) or analyser.analyze([text], top_n=4)[0]
    best = analyses[0][1]
    close = {token.tag for tokens, score in analyses if best - score < _HA_MARGIN
             for token in tokens if token.start == index and token.form == "하"}
    return bool(close & set(_ADJECTIVAL)) and bool(close & set(_VERBAL))


# Fast path only: a hit followed by nothing but case particles (초연결은, 중소기업들에게)
# needs no analysis. Anything else after a hit (공유지, 시장하다, 시장기) goes to Kiwi.
_PARTICLE = ("은|는|이|가|을|를|의|에|에서|에게|께|께서|한테|으로|로|와|과|도|만|까지|부터|"
             "처럼|보다|이나|나|이란|란|이라는|라는|이라고|라고|이다|이며|며|으로서|로서|"
             "으로써|로써|마저|조차|밖에|뿐|대로|이랑|랑|이든|든|에게서|한테서")
_PARTICLES_ONLY = re.compile(rf"(?:들)?(?:{_PARTICLE}){{0,3}}(?=$|[\s.,!?;:)\]\"'”’…~])")


# particles that are also the last syllable of many longer words (실업가 'businessman',
# 경기도 the province, 내과 'internal medicine'): Kiwi decides those
_WORD_FORMING = ("가", "도", "과")


def _particles_follow(text: str, hit: KoHit) -> bool:
    match = _PARTICLES_ONLY.match(text, hit.end)
    return (_clear_left(text, hit.start) and bool(match)
            and not match.group().startswith(_WORD_FORMING))


def _obvious(text: str, hit: KoHit) -> bool:
    """A hit that needs no analysis: a whole word, or a word with case particles."""
    return _clear_edges(text, hit) or _particles_follow(text, hit)


def _clear_left(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()


def _clear_right(text: str, index: int) -> bool:
    return index >= len(text) or not text[index].isalnum()


def _clear_edges(text: str, hit: KoHit) -> bool:
    return _clear_left(text, hit.start) and _clear_right(text, hit.end)


_SPACE_RUN = re.compile(r"\s+")


def squeeze(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` without whitespace (the Korean automaton reads that), and for each run of
    whitespace where it stood in the squeezed text and how many characters were removed
    up to its end: ``_unsqueezed`` maps a squeezed offset back in O(log runs)."""
    at: list[int] = []
    removed: list[int] = []
    total = 0
    for match in _SPACE_RUN.finditer(text):
        at.append(match.start() - total)
        total += match.end() - match.start()
        removed.append(total)
    return (_SPACE_RUN.sub("", text) if at else text), at, removed


def _unsqueezed(index: int, at: list[int], removed: list[int]) -> int:
    """The offset in the text of the squeezed text's ``index``-th character."""
    runs = bisect_right(at, index)
    return index + (removed[runs - 1] if runs else 0)


SAISIOT = "sai-siot"  # marks the linked form of a term in the automaton


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def saisiot(form: str) -> str:
    """The form of a noun with the linking ㅅ (sai-siot) of a compound: 장마 → 장맛
    (장맛비), 나무 → 나뭇 (나뭇잎), 김치 → 김칫 (김칫국); "" when it cannot take one (a
    last syllable with a final consonant, a one-syllable term, not Hangul)."""
    if len(form) < 2 or not _is_hangul(form[-1]) or (ord(form[-1]) - 0xAC00) % 28:
        return ""
    return form[:-1] + chr(ord(form[-1]) + 19)  # jongseong ㅅ is the 19th final


@lru_cache(maxsize=4096)
def _linked_forms(term: Term) -> frozenset[str]:
    return frozenset(filter(None, (saisiot(_nospace(f)) for f in (term.ko, *term.ko_variants))))


def _counted(text: str, index: int) -> bool:
    """Whether the word at ``index`` follows a number as its counter (세 배, 3배, 두 그릇):
    a one-syllable noun there is a bound noun, not the noun term (배 'pear')."""
    if index == 0:
        return False
    before = text[max(0, index - 12):index]
    if before[-1:].isdigit():
        return True
    if not before.endswith(" "):
        return False
    from ..korean.numerals import hangul_numbers

    word = before.rstrip().rsplit(" ", 1)[-1]
    return word.replace(",", "").replace(".", "").isdigit() or any(
        start == 0 and end >= len(word) for start, end, _ in hangul_numbers(word + " 배"))


# ---------------------------------------------------------------- English side

_POSSESSIVE = r"(?:['’]s?)?"


_KNOWN_PLURALS: dict[str, tuple[str, ...]] = {}  # read from the cache by prime_inflections


@lru_cache(maxsize=4096)
def _inflections(form: str) -> tuple[str, ...]:
    """Plural forms of the last word of ``form`` (lemminflect; acronyms take a plain -s)."""
    known = _KNOWN_PLURALS.get(form)
    if known is not None:
        return known
    words = form.split(" ")
    last = words[-1]
    if last.isupper() or any(ch.isdigit() for ch in last):
        plurals = {last + "s"}
    else:
        from lemminflect import getInflection  # English inflection tables (spaCy's)

        plurals = set(getInflection(last, tag="NNS")) or {last + "s"}
    return tuple(" ".join([*words[:-1], plural]) for plural in sorted(plurals) if plural != last)


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
        if _clear_left(english, first) and (
            _clear_right(english, last) or english[last:last + 1] in ("s", "'", "’")
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
        verbs = [hit for form in (term.en, *term.en_variants) for verb in _verb_forms(form)
                 for hit in _count(verb, english, case_sensitive=False,
                                       target=target)]
        if verbs:
            return EnJudgement(term, Verdict.INFLECTED, verbs[0])
    forbidden = [hit for form in term.forbidden
                 for variant in (form, *(_inflections(form) if inflect else ()))
                 for hit in _count(variant, english, case_sensitive=sensitive, target=target)]
    exact = _count(term.en, english, case_sensitive=sensitive, target=target)
    inflected = [hit for form in (_inflections(term.en) if inflect else ())
                 for hit in _count(form, english, case_sensitive=sensitive, target=target)]
    variants = [hit for form in term.en_variants
                for variant in (form, *(_inflections(form) if inflect else ()))
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


# Korean family names (the common single-syllable ones and the compound ones): a name
# that starts with one, romanised with a matching first letter, is written family first
_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
    "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 "
    "선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 "
    "부 가 복 태 목 형 계 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당 리 "
    "남궁 황보 제갈 선우 독고 사공 서문".split())
# the Latin letters a romanised syllable may start with, by its initial consonant
_INITIALS = ("GK", "GK", "N", "DT", "DT", "RLYN", "M", "BP", "BP", "SXH", "SX", "AEIOUYWLR",
             "JCZ", "JCZ", "CTQ", "K", "T", "PF", "H")


def _family_name_first(korean: str, first_word: str) -> bool:
    """Whether ``korean`` starts with a family name that ``first_word`` romanises."""
    for surname in (korean[:2], korean[:1]):
        if surname in _SURNAMES and len(korean) > len(surname):
            initial = (ord(surname[0]) - 0xAC00) // 588
            return 0 <= initial < len(_INITIALS) and first_word[:1] in _INITIALS[initial]
    return False


@lru_cache(maxsize=4096)
def surname_of(term: Term) -> str:
    """The surname of a personal name of two or three capitalised words.

    A name that starts with a Korean family name the English's first word romanises is
    written family name first, and its surname is that first word (손흥민: Son of Son
    Heung-min; 김 대중: Kim; 시진핑: Xi). Any other name of one Korean word of two to four
    syllables, or spelt word for word with spaces or middle dots, is a foreign name in its
    own order, and its surname is the last word (오바마: Obama of Barack Obama; 한나 아렌트:
    Arendt; 세종대왕: Sejong). Other names (세계경제포럼, 제4차 산업혁명) have none."""
    words = term.en.split()
    if not (2 <= len(words) <= 3 and all(word[:1].isupper() for word in words)):
        return ""
    parts = re.split(r"[ ·ㆍ・]+", term.ko.strip())
    if not all(re.fullmatch(r"[가-힣]+", part) for part in parts):
        return ""
    whole = "".join(parts)
    if (len(parts) == 1 or len(parts[0]) <= 2) and 2 <= len(whole) <= 4 \
            and _family_name_first(whole, words[0]):
        return words[0]
    if len(parts) == 1:
        return words[-1] if 2 <= len(whole) <= 4 else ""
    return words[-1] if len(parts) == len(words) else ""


# noun endings and what the verb they come from ends with: fermentation → ferment,
# development → develop, prescription → prescribe, diagnosis → diagnose, ruling → rule
_DERIVATIONS = [("ation", ""), ("ation", "e"), ("ation", "ate"), ("ition", "ish"),
                ("tion", "te"), ("ption", "be"), ("ption", "ve"), ("ction", "ce"),
                ("ction", "ct"), ("sion", "de"), ("sion", "t"), ("sion", "se"),
                ("ment", ""), ("sis", "se"), ("sis", "ze"), ("al", ""), ("ance", ""),
                ("ance", "e"), ("ence", ""), ("ence", "e"), ("ing", ""), ("ing", "e"),
                ("ure", ""), ("ure", "e"), ("y", "ize"), ("er", ""), ("", "")]


_KNOWN_VERBS: dict[str, tuple[str, ...]] = {}  # read from the cache by prime_inflections


@lru_cache(maxsize=4096)
def _verb_forms(form: str) -> tuple[str, ...]:
    """Every inflection of the verbs the last word of ``form`` may derive from, by the
    dictionary of lemminflect (so only real verbs: fermentation → ferment, fermented,
    fermenting, ferments)."""
    known = _KNOWN_VERBS.get(form)
    return known if known is not None else _derived_verbs(form)


def _derived_verbs(form: str) -> tuple[str, ...]:
    """``_verb_forms`` from lemminflect's tables."""
    from lemminflect import getAllInflections

    *head, last = form.split(" ")
    found = set()
    for ending, verb_ending in _DERIVATIONS:
        if last.lower().endswith(ending) and len(last) - len(ending) >= 3:
            stem = last[:len(last) - len(ending)] + verb_ending
            for forms in getAllInflections(stem.lower(), upos="VERB").values():
                found.update(forms)
    if not found:
        found.update(_gerund_verb(last.lower()))
    return tuple(" ".join([*head, verb]) for verb in sorted(found))


def _gerund_verb(word: str) -> set[str]:
    """The inflections of the regular verb a gerund noun is made of, when the dictionary
    does not list the verb (backpacking → backpack, backpacked): only if the regular
    inflection of the stem gives the gerund back, so ceiling is not the verb "ceil"
    unless English inflects it so."""
    from lemminflect import getAllInflectionsOOV

    if not word.endswith("ing") or len(word) < 7:
        return set()
    for stem in (word[:-3], word[:-3] + "e"):
        forms = getAllInflectionsOOV(stem, upos="VERB")
        if word in forms.get("VBG", ()):
            return {form for values in forms.values() for form in values}
    return set()


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
                                 verbal=term in verbal)
        yield judgement


def _missing(judgement: EnJudgement, target: str, hits: list[KoHit], *,
             verbal: bool) -> EnJudgement:
    """A MISSING verdict, told apart: the English renders a sense the glossary note rules
    out (OTHER_SENSE), or the verdict carries the ``doubt`` that makes it a guess."""
    term = judgement.term
    for sense in other_senses(term):
        found = [hit for form in (sense, *_inflections(sense))
                 for hit in _count(form, target, case_sensitive=False)]
        if found:
            return EnJudgement(term, Verdict.OTHER_SENSE, found[0])
    why = doubt(term, hits, verbal=verbal)
    return EnJudgement(term, Verdict.MISSING, "", why) if why else judgement


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
    if all(len(_nospace(hit.surface)) < 2 for hit in hits):
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


def project_glossary(config) -> Glossary | None:
    """The project's glossary, or None when the project has none."""
    if config.glossary is None or not config.glossary.exists():
        return None
    glossary = read_glossary(config.glossary).remember_decisions(config.cache)
    glossary.surnames = config.name_short_forms == "surname"
    return glossary
