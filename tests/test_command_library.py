"""The library functions the CLI commands call (moved out of cli.py): each says what the
command prints, so it is tested here without a process; tests/test_cli.py checks the
commands themselves."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from l10n.checks.base import REGISTRY
from l10n.checks.baseline import read_baseline
from l10n.checks.documentation import catalogue_text, check_text
from l10n.errors import ConfigError, GlossaryError
from l10n.exchange.incoming import CONFLICT, STALE, UPDATED, FileImport, ImportRun, Outcome
from l10n.exchange.tbx import import_tbx, write_tbx
from l10n.glossary.model import Term
from l10n.glossary.terms import parse_glossary, read_glossary
from l10n.progress.counts import HistoryPoint
from l10n.progress.references import reference_translations
from l10n.progress.report import history_lines


def test_the_catalogue_has_one_line_per_check_in_code_order():
    lines = catalogue_text().splitlines()
    assert [line.split()[0] for line in lines] == sorted(REGISTRY)
    assert catalogue_text().endswith("\n")
    g001 = next(line for line in lines if line.startswith("G001"))
    assert g001.split()[1:3] == ["error", "glossary-term-missing"]


@pytest.mark.parametrize("name", ["G001", "g001", "glossary-term-missing"])
def test_a_check_is_explained_by_code_or_name(name):
    text = check_text(name)
    head, blank, *doc = text.splitlines()
    assert head.startswith("G001 glossary-term-missing (") and blank == ""
    assert any(line.startswith("Why:") for line in doc)
    assert not text.endswith("\n")  # the command's echo adds the line break


def test_an_unknown_check_is_a_configuration_error():
    with pytest.raises(ConfigError, match="no check 'Z999'"):
        check_text("Z999")


def test_history_lines_say_when_there_is_no_history():
    assert history_lines([]) == ["no history: the catalogs are not in a git repository yet"]
    point = HistoryPoint(datetime(2026, 3, 1, 12), "0123456789abcdef", "essay", 25, 200)
    empty = HistoryPoint(datetime(2026, 3, 2, 12), "fedcba9876543210", "other", 0, 0)
    assert history_lines([point, empty]) == [
        "2026-03-01 01234567 essay: 25/200 chars (12.5%)",
        "2026-03-02 fedcba98 other: 0/0 chars (0.0%)"]


def test_glossary_kinds_count_every_kind():
    glossary = parse_glossary("ko,en,kind\n초연결,hyper-connectivity,term\n"
                              "손흥민,Son Heung-min,name\nSNS,SNS,keep\n공유,sharing,\n")
    assert glossary.kinds() == {"term": 2, "name": 1, "keep": 1}
    assert parse_glossary("ko,en\n").kinds() == {"term": 0, "name": 0, "keep": 0}


def test_a_baseline_is_read_back_and_a_bad_one_is_a_configuration_error(tmp_path):
    good = tmp_path / "baseline.json"
    good.write_text(json.dumps({"findings": [{"code": "G001"}]}), encoding="utf-8")
    assert read_baseline(good) == [{"code": "G001"}]
    for text in ("not json", "[]", '{"other": 1}'):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match="cannot read baseline"):
            read_baseline(bad)
    with pytest.raises(ConfigError):
        read_baseline(tmp_path / "missing.json")


def test_no_reference_configured_means_no_reference_translations():
    class Config:
        reference = None

    assert reference_translations(None, []) is None
    assert reference_translations(Config(), [(Path("x.po"), None)]) is None


def _tbx(tmp_path, *terms: Term) -> Path:
    path = tmp_path / "in.tbx"
    path.write_text(write_tbx(terms), encoding="utf-8")
    return path


def test_import_tbx_counts_and_writes_only_without_dry_run(tmp_path):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("ko,en\n초연결,hyper-connectivity\n", encoding="utf-8")
    before = glossary.read_bytes()
    tbx = _tbx(tmp_path, Term("초연결", "hyperconnectivity"), Term("공유", "sharing"))
    assert import_tbx(tbx, glossary, dry_run=True) == (1, 1, 2)
    assert glossary.read_bytes() == before
    assert import_tbx(tbx, glossary) == (1, 1, 2)
    assert {t.ko: t.en for t in read_glossary(glossary).terms} == {
        "초연결": "hyperconnectivity", "공유": "sharing"}


def test_import_tbx_creates_a_missing_glossary(tmp_path):
    glossary = tmp_path / "new.csv"
    assert import_tbx(_tbx(tmp_path, Term("공유", "sharing")), glossary) == (1, 0, 1)
    assert [t.ko for t in read_glossary(glossary).terms] == ["공유"]


def test_import_tbx_that_makes_an_invalid_glossary_writes_nothing(tmp_path):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("ko,en\n공유,sharing\n", encoding="utf-8")
    before = glossary.read_bytes()
    clash = Term("초연결", "hyper-connectivity", ko_variants=("공유",))  # 공유 is listed
    with pytest.raises(GlossaryError):
        import_tbx(_tbx(tmp_path, clash), glossary)
    assert glossary.read_bytes() == before


def test_import_report_lines_place_each_outcome_and_count_per_file():
    outcomes = (Outcome(UPDATED, None, 12, "translated"), Outcome(CONFLICT, None, None, "x"),
                Outcome(STALE, None, 30, "source changed"))
    run = ImportRun(files=[FileImport(Path("back.xlf"), Path("/p/locales/a.po"), outcomes)])
    relative = lambda path: path.name  # noqa: E731
    assert run.report_lines(relative) == [
        "a.po:12: updated: translated", "back.xlf: conflict: x",
        "a.po:30: stale: source changed",
        "back.xlf: 1 updated, 1 conflict(s), 1 stale"]
    assert run.report_lines(relative, dry_run=True)[-1].endswith(
        "1 stale (dry run: nothing written)")
