"""Tests for l10n.po.wrap: msgcat-identical wrapping of PO strings.

The golden literals below were produced once by GNU gettext 0.21 ``msgcat``;
the other tests run the installed ``msgcat`` and compare with it directly
(they are skipped only where no ``msgcat`` is installed).
"""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.po.wrap import escape, wrap_field, wrap_references

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
needs_msgcat = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat not installed")
# gettext 0.21's libunistring 1.0 and Python 3.11's unicodedata are both Unicode 14.0: the
# tests that tell new characters by unicodedata need that Python
unicode_14 = pytest.mark.skipif(unicodedata.unidata_version != "14.0.0",
                                reason="needs Unicode 14.0 data (Python 3.11), as gettext 0.21")

# Sentences from the bundled essay and a few Latin-script ones.
P1 = (
    "국내에서는 관련 번역 도서가 간간히 들어오는 정도였으나 2017년부터 19대 대선을 앞두고 "
    "문재인, 안철수, 유승민을 중심으로 여러 대선 주자들이 4차 산업혁명을 강조하면서 인지도가 "
    "크게 올랐다."
)
P2 = (
    '"제4차 산업혁명은 인공지능으로 자동화와 연결성이 극대화되는 산업환경의 변화를 의미한다. '
    "2015년부터 여러 도서를 통해 알려지기 시작한 후, 2016년 1월 20일 스위스 다보스에서 열린 "
    "세계경제포럼에서도 언급되기 시작했으며, 학자에 따라 제시하는 키워드는 조금씩 다르지만, "
    "대체로 기계학습과 인공지능의 발달이 주요 수단으로 꼽힌다."
)
P3 = (
    "학자에 따라 다르지만, 대개 전체 일자리의 80~99%가 소멸할 것으로 예상하고 있다. "
    "이러한 결론은 너무나 파괴적이어서…"
)
P4 = '중소기업들에게 비추어진 "4차 산업 혁명"은 어떤 모습일까 ?'
P5 = (
    "The Fourth Industrial Revolution (4IR) stresses hyper-connectivity and "
    "super-intelligence—see https://en.wikipedia.org/wiki/Fourth_Industrial_Revolution "
    "for details... 2016–2017 / 2018."
)
P6 = (
    "# 3차는 있었나? 중소기업들에게 4차 산업 혁명이란...\n\n"
    "4차 산업 혁명에 대한 읽을 거리와 기사로 넘쳐난다.\n"
)
P7 = (
    '탭\t문자와 "따옴표", 역슬래시 \\ 그리고  두 칸 공백이 섞인 문장입니다. '
    '이 문장은 한 줄에 들어가지 않을 만큼 깁니다.\t"끝"'
)
P8 = "Supercalifragilisticexpialidocious" * 3
P9 = (
    "아주 긍정적으로 생각한다면, 일자리의 90%가 없어졌을 때 10명 중 한두 명만 짧은 노동을 "
    "하고, 나머지 대부분의 시민들은 노동에서 완전히 해방된다."
)

