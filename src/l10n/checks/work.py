"""The per-entry and whole-catalog checks of a run as work, in this process or spread
over forked workers (``parallel``), and how a check's messages become findings."""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .base import Check, CheckContext, Finding, Severity, Unit
from .memo import Entry, Judged
from .selection import parse_suppression


@lru_cache(maxsize=4096)
def suppression_of(comment: str):
    return parse_suppression(comment) if "l10n-ignore" in comment else None


def _suppressed(unit: Unit, check: Check) -> str | None:
    """The suppression comment that silences ``check`` on ``unit``, or None."""
    if not unit.comment:
        return None
    found = suppression_of(unit.comment)
    if found is not None and (found.everything or check.code in found.codes):
        return unit.comment
    return None


def make_finding(check: Check, level: Severity, unit: Unit, message: str, relative) -> Finding:
    return Finding(relative(unit.path), unit.line, check.code, check.name, level, message,
                   unit.source, unit.target, suppressed=_suppressed(unit, check))


def crash(check: Check, exc: Exception) -> Finding:
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return Finding("<l10n>", 0, "L000", "internal-error", Severity.ERROR,
                   f"check {check.code} {check.name} crashed: {detail}")


@dataclass(frozen=True)
class Work:
    """The checks of one run and what they need, shared by every process."""

    unit_checks: list[Check]
    other_checks: list[Check]
    levels: dict
    catalogs: list[list[Unit]]
    ctx: CheckContext
    relative: Callable
    reader: Check | None  # the project check whose per-entry readings are remembered

    def units(self, entries: list[Entry]) -> list[Judged]:
        """The per-entry checks each entry misses, and the reading it misses."""
        judged = Judged([[] for _ in entries], [None] * len(entries))
        ctx = self.ctx
        for check in self.unit_checks:
            code, function = check.code, check.function  # the innermost loop of a run
            chosen = [i for i, entry in enumerate(entries) if code in entry.missing]
            try:
                for i in chosen:
                    for message in function(entries[i].unit, ctx):
                        judged.messages[i].append((code, message))
            except Exception as exc:  # a crashing check is an internal error, never a pass
                judged.crashes.append(crash(check, exc))
        if self.reader is not None:
            gather = self.reader.gather
            try:
                for i, entry in enumerate(entries):
                    if entry.wants_reading:
                        judged.rows[i] = gather(entry.unit, ctx)
            except Exception:  # noqa: BLE001  (the project-wide run reports it)
                judged.failed = True
        return [judged]

    def others(self, real: list[Unit], *, gathering: bool | None = None) -> list[Finding]:
        """Findings of the checks over whole catalogs and over the project (``gathering``:
        only those that gather from entries, True, or only the others, False)."""
        findings = []
        for check in self.other_checks:
            if gathering is not None and gathering is not (check.gather is not None):
                continue
            try:
                if check.scope == "catalog":
                    results = [r for units in self.catalogs for r in check.function(units,
                                                                                     self.ctx)]
                else:
                    results = list(check.function(real, self.ctx))
                findings += [make_finding(check, self.levels[check.code], unit, message,
                                      self.relative)
                             for unit, message in results]
            except Exception as exc:  # a crashing check is an internal error, never a pass
                findings.append(crash(check, exc))
        return findings


_TASKS: dict = {}


def _worker(index: int):
    gc.disable()  # a short-lived worker: collecting would only cost time
    work, tasks = _TASKS["work"], _TASKS["tasks"]
    if index == 0:
        return work.others(_TASKS["real"], gathering=False)
    # the per-entry verdicts just made (the glossary's) are read here for the project
    # checks, instead of being made again by the process that runs those
    return work.units(tasks[index - 1])


def parallel(work: Work, todo: list[Entry], real: list[Unit],
              jobs: int) -> tuple[list[Judged], list[Finding]]:
    """The checks over ``jobs`` forked processes: the whole-catalog checks as one task,
    the per-entry checks as slices of the entries, a few per process so that the
    processes finish together; a project check that gathers from entries (K003) runs
    last, in the caller, over what the slices gathered. The pool is
    ``workers.process_pool``: workers ignore Ctrl-C (the parent alone stops the run) and
    die with their parent."""
    from ..workers import process_pool

    size = -(-len(todo) // (jobs * 4))
    tasks = [todo[start:start + size] for start in range(0, len(todo), size)]
    _TASKS.update(work=work, tasks=tasks, real=real)
    # the entries are shared with the forked workers; frozen, the collector does not
    # traverse them again in every worker
    gc.freeze()
    try:
        with process_pool(jobs) as pool:
            parts = pool.map(_worker, range(len(tasks) + 1), chunksize=1)
    finally:
        _TASKS.clear()
        gc.unfreeze()
    judged = [part for slice_ in parts[1:] for part in slice_]
    return judged, parts[0]
