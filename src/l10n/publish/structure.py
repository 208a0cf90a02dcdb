"""Rows of a page grouped as the reader sees them: runs of list items become one list.

A side-by-side page shows one row per block. Consecutive list items are one list in
the source, so they are rendered as one ``<ul>``/``<ol>`` per column (real list
semantics for screen readers), laid out on a shared grid so each item stays level
with its translation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol


class RowLike(Protocol):
    kind: str
    level: int
    ordered: bool


@dataclass(frozen=True)
class ListGroup:
    """A run of list items of one list (bullet or ordered) in source order."""

    items: tuple
    ordered: bool
    kind: str = "list"

    @property
    def anchor(self) -> str:
        return self.items[0].anchor


def group_rows(rows: Iterable[RowLike]) -> Iterator[RowLike | ListGroup]:
    """The rows, with each run of consecutive list items of one list as a ListGroup.

    A run ends at any other block, and where a top-level item switches between a
    bullet and an ordered list (two adjacent lists in the source). Nested items
    (level > 1) stay in their run and carry their depth for indentation.
    """
    run: list[RowLike] = []
    for row in rows:
        if row.kind == "list_item":
            if run and row.level <= 1 and run[0].ordered != row.ordered:
                yield ListGroup(tuple(run), run[0].ordered)
                run = []
            run.append(row)
            continue
        if run:
            yield ListGroup(tuple(run), run[0].ordered)
            run = []
        yield row
    if run:
        yield ListGroup(tuple(run), run[0].ordered)


__all__ = ["ListGroup", "group_rows"]
