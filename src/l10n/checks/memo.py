"""The findings of the per-entry checks remembered in ``.l10n-cache``, as ruff remembers a
file's diagnostics: a warm ``check`` runs no check on an entry whose inputs did not change.

A per-entry ("unit") check is a function of the entry's msgid, msgstr and fuzzy flag and
of the run's settings: the glossary (its terms and options), l10n's code and the
analysers it asks (Kiwi and its model, lemminflect). ruff keeps a file's diagnostics
under its content, in a cache whose name is a digest of the settings and of ruff's
version; here an entry's messages are kept under a digest of (msgid, msgstr, fuzzy), in
``.l10n-cache/findings.json``, under a fingerprint of every file of the package, the
analysers' and libraries' versions and the glossary. Another fingerprint discards the
file; an unreadable one is a warning and is ignored (``RecordCache``); a record that is
not well formed is not used.

A record holds the *tokens* of the checks that ran on the entry, their messages, and the
reading K003 gathers from a settled entry (the accepted forms of its glossary terms). A
check that also reads a figure of the whole project has the figure in its token: F003 and
F004 compare the entry with the project's usual length ratio (``F003@median,spread``), so
their messages are used only where the figure is the same, and are worked out again, with
nothing else, when an edit moves it. A record made by a run of fewer checks (status's QA
gate runs only the error-level ones) serves what it holds; the rest is worked out and
added. Paths, lines, severities and suppressions are not in a record: they are attached on
the way out, so a moved entry, a changed severity or a new ``l10n-ignore`` comment reuse
it. Checks not in l10n's registry (a test's own) and R001 (whose reference translations
are not part of the entry) are never remembered.

Pruning: the file lists each catalog's entry keys (by its path from the project, the
cache folder's parent); a run replaces the lists of the catalogs it checked and drops
those of catalogs no longer there, and only records that some list names are kept, so
checking one file does not forget the rest of the project.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..cache import RecordCache, package_fingerprint, text_key
from .base import REGISTRY, Check, CheckContext, Unit

FILE_NAME = "findings.json"
READING = "K003:gather"  # the token of K003's reading of a settled entry
# every library a check's verdict depends on besides l10n's own code (uniseg's line-break
# classes are l10n's code: po.breaks holds them)
PACKAGES = ("kiwipiepy", "kiwipiepy_model", "lemminflect", "rapidfuzz", "polib", "babel",
            "korean_romanizer", ("text_to_num", "text2num"), ("ahocorasick", "pyahocorasick"))
VOLATILE = frozenset({"R001"})  # reads reference translations that are not the entry's


def fingerprint(glossary) -> str:
    """l10n's code, the analysers' versions and the glossary's terms and options."""
    made = package_fingerprint(PACKAGES, "findings")
    if glossary is None:
        return f"{made}; no glossary"
    terms = hashlib.sha256(repr((glossary.terms, glossary.surnames)).encode("utf-8"))
    return f"{made}; glossary {terms.hexdigest()[:16]}"


def entry_key(unit: Unit) -> str:
    """What a unit check reads of an entry: its msgid, its msgstr and its fuzzy flag."""
    return text_key(f"{len(unit.source)}:{unit.source}{unit.target}\0{int(unit.fuzzy)}")


def token(check: Check, ctx: CheckContext) -> str | None:
    """The token a record keeps ``check``'s messages under; None: never remembered."""
    from .fluency import length_ratio
    from .omission import possible_omission

    if check.code in VOLATILE or REGISTRY.get(check.code) is not check:
        return None
    if check.function is length_ratio or check.function is possible_omission:
        median, spread = ctx.length_ratio or (None, None)
        return f"{check.code}@{median!r},{spread!r}"
    return check.code


class Known:
    """What a record says of one entry: the tokens it holds, the messages (code, text)
    of those checks and K003's reading (rows of term index, key, text found)."""

    __slots__ = ("tokens", "messages", "rows")

    def __init__(self, tokens: frozenset[str], messages: list[tuple[str, str]],
                 rows: list | None) -> None:
        self.tokens, self.messages, self.rows = tokens, messages, rows


def code_of(token: str) -> str:
    return token.partition("@")[0] if token != READING else token


