"""Korean sentence segmentation on top of the Kiwi morphological analyser.

Kiwi (kiwipiepy) decides sentence boundaries from its morphological analysis, so it
knows a final ending (-다, -까, -요) from a connective one and needs no list of
abbreviations. This module adds what a PO pipeline needs around it:

* lossless spans: the text between two sentences is whitespace only, and joining the
  sentences with their separators gives back the block exactly;
* repairs, decided from Kiwi's own morphemes, for what it gets wrong in essay prose
  (see ``_refine``): ellipses and emoticons after a final ending end a sentence, after
  anything else they do not; a quotation, bracket or list marker after a finished
  sentence starts a new one; a
  quotation glued to its particle (``"..."이라는``) is not cut off; a lone interjection
  (``뭐^^``) stays with its sentence; list markers (``①``, ``-``, ``□``) start the
  next item rather than end the previous one;
* batching: the model is loaded once per process and all blocks are analysed in one
  call (Kiwi's batch mode runs on all cores).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .kiwi import kiwi

Span = tuple[int, int]

# Kiwi tags of morphemes that carry no content (symbols, interjections).
_DECORATION_TAGS = {"IC", "SW", "SF", "SE", "SO", "SP", "SS", "SSO", "SSC", "W_EMOJI"}
# Connective endings Kiwi may tag EF in front of an ellipsis (나고..., 했는데...).
_CONNECTIVE_FORMS = ("고", "며", "서", "데", "면", "지만", "니까", "려고", "도록", "게")
# Endings that close a sentence even where Kiwi tags them connective (흘렀다… 아무것도).
_FINAL_FORMS = ("다", "요", "까", "죠", "네", "군", "구나")
_ELLIPSIS_OR_LAUGH = re.compile(r"(?:\.{2,}|…+|[ㄱ-ㅎㅏ-ㅣ]{2,}|\^\^|~+|;;+)(?=\s)")
# A finished Korean sentence, then a space, then an opening quote, bracket or marker.
_END_THEN_OPENER = re.compile(r"(?<=[가-힣])[.?!…]+[\"”’']?(\s+)(?=[\"“‘'(`①-⑳「『《〈])")
# A list item glued into a paragraph: a bullet, a circled number, or "2." / "3)" after a word.
_LIST_MARKER = re.compile(
    r"(?<=[\w.?!…)\]])(\s+)(?=[•■□▪◦●○▶►※└]\s|[①-⑳]\s|-\s+[가-힣A-Za-z])"
    r"|(?<=[가-힣A-Za-z.?!)])(\s+)(?=\d{1,2}[.)]\s+[가-힣])")
_LEADING_CLOSERS = re.compile(r"^[\"'”’」』)\]]+")
_TRAILING_MARKERS = re.compile(
    r"(?:\s+[\"'(\[]|\s*[“‘「『]|\s+(?:[-–—•·∙◦▪■□▶▷►※★☆○●◎◇◆→*+]|[①-⑳㉠-㉭]|\d{1,2}[.)]))+$")


def _cover(text: str, spans: Sequence[Span]) -> list[Span]:
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
        chunk = text[start:end]
        left, right = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
        if end - right > start + left:
            trimmed.append((start + left, end - right))
    return trimmed


def _refine(text: str, spans: list[Span], tokens) -> list[Span]:
    """Re-decide boundaries Kiwi gets wrong, using Kiwi's own morphemes."""
    ending_at = {}  # char offset -> the last content morpheme ending there
    for token in tokens:
        if token.tag not in _DECORATION_TAGS:
            ending_at[token.start + token.len] = token
    cuts = {end for _, end in spans[:-1]}

    def morpheme_before(index: int):
        while index > 0 and (text[index - 1].isspace() or index not in ending_at):
            index -= 1
            if index in ending_at:
                break
        return ending_at.get(index)

    for match in _ELLIPSIS_OR_LAUGH.finditer(text):
        if match.end() >= len(text.rstrip()):
            continue
        if _final(morpheme_before(match.start())):
            cuts.add(match.end())
        elif match.group(0)[0] in ".…":
            cuts.discard(match.end())
    for token in tokens:  # 가 보려고요 그런데: a final ending, a space, a conjunction
        if token.tag == "MAJ" and token.start > 0 and text[token.start - 1].isspace():
            before = morpheme_before(token.start)
            if _final(before) and not text[before.start + before.len:token.start].strip():
                cuts.add(before.start + before.len)
    for match in _END_THEN_OPENER.finditer(text):
        cuts.add(match.start(1))
    for match in _LIST_MARKER.finditer(text):
        cuts.add(match.start(1) if match.group(1) is not None else match.start(2))
    for start, _ in spans[1:]:  # "...관건"이라는: a quotation glued to its particle
        if start > 0 and text[start - 1] in "\"”’')」』》〉" and re.match(r"[가-힣]", text[start:]):
            cuts.discard(start)
    for _, end in spans[:-1]:  # "...두자" 같은: a quotation with no final punctuation is embedded
        if text[end - 1] in "\"”" and end >= 2 and text[end - 2] not in ".?!…~" and \
                re.match(r"\s+[가-힣]", text[end:]):
            cuts.discard(end)
    rebuilt = _from_cuts(text, cuts)
    merged: list[list[int]] = []
    for start, end in rebuilt:  # a lone interjection or symbol stays with its sentence
        inner = [t for t in tokens if start <= t.start < end]
        if merged and inner and all(t.tag in _DECORATION_TAGS for t in inner) and \
                text[merged[-1][1] - 1] not in ".?!…":
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]


