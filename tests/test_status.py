"""Progress: counts agree with msgfmt and pocount; attribution from git; formats."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.config import load_config
from l10n.po.catalog import format_catalog, parse_catalog, read_catalog
from l10n.progress.counts import attribute, compute_progress, progress_history
from l10n.progress.report import badge_svg, history_svg, status_json, status_markdown
from l10n.progress.status import project_status, publication_verdict

from .conftest import make_project, tool

SAMPLE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgid "초연결 사회는 우리의 삶을 바꾸었다."
msgstr "The hyper-connected society has changed our lives."

#, fuzzy
msgid "우리는 연결되어 있다. 그러나 외롭다."
msgstr "We are connected."

msgid "스마트폰은 모든 것을 바꿨다."
msgstr ""

msgid "10억 명에게 5,000만 명이 더해졌다."
msgstr "Fifty million were added to one billion."

#~ msgid "사라진 문장이다."
#~ msgstr "A sentence that is gone."
"""


def test_counts_by_state_never_count_fuzzy_or_obsolete() -> None:
    progress = compute_progress(parse_catalog(SAMPLE), name="s")
    e = progress.entries
    assert (e.translated, e.fuzzy, e.untranslated, e.obsolete) == (2, 1, 1, 1)
    assert progress.words.translated == 5 + 5
    assert progress.chars.translated == len("초연결사회는우리의삶을바꾸었다.") + len("10억명에게5,000만명이더해졌다.")
    assert progress.percent_entries == 50.0
    assert 0 < progress.percent_chars < 100


def test_empty_catalog_is_zero_percent_and_not_publishable() -> None:
    progress = compute_progress(parse_catalog('msgid ""\nmsgstr ""\n'), name="e")
    assert progress.percent_chars == 0.0 and progress.percent_entries == 0.0
    assert publication_verdict(progress, 100, 0) == (False, "no entries")


def test_publication_gate() -> None:
    progress = compute_progress(parse_catalog(SAMPLE), name="s")
    ok, reason = publication_verdict(progress, 100, 0)
    assert not ok and "needs 100%" in reason
    ok, reason = publication_verdict(progress, 10, 2)
    assert not ok and reason == "2 QA error(s)"
    assert publication_verdict(progress, 10, 0) == (True, "")


def test_qa_runs_only_for_catalogs_that_reach_the_threshold(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"s.md": "초연결 사회는 우리의 삶을 바꾸었다.\n"})
    catalog = root / "locales/en/LC_MESSAGES/s.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(SAMPLE, "utf-8")
    asked: list[Path] = []

    def count_errors(path: Path, po=None) -> int:
        asked.append(path)
        return 3

    config = load_config(root)
    below = project_status(config, count_errors=count_errors, attribute_translators=False)
    assert asked == [] and "needs 100%" in below.essays[0].reason  # no: QA cannot change it
    lowered = replace(config, publish_threshold=10.0)
    at = project_status(lowered, count_errors=count_errors, attribute_translators=False)
    assert asked == [catalog] and at.essays[0].reason == "3 QA error(s)"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
def test_entries_agree_with_msgfmt_statistics(tmp_path: Path) -> None:
    path = tmp_path / "s.po"
    path.write_text(SAMPLE, encoding="utf-8")
    out = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(path)],
                         capture_output=True, text=True, check=True).stderr
    numbers = [int(n) for n in re.findall(r"(\d+) ", out)]
    e = compute_progress(parse_catalog(SAMPLE), name="s").entries
    assert numbers == [e.translated, e.fuzzy, e.untranslated]


