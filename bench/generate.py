"""Generate a realistic Korean→English benchmark corpus (not committed: bench/corpus/).

    python bench/generate.py --size 10000 [--essays 100] [--out bench/corpus]

Writes, for N entries:
  big/       one project with one essay of N sentences and its catalog
  many/      one project with 100 essays of N/100 sentences each
each with source/ko/*.md (the *edited* sources: 10% of sentences changed, 5% removed,
5% added), locales/templates/*.pot and locales/en/LC_MESSAGES/*.po made from the
*original* sources, with 5% untranslated, 5% fuzzy and 5% defective entries, and
glossary.csv (the 500-term glossary below);
  prose/     one project with a catalog of N entries of real sentence pairs (``prose``)
  glossaries/project.csv, 500.csv, 2000.csv   the glossaries the benchmarks swap in
A seeded random generator makes the corpus the same on every machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import polib  # noqa: E402

from l10n.po.catalog import format_catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

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
                                         'glossary = "glossary.csv"\n', encoding="utf-8")
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


# ------------------------------------------------------------ real prose and glossaries

def real_pairs() -> list[tuple[str, str]]:
    """Every translated sentence pair the repository has, as written: the QA sets (with
    their defects: real text has findings), the bundled essay and the alignment essays."""
    pairs: dict[str, str] = {}
    for path in sorted([*ROOT.glob("tests/data/qa_*/*.po"),
                        *ROOT.glob("locales/en/LC_MESSAGES/*.po")]):
        for entry in polib.pofile(str(path)):
            if entry.msgid and entry.msgstr and not entry.obsolete:
                pairs.setdefault(entry.msgid, entry.msgstr)
    for path in sorted(ROOT.glob("tests/data/align/**/*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            ko, _, en = line.partition("\t")
            ko, en = ko.lstrip("# ").strip(), en.lstrip("# ").strip()
            if ko and en:
                pairs.setdefault(ko, en)
    return sorted(pairs.items())


def write_prose(root: Path, size: int, pairs: list[tuple[str, str]],
                rng: random.Random) -> None:
    """A catalog of ``size`` entries, each two real sentence pairs side by side, in a
    seeded order; none filtered out (the QA sets' defects stay), 5% untranslated and 5%
    fuzzy as in the generated corpus."""
    (root / "locales/en/LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\nproject-name = "prose"\n'
                                         'glossary = "glossary.csv"\n', encoding="utf-8")
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Project-Id-Version": "prose", "Content-Type": "text/plain; charset=UTF-8",
                   "Language": "en", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    seen: set[tuple[int, int]] = set()
    count = len(pairs)
    while len(seen) < min(size, count * (count - 1)):
        a, b = rng.randrange(count), rng.randrange(count)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        entry = polib.POEntry(msgid=f"{pairs[a][0]} {pairs[b][0]}",
                              msgstr=f"{pairs[a][1]} {pairs[b][1]}",
                              occurrences=[("source/ko/prose.md", str(2 * len(seen) - 1))])
        roll = rng.random()
        if roll < 0.05:
            entry.msgstr = ""
        elif roll < 0.10:
            entry.flags = ["fuzzy"]
        po.append(entry)
    (root / "locales/en/LC_MESSAGES/prose.po").write_text(format_catalog(po), "utf-8")


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_STOP = frozenset("""the and for that with this from was were are has have had not but its
    their they them his her she him our your you one two all any can will would could
    should been being into than then there what when which who whom how why more most
    also only such very much many some each other about over after before under between
    through during while where these those itself here just even because said like""".split())


def _english_words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)
            if len(word) >= 3 and word.casefold() not in _STOP}


def _nouns(texts: list[str]) -> list[Counter]:
    """Kiwi's common and proper nouns (two syllables or more) of each text."""
    from l10n.korean.kiwi import kiwi

    return [Counter(token.form for token in tokens
                    if token.tag in ("NNG", "NNP") and len(token.form) >= 2)
            for tokens in kiwi().tokenize(texts)]


def build_glossaries(pairs: list[tuple[str, str]], seed: int = 22) -> dict[str, str]:
    """glossary.csv texts of 500 and 2,000 terms: the nouns of the generated sentences
    with their renderings, then Korean nouns of the real pairs (and, for 2,000, of the
    segmentation sets' Korean text), each rendered by the English word that co-occurs
    with it most (Dice coefficient over the pairs, the rarer word on a tie): the kind of
    glossary a team extracts from its own bitext. About one term in ten gets an accepted
    variant and one in ten a forbidden rendering (the next best co-occurring words)."""
    rng = random.Random(seed)
    generated = {"중소기업": "SMEs", "대기업": "large companies", "정부": "the government",
                 "연구자": "researchers", "스타트업": "startups", "청년": "young people",
                 "노동자": "workers", "소비자": "consumers", "교사": "teachers",
                 "병원": "hospitals", "투자": "investment", "인력": "staff",
                 "시장": "market", "규제": "rules", "인공지능": "artificial intelligence",
                 "수출": "exports", "비용": "costs", "기술": "technology", "조사": "survey"}
    nouns = _nouns([ko for ko, _ in pairs])
    english = [_english_words(en) for _, en in pairs]
    frequency = Counter(word for words in english for word in words)
    together: dict[str, Counter] = {}
    noun_count: Counter = Counter()
    for found, words in zip(nouns, english, strict=True):
        for noun in found:
            noun_count[noun] += 1
            together.setdefault(noun, Counter()).update(words)

    def ranked(noun: str) -> list[str]:
        return sorted(together[noun], key=lambda w: (-2 * together[noun][w] /
                                                     (noun_count[noun] + frequency[w]),
                                                     frequency[w], w))

    segment_text = [path.read_text("utf-8") for path in
                    sorted(ROOT.glob("tests/data/segment_*/*.txt"))]
    unpaired = sorted({noun for found in _nouns(segment_text) for noun in found}
                      - set(noun_count) - set(generated))
    paired = sorted(set(noun_count) - set(generated))
    rng.shuffle(paired)
    rng.shuffle(unpaired)
    texts = {}
    for size in (500, 2000):
        chosen = list(generated) + (paired + unpaired)[:size - len(generated)]
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["ko", "en", "en_variants", "forbidden", "kind"])
        for ko in chosen:
            if ko in generated:
                writer.writerow([ko, generated[ko], "", "", "term"])
                continue
            words = ranked(ko) if ko in together else []
            en = words[0] if words else f"term-{len(ko)}-{sum(map(ord, ko))}"
            roll = rng.random()
            variant = words[1] if roll < 0.1 and len(words) > 1 else ""
            forbidden = words[-1] if 0.1 <= roll < 0.2 and len(words) > 2 else ""
            writer.writerow([ko, en, variant, forbidden if forbidden != en else "", "term"])
        texts[str(size)] = out.getvalue()
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--essays", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    args = parser.parse_args()
    rng = random.Random(args.size)
    pairs = [sentence(rng, i) for i in range(args.size)]
    base = args.out / str(args.size)
    real = real_pairs()
    glossaries = {"project": (ROOT / "glossary.csv").read_text("utf-8"),
                  **build_glossaries(real)}
    (base / "glossaries").mkdir(parents=True, exist_ok=True)
    for name, text in glossaries.items():
        (base / "glossaries" / f"{name}.csv").write_text(text, "utf-8")
    write_project(base / "big", [pairs], rng)
    per = max(args.size // args.essays, 1)
    write_project(base / "many", [pairs[i:i + per] for i in range(0, args.size, per)], rng)
    write_prose(base / "prose", args.size, real, random.Random(args.size + 1))
    for project in ("big", "many", "prose"):
        (base / project / "glossary.csv").write_text(glossaries["500"], "utf-8")
    print(base)


if __name__ == "__main__":
    main()
