"""Completeness: untranslated, fuzzy, obsolete-only catalogs, target identical to source."""

from __future__ import annotations

from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


@check(code="C001", name="untranslated", severity=Severity.WARNING, family="completeness",
       needs_translation=False)
def untranslated(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The entry has no translation.

    Why: an untranslated sentence is missing from the English page.
    Bad:  스마트폰은 모든 것을 바꿨다. ->
    Good: 스마트폰은 모든 것을 바꿨다. -> Smartphones changed everything.
    """
    if not unit.target and not unit.fuzzy:
        yield "no translation yet"


@check(code="C002", name="fuzzy", severity=Severity.WARNING, family="completeness",
       needs_translation=False)
def fuzzy(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The entry is marked fuzzy: its translation was made for an older source.

    Why: fuzzy translations are never published; a translator must review them.
    Bad:  우리는 연결되어 있다. -> (fuzzy) We are connected.
    Good: 우리는 연결되어 있다. -> We are connected.
    """
    if unit.fuzzy:
        yield "translation needs review (fuzzy)"


@check(code="C003", name="obsolete-only", severity=Severity.WARNING, family="completeness",
       scope="catalog", needs_translation=False)
def obsolete_only(units: list[Unit], ctx: CheckContext) -> Iterator[tuple[Unit, str]]:
    """The catalog has only obsolete entries: its essay was removed or renamed.

    Why: an orphaned catalog hides translations that should move to the new essay.
    Bad:  (catalog with only #~ entries) -> (none live)
    Good: (catalog with live entries) -> (live)
    """
    live = [u for u in units if not u.obsolete]
    dead = [u for u in units if u.obsolete]
    if dead and not live:
        yield dead[0], f"all {len(dead)} entries are obsolete; was the essay renamed or removed?"


@check(code="C004", name="identical-to-source", severity=Severity.ERROR, family="completeness")
def identical(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation is the source copied unchanged.

    Why: a copied Korean sentence is untranslated text counted as done; pofilter's
    `unchanged` misses it because Hangul has no case.
    Bad:  디지털 전환은 초연결을 가속했다. -> 디지털 전환은 초연결을 가속했다.
    Good: 디지털 전환은 초연결을 가속했다. -> Digital transformation accelerated hyper-connectivity.
    """
    if " ".join(unit.target.split()) == " ".join(unit.source.split()) and \
            any("\uac00" <= ch <= "\ud7a3" for ch in unit.source):
        yield "the translation is the Korean source copied unchanged"
