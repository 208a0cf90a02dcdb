"""Read an essay (Markdown or plain text) into blocks: headings, paragraphs, quotes, list items.

Markdown is parsed with markdown-it-py (CommonMark). Only block structure is used:
inline markup (emphasis, links, code) stays inside the block text, and so inside the
sentences a translator sees. Plain ``.txt`` essays are blank-line separated paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SourceError, read_input
from .korean.segment import split_spans
from .model import Block, BlockKind, Essay, Sentence

if TYPE_CHECKING:
    from .korean.segcache import SegmentCache

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_BLOCK = 100_000  # characters in one paragraph: far beyond prose, short of a runaway line
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
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


def _front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """Split ``key: value`` front matter from the body; returns (meta, body, lines skipped)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    meta = {}
    for line in match.group(1).splitlines():
        if ":" in line and not line.startswith("#"):
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip().strip("\"'")
    skipped = match.group(0).count("\n")
    return meta, "\n" * skipped + text[match.end():], skipped


def _markdown_blocks(text: str) -> list[tuple[BlockKind, str, int, int, bool]]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks = []
    quote_depth = 0
    list_stack: list[bool] = []
    pending: tuple[BlockKind, int] | None = None
    for token in tokens:
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif token.type in ("fence", "code_block", "html_block"):
            line = token.map[0] + 1 if token.map else 1
            blocks.append((BlockKind.CODE, token.content.rstrip("\n"), line, quote_depth, False))
        elif token.type == "heading_open":
            pending = (BlockKind.HEADING, int(token.tag[1:]))
        elif token.type == "paragraph_open":
            if list_stack:
                pending = (BlockKind.LIST_ITEM, len(list_stack))
            elif quote_depth:
                pending = (BlockKind.QUOTE, quote_depth)
            else:
                pending = (BlockKind.PARAGRAPH, 0)
        elif token.type == "inline" and pending is not None:
            kind, level = pending
            line = token.map[0] + 1 if token.map else 1
            ordered = bool(list_stack) and list_stack[-1]
            blocks.append((kind, token.content, line, level, ordered))
            pending = None
    return blocks


def _text_blocks(text: str) -> list[tuple[BlockKind, str, int, int, bool]]:
    blocks = []
    for match in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        chunk = match.group(0)
        stripped = chunk.strip()
        if stripped:
            lead = chunk[: len(chunk) - len(chunk.lstrip())]
            line = text[: match.start()].count("\n") + lead.count("\n") + 1
            blocks.append((BlockKind.PARAGRAPH, "\n".join(
                part.strip() for part in stripped.split("\n")), line, 0, False))
    return blocks


@dataclass(frozen=True)
class Draft:
    """An essay read and split into blocks, waiting for its sentences."""

    name: str
    path: str
    meta: dict
    raw: tuple[tuple[BlockKind, str, int, int, bool], ...]

    def texts(self) -> list[str]:
        """The text of each block to segment (code is not segmented: no sentences)."""
        return ["" if block[0] is BlockKind.CODE else block[1] for block in self.raw]

    def finish(self, spans: list[list[tuple[int, int]]]) -> Essay:
        blocks = []
        for index, ((kind, content, line, level, ordered), block_spans) in enumerate(
            zip(self.raw, spans, strict=True)
        ):
            sentences = tuple(
                Sentence(content[start:end], start, line + content.count("\n", 0, start))
                for start, end in block_spans
            )
            blocks.append(Block(kind, content, line, level, sentences, ordered, index))
        return Essay(name=self.name, path=self.path, blocks=tuple(blocks), meta=self.meta)


def draft_essay(text: str, *, name: str, path: str) -> Draft:
    """An essay's blocks, checked (no I/O, no segmentation yet)."""
    meta, body, _ = _front_matter(text)
    raw = _text_blocks(body) if path.endswith(".txt") else _markdown_blocks(body)
    raw = [block for block in raw if block[1].strip()]
    for _, content, line, _, _ in raw:
        if len(content) > MAX_BLOCK:
            raise SourceError(f"paragraph of {len(content):,} characters is too long to segment",
                              path=path, line=line,
                              hint=f"split it into paragraphs under {MAX_BLOCK:,} characters")
    if not raw:
        raise SourceError("essay has no text", path=path,
                          hint="write the essay, or remove the empty file")
    if all(block[0] is BlockKind.CODE for block in raw):
        raise SourceError("essay has no text to translate", path=path,
                          hint="write the essay, or remove the file")
    return Draft(name, path, meta, tuple(raw))


def finish_essays(drafts: list[Draft], cache: SegmentCache | None = None) -> list[Essay]:
    """Segment the blocks of all drafts in one batch (one Kiwi call for every essay)."""
    texts = [text for draft in drafts for text in draft.texts()]
    spans = cache.split(texts, split_spans) if cache is not None else split_spans(texts)
    essays, at = [], 0
    for draft in drafts:
        count = len(draft.raw)
        essays.append(draft.finish(spans[at:at + count]))
        at += count
    return essays


def parse_essay(text: str, *, name: str, path: str, cache: SegmentCache | None = None) -> Essay:
    """Blocks and sentences of an essay given as text (no I/O but the optional cache)."""
    return finish_essays([draft_essay(text, name=name, path=path)], cache)[0]


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


def read_essay(path: Path, *, root: Path, cache: SegmentCache | None = None) -> Essay:
    """Read and parse one essay file."""
    return finish_essays([read_draft(path, root=root)], cache)[0]


def read_draft(path: Path, *, root: Path) -> Draft:
    """Read one essay file and split it into blocks."""
    data = read_input(path, SourceError, what="essay", missing_hint="check the path")
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError as exc:
        raise SourceError("essay lies outside the project (a symlink?)", path=path,
                          hint="keep essays inside the project folder") from exc
    return draft_essay(decode_source(data, path), name=essay_name(path), path=rel)


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
