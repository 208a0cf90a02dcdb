"""Benchmarks of issue 20: translation-memory lookups, `l10n analyze` (`l10n align`: see
bench/align.py).

    python bench/memory.py            # about two minutes on this 2-core machine

1. A memory of 100,000 generated Korean sentences (a PO file listed in ``tm``) is loaded
   and answers 1,000 lookups (a third exact, a third with one word changed, a third
   new), in this process; medians of 3 runs.
2. `l10n analyze` of 100 essays of 30 sentences against that memory, as a command
   (Kiwi start-up, segmentation without a cache and reading the memory included).
The figures are printed as Markdown rows for bench/RESULTS.md.
"""

from __future__ import annotations

import os
import random
import shutil
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

WORDS = ("사회 경제 기술 변화 시대 사람 도시 문화 역사 정부 시장 기업 산업 교육 환경 미래 "
         "세계 국가 지역 시민 노동 정책 연구 과학 예술 언어 생활 공간 시간 가치 관계 "
         "데이터 플랫폼 네트워크 에너지 기후 인구 세대 가족 학교 병원").split()
PARTICLES = ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "도"]
ENDINGS = ["바꾸었다.", "만들었다.", "보여 준다.", "늘어났다.", "줄어들었다.", "필요하다.",
           "중요하다.", "시작되었다.", "이어졌다.", "달라졌다."]
PYPROJECT = '[tool.l10n]\nproject-name = "bench"\ntm = ["archive.po"]\n'


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) + rng.choice(PARTICLES) for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.3:
        words.insert(0, f"{rng.randint(1990, 2030)}년에")
    return " ".join(words + [rng.choice(ENDINGS)])


def edit(rng: random.Random, text: str) -> str:
    words = text.split()
    words[rng.randrange(len(words) - 1)] = rng.choice(WORDS) + rng.choice(PARTICLES)
    return " ".join(words)


def write_archive(path: Path, sources: list[str]) -> None:
    import polib

    from l10n.po.catalog import new_catalog, write_catalog

    po = new_catalog({"Language": "en", "Content-Type": "text/plain; charset=UTF-8"})
    for index, source in enumerate(sources):
        po.append(polib.POEntry(msgid=source, msgstr=f"English sentence {index}."))
    write_catalog(po, path)


def lookups(work: Path, rng: random.Random, sources: list[str]) -> dict:
    from l10n.config import load_config
    from l10n.memory.archive import load_memory

    config = load_config(work)
    queries = ([rng.choice(sources) for _ in range(333)]
               + [edit(rng, rng.choice(sources)) for _ in range(333)]
               + [sentence(rng) for _ in range(334)])
    loads, answers, found = [], [], 0
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        memory = load_memory(config, [], language="en")
        memory._candidates("초기화")  # build the index now, as the first lookup would
        loads.append((time.perf_counter() - start, time.process_time() - cpu))
        start, cpu = time.perf_counter(), time.process_time()
        found = sum(memory.best(q, threshold=50) is not None for q in queries)
        answers.append((time.perf_counter() - start, time.process_time() - cpu))
    return {"units": len(memory), "load": medians(loads), "lookups": medians(answers),
            "matched": found}


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))


def analyze(work: Path, rng: random.Random, sources: list[str],
            l10n: str) -> tuple[float, float]:
    folder = work / "source" / "ko"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(100):
        picks = [rng.choice(sources) if rng.random() < 0.5 else sentence(rng)
                 for _ in range(30)]
        paragraphs = [" ".join(picks[i:i + 5]) for i in range(0, 30, 5)]
        (folder / f"essay{number:03}.md").write_text(
            f"# 글 {number}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    times = []
    for _ in range(3):
        shutil.rmtree(work / ".l10n-cache", ignore_errors=True)
        times.append(run([l10n, "analyze", "-f", "json"], work))
    return medians(times)


def main() -> None:
    l10n = str(Path(sys.executable).parent / "l10n")
    rng = random.Random(20)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        sources = list(dict.fromkeys(sentence(rng) for _ in range(102_000)))[:100_000]
        write_archive(work / "archive.po", sources)
        tm = lookups(work, rng, sources)
        analysis = analyze(work, rng, sources, l10n)
    def cell(pair: tuple[float, float]) -> str:
        return f"{pair[0]:.2f} s | {pair[1]:.2f} s"

    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| measurement | wall (median of 3) | CPU | target |")
    print("|---|---|---|---|")
    print(f"| TM of {tm['units']:,} units: read the PO and build the index | "
          f"{cell(tm['load'])} | |")
    print(f"| 1,000 lookups ({tm['matched']} matched at 50% or more) | {cell(tm['lookups'])} "
          f"| load + lookups in seconds |")
    print(f"| `l10n analyze -f json`, 100 essays x 30 sentences, against that TM | "
          f"{cell(analysis)} | < 10 s |")


if __name__ == "__main__":
    main()