@pytest.mark.skipif(tool("pocount") is None, reason="translate-toolkit not installed")
def test_entries_agree_with_pocount_and_words_differ_as_documented(tmp_path: Path) -> None:
    path = tmp_path / "s.po"
    path.write_text(SAMPLE, encoding="utf-8")
    out = subprocess.run([tool("pocount"), "--csv", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    header, row = out[0].split(","), out[1].split(",")
    data = dict(zip(header, row, strict=False))
    progress = compute_progress(parse_catalog(SAMPLE), name="s")
    assert int(data["Translated Messages"]) == progress.entries.translated
    assert int(data["Fuzzy Messages"]) == progress.entries.fuzzy
    assert int(data["Untranslated Messages"]) == progress.entries.untranslated
    # pocount splits "10억 명에게 5,000만 명이" by Unicode word rules (UAX #29), so its
    # source words equal our eojeol except where punctuation stands alone; we count
    # space-separated eojeol, which is what Korean word counts mean.
    assert int(data["Translated Source Words"]) == progress.words.translated


def git(root: Path, *args: str, author: str | None = None, when: str | None = None) -> None:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    if author:
        name, email = author.split(":")
        env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name,
                   GIT_COMMITTER_EMAIL=email)
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def catalog_text(translations: dict[str, str]) -> str:
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for msgid, msgstr in translations.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return format_catalog(po)


@pytest.fixture
def two_authors(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {"a.md": "가는 간다.\n"})
    po = root / "locales/en/LC_MESSAGES/a.po"
    po.parent.mkdir(parents=True)
    git(root, "init", "-q")
    po.write_text(catalog_text({"가는 간다.": "", "나는 난다.": "", "다는 단다.": ""}), "utf-8")
    git(root, "add", "-A", author="Kim:kim@example.org", when="2026-01-01T10:00:00+00:00")
    git(root, "commit", "-qm", "template", author="Kim:kim@example.org",
        when="2026-01-01T10:00:00+00:00")
    po.write_text(catalog_text({"가는 간다.": "Ga goes.", "나는 난다.": "Na flies.",
                                "다는 단다.": ""}), "utf-8")
    git(root, "commit", "-qam", "kim translates", author="Kim:kim@example.org",
        when="2026-01-02T10:00:00+00:00")
    po.write_text(catalog_text({"가는 간다.": "Ga goes.", "나는 난다.": "Na is flying.",
                                "다는 단다.": "Da hangs."}), "utf-8")
    git(root, "commit", "-qam", "lee revises", author="Lee:lee@example.org",
        when="2026-01-05T10:00:00+00:00")
    return root


def test_attribution_from_git_history(two_authors: Path) -> None:
    po = two_authors / "locales/en/LC_MESSAGES/a.po"
    work = {w.translator: w for w in attribute(two_authors, [po])}
    assert work["Kim <kim@example.org>"].entries == 1  # 가는 간다.
    assert work["Lee <lee@example.org>"].entries == 2  # revised one, translated one
    assert work["Lee <lee@example.org>"].chars == len("나는난다.") + len("다는단다.")
    since = {w.translator for w in attribute(two_authors, [po], since=date(2026, 1, 3))}
    assert since == {"Lee <lee@example.org>"}


def test_history_per_day_and_chart(two_authors: Path) -> None:
    po = two_authors / "locales/en/LC_MESSAGES/a.po"
    points = progress_history(two_authors, [po])
    assert [p.translated_chars for p in points] == [0, 10, 15]
    svg = history_svg(points)
    assert svg.startswith("<svg") and "<polyline" in svg and "a</title>" in svg


def test_last_translator_outside_git(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    text = SAMPLE.replace('"Language: en\\n"', '"Language: en\\n"\n"Last-Translator: Park <p@x>\\n"')
    path.write_text(text, encoding="utf-8")
    work = attribute(tmp_path, [path], fallback={path: read_catalog(path)})
    assert [(w.translator, w.entries) for w in work] == [("Park <p@x>", 2)]


def test_project_status_assignments_and_formats(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"a.md": "가는 간다.\n"})
    with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[[tool.l10n.assignments]]\nessay = "a"\ntranslator = "Kim"\n'
                     'reviewer = "Lee"\ndue = "2026-01-31"\n')
    po = root / "locales/en/LC_MESSAGES/a.po"
    po.parent.mkdir(parents=True)
    po.write_text(SAMPLE, encoding="utf-8")
    report = project_status(load_config(root), today=date(2026, 2, 1))
    essay = report.essays[0]
    assert (essay.translator, essay.reviewer, essay.overdue) == ("Kim", "Lee", True)
    data = json.loads(status_json(report.essays, report.total, report.translators))
    assert data["total"]["entries"] == {"translated": 2, "fuzzy": 1, "untranslated": 1,
                                        "obsolete": 1}
    assert data["essays"][0]["entries"]["fuzzy"] == 1 and data["essays"][0]["publishable"] is False
    markdown = status_markdown(report.essays, report.total, report.translators)
    assert markdown.startswith("| essay |") and "| a | en |" in markdown
    assert 'aria-label="translated: 50%"' in badge_svg("translated", 50.0)


