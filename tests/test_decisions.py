"""Kiwi's verdicts on glossary hits, recorded in the project cache and reused.

The recorded verdicts must give exactly the hits and the findings a fresh analysis gives,
on every corpus and glossary in tests/data, and a run over text already judged must not
load Kiwi at all.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks import run_checks
from l10n.glossary import decisions, inflection, matching
from l10n.glossary.model import KoHit, Term
from l10n.glossary.terms import Glossary, read_glossary

from .conftest import assert_fingerprint_covers

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GLOSSARIES = sorted(DATA.glob("*/glossary.csv")) + [DATA / "checks_glossary.csv",
                                                    ROOT / "glossary.csv"]
KOREAN = re.compile("[가-힣]")


def _texts() -> list[str]:
    """Every Korean sentence of the corpora in tests/data and the bundled catalog."""
    texts: list[str] = []
    for po in sorted(DATA.glob("*/*.po")) + sorted((ROOT / "locales").glob("en/*/*.po")):
        texts += [entry.msgid for entry in polib.pofile(str(po)) if entry.msgid]
    for tsv in sorted(DATA.glob("*/*.tsv")):
        with tsv.open(encoding="utf-8", newline="") as handle:
            texts += [cell for row in csv.reader(handle, delimiter="\t") for cell in row
                      if KOREAN.search(cell)]
    for txt in sorted(DATA.glob("segment_*/*.txt")):
        texts += [line for line in txt.read_text(encoding="utf-8").splitlines()
                  if KOREAN.search(line)]
    texts += [pair["ko"] for pair in
              json.loads((DATA / "essay_translation.json").read_text(encoding="utf-8"))]
    return list(dict.fromkeys(texts))


def _all_terms() -> Glossary:
    """Every term of every glossary in one (the Korean forms must be distinct)."""
    found: dict[str, Term] = {}
    for path in GLOSSARIES:
        for term in read_glossary(path).terms:
            found.setdefault(re.sub(r"\s+", "", term.ko), term)
    return Glossary(tuple(found.values()))


def _no_kiwi(monkeypatch) -> None:
    def refuse():
        raise AssertionError("Kiwi was loaded although every verdict was recorded")

    monkeypatch.setattr("l10n.korean.kiwi.kiwi", refuse)


def _plain(hits_per_text):
    return [[(hit.term.ko, hit.start, hit.end) for hit in hits] for hits in hits_per_text]


@pytest.mark.parametrize("source", [*GLOSSARIES, "all"], ids=lambda p: str(p)[-40:])
def test_recorded_verdicts_give_the_hits_of_a_fresh_analysis(source, tmp_path, monkeypatch):
    texts = _texts()
    load = _all_terms if source == "all" else (lambda: read_glossary(source))
    fresh = _plain(load().find_korean_many(texts))
    cold = load().remember_decisions(tmp_path)
    assert _plain(cold.find_korean_many(texts)) == fresh
    assert (tmp_path / decisions.FILE_NAME).exists()
    _no_kiwi(monkeypatch)
    warm = load().remember_decisions(tmp_path)
    assert _plain(warm.find_korean_many(texts)) == fresh
    assert _plain([warm.find_korean(text) for text in texts[:200]]) == fresh[:200]


def test_the_corpora_have_hits_kiwi_must_decide():
    """The comparison above is not empty: many hits are judged by Kiwi, some rejected."""
    glossary = _all_terms()
    texts = _texts()
    unclear = [(text, hit) for text in texts for hit in glossary._candidates(text)
               if not matching.obvious(text, hit)]
    kept = {(text, hit.start) for text, hits in zip(texts, glossary.find_korean_many(texts),
                                                     strict=True) for hit in hits}
    rejected = [pair for pair in unclear if (pair[0], pair[1].start) not in kept]
    assert len(unclear) > 200 and len(rejected) > 20


@pytest.mark.parametrize("folder", ["qa_corpus", "qa_test"])
def test_check_findings_identical_with_recorded_verdicts(folder, tmp_path, monkeypatch):
    catalogs = [(path, polib.pofile(str(path))) for path in sorted((DATA / folder).glob("*.po"))]
    glossary_path = DATA / folder / "glossary.csv"
    fresh = run_checks(catalogs, glossary=read_glossary(glossary_path))
    # (the omission check's analyses are recorded too: the warm run needs no Kiwi at all)
    cold = run_checks(catalogs, glossary=read_glossary(glossary_path).remember_decisions(tmp_path),
                      cache=tmp_path)
    _no_kiwi(monkeypatch)
    # nor lemminflect: the plurals of the glossary's renderings were recorded too
    monkeypatch.setitem(sys.modules, "lemminflect", None)
    monkeypatch.setattr(inflection, "KNOWN_PLURALS", {})
    inflection.plural_forms.cache_clear()
    warm = run_checks(catalogs, glossary=read_glossary(glossary_path).remember_decisions(tmp_path),
                      cache=tmp_path)
    inflection.plural_forms.cache_clear()
    assert fresh == cold == warm
    assert any(f.code.startswith("G") for f in fresh)


def test_a_bad_cache_is_ignored_with_a_warning(tmp_path, capsys):
    (tmp_path / decisions.FILE_NAME).write_text("{not json", encoding="utf-8")
    glossary = read_glossary(ROOT / "glossary.csv").remember_decisions(tmp_path)
    text = "초연결과 초연결성은 비슷해 보이지만 다른 개념이다."
    expected = _plain([read_glossary(ROOT / "glossary.csv").find_korean(text)])
    assert _plain(glossary.find_korean_many([text])) == expected
    assert "unreadable glossary decision cache ignored" in capsys.readouterr().err
    assert json.loads((tmp_path / decisions.FILE_NAME).read_text())["verdicts"]


def test_entries_that_do_not_fit_their_sentence_are_not_trusted(tmp_path):
    text = "그는 서울시장 선거에 출마하겠다고 선언했다."
    cache = decisions.DecisionCache(tmp_path)
    cache.record(text, {(4, 6, False): True})
    assert cache.lookup(text) == {(4, 6, False): True}
    cache.records[decisions.text_key(text)] = [4, 600, 0, 1]
    assert cache.lookup(text) == {}
    cache.records[decisions.text_key(text)] = [4, 6, 0, True]
    assert cache.lookup(text) == {}


def test_another_decider_discards_the_recorded_verdicts(tmp_path, monkeypatch):
    text = "그는 서울시장 선거에 출마하겠다고 선언했다."
    cache = decisions.DecisionCache(tmp_path)
    cache.record(text, {(4, 6, False): True})
    cache.save()
    assert decisions.DecisionCache(tmp_path).lookup(text) == {(4, 6, False): True}
    monkeypatch.setattr(decisions.DecisionCache, "FINGERPRINT",
                        staticmethod(lambda: "another analyser"))
    assert decisions.DecisionCache(tmp_path).lookup(text) == {}
    assert (tmp_path / ".gitignore").read_text().endswith("*\n")


def test_a_run_with_nothing_unclear_loads_no_kiwi(monkeypatch):
    _no_kiwi(monkeypatch)
    glossary = read_glossary(ROOT / "glossary.csv")
    hits = glossary.find_korean_many(["초연결 사회가 온다.", "중소기업들에게 4차 산업 혁명이란..."])
    assert [[hit.surface for hit in found] for found in hits] == [["초연결"],
                                                                  ["중소기업", "4차 산업 혁명"]]


def test_a_verdict_is_kept_per_linked_form_not_per_span_alone(tmp_path, monkeypatch):
    """The same span is a linked form of one term (장맛 of 장마) and another term itself
    (장맛): one cache folder shared by both glossaries must give each its own verdict."""
    linked = Glossary((Term("장마", "monsoon"),))
    plain = Glossary((Term("장맛", "taste of soy sauce"),))
    text = "장맛비가 그쳤다."
    fresh = [_plain(g.find_korean_many([text])) for g in (linked, plain)]
    assert fresh[0] != [[]] or fresh[1] != [[]]
    for glossary in (linked, plain):  # each glossary records its own verdict
        Glossary(glossary.terms).remember_decisions(tmp_path).find_korean_many([text])
    _no_kiwi(monkeypatch)
    warm = [_plain(Glossary(g.terms).remember_decisions(tmp_path).find_korean_many([text]))
            for g in (linked, plain)]
    assert warm == fresh


def _unclear(glossary: Glossary, texts: list[str]) -> list[tuple[str, KoHit]]:
    return [(text, hit) for text in texts for hit in glossary._candidates(text)
            if not matching.obvious(text, hit)]


@pytest.mark.parametrize("source", [*GLOSSARIES, "all"], ids=lambda p: str(p)[-40:])
def test_verdicts_in_the_words_around_a_hit_equal_the_sentence_verdicts(source):
    """Issue 22: judging a hit in its eojeol and their neighbours (falling back to the
    sentence where those disagree) gives the per-sentence verdict on every unclear hit
    of every corpus and glossary (bench/decisions.py adds the bench corpora)."""
    glossary = _all_terms() if source == "all" else read_glossary(source)
    pairs = _unclear(glossary, _texts())
    assert matching.decide(pairs) == matching.sentence_verdicts(pairs)


def test_a_hit_the_words_around_it_disagree_on_is_judged_in_its_sentence():
    """초연결 in 초연결과 초연결성은: Kiwi analyses the eojeol 초연결과 alone otherwise
    than in the sentence; the wider windows disagree, so the sentence decides."""
    glossary = read_glossary(ROOT / "glossary.csv")
    text = "초연결과 초연결성은 비슷해 보이지만 다른 개념이다."
    pairs = _unclear(glossary, [text])
    windows = [matching.window(text, hit, width) for text, hit in pairs[:1]
               for width in matching.CONTEXTS]
    assert [w for w, _ in windows] == ["초연결과", "초연결과 초연결성은",
                                       "초연결과 초연결성은 비슷해"]
    assert len(set(matching.sentence_verdicts(windows))) == 2  # the contexts disagree
    assert matching.decide(pairs) == matching.sentence_verdicts(pairs)


def test_windows_are_cut_at_whitespace_and_keep_the_hit():
    term = Term("산업 혁명", "industrial revolution")
    text = "  제4차  산업\n혁명이란 무엇인가 묻는다 "
    hit = KoHit(term, text.index("산업"), text.index("혁명") + 2, "산업\n혁명")
    for width, expected in ((0, "산업\n혁명이란"), (1, "제4차  산업\n혁명이란 무엇인가"),
                            (2, "제4차  산업\n혁명이란 무엇인가 묻는다"),
                            (5, "제4차  산업\n혁명이란 무엇인가 묻는다")):
        inside, moved = matching.window(text, hit, width)
        assert inside == expected
        assert inside[moved.start:moved.end] == hit.surface
    assert matching.window("산업혁명", KoHit(term, 0, 4, "산업혁명"), 2)[0] == "산업혁명"


def test_a_warm_run_on_known_words_in_new_sentences_loads_no_kiwi(tmp_path, monkeypatch):
    """The verdicts are recorded per window: a new sentence whose unclear hits sit in
    known words (and known neighbours) needs no analysis."""
    glossary = read_glossary(ROOT / "glossary.csv")
    first = "초연결 사회는 산업혁명기의 사회와 다르다. 그는 초연결도 고독도 말했다."
    known = _plain(glossary.remember_decisions(tmp_path).find_korean_many([first]))
    at = first.index("초연결도")
    assert known == [[("초연결", 0, 3), ("초연결", at, at + 3)]]  # not 산업혁명 in 산업혁명기
    _no_kiwi(monkeypatch)
    again = read_glossary(ROOT / "glossary.csv").remember_decisions(tmp_path)
    # other sentences, the same words within two eojeol of each unclear hit
    assert _plain(again.find_korean_many(["이 역시 초연결 사회는 산업혁명기의 사회와 다르다.",
                                          "모두 다르다. 그는 초연결도 고독도 말했다."])) == [
        [("초연결", 5, 8)], [("초연결", 11, 14)]]
    assert not again.decisions.dirty  # nothing new was judged


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["시장", "시장님", "에서", "공유지", " ", "  ", "\n", "\u00a0",
                                 "가", "하다", ".", "(", "x"]), max_size=14),
       st.integers(0, 30), st.integers(1, 4), st.integers(0, 3))
def test_a_window_holds_its_hit_cut_at_whitespace_and_judged_alike(parts, at, size, width):
    """Whatever the text, a window is whole eojeol of it around the hit, and the hit is
    unclear in it exactly when it is in the text (so the same rule judges both)."""
    text = "".join(parts)
    start = min(at, max(len(text) - 1, 0))
    end = min(start + size, len(text))
    if start >= end or text[start].isspace() or text[end - 1].isspace():
        return
    hit = KoHit(Term("시장", "market"), start, end, text[start:end])
    inside, moved = matching.window(text, hit, width)
    first = start - moved.start  # where the window lies in the text
    assert first >= 0 and text[first:first + len(inside)] == inside
    assert inside[moved.start:moved.end] == hit.surface
    assert inside == inside.strip() or inside == text
    assert first == 0 or text[first - 1].isspace()
    assert first + len(inside) == len(text) or text[first + len(inside)].isspace()
    assert matching.obvious(inside, moved) == matching.obvious(text, hit)


@pytest.mark.parametrize("module", ["glossary.terms", "glossary.matching", "glossary.model",
                                    "glossary.names", "glossary.inflection", "korean.kiwi"])
def test_a_change_to_any_module_that_decides_a_hit_discards_the_recorded_verdicts(
        module: str, tmp_path, monkeypatch) -> None:
    """model.py (nospace) and names.py (surnames) came out of terms.py when it was split,
    and the fingerprint kept naming terms.py alone: an edit of either kept the verdicts of
    the old rules."""
    assert_fingerprint_covers(decisions.fingerprint, module, tmp_path, monkeypatch)


def test_kiwi_is_asked_in_batches_of_bounded_size_with_the_same_verdicts(monkeypatch):
    """Issue 22 (memory): the windows of a large catalog were sent to Kiwi in one batch,
    whose tokens and readings both processes held at once (about 300 MB each at 100,000
    entries); batches of ``matching.BATCH`` texts give the same verdicts."""
    from l10n.korean import analyser

    glossary = read_glossary(ROOT / "glossary.csv")
    pairs = _unclear(glossary, _texts())
    whole = matching.decide(pairs)
    sizes = []
    for name in ("tokenize", "analyze"):
        ask = getattr(analyser, name)

        def counted(texts, *args, ask=ask, **kwargs):
            sizes.append(len(texts))
            return ask(texts, *args, **kwargs)
        monkeypatch.setattr(analyser, name, counted)
    monkeypatch.setattr(matching, "BATCH", 7, raising=False)
    assert matching.decide(pairs) == whole
    assert len(sizes) > 2 and max(sizes) <= 7


@settings(max_examples=2000, deadline=None, database=None)
@given(ko=st.text(alphabet="장마나무김치맛뭇칫 \t가각갓", min_size=1, max_size=5),
       surface=st.text(alphabet="장마나무김치맛뭇칫 \t가각갓\n", min_size=1, max_size=6))
def test_the_linked_flag_of_a_verdict_key_is_its_plain_definition(ko, surface):
    """``verdict_key`` asks ``_linked_forms`` (hashing the term) only where the hit ends
    in a syllable with the final ㅅ every linked form ends in: the same flag."""
    term = Term(ko, "x")
    hit = KoHit(term, 0, len(surface), surface)
    plain = matching.nospace(surface) in matching._linked_forms(term)
    assert matching.verdict_key(hit) == (0, len(surface), plain)
