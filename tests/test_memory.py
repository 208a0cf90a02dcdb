"""Translation memory: normalisation, lookups, pre-translation in update, analysis."""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein
from typer.testing import CliRunner

from l10n.cli import app
from l10n.config import load_config
from l10n.errors import ConfigError
from l10n.memory.analysis import BANDS, analyze, band_of, parse_rates
from l10n.memory.archive import load_memory, read_memory_file
from l10n.memory.tm import (
    MAX_CANDIDATES,
    TranslationMemory,
    Unit,
    normalize,
    substitute_numbers,
)
from l10n.pipeline import project_catalogs
from l10n.po.catalog import read_catalog, write_catalog

from .conftest import PYPROJECT, make_project
from .test_cli import l10n
from .test_pipeline import run_update

YEAR = "2023년에 인구는 5,000만 명이었다."
YEAR_EN = "In 2023 the population was 50 million."
LIVES = "초연결 사회는 우리의 삶을 바꾸었다."
LIVES_EN = "The hyper-connected society has changed our lives."


def unit(source: str, target: str, origin: str = "source/ko/a.md:3", essay: str = "a"):
    return Unit(source, target, origin, essay)


# -- normalisation and lookups ----------------------------------------------------
def test_normalize_nfc_width_and_space() -> None:
    decomposed = unicodedata.normalize("NFD", "한국어")
    assert decomposed != "한국어"
    assert normalize(f"  {decomposed}！\u3000２０２３년\n\t끝． ") == "한국어! 2023년 끝."


def test_exact_match_after_normalisation_is_100() -> None:
    memory = TranslationMemory([unit(YEAR, YEAR_EN)])
    match = memory.best("２０２３년에  인구는 5,000만 명이었다．")
    assert match is not None and match.exact and match.score == 100
    assert match.unit.target == YEAR_EN


def test_fuzzy_match_scores_levenshtein_and_names_the_number() -> None:
    memory = TranslationMemory([unit(YEAR, YEAR_EN), unit(LIVES, LIVES_EN)])
    query = "2024년에 인구는 5,000만 명이었다."
    match = memory.best(query)
    similarity = Levenshtein.normalized_similarity(query.replace(" ", ""), YEAR.replace(" ", ""))
    assert match.score == int(similarity * 100) - 1  # one point for the number that differs
    assert match.differences == ("number 2023 → 2024",)
    assert not match.exact


def test_spacing_only_difference_is_99_not_exact() -> None:
    memory = TranslationMemory([unit("산업 혁명이 시작되었다.", "The industrial revolution began.")])
    match = memory.best("산업혁명이 시작되었다.")
    assert match.score == 98 and match.differences == ("spacing",)


def test_latin_and_glossary_differences_are_named(tmp_path: Path) -> None:
    from l10n.glossary.terms import parse_glossary

    glossary = parse_glossary("ko,en\n초연결,hyper-connectivity\n사물인터넷,Internet of Things\n")
    memory = TranslationMemory([unit("AI는 초연결 시대의 핵심 기술이다.", "AI is the key technology.")],
                               glossary=glossary)
    match = memory.best("IoT는 사물인터넷 시대의 핵심 기술이다.", threshold=50)
    assert "Latin AI → IoT" in match.differences
    assert "term 초연결 → 사물인터넷" in match.differences


def test_below_threshold_no_match() -> None:
    memory = TranslationMemory([unit(LIVES, LIVES_EN)])
    assert memory.best("전혀 관계가 없는 다른 문장을 여기에 쓴다.") is None


def test_index_finds_what_a_full_scan_finds() -> None:
    """The bigram index reads a few candidates, and the best of them is the scan's best."""
    rng = random.Random(7)
    syllables = [chr(0xAC00 + i * 97) for i in range(60)]
    sentences = ["".join(rng.choice(syllables) for _ in range(rng.randint(8, 30))) + "다."
                 for _ in range(3000)]
    memory = TranslationMemory([unit(s, f"t{i}") for i, s in enumerate(sentences)])
    for source in rng.sample(sentences, 40):
        edited = list(source)
        edited[rng.randrange(len(edited) - 2)] = rng.choice(syllables)
        query = "".join(edited)
        ids = memory._candidates(query)
        assert len(ids) <= MAX_CANDIDATES
        best = max(Levenshtein.normalized_similarity(query, s) for s in sentences)
        match = memory.best(query, threshold=50)
        assert match is not None
        found = Levenshtein.normalized_similarity(query, normalize(match.unit.source))
        assert found == pytest.approx(best)


