"""Alignment of an existing translation: the evaluation set, the PO it writes, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from l10n.cli import app
from l10n.config import load_config
from l10n.memory.align import SENTENCE_BEADS, bead_cost, english_side, korean_side
from l10n.memory.archive import load_memory
from l10n.memory.bitext import align_translation, apply_alignment, split_english
from l10n.memory.lexicon import english_seeds, korean_seeds
from l10n.memory.morphology import korean_morphology, skeleton
from l10n.pipeline import project_catalogs
from l10n.po.catalog import read_catalog, write_catalog
from l10n.source import parse_essay

from .align_eval import DATA, development, evaluate, fresh, read_case
from .conftest import make_project
from .test_pipeline import run_update


def test_evaluation_set_has_every_kind_of_bead() -> None:
    """Merged, split, dropped and added sentences; merged and split paragraphs."""
    shapes, breaks = set(), set()
    for path in [*development(), *(DATA / "heldout").glob("*.tsv")]:
        for line in path.read_text("utf-8").split("\n"):
            ko, _, en = line.partition("\t")
            if line.strip() in ("=", "+"):
                breaks.add(line.strip())
            elif line.strip():
                shapes.add((ko.count("다. ") + ko.count("? ") + bool(ko),
                            en.count(". ") + bool(en)))
    assert {(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)} <= shapes
    assert breaks == {"=", "+"}


@pytest.mark.parametrize("path", fresh(), ids=lambda path: path.stem)
def test_fresh_held_out_essays_have_every_kind_of_bead(path: Path) -> None:
    """The second held-out set: each essay merges, splits, drops and adds a sentence, and
    merges or splits a paragraph."""
    rows = [line.partition("\t") for line in path.read_text("utf-8").split("\n")]
    ko_sentences = [len(case.split(". ")) if case else 0 for case, _, _ in rows]
    en_sentences = [len(en.split(". ")) if en else 0 for _, _, en in rows]
    shapes = set(zip(ko_sentences, en_sentences, strict=True))
    assert {(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)} <= shapes
    assert {line for line, _, _ in rows} & {"=", "+"}


def test_alignment_beats_gale_church_on_the_development_essays() -> None:
    scores = evaluate(development())
    ours, baseline = scores["l10n"], scores["gale-church"]
    assert ours.gold >= 70
    assert ours.precision >= 0.95 and ours.recall >= 0.95
    assert ours.precision > baseline.precision and ours.recall > baseline.recall


def test_added_and_dropped_sentences_stand_alone() -> None:
    case = read_case(DATA / "kimjang.tsv")
    essay = parse_essay(case.korean, name="kimjang", path="source/ko/kimjang.md")
    alignment = align_translation(essay, case.english)
    assert [line.text for line in alignment.dropped()] == ["결국 설탕을 한 숟가락 더 넣었다."]
    assert [line.text[:14] for line in alignment.added()] == ["In 2013 UNESCO"]
    shapes = {bead.shape for bead in alignment.beads}
    assert {"1-1", "1-2", "2-1", "1-0", "0-1"} <= shapes
    assert all(0 <= bead.confidence <= 1 for bead in alignment.beads)


def test_names_and_loanwords_share_a_skeleton() -> None:
    from korean_romanizer.romanizer import Romanizer

    for korean, english in [("코펜하겐", "Copenhagen"), ("김홍도", "KimHong-do"),
                            ("유네스코", "UNESCO"), ("김장", "kimjang")]:
        assert skeleton(Romanizer(korean).romanize()) == skeleton(english)


def test_native_numerals_and_units_are_numbers() -> None:
    [three, twenty_two] = korean_morphology(["아주머니 세 분이 오셨다.", "스물두 명의 인물"])
    assert ("=", 3.0) in korean_side("아주머니 세 분이 오셨다.", morphology=three).numbers
    assert ("=", 22.0) in korean_side("스물두 명의 인물", morphology=twenty_two).numbers
    assert ("=", 5.0) in korean_side("고춧가루 5kg").numbers
    assert ("=", 5.0) in english_side("5 kg of pepper").numbers


def test_english_sentences_respect_abbreviations() -> None:
    assert [s for s, _ in split_english("Dr. Kim arrived in the U.S. in 2003. He left.")] == [
        "Dr. Kim arrived in the U.S. in 2003.", "He left."]


KO = "# 김장\n\n어머니는 배추를 샀다. 나는 마늘을 깠다.\n\n그날 저녁 우리는 김치를 먹었다.\n"
EN = ("# Kimjang\n\nMy mother bought the cabbage, and I peeled the garlic.\n\n"
      "That evening we ate kimchi. (Translator's note: kimchi is fermented cabbage.)\n")


@pytest.fixture
def aligned_project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {"kimjang.md": KO})
    run_update(root)
    (tmp_path / "kimjang.en.md").write_text(EN, encoding="utf-8")
    return root


def test_apply_writes_fuzzy_with_bead_comment_and_keeps_translations(
        aligned_project: Path) -> None:
    path = aligned_project / "locales/en/LC_MESSAGES/kimjang.po"
    po = read_catalog(path)
    po.find("그날 저녁 우리는 김치를 먹었다.").msgstr = "Our own evening line."
    essay = parse_essay(KO, name="kimjang", path="source/ko/kimjang.md")
    alignment = align_translation(essay, EN)
    written = apply_alignment(po, alignment)
    assert (written.written, written.kept, written.missing) == (3, 1, 0)
    mother = po.find("어머니는 배추를 샀다.")
    assert mother.msgstr == "My mother bought the cabbage, and I peeled the garlic."
    assert po.find("나는 마늘을 깠다.").msgstr == mother.msgstr  # 2-1: both carry it
    assert mother.flags == ["fuzzy"]
    assert mother.comment.startswith("aligned: 2-1, confidence 0.")
    assert po.find("그날 저녁 우리는 김치를 먹었다.").msgstr == "Our own evening line."
    assert [line.text for line in alignment.added()] == [
        "(Translator's note: kimchi is fermented cabbage.)"]
    assert po.find("김장").msgstr == "Kimjang"


def test_align_cli_reports_and_aligned_translations_join_the_memory(
        aligned_project: Path) -> None:
    translation = aligned_project.parent / "kimjang.en.md"
    result = CliRunner().invoke(app, ["align", "kimjang", "-t", str(translation),
                                      "-p", str(aligned_project)])
    assert result.exit_code == 0, result.output
    assert "wrote 4 aligned translation(s) to locales/en/LC_MESSAGES/kimjang.po" in result.output
    assert f"{translation}:5: (Translator's note: kimchi is fermented cabbage.)" in result.output
    text = (aligned_project / "locales/en/LC_MESSAGES/kimjang.po").read_text("utf-8")
    assert "#. aligned: 1-1, confidence" in text
    config = load_config(aligned_project)
    memory = load_memory(config, project_catalogs(config, "en"), language="en")
    unit = memory.best("그날 저녁 우리는 김치를 먹었다.").unit
    assert unit.target == "That evening we ate kimchi." and not unit.reviewed
    # again: nothing overwritten
    again = CliRunner().invoke(app, ["align", "kimjang", "-t", str(translation),
                                     "-p", str(aligned_project), "-f", "json"])
    data = json.loads(again.output)
    assert data["written"] == 0 and data["kept"] == 4 and data["added"][0]["line"] == 5


def test_align_dry_run_writes_nothing(aligned_project: Path) -> None:
    path = aligned_project / "locales/en/LC_MESSAGES/kimjang.po"
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["align", "kimjang", "-t",
                                      str(aligned_project.parent / "kimjang.en.md"),
                                      "-p", str(aligned_project), "--dry-run"])
    assert result.exit_code == 0 and result.output.startswith("would write 4")
    assert path.read_bytes() == before


def test_align_without_catalog_is_an_error(tmp_path: Path) -> None:
    from .test_cli import l10n

    root = make_project(tmp_path / "p", {"kimjang.md": KO})
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    result = l10n("align", "kimjang", "-t", str(tmp_path / "en.md"), "-p", str(root))
    assert result.returncode == 3
    assert "the essay has no catalog yet; run 'l10n update' first" in result.stderr.decode()


def test_aligned_sentence_is_reused_fuzzy_in_another_essay(aligned_project: Path) -> None:
    path = aligned_project / "locales/en/LC_MESSAGES/kimjang.po"
    po = read_catalog(path)
    essay = parse_essay(KO, name="kimjang", path="source/ko/kimjang.md")
    apply_alignment(po, align_translation(essay, EN))
    write_catalog(po, path)
    (aligned_project / "source/ko/other.md").write_text("그날 저녁 우리는 김치를 먹었다.\n",
                                                       encoding="utf-8")
    run_update(aligned_project)
    entry = read_catalog(aligned_project / "locales/en/LC_MESSAGES/other.po").find(
        "그날 저녁 우리는 김치를 먹었다.")
    assert entry.msgstr == "That evening we ate kimchi." and "fuzzy" in entry.flags


@pytest.mark.parametrize(("text", "seeds"), [
    ("여름은 덥고 습하다.", {"여름"}),
    ("여름철에는 그래서 전기자전거를 탄다.", {"여름", "그래서", "전기"}),
    ("눈이 내렸다. 손으로 눈물을 닦았다.", {"눈", "손", "눈물"}),
    # a one-syllable word is never the start of another: 위해, 일어났다, 안 했다, 해서
    ("그를 위해 일어났다. 안 했다. 해서 주었다.", set()),
    ("2022년에 배를 탔다.", {"배"}),  # a year is a number (the number anchor has it)
])
def test_korean_seed_words(text: str, seeds: set[str]) -> None:
    assert korean_seeds(text) == seeds


def test_english_renderings_of_seed_words() -> None:
    assert {"여름", "자전거", "그래서"} <= english_seeds("So in the summers, bicycles win.")
    assert english_seeds("The cat sat.") == {"고양이"}
    assert {"언덕", "공부"} <= english_seeds("It is hilly; she studies.")


def test_shared_seed_words_make_a_bead_cheaper() -> None:
    """The usual rendering of an everyday word is evidence, as in hunalign's dictionary."""
    english = [english_side("In summer the grandmother goes to the market.")]
    right = bead_cost([korean_side("여름이면 할머니는 시장에 가신다.")], english, SENTENCE_BEADS)
    wrong = bead_cost([korean_side("그녀의 손녀는 항상 일찍 일어난다.")], english, SENTENCE_BEADS)
    assert right < wrong - 3


