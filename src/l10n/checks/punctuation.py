"""Punctuation: end punctuation, brackets and quotes, Korean punctuation, spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check

_INDIRECT = re.compile(r"\b(wonder|ask|asks|asked|asking|whether|question is|unclear|"
                       r"not sure|don't know|do not know)\b", re.IGNORECASE)
# an indirect rendering of a question: a verb of knowing or asking, then a wh-word
_EMBEDDED = re.compile(r"\b(?:know|knows|knew|known|tell|tells|told|remember|remembers|sure|"
                       r"idea|wonders?|wondered|asks?|asked|depends|unclear|question|decide|"
                       r"explain|explains|explained|see|saw|learn|learned|understand)\b"
                       r"[^.?!]*\b(?:who|whom|whose|what|when|where|why|how|whether|if|"
                       r"which)\b", re.IGNORECASE)
_CLOSERS = "\"'”’)]」』"
# Korean interrogative endings: a rhetorical question may end with a full stop in Korean
# (이 맛을 어떻게 잊을 수 있을까.) and with a question mark in English
_KO_QUESTION = re.compile(r"(?:까|는가|은가|인가|던가|닌가|한가|운가|는지|을지|일지|할지|냐|느냐|"
                          r"으냐|니|랴|리오|나요|가요|까요)[\s\"'”’)\]」』*_]*[.…]*\s*$")
_DOUBLED_STOP = re.compile(r"(?<![.\w/])\.\.(?![./\w])|(?<=\w)\.\.(?![./\w])")
_OPEN_END = re.compile(r"(?:https?://|www\.|@)\S*$|[\d%]$")


def _ending(text: str) -> str:
    body = text.rstrip().rstrip(_CLOSERS + "*_ ")
    if body.endswith(("...", "…")):
        return "ellipsis"
    if body.endswith(("?", "？", "?!", "!?")):
        return "question"
    if body.endswith(("!", "！")):
        return "exclamation"
    if body.endswith((".", "。")):
        return "stop"
    if body.endswith((":", ";", "—", "–", ",")):
        return "open"  # a colon before a quotation that follows, a dash
    return "none"


@check(code="P001", name="end-punctuation", severity=Severity.WARNING, family="punctuation")
def end_punctuation(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The end of the sentence changed: a question is not a question, a statement became
    one, the final full stop is missing or doubled, or an ellipsis was dropped.

    Why: rhetorical questions and trailing ellipses carry the author's voice, and a
    missing or doubled stop is a typo readers see. An indirect question ("Nobody knows
    who ...", "I wonder whether ...") may end with a full stop; a Korean rhetorical
    question ending in 까. may take a question mark; a heading has no stop in either
    language and may gain a question mark, or lose one when it is in title case (the
    one sign of a heading the text gives); a colon before a quotation stays clean.
    Bad:  여기까지 아닌가? -> This is where it ends.
    Good: 여기까지 아닌가? -> Isn't this where it ends?
    Bad:  국물은 뜨거울 때 먹어야 맛있다. -> Soup tastes best when it is hot
    Good: 국물은 뜨거울 때 먹어야 맛있다. -> Soup tastes best when it is hot.
    Bad:  관중은 모두 일어섰다. -> The whole crowd rose to its feet..
    Good: 관중은 모두 일어섰다. -> The whole crowd rose to its feet.
    Bad:  이 곡은 이별을 노래한 곡이다. -> Is this a song about parting?
    Good: 누가 이 노래를 처음 불렀을까? -> Nobody knows who first sang this song.
    Good: 이 맛을 어떻게 잊을 수 있을까. -> How could anyone forget this taste?
    Good: 왜 발효인가 -> Why Fermentation?
    Good: 왜 다시 쌀인가? -> Why Rice Again
    Bad:  왜 다시 쌀인가? -> Why rice again
    Good: 그가 남긴 말은 이렇다. -> His last words were these:
    """
    source, target = _ending(unit.source), _ending(unit.target)
    if source == "question" and target != "question":
        if not (_INDIRECT.search(unit.target) or _EMBEDDED.search(unit.target)
                or target == "none" and _title(unit.target)):
            yield "the source is a question; the translation is not"
    elif source == "ellipsis" and target != "ellipsis":
        yield "the source ends with an ellipsis; the translation does not"
    elif source in ("stop", "exclamation") and target == "question":
        if "?" not in unit.source and not _KO_QUESTION.search(unit.source):
            yield "the translation is a question; the source is not"
    elif source in ("stop", "exclamation") and target == "none" and \
            not _OPEN_END.search(unit.target.rstrip().rstrip(_CLOSERS + "*_ ")):
        yield "the final full stop is missing"
    if ".." in unit.target and ".." not in unit.source:
        for _ in _DOUBLED_STOP.finditer(unit.target.replace("...", "")):
            yield "doubled full stop '..'"
            break


