"""Issue 17 in a real browser: the English page of an essay with a table, a footnote, an
image and a nested list shows no Korean and no literal Markdown (headless Chromium via
Playwright, as tests/test_browser.py runs it; skips without them, but never in CI)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from l10n.config import load_config
from l10n.glossary.terms import project_glossary
from l10n.pipeline import update_project
from l10n.po.catalog import read_catalog, write_catalog
from l10n.publish import build_site

from .conftest import fixed_clock, make_project
from .test_browser import ARGS, CHROMIUM, _playwright

GOLDEN = Path(__file__).parent / "golden" / "markdown"
CASES = ("table", "footnote", "image", "list")


def _translations() -> dict[str, str]:
    english = {}
    for case in CASES:
        entries = [e for e in polib.pofile(str(GOLDEN / case / "essay.pot")) if not e.obsolete]
        lines = (GOLDEN / case / "english.txt").read_text("utf-8").splitlines()
        english.update(zip((e.msgid for e in entries), lines, strict=True))
    return english


@pytest.fixture(scope="module")
def english_page(tmp_path_factory) -> Path:
    essay = "\n".join((GOLDEN / case / "essay.md").read_text("utf-8") for case in CASES)
    root = make_project(tmp_path_factory.mktemp("md") / "p", {"essay.md": essay})
    config = load_config(root)
    update_project(config, clock=fixed_clock, glossary=project_glossary(config))
    po_path = config.po_path("essay", "en")
    po = read_catalog(po_path)
    english = _translations()
    for entry in po:
        entry.msgstr = english[entry.msgid]
    write_catalog(po, po_path)
    report = build_site(config, out=root / "site")
    assert report.essays[0].published, report.essays[0].reason
    return root / "site" / "essay.en.html"


def test_english_page_shows_no_korean_and_no_literal_markdown(english_page: Path) -> None:
    sync_playwright = _playwright()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(english_page.as_uri())
            text = page.inner_text("article")
            assert not re.search(r"[\uac00-\ud7a3]", text), text
            for markdown in ("|", "[^", "![", "](", "**", "---", ":--"):
                assert markdown not in text, (markdown, text)
            assert not re.search(r"(?m)^\s*(?:[-*+]|\d+\.)\s", text), text
            assert page.locator("article table th").count() == 3
            assert page.locator("article table td").count() == 6
            assert page.locator("article ol > li > ul > li").count() == 2
            assert page.locator("article ul > li > ol > li").count() == 2
            assert page.locator("article ol > li").nth(1).inner_text().startswith("Snacks")
            image = page.locator("article figure img")
            assert image.get_attribute("alt") == "A lighthouse over the sea"
            page.locator("article sup.fnref a").first.click()
            assert page.evaluate("location.hash") == "#fn-1"
            assert page.locator("#fn-1").inner_text().endswith(
                "It follows the 2020 Statistics Korea data.")
            assert not [url for url in requests if not url.startswith("file:")]
        finally:
            browser.close()
