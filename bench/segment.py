"""Segmentation: throughput by paragraph size, adversarial paragraphs, and boundary F1.

    python bench/segment.py                       # this tree's segmenter
    python bench/segment.py --before main         # ... beside the segmenter of a git revision

Throughput is characters per CPU-second of this process (Kiwi's batch threads included)
after start-up, on paragraphs of 1k, 10k and 100k characters cut from the prose of the
gold sets (the same text at every size, so the ratio shows how cost grows with length);
medians of ``--runs``. The adversarial rows are single 100k-character paragraphs of one
pattern (issue 19 item 13). F1 is boundary F1 on every set in tests/data/segment_*
(tests/gold.py scores them), with the essay-like files of segment_unseen on their own.
Figures go to bench/RESULTS.md between the SEGMENTATION markers.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.gold import boundary_scores, read_gold  # noqa: E402

SETS = ("segment_gold", "segment_heldout", "segment_test", "segment_unseen")
ESSAY_LIKE = ("01_letter", "02_history", "04_health", "05_speech", "09_diary")
ADVERSARIAL = (" ①", " -", " •", " 1.", "가나다. ", "진.짜.", "왜? 하고 ")
BEGIN, END = "<!-- SEGMENTATION:BEGIN -->", "<!-- SEGMENTATION:END -->"


def segmenter(revision: str | None):
    if revision is None:
        from l10n.korean import segment

        return segment
    code = subprocess.run(["git", "show", f"{revision}:src/l10n/korean/segment.py"], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "segment_before.py"
    path.write_text(code, "utf-8")
    spec = importlib.util.spec_from_file_location("l10n.korean._segment_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prose(size: int) -> str:
    text = " ".join(" ".join(p) for name in SETS[:3] for p in read_gold(ROOT / "tests/data" /
                                                                          name))
    text = (text + " ") * (size // len(text) + 1)
    return text[:text.rfind(" ", 0, size)]


def throughput(modules: dict, runs: int) -> dict[str, dict[str, float]]:
    """Characters per CPU-second (Kiwi's threads included) and per second of wall clock of
    each segmenter at each size; the segmenters take turns sample by sample, so a change
    of load on the shared machine hits both alike."""
    out: dict[str, dict[str, float]] = {label: {} for label in modules}
    for size, count in ((1_000, 100), (10_000, 10), (100_000, 1)):
        texts = [prose(size)] * count
        samples: dict[str, list[tuple[float, float]]] = {label: [] for label in modules}
        for _ in range(runs):
            for label, module in modules.items():
                started, clock = time.process_time(), time.perf_counter()
                module.split_spans(texts)
                characters = sum(map(len, texts))
                samples[label].append((characters / (time.process_time() - started),
                                       characters / (time.perf_counter() - clock)))
        for label in modules:
            out[label][f"{size // 1000}k"] = statistics.median(c for c, _ in samples[label])
            out[label][f"{size // 1000}k wall"] = statistics.median(w for _, w in samples[label])
    return out


def adversarial(module, budget: float) -> dict[str, float]:
    out = {}
    for pattern in ADVERSARIAL:
        text = ("가" + pattern * (100_000 // len(pattern)))[:100_000].rstrip()
        started = time.process_time()
        module.split_spans([text[:10_000]]) if budget <= 0 else module.split_spans([text])
        out[pattern] = time.process_time() - started
    return out


def accuracy(module) -> dict[str, dict]:
    out = {}
    for name in SETS:
        folder = ROOT / "tests/data" / name
        gold = read_gold(folder)
        out[name] = boundary_scores(gold, [module.split_sentences(" ".join(p)) for p in gold])
        if name == "segment_unseen":
            essay = []
            for stem in ESSAY_LIKE:
                with tempfile.TemporaryDirectory() as tmp:
                    (Path(tmp) / f"{stem}.txt").write_text(
                        (folder / f"{stem}.txt").read_text("utf-8"), "utf-8")
                    essay += read_gold(Path(tmp))
            out["segment_unseen (essay-like)"] = boundary_scores(
                essay, [module.split_sentences(" ".join(p)) for p in essay])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="a git revision whose segmenter to compare")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from l10n.korean.kiwi import kiwi

    kiwi().tokenize("시작")  # start-up paid once
    rows = {"after": segmenter(None)}
    if args.before:
        rows = {f"before ({args.before})": segmenter(args.before), **rows}
    results = {}
    speeds = throughput(rows, args.runs)
    for label, module in rows.items():
        results[label] = {"throughput": speeds[label],
                          "accuracy": accuracy(module),
                          # the old segmenter is quadratic: 10k of each pattern, not 100k
                          "adversarial": adversarial(module, 0 if label != "after" else 1),
                          }
        print(label, results[label]["throughput"], flush=True)
    lines = [BEGIN, "", "### Segmentation by paragraph size, adversarial paragraphs, F1",
             "", "Made by `python bench/segment.py --before main` (characters per CPU-second, "
             "Kiwi's threads included, and per second of wall clock, "
             f"after start-up, median of {args.runs}, the segmenters alternating sample by "
             "sample; the machine is shared, so compare within a column; load average "
             f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end).",
             "", "| segmenter | 1k | 10k | 100k | 100k / 1k |", "|---|---|---|---|---|"]
    for label, r in results.items():
        t = r["throughput"]
        lines.append(f"| {label} | {t['1k']:,.0f} | {t['10k']:,.0f} | {t['100k']:,.0f} | "
                     f"{t['100k'] / t['1k']:.2f} |")
    for label, r in results.items():
        t = r["throughput"]
        lines.append(f"| {label}, per second of wall clock | {t['1k wall']:,.0f} | "
                     f"{t['10k wall']:,.0f} | {t['100k wall']:,.0f} | "
                     f"{t['100k wall'] / t['1k wall']:.2f} |")
    lines += ["", "| pattern (one paragraph) | " + " | ".join(
        f"{label}: CPU s" for label in results) + " |",
        "|---|" + "---|" * len(results)]
    for pattern in ADVERSARIAL:
        cells = []
        for label, r in results.items():
            size = "100k" if label == "after" else "10k"
            cells.append(f"{r['adversarial'][pattern]:.2f} ({size})")
        lines.append(f"| `{pattern!r}` | " + " | ".join(cells) + " |")
    lines += ["", "| set | " + " | ".join(f"{label} P / R / F1" for label in results) + " |",
              "|---|" + "---|" * len(results)]
    for name in results["after"]["accuracy"]:
        cells = []
        for r in results.values():
            s = r["accuracy"][name]
            cells.append(f"{s['precision']:.3f} / {s['recall']:.3f} / **{s['f1']:.3f}**")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", END]
    target = HERE / "RESULTS.md"
    text = target.read_text("utf-8")
    block = "\n".join(lines)
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    target.write_text(text, "utf-8")
    print(block)


if __name__ == "__main__":
    main()
