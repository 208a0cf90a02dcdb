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
    # initials written without spaces, and an aside glued to its word and its particle
    ("영국 작가 D.H. 로렌스(D.H. Lawrence)는 탄광촌에서 자랐다. 그는 시도 썼다.",
     ["영국 작가 D.H. 로렌스(D.H. Lawrence)는 탄광촌에서 자랐다.", "그는 시도 썼다."]),
    ("화학자 G.N. 루이스는 전자쌍을 설명했다.", ["화학자 G.N. 루이스는 전자쌍을 설명했다."]),
    ("그는 떠났다(정말이다. 믿어라)는 소문이 돌았다.", ["그는 떠났다(정말이다. 믿어라)는 소문이 돌았다."]),
    ("그는 X를 골랐다. Y를 버렸다.", ["그는 X를 골랐다.", "Y를 버렸다."]),
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


# Issue 17, classes 1-9: invented sentences, one or more per class.
CLASS_CASES = [
    # class 1: quoted clause without quote marks
    (1, "그는 왜 이럴까? 하고 생각했다. 답은 없었다.", ["그는 왜 이럴까? 하고 생각했다.", "답은 없었다."]),
    (1, "이제 그만할까 싶었다. 그래도 계속했다.", ["이제 그만할까 싶었다.", "그래도 계속했다."]),
    (1, "누가 먼저냐? 라는 질문이 나왔다.", ["누가 먼저냐? 라는 질문이 나왔다."]),
    (1, "정말 끝일까. 하며 창밖을 보았다.", ["정말 끝일까. 하며 창밖을 보았다."]),
    # class 2: quotation embedded before a quoting verb
    (2, '그는 "걱정 마. 다 잘될 거야." 하며 웃었다. 나도 웃었다.', ['그는 "걱정 마. 다 잘될 거야." 하며 웃었다.', "나도 웃었다."]),
    (2, '엄마는 “밥 먹어. 식는다.”라고 외쳤다.', ['엄마는 “밥 먹어. 식는다.”라고 외쳤다.']),
    (2, '"가자. 늦었다." 그는 일어섰다.', ['"가자.', '늦었다."', '그는 일어섰다.']),
    # class 3: note in parentheses after a sentence
    (3, "그 팀은 세 번 우승했다. (2010년 기준) 지금은 약하다.", ["그 팀은 세 번 우승했다. (2010년 기준)", "지금은 약하다."]),
    (3, "회의는 길었다. (약 세 시간)", ["회의는 길었다. (약 세 시간)"]),
    (3, "나는 떠났다. (이 이야기는 나중에 하겠다.) 그날은 비가 왔다.", ["나는 떠났다.", "(이 이야기는 나중에 하겠다.)", "그날은 비가 왔다."]),
    # class 4: bracketed title or footnote marker
    (4, "저장이 끝났다. [설정] 메뉴를 연다.", ["저장이 끝났다.", "[설정] 메뉴를 연다."]),
    (4, "그 책을 다시 읽었다. 《어린 왕자》는 여전히 좋았다.", ["그 책을 다시 읽었다.", "《어린 왕자》는 여전히 좋았다."]),
    (4, "법이 바뀌었다. 「주택임대차보호법」이 개정되었다.", ["법이 바뀌었다.", "「주택임대차보호법」이 개정되었다."]),
    (4, "이 수치는 추정이다. [3] 다음 해에는 달라졌다.", ["이 수치는 추정이다. [3]", "다음 해에는 달라졌다."]),
    (4, "이 수치는 추정이다.[주 2] 다음 해에는 달라졌다.", ["이 수치는 추정이다.[주 2]", "다음 해에는 달라졌다."]),
    # class 5: English sentence inside Korean
    (5, "한번 보자. She made it. 그녀는 웃었다.", ["한번 보자.", "She made it.", "그녀는 웃었다."]),
    (5, "그가 말했다. It is over. Go home. 우리는 떠났다.", ["그가 말했다.", "It is over.", "Go home.", "우리는 떠났다."]),
    (5, "Dr. Lee와 Mr. Park이 왔다. e.g. 사과 같은 것.", ["Dr. Lee와 Mr. Park이 왔다.", "e.g. 사과 같은 것."]),
    (5, "pp. 12-14를 보라. 그것이 전부다.", ["pp. 12-14를 보라.", "그것이 전부다."]),
    # class 6: no space after a full stop
    (6, "수출이 늘었다.2021년에는 줄었다.", ["수출이 늘었다.", "2021년에는 줄었다."]),
    (6, '그는 떠났다."왜?" 나는 물었다.', ['그는 떠났다.', '"왜?"', '나는 물었다.']),
    (6, '"밥 먹자."라고 했다.', ['"밥 먹자."라고 했다.']),
    # class 7: connective ending taken for final
    (7, "밥을 먹고 학교에 갔다", ["밥을 먹고 학교에 갔다"]),
    (7, "비가 오는데 우산이 없다.", ["비가 오는데 우산이 없다."]),
    (7, "그가 온다고 했다 그래서 기다렸다.", ["그가 온다고 했다", "그래서 기다렸다."]),
    # class 8: dialogue turns
    (8, '"어디 가?" "집에 가." 둘은 헤어졌다.', ['"어디 가?"', '"집에 가."', "둘은 헤어졌다."]),
    (8, '"알겠어." 민수: 그럼 내일 봐.', ['"알겠어."', "민수: 그럼 내일 봐."]),
    # class 9: chat style
    (9, "내가 방금 예약했어👍 두 명으로 해 놨어", ["내가 방금 예약했어👍", "두 명으로 해 놨어"]),
    (9, "늦을 것 같아ㅠㅠ 먼저 가", ["늦을 것 같아ㅠㅠ", "먼저 가"]),
    (9, "여기 진.짜.최.고 맛있다.", ["여기 진.짜.최.고 맛있다."]),
    (9, "그래서...결국 갔다.", ["그래서...결국 갔다."]),
    (9, "다 끝났다...이제 쉬자.", ["다 끝났다...", "이제 쉬자."]),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CLASS_CASES,
                         ids=[f"class{c[0]}-{c[1][:10]}" for c in CLASS_CASES])
