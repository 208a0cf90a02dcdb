"""A persistent cache of sentence spans per paragraph, so unchanged text skips Kiwi.

Segmenting is the slowest part of reading an essay (Kiwi analyses every character, and
loading its model alone takes about a second and 500 MB). Between two ``l10n update``
runs most paragraphs do not change, and a paragraph's sentences depend on nothing but
its own text, so they are looked up by a digest of the text. Only new or edited
paragraphs go to Kiwi, and the model is not loaded at all when none changed.

The cache is one JSON file, ``.l10n-cache/segments.json`` in the project (``cache`` in
``[tool.l10n]`` moves it; ``cache = ""`` turns it off). It records a fingerprint of the
segmenter (the versions of l10n, kiwipiepy and its model, and the text of
``segment.py``): a different fingerprint discards it, so spans from another segmenter
are never reused.
It is written atomically, with a ``.gitignore`` that keeps it out of version control. An
entry is used only if it is a segmentation of its text (ordered spans, trimmed, covering
every character that is not a space); a cache that cannot be read or written is reported
as a warning and ignored.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import L10nError
from ..files import write_text_atomic

if TYPE_CHECKING:  # the segmenter's regular expressions take 0.1 s to compile: a run
    from .segment import Span  # that only reads the glossary or structure caches skips them

FILE_NAME = "segments.json"


def code_fingerprint(packages: tuple[str, ...], modules: tuple, label: str) -> str:
    """l10n's version, the ``packages``' versions and a digest of the ``modules``' code:
    what a cache of analyser results must match to be used."""
    from .. import __version__

    versions = [f"{package} {_version(package)}" for package in packages]
    code = hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in modules)
                          ).hexdigest()[:16]
    return f"l10n {__version__}; {'; '.join(versions)}; {label} {code}"


@cache
def _version(package: str) -> str:
    """An installed package's version, looked up once a process.

    Read from the name of the ``NAME-VERSION.dist-info`` folder beside the package, as the
    installer wrote it (the package is located, not imported); importlib.metadata, which
    with the email parser it imports is a tenth of a small check's start-up, only where
    that folder is not there to read (an editable or unusual install).
    """
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is not None and spec.origin and spec.submodule_search_locations:
        found = list(Path(spec.origin).parent.parent.glob(f"{package}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(package) + 1:-len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - all are dependencies
        return "?"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the segmenter: cached spans are valid only for the same one."""
    from . import segment

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model"), (segment,), "segment.py")


def text_key(text: str) -> str:
    """The cache key of a text: a short digest."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


class SegmentCache:
    """Sentence spans by paragraph text, read from and saved to ``folder``."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / FILE_NAME if folder is not None else None
        self._spans: dict[str, list[int]] = {}
        self._used: set[str] = set()
        self._dirty = False
        if self.path is not None:
            self._load()

    def _load(self) -> None:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except NotADirectoryError:
            self._dirty = True  # a file where the folder should be: saving will say so
            return
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            warn(f"{self.path}: unreadable segmentation cache ignored ({exc})")
            self._dirty = True  # rewrite it
            return
        if not isinstance(data, dict) or not isinstance(data.get("spans"), dict):
            warn(f"{self.path}: malformed segmentation cache ignored")
            self._dirty = True
            return
        if data.get("fingerprint") != fingerprint():
            self._dirty = True  # another segmenter: start afresh, silently (expected)
            return
        self._spans = data["spans"]

    def _lookup(self, text: str) -> list[Span] | None:
        flat = self._spans.get(text_key(text))
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
            found = self._lookup(text)
            if found is None:
                missing.append(i)
            else:
                result[i] = found
                self._used.add(text_key(text))
        if missing:
            for i, spans in zip(missing, segment([texts[i] for i in missing]), strict=True):
                result[i] = spans
                key = text_key(texts[i])
                self._spans[key] = [offset for span in spans for offset in span]
                self._used.add(key)
            self._dirty = True
        return [spans if spans is not None else [] for spans in result]

    def save(self, *, prune: bool = False) -> None:
        """Write the cache if it changed; ``prune`` keeps only the paragraphs used."""
        if self.path is None:
            return
        if prune and set(self._spans) != self._used:
            self._spans = {k: v for k, v in self._spans.items() if k in self._used}
            self._dirty = True
        if not self._dirty:
            return
        text = json.dumps({"fingerprint": fingerprint(), "spans": self._spans},
                          ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        try:
            write_text_atomic(self.path, text)
            # like .pytest_cache: the folder keeps itself out of version control
            write_text_atomic(self.path.parent / ".gitignore", "# made by l10n\n*\n")
        except L10nError as exc:
            warn(f"segmentation cache not saved: {exc}")
            return
        self._dirty = False
