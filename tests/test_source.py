"""Reading essays: Markdown block structure, line numbers, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import SourceError
from l10n.model import BlockKind
from l10n.source import decode_source, essay_name, parse_essay, read_essay

from .conftest import ESSAY, ROOT

MARKDOWN = """\
---
title: 시험
date: 2017-05-01
---
# 제목이다

첫 문단이다. 둘째 문장은 *강조*와 [링크](https://example.com)를 담는다.

> 인용문이다.
> 이어지는 줄이다.

- 첫 항목이다.
- 둘째 항목이다.

1. 번호 항목이다.

```
코드는 번역하지 않는다.
```
"""


def test_markdown_blocks_kinds_lines_and_inline_markup() -> None:
    essay = parse_essay(MARKDOWN, name="t", path="t.md")
    kinds = [(b.kind, b.line) for b in essay.blocks]
    assert kinds == [(BlockKind.FIELD, 2), (BlockKind.HEADING, 5), (BlockKind.PARAGRAPH, 7),
                     (BlockKind.QUOTE, 9), (BlockKind.LIST_ITEM, 12), (BlockKind.LIST_ITEM, 13),
                     (BlockKind.LIST_ITEM, 15), (BlockKind.CODE, 17)]
    essay = parse_essay(MARKDOWN, name="t", path="t.md", fields=())
    assert essay.blocks[6].sentences == ()  # code is never translated
    assert essay.meta == {"title": "시험", "date": "2017-05-01"}
    assert essay.blocks[1].sentences[1].text == "둘째 문장은 *강조*와 [링크](https://example.com)를 담는다."
    assert essay.blocks[5].ordered and not essay.blocks[3].ordered
    assert [b.number for b in essay.blocks[3:6]] == [0, 0, 1]
    quote = essay.blocks[2]
    assert [s.line for s in quote.sentences] == [9, 10]
    assert [s.msgid for s in quote.sentences] == ["인용문이다.", "이어지는 줄이다."]


def test_soft_line_break_inside_a_sentence_folds_to_one_space() -> None:
    essay = parse_essay("첫 줄과\n둘째 줄이 한 문장이다.\n", name="t", path="t.md")
    sentence = essay.blocks[0].sentences[0]
    assert sentence.text == "첫 줄과\n둘째 줄이 한 문장이다." and sentence.msgid == "첫 줄과 둘째 줄이 한 문장이다."


def test_plain_text_essay_paragraphs() -> None:
    essay = parse_essay("첫 문단이다.\n\n\n둘째 문단이다.\n계속된다.\n", name="t", path="t.txt")
    assert [(b.kind, b.line) for b in essay.blocks] == [(BlockKind.PARAGRAPH, 1),
                                                       (BlockKind.PARAGRAPH, 4)]


def test_bundled_essay_structure_and_wording() -> None:
    essay = read_essay(ESSAY, root=ROOT)
    headings = [b.text for b in essay.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["3차는 있었나? 중소기업들에게 4차 산업 혁명이란...",
                        "초연결, 그리고 초지능... 어떻게?", "플랫폼만이 살길."]
    assert sum(b.kind is BlockKind.QUOTE for b in essay.blocks) == 4
    seed = ROOT.parent.parent / "shared" / "seed"
    if seed.is_dir():  # the wording is the seed's, line for line
        lines = next(seed.glob("*.txt")).read_text(encoding="utf-8").splitlines()
        assert [b.text for b in essay.blocks] == lines


@pytest.mark.parametrize(("data", "message", "line"), [
    (b"\xef\xbb\xbf# title\n", "byte-order mark", 1),
    ("# 제목\n\n본문이다.\n".encode("cp949"), "not valid UTF-8 (it decodes as CP949/EUC-KR)", 1),
    (b"# t\r\n\r\nx\r\n", "CR or CRLF", 1),
    (b"# t\n\nx\ry\n", "CR or CRLF", 3),
    (b"# t\n\nab\x00c\n", "NUL byte", 3),
])
def test_bad_bytes_are_one_clear_error(data: bytes, message: str, line: int) -> None:
    with pytest.raises(SourceError) as info:
        decode_source(data, "essay.md")
    assert message in str(info.value) and info.value.line == line
    assert str(info.value).startswith(f"essay.md:{line}: ")
    assert info.value.hint  # says what to do


def test_empty_essay_is_an_error() -> None:
    with pytest.raises(SourceError, match="essay has no text"):
        parse_essay("\n\n   \n", name="e", path="e.md")


@pytest.mark.parametrize("name", ["a\nb.md", "a\u2028b.md", "a\x85b.md", ".x.md", "..md"])
def test_unsafe_essay_names_are_refused(name: str) -> None:
    with pytest.raises(SourceError, match="cannot name a catalog"):
        essay_name(Path(name))


@pytest.mark.parametrize("name", ["my essay.md", "에세이.md", "첫-에세이.md", "-x.md", "x;y.md"])
def test_any_other_essay_name_is_accepted(name: str) -> None:
    assert essay_name(Path(name)) == name[:-3]


def test_symlink_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("밖에 있다.\n", encoding="utf-8")
    root = tmp_path / "proj"
    (root / "source").mkdir(parents=True)
    link = root / "source" / "link.md"
    link.symlink_to(outside)
    with pytest.raises(SourceError, match="outside the project"):
        read_essay(link, root=root)


def test_one_parser_for_every_essay_shares_no_state_between_them() -> None:
    """The Markdown parser is built once a process; an essay parsed after others (the
    same footnote labels, front matter, tables) reads exactly as with a fresh parser."""
    from l10n.blocks import _parser
    from l10n.source import draft_essay

    first = MARKDOWN + "\n각주가 있다.[^1]\n\n[^1]: 첫 글의 각주다.\n"
    second = ("---\ntitle: 둘째\n---\n둘째 글이다.[^1] 없는 각주도 있다.[^2]\n\n"
              "| 가 | 나 |\n|---|---|\n| 셀이다. | 또 셀이다. |\n")
    _parser.cache_clear()
    fresh = draft_essay(second, name="b", path="b.md")
    draft_essay(first, name="a", path="a.md")
    assert _parser() is _parser()
    again = draft_essay(second, name="b", path="b.md")
    assert again == fresh
    assert any(block.kind is BlockKind.FOOTNOTE
               for block in draft_essay(first, name="a", path="a.md").raw)
