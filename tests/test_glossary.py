"""Glossary: schema validation, Korean matching, English verdicts, evaluation set."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from l10n.errors import GlossaryError
from l10n.glossary.model import Term, Verdict
from l10n.glossary.terms import Glossary, parse_glossary, read_glossary
from l10n.glossary.verdicts import judge_english, judge_entry

from .conftest import DATA, ROOT

HEADER = "ko,en,ko_variants,en_variants,forbidden,kind,note\n"
SMALL = parse_glossary(HEADER + """\
초연결,hyper-connectivity,,hyper-connected,hyperconnectivity|super-connectivity,term,
초연결 사회,hyper-connected society,,,,term,
초연결성,hyper-connectedness,,,,term,
산업혁명,Industrial Revolution,산업 혁명,,,name,
제4차 산업혁명,Fourth Industrial Revolution,4차 산업혁명|4차 산업 혁명,,4th Industrial Revolution,name,
중소기업,SME,중소 기업,small business,,term,
플랫폼,platform,,,,term,
재벌,chaebol,,,,term,
시장,market,,,,term,
공유,sharing,,,,term,
사회,society,,,,term,
이자,interest,,,,term,
경기,economy,,,,term,
불평등,inequality,,,,term,
기획,planning,,,,term,
분석,analysis,,,,term,
대중,public,,,,term,
세계,world,,,,term,
차,tea,,,,term,
모시,ramie,,,,term,
신,god,,,,term,
한강의 기적,Miracle on the Han River,,,,name,
O2O,O2O,,,,keep,
나이키,Nike,,,,name,
""")


def korean(text: str) -> list[str]:
    return [hit.term.ko for hit in SMALL.find_korean(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("초연결은 중요하다.", ["초연결"]),
    ("초연결을 넘어", ["초연결"]),
    ("중소기업들에게 기회다.", ["중소기업"]),
    ("중소 기업들에게는 먼 이야기다.", ["중소기업"]),
    ("플랫폼만이 살길.", ["플랫폼"]),
    ("재벌들의 현금", ["재벌"]),
    ("재벌키우기에 나섰다.", ["재벌"]),
    ("산업 혁명과 산업혁명", ["산업혁명", "산업혁명"]),
    ("제4차 산업혁명은 4차 산업 혁명이다.", ["제4차 산업혁명", "제4차 산업혁명"]),
    ("초연결 사회가 온다.", ["초연결 사회"]),  # longest match wins
    ("초연결성이 가져온 변화", ["초연결성"]),
    ("공유지에서 소를 키웠다.", []),  # 공유 is only the first syllables of 공유지
    ("O2O 서비스가 넘쳐난다.", ["O2O"]),
    ("나이키는 출시한다.", ["나이키"]),
    ("아무 용어도 없다.", []),
    # the morphemes around a hit show that the letters are another word
    ("이사회는 인수를 승인했다.", []),  # 이 + 사회 is Kiwi's split of 이사회 'board'
    ("이 사회는 변했다.", ["사회"]),
    ("시장님께서 오신다.", []),  # a title
    ("공유기를 새로 샀다.", []),  # a device: 'router'
    ("먼 길을 걸었더니 시장기가 돌았다.", []),  # 'hunger'
    ("오후 내내 몹시 시장했다.", []),  # adjectival 하다: 'to be hungry'
    ("시장하실 텐데 어서 드세요.", []),
    ("그는 파일을 공유했다.", ["공유"]),  # verbal 하다 stays a hit
    ("모두가 공유하는 시장", ["공유", "시장"]),
    ("그는 경제학자이자 소설가다.", []),  # copula 이 + ending 자, not 이자 'interest'
    ("대출 이자가 올랐다.", ["이자"]),
    ("결국 한강의 기적을 만들어 냈다.", ["한강의 기적"]),  # a particle inside the term
    ("경기도 외곽으로 이사했다.", []),  # the province, not 경기 + 도 'also'
    ("요즘은 경기도 나쁘고 시장도 얼어붙었다.", ["경기", "시장"]),
    ("소득이 불평등하다.", ["불평등"]),  # Kiwi is sure this 하다 is adjectival
    # a derivational suffix makes another word, whose English is not the term's
    ("전시 기획가의 안목이 돋보였다.", []),  # 가: an agent, 'curator', not 'planning'
    ("데이터 분석자 세 명이 합류했다.", []),  # 자: an agent, 'analyst'
    ("대중적 인기를 누렸다.", []),  # 적: an adjective, 'popular'
    ("세계화의 물결이 밀려왔다.", []),  # 화: '-ization', 'globalization'
    ("기획 단계부터 분석이 필요하다.", ["기획", "분석"]),
    ("세계가 주목했다.", ["세계"]),  # 가 the subject particle stays a hit
    ("대중들의 관심", ["대중"]),  # 들 the plural stays a hit
    ("우리는 차를 마셨다.", ["차"]),
    ("그는 공을 차고 달렸다.", []),  # 차고 'kicking' is the verb 차다, not 차 'tea'
    # a particle that is also a verb's ending after a short term: Kiwi decides
    ("부모님을 모시는 일은 어렵다.", []),  # 모시는 'looking after' (모시다), not 모시 + 는
    ("모시는 여름 옷감이다.", ["모시"]),  # 'ramie' with the topic particle
    ("모시며 살았다.", []),  # 모시며 'while looking after'
    ("모시를 짰다.", ["모시"]),
    ("공을 차는 아이", []),  # 차는 'kicking'
    ("차는 식었다.", ["차"]),  # 'the tea'
    ("신은 죽었다.", ["신"]),  # 'god' with the topic particle
    ("새 구두를 신은 채로 들어왔다.", []),  # 신은 'wearing' (신다)
    ("초연결은 중요하다.", ["초연결"]),  # a longer term keeps the fast path
])
def test_korean_matching(text: str, expected: list[str]) -> None:
    assert korean(text) == expected


def term(ko: str) -> Term:
    found = next(t for t in SMALL.terms if t.ko == ko)
    return found


@pytest.mark.parametrize(("ko", "english", "verdict"), [
    ("초연결", "Hyper-connectivity changes everything.", Verdict.EXACT),
    ("초연결", "The age of hyper-\nconnectivity", Verdict.ORTHOGRAPHIC),
    ("초연결", "a hyper-connected world", Verdict.VARIANT),
    ("초연결", "hyperconnectivity is here", Verdict.FORBIDDEN),
    ("초연결", "hyper connectivity is here", Verdict.ORTHOGRAPHIC),
    ("초연결", "Everything is linked.", Verdict.MISSING),
    ("플랫폼", "Platforms are the only way.", Verdict.INFLECTED),
    ("플랫폼", "the platform's users", Verdict.INFLECTED),
    ("중소기업", "For SMEs, it is far away.", Verdict.INFLECTED),
    ("중소기업", "small businesses struggle", Verdict.VARIANT),
    ("산업혁명", "the Industrial\nRevolution began", Verdict.EXACT),
    ("산업혁명", "the industrial revolution began", Verdict.ORTHOGRAPHIC),
    ("제4차 산업혁명", "the 4th Industrial Revolution", Verdict.FORBIDDEN),
    ("O2O", "O2O services", Verdict.EXACT),
    ("O2O", "o2o services", Verdict.ORTHOGRAPHIC),
    ("O2O", "O-2-O services", Verdict.ORTHOGRAPHIC),
    ("나이키", "nike will launch", Verdict.ORTHOGRAPHIC),
    ("재벌", "Chaebol-led manufacturing", Verdict.EXACT),
])
def test_english_verdicts(ko: str, english: str, verdict: Verdict) -> None:
    assert judge_english(term(ko), english).verdict is verdict


def test_repeated_term_needs_repetition_or_a_pronoun() -> None:
    source = "재벌은 성장했고 재벌은 현금을 쌓았다."
    assert [j.verdict for j in judge_entry(SMALL, source, "The chaebol grew and piled up cash.")] \
        == [Verdict.MISSING]
    assert [j.verdict for j in judge_entry(SMALL, source, "The chaebol grew, and they piled up cash.")] \
        == [Verdict.EXACT]
    assert [j.verdict for j in judge_entry(SMALL, source, "The chaebol grew; the chaebol hoard.")] \
        == [Verdict.EXACT]


def test_ko_exclude_hides_longer_words_that_contain_the_term() -> None:
    glossary = parse_glossary(HEADER.strip() + ",ko_exclude\n" + """\
