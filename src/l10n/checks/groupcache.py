"""A group's findings remembered whole: a ``check`` of catalogs none of whose inputs
changed since the last run reads no catalog, runs no check and starts no analyser.

ruff keeps a file's diagnostics under the file's content and its settings; the per-entry
records of ``memo`` do that for each entry, so an edit re-checks only what it touched.
This is the step before: when every catalog of a group has the bytes it had, and the
settings and code are those of the run that checked it, that run's findings are the
answer, without parsing the catalogs (at 10,000 entries, reading and validating a
catalog was half of a warm run).

A record is kept per group (its catalogs, by path and by the name findings show) in
``.l10n-cache/group-findings.json``, under a fingerprint of every file of l10n and the
versions of the libraries the checks read (another fingerprint discards the file). Its
key is a digest of what the findings depend on: the catalogs' bytes, the whole
configuration (``repr`` of it: severities, per-file ignores, names), the checks chosen,
and the glossary's terms and options (``memo.fingerprint``). It holds the findings,
suppressed ones included, as the group's part of the report before the run-level checks
(L003-L005, which read the project's folders, and are always worked out). The findings
are kept under the key only if the bytes the checks read are those the key was made
from (a catalog saved while the run read it is checked afresh next time). Not kept: a
group with a catalog that could not be read or digested (a symbolic link, a folder, a
missing file: its error is said afresh), one whose check crashed, one with reference
translations (R001 reads catalogs outside the group), and one checked by a check
registered from outside l10n (whose code is not in the fingerprint).
"""

from __future__ import annotations

import hashlib

from ..cache import RecordCache, package_fingerprint
from ..errors import L10nError
from ..files import file_digest
from .base import REGISTRY, Finding, Severity
from .memo import PACKAGES
from .memo import fingerprint as glossary_fingerprint

FILE_NAME = "group-findings.json"
KEEP = 8  # groups remembered (the project, a file or two checked alone, ...)


def _fingerprint() -> str:
    return package_fingerprint(PACKAGES, "group findings")


class GroupFindings(RecordCache):
    """Findings by group: {group: [key, [finding fields, ...], serial]} (``serial``: the
    order the records were written in)."""

    FILE_NAME = FILE_NAME
    SECTION = "groups"
    WHAT = "findings cache"
    FINGERPRINT = staticmethod(_fingerprint)

    def __init__(self, folder, group, *, config, codes, glossary) -> None:
        super().__init__(folder)
        self.name = _digest(repr([(str(path), group.display(path)) for path in group.paths]))
        self.digests = _digests(group.paths)
        self.key = None if self.digests is None or not _ours(codes) else _digest("\0".join(
            [glossary_fingerprint(glossary), repr(config), repr(sorted(codes)),
             *(f"{path}\0{group.display(path)}\0{digest}"
               for path, digest in zip(group.paths, self.digests, strict=True))]))

    def remembered(self) -> list[Finding] | None:
        """The findings of the last run with these inputs, or None."""
        if self.key is None:
            return None
        record = self.records.get(self.name)
        if not (isinstance(record, list) and len(record) == 3 and record[0] == self.key
                and isinstance(record[1], list)):
            return None
        try:
            return [_finding(fields) for fields in record[1]]
        except (TypeError, ValueError):
            return None  # not well formed: worked out afresh, and replaced

    def remember(self, findings: list[Finding], read: list[str | None]) -> None:
        """Keep ``findings`` as the answer for these inputs (``KEEP`` groups at most: the
        least recently written are dropped); ``read``: the digests of the bytes the checks
        read, catalog by catalog (nothing is kept unless they are the key's)."""
        if self.key is None or read != self.digests or any(f.code == "L000" for f in findings):
            return
        self.records.pop(self.name, None)
        serials = {name: _serial(record) for name, record in self.records.items()}
        for name in sorted(serials, key=serials.get)[:max(0, len(serials) - KEEP + 1)]:
            del self.records[name]
        self.records[self.name] = [self.key, [_fields(f) for f in findings],
                                   max(serials.values(), default=0) + 1]
        self.dirty = True
        self.save()


def _digests(paths) -> list[str] | None:
    """Each catalog's digest; None where one cannot be digested (its error is reported by
    reading it)."""
    found = []
    for path in paths:
        try:
            digest = file_digest(path)
        except L10nError:
            return None
        if digest is None:
            return None
        found.append(digest)
    return found


def _ours(codes) -> bool:
    """Are all the checks chosen l10n's own (their code is in the fingerprint)?"""
    return all(REGISTRY[code].function.__module__.startswith("l10n.checks.")
               for code in codes if code in REGISTRY)


def _serial(record) -> int:
    serial = record[2] if isinstance(record, list) and len(record) == 3 else 0
    return serial if type(serial) is int else 0


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _fields(f: Finding) -> list:
    return [f.path, f.line, f.column, f.code, f.name, f.severity.value, f.message, f.msgid,
            f.msgstr, f.suppressed]


def _finding(fields) -> Finding:
    path, line, column, code, name, severity, message, msgid, msgstr, suppressed = fields
    if not (isinstance(line, int) and isinstance(column, int)
            and all(isinstance(s, str) for s in (path, code, name, message, msgid, msgstr))
            and (suppressed is None or isinstance(suppressed, str))):
        raise TypeError("not a finding")
    return Finding(path, line, code, name, Severity(severity), message, msgid, msgstr,
                   column=column, suppressed=suppressed)
