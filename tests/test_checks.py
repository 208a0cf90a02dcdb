"""QA checks: every check's Bad/Good examples, edge cases, formats, exit codes, corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks import (
    REGISTRY,
    Severity,
    apply_baseline,
    exit_code,
    run_checks,
    select_checks,
)
from l10n.checks.base import check
from l10n.errors import ConfigError
from l10n.glossary.terms import read_glossary

from .conftest import DATA, ROOT

GLOSSARY = read_glossary(DATA / "checks_glossary.csv")


def catalog(pairs: list[tuple[str, str]], *, fuzzy: bool = False) -> polib.POFile:
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for source, target in pairs:
        flags = []
        if target.startswith("(fuzzy) "):
            target, flags = target[len("(fuzzy) "):], ["fuzzy"]
        po.append(polib.POEntry(msgid=source, msgstr=target, flags=flags or
                                (["fuzzy"] if fuzzy else [])))
    return po


# the reference translation that check R001 compares with in its examples
REFERENCE = {"플랫폼만이 살길이다.": "Platforms are the only way to survive."}


def codes(pairs: list[tuple[str, str]], *, split: bool = False) -> list[str]:
    """Codes found when each pair is its own catalog (split) or all share one."""
    catalogs = ([(Path(f"e{i}.po"), catalog([p])) for i, p in enumerate(pairs)] if split
                else [(Path("e.po"), catalog(pairs))])
    return sorted({f.code for f in run_checks(catalogs, glossary=GLOSSARY, reference=REFERENCE)
                   if f.severity is not Severity.INFO or f.code.startswith("K")})


def example_pairs(text_source: str, text_target: str) -> list[tuple[str, str]]:
    """'src -> tgt | tgt2' or 'src -> tgt | src2 -> tgt2' as (source, target) pairs."""
    pairs = [(text_source, text_target.split(" | ")[0])]
    for part in text_target.split(" | ")[1:]:
        source, _, target = part.rpartition(" -> ")
        pairs.append((source or text_source, target))
    return pairs


# checks of whole files, suppressions and runs have their examples run in test_gate.py
UNIT_EXAMPLES = [(c.code, kind, source, target) for c in REGISTRY.values()
                 if c.scope in ("unit", "project") for kind, source, target in c.examples()]


@pytest.mark.parametrize(("code", "kind", "source", "target"), UNIT_EXAMPLES,
                         ids=[f"{e[0]}-{e[1]}" for e in UNIT_EXAMPLES])
def test_docstring_examples(code: str, kind: str, source: str, target: str) -> None:
    pairs = example_pairs(source, target)
    found = codes(pairs, split=REGISTRY[code].scope == "project")
    if kind == "Bad":
        assert found == [code]
    else:
        assert found == []


def test_every_check_is_documented_with_bad_and_good() -> None:
    assert len(REGISTRY) >= 25
    for item in REGISTRY.values():
        kinds = [kind for kind, _, _ in item.examples()]
        assert "Why:" in item.doc and kinds.count("Bad") >= 1 and kinds.count("Good") >= 1, \
            item.code
        if item.scope == "catalog":
            continue


def test_obsolete_only_catalog() -> None:
    po = catalog([("사라진 문장이다.", "A sentence that is gone.")])
    po[0].obsolete = True
    assert [f.code for f in run_checks([(Path("old.po"), po)])] == ["C003"]
    alive = catalog([("있는 문장이다.", "A sentence that is here.")])
    assert run_checks([(Path("new.po"), alive)]) == []


def test_registration_rejects_bad_codes_and_docs() -> None:
    def nop(unit, ctx):
        """Nothing.

        Why: x
        Bad: a -> b
        Good: a -> c
        """
        yield from ()

    with pytest.raises(ValueError, match="letter and three digits"):
        check(code="G01", name="x-y", severity=Severity.INFO, family="x")(nop)
    with pytest.raises(ValueError, match="registered twice"):
        check(code="G001", name="another-name", severity=Severity.INFO, family="x")(nop)
    with pytest.raises(ValueError, match="lacks Why"):
        check(code="Z999", name="z-z", severity=Severity.INFO, family="x")(lambda u, c: None)


@pytest.mark.parametrize(("source", "target"), [
    ("약 10억 명이 실업자다.", "About a billion people are unemployed."),
    ("5,000만 명이 산다.", "Fifty million people live there."),
    ("인구는 5  만 명이다.", "The population is 50,000."),  # two spaces before the unit
    ("1.5조 원을 투자했다.", "It invested 1.5 trillion won."),
    ("80~99%가 사라진다.", "80 to 99 percent will disappear."),
    ("2016년 1월 20일에 열렸다.", "It was held on January 20, 2016."),
    ("19대 대선을 앞두고", "Ahead of the 19th presidential election"),
    ("18세기 산업 혁명 수준", "The level of the 18th-century Industrial Revolution"),
    ("3차는 있었나?", "Was there even a third?"),
    ("수백, 혹은 수십만 명", "Hundreds, or even hundreds of thousands, of people"),
    ("20대 청년의 실업률", "Unemployment among people in their twenties"),
    ("10명 중 한두 명만 일한다.", "Only one or two in ten work."),
    ("정이 많은 사람이다.", "She has a lot of *jeong* (정), a deep affection."),
    ("나는 궁금하다, 기술이 우리를 자유롭게 했는가?", "I wonder whether technology has set us free."),
    ("플랫폼만이 살길이다.", "Platforms are the only way to survive."),
    ("중소기업들의 희생", "The sacrifices of SMEs"),
    ("코로나19 이후 더 빨라졌다.", "It accelerated after COVID-19."),
    ("O2O 서비스가 넘쳐나지만", "O2O services abound, but"),
    ("K-pop의 인기가 높다.", "K-pop is popular."),
    ("자세한 내용은 https://example.com에서 보세요.", "See https://example.com for details."),
    ("문의는 a@b.co로 보내세요.", "Send questions to a@b.co."),
    ("1조 원을 투자했다.", "It invested one trillion won."),
    ("수십 년 동안 변하지 않았다.", "It has not changed for decades."),
    ("90년대에 시작되었다.", "It started in the 1990s."),
    ("제2차 세계대전 이후", "After World War II"),
    ("헌법 제1조 2항에 따르면", "According to Article 1(2) of the Constitution"),
    ("100km를 달렸다.", "He ran 100 km."),
    ('그는 "정말 그럴까?"라고 물었다.', 'He asked, "Is that really so?"'),
    ("초연결은 인더스트리 4.0과 다르다.", "Hyper-connectivity differs from Industry 4.0."),
])
def test_tricky_but_correct_entries_have_no_findings(source: str, target: str) -> None:
    assert codes([(source, target)]) == []


@pytest.mark.parametrize(("source", "target", "code"), [
    ("약 10억 명이 실업자다.", "About 100 million people are unemployed.", "N001"),
    ("5,000만 명이 산다.", "Five million people live there.", "N001"),
    ("2016년 1월 20일에 열렸다.", "It was held on January 21, 2016.", "N001"),
    ("18세기 산업 혁명 수준", "The level of the 19th-century Industrial Revolution", "N001"),
    ("여기까지 아닌가 ?", "Isn't this where it ends ?", "P004"),
    ("그러나 우리는 외롭다...", "But we are lonely.", "P001"),
    ("「승강기 안전관리법」에 따라", "Under 「the Act」", "P003"),
    ("모두가 연결되어 있다.", "Everyone is 연결되어.", "S001"),
    ("IoT 기기가 늘었다.", "Iot devices multiplied.", "T002"),
    ("K-pop의 인기가 높다.", "Korean pop music is popular.", "T002"),
])
def test_defects_are_found(source: str, target: str, code: str) -> None:
    assert code in codes([(source, target)])


def test_checks_skip_untranslated_entries() -> None:
    assert codes([("초연결 사회가 온다.", ""), ("5,000만 명", "")]) == ["C001"]


def test_suppression_comment() -> None:
    po = catalog([("약 10억 명이 실업자다.", "About 100 million people are unemployed.")])
    po[0].tcomment = "figure corrected on purpose\nl10n-ignore: N001"
    assert run_checks([(Path("e.po"), po)]) == []
    po[0].tcomment = "l10n-ignore: number-missing, W002"
    unused = run_checks([(Path("e.po"), po)])  # W002 silences nothing: ruff's RUF100
    assert [f.code for f in unused] == ["L001"] and "W002" in unused[0].message


def test_select_ignore_severity_and_exit_code() -> None:
    pairs = [("약 10억 명이 실업자다.", "About 100 million  people are unemployed.")]
    catalogs = [(Path("e.po"), catalog(pairs))]
    everything = run_checks(catalogs)
    assert {f.code for f in everything} == {"N001", "W002"}
    assert exit_code(everything) == 1
    only_w = run_checks(catalogs, checks=select_checks(["W"]))
    assert [f.code for f in only_w] == ["W002"] and exit_code(only_w) == 0
    assert exit_code(only_w, strict=True) == 1
    no_numbers = run_checks(catalogs, checks=select_checks((), ["numbers"]))
    assert [f.code for f in no_numbers] == ["W002"]
    downgraded = run_checks(catalogs, severity={"N001": "warning", "double-space": "off"})
    assert [(f.code, f.severity) for f in downgraded] == [("N001", Severity.WARNING)]
    with pytest.raises(ConfigError, match="unknown check"):
        select_checks(["Q123"])


def test_baseline_accepts_old_findings_only() -> None:
    old = run_checks([(Path("e.po"), catalog([("약 10억 명", "100 million")]))])
    baseline = [f.as_dict() for f in old]
    new = run_checks([(Path("e.po"), catalog([("약 10억 명", "100 million"),
                                              ("5,000만 명", "5 million")]))])
    fresh = apply_baseline(new, baseline)
    assert [f.msgid for f in fresh] == ["5,000만 명"]


def test_crashing_check_is_an_internal_error(monkeypatch) -> None:
    def boom(unit, ctx):
        raise RuntimeError("bug")

    broken = REGISTRY["F001"].__class__(**{**REGISTRY["F001"].__dict__, "function": boom})
    findings = run_checks([(Path("e.po"), catalog([("가", "Ga goes.")]))], checks=[broken])
    assert [(f.code, f.severity) for f in findings] == [("L000", Severity.ERROR)]
    assert "crashed: RuntimeError: bug" in findings[0].message


# ------------------------------------------------------------------ command line

def l10n(*args: str, cwd: Path | None = None):
    return subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", *args],
                          cwd=cwd or Path("/"), capture_output=True, text=True)


@pytest.fixture
def bad_po(tmp_path: Path) -> Path:
    path = tmp_path / "bad.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "약 10억 명이 실업자다."\nmsgstr "About 100 million people are unemployed."\n\n'
        'msgid "초연결 사회가 온다."\nmsgstr "A hyperlinked world is coming ."\n', encoding="utf-8")
    return path


def test_cli_text_output_and_exit_code(bad_po: Path) -> None:
    result = l10n("check", str(bad_po), "--glossary", str(DATA / "checks_glossary.csv"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{bad_po}:7: N001 number-missing: 1,000,000,000 in the source is not in the " \
           "translation" in lines
    assert any(":10: G001 glossary-term-missing:" in line for line in lines)
    assert lines[-1].startswith("1 file(s) checked: 2 error(s), 1 warning(s)")


def test_cli_json_github_sarif(bad_po: Path) -> None:
    data = json.loads(l10n("check", str(bad_po), "-f", "json").stdout)
    first = data["findings"][0]
    assert set(first) == {"path", "line", "column", "code", "name", "severity", "message",
                          "msgid", "msgstr"}
    assert data["summary"]["errors"] == 1
    github = l10n("check", str(bad_po), "-f", "github").stdout
    assert github.startswith(f"::error file={bad_po},line=7,title=N001 number-missing::")
    sarif = json.loads(l10n("check", str(bad_po), "-f", "sarif").stdout)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"][0]["ruleId"] == "N001"


def test_cli_baseline_round_trip(bad_po: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert l10n("check", str(bad_po), "--write-baseline", str(baseline)).returncode == 1
    again = l10n("check", str(bad_po), "--baseline", str(baseline))
    assert again.returncode == 0 and "0 error(s)" in again.stdout


def test_cli_usage_and_input_errors(bad_po: Path, tmp_path: Path) -> None:
    assert l10n("check", str(bad_po), "--select", "Q999").returncode == 2
    assert l10n("check", str(bad_po), "-f", "xml").returncode == 2
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', encoding="utf-8")
    result = l10n("check", str(broken))
    assert result.returncode == 3 and "syntax" in result.stderr


def test_cli_checks_listing_and_doc() -> None:
    listing = l10n("checks").stdout
    assert all(code in listing for code in REGISTRY)
    doc = l10n("checks", "N001").stdout
    assert "Why:" in doc and "Bad:" in doc and "Good:" in doc
    assert "Exit codes" in l10n("check", "--help").stdout


def test_bundled_essay_has_no_findings() -> None:
    result = l10n("check", "--project", str(ROOT), "--strict")
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s), 0 info" in result.stdout


# ------------------------------------------------------------------ defect corpus

def test_defect_corpus_precision_and_recall_per_family() -> None:
    from .qa_eval import family_scores

    scores = family_scores()
    for family, score in scores.items():
        assert score["recall"] >= 0.9 and score["precision"] >= 0.9, (family, score)


def test_parallel_checks_do_not_hang_after_kiwi_ran_in_this_process() -> None:
    """Kiwi's thread pool does not survive fork: workers must never call it (found in review)."""
    code = r"""
import polib
from pathlib import Path
from l10n.checks import run_checks
from l10n.glossary.terms import parse_glossary
from l10n.korean.kiwi import kiwi as _kiwi

glossary = parse_glossary("ko,en\n공유,sharing\n")
po = polib.POFile()
for i in range(4500):  # enough entries for the checks to fork
    po.append(polib.POEntry(msgid=f"{i}번째 파일을 공유했다.", msgstr=f"File {i} was sent."))
list(_kiwi().tokenize(["파일을 공유했다."] * 20))  # Kiwi's thread pool now runs here
many = run_checks([(Path("f.po"), po)], glossary=glossary, jobs=2)
one = run_checks([(Path("f.po"), po)], glossary=glossary, jobs=1)
assert many == one and any(f.code == "G005" for f in many), len(many)  # a verb: unsure
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@settings(max_examples=3000, deadline=None, database=None)
@given(source=st.text(alphabet=" \t\n\u3000\xa0ab가", max_size=8),
           target=st.text(alphabet=" \t\n\u3000\xa0ab가", max_size=8))
def test_copied_source_shortcut_agrees_with_the_whitespace_normalised_comparison(
        source: str, target: str) -> None:
    from l10n.checks import _copied
    from l10n.checks.base import Unit

    assert _copied(Unit(source=source, target=target)) == (
        " ".join(target.split()) == " ".join(source.split()))


@settings(max_examples=3000, deadline=None, database=None)
@given(text=st.text(alphabet="abZY,;.!? \n1", max_size=10))
def test_missing_space_pattern_matches_its_plain_definition(text: str) -> None:
    """P004's fast pattern finds exactly what the plain one would."""
    import re

    from l10n.checks.punctuation import _NO_SPACE_AFTER

    plain = re.compile(r"[a-z]{2}[,;][A-Za-z]|[a-z]{2}[.!?][A-Z][a-z]")
    assert bool(_NO_SPACE_AFTER.search(text)) == bool(plain.search(text))


