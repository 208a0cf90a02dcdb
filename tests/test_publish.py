"""`l10n build`: golden HTML, escaping, publication gate, determinism, bilingual Markdown."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.errors import PublishError
from l10n.publish import build_site
from l10n.publish.inline import render_inline

from .conftest import make_project

GOLDEN = Path(__file__).parent / "golden" / "build"
REGEN = os.environ.get("L10N_REGEN_GOLDEN") == "1"


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {"essay.md": (GOLDEN / "essay.md").read_text("utf-8")},
                        glossary=(GOLDEN / "glossary.csv").read_text("utf-8"))
    po = root / "locales/en/LC_MESSAGES/essay.po"
    po.parent.mkdir(parents=True)
    shutil.copy(GOLDEN / "essay.po", po)
    return root


def build(root: Path, **kwargs):
    return build_site(load_config(root), out=root / "site", **kwargs)


def test_unfinished_essay_is_not_published_and_index_says_why(site_project: Path) -> None:
    report = build(site_project)
    page = report.essays[0]
    assert not page.published and "translated, needs 100%" in page.reason
    index = (site_project / "site/index.html").read_text("utf-8")
    assert "not published:" in index and "needs 100%" in index
    assert not (site_project / "site/essay.html").exists()


def test_forced_build_matches_golden_html(site_project: Path) -> None:
    build(site_project, force=True)
    for name in ("index.html", "essay.html", "essay.en.html", "essay.bilingual.md"):
        produced = site_project / "site" / name
        if REGEN:
            shutil.copy(produced, GOLDEN / name)
        assert produced.read_text("utf-8") == (GOLDEN / name).read_text("utf-8"), name


def test_rebuild_is_byte_identical(site_project: Path) -> None:
    build(site_project, force=True)
    first = {p.name: p.read_bytes() for p in (site_project / "site").iterdir()}
    build(site_project, force=True)
    assert {p.name: p.read_bytes() for p in (site_project / "site").iterdir()} == first


def test_translations_are_escaped_and_links_filtered(site_project: Path) -> None:
    build(site_project, force=True)
    html = (site_project / "site/essay.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html
    assert '<a href="https://example.com/p">read more</a>' in html
    assert "<em>only</em>" in html


def test_untranslated_and_fuzzy_are_marked_and_never_mixed_into_english(site_project: Path
                                                                         ) -> None:
    build(site_project, force=True)
    bilingual = (site_project / "site/essay.html").read_text("utf-8")
    english = (site_project / "site/essay.en.html").read_text("utf-8")
    assert 'class="s fuzzy"' in bilingual and 'class="s untranslated"' in bilingual
    assert "Yet we are lonely" not in english  # fuzzy stays out of the English page
    assert "아무도" not in english and "[…]" in english  # no Korean, a visible gap
    assert 'lang="ko"' in bilingual and 'lang="en"' in bilingual


def test_page_chrome_uses_babel_for_dates_and_language_names(site_project: Path) -> None:
    essay = site_project / "source/ko/essay.md"
    essay.write_text("---\ndate: 2017-05-01\n---\n" + essay.read_text("utf-8"), "utf-8")
    build(site_project, force=True)
    html = (site_project / "site/essay.html").read_text("utf-8")
    assert "2017년 5월 1일" in html and "May 1, 2017" in html
    assert "한국어" in html and "English" in html


def test_no_external_resources(site_project: Path) -> None:
    build(site_project, force=True)
    for page in (site_project / "site").glob("*.html"):
        text = page.read_text("utf-8")
        assert "http://" not in text.replace('href="https://example.com/p"', "")
        assert 'src="http' not in text and "//fonts." not in text


def test_refuses_to_build_into_the_project(site_project: Path) -> None:
    with pytest.raises(PublishError, match="refusing"):
        build_site(load_config(site_project), out=site_project)


@pytest.mark.parametrize(("text", "html"), [
    ("*강조*와 `코드`", "<em>강조</em>와 <code>코드</code>"),
    ("<b>굵게</b>", "<b>굵게</b>"),  # a formatting tag without attributes is kept
    ("<b>열린 채", "<b>열린 채</b>"),  # ... and closed within the sentence
    ("닫기만</i> 한다", "닫기만&lt;/i&gt; 한다"),
    ('<b onclick="x()">굵게</b>', '&lt;b onclick="x()"&gt;굵게</b>'.replace("</b>", "&lt;/b&gt;")),
    ('<a href="https://example.com">링크</a>를 본다', '<a href="https://example.com">링크</a>를 본다'),
    ('<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'),
    ("[다음 글](next.html)", '<a href="next.html">다음 글</a>'),
    ("[x](//evil.example/x)", "[x](//evil.example/x)"),
    ("그림 ![고양이](img/cat.png)이다", '그림 <img src="img/cat.png" alt="고양이" />이다'),
    ("본문이다.[^1]", '본문이다.<sup class="fnref"><a href="#fn-1">1</a></sup>'),
    ("[메일](mailto:a@b.c)", '<a href="mailto:a@b.c">메일</a>'),
    ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
    ("[x](data:text/html,hi)", "[x](data:text/html,hi)"),
])
def test_inline_rendering(text: str, html: str) -> None:
    assert render_inline(text) == html


def test_pages_that_are_no_longer_publishable_are_withdrawn(site_project: Path) -> None:
    build(site_project, force=True)
    assert (site_project / "site/essay.html").exists()
    build(site_project)  # not publishable without --force
    assert not (site_project / "site/essay.html").exists()
    assert not (site_project / "site/essay.en.html").exists()
    assert (site_project / "site/index.html").exists()


def test_code_blocks_are_shown_verbatim_and_escaped(site_project: Path) -> None:
    essay = site_project / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8") + "\n```\n<b>코드</b>\n```\n", "utf-8")
    build(site_project, force=True)
    html = (site_project / "site/essay.html").read_text("utf-8")
    assert html.count('<pre class="code"><code>&lt;b&gt;코드&lt;/b&gt;</code></pre>') == 2
