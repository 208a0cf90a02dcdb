"""Real edit histories of the bundled essay: no translation is ever lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.po.catalog import read_catalog

from .test_pipeline import run_update

ESSAY = "source/ko/fourth-industrial-revolution.md"


def edit(old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / ESSAY
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), "utf-8")
    return apply


def rename(root: Path) -> None:
    (root / ESSAY).rename(root / "source/ko/industry-4.md")


def delete(root: Path) -> None:
    (root / ESSAY).unlink()
    (root / "source/ko/other.md").write_text("# 다른 글\n\n새 글이다.\n", "utf-8")


def reorder(root: Path) -> None:
    path = root / ESSAY
    blocks = path.read_text("utf-8").split("\n\n")
    blocks[1], blocks[2], blocks[-1], blocks[-2] = blocks[2], blocks[1], blocks[-2], blocks[-1]
    path.write_text("\n\n".join(blocks), "utf-8")


SCENARIOS = {
    "edit a word": edit("과감한 사업 방향 재편", "대담한 사업 방향 재편"),
    "insert a sentence": edit("하지만 고민하지 않을 수 없다.",
                              "하지만 고민하지 않을 수 없다. 시간이 많지 않다."),
    "delete a sentence": edit(" 앞으로 더 많은 일자리가 사라질 것이다.", ""),
    "split a sentence": edit("가발을 만들어 수출했고, 정부에서는", "가발을 만들어 수출했다. 정부에서는"),
    "merge two sentences": edit("성장은 어렵다. O2O 서비스가", "성장은 어렵고 O2O 서비스가"),
    "reorder paragraphs": reorder,
    "rename the essay": rename,
    "delete the essay": delete,
}


def all_translations(root: Path) -> list[str]:
    found = []
    for path in sorted((root / "locales/en/LC_MESSAGES").glob("*.po")):
        found += [e.msgstr for e in read_catalog(path) if e.msgstr]
    return found


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_translation_survives(scenario: str, bundled: Path) -> None:
    before = all_translations(bundled)
    assert len(before) == 39
    SCENARIOS[scenario](bundled)
    run_update(bundled)
    after = all_translations(bundled)
    lost = [text for text in before if text not in after]
    assert lost == [], f"{scenario}: {len(lost)} translations lost"
    # and the catalogs stay valid for GNU gettext
    import shutil
    import subprocess

    if shutil.which("msgfmt"):
        for path in (bundled / "locales/en/LC_MESSAGES").glob("*.po"):
            subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def test_renamed_essay_keeps_its_translations_live(bundled: Path) -> None:
    rename(bundled)
    run_update(bundled)
    new = read_catalog(bundled / "locales/en/LC_MESSAGES/industry-4.po")
    assert new.percent_translated() == 100 and not new.fuzzy_entries()
    old = read_catalog(bundled / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po")
    assert all(e.obsolete for e in old)  # retired, reported by C003, never deleted


def test_split_sentence_gets_its_share(bundled: Path) -> None:
    SCENARIOS["split a sentence"](bundled)
    run_update(bundled)
    po = read_catalog(bundled / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po")
    parts = [e for e in po if not e.obsolete and "fuzzy" in e.flags]
    assert len(parts) == 2 and all(e.msgstr for e in parts)
