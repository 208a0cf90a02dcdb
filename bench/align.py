"""Benchmark of `l10n align` (issue 20): speed as a command and accuracy on every set.

    python bench/align.py             # about a minute on this 2-core machine

1. `l10n align` of a 223-sentence essay (four development essays of tests/data/align
   repeated, 75 distinct sentences; the essay already segmented by `l10n update`, as a
   user's is) as a command, medians of 3: *first*, with the morphology that update
   recorded while it segmented the essay (what a user's first align finds), *cold*, with
   that cache deleted (Kiwi loads), and *warm*, aligning the essay again (``--dry-run`` first, then for
   real; the morphology comes from ``.l10n-cache``, no Kiwi); and the alignment alone in
   this process.
2. Sentence-pair precision and recall of l10n's aligner and of NLTK's Gale–Church on the
   development set, the held-out set and the fresh held-out set (``tests/align_eval.py``).
The figures are printed as Markdown rows for bench/RESULTS.md (section "Alignment").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from memory import medians, run  # noqa: E402  (bench/memory.py, beside this file)


def essay(project: Path, work: Path) -> tuple[str, str]:
    from tests.align_eval import development, read_case

    # the first four development essays' bodies, repeated until 200 sentences (the same
    # essay as in the first measurement of issue 20; the later essays are not added)
    cases = [read_case(path) for path in development()
             if path.stem in ("bees", "cycling", "kimjang", "painting")]
    korean, english, count = [], [], 0
    while count < 200:
        for case in cases:
            korean.append(case.korean.split("\n\n", 1)[1])
            english.append(case.english.split("\n\n", 1)[1])
            count += case.korean.count("다.") + case.korean.count("?") + case.korean.count("!")
    (project / "source" / "ko").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.l10n]\nproject-name = "a"\n', "utf-8")
    ko_text, en_text = "# 글\n\n" + "\n\n".join(korean), "# Essay\n\n" + "\n\n".join(english)
    (project / "source" / "ko" / "long.md").write_text(ko_text, encoding="utf-8")
    (work / "long.en.md").write_text(en_text, encoding="utf-8")
    return ko_text, en_text


def speed(work: Path, l10n: list[str]) -> dict:
    from l10n.memory.bitext import align_translation
    from l10n.source import parse_essay

    project = work / "align"
    ko_text, en_text = essay(project, work)
    subprocess.run([*l10n, "update", "-q"], cwd=project, check=True, stdout=subprocess.DEVNULL)
    catalog = project / "locales/en/LC_MESSAGES/long.po"
    shutil.copy(catalog, work / "long.po")
    morphology = project / ".l10n-cache" / "align-morphology.json"
    command = [*l10n, "align", "long", "-t", str(work / "long.en.md")]
    left = work / "morphology-update-left.json"  # what the update recorded while segmenting
    shutil.copy(morphology, left)
    first, cold, warm = [], [], []
    for runs, state in ((first, "update"), (cold, "none"), (warm, "kept")):
        for _ in range(3):
            if state == "update":
                shutil.copy(left, morphology)
            elif state == "none":
                morphology.unlink(missing_ok=True)
            shutil.copy(work / "long.po", catalog)
            runs.append(run(command, project))
    essay_ = parse_essay(ko_text, name="long", path="source/ko/long.md")
    inside = []
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        align_translation(essay_, en_text)
        inside.append((time.perf_counter() - start, time.process_time() - cpu))
    return {"sentences": sum(1 for _ in essay_.sentences()), "first": medians(first),
            "cold": medians(cold),
            "warm": medians(warm), "inside": medians(inside)}


def main() -> None:
    from tests.align_eval import print_table

    # the commands run this checkout's l10n, whatever the interpreter has installed
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    with tempfile.TemporaryDirectory() as tmp:
        figures = speed(Path(tmp), [sys.executable, "-m", "l10n"])

    def cell(pair: tuple[float, float]) -> str:
        return f"{pair[0]:.2f} s | {pair[1]:.2f} s"

    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| measurement | wall (median of 3) | CPU | target |")
    print("|---|---|---|---|")
    n = figures["sentences"]
    print(f"| `l10n align`, {n}-sentence essay, first align after `update` (the morphology "
          f"update recorded) | {cell(figures['first'])} | < 2 s |")
    print(f"| `l10n align`, same, morphology cache deleted (Kiwi loads) | {cell(figures['cold'])} "
          "| |")
    print(f"| `l10n align`, same essay again (morphology cached) | {cell(figures['warm'])} "
          "| < 2 s |")
    print(f"| the alignment alone, in process (Kiwi loaded) | {cell(figures['inside'])} | |")
    print()
    print("| set | aligner | gold pairs | precision | recall |")
    print("|---|---|---|---|---|")
    print_table()

if __name__ == "__main__":
    main()
