"""The bundled essay's page in a real browser (headless Chromium via Playwright).

Skips on a machine without Chromium or Playwright, but never in CI (CI=true).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.publish import build_site

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and Playwright are required in CI")
        pytest.skip("Chromium or Playwright not installed")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _playwright()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def page_url(tmp_path_factory, request) -> str:
    from .conftest import PYPROJECT, ROOT

    root = tmp_path_factory.mktemp("bundled")
    for name in ("source", "locales"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "glossary.csv", root / "glossary.csv")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    report = build_site(load_config(root), out=root / "site")
    assert report.essays[0].published
    return (root / "site" / "fourth-industrial-revolution.html").as_uri()


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    return page, errors


def test_desktop_paragraphs_line_up_and_hover_highlights(browser, page_url: str) -> None:
    page, errors = _open(browser, page_url, 1280)
    rows = page.query_selector_all("section.row")
    assert len(rows) == 23
    for row in rows:
        ko = row.query_selector(".ko").bounding_box()
        en = row.query_selector(".en").bounding_box()
        assert abs(ko["y"] - en["y"]) <= 1, row.get_attribute("id")
        assert en["x"] > ko["x"] + ko["width"]  # side by side
    page.hover("#ko-p5s2")
    assert "active" in page.get_attribute("#en-p5s2", "class")
    assert "active" not in page.get_attribute("#en-p5s1", "class")
    page.focus("#en-p2s1")
    assert "active" in page.get_attribute("#ko-p2s1", "class")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "bilingual-desktop.png"), full_page=True)
    assert errors == []
    page.close()


def test_narrow_screen_stacks_korean_above_english(browser, page_url: str) -> None:
    page, errors = _open(browser, page_url, 375)
    for row in page.query_selector_all("section.row"):
        ko = row.query_selector(".ko").bounding_box()
        en = row.query_selector(".en").bounding_box()
        assert en["y"] >= ko["y"] + ko["height"] - 1
        assert en["width"] <= 375
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "bilingual-375.png"))
    assert errors == []
    page.close()


def test_xss_payloads_do_not_run(browser, tmp_path: Path) -> None:
    from .conftest import make_project

    root = make_project(tmp_path / "x", {"x.md": "첫 문장이다. 둘째 문장이다.\n"})
    po = root / "locales/en/LC_MESSAGES/x.po"
    po.parent.mkdir(parents=True)
    payloads = ['<script>window.__pwned = 1</script>',
                '<img src=x onerror="window.__pwned = 1">']
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'msgid "첫 문장이다."\nmsgstr "{payloads[0]}"\n\n'
                  f'msgid "둘째 문장이다."\nmsgstr "{payloads[1].replace(chr(34), chr(92) + chr(34))}"\n',
                  encoding="utf-8")
    build_site(load_config(root), out=root / "site", force=True)
    for name in ("x.html", "x.en.html"):
        page, errors = _open(browser, (root / "site" / name).as_uri(), 1024)
        assert page.evaluate("window.__pwned === undefined")
        assert "window.__pwned = 1" in page.inner_text("body")
        page.close()
