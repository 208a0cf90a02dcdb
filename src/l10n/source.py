"""Read an essay (Markdown or plain text) into blocks: headings, paragraphs, quotes, list items.

Markdown is parsed with markdown-it-py (CommonMark). Only block structure is used:
inline markup (emphasis, links, code) stays inside the block text, and so inside the
sentences a translator sees. Plain ``.txt`` essays are blank-line separated paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

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


HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
DEFAULT_FIELDS = ("title", "description")


@dataclass(frozen=True)
class RawBlock:
    """A block as read, before segmentation: its text, and where its units lie in it."""

    kind: BlockKind
    text: str
    line: int
    level: int = 0
    ordered: bool = False
    # (start, end, line) of each unit's text in ``text``; () means the whole text
    regions: tuple[tuple[int, int, int], ...] = ()
    segment: bool = True  # cut each region into sentences (False: each region is one unit)
    extra: dict = field(default_factory=dict)  # Block fields: cells, roles, label, src ...

    def parts(self) -> tuple[tuple[int, int, int], ...]:
        if self.kind is BlockKind.CODE:
            return ()
        if self.kind is BlockKind.HTML:
            return self.regions
        return self.regions or ((0, len(self.text), self.line),)


# What an inline token's text must hold for its inline parse to matter here: an image
# (``_image`` reads the children) or a footnote reference, ``[^label]`` or ``^[note]``
# (which footnotes the footnote plugin keeps, in which order, depends on the references
# the inline parse meets). Text without them is never parsed inline: about half of
# markdown-it's work on prose, and nothing the blocks are built from changes.
_INLINE_MATTERS = ("![", "[^", "^[")


def _inline_where_needed(state) -> None:
    """markdown-it's core ``inline`` rule, for the inline tokens that can hold what
    ``_INLINE_MATTERS`` names; the others keep the empty ``children`` the block parser gave."""
    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type == "inline" and any(mark in token.content for mark in _INLINE_MATTERS):
            if token.children is None:
                token.children = []
            parse(token.content, state.md, state.env, token.children)


@lru_cache(maxsize=1)
def _parser():
    """The Markdown parser, built once a process (its rules and plugins are set up in
    2 ms; parsing keeps its state in a fresh ``env`` per call, so essays never share it).
    Inline markup is parsed only where the blocks depend on it (``_inline_where_needed``)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(
        footnote_plugin)
    md.core.ruler.at("inline", _inline_where_needed)
    return md


def _scalar(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value).lower()
    if isinstance(value, (str, int, float)):
        return str(value)
    if hasattr(value, "isoformat"):  # a date or datetime
        return value.isoformat()
    return None


def _front_matter(token, path: str, fields: tuple[str, ...]) -> tuple[dict, list[RawBlock]]:
    """Front matter (YAML): every scalar field is kept in ``meta``; the fields named in
    ``fields`` (``front-matter`` in [tool.l10n]) become units."""
    import yaml

    try:
        data = yaml.safe_load(token.content) if token.content.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise SourceError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                          path=path, line=line,
                          hint="quote a value that holds ': ' or '#' (title: \"…\")") from exc
    if not isinstance(data, dict):
        raise SourceError("front matter is not a table of 'key: value' fields", path=path,
                          line=1, hint="write one 'key: value' per line between the --- lines")
    meta = {str(k): v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None}
    lines = token.content.split("\n")
    blocks = []
    for name in fields:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        line = next((i + 2 for i, text in enumerate(lines)
                     if re.match(rf"{re.escape(name)}\s*:", text)), 1)
        blocks.append(RawBlock(BlockKind.FIELD, value.strip(), line, extra={"label": name}))
    return meta, blocks


def _align(token) -> str:
    style = token.attrs.get("style", "") if token.attrs else ""
    match = re.search(r"text-align:(left|center|right)", str(style))
    return match.group(1) if match else ""


def _table(tokens, at: int, level: int) -> tuple[RawBlock, int]:
    """A table from ``table_open`` at ``at``: each non-empty cell one unit."""
    from .model import Cell

    line = tokens[at].map[0] + 1 if tokens[at].map else 1
    text, regions, rows, row, header, row_line = "", [], [], [], False, line
    index = at + 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            header = True
        elif token.type == "tbody_open":
            header = False
        elif token.type == "tr_open":
            row, row_line = [], token.map[0] + 1 if token.map else row_line
        elif token.type == "tr_close":
            rows.append(tuple(row))
        elif token.type in ("th_open", "td_open"):
            cell = tokens[index + 1]
            content = cell.content.strip() if cell.type == "inline" else ""
            region = -1
            if content:
                if text:
                    text += "\n"
                region = len(regions)
                regions.append((len(text), len(text) + len(content), row_line))
                text += content
            row.append(Cell(region, header or token.type == "th_open", _align(token)))
        index += 1
    block = RawBlock(BlockKind.TABLE, text, line, level, regions=tuple(regions), segment=False,
                     extra={"cells": tuple(rows)})
    return block, index


