"""Fidelity to GNU gettext 0.21 on real projects' files (``../shared/po-corpus``) and on
small cases of our own (``tests/data/po``): ``l10n merge`` against ``msgmerge
--previous``, read-then-write against ``msgcat``, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.errors import CatalogError
from l10n.po.catalog import encode_catalog, format_catalog, read_catalog
from l10n.po.merge import msgmerge
from l10n.po.msgmerge import merge_files

from .conftest import DATA, po_corpus

CASES = DATA / "po"




def _merged(old: Path, pot: Path, **options) -> bytes:
    result = msgmerge(read_catalog(old), read_catalog(pot), **options)
    return encode_catalog(result, format_catalog(result, force_po=False))


def _written(path: Path) -> bytes:
    po = read_catalog(path)
    return encode_catalog(po, format_catalog(po, force_po=False))


def _translations(data: bytes) -> dict:
    """(msgctxt, msgid) -> msgstr forms of live translated entries, and format flags."""
    from l10n.po.catalog import decode_catalog, parse_catalog

    po = parse_catalog(decode_catalog(data)[0])
    return {(e.msgctxt, e.msgid, e.obsolete): (e.msgstr, tuple(sorted(e.msgstr_plural.items())),
                                              tuple(f for f in e.flags if f.endswith("-format")))
            for e in po}


def test_every_merge_is_byte_identical_to_msgmerge() -> None:
    pairs = sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir())
    assert len(pairs) >= 80
    different = [p.name for p in pairs
                 if _merged(p / "old.po", p / "new.pot", previous=True)
                 != (p / "msgmerge.po").read_bytes()]
    assert different == [], f"{len(different)} of {len(pairs)} merges differ: {different}"


def test_merges_lose_no_translation_and_no_format_flag() -> None:
    """Every (msgctxt, msgid) msgmerge keeps translated, with its format flags, we keep."""
    for pair in sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir()):
        ours = _translations(_merged(pair / "old.po", pair / "new.pot", previous=True))
        theirs = _translations((pair / "msgmerge.po").read_bytes())
        for key, (msgstr, forms, formats) in theirs.items():
            assert key in ours, (pair.name, key)
            assert ours[key][0] == msgstr and ours[key][1] == forms, (pair.name, key)
            assert set(formats) <= set(ours[key][2]), (pair.name, key)


def test_every_round_trip_equals_msgcat() -> None:
    files = sorted(p for p in (po_corpus() / "files").glob("*.po")
                   if not p.name.endswith(".msgcat.po"))
    assert len(files) >= 150
    different = []
    for path in files:
        expected = path.with_name(path.name[:-3] + ".msgcat.po")
        if not expected.exists():  # msgcat refused it (duplicates): so must we, with a line
            with pytest.raises(CatalogError, match=r"duplicate") as info:
                read_catalog(path)
            assert info.value.line
            continue
        if _written(path) != expected.read_bytes():
            different.append(path.name)
    assert different == [], f"{len(different)} of {len(files)} differ: {different}"


def test_our_merges_and_msgmerge_outputs_are_fixed_points_of_msgcat() -> None:
    for pair in sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir())[:20]:
        path = pair / "msgmerge.po"
        assert _written(path) == path.read_bytes(), pair.name


# ------------------------------------------------------------------ our own small cases

@pytest.mark.parametrize("name", ["nohdr", "crlf", "euckr", "latin1refs", "latehdr",
                                  "latehdr8"])
def test_small_cases_round_trip_as_msgcat(name: str) -> None:
    """No header invented, every comment kind, flag order, unknown flags dropped, #~|,
    no break inside %(file-name)s, no-wrap kept long, CR kept where msgcat keeps it
    (comments) and dropped where it drops it, EUC-KR read and written back in EUC-KR;
    "#:" lines packed by their bytes in the file's charset (held-out exaile: a Latin-1
    "é" in a file name is one byte, not UTF-8's two); the charset of a header that a
    comment block and a blank line come before (held-out mc: "# Ukrainian translation"),
    also where its Latin-1 bytes happen to be valid UTF-8."""
    path = CASES / f"{name}.po"
    assert _written(path) == (CASES / f"{name}.msgcat.po").read_bytes()


def test_small_merge_case_equals_msgmerge() -> None:
    """Header update (field order, Report-Msgid-Bugs-To, POT-Creation-Date, Language from
    Language-Team, charset=UTF-8), c-format kept, #| msgctxt when only msgctxt changed,
    fuzzy across msgctxt, plural sized by nplurals=1, obsolete for the unused only."""
    assert _merged(CASES / "old.po", CASES / "new.pot", previous=True) == \
        (CASES / "msgmerge.po").read_bytes()


@pytest.mark.parametrize("name", ["pt_BR", "nb", "nb-cldr", "nds", "zh_TW"])
def test_language_added_from_the_team_as_msgmerge_does(name: str) -> None:
    """Held-out pairs: a catalog without ``Language`` gets gettext's code for the team's
    English name: its variants first ("Brazilian Portuguese": pt_BR, "Chinese
    (traditional)": zh_TW), its spellings ("Low Saxon": nds; "Norwegian Bokmål", CLDR's,
    is unknown: empty), and a team without an address keeps its newline, so matches
    nothing (empty)."""
    folder = CASES / "team"
    assert _merged(folder / f"{name}.po", folder / "new.pot", previous=True) == \
        (folder / f"{name}.msgmerge.po").read_bytes()


def test_duplicate_definitions_are_refused_with_the_line() -> None:
    with pytest.raises(CatalogError, match="duplicate") as info:
        read_catalog(CASES / "dup.po")
    assert info.value.line == 8


def test_cli_is_msgmerge_compatible(tmp_path: Path) -> None:
    old, pot = tmp_path / "ko.po", tmp_path / "x.pot"
    old.write_bytes((CASES / "old.po").read_bytes())
    pot.write_bytes((CASES / "new.pot").read_bytes())
    expected = (CASES / "msgmerge.po").read_bytes()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()",
                               "merge", *args], capture_output=True, cwd=tmp_path)

    out = run("--previous", str(old), str(pot))  # standard output by default
    assert out.returncode == 0 and out.stdout == expected
    assert old.read_bytes() == (CASES / "old.po").read_bytes()  # DEF.po untouched
    assert run("--previous", "-q", str(old), str(pot), "-o", "out.po").returncode == 0
    assert (tmp_path / "out.po").read_bytes() == expected
    assert run("-U", "--previous", str(old), str(pot)).returncode == 0
    assert old.read_bytes() == expected
    assert (tmp_path / "ko.po~").read_bytes() == (CASES / "old.po").read_bytes()
    without = run(str(old), str(pot)).stdout  # no --previous: no #| lines
    assert b"#|" not in without
    assert run("--suffix", ".bak", str(old), str(pot)).returncode == 2


def test_update_refuses_to_overwrite_a_save_made_while_it_runs(tmp_path: Path,
                                                                monkeypatch) -> None:
    """Issue 19, item 1: the digest is of the file as read, not as it is at write time."""
    from l10n.errors import ConcurrentRunError
    from l10n.po import msgmerge as command

    old, pot = tmp_path / "ko.po", tmp_path / "x.pot"
    old.write_bytes((CASES / "old.po").read_bytes())
    pot.write_bytes((CASES / "new.pot").read_bytes())
    # both ways of merging: po.lean (files in gettext's layout) and po.merge (any file)
    for module, name in ((command.lean, "merge_scanned"), (command, "msgmerge")):
        monkeypatch.setattr(module, name, _saving_while_it_runs(getattr(module, name), old))
    with pytest.raises(ConcurrentRunError):
        command.merge_files(old, pot, update=True, backup="none")
    assert old.read_bytes().endswith(b"# the translator saved\n")
    old.write_bytes((CASES / "old.po").read_bytes())
    monkeypatch.setattr(command.lean, "scan", lambda text: None)  # the general way
    with pytest.raises(ConcurrentRunError):
        command.merge_files(old, pot, update=True, backup="none")
    assert old.read_bytes().endswith(b"# the translator saved\n")


def _saving_while_it_runs(merge, old: Path):
    def slow_merge(*args, **kwargs):
        result = merge(*args, **kwargs)
        old.write_bytes(old.read_bytes() + b"\n# the translator saved\n")  # a save
        return result

    return slow_merge


# ------------------------------------------------------------------ generated merges

WORDS = ["file", "files", "open", "the", "a", "%d", "%s", "파일", "열기", "을", "Save",
         "saved", "error", "erro", "{name}", "x", "\\n", "configuration"]
MSGIDS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@st.composite
def merge_cases(draw):
    ids = draw(st.lists(st.tuples(st.none() | st.sampled_from(["menu", "tool"]), MSGIDS),
                        min_size=1, max_size=10, unique=True))
    old_ids = draw(st.lists(st.sampled_from(ids), unique=True, max_size=8)) + draw(
        st.lists(st.tuples(st.none(), MSGIDS), max_size=4, unique=True))
    old_ids = list(dict.fromkeys(old_ids))
    flags = st.sampled_from(["", "#, c-format\n", "#, fuzzy\n", "#, fuzzy, c-format\n",
                             "#, python-format\n"])
    old = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n']
    for n, (ctx, msgid) in enumerate(old_ids):
        ctx_line = f'msgctxt "{ctx}"\n' if ctx else ""
        obsolete = draw(st.booleans()) and n % 3 == 0
        text = draw(st.sampled_from(["", "T" + str(n)]))
        if draw(st.booleans()) and n % 2:
            body = (f'{ctx_line}msgid "{msgid}"\nmsgid_plural "{msgid}s"\n'
                    f'msgstr[0] "{text}"\nmsgstr[1] "{text}"\n')
        else:
            body = f'{ctx_line}msgid "{msgid}"\nmsgstr "{text}"\n'
        if obsolete:
            body = "".join(f"#~ {line}\n" for line in body.splitlines())
        old.append(draw(flags) + body)
    new = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for n, (ctx, msgid) in enumerate(ids):
        ctx_line = f'msgctxt "{ctx}"\n' if ctx else ""
        strings = (f'msgid "{msgid}"\nmsgid_plural "{msgid}s"\nmsgstr[0] ""\nmsgstr[1] ""\n'
                   if draw(st.booleans()) and n % 2 else f'msgid "{msgid}"\nmsgstr ""\n')
        new.append(f"#: f.c:{n}\n{draw(flags.filter(lambda f: 'fuzzy' not in f))}{ctx_line}"
                   + strings)
    return "\n".join(old), "\n".join(new)


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")
@settings(max_examples=int(os.environ.get('L10N_MERGE_EXAMPLES', 120)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(merge_cases())
def test_generated_merges_equal_msgmerge(tmp_path_factory, case) -> None:
    old_text, pot_text = case
    folder = tmp_path_factory.mktemp("merge")
    (folder / "old.po").write_text(old_text, "utf-8")
    (folder / "new.pot").write_text(pot_text, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", "--previous", "old.po", "new.pot"], cwd=folder,
                         capture_output=True, env={"LC_ALL": "C"})
    assert gnu.returncode == 0, gnu.stderr
    ours = _merged(folder / "old.po", folder / "new.pot", previous=True, resegment=False)
    assert ours == gnu.stdout, (old_text, pot_text)


HEADER_ONLY = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext not installed")
def test_a_result_with_nothing_but_a_header_is_written_as_msgmerge_does(
        tmp_path: Path) -> None:
    """Found by the msgcat line-soup property: msgcat and msgmerge write nothing for a
    catalog holding only its header, unless --force-po; the project's own catalogs are
    always written whole."""
    old, pot = tmp_path / "ko.po", tmp_path / "x.pot"
    old.write_text(HEADER_ONLY, "utf-8")
    pot.write_text(HEADER_ONLY, "utf-8")
    assert format_catalog(read_catalog(old), force_po=False) == ""
    assert format_catalog(read_catalog(old), force_po=True) == \
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    for force in ([], ["--force-po"]):
        gnu = subprocess.run(["msgmerge", "-q", *force, str(old), str(pot)],
                             capture_output=True, check=True).stdout
        ours = subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()",
                               "merge", "-q", *force, str(old), str(pot)],
                              capture_output=True, check=True).stdout
        assert ours == gnu, force
    # -o: nothing written, an existing file left as it was; -U: the catalog kept whole
    for tool in (["msgmerge"], [sys.executable, "-c", "from l10n.cli import main; main()",
                                "merge"]):
        out = tmp_path / "out.po"
        out.write_text("old", "utf-8")
        subprocess.run([*tool, "-q", str(old), str(pot), "-o", str(out)], check=True)
        assert out.read_text("utf-8") == "old", tool
    gnu_dir, our_dir = tmp_path / "gnu", tmp_path / "ours"
    for folder, tool in ((gnu_dir, ["msgmerge"]),
                         (our_dir, [sys.executable, "-c", "from l10n.cli import main; main()",
                                    "merge"])):
        folder.mkdir()
        (folder / "ko.po").write_text(HEADER_ONLY.replace('""\n"', '""\n"Language: ko\\n"\n"'),
                                      "utf-8")
        subprocess.run([*tool, "-q", "-U", "--backup=none", "ko.po", str(pot)], check=True,
                       cwd=folder)
    assert (our_dir / "ko.po").read_bytes() == (gnu_dir / "ko.po").read_bytes() != b""


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext not installed")
@pytest.mark.parametrize("old_text", [
    HEADER_ONLY + '\nmsgid "gone"\nmsgstr ""\n',  # dropped by the template, untranslated
    HEADER_ONLY + '\n#~ msgid "gone"\n#~ msgstr ""\n',  # obsolete and untranslated
    HEADER_ONLY,  # nothing: written as nothing
])
@pytest.mark.parametrize("options", [[], ["--no-wrap"]])  # the lean path and the general one
def test_an_entry_gettext_drops_when_it_prints_still_makes_the_header_written(
        tmp_path: Path, old_text: str, options: list[str]) -> None:
    """Found by differential testing: an old entry that becomes obsolete untranslated is
    not printed, but msgmerge (and msgcat) count it, so the result is the header, not
    nothing; l10n wrote nothing."""
    old, pot = tmp_path / "ko.po", tmp_path / "x.pot"
    old.write_text(old_text, "utf-8")
    pot.write_text(HEADER_ONLY, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", *options, str(old), str(pot)],
                         capture_output=True, check=True).stdout
    assert (gnu == b"") == (old_text == HEADER_ONLY)
    assert merge_files(old, pot, wrap=not options) == gnu
    msgcat = subprocess.run(["msgcat", str(old)], capture_output=True, check=True).stdout
    assert format_catalog(read_catalog(old), force_po=False).encode() == msgcat


UPDATE_POT = (HEADER_ONLY + '\n#: a.c:1 b.c:2\nmsgid "apple"\nmsgstr ""\n\n'
              '#: a.c:5\nmsgid "pear"\nmsgstr ""\n')
APPLE, PEAR = '#: a.c:1 b.c:2\nmsgid "apple"\n', '#: a.c:5\nmsgid "pear"\n'
UPDATE_CASES = {  # old file (the template: UPDATE_POT) -> does msgmerge -U rewrite it?
    "an untranslated obsolete entry": HEADER_ONLY + f'\n{APPLE}msgstr "pomme"\n\n'
    f'{PEAR}msgstr "poire"\n\n#~ msgid "apple six"\n#~ msgstr ""\n',
    "a long line unwrapped": HEADER_ONLY + f'\n{APPLE}msgstr "' + "pomme " * 20
    + f'"\n\n{PEAR}msgstr "poire"\n',
    "a trailing blank line": HEADER_ONLY + f'\n{APPLE}msgstr "pomme"\n\n{PEAR}msgstr "poire"\n\n',
    "references wrapped otherwise": HEADER_ONLY + '\n#: a.c:1\n#: b.c:2\nmsgid "apple"\n'
    f'msgstr "pomme"\n\n{PEAR}msgstr "poire"\n',
    "references moved": HEADER_ONLY + '\n#: a.c:1 b.c:3\nmsgid "apple"\nmsgstr "pomme"\n\n'
    f'{PEAR}msgstr "poire"\n',
    "a changed message": HEADER_ONLY + f'\n{APPLE}msgstr "pomme"\n',
}
REWRITTEN = ("references moved", "a changed message")


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext not installed")
@pytest.mark.parametrize("case", sorted(UPDATE_CASES))
def test_update_leaves_a_file_with_the_same_messages_as_msgmerge_does(
        tmp_path: Path, case: str) -> None:
    """Found by differential testing: msgmerge -U compares messages (POT-Creation-Date
    aside), not bytes, so a file whose text gettext would write otherwise but whose
    messages the merge keeps is left alone, with no backup; l10n rewrote it. (Told from
    the records where they can tell: other references are other messages, the same ones
    wrapped otherwise are not.)"""
    pot = UPDATE_POT
    results = []
    for tool in ("gnu", "ours"):
        folder = tmp_path / tool
        folder.mkdir()
        (folder / "ko.po").write_text(UPDATE_CASES[case], "utf-8")
        (folder / "x.pot").write_text(pot, "utf-8")
        if tool == "gnu":
            subprocess.run(["msgmerge", "-q", "-U", "ko.po", "x.pot"], cwd=folder, check=True)
        else:
            merge_files(folder / "ko.po", folder / "x.pot", update=True)
        results.append(((folder / "ko.po").read_bytes(), (folder / "ko.po~").exists()))
    assert results[0] == results[1]
    assert results[0][1] == (case in REWRITTEN)


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext not installed")
@pytest.mark.parametrize(("old_text", "pot_text", "force"), [
    ('msgid "apple one"\nmsgstr ""\n', HEADER_ONLY.replace("UTF-8", "CHARSET"), []),
    ("", "", ["--force-po"]),
    (HEADER_ONLY, HEADER_ONLY, []),  # nothing but the header: no file written
])
@pytest.mark.parametrize("before", [None, "old"])
def test_an_output_file_is_written_empty_where_msgmerge_writes_it_empty(
        tmp_path: Path, old_text: str, pot_text: str, force: list[str],
        before: str | None) -> None:
    """A merge whose messages print as nothing (an old file without a header, its entries
    dropped untranslated; or --force-po on empty files) makes -o FILE an empty file, as
    msgmerge does; only a result with nothing but its header writes no file."""
    (tmp_path / "o.po").write_text(old_text, "utf-8")
    (tmp_path / "n.pot").write_text(pot_text, "utf-8")
    found = []
    for tool in ("gnu", "ours"):
        out = tmp_path / f"{tool}.po"
        if before is not None:
            out.write_text(before, "utf-8")
        if tool == "gnu":
            subprocess.run(["msgmerge", "-q", *force, "o.po", "n.pot", "-o", out.name],
                           cwd=tmp_path, check=True)
        else:
            merge_files(tmp_path / "o.po", tmp_path / "n.pot", output=out,
                        force_po=bool(force))
        found.append(out.read_bytes() if out.exists() else None)
    assert found[0] == found[1]


@pytest.mark.skipif(not shutil.which("msgcat"), reason="GNU gettext not installed")
def test_update_of_a_merged_catalog_rewrapped_leaves_it_as_msgmerge_does(
        tmp_path: Path) -> None:
    """Every corpus pair's msgmerge result, rewrapped by msgcat at 60 columns: the same
    messages, so msgmerge -U leaves the file (and makes no backup); so does l10n, told
    from the records or by writing the file again. Before, l10n rewrote all of them."""
    left = 0
    for pair in sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir()):
        target = tmp_path / f"{pair.name}.po"
        subprocess.run(["msgcat", "-w", "60", str(pair / "msgmerge.po"), "-o", str(target)],
                       check=True)
        before = target.read_bytes()
        merge_files(target, pair / "new.pot", update=True, previous=True)
        assert target.read_bytes() == before, pair.name
        assert not target.with_name(target.name + "~").exists(), pair.name
        left += 1
    assert left >= 80
