"""The findings cache (checks/memo.py): a warm run checks only what changed, and finds
exactly what a run without a cache finds."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import l10n.checks.memo as memo
from l10n.checks import REGISTRY, run_checks
from l10n.checks.memo import FILE_NAME
from l10n.glossary.terms import parse_glossary, read_glossary

from .conftest import DATA, make_project

GLOSSARY = read_glossary(DATA / "checks_glossary.csv")

# every check's Bad and Good examples: entries that give findings of every family
EXAMPLES = sorted({(source, target.split(" | ")[0]) for check in REGISTRY.values()
                   for _, source, target in check.examples()
                   if source and not source.startswith("(")})
SOURCES = sorted({source for source, _ in EXAMPLES})
TARGETS = sorted({target for _, target in EXAMPLES} | {""})


def po_of(entries: list[tuple[str, str, bool]]) -> polib.POFile:
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    seen = set()
    for line, (source, target, fuzzy) in enumerate(entries):
        context = f"c{line}" if source in seen else None  # the same msgid twice: a context
        seen.add(source)
        po.append(polib.POEntry(msgid=source, msgstr=target, msgctxt=context,
                                flags=["fuzzy"] if fuzzy and target else [],
                                linenum=line * 4 + 1))
    return po


def run(files: dict[str, list[tuple[str, str, bool]]], cache: Path | None, glossary=GLOSSARY,
        **options):
    return run_checks([(Path(name), po_of(entries)) for name, entries in files.items()],
                      glossary=glossary, cache=cache, **options)


entry = st.tuples(st.sampled_from(SOURCES), st.sampled_from(TARGETS), st.booleans())
catalogs = st.dictionaries(st.sampled_from(["a.po", "b.po"]),
                           st.lists(st.one_of(st.sampled_from([(s, t, False)
                                                               for s, t in EXAMPLES]), entry),
                                    min_size=1, max_size=8), min_size=1)


EDITS = ("keep", "keep", "fuzzy", "target", "source", "drop", "add")


def edit(entries: list[tuple[str, str, bool]], how: list[tuple[str, int]]):
    """``entries`` after a translator's edits: each kept, made (un)fuzzy, retranslated,
    given another source, dropped, or followed by a new entry."""
    edited = []
    for (source, target, fuzzy), (kind, pick) in zip(entries, how, strict=False):
        if kind == "fuzzy":
            edited.append((source, target, not fuzzy))
        elif kind == "target":
            edited.append((source, TARGETS[pick % len(TARGETS)], fuzzy))
        elif kind == "source":
            edited.append((SOURCES[pick % len(SOURCES)], target, fuzzy))
        elif kind != "drop":
            edited.append((source, target, fuzzy))
        if kind == "add":
            edited.append(EXAMPLES[pick % len(EXAMPLES)] + (False,))
    return edited or entries


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(before=catalogs, how=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 999)),
                                     min_size=8, max_size=8),
       glossary=st.booleans(), renamed=st.booleans())
def test_a_cached_run_finds_what_an_uncached_run_finds(before, how, glossary,
                                                        renamed) -> None:
    """Over random catalogs and random edits between two runs (entries kept, made fuzzy
    or not, retranslated, given another source, dropped, added; a catalog renamed), the
    run with the cache the first one left finds exactly what a run without a cache
    finds, and so does a third run, answered from the cache."""
    chosen = GLOSSARY if glossary else None
    edited = {("c.po" if renamed and name == "a.po" else name): edit(entries, how)
              for name, entries in before.items()}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        assert run(before, cache, chosen) == run(before, None, chosen)
        assert run(edited, cache, chosen) == run(edited, None, chosen)
        assert run(edited, cache, chosen) == run(edited, None, chosen)  # all remembered


def spy_todo(monkeypatch) -> list[int]:
    """How many entries each run had to check (the cache answered for the rest)."""
    sizes: list[int] = []
    todo = memo.Plan.todo

    def counted(self):
        found = todo(self)
        sizes.append(len(found))
        return found

    monkeypatch.setattr(memo.Plan, "todo", counted)
    return sizes


FILES = {"a.po": [(s, t, False) for s, t in EXAMPLES[:40]],
         "b.po": [(s, t, False) for s, t in EXAMPLES[40:]]}


def test_a_warm_run_checks_no_entry_and_finds_no_glossary_term(tmp_path: Path,
                                                                 monkeypatch) -> None:
    sizes = spy_todo(monkeypatch)
    cold = run(FILES, tmp_path)
    assert sizes[-1] == len({(s, t) for entries in FILES.values() for s, t, _ in entries})

    def refuse(*args, **kwargs):
        raise AssertionError("no Korean scan for a remembered entry")

    monkeypatch.setattr(type(GLOSSARY), "find_korean_many", refuse)
    monkeypatch.setattr(memo.FindingsCache, "save", refuse)  # nothing new to write
    assert run(FILES, tmp_path) == cold and sizes[-1] == 0
    assert {"G001", "N001", "K003"} & {f.code for f in cold}


def test_an_edit_checks_only_the_edited_entry_and_the_length_checks(tmp_path: Path,
                                                                      monkeypatch) -> None:
    sizes = spy_todo(monkeypatch)
    run(FILES, tmp_path)
    edited = {**FILES, "a.po": [*FILES["a.po"][:-1], ("새 문장이 하나 생겼다.", "A new one.",
                                                       False)]}
    assert run(edited, tmp_path) == run(edited, None)
    assert 1 <= sizes[-2]  # the new entry, and those whose F003/F004 read a moved ratio
    record = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    assert len(record["entries"]) == len({(s, t) for e in edited.values() for s, t, _ in e})


def test_severity_and_selection_changes_are_seen(tmp_path: Path) -> None:
    """Severity is attached on the way out; a check turned off and on again is worked out
    for entries whose records lack it."""
    run(FILES, tmp_path)
    for severity in ({"N001": "warning"}, {"N": "off"}, {}, {"G001": "info"}):
        assert run(FILES, tmp_path, severity=severity) == run(FILES, None, severity=severity)
    errors = [c for c in REGISTRY.values() if c.severity.value == "error"]
    assert run(FILES, tmp_path, checks=errors) == run(FILES, None, checks=errors)
    assert run(FILES, tmp_path) == run(FILES, None)


def test_a_record_of_fewer_checks_serves_those(tmp_path: Path, monkeypatch) -> None:
    """status's QA gate runs the error-level checks; a full run after it works out only
    the others, and the gate after that finds everything it needs."""
    sizes = spy_todo(monkeypatch)
    errors = [c for c in REGISTRY.values() if c.severity.value == "error"]
    gate = run(FILES, tmp_path, checks=errors)
    assert run(FILES, tmp_path) == run(FILES, None)
    assert 0 < sizes[-2]  # the warnings' checks, worked out and added to the records
    again = run(FILES, tmp_path, checks=errors)
    assert sizes[-1] == 0 and again == gate == run(FILES, None, checks=errors)
    assert run(FILES, tmp_path) == run(FILES, None) and sizes[-2] == 0


def test_a_glossary_edit_invalidates(tmp_path: Path) -> None:
    pairs = {"a.po": [("초연결 사회가 온다.", "A hyper-connected society is coming.", False)]}
    first = parse_glossary("ko,en\n초연결 사회,hyper-connected society\n")
    second = parse_glossary("ko,en\n초연결 사회,hyperlinked society\n")
    assert not run(pairs, tmp_path, first)
    found = run(pairs, tmp_path, second)
    assert found == run(pairs, None, second) and [f.code for f in found] == ["G001"]
    second.surnames = False  # an option of the glossary is part of it too
    assert memo.fingerprint(second) != memo.fingerprint(
        parse_glossary("ko,en\n초연결 사회,hyperlinked society\n"))


def test_a_change_to_the_code_invalidates(tmp_path: Path, monkeypatch) -> None:
    sizes = spy_todo(monkeypatch)
    run(FILES, tmp_path)
    run(FILES, tmp_path)
    assert sizes[-1] == 0
    monkeypatch.setattr(memo, "package_fingerprint", lambda *args: "l10n (edited)")
    assert run(FILES, tmp_path) == run(FILES, None)
    assert sizes[-2] > 0  # nothing of the other code was used
    assert "l10n (edited)" in json.loads((tmp_path / FILE_NAME).read_text("utf-8"))[
        "fingerprint"]


def test_the_fingerprint_is_the_whole_package_and_the_analysers(tmp_path: Path) -> None:
    made = memo.fingerprint(None)
    for part in ("kiwipiepy ", "kiwipiepy_model ", "lemminflect ", "package ", "python "):
        assert part in made


@pytest.mark.parametrize("text", ["{not json", '{"fingerprint": 1}', "[]", "\udcff"])
def test_a_corrupt_cache_file_is_ignored_with_a_warning(tmp_path: Path, capsys,
                                                        text: str) -> None:
    expected = run(FILES, None)
    (tmp_path / FILE_NAME).write_text(text, "utf-8", errors="surrogateescape")
    assert run(FILES, tmp_path) == expected
    err = capsys.readouterr().err
    if text != '{"fingerprint": 1}':  # another fingerprint: discarded silently
        assert "findings cache" in err and err.startswith("warning:"), err
    assert json.loads((tmp_path / FILE_NAME).read_text("utf-8"))["entries"]  # rewritten
    assert run(FILES, tmp_path) == expected


def test_malformed_records_are_not_used(tmp_path: Path) -> None:
    expected = run(FILES, tmp_path)
    data = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    spoilt = [[], ["99", []], [0, []], ["0", [["N001"]]], ["0", [["Z999", "made up"]]],
              ["0", [], [[10 ** 6, "x", "y"]]], ["0", "text"], None]
    for number, key in enumerate(sorted(data["entries"])):
        data["entries"][key] = spoilt[number % len(spoilt)]
    (tmp_path / FILE_NAME).write_text(json.dumps(data), "utf-8")
    assert run(FILES, tmp_path) == expected


def test_a_forged_message_of_a_remembered_check_is_what_a_record_says(tmp_path: Path) -> None:
    """The cache is trusted for what it records (as ruff's is): this shows the findings
    really come from it, so the tests above compare a cached run, not a recomputed one."""
    files = {"a.po": [("이 축제는 2024년에 처음 열렸다.", "It was first held in 2024.", False)]}
    assert run(files, tmp_path) == []
    data = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    (key, record), = data["entries"].items()
    record[1] = [["N001", "remembered"]]
    (tmp_path / FILE_NAME).write_text(json.dumps(data), "utf-8")
    assert [(f.code, f.message) for f in run(files, tmp_path)] == [("N001", "remembered")]


def test_checking_one_catalog_keeps_the_records_of_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    paths = {}
    for name, entries in FILES.items():
        paths[name] = folder / name
        po_of(entries).save(str(paths[name]))

    def check(*names: str) -> set[str]:
        run_checks([(paths[n], polib.pofile(str(paths[n]))) for n in names],
                   glossary=GLOSSARY, cache=tmp_path / "cache")
        return set(json.loads((tmp_path / "cache" / FILE_NAME).read_text("utf-8"))["entries"])

    both = check("a.po", "b.po")
    assert check("a.po") == both  # b.po is still there: its records are kept
    paths["b.po"].unlink()
    only_a = check("a.po")
    assert only_a < both
    assert only_a == check("a.po")


def test_an_entry_twice_is_checked_once(monkeypatch) -> None:
    from l10n.checks import numbers

    calls = []
    compare = numbers._compare_numbers

    def counted(source, target):
        calls.append(source)
        return compare(source, target)

    monkeypatch.setattr(numbers, "_compare_numbers", counted)
    pair = ("이 축제는 2024년에 처음 열렸다.", "It was first held in 2023.", False)
    found = run({"a.po": [pair, pair], "b.po": [pair]}, None, None)
    assert len(calls) == 1
    assert sorted((f.path, f.code) for f in found if f.code == "N001") == [
        ("a.po", "N001"), ("a.po", "N001"), ("b.po", "N001")]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True,
                          text=True, cwd="/")


def test_an_empty_cache_setting_writes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "# 제목\n\n첫 문장이다.\n"},
                        glossary="ko,en\n문장,sentence\n")
    with open(root / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write('cache = ""\n')
    assert cli("update", "--project", str(root)).returncode == 0
    done = cli("check", "--project", str(root), "--exit-zero")
    assert done.returncode == 0, done.stderr
    assert not (root / ".l10n-cache").exists()


def test_the_cli_keeps_findings_in_the_project_cache(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "# 제목\n\n첫 문장이다.\n"},
                        glossary="ko,en\n문장,sentence\n")
    assert cli("update", "--project", str(root)).returncode == 0
    first = cli("check", "--project", str(root), "--exit-zero", "-f", "json")
    assert (root / ".l10n-cache" / FILE_NAME).exists()
    again = cli("check", "--project", str(root), "--exit-zero", "-f", "json")
    assert first.stdout == again.stdout and first.returncode == again.returncode == 0


def test_the_publication_gate_keeps_no_findings_file(tmp_path: Path) -> None:
    """count_errors runs once per catalog (status, build): it reads and writes no findings
    file of the whole project each time (qa-errors.json answers for unchanged catalogs)."""
    from l10n.checks import count_errors
    from l10n.config import load_config

    root = make_project(tmp_path / "p", {"e.md": "# 제목\n\n첫 문장이다.\n"},
                        glossary="ko,en\n문장,sentence\n")
    assert cli("update", "--project", str(root)).returncode == 0
    config = load_config(root)
    path = root / "locales/en/LC_MESSAGES/e.po"
    assert count_errors(config, path) == 0
    assert not (config.cache / FILE_NAME).exists()


def test_records_of_the_same_checks_share_one_set_of_tokens(tmp_path: Path) -> None:
    """A record's tokens are one object per distinct set (at 100k entries a set of fifty
    codes per entry was 200 MB): the records saved are the same."""
    kept: list = []
    original = memo.FindingsCache.remember

    def remember(self, key, known):
        kept.append(known)
        original(self, key, known)

    pairs = [(source, target, False) for source, target in EXAMPLES[:12] if target]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(memo.FindingsCache, "remember", remember)
        run({"a.po": pairs}, tmp_path)
    assert len(kept) >= 10
    by_tokens: dict = {}
    for known in kept:
        by_tokens.setdefault(known.tokens, set()).add(id(known.tokens))
    assert all(len(ids) == 1 for ids in by_tokens.values())  # equal sets: one object
    assert len(by_tokens) < len(kept)


def test_run_checks_holds_no_catalog_past_its_units(monkeypatch) -> None:
    """``check_groups`` hands its catalogs over one by one (``_handed_over``): once its
    units are made, a catalog is freed before any check runs (90 MB at 100k entries)."""
    import gc
    import weakref

    from l10n.checks import _handed_over
    from l10n.checks.base import Check, Severity

    alive: list[bool] = []
    first = po_of([("이 축제는 2024년에 처음 열렸다.", "It was first held in 2024.", False)])
    second = po_of([("서울은 크다.", "Seoul is big.", False)])
    refs = [weakref.ref(first), weakref.ref(second)]
    catalogs = [(Path("a.po"), first), (Path("b.po"), second)]
    del first, second

    def probe(unit, ctx):
        gc.collect()
        alive.append(any(ref() is not None for ref in refs))
        return []

    check = Check("X901", "probe", Severity.WARNING, "test", probe, "unit", False, "A probe.")
    monkeypatch.setitem(REGISTRY, "X901", check)
    run_checks(_handed_over(catalogs), checks=[check])
    assert alive and not any(alive)
    assert catalogs == []
