"""QA checks for Korean→English catalogs: a registry with stable codes, and the runner.

Importing this package registers every family. ``run_checks`` applies them to
catalogs and returns findings as values; the exit code is decided in one place
(``exit_code``).
"""

from __future__ import annotations

import gc
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as remember
from functools import lru_cache
from pathlib import Path

import polib

from ..korean import analyser
from . import (  # noqa: F401  (registration)
    completeness,
    consistency,
    fluency,
    meta,
    numbers,
    omission,
    punctuation,
    script,
    terms,
    tokens,
    validity,
    whitespace,
)
from . import reference as reference_checks  # noqa: F401  (registration)
from .base import REGISTRY, Check, CheckContext, Finding, Severity, Unit
from .fluency import length_ratio, length_stats
from .meta import SuppressionUse
from .selection import matching, parse_suppression, select_checks, severity_levels

FAMILIES = ["completeness", "script", "glossary", "numbers", "punctuation", "whitespace",
            "tokens", "fluency", "consistency"]  # R (reference) runs only when configured


def units_from_catalog(path: Path, po: polib.POFile, lines: dict | None = None) -> list[Unit]:
    """The entries of a catalog as units; ``lines`` (from ``po.validate``) gives each
    entry's msgstr line, where findings point, instead of the entry's first line."""
    lines = lines or {}
    return [Unit(source=entry.msgid, target=entry.msgstr, path=path,
                 line=lines.get((entry.msgctxt, entry.msgid, bool(entry.obsolete)))
                 or int(getattr(entry, "linenum", 0) or 0), fuzzy="fuzzy" in entry.flags,
                 obsolete=entry.obsolete, comment=entry.tcomment or "")
            for entry in po if entry.msgid]


def _copied(unit: Unit) -> bool:
    if unit.target.lstrip()[:1] != unit.source.lstrip()[:1]:
        return False  # the usual case, decided without splitting both texts
    return " ".join(unit.target.split()) == " ".join(unit.source.split())


@lru_cache(maxsize=4096)
def _suppression(comment: str):
    return parse_suppression(comment) if "l10n-ignore" in comment else None


def _suppressed(unit: Unit, check: Check) -> str | None:
    """The suppression comment that silences ``check`` on ``unit``, or None."""
    if not unit.comment:
        return None
    found = _suppression(unit.comment)
    if found is not None and (found.everything or check.code in found.codes):
        return unit.comment
    return None


def _severity(check: Check, overrides: dict[str, str]) -> Severity | None:
    return severity_levels(overrides)[check.code]


def run_checks(catalogs: list[tuple[Path, polib.POFile]], *, glossary=None,
               checks: list[Check] | None = None, severity: dict[str, str] | None = None,
               relative=lambda path: str(path), jobs: int = 1,
               reference: dict[str, str] | None = None,
               reference_min_chrf: float = 40.0,
               lines: dict[Path, dict] | None = None,
               keep_suppressed: bool = False, cache: Path | None = None) -> list[Finding]:
    """Every finding of the chosen checks over the catalogs, sorted by path and line.

    With ``jobs`` > 1 the checks of a large run are spread over processes;
    the findings are the same as with one process. Findings silenced by an
    ``l10n-ignore`` comment are left out, or kept and marked (``keep_suppressed``).
    ``cache``: the project's cache folder, where Kiwi's analyses are kept across runs.
    """
    checks = [c for c in (checks if checks is not None else list(REGISTRY.values()))
              if c.scope in ("unit", "catalog", "project", "suppression")]
    relative = remember(relative)  # names the file of every finding, once per path
    lines = lines or {}
    by_path = {path: units_from_catalog(path, po, lines.get(path)) for path, po in catalogs}
    live, done, real = _kinds([u for units in by_path.values() for u in units])
    # the project-wide checks (consistency) compare settled translations, not fuzzy ones
    settled = [u for u in real if not u.fuzzy]
    ctx = CheckContext(glossary=glossary, cache=cache, relative=relative)
    if reference:
        ctx.extra.update({"reference": reference, "reference-min-chrf": reference_min_chrf})
    all_levels = severity_levels(severity or {})
    levels = {c.code: all_levels[c.code] for c in checks}
    # a check with nothing to compare against (no glossary, no reference translations)
    # cannot find anything; not calling it saves a call per entry
    idle = {"glossary"} if glossary is None else set()
    idle |= set() if reference else {"reference"}
    active = [c for c in checks if levels[c.code] is not None and c.family not in idle]
    if any(c.function is length_ratio for c in active):  # the project's usual lengths
        ctx.length_ratio = length_stats([(u.source, u.target) for u in done if not u.fuzzy])
    unit_checks = [c for c in active if c.scope == "unit"]
    other_checks = [c for c in active if c.scope in ("catalog", "project")]
    # Kiwi is used here, in this process, never in a forked worker: its thread pool does
    # not survive a fork, and a worker calling it would wait forever
    _prepare(ctx, active, real)
    analyser.release_if_unused()  # a child loading Kiwi for nothing stops now
    work = _Work(unit_checks, other_checks, levels, list(by_path.values()), ctx, relative)
    if jobs > 1 and len(live) >= 4000:
        findings = _parallel(work, live, settled, jobs)
    else:
        findings = work.units(live, done, real) + work.others(settled)
    meta_checks = [c for c in active if c.scope == "suppression"]
    if meta_checks:
        uses = suppression_uses(live, findings, {c.code for c in active}, relative)
        for check in meta_checks:
            findings += [_finding(check, levels[check.code], unit, message, relative)
                         for unit, message in check.function(uses, ctx)]
    if not keep_suppressed:
        findings = [f for f in findings if f.suppressed is None]
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


