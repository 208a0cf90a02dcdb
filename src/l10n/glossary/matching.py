"""The Korean side of term matching: which hits of the glossary's automaton are the term.

A hit counts only if the Kiwi morphological analyser agrees that it starts and ends on
morpheme boundaries, which rejects the first syllables of an unrelated word (공유 in
공유지), and Kiwi's morphemes around it do not make it another word: a title (시장님),
an adjective (시장하다, "to be hungry"), or a noun Kiwi split after a determiner (이사회).
Particles and endings after a term (초연결은, 중소기업들에게) are separate morphemes, so
they need no list. Also here: the text with its spaces removed that the automaton reads
(``squeeze``), and the linked (sai-siot) form of a term (``saisiot``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..korean import analyser
from .model import KoHit, Term, nospace

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


# Kiwi is asked about this many texts at a time: a batch's tokens and readings are held
# in the analyser and in this process until judged (a 100,000-entry catalog's windows in
# one batch took about 300 MB in each, more than the catalog itself)
BATCH = 4096


def _judge(pairs: list[tuple[str, KoHit]], store, memo: dict) -> None:
    """Fill ``memo[text, verdict_key(hit)]`` for each pair: from ``memo``, from ``store``'s
    record of the text, or from Kiwi's analysis of the text (in batches of ``BATCH``
    texts; recorded). A verdict depends on its text alone, never on its batch."""
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
    texts = list(pending)
    for start in range(0, len(texts), BATCH):
        _judge_batch({text: pending[text] for text in texts[start:start + BATCH]}, store,
                     memo)


def _judge_batch(pending: dict[str, dict[tuple[int, int, bool], KoHit]], store,
                 memo: dict) -> None:
    """Judge the hits of each text of ``pending`` from one Kiwi batch (and one of top-4
    readings for the 하 rule)."""
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
    last = hit.surface.rstrip()[-1:]  # a linked form ends in a syllable with final ㅅ
    linked = bool(last) and is_hangul(last) and final_consonant(last) == _FINAL_S \
        and nospace(hit.surface) in _linked_forms(hit.term)
    return hit.start, hit.end, linked


def _on_boundaries(text: str, hits: list[KoHit], tokens, *, ha=None) -> list[KoHit]:
    """Keep the hits that are the term itself, judged from Kiwi's morphemes.

    A hit must start and end on morpheme boundaries (공유 in 공유지 does not), must not
    begin or end with a particle, an ending or the copula (이자 in 학자이자 "scholar
    and"; the 의 inside 한강의 기적 is the term's own), and the
    morphemes around it must not show that the letters belong to another word:

    * a verb or adjective stem where the term is (모시고 "looking after" is 모시다, not
      모시 "ramie"), unless the term is itself a verb or adjective (ends in 다);
    * a determiner written solid before it (이 + 사회 in 이사회 "board"): determiners are
      always spaced, so Kiwi only splits this way when it has no better reading;
    * a derivational suffix after it (``_OTHER_WORD``): 님 makes a title of a person
      (시장님 "mayor"), 기 a device or a trace (공유기 "router", 시장기 "hunger"), 가 and
      자 an agent (기획가 "curator", 분석자 "analyst"), 적 an adjective or determiner
      (대중적 "popular"), 화 a process (세계화 "globalization"): another word, whose
      English is not the term's. The lexicalised senses (성장기, 세탁기, 소설가, 연구자)
      are single nouns in Kiwi's dictionary and never reach this rule; 가 the subject
      particle and 들 the plural are not suffixes to Kiwi (JKS, and a hit);
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
        if not obvious(text, hit):
            if hit.start not in starts and not clear_left(text, hit.start):
                continue
            if hit.end not in ends and not clear_right(text, hit.end) and \
                    not verdict_key(hit)[2]:
                continue  # a linked form (장맛 of 장맛비) ends inside Kiwi's compound
            inside = [t for t in tokens if hit.start <= t.start < hit.end]
            if inside and (inside[0].tag.startswith(_GRAMMATICAL) or
                           inside[-1].tag.startswith(_GRAMMATICAL)):
                continue  # 학자이자 'scholar and': 이 + 자 is a copula and an ending, not 이자
            if inside and inside[0].tag.startswith(_PREDICATES) and \
                    not hit.term.ko.endswith("다"):
                continue  # 모시고 'looking after' is the verb 모시다, not 모시 'ramie'
            before, after = preceding.get(hit.start), following.get(hit.end)
            if before is not None and before.tag == "MM" and not clear_left(text, hit.start):
                continue  # 이사회 'board' is not 이 사회 'this society'
            if after is not None and after.tag == "XSN" and after.form in _OTHER_WORD:
                continue  # 시장님 'mayor', 공유기 'router', 대중적 'popular': other words
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


# verb and adjective stems (VV-R, VA-I: irregular ones too): a term, a noun, is none of them
_PREDICATES = ("VV", "VA", "VX")
# Kiwi's derivational suffixes (XSN) that make another word of a noun (``_on_boundaries``)
_OTHER_WORD = frozenset(("님", "기", "가", "자", "적", "화"))


# particles that are also a predicate's endings: after a stem without a final consonant
# 는 (adnominal), 며, 나, 든 (connective): 모시는 'looking after', 모시며; after one with
# a final consonant 은 and 을 (adnominal): 신은 'wearing', 감을 'will wind'. A short term
# that is also a stem (모시 'ramie', 차 'car', 신 'shoes') followed by them is Kiwi's to
# decide; verb stems are short, so a longer term keeps the fast path.
_ENDING_AFTER_VOWEL, _ENDING_AFTER_CONSONANT = ("는", "며", "나", "든"), ("은", "을")


def _particles_follow(text: str, hit: KoHit) -> bool:
    match = _PARTICLES_ONLY.match(text, hit.end)
    return (clear_left(text, hit.start) and bool(match)
            and not match.group().startswith(_WORD_FORMING)
            and not _maybe_an_ending(text, hit))


def _maybe_an_ending(text: str, hit: KoHit) -> bool:
    """Could the syllable after ``hit`` be an ending of a verb whose stem is the hit?"""
    after, last = text[hit.end:hit.end + 1], text[hit.end - 1]
    if not is_hangul(last) or hit.end - hit.start > 3:
        return False
    if not final_consonant(last):
        return after in _ENDING_AFTER_VOWEL
    return hit.end - hit.start == 1 and after in _ENDING_AFTER_CONSONANT


def obvious(text: str, hit: KoHit) -> bool:
    """A hit that needs no analysis: a whole word, or a word with case particles."""
    return _clear_edges(text, hit) or _particles_follow(text, hit)


def clear_left(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()


def clear_right(text: str, index: int) -> bool:
    return index >= len(text) or not text[index].isalnum()


def _clear_edges(text: str, hit: KoHit) -> bool:
    return clear_left(text, hit.start) and clear_right(text, hit.end)


_SPACE_RUN = re.compile(r"\s+")


def squeeze(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` without whitespace (the Korean automaton reads that), and for each run of
    whitespace where it stood in the squeezed text and how many characters were removed
    up to its end: ``unsqueezed`` maps a squeezed offset back in O(log runs)."""
    at: list[int] = []
    removed: list[int] = []
    total = 0
    for match in _SPACE_RUN.finditer(text):
        at.append(match.start() - total)
        total += match.end() - match.start()
        removed.append(total)
    return (_SPACE_RUN.sub("", text) if at else text), at, removed


def unsqueezed(index: int, at: list[int], removed: list[int]) -> int:
    """The offset in the text of the squeezed text's ``index``-th character."""
    runs = bisect_right(at, index)
    return index + (removed[runs - 1] if runs else 0)


SAISIOT = "sai-siot"  # marks the linked form of a term in the automaton
_FINAL_S = 19  # jongseong ㅅ is the 19th final of a Hangul syllable


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def final_consonant(syllable: str) -> int:
    """The index of a Hangul syllable's final consonant (jongseong), 0 for none."""
    return (ord(syllable) - 0xAC00) % 28


def saisiot(form: str) -> str:
    """The form of a noun with the linking ㅅ (sai-siot) of a compound: 장마 → 장맛
    (장맛비), 나무 → 나뭇 (나뭇잎), 김치 → 김칫 (김칫국); "" when it cannot take one (a
    last syllable with a final consonant, a one-syllable term, not Hangul)."""
    if len(form) < 2 or not is_hangul(form[-1]) or final_consonant(form[-1]):
        return ""
    return form[:-1] + chr(ord(form[-1]) + _FINAL_S)


@lru_cache(maxsize=4096)
def _linked_forms(term: Term) -> frozenset[str]:
    return frozenset(filter(None, (saisiot(nospace(f)) for f in (term.ko, *term.ko_variants))))


def follows_number(text: str, index: int) -> bool:
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
