"""V: what ``msgfmt --check`` rejects. A catalog that gettext cannot compile is wrong
with certainty, so every V finding is an error, and it is reported as a finding (with
the line, as msgfmt gives it) while the other files are still checked.

These checks read the file (scope ``file``): their examples are PO entries, one line per
`` | ``, after a valid header; ``⟨0xff⟩`` stands for a raw byte and ``(no header)`` leaves the header out.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..po.validate import Problem
from .base import Severity, check


def _of_kind(problems: list[Problem], kind: str) -> Iterator[tuple[int, int, str]]:
    for problem in problems:
        if problem.kind == kind:
            yield problem.line, problem.column, problem.text


@check(code="V001", name="unreadable-catalog", severity=Severity.ERROR, family="validity",
       scope="file")
def unreadable_catalog(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """The file cannot be read at all: missing, not UTF-8, a NUL byte, not a regular file.

    Why: nothing in it can be checked, counted or published; the run goes on with the
    other files and fails.
    Bad:  msgid "가" | msgstr "Ga⟨0xff⟩" -> a byte that is not UTF-8
    Good: msgid "가" | msgstr "Ga" -> UTF-8
    """
    yield from _of_kind(problems, "unreadable")


@check(code="V002", name="po-syntax-error", severity=Severity.ERROR, family="validity",
       scope="file")
def po_syntax_error(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """The PO syntax is broken: msgfmt refuses the file.

    Why: a msgid whose msgstr line was deleted reads as untranslated in some tools and
    as done in others; an unclosed quote or an unknown escape stops msgfmt. Every such
    line is reported, where msgfmt reports it.
    Bad:  msgid "첫 문장이다." | msgid "둘째 문장이다." | msgstr "The second sentence." -> missing msgstr
    Good: msgid "첫 문장이다." | msgstr "The first sentence." | msgid "둘째 문장이다." | msgstr "The second sentence." -> complete
    """
    yield from _of_kind(problems, "syntax")


@check(code="V003", name="duplicate-entry", severity=Severity.ERROR, family="validity",
       scope="file")
def duplicate_entry(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """The same msgid (in the same msgctxt) is defined twice.

    Why: msgfmt refuses the file, and which of the two translations a tool keeps is
    anyone's guess.
    Bad:  msgid "가" | msgstr "Ga" | msgid "가" | msgstr "Ka" -> defined twice
    Good: msgid "가" | msgstr "Ga" | msgctxt "title" | msgid "가" | msgstr "Ga" -> two contexts
    """
    yield from _of_kind(problems, "duplicate")


@check(code="V004", name="invalid-header", severity=Severity.ERROR, family="validity",
       scope="file")
def invalid_header(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """The header entry is missing, or plural forms are used without a Plural-Forms
    header that says how many there are.

    Why: msgfmt --check refuses the file; without a header no tool knows its charset.
    Bad:  (no header) msgid "가" | msgstr "Ga" -> no header entry
    Good: msgid "가" | msgstr "Ga" -> no plural forms
    """
    yield from _of_kind(problems, "header")


@check(code="V005", name="newline-mismatch", severity=Severity.ERROR, family="validity",
       scope="file")
def newline_mismatch(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """The msgid begins or ends with a newline and the msgstr does not (or the reverse).

    Why: msgfmt --check refuses the file; the line break is part of the layout.
    Bad:  msgid "가다\\n" | msgstr "To go" -> the newline is lost
    Good: msgid "가다\\n" | msgstr "To go\\n" -> kept
    """
    yield from _of_kind(problems, "newline")


@check(code="V006", name="format-mismatch", severity=Severity.ERROR, family="validity",
       scope="file")
def format_mismatch(problems: list[Problem], ctx) -> Iterator[tuple[int, int, str]]:
    """A c-format or python-format entry whose msgstr has other directives than its msgid.

    Why: msgfmt --check refuses the file, and the program would crash or print the
    wrong value when it formats the translation.
    Bad:  #, python-format | msgid "%(name)s 님" | msgstr "Dear %(nam)s" -> unknown argument
    Good: #, python-format | msgid "%(name)s 님" | msgstr "Dear %(name)s" -> same arguments
    """
    yield from _of_kind(problems, "format")
