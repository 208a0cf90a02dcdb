"""The Korean morphology the aligner uses, and its cache in the project's cache folder."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from l10n.memory import morphology
from l10n.memory.bitext import align_translation
from l10n.memory.morphology import FILE_NAME, MorphologyCache, korean_morphology
from l10n.source import parse_essay

from .align_eval import DATA, read_case

SENTENCES = ["아주머니 세 분이 오셨다.", "나는 코펜하겐에서 김홍도를 보았다.", "아주머니 세 분이 오셨다."]


def _no_kiwi(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse():
        raise AssertionError("Kiwi loaded although every sentence was cached")

    monkeypatch.setattr("l10n.korean.kiwi.kiwi", refuse)


def test_each_distinct_sentence_is_analysed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    analyse = morphology.analyse
    monkeypatch.setattr(morphology, "analyse", lambda texts: seen.append(texts) or analyse(texts))
    first, second, third = korean_morphology(SENTENCES)
    assert seen == [SENTENCES[:2]]
    assert first == third and first.numerals == Counter({("=", 3.0): 1})
    assert "1s" in second.pronouns and "코펜하겐" in second.words


def test_cached_morphology_is_what_kiwi_gives_and_needs_no_kiwi(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = MorphologyCache(tmp_path)
    fresh = korean_morphology(SENTENCES, cache)
    cache.save()
    assert (tmp_path / FILE_NAME).is_file()
    assert (tmp_path / ".gitignore").read_text("utf-8") == "# made by l10n\n*\n"
    _no_kiwi(monkeypatch)
    assert korean_morphology(SENTENCES, MorphologyCache(tmp_path)) == fresh


def test_second_alignment_of_an_essay_loads_no_kiwi(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = read_case(DATA / "bees.tsv")
    essay = parse_essay(case.korean, name="bees", path="source/ko/bees.md")
    first = align_translation(essay, case.english, cache=tmp_path)
    _no_kiwi(monkeypatch)
    again = align_translation(essay, case.english, cache=tmp_path)
    assert again.beads == first.beads


@pytest.mark.parametrize("content", [
    "{not json",
    json.dumps({"fingerprint": "x", "sentences": []}),
    json.dumps([1, 2]),
])
def test_unreadable_or_malformed_cache_is_ignored_with_a_warning(
        tmp_path: Path, content: str, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    assert korean_morphology(SENTENCES[:1], MorphologyCache(tmp_path)) == \
        korean_morphology(SENTENCES[:1])
    assert "alignment morphology cache ignored" in capsys.readouterr().err


def test_entries_that_do_not_fit_are_analysed_again(tmp_path: Path) -> None:
    cache = MorphologyCache(tmp_path)
    korean_morphology(SENTENCES[:1], cache)
    cache.save()
    data = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    [key] = data["sentences"]
    for bad in ([["x"], [[3, "1"]], [], []], [["x"], [], []], "names", [[1], [], [], []],
                [[], [[3, True]], [], []]):
        data["sentences"][key] = bad
        (tmp_path / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
        assert MorphologyCache(tmp_path).lookup(SENTENCES[0]) is None
    data["sentences"][key] = [["xyz"], [[7, 2]], ["2"], ["낱말"]]
    (tmp_path / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    found = MorphologyCache(tmp_path).lookup(SENTENCES[0])
    assert found is not None and found.numerals == Counter({("=", 7.0): 2})


def test_another_analyser_discards_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    cache = MorphologyCache(tmp_path)
    korean_morphology(SENTENCES[:1], cache)
    cache.save()
    monkeypatch.setattr(MorphologyCache, "FINGERPRINT", staticmethod(lambda: "another analyser"))
    assert MorphologyCache(tmp_path).lookup(SENTENCES[0]) is None


def test_cache_that_cannot_be_written_is_a_warning(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "file"
    folder.write_text("not a folder", encoding="utf-8")
    cache = MorphologyCache(folder)
    korean_morphology(SENTENCES[:1], cache)
    cache.save()
    assert "alignment morphology cache not saved" in capsys.readouterr().err
    assert folder.read_text("utf-8") == "not a folder"


ALIGN_SETS = sorted([*DATA.glob("*.tsv"), *DATA.glob("*/*.tsv")])


@pytest.mark.parametrize("path", ALIGN_SETS, ids=lambda p: p.stem)
def test_morphology_recorded_at_segmentation_is_each_sentence_read_alone(
        path: Path, tmp_path: Path) -> None:
    """What ``update`` records from a paragraph's morphemes is what Kiwi gives each
    sentence alone, on every essay of the three alignment sets."""
    from l10n.config import load_config
    from l10n.essays import read_essays

    from .conftest import make_project

    case = read_case(path)
    root = make_project(tmp_path / "p", {f"{path.stem}.md": case.korean})
    config = load_config(root)
    essays = read_essays(config)
    sentences = [s.msgid for block in essays[0].blocks for s in block.sentences]
    assert len(sentences) > 5
    recorded = MorphologyCache(config.cache)
    assert [recorded.lookup(text) for text in sentences] == morphology.analyse(sentences)


def test_align_after_update_loads_no_kiwi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    """The first alignment of an essay reads the morphology its update recorded."""
    from l10n.config import load_config
    from l10n.essays import read_essays
    from l10n.memory.bitext import align_translation
    from l10n.pipeline import update_project

    from .conftest import make_project

    case = read_case(DATA / "bees.tsv")
    root = make_project(tmp_path / "p", {"bees.md": case.korean})
    config = load_config(root)
    update_project(config)
    (essay,) = read_essays(config)
    expected = align_translation(essay, case.english)
    _no_kiwi(monkeypatch)
    assert align_translation(essay, case.english, cache=config.cache).beads == expected.beads
