"""Read an essay (Markdown or plain text): its bytes decoded strictly, its blocks
(``blocks.py``: headings, paragraphs, quotes, list items ...) checked into a ``Draft``,
and the drafts of a run segmented into sentences in one batch. Also: the essay files of
a project's source folder and their names.

Only block structure is used: inline markup (emphasis, links, code) stays inside the
block text, and so inside the sentences a translator sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .blocks import DEFAULT_FIELDS, RawBlock, markdown_blocks, text_blocks
from .errors import SourceError, read_input
from .model import Block, BlockKind, Essay, Sentence

if TYPE_CHECKING:
    from .korean.segcache import SegmentCache

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_BLOCK = 100_000  # characters in one paragraph: far beyond prose, short of a runaway line
# An essay's name is its file stem, whatever the file system allows (Korean, spaces,
# punctuation). Refused are only names that could not stand as one file name inside the
# project, or in a PO "#:" line: path separators, ".", "..", control characters and line
# separators (U+0085, U+2028, U+2029, which polib reads as line breaks).
_UNSAFE_IN_NAME = re.compile(r"[/\\\x00-\x1f\x7f-\x9f\u2028\u2029]")


def decode_source(data: bytes, path: Path | str) -> str:
    """Decode an essay strictly: UTF-8, no BOM, LF line ends, no NUL bytes; NFC."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise SourceError("file starts with a UTF-8 byte-order mark", path=path, line=1,
                          hint="save it as UTF-8 without BOM (sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError("file contains a NUL byte", path=path, line=line,
                          hint="this is not a text file; remove the byte or the file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = ""
        try:
            data.decode("cp949")
            guess = " (it decodes as CP949/EUC-KR)"
        except UnicodeDecodeError:
            pass
        raise SourceError(f"not valid UTF-8{guess}: byte 0x{data[exc.start]:02x}", path=path,
                          line=line,
                          hint="convert it: iconv -f CP949 -t UTF-8 FILE > FILE.utf8 && "
                               "mv FILE.utf8 FILE") from exc
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise SourceError("file has CR or CRLF line ends", path=path, line=line,
                          hint="convert to LF line ends (dos2unix FILE)")
    # one spelling of every sentence, whatever the editor saved (macOS saves NFD)
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Draft:
    """An essay read and split into blocks, waiting for its sentences."""

    name: str
    path: str
    meta: dict
    raw: tuple[RawBlock, ...]
    notes: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        """The text of each region to segment, block by block (code has none)."""
        return [block.text[start:end] for block in self.raw if block.segment
                for start, end, _ in block.parts()]

    def finish(self, spans: list[list[tuple[int, int]]]) -> Essay:
        blocks = []
        feed = iter(spans)
        for index, raw in enumerate(self.raw):
            sentences = []
            for start, end, line in raw.parts():
                region = raw.text[start:end]
                cuts = next(feed) if raw.segment else [(0, len(region))]
                sentences.extend(
                    Sentence(region[a:b], start + a, line + region.count("\n", 0, a))
                    for a, b in cuts)
            extra = dict(raw.extra)
            regions = tuple((start, end) for start, end, _ in raw.regions)
            blocks.append(Block(raw.kind, raw.text, raw.line, raw.level, tuple(sentences),
                                raw.ordered, index, regions=regions, **extra))
        return Essay(name=self.name, path=self.path, blocks=tuple(blocks), meta=self.meta,
                     notes=self.notes)


def draft_essay(text: str, *, name: str, path: str,
                fields: tuple[str, ...] = DEFAULT_FIELDS) -> Draft:
    """An essay's blocks, checked (no I/O, no segmentation yet)."""
    notes: list[str] = []
    if path.endswith(".txt"):
        meta, raw = {}, text_blocks(text)
    else:
        meta, raw = markdown_blocks(text, path, fields, notes)
    raw = [block for block in raw if block.text.strip() or block.kind is BlockKind.IMAGE]
    for block in raw:
        if len(block.text) > MAX_BLOCK:
            raise SourceError(f"paragraph of {len(block.text):,} characters is too long to "
                              "segment", path=path, line=block.line,
                              hint=f"split it into paragraphs under {MAX_BLOCK:,} characters")
    if not raw:
        raise SourceError("essay has no text", path=path,
                          hint="write the essay, or remove the empty file")
    if all(not block.parts() for block in raw):
        raise SourceError("essay has no text to translate", path=path,
                          hint="write the essay, or remove the file")
    return Draft(name, path, meta, tuple(raw), tuple(notes))


