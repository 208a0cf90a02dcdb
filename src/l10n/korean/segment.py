"""Korean sentence segmentation on top of the Kiwi morphological analyser.

Kiwi (kiwipiepy) decides sentence boundaries from its morphological analysis, so it
knows a final ending (-다, -까, -요) from a connective one and needs no list of
abbreviations. This module adds what a PO pipeline needs around it:

* lossless spans: the text between two sentences is whitespace only, and joining the
  sentences with their separators gives back the block exactly;
* repairs for what Kiwi gets wrong in essay prose, each decided from Kiwi's own
  morphemes and written as one pass over the text or over the cut positions (so the
  whole step is linear in the paragraph): see ``_decide``. The editorial conventions
  they follow are those of ``tests/data/segment_gold/README.md`` and issue 17;
* batching: the model is loaded once per process and all blocks are analysed in one
  call (Kiwi's batch mode runs on all cores).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import groupby

from .kiwi import kiwi
from .repairs import cover, repair, spans_from_cuts

Span = tuple[int, int]

# Kiwi tags of morphemes that carry no content (symbols, interjections).
_DECORATION_TAGS = {"IC", "SW", "SF", "SE", "SO", "SP", "SS", "SSO", "SSC", "W_EMOJI"}
# Connective endings Kiwi may tag EF in front of an ellipsis (나고..., 했는데...).
_CONNECTIVE_FORMS = ("고", "며", "서", "데", "면", "지만", "니까", "려고", "도록", "게")
# Endings that close a sentence even where Kiwi tags them connective (흘렀다… 아무것도).
_FINAL_FORMS = ("다", "요", "까", "죠", "네", "군", "구나")
# Connective endings Kiwi sometimes tags final with no punctuation after them (class 7).
_CONNECTIVE_EF = re.compile(r"(?:고|며|데|지만|면|서|니까|다가|야)$")
# ... but a reported clause may end a sentence (했다고, 가라고, 뭐냐고, 가자고, 좋더라고).
_REPORTED_END = re.compile(r"(?:다|라|냐|자|더라)고$")
_ELLIPSIS_OR_LAUGH = re.compile(r"(?:\.{2,}|…+|[ㄱ-ㅎㅏ-ㅣ]{2,}|\^\^|~+|;;+)(?=\s)")
_GLUED_ELLIPSIS = re.compile(r"(?<=[가-힣])(?:\.{2,}|…+)(?=[가-힣])")
_LAUGHTER = re.compile(r"(?<=[가-힣])[ㅋㅎㅠㅜ]{2,}(?=\s+\S)")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")
_DOTTED = re.compile(r"(?<![가-힣.])[가-힣](?:\.[가-힣]){2,}(?![가-힣])")
# A finished sentence, then a space, then an opening quote, bracket or marker.
_END_THEN_OPENER = re.compile(
    r"(?<=[가-힣])[.?!…]+[\"”’']?(\s+)(?=[\"“‘'(`①-⑳「『《〈【]|<[A-Za-z]|!\[)")
# A dialogue turn: a closed quotation, then a new one or a speaker's name (class 8).
_DIALOGUE_TURN = re.compile(r"[.?!…~][\"”](\s+)(?=[\"“]|[가-힣A-Za-z]{1,10} ?: )")
# A bracket after a finished sentence: a title or label opens the next sentence; a
# footnote marker ([3], [주 2], [^1]) stays with the one before (class 4).
_BRACKET_AFTER_END = re.compile(
    r"[.?!…][\"”’']?(\s*)([\[《「『〈【])([^\[\]《》「」『』〈〉【】\n]{1,40})([\]》」』〉】])")
_FOOTNOTE_MARK = re.compile(r"\^?\w{1,8}|주 ?\d{1,3}|각주 ?\d{1,3}|\*{1,3}|\d{1,3}[-–,]\d{1,3}")
_FOOTNOTE_LIKE = re.compile(r"\^?\d{1,3}|\^\w{1,8}|주 ?\d{1,3}|각주 ?\d{1,3}|\*{1,3}")
# An English sentence end followed by a Korean (or another English) sentence (class 5).
_LATIN_END = re.compile(r"(?<=[A-Za-z])[.?!][\"”’']?(\s+)(?=[가-힣\"“‘(]|[A-Z][a-z])")
# initials written without spaces (D.H. 로렌스, G.N. Lewis): a name goes on after them
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr e.g i.e vs etc cf inc no vol pp p co corp ltd fig sec approx "
    "ca al u.s a.i feat p.m a.m op ed eds rev gen col lt sgt mt ave dept est min max".split())
# No space after a full stop (늘었다.2021년에는, 떠났다."왜?"): a new sentence (class 6).
_GLUED_END = re.compile(r"(?<=[가-힣])[.?!]+(?=[가-힣0-9\"“‘(\[])")
# A quoted clause without quote marks: 왜 이럴까? 하고 생각했다; 그만할까 싶었다 (class 1).
_QUOTING_START = re.compile(
    r"\s*(?:하고|하며|하면서|하는|하던|하더니|하곤|하니|하자|하길래|하기에|싶[다어었은는지게고으]"
    r"|(?:이)?라(?:는|고|며|면서|니|던)|(?:이)?란)(?=[\s.,?!…]|$)")
# A closed quotation followed by a quoting word is embedded in its sentence (class 2).
_QUOTE_FOLLOWER = re.compile(
    r"\s*(?:(?:이)?라(?:고|며|면서|는|던|니)|(?:이)?란|고(?=\s)|며(?=\s)|하(?:고|며|면서|는|던|더니|곤|자|니)"
    r"|는(?=\s))")
_LIST_MARKER = re.compile(
    r"(?<=[\w.?!…)\]])(\s+)(?=[•■□▪◦●○▶►※└]\s|[①-⑳]\s|-\s+[가-힣A-Za-z])"
    r"|(?<=[가-힣A-Za-z.?!)])(\s+)(?=\d{1,2}[.)]\s+[가-힣])")
# An aside in parentheses glued to the word before it and to a Korean letter after it
# (머스크(A.P. Moller-Maersk)는): a sentence never ends inside it.
_GLUED_ASIDE = re.compile(r"(?<=[^\s(])\([^()\n]{1,80}\)(?=[가-힣])")
# Inline Markdown and HTML a sentence never ends inside: an image or link, code, a tag.
_INLINE_MARKUP = re.compile(
    r"!?\[[^\[\]\n]{0,300}\]\([^()\s]{0,500}(?:\s+\"[^\"\n]{0,300}\")?\)"
    r"|`[^`\n]{1,300}`|<[A-Za-z/][^<>\n]{0,300}>|(\[\^[^\]\s]{1,40}\])")
_STRAIGHT_QUOTE = re.compile('"')
_HANGUL = re.compile("[가-힣]")
_SPACE_HANGUL = re.compile(r"\s+[가-힣]")
_PAREN_NOTE = re.compile(r"\(([^()\n]{1,200})\)")


class _Morphemes:
    """Kiwi's morphemes of one text as parallel lists (form, tag, start, end) in order of
    start, and the last content morpheme ending at each offset. Kiwi's tokens are read
    once, never copied one by one: a morpheme is its index in these lists."""

    def __init__(self, text: str, pieces: Sequence[tuple[int, list]]) -> None:
        self.text = text
        forms: list[str] = []
        tags: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for offset, tokens in pieces:  # (where the piece starts in the text, its tokens)
            forms += [t.form for t in tokens]
            tags += [t.tag for t in tokens]
            if offset:
                starts += [t.start + offset for t in tokens]
                ends += [t.end + offset for t in tokens]
            else:
                starts += [t.start for t in tokens]
                ends += [t.end for t in tokens]
        ordered = sorted(starts)
        if ordered != starts:  # rare: Kiwi gives a morpheme before one that starts earlier
            order = sorted(range(len(starts)), key=starts.__getitem__)
            forms = [forms[i] for i in order]
            tags = [tags[i] for i in order]
            ends = [ends[i] for i in order]
            starts = ordered
        self.forms, self.tags, self.starts, self.ends = forms, tags, starts, ends
        # char offset -> the last content morpheme ending there
        self.ending_at = {end: i for i, (end, tag) in enumerate(zip(ends, tags, strict=True))
                          if tag not in _DECORATION_TAGS}

    def before(self, index: int, reach: int = 24) -> int | None:
        """The content morpheme ending at ``index`` or just before it (spaces skipped)."""
        floor = max(0, index - reach)
        ending_at = self.ending_at
        while index > floor and index not in ending_at:
            index -= 1
        return ending_at.get(index)

    def final(self, i: int | None) -> bool:
        """Does morpheme ``i`` end a sentence (a final ending, not a connective one)?"""
        if i is None:
            return False
        form, tag = self.forms[i], self.tags[i]
        if form.endswith(_CONNECTIVE_FORMS):
            return False
        return tag == "EF" or (tag in ("EC", "JX") and form.endswith(_FINAL_FORMS))

    def final_before(self, index: int) -> bool:
        return self.final(self.before(index))

    def tags_inside(self, start: int, end: int) -> list[str]:
        """The tags of the morphemes starting in ``[start, end)``."""
        return self.tags[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _quote_pairs(text: str) -> Iterable[tuple[int, int]]:
    """Opening and closing positions of double quotations, in one pass (straight quotes
    alternate; curly ones say which they are)."""
    opened = None
    for match in re.finditer(r"[“”\"]", text):
        mark, at = match.group(0), match.start()
        if mark == "“" or (mark == '"' and opened is None):
            opened = at
        elif opened is not None:
            yield opened, at
            opened = None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the word ending at ``dot`` (a full stop) an abbreviation or an initial?"""
    start = dot
    while start > 0 and dot - start < 12 and text[start - 1].isascii() and \
            (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().strip(".")
    return len(word) <= 1 or word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def _decide(text: str, spans: list[Span], m: _Morphemes) -> set[int]:
    """The cut positions: Kiwi's, then each repair as one pass over the text or the cuts."""
    kiwi_cuts = {end for _, end in spans[:-1]}
    add: set[int] = set()
    drop: set[int] = set()
    protect: list[tuple[int, int]] = []  # no cut at lo < x <= hi
    end_of_text = len(text.rstrip())

    # Ellipses, laughter and emoticons after a final ending end a sentence; after anything
    # else they do not (class 9: also when the ellipsis is glued to the next word).
    for match in _ELLIPSIS_OR_LAUGH.finditer(text):
        if match.end() >= end_of_text:
            continue
        if m.final_before(match.start()):
            add.add(match.end())
        elif match.group(0)[0] in ".…":
            drop.add(match.end())
    for match in _GLUED_ELLIPSIS.finditer(text):
        (add if m.final_before(match.start()) else drop).add(match.end())
    for match in _LAUGHTER.finditer(text):  # 같아ㅠㅠ 일곱 시: a laughter run then a space
        add.add(match.end())
    i = -1
    while True:  # 가 보려고요 그런데: a final ending, a space, a conjunction (list.index
        try:     # finds each MAJ without a Python step per morpheme)
            i = m.tags.index("MAJ", i + 1)
        except ValueError:
            break
        start = m.starts[i]
        if start > 0 and text[start - 1].isspace():
            before = m.before(start)
            if m.final(before) and not text[m.ends[before]:start].strip():
                add.add(m.ends[before])
    for match in _END_THEN_OPENER.finditer(text):
        add.add(match.start(1))
    for match in _DIALOGUE_TURN.finditer(text):
        add.add(match.start(1))
    for match in _BRACKET_AFTER_END.finditer(text):
        close = match.end()
        if _FOOTNOTE_LIKE.fullmatch(match.group(3)):  # [3]: stays with the sentence before
            drop.update((match.start(1), match.end(1)))
            if close < end_of_text and text[close:close + 1].isspace():
                add.add(close)
        # [설정], 《책》: a title or label opens the next sentence (a short ASCII word in
        # square brackets, [Note], may be either: Kiwi decides)
        elif match.group(2) != "[" or not _FOOTNOTE_MARK.fullmatch(match.group(3)) or \
                not match.group(3).isascii():
            add.add(match.start(1))
            after = close + len(text[close:]) - len(text[close:].lstrip())
            drop.update((close, after))
    for match in _LIST_MARKER.finditer(text):
        add.add(match.start(1) if match.group(1) is not None else match.start(2))
    for match in _LATIN_END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            add.add(match.start(1))
    quotes = None
    for match in _GLUED_END.finditer(text):
        at = match.end()
        if text[at] == '"' and quotes is None:
            quotes = [q.start() for q in _STRAIGHT_QUOTE.finditer(text)]
        if text[at] == '"' and bisect_left(quotes, at) % 2:  # a closing quote, not an opening
            continue
        if m.final_before(match.start()):
            add.add(at)
    for cut in kiwi_cuts:  # 밥을 먹고 | 학교에: a connective ending Kiwi took for a final
        i = m.ending_at.get(cut)
        if i is not None and m.tags[i] == "EF" and text[cut - 1] >= "가" and \
                _CONNECTIVE_EF.search(m.forms[i]) and not _REPORTED_END.search(text[:cut][-4:]):
            drop.add(cut)

    candidates = sorted(kiwi_cuts | add)
    for cut in candidates:
        following = text[cut:cut + 12]
        if _QUOTING_START.match(following):  # 이게 맞나? 하고 | 그만할까 싶었다
            drop.add(cut)
            continue
        previous = text[cut - 1] if cut else ""
        if previous in "\"”’')」』》〉" and _HANGUL.match(following):
            drop.add(cut)  # "...관건"이라는: a quotation glued to its particle
        elif previous in "\"”" and cut >= 2 and text[cut - 2] not in ".?!…~" and \
                _SPACE_HANGUL.match(following):
            drop.add(cut)  # "...두자" 같은: a quotation with no final punctuation is embedded
        emoji = _EMOJI.match(text, cut + len(following) - len(following.lstrip()))
        if emoji:  # 예약했어 | 👍 두 명: the emoji joins the sentence before
            drop.add(cut)
            if emoji.end() < end_of_text:
                add.add(emoji.end())
    for opened, closed in _quote_pairs(text):  # 그는 "걱정 마. 다 잘될 거야." 하며 웃었다
        follower = _QUOTE_FOLLOWER.match(text, closed + 1)
        if follower:
            protect.append((opened, closed + 1 + len(follower.group(0)) -
                            len(follower.group(0).lstrip())))
    for match in _GLUED_ASIDE.finditer(text):  # 로렌스(D.H. Lawrence)는: inside a sentence
        protect.append((match.start(), match.end() - 1))
    for match in _DOTTED.finditer(text):  # 진.짜.최.고: emphasis, no boundary
        protect.append((match.start(), match.end() - 1))
    for match in _INLINE_MARKUP.finditer(text):  # ![그림](a.png), `코드`, <b>: never cut
        # inside, nor right after it (but after a footnote reference: 했다.[^1] | 다음)
        protect.append((match.start(), match.end() - (match.group(1) is not None)))

    cuts = sorted((kiwi_cuts | add) - drop)
    if protect:  # one sweep over the cuts and the union of the protected ranges
        merged: list[list[int]] = []
        for lo, hi in sorted(protect):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        kept, p = [], 0
        for cut in cuts:
            while p < len(merged) and merged[p][1] < cut:
                p += 1
            if not (p < len(merged) and merged[p][0] < cut <= merged[p][1]):
                kept.append(cut)
        cuts = kept
    return set(cuts)


def _attach(text: str, spans: list[Span], m: _Morphemes) -> list[Span]:
    """Fragments that belong to the sentence before: a lone interjection or symbol, and a
    note in parentheses without a verb after a finished sentence (우승했다. (2010년 기준))."""
    merged: list[list[int]] = []
    for start, end in spans:
        inner = m.tags_inside(start, end)
        if merged and inner and _DECORATION_TAGS.issuperset(inner) and \
                text[merged[-1][1] - 1] not in ".?!…":
            merged[-1][1] = end
            continue
        note = _PAREN_NOTE.match(text, start, end)
        if merged and note and text[merged[-1][1] - 1] in ".?!…\"”" and \
                (note.end() == end or text[note.end()].isspace()) and \
                not note.group(1).rstrip().endswith((".", "?", "!", "…")) and \
                "EF" not in m.tags_inside(note.start(), note.end()):
            merged[-1][1] = note.end()
            if note.end() < end:
                rest = text[note.end():end]
                merged.append([end - len(rest.lstrip()), end])
            continue
        merged.append([start, end])
    return [tuple(span) for span in merged]


def _segment(text: str, spans: list[Span], pieces: Sequence[tuple[int, list]],
             seams: Sequence[int] = ()) -> list[Span]:
    morphemes = _Morphemes(text, pieces)
    spans = _join_seams(text, spans, morphemes, seams)
    cuts = _decide(text, spans, morphemes)
    return repair(text, _attach(text, spans_from_cuts(text, cuts), morphemes))


CHUNK = 1000  # characters Kiwi analyses at once: its own cost grows faster than the length


def _pieces(text: str) -> list[tuple[int, int]]:
    """Cut a long text into pieces of about ``CHUNK`` characters for Kiwi, at a likely
    sentence end (a Korean word, a full stop, a space), else at a space, else anywhere;
    each search looks at one window, so this is linear."""
    pieces, start = [], 0
    while len(text) - start > CHUNK * 2:
        target = start + CHUNK
        cut = None
        for pattern in (_SEAM_END, _SEAM_PUNCT, _SEAM_SPACE):
            match = pattern.search(text, target, target + CHUNK)
            if match:
                cut = match.end()
                break
        cut = cut if cut is not None else target
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


_SEAM_END = re.compile(r"(?<=[가-힣][.?!])\s+")
_SEAM_PUNCT = re.compile(r"(?<=[.?!…])\s+")
_SEAM_SPACE = re.compile(r"\s+")


def _join_seams(text: str, spans: list[Span], m: _Morphemes, seams: Sequence[int]) -> list[Span]:
    """Where a long text was cut into pieces for Kiwi, keep the seam as a boundary only
    after a final ending and its full stop (as Kiwi would have); else join the two."""
    if not seams:
        return spans
    joined: list[list[int]] = []
    seam_set = set(seams)
    for start, end in spans:
        if joined:
            gap = text[joined[-1][1]:start]
            seam = joined[-1][1] + len(gap) - len(gap.lstrip()) if not gap.strip() else -1
            if seam in seam_set or joined[-1][1] in seam_set:
                before = joined[-1][1]
                punct = text[before - 1] if before else ""
                if not (punct in ".?!" and m.final_before(before - 1)):
                    joined[-1][1] = end
                    continue
        joined.append([start, end])
    return [tuple(span) for span in joined]


def split_spans(texts: Iterable[str], *, morphemes: list | None = None) -> list[list[Span]]:
    """Sentence spans for each text, analysing all texts in one Kiwi batch (a long text
    in pieces, so the whole is linear in its length).

    ``morphemes``, if given, receives for each text the list of Kiwi's morphemes as
    ``(start, form, tag)`` with ``start`` an offset in that text (for what else reads the
    analysis, such as the aligner's morphology), so no one analyses the text again.
    """
    texts = list(texts)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    result: list[list[Span]] = [[] for _ in texts]
    if not todo:
        return result
    jobs = [(i, start, end) for i in todo for start, end in _pieces(texts[i])]
    # tokenize, not split_into_sents: the same analysis without a Python Sentence per
    # sentence; a sentence is a run of tokens with one sent_position, from the start of
    # its first to the end of its last (as split_into_sents computes it).
    analysed = kiwi().tokenize([texts[i][start:end] for i, start, end in jobs])
    found: dict[int, tuple[list[Span], list[tuple[int, list]], list[int]]] = {}
    for (i, offset, end), tokens in zip(jobs, analysed, strict=True):
        spans, pieces, seams = found.setdefault(i, ([], [], []))
        at = 0
        for _, run in groupby([t.sent_position for t in tokens]):
            first = tokens[at]
            at += len(list(run))
            last = tokens[at - 1]
            if last.end > first.start:
                spans.append((offset + first.start, offset + last.end))
        pieces.append((offset, tokens))
        if end < len(texts[i]):
            seams.append(end)
    for i in todo:
        text = texts[i]
        spans, pieces, seams = found[i]
        result[i] = _segment(text, cover(text, spans), pieces, seams)
    if morphemes is not None:
        for i in range(len(texts)):
            morphemes.append([(offset + t.start, t.form, t.tag)
                              for offset, tokens in (found[i][1] if i in found else ())
                              for t in tokens])
    return result


def split_sentences(text: str) -> list[str]:
    """The sentences of one text, exactly as they stand in it."""
    return [text[start:end] for start, end in split_spans([text])[0]]
