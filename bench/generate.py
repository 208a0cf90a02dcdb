"""Generate a realistic Korean→English benchmark corpus (not committed: bench/corpus/).

    python bench/generate.py --size 10000 [--essays 100] [--out bench/corpus]

Writes, for N entries:
  big/       one project with one essay of N sentences and its catalog
  many/      one project with 100 essays of N/100 sentences each
each with source/ko/*.md (the *edited* sources: 10% of sentences changed, 5% removed,
5% added), locales/templates/*.pot and locales/en/LC_MESSAGES/*.po made from the
*original* sources, with 5% untranslated, 5% fuzzy and 5% defective entries.
A seeded random generator makes the corpus the same on every machine.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import polib  # noqa: E402

from l10n.po.catalog import format_catalog  # noqa: E402

SUBJECTS = [("중소기업", "SMEs"), ("대기업", "large companies"), ("정부", "the government"),
            ("플랫폼 기업", "platform companies"), ("연구자", "researchers"),
            ("스타트업", "startups"), ("지방 도시", "regional cities"), ("청년", "young people"),
            ("노동자", "workers"), ("소비자", "consumers"), ("교사", "teachers"),
            ("병원", "hospitals")]
VERBS = [("투자를 늘렸다", "increased investment"), ("인력을 줄였다", "cut staff"),
         ("새 시장에 진출했다", "entered a new market"), ("규제를 비판했다", "criticized the rules"),
         ("인공지능을 도입했다", "adopted artificial intelligence"),
         ("수출을 확대했다", "expanded exports"), ("비용을 절감했다", "cut costs"),
         ("기술을 개발했다", "developed technology")]
FRAMES = [
    ("{year}년에 {subj}은 {verb}.", "In {year}, {subj_en} {verb_en}."),
    ("{subj}은 {n}억 원 규모로 {verb}.", "{Subj_en} {verb_en} worth {n}00 million won."),
    ("조사에 따르면 {subj}의 {pct}%가 {verb}.", "According to a survey, {pct}% of {subj_en} {verb_en}."),
    ("{subj}은 정말 {verb}?", "Did {subj_en} really {verb_base}?"),
    ("그런데 {subj}은 {verb}... 그 결과는 무엇일까?", "Yet {subj_en} {verb_en}... what was the result?"),
    ("지난 {n}년 동안 {subj}은 꾸준히 {verb}.", "Over the past {n} years, {subj_en} steadily {verb_en}."),
    ("\"{subj}은 {verb}\"라고 그는 말했다.", "\"{Subj_en} {verb_en},\" he said."),
]
EDITS = [("정말", "과연"), ("꾸준히", "빠르게"), ("그런데", "하지만"), ("조사에 따르면", "보고서에 따르면")]


def sentence(rng: random.Random, serial: int) -> tuple[str, str]:
    frame_ko, frame_en = rng.choice(FRAMES)
    subj, subj_en = rng.choice(SUBJECTS)
    verb, verb_en = rng.choice(VERBS)
    year = 1990 + serial % 37
    n = 2 + serial % 97
    pct = 3 + serial % 95
    fields = dict(subj=subj, verb=verb[:-2] + "었나" if "?" in frame_ko else verb,
                  subj_en=subj_en, Subj_en=subj_en[0].upper() + subj_en[1:], verb_en=verb_en,
                  verb_base=verb_en.split(" ", 1)[0].rstrip("d").rstrip("e") + "e " +
                  verb_en.split(" ", 1)[1] if " " in verb_en else verb_en,
                  year=year, n=n, pct=pct)
    ko = frame_ko.format(**fields).replace(f"{subj}은", subj + _topic(subj))
    return f"사례 {serial}: {ko}", f"Case {serial}: {frame_en.format(**fields)}"


def _topic(word: str) -> str:
    """은 after a final consonant, 는 after a vowel."""
    return "은" if (ord(word[-1]) - 0xAC00) % 28 else "는"


def defect(rng: random.Random, en: str) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return en.replace(" ", "  ", 1)  # double space
    if kind == 1:
        return en.rstrip("?.") + "."  # question made a statement / punctuation
    if kind == 2:
        return en.replace("the", "the the", 1) if "the" in en else en + " 정책"
    return en.replace("0", "1", 1) if "0" in en else en.lower()


def write_project(root: Path, essays: list[list[tuple[str, str]]], rng: random.Random) -> None:
    (root / "source/ko").mkdir(parents=True, exist_ok=True)
    (root / "locales/templates").mkdir(parents=True, exist_ok=True)
    (root / "locales/en/LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\nproject-name = "bench"\n'
                                         'glossary = "none.csv"\n', encoding="utf-8")
    serial = 10 ** 7
    for index, pairs in enumerate(essays):
        name = f"essay-{index:03d}"
        pot = polib.POFile(encoding="utf-8")
        pot.metadata = {"Project-Id-Version": "bench", "Content-Type": "text/plain; charset=UTF-8",
                        "Language": ""}
        po = polib.POFile(encoding="utf-8")
        po.metadata = {"Project-Id-Version": "bench", "Content-Type": "text/plain; charset=UTF-8",
                       "Language": "en", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
        edited: list[str] = []
        original: list[str] = []
        for line, (ko, en) in enumerate(pairs, start=1):
            original.append(ko)
            where = [(f"source/ko/{name}.md", str(line * 2 - 1))]
            pot.append(polib.POEntry(msgid=ko, msgstr="", occurrences=where))
            roll = rng.random()
            entry = polib.POEntry(msgid=ko, msgstr=en, occurrences=where)
            if roll < 0.05:
                entry.msgstr = ""
            elif roll < 0.10:
                entry.flags = ["fuzzy"]
            elif roll < 0.15:
                entry.msgstr = defect(rng, en)
            po.append(entry)
            change = rng.random()
            if change < 0.10:  # edited
                old, new = rng.choice(EDITS)
                edited.append(ko.replace(old, new) if old in ko else ko.replace(":", " -", 1))
            elif change < 0.15:  # removed
                continue
            else:
                edited.append(ko)
            if rng.random() < 0.05:  # added
                serial += 1
                edited.append(sentence(rng, serial)[0])
        (root / f"locales/templates/{name}.pot").write_text(format_catalog(pot), "utf-8")
        (root / f"locales/en/LC_MESSAGES/{name}.po").write_text(format_catalog(po), "utf-8")
        (root / f"source/ko/{name}.md").write_text(f"# 에세이 {index}\n\n" + "\n\n".join(edited)
                                                   + "\n", "utf-8")
        # the text before the edit, for a segmentation cache as the last update left it
        (root / "source-original").mkdir(exist_ok=True)
        (root / f"source-original/{name}.md").write_text(
            f"# 에세이 {index}\n\n" + "\n\n".join(original) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--essays", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    args = parser.parse_args()
    rng = random.Random(args.size)
    pairs = [sentence(rng, i) for i in range(args.size)]
    base = args.out / str(args.size)
    write_project(base / "big", [pairs], rng)
    per = max(args.size // args.essays, 1)
    write_project(base / "many", [pairs[i:i + per] for i in range(0, args.size, per)], rng)
    print(base)


if __name__ == "__main__":
    main()