def _image(token, line: int) -> RawBlock | None:
    """An image alone in its paragraph: alt text and title are units; the URL is kept."""
    images = [c for c in token.children or () if c.type == "image"]
    rest = [c for c in token.children or () if c.type != "image"
            and not (c.type in ("text", "softbreak") and not c.content.strip())]
    if len(images) != 1 or rest:
        return None
    image = images[0]
    text, regions, roles = "", [], []
    for role, value in (("alt", image.content.strip()),
                        ("title", str(image.attrs.get("title") or "").strip())):
        if value:
            if text:
                text += "\n"
            regions.append((len(text), len(text) + len(value), line))
            roles.append(role)
            text += value
    return RawBlock(BlockKind.IMAGE, text, line, regions=tuple(regions), segment=False,
                    extra={"src": str(image.attrs.get("src", "")), "roles": tuple(roles)})


_INLINE_TAGS = frozenset("a b i em strong sup sub small mark s del ins u code kbd q cite abbr "
                         "dfn br".split())


# HTML scanned in one pass (Python's html.parser is quadratic on some inputs: 10,000
# repetitions of "<a " take 48 s). No pattern may run past the next "<", so every
# character is looked at a bounded number of times.
_HTML_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})((?:\s+[^\s"'<>/=]{1,80}(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'"""
    r"""|[^\s"'<>=`]+))?)*)\s*(/?)>""")
_HTML_OTHER = re.compile(r"<![^<>]*>|<\?[^<>]*>")
_HTML_ATTRIBUTE = re.compile(
    r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|([^\s"'<>=`]+)))?""")


def _html_events(html: str):
    """(kind, start, end, name, attributes) for each tag, comment and run of text."""
    lowered = html.lower()
    pos, text_from = 0, 0
    while True:
        at = html.find("<", pos)
        if at < 0:
            break
        if html.startswith("<!--", at):
            close = html.find("-->", at + 4)
            end = len(html) if close < 0 else close + 3
            kind, name, attrs = "comment", "", ""
        else:
            tag = _HTML_TAG.match(html, at)
            other = None if tag else _HTML_OTHER.match(html, at)
            if tag is None and other is None:  # a "<" that opens nothing: text
                pos = at + 1
                continue
            match = tag or other
            end = match.end()
            if tag:
                kind = "end" if tag.group(1) else "start"
                name, attrs = tag.group(2).lower(), tag.group(3)
            else:
                kind, name, attrs = "comment", "", ""
        if text_from < at:
            yield "text", text_from, at, "", ""
        yield kind, at, end, name, attrs
        pos = text_from = end
        if kind == "start" and name in ("script", "style", "textarea"):
            close = lowered.find(f"</{name}", end)  # raw text up to its end tag
            pos = text_from = len(html) if close < 0 else close
    if text_from < len(html):
        yield "text", text_from, len(html), "", ""


def html_text_nodes(html: str, untranslatable: list[tuple[int, str]] | None = None
                    ) -> list[tuple[int, int]]:
    """(start, end) of each run of text in an HTML fragment that holds Korean, trimmed: text
    and the inline formatting inside it (``<b>``, ``<a href>``: the tags a sentence may
    hold), up to the next block-level tag. Script, style and comments hold no text. Korean
    in an attribute is added to ``untranslatable`` as (offset, where)."""
    runs: list[tuple[int, int]] = []
    begin: int | None = None
    raw = 0  # inside script, style or textarea
    for kind, start, _end, name, attrs in _html_events(html):
        if kind == "text":
            if not raw and begin is None:
                begin = start
            continue
        names = []
        for attribute in _HTML_ATTRIBUTE.finditer(attrs):
            names.append(attribute.group(1).lower())
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            if untranslatable is not None and HANGUL.search(value):
                untranslatable.append((start, f"the {attribute.group(1)} attribute of <{name}>"))
        inline = kind != "comment" and name in _INLINE_TAGS and (
            kind == "end" or not names or (name == "a" and names == ["href"]))
        if name in ("script", "style", "textarea"):
            raw = 1 if kind == "start" else 0
        if inline and not raw:
            if begin is None:
                begin = start
        elif begin is not None:
            runs.append((begin, start))
            begin = None
    if begin is not None:
        runs.append((begin, len(html)))
    nodes = []
    for start, end in runs:
        chunk = html[start:end]
        if HANGUL.search(chunk):
            lead = len(chunk) - len(chunk.lstrip())
            nodes.append((start + lead, start + len(chunk.rstrip())))
    return nodes


def _html(token, level: int, notes: list[str]) -> RawBlock:
    text = token.content.rstrip("\n")
    line = token.map[0] + 1 if token.map else 1
    untranslatable: list[tuple[int, str]] = []
    regions = tuple((start, end, line + text.count("\n", 0, start))
                    for start, end in html_text_nodes(text, untranslatable))
    for at, where in untranslatable:
        notes.append(f"{line + text.count(chr(10), 0, at)}: Korean in {where} of an HTML "
                     "block cannot be translated; the English page leaves it out (write it "
                     "as Markdown, or as text inside the element)")
    return RawBlock(BlockKind.HTML, text, line, level, regions=regions)


def _markdown_blocks(text: str, path: str = "", fields: tuple[str, ...] = DEFAULT_FIELDS,
                     notes: list[str] | None = None) -> tuple[dict, list[RawBlock]]:
    tokens = _parser().parse(text)
    blocks: list[RawBlock] = []
    meta: dict = {}
    quote_depth = 0
    list_stack: list[bool] = []
    items: list[list] = []  # per open list item: [number, paragraphs seen]
    footnote = ""
    seen_notes: set[str] = set()
    pending: tuple[BlockKind, int] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "front_matter":
            meta, fields_found = _front_matter(token, path, fields)
            blocks.extend(fields_found)
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open":
            number = int(token.info) if token.info.isdigit() and list_stack[-1] else 0
            items.append([number, 0])
        elif kind == "list_item_close":
            items.pop()
        elif kind == "footnote_open":
            footnote = str(token.meta.get("label", ""))
        elif kind == "footnote_close":
            footnote = ""
        elif kind == "table_open":
            block, index = _table(tokens, index, quote_depth)
            blocks.append(block)
        elif kind in ("fence", "code_block"):
            line = token.map[0] + 1 if token.map else 1
            blocks.append(RawBlock(BlockKind.CODE, token.content.rstrip("\n"), line,
                                   quote_depth))
        elif kind == "html_block":
            blocks.append(_html(token, quote_depth, notes if notes is not None else []))
        elif kind == "heading_open":
            pending = (BlockKind.HEADING, int(token.tag[1:]))
        elif kind == "paragraph_open":
            if footnote:
                pending = (BlockKind.FOOTNOTE, 0)
            elif list_stack:
                pending = (BlockKind.LIST_ITEM, len(list_stack))
            elif quote_depth:
                pending = (BlockKind.QUOTE, quote_depth)
            else:
                pending = (BlockKind.PARAGRAPH, 0)
        elif kind == "inline" and pending is not None:
            block_kind, level = pending
            line = token.map[0] + 1 if token.map else 1
            image = _image(token, line) if block_kind is not BlockKind.HEADING else None
            if image is not None:
                blocks.append(image)
            elif block_kind is BlockKind.LIST_ITEM:
                item = items[-1] if items else [0, 0]
                blocks.append(RawBlock(block_kind, token.content, line, level, list_stack[-1],
                                       extra={"number": item[0] if not item[1] else 0,
                                              "item": not item[1]}))
                item[1] += 1
            else:
                extra = {}
                if block_kind is BlockKind.FOOTNOTE:  # the note's first paragraph is its item
                    extra = {"label": footnote, "item": footnote not in seen_notes}
                    seen_notes.add(footnote)
                blocks.append(RawBlock(block_kind, token.content, line, level, extra=extra))
            pending = None
        index += 1
    return meta, blocks


def _text_blocks(text: str) -> list[RawBlock]:
    blocks = []
    for match in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        chunk = match.group(0)
        stripped = chunk.strip()
        if stripped:
            lead = chunk[: len(chunk) - len(chunk.lstrip())]
            line = text[: match.start()].count("\n") + lead.count("\n") + 1
            blocks.append(RawBlock(BlockKind.PARAGRAPH, "\n".join(
                part.strip() for part in stripped.split("\n")), line))
    return blocks


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
        meta, raw = {}, _text_blocks(text)
    else:
        meta, raw = _markdown_blocks(text, path, fields, notes)
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