시장,market,,,,term,,서울시장|시장 바구니
사회,society,,,,term,,세무사회
""")
    found = glossary.find_korean("서울시장은 시장 바구니를 들고 시장에 갔고 세무사회는 사회를 걱정했다.")
    assert [(hit.term.ko, hit.surface) for hit in found] == [("시장", "시장"), ("사회", "사회")]


def test_ko_exclude_hides_only_its_own_term_and_only_as_written() -> None:
    glossary = parse_glossary(HEADER.strip() + ",ko_exclude\n" + """\
서울,Seoul,,,,name,,
시장,market,,,,term,,서울시장
""")
    def found(text: str) -> list[str]:
        return [hit.term.ko for hit in glossary.find_korean(text)]

    assert found("서울시장은 말했다.") == ["서울"]  # the mayor: 서울 stays, 시장 goes
    assert found("서울 시장에 갔다.") == ["서울", "시장"]  # a Seoul market, spaced


@pytest.mark.parametrize(("body", "message"), [
    ("초연결,,,,,term,\n", "missing required cell 'en'"),
    ("초연결,a,,,,term,\n초연결,b,,,,term,\n", "already listed on line 2"),
    ("초연결,a,,,,term,\n연결,b,초 연결,,,term,\n", "already listed on line 2"),
    ("초연결,a,,,a,term,\n", "both approved and forbidden"),
    ("초연결,a,,,,word,\n", "unknown kind 'word'"),
    ('초연결,"a,,,,term,\n', "malformed CSV"),
    ("초연결,a,,,,term,,extra\n", "more cells than the header"),
])
def test_validation_errors_name_the_row(body: str, message: str) -> None:
    with pytest.raises(GlossaryError) as info:
        parse_glossary(HEADER + body, path="g.csv")
    assert message in str(info.value)
    assert str(info.value).startswith("g.csv:")


@pytest.mark.parametrize(("body", "message"), [
    ("시장,market,,,,term,,서울\n", "ko_exclude '서울' does not contain '시장'"),
    ("시장,market,,,,term,,시장\n", "ko_exclude '시장' does not contain '시장'"),
    ("시장,market,,,,term,,서울시장\n서울시장,mayor of Seoul,,,,term,,\n",
     "ko_exclude '서울시장' of '시장' is a glossary term on line 3"),
])
def test_ko_exclude_validation(body: str, message: str) -> None:
    with pytest.raises(GlossaryError) as info:
        parse_glossary(HEADER.strip() + ",ko_exclude\n" + body, path="g.csv")
    assert message in str(info.value) and str(info.value).startswith("g.csv:2:")


def test_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes((HEADER + "초연결,a,,,,term,\n").encode("cp949"))
    with pytest.raises(GlossaryError, match="not valid UTF-8"):
        read_glossary(path)


def test_missing_header_column() -> None:
    with pytest.raises(GlossaryError, match="header lacks column"):
        parse_glossary("korean,english\n초연결,a\n")


# ------------------------------------------------------------------ bundled content

def test_bundled_glossary_is_valid_and_covers_the_required_terms() -> None:
    glossary = read_glossary(ROOT / "glossary.csv")
    assert len(glossary) >= 30
    required = ["초연결", "제4차 산업혁명", "초지능", "인공지능", "기계학습", "자동화", "연결성",
                "중소기업", "대기업", "재벌", "플랫폼", "플랫폼 비지니스", "O2O", "맞춤형 상품",
                "적정 기술", "세계경제포럼", "다보스", "한강의 기적", "대공황", "유토피아", "동남아",
                "나무위키", "나이키", "문재인", "안철수", "유승민"]
    for ko in required:
        assert glossary.by_ko(ko) is not None, ko
    for spacing in ("4차 산업 혁명", "4차 산업혁명"):
        assert glossary.by_ko(spacing).ko == "제4차 산업혁명"
    assert glossary.by_ko("초연결").en == "hyper-connectivity"
    assert glossary.by_ko("O2O").kind == "keep"
    assert all(t.note for t in glossary.terms)


def test_bundled_translation_follows_the_glossary() -> None:
    glossary = read_glossary(ROOT / "glossary.csv")
    from l10n.po.catalog import read_catalog

    po = read_catalog(ROOT / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po")
    bad = [(e.msgid, j.term.ko, j.verdict.value) for e in po if not e.obsolete
           for j in judge_entry(glossary, e.msgid, e.msgstr) if not j.verdict.ok]
    assert bad == []


# ------------------------------------------------------------------ evaluation set

EVAL = DATA / "glossary_eval"


def evaluate_korean(*, exclusions: bool = True, folder: Path = EVAL) -> dict[str, float]:
    """Precision and recall of find_korean; ``exclusions=False`` ignores ko_exclude."""
    glossary = read_glossary(folder / "glossary.csv")
    if not exclusions:
        glossary = Glossary(tuple(replace(term, ko_exclude=()) for term in glossary.terms))
    tp = fp = fn = 0
    with open(folder / "ko_cases.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            expected = Counter(x for x in row["expected"].split("|") if x)
            got = Counter(hit.term.ko for hit in glossary.find_korean(row["text"]))
            tp += sum((expected & got).values())
            fp += sum((got - expected).values())
            fn += sum((expected - got).values())
    return {"precision": tp / (tp + fp), "recall": tp / (tp + fn), "occurrences": tp + fn}


def evaluate_english() -> dict[str, float]:
    glossary = read_glossary(EVAL / "glossary.csv")
    right = total = 0
    flagged_tp = flagged_fp = flagged_fn = 0
    with open(EVAL / "en_cases.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            english = row["english"].replace("\\n", "\n")
            verdict = judge_english(glossary.by_ko(row["ko"]), english).verdict
            want = Verdict(row["verdict"])
            total += 1
            right += verdict is want
            flagged_tp += (not verdict.ok) and (not want.ok)
            flagged_fp += (not verdict.ok) and want.ok
            flagged_fn += verdict.ok and (not want.ok)
    return {"accuracy": right / total, "rows": total,
            "precision": flagged_tp / (flagged_tp + flagged_fp),
            "recall": flagged_tp / (flagged_tp + flagged_fn)}


def test_korean_side_on_the_evaluation_set() -> None:
    scores = evaluate_korean()
    assert scores["occurrences"] >= 200
    assert scores["recall"] >= 0.98 and scores["precision"] >= 0.98, scores
    plain = evaluate_korean(exclusions=False)  # the schema, without ko_exclude
    assert plain["recall"] >= 0.98 and plain["precision"] >= 0.97, plain


def test_korean_side_on_the_homograph_set() -> None:
    """A second set, by another author, full of homographs (see its README)."""
    scores = evaluate_korean(folder=DATA / "glossary_homographs")
    assert scores["occurrences"] >= 150
    assert scores["recall"] >= 0.98 and scores["precision"] >= 0.85, scores


def test_english_side_on_the_evaluation_set() -> None:
    scores = evaluate_english()
    assert scores["rows"] >= 150
    assert scores["accuracy"] >= 0.98 and scores["precision"] >= 0.98 and \
        scores["recall"] >= 0.98, scores


def test_report_scores(capsys) -> None:
    print(json.dumps({"korean": evaluate_korean(), "english": evaluate_english(),
                      "korean_without_exclusions": evaluate_korean(exclusions=False),
                      "korean_homographs": evaluate_korean(folder=DATA / "glossary_homographs")}))
    assert "korean" in capsys.readouterr().out


# ------------------------------------------------------- the glossary in real text

REAL = parse_glossary(
    "ko,en,ko_variants,en_variants,forbidden,kind,note,ko_exclude\n"
    "장마,monsoon,,,,term,,\n김치,kimchi,,,kimchee,term,,\n발효,fermentation,,,,term,,\n"
    "수출,export,,,,term,,\n진단,diagnosis,,,,term,,\n배,pear,,,,term,,배추\n"
    "손흥민,Son Heung-min,,,,name,,\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("장맛비가 그치지 않았다.", ["장마"]), ("김칫국 한 그릇", ["김치"]), ("장마가 시작됐다.", ["장마"]),
    ("콩을 발효시켰다.", ["발효"]), ("일본으로 수출된다.", ["수출"]),
    ("이 배는 나주에서 났다.", ["배"]),
    ("매출이 세 배로 늘었다.", []), ("매출이 3배 늘었다.", []), ("배추를 절였다.", []),
])
def test_real_text_forms(text: str, expected: list[str]) -> None:
    """Sai-siot forms are the term; a one-syllable term after a number is a counter."""
    assert [hit.term.ko for hit in REAL.find_korean(text)] == expected


@pytest.mark.parametrize(("ko", "english", "ok"), [
    ("콩을 발효시켰다.", "They fermented the beans.", True),
    ("반죽을 발효시킨다.", "Leave the dough to ferment.", True),
    ("이 김치는 수출된다.", "This kimchi is exported.", True),
    ("그는 진단을 받았다.", "He was diagnosed.", True),
    ("발효 과정이 길다.", "It takes a long time to ferment.", False),  # a noun: the noun term
    ("이 김치는 수출된다.", "This kimchi is sold abroad.", False),
    ("김칫국이 최고다.", "Kimchee soup is the best.", False),
    ("손흥민은 손을 흔들었다.", "Son waved.", True),
    ("손흥민은 손을 흔들었다.", "Heung-min waved.", False),
])
def test_noun_terms_used_as_verbs_and_surnames(ko: str, english: str, ok: bool) -> None:
    verdicts = [j.verdict.ok for j in judge_entry(REAL, ko, english)]
    assert verdicts and all(verdicts) is ok


NAME_ESSAY = "# 경기\n\n손흥민이 골을 넣었다. 손흥민은 웃었다.\n"


def _name_project(tmp_path: Path, setting: str | None) -> Path:
    from l10n.po.catalog import read_catalog, write_catalog

    from .conftest import make_project
    from .test_pipeline import run_update

    root = make_project(tmp_path / "p", {"match.md": NAME_ESSAY},
                        glossary="ko,en,kind\n손흥민,Son Heung-min,name\n")
    if setting is not None:
        with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
            config.write(f"name-short-forms = {setting}\n")
    run_update(root)
    path = root / "locales/en/LC_MESSAGES/match.po"
    po = read_catalog(path)
    for msgid, msgstr in (("경기", "The Match"), ("손흥민이 골을 넣었다.", "Son Heung-min scored."),
                          ("손흥민은 웃었다.", "Son smiled.")):
        po.find(msgid).msgstr = msgstr
    write_catalog(po, path)
    return root


@pytest.mark.parametrize(("setting", "passes"), [
    (None, True), ('"surname"', True), ('"off"', False)])
def test_name_short_forms_setting(tmp_path: Path, setting: str | None, passes: bool) -> None:
    """[tool.l10n] name-short-forms: "surname" (the default) accepts Son for Son
    Heung-min on a later mention; "off" wants the full name every time."""
    from typer.testing import CliRunner

    from l10n.cli import app
    from l10n.config import load_config
    from l10n.glossary.terms import project_glossary

    root = _name_project(tmp_path, setting)
    assert project_glossary(load_config(root)).surnames is passes
    result = CliRunner().invoke(app, ["check", "-p", str(root)])
    assert (result.exit_code == 0) is passes, result.output
    findings = [line for line in result.output.split("\n") if line.startswith("locales/")]
    if passes:  # the surname is neither missing (G001) nor drift (K003)
        assert findings == []
    else:
        assert findings == ["locales/en/LC_MESSAGES/match.po:29: G001 glossary-term-missing: "
                            "'손흥민' should be rendered as 'Son Heung-min'"]


@pytest.mark.parametrize("setting", ['"first-name"', '"Surname"', "false", "[]"])
def test_unknown_name_short_forms_exits_2_with_a_clear_line(tmp_path: Path,
                                                          setting: str) -> None:
    from .test_cli import l10n

    root = _name_project(tmp_path, None)
    with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(f"name-short-forms = {setting}\n")
    result = l10n("check", "-p", str(root))
    assert result.returncode == 2
    [line] = result.stderr.decode().strip().split("\n")
    assert line.startswith(f"error: {root / 'pyproject.toml'}:7: 'name-short-forms' must be "
                           '"surname" or "off", not ')
    assert "shortened to the surname" in line


@pytest.mark.parametrize(("ko", "en", "mention", "ok"), [
    ("손흥민", "Son Heung-min", "Son", True), ("손흥민", "Son Heung-min", "Heung-min", False),
    ("시진핑", "Xi Jinping", "Xi", True),
    ("한나 아렌트", "Hannah Arendt", "Arendt", True), ("한나 아렌트", "Hannah Arendt", "Hannah", False),
    ("존·스튜어트·밀", "John Stuart Mill", "Mill", True),
    # review: transliterated foreign names in one Korean word, and a spaced Korean name
    ("오바마", "Barack Obama", "Obama", True), ("오바마", "Barack Obama", "Barack", False),
    ("링컨", "Abraham Lincoln", "Lincoln", True), ("마르크스", "Karl Marx", "Marx", True),
    ("세종대왕", "King Sejong", "Sejong", True), ("김 대중", "Kim Dae-jung", "Kim", True),
    ("김 대중", "Kim Dae-jung", "Dae-jung", False), ("마오쩌둥", "Mao Zedong", "Mao", True),
    # names of things have no surname
    ("세계경제포럼", "World Economic Forum", "World", False),
    ("제4차 산업혁명", "Fourth Industrial Revolution", "Revolution", False),
    ("제4차 산업혁명", "Fourth Industrial Revolution", "Fourth", False),
    ("한강의 기적", "Miracle on the Han River", "River", False),
])
def test_surname_of_korean_and_foreign_names(ko: str, en: str, mention: str, ok: bool) -> None:
    """Korean writes a Korean (or Chinese) name in one word, family name first; a foreign
    name with a space or a middle dot, in its own order."""
    glossary = parse_glossary(f"ko,en,kind\n{ko},{en},name\n")
    [verdict] = [j.verdict for j in judge_entry(glossary, f"{ko}은 말했다.", f"{mention} said.")]
    assert verdict.ok is ok


def test_surnames_can_be_turned_off() -> None:
    strict = parse_glossary("ko,en,kind\n손흥민,Son Heung-min,name\n")
    strict.surnames = False
    assert [j.verdict for j in judge_entry(strict, "손흥민은 웃었다.", "Son smiled.")] == \
        [Verdict.MISSING]


# issue 15, classes found by the held-out qa_blind corpus (these sentences are invented)
DERIVED = parse_glossary(HEADER + """\
묵상,meditation,,,,term,
등산,hiking,,,,term,
캠핑,camping,,,,term,
투자,investment,,,,term,
예배,worship,,,,term,
기도,prayer,,,,term,
배낭여행,backpacking,,,,term,
""")


@pytest.mark.parametrize(("ko", "english"), [
    ("그는 매일 밤 기도한다.", "He prays every night."),
    ("우리는 함께 기도했다.", "We prayed together."),
    ("스무 살에 남미를 배낭여행했다.", "At twenty I backpacked through South America."),
    ("주말마다 북한산을 등산한다.", "Every weekend they hike up Bukhansan."),
    ("그들은 호숫가에서 캠핑했다.", "They camped by the lake."),
    ("수도사들은 새벽에 묵상한다.", "The monks meditate at dawn."),
    ("그녀는 채권에 투자했다.", "She invested in bonds."),
])
def test_a_noun_term_used_as_a_verb_takes_the_related_english_verb(ko: str,
                                                                   english: str) -> None:
    """prayer/pray, backpacking/backpack (a gerund of a verb the dictionary lacks),
    hiking/hike, investment/invest: the verb the noun comes from, in any inflection."""
    assert [j.verdict for j in judge_entry(DERIVED, ko, english)] == [Verdict.INFLECTED]


def test_a_noun_used_as_a_verb_without_its_verb_is_missing_but_doubtful() -> None:
    [judgement] = judge_entry(DERIVED, "그는 매일 밤 기도한다.", "He reads every night.")
    assert judgement.verdict is Verdict.MISSING and "verb" in judgement.doubt
    [noun] = judge_entry(DERIVED, "기도 시간이 길다.", "The service is long.")
    assert noun.verdict is Verdict.MISSING and noun.doubt == ""


HOMOGRAPHS = parse_glossary(HEADER + """\
주식,stock,,share,,term,"shares of a company; not 주식 'staple food'"
사찰,temple,,,,term,not 사찰 'surveillance' or ‘inspection’
판결,ruling,,,,term,"do not write 'verdict'"
""")


@pytest.mark.parametrize(("ko", "english", "verdict"), [
    ("감자가 그 마을의 주식이었다.", "Potatoes were the village's staple food.",
     Verdict.OTHER_SENSE),
    ("보리와 콩이 주식이었다.", "Barley and beans were their staple foods.", Verdict.OTHER_SENSE),
    ("정부의 민간인 사찰이 드러났다.", "The government's surveillance of civilians came out.",
     Verdict.OTHER_SENSE),
    ("그는 주식을 모두 팔았다.", "He sold all his shares.", Verdict.VARIANT),
    ("그는 주식을 모두 팔았다.", "He sold all his bonds.", Verdict.MISSING),
    ("판결이 났다.", "The verdict came.", Verdict.MISSING),  # advice, not a homograph
])
def test_the_glossary_note_rules_a_homograph_out(ko: str, english: str,
                                                 verdict: Verdict) -> None:
    """Note convention: ``not <Korean> 'gloss'`` (or 'a' or 'b') names senses of the
    Korean word that are not the term; English that renders one is not a miss."""
    [judgement] = judge_entry(HOMOGRAPHS, ko, english)
    assert judgement.verdict is verdict
    assert bool(judgement.doubt) is (verdict is Verdict.MISSING and "주식" in ko)


def test_the_concordance_gives_the_verdicts_check_gives() -> None:
    """``glossary find`` judges as G001 does: a sense the note rules out is not a miss."""
    import polib

    from l10n.glossary.terminology import concordance

    po = polib.POFile()
    for ko, en in [("감자가 그 마을의 주식이었다.", "Potatoes were the village's staple food."),
                   ("그는 주식을 모두 팔았다.", "He sold all his shares."),
                   ("그는 주식을 모두 팔았다.", "He sold all his bonds."),
                   ("주식 시장이 열렸다.", "")]:
        po.append(polib.POEntry(msgid=ko, msgstr=en, msgctxt=en or None))
    stock = next(t for t in HOMOGRAPHS.terms if t.ko == "주식")
    found = concordance(HOMOGRAPHS, stock, [(Path("x.po"), po)])
    assert [item.verdict for item in found] == [Verdict.OTHER_SENSE, Verdict.VARIANT,
                                                Verdict.MISSING, None]
    assert [item.verdict for item in found[:3]] == [
        judgement.verdict for item in found[:3]
        for judgement in judge_entry(HOMOGRAPHS, item.msgid, item.msgstr)]