def test_parallel_run_finds_what_one_process_finds_across_all_families() -> None:
    """With jobs the entries are split into slices and the whole-catalog checks run as a
    task of their own; the sorted findings are those of one process."""
    po = polib.POFile()
    for i in range(4200):  # enough entries for the checks to fork
        target = f"Case {i}: the the plan (was late." if i % 7 == 0 else f"Case {i}: it grew."
        po.append(polib.POEntry(msgid=f"사례 {i}: 그것은 {i % 50}억 원 규모로 성장했다.",
                                msgstr=target if i % 11 else "Same sentence for two sources.",
                                linenum=i * 3 + 1))
    po.append(polib.POEntry(msgid="사례 1: 그것은 1억 원 규모로 성장했다.", msgctxt="again",
                            msgstr="Case 1: it grew by 100 million won.", linenum=99999))
    many = run_checks([(Path("f.po"), po)], jobs=2)
    one = run_checks([(Path("f.po"), po)], jobs=1)
    assert many == one
    assert {"N001", "F001", "P002", "K001", "K002"} <= {f.code for f in many}


def test_checks_run_on_fuzzy_entries_beside_the_fuzzy_warning() -> None:
    """A stale number in a fuzzy entry is still a stale number (issue 15)."""
    found = codes([("이 축제는 2024년에 처음 열렸다.", "(fuzzy) The festival was first held in 2023.")])
    assert found == ["C002", "N001", "N002"]
    assert codes([("이 축제는 2024년에 처음 열렸다.",
                   "(fuzzy) The festival was first held in 2024.")]) == ["C002"]


