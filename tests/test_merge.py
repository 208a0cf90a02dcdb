"""Update semantics: msgmerge --previous parity, and more on split and merge."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.errors import CatalogError
from l10n.po.catalog import format_catalog, parse_catalog
from l10n.po.merge import merge_catalog, split_english


def catalog(entries: list[tuple[str, str]], *, obsolete: list[tuple[str, str]] = ()) -> polib.POFile:
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[("x.md", "1")]))
    for msgid, msgstr in obsolete:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, obsolete=True))
    return po


def template(msgids: list[str]) -> polib.POFile:
    return catalog([(m, "") for m in msgids])


OLD = catalog([
    ("초연결 사회가 온다.", "A hyper-connected society is coming."),
    ("우리는 연결되어 있다. 그러나 외롭다.", "We are connected. But we are lonely."),
    ("플랫폼만이 살길이다.", "Platforms are the only way to survive."),
    ("중소기업은 어렵다.", "SMEs are struggling."),
    ("대기업은 현금을 쌓았다.", "Big business has piled up cash."),
])
META = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}


def by_id(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po if not e.obsolete}


def all_translations(po: polib.POFile) -> set[str]:
    return {e.msgstr for e in po if e.msgstr}


def test_exact_matches_keep_translation_and_comments() -> None:
    old = catalog([("플랫폼만이 살길이다.", "Platforms are the only way to survive.")])
    old[0].tcomment = "house style: plural"
    old[0].flags = ["l10n-reviewed"]
    new = merge_catalog(old, template(["플랫폼만이 살길이다."]), META)
    entry = by_id(new)["플랫폼만이 살길이다."]
    assert entry.msgstr == "Platforms are the only way to survive."
    assert entry.tcomment == "house style: plural" and "fuzzy" not in entry.flags
    # flags come from the template, as msgmerge takes them; gettext drops unknown ones
    assert entry.flags == [] and entry.previous_msgid is None


def test_edited_sentence_is_fuzzy_with_previous_msgid() -> None:
    new = merge_catalog(OLD, template(["초연결 사회가 곧 온다."]), META)
    entry = by_id(new)["초연결 사회가 곧 온다."]
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == "초연결 사회가 온다."
    assert entry.msgstr == "A hyper-connected society is coming."


def test_removed_sentences_become_obsolete_never_deleted() -> None:
    new = merge_catalog(OLD, template([]), META)
    assert {e.msgid for e in new if e.obsolete} == {e.msgid for e in OLD}
    assert all_translations(new) == all_translations(OLD)


def test_split_sentence_shares_the_translation_by_sentence() -> None:
    new = merge_catalog(OLD, template(["우리는 연결되어 있다.", "그러나 외롭다."]), META)
    first, second = by_id(new)["우리는 연결되어 있다."], by_id(new)["그러나 외롭다."]
    assert (first.msgstr, second.msgstr) == ("We are connected.", "But we are lonely.")
    assert "fuzzy" in first.flags and "fuzzy" in second.flags
    assert first.previous_msgid == second.previous_msgid == "우리는 연결되어 있다. 그러나 외롭다."


def test_split_when_english_does_not_split_gives_whole_translation_to_each_part() -> None:
    old = catalog([("비가 오고, 바람이 분다.", "It rains and the wind blows.")])
    new = merge_catalog(old, template(["비가 오고.", "바람이 분다."]), META)
    assert {e.msgstr for e in by_id(new).values()} == {"It rains and the wind blows."}


def test_merged_sentences_get_joined_translations() -> None:
    new = merge_catalog(OLD, template(["중소기업은 어렵다. 대기업은 현금을 쌓았다."]), META)
    entry = by_id(new)["중소기업은 어렵다. 대기업은 현금을 쌓았다."]
    assert entry.msgstr == "SMEs are struggling. Big business has piled up cash."
    assert "fuzzy" in entry.flags


def test_obsolete_entry_is_revived_by_exact_match() -> None:
    old = catalog([], obsolete=[("돌아온 문장이다.", "The sentence is back.")])
    new = merge_catalog(old, template(["돌아온 문장이다."]), META)
    entry = by_id(new)["돌아온 문장이다."]
    assert entry.msgstr == "The sentence is back." and not entry.obsolete


def test_unrelated_new_sentence_stays_untranslated() -> None:
    new = merge_catalog(OLD, template(["완전히 새로운 내용이 여기에 있다."]), META)
    assert by_id(new)["완전히 새로운 내용이 여기에 있다."].msgstr == ""


def test_update_twice_equals_update_once() -> None:
    pot = template(["초연결 사회가 곧 온다.", "우리는 연결되어 있다.", "그러나 외롭다."])
    once = merge_catalog(OLD, pot, META)
    twice = merge_catalog(parse_catalog(format_catalog(once)), pot, META)
    assert format_catalog(once) == format_catalog(twice)


def test_split_english() -> None:
    assert split_english('He left. "Why?" she asked. Fine.') == ["He left.", '"Why?" she asked.',
                                                                 "Fine."]
    assert split_english("It costs 3.5 dollars, e.g. now.") == ["It costs 3.5 dollars, e.g. now."]


# ------------------------------------------------------------ parity with GNU msgmerge

SCENARIOS = {
    "edit a word": ["초연결 사회가 곧 온다.", "우리는 연결되어 있다. 그러나 외롭다.",
                    "플랫폼만이 살길이다.", "중소기업은 어렵다.", "대기업은 현금을 쌓았다."],
    "insert a sentence": ["초연결 사회가 온다.", "새 문장이 들어왔다.", "우리는 연결되어 있다. 그러나 외롭다.",
                          "플랫폼만이 살길이다.", "중소기업은 어렵다.", "대기업은 현금을 쌓았다."],
    "delete one": ["초연결 사회가 온다.", "플랫폼만이 살길이다.", "중소기업은 어렵다.",
                   "대기업은 현금을 쌓았다."],
    "split one": ["초연결 사회가 온다.", "우리는 연결되어 있다.", "그러나 외롭다.", "플랫폼만이 살길이다.",
                  "중소기업은 어렵다.", "대기업은 현금을 쌓았다."],
    "merge two": ["초연결 사회가 온다.", "우리는 연결되어 있다. 그러나 외롭다.", "플랫폼만이 살길이다.",
                  "중소기업은 어렵다. 대기업은 현금을 쌓았다."],
    "reorder paragraphs": ["대기업은 현금을 쌓았다.", "중소기업은 어렵다.", "플랫폼만이 살길이다.",
                           "초연결 사회가 온다.", "우리는 연결되어 있다. 그러나 외롭다."],
}


def _kept(po: polib.POFile) -> dict[str, str]:
    """Live entries that carry a translation (fuzzy or not): msgid -> msgstr."""
    return {e.msgid: e.msgstr for e in po if not e.obsolete and e.msgstr}


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_keeps_every_translation_msgmerge_keeps(scenario: str, tmp_path: Path) -> None:
    pot = template(SCENARIOS[scenario])
    (tmp_path / "old.po").write_text(format_catalog(OLD), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_catalog(pot), encoding="utf-8")
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(tmp_path / "gnu.po"),
                    str(tmp_path / "old.po"), str(tmp_path / "new.pot")], check=True)
    gnu = polib.pofile(str(tmp_path / "gnu.po"))
    ours = merge_catalog(OLD, pot, META)
    gnu_kept, our_kept = _kept(gnu), _kept(ours)
    assert set(gnu_kept) <= set(our_kept), scenario
    # nothing a translator wrote is lost: every old translation is live or obsolete
    assert all_translations(OLD) <= all_translations(ours)
    if scenario == "split one":  # msgmerge leaves the second half untranslated
        assert len(our_kept) > len(gnu_kept)
    if scenario == "merge two":  # msgmerge offers only part of the old work; l10n all of it
        assert _offered(ours) == _sentences(OLD) and _offered(gnu) < _offered(ours)


def _sentences(po: polib.POFile) -> set[str]:
    return {s for e in po if e.msgstr for s in split_english(e.msgstr)}


def _offered(po: polib.POFile) -> set[str]:
    """Old English sentences that a translator sees on live entries."""
    live = " ".join(e.msgstr for e in po if not e.obsolete)
    return {s for s in _sentences(OLD) if s in live}


def test_context_and_obsolete_translations_are_kept(tmp_path: Path) -> None:
    # a live and an obsolete entry with one msgid is a duplicate gettext refuses
    with pytest.raises(CatalogError, match="duplicate"):
        parse_catalog('msgid "저장"\nmsgstr ""\n\n#~ msgid "저장"\n#~ msgstr "Save"\n')
    old = parse_catalog('msgctxt "menu"\nmsgid "열기"\nmsgstr "Open"\n\n'
                        '#~ msgid "저장"\n#~ msgstr "Save"\n')
    pot = parse_catalog('msgctxt "menu"\nmsgid "열기"\nmsgstr ""\n\nmsgid "저장"\nmsgstr ""\n')
    new = merge_catalog(old, pot, META)
    assert [(e.msgctxt, e.msgid, e.msgstr, bool(e.obsolete)) for e in new] == [
        ("menu", "열기", "Open", False), (None, "저장", "Save", False)]


def test_previous_msgid_keeps_the_text_the_translation_was_made_for() -> None:
    first = merge_catalog(catalog([("네 번째 문장입니다.", "The fourth sentence.")]),
                          template(["네 번째의 문장입니다."]), META)
    second = merge_catalog(first, template(["네 번째의 긴 문장입니다."]), META)
    entry = by_id(second)["네 번째의 긴 문장입니다."]
    assert "fuzzy" in entry.flags and entry.previous_msgid == "네 번째 문장입니다."


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=90), st.binary(max_size=90),
       st.sampled_from([b"", b"ab", "파일 열기".encode(), b"the file"]))
def test_the_python_indel_distance_is_rapidfuzzs(a, b, common) -> None:
    """The fuzzy search scores its first candidates in Python (no rapidfuzz import for a
    handful): the same distance as rapidfuzz's, on any bytes."""
    from rapidfuzz.distance import Indel

    from l10n.po.merge import indel_distance

    for x, y in ((a, b), (a + common, common + b), (common, common * 3), (a, a)):
        assert indel_distance(x, y) == Indel.distance(x, y)