def suppression_uses(units: list[Unit], findings: list[Finding], ran: set[str],
                     relative=lambda path: str(path)) -> list[SuppressionUse]:
    """Each ``l10n-ignore`` comment with the selectors it names that no check has, and
    those that silenced nothing although their checks ran (ruff's RUF100)."""
    hits: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for finding in findings:
        if finding.suppressed is not None:
            hits[(finding.path, finding.line, finding.msgid)].add(finding.code)
    uses = []
    for unit in units:
        found = _suppression(unit.comment) if unit.comment else None
        if found is None:
            continue
        silenced = hits.get((relative(unit.path), unit.line, unit.source), set())
        unused = []
        for selector in found.selectors:
            if selector in found.unknown:
                continue
            if selector.lower() == "all":
                if not silenced:
                    unused.append(selector)
                continue
            codes = {c.code for c in matching(selector)}
            if codes & ran and not codes & silenced:
                unused.append(selector)
        if unused or found.unknown:
            uses.append(SuppressionUse(unit, found.unknown, tuple(unused)))
    return uses


def _kinds(units: list[Unit]) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """The live units, those translated, and those really translated.

    A copied source is reported once (C004); checks that need a real translation skip it
    rather than flag every Korean word in it. A fuzzy entry with a translation is
    checked too, its findings reported beside the fuzzy warning (C002): a stale number
    in a fuzzy entry is still a stale number.
    """
    live = [u for u in units if not u.obsolete]
    done = [u for u in live if u.target]
    return live, done, [u for u in done if not _copied(u)]


def _prepare(ctx: CheckContext, checks: list[Check], units: list[Unit]) -> None:
    """Find glossary terms of all sources in one Kiwi batch, once; analyse the sources
    the omission check needs. (The glossary first: its work before its first Kiwi batch,
    the plurals and the automaton, overlaps the loading of a Kiwi child.)"""
    if ctx.glossary is not None and "glossary-hits" not in ctx.extra and \
            any(c.family in ("glossary", "consistency") for c in checks):
        ctx.glossary.prime_inflections()  # plurals from the cache: no lemminflect load
        sources = list(dict.fromkeys(u.source for u in units))
        ctx.extra["glossary-hits"] = dict(zip(sources, ctx.glossary.find_korean_many(sources),
                                              strict=True))
    if any(c.function is omission.possible_omission for c in checks):
        omission.prepare(ctx, units)


def _finding(check: Check, level: Severity, unit: Unit, message: str, relative) -> Finding:
    return Finding(relative(unit.path), unit.line, check.code, check.name, level, message,
                   unit.source, unit.target, suppressed=_suppressed(unit, check))


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
                        findings.append(_finding(check, self.levels[check.code], unit,
                                                 message, self.relative))
            except Exception as exc:  # a crashing check is an internal error, never a pass
                findings.append(_crash(check, exc))
        return findings

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
                findings += [_finding(check, self.levels[check.code], unit, message,
                                      self.relative)
                             for unit, message in results]
            except Exception as exc:  # a crashing check is an internal error, never a pass
                findings.append(_crash(check, exc))
        return findings


    def gather(self, settled: list[Unit]) -> dict[str, list]:
        """The project checks' readings of these settled entries, by code; a check whose
        reading fails is left out (run again over the project, it reports the crash)."""
        readings = {}
        for check in self.other_checks:
            if check.gather is not None:
                try:
                    readings[check.code] = [check.gather(unit, self.ctx) for unit in settled]
                except Exception:  # noqa: BLE001  (reported by the project-wide run)
                    continue
        return readings


