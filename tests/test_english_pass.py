"""The English side in one pass per translation (glossary/english.py): the verdicts are
those of the per-form expressions, term by term, on any text."""

from __future__ import annotations

import csv
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.glossary.english import EnglishForms, fold
from l10n.glossary.model import Term
from l10n.glossary.terms import Glossary, read_glossary
from l10n.glossary.verdicts import judge_english

from .conftest import DATA, ROOT

# letters re.IGNORECASE equates with ASCII ones, spaces str.split reads, hyphens, quotes
ODD = ["\u212a", "\u0130", "\u0131", "\u017f", "\u00a0", "\u2003", "\x1c", "\n", "-", "’",
       "'", "s", "É", "ß", " "]
WORDS = ["tecnology", "tehcnology", "hyper conectivity", "Strase", "data", "Data", "DATA", "base", "market", "markets", "SME", "SMEs", "Son",
         "Heung-min", "hyper", "connectivity", "hyper-connectivity", "tecnology",
         "technology", "analyses", "analysis", "café", "Café", "rules", "skies", "sky"]


def _terms() -> list[Term]:
    return [Term("데이터", "data", en_variants=("data set",), forbidden=("database",)),
            Term("시장", "market", forbidden=("marketplace",)),
            Term("중소기업", "SMEs", en_variants=("small businesses",)),
            Term("손흥민", "Son Heung-min", kind="name"),
            Term("초연결", "hyper-connectivity", forbidden=("hyperconnectivity",)),
            Term("기술", "technology"), Term("분석", "analysis"),
            Term("카페", "café"), Term("하늘", "sky"), Term("규칙", "rules", kind="keep"),
            Term("키", "KEY", kind="keep")]


texts = st.lists(st.sampled_from(WORDS + ODD), max_size=14).map(
    lambda parts: "".join(p if p in ODD else f" {p}" for p in parts))


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(1, 3), st.booleans(), st.booleans())
def test_one_pass_gives_the_per_form_verdict(english, needed, verbal, surname):
    glossary = Glossary(tuple(_terms()))
    seen = glossary.english(english)
    for term in glossary.terms:
        alone = judge_english(term, english, needed=needed, verbal=verbal, surname=surname)
        shared = judge_english(term, english, needed=needed, verbal=verbal, surname=surname,
                               target=seen)
        assert shared == alone, (term.en, english)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abkisKI -") + ODD), max_size=20),
       st.sampled_from(["kiss", "is", "ski", "k i", "sik"]))
def test_the_scan_never_misses_what_the_expression_finds(english, form):
    import re

    words = [re.escape(word) for word in form.split()]
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    if pattern.search(english):
        assert EnglishForms([form]).scan(english).may_have(form)
        assert EnglishForms([]).scan(english).may_have(form)  # outside the automaton


def test_forms_outside_ascii_are_always_matched():
    seen = EnglishForms(["café"]).scan("CAFE")
    assert seen.may_have("café")  # not filtered: its expression decides
    assert fold("Hyper  Connectivity\n") == "hyper connectivity"


class _PerForm:
    """A glossary without the one-pass reader: judge_entry matches form by form."""
    surnames = True


def test_every_glossary_of_the_repository_judges_its_corpus_alike():
    import polib

    from l10n.glossary.verdicts import judge_entry

    compared = 0
    for folder in ("qa_corpus", "qa_test", "qa_heldout", "qa_kitchen"):
        glossary = read_glossary(DATA / folder / "glossary.csv")
        for path in sorted((DATA / folder).glob("*.po")):
            for entry in polib.pofile(str(path)):
                hits = glossary.find_korean(entry.msgid)
                shared = list(judge_entry(glossary, entry.msgid, entry.msgstr, hits=hits))
                alone = list(judge_entry(_PerForm(), entry.msgid, entry.msgstr, hits=hits))
                assert shared == alone, entry.msgid
                compared += len(shared)
    assert compared > 200


