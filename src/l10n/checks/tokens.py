"""Tokens: URLs, e-mail addresses, Latin acronyms and names, inline Markdown."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check

# Korean particles follow a URL or address directly (https://example.com에서): stop at Hangul
URL = re.compile(r"https?://[^\s)\]>\"'\uac00-\ud7a3]+|www\.[^\s)\]>\"'\uac00-\ud7a3]+")
EMAIL = re.compile(r"[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Latin words in the Korean: acronyms (AI, IoT, O2O), names (iPhone, Node.js), versions
LATIN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*)")


def _strip_trailing(url: str) -> str:
    return url.rstrip(".,;:!?")


def _may_have_address(text: str) -> bool:
    """Cheap test before the expressions: every URL or address has one of these."""
    return "http" in text or "www." in text or "@" in text


@check(code="T001", name="url-or-email-changed", severity=Severity.ERROR, family="tokens")
def url_or_email(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A URL or e-mail address of the source is missing or changed in the translation.

    Why: a changed address is a broken link.
    Bad:  자세한 내용은 https://example.com/faq 참고 -> See https://example.com/FAQ for details.
    Good: 자세한 내용은 https://example.com/faq 참고 -> See https://example.com/faq for details.
    """
    if not _may_have_address(unit.source):
        return
    wanted = Counter(_strip_trailing(u) for u in URL.findall(unit.source))
    wanted += Counter(EMAIL.findall(unit.source))
    have = Counter(_strip_trailing(u) for u in URL.findall(unit.target))
    have += Counter(EMAIL.findall(unit.target))
    for token in (wanted - have):
        yield f"{token} is missing or changed"


def _acronyms(text: str) -> Counter:
    found = Counter()
    if _may_have_address(text):
        text = URL.sub(" ", EMAIL.sub(" ", text))
    for match in LATIN.finditer(text):
        token = match.group(1)
        # an acronym or a name with inner capitals or digits: AI, IoT, O2O, iPhone, COVID-19
        if sum(ch.isupper() for ch in token) >= 2 or (any(ch.isdigit() for ch in token)
                                                      and any(ch.isalpha() for ch in token)) \
                or (token[0].islower() and any(ch.isupper() for ch in token[1:])) \
                or (re.fullmatch(r"[A-Z]-[a-z]+", token)):  # K-pop, K-drama, e-mail is not
            found[token] += 1
    return found


@check(code="T002", name="acronym-changed", severity=Severity.ERROR, family="tokens")
def acronym_changed(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """A Latin acronym or product name of the source is missing or altered.

    Why: AI, IoT, O2O, iPhone or COVID-19 must reach the reader as written. An acronym
    the glossary translates (SNS = social media) is left to the glossary checks.
    Bad:  IoT 기기가 늘었다. -> Internet-connected devices multiplied.
    Good: IoT 기기가 늘었다. -> IoT devices multiplied.
    """
    target = unit.target
    # glossary terms (SNS = social media, PC방 = internet café) are the glossary's business
    covered = ctx.glossary.written_forms if ctx.glossary else frozenset()
    for token in _acronyms(unit.source):
        if token in covered:
            continue
        if not re.search(rf"(?<![A-Za-z0-9]){re.escape(token)}(?![A-Za-z0-9])", target):
            yield f"'{token}' from the source is missing or altered"


_MARKUP = [("**", "bold"), ("__", "bold"), ("*", "emphasis"), ("_", "emphasis"),
           ("`", "code")]
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")


# CommonMark's backslash escape: an escaped ASCII punctuation character is literal text
# (\* is an asterisk, not emphasis); read left to right, \\* is a backslash and a marker.
# The bilingual export (publish/markdown.py) keeps these as the essay has them.
BACKSLASH_ESCAPE = r"\\[!-/:-@\[-`{-~]"
_ESCAPED = re.compile(BACKSLASH_ESCAPE)


def _markup_counts(text: str) -> Counter:
    counts: Counter = Counter()
    if not any(marker in text for marker in "*_`"):
        return counts
    text = URL.sub(" ", _ESCAPED.sub(" ", text) if "\\" in text else text)
    for marker, kind in _MARKUP:
        pattern = re.escape(marker)
        if marker in ("*", "_"):  # Korean particles may follow a closing marker: *효과*라고
            pattern = rf"(?<![*_A-Za-z0-9]){pattern}(?=\S)|(?<=\S){pattern}(?![*_A-Za-z0-9])"
        counts[kind] += len(re.findall(pattern, text))
        text = text.replace(marker, " ")
    return counts


@check(code="T003", name="markdown-changed", severity=Severity.ERROR, family="tokens")
def markdown_changed(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Inline Markdown (emphasis, code, links) is dropped, added or unbalanced.

    Why: the build renders the markup; a lost `*` or link target breaks the page.
    Adding emphasis (italicising a romanized Korean word) is fine.
    A backslash-escaped marker (``\\*``) is a literal character, as CommonMark reads it.
    Bad:  *초연결*이 핵심이다. -> Hyper-connectivity* is the key.
    Good: *초연결*이 핵심이다. -> *Hyper-connectivity* is the key.
    Good: 별표 \\*는 강조가 아니다. -> The asterisk \\* is not emphasis.
    """
    if "](" not in unit.source and not any(marker in unit.source or marker in unit.target
                                           for marker in "*_`"):
        return  # no markup on either side (most entries): nothing to count
    source, target = _markup_counts(unit.source), _markup_counts(unit.target)
    for kind in ("bold", "emphasis", "code"):
        if target[kind] % 2:
            yield f"unbalanced {kind} markup"
        elif target[kind] < source[kind]:  # italicising a foreign word is house style, fine
            yield f"{kind} markup of the source is missing"
    if "](" not in unit.source:
        return
    wanted, have = Counter(_LINK.findall(unit.source)), Counter(_LINK.findall(unit.target))
    for link in wanted - have:
        yield f"link to {link} is missing"
