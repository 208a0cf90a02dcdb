"""A group's findings remembered whole (checks/groupcache.py): a check of unchanged
catalogs reads none of them, and finds exactly what a run without a cache finds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import l10n.checks.inputs as inputs
from l10n.checks import Finding, Severity, check_groups
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


def test_the_remembered_findings_are_those_of_a_run_without_a_cache(catalogs):
    reference = fresh(catalogs)
    check_groups(gather(catalogs))
    assert check_groups(gather(catalogs)).findings == reference


def test_an_edited_catalog_is_checked_again(catalogs):
    check_groups(gather(catalogs))
    text = catalogs[1].read_text(encoding="utf-8")
    edited = text.replace('msgstr "', 'msgstr "  ', 1)  # a new leading-space defect
    assert edited != text
    catalogs[1].write_text(edited, encoding="utf-8")
    found = check_groups(gather(catalogs)).findings
    assert found == fresh(catalogs)
    assert found != check_groups(gather(catalogs[:1])).findings


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


def test_a_crash_is_not_remembered(catalogs):
    group = gather(catalogs)[0]
    cache = group.config.cache
    memory = GroupFindings(cache, group, config=group.config, codes=set(), glossary=None)
    crash = Finding("<l10n>", 0, "L000", "internal-error", Severity.ERROR, "crashed")
    memory.remember([crash])
    assert not (cache / FILE_NAME).exists()
    memory.remember([])
    assert GroupFindings(cache, group, config=group.config, codes=set(),
                         glossary=None).remembered() == []
