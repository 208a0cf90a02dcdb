"""The Markdown parser parses inline markup only where the blocks depend on it
(``blocks._inline_where_needed``): the blocks are those of a full parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n import blocks

ROOT = Path(__file__).parent.parent
ESSAYS = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("source/**/*.md")})

CASES = {
    "image": "# 제목\n\n![대체 글](a.png \"제목 글\")\n\n문장입니다.\n",
    "image with text": "앞 ![대체](a.png) 뒤.\n",
    "footnotes": "첫 문장[^b]. 둘째[^a].\n\n[^a]: 가 주석.\n\n[^b]: 나 주석.\n\n"
                 "[^unused]: 쓰이지 않는 주석.\n",
    "inline footnote": "본문^[안의 주석] 이어서[^x].\n\n[^x]: 정의.\n",
    "reference in a footnote": "본문[^a].\n\n[^a]: 주석[^b].\n\n[^b]: 주석의 주석.\n",
    "escaped": "\\[^a] 아님.\n\n[^a]: 정의.\n",
    "list and quote": "- 하나 ![x](y.png)\n- 둘[^n]\n\n> 인용[^n]\n\n[^n]: 주.\n",
    "table": "| 가 | 나 |\n|---|---|\n| ![a](b.png) | 다[^t] |\n\n[^t]: 표 주석.\n",
}


def _full_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(
        footnote_plugin)


def _blocks_both_ways(text: str, monkeypatch) -> tuple:
    fast = blocks.markdown_blocks(text, "essay.md", notes=[])
    with monkeypatch.context() as patch:
        patch.setattr(blocks, "_parser", _full_parser)
        full = blocks.markdown_blocks(text, "essay.md", notes=[])
    return fast, full


@pytest.mark.parametrize("path", ESSAYS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_essay_gives_the_blocks_of_a_full_parse(path: Path, monkeypatch) -> None:
    fast, full = _blocks_both_ways(path.read_text(encoding="utf-8"), monkeypatch)
    assert fast == full


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_images_and_footnotes_give_the_blocks_of_a_full_parse(text: str, monkeypatch) -> None:
    fast, full = _blocks_both_ways(text, monkeypatch)
    assert fast == full


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["문장", "![a](b.png)", "[^a]", "^[주]", "[^a]: 주석",
                                 "\n\n", "\n", "- ", "> ", "# ", "*", "`", "[", "]", "^",
                                 "!", "\\", " ", "|", "---"]), max_size=30))
def test_any_mix_gives_the_blocks_of_a_full_parse(parts: list[str]) -> None:
    text = "".join(parts)
    fast = blocks.markdown_blocks(text, "essay.md", notes=[])
    original = blocks._parser
    blocks._parser = _full_parser
    try:
        full = blocks.markdown_blocks(text, "essay.md", notes=[])
    finally:
        blocks._parser = original
    assert fast == full


def test_plain_prose_is_not_parsed_inline() -> None:
    tokens = blocks._parser().parse("**굵은** 문장과 `코드`.\n\n![그림](a.png)\n")
    inline = [token for token in tokens if token.type == "inline"]
    assert inline[0].children == []  # nothing there the blocks depend on: not parsed
    assert [child.type for child in inline[1].children] == ["image"]
