"""`l10n build`: golden HTML, escaping, publication gate, determinism, bilingual Markdown."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.config import load_config
from l10n.errors import PublishError
from l10n.publish import build_site
from l10n.publish.inline import render_inline

from .conftest import make_project

GOLDEN = Path(__file__).parent / "golden" / "build"
REGEN = os.environ.get("L10N_REGEN_GOLDEN") == "1"


def _project_from(folder: Path, root: Path) -> Path:
    """A project of ``folder``'s essay.md and essay.po, with the golden glossary."""
    root = make_project(root, {"essay.md": (folder / "essay.md").read_text("utf-8")},
                        glossary=(GOLDEN / "glossary.csv").read_text("utf-8"))
    po = root / "locales/en/LC_MESSAGES/essay.po"
    po.parent.mkdir(parents=True)
    shutil.copy(folder / "essay.po", po)
    return root


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    return _project_from(GOLDEN, tmp_path / "p")


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


# ---------------------------------------------------------------- lists, progress, review

def test_list_items_become_one_real_list_per_column(site_project: Path) -> None:
    build(site_project, force=True)
    html = (site_project / "site/essay.html").read_text("utf-8")
    assert html.count('<ul class="ko" lang="ko">') == 1 and html.count('<ul class="en" lang="en">') == 1
    assert 'class="list_item"' not in html  # no paragraphs posing as list items
    english = (site_project / "site/essay.en.html").read_text("utf-8")
    assert english.count("<ul>") == 1 and english.count("<li ") == 2


def test_one_tab_stop_per_paragraph_pair(site_project: Path) -> None:
    build(site_project, force=True)
    html = (site_project / "site/essay.html").read_text("utf-8")
    blocks = 6  # heading, paragraph, two quotes, two list items
    assert html.count('tabindex="0"') == blocks
    assert 'href="#p2" tabindex="-1"' in html  # the pilcrow link is not a second stop


def test_pages_have_landmarks_and_language(site_project: Path) -> None:
    build(site_project, force=True)
    for name in ("index.html", "essay.html", "essay.en.html", "progress.html"):
        html = (site_project / "site" / name).read_text("utf-8")
        assert html.count('<main id="content"') == 1, name
        assert '<html lang="en">' in html and 'href="#content"' in html, name
    bilingual = (site_project / "site/essay.html").read_text("utf-8")
    assert bilingual.count('<div class="ko" lang="ko">') == 4  # every non-list block


@pytest.mark.parametrize(("kinds", "expected"), [
    (["paragraph", "list_item", "list_item", "paragraph"], ["paragraph", ("list", 2), "paragraph"]),
    (["list_item", "list_item*", "list_item*"], [("list", 1), ("list", 2)]),  # ul then ol
    (["list_item", "paragraph", "list_item"], [("list", 1), "paragraph", ("list", 1)]),
    (["list_item", "list_item:2", "list_item"], [("list", 2)]),  # the nested list is in item 1
])
def test_group_rows(kinds: list[str], expected: list) -> None:
    from l10n.publish import Row
    from l10n.publish.structure import group_rows

    rows = []
    for index, kind in enumerate(kinds):
        level = 2 if kind.endswith(":2") else (1 if kind.startswith("list") else 0)
        rows.append(Row(f"p{index + 1}", kind.rstrip("*").split(":")[0], level, [],
                        ordered=kind.endswith("*")))
    got = [(g.kind, len(g.items)) if g.kind == "list" else g.kind for g in group_rows(rows)]
    assert got == expected


def test_progress_page_has_the_status_table_and_chart(site_project: Path) -> None:
    from datetime import datetime

    from l10n.progress.counts import TranslatorWork

    work = TranslatorWork("Kim <kim@example.com>", entries=4, chars=40,
                          first=datetime(2026, 1, 2), last=datetime(2026, 1, 3),
                          essays={"essay"})
    build(site_project, chart_svg='<svg role="img" aria-label="Translation progress"></svg>',
          translators=[work])
    html = (site_project / "site/progress.html").read_text("utf-8")
    assert "<th scope=\"row\">essay</th><td>en</td><td>51.2%</td>" in html
    assert "no: 51.2% translated, needs 100%" in html
    assert "Kim &lt;kim@example.com&gt;" in html and "2026-01-03" in html
    assert '<svg role="img"' in html
    index = (site_project / "site/index.html").read_text("utf-8")
    assert 'href="progress.html"' in index and 'href="review/index.html"' not in index


REVIEW = GOLDEN / "review"


@pytest.fixture
def review_project(tmp_path: Path) -> Path:
    return _project_from(REVIEW, tmp_path / "r")


def build_review(root: Path, **kwargs):
    from l10n.glossary.terms import project_glossary
    from l10n.pipeline import project_catalogs
    from l10n.po.catalog import read_catalog
    from l10n.publish.review import project_findings

    config = load_config(root)
    glossary = project_glossary(config)
    catalogs = [(p, read_catalog(p)) for p in project_catalogs(config)]
    findings = project_findings(config, catalogs, glossary=glossary)
    report = build_site(config, out=root / "site", review=findings, glossary=glossary, **kwargs)
    return report, findings


