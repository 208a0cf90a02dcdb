"""Whitespace: leading and trailing differences, double spaces."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]


@check(code="W001", name="edge-whitespace", severity=Severity.WARNING, family="whitespace")
def edge_whitespace(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """Leading or trailing whitespace differs between source and translation.

    Why: stray spaces at the edges break joins in the assembled page.
    Bad:  새 문장이다. ->  A new sentence.
    Good: 새 문장이다. -> A new sentence.
    """
    (src_lead, src_trail), (tgt_lead, tgt_trail) = _edges(unit.source), _edges(unit.target)
    if src_lead != tgt_lead:
        yield "leading whitespace differs from the source"
    if src_trail != tgt_trail:
        yield "trailing whitespace differs from the source"


@check(code="W002", name="double-space", severity=Severity.WARNING, family="whitespace")
def double_space(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation has two or more spaces in a row.

    Why: double spaces render unevenly and are almost always typos.
    Bad:  초연결 사회의 그림자 -> The shadow of the  hyper-connected society
    Good: 초연결 사회의 그림자 -> The shadow of the hyper-connected society
    """
    if re.search(r"\S {2,}\S", unit.target) and not re.search(r"\S {2,}\S", unit.source):
        yield "double space"
