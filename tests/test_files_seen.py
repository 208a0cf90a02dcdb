"""files.py without pathlib or hashlib for a small write: paths as strings normalised as
pathlib normalises them, and a file the transaction saw itself compared by its bytes
(by digest beyond ``_KEPT``); the guarantees are those of the digests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n import fileops, files
from l10n.errors import CatalogError, ConcurrentRunError
from l10n.files import Transaction


@given(st.lists(st.sampled_from(["", ".", "..", "a", "b c", "é", "x.po", "/"]),
                max_size=6))
def test_paths_are_normalised_as_pathlib_normalises_them(parts: list[str]) -> None:
    text = "/".join(parts)
    for path in (text, "/" + text, "//" + text, "///" + text):
        absolute = fileops.absolute(path)
        assert absolute == str(Path(path).absolute()), path
        assert fileops.split_path(absolute) == (str(Path(absolute).parent),
                                          Path(absolute).name), path


@pytest.mark.parametrize("kept", [files._KEPT, 0])  # bytes kept / digests
def test_a_file_changed_between_staging_and_commit_is_kept(tmp_path: Path, monkeypatch,
                                                           kept: int) -> None:
    """An -o output (no digest given: replaced only if still what was staged over) that
    someone saves meanwhile is not overwritten, whether the exchange is there or not."""
    monkeypatch.setattr(files, "_KEPT", kept)
    path = tmp_path / "o.po"
    for exchange in (files.exchange, lambda *args: False):
        monkeypatch.setattr(files, "exchange", exchange)
        path.write_text("old\n")
        transaction = Transaction(tmp_path)
        assert transaction.write_text(path, "ours\n")
        path.write_text("theirs\n")
        with pytest.raises(ConcurrentRunError, match="changed on disk"):
            transaction.commit()
        assert path.read_text() == "theirs\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["o.po"]
        assert files.write_text_atomic(path, "ours\n")  # unchanged since staged: replaced
        assert path.read_text() == "ours\n"
        assert not files.write_text_atomic(path, "ours\n")  # the same bytes: not written


def test_a_journal_names_digests_not_bytes(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.po").write_text("old a\n")
    journal = tmp_path / "journal.json"
    written = []
    replace = os.replace

    def record(source, target, **kwargs):
        if target == "journal.json":
            written.append((tmp_path / source).read_text("utf-8"))
        return replace(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", record)
    with Transaction(tmp_path, journal=journal) as transaction:
        transaction.write_text(tmp_path / "a.po", "new a\n")
        transaction.write_text(tmp_path / "b.po", "new b\n")
    import json

    entries = json.loads(written[0])["renames"]
    assert [e["expected"] for e in entries] == [_sha("old a\n"), None]
    assert [e["digest"] for e in entries] == [_sha("new a\n"), _sha("new b\n")]
    assert [e["path"] for e in entries] == [str(tmp_path / "a.po"), str(tmp_path / "b.po")]
    assert not journal.exists()


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def test_outside_the_root_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with pytest.raises(CatalogError, match="outside the project"), \
            Transaction(tmp_path / "in") as transaction:
        transaction.write_text(tmp_path / "in" / ".." / "x.po", "x\n")
    with pytest.raises(CatalogError, match="outside the project"), \
            Transaction(tmp_path / "in") as transaction:
        transaction.write_text(tmp_path / "inside.po", "x\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
