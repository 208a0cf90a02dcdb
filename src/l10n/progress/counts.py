"""Translation progress: counts by state, essay and translator, and over git history.

Korean is measured in source characters without spaces (the default percentage: what
Korean translators and agencies bill by) and in eojeol (space-separated words, what
pocount calls words). Fuzzy entries are never done; obsolete entries are shown apart
and never counted; an essay with no entries is 0%, not 100%.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import polib

from ..errors import CatalogError
from ..po.catalog import parse_catalog


@dataclass
class Counts:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


@dataclass
class Progress:
    """Progress of one catalog (or a total over several)."""

    name: str
    entries: Counts = field(default_factory=Counts)
    words: Counts = field(default_factory=Counts)  # source eojeol
    chars: Counts = field(default_factory=Counts)  # source characters without spaces
    language: str = ""

    @property
    def percent_chars(self) -> float:
        return 100.0 * self.chars.translated / self.chars.total if self.chars.total else 0.0

    @property
    def percent_entries(self) -> float:
        return 100.0 * self.entries.translated / self.entries.total if self.entries.total else 0.0

    def add(self, other: Progress) -> None:
        for mine, theirs in ((self.entries, other.entries), (self.words, other.words),
                             (self.chars, other.chars)):
            for key in ("translated", "fuzzy", "untranslated", "obsolete"):
                setattr(mine, key, getattr(mine, key) + getattr(theirs, key))

    def as_dict(self) -> dict:
        return {"name": self.name, "language": self.language,
                "entries": asdict(self.entries), "words": asdict(self.words),
                "chars": asdict(self.chars),
                "percent_chars": round(self.percent_chars, 2),
                "percent_entries": round(self.percent_entries, 2)}


def entry_state(entry: polib.POEntry) -> str:
    if entry.obsolete:
        return "obsolete"
    if "fuzzy" in entry.flags:
        return "fuzzy"
    if entry.msgid_plural:
        done = entry.msgstr_plural and all(entry.msgstr_plural.values())
        return "translated" if done else "untranslated"
    return "translated" if entry.msgstr else "untranslated"


def eojeol(text: str) -> int:
    return len(text.split())


def chars(text: str) -> int:
    """Characters that are not white space (split() and isspace() agree on which are)."""
    return len("".join(text.split()))


def compute_progress(po: polib.POFile, *, name: str, language: str = "") -> Progress:
    progress = Progress(name=name, language=language or po.metadata.get("Language", ""))
    for entry in po:
        if entry.msgid == "" and not entry.obsolete:
            continue
        state = entry_state(entry)
        source = entry.msgid + (" " + entry.msgid_plural if entry.msgid_plural else "")
        for counts, amount in ((progress.entries, 1), (progress.words, eojeol(source)),
                               (progress.chars, chars(source))):
            setattr(counts, state, getattr(counts, state) + amount)
    return progress


def total_progress(items: Iterable[Progress]) -> Progress:
    total = Progress(name="total")
    for item in items:
        total.add(item)
    return total


# ------------------------------------------------------------------ git attribution

@dataclass(frozen=True)
class Revision:
    commit: str
    author: str
    email: str
    when: datetime


@dataclass
class TranslatorWork:
    translator: str
    entries: int = 0
    chars: int = 0
    first: datetime | None = None
    last: datetime | None = None
    essays: set[str] = field(default_factory=set)

    def as_dict(self) -> dict:
        return {"translator": self.translator, "entries": self.entries, "chars": self.chars,
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None,
                "essays": sorted(self.essays)}


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, encoding="utf-8", errors="replace", check=False)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None


def file_history(root: Path, path: Path) -> list[tuple[Revision, str]]:
    """(revision, file text) for every commit that touched ``path``, oldest first."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # outside the project (a link): git knows no history of it
        return []
    # NUL-separated: an author name may hold any other character (\x1f, newlines)
    log = _git(root, "log", "-z", "--reverse", "--format=%H%x00%an%x00%ae%x00%aI", "--", rel)
    if not log:
        return []
    history = []
    fields = log.rstrip("\0").split("\0")
    for start in range(0, len(fields) - 3, 4):
        commit, author, email, when = fields[start:start + 4]
        commit = commit.strip()
        text = _git(root, "show", f"{commit}:{rel}")
        if text is not None:
            history.append((Revision(commit, author, email, datetime.fromisoformat(when)), text))
    return history


