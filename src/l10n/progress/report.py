"""Rendering progress: terminal table, JSON, Markdown, SVG badge and SVG history chart."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from html import escape

from .counts import HistoryPoint, Progress, TranslatorWork


@dataclass(frozen=True)
class EssayStatus:
    progress: Progress
    publishable: bool
    reason: str  # why not publishable ("" when it is)
    translator: str = ""
    reviewer: str = ""
    due: date | None = None
    overdue: bool = False

    def as_dict(self) -> dict:
        data = self.progress.as_dict()
        data.update(publishable=self.publishable, reason=self.reason,
                    translator=self.translator, reviewer=self.reviewer,
                    due=self.due.isoformat() if self.due else None, overdue=self.overdue)
        return data


def status_json(essays: list[EssayStatus], total: Progress,
                translators: list[TranslatorWork]) -> str:
    return json.dumps({"essays": [e.as_dict() for e in essays], "total": total.as_dict(),
                       "translators": [t.as_dict() for t in translators]},
                      ensure_ascii=False, indent=2)


def _row(progress: Progress) -> list[str]:
    e = progress.entries
    return [f"{progress.percent_chars:.1f}%", f"{progress.percent_entries:.1f}%",
            str(e.translated), str(e.fuzzy), str(e.untranslated), str(e.obsolete),
            f"{progress.words.total}", f"{progress.chars.total}"]


HEADERS = ["essay", "lang", "done (chars)", "done (entries)", "translated", "fuzzy",
           "untranslated", "obsolete", "eojeol", "chars"]


def status_markdown(essays: list[EssayStatus], total: Progress,
                    translators: list[TranslatorWork]) -> str:
    lines = ["| " + " | ".join(HEADERS + ["publishable"]) + " |",
             "|" + "---|" * (len(HEADERS) + 1)]
    for item in essays:
        p = item.progress
        flag = "yes" if item.publishable else f"no: {item.reason}"
        lines.append("| " + " | ".join([p.name, p.language, *_row(p), flag]) + " |")
    lines.append("| " + " | ".join(["**total**", "", *_row(total), ""]) + " |")
    if translators:
        lines += ["", "| translator | entries | source chars | last |", "|---|---|---|---|"]
        for work in translators:
            last = work.last.date().isoformat() if work.last else ""
            lines.append(f"| {work.translator} | {work.entries} | {work.chars} | {last} |")
    return "\n".join(lines) + "\n"


def status_table(essays: list[EssayStatus], total: Progress,
                 translators: list[TranslatorWork], console) -> None:
    from rich import box
    from rich.markup import escape as markup_escape  # names are text, never Rich markup
    from rich.table import Table

    table = Table(title="Translation progress", box=box.SIMPLE_HEAD, padding=(0, 1))
    assigned = any(item.translator or item.reviewer or item.due for item in essays)
    short = ["essay", "lang", "chars%", "entries%", "done", "fuzzy", "todo", "obsolete",
             "eojeol", "chars", "publish"] + (["assigned", "due"] if assigned else [])
    for header in short:
        table.add_column(header, justify="left" if header in ("essay", "lang", "publish",
                                                               "assigned", "due") else "right",
                         no_wrap=header == "essay")
    for item in essays:
        p = item.progress
        flag = "[green]yes[/]" if item.publishable else f"[red]no[/]: {escape(item.reason)}"
        due = item.due.isoformat() if item.due else ""
        if item.overdue:
            due = f"[red]{due} overdue[/]"
        extra = [markup_escape(" / ".join(x for x in (item.translator, item.reviewer) if x)), due]
        table.add_row(p.name, p.language, *_row(p), flag, *(extra if assigned else []))
    table.add_row("[bold]total[/]", "", *_row(total), "", *(["", ""] if assigned else []))
    console.print(table)
    if translators:
        people = Table(title="Translators (from git history)", box=box.SIMPLE_HEAD,
                       padding=(0, 1))
        for header in ("translator", "entries", "source chars", "essays", "first", "last"):
            people.add_column(header)
        for work in translators:
            people.add_row(markup_escape(work.translator), str(work.entries), str(work.chars),
                           ", ".join(sorted(work.essays)),
                           work.first.date().isoformat() if work.first else "",
                           work.last.date().isoformat() if work.last else "")
        console.print(people)


def badge_svg(label: str, percent: float) -> str:
    """A shields-style badge: ``label | 87%``."""
    value = f"{percent:.0f}%"
    color = "#4c1" if percent >= 100 else "#dfb317" if percent >= 50 else "#e05d44"
    left, right = 6 * len(label) + 12, 6 * len(value) + 12
    width = left + right
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{escape(label)}: {value}">\n'
        f'<rect width="{left}" height="20" fill="#555"/>\n'
        f'<rect x="{left}" width="{right}" height="20" fill="{color}"/>\n'
        f'<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\n'
        f'<text x="6" y="14">{escape(label)}</text>\n'
        f'<text x="{left + 6}" y="14">{value}</text>\n</g>\n</svg>\n')


PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]


def history_svg(points: list[HistoryPoint], *, width: int = 640, height: int = 240) -> str:
    """Translated source characters over time, one line per essay."""
    pad = 40
    series: dict[str, list[HistoryPoint]] = defaultdict(list)
    for point in points:
        series[point.essay].append(point)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Translation progress">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>',
             f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" '
             f'stroke="#999"/>',
             f'<line x1="{pad}" y1="10" x2="{pad}" y2="{height - pad}" stroke="#999"/>']
    if points:
        start, end = points[0].when.timestamp(), points[-1].when.timestamp()
        span = max(end - start, 1.0)
        top = max(max(p.total_chars, p.translated_chars) for p in points) or 1
        for index, (essay, items) in enumerate(sorted(series.items())):
            coords = " ".join(
                f"{pad + (p.when.timestamp() - start) / span * (width - pad - 10):.1f},"
                f"{height - pad - p.translated_chars / top * (height - pad - 10):.1f}"
                for p in items)
            color = PALETTE[index % len(PALETTE)]
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" '
                         f'points="{coords}"><title>{escape(essay)}</title></polyline>')
            parts.append(f'<text x="{pad + 8}" y="{20 + 14 * index}" font-size="11" '
                         f'fill="{color}" font-family="sans-serif">{escape(essay)}</text>')
        parts.append(f'<text x="4" y="16" font-size="10" font-family="sans-serif">{top}</text>')
        parts.append(f'<text x="{pad}" y="{height - pad + 14}" font-size="10" '
                     f'font-family="sans-serif">{points[0].when.date()}</text>')
        parts.append(f'<text x="{width - 80}" y="{height - pad + 14}" font-size="10" '
                     f'font-family="sans-serif">{points[-1].when.date()}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