@settings(max_examples=600, deadline=None)
@given(st.binary(max_size=200), st.binary(max_size=200),
       st.sampled_from([b"", "파일 열기".encode(), b"the file could not be opened " * 3]),
       st.integers(0, 500), st.booleans())
def test_a_bounded_python_indel_distance_is_rapidfuzzs_with_a_cutoff(a, b, common, limit,
                                                                   masks) -> None:
    """With a limit (the fuzzy search's: past it a candidate cannot win), the distance where
    it is within the limit, else a number above it, as rapidfuzz's score_cutoff; the
    query's masks made once give the same; on strings long enough to stop early."""
    from rapidfuzz.distance import Indel

    from l10n.po.fuzzy import indel_distance, pattern_masks

    for x, y in ((a, b), (common + a, common + b), (a + common, b)):
        true = Indel.distance(x, y)
        found = indel_distance(x, y, limit, pattern_masks(x) if masks else None)
        assert found == true if true <= limit else found > limit


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abc d파일", max_size=12), max_size=12),
       st.lists(st.text("abc d파일", max_size=12), max_size=40))
def test_the_fuzzy_index_finds_a_few_grams_as_it_cuts_every_candidate(queries, texts):
    """A handful of new strings (at most 100 grams) are looked up in one joined text; the
    index is the one cutting every candidate into its grams (msgmerge's)."""
    from l10n.po.fuzzy import FuzzyIndex

    candidates = [polib.POEntry(msgid=text, msgstr="x") for text in texts]
    wanted = {q[i:i + 4] for q in queries for i in range(len(q) - 3)}
    expected: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        for gram in {text[i:i + 4] for i in range(len(text) - 3)} & wanted:
            expected.setdefault(gram, []).append(index)
    assert len(wanted) <= 100
    assert FuzzyIndex(candidates, "utf-8", queries).grams == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, "a", "b"]), st.text("abc d파일.", max_size=16)),
                max_size=30),
       st.lists(st.tuples(st.sampled_from([None, "a", "b"]), st.text("abc d파일.", max_size=16)),
                max_size=8),
       st.sampled_from(["utf-8", "euc-kr"]))