def test_issue17_classes(kind: int, text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


ADVERSARIAL = [" ①", " -", " •", " 1.", "가나다. ", "(가", "ㅋㅋ ", "진.짜.", "왜? 하고 ", "\"가.\" ",
               "[1] ", "했다.2 "]


@pytest.mark.parametrize("pattern", ADVERSARIAL)
def test_a_100k_paragraph_of_one_pattern_is_segmented_in_linear_time(pattern: str) -> None:
    """Issue 19 item 13: a paragraph of " ①" x20k took 64 s (quadratic); 100k characters
    of each pattern now take about a second (the budget is generous for a loaded machine)."""
    import time

    text = ("가" + pattern * (100_000 // len(pattern)))[:100_000].rstrip()
    started = time.process_time()
    spans = split_spans([text])[0]
    elapsed = time.process_time() - started
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert elapsed < 30, f"{elapsed:.1f} s of CPU for 100k characters of {pattern!r}"


def test_a_long_paragraph_is_cut_as_kiwi_would_cut_it_whole(monkeypatch) -> None:
    """A paragraph longer than Kiwi's window is analysed in pieces; the seams must not
    change where sentences end: the gold set as one paragraph gives the same sentences
    in pieces as analysed whole."""
    from l10n.korean import segment

    joined = " ".join(" ".join(p) for p in read_gold(DATA / "segment_gold"))
    assert len(joined) > segment.CHUNK * 4
    in_pieces = split_sentences(joined)
    monkeypatch.setattr(segment, "CHUNK", len(joined))
    assert split_sentences(joined) == in_pieces
