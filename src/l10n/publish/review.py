"""The review view: every essay side by side with each QA finding shown on its sentence.

What an editor opens before signing an essay off (as Xbench and Verifika show findings
beside source and target, and Weblate on the string). Findings are values from the
check library (``l10n.checks.run_checks``); this module only places them: on the
sentence whose msgid they concern, with the glossary entry they name, a summary per
essay, and a ``file:line`` link into the catalog for the translator.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..checks import FAMILIES, REGISTRY, Finding, Severity, run_checks

SEVERITIES = [s.value for s in sorted(Severity, key=lambda s: -s.rank)]
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+"
                     r"(?:[ ·]+[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+)*")


def mark_korean(text: str):
    """Escaped text with each run of Hangul in ``<span lang="ko">`` (messages and notes
    are English that quote Korean; screen readers and fonts need the language)."""
    from markupsafe import Markup, escape

    parts, last = [], 0
    for match in _HANGUL.finditer(text):
        parts += [escape(text[last:match.start()]),
                  Markup('<span lang="ko">%s</span>') % match.group(0)]
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


@dataclass(frozen=True)
class TermRef:
    """A glossary entry a finding concerns, with where it is defined."""

    ko: str
    en: str
    note: str
    where: str  # glossary.csv:ROW
    href: str


@dataclass(frozen=True)
class Placed:
    """A finding with its place on the page."""

    id: str  # html id, f1, f2 ...
    number: int
    finding: Finding
    family: str
    pair: str  # the sentence pair it is shown on ("" when not in the essay)
    where: str  # path:line
    href: str
    terms: tuple[TermRef, ...] = ()
    source_where: str = ""  # the sentence in the Korean source, path:line
    source_href: str = ""

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def code(self) -> str:
        return self.finding.code


@dataclass(frozen=True)
class SentenceMarks:
    worst: str  # the most severe finding's severity
    items: tuple[Placed, ...]


@dataclass
class EssayReview:
    page: object  # EssayPage
    po: str  # catalog path relative to the project ("" without a catalog)
    po_href: str
    source: str
    source_href: str
    findings: list[Placed] = field(default_factory=list)
    marks: dict[str, SentenceMarks] = field(default_factory=dict)
    by_row: dict[str, list[Placed]] = field(default_factory=dict)
    unplaced: list[Placed] = field(default_factory=list)

    @property
    def by_severity(self) -> list[tuple[str, int]]:
        counts = Counter(p.severity for p in self.findings)
        return [(s, counts[s]) for s in SEVERITIES]

    @property
    def by_family(self) -> list[tuple[str, int]]:
        counts = Counter(p.family for p in self.findings)
        return [(f, counts[f]) for f in families_of(self.findings)]

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.findings)


def families_of(placed: Iterable[Placed]) -> list[str]:
    """Families present, in the catalogue's order (unknown ones last, by name)."""
    present = {p.family for p in placed}
    order = [f for f in [*FAMILIES, "reference"] if f in present]
    return order + sorted(present - set(order))


def family_of(code: str) -> str:
    check = REGISTRY.get(code)
    return check.family if check is not None else "internal"


def project_findings(config, catalogs: list, *, glossary=None, reference=None,
                     jobs: int = 1) -> list[Finding]:
    """Every finding of every check over the project's catalogs, as ``l10n check`` finds
    them (configured severities, paths relative to the project)."""
    return run_checks(catalogs, glossary=glossary, severity=config.severity,
                      relative=config.relative, jobs=jobs, reference=reference,
                      reference_min_chrf=config.reference_min_chrf, cache=config.cache)


def _href(target: Path, folder: Path) -> str:
    return quote(Path(os.path.relpath(target, folder)).as_posix())


def _terms(finding: Finding, hits, glossary, config, folder: Path) -> tuple[TermRef, ...]:
    """The glossary entries a finding names: the terms found in its source sentence whose
    Korean or English form the message quotes (every such term for a glossary finding
    whose message names none)."""
    if glossary is None or not hits:
        return ()
    terms = list(dict.fromkeys(hit.term for hit in hits))
    named = [t for t in terms if f"'{t.ko}'" in finding.message or f"'{t.en}'" in finding.message]
    if not named and family_of(finding.code) == "glossary":
        named = terms
    path = config.glossary
    where = config.relative(path) if path else "glossary"
    href = _href(path, folder) if path else ""
    return tuple(TermRef(t.ko, t.en, t.note, f"{where}:{t.row}" if t.row else where, href)
                 for t in named)


def review_essays(config, pages: list, catalogs: dict[str, Path | None],
                  findings: list[Finding], *, glossary=None, folder: Path
                  ) -> tuple[list[EssayReview], list[Placed]]:
    """Each essay's review (findings placed on its sentences) and the findings that
    belong to no essay (internal errors, catalogs without a source).

    ``catalogs`` maps an essay name to its PO path; ``folder`` is where the review pages
    are written (links are relative to it).
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    wanted = {f.msgid for f in findings if f.msgid}
    hits = {}
    if glossary is not None and wanted:
        ordered = sorted(wanted)
        hits = dict(zip(ordered, glossary.find_korean_many(ordered), strict=True))
    reviews, number = [], 0
    claimed: set[str] = set()
    for page in pages:
        po = catalogs.get(page.name)
        rel = config.relative(po) if po is not None else ""
        claimed.add(rel)
        source = config.root / page.source
        review = EssayReview(page, rel, _href(po, folder) if po is not None else "",
                             page.source, _href(source, folder))
        pairs: dict[str, list[tuple[str, str, int]]] = {}  # msgid -> [(row, pair, line)]
        for row in page.rows:
            for sentence in row.sentences:
                pairs.setdefault(sentence.msgid, []).append((row.anchor, sentence.pair,
                                                             sentence.line))
        marks: dict[str, list[Placed]] = {}
        for finding in by_path.get(rel, []) if rel else []:
            number += 1
            places = pairs.get(finding.msgid, [])
            terms = _terms(finding, hits.get(finding.msgid), glossary, config, folder)
            placed = Placed(f"f{number}", number, finding, family_of(finding.code),
                            places[0][1] if places else "",
                            f"{finding.path}:{finding.line}" if finding.line else finding.path,
                            review.po_href, terms,
                            f"{page.source}:{places[0][2]}" if places else "",
                            review.source_href if places else "")
            review.findings.append(placed)
            if not places:
                review.unplaced.append(placed)
                continue
            review.by_row.setdefault(places[0][0], []).append(placed)
            for _, pair, _ in places:
                marks.setdefault(pair, []).append(placed)
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        review.marks = {pair: SentenceMarks(min((p.severity for p in items), key=rank.get),
                                            tuple(items))
                        for pair, items in marks.items()}
        reviews.append(review)
    others = []
    for path, items in sorted(by_path.items()):
        if path in claimed:
            continue
        for finding in items:
            number += 1
            others.append(Placed(f"f{number}", number, finding, family_of(finding.code), "",
                                 f"{finding.path}:{finding.line}" if finding.line
                                 else finding.path, ""))
    return reviews, others


__all__ = ["EssayReview", "Placed", "SentenceMarks", "TermRef", "SEVERITIES", "families_of",
           "family_of", "project_findings", "review_essays"]
