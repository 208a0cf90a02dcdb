"""Alignment evaluation: l10n's aligner and NLTK's Gale–Church on essays with known pairs.

Each case in tests/data/align/ is a TSV of ``Korean<TAB>English`` rows written for this
evaluation: a row is one bead (two Korean sentences in one cell are a 2-1 bead, two
English sentences a 1-2 bead, an empty cell a dropped or an added sentence), a blank
line ends a paragraph on both sides, ``=`` ends a Korean paragraph only (the English
merges two paragraphs) and ``+`` an English paragraph only. The Korean essay and the
English translation are assembled from the rows; the gold beads are the sentences (as
l10n segments them) that fall in each row's cells. ``heldout/`` and ``fresh/`` were
never tuned on.

Run ``python -m tests.align_eval`` for the table in bench/RESULTS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from l10n.memory.bitext import Alignment, align_translation, english_lines, korean_lines
from l10n.source import parse_essay

DATA = Path(__file__).parent / "data" / "align"
Beads = set[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class Case:
    name: str
    korean: str  # the essay (Markdown)
    english: str  # the translation (Markdown)
    rows: list[tuple[tuple[int, int, int], tuple[int, int, int]]]  # (paragraph, start, end)


def _assemble(paragraphs: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    texts, spans = [], []
    for cells in paragraphs:
        text, ranges = "", []
        for cell in cells:
            if not cell:
                ranges.append((-1, -1))
                continue
            body = cell[2:] if cell.startswith("# ") else cell
            if text:
                text += " "
            ranges.append((len(text), len(text) + len(body)))
            text += body
        texts.append(("# " if cells and cells[0].startswith("# ") else "") + text)
        spans.append(ranges)
    return "\n\n".join(texts) + "\n", spans


def read_case(path: Path) -> Case:
    ko_pars: list[list[str]] = [[]]
    en_pars: list[list[str]] = [[]]
    refs = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.strip() in ("", "=", "+"):
            if raw.strip() in ("", "=") and ko_pars[-1]:
                ko_pars.append([])
            if raw.strip() in ("", "+") and en_pars[-1]:
                en_pars.append([])
            continue
        ko, _, en = raw.partition("\t")
        refs.append(((len(ko_pars) - 1, len(ko_pars[-1])), (len(en_pars) - 1, len(en_pars[-1]))))
        ko_pars[-1].append(ko.strip())
        en_pars[-1].append(en.strip())
    ko_pars = [p for p in ko_pars if any(p)]
    en_pars = [p for p in en_pars if any(p)]
    ko_text, ko_spans = _assemble([[c for c in p] for p in ko_pars])
    en_text, en_spans = _assemble([[c for c in p] for p in en_pars])
    rows = []
    for (kp, kc), (ep, ec) in refs:
        rows.append(((kp, *ko_spans[kp][kc]), (ep, *en_spans[ep][ec])))
    return Case(path.stem, ko_text, en_text, rows)


def _ids(lines, paragraph: int, start: int, end: int) -> tuple[int, ...]:
    if start < 0:
        return ()
    return tuple(i for i, line in enumerate(lines)
                 if line.paragraph == paragraph and start <= line.start < end)


def gold_beads(case: Case, ko_lines, en_lines) -> Beads:
    return {(_ids(ko_lines, *ko), _ids(en_lines, *en)) for ko, en in case.rows}


def l10n_beads(alignment: Alignment) -> Beads:
    return {(b.korean, b.english) for b in alignment.beads}


def gale_church_beads(ko_lines, en_lines) -> Beads:
    """NLTK's Gale–Church, default parameters, over the whole essay as one block."""
    from nltk.translate.gale_church import align_blocks

    pairs = align_blocks([len(line.text) for line in ko_lines],
                         [len(line.text) for line in en_lines])
    # connected components of the (korean, english) links
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in pairs:
        for ko, en in groups:
            if i in ko or j in en:
                ko.add(i)
                en.add(j)
                break
        else:
            groups.append(({i}, {j}))
    beads = {(tuple(sorted(ko)), tuple(sorted(en))) for ko, en in groups}
    linked_ko = {i for i, _ in pairs}
    linked_en = {j for _, j in pairs}
    beads |= {((i,), ()) for i in range(len(ko_lines)) if i not in linked_ko}
    beads |= {((), (j,)) for j in range(len(en_lines)) if j not in linked_en}
    return beads


def gale_church_by_paragraph(ko_lines, en_lines) -> Beads:
    """NLTK's Gale–Church paragraph by paragraph (its ``align_texts`` use): the n-th Korean
    paragraph with the n-th English one; sentences of paragraphs beyond the shorter
    text's end stay unaligned."""

    def paragraphs(lines):
        out: dict[int, list[int]] = {}
        for index, line in enumerate(lines):
            out.setdefault(line.paragraph, []).append(index)
        return list(out.values())

    beads: Beads = set()
    ko_pars, en_pars = paragraphs(ko_lines), paragraphs(en_lines)
    for ko_ids, en_ids in zip(ko_pars, en_pars, strict=False):
        sub = gale_church_beads([ko_lines[i] for i in ko_ids], [en_lines[j] for j in en_ids])
        beads |= {(tuple(ko_ids[i] for i in k), tuple(en_ids[j] for j in e)) for k, e in sub}
    for ko_ids in ko_pars[len(en_pars):]:
        beads |= {((i,), ()) for i in ko_ids}
    for en_ids in en_pars[len(ko_pars):]:
        beads |= {((), (j,)) for j in en_ids}
    return beads


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Beads, gold: Beads) -> None:
        pairs = {b for b in predicted if b[0] and b[1]}
        truth = {b for b in gold if b[0] and b[1]}
        self.correct += len(pairs & truth)
        self.predicted += len(pairs)
        self.gold += len(truth)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0


def evaluate(paths: list[Path], glossary=None) -> dict[str, Score]:
    scores = {"l10n": Score(), "gale-church": Score(), "gale-church-paragraphs": Score()}
    for path in paths:
        case = read_case(path)
        essay = parse_essay(case.korean, name=case.name, path=f"{case.name}.md")
        ko_lines = [line for p in korean_lines(essay) for line in p]
        en_lines = [line for p in english_lines(case.english, path="en.md") for line in p]
        gold = gold_beads(case, ko_lines, en_lines)
        scores["l10n"].add(l10n_beads(align_translation(essay, case.english, path="en.md",
                                                         glossary=glossary)), gold)
        scores["gale-church"].add(gale_church_beads(ko_lines, en_lines), gold)
        scores["gale-church-paragraphs"].add(gale_church_by_paragraph(ko_lines, en_lines), gold)
    return scores


def development() -> list[Path]:
    return sorted(DATA.glob("*.tsv"))


def heldout() -> list[Path]:
    return sorted((DATA / "heldout").glob("*.tsv"))


def fresh() -> list[Path]:
    """The second held-out set, written after the first was published (never tuned on)."""
    return sorted((DATA / "fresh").glob("*.tsv"))


def print_table() -> None:
    """The precision/recall rows of every set and aligner, as bench/RESULTS.md has them."""
    for label, paths in (("development", development()), ("held-out", heldout()),
                         ("fresh held-out", fresh())):
        for system, score in evaluate(paths).items():
            print(f"| {label} | {system} | {score.gold} | {score.precision:.3f} | "
                  f"{score.recall:.3f} |")


if __name__ == "__main__":
    print_table()