def test_review_page_matches_golden(review_project: Path) -> None:
    _, findings = build_review(review_project)
    families = {f.code[0] for f in findings}
    assert families >= {"C", "G", "N", "S", "W"}  # several families on one page
    for name, golden in (("essay.html", "review.html"), ("index.html", "review-index.html")):
        produced = review_project / "site/review" / name
        if REGEN:
            shutil.copy(produced, REVIEW / golden)
        assert produced.read_text("utf-8") == (REVIEW / golden).read_text("utf-8"), name


def test_review_shows_each_finding_on_its_sentence(review_project: Path) -> None:
    import re

    report, findings = build_review(review_project)
    assert not report.essays[0].published  # held back from the site, still reviewed
    assert not (review_project / "site/essay.html").exists()
    html = (review_project / "site/review/essay.html").read_text("utf-8")
    assert html.count('<li class="finding') == len(findings)
    # the forbidden rendering is listed under its list item, with the glossary entry
    item = re.search(r'<li class="finding sev-error" id="(f\d+)"[^>]*data-family="glossary" '
                     r'data-pair="p4s1">.*?</li>', html, re.S)
    assert item and "G002" in item.group(0) and "Hyperconnectivity" in item.group(0)
    assert ('Glossary: <span lang="ko">초연결</span> → hyper-connectivity' in item.group(0)
            and 'href="../../glossary.csv">glossary.csv:2</a>' in item.group(0))
    assert f'href="#{item.group(1)}"' in html  # the sentence's marker points at it
    assert 'id="en-p4s1" tabindex="-1">Hyperconnectivity matters</span>' in html
    assert 'class="s flagged flag-error" data-pair="p4s1"' in html
    # the translator's link: file:line, relative to the review folder
    assert ('<a href="../../locales/en/LC_MESSAGES/essay.po"><code>'
            'locales/en/LC_MESSAGES/essay.po:33</code></a>') in html
    # the summary counts and the filters offer exactly the families present
    assert '<span class="sev sev-error">5 errors</span>' in html
    for family in ("completeness", "glossary", "numbers", "script", "whitespace"):
        assert f'name="family" value="{family}"' in html
    assert 'value="tokens"' not in html