def test_a_fuzzy_lookup_imports_no_numpy_ma() -> None:
    """np.unique imported numpy.ma on its first call: 40-60 ms in each worker of an
    update, for a sorted set of a few bigrams."""
    import subprocess

    code = ("import sys\nfrom l10n.memory.tm import TranslationMemory, Unit\n"
            "m = TranslationMemory([Unit('가나다라마바사', 'x', 'a:1', 'a')])\n"
            "assert m.lookup('가나다라마바자', threshold=50)\n"
            "print('numpy.ma' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_candidates_are_those_of_a_unique_of_numpy() -> None:
    import numpy as np

    from l10n.memory.tm import _unique

    rng = random.Random(7)
    for size in (0, 1, 2, 50, 400):
        values = np.array([rng.randrange(30) for _ in range(size)], dtype=np.int64)
        assert _unique(values).tolist() == np.unique(values).tolist()


def test_the_project_memory_is_indexed_before_update_forks(tmp_path: Path) -> None:
    from l10n.memory.pretranslation import project_pretranslator

    root = make_project(tmp_path / "p", {"a.md": f"# 첫 글\n\n{YEAR} {LIVES}\n"})
    run_update(root)
    _translate(root / "locales/en/LC_MESSAGES/a.po", {YEAR: YEAR_EN, LIVES: LIVES_EN})
    config = load_config(root)
    found = project_pretranslator(config, lambda lang: project_catalogs(config, lang))
    assert all(memory._index is not None for memory in found.memories.values())


def test_number_substitution_unambiguous_only() -> None:
    new = "2024년에 인구는 5,000만 명이었다."
    assert substitute_numbers(YEAR, new, YEAR_EN) == (
        "In 2024 the population was 50 million.", ["2023 → 2024"])
    # 5,000만 → 6,000만: the English says "50 million", not the digits: left alone
    assert substitute_numbers(YEAR, "2023년에 인구는 6,000만 명이었다.", YEAR_EN) == (YEAR_EN, [])
    # two numbers changed: ambiguous
    assert substitute_numbers("3월에 5명이 왔다.", "4월에 6명이 왔다.", "Five came in March.")[1] == []
    # thousands separators kept
    assert substitute_numbers("1,200명이 왔다.", "1,500명이 왔다.", "1,200 people came.") == (
        "1,500 people came.", ["1,200 → 1,500"])
    # the old value written twice in the English: ambiguous
    assert substitute_numbers("10명 중 3명.", "10명 중 4명.", "3 of 10, 3 again.")[1] == []


# -- pre-translation in update ----------------------------------------------------
def _translate(path: Path, translations: dict[str, str]) -> None:
    po = read_catalog(path)
    for entry in po:
        if entry.msgid in translations:  # as a translator does: text in, fuzzy off
            entry.msgstr = translations[entry.msgid]
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = None
    write_catalog(po, path)


@pytest.fixture
def two_essays(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {"a.md": f"# 첫 글\n\n{YEAR} {LIVES}\n"})
    run_update(root)
    _translate(root / "locales/en/LC_MESSAGES/a.po",
               {"첫 글": "The First Essay", YEAR: YEAR_EN, LIVES: LIVES_EN})
    (root / "source/ko/b.md").write_text(
        "# 둘째 글\n\n2024년에 인구는 5,000만 명이었다. " + LIVES
        + " 초연결 사회는 우리의 삶을 크게 바꾸었다.\n", encoding="utf-8")
    return root


def test_update_pretranslates_from_another_essay(two_essays: Path) -> None:
    run_update(two_essays)
    text = (two_essays / "locales/en/LC_MESSAGES/b.po").read_text("utf-8")
    # exact, from another essay: fuzzy by default, no #| (same source)
    assert (f'#. tm: 100% from source/ko/a.md:3\n#: source/ko/b.md:3\n#, fuzzy\n'
            f'msgid "{LIVES}"\nmsgstr "{LIVES_EN}"\n') in text
    # number substituted, fuzzy, #| msgid the memory's source
    assert ('#. tm: 94% from source/ko/a.md:3 (2023 → 2024 substituted)\n'
            '#: source/ko/b.md:3\n#, fuzzy\n'
            f'#| msgid "{YEAR}"\n'
            'msgid "2024년에 인구는 5,000만 명이었다."\n'
            'msgstr "In 2024 the population was 50 million."\n') in text
    # a fuzzy match above the threshold
    assert '#| msgid "초연결 사회는 우리의 삶을 바꾸었다."\n' \
           'msgid "초연결 사회는 우리의 삶을 크게 바꾸었다."\n' in text
    assert "#. tm: 88% from source/ko/a.md:3" in text
    # nothing for the heading, below the threshold
    assert 'msgid "둘째 글"\nmsgstr ""\n' in text


def test_second_update_keeps_notes_and_bytes(two_essays: Path) -> None:
    run_update(two_essays)
    path = two_essays / "locales/en/LC_MESSAGES/b.po"
    first = path.read_bytes()
    run_update(two_essays)
    assert path.read_bytes() == first


def test_translators_translation_is_never_replaced(two_essays: Path) -> None:
    (two_essays / "source/ko/b.md").write_text(f"# 둘째 글\n\n{LIVES}\n", encoding="utf-8")
    run_update(two_essays)
    path = two_essays / "locales/en/LC_MESSAGES/b.po"
    _translate(path, {LIVES: "My own rendering of it."})
    run_update(two_essays)
    entry = read_catalog(path).find(LIVES)
    assert entry.msgstr == "My own rendering of it." and "fuzzy" not in entry.flags
    assert "tm:" not in entry.comment


def test_tm_exact_translated_and_threshold_from_config(two_essays: Path) -> None:
    (two_essays / "pyproject.toml").write_text(
        PYPROJECT + 'tm-exact = "translated"\ntm-threshold = 90\n', encoding="utf-8")
    run_update(two_essays)
    po = read_catalog(two_essays / "locales/en/LC_MESSAGES/b.po")
    assert po.find(LIVES).msgstr == LIVES_EN and "fuzzy" not in po.find(LIVES).flags
    assert po.find("초연결 사회는 우리의 삶을 크게 바꾸었다.").msgstr == ""  # 88 < 90
    assert "fuzzy" in po.find("2024년에 인구는 5,000만 명이었다.").flags


def test_memory_file_in_config(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"b.md": f"{LIVES}\n"})
    (root / "archive").mkdir()
    (root / "archive/old.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{LIVES}"\nmsgstr "{LIVES_EN}"\n', encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT + 'tm = ["archive/old.po"]\n', "utf-8")
    run_update(root)
    text = (root / "locales/en/LC_MESSAGES/b.po").read_text("utf-8")
    assert "#. tm: 100% from archive/old.po:6\n" in text and LIVES_EN in text


def test_tmx_memory_in_config(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"b.md": f"{LIVES}\n"})
    (root / "old.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ko-KR" '
        'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" '
        'creationtoolversion="1"/><body><tu><prop type="x-essay">old</prop>'
        f'<tuv xml:lang="ko-KR"><seg>{LIVES}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>{LIVES_EN}</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT + 'tm = ["old.tmx"]\n', "utf-8")
    run_update(root)
    entry = read_catalog(root / "locales/en/LC_MESSAGES/b.po").find(LIVES)
    assert entry.msgstr == LIVES_EN and "fuzzy" in entry.flags  # from essay "old"
    assert entry.comment.endswith("tm: 100% from old.tmx:1")


def test_tmx_memory_without_reader_is_a_config_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "l10n.exchange.tmx", None)
    (tmp_path / "old.tmx").write_text("<tmx/>", encoding="utf-8")
    with pytest.raises(ConfigError, match="TMX memories need"):
        read_memory_file(tmp_path / "old.tmx", language="en")
    with pytest.raises(ConfigError, match="unknown translation memory format"):
        read_memory_file(tmp_path / "old.csv", language="en")
    with pytest.raises(ConfigError, match="no such translation memory"):
        read_memory_file(tmp_path / "gone.po", language="en")


