"""QA checks for Korean→English catalogs: a registry with stable codes, and the runner.

Importing this package registers every family. ``run_checks`` applies them to
catalogs and returns findings as values; the exit code is decided in one place
(``exit_code``).
"""

from __future__ import annotations

import gc
import re
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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
from . import reference as reference_checks  # noqa: F401  (registration)
from .base import REGISTRY, Check, CheckContext, Finding, Severity, Unit
from .fluency import length_ratio, length_stats

FAMILIES = ["completeness", "script", "glossary", "numbers", "punctuation", "whitespace",
            "tokens", "fluency", "consistency"]  # R (reference) runs only when configured
_IGNORE = re.compile(r"l10n-ignore:\s*(.*)")
_SELECTOR = re.compile(r"[A-Za-z][\w-]*")


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
    if unit.target.lstrip()[:1] != unit.source.lstrip()[:1]:
        return False  # the usual case, decided without splitting both texts
    return " ".join(unit.target.split()) == " ".join(unit.source.split())


def _suppressed(unit: Unit, check: Check) -> bool:
    for match in _IGNORE.finditer(unit.comment):  # codes or names; any words after them
        names = set(_SELECTOR.findall(match.group(1)))
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
               relative=lambda path: str(path), jobs: int = 1,
               reference: dict[str, str] | None = None,
               reference_min_chrf: float = 40.0) -> list[Finding]:
    """Every finding of the chosen checks over the catalogs, sorted by path and line.

    With ``jobs`` > 1 the checks of a large run are spread over processes;
    the findings are the same as with one process.
    """
    checks = checks if checks is not None else list(REGISTRY.values())
    overrides = severity or {}
    by_path = {path: units_from_catalog(path, po) for path, po in catalogs}
    live, done, real = _kinds([u for units in by_path.values() for u in units])
    ctx = CheckContext(glossary=glossary)
    if reference:
        ctx.extra.update({"reference": reference, "reference-min-chrf": reference_min_chrf})
    levels = {c.code: _severity(c, overrides) for c in checks}
    # a check with nothing to compare against (no glossary, no reference translations)
    # cannot find anything; not calling it saves a call per entry
    idle = {"glossary"} if glossary is None else set()
    idle |= set() if reference else {"reference"}
    active = [c for c in checks if levels[c.code] is not None and c.family not in idle]
    if any(c.function is length_ratio for c in active):  # the project's usual lengths
        ctx.length_ratio = length_stats([(u.source, u.target) for u in done])
    unit_checks = [c for c in active if c.scope == "unit"]
    other_checks = [c for c in active if c.scope != "unit"]
    # Kiwi is used here, in this process, never in a forked worker: its thread pool does
    # not survive a fork, and a worker calling it would wait forever
    _prepare(ctx, active, real)
    work = _Work(unit_checks, other_checks, levels, list(by_path.values()), ctx, relative)
    if jobs > 1 and len(live) >= 4000:
        findings = _parallel(work, live, real, jobs)
    else:
        findings = work.units(live, done, real) + work.others(real)
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


def _kinds(units: list[Unit]) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """The live units, those translated, and those really translated.

    A copied source is reported once (C004); checks that need a real translation skip it
    rather than flag every Korean word in it.
    """
    live = [u for u in units if not u.obsolete]
    done = [u for u in live if u.translated]
    return live, done, [u for u in done if not _copied(u)]


def _prepare(ctx: CheckContext, checks: list[Check], units: list[Unit]) -> None:
    """Find glossary terms of all sources in one Kiwi batch, once."""
    if ctx.glossary is None or "glossary-hits" in ctx.extra:
        return
    if any(c.family in ("glossary", "consistency") for c in checks):
        sources = list(dict.fromkeys(u.source for u in units))
        ctx.extra["glossary-hits"] = dict(zip(sources, ctx.glossary.find_korean_many(sources),
                                              strict=True))


def _finding(check: Check, level: Severity, unit: Unit, message: str, relative) -> Finding:
    return Finding(relative(unit.path), unit.line, check.code, check.name, level, message,
                   unit.source, unit.target)


