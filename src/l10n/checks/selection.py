"""Which checks run, at which severity, and what a suppression comment silences.

The conventions are ruff's and flake8's. A *selector* is a code (``N001``), a code prefix
(``N``, ``N00``), a check name (``number-missing``), a family (``numbers``) or ``ALL``;
wherever selectors are accepted a comma-separated list is too (``--select G,N``,
``# l10n-ignore: N, W002``). An unknown selector in the configuration or on the command
line is an error; in a comment it is a warning finding (L002), and a suppression that
silences nothing is one too (L001, as ruff's RUF100).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .base import REGISTRY, Check, Severity

_IGNORE = re.compile(r"l10n-ignore:[ \t]*([^\n]*)")
_WORD = re.compile(r"[A-Za-z][\w-]*")
LEVELS = ("error", "warning", "info", "off")


def split_selectors(values: Iterable[str]) -> list[str]:
    """``["G,N", " W002 "]`` -> ``["G", "N", "W002"]``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def matching(selector: str) -> list[Check]:
    """The checks a selector stands for (empty when it is unknown)."""
    if selector.upper() == "ALL":
        return list(REGISTRY.values())
    upper = selector.upper()
    prefix = bool(re.fullmatch(r"[A-Z][0-9]{0,3}", upper))
    return [c for c in REGISTRY.values()
            if (prefix and c.code.startswith(upper)) or c.name == selector.lower()
            or c.family == selector.lower()]


def resolve(selectors: Iterable[str], *, where: str = "",
            path: Path | None = None, line: int | None = None) -> set[str]:
    """The codes of the selectors; an unknown selector is a ConfigError."""
    codes: set[str] = set()
    for selector in split_selectors(selectors):
        found = matching(selector)
        if not found:
            raise ConfigError(f"unknown check {selector!r}{where}", path=path, line=line,
                              hint="'l10n checks' lists codes and names; a prefix such as "
                                   "'N' selects a family")
        codes |= {c.code for c in found}
    return codes


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Check]:
    """Checks chosen by code, code prefix (G, G00), name or family; unknown selectors
    are errors. No ``select`` means every check."""
    select, ignore = split_selectors(select), split_selectors(ignore)
    chosen = resolve(select) if select else set(REGISTRY)
    chosen -= resolve(ignore)
    return [c for code, c in REGISTRY.items() if code in chosen]


def severity_levels(overrides: dict[str, str], *, path: Path | None = None,
                    line: int | None = None) -> dict[str, Severity | None]:
    """Each code's severity after ``[tool.l10n.severity]``: a more specific selector wins
    (``N = "warning"`` with ``N001 = "error"``); ``off`` is None; unknown selectors are
    errors."""
    levels: dict[str, Severity | None] = {code: c.severity for code, c in REGISTRY.items()}
    ranked = []
    for selector, value in overrides.items():
        if value not in LEVELS:
            raise ConfigError(f"severity of {selector!r} must be one of {', '.join(LEVELS)}",
                              path=path, line=line, hint=f'write {selector} = "warning"')
        found = matching(selector)
        if not found:
            raise ConfigError(f"unknown check {selector!r} in [tool.l10n.severity]",
                              path=path, line=line,
                              hint="'l10n checks' lists codes and names")
        exact = selector.upper() in REGISTRY or any(c.name == selector for c in found)
        ranked.append((exact, len(selector), [c.code for c in found], value))
    for _, _, codes, value in sorted(ranked, key=lambda item: (item[0], item[1])):
        for code in codes:
            levels[code] = None if value == "off" else Severity(value)
    return levels


@dataclass(frozen=True)
class Suppression:
    """One ``l10n-ignore`` comment of an entry: the selectors it names, what they match."""

    selectors: tuple[str, ...]
    codes: frozenset[str]  # of the known selectors
    unknown: tuple[str, ...]
    everything: bool  # "all"


def parse_suppression(comment: str) -> Suppression | None:
    """The ``l10n-ignore:`` selectors in a translator comment; words after them (a
    reason) end the list: ``l10n-ignore: N001, W002 figure corrected on purpose``."""
    selectors: list[str] = []
    for match in _IGNORE.finditer(comment):
        for part in match.group(1).split(","):
            words = _WORD.findall(part)
            if not words:
                continue
            selectors.append(words[0])
            if len(part.split()) > 1:
                break  # the reason begins
    if not selectors:
        return None
    everything = any(s.lower() == "all" for s in selectors)
    codes: set[str] = set()
    unknown = []
    for selector in selectors:
        if selector.lower() == "all":
            continue
        found = matching(selector)
        if found:
            codes |= {c.code for c in found}
        else:
            unknown.append(selector)
    return Suppression(tuple(selectors), frozenset(codes), tuple(unknown), everything)


def per_file_codes(patterns: dict[str, tuple[str, ...]], relative: str,
                   path: Path | None = None) -> set[str]:
    """Codes ignored for the file at ``relative`` (posix, from the project root) by
    ``per-file-ignores``: globs as ruff reads them (``**`` any folders)."""
    codes: set[str] = set()
    for glob, selectors in patterns.items():
        if _glob_matches(glob, relative):
            codes |= resolve(selectors, where=f" in per-file-ignores {glob!r}", path=path)
    return codes


def _glob_matches(glob: str, relative: str) -> bool:
    glob = glob.strip().lstrip("./")
    if "/" not in glob:  # a bare file pattern matches the file's name, as in ruff
        return fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], glob)
    return bool(_glob_regex(glob).fullmatch(relative))


def _glob_regex(glob: str) -> re.Pattern:
    parts = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            parts.append(".*")
            i += 2
        elif glob[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(parts))