def test_scoring_every_candidate_at_once_finds_what_the_gram_index_finds(texts, queries,
                                                                        codec) -> None:
    """An essay's merge scores its few hundred candidates in one rapidfuzz call; the entry
    found is the one the gram index and the loop over its candidates find (msgmerge's
    candidates, weights, msgctxt bonus and ties)."""
    import rapidfuzz.process  # noqa: F401 - what makes the at-once search available

    from l10n.po.fuzzy import FuzzyIndex

    candidates = [polib.POEntry(msgctxt=ctxt, msgid=text, msgstr="x") for ctxt, text in texts]
    wanted = [text for _, text in queries]
    at_once = FuzzyIndex(candidates, codec, wanted)
    by_grams = FuzzyIndex(candidates, codec, wanted)
    by_grams.at_once = False
    assert at_once.at_once
    for ctxt, text in queries:
        assert at_once.search(ctxt, text) is by_grams.search(ctxt, text)


@pytest.mark.parametrize(("candidates", "query", "context", "expected"), [
    # ties on weight go to the candidate sharing more 4-grams, not the first
    ([(None, "baab"), (None, "ab"), (None, "abbbabaab")], "aabaab", None, 2),
    # exactly 0.6 by similarity, over it by the context bonus alone: found in the same
    # context, nothing in another (a cut-off of 0.6 in rapidfuzz would drop it)
    ([(None, "abcdXXefXX")], "abcdefghij", None, 0),
    ([("b", "abcdXXefXX")], "abcdefghij", "a", None),
    # a msgid the catalog's charset (EUC-KR) cannot encode falls back to UTF-8 bytes, as
    # does the candidate with the same snowman: the nearer in bytes is that one
    ([(None, "파일을 열 수 없습니다"), (None, "파일을 열 수 있습니다 ☃")],
     "파일을 열 수 없습니다 ☃", None, 1),
])
def test_scoring_at_once_on_ties_the_threshold_and_encodings(candidates, query, context,
                                                              expected) -> None:
    """Cases the property above finds rarely, each through both paths."""
    import rapidfuzz.process  # noqa: F401 - what makes the at-once search available

    from l10n.po.fuzzy import FuzzyIndex

    entries = [polib.POEntry(msgctxt=c, msgid=t, msgstr="x") for c, t in candidates]
    for at_once in (True, False):
        index = FuzzyIndex(entries, "euc-kr", [query])
        index.at_once = at_once
        found = index.search(context, query)
        assert found is (None if expected is None else entries[expected]), at_once


