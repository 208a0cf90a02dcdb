"""An essay nothing touched since the last update is not redone (outputs.OutputRecord),
and skipping it changes no file and no line of the report."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from l10n import essays, pipeline
from l10n.config import load_config
from l10n.glossary.terms import project_glossary
from l10n.outputs import FILE_NAME

from .conftest import fixed_clock, make_project

TRANSLATED = "# 제목\n\n첫 문장이다. 둘째 문장이다.\n"
OTHER = "# 다른 글\n\n셋째 문장이다.\n"


def _update(folder: Path, names=None):
    config = load_config(folder)
    return pipeline.update_project(config, names=names, clock=fixed_clock,
                                   glossary=project_glossary(config))


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "locales" in p.parts}


def _translate_everything(folder: Path) -> None:
    import polib

    for path in (folder / "locales/en/LC_MESSAGES").glob("*.po"):
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"English of {entry.msgid}"
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save(str(path))


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    """A project of two essays whose catalogs are fully translated and updated once."""
    folder = make_project(tmp_path / "proj", {"a.md": TRANSLATED, "b.md": OTHER},
                          glossary="ko,en\n문장,sentence\n")
    _update(folder)
    _translate_everything(folder)
    _update(folder)  # the catalogs as update writes them: this run is recorded
    return folder


def _reading_nothing(monkeypatch) -> list[str]:
    read: list[str] = []
    real = essays.read_draft

    def spy(path, **kwargs):
        read.append(path.name)
        return real(path, **kwargs)
    monkeypatch.setattr(essays, "read_draft", spy)
    return read


def _report(written) -> list[tuple]:
    return [(w.path, w.action, w.entries, w.fuzzy, w.untranslated, w.obsolete, w.notes)
            for w in written]


def _without_record(folder: Path, target: Path) -> Path:
    shutil.copytree(folder, target)
    (target / ".l10n-cache" / FILE_NAME).unlink()
    return target


def test_an_untouched_essay_is_not_read_and_the_report_is_the_same(translated, tmp_path,
                                                                    monkeypatch) -> None:
    twin = _without_record(translated, tmp_path / "twin")
    expected = _report(_update(twin))  # redone in full: every file unchanged
    assert {item[1] for item in expected} == {"unchanged"}
    read = _reading_nothing(monkeypatch)
    before = _files(translated)
    written = _report(_update(translated))
    assert read == []
    assert [item[1:] for item in written] == [item[1:] for item in expected]
    assert _files(translated) == before == {name: digest for name, digest in
                                            _files(twin).items()}


def test_an_edited_essay_is_redone_and_the_other_skipped(translated, tmp_path,
                                                         monkeypatch) -> None:
    (translated / "source/ko/b.md").write_text(OTHER + "\n넷째 문장이다.\n", "utf-8")
    twin = _without_record(translated, tmp_path / "twin")
    expected = _report(_update(twin))
    read = _reading_nothing(monkeypatch)
    written = _report(_update(translated))
    assert read == ["b.md"]
    assert [item[1:] for item in written] == [item[1:] for item in expected]
    assert _files(translated) == _files(twin)
    # b's new sentence has a fuzzy translation from the memory: b is recorded too
    read.clear()
    _update(translated)
    assert read == []


def test_an_essay_with_an_untranslated_entry_is_always_redone(tmp_path, monkeypatch) -> None:
    folder = make_project(tmp_path / "proj", {"a.md": TRANSLATED})
    _update(folder)  # nothing translated: the compendium could fill any entry next time
    read = _reading_nothing(monkeypatch)
    _update(folder)
    assert read == ["a.md"]
    assert not (folder / ".l10n-cache" / FILE_NAME).exists()  # nothing to record


@pytest.mark.parametrize("change", ["catalog", "template", "configuration", "glossary",
                                    "record", "code"])
def test_anything_else_changed_means_the_essay_is_redone(translated, tmp_path, monkeypatch,
                                                         change) -> None:
    po = translated / "locales/en/LC_MESSAGES/a.po"
    if change == "catalog":  # a translator's save
        po.write_text(po.read_text("utf-8").replace("English of 첫", "New English of 첫"),
                      "utf-8")
    elif change == "template":
        (translated / "locales/templates/a.pot").unlink()
    elif change == "configuration":
        config = translated / "pyproject.toml"
        config.write_text(config.read_text("utf-8") + "tm-threshold = 80\n", "utf-8")
    elif change == "glossary":
        (translated / "glossary.csv").write_text("ko,en\n제목,title\n", "utf-8")
    elif change == "code":  # another l10n, or another version of a library it uses
        from l10n import outputs

        monkeypatch.setattr(outputs, "code_digest", lambda: "another l10n")
    else:  # a record that does not fit is not used
        path = translated / ".l10n-cache" / FILE_NAME
        data = json.loads(path.read_text("utf-8"))
        data["essays"]["a"]["outputs"] = [["x"]]
        data["essays"]["b"] = "garbage"
        path.write_text(json.dumps(data), "utf-8")
    twin = _without_record(translated, tmp_path / "twin")
    expected = _report(_update(twin))
    read = _reading_nothing(monkeypatch)
    written = _report(_update(translated))
    assert "a.md" in read
    assert [item[1:] for item in written] == [item[1:] for item in expected]
    assert _files(translated) == _files(twin)


def test_skipped_essays_keep_their_cached_paragraphs_and_notes(translated,
                                                                monkeypatch) -> None:
    cache = translated / ".l10n-cache"
    kept = {name: json.loads((cache / name).read_text("utf-8"))
            for name in ("segments.json", "glossary-notes.json")}
    (translated / "source/ko/b.md").write_text(OTHER + "\n넷째 문장이다.\n", "utf-8")
    _update(translated)  # a is skipped, b read: a's paragraphs and notes must stay
    for name, before in kept.items():
        after = json.loads((cache / name).read_text("utf-8"))
        section = "spans" if name == "segments.json" else "notes"
        # b only gained a paragraph and a sentence: nothing is forgotten, a's least of all
        assert set(before[section]) < set(after[section])


def test_a_named_run_skips_too_and_an_essay_gone_is_forgotten(translated,
                                                              monkeypatch) -> None:
    read = _reading_nothing(monkeypatch)
    _update(translated, names=["a"])
    assert read == []
    (translated / "source/ko/b.md").unlink()
    _update(translated)
    record = json.loads((translated / ".l10n-cache" / FILE_NAME).read_text("utf-8"))
    assert set(record["essays"]) == {"a"}


def test_the_code_digest_names_every_library_version() -> None:
    from importlib.metadata import version

    from l10n.cache import installed_version
    from l10n.outputs import _LIBRARIES

    for module, distribution in _LIBRARIES:
        assert installed_version(module, distribution) == version(distribution), module


def test_a_project_moved_to_another_folder_is_redone(tmp_path) -> None:
    """Without ``project-name`` the templates name the project after its folder: a clone
    into another folder is not an untouched essay (found in review)."""
    folder = make_project(tmp_path / "projA", {"a.md": TRANSLATED})
    config_file = folder / "pyproject.toml"
    config_file.write_text(config_file.read_text("utf-8").replace(
        'project-name = "test essays"\n', ""), "utf-8")
    _update(folder)
    _translate_everything(folder)
    _update(folder)
    (tmp_path / "elsewhere").mkdir()
    moved = folder.rename(tmp_path / "elsewhere" / "projB")
    (tmp_path / "twin").mkdir()
    twin = _without_record(moved, tmp_path / "twin" / "projB")
    _update(twin)
    _update(moved)
    assert "projB" in (moved / "locales/templates/a.pot").read_text("utf-8")
    assert _files(moved) == _files(twin)


def test_an_essay_whose_suffix_changed_is_redone(translated, tmp_path) -> None:
    """The references say source/ko/a.md: renamed a.markdown, the essay is redone."""
    source = translated / "source/ko"
    (source / "a.md").rename(source / "a.markdown")
    twin = _without_record(translated, tmp_path / "twin")
    _update(twin)
    _update(translated)
    assert "source/ko/a.markdown" in (translated / "locales/templates/a.pot").read_text("utf-8")
    assert _files(translated) == _files(twin)
