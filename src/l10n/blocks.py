"""An essay's text -> blocks, before segmentation: Markdown (markdown-it-py, CommonMark,
with front matter, tables, footnotes, images and HTML blocks) or plain text paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import SourceError
from .htmltext import html_text_nodes
from .model import BlockKind

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


def prepare_parser() -> None:
    """Build the Markdown parser now: a process about to fork its readers imports
    markdown-it (~80 ms) once for all of them."""
    _parser()


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


def markdown_blocks(text: str, path: str = "", fields: tuple[str, ...] = DEFAULT_FIELDS,
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


def text_blocks(text: str) -> list[RawBlock]:
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