def test_review_escapes_translations_and_messages(site_project: Path) -> None:
    build_review(site_project)
    html = (site_project / "site/review/essay.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and 'href="javascript:' not in html
    assert 'src="http' not in html and "//fonts." not in html


def test_review_pages_are_withdrawn_when_built_without_review(review_project: Path) -> None:
    build_review(review_project)
    assert (review_project / "site/review/essay.html").exists()
    build(review_project)
    assert not (review_project / "site/review/essay.html").exists()
    assert not (review_project / "site/review/index.html").exists()
    assert (review_project / "site/index.html").exists()


def test_cli_build_review(review_project: Path) -> None:
    from typer.testing import CliRunner

    from l10n.cli import app

    result = CliRunner().invoke(app, ["build", "--project", str(review_project), "--out",
                                      str(review_project / "out"), "--review"])
    assert result.exit_code == 0, result.output
    assert "review: " in result.output and "8 finding(s), 5 error(s)" in result.output
    assert (review_project / "out/review/essay.html").exists()
    assert (review_project / "out/progress.html").exists()


@pytest.mark.parametrize(("text", "html"), [
    ("'초연결 사회' should be 'x'", '&#39;<span lang="ko">초연결 사회</span>&#39; should be &#39;x&#39;'),
    ("<b>중소기업</b> & co", '&lt;b&gt;<span lang="ko">중소기업</span>&lt;/b&gt; &amp; co'),
    ("no Korean", "no Korean"),
])
def test_messages_mark_korean_and_stay_escaped(text: str, html: str) -> None:
    from l10n.publish.review import mark_korean

    assert str(mark_korean(text)) == html


def test_review_rebuild_is_byte_identical(review_project: Path) -> None:
    build_review(review_project)
    site = review_project / "site"
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    build_review(review_project)
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == first
    assert Path("review/essay.html") in first


def test_group_rows_nests_deeper_items_in_the_item_before_them() -> None:
    """Markdown nests a list inside an item; the page must too (issue 17), and an item's
    later paragraph stays in it. Before the merge the run came out flat (depth classes)."""
    from l10n.model import Block, BlockKind
    from l10n.publish import Row
    from l10n.publish.structure import group_rows

    def row(anchor: str, level: int, *, ordered: bool = False, item: bool = True,
            number: int = 0) -> Row:
        block = Block(BlockKind.LIST_ITEM, "x", 1, level, ordered=ordered, item=item,
                      number=number)
        return Row(anchor, "list_item", level, [], ordered=ordered, block=block)

    rows = [row("p1", 1, ordered=True, number=3), row("p2", 2), row("p3", 2),
            row("p4", 1, ordered=True, number=4), row("p5", 1, ordered=True, item=False),
            row("p6", 3, ordered=True, number=1)]
    (group,) = group_rows(rows)
    assert group.ordered and group.start == 3 and [i.anchor for i in group.items] == ["p1", "p4"]
    first, second = group.items
    (inner,) = first.lists
    assert not inner.ordered and inner.depth == 2 and [i.anchor for i in inner.items] == ["p2", "p3"]
    assert [r.anchor for r in second.more] == ["p5"]
    (gap,) = second.lists  # a level-3 item straight under a level-1 item: an empty level 2
    assert gap.items[0].row is None and gap.items[0].lists[0].items[0].anchor == "p6"
    assert [r.anchor for r in group.rows] == ["p1", "p2", "p3", "p4", "p5", "p6"]


def test_build_with_review_runs_the_checks_once(review_project: Path, monkeypatch) -> None:
    """``build --review`` ran every check for the review, then the error-level ones again
    for the publication gate (a review debt); the gate now counts the review's findings,
    and decides as it does without --review."""
    from typer.testing import CliRunner

    import l10n.checks
    from l10n.cli import app

    po = review_project / "locales/en/LC_MESSAGES/essay.po"
    po.write_text(po.read_text("utf-8").replace('"#, fuzzy\\n"', ""), encoding="utf-8")
    (review_project / "pyproject.toml").write_text(
        (review_project / "pyproject.toml").read_text("utf-8") + "publish-threshold = 0\n",
        encoding="utf-8")
    runs = []
    real = l10n.checks.run_checks
    monkeypatch.setattr(l10n.checks, "run_checks",
                        lambda *a, **k: runs.append(1) or real(*a, **k))
    monkeypatch.setattr("l10n.publish.review.run_checks", l10n.checks.run_checks)
    outputs = {}
    for flags in ([], ["--review"]):
        runs.clear()
        result = CliRunner().invoke(app, ["build", "--project", str(review_project), *flags])
        assert result.exit_code == 0, result.output
        outputs[bool(flags)] = (result.output.splitlines()[0], len(runs))
    assert outputs[True][1] == 1  # once, for the review and the gate
    assert outputs[False][1] == 1  # without --review: the gate's run
    assert outputs[True][0] == outputs[False][0]
    assert "not published" in outputs[True][0] and "QA error" in outputs[True][0]


def test_bilingual_markdown_keeps_a_footnote_with_its_label() -> None:
    """A footnote's text is shown after its label, as its reference reads in the text
    (escaped, like every text): never as a stray paragraph (an end-to-end held-out run)."""
    import polib

    from l10n.publish.markdown import bilingual_markdown
    from l10n.source import parse_essay

    essay = parse_essay("본문에 각주가 있다.[^src] 다음 문장이다.\n\n[^src]: 출처는 연감이다.\n",
                        name="x", path="source/ko/x.md")
    po = polib.POFile()
    po.append(polib.POEntry(msgid="출처는 연감이다.", msgstr="The source is the yearbook."))
    text = bilingual_markdown(essay, po)
    assert "\\[^src\\]: 출처는 연감이다.\n\n\\[^src\\]: The source is the yearbook.\n" in text


def test_bilingual_markdown_keeps_the_essays_backslash_escapes() -> None:
    """An escaped asterisk of the essay (\\*: a literal *) reads in the export as in the
    essay, not with its backslash shown (a held-out essay); other markup stays escaped."""
    import polib
    from markdown_it import MarkdownIt

    from l10n.publish.markdown import bilingual_markdown
    from l10n.source import parse_essay

    essay = parse_essay("별표 \\*는 강조가 아니다. *강조*는 강조다.\n", name="x",
                        path="source/ko/x.md")
    po = polib.POFile()
    for sentence in essay.blocks[0].sentences:
        po.append(polib.POEntry(msgid=sentence.msgid, msgstr="The asterisk \\* is literal."))
    text = bilingual_markdown(essay, po)
    assert "별표 \\*는 강조가 아니다. \\*강조\\*는 강조다." in text
    assert "The asterisk \\* is literal." in text
    html = MarkdownIt("commonmark").render(text)
    assert "별표 *는" in html and "<em>" not in html and "\\" not in html


@settings(max_examples=500, deadline=None, database=None)
@given(text=st.text(alphabet=st.sampled_from(list("\\*_`[]<>&~|!#()-+=.1a가 \n")),
                    max_size=30))
def test_escaped_markdown_never_renders_markup(text: str) -> None:
    """Whatever a sentence holds, its escaped line renders as text: no tag, no link."""
    from markdown_it import MarkdownIt

    from l10n.publish.markdown import escape_markdown

    html = MarkdownIt("commonmark").render(escape_markdown(text))
    assert html == "" or (html.startswith("<p>") and "<" not in html[3:-5]), html
