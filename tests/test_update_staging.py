"""update stages each essay's files as soon as they are made (the disk writes them while
the next essays are worked on), and a run that fails changes and leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n import pipeline
from l10n.errors import CatalogError
from l10n.files import Transaction

from .conftest import make_project
from .test_pipeline import run_update

ESSAYS = {"a.md": "# 첫 글\n\n첫 문장이다.\n", "b.md": "# 둘째 글\n\n둘째 문장이다.\n"}


def _record(monkeypatch) -> list[tuple[str, str]]:
    events: list[tuple[str, str]] = []
    extract, write_text = pipeline.extract_essay, Transaction.write_text

    def record_extract(config, essay, **kwargs):
        events.append(("work", essay.name))
        return extract(config, essay, **kwargs)

    def record_write(self, path, text, **kwargs):
        if Path(path).suffix in (".po", ".pot"):  # not the caches
            events.append(("stage", Path(path).name))
        return write_text(self, path, text, **kwargs)

    monkeypatch.setattr(pipeline, "extract_essay", record_extract)
    monkeypatch.setattr(Transaction, "write_text", record_write)
    return events


def test_an_essays_files_are_staged_before_the_next_essay_is_worked_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p", ESSAYS)
    events = _record(monkeypatch)
    run_update(root)
    assert events == [("work", "a"), ("stage", "a.pot"), ("stage", "a.po"),
                      ("work", "b"), ("stage", "b.pot"), ("stage", "b.po")]
    assert (root / "locales/en/LC_MESSAGES/b.po").is_file()


def test_a_failure_after_staging_began_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p", ESSAYS)
    run_update(root)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    (root / "source/ko/a.md").write_text("# 첫 글\n\n새 문장이다.\n", encoding="utf-8")
    (root / "source/ko/b.md").write_text("# 둘째 글\n\n새 둘째 문장이다.\n", encoding="utf-8")
    before[root / "source/ko/a.md"] = (root / "source/ko/a.md").read_bytes()
    before[root / "source/ko/b.md"] = (root / "source/ko/b.md").read_bytes()
    extract = pipeline.extract_essay

    def fail_on_b(config, essay, **kwargs):
        if essay.name == "b":
            raise CatalogError("b cannot be made", path=essay.path)
        return extract(config, essay, **kwargs)

    monkeypatch.setattr(pipeline, "extract_essay", fail_on_b)
    with pytest.raises(CatalogError):
        run_update(root)
    after = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()
             and ".l10n-cache" not in path.parts}
    assert after == {path: data for path, data in before.items()
                     if ".l10n-cache" not in path.parts}


def test_the_caches_are_saved_while_the_workers_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n.glossary.notes import NoteCache
    from l10n.korean.segcache import SegmentCache

    root = make_project(tmp_path / "p", {f"e{i}.md": f"# 글 {i}\n\n초연결 사회 {i}번 문장이다.\n"
                                         for i in range(pipeline.MANY_ESSAYS)},
                        glossary="ko,en\n초연결 사회,hyper-connected society\n")
    events: list[str] = []
    pool, save, save_notes = pipeline.process_pool, SegmentCache.save, NoteCache.save

    def record_pool(jobs):
        events.append("workers forked")
        return pool(jobs)

    def record_save(self, **kwargs):
        events.append("segments saved")
        return save(self, **kwargs)

    def record_notes(self):
        events.append("notes saved")
        return save_notes(self)

    monkeypatch.setattr(pipeline, "process_pool", record_pool)
    monkeypatch.setattr(SegmentCache, "save", record_save)
    monkeypatch.setattr(NoteCache, "save", record_notes)
    run_update(root, jobs=2)
    assert events == ["workers forked", "segments saved", "notes saved"]
    for name in ("segments.json", "glossary-notes.json"):
        assert (root / ".l10n-cache" / name).is_file()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cache_that_fails_to_save_fails_the_run_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    from l10n.korean.segcache import SegmentCache

    root = make_project(tmp_path / "p", {f"e{i}.md": f"# 글 {i}\n\n{i}번 문장이다.\n"
                                         for i in range(pipeline.MANY_ESSAYS)})

    def fail(self, **kwargs):
        raise RuntimeError("cache not saved")

    monkeypatch.setattr(SegmentCache, "save", fail)
    with pytest.raises(RuntimeError, match="cache not saved"):
        run_update(root, jobs=jobs)
    # no file written (the folders of a first run's outputs may have been made, empty:
    # as a commit refused at its end always left them)
    assert not [path for path in (root / "locales").rglob("*") if path.is_file()]
