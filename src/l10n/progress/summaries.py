"""What ``status`` reads from a catalog, remembered in ``.l10n-cache`` by the catalog's bytes.

A repeated ``l10n status`` on catalogs that have not changed spent most of its time
parsing them again (0.3 s of 0.5 s for 10k entries) to count the same entries. What it
takes from a catalog (its progress counts, and outside git the Last-Translator credit of
its translated entries) depends on nothing but the catalog's bytes and its path (the
essay's name and language), so it is kept in ``.l10n-cache/catalog-summaries.json``
under a digest of both, beside a fingerprint of the code that reads and counts
(l10n's and polib's versions and the text of ``counts.py`` and the PO reader): another
fingerprint discards the file. A catalog that cannot be digested (a link, a folder) or
that does not parse is never remembered: it is read, so its error is reported as before.
A malformed record is ignored and counted afresh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polib

from ..cache import RecordCache, code_fingerprint
from ..errors import L10nError
from ..files import file_digest
from ..po.catalog import read_catalog
from .counts import Counts, Credit, Progress, compute_progress, fallback_credit

FILE_NAME = "catalog-summaries.json"
_STATES = ("translated", "fuzzy", "untranslated", "obsolete")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The readers and counters of catalogs: summaries made by others are not used."""
    from ..po import catalog, parse
    from . import counts

    return code_fingerprint(("polib",), (counts, catalog, parse), "summaries")


@dataclass(frozen=True)
class Summary:
    """Everything ``status`` needs from one catalog."""

    progress: Progress
    credit: Credit  # who the catalog credits outside git, and for how much
    # the catalog itself when this run parsed it (so the QA gate need not read it again)
    catalog: polib.POFile | None = field(default=None, compare=False, repr=False)


def summarise(path: Path, *, name: str, language: str) -> Summary:
    """Read the catalog and count it (what a cached summary must equal)."""
    po = read_catalog(path)
    return Summary(compute_progress(po, name=name, language=language), fallback_credit(po),
                   po)


class SummaryCache(RecordCache):
    """Catalog summaries by a digest of (path, bytes); read from ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "summaries"
    WHAT = "catalog summary cache"

    FINGERPRINT = staticmethod(fingerprint)

    def summary(self, path: Path, *, name: str, language: str) -> Summary:
        """The catalog's summary: remembered if its bytes were seen, else read and kept."""
        try:
            digest = file_digest(path)
        except L10nError:
            digest = None
        if digest is None:
            return summarise(path, name=name, language=language)  # raises its error
        key = hashlib.sha256(f"{path}\0{name}\0{language}\0{digest}".encode()
                             ).hexdigest()[:32]
        found = _from_record(self.records.get(key), name)
        if found is not None:
            return found
        made = summarise(path, name=name, language=language)
        self.records[key] = _to_record(made)
        self.dirty = True
        return made


def _to_record(summary: Summary) -> list:
    p = summary.progress
    counts = [getattr(c, state) for c in (p.entries, p.words, p.chars) for state in _STATES]
    return [p.language, counts, list(summary.credit)]


def _from_record(record, name: str) -> Summary | None:
    """The summary a record holds, or None if it is not a well-formed one."""
    if not (isinstance(record, list) and len(record) == 3 and isinstance(record[0], str)
            and isinstance(record[1], list) and len(record[1]) == 12
            and all(type(n) is int and n >= 0 for n in record[1])
            and isinstance(record[2], list) and len(record[2]) == 3
            and isinstance(record[2][0], str)
            and all(type(n) is int and n >= 0 for n in record[2][1:])):
        return None
    language, numbers, (translator, entries, chars) = record
    entry, words, characters = (Counts(*numbers[i:i + 4]) for i in (0, 4, 8))
    return Summary(Progress(name, entry, words, characters, language),
                   Credit(translator, entries, chars))