def _final(token) -> bool:
    """Does this morpheme end a sentence (a final ending, not a connective one)?"""
    if token is None or token.form.endswith(_CONNECTIVE_FORMS):
        return False
    return token.tag == "EF" or (token.tag in ("EC", "JX") and token.form.endswith(_FINAL_FORMS))


def _from_cuts(text: str, cuts: set[int]) -> list[Span]:
    spans, pos = [], 0
    for cut in sorted(cuts):
        if pos < cut < len(text):
            spans.append((pos, cut))
            pos = cut
    spans.append((pos, len(text)))
    return _cover(text, spans)


def _repair(text: str, spans: list[Span]) -> list[Span]:
    """Move quotes, brackets and list markers to the sentence they belong to."""
    fixed = [list(span) for span in spans]
    for i in range(1, len(fixed)):
        start, end = fixed[i]
        match = _LEADING_CLOSERS.match(text[start:end])
        if match and fixed[i - 1][1] == start:
            fixed[i - 1][1] = fixed[i][0] = start + match.end()
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        match = _TRAILING_MARKERS.search(text[start:end])
        if match and match.start() > 0:
            fixed[i][1] = fixed[i + 1][0] = start + match.start()
    merged: list[list[int]] = []
    marker_start = None  # a list marker alone starts the next sentence
    for span in fixed:
        body = text[span[0]:span[1]]
        if not _wordy(body):
            if _TRAILING_MARKERS.search(" " + body) and marker_start is None:
                marker_start = span[0]
                continue
            if merged:
                merged[-1][1] = span[1]
                continue
        if marker_start is not None:
            span[0], marker_start = marker_start, None
        if merged and not _wordy(text[merged[-1][0]:merged[-1][1]]):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    if marker_start is not None:
        if merged:
            merged[-1][1] = len(text.rstrip())
        else:
            merged.append([marker_start, len(text.rstrip())])
    return _cover(text, [tuple(span) for span in merged])


def _wordy(text: str) -> bool:
    """Has letters or ASCII digits (a list marker such as ① or - has none)."""
    return any(ch.isalpha() or ch in "0123456789" for ch in text)


def split_spans(texts: Iterable[str]) -> list[list[Span]]:
    """Sentence spans for each text, analysing all texts in one Kiwi batch."""
    texts = list(texts)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    result: list[list[Span]] = [[] for _ in texts]
    if not todo:
        return result
    analysed = kiwi().split_into_sents([texts[i] for i in todo], return_tokens=True)
    for i, sentences in zip(todo, analysed, strict=True):
        text = texts[i]
        spans = _cover(text, [(s.start, s.end) for s in sentences if s.end > s.start])
        tokens = [token for s in sentences for token in (s.tokens or ())]
        result[i] = _repair(text, _refine(text, spans, tokens))
    return result


def split_sentences(text: str) -> list[str]:
    """The sentences of one text, exactly as they stand in it."""
    return [text[start:end] for start, end in split_spans([text])[0]]