GOLDEN = [  # (keyword, value, prefix, width, lines msgcat wrote)
    ("msgid", P1, "", 79, [
        'msgid ""',
        '"국내에서는 관련 번역 도서가 간간히 들어오는 정도였으나 2017년부터 19대 대선"',
        '"을 앞두고 문재인, 안철수, 유승민을 중심으로 여러 대선 주자들이 4차 산업혁명"',
        '"을 강조하면서 인지도가 크게 올랐다."',
    ]),
    ("msgstr", P2, "", 79, [
        'msgstr ""',
        '"\\"제4차 산업혁명은 인공지능으로 자동화와 연결성이 극대화되는 산업환경의 변화"',
        '"를 의미한다. 2015년부터 여러 도서를 통해 알려지기 시작한 후, 2016년 1월 20일 "',
        '"스위스 다보스에서 열린 세계경제포럼에서도 언급되기 시작했으며, 학자에 따라 제"',
        '"시하는 키워드는 조금씩 다르지만, 대체로 기계학습과 인공지능의 발달이 주요 수"',
        '"단으로 꼽힌다."',
    ]),
    ("msgid", P3, "", 79, [
        'msgid ""',
        '"학자에 따라 다르지만, 대개 전체 일자리의 80~99%가 소멸할 것으로 예상하고 있"',
        '"다. 이러한 결론은 너무나 파괴적이어서…"',
    ]),
    ("msgid", P4, "", 79, [
        'msgid "중소기업들에게 비추어진 \\"4차 산업 혁명\\"은 어떤 모습일까 ?"',
    ]),
    ("msgid", P5, "", 79, [
        'msgid ""',
        '"The Fourth Industrial Revolution (4IR) stresses hyper-connectivity and super-"',
        '"intelligence—see https://en.wikipedia.org/wiki/Fourth_Industrial_Revolution "',
        '"for details... 2016–2017 / 2018."',
    ]),
    ("msgstr", P6, "", 79, [
        'msgstr ""',
        '"# 3차는 있었나? 중소기업들에게 4차 산업 혁명이란...\\n"',
        '"\\n"',
        '"4차 산업 혁명에 대한 읽을 거리와 기사로 넘쳐난다.\\n"',
    ]),
    ("msgid", P7, "", 79, [
        'msgid ""',
        '"탭\\t문자와 \\"따옴표\\", 역슬래시 \\\\ 그리고  두 칸 공백이 섞인 문장입니다. 이 "',
        '"문장은 한 줄에 들어가지 않을 만큼 깁니다.\\t\\"끝\\""',
    ]),
    ("msgid", P8, "", 79, [
        'msgid "SupercalifragilisticexpialidociousSupercalifragilisticexpialidocious'
        'Supercalifragilisticexpialidocious"',
    ]),
    ("msgstr", "", "", 79, ['msgstr ""']),
    ("msgid", P9, "#| ", 79, [
        '#| msgid ""',
        '#| "아주 긍정적으로 생각한다면, 일자리의 90%가 없어졌을 때 10명 중 한두 명만 "',
        '#| "짧은 노동을 하고, 나머지 대부분의 시민들은 노동에서 완전히 해방된다."',
    ]),
    ("msgid", P3, "#~ ", 79, [
        '#~ msgid ""',
        '#~ "학자에 따라 다르지만, 대개 전체 일자리의 80~99%가 소멸할 것으로 예상하고 "',
        '#~ "있다. 이러한 결론은 너무나 파괴적이어서…"',
    ]),
    ("msgstr", P1, "#~ ", 79, [
        '#~ msgstr ""',
        '#~ "국내에서는 관련 번역 도서가 간간히 들어오는 정도였으나 2017년부터 19대 대"',
        '#~ "선을 앞두고 문재인, 안철수, 유승민을 중심으로 여러 대선 주자들이 4차 산업"',
        '#~ "혁명을 강조하면서 인지도가 크게 올랐다."',
    ]),
    ("msgid", P9, "#~| ", 79, [
        '#~| msgid ""',
        '#~| "아주 긍정적으로 생각한다면, 일자리의 90%가 없어졌을 때 10명 중 한두 명만 "',
        '#~| "짧은 노동을 하고, 나머지 대부분의 시민들은 노동에서 완전히 해방된다."',
    ]),
    ("msgctxt", P4 + " " + P4, "", 79, [
        'msgctxt ""',
        '"중소기업들에게 비추어진 \\"4차 산업 혁명\\"은 어떤 모습일까 ? 중소기업들에게 비"',
        '"추어진 \\"4차 산업 혁명\\"은 어떤 모습일까 ?"',
    ]),
    ("msgid_plural", P5, "", 79, [
        'msgid_plural ""',
        '"The Fourth Industrial Revolution (4IR) stresses hyper-connectivity and super-"',
        '"intelligence—see https://en.wikipedia.org/wiki/Fourth_Industrial_Revolution "',
        '"for details... 2016–2017 / 2018."',
    ]),
    ("msgstr[0]", P9, "", 79, [
        'msgstr[0] ""',
        '"아주 긍정적으로 생각한다면, 일자리의 90%가 없어졌을 때 10명 중 한두 명만 짧"',
        '"은 노동을 하고, 나머지 대부분의 시민들은 노동에서 완전히 해방된다."',
    ]),
    ("msgstr", P1, "", 40, [
        'msgstr ""',
        '"국내에서는 관련 번역 도서가 간간히 들"',
        '"어오는 정도였으나 2017년부터 19대 대선"',
        '"을 앞두고 문재인, 안철수, 유승민을 중"',
        '"심으로 여러 대선 주자들이 4차 산업혁명"',
        '"을 강조하면서 인지도가 크게 올랐다."',
    ]),
    ("msgid", P5, "", 100, [
        'msgid ""',
        '"The Fourth Industrial Revolution (4IR) stresses hyper-connectivity and '
        'super-intelligence—see "',
        '"https://en.wikipedia.org/wiki/Fourth_Industrial_Revolution for details... '
        '2016–2017 / 2018."',
    ]),
]


