"""The site and the review view in a real browser (headless Chromium via Playwright).

Every page is served from a local HTTP server (as it is deployed; axe-core reads the
stylesheets, which a file:// page forbids) and checked at 320, 390 and 1400 px for
horizontal overflow and with axe-core (axe-playwright-python ships the engine, so no
network is used). Screenshots at 390 and 1400 px are kept in test-artifacts/.

Skips on a machine without Chromium or Playwright, but never in CI (CI=true).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.publish import build_site

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
GOLDEN = Path(__file__).parent / "golden" / "build"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (320, 390, 1400)
BUNDLED = "fourth-industrial-revolution"
MARKDOWN = Path(__file__).parent / "golden" / "markdown"
CONSTRUCTS = ("table", "footnote", "image", "list", "html", "link")  # issue 17's Markdown
PAGES = ["index.html", "progress.html", f"{BUNDLED}.html", f"{BUNDLED}.en.html",
         "lists.html", "lists.en.html", "markdown.html", "markdown.en.html",
         "review/index.html", f"review/{BUNDLED}.html", "review/lists.html",
         "review/numbers.html", "review/markdown.html"]


def _images(folder: Path) -> None:
    """The pictures the Markdown essay shows (1x1 PNGs), so the pages load cleanly."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))
    folder.mkdir(exist_ok=True)
    for name in ("lighthouse.jpg", "icon.png", "a.png"):
        (folder / name).write_bytes(png)


def _markdown_essay(folder: Path, catalogs: Path) -> None:
    """One essay with every construct of tests/golden/markdown, translated from each
    case's english.txt (one line per catalog entry, in order)."""
    import polib

    (folder / "markdown.md").write_text("\n".join(
        (MARKDOWN / case / "essay.md").read_text("utf-8") for case in CONSTRUCTS), "utf-8")
    po = polib.pofile(str(GOLDEN / "essay.po"))
    for entry in list(po):
        po.remove(entry)
    for case in CONSTRUCTS:
        entries = [e for e in polib.pofile(str(MARKDOWN / case / "essay.pot")) if e.msgid]
        lines = (MARKDOWN / case / "english.txt").read_text("utf-8").splitlines()
        for entry, english in zip(entries, lines, strict=True):
            if po.find(entry.msgid) is None:
                po.append(polib.POEntry(msgid=entry.msgid, msgstr=english))
    po.save(str(catalogs / "markdown.po"))


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


