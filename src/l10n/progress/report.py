"""Rendering progress: terminal table, JSON, Markdown, SVG badge and SVG history chart."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from html import escape

from ..errors import printable
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


def markdown_cell(text: str) -> str:
    """Text that stays plain in a Markdown table cell: no column break (``|``), no link,
    image, emphasis, code or raw HTML from a name or a reason."""
    text = printable(" ".join(str(text).split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]!#~|":
        text = text.replace(char, "\\" + char)
    return text


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(markdown_cell(cell) for cell in cells) + " |"


def status_markdown(essays: list[EssayStatus], total: Progress,
                    translators: list[TranslatorWork]) -> str:
    lines = [_markdown_row(HEADERS + ["publishable"]), "|" + "---|" * (len(HEADERS) + 1)]
    for item in essays:
        p = item.progress
        flag = "yes" if item.publishable else f"no: {item.reason}"
        lines.append(_markdown_row([p.name, p.language, *_row(p), flag]))
    lines.append(_markdown_row(["total", "", *_row(total), ""]).replace(
        "| total |", "| **total** |", 1))
    if translators:
        lines += ["", "| translator | entries | source chars | last |", "|---|---|---|---|"]
        for work in translators:
            last = work.last.date().isoformat() if work.last else ""
            lines.append(_markdown_row([work.translator, str(work.entries), str(work.chars),
                                        last]))
    return "\n".join(lines) + "\n"


# Columns of the terminal table, and the order in which they are left out when the
# terminal is narrow (the first to go first): what is left still says how far each essay
# is and whether it can be published.
_COLUMNS = ["essay", "lang", "chars%", "entries%", "done", "fuzzy", "todo", "obsolete",
            "eojeol", "chars", "publish", "assigned", "due"]
_DROP_ORDER = ["obsolete", "eojeol", "chars", "entries%", "fuzzy", "assigned", "lang", "due",
               "done"]
_LEFT = {"essay", "lang", "publish", "assigned", "due"}


def status_table_text(essays: list[EssayStatus], total: Progress,
                      translators: list[TranslatorWork], *, width: int,
                      colour: bool = False) -> str:
    """The progress table laid out for ``width`` columns: columns that do not fit are
    left out (least needed first) and long names wrap; no line ends in spaces."""
    from io import StringIO

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    assigned = any(item.translator or item.reviewer or item.due for item in essays)
    rows = []
    for item in essays:
        p = item.progress
        flag = Text("yes", style="green") if item.publishable else \
            Text.assemble(("no", "red"), f": {printable(item.reason)}")
        due = Text(item.due.isoformat() if item.due else "")
        if item.overdue:
            due = Text(f"{due.plain} overdue", style="red")
        people = printable(" / ".join(x for x in (item.translator, item.reviewer) if x))
        rows.append([Text(printable(p.name)), Text(p.language), *map(Text, _row(p)), flag,
                     Text(people), due])
    rows.append([Text("total", style="bold"), Text(""), *map(Text, _row(total)), Text(""),
                 Text(""), Text("")])
    columns = [c for c in _COLUMNS if assigned or c not in ("assigned", "due")]

    def needed(names: list[str]) -> int:
        return sum(max(len(name), *(len(row[_COLUMNS.index(name)].plain) for row in rows))
                   + 2 for name in names)

    for name in _DROP_ORDER:
        if needed(columns) <= width:
            break
        if name in columns:
            columns.remove(name)
    table = Table(title="Translation progress", box=box.SIMPLE_HEAD, padding=(0, 1))
    for name in columns:
        table.add_column(name, justify="left" if name in _LEFT else "right",
                         no_wrap=name not in ("essay", "publish", "assigned"),
                         overflow="fold")
    for row in rows:
        table.add_row(*(row[_COLUMNS.index(name)] for name in columns))
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=colour, no_color=not colour,
                      color_system="standard" if colour else None, highlight=False,
                      emoji=False, markup=False)
    console.print(table)
    if translators:
        people = Table(title="Translators (from git history)", box=box.SIMPLE_HEAD,
                       padding=(0, 1))
        for header in ("translator", "entries", "source chars", "essays", "first", "last"):
            people.add_column(header, overflow="fold")
        for work in translators:
            people.add_row(Text(work.translator), str(work.entries), str(work.chars),
                           Text(", ".join(sorted(work.essays))),
                           work.first.date().isoformat() if work.first else "",
                           work.last.date().isoformat() if work.last else "")
        console.print(people)
    return "\n".join(line.rstrip() for line in out.getvalue().split("\n"))


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


def status_text(report, fmt: str = "table", **layout) -> str:
    """A ``project_status`` report as ``l10n status`` prints it: ``fmt`` json, markdown or
    table (``layout``: the table's width and colour), each ending in a line break."""
    if fmt == "json":
        return status_json(report.essays, report.total, report.translators) + "\n"
    if fmt == "markdown":
        return status_markdown(report.essays, report.total, report.translators)
    return status_table_text(report.essays, report.total, report.translators, **layout) + "\n"


def history_lines(points: list[HistoryPoint]) -> list[str]:
    """``l10n status --history``: a line per commit and essay, or why there is none."""
    lines = []
    for point in points:
        percent = 100 * point.translated_chars / point.total_chars if point.total_chars else 0
        lines.append(f"{point.when.date()} {point.commit[:8]} {point.essay}: "
                     f"{point.translated_chars}/{point.total_chars} chars ({percent:.1f}%)")
    return lines or ["no history: the catalogs are not in a git repository yet"]