class FindingsCache(RecordCache):
    """Records by entry key, for one glossary; read from ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "entries"
    WHAT = "findings cache"
    EXTRA = ("codesets", "catalogs")

    def __init__(self, folder: Path | None, glossary) -> None:
        made = fingerprint(glossary)
        self.FINGERPRINT = lambda: made  # this glossary's: another one's records are not used
        self.terms = tuple(glossary.terms) if glossary is not None else ()
        index: dict = {}
        for number, term in enumerate(self.terms):
            index.setdefault(term, number)
        self.term_index = index
        super().__init__(folder)
        self.codesets = {name: frozenset(tokens)
                         for name, tokens in self.extra["codesets"].items()}
        self.codes = {name: frozenset(map(code_of, tokens))
                      for name, tokens in self.codesets.items()}
        self.fresh: dict[str, Known] = {}
        self.seen: dict[str, Known] = {}  # records read (taken out of ``records``)

    def lookup(self, key: str) -> Known | None:
        """The well-formed record of an entry, or None. A record read is kept as what it
        says (``seen``), not twice: the JSON of a 100k-entry file is tens of MB."""
        if key in self.seen:
            return self.seen[key]
        record = self.records.pop(key, None)
        known = self._read(record)
        if known is not None:
            self.seen[key] = known
        elif record is not None:
            self.records[key] = record
        return known

    def _read(self, record) -> Known | None:
        if type(record) is not list or not 2 <= len(record) <= 3:
            return None
        name, messages = record[0], record[1]
        tokens = self.codesets.get(name) if type(name) is str else None
        if tokens is None or type(messages) is not list:
            return None
        pairs = []
        if messages:
            codes = self.codes[name]
            for pair in messages:
                if type(pair) is not list or len(pair) != 2 or pair[0] not in codes \
                        or type(pair[1]) is not str:
                    return None
                pairs.append((pair[0], pair[1]))
        if len(record) == 2:
            return None if READING in tokens else Known(tokens, pairs, None)
        data, terms = record[2], self.terms
        if type(data) is not list:
            return None
        rows = []
        count = len(terms)
        for row in data:
            if type(row) is not list or len(row) != 3:
                return None
            number, form, found = row
            if type(number) is not int or not 0 <= number < count or type(form) is not str \
                    or type(found) is not str:
                return None
            rows.append((terms[number], form, found))
        return Known(tokens, pairs, rows)

    def remember(self, key: str, known: Known) -> None:
        """Keep what this run knows of an entry (saved by ``save``)."""
        self.fresh[key] = known

    def encode_rows(self, rows: list) -> list | None:
        """K003's reading as a record keeps it, or None where a term is not the glossary's."""
        encoded = []
        for term, key, found in rows:
            number = self.term_index.get(term)
            if number is None or self.terms[number] != term:
                return None
            encoded.append([number, key, found])
        return encoded

    def save_run(self, catalogs: dict[Path, Iterable[str]]) -> None:
        """Write the records of this run's ``catalogs`` (path -> entry keys) and of the
        other catalogs still there, if anything changed."""
        if self.path is None:
            return
        root = self.path.parent.parent  # the project's, where the cache folder is
        lists = dict(self.extra["catalogs"])
        named = set()
        for path, keys in catalogs.items():
            # relative to the project, so that a cache restored elsewhere (CI) still fits
            name = Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
            named.add(name)
            keys = sorted(set(keys))
            if lists.get(name) != keys:
                lists[name] = keys
                self.dirty = True
        for name in [n for n in lists if n not in named and not (root / n).is_file()]:
            del lists[name]
            self.dirty = True
        if self.fresh:
            self.dirty = True
        if not self.dirty:
            return
        kept = {key for keys in lists.values() for key in keys}
        names = {tokens: name for name, tokens in self.codesets.items()}
        records = {key: record for key, record in self.records.items()
                   if key in kept and key not in self.fresh}
        for key, known in {**self.seen, **self.fresh}.items():
            if key not in kept:
                continue
            name = names.get(known.tokens)
            if name is None:
                number = len(self.codesets)
                while str(number) in self.codesets:
                    number += 1
                name = names[known.tokens] = str(number)
                self.codesets[name] = known.tokens
            record = [name, [list(pair) for pair in known.messages]]
            if known.rows is not None:
                rows = self.encode_rows(known.rows)
                if rows is None:
                    continue  # not kept: a term the glossary does not list
                record.append(rows)
            records[key] = record
        used = {record[0] for record in records.values() if type(record) is list and record}
        self.records = records
        self.extra = {"codesets": {name: sorted(tokens) for name, tokens in self.codesets.items()
                                   if name in used},
                      "catalogs": lists}
        self.fresh, self.seen = {}, {}
        self.save()


class Entry:
    """One distinct entry of a run (msgid, msgstr, fuzzy): the checks it still needs,
    the messages (code, text) known for the others, K003's reading of it."""

    __slots__ = ("unit", "key", "missing", "messages", "rows", "wants_reading", "known",
                 "settled")

    def __init__(self, unit: Unit, key: str | None, missing: frozenset[str],
                 messages: list[tuple[str, str]], rows: list | None, wants_reading: bool,
                 known: Known | None, settled: bool) -> None:
        self.unit, self.key, self.missing, self.messages = unit, key, missing, messages
        self.rows, self.wants_reading, self.known = rows, wants_reading, known
        self.settled = settled  # really translated, not fuzzy: what K001-K004 compare


class Judged:
    """What the checks made of some entries: messages and readings, one per entry."""

    __slots__ = ("messages", "rows", "crashes", "failed")

    def __init__(self, messages: list[list[tuple[str, str]]], rows: list) -> None:
        self.messages, self.rows = messages, rows
        self.crashes: list = []  # L000 findings
        self.failed = False  # a reading could not be made


