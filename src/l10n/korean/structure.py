"""What Kiwi shows of a Korean sentence's structure, recorded so a second run loads no model.

The omission check (F004) asks of a sentence two things only Kiwi's analysis answers:
its longest enumeration of nouns (떡, 전, 식혜) and the eojeol that end a clause with a
connective ending (내렸지만). Both depend on nothing but the sentence's text, so they are
kept by a digest of the text in ``.l10n-cache/sentence-structures.json`` beside the
segmentation cache (``cache`` in ``[tool.l10n]``), as ``glossary/decisions.py`` keeps the
glossary's verdicts: ``l10n check`` on sentences already analysed, and CI with a cached
folder, never load Kiwi (constructing it costs about 0.6 s and its first call as much).

The file records a fingerprint of the analysis (the versions of l10n, kiwipiepy and its
model, and the text of this module and ``kiwi.py``, where the rules and the analyser's
options live); another fingerprint discards it. An entry is used only if it is well formed
and its spans lie inside its sentence; a cache that cannot be read or written is reported
as a warning and ignored, as the segmentation cache is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import RecordCache, code_fingerprint, text_key

FILE_NAME = "sentence-structures.json"

# connective endings that join two clauses (내렸지만 …, 회복했고 …, 두어야 하며 …)
CONNECTIVES = frozenset(["고", "지만", "며", "으며", "면서", "으면서", "는데", "은데", "ᆫ데",
                         "어서", "아서", "니까", "으니까", "으나", "나", "거나", "는데도",
                         "어", "아", "여"])  # 결항되어 "(it was) cancelled, so", 추워
# the bare connective -어/-아 after these verbs makes a postposition, not a clause
# (무엇을 위해 "for what", 이를 통해 "through this", 날씨에 따라 "depending on")
_BARE = frozenset(["어", "아", "여"])
_POSTPOSITIONAL = frozenset(["위하", "통하", "대하", "의하", "관하", "비하", "향하", "따르",
                             "걸치", "인하", "더불", "말미암", "불구하", "즈음하", "반하",
                             "의거하", "비롯하", "달하", "불과하", "앞두", "거치", "두"])
_NOUNISH = ("NN", "SL", "SN", "XR", "MM", "XPN", "XSN", "SH")

Span = tuple[int, int]


@dataclass(frozen=True)
class Structure:
    """What Kiwi shows of a Korean sentence: its longest enumeration and its clauses."""

    items: tuple[str, ...]  # the items of the longest enumeration of nouns (3 or more)
    joints: tuple[str, ...]  # the eojeol that end a clause with a connective ending


def _spans(tokens, text: str) -> tuple[list[Span], list[Span]]:
    """The spans of the longest enumeration's items and of the clause joints."""
    best: list[Span] = []
    run: list[Span] = []
    item_start = None
    last_end = 0
    joints = []
    for index, token in enumerate(tokens):
        tag, form = token.tag, token.form
        separator = (tag in ("SP", "SW") and form in (",", "、", "·", "ㆍ")) or tag == "JC" \
            or form == "및"
        if separator and item_start is not None:
            run.append((item_start, last_end))
            item_start = None
        elif tag.startswith(_NOUNISH):
            if item_start is None:
                item_start = token.start
            last_end = token.start + token.len
        else:
            if item_start is not None and run:
                run.append((item_start, last_end))
            if len(run) > len(best):
                best = run
            run, item_start = [], None
        if tag == "EC" and form in CONNECTIVES and not (
                form in _BARE and index and tokens[index - 1].form in _POSTPOSITIONAL):
            following = [t for t in tokens[index + 1:] if t.tag not in ("SP",)]
            rest = following[0] if following else None
            if rest is not None and not rest.tag.startswith(("VX", "E", "J")) and any(
                    t.tag.startswith(("VV", "VA", "XSV", "XSA", "VCP")) for t in following):
                start = text.rfind(" ", 0, token.start) + 1
                joints.append((start, token.start + token.len))
    if item_start is not None and run:
        run.append((item_start, last_end))
    if len(run) > len(best):
        best = run
    return (best if len(best) >= 3 else []), joints


def _structure(text: str, items: Iterable[Span], joints: Iterable[Span]) -> Structure:
    return Structure(tuple(text[s:e] for s, e in items), tuple(text[s:e] for s, e in joints))


def analyse(tokens, text: str) -> Structure:
    """The enumeration and clause joints of one sentence, from Kiwi's tokens."""
    return _structure(text, *_spans(tokens, text))


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the analysis: recorded structures are valid only for the same one."""
    from . import kiwi, structure

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model"), (structure, kiwi), "structure")


class StructureCache(RecordCache):
    """Enumeration and joint spans per sentence, read from and saved to ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "structures"
    WHAT = "sentence structure cache"

    FINGERPRINT = staticmethod(fingerprint)

    def lookup(self, text: str) -> Structure | None:
        """The recorded structure of ``text``, or None if there is none to trust."""
        found = self.records.get(text_key(text))
        if not (isinstance(found, list) and len(found) == 2
                and all(isinstance(flat, list) and len(flat) % 2 == 0 for flat in found)):
            return None
        pairs = []
        for flat in found:
            spans = list(zip(flat[::2], flat[1::2], strict=True))
            if not all(type(s) is int and type(e) is int and 0 <= s <= e <= len(text)
                       for s, e in spans):
                return None  # never trust an entry that does not fit its sentence
            pairs.append(spans)
        if len(pairs[0]) in (1, 2):
            return None  # an enumeration has three items or none
        return _structure(text, *pairs)

    def analyse_many(self, texts: list[str]) -> dict[str, Structure]:
        """The structure of each text: recorded ones looked up, the rest in one Kiwi batch."""
        found: dict[str, Structure] = {}
        missing = []
        for text in dict.fromkeys(texts):
            known = self.lookup(text)
            if known is None:
                missing.append(text)
            else:
                found[text] = known
        if missing:
            from .analyser import tokenize

            for text, tokens in zip(missing, tokenize(missing), strict=True):
                items, joints = _spans(tokens, text)
                found[text] = _structure(text, items, joints)
                self.records[text_key(text)] = [[o for span in spans for o in span]
                                               for spans in (items, joints)]
            self.dirty = True
        return found


def analyse_many(texts: list[str], folder: Path | None = None) -> dict[str, Structure]:
    """The structure of each text, recorded in ``folder`` (None: analysed, not kept).

    The file is written even when there is nothing to record, the first time: its presence
    tells the next run that the analyses are kept (``checks.omission.analysis_likely``).
    """
    if not texts and (folder is None or (folder / FILE_NAME).is_file()):
        return {}
    cache = StructureCache(folder)
    if cache.path is not None and not cache.path.is_file():
        cache.dirty = True
    found = cache.analyse_many(texts)
    cache.save()
    return found
