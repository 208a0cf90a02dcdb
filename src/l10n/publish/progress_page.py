"""The site's progress page: the ``l10n status`` table and the history chart, for the
team's dashboard. Built from the build's own per-essay progress and verdicts, so the
page and the published essays always agree."""

from __future__ import annotations

from datetime import date

from ..progress.counts import total_progress
from ..progress.report import EssayStatus


def essay_statuses(config, pages: list, *, today: date | None = None) -> list[EssayStatus]:
    """One status row per essay: progress, publication verdict and assignment."""
    today = today or date.today()
    assignments = {a.essay: a for a in config.assignments}
    rows = []
    for page in pages:
        assignment = assignments.get(page.name)
        due = assignment.due if assignment else None
        rows.append(EssayStatus(
            page.progress, page.published and not page.reason, page.reason,
            translator=assignment.translator if assignment else "",
            reviewer=assignment.reviewer if assignment else "", due=due,
            overdue=bool(due and due < today and page.progress.percent_chars < 100)))
    return rows


def progress_context(config, pages: list, *, translators=(), chart_svg: str = "",
                     today: date | None = None) -> dict:
    """What ``progress.html`` renders."""
    essays = essay_statuses(config, pages, today=today)
    return {"essays": essays, "total": total_progress(e.progress for e in essays),
            "translators": list(translators), "chart_svg": chart_svg,
            "assigned": any(e.translator or e.reviewer or e.due for e in essays)}


__all__ = ["essay_statuses", "progress_context"]
