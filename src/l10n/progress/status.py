"""`l10n status`: progress of every essay, publishability, assignments and translators."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..config import Config, project_catalogs
from .counts import Progress, TranslatorWork, attribute, total_progress
from .report import EssayStatus
from .summaries import SummaryCache

ErrorCounter = Callable[..., int]


@dataclass(frozen=True)
class StatusReport:
    essays: list[EssayStatus]
    total: Progress
    translators: list[TranslatorWork]


def needs_qa(progress: Progress, threshold: float) -> bool:
    """Whether QA errors can decide publication: only for a catalog that reaches the
    threshold (below it the verdict is already no, so the checks are not run)."""
    return progress.entries.total > 0 and progress.percent_chars + 1e-9 >= threshold


def publication_verdict(progress: Progress, threshold: float, errors: int) -> tuple[bool, str]:
    """Publishable when the translated share of characters reaches the threshold and
    no QA error is left."""
    if progress.entries.total == 0:
        return False, "no entries"
    if not needs_qa(progress, threshold):
        return False, f"{progress.percent_chars:.1f}% translated, needs {threshold:g}%"
    if errors:
        return False, f"{errors} QA error(s)"
    return True, ""


def project_status(config: Config, *, language: str | None = None, since: date | None = None,
                   count_errors: ErrorCounter | None = None, today: date | None = None,
                   attribute_translators: bool = True,
                   advance: Callable[[int], None] | None = None) -> StatusReport:
    """Progress per catalog, with publication verdicts, assignments and translators."""
    today = today or date.today()
    paths = project_catalogs(config, language)
    if advance:
        advance(-len(paths))  # announce the total
    cache = SummaryCache(config.cache)  # counts of catalogs already seen, by their bytes
    summaries = {path: cache.summary(path, name=path.stem, language=path.parent.parent.name)
                 for path in paths}
    cache.save()
    assignments = {a.essay: a for a in config.assignments}
    essays = []
    for path, summary in summaries.items():
        progress = summary.progress
        errors = (count_errors(path, summary.catalog)
                  if count_errors and needs_qa(progress, config.publish_threshold) else 0)
        ok, reason = publication_verdict(progress, config.publish_threshold, errors)
        if ok and count_errors is None:
            reason = "QA not run (--no-qa)"
        assignment = assignments.get(path.stem)
        due = assignment.due if assignment else None
        essays.append(EssayStatus(
            progress, ok, reason,
            translator=assignment.translator if assignment else "",
            reviewer=assignment.reviewer if assignment else "",
            due=due, overdue=bool(due and due < today and progress.percent_chars < 100)))
        if advance:
            advance(1)
    translators = (attribute(config.root, paths, since=since,
                             fallback={path: s.credit for path, s in summaries.items()})
                   if attribute_translators else [])
    return StatusReport(essays, total_progress(e.progress for e in essays), translators)
