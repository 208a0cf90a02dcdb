"""The segmentation cache: unchanged paragraphs skip Kiwi, and a cache never changes a result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n import source
from l10n.config import load_config
from l10n.essays import read_essays
from l10n.korean import segment
from l10n.korean.segcache import FILE_NAME, SegmentCache, fingerprint
from l10n.pipeline import update_project

from .conftest import ESSAY, assert_fingerprint_covers, fixed_clock, make_project


def _no_kiwi(texts):
    raise AssertionError(f"Kiwi was asked to segment {len(list(texts))} paragraph(s)")


def _sentences(essays) -> list[list[str]]:
    return [[s.msgid for s in essay.sentences()] for essay in essays]


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {ESSAY.name: ESSAY.read_text("utf-8")})
    read_essays(load_config(root))  # fills the cache
    return root


def test_second_read_uses_the_cache_only_and_gives_the_same_sentences(
        cached: Path, monkeypatch) -> None:
    config = load_config(cached)
    assert (cached / ".l10n-cache" / FILE_NAME).is_file()
    assert (cached / ".l10n-cache" / ".gitignore").read_text("utf-8").endswith("*\n")
    uncached = _sentences([source.read_essay(ESSAY, root=ESSAY.parent.parent.parent)])
    monkeypatch.setattr(source, "split_spans", _no_kiwi)
    assert _sentences(read_essays(config)) == uncached


def test_only_edited_paragraphs_are_segmented(cached: Path, monkeypatch) -> None:
    essay = cached / "source/ko" / ESSAY.name
    essay.write_text(essay.read_text("utf-8") + "\n새 문단이다. 두 문장이다.\n", "utf-8")
    asked: list[str] = []

    def spy(texts, **options):
        texts = list(texts)
        asked.extend(texts)
        return segment.split_spans(texts, **options)

    monkeypatch.setattr(source, "split_spans", spy)
    essays = read_essays(load_config(cached))
    assert asked == ["새 문단이다. 두 문장이다."]
    assert _sentences(essays)[0][-2:] == ["새 문단이다.", "두 문장이다."]


def test_update_output_is_identical_with_and_without_a_cache(cached: Path, tmp_path: Path) -> None:
    other = make_project(tmp_path / "q", {ESSAY.name: ESSAY.read_text("utf-8")})
    (other / "pyproject.toml").write_text(
        (other / "pyproject.toml").read_text("utf-8") + 'cache = ""\n', "utf-8")
    assert load_config(other).cache is None
    update_project(load_config(cached), clock=fixed_clock)
    update_project(load_config(other), clock=fixed_clock)
    assert not (other / ".l10n-cache").exists()
    for path in (cached / "locales").rglob("*.po*"):
        assert path.read_bytes() == (other / path.relative_to(cached)).read_bytes()


@pytest.mark.parametrize("damage", [
    "not json at all {",
    json.dumps({"fingerprint": "x", "spans": []}),
    json.dumps([1, 2, 3]),
])
def test_a_damaged_cache_is_reported_and_rebuilt(cached: Path, damage: str, capsys) -> None:
    path = cached / ".l10n-cache" / FILE_NAME
    path.write_text(damage, "utf-8")
    before = _sentences([source.read_essay(ESSAY, root=ESSAY.parent.parent.parent)])
    assert _sentences(read_essays(load_config(cached))) == before
    assert "segmentation cache" in capsys.readouterr().err
    assert json.loads(path.read_text("utf-8"))["fingerprint"] == fingerprint()


def test_spans_from_another_segmenter_or_that_do_not_fit_are_never_used(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    cache = SegmentCache(folder)
    calls = []

    def seg(texts):
        calls.append(list(texts))
        return [[(0, len(t))] for t in texts]

    assert cache.split(["가나다. 라마."], seg) == [[(0, 8)]]
    cache.save()
    data = json.loads((folder / FILE_NAME).read_text("utf-8"))
    key = next(iter(data["spans"]))
    data["spans"][key] = [0, 99]  # longer than the text
    (folder / FILE_NAME).write_text(json.dumps(data), "utf-8")
    assert SegmentCache(folder).split(["가나다. 라마."], seg) == [[(0, 8)]]
    for damaged in ([], [0, 3], [1, 8], [0, 3, 4, 8], ["0", 8]):
        data["spans"][key] = damaged  # skips text, starts or ends on a space, not numbers
        (folder / FILE_NAME).write_text(json.dumps(data), "utf-8")
        assert SegmentCache(folder).split(["가나다. 라마."], seg) == [[(0, 8)]], damaged
    data["spans"][key] = [0, 4, 5, 8]  # a true segmentation of the text is used
    (folder / FILE_NAME).write_text(json.dumps(data), "utf-8")
    assert SegmentCache(folder).split(["가나다. 라마."], seg) == [[(0, 4), (5, 8)]]
    data["fingerprint"] = "another segmenter"
    (folder / FILE_NAME).write_text(json.dumps(data), "utf-8")
    assert SegmentCache(folder).split(["가나다. 라마."], seg) == [[(0, 8)]]
    assert len(calls) == 8


def test_an_unwritable_cache_warns_and_changes_nothing(cached: Path, capsys) -> None:
    folder = cached / ".l10n-cache"
    shutil.rmtree(folder)
    folder.write_text("a file where the folder should be", "utf-8")
    essays = read_essays(load_config(cached))
    assert essays and "segmentation cache not saved" in capsys.readouterr().err


@pytest.mark.parametrize("package", ["kiwipiepy", "kiwipiepy_model", "lemminflect", "polib"])
def test_the_fingerprint_names_the_installed_versions(package: str) -> None:
    """Read from the dist-info folder's name (no importlib.metadata at start-up), the
    versions are those importlib.metadata gives (polib, a one-file module, included)."""
    from importlib.metadata import version

    from l10n.cache import installed_version

    assert installed_version(package) == version(package)
    assert f"{package} {version(package)}" in segcache_fingerprint(package)


@pytest.mark.parametrize("module", ["segment", "repairs", "kiwi"])
def test_a_change_to_any_module_that_cuts_sentences_discards_the_cache(
        module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cuts (segment.py), the repairs after them (repairs.py) and Kiwi's options
    (kiwi.py) all decide a boundary: editing any of them must change the fingerprint, or
    spans of the old segmenter would be reused."""
    from l10n.korean import segcache

    assert_fingerprint_covers(segcache.fingerprint, f"korean.{module}", tmp_path, monkeypatch)


