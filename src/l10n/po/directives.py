"""Where the format directives of a string are, so that wrapping never breaks inside one.

GNU gettext's ``write-po.c`` asks the format parser of the first format language an
entry is flagged with (``c-format``, ``python-format``...) where each directive starts
and ends, and forbids a line break inside it (after its first character). This module
does the same for the languages PO files of prose and programs use most: C (also
objc, gcc-internal, gfc-internal, which share its directive syntax here), Python,
Python brace. A string that is not a valid format string of its language is marked as
gettext marks it: the directives before the first error count, nothing after. Errors
seen: a ``%`` or ``{`` that starts no directive, and a directive that mixes argument
numbers with unnumbered arguments (C: ``%d`` then ``%1$s``) or names with unnamed ones
(Python: ``%(a)s`` then ``%d``), from which on even ``%%`` may be broken.
"""

from __future__ import annotations

import functools
import re

__all__ = ["protected_positions"]

_C = (r"%(?:[0-9]+\$)?[-+ #0'I]*(?:\*(?:[0-9]+\$)?|[0-9]+)?(?:\.(?:\*(?:[0-9]+\$)?|[0-9]+)?)?"
      r"(?:hh|h|ll|l|L|q|j|z|Z|t)?(?:<PRI[a-zA-Z0-9_]+>|[diouxXcsCSpneEfFgGaAm%])")
_PYTHON = r"%(?:\([^)]*\))?[-+ #0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+)?)?[hlL]?[diouxXeEfFgGcrsa%]"
_PYTHON_BRACE = (r"\{[_A-Za-z0-9]*(?:\.[_A-Za-z][_A-Za-z0-9]*|\[[^\]{}]*\])*(?:![rsa])?"
                 r"(?::(?:[^{}]|\{[^{}]*\})*)?\}")

# patterns, compiled by re's cache when first used (only a value that wraps needs one)
_LANGUAGES = {"c": (_C, "%"), "objc": (_C, "%"), "gcc-internal": (_C, "%"),
              "gfc-internal": (_C, "%"), "python": (_PYTHON, "%"),
              "python-brace": (_PYTHON_BRACE, "{")}


def format_language(flags: list[str]) -> str | None:
    """The language whose directives gettext protects: the first flag, in gettext's order,
    that says the string is (or may be) a format string of it."""
    return _format_language(tuple(flags)) if flags else None


@functools.lru_cache(maxsize=1024)
def _format_language(flags: tuple[str, ...]) -> str | None:
    from .parse import FORMAT_LANGUAGES

    found = [flag[:-7] for flag in flags if flag.endswith("-format")]
    names = [name[9:] if name.startswith("possible-") else name for name in found
             if not name.startswith(("no-", "impossible-"))]
    ranked = sorted((FORMAT_LANGUAGES.index(n), n) for n in names if n in FORMAT_LANGUAGES)
    return ranked[0][1] if ranked else None


def protected_positions(value: str, language: str | None) -> frozenset[int]:
    """Indices of ``value`` before which no line break may fall (inside a directive)."""
    if not language or language not in _LANGUAGES:
        return frozenset()
    source, opener = _LANGUAGES[language]
    if opener not in value:
        return frozenset()
    pattern = re.compile(source)
    inside: set[int] = set()
    kinds: set[bool] = set()  # numbered or named (True), unnumbered (False), seen so far
    pos = value.find(opener)
    while pos >= 0:
        if opener == "{" and value.startswith("{{", pos):
            pos = value.find(opener, pos + 2)
            continue
        match = pattern.match(value, pos)
        if match is None:
            break  # gettext's parsers stop at the first invalid directive
        if opener == "%":
            kinds |= _argument_kinds(match.group(), language)
            if len(kinds) > 1:
                break  # mixed: as invalid a format string to gettext
        inside.update(range(pos + 1, match.end()))
        pos = value.find(opener, match.end())
    return frozenset(inside)


_NUMBERED = re.compile(r"%[0-9]+\$")
_UNNUMBERED_STAR = re.compile(r"\*(?![0-9]+\$)")  # a width or precision taken in order


def _argument_kinds(directive: str, language: str) -> set[bool]:
    """How a ``%`` directive refers to its arguments: by number or name (True), in order
    (False); none for ``%%`` (and C's ``%m``, which takes none)."""
    if directive == "%%" or (language != "python" and directive[-1] in "%m"):
        return set()
    if language == "python":
        return {directive.startswith("%(")}
    kinds = {_NUMBERED.match(directive) is not None}
    if _UNNUMBERED_STAR.search(directive):
        kinds.add(False)
    return kinds
