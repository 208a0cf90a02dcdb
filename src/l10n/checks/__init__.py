"""QA checks for Korean→English catalogs: a registry with stable codes, and the runner.

Importing this package registers every family. ``run_checks`` applies them to
catalogs and returns findings as values; the exit code is decided in one place
(``exit_code``).
"""

from __future__ import annotations

import re
import traceback
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import polib

from . import (  # noqa: F401  (registration)
    completeness,
    consistency,
    fluency,
    numbers,
    punctuation,
    script,
    terms,
    tokens,
    whitespace,
)
from .base import REGISTRY, Check, CheckContext, Finding, Severity, Unit
from .fluency import length_stats

FAMILIES = ["completeness", "script", "glossary", "numbers", "punctuation", "whitespace",
            "tokens", "fluency", "consistency"]
_IGNORE = re.compile(r"l10n-ignore:\s*([\w\-, ]+)")


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Check]:
    """Checks chosen by code, code prefix (G, G00) or name; unknown selectors are errors."""
    def matches(check: Check, selector: str) -> bool:
        return check.code.startswith(selector.upper()) or check.name == selector \
            or check.family == selector

    chosen = list(REGISTRY.values())
    for selector in [*select, *ignore]:
        if not any(matches(c, selector) for c in chosen) and \
                not any(matches(c, selector) for c in REGISTRY.values()):
            from ..errors import ConfigError

            raise ConfigError(f"unknown check {selector!r}",
                              hint="'l10n checks' lists codes and names")
    if select:
        chosen = [c for c in chosen if any(matches(c, s) for s in select)]
    return [c for c in chosen if not any(matches(c, s) for s in ignore)]


def units_from_catalog(path: Path, po: polib.POFile) -> list[Unit]:
    return [Unit(source=entry.msgid, target=entry.msgstr, path=path,
                 line=int(getattr(entry, "linenum", 0) or 0), fuzzy="fuzzy" in entry.flags,
                 obsolete=entry.obsolete, comment=entry.tcomment or "")
            for entry in po if entry.msgid]


def _copied(unit: Unit) -> bool:
    return " ".join(unit.target.split()) == " ".join(unit.source.split())


def _suppressed(unit: Unit, check: Check) -> bool:
    for match in _IGNORE.finditer(unit.comment):
        names = {part.strip() for part in match.group(1).split(",")}
        if check.code in names or check.name in names or "all" in names:
            return True
    return False


def _severity(check: Check, overrides: dict[str, str]) -> Severity | None:
    value = overrides.get(check.code) or overrides.get(check.name)
    if value is None:
        return check.severity
    if value == "off":
        return None
    return Severity(value)


def run_checks(catalogs: list[tuple[Path, polib.POFile]], *, glossary=None,
               checks: list[Check] | None = None, severity: dict[str, str] | None = None,
               relative=lambda path: str(path)) -> list[Finding]:
    """Every finding of the chosen checks over the catalogs, sorted by path and line."""
    checks = checks if checks is not None else list(REGISTRY.values())
    overrides = severity or {}
    by_path = {path: units_from_catalog(path, po) for path, po in catalogs}
    live = [u for units in by_path.values() for u in units if not u.obsolete]
    done = [u for u in live if u.translated]
    # precondition: a copied source is reported once (C004); checks that need a real
    # translation skip it rather than flag every Korean word in it
    real = [u for u in done if not _copied(u)]
    ctx = CheckContext(glossary=glossary,
                       length_ratio=length_stats([(u.source, u.target) for u in done]))
    findings: list[Finding] = []

    def emit(check: Check, level: Severity, unit: Unit, message: str) -> None:
        if not _suppressed(unit, check):
            findings.append(Finding(relative(unit.path), unit.line, check.code, check.name,
                                    level, message, unit.source, unit.target))

    for check in checks:
        level = _severity(check, overrides)
        if level is None:
            continue
        try:
            if check.scope == "unit":
                units = live if not check.needs_translation else (
                    done if check.code == "C004" else real)
                for unit in units:
                    for message in check.function(unit, ctx):
                        emit(check, level, unit, message)
            elif check.scope == "catalog":
                for units in by_path.values():
                    for unit, message in check.function(units, ctx):
                        emit(check, level, unit, message)
            else:
                for unit, message in check.function(real, ctx):
                    emit(check, level, unit, message)
        except Exception as exc:  # a crashing check is an internal error, never a pass
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            findings.append(Finding("<l10n>", 0, "L000", "internal-error", Severity.ERROR,
                                    f"check {check.code} {check.name} crashed: {detail}"))
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


def apply_baseline(findings: list[Finding], baseline: list[dict]) -> list[Finding]:
    """Findings not accepted by the baseline (matched by path, code, msgid and message)."""
    accepted = Counter((b["path"], b["code"], b["msgid"], b["message"]) for b in baseline)
    fresh = []
    for finding in findings:
        if accepted[finding.key] > 0:
            accepted[finding.key] -= 1
        else:
            fresh.append(finding)
    return fresh


def exit_code(findings: list[Finding], *, strict: bool = False) -> int:
    """0: no errors; 1: errors (or warnings with strict)."""
    worst = max((f.severity.rank for f in findings), default=-1)
    return 1 if worst >= (Severity.WARNING.rank if strict else Severity.ERROR.rank) else 0


def count_errors(config, path: Path) -> int:
    """QA errors in one catalog of a project (for status and the publication gate)."""
    from ..catalog import read_catalog
    from ..glossary import project_glossary

    findings = run_checks([(path, read_catalog(path))], glossary=project_glossary(config),
                          checks=[c for c in REGISTRY.values() if c.scope != "project"],
                          severity=config.severity)
    return sum(f.severity is Severity.ERROR for f in findings)


__all__ = ["REGISTRY", "Check", "CheckContext", "Finding", "Severity", "Unit", "FAMILIES",
           "select_checks", "run_checks", "apply_baseline", "exit_code", "count_errors",
           "units_from_catalog"]