def test_python_scoring_is_one_budget_for_the_process(monkeypatch) -> None:
    """``update`` merges a catalog per essay: the Python Indel distance (which saves a
    small ``l10n merge`` the rapidfuzz import) ran up to its budget in every merge, a
    second of a 100-essay update in Python; past one budget, rapidfuzz scores."""
    from l10n.po import fuzzy, merge

    monkeypatch.setattr(fuzzy, "_PYTHON_BUDGET", [6_000])
    monkeypatch.setattr(fuzzy, "AT_ONCE", 0)  # the gram index's path: a large catalog
    scored: list[int] = []
    real = fuzzy.indel_distance

    def spy(a: bytes, b: bytes, *bounds) -> int:
        scored.append(len(b))  # what the budget is charged: the candidate's bytes
        return real(a, b, *bounds)
    monkeypatch.setattr(fuzzy, "indel_distance", spy)
    words = [f"sentence number {i} about the weather in town" for i in range(120)]
    for round_ in range(3):
        old = polib.POFile()
        for text in words:
            old.append(polib.POEntry(msgid=text, msgstr=f"translated {text}"))
        template = polib.POFile()
        for text in words:
            template.append(polib.POEntry(msgid=f"{text} today {round_}", msgstr=""))
        merged = merge.msgmerge(old, template)
        assert sum("fuzzy" in entry.flags for entry in merged) == len(words)
    assert 6_000 <= sum(scored) <= 6_000 + max(len(w) for w in words) + 10


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, "a", "b"]), st.text("abc d파", max_size=14)),
                max_size=30),
       st.lists(st.tuples(st.sampled_from([None, "a", "b"]), st.text("abc d파", max_size=14)),
                max_size=12),
       st.sampled_from([0, 10 ** 9]))
