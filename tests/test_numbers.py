"""Reading numbers: the fast digits-only path gives what the full reading gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.korean.numbers import _all_values, _digit_values, compare_numbers, has_number_words

# words next to, inside and around the ones that carry numbers, in odd cases and scripts
WORDS = ["one", "One", "ONE", "once", "online", "ones", "tenth", "tenths", "tender", "may",
         "May", "mayor", "Fourteenth", "fourteenths", "thirtieth", "II", "ii", "XIV", "six",
         "\u017fix", "F\u0130RST", "\u0131i", "\u212aILO", "hundreds", "of", "millions",
         "2010s", "twenties", "March", "march", "second", "sec", "twenty-one", "a", "the",
         "COVID-19", "5G", "v3.1", "1,000", "80-99%", "3.5", "12", "2016", "19th", ".5", "—",
         "won", "years", "percent", "Case", "teenth", "tieth", "x_fourteenth", "4teenth"]
texts = st.lists(st.sampled_from(WORDS + [" ", ", ", ". ", "-"]), max_size=12).map(" ".join)
# mostly words that only look like number words: the digits-only path is taken
NEAR = [w for w in WORDS if not has_number_words(w)]
near_texts = st.lists(st.sampled_from(NEAR + ["one", "May"]), max_size=12).map(" ".join)


@settings(max_examples=2000, deadline=None, database=None)
@given(text=st.one_of(texts, near_texts))
def test_without_number_words_digits_alone_give_the_same_values(text: str) -> None:
    if not has_number_words(text):
        assert _digit_values(text) == _all_values(text)


@pytest.mark.parametrize("text", ["\u017fix people", "F\u0130RST", "the fourteenth", "World War II",
                                  "in May", "hundreds of them", "their twenties", "4teenth"])
def test_number_words_are_seen_in_any_case(text: str) -> None:
    assert has_number_words(text)


@pytest.mark.parametrize("text", ["online mayor", "Case 12: the tender", "COVID-19 in 2016"])
def test_words_that_merely_start_like_numbers_are_not_number_words(text: str) -> None:
    assert not has_number_words(text)


@settings(max_examples=500, deadline=None, database=None)
@given(source=st.lists(st.sampled_from(["사례", "12", "2016년", "5억", "수백", "명", "1,000",
                                        "80~99%", "COVID-19", "3.5", " "]), max_size=8).map(" ".join),
       target=texts)
def test_a_value_is_never_both_missing_and_extra(source: str, target: str) -> None:
    """A report never lists a value as both missing and extra, and never 1 as missing."""
    report = compare_numbers(source, target)
    assert 1.0 not in report.missing
    assert not set(report.missing) & set(report.extra)



@settings(max_examples=5000, deadline=None, database=None)
@given(text=st.text(alphabet="0123456789,.-aZ가 s", max_size=14))
def test_digit_first_number_patterns_match_their_plain_definitions(text: str) -> None:
    """The number patterns written to start at a digit find the same numbers, at the same
    places, as the plain lookbehind-first definitions in their comments."""
    import re

    from l10n.korean.numbers import _EN_NUMBER, _KO_PLAIN, _NUMBER

    ko = re.compile(rf"(?<![A-Za-z\d.,])(?<![A-Za-z]-)({_NUMBER})(?![\d,A-Za-z]|\.\d)")
    en = re.compile(rf"(?<![\w.])(?<![A-Z]-)({_NUMBER})(?:st|nd|rd|th|s)?"
                    rf"(?!\d|,\d|\.\d|[A-Za-z]|-[A-Z])")
    for fast, plain in ((_KO_PLAIN, ko), (_EN_NUMBER, en)):
        assert [(m.span(), m.group(1)) for m in fast.finditer(text)] == \
            [(m.span(), m.group(1)) for m in plain.finditer(text)]


def test_a_scale_word_written_against_its_number_is_read() -> None:
    """"$5billion" is five billion, not a stray 5 (review: the old guard needed a word
    boundary before the scale word, so such a number was reported missing)."""
    assert compare_numbers("50억 달러를 투자했다.", "They invested $5billion.").missing == []
    assert compare_numbers("3백만 명", "3million people").missing == []