@settings(max_examples=2000, deadline=None, database=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_character_count_skips_exactly_the_white_space(text: str) -> None:
    from l10n.progress.counts import chars

    assert chars(text) == sum(not ch.isspace() for ch in text)


# ------------------------------------------------------------------ remembered summaries

def _summary_project(tmp_path: Path) -> tuple[Path, Path]:
    root = make_project(tmp_path / "p", {"s.md": "초연결 사회는 우리의 삶을 바꾸었다.\n"})
    catalog = root / "locales/en/LC_MESSAGES/s.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(SAMPLE.replace('"Language: en\\n"',
                                      '"Language: en\\n"\n"Last-Translator: Park <p@x>\\n"'),
                       "utf-8")
    return root, catalog


def _report(root: Path):
    report = project_status(load_config(root), today=date(2026, 2, 1))
    return (report.essays, report.total, [w.as_dict() for w in report.translators])


def test_a_repeated_status_reads_no_unchanged_catalog(tmp_path: Path, monkeypatch) -> None:
    from l10n.progress import summaries

    root, catalog = _summary_project(tmp_path)
    first = _report(root)
    assert (root / ".l10n-cache" / summaries.FILE_NAME).is_file()
    read: list[Path] = []
    real = summaries.read_catalog
    monkeypatch.setattr(summaries, "read_catalog", lambda path: read.append(path) or real(path))
    assert _report(root) == first and read == []  # the same report, the catalog not parsed
    # a changed catalog is read again, and the report follows it
    catalog.write_text(catalog.read_text("utf-8").replace('msgstr ""\n\nmsgid "10억',
                                                          'msgstr "x"\n\nmsgid "10억'), "utf-8")
    changed = _report(root)
    assert read == [catalog] and changed[1].entries.translated == 3
    assert changed[2][0]["entries"] == 3 and changed != first


def test_a_malformed_or_foreign_summary_is_never_trusted(tmp_path: Path) -> None:
    from l10n.progress import summaries

    root, _ = _summary_project(tmp_path)
    expected = _report(root)
    path = root / ".l10n-cache" / summaries.FILE_NAME
    data = json.loads(path.read_text("utf-8"))
    for bad in (["en", [1] * 11, ["x", 1, 1]], ["en", [-1] * 12, ["x", 1, 1]],
                ["en", [9] * 12, ["x", "1", 1]], "junk", None):
        data["summaries"] = {key: bad for key in data["summaries"]}
        path.write_text(json.dumps(data), "utf-8")
        assert _report(root) == expected
    data["summaries"] = {key: ["en", [9] * 12, ["Mallory", 9, 9]] for key in data["summaries"]}
    data["fingerprint"] = "another l10n"
    path.write_text(json.dumps(data), "utf-8")
    assert _report(root) == expected


def test_status_without_a_cache_folder_and_with_a_broken_catalog(tmp_path: Path) -> None:
    root, catalog = _summary_project(tmp_path)
    expected = _report(root)
    with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('cache = ""\n')
    assert _report(root) == expected
    catalog.write_text('msgid "a"\nmsgstr "b"\nmsgid "a"\n', "utf-8")  # not a catalog
    from l10n.errors import CatalogError

    with pytest.raises(CatalogError):
        _report(root)


_STATES = st.sampled_from(["translated", "fuzzy", "untranslated", "obsolete"])


@settings(max_examples=150, deadline=None, database=None)
@given(entries=st.lists(st.tuples(st.text("가나 다\t라.", min_size=1, max_size=8), _STATES),
                        max_size=8, unique_by=lambda item: item[0]),
       translator=st.sampled_from(["", "Kim <k@x>", "  Lee  "]))
def test_a_remembered_summary_equals_counting_the_catalog(tmp_path_factory, entries,
                                                          translator: str) -> None:
    from l10n.progress.counts import fallback_credit
    from l10n.progress.summaries import SummaryCache, summarise

    folder = tmp_path_factory.mktemp("s")
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en",
                   "Last-Translator": translator}
    for msgid, state in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr="" if state == "untranslated" else "x",
                                flags=["fuzzy"] if state == "fuzzy" else [],
                                obsolete=state == "obsolete"))
    path = folder / "c.po"
    path.write_text(format_catalog(po), "utf-8")
    fresh = summarise(path, name="c", language="en")
    assert fresh.credit == fallback_credit(read_catalog(path))
    first = SummaryCache(folder / "cache")
    assert first.summary(path, name="c", language="en") == fresh and first.dirty
    first.save()
    cache = SummaryCache(folder / "cache")
    remembered = cache.summary(path, name="c", language="en")
    assert remembered == fresh and remembered.catalog is None and not cache.dirty
    assert (attribute(folder, [path], fallback={path: remembered.credit})
            == attribute(folder, [path], fallback={path: read_catalog(path)}))