def _translations(text: str) -> dict[str, str]:
    try:
        po = parse_catalog(text)
    except CatalogError:  # an old revision that does not parse attributes nothing
        return {}
    return {e.msgid: e.msgstr for e in po if not e.obsolete and entry_state(e) == "translated"}


def setters(root: Path, path: Path) -> dict[str, Revision]:
    """For each current translation of a catalog, the commit that last changed it."""
    setter: dict[str, Revision] = {}
    previous: dict[str, str] = {}
    for revision, text in file_history(root, path):
        current = _translations(text)
        for msgid, msgstr in current.items():
            if previous.get(msgid) != msgstr:
                setter[msgid] = revision
        previous = current
    return {msgid: setter[msgid] for msgid in previous}


class Credit(NamedTuple):
    """What a catalog's Last-Translator header is credited with outside git."""

    translator: str
    entries: int  # translated entries
    chars: int  # their source characters


def fallback_credit(po: polib.POFile) -> Credit:
    """The Last-Translator (or "unknown") and the translated entries of the catalog."""
    name = po.metadata.get("Last-Translator", "").strip() or "unknown"
    done = [entry.msgid for entry in po
            if not entry.obsolete and entry.msgid and entry_state(entry) == "translated"]
    return Credit(name, len(done), sum(chars(msgid) for msgid in done))


def attribute(root: Path, paths: Iterable[Path], *, since: date | None = None,
              fallback: dict[Path, polib.POFile | Credit] | None = None
              ) -> list[TranslatorWork]:
    """Who set each current translation: the commit that last changed its msgstr.

    Outside git (or for a file git does not know), the catalog's Last-Translator
    header gets every translated entry (``fallback``: each catalog, or its
    ``fallback_credit``).
    """
    work: dict[str, TranslatorWork] = {}

    def credit(name: str, essay: str, msgid: str, when: datetime | None) -> None:
        if since and when and when.date() < since:
            return
        item = work.setdefault(name, TranslatorWork(name))
        item.entries += 1
        item.chars += chars(msgid)
        item.essays.add(essay)
        if when:
            item.first = min(item.first or when, when)
            item.last = max(item.last or when, when)

    in_git = _git(root, "rev-parse") is not None  # asked once, not once a catalog
    for path in paths:
        found = setters(root, path) if in_git else {}
        if not found:
            given = (fallback or {}).get(path)
            if given is not None:
                name, entries, characters = (given if isinstance(given, Credit)
                                             else fallback_credit(given))
                if entries:  # no translated entry: no translator
                    item = work.setdefault(name, TranslatorWork(name))
                    item.entries += entries
                    item.chars += characters
                    item.essays.add(path.stem)
            continue
        for msgid, revision in found.items():
            credit(f"{revision.author} <{revision.email}>", path.stem, msgid, revision.when)
    return sorted(work.values(), key=lambda w: (-w.chars, w.translator))


# ------------------------------------------------------------------ history

@dataclass(frozen=True)
class HistoryPoint:
    when: datetime
    commit: str
    essay: str
    translated_chars: int
    total_chars: int


def progress_history(root: Path, paths: Iterable[Path], *, per: str = "day"
                     ) -> list[HistoryPoint]:
    """Translated source characters per essay after each commit (or the last one each day)."""
    points = []
    for path in paths:
        series: dict[object, HistoryPoint] = {}
        for revision, text in file_history(root, path):
            try:
                progress = compute_progress(parse_catalog(text), name=path.stem)
            except CatalogError:  # a revision that does not parse is skipped
                continue
            key = revision.when.date() if per == "day" else revision.commit
            series[key] = HistoryPoint(revision.when, revision.commit, path.stem,
                                       progress.chars.translated, progress.chars.total)
        points += series.values()
    return sorted(points, key=lambda p: (p.when, p.essay))
