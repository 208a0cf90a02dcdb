"""Files written a piece at a time (``files.write_chunks_atomic``) and the cache's JSON
made that way (``cache.json_chunks``): a large cache file is never held whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n import cache
from l10n.files import Transaction, write_chunks_atomic


def test_chunks_are_written_whole_and_atomically(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    target.write_bytes(b"old")
    write_chunks_atomic(target, iter([b"ab", b"", "한".encode(), b"c" * 70_000]))
    assert target.read_bytes() == b"ab" + "한".encode() + b"c" * 70_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json"]


def test_a_failure_while_the_chunks_are_made_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    target.write_bytes(b"old")

    def chunks():
        yield b"new, half"
        raise RuntimeError("the encoder failed")

    with pytest.raises(RuntimeError):
        write_chunks_atomic(target, chunks())
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json"]


def test_chunks_in_a_journalled_transaction_are_named_by_their_digest(tmp_path: Path) -> None:
    import hashlib

    journal = tmp_path / "journal.json"
    with Transaction(tmp_path, journal=journal) as staged:
        staged.write_chunks(tmp_path / "a.json", [b"{", b"}"])
        staged.write_bytes(tmp_path / "b.txt", b"b")
        digests = {item.name: item.data_digest for item in staged._staged}
    assert digests["a.json"] == hashlib.sha256(b"{}").hexdigest()
    assert (tmp_path / "a.json").read_bytes() == b"{}"
    assert not journal.exists()


records = st.dictionaries(
    st.text(min_size=1, max_size=6),
    st.lists(st.one_of(st.text(max_size=8), st.integers(), st.lists(st.text(max_size=4))),
             max_size=3), max_size=40)


@settings(max_examples=150, deadline=None)
@given(records=records, extra=st.dictionaries(st.sampled_from(["codesets", "catalogs", "zz"]),
                                              st.dictionaries(st.text(max_size=3),
                                                              st.lists(st.text(max_size=3)))),
       batch=st.integers(1, 5))
def test_json_chunks_are_json_dumps(records, extra, batch) -> None:
    document = {"fingerprint": "l10n", "entries": records, **extra}
    old = cache.JSON_BATCH
    cache.JSON_BATCH = batch
    try:
        made = b"".join(cache.json_chunks(document, "entries"))
    finally:
        cache.JSON_BATCH = old
    assert made == json.dumps(document, ensure_ascii=False, separators=(",", ":"),
                              sort_keys=True).encode("utf-8")