def _axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("axe-playwright-python is required in CI")
        pytest.skip("axe-playwright-python not installed")
    return Axe()


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _playwright()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The bundled essay, an essay with lists, fuzzy and untranslated sentences, and one
    with findings of several families; built with the review view; served locally."""
    from l10n.glossary.terms import project_glossary
    from l10n.pipeline import project_catalogs
    from l10n.po.catalog import read_catalog
    from l10n.publish.review import project_findings

    from .conftest import PYPROJECT, ROOT

    root = tmp_path_factory.mktemp("bundled")
    for name in ("source", "locales"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "glossary.csv", root / "glossary.csv")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    catalogs = root / "locales/en/LC_MESSAGES"
    for name, folder in (("lists", GOLDEN), ("numbers", GOLDEN / "review")):
        shutil.copy(folder / "essay.md", root / "source/ko" / f"{name}.md")
        shutil.copy(folder / "essay.po", catalogs / f"{name}.po")
    _markdown_essay(root / "source/ko", catalogs)
    config = load_config(root)
    glossary = project_glossary(config)
    findings = project_findings(config, [(p, read_catalog(p)) for p in project_catalogs(config)],
                                glossary=glossary)
    from datetime import datetime

    from l10n.progress.counts import HistoryPoint
    from l10n.progress.report import history_svg

    history = [HistoryPoint(datetime(2026, 1, day), "c", essay, 10 * day * (i + 1), 100)
               for day in (1, 2, 3) for i, essay in enumerate(("a", "b", "c"))]
    report = build_site(config, out=root / "site", force=True, review=findings,
                        glossary=glossary, chart_svg=history_svg(history))
    assert report.essays[0].published
    _images(root / "site" / "img")
    # review/<essay>.html resolves a relative image URL under review/ (a known limit:
    # the source's URLs are not rebased for the review folder), so copies go there too
    _images(root / "site" / "review" / "img")
    server, url = _serve(root / "site")
    yield url
    server.shutdown()
    server.server_close()


def _open(browser, url: str, width: int, height: int = 900, **options):
    page = browser.new_page(viewport={"width": width, "height": height}, **options)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    return page, errors


def _shot(page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name.replace('/', '-')[:-5]}-{width}.png"),
                    full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_and_passes_axe(browser, site: str, name: str, width: int) -> None:
    axe = _axe()
    page, errors = _open(browser, site + name, width)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{name} is {overflow}px wide at {width}px"
    wide = page.evaluate(f"""Array.from(document.querySelectorAll('main *'))
        .filter(el => el.getBoundingClientRect().right > {width} + 1
                      && !el.closest('.scroll'))
        .map(el => el.tagName + '.' + el.className).slice(0, 5)""")
    assert wide == [], f"{name}: cut off at {width}px: {wide}"
    results = axe.run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                  for v in results.response["violations"]]
    assert violations == [], f"{name} at {width}px"
    assert results.response["passes"]  # axe really ran
    if width != 320:
        _shot(page, name, width)
    assert errors == []
    page.close()


def test_axe_finds_what_it_should(browser, tmp_path: Path) -> None:
    """The harness can fail: a page without <main> and with a low-contrast text."""
    axe = _axe()
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<p style="color:#bbb">faint</p></body></html>', encoding="utf-8")
    server, url = _serve(tmp_path)
    try:
        page, _ = _open(browser, url + "bad.html", 1024)
        ids = {v["id"] for v in axe.run(page).response["violations"]}
        page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert {"landmark-one-main", "color-contrast"} <= ids


def test_desktop_rows_line_up_and_pairing_shows(browser, site: str) -> None:
    page, errors = _open(browser, site + f"{BUNDLED}.html", 1280)
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
    # the two columns are set in one size and leading
    style = page.evaluate("""['#ko-p2s1', '#en-p2s1'].map(s => {
        const c = getComputedStyle(document.querySelector(s));
        return [c.fontSize, c.lineHeight]; })""")
    assert style[0] == style[1]
    assert errors == []
    page.close()


def test_list_items_stay_level_with_their_translation(browser, site: str) -> None:
    page, _ = _open(browser, site + "lists.html", 1400)
    for anchor in ("p5", "p6"):
        ko = page.query_selector(f"#ko-{anchor}s1").bounding_box()
        en = page.query_selector(f"#en-{anchor}s1").bounding_box()
        assert abs(ko["y"] - en["y"]) <= 1
    assert page.evaluate("document.querySelectorAll('ul.ko > li, ul.en > li').length") == 4
    page.close()
    page, _ = _open(browser, site + "lists.html", 390)  # stacked item by item
    boxes = [page.query_selector(s).bounding_box()["y"]
             for s in ("#ko-p5s1", "#en-p5s1", "#ko-p6s1", "#en-p6s1")]
    assert boxes == sorted(boxes) and len(set(boxes)) == 4
    page.close()


def test_markdown_constructs_side_by_side(browser, site: str) -> None:
    """Issue 17 on pages' design: nested lists are real nested lists in both columns with
    each top-level item level with its translation; a table has its header in <thead>
    on both sides; the image shows on both sides; a footnote reference reaches its note."""
    page, errors = _open(browser, site + "markdown.html", 1400)
    for side in ("ko", "en"):
        assert page.locator(f"ol.{side} > li > ul > li").count() == 2
        assert page.locator(f"ul.{side} > li > ol > li").count() == 2
        assert page.locator(f"div.{side} table thead th").count() == 3
        assert page.locator(f"div.{side} table tbody tr").count() == 2
        assert page.locator(f"div.{side} figure.image img").count() == 1
    assert page.get_attribute("div.en figure.image img", "alt") == "A lighthouse over the sea"
    for top in page.query_selector_all("ol.ko > li, ul.ko > li"):
        anchor = top.get_attribute("id")
        ko = page.query_selector(f"#ko-{anchor}s1").bounding_box()
        en = page.query_selector(f"#en-{anchor}s1").bounding_box()
        assert abs(ko["y"] - en["y"]) <= 1, anchor
    assert page.locator("div.en div.html script, div.ko div.html script").count() == 0
    page.locator("div.ko sup.fnref a").first.click()
    assert page.evaluate("location.hash") == "#fn-1"
    assert errors == []
    page.close()


def test_narrow_screen_stacks_korean_above_english(browser, site: str) -> None:
    page, errors = _open(browser, site + f"{BUNDLED}.html", 390)
    for row in page.query_selector_all("section.row"):
        ko = row.query_selector(".ko").bounding_box()
        en = row.query_selector(".en").bounding_box()
        assert en["y"] >= ko["y"] + ko["height"] - 1
        assert en["width"] >= 300  # quotations are not squeezed
    assert errors == []
    page.close()


def test_keyboard_one_stop_per_pair_and_arrow_keys(browser, site: str) -> None:
    page, errors = _open(browser, site + f"{BUNDLED}.html", 1280)
    stops = page.evaluate("document.querySelectorAll('main [tabindex=\"0\"]').length")
    assert stops == 23  # one per paragraph pair (a sentence per sentence would be 60+)
    page.focus("#ko-p5s1")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "ko-p5s2"
    assert "active" in page.get_attribute("#en-p5s2", "class")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "en-p5s2"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.id") == "ko-p5s2"
    # the row keeps one stop, now where the reader left it
    assert page.get_attribute("#ko-p5s2", "tabindex") == "0"
    assert page.get_attribute("#ko-p5s1", "tabindex") == "-1"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ko-p6s1"  # next paragraph
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    assert errors == []
    page.close()


def test_tap_pairs_a_sentence_with_its_translation(browser, site: str) -> None:
    page, errors = _open(browser, site + f"{BUNDLED}.html", 390, has_touch=True,
                         is_mobile=True)
    page.tap("#en-p5s1")
    assert "pinned" in page.get_attribute("#ko-p5s1", "class")
    page.tap("#ko-p6s1")
    assert "pinned" not in page.get_attribute("#ko-p5s1", "class")
    assert "pinned" in page.get_attribute("#en-p6s1", "class")
    assert errors == []
    page.close()


@pytest.mark.parametrize(("size", "side_by_side"), [((1123, 794), True), ((794, 1123), False)])
def test_print_side_by_side_on_landscape_stacked_on_portrait(browser, site: str, size,
                                                             side_by_side: bool) -> None:
    page, _ = _open(browser, site + f"{BUNDLED}.html", *size)
    page.emulate_media(media="print")
    row = page.query_selector("section.row#p2")
    ko, en = row.query_selector(".ko").bounding_box(), row.query_selector(".en").bounding_box()
    assert (abs(ko["y"] - en["y"]) <= 1) is side_by_side
    assert page.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / f"print-{'landscape' if side_by_side else 'portrait'}.pdf"),
             format="A4", landscape=side_by_side)
    page.close()


def test_review_filters_by_severity_family_and_flagged_rows(browser, site: str) -> None:
    page, errors = _open(browser, site + "review/numbers.html", 1400)
    visible = "el => el.filter(e => e.offsetParent !== null).length"
    total = page.eval_on_selector_all(".finding", "el => el.length")
    # 9: five errors, and four warnings (one K001: the sentence is translated differently in lists.po)
    assert total == 9 and page.eval_on_selector_all(".finding", visible) == 9
    assert page.is_visible("#filters")  # shown once the script runs
    page.uncheck("input[name=severity][value=warning]")
    assert page.eval_on_selector_all(".finding", visible) == 5  # the errors
    assert page.eval_on_selector_all(".finding.sev-warning", visible) == 0
    assert page.inner_text("#shown-count") == "5"
    page.uncheck("input[name=family][value=glossary]")
    assert page.eval_on_selector_all(".finding", visible) == 2
    assert page.eval_on_selector_all(".marker[data-family=glossary]", visible) == 0
    assert page.eval_on_selector_all(".marker[data-family=numbers]", visible) == 1
    page.check("input[name=only-flagged]")
    rows = page.eval_on_selector_all("section.row", visible)
    assert rows == 2  # the number and the Hangul/whitespace sentences
    page.uncheck("input[name=only-flagged]")
    page.check("input[name=severity][value=warning]")
    page.check("input[name=family][value=glossary]")
    assert page.eval_on_selector_all(".finding", visible) == 9
    first = page.get_attribute(".finding[data-pair]", "id")
    page.hover(f"#{first}")  # a finding highlights its sentence pair
    pair = page.get_attribute(f"#{first}", "data-pair")
    assert "active" in page.get_attribute(f"#ko-{pair}", "class")
    assert errors == []
    page.close()


def test_review_without_script_shows_every_finding(browser, site: str) -> None:
    page = browser.new_page(java_script_enabled=False, viewport={"width": 1400, "height": 900})
    page.goto(site + "review/numbers.html")
    assert page.eval_on_selector_all(".finding", "el => el.filter(e => e.offsetParent).length") == 9
    assert not page.is_visible("#filters")  # filters need the script; nothing is hidden
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
    from l10n.publish.review import project_findings

    config = load_config(root)
    from l10n.po.catalog import read_catalog

    findings = project_findings(config, [(po, read_catalog(po))])
    build_site(config, out=root / "site", force=True, review=findings)
    for name in ("x.html", "x.en.html", "review/x.html"):
        page, errors = _open(browser, (root / "site" / name).as_uri(), 1024)
        assert page.evaluate("window.__pwned === undefined")
        assert "window.__pwned = 1" in page.inner_text("body")
        page.close()


MARKDOWN_PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<iframe src="https://example.org/frame"></iframe>',
    '<img src="https://example.org/x.png" onerror="window.__pwned = 1">',
    "[click](javascript:window.__pwned=1)",
    "<javascript:window.__pwned=1> <https://example.org/auto>",
    "![x](https://example.org/img.png)",
    "&lt;script&gt; `code` **bold** | a | b |",
]


def test_bilingual_markdown_renders_no_html_and_loads_nothing(browser, tmp_path: Path) -> None:
    """Issue 19, finding 7: the bilingual Markdown of an essay whose source and whose
    translations carry HTML and link payloads, rendered by markdown-it-py's CommonMark
    preset (raw HTML on, as Jekyll, MkDocs and GitHub Pages render), runs no script and
    requests nothing outside the page, whether the text is translated, fuzzy or not."""
    from markdown_it import MarkdownIt

    from .conftest import make_project

    html_block = '<div onclick="x">\n<script>window.__pwned = 1</script>\n</div>'
    fenced = "```\nclosing ``` fence\n````\n<script>window.__pwned = 1</script>\n```"
    sentences = [f"{index}번째 문장이다 {payload}." for index, payload
                 in enumerate(MARKDOWN_PAYLOADS)]
    source = ("# 제목 <script>window.__pwned = 1</script>\n\n" + " ".join(sentences) +
              "\n\n" + html_block + "\n\n" + "마지막 문단이다 <iframe src=\"https://example.org/"
              "k\"></iframe>.\n\n" + fenced + "\n")
    root = make_project(tmp_path / "md", {"x.md": source})
    from l10n.pipeline import update_project

    update_project(load_config(root))
    po_path = root / "locales/en/LC_MESSAGES/x.po"
    from l10n.po.catalog import format_catalog, read_catalog

    po = read_catalog(po_path)
    live = [entry for entry in po if not entry.obsolete]
    for number, entry in enumerate(live):  # translated, fuzzy and untranslated ones
        if number % 3 != 2:
            entry.msgstr = MARKDOWN_PAYLOADS[number % len(MARKDOWN_PAYLOADS)] + " Done."
        if number % 3 == 1:
            entry.flags.append("fuzzy")
    po_path.write_text(format_catalog(po), encoding="utf-8")
    build_site(load_config(root), out=root / "site", force=True)
    markdown = (root / "site" / "x.bilingual.md").read_text("utf-8")
    body = MarkdownIt("commonmark").render(markdown)
    page_file = root / "site" / "x.bilingual.html"
    page_file.write_text(f"<!doctype html><meta charset=utf-8><body>{body}</body>", "utf-8")
    page = browser.new_page()
    requests: list[str] = []
    page.route("**/*", lambda route: (requests.append(route.request.url)
                                      if not route.request.url.startswith("file:") else None,
                                      route.continue_() if route.request.url.startswith(
                                          "file:") else route.abort()))
    page.goto(page_file.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert requests == []
    counts = page.evaluate("""() => ({
        scripts: document.querySelectorAll('body script').length,
        frames: document.querySelectorAll('iframe, img, object, embed').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes]
            .some(a => a.name.startsWith('on'))).length,
        links: [...document.querySelectorAll('a')].map(a => a.href)})""")
    assert counts == {"scripts": 0, "frames": 0, "handlers": 0, "links": []}
    text = page.inner_text("body")
    assert "<script>window.__pwned = 1</script>" in text  # shown as text, not run
    assert "closing ``` fence" in text
    page.close()