def _crash(check: Check, exc: Exception) -> Finding:
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return Finding("<l10n>", 0, "L000", "internal-error", Severity.ERROR,
                   f"check {check.code} {check.name} crashed: {detail}")


@dataclass(frozen=True)
class _Work:
    """The checks of one run and what they need, shared by every process."""

    unit_checks: list[Check]
    other_checks: list[Check]
    levels: dict
    catalogs: list[list[Unit]]
    ctx: CheckContext
    relative: Callable

    def units(self, live: list[Unit], done: list[Unit], real: list[Unit]) -> list[Finding]:
        """Findings of the per-entry checks on these entries."""
        findings = []
        for check in self.unit_checks:
            units = live if not check.needs_translation else (done if check.code == "C004"
                                                              else real)
            function, ctx = check.function, self.ctx  # the innermost loop of a run
            try:
                for unit in units:
                    for message in function(unit, ctx):
                        if not _suppressed(unit, check):
                            findings.append(_finding(check, self.levels[check.code], unit,
                                                     message, self.relative))
            except Exception as exc:  # a crashing check is an internal error, never a pass
                findings.append(_crash(check, exc))
        return findings

    def others(self, real: list[Unit]) -> list[Finding]:
        """Findings of the checks over whole catalogs and over the project."""
        findings = []
        for check in self.other_checks:
            try:
                if check.scope == "catalog":
                    results = [r for units in self.catalogs for r in check.function(units,
                                                                                     self.ctx)]
                else:
                    results = list(check.function(real, self.ctx))
                findings += [_finding(check, self.levels[check.code], unit, message,
                                      self.relative)
                             for unit, message in results if not _suppressed(unit, check)]
            except Exception as exc:  # a crashing check is an internal error, never a pass
                findings.append(_crash(check, exc))
        return findings


_TASKS: dict = {}


def _worker(index: int) -> list[Finding]:
    gc.disable()  # a short-lived worker: collecting would only cost time
    work, tasks = _TASKS["work"], _TASKS["tasks"]
    if index == 0:
        return work.others(_TASKS["real"])
    return work.units(*_kinds(tasks[index - 1]))


def _parallel(work: _Work, live: list[Unit], real: list[Unit], jobs: int) -> list[Finding]:
    """The checks over ``jobs`` forked processes: the whole-catalog checks as one task,
    the per-entry checks as slices of the entries, a few per process so that the
    processes finish together."""
    import multiprocessing

    size = -(-len(live) // (jobs * 4))
    tasks = [live[start:start + size] for start in range(0, len(live), size)]
    _TASKS.update(work=work, tasks=tasks, real=real)
    # the entries are shared with the forked workers; frozen, the collector does not
    # traverse them again in every worker
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_worker, range(len(tasks) + 1), chunksize=1)
        return [finding for part in parts for finding in part]
    finally:
        _TASKS.clear()
        gc.unfreeze()


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


def count_errors(config, path: Path, po: polib.POFile | None = None, glossary=None, *,
                 jobs: int = 1) -> int:
    """QA errors in one catalog of a project (for status and the publication gate).

    Only checks whose configured severity is ``error`` run: warnings cannot block.
    """
    from ..glossary.terms import project_glossary
    from ..po.catalog import read_catalog

    severity = config.severity
    checks = [c for c in REGISTRY.values()
              if c.scope != "project" and _severity(c, severity) is Severity.ERROR]
    findings = run_checks([(path, po if po is not None else read_catalog(path))],
                          glossary=glossary if glossary is not None else project_glossary(config),
                          checks=checks, severity=severity, jobs=jobs)
    return sum(f.severity is Severity.ERROR for f in findings)


__all__ = ["REGISTRY", "Check", "CheckContext", "Finding", "Severity", "Unit", "FAMILIES",
           "select_checks", "run_checks", "apply_baseline", "exit_code", "count_errors",
           "units_from_catalog"]