def split_spans(texts: list[str], *, morphemes: list | None = None
                ) -> list[list[tuple[int, int]]]:
    """korean.segment.split_spans, imported when first needed: its expressions take 0.05 s
    to compile, paid only by runs that segment (not by status, which reads catalogs)."""
    from .korean.segment import split_spans as split

    return split(texts, morphemes=morphemes)


def finish_essays(drafts: list[Draft], cache: SegmentCache | None = None, *,
                  analysed: list | None = None, split=None) -> list[Essay]:
    """Segment the blocks of all drafts in one batch (one Kiwi call for every essay).

    ``analysed``, if given, receives ``(text, spans, morphemes)`` for each region Kiwi
    analysed in this call (not those the cache knew): see ``split_spans``. ``split``
    stands for ``split_spans`` (the same results, worked out elsewhere: an analyser).
    """
    texts = [text for draft in drafts for text in draft.texts()]
    split = split or split_spans

    def segment(batch: list[str]) -> list[list[tuple[int, int]]]:
        if analysed is None:
            return split(batch)
        morphemes: list = []
        spans = split(batch, morphemes=morphemes)
        analysed.extend(zip(batch, spans, morphemes, strict=True))
        return spans

    spans = cache.split(texts, segment) if cache is not None else segment(texts)
    essays, at = [], 0
    for draft in drafts:
        count = len(draft.texts())
        essays.append(draft.finish(spans[at:at + count]))
        at += count
    return essays


def parse_essay(text: str, *, name: str, path: str, cache: SegmentCache | None = None,
                fields: tuple[str, ...] = DEFAULT_FIELDS) -> Essay:
    """Blocks and sentences of an essay given as text (no I/O but the optional cache)."""
    return finish_essays([draft_essay(text, name=name, path=path, fields=fields)], cache)[0]


def essay_name(path: Path) -> str:
    """The essay's name (its file stem): any name a file system allows, except one that
    would escape the project or break a PO file (see ``_UNSAFE_IN_NAME``)."""
    name = path.stem
    if name in ("", ".", "..") or name.startswith(".") or _UNSAFE_IN_NAME.search(name):
        printable = name.isprintable()  # else the path itself would break the line
        raise SourceError(f"essay name {name!r} cannot name a catalog",
                          path=path if printable else path.parent,
                          hint="rename the file: no '/', '\\', leading '.' or control "
                               "characters")
    return name


def _collision_key(name: str) -> str:
    """Names that one file system keeps apart and another does not (case, NFC/NFD)."""
    import unicodedata

    return unicodedata.normalize("NFC", name).casefold()


def read_essay(path: Path, *, root: Path, cache: SegmentCache | None = None,
               fields: tuple[str, ...] = DEFAULT_FIELDS) -> Essay:
    """Read and parse one essay file."""
    return finish_essays([read_draft(path, root=root, fields=fields)], cache)[0]


def read_source(path: Path) -> bytes:
    """The bytes of an essay file (a SourceError if it cannot be read)."""
    return read_input(path, SourceError, what="essay", missing_hint="check the path")


def read_draft(path: Path, *, root: Path, fields: tuple[str, ...] = DEFAULT_FIELDS,
               data: bytes | None = None) -> Draft:
    """Read one essay file (or take ``data``, its bytes read already) into blocks."""
    if data is None:
        data = read_source(path)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError as exc:
        raise SourceError("essay lies outside the project (a symlink?)", path=path,
                          hint="keep essays inside the project folder") from exc
    return draft_essay(decode_source(data, path), name=essay_name(path), path=rel,
                       fields=fields)


def find_essays(folder: Path) -> list[Path]:
    """Essay files in ``folder`` (not recursive), sorted by name."""
    if not folder.is_dir():
        raise SourceError("source folder does not exist", path=folder,
                          hint="create it or set 'source' in [tool.l10n]")
    paths = sorted(p for p in folder.iterdir()
                   if p.suffix in SOURCE_SUFFIXES and p.is_file() and not p.name.startswith("."))
    seen: dict[str, Path] = {}
    for path in paths:  # two essays, one catalog: refused before anything is written
        essay_name(path)
        other = seen.setdefault(_collision_key(path.stem), path)
        if other is not path:
            raise SourceError(f"essays {other.name!r} and {path.name!r} would share the "
                              f"catalog {path.stem}.po", path=path,
                              hint="rename one of them (names differing only in case, "
                                   "Unicode normalisation or suffix collide)")
    return paths