class Plan:
    """Which per-entry checks each entry of a run needs, given what ``cache`` remembers,
    and what the run learnt, for the cache to keep."""

    def __init__(self, unit_checks: list[Check], reader: Check | None, ctx: CheckContext,
                 cache: FindingsCache | None, copied) -> None:
        self.cache = cache
        self.tokens = {c.code: token(c, ctx) for c in unit_checks}
        self.reader = reader
        self.copied = copied
        untranslated = frozenset(c.code for c in unit_checks if not c.needs_translation)
        # C004 reports a copied source; the other checks need a real translation
        copy = untranslated | {c.code for c in unit_checks if c.code == "C004"}
        self.kinds = (untranslated, frozenset(copy), frozenset(self.tokens))
        self.distinct: dict[tuple[str, str, bool], Entry] = {}
        self._splits: dict[tuple[int, str], tuple[frozenset, frozenset]] = {}
        # each distinct set of tokens a record holds, once: nearly every entry of a run
        # ran the same checks, and a set of fifty codes per entry was 2 kB (200 MB at 100k)
        self._token_sets: dict[frozenset[str], frozenset[str]] = {}

    def entry(self, unit: Unit) -> Entry:
        """The entry ``unit`` is an occurrence of."""
        found = self.distinct.get((unit.source, unit.target, unit.fuzzy))
        if found is None:
            found = self.distinct[(unit.source, unit.target, unit.fuzzy)] = self._plan(unit)
        return found

    def _plan(self, unit: Unit) -> Entry:
        kind = 0 if not unit.target else (1 if self.copied(unit) else 2)
        settled = kind == 2 and not unit.fuzzy
        wants_reading = self.reader is not None and settled
        if self.cache is None:
            return Entry(unit, None, self.kinds[kind], [], None, wants_reading, None, settled)
        key = entry_key(unit)
        known = self.cache.lookup(key)
        if known is None:
            return Entry(unit, key, self.kinds[kind], [], None, wants_reading, None, settled)
        usable, missing = self._split(kind, known.tokens)
        messages = known.messages
        if messages and len(usable) < len(known.tokens):  # a record of more checks
            messages = [m for m in messages if m[0] in usable]
        rows = None
        if wants_reading and READING in known.tokens:
            rows, wants_reading = known.rows, False
        return Entry(unit, key, missing, messages, rows, wants_reading, known, settled)

    def _split(self, kind: int, tokens: frozenset[str]) -> tuple[frozenset, frozenset]:
        """The codes of ``kind``'s checks a record of ``tokens`` answers, and the others."""
        split = self._splits.get((kind, id(tokens)))
        if split is None:
            usable = frozenset(code for code in self.kinds[kind]
                               if self.tokens[code] is not None and self.tokens[code] in tokens)
            split = self._splits[(kind, id(tokens))] = (usable, self.kinds[kind] - usable)
        return split

    def todo(self) -> list[Entry]:
        """The entries with a check or a reading to make."""
        return [e for e in self.distinct.values() if e.missing or e.wants_reading]

    def learn(self, todo: list[Entry], judged: list[Judged]) -> bool:
        """Add what the checks made of ``todo`` (in order, over the parts) to the entries
        and to the cache's fresh records; True if a reading could not be made."""
        messages = [m for part in judged for m in part.messages]
        rows = [r for part in judged for r in part.rows]
        failed = any(part.failed for part in judged)
        for entry, made, reading in zip(todo, messages, rows, strict=True):
            entry.messages = entry.messages + made if entry.messages else made
            if entry.wants_reading and not failed:
                entry.rows = reading
            if self.cache is not None and entry.key is not None:
                self.cache.remember(entry.key, self._record(entry, made, failed))
        return failed

    def _record(self, entry: Entry, made: list[tuple[str, str]], failed: bool) -> Known:
        known, tokens = entry.known, self.tokens
        kept = frozenset(t for t in known.tokens if code_of(t) not in entry.missing) \
            if known is not None else frozenset()
        kept_codes = {code_of(t) for t in kept}
        fresh = {tokens[code] for code in entry.missing if tokens[code] is not None}
        messages = [m for m in known.messages if m[0] in kept_codes] if known else []
        messages += [m for m in made if tokens[m[0]] is not None]
        rows = known.rows if known is not None and READING in kept else None
        if entry.wants_reading and not failed and entry.rows is not None:
            fresh.add(READING)
            rows = entry.rows
        made_tokens = kept | fresh
        return Known(self._token_sets.setdefault(made_tokens, made_tokens), messages, rows)

    def save(self, catalogs: dict[Path, list[str | None]]) -> None:
        if self.cache is not None:
            self.cache.save_run({path: [k for k in keys if k is not None]
                                 for path, keys in catalogs.items()})