def test_a_run_with_nothing_unclear_loads_no_kiwi(tmp_path):
    """Hits that are whole words or a word and its case particles need no analyser."""
    glossary = tmp_path / "glossary.csv"
    with glossary.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["ko", "en"], ["중소기업", "SMEs"], ["시장", "market"]])
    script = (
        "import sys\n"
        "from l10n.glossary.terms import read_glossary\n"
        "from l10n.glossary.verdicts import judge_entry\n"
        f"g = read_glossary(__import__('pathlib').Path({str(glossary)!r}))\n"
        "hits = g.find_korean_many(['중소기업은 시장에 진출했다.', '시장 이야기'])\n"
        "assert [len(h) for h in hits] == [2, 1], hits\n"
        "j = list(judge_entry(g, '중소기업은 시장에 진출했다.', 'SMEs entered the market.',"
        " hits=hits[0]))\n"
        "assert [x.verdict.value for x in j] == ['exact', 'exact'], j\n"
        "assert 'kiwipiepy' not in sys.modules, 'Kiwi loaded'\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert result.returncode == 0, result.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB1_-. ") + ODD + ["한", "①", "²", "Ⅻ"]),
               max_size=24))
def test_the_quick_spelling_text_is_the_spelling_index_text(english):
    from l10n.glossary.english import alnum_folded

    assert EnglishForms([]).scan(english).loose_text == alnum_folded(english)[0]


def test_verb_forms_come_from_the_cache_without_lemminflect(tmp_path, monkeypatch):
    """A noun used as a verb (개발했습니다) takes the verb's forms; a warm run reads them
    from .l10n-cache and never imports lemminflect."""
    from l10n.glossary import inflection
    from l10n.glossary.model import Verdict
    from l10n.glossary.verdicts import judge_entry

    glossary_csv = tmp_path / "glossary.csv"
    glossary_csv.write_text("ko,en\n개발,development\n", encoding="utf-8")
    source, target = "우리는 새 반찬을 개발했습니다.", "We developed a new side dish."
    cold = read_glossary(glossary_csv).remember_decisions(tmp_path / "cache")
    cold.prime_inflections()
    assert [j.verdict for j in judge_entry(cold, source, target)] == [Verdict.INFLECTED]
    monkeypatch.setitem(sys.modules, "lemminflect", None)
    monkeypatch.setattr(inflection, "KNOWN_VERBS", {})
    monkeypatch.setattr(inflection, "KNOWN_PLURALS", {})
    inflection.verb_forms.cache_clear()
    inflection.plural_forms.cache_clear()
    try:
        warm = read_glossary(glossary_csv).remember_decisions(tmp_path / "cache")
        warm.prime_inflections()
        assert [j.verdict for j in judge_entry(warm, source, target)] == [Verdict.INFLECTED]
    finally:
        inflection.verb_forms.cache_clear()
        inflection.plural_forms.cache_clear()


def test_letters_that_fold_to_two_keep_the_spelling_offsets():
    """Reported by the property above: ß (ss) and İ (i + dot) before a misspelt term
    shifted the offsets of the spelling index (a wrong 'found' text, or IndexError)."""
    hyphen = Term("초연결", "hyper-connectivity")
    judged = judge_english(hyphen, "Die Straße: hyper connectivity.")
    assert (judged.verdict.value, judged.found) == ("orthographic", "hyper connectivity")
    assert judge_english(Term("데이터", "data"), "İß dataK").verdict.value == "missing"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("가나 다\t\n") + ["\u3000", "\xa0", "\x1c", "a"]),
               max_size=30))
def test_squeezed_offsets_are_the_per_character_ones(text):
    from l10n.glossary.matching import squeeze, unsqueezed

    squeezed, at, removed = squeeze(text)
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    assert squeezed == "".join(text[i] for i in offsets)
    assert [unsqueezed(j, at, removed) for j in range(len(squeezed))] == offsets


def _misspelt_reference(form: str, english: str) -> str:
    """The per-window definition: every window of words, one edit at most."""
    import re

    from rapidfuzz.distance import DamerauLevenshtein

    target = " ".join(form.split()).casefold()
    if len(target) < 6:
        return ""
    words = re.findall(r"[\w'’-]+", english)
    size = len(target.split())
    for i in range(len(words) - size + 1):
        window = " ".join(words[i:i + size])
        if DamerauLevenshtein.distance(window.casefold(), target) <= 1:
            return window
    return ""


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["technology", "hyper connectivity", "data base", "marketss",
                               "Straße", "analysis"]))
def test_the_length_filter_keeps_every_window_within_one_edit(english, form):
    from l10n.glossary.verdicts import _misspelt

    expected = _misspelt_reference(form, english)
    assert _misspelt(form, english) == expected
    assert _misspelt(form, english, EnglishForms([]).scan(english)) == expected