@pytest.mark.parametrize(("keyword", "value", "prefix", "width", "expected"), GOLDEN)
def test_wrap_field_golden(keyword, value, prefix, width, expected):
    assert wrap_field(keyword, value, prefix=prefix, width=width) == expected


def test_escape():
    assert escape('a\\b"c\td\ne\rf\ag\bh\fi\vj') == 'a\\\\b\\"c\\td\\ne\\rf\\ag\\bh\\fi\\vj'
    assert escape("국어 \x01\x7f\u2028") == "국어 \x01\x7f\u2028"  # msgcat leaves these raw


def test_wrap_references_golden():
    long_name = "docs/ko/" + "x" * 80 + ".md:7"
    refs = [
        "./docs/ko/fourth-industrial-revolution.md:1",
        "docs/ko/fourth-industrial-revolution.md:3",
        "docs/ko/fourth-industrial-revolution.md:5",
        "src/l10n/cli.py:120",
        "src/l10n/cli.py:120",
        "src/l10n/extract.py:42",
        long_name,
        "README",
    ]
    assert wrap_references(refs) == [
        "#: docs/ko/fourth-industrial-revolution.md:1",
        "#: docs/ko/fourth-industrial-revolution.md:3",
        "#: docs/ko/fourth-industrial-revolution.md:5 src/l10n/cli.py:120",
        "#: src/l10n/extract.py:42",
        "#: " + long_name,
        "#: README",
    ]
    assert wrap_references([]) == []


def test_width_below_20_acts_as_20():
    assert wrap_field("msgid", P1, width=5) == wrap_field("msgid", P1, width=20)
    with pytest.raises(ValueError):
        wrap_field("msgid", P1, width=0)


# Kannada vowel signs I (U+0CBF) and E (U+0CC6) are Mn but of Bidi_Class L, and
# libunistring's zero-width table goes by Bidi_Class NSM, so msgcat counts them
# 1 column: "x" * 69 + " ಕಿ" is 80 columns after 'msgid "' and must wrap.
KN = "ನಿಮ್ಮನ್ನು ಯಾವುದೇ ಪುಟದಿಂದ ಆ ಪುಟವನ್ನು ಸೃಷ್ಟಿಸುವ ನೋಟದ ಮಾಹಿತಿಪುಟಕ್ಕೆ ಕೊಂಡೊಯ್ಯುವದು"  # Django admindocs


@pytest.mark.parametrize(("keyword", "value", "expected"), [
    ("msgid", "x" * 69 + " \u0c95\u0cbf", ['msgid ""', '"' + "x" * 69 + ' \u0c95\u0cbf"']),
    ("msgid", "x" * 69 + " \u0c95\u0cc6", ['msgid ""', '"' + "x" * 69 + ' \u0c95\u0cc6"']),
    ("msgid", "x" * 68 + " \u0c95\u0cbf", ['msgid "' + "x" * 68 + ' \u0c95\u0cbf"']),
    ("msgid", "x" * 69 + " \u0c95\u0ccd", ['msgid "' + "x" * 69 + ' \u0c95\u0ccd"']),  # virama: NSM
    ("msgstr", KN, ['msgstr ""', f'"{KN}"']),
    ("msgid", KN, [f'msgid "{KN}"']),
])
def test_kannada_left_to_right_vowel_signs_take_a_column(keyword, value, expected):
    assert wrap_field(keyword, value) == expected


# --------------------------------------------------------------- vs msgcat