# words a title leaves lowercase (Chicago style)
_TITLE_SMALL = frozenset("""a an the and but or nor for so yet as at by in of off on per to
    up via from into onto with than vs""".split())
_TITLE_WORDS = 10


def _title(text: str) -> bool:
    """Whether ``text`` is a heading in title case ("Why Rice Again", "The Road to
    Andong"): at most ten words, no end punctuation, every word but the small ones
    capitalised, two at least. A heading may drop the question mark of its source."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not 2 <= len(words) <= _TITLE_WORDS:
        return False
    big = [word for i, word in enumerate(words) if i == 0 or word.lower() not in _TITLE_SMALL]
    return len(big) >= 2 and all(word[0].isupper() for word in big)


_PAIRS = [("(", ")"), ("[", "]"), ("{", "}"), ("“", "”")]


@check(code="P002", name="unbalanced-brackets", severity=Severity.ERROR, family="punctuation")
def unbalanced(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Brackets or quotation marks are unbalanced in the translation but not in the source.

    Why: an unclosed bracket or quote is a typo readers notice; a quotation spanning
    several sentences is fine when the source opens or closes it the same way.
    Bad:  그 회사(2010년 설립)는 컸다. -> The company (founded in 2010 grew.
    Good: 그 회사(2010년 설립)는 컸다. -> The company (founded in 2010) grew.
    """
    for left, right in _PAIRS:
        src = unit.source.count(left) - unit.source.count(right)
        tgt = unit.target.count(left) - unit.target.count(right)
        if tgt != src and tgt != 0:
            yield f"unbalanced {left}{right} in the translation"
    for quote in ('"',):
        if unit.target.count(quote) % 2 != unit.source.count(quote) % 2:
            yield f"unbalanced {quote} in the translation"


_KOREAN_PUNCT = re.compile(r"[「」『』〈〉《》【】〔〕ㆍ・、。，．！？：；（）～〜]")


@check(code="P003", name="korean-punctuation", severity=Severity.ERROR, family="punctuation")
def korean_punctuation(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Korean or full-width punctuation is left in the English.

    Why: 「」, 『』, ㆍ and full-width ！？， are not English punctuation.
    Bad:  「승강기 안전관리법」에 따라 -> Under 「the Elevator Safety Act」
    Good: 「승강기 안전관리법」에 따라 -> Under the *Elevator Safety Act*
    """
    found = sorted(set(_KOREAN_PUNCT.findall(unit.target)))
    if found:
        yield f"Korean or full-width punctuation in the English: {' '.join(found)}"


_SPACE_BEFORE = re.compile(r"\w\s+[,.;:!?](?!\w)")
# two lowercase letters, then "," or ";" and a letter, or ".", "!" or "?" and a capitalised
# word; written to start at the punctuation mark, which makes the search five times faster
_NO_SPACE_AFTER = re.compile(r"[,;.!?](?<=[a-z]{2}.)(?:(?<=[,;])[A-Za-z]|(?<=[.!?])[A-Z][a-z])")


@check(code="P004", name="punctuation-spacing", severity=Severity.WARNING, family="punctuation")
def punctuation_spacing(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A space before a comma, stop, colon, question or exclamation mark, or none after.

    Why: Korean writing sometimes puts a space before "?"; English never does.
    Bad:  어떤 모습일까 ? -> What does it look like ?
    Good: 어떤 모습일까 ? -> What does it look like?
    """
    if _SPACE_BEFORE.search(unit.target):
        yield "space before punctuation"
    # addresses and file names (example.com, e-mail) are removed first; removing text
    # cannot create a match, so the removal runs only when there is one
    if _NO_SPACE_AFTER.search(unit.target) and _NO_SPACE_AFTER.search(
            re.sub(r"https?://\S+|\S+@\S+|\b\w+\.\w+\b(?=\S)", "", unit.target)):
        yield "missing space after punctuation"
