"""extract/update over a project: golden files, determinism, GNU compatibility, safety."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.errors import CatalogError, ConcurrentRunError, SourceError
from l10n.glossary.terms import project_glossary
from l10n.pipeline import project_lock, update_project
from l10n.po.catalog import read_catalog, write_catalog

from .conftest import fixed_clock, make_project

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("L10N_REGEN_GOLDEN") == "1"
GNU = shutil.which("msgfmt") is not None


def run_update(root: Path, **kwargs):
    config = load_config(root)
    glossary = project_glossary(config)
    return update_project(config, clock=fixed_clock, glossary=glossary, **kwargs)


@pytest.fixture
def golden_project(tmp_path: Path) -> Path:
    case = GOLDEN / "basic"
    return make_project(tmp_path / "p", {"essay.md": (case / "essay.md").read_text("utf-8")},
                        glossary=(case / "glossary.csv").read_text("utf-8"))


def test_update_matches_golden_files(golden_project: Path) -> None:
    run_update(golden_project)
    for produced, expected in [
        (golden_project / "locales/templates/essay.pot", GOLDEN / "basic" / "essay.pot"),
        (golden_project / "locales/en/LC_MESSAGES/essay.po", GOLDEN / "basic" / "essay.po"),
    ]:
        if REGEN:
            shutil.copy(produced, expected)
        assert produced.read_bytes() == expected.read_bytes(), produced.name


def test_same_sentence_twice_is_one_entry_with_two_locations(golden_project: Path) -> None:
    run_update(golden_project)
    po = read_catalog(golden_project / "locales/en/LC_MESSAGES/essay.po")
    entry = po.find("초연결 사회는 우리의 삶을 바꾸었다.")
    assert entry.occurrences == [("source/ko/essay.md", "3"), ("source/ko/essay.md", "10")]
    assert not any(e.msgctxt for e in po)
    assert "glossary: 초연결 사회 → hyper-connected society" in entry.comment
    assert "초연결 →" not in entry.comment  # longest match only


def test_second_run_is_byte_identical(golden_project: Path) -> None:
    run_update(golden_project)
    files = sorted((golden_project / "locales").rglob("*.po*"))
    before = {p: p.read_bytes() for p in files}
    written = run_update(golden_project)
    assert {w.action for w in written} == {"unchanged"}
    assert {p: p.read_bytes() for p in files} == before


def test_template_keeps_its_creation_date_until_an_entry_changes(golden_project: Path) -> None:
    pot = golden_project / "locales/templates/essay.pot"
    run_update(golden_project)
    first = pot.read_bytes()
    config = load_config(golden_project)
    later = lambda: datetime(2027, 5, 6, 7, 8, tzinfo=UTC)  # noqa: E731
    # nothing changed: the old date stays, so the file does not change either
    written = update_project(config, clock=later, glossary=project_glossary(config))
    assert pot.read_bytes() == first and "unchanged" in {w.action for w in written}
    assert b"POT-Creation-Date: 2026-01-02 03:04+0000" in first
    # a damaged template (CRLF line ends from a Windows checkout) is read all the same
    pot.write_bytes(first.replace(b"\n", b"\r\n"))
    update_project(config, clock=later, glossary=project_glossary(config))
    assert pot.read_bytes() == first
    # an edited sentence: a new template, with today's date
    essay = golden_project / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8") + "\n새 문장이다.\n", "utf-8")
    update_project(config, clock=later, glossary=project_glossary(config))
    assert b"POT-Creation-Date: 2027-05-06 07:08+0000" in pot.read_bytes()
    # a template that is not UTF-8 any more is generated afresh, not an error
    pot.write_bytes(b"\xff\xfe broken")
    update_project(config, clock=later, glossary=project_glossary(config))
    assert read_catalog(pot).find("새 문장이다.") is not None


@pytest.mark.skipif(not GNU, reason="GNU gettext not installed")
def test_output_passes_msgfmt_and_msgcat_changes_nothing(bundled: Path) -> None:
    run_update(bundled)
    for path in sorted((bundled / "locales").rglob("*.po*")):
        subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], check=True)
        cat = subprocess.run(["msgcat", str(path)], check=True, capture_output=True)
        assert cat.stdout == path.read_bytes(), path


def test_bundled_catalog_is_up_to_date_and_complete(bundled: Path) -> None:
    po_path = bundled / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po"
    before = po_path.read_bytes()
    run_update(bundled)
    assert po_path.read_bytes() == before  # `l10n update` leaves it byte-identical
    po = read_catalog(po_path)
    assert po.percent_translated() == 100 and not po.fuzzy_entries()
    assert po.metadata["Last-Translator"] and po.metadata["Language-Team"]


def test_edit_keeps_translations(golden_project: Path) -> None:
    run_update(golden_project)
    po_path = golden_project / "locales/en/LC_MESSAGES/essay.po"
    po = read_catalog(po_path)
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    write_catalog(po, po_path)
    essay = golden_project / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8").replace("바꾸었다.", "크게 바꾸었다."), "utf-8")
    run_update(golden_project)
    after = read_catalog(po_path)
    changed = after.find("초연결 사회는 우리의 삶을 크게 바꾸었다.")
    assert "fuzzy" in changed.flags and changed.previous_msgid == "초연결 사회는 우리의 삶을 바꾸었다."
    old = {e.msgstr for e in po}
    assert old <= {e.msgstr for e in after}  # nothing lost (live, fuzzy or obsolete)


def test_second_concurrent_run_stops_with_a_clear_message(golden_project: Path) -> None:
    config = load_config(golden_project)
    with project_lock(config), pytest.raises(ConcurrentRunError, match="another l10n"):
        run_update(golden_project)


def test_file_edited_during_update_is_not_overwritten(golden_project: Path) -> None:
    run_update(golden_project)
    po_path = golden_project / "locales/en/LC_MESSAGES/essay.po"
    with pytest.raises(ConcurrentRunError, match="changed on disk"):
        write_catalog(read_catalog(po_path), po_path, expected_digest="0" * 64)


def test_po_syntax_error_names_the_line_and_touches_nothing(golden_project: Path) -> None:
    run_update(golden_project)
    po_path = golden_project / "locales/en/LC_MESSAGES/essay.po"
    broken = po_path.read_text("utf-8").replace('msgstr ""\n\n#', 'msgstr ""\nmsgstr "x"\n\n#', 1)
    po_path.write_text(broken, "utf-8")
    pot = golden_project / "locales/templates/essay.pot"
    pot_before = pot.read_bytes()
    with pytest.raises(CatalogError) as info:
        run_update(golden_project)
    assert info.value.line is not None and "syntax" in str(info.value)
    assert po_path.read_text("utf-8") == broken and pot.read_bytes() == pot_before


def test_wrong_language_header_is_refused(golden_project: Path) -> None:
    run_update(golden_project)
    po_path = golden_project / "locales/en/LC_MESSAGES/essay.po"
    po_path.write_text(po_path.read_text("utf-8").replace("Language: en", "Language: fr"), "utf-8")
    with pytest.raises(CatalogError, match="Language: fr"):
        run_update(golden_project)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_catalog_is_an_error(golden_project: Path) -> None:
    run_update(golden_project)
    folder = golden_project / "locales/en/LC_MESSAGES"
    folder.chmod(0o500)
    try:
        essay = golden_project / "source/ko/essay.md"
        essay.write_text(essay.read_text("utf-8") + "\n새 문단이다.\n", "utf-8")
        with pytest.raises(CatalogError, match="cannot write"):
            run_update(golden_project)
    finally:
        folder.chmod(0o700)


def test_missing_source_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {})
    shutil.rmtree(root / "source")
    with pytest.raises(Exception, match="source folder does not exist"):
        run_update(root)


def test_jobs_give_the_same_files_as_one_process(tmp_path: Path) -> None:
    from l10n.glossary.terms import read_glossary

    essays = {f"e{i:02d}.md": f"# 제목 {i}\n\n중소기업들에게 {i}번째 문장이다. 플랫폼만이 살길이다.\n"
              for i in range(10)}
    glossary = (GOLDEN / "basic" / "glossary.csv").read_text("utf-8")
    one = make_project(tmp_path / "one", essays, glossary=glossary)
    two = make_project(tmp_path / "two", essays, glossary=glossary)
    for root, jobs in ((one, 1), (two, 2)):
        config = load_config(root)
        update_project(config, clock=fixed_clock, jobs=jobs,
                       glossary=read_glossary(root / "glossary.csv"))
    files = sorted(p.relative_to(one) for p in (one / "locales").rglob("*.po*"))
    assert len(files) == 20
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    assert "#. glossary: 중소기업 → SME" in (one / "locales/en/LC_MESSAGES/e03.po").read_text()


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_first_bad_essay_in_file_order_is_reported_whatever_the_jobs(tmp_path: Path,
                                                                           jobs: int) -> None:
    essays = {f"e{i:02d}.md": f"# 제목 {i}\n\n{i}번째 문장이다.\n" for i in range(12)}
    essays["e03.md"] = essays["e09.md"] = "   \n"
    root = make_project(tmp_path / "p", essays)
    with pytest.raises(SourceError, match="essay has no text") as info:
        update_project(load_config(root), clock=fixed_clock, jobs=jobs)
    assert info.value.path.name == "e03.md"
    assert not (root / "locales/templates").exists() or not any(
        (root / "locales/templates").iterdir())  # nothing written


def test_unwritable_target_leaves_the_old_file_and_no_temporary(golden_project: Path,
                                                                 monkeypatch) -> None:
    """As root no file is unwritable, so the failing rename of the catalog (the second
    file committed, after the template) is simulated: the template is put back too."""
    import l10n.files

    run_update(golden_project)
    po_path = golden_project / "locales/en/LC_MESSAGES/essay.po"
    pot_path = golden_project / "locales/templates/essay.pot"
    before, pot_before = po_path.read_bytes(), pot_path.read_bytes()
    essay = golden_project / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8") + "\n새 문단이다.\n", "utf-8")
    exchange = l10n.files.exchange

    def refuse(folder, first, second):
        if second.endswith(".po"):
            raise CatalogError("cannot write: Permission denied", path=second)
        return exchange(folder, first, second)

    monkeypatch.setattr(l10n.files, "exchange", refuse)
    with pytest.raises(CatalogError, match="cannot write: Permission denied"):
        run_update(golden_project)
    assert po_path.read_bytes() == before
    assert pot_path.read_bytes() == pot_before
    assert not list(po_path.parent.glob(".*.tmp"))
