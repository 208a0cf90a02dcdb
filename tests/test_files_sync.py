"""files.Transaction syncs its staged files together, before the first rename."""

from __future__ import annotations

import os

import pytest

from l10n import files
from l10n.errors import CatalogError
from l10n.files import Transaction


def _record(monkeypatch) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    fsync, replace, link = os.fsync, os.replace, os.link

    def record_fsync(fd):
        events.append(("fsync", fd))
        return fsync(fd)

    def record_replace(*args, **kwargs):
        events.append(("rename", args[1]))
        return replace(*args, **kwargs)

    def record_link(*args, **kwargs):
        events.append(("rename", args[1]))
        return link(*args, **kwargs)

    monkeypatch.setattr(os, "fsync", record_fsync)
    monkeypatch.setattr(os, "replace", record_replace)
    monkeypatch.setattr(os, "link", record_link)
    monkeypatch.setattr(files, "exchange", lambda *args: False)  # renames, observable
    return events


def test_staged_files_are_synced_at_commit_before_any_rename(tmp_path, monkeypatch) -> None:
    (tmp_path / "b.po").write_text("old\n")
    events = _record(monkeypatch)
    transaction = Transaction(tmp_path)
    for name in ("a.po", "b.po", "c.po"):
        transaction.write_text(tmp_path / name, f"{name}\n")
    assert not [kind for kind, _ in events if kind == "fsync"]  # none one by one
    transaction.commit()
    kinds = [kind for kind, _ in events]
    first_rename = kinds.index("rename")
    assert kinds[:first_rename].count("fsync") >= 3  # the three staged files
    assert [(tmp_path / n).read_text() for n in ("a.po", "b.po", "c.po")] == \
        ["a.po\n", "b.po\n", "c.po\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "b.po", "c.po"]


def test_open_staged_files_are_bounded(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(files, "_UNSYNCED", 4)
    events = _record(monkeypatch)
    with Transaction(tmp_path) as transaction:
        for index in range(10):
            transaction.write_text(tmp_path / f"{index}.po", f"{index}\n")
            assert len(transaction._unsynced) < 4
        assert [kind for kind, _ in events].count("fsync") == 8  # two batches of four
    assert len(list(tmp_path.iterdir())) == 10


def test_a_failed_sync_changes_nothing(tmp_path, monkeypatch) -> None:
    (tmp_path / "b.po").write_text("old\n")

    def failing(fd):
        raise OSError(5, "Input/output error")

    transaction = Transaction(tmp_path)
    transaction.write_text(tmp_path / "a.po", "new\n")
    transaction.write_text(tmp_path / "b.po", "new\n")
    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(CatalogError, match="Input/output error"):
        transaction.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.po"]  # no temporary left
    assert (tmp_path / "b.po").read_text() == "old\n"
    assert not transaction._unsynced
