"""The check framework: Severity, Finding, Unit, the @check decorator and the registry.

A check is a function that yields findings; it never raises them. Each has a stable
code (a letter and three digits, never reused), a kebab-case name, a default severity,
a family, and a docstring with Why / Bad / Good that is its documentation. The Bad and
Good examples are run by the test suite, so the documentation cannot drift.

Severity is a promise. An ``error`` means the translation is wrong with near certainty
(a copied source, a figure written in digits that is not there, a date that moved, a
glossary violation, Korean punctuation left in the English): a correct, fluent
translation that follows the glossary never gets one, so ``l10n check`` can gate CI.
Anything a heuristic decides (a number read from Hangul words, an approximation, a
possible omission, a changed sentence ending, a length) is a ``warning``; a hint is
``info``. A check whose finding can be wrong on correct prose is a warning, however
often it is right; when a check mixes certain and heuristic findings, it is split (N001
for digits and dates, N003 for numbers read from words).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

CODE = re.compile(r"^[A-Z][0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXAMPLE = re.compile(r"^(Bad|Good):\s+(.*?)\s+-> ?(.*)$")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit as the checks see it (slots: a run holds one per entry)."""

    source: str
    target: str
    path: Path = Path("<memory>")
    line: int = 0  # of the msgstr, where findings point (as msgfmt's do)
    fuzzy: bool = False
    obsolete: bool = False
    comment: str = ""  # translator comment (suppressions live here)

    @property
    def translated(self) -> bool:
        return bool(self.target) and not self.fuzzy


@dataclass(frozen=True, slots=True)  # (slots: a large run holds a hundred thousand)
class Finding:
    path: str
    line: int
    code: str
    name: str
    severity: Severity
    message: str
    msgid: str = ""
    msgstr: str = ""
    column: int = 0  # 1-based; 0 when the finding is about the whole line
    suppressed: str | None = None  # the suppression comment that silenced it

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "code": self.code, "name": self.name, "severity": self.severity.value,
                "message": self.message, "msgid": self.msgid, "msgstr": self.msgstr}

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity for baselines: stable across line shifts."""
        return (self.path, self.code, self.msgid, self.message)


@dataclass
class CheckContext:
    """What checks may consult besides the unit: glossary, corpus statistics, siblings."""

    glossary: Any = None
    length_ratio: tuple[float, float] | None = None  # (median, spread) of log length ratio
    extra: dict[str, Any] = field(default_factory=dict)
    cache: Path | None = None  # the project's cache folder (analyses kept across runs)
    # the run's path function: how findings name a file (relative to the repository root)
    relative: Callable[[Any], str] = str

    def where(self, unit: Unit) -> str:
        """``path:line`` of another entry, as the run's findings name files."""
        return f"{self.relative(unit.path)}:{unit.line}"


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    severity: Severity
    family: str
    function: Callable[..., Iterator[str]]
    # "unit": one entry at a time; "catalog": all units of a file; "project": all units;
    # "file": the problems msgfmt finds in a file's text; "suppression": the l10n-ignore
    # comments after the run; "run": the configuration and what the run found
    scope: str
    needs_translation: bool
    doc: str
    # a project check's reading of one settled entry, ``gather(unit, ctx)``: made in the
    # per-entry pass (in a parallel run, by the process that judged the entry, so that
    # nothing is judged twice) and given to ``function`` as ``gathered(ctx, code)``
    gather: Callable[[Unit, CheckContext], Any] | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    def examples(self) -> list[tuple[str, str, str]]:
        """(Bad|Good, source, target) from the docstring."""
        found = []
        for line in self.doc.splitlines():
            match = EXAMPLE.match(line.lstrip())
            if match:
                found.append((match.group(1), match.group(2), match.group(3)))
        return found


REGISTRY: dict[str, Check] = {}


def gathered(ctx: CheckContext, code: str) -> list | None:
    """The ``gather`` readings of check ``code``, one per unit it is given, when the run
    made them in the per-entry pass; None when the check must read the units itself."""
    return ctx.extra.get("gathered", {}).get(code)


def check(*, code: str, name: str, severity: Severity, family: str, scope: str = "unit",
          needs_translation: bool = True, gather: Callable | None = None) -> Callable:
    """Register a check; fails at import on a bad or duplicate code or missing docs."""

    def register(function: Callable) -> Callable:
        doc = function.__doc__ or ""
        if not CODE.match(code):
            raise ValueError(f"check code {code!r} must be a letter and three digits")
        if not NAME.match(name):
            raise ValueError(f"check name {name!r} must be kebab-case")
        if code in REGISTRY or any(c.name == name for c in REGISTRY.values()):
            raise ValueError(f"check {code} {name} is registered twice")
        for part in ("Why:", "Bad:", "Good:"):
            if part not in doc:
                raise ValueError(f"check {code} docstring lacks {part}")
        if gather is not None and scope != "project":
            raise ValueError(f"check {code}: only a project check gathers from entries")
        REGISTRY[code] = Check(code, name, severity, family, function, scope,
                               needs_translation, doc, gather)
        return function

    return register
