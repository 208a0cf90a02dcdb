"""Reading the segmentation gold set and scoring boundaries (shared by tests and bench)."""

from __future__ import annotations

from pathlib import Path


def read_gold(folder: Path) -> list[list[str]]:
    """Paragraphs as lists of sentences; a paragraph's text is its sentences joined by a space."""
    paragraphs = []
    for path in sorted(folder.glob("*.txt")):
        for chunk in path.read_text(encoding="utf-8").split("\n\n"):
            lines = [line for line in chunk.split("\n") if line.strip()]
            if lines:
                paragraphs.append(lines)
    return paragraphs


def _boundaries(sentences: list[str]) -> set[int]:
    """Offsets (in the space-free text) where a sentence ends, excluding the paragraph end."""
    cuts, pos = set(), 0
    for sentence in sentences[:-1]:
        pos += len("".join(sentence.split()))
        cuts.add(pos)
    return cuts


def boundary_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, float]:
    tp = fp = fn = 0
    for expected, got in zip(gold, predicted, strict=True):
        want, have = _boundaries(expected), _boundaries(got)
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
