"""Sentence segmentation: the hard cases, losslessness, and accuracy on the gold set."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.korean.segment import split_sentences, split_spans

from .conftest import DATA
from .gold import boundary_scores, read_gold

CASES = [
    # ellipsis at the end of a sentence, and inside one
    ("요즘은 정말 바쁘다... 읽을 거리가 넘쳐난다.", ["요즘은 정말 바쁘다...", "읽을 거리가 넘쳐난다."]),
    ("배는 고프고 짜증은 나고... 그래서 김밥을 먹었다.", ["배는 고프고 짜증은 나고... 그래서 김밥을 먹었다."]),
    ("초연결, 그리고 초지능... 어떻게?", ["초연결, 그리고 초지능... 어떻게?"]),
    # ? followed by digits
    ("그럴까? 10.5%가 찬성했다.", ["그럴까?", "10.5%가 찬성했다."]),
    # a space before ?
    ("어떤 모습일까 ? 사전적인 정의를 찾아 보자.", ["어떤 모습일까 ?", "사전적인 정의를 찾아 보자."]),
    # decimals and dates do not split
    ("2016년 1월 20일 3.5%가 올랐다. 다음 날 내렸다.", ["2016년 1월 20일 3.5%가 올랐다.", "다음 날 내렸다."]),
    # a quotation of several sentences keeps its quotes with its first and last sentence
    ('"나는 간다. 너는 남아라." 그리고 떠났다.', ['"나는 간다.', '너는 남아라."', "그리고 떠났다."]),
    # a question inside a quotation is not a boundary
    ('그는 "왜? 정말?"이라고 물었다. 나는 몰랐다.', ['그는 "왜? 정말?"이라고 물었다.', "나는 몰랐다."]),
    # English abbreviations inside Korean
    ("Mr. Kim은 U.S.에서 왔다. 그는 v1.2.3을 썼다.", ["Mr. Kim은 U.S.에서 왔다.", "그는 v1.2.3을 썼다."]),
    # an unpunctuated ending where a reader clearly breaks
    ("정말 좋았다 하지만 곧 떠났다.", ["정말 좋았다", "하지만 곧 떠났다."]),
    # parentheses
    ("그 회사(2010년 설립)는 성장했다. 지금은 크다.", ["그 회사(2010년 설립)는 성장했다.", "지금은 크다."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_empty_and_blank_text_has_no_sentences() -> None:
    assert split_spans(["", "   \n "]) == [[], []]


korean_prose = st.lists(
    st.sampled_from(["그는", "갔다.", "정말?", "...", "10.5%가", "\"왜?\"", "Mr.", "AI", "(주)",
                     "하지만", "있다", "!", "…", "2016년", "1월", "  ", "\n", "ㅋㅋ", "다.\"", "'"]),
    min_size=0, max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(korean_prose, st.text(max_size=80)))
def test_segment_then_join_gives_back_the_text(text: str) -> None:
    spans = split_spans([text])[0]
    rebuilt, pos = [], 0
    for start, end in spans:
        assert start >= pos and end > start
        assert text[pos:start].strip() == ""  # only whitespace between sentences
        rebuilt.append(text[pos:start])
        rebuilt.append(text[start:end])
        pos = end
    assert text[pos:].strip() == ""
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == text
    for start, end in spans:  # no sentence starts or ends with whitespace
        assert text[start:end] == text[start:end].strip()


def test_gold_set_f1() -> None:
    paragraphs = read_gold(DATA / "segment_gold")
    assert sum(len(p) for p in paragraphs) >= 400
    predicted = [split_sentences(" ".join(p)) for p in paragraphs]
    scores = boundary_scores(paragraphs, predicted)
    assert scores["f1"] >= 0.96, scores
