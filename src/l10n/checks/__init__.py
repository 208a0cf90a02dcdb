"""QA checks for Korean→English catalogs: a registry with stable codes, and the runner.

Importing this package registers every family. ``run_checks`` applies them to
catalogs and returns findings as values; the exit code is decided in one place
(``exit_code``).
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache as remember
from pathlib import Path

import polib

from ..korean import analyser, resident
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
from .memo import Entry, FindingsCache, Plan
from .meta import SuppressionUse
from .selection import matching, select_checks, severity_levels
from .work import Work, make_finding, parallel, suppression_of

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


def _severity(check: Check, overrides: dict[str, str]) -> Severity | None:
    return severity_levels(overrides)[check.code]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while a run lasts, as it was before after it.

    A run makes many objects that live until it ends (entries, units, the findings
    cache's records), and the collector, set off by every few hundred allocations,
    traverses them again and again: a fifth of a warm run's CPU. Nothing a run makes
    depends on the collector; the cycles it leaves are collected once it is over."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@collector_paused()
def run_checks(catalogs: Iterable[tuple[Path, polib.POFile]], *, glossary=None,
               checks: list[Check] | None = None, severity: dict[str, str] | None = None,
               relative=lambda path: str(path), jobs: int = 1,
               reference: dict[str, str] | None = None,
               reference_min_chrf: float = 40.0,
               lines: dict[Path, dict] | None = None,
               keep_suppressed: bool = False, cache: Path | None = None,
               keep_findings: bool = True) -> list[Finding]:
    """Every finding of the chosen checks over the catalogs, sorted by path and line.

    With ``jobs`` > 1 the checks of a large run are spread over processes;
    the findings are the same as with one process. Findings silenced by an
    ``l10n-ignore`` comment are left out, or kept and marked (``keep_suppressed``).
    ``cache``: the project's cache folder, where Kiwi's analyses and the per-entry
    checks' findings (``memo``) are kept across runs: an entry whose inputs did not
    change is not checked again (``keep_findings=False``: the analyses only). An entry that
    occurs twice is checked once.
    """
    checks = [c for c in (checks if checks is not None else list(REGISTRY.values()))
              if c.scope in ("unit", "catalog", "project", "suppression")]
    relative = remember(relative)  # names the file of every finding, once per path
    lines = lines or {}
    # a catalog is not held past its units (``check_groups`` hands them over one by one)
    by_path = {path: units_from_catalog(path, po, lines.get(path)) for path, po in catalogs}
    del catalogs
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
    elif any(c.function is omission.possible_omission for c in active):
        # as F004 works it out when F003 does not run: over the real translations
        ctx.length_ratio = length_stats([(u.source, u.target) for u in real])
    unit_checks = [c for c in active if c.scope == "unit"]
    other_checks = [c for c in active if c.scope in ("catalog", "project")]
    reader = next((c for c in other_checks if c.gather is not None), None) \
        if glossary is not None else None
    work = Work(unit_checks, other_checks, levels, list(by_path.values()), ctx, relative,
                 reader)
    plan = Plan(unit_checks, reader, ctx,
                FindingsCache(cache, glossary) if cache is not None and keep_findings and
                (unit_checks or reader) else None, _copied)
    entries = [plan.entry(unit) for unit in live]
    todo = plan.todo()
    # Kiwi is used here, in this process, never in a forked worker: its thread pool does
    # not survive a fork, and a worker calling it would wait forever
    _prepare(ctx, todo, unit_checks)
    analyser.release_if_unused()  # a child loading Kiwi for nothing stops now
    if jobs > 1 and len(todo) >= 4000:
        results, findings = parallel(work, todo, settled, jobs)
    else:
        results = work.units(todo)
        findings = []
    failed = plan.learn(todo, results)
    by_code = {c.code: c for c in unit_checks}
    findings += [f for part in results for f in part.crashes]
    for unit, entry in zip(live, entries, strict=True):
        for code, message in entry.messages:
            findings.append(make_finding(by_code[code], levels[code], unit, message, relative))
    if reader is not None and not failed:
        # the readings of the settled entries, remembered or made in the per-entry pass
        # (the settled units are the live ones of that kind, in the same order)
        ctx.extra["gathered"] = {reader.code: [e.rows for e in entries if e.settled]}
    findings += work.others(settled, gathering=True if jobs > 1 and len(todo) >= 4000
                            else None)
    if plan.cache is not None and not any(part.crashes for part in results):
        keys: dict[Path, list] = {path: [] for path in by_path}
        for unit, entry in zip(live, entries, strict=True):
            keys[unit.path].append(entry.key)
        plan.save(keys)
    meta_checks = [c for c in active if c.scope == "suppression"]
    if meta_checks:
        uses = suppression_uses(live, findings, {c.code for c in active}, relative)
        for check in meta_checks:
            findings += [make_finding(check, levels[check.code], unit, message, relative)
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
        found = suppression_of(unit.comment) if unit.comment else None
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


def _prepare(ctx: CheckContext, todo: list[Entry], checks: list[Check]) -> None:
    """Find, in one Kiwi batch, the glossary terms of the sources whose entries are to be
    judged on them; analyse those the omission check is to read. Nothing for an entry
    whose findings are remembered. (The glossary first: its work before its first Kiwi
    batch, the plurals and the automaton, overlaps the loading of a Kiwi child.)"""
    glossary = {c.code for c in checks if c.family == "glossary"}
    units = [e.unit for e in todo if e.wants_reading or glossary & e.missing] \
        if ctx.glossary is not None and "glossary-hits" not in ctx.extra else []
    if units:
        ctx.glossary.prime_inflections()  # plurals from the cache: no lemminflect load
        sources = list(dict.fromkeys(u.source for u in units))
        ctx.extra["glossary-hits"] = dict(zip(sources, ctx.glossary.find_korean_many(sources),
                                              strict=True))
    omitted = {c.code for c in checks if c.function is omission.possible_omission}
    wanted = [e.unit for e in todo if omitted & e.missing]
    if wanted:
        omission.prepare(ctx, wanted)


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
                          lines={path: loaded.msgstr_lines}, cache=config.cache,
                          # called once per catalog (status, the publication gate): the
                          # whole project's findings file, read and written per catalog,
                          # would cost more than it saves; qa-errors.json answers for
                          # the catalogs that did not change
                          keep_findings=False)
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


@collector_paused()
def check_groups(groups, *, select: list[str] | tuple = (), ignore: list[str] | tuple = (),
                 glossary=None, jobs: int = 1, reference=None) -> CheckReport:
    """Check the catalogs of each group (see ``inputs.gather``) with its configuration.

    ``select`` replaces the configuration's ``select`` and ``ignore`` (ruff's rule);
    ``ignore`` adds to them; ``glossary`` (a Glossary) replaces the configured one. ``reference`` is
    a function (config, catalogs) -> {msgid: reference translation} or None. A file that
    cannot be read, or that msgfmt --check rejects, is a finding; the others are checked.
    """
    from ..glossary.terms import project_glossary
    from .groupcache import GroupFindings
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
        facts = RunFacts(config, len(group.paths), group.where)
        run_level = [Finding(group.display(path) if path is not None else ".", line,
                             check.code, check.name, levels[check.code], message)
                     for check in (REGISTRY[c] for c in ("L003", "L004", "L005"))
                     if check.code in codes and levels[check.code] is not None
                     for path, line, message in check.function(facts, None)]
        remembered = None
        if config is not None and config.cache is not None and group.paths \
                and (reference is None or config.reference is None):
            remembered = GroupFindings(config.cache, group, config=config, codes=codes,
                                       glossary=chosen_glossary)
            known = remembered.remembered()
            if known is not None:  # nothing changed since the run that found these
                files += len(group.paths)
                findings += known + run_level
                continue
        if omission.analysis_likely(chosen, chosen_glossary, config.cache if config else None,
                                    group.paths) or resident.running():
            # Kiwi loads while catalogs are read, or a resident server has it loaded already
            analyser.use(analyser.Analyser.start())
        elif omission.analysis_possible(chosen, chosen_glossary, group.paths):
            analyser.use(analyser.Analyser.start(lazy=True))  # Kiwi only if asked
        loaded = [load_catalog(path, group.display(path)) for path in group.paths]
        # what was read, for the findings cache (nothing if a catalog could not be read)
        read = None if any(item.unreadable for item in loaded) else [
            item.digest for item in loaded]
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
        readable = [(item.path, item.po) for item in loaded if item.po is not None]
        displays = {item.path: item.display for item in loaded}
        lines = {item.path: item.msgstr_lines for item in loaded}
        # from here on the catalogs are held by ``readable`` alone, which run_checks
        # empties as it makes their units: a 100k-entry catalog's entries are 90 MB
        loaded = item = None
        if readable:
            local += run_checks(
                _handed_over(readable), glossary=chosen_glossary, checks=chosen,
                severity=severity, relative=lambda path, d=displays: d.get(path, str(path)),
                jobs=jobs,
                reference=reference(config, readable) if reference and config else None,
                reference_min_chrf=config.reference_min_chrf if config else 40.0,
                lines=lines, keep_suppressed=True,
                cache=config.cache if config is not None else None)
        if config is not None and config.per_file_ignores:
            ignored = {shown: per_file_codes(config.per_file_ignores, config.relative(path),
                                             where)
                       for path, shown in displays.items()}
            local = [f for f in local if f.code not in ignored.get(f.path, ())]
        if remembered is not None and read is not None:
            remembered.remember(local, read)
        findings += local + run_level
    analyser.close_checks()
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code, f.message))
    return CheckReport(findings, files, unreadable)


def _handed_over(catalogs: list) -> Iterator:
    """The items of ``catalogs``, each taken out of the list as it is given: what they
    refer to is freed once the taker drops it."""
    catalogs.reverse()
    while catalogs:
        yield catalogs.pop()


__all__ = ["REGISTRY", "Check", "CheckContext", "Finding", "Severity", "Unit", "FAMILIES",
           "select_checks", "run_checks", "apply_baseline", "exit_code", "count_errors",
           "units_from_catalog", "check_groups", "CheckReport"]