def test_consistency_compares_settled_translations_only() -> None:
    """A fuzzy entry's old wording is not a second translation of its source."""
    assert "K001" not in codes([("결과는 참담했다.", "The result was dire."),
                                ("결과는 참담했다.", "(fuzzy) The outcome was grim.")], split=True)


@pytest.mark.parametrize("name", ["kitchen", "heldout"])
def test_typed_corpora_recall_precision_tricky_and_the_correct_file(name: str) -> None:
    """Issue 15: typed recall and precision at least 0.90, at most 1 in 20 correct-but-
    tricky entries flagged, and the fully correct file exits 0 (heldout is measured
    here, never tuned on)."""
    from .qa_eval import TYPED, typed_report

    report = typed_report(TYPED[name])
    every = report["families"]["all"]
    assert every["recall"] >= 0.9 and every["precision"] >= 0.9, every
    assert len(report["tricky_flagged"]) * 20 <= report["tricky"], report["tricky_flagged"]
    assert report["correct_exit"] == 0, report["correct_flagged"]


_K004_RUN = """
from pathlib import Path
from l10n.checks import run_checks
from tests.test_checks import catalog
a = catalog([("김정호는 지도를 그렸다.", "Kim Jeong-ho drew the map."),
             ("김정호는 전국을 걸었다.", "Kim Jeong-ho walked the whole country.")])
b = catalog([("김정호의 지도는 정확했다.", "The map of Kim Chong-ho was accurate.")])
print(sorted((f.path, f.msgid, f.message) for f in
             run_checks([(Path("a.po"), a), (Path("b.po"), b)]) if f.code == "K004"))
"""