_TASKS: dict = {}


def _worker(index: int) -> tuple[list[Finding], dict[str, list]]:
    gc.disable()  # a short-lived worker: collecting would only cost time
    work, tasks = _TASKS["work"], _TASKS["tasks"]
    if index == 0:
        return work.others(_TASKS["real"], gathering=False), {}
    live, done, real = _kinds(tasks[index - 1])
    # the per-entry verdicts just made (the glossary's) are read here for the project
    # checks, instead of being made again by the process that runs those
    return work.units(live, done, real), work.gather([u for u in real if not u.fuzzy])


def _parallel(work: _Work, live: list[Unit], real: list[Unit], jobs: int) -> list[Finding]:
    """The checks over ``jobs`` forked processes: the whole-catalog checks as one task,
    the per-entry checks as slices of the entries, a few per process so that the
    processes finish together; a project check that gathers from entries (K003) runs
    last, here, over what the slices gathered. The pool is ``workers.process_pool``:
    workers ignore Ctrl-C (the parent alone stops the run) and die with their parent."""
    from ..workers import process_pool

    size = -(-len(live) // (jobs * 4))
    tasks = [live[start:start + size] for start in range(0, len(live), size)]
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
    readings = {}
    for check in work.other_checks:
        pieces = [gathered.get(check.code) for _, gathered in parts[1:]]
        if check.gather is not None and all(piece is not None for piece in pieces):
            readings[check.code] = [reading for piece in pieces for reading in piece]
    work.ctx.extra["gathered"] = readings
    findings = [finding for part, _ in parts for finding in part]
    return findings + work.others(real, gathering=True)


def apply_baseline(findings: list[Finding], baseline: list[dict]) -> list[Finding]:
    """Findings not accepted by the baseline (matched by path, code, msgid and message)."""
    accepted = Counter((b["path"], b["code"], b["msgid"], b["message"]) for b in baseline)
    fresh = []
    for finding in findings:
        if finding.suppressed is None and accepted[finding.key] > 0:
            accepted[finding.key] -= 1
        else:
            fresh.append(finding)
    return fresh


def exit_code(findings: list[Finding], *, strict: bool = False) -> int:
    """0: no errors; 1: errors (or warnings with strict). Suppressed findings count not."""
    worst = max((f.severity.rank for f in findings if f.suppressed is None), default=-1)
    return 1 if worst >= (Severity.WARNING.rank if strict else Severity.ERROR.rank) else 0


def count_errors(config, path: Path, po: polib.POFile | None = None, glossary=None, *,
                 jobs: int = 1, findings: list[Finding] | None = None) -> int:
    """QA errors in one catalog of a project (for status and the publication gate).

    Only checks whose configured severity is ``error`` run: warnings cannot block. What
    msgfmt --check rejects counts too, so a broken file is never complete. ``findings``
    (every check's findings over the project, paths as ``config.relative`` gives them,
    e.g. those of ``build --review``) are counted instead of running the checks again.
    """
    from ..glossary.terms import project_glossary
    from .inputs import load_catalog

    levels = severity_levels(config.severity, path=config.config_file)
    loaded = load_catalog(path, str(path))
    errors = sum(levels[code] is Severity.ERROR for code in _problem_codes(loaded.problems))
    if po is None:
        po = loaded.po
    if po is None:
        return max(errors, 1)
    if findings is not None:
        shown = config.relative(path)
        return errors + sum(f.path == shown and f.severity is Severity.ERROR
                            and f.suppressed is None and f.code in REGISTRY
                            and REGISTRY[f.code].scope in ("unit", "catalog")
                            for f in findings)
    checks = [c for c in REGISTRY.values()
              if c.scope in ("unit", "catalog") and levels[c.code] is Severity.ERROR]
    findings = run_checks([(path, po)],
                          glossary=glossary if glossary is not None else project_glossary(config),
                          checks=checks, severity=config.severity, jobs=jobs,
                          lines={path: loaded.msgstr_lines}, cache=config.cache)
    return errors + sum(f.severity is Severity.ERROR and f.suppressed is None
                        for f in findings)


_KINDS = {"unreadable": "V001", "syntax": "V002", "duplicate": "V003", "header": "V004",
          "newline": "V005", "format": "V006"}


def _problem_codes(problems) -> list[str]:
    return [_KINDS[p.kind] for p in problems]


@dataclass(frozen=True)
class CheckReport:
    """The outcome of a run: every finding (suppressed ones marked), the files checked."""

    findings: list[Finding]
    files: int
    unreadable: int  # files that could not be read into entries

    @property
    def shown(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    @property
    def suppressed(self) -> int:
        return sum(f.suppressed is not None for f in self.findings)


def check_groups(groups, *, select: list[str] | tuple = (), ignore: list[str] | tuple = (),
                 glossary=None, jobs: int = 1, reference=None) -> CheckReport:
    """Check the catalogs of each group (see ``inputs.gather``) with its configuration.

    ``select`` replaces the configuration's ``select`` and ``ignore`` (ruff's rule);
    ``ignore`` adds to them; ``glossary`` (a Glossary) replaces the configured one. ``reference`` is
    a function (config, catalogs) -> {msgid: reference translation} or None. A file that
    cannot be read, or that msgfmt --check rejects, is a finding; the others are checked.
    """
    from ..glossary.terms import project_glossary
    from .inputs import load_catalog
    from .meta import RunFacts
    from .selection import per_file_codes, resolve

    findings: list[Finding] = []
    files = unreadable = 0
    for group in groups:
        config = group.config
        where = config.config_file if config is not None else None
        if config is not None:
            for key, values in (("select", config.select), ("ignore", config.ignore)):
                resolve(values, where=f" in [tool.l10n] {key}", path=where,
                        line=config.key_line(key) or None)
        severity = config.severity if config is not None else {}
        levels = severity_levels(severity, path=where)
        # as ruff's layers: a --select replaces the configuration's select and ignore
        chosen = select_checks(select or (config.select if config else ()),
                               [*(config.ignore if config and not select else ()), *ignore])
        codes = {c.code for c in chosen}
        chosen_glossary = glossary
        if chosen_glossary is None and config is not None:
            chosen_glossary = project_glossary(config)
        if omission.analysis_likely(chosen, chosen_glossary, config.cache if config else None,
                                    group.paths):
            analyser.use(analyser.Analyser.start())  # Kiwi loads while catalogs are read
        loaded = [load_catalog(path, group.display(path)) for path in group.paths]
        files += len(loaded)
        unreadable += sum(item.unreadable for item in loaded)
        local: list[Finding] = []
        for item in loaded:
            for code, problem in zip(_problem_codes(item.problems), item.problems, strict=True):
                check = REGISTRY[code]
                # as ruff's syntax errors: a file that could not be read is always reported
                level = Severity.ERROR if item.unreadable else levels[code]
                if (code in codes or item.unreadable) and level is not None:
                    local.append(Finding(item.display, problem.line, code, check.name,
                                         level, problem.text, column=problem.column))
        facts = RunFacts(config, len(loaded), group.where)
        for check in (REGISTRY[c] for c in ("L003", "L004", "L005")):
            if check.code in codes and levels[check.code] is not None:
                for path, line, message in check.function(facts, None):
                    shown = group.display(path) if path is not None else "."
                    local.append(Finding(shown, line, check.code, check.name,
                                         levels[check.code], message))
        readable = [(item.path, item.po) for item in loaded if item.po is not None]
        displays = {item.path: item.display for item in loaded}
        if readable:
            local += run_checks(
                readable, glossary=chosen_glossary, checks=chosen, severity=severity,
                relative=lambda path, d=displays: d.get(path, str(path)), jobs=jobs,
                reference=reference(config, readable) if reference and config else None,
                reference_min_chrf=config.reference_min_chrf if config else 40.0,
                lines={item.path: item.msgstr_lines for item in loaded}, keep_suppressed=True,
                cache=config.cache if config is not None else None)
        if config is not None and config.per_file_ignores:
            ignored = {item.display: per_file_codes(config.per_file_ignores,
                                                    config.relative(item.path), where)
                       for item in loaded}
            local = [f for f in local if f.code not in ignored.get(f.path, ())]
        findings += local
    analyser.close_checks()
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code, f.message))
    return CheckReport(findings, files, unreadable)


__all__ = ["REGISTRY", "Check", "CheckContext", "Finding", "Severity", "Unit", "FAMILIES",
           "select_checks", "run_checks", "apply_baseline", "exit_code", "count_errors",
           "units_from_catalog", "check_groups", "CheckReport"]