def segcache_fingerprint(package: str) -> str:
    from l10n.cache import code_fingerprint

    return code_fingerprint((package,), (segment,), "segment.py")


def _fake_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """A stand-in segmenter: one sentence per text, trimmed (no Kiwi)."""
    spans = []
    for text in texts:
        start = len(text) - len(text.lstrip())
        spans.append([(start, len(text.rstrip()))])
    return spans


_TEXTS = st.lists(st.sampled_from(["가다.", "나 다.", "  ", "", "라마.", " 바사 ", "아자."]),
                  max_size=12)


@settings(max_examples=200, deadline=None)
@given(known=_TEXTS, texts=_TEXTS)
def test_missing_is_what_split_asks_for_and_changes_nothing(tmp_path_factory, known,
                                                            texts) -> None:
    folder = tmp_path_factory.mktemp("cache")
    first = SegmentCache(folder)
    first.split(known, _fake_spans)
    first.save()
    asked: list[list[str]] = []

    def segment(batch):
        asked.append(batch)
        return _fake_spans(batch)
    looked = SegmentCache(folder)
    missing = looked.missing(texts)
    spans = looked.split(texts, segment)
    plain = SegmentCache(folder).split(texts, _fake_spans)  # without missing() first
    assert spans == plain
    assert asked == ([missing] if missing else [])
    assert looked.missing(texts) == []  # what split added is found afterwards
