"""A persistent cache of sentence spans per paragraph, so unchanged text skips Kiwi.

Segmenting is the slowest part of reading an essay (Kiwi analyses every character, and
loading its model alone takes about a second and 500 MB). Between two ``l10n update``
runs most paragraphs do not change, and a paragraph's sentences depend on nothing but
its own text, so they are looked up by a digest of the text. Only new or edited
paragraphs go to Kiwi, and the model is not loaded at all when none changed.

The cache is one JSON file, ``.l10n-cache/segments.json`` in the project (``cache`` in
``[tool.l10n]`` moves it; ``cache = ""`` turns it off). It records a fingerprint of the
segmenter (the versions of l10n, kiwipiepy and its model, and the text of
``segment.py``, ``repairs.py`` and ``kiwi.py``): a different fingerprint discards it, so
spans from another segmenter are never reused.
It is written atomically, with a ``.gitignore`` that keeps it out of version control. An
entry is used only if it is a segmentation of its text (ordered spans, trimmed, covering
every character that is not a space); a cache that cannot be read or written is reported
as a warning and ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..cache import RecordCache, code_fingerprint, text_key

if TYPE_CHECKING:  # the segmenter's regular expressions take 0.1 s to compile: a run
    from .segment import Span  # that only reads the glossary or structure caches skips them

FILE_NAME = "segments.json"
SOURCES_FILE = "segmented-sources.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the segmenter: cached spans are valid only for the same one (the code of
    every module that decides a boundary: the cuts, the repairs, Kiwi's options)."""
    from . import kiwi, repairs, segment

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model"), (segment, repairs, kiwi),
                            "segment.py")


class SegmentCache(RecordCache):
    """Sentence spans by paragraph text, read from and saved to ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "spans"
    WHAT = "segmentation cache"

    def __init__(self, folder) -> None:
        self._used: set[str] = set()
        self._looked_up: dict[str, list[Span] | None] = {}  # by ``missing``, for ``split``
        super().__init__(folder)

    FINGERPRINT = staticmethod(fingerprint)

    def _lookup(self, text: str) -> list[Span] | None:
        flat = self.records.get(text_key(text))
        if not isinstance(flat, list) or len(flat) % 2:
            return None
        spans = list(zip(flat[::2], flat[1::2], strict=True))
        previous = 0
        for start, end in spans:  # never trust an entry that is not a segmentation of the text
            if not (type(start) is int and type(end) is int
                    and previous <= start < end <= len(text)
                    and not text[previous:start].strip()
                    and not text[start].isspace() and not text[end - 1].isspace()):
                return None
            previous = end
        if text[previous:].strip():
            return None  # spans must cover every character that is not a space
        return spans

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts ``split`` will give its ``segment``: those not cached, in order."""
        return [text for text in texts if text.strip() and self._known(text) is None]

    def _known(self, text: str) -> list[Span] | None:
        if text not in self._looked_up:
            self._looked_up[text] = self._lookup(text)
        return self._looked_up[text]

    def split(self, texts: Iterable[str],
              segment: Callable[[list[str]], list[list[Span]]]) -> list[list[Span]]:
        """Spans for each text: cached ones looked up, the rest from ``segment`` in one batch."""
        texts = list(texts)
        result: list[list[Span] | None] = [None] * len(texts)
        missing: list[int] = []
        for i, text in enumerate(texts):
            if not text.strip():
                result[i] = []
                continue
            found = self._known(text)
            if found is None:
                missing.append(i)
            else:
                result[i] = found
                self._used.add(text_key(text))
        if missing:
            for i, spans in zip(missing, segment([texts[i] for i in missing]), strict=True):
                result[i] = spans
                key = text_key(texts[i])
                self.records[key] = [offset for span in spans for offset in span]
                self._used.add(key)
            self.dirty = True
        self._looked_up.clear()  # records were added: look again next time
        return [spans if spans is not None else [] for spans in result]

    def keep(self, keys) -> None:
        """Count the paragraphs of these keys as used (an essay not read this run)."""
        self._used.update(key for key in keys if key in self.records)

    def save(self, *, prune: bool = False) -> None:
        """Write the cache if it changed; ``prune`` keeps only the paragraphs used."""
        if prune:
            self.keep_only(self._used)
        super().save()


class SegmentedSources(RecordCache):
    """A digest of each essay file whose every paragraph the segmentation cache held at
    the end of the last run, by the file's path in the project: an essay whose bytes are
    the same needs no Kiwi. ``update`` asks this before it parses anything, to start
    Kiwi early (``korean.analyser``) only when it will be needed. Only a guess, never a
    result: a wrong one costs time, not a span."""

    FILE_NAME = SOURCES_FILE
    SECTION = "essays"
    WHAT = "segmented sources record"
    FINGERPRINT = staticmethod(fingerprint)

    def all_known(self, digests: dict[str, str]) -> bool:
        """Whether every essay (path: digest) was segmented, with these bytes, already."""
        return all(self.records.get(path) == digest for path, digest in digests.items())

    def record(self, digests: dict[str, str], *, prune: bool = False) -> None:
        """Remember these essays as segmented; ``prune``: forget every other one."""
        records = {} if prune else dict(self.records)
        records.update(digests)
        if records != self.records:
            self.records = records
            self.dirty = True
        self.save()