@pytest.mark.parametrize("line, message", [
    ('tm = "x.po"\ntm-threshold = 0', "tm-threshold"),
    ('tm-exact = "always"', "tm-exact"),
    ('tm = [1]', "'tm' must be"),
    ('[tool.l10n.rates]\n"100" = "cheap"', "'rates' must be"),
])
def test_bad_memory_config(tmp_path: Path, line: str, message: str) -> None:
    root = make_project(tmp_path / "p", {"a.md": "가.\n"})
    (root / "pyproject.toml").write_text(PYPROJECT + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(root)


# -- analysis -----------------------------------------------------------------------
def test_bands() -> None:
    assert [band_of(s) for s in (100, 99, 95, 94, 85, 84, 75, 74, 50, 49, None)] == [
        "100", "95-99", "95-99", "85-94", "85-94", "75-84", "75-84", "50-74", "50-74",
        "no-match", "no-match"]
    assert parse_rates({"95–99%": 0.25, "no match": 0.9})["95-99"] == 0.25
    with pytest.raises(ConfigError, match="unknown band"):
        parse_rates({"101": 1})


def test_analysis_against_hand_counts() -> None:
    """Two essays; figures counted by hand (eojeol by spaces, characters without spaces)."""
    memory = TranslationMemory([unit(YEAR, YEAR_EN), unit(LIVES, LIVES_EN)])
    first = [LIVES,                                   # 100%: 5 eojeol, 16 chars
             "2024년에 인구는 5,000만 명이었다.",       # 94% (85-94): 4 eojeol, 20 chars
             "새 문장이다.",                            # no match: 2 eojeol, 6 chars
             "새 문장이다."]                            # repetition: 2, 6
    second = ["새 문장이다.",                           # repetition (from the first essay)
              "초연결 사회는 우리의 삶을 크게 바꾸었다."]  # 88% (85-94): 6 eojeol, 18 chars
    result = analyze([("one", first), ("two", second)], memory,
                     rates=parse_rates({}))
    one, two = result.essays
    assert vars(one.bands["100"]) == {"entries": 1, "eojeol": 5, "chars": 16}
    assert vars(one.bands["85-94"]) == {"entries": 1, "eojeol": 4, "chars": 20}
    assert vars(one.bands["no-match"]) == {"entries": 1, "eojeol": 2, "chars": 6}
    assert vars(one.bands["repetitions"]) == {"entries": 1, "eojeol": 2, "chars": 6}
    assert vars(two.bands["repetitions"]) == {"entries": 1, "eojeol": 2, "chars": 6}
    assert vars(two.bands["85-94"]) == {"entries": 1, "eojeol": 6, "chars": 18}
    total = result.total
    assert vars(total.total) == {"entries": 6, "eojeol": 21, "chars": 72}
    # weighted: 12 repetition chars x 0.1 + 16 x 0.1 + 38 x 0.6 + 6 x 1.0
    assert total.weighted(result.rates)[1] == pytest.approx(1.2 + 1.6 + 22.8 + 6.0)
    assert sum(vars(total.bands[b])["entries"] for b in BANDS) == 6


def test_analyze_cli_formats(two_essays: Path) -> None:
    (two_essays / "pyproject.toml").write_text(
        PYPROJECT + '[tool.l10n.rates]\n"100" = 0.2\n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", "-p", str(two_essays), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [e["name"] for e in data["essays"]] == ["a", "b"]
    assert data["essays"][0]["total"]["entries"] == 0  # essay a is translated
    b = data["essays"][1]["bands"]
    assert b["100"] == {"entries": 1, "eojeol": 5, "chars": 16} and data["rates"]["100"] == 0.2
    assert b["no-match"]["entries"] == 1  # the heading
    csv_out = runner.invoke(app, ["analyze", "b", "-p", str(two_essays), "-f", "csv"]).output
    assert csv_out.splitlines()[0] == "essay,band,entries,eojeol,chars,rate,weighted_chars"
    assert "b,100,1,5,16,0.2,3.20" in csv_out
    table = runner.invoke(app, ["analyze", "-p", str(two_essays)]).output
    assert "Repetitions" in table and "No match" in table
    bad = l10n("analyze", "-p", str(two_essays), "-f", "xml")
    assert bad.returncode == 2
    assert bad.stderr.decode() == "error: unknown format 'xml'; use table, json or csv\n"


def test_tm_lookup_cli(two_essays: Path) -> None:
    result = CliRunner().invoke(app, ["tm", "lookup", "2025년에 인구는 5,000만 명이었다.",
                                      "-p", str(two_essays)])
    assert result.exit_code == 0
    assert "source/ko/a.md:3  [number 2023 → 2025]" in result.output and YEAR_EN in result.output


def test_project_memory_holds_every_translated_entry(two_essays: Path) -> None:
    config = load_config(two_essays)
    memory = load_memory(config, project_catalogs(config, "en"), language="en")
    assert sorted(u.target for u in memory.units) == sorted(
        ["The First Essay", YEAR_EN, LIVES_EN])


def test_only_new_entries_are_pretranslated(two_essays: Path) -> None:
    """An entry the catalog already had, left empty, is not filled by a later update."""
    (two_essays / "source/ko/b.md").write_text("# 둘째 글\n\n초연결 사회는 우리의 삶을 크게 바꾸었다.\n",
                                               encoding="utf-8")
    path = two_essays / "locales/en/LC_MESSAGES/a.po"
    po = read_catalog(path)
    po.find(LIVES).msgstr = ""  # not in the memory yet
    write_catalog(po, path)
    run_update(two_essays)
    b = two_essays / "locales/en/LC_MESSAGES/b.po"
    assert read_catalog(b).find("초연결 사회는 우리의 삶을 크게 바꾸었다.").msgstr == ""
    _translate(path, {LIVES: LIVES_EN})  # now it is
    run_update(two_essays)
    assert read_catalog(b).find("초연결 사회는 우리의 삶을 크게 바꾸었다.").msgstr == ""
