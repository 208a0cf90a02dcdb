"""Sentence spans over every Korean text the repository has, to prove a change of the
segmenter changes no boundary.

    python bench/segment_spans.py OUT.json                  # this tree's segmenter
    python bench/segment_spans.py OUT.json --before main    # the segmenter of a revision
    cmp BEFORE.json AFTER.json

The texts: each paragraph of every tests/data/segment_* set (as tests/gold.py joins it)
and each of its lines, every line and paragraph with Hangul of the other text files of
tests/data, every region ``update`` segments of the bundled essays and of tests/data's
Markdown, the prose of bench/segment.py at 1k, 10k and 100k characters (so the seams of
long texts are covered), and the adversarial paragraphs of bench/segment.py at 100k.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from segment import ADVERSARIAL, SETS, prose, segmenter  # noqa: E402
from tests.gold import read_gold  # noqa: E402

HANGUL = re.compile("[가-힣]")


def texts() -> list[str]:
    out: list[str] = []
    data = ROOT / "tests/data"
    for name in SETS:
        for paragraph in read_gold(data / name):
            out.append(" ".join(paragraph))
            out.extend(paragraph)
    for path in sorted(data.rglob("*")):
        if not path.is_file() or path.suffix not in (".txt", ".md", ".tsv", ".csv", ".po",
                                                     ".pot", ".json"):
            continue
        text = path.read_text("utf-8", errors="replace")
        out.extend(chunk for chunk in text.split("\n\n") if HANGUL.search(chunk))
        out.extend(line for line in text.splitlines() if HANGUL.search(line))
    from l10n.source import draft_essay

    for path in sorted([*(ROOT / "source/ko").glob("*.md"), *data.rglob("*.md")]):
        try:
            draft = draft_essay(path.read_text("utf-8"), name=path.stem, path=str(path))
        except Exception:  # noqa: BLE001 - fixtures of bad input
            continue
        out.extend(draft.texts())
    out.extend(prose(size) for size in (1_000, 10_000, 100_000))
    out.extend(("가" + p * (100_000 // len(p)))[:100_000].rstrip() for p in ADVERSARIAL)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--before", help="a git revision whose segmenter to use")
    args = parser.parse_args()
    module = segmenter(args.before)
    corpus = texts()
    spans = module.split_spans(corpus)
    singly = [module.split_spans([text])[0] for text in corpus[:2000]]
    assert singly == spans[:2000], "a batch splits differently from single texts"
    payload = [[text, [list(s) for s in found]] for text, found in zip(corpus, spans, strict=True)]
    blob = json.dumps(payload, ensure_ascii=False, indent=0)
    args.out.write_text(blob, "utf-8")
    print(f"{len(corpus)} texts, {sum(map(len, corpus)):,} characters, "
          f"{sum(map(len, spans)):,} sentences, sha256 {hashlib.sha256(blob.encode()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