def test_fuzzy_searches_sharing_orders_and_scores_find_what_fresh_ones_find(
        candidates, queries, budget) -> None:
    """One index answers every search, each msgid's candidate order and each pair's score
    found once (an msgid repeated under many contexts is one text to score): the same
    matches as a fresh index for each search, scored by rapidfuzz or in Python."""
    from l10n.po import fuzzy

    entries = [polib.POEntry(msgctxt=c, msgid=t, msgstr="x") for c, t in candidates]
    texts = [t for _, t in queries]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fuzzy, "_PYTHON_BUDGET", [budget])
        patch.setattr(fuzzy, "AT_ONCE", 0)  # the gram index's path (over 1,000 candidates)
        shared = fuzzy.FuzzyIndex(entries, "utf-8", texts)
        found = [shared.search(c, t) for c, t in queries + queries[::-1]]
        fresh = [fuzzy.FuzzyIndex(entries, "utf-8", texts).search(c, t)
                 for c, t in queries + queries[::-1]]
    assert [id(e) for e in found] == [id(e) for e in fresh]


def test_a_pair_scored_above_a_lower_cutoff_is_scored_again() -> None:
    """rapidfuzz's distance past the cutoff is only "more than it": a later search of the
    same msgid that allows more (another context, another bonus) scores the pair again."""
    from l10n.po import fuzzy

    texts = [("b", " bac  "), (None, "be dcebb"), (None, "ded ec dc"), ("a", "  ec aaa "),
             ("b", " b  d")]
    entries = [polib.POEntry(msgctxt=c, msgid=t, msgstr="x") for c, t in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fuzzy, "_PYTHON_BUDGET", [0])
        patch.setattr(fuzzy, "AT_ONCE", 0)  # the gram index's path (over 1,000 candidates)
        index = fuzzy.FuzzyIndex(entries, "utf-8", ["d ec  ed"])
        found = [index.search(context, "d ec  ed") for context in (None, "a")]
        rescored = dict(index.scored)
        index.scored.clear()
        assert [index.search(context, "d ec  ed") for context in (None, "a")] == found
        fresh = [fuzzy.FuzzyIndex(entries, "utf-8", ["d ec  ed"]).search(c, "d ec  ed")
                 for c in (None, "a")]
    assert [id(e) for e in found] == [id(e) for e in fresh]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fuzzy, "_PYTHON_BUDGET", [0])
        patch.setattr(fuzzy, "AT_ONCE", 0)
        once = fuzzy.FuzzyIndex(entries, "utf-8", ["d ec  ed"])
        once.search(None, "d ec  ed")
    assert any(once.scored[key][1] < rescored[key][1] for key in once.scored)