def test_name_two_ways_is_the_same_in_every_process() -> None:
    """K004 broke a tie between the words of one name (Kim and Jeong-ho, two mentions
    each) by the order of a set of str: its finding depended on PYTHONHASHSEED. Names
    are now compared whole, and ties go to the first in the files' order."""
    import os

    outputs = set()
    for seed in ("0", "1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
        outputs.add(subprocess.run([sys.executable, "-c", _K004_RUN], cwd=ROOT, env=env,
                                   capture_output=True, text=True, check=True).stdout)
    assert len(outputs) == 1
    assert "'Kim Chong-ho' here but 'Kim Jeong-ho'" in outputs.pop()


@pytest.mark.parametrize(("source", "joints"), [
    ("항공편이 결항되어 우리는 역에서 밤을 새웠다.", ("결항되어",)),  # -어 joins clauses
    ("날이 추워 아이들은 집에 있었다.", ("추워",)),
    ("우리는 무엇을 위해 일하는가?", ()),  # 위해 "for": a postposition
    ("이 책을 통해 우리는 많이 배웠다.", ()),
    ("문이 열려 있었다.", ()),  # an auxiliary verb follows
])
def test_the_bare_connective_joins_clauses_but_not_postpositions(source: str,
                                                                 joints: tuple) -> None:
    from l10n.korean.kiwi import kiwi
    from l10n.korean.structure import analyse

    assert analyse(kiwi().tokenize(source), source).joints == joints


def _drift_catalog(size: int = 4200) -> polib.POFile:
    po = polib.POFile()
    for i in range(size):  # enough entries for the checks to fork; term drift across them
        english = "small businesses" if i % 9 == 0 else "SMEs"
        po.append(polib.POEntry(msgid=f"사례 {i}: 중소기업은 어렵다.",
                                msgstr=f"Case {i}: {english} struggle.", linenum=i * 3 + 1))
    return po


def test_parallel_run_judges_each_entry_once_and_drift_is_that_of_one_process(
        monkeypatch) -> None:
    """K003 reads the verdicts the per-entry slices made (gathered in the workers): a
    parallel run used to judge every settled entry a second time in the process that ran
    the project-wide checks."""
    import multiprocessing

    import l10n.glossary.verdicts as verdicts
    from l10n.glossary.terms import parse_glossary

    glossary = parse_glossary(
        "ko,en,en_variants\n중소기업,SMEs,small businesses\n")
    po = _drift_catalog()
    calls = multiprocessing.Value("i", 0)  # shared with the forked workers
    judge = verdicts.judge_entry

    def counted(*args, **kwargs):
        with calls.get_lock():
            calls.value += 1
        return judge(*args, **kwargs)

    monkeypatch.setattr(verdicts, "judge_entry", counted)
    many = run_checks([(Path("f.po"), po)], glossary=glossary, jobs=2)
    assert calls.value == len(po)
    one = run_checks([(Path("f.po"), po)], glossary=glossary, jobs=1)
    assert many == one
    assert [f.message for f in many if f.code == "K003"] == [
        "'중소기업' is 'small businesses' here but 'SMEs' elsewhere"]


def test_a_failing_gather_leaves_the_project_check_to_read_the_entries_itself(
        monkeypatch) -> None:
    """What a worker could not gather is read again by the project-wide run (which, if
    the check itself crashes, reports it as L000): no finding is lost."""
    import dataclasses

    from l10n.checks import REGISTRY
    from l10n.glossary.terms import parse_glossary

    def broken(unit, ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(REGISTRY, "K003", dataclasses.replace(REGISTRY["K003"], gather=broken))
    glossary = parse_glossary("ko,en,en_variants\n중소기업,SMEs,small businesses\n")
    many = run_checks([(Path("f.po"), _drift_catalog())], glossary=glossary, jobs=2)
    assert many == run_checks([(Path("f.po"), _drift_catalog())], glossary=glossary, jobs=1)
    assert "K003" in {f.code for f in many} and "L000" not in {f.code for f in many}


@settings(max_examples=2000, deadline=None, database=None)
@given(source=st.text(alphabet="*_`[]()ab 가", max_size=10),
       target=st.text(alphabet="*_`[]()ab 가", max_size=10))
def test_markdown_check_skips_only_entries_without_markup(source: str, target: str) -> None:
    """T003's shortcut (no marker on either side, no link in the source) finds what
    counting every entry's markup finds."""
    from collections import Counter

    from l10n.checks.base import CheckContext, Unit
    from l10n.checks.tokens import _LINK, _markup_counts, markdown_changed

    def counted() -> list[str]:
        found = []
        have, want = _markup_counts(target), _markup_counts(source)
        for kind in ("bold", "emphasis", "code"):
            if have[kind] % 2:
                found.append(f"unbalanced {kind} markup")
            elif have[kind] < want[kind]:
                found.append(f"{kind} markup of the source is missing")
        if "](" in source:
            found += [f"link to {link} is missing" for link in
                      Counter(_LINK.findall(source)) - Counter(_LINK.findall(target))]
        return found

    assert list(markdown_changed(Unit(source=source, target=target), CheckContext())) \
        == counted()
