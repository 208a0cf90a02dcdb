"""The repairs after the cuts: spans made to cover their text, and quotes, brackets and
list markers moved to the sentence they belong to.

Pure text work, no morphemes: ``segment.py`` decides where Kiwi's sentences are cut and
then hands the spans here. Each function is one pass over the text or its marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Span = tuple[int, int]

_STRAIGHT_QUOTES = re.compile("[\"']")
_COMMON_WORDY = re.compile("[A-Za-z0-9가-힣]")  # the letters and digits of most sentences
# Marks that may end a sentence and open the next one when a cut falls before them.
_TRAILING_ONE = re.compile(
    r"\s+[\"'(\[]|\s*[“‘「『]|\s+(?:[-–—•·∙◦▪■□▶▷►※★☆○●◎◇◆→*+]|[①-⑳㉠-㉭]|\d{1,2}[.)])")
_MARKER_ALONE = re.compile(
    r"[-–—•·∙◦▪■□▶▷►※★☆○●◎◇◆→*+\"'(\[“‘「『]|[①-⑳㉠-㉭]|\d{1,2}[.)]")


def cover(text: str, spans: Sequence[Span]) -> list[Span]:
    """Make ``spans`` cover every non-space character of ``text``, in order, without overlap."""
    out: list[list[int]] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        gap = text[pos:start]
        if gap.strip():
            if out:  # stray non-space text between sentences: attach to the previous one
                out[-1][1] = start
            else:  # text before the first sentence: it starts the first one
                start = pos + (len(gap) - len(gap.lstrip()))
        out.append([start, end])
        pos = end
    if text[pos:].strip():
        if out:
            out[-1][1] = len(text.rstrip())
        else:
            out.append([pos, len(text.rstrip())])
    trimmed = []
    for start, end in out:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def spans_from_cuts(text: str, cuts: Iterable[int]) -> list[Span]:
    spans, pos = [], 0
    for cut in sorted(cuts):
        if pos < cut < len(text):
            spans.append((pos, cut))
            pos = cut
    spans.append((pos, len(text)))
    return cover(text, spans)


def closing_marks(text: str) -> set[int]:
    """Where the straight quotes that close a quotation are (one pass over the quotes; an
    apostrophe between letters, as in Let's, is neither)."""
    closing = set()
    double = single = 0
    last = len(text) - 1
    for match in _STRAIGHT_QUOTES.finditer(text):
        i = match.start()
        if text[i] == '"':
            if double % 2 == 1:
                closing.add(i)
            double += 1
        else:
            if 0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue
            if single % 2 == 1:
                closing.add(i)
            single += 1
    return closing


def trailing_start(text: str, start: int, end: int) -> int:
    """Where the run of opening marks and list markers that ends a sentence begins (``end``
    if there is none); scanned backwards from the end, so linear in the markers."""
    pos = end
    while pos > start:
        found = None
        for width in (3, 2, 1):
            at = pos - width
            if at <= start:
                continue
            piece = _MARKER_ALONE.fullmatch(text, at, pos)
            if piece is None:
                continue
            space = at
            while space > start and text[space - 1].isspace():
                space -= 1
            if _TRAILING_ONE.fullmatch(text, space, pos) and space > start:
                found = space
                break
        if found is None:
            return pos
        pos = found
    return pos


def repair(text: str, spans: list[Span]) -> list[Span]:
    """Move quotes, brackets and list markers to the sentence they belong to."""
    fixed = [list(span) for span in spans]
    closing = closing_marks(text)
    for i in range(1, len(fixed)):
        start, end = fixed[i]
        at = start
        while at < end and (text[at] in "”’」』)]" or (text[at] in "\"'" and at in closing)):
            at += 1
        if at > start and fixed[i - 1][1] == start:
            fixed[i - 1][1] = fixed[i][0] = at
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        cut = trailing_start(text, start, end)
        if start < cut < end:
            fixed[i][1] = fixed[i + 1][0] = cut
    merged: list[list[int]] = []
    marker_start = None  # a list marker alone starts the next sentence
    for span in fixed:
        if span[1] <= span[0]:
            continue
        body = text[span[0]:span[1]]
        if not wordy(body):
            if trailing_start("x " + body, 0, len(body) + 2) < len(body) + 2 and \
                    marker_start is None:
                marker_start = span[0]
                continue
            if merged:
                merged[-1][1] = span[1]
                continue
        if marker_start is not None:
            span[0], marker_start = marker_start, None
        if merged and not wordy(text[merged[-1][0]:merged[-1][1]]):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    if marker_start is not None:
        if merged:
            merged[-1][1] = len(text.rstrip())
        else:
            merged.append([marker_start, len(text.rstrip())])
    return cover(text, [tuple(span) for span in merged])


def wordy(text: str) -> bool:
    """Has letters or ASCII digits (a list marker such as ① or - has none)."""
    return _COMMON_WORDY.search(text) is not None or \
        any(ch.isalpha() or ch in "0123456789" for ch in text)
