"""update's glossary notes remembered in .l10n-cache: the same notes as asking the glossary."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from l10n.glossary import notes as notes_module
from l10n.glossary.notes import FILE_NAME, NoteCache
from l10n.glossary.terms import read_glossary

DATA = Path(__file__).parent / "data"


def _cases(name: str) -> tuple[list[str], Path]:
    with open(DATA / name / "ko_cases.tsv", encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    return texts, DATA / name / "glossary.csv"


@pytest.mark.parametrize("name", ["glossary_eval", "glossary_homographs"])
def test_remembered_notes_are_the_glossarys_own(tmp_path: Path, name: str) -> None:
    """Over both evaluation sets: cold, warm, and with part of the sentences new, the notes
    are exactly what annotations_many gives, and only new sentences are asked about."""
    texts, path = _cases(name)
    expected = read_glossary(path).annotations_many(texts)
    assert any(expected)
    cache = tmp_path / "cache"
    glossary = read_glossary(path).remember_decisions(cache)
    half = len(texts) // 2
    assert NoteCache(cache, glossary).notes(glossary, texts[:half]) == expected[:half]
    asked: list[list[str]] = []
    real = glossary.annotations_many
    glossary.annotations_many = lambda some: asked.append(some) or real(some)
    assert NoteCache(cache, glossary).notes(glossary, texts) == expected
    assert asked == [texts[half:]]  # the first half was remembered
    asked.clear()
    assert NoteCache(cache, glossary).notes(glossary, texts, prune=True) == expected
    assert asked == []


def _one(tmp_path: Path, glossary_text: str):
    path = tmp_path / "glossary.csv"
    path.write_text(glossary_text, "utf-8")
    return read_glossary(path).remember_decisions(tmp_path / "cache")


GLOSSARY = "ko,en\n초연결 사회,hyper-connected society\n"
TEXT = "초연결 사회는 우리의 삶을 바꾸었다."


def test_another_glossary_or_decider_discards_the_notes(tmp_path: Path, monkeypatch) -> None:
    glossary = _one(tmp_path, GLOSSARY)
    cache = tmp_path / "cache"
    assert NoteCache(cache, glossary).notes(glossary, [TEXT]) == [
        ["glossary: 초연결 사회 → hyper-connected society"]]
    changed = _one(tmp_path, GLOSSARY.replace("hyper-connected society", "hyperconnected"))
    assert NoteCache(cache, changed).notes(changed, [TEXT]) == [
        ["glossary: 초연결 사회 → hyperconnected"]]
    monkeypatch.setattr(notes_module, "decider", lambda: "another rule")
    assert not NoteCache(cache, changed).records  # made by another decider: not used


def test_a_malformed_note_record_is_asked_again(tmp_path: Path) -> None:
    glossary = _one(tmp_path, GLOSSARY)
    cache = tmp_path / "cache"
    good = NoteCache(cache, glossary).notes(glossary, [TEXT, "다른 문장이다."])
    data = json.loads((cache / FILE_NAME).read_text("utf-8"))
    for bad in ("glossary: forged", [1, 2], None, ["ok", None]):
        data["notes"] = {key: bad for key in data["notes"]}
        (cache / FILE_NAME).write_text(json.dumps(data), "utf-8")
        assert NoteCache(cache, glossary).notes(glossary, [TEXT, "다른 문장이다."]) == good


def test_without_a_cache_folder_every_sentence_is_asked(tmp_path: Path) -> None:
    glossary = _one(tmp_path, GLOSSARY)
    asked: list[list[str]] = []
    real = glossary.annotations_many
    glossary.annotations_many = lambda some: asked.append(some) or real(some)
    for _ in range(2):
        assert NoteCache(None, glossary).notes(glossary, [TEXT]) == [
            ["glossary: 초연결 사회 → hyper-connected society"]]
    assert asked == [[TEXT], [TEXT]]


def test_a_run_over_every_sentence_forgets_the_others(tmp_path: Path) -> None:
    glossary = _one(tmp_path, GLOSSARY)
    cache = tmp_path / "cache"
    NoteCache(cache, glossary).notes(glossary, [TEXT, "다른 문장이다.", "셋째 문장이다."])
    NoteCache(cache, glossary).notes(glossary, [TEXT], prune=False)
    assert len(NoteCache(cache, glossary).records) == 3
    NoteCache(cache, glossary).notes(glossary, [TEXT], prune=True)
    assert len(NoteCache(cache, glossary).records) == 1


def test_update_with_remembered_notes_writes_what_a_run_without_cache_writes(
        tmp_path: Path) -> None:
    from l10n.config import load_config
    from l10n.glossary.terms import project_glossary
    from l10n.pipeline import update_project

    from .conftest import fixed_clock, make_project

    glossary = (DATA / "glossary_eval" / "glossary.csv").read_text("utf-8")
    texts, _ = _cases("glossary_eval")
    before = "\n\n".join(texts[:40]) + "\n"
    after = "\n\n".join(texts[10:60]) + "\n"  # some sentences gone, some new
    outputs = []
    for name, cached in (("cached", True), ("uncached", False)):
        root = make_project(tmp_path / name, {"e.md": before}, glossary=glossary)
        if not cached:
            with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
                handle.write('cache = ""\n')
        for text in (before, after):
            (root / "source/ko/e.md").write_text(text, "utf-8")
            config = load_config(root)
            update_project(config, clock=fixed_clock, glossary=project_glossary(config))
            outputs.append([(root / p).read_bytes() for p in
                            ("locales/templates/e.pot", "locales/en/LC_MESSAGES/e.po")])
        assert (root / ".l10n-cache" / FILE_NAME).exists() is cached
    assert outputs[:2] == outputs[2:]
    assert b"#. glossary: " in outputs[3][0]