def run_msgcat(entries: list[list[str]], *, width: int = 79) -> list[list[str]]:
    """Entries (input lines) → the entry blocks msgcat prints, header dropped."""
    source = HEADER + "".join("\n" + "\n".join(lines) + "\n" for lines in entries)
    result = subprocess.run(
        ["msgcat", f"--width={width}", "-"],
        input=source.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    assert result.stderr == b"", result.stderr.decode("utf-8", "replace")
    blocks = result.stdout.decode("utf-8").rstrip("\n").split("\n\n")
    return [block.split("\n") for block in blocks[1:]]


def compare_msgids(texts: list[str]) -> None:
    """Feed each text as an unwrapped msgid; msgcat must wrap it like we do."""
    entries = [[f'msgctxt "c{n}"', f'msgid "{escape(t)}"', 'msgstr ""']
               for n, t in enumerate(texts)]
    got = run_msgcat(entries)
    assert len(got) == len(texts)
    for n, (text, block) in enumerate(zip(texts, got, strict=True)):
        assert block == [f'msgctxt "c{n}"', *wrap_field("msgid", text), 'msgstr ""'], text


@needs_msgcat
def test_line_break_classes_pairwise_match_msgcat():
    """Every pair of Line_Break classes, with and without a space between.

    Word joiners shut off every other break opportunity, so whether msgcat
    breaks the line at all tells whether libunistring allows this one break.
    """
    reps = "\u2060\u00a0\u2014\u2013\u00b4-})!\u2026\u3005(',1%$/x\uac00\uac01\u4e2d"
    reps += "\u1100\u1161\u11a8\u05d0\U0001f1e6\u200d\U0001f466\U0001f3fb\u0301\u200b「（\u00ad"
    filler = "x" * 38
    compare_msgids([
        f"{filler}\u2060{b}{gap}{a}\u2060{filler}" for b in reps for a in reps for gap in ("", " ")
    ])


@needs_msgcat
def test_edge_cases_match_msgcat():
    texts = ["\n", "\n\n", " \n", "a\n\nb\n", " " * 100, "  " * 50 + "x", "\t" * 60, '"' * 50,
             "\\" * 50, "x" * 100 + "\u2028" + "y" * 100, "\x85" + "z" * 90, "a\x01" * 50]
    for n in range(60, 86):
        texts += ["x" * n, "x" * n + "\n", "x" * (n - 3) + " " + "y" * 10, "가" * (n // 2),
                  "가" * (n // 2) + "\n", "x" * n + '"y', "x" * n + "\\y", "x" * n + "\ty",
                  "1" * n + "년부터 " * 3, "x" * n + "...", "x" * n + "…가", "hyper-" * (n // 6),
                  "en–dash " * (n // 8), "em—dash" * (n // 7), "http://example.com/" + "a" * n]
    compare_msgids(texts)


@needs_msgcat
def test_zero_width_goes_by_bidi_class_like_msgcat():
    """Mn marks of Bidi_Class L (Kannada, Zanabazar Square, Bhaiksuki) take a
    column, NSM marks none; unassigned code points take 2 columns only in the
    CJK/fullwidth blocks.  The texts straddle the 79-column limit."""
    marks = ["\u0cbf", "\u0cc6", "\U00011a07", "\U00011a08", "\U00011c3f", "\u0ccd", "\u0301"]
    unassigned = ["\ud7c7", "\ud7fc", "\u0378", "\u2e9a", "\ufe1a", "\U0001f203", "\U0002a6e0"]
    texts = [f"{'x' * n} \u0c95{mark}" for mark in marks for n in (68, 69, 70)]
    texts += [f"{'x' * n} y{ch}" for ch in unassigned for n in (67, 68, 69)]
    texts += ["\u0c95\u0cbf" * n + " \u0c95\u0cc6" * n for n in range(10, 40)]
    compare_msgids(texts)


@needs_msgcat
def test_wrap_references_match_msgcat():
    refs = [f"src/mod{i}/파일{i}.py:{i * 37}" for i in range(25)] + ["./a.py:1", "./a.py:1", "b"]
    block = run_msgcat([["#: " + " ".join(refs), 'msgid "x"', 'msgstr ""']])[0]
    assert block == [*wrap_references(refs), 'msgid "x"', 'msgstr ""']


# Characters each CJK charset holds and libunistring treats apart there: ambiguous-width
# punctuation and symbols (two columns), class AI (breaks as ID: ※ ① § ° × ·), Cyrillic,
# Greek, Latin-1 letters, and what is wide anyway (Hangul, Hanja, kana, fullwidth forms)
CJK_POOL = list("“”‘’…·※①②§°×÷±→←↑↓■□▲△○●◎◇◆★☆♀♂℃№㈜〈〉《》「」『』【】、。〃½⅓⅔¼⅛⅜⅝⅞"
                "АБВГДабвгдЖжΑΒΓαβγδéüÆæØøß가나다라마한글뷁힣漢字國語あいうアイウＡＢ１２！？")
CJK_TOKENS = CJK_POOL + ["ab", "cd", "word", "1", "23", " ", " ", " ", ",", ".", "(", ")",
                         "-", "%", '"', "'", "\\n", "e.g.", "hyper-connectivity"]


@needs_msgcat
@pytest.mark.parametrize("charset", ["EUC-KR", "CP949", "JOHAB", "EUC-JP", "GB2312", "GBK",
                                     "BIG5"])
def test_wrapping_in_a_cjk_charset_matches_msgcat(charset: str) -> None:
    """In gettext's CJK charsets (libunistring's is_cjk_encoding) every character from
    U+00A1 to U+FF60 but U+20A9 takes two columns, and class AI breaks as ID: a Korean
    catalog kept in EUC-KR wraps “…” and ※ otherwise than in UTF-8. 400 random texts of
    what the charset holds, wrapped by msgcat in that charset, at three widths."""
    import codecs
    import random

    from l10n.po.wrap import CJK_CODECS

    codec = codecs.lookup(charset).name
    assert codec in CJK_CODECS

    def held(token: str) -> bool:  # (Python's EUC-KR writes 뷁 as 8 bytes of jamo)
        try:
            return all(len(ch.encode(codec)) <= 3 for ch in token)
        except UnicodeEncodeError:
            return False

    tokens = [token for token in CJK_TOKENS if held(token)]
    # and read as iconv reads them (glibc's BIG5 has other code points for a few bytes)
    iconv = subprocess.run(["iconv", "-f", charset, "-t", "UTF-8"], capture_output=True,
                           input="\n".join(tokens).encode(codec), check=True)
    tokens = [token for token, read in zip(tokens, iconv.stdout.decode().split("\n"),
                                           strict=True) if token == read]
    assert len(tokens) > 60
    rng = random.Random(charset)
    texts = ["".join(rng.choices(tokens, k=rng.randint(20, 90))) for _ in range(400)]
    for width in (79, 40, 100):
        entries = [[f'msgid "m{n}"', f'msgstr "{escape(t)}"'] for n, t in enumerate(texts)]
        header = HEADER.replace("UTF-8", charset)
        source = header + "".join("\n" + "\n".join(lines) + "\n" for lines in entries)
        result = subprocess.run(["msgcat", f"--width={width}", "-"],
                                input=source.encode(codec), capture_output=True, check=True)
        assert result.stderr == b"", result.stderr.decode(codec, "replace")
        got = result.stdout.decode(codec).rstrip("\n").split("\n\n")[1:]
        assert len(got) == len(texts)
        wrong = [text for n, (text, block) in enumerate(zip(texts, got, strict=True))
                 if block.split("\n") != [f'msgid "m{n}"',
                                          *wrap_field("msgstr", text, width=width, cjk=True)]]
        assert not wrong, (width, wrong[:3])
    # and the same texts in UTF-8 are wrapped otherwise: the test sees the difference
    assert any(wrap_field("msgstr", t, cjk=True) != wrap_field("msgstr", t) for t in texts)


@needs_msgcat
@pytest.mark.parametrize("seed", [2, 3, 4, 5])
def test_directives_after_a_format_error_may_be_broken_as_in_msgcat(seed: int) -> None:
    """gettext protects the directives before a format string's first error only: after a
    C directive that mixes numbered and unnumbered arguments (``%d`` then ``%1$s``) or a
    Python one that mixes named and unnamed ones, even ``%%`` may be broken (found by
    the review; l10n kept protecting them). 600 random strings of directives and words,
    c-format and python-format, at widths where breaks fall among them."""
    import random

    rng = random.Random(seed)
    directives = {"c": ["%d", "%s", "%1$s", "%2$d", "%%", "%m", "%*d", "%.*s", "%5.2f", "%ld",
                        "%-10s", "%1$*2$d", "%<PRIu64>", "% d", "%'d"],
                  "python": ["%s", "%d", "%(a)s", "%(b)d", "%%", "%r", "%5.1f", "%-3d",
                             "%(x)r", "% d"]}
    words = ["abc", "delete", "word", "x", "가나다", "e.g.", "--", ",", ".", "(", ")"]
    for width in (20, 21, 22, 25, 30, 40):
        cases = []
        for _ in range(100):
            language = rng.choice(sorted(directives))
            tokens = [rng.choice(directives[language]) if rng.random() < 0.35
                      else rng.choice(words) for _ in range(rng.randint(3, 14))]
            cases.append((language, rng.choice([" ", "", " "]).join(tokens)))
        source = HEADER + "".join(f'\n#, {language}-format\nmsgid "{escape(text)}"\nmsgstr ""\n'
                                  for language, text in cases)
        result = subprocess.run(["msgcat", f"--width={width}", "-"], input=source.encode(),
                                capture_output=True, check=True)
        blocks = result.stdout.decode().rstrip("\n").split("\n\n")[1:]
        wrong = [(language, text) for (language, text), block in zip(cases, blocks, strict=True)
                 if block.split("\n")[1:-1]
                 != wrap_field("msgid", text, width=width, language=language)]
        assert not wrong, (width, wrong[:3])


hangul = st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=6)
latin = st.text(st.sampled_from(string.ascii_letters), min_size=1, max_size=12)
digits = st.integers(min_value=0, max_value=10**6).map(str)
punctuation = st.sampled_from([
    ",", ".", "?", "!", '"', "'", "(", ")", "…", "~", "%", "-", "–", "—", "/", ":", ";", "...",
    "·", "「", "」", "$", "\\", "\t", "\n", " ", "  ", "e.g.", "4.0", "1,000", "hyper-connectivity",
    "https://example.com/a/b?c=d",
])
token = st.one_of(hangul, hangul, latin, digits, st.just(" "), st.just(" "), punctuation)
po_text = st.lists(token, min_size=1, max_size=45).map("".join)


@needs_msgcat
@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(msgid=po_text, msgstr=po_text, previous=po_text, old_msgid=po_text, old_msgstr=po_text)
def test_wrap_field_matches_msgcat(msgid, msgstr, previous, old_msgid, old_msgstr):
    """msgid, msgstr, "#| " previous msgid (fuzzy entry) and "#~ " obsolete entry."""
    active = ["#, fuzzy", f'#| msgid "{escape(previous)}"', f'msgid "{escape(msgid)}"',
              f'msgstr "{escape(msgstr)}"']
    obsolete = ['#~ msgctxt "old"', f'#~ msgid "{escape(old_msgid)}"',
                f'#~ msgstr "{escape(old_msgstr)}"']
    assert run_msgcat([active, obsolete]) == [
        ["#, fuzzy", *wrap_field("msgid", previous, prefix="#| "), *wrap_field("msgid", msgid),
         *wrap_field("msgstr", msgstr)],
        [*wrap_field("msgctxt", "old", prefix="#~ "),
         *wrap_field("msgid", old_msgid, prefix="#~ "),
         *wrap_field("msgstr", old_msgstr, prefix="#~ ")],
    ]


def test_fast_path_widths_agree_with_the_full_table() -> None:
    """wrap_field's fast path counts Hangul syllables as 2, U+00AD as 0, the rest as 1;
    the syllables are the characters whose UTF-8 lead byte is EA..ED."""
    from l10n.po.wrap import _SIMPLE, _width

    simple = [chr(c) for c in range(0x20, 0xD7A4) if re.fullmatch(_SIMPLE, chr(c))]
    assert len(simple) > 11000
    assert [c for c in simple if _width(c) != (2 if "\uac00" <= c <= "\ud7a3" else
                                                0 if c == "\xad" else 1)] == []
    assert [c for c in simple if (c.encode()[0] in b"\xea\xeb\xec\xed")
            != ("\uac00" <= c <= "\ud7a3")] == []
    assert not re.fullmatch(_SIMPLE, "\u0483")  # a Cyrillic combining mark: the full way


simple_char = st.sampled_from(
    [chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x400, 0x483),
                      *range(0x48A, 0x530), *range(0x2010, 0x2028),
                      *range(0x2030, 0x205F)]] + ["가", "한", "글", "녕", "힣"])
simple_text = st.lists(st.one_of(simple_char, st.just(" "), st.sampled_from(["1", "(", ")", ".",
                                                                           '"', "가"])),
                       min_size=1, max_size=40).map("".join)


@settings(max_examples=3000, deadline=None, database=None)
@given(text=simple_text)
def test_word_by_word_linebreaks_equal_the_full_algorithm(text) -> None:
    """The word cache used for ASCII, Latin-1, Cyrillic, punctuation and Hangul gives the same
    break states as the character-by-character port, spaces anywhere."""
    from l10n.po.wrap import _SIMPLE, _is_simple, _possible_linebreaks, _simple_linebreaks

    assert re.fullmatch(_SIMPLE, text)
    assert _simple_linebreaks(text) == _possible_linebreaks(text)
    if _is_simple(text, cjk=True):  # printable ASCII and Hangul: no class AI
        assert _simple_linebreaks(text) == _possible_linebreaks(text, cjk=True)


@unicode_14
def test_line_break_tables_equal_uniseg() -> None:
    """po.breaks (the classes a merge uses without importing uniseg) gives, for every code
    point, exactly the class uniseg gives, resolved as _lbp resolves it; the common
    table alone holds the usual scripts, and is_ambiguous is uniseg's class AI (which
    breaks as ID in a CJK charset). On a difference (a uniseg upgrade), the message
    holds the second table's runs anew."""
    import textwrap

    from uniseg.linebreak import line_break

    from l10n.po.breaks import NOT_AMBIGUOUS, common_class, is_ambiguous, line_class
    from l10n.po.wrap import resolved_class

    covered, wrong, runs, last = 0, [], [], None
    for code in range(0x110000):
        ch = chr(code)
        expected = resolved_class(line_break(ch).value, ch)
        common = common_class(ch)
        covered += common is not None
        if line_class(ch) != expected or common not in (None, expected):
            wrong.append(hex(code))
        if is_ambiguous(ch) != (line_break(ch).value == "AI" and ch not in NOT_AMBIGUOUS):
            wrong.append(f"AI {code:x}")
        cls = "-" if common is not None else expected
        if cls != last:
            runs.append(f"{code:x}:{cls}")
            last = cls
    assert covered > 34000  # Latin ... Cyrillic, punctuation, kana, CJK, Hangul
    assert not wrong, (wrong[:20], "_MORE = " + "\n".join(textwrap.wrap(" ".join(runs), 88)))


@needs_msgcat
@unicode_14
def test_characters_newer_than_unicode_14_break_as_msgcat_does() -> None:
    """gettext 0.21's libunistring 1.0 has Unicode 14: a character assigned since (a new
    combining mark, digit or punctuation) has the class 14.0 gave its unassigned code
    point (AL, or ID in the CJK and emoji blocks), not uniseg's newer one. 16 characters
    of each newer class (all of the rarer ones), beside eight others, with and without a
    space, behind word joiners so that msgcat's one break tells the class; and at the
    end of a line, for their widths."""
    import random

    from uniseg.linebreak import line_break

    newer: dict[str, list[str]] = {}
    for code in range(0x110000):
        ch = chr(code)
        if unicodedata.category(ch) == "Cn" and line_break(ch).value != "XX":
            newer.setdefault(line_break(ch).value, []).append(ch)
    assert {"CM", "NU", "BA"} <= set(newer)
    rng = random.Random(14)
    sample = [ch for chars in newer.values() for ch in rng.sample(chars, min(16, len(chars)))]
    filler = "x" * 38
    texts = [f"{filler}\u2060{a}{gap}{b}\u2060{filler}" for ch in sample
             for other in "x가()1%-中" for gap in ("", " ") for a, b in ((other, ch), (ch, other))]
    texts += ["y" * n + " " + ch + "z" for ch in sample for n in (75, 76)]
    compare_msgids(texts)


@pytest.mark.parametrize("extra", ["", "שלום עולם, מה שלומך? " * 5 + "مرحبا بالعالم " * 5,
                                   "Settings → Privacy ≥ 2 ✓ ★ ▶ ⌘ " * 5,
                                   "Không thể tạo thư mục, ặ ẻ ế " * 5,
                                   "கோப்பை திறக்க முடியவில்லை " * 5 + "ფაილის გახსნა ვერ " * 5,
                                   "Done 🎉 👍🏻 " * 8])
def test_merging_any_script_does_not_import_uniseg(tmp_path, extra: str) -> None:
    """Wrapping Korean, English and Russian text needs no uniseg (its import with
    importlib.metadata was a tenth of a small merge); nor, since the held-out pairs (a
    Hebrew catalog, one "→" in a Chinese one), Hebrew, Arabic and the symbol blocks; nor,
    since the held-out mc pairs (Vietnamese, Tamil and Georgian catalogs at 2.5 times
    msgmerge's time), any other script or an emoji."""
    import subprocess
    import sys

    text = ("가나다라 마바사 아자차카 타파하 " * 8 + "Привет, мир! " * 6 + "«quoted» — 50 % "
            * 5 + extra)
    po = tmp_path / "x.po"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'msgid "{text}"\nmsgstr "{text}"\n', "utf-8")
    code = ("import sys; from l10n.po.catalog import read_catalog, format_catalog; "
            f"out = format_catalog(read_catalog(__import__('pathlib').Path({str(po)!r}))); "
            "assert out.count(chr(10)) > 12; print(sorted(m for m in sys.modules "
            "if m.startswith(('uniseg', 'importlib.metadata'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


@settings(max_examples=2000, deadline=None, database=None)
@given(st.text(st.sampled_from(list('ab "\\\n\t\r\a\b\f\v가%é')), max_size=30))
def test_escape_by_escape_overrides_equal_the_character_by_character_ones(value) -> None:
    """The fast path of _escaped_portions (no directive to protect) forbids exactly the
    breaks the character-by-character one forbids."""
    from l10n.po.wrap import _portions_by_character, _portions_by_escape

    if value:
        assert _portions_by_escape(value) == _portions_by_character(value, frozenset())


@settings(max_examples=3000, deadline=None, database=None)
@given(text=simple_text, newline=st.booleans(), width=st.sampled_from([20, 40, 79]),
       prefix=st.sampled_from(["", "#~ ", "#| "]), language=st.sampled_from([None, "c"]),
       cjk=st.booleans())
def test_one_line_fast_path_equals_the_full_algorithm(text, newline, width, prefix,
                                                      language, cjk) -> None:
    """Where _one_line answers (no newline but a last one, simple scripts, it fits), the
    full algorithm writes that same line, with or without a directive to protect, in
    UTF-8 and in a CJK charset."""
    from l10n.po.directives import protected_positions
    from l10n.po.wrap import _one_line, _wrap_lines

    value = text + "\n" if newline else text
    line = _one_line("msgstr", value, prefix, width, cjk)
    protect = protected_positions(value, language) if language else frozenset()
    if line is not None:
        assert (line,) == _wrap_lines("msgstr", value, prefix, width, protect, True, cjk)


def _width_linebreaks_reference(marks, widths, width, start_column):
    """libunistring's ``u8_width_linebreaks``, character by character (the port po.wrap
    had before it visited only the break opportunities)."""
    from l10n.po.wrap import _MANDATORY, _POSSIBLE

    result = [False] * len(marks)
    last_p = None
    last_column, piece_width = start_column, 0
    for i, mark in enumerate(marks):
        if mark == _POSSIBLE or mark == _MANDATORY:
            if last_p is not None and last_column + piece_width > width:
                result[last_p] = True
                last_column = 0
            if mark == _MANDATORY:
                last_p, last_column, piece_width = None, 0, 0
                continue
            last_p, last_column, piece_width = i, last_column + piece_width, 0
        piece_width += widths[i]
    if last_p is not None and last_column + piece_width > width:
        result[last_p] = True
    return [i for i, brk in enumerate(result) if brk]


@settings(max_examples=3000, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from([-1, 0, 1, 1, 2, 2, 2]), st.sampled_from([0, 1, 1, 2])),
                max_size=60), st.integers(1, 30), st.integers(0, 35))
def test_width_linebreaks_by_opportunity_equal_the_character_loop(cells, width,
                                                                  start) -> None:
    from itertools import accumulate

    from l10n.po.wrap import _width_linebreaks

    marks = [m for m, _ in cells]
    widths = [w for _, w in cells]
    columns = list(accumulate(widths, initial=0))
    assert _width_linebreaks(marks, columns, width, start) == \
        _width_linebreaks_reference(marks, widths, width, start)


any_text = st.text(alphabet=st.one_of(
    simple_char, st.sampled_from(["\t", "\n", "\x7f", "\x1f", "\u0483", "\u3131", "\ud7a4",
                                  "\uabff", "\ud7b0", "\ud800", "\udcff", "漢", "😀", "\xad"])),
    max_size=40)


@settings(max_examples=3000, deadline=None, database=None)
@given(text=any_text)
def test_the_simple_script_test_without_the_class_agrees_with_it(text) -> None:
    """_is_simple tells printable ASCII with Hangul syllables without compiling the class;
    its answer is the class's on any text (controls, jamo, the syllables' neighbours,
    lone surrogates, other scripts)."""
    from l10n.po.wrap import _SIMPLE, _is_simple

    assert _is_simple(text) == bool(re.fullmatch(_SIMPLE, text))