MARKET_KO = ("# 시장\n\n토요일 아침마다 어머니는 시장에 갔다. 그녀의 목소리는 언제나 밝았다. "
             "생선 가게 주인은 어머니를 반갑게 맞았다. 우리는 점심 전에 집으로 돌아왔다.\n")
MARKET_EN = ("# The Market\n\nEvery Saturday morning my mother went to the market. The owner "
             "of the fish shop always greeted her warmly, by name. We came home before "
             "lunch.\n")


def test_a_left_out_sentence_is_not_merged_into_a_neighbour_it_shares_nothing_with(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Lengths alone would make 그녀의 목소리는 ... and the fish-shop sentence one 2-1 bead
    (the English runs long); the voice has no counterpart there, so it is left out."""
    essay = parse_essay(MARKET_KO, name="market", path="source/ko/market.md")
    alignment = align_translation(essay, MARKET_EN)
    assert [line.text for line in alignment.dropped()] == ["그녀의 목소리는 언제나 밝았다."]
    assert ((3,), (2,)) in {(bead.korean, bead.english) for bead in alignment.beads}
    monkeypatch.setattr("l10n.memory.align.UNSUPPORTED_COST", 0.0)  # without the rule
    merged = align_translation(essay, MARKET_EN)
    assert ((2, 3), (2,)) in {(bead.korean, bead.english) for bead in merged.beads}


def test_numbers_read_from_words_are_anchors_by_value() -> None:
    """스무 (numbers.py reads it as a word, ("w", 20)) and twenty are one value; 한 장
    ("a towel") is no number to look for."""
    [twenty, one] = korean_morphology(["단골손님 스무 명이 찾아왔다.", "수건 한 장을 가져갔다."])
    korean = korean_side("단골손님 스무 명이 찾아왔다.", morphology=twenty)
    assert korean.numbers == english_side("Twenty regulars came.").numbers == {("=", 20.0): 1}
    assert not korean_side("수건 한 장을 가져갔다.", morphology=one).numbers
    assert korean_side("40여 명이 모였다.").numbers == {("=", 40.0): 1}


_KO_WORDS = ["여름", "할머니", "시장", "그래서", "꽃", "2020년", "코펜하겐", "책을", "읽었다."]
_EN_WORDS = ["summer", "grandmother", "market", "so", "flowers", "2020", "Copenhagen",
             "read", "a", "book."]


_KO_SENTENCE = st.lists(st.sampled_from(_KO_WORDS), min_size=1, max_size=8).map(" ".join)
_EN_SENTENCE = st.lists(st.sampled_from(_EN_WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_KO_SENTENCE, min_size=1, max_size=5), max_size=4),
       st.lists(st.lists(_EN_SENTENCE, min_size=1, max_size=5), max_size=4))
def test_beads_cover_both_sides_in_order_exactly_once(korean: list[list[str]],
                                                      english: list[list[str]]) -> None:
    from l10n.memory.align import align_paragraphs

    beads = align_paragraphs([[korean_side(text) for text in p] for p in korean],
                             [[english_side(text) for text in p] for p in english])
    assert [i for bead in beads for i in bead.korean] == list(range(sum(map(len, korean))))
    assert [j for bead in beads for j in bead.english] == list(range(sum(map(len, english))))
    assert all(bead.korean or bead.english for bead in beads)
    assert all(0 <= bead.confidence <= 1 for bead in beads)
