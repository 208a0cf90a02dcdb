"""Rows of a page grouped as the reader sees them: runs of list items become one list.

A side-by-side page shows one row per block. Consecutive list items are one list in
the source, so they are rendered as one ``<ul>``/``<ol>`` per column (real list
semantics for screen readers), laid out on a shared grid so each top-level item stays
level with its translation. A nested list is a real list inside its parent item (as
Markdown nests it), and an item's later paragraphs stay inside the item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol


class RowLike(Protocol):
    anchor: str
    kind: str
    level: int
    ordered: bool
    item: bool  # list items: this paragraph starts an item (False: a later paragraph of it)
    number: int  # ordered list items: the item's number


@dataclass(frozen=True)
class ListItem:
    """One item: the paragraph that starts it (None for an item whose first content is a
    nested list), its later paragraphs, and the lists nested in it."""

    row: RowLike | None
    more: tuple = ()
    lists: tuple[ListGroup, ...] = ()

    @property
    def anchor(self) -> str:
        return self.row.anchor if self.row is not None else self.lists[0].anchor

    @property
    def rows(self) -> list:
        head = [self.row] if self.row is not None else []
        return head + list(self.more) + [r for group in self.lists for r in group.rows]


@dataclass(frozen=True)
class ListGroup:
    """A list (bullet or ordered) in source order, its items possibly holding lists."""

    items: tuple[ListItem, ...]
    ordered: bool
    start: int = 0  # ordered lists: the first number, when not 1
    depth: int = 1
    kind: str = "list"

    @property
    def anchor(self) -> str:
        return self.items[0].anchor

    @property
    def rows(self) -> list:
        """Every row of the list, nested ones included, in source order."""
        return [row for item in self.items for row in item.rows]


@dataclass
class _Open:
    depth: int
    ordered: bool
    start: int
    items: list = field(default_factory=list)  # [row, more list, lists list]

    def close(self) -> ListGroup:
        return ListGroup(tuple(ListItem(row, tuple(more), tuple(lists))
                               for row, more, lists in self.items),
                         self.ordered, self.start, self.depth)


def _nest(run: list) -> Iterator[ListGroup]:
    """The top-level lists of a run of list-item rows, each with its nested lists."""
    stack: list[_Open] = []

    def pop() -> ListGroup | None:
        group = stack.pop().close()
        if stack:
            stack[-1].items[-1][2].append(group)
            return None
        return group

    for row in run:
        depth = max(row.level, 1)
        while stack and stack[-1].depth > depth:
            if (done := pop()) is not None:
                yield done
        if not getattr(row, "item", True) and stack and stack[-1].items:
            stack[-1].items[-1][1].append(row)  # a later paragraph of the open item
            continue
        if stack and stack[-1].depth == depth and stack[-1].ordered != row.ordered:
            if (done := pop()) is not None:  # an adjacent list of the other kind
                yield done
        while not stack or stack[-1].depth < depth:
            level = stack[-1].depth + 1 if stack else 1
            here = level == depth
            if stack and not stack[-1].items:
                stack[-1].items.append([None, [], []])
            number = getattr(row, "number", 0)
            stack.append(_Open(level, row.ordered if here else False,
                               number if here and row.ordered and number not in (0, 1) else 0))
            if not here:
                stack[-1].items.append([None, [], []])
        stack[-1].items.append([row, [], []])
    while stack:
        if (done := pop()) is not None:
            yield done


def group_rows(rows: Iterable[RowLike]) -> Iterator[RowLike | ListGroup]:
    """The rows, with each run of consecutive list items of one list as a ListGroup.

    A run ends at any other block, and where a top-level item switches between a
    bullet and an ordered list (two adjacent lists in the source). Deeper items become
    lists nested in the item before them.
    """
    run: list[RowLike] = []
    for row in rows:
        if row.kind == "list_item":
            run.append(row)
            continue
        if run:
            yield from _nest(run)
            run = []
        yield row
    if run:
        yield from _nest(run)


__all__ = ["ListGroup", "ListItem", "group_rows"]
