"""A group's findings remembered whole (checks/groupcache.py): a check of unchanged
catalogs reads none of them, and finds exactly what a run without a cache finds."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

import l10n.checks.inputs as inputs
from l10n.checks import Finding, Severity, check_groups
from l10n.checks.base import REGISTRY
from l10n.checks.groupcache import FILE_NAME, KEEP, GroupFindings
from l10n.checks.inputs import gather
from l10n.glossary.terms import read_glossary

from .conftest import DATA, make_project

CATALOGS = ("corpus.po", "corpus2.po")


@pytest.fixture
def catalogs(tmp_path: Path) -> list[Path]:
    """Two catalogs with findings of every family, in a project (so with a cache)."""
    project = make_project(tmp_path / "proj", {"essay.md": "# 제목\n\n첫 문장이다.\n"})
    shutil.copy(DATA / "qa_corpus" / "glossary.csv", project / "glossary.csv")
    folder = project / "locales" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for name in CATALOGS:
        shutil.copy(DATA / "qa_corpus" / name, folder / name)
    return [folder / name for name in CATALOGS]


def fresh(paths: list[Path], **options) -> list[Finding]:
    """The findings of a run with no cache of any kind (the reference)."""
    cache = paths[0].parents[3] / ".l10n-cache"
    kept = cache.with_name("kept-cache")
    if cache.exists():
        cache.rename(kept)
    try:
        return check_groups(gather(paths), **options).findings
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if kept.exists():
            kept.rename(cache)


def no_reading(monkeypatch) -> None:
    def refuse(path, display):
        raise AssertionError(f"{display} was read")
    monkeypatch.setattr(inputs, "load_catalog", refuse)


def test_an_unchanged_group_is_answered_without_reading_a_catalog(catalogs, monkeypatch):
    reference = fresh(catalogs)
    first = check_groups(gather(catalogs))
    assert (catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME).is_file()
    assert {f.code[0] for f in first.findings} >= {"C", "F", "G", "N"}
    assert first.findings == reference
    no_reading(monkeypatch)
    again = check_groups(gather(catalogs))
    assert again.findings == reference and again.files == first.files == 2


def test_an_edited_catalog_is_checked_again(catalogs):
    first = check_groups(gather(catalogs)).findings
    text = catalogs[1].read_text(encoding="utf-8")
    edited = text.replace('msgstr "In a', 'msgstr "  In a', 1)  # a leading-space defect
    assert edited != text
    catalogs[1].write_text(edited, encoding="utf-8")
    found = check_groups(gather(catalogs)).findings
    assert found == fresh(catalogs)
    assert found != first


def test_a_catalog_saved_while_it_is_read_is_not_remembered_for_the_bytes_before(
        catalogs, monkeypatch):
    text = catalogs[1].read_text(encoding="utf-8")
    saved = text.replace('msgstr "In a', 'msgstr "  In a', 1)
    real = inputs.load_catalog

    def save_first(path, display):  # a translator's save between digest and read
        if path == catalogs[1]:
            path.write_text(saved, encoding="utf-8")
        return real(path, display)
    monkeypatch.setattr(inputs, "load_catalog", save_first)
    during = check_groups(gather(catalogs)).findings
    monkeypatch.setattr(inputs, "load_catalog", real)
    catalogs[1].write_text(text, encoding="utf-8")  # undone: the bytes digested before
    after = check_groups(gather(catalogs)).findings
    assert after == fresh(catalogs) and after != during


def test_other_checks_or_another_glossary_are_worked_out(catalogs):
    check_groups(gather(catalogs))
    only = check_groups(gather(catalogs), select=["F"]).findings
    assert only and {f.code[0] for f in only} == {"F"}
    assert only == fresh(catalogs, select=["F"])
    other = read_glossary(DATA / "checks_glossary.csv")
    with_other = check_groups(gather(catalogs), glossary=other).findings
    assert with_other == fresh(catalogs, glossary=other)
    assert with_other != check_groups(gather(catalogs)).findings


def test_a_configuration_change_is_worked_out(catalogs):
    first = check_groups(gather(catalogs)).findings
    code = next(f.code for f in first if f.severity is Severity.ERROR)
    config = catalogs[0].parents[3] / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + f'\n[tool.l10n.severity]\n{code} = "warning"\n', encoding="utf-8")
    after = check_groups(gather(catalogs)).findings
    assert after == fresh(catalogs)
    assert all(f.severity is Severity.WARNING for f in after if f.code == code)


def test_a_catalog_that_cannot_be_read_is_never_remembered(catalogs):
    catalogs[1].write_bytes(b'msgid "a"\nmsgstr "\0"\n')
    for _ in range(2):
        report = check_groups(gather(catalogs))
        assert report.unreadable == 1
        assert any(f.code == "V001" for f in report.findings)
    cache = catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME
    assert not cache.exists() or not json.loads(cache.read_text())["groups"]
    missing = catalogs[0].with_name("missing.po")
    for _ in range(2):
        assert check_groups(gather([missing])).unreadable == 1


def test_a_malformed_record_is_worked_out_again(catalogs):
    reference = check_groups(gather(catalogs)).findings
    cache = catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME
    data = json.loads(cache.read_text(encoding="utf-8"))
    (name, record), = data["groups"].items()
    record[1][0][1] = "not a line"
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert check_groups(gather(catalogs)).findings == reference
    assert json.loads(cache.read_text(encoding="utf-8"))["groups"][name][1][0][1] != "not a line"


def test_at_most_keep_groups_are_remembered_the_latest_first(catalogs):
    folder = catalogs[0].parent
    names = [f"copy{number}.po" for number in range(KEEP + 2)]
    for name in names:
        shutil.copy(catalogs[0], folder / name)
        check_groups(gather([folder / name]))
    cache = catalogs[0].parents[3] / ".l10n-cache"
    assert len(json.loads((cache / FILE_NAME).read_text())["groups"]) == KEEP
    latest, oldest = gather([folder / names[-1]])[0], gather([folder / names[0]])[0]
    records = GroupFindings(cache, latest, config=latest.config, codes=set(),
                            glossary=None).records
    assert {record[2] for record in records.values()} == set(range(3, KEEP + 3))
    assert GroupFindings(cache, oldest, config=oldest.config, codes=set(),
                         glossary=None).name not in records


def test_a_crash_in_a_run_is_not_remembered(catalogs, monkeypatch):
    def boom(unit, ctx):
        raise RuntimeError("bug")
    boom.__module__ = "l10n.checks.whitespace"  # as one of l10n's own checks
    monkeypatch.setitem(REGISTRY, "W001", dataclasses.replace(REGISTRY["W001"], function=boom))
    assert any(f.code == "L000" for f in check_groups(gather(catalogs)).findings)
    assert not (catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME).exists()


def test_a_check_registered_outside_l10n_is_never_remembered(catalogs, monkeypatch):
    def mine(unit, ctx):
        return iter(())
    monkeypatch.setitem(REGISTRY, "W001", dataclasses.replace(REGISTRY["W001"], function=mine))
    check_groups(gather(catalogs))
    assert not (catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME).exists()


def test_a_group_with_reference_translations_is_never_remembered(catalogs):
    config = catalogs[0].parents[3] / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[tool.l10n]", '[tool.l10n]\nreference = "reviewed"'), encoding="utf-8")
    assert gather(catalogs)[0].config.reference is not None
    check_groups(gather(catalogs), reference=lambda config, catalogs: {})
    assert not (catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME).exists()


def test_a_catalog_whose_name_is_not_utf8_is_remembered(catalogs):
    odd = catalogs[0].with_name(os.fsdecode(b"\xff.po"))
    shutil.copy(catalogs[0], odd)
    first = check_groups(gather([odd]))
    assert first.files == 1 and first.findings
    assert (catalogs[0].parents[3] / ".l10n-cache" / FILE_NAME).is_file()
    assert check_groups(gather([odd])).findings == first.findings == fresh([odd])
