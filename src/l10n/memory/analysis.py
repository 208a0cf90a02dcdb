"""Leverage analysis: the text still to translate, in the match bands CAT tools quote by.

Every sentence of the essays analysed that is not translated yet falls in one band:
*repetitions* (the same sentence, normalised, met earlier in the analysis: in the
same essay or in an earlier one, counted once at its first occurrence as CAT tools
do), then by its best translation-memory match: 100%, 95–99%, 85–94%, 75–84%,
50–74%, no match. Each band is counted in entries (sentence occurrences), eojeol
(space-separated words) and characters without spaces, the unit Korean translation
is priced in; a rate table (``[tool.l10n.rates]``) weights the bands, so the weighted
character total times a price per character is a quote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import ConfigError
from ..progress.counts import chars, eojeol
from .tm import TranslationMemory, best_matches, normalize

BANDS = ("repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match")
LABELS = {"repetitions": "Repetitions", "100": "100%", "95-99": "95–99%", "85-94": "85–94%",
          "75-84": "75–84%", "50-74": "50–74%", "no-match": "No match"}
# weights when the project sets none: a common CAT grid (repetitions and 100% at 10%)
DEFAULT_RATES = {"repetitions": 0.1, "100": 0.1, "95-99": 0.3, "85-94": 0.6, "75-84": 0.8,
                 "50-74": 1.0, "no-match": 1.0}
LOWEST = 50.0


def band_of(score: int | None) -> str:
    if score is None or score < 50:
        return "no-match"
    if score == 100:
        return "100"
    for band in ("95-99", "85-94", "75-84", "50-74"):
        if score >= int(band.split("-")[0]):
            return band
    return "no-match"  # pragma: no cover - every score from 50 has a band above


def parse_rates(table: dict[str, float], *, path=None) -> dict[str, float]:
    """The rate of every band: the defaults, overridden by ``[tool.l10n.rates]``.

    Keys may be written as the band names (``"95-99"``, ``"no-match"``) or as printed
    (``"95–99%"``, ``"no match"``, ``"100%"``).
    """
    rates = dict(DEFAULT_RATES)
    for key, value in table.items():
        name = key.strip().lower().replace("%", "").replace("–", "-").replace(" ", "-")
        if name not in rates:
            raise ConfigError(f"unknown band {key!r} in [tool.l10n.rates]", path=path,
                              hint=f"bands: {', '.join(BANDS)}")
        rates[name] = float(value)
    return rates


@dataclass
class Counts:
    entries: int = 0
    eojeol: int = 0
    chars: int = 0

    def add(self, other: Counts) -> None:
        self.entries += other.entries
        self.eojeol += other.eojeol
        self.chars += other.chars


@dataclass
class EssayAnalysis:
    name: str
    bands: dict[str, Counts] = field(default_factory=lambda: {b: Counts() for b in BANDS})

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.bands.values():
            total.add(counts)
        return total

    def weighted(self, rates: dict[str, float]) -> tuple[float, float]:
        """Weighted eojeol and characters."""
        return (sum(self.bands[b].eojeol * rates[b] for b in BANDS),
                sum(self.bands[b].chars * rates[b] for b in BANDS))

    def as_dict(self, rates: dict[str, float]) -> dict:
        words, characters = self.weighted(rates)
        return {"name": self.name,
                "bands": {b: vars(self.bands[b]).copy() for b in BANDS},
                "total": vars(self.total).copy(),
                "weighted": {"eojeol": round(words, 2), "chars": round(characters, 2)}}


@dataclass
class Analysis:
    essays: list[EssayAnalysis]
    rates: dict[str, float]

    @property
    def total(self) -> EssayAnalysis:
        total = EssayAnalysis("total")
        for essay in self.essays:
            for band in BANDS:
                total.bands[band].add(essay.bands[band])
        return total


def analyze(essays: Iterable[tuple[str, Sequence[str]]], memory: TranslationMemory, *,
            rates: dict[str, float] | None = None) -> Analysis:
    """The analysis of ``(essay name, sentences to translate)``, sentences in order."""
    essays = [(name, list(sentences)) for name, sentences in essays]
    firsts: dict[str, str] = {}  # normalised key -> one sentence that has it, first seen
    for _, sentences in essays:
        for sentence in sentences:
            firsts.setdefault(normalize(sentence), sentence)
    keys = list(firsts)
    matches = best_matches(memory, [firsts[k] for k in keys], threshold=LOWEST)
    band = {key: band_of(m.score if m else None) for key, m in zip(keys, matches, strict=True)}
    seen: set[str] = set()
    result = []
    for name, sentences in essays:
        essay = EssayAnalysis(name)
        for sentence in sentences:
            key = normalize(sentence)
            counts = essay.bands["repetitions" if key in seen else band[key]]
            seen.add(key)
            counts.entries += 1
            counts.eojeol += eojeol(sentence)
            counts.chars += chars(sentence)
        result.append(essay)
    return Analysis(result, dict(rates or DEFAULT_RATES))


def render_json(analysis: Analysis) -> str:
    return json.dumps({"bands": list(BANDS), "rates": analysis.rates,
                       "essays": [e.as_dict(analysis.rates) for e in analysis.essays],
                       "total": analysis.total.as_dict(analysis.rates)},
                      ensure_ascii=False, indent=2) + "\n"


def render_csv(analysis: Analysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["essay", "band", "entries", "eojeol", "chars", "rate", "weighted_chars"])
    for essay in [*analysis.essays, analysis.total]:
        for band in BANDS:
            counts, rate = essay.bands[band], analysis.rates[band]
            writer.writerow([essay.name, band, counts.entries, counts.eojeol, counts.chars,
                             f"{rate:g}", f"{counts.chars * rate:.2f}"])
    return out.getvalue()


def render_table(analysis: Analysis) -> str:
    """Characters by band for each essay, then the total in entries, eojeol, characters."""
    head = ["essay"] + [LABELS[b] for b in BANDS] + ["chars", "weighted"]
    rows = [head]
    for essay in [*analysis.essays, analysis.total]:
        rows.append([essay.name] + [str(essay.bands[b].chars) for b in BANDS]
                    + [str(essay.total.chars), f"{essay.weighted(analysis.rates)[1]:.1f}"])
    lines = _columns(rows) + ["", "Total (characters without spaces):"]
    total = analysis.total
    detail = [["band", "entries", "eojeol", "chars", "rate", "weighted chars"]]
    for band in BANDS:
        counts, rate = total.bands[band], analysis.rates[band]
        detail.append([LABELS[band], str(counts.entries), str(counts.eojeol), str(counts.chars),
                       f"{rate:g}", f"{counts.chars * rate:.1f}"])
    t = total.total
    detail.append(["Total", str(t.entries), str(t.eojeol), str(t.chars), "",
                   f"{total.weighted(analysis.rates)[1]:.1f}"])
    return "\n".join(lines + _columns(detail)) + "\n"


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def sentences_to_translate(essay, po=None) -> list[str]:
    """The essay's sentence occurrences, in order, whose entry is not translated in ``po``."""
    done = set()
    if po is not None:
        done = {entry.msgid for entry in po if not entry.obsolete and entry.msgstr
                and "fuzzy" not in entry.flags}
    return [sentence.msgid for sentence in essay.sentences() if sentence.msgid not in done]


RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}


def project_sentences(config, names: list[str] | None, language: str
                      ) -> list[tuple[str, list[str]]]:
    """(essay, its sentences still to translate in ``language``) for the named essays of
    the project (default: every one)."""
    from ..essays import read_essays
    from ..po.catalog import read_catalog

    todo = []
    for essay in read_essays(config, names):
        path = config.po_path(essay.name, language)
        todo.append((essay.name, sentences_to_translate(
            essay, read_catalog(path) if path.exists() else None)))
    return todo
