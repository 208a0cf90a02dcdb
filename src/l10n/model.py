"""Plain values passed between stages: frozen dataclasses, no behaviour beyond trivia."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CODE = "code"  # code blocks: shown verbatim (escaped), never translated
    TABLE = "table"  # a table: each cell's text one unit; ``cells`` gives the layout
    FOOTNOTE = "footnote"  # the text of footnote ``label`` (one paragraph of it)
    IMAGE = "image"  # an image alone in its paragraph: alt text and title are units
    HTML = "html"  # an HTML block: its text nodes with Korean are units, the rest verbatim
    FIELD = "field"  # a front-matter field named in [tool.l10n] front-matter


@dataclass(frozen=True)
class Cell:
    """One cell of a table row: which region of the block holds its text (-1: empty)."""

    region: int
    header: bool = False
    align: str = ""  # "", "left", "center" or "right"


def msgid_of(text: str) -> str:
    """The catalog key of a sentence's exact text: soft line breaks folded to one space."""
    return " ".join(text.split()) if "\n" in text else text


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: ``text`` is exact source text; ``start`` its offset in the block."""

    text: str
    start: int
    line: int  # 1-based line in the source file where the sentence starts

    @property
    def msgid(self) -> str:
        """The catalog key: the sentence with soft line breaks folded to one space."""
        return msgid_of(self.text)


@dataclass(frozen=True)
class Block:
    """A structural unit of an essay: heading, paragraph, quote paragraph or list item."""

    kind: BlockKind
    text: str  # the block's inline text exactly as in the source (markers stripped)
    line: int  # 1-based line where the block's text starts
    level: int = 0  # heading level, or nesting depth of quotes/lists
    sentences: tuple[Sentence, ...] = ()
    ordered: bool = False  # list items: part of an ordered list
    index: int = 0  # position of the block in the essay, 0-based
    # Blocks whose units are not one run of text (tables, images, HTML, fields) say where
    # each unit's text lies in ``text``: (start, end) per region, sentences within them.
    regions: tuple[tuple[int, int], ...] = ()
    roles: tuple[str, ...] = ()  # per region of an image: "alt" or "title"
    cells: tuple[tuple[Cell, ...], ...] = ()  # tables: rows of cells
    label: str = ""  # footnote label, front-matter field name
    src: str = ""  # images: the URL, kept as it is
    number: int = 0  # ordered list items: the item's number; 0 for a later paragraph of it
    item: bool = True  # list items: this paragraph starts the item (False: it continues one)

    def region_of(self, sentence: Sentence) -> int:
        """The region holding ``sentence`` (0 for blocks of one run of text)."""
        for index, (start, end) in enumerate(self.regions):
            if start <= sentence.start < end:
                return index
        return 0

    @property
    def anchor(self) -> str:
        """A stable id for citing the block: its kind initial and 1-based position."""
        return f"p{self.index + 1}"


@dataclass(frozen=True)
class Essay:
    """An essay read from ``source/ko``: its name (file stem), path and blocks."""

    name: str
    path: str  # path relative to the project root, posix style, for #: locations
    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # "line: message" for source text that cannot be a unit

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind is BlockKind.HEADING:
                return block.text
        return self.name

    def sentences(self):
        for block in self.blocks:
            yield from block.sentences
