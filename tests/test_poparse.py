"""The PO reader reads as GNU gettext reads: what msgcat accepts we accept and write
back as msgcat writes it, what it rejects we reject with the line; in linear time."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.errors import CatalogError
from l10n.po.catalog import format_catalog, parse_catalog, read_catalog

from .conftest import ROOT

GETTEXT = shutil.which("msgcat") is not None
needs_gettext = pytest.mark.skipif(not GETTEXT, reason="GNU gettext not installed")


def _shape(po: polib.POFile) -> tuple:
    return (po.header, dict(po.metadata),
            [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, dict(e.msgstr_plural),
              bool(e.obsolete), e.tcomment, e.comment, list(e.occurrences),
              [f for f in e.flags if f != "fuzzy" or e.msgstr or any(e.msgstr_plural.values())],
              e.previous_msgctxt, e.previous_msgid) for e in po])


def test_every_catalog_in_the_repository_reads_and_writes_back_unchanged() -> None:
    paths = [*ROOT.glob("locales/**/*.po*")]
    assert len(paths) >= 2
    for path in paths:
        text = path.read_text("utf-8")
        assert format_catalog(parse_catalog(text)) == text, path


def test_errors_carry_the_line() -> None:
    for text, line in [('msgid "a"\nmsgstr "b\n', 2), ('msgid "a"\nmsgstr "\\q"\n', 2),
                       ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1),
                       ('msgid "a\\x04 b"\nmsgstr ""\n', 1),
                       ('msgid "a"\nmsgid_plural "b"\nmsgstr[1] ""\n', 3)]:
        with pytest.raises(CatalogError) as info:
            parse_catalog(text, path="f.po")
        assert info.value.line == line, text


REFUSED = Path(__file__).parent / "data" / "po" / "refused"


@pytest.mark.parametrize(("name", "line", "what"), [
    ("dup-commented", 12, "duplicate entry.*first definition is at line 7;"),
    ("dup-plural", 13, "duplicate entry.*first definition is at line 8;"),
    ("dup-obsolete", 9, "duplicate entry.*first definition is at line 6;"),
    ("no-msgstr", 6, "missing 'msgstr' section"),
    ("no-msgstr-plural", 5, r"missing 'msgstr\[\]' section"),
    ("no-msgstr-context-after", 5, "missing 'msgstr' section"),
    ("no-msgstr-at-end", 6, "missing 'msgstr' section"),
    ("no-msgid-plural", 5, "missing 'msgid_plural' section")])
def test_refusals_name_msgfmts_line(name: str, line: int, what: str) -> None:
    """Held-out files: an incomplete message is named by its msgid line, a duplicate by
    its msgid line and the first definition by its msgstr line, as msgfmt names them (the
    reader named the entry's first comment line, or the line after the message)."""
    path = REFUSED / f"{name}.po"
    with pytest.raises(CatalogError, match=what) as info:
        read_catalog(path)
    assert info.value.line == line
    if GETTEXT:
        gnu = subprocess.run(["msgfmt", "-o", os.devnull, str(path)], capture_output=True,
                             text=True, env={"LC_ALL": "C"})
        assert gnu.stderr.startswith(f"{path}:{line}:"), gnu.stderr
        if "first definition" in what:
            first = what.split("line ")[1].rstrip(";")
            assert f"{path}:{first}: ...this is the location" in gnu.stderr


def test_context_separator_in_a_msgid_is_refused() -> None:
    """Issue 19, item 17: msgfmt rejects a msgid with U+0004; so do we, with file:line."""
    with pytest.raises(CatalogError, match="EOT") as info:
        parse_catalog('msgid ""\nmsgstr ""\n\nmsgid "a\x04b"\nmsgstr "c"\n', path="x.po")
    assert str(info.value).startswith("x.po:4:")


def test_no_wrap_entries_are_not_rewrapped() -> None:
    """Issue 19, item 17."""
    long = "word " * 30
    text = f'#, no-wrap\nmsgid "{long}"\nmsgstr "{long}"\n'
    assert format_catalog(parse_catalog(text)) == text


def test_escapes_followed_by_an_invalid_one_read_in_linear_time() -> None:
    """Issue 19, item 12: \\101 x k then an invalid escape backtracked exponentially."""
    for k in (20, 20_000):
        text = 'msgid "' + "\\101" * k + '\\q"\nmsgstr ""\n'
        start = time.perf_counter()
        with pytest.raises(CatalogError, match="control sequence"):
            parse_catalog(text)
        assert time.perf_counter() - start < 5  # generous: linear is milliseconds


LINES = st.sampled_from([
    'msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', 'msgid "a"',
    'msgid "b"', 'msgstr "x"', '#, fuzzy', '#, c-format, fuzzy', '#, no-wrap', '#~ msgid "o"',
    '#~ msgstr "p"', 'msgctxt "c"', '#| msgid "d"', '#~| msgid "g"', 'msgid_plural "e"',
    'msgstr[0] "f"', 'msgstr[1] "g"', '"continued"', '"\\tesc\\\\"', "", "#", "# c ",
    "#.", "#. x", "#: a.c:1 b.c", "#:", "garbage", '"\\101"', '"\\q"', 'msgstr "\\"q\\""'])


@needs_gettext
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=14).map("\n".join))
def test_line_soups_are_accepted_and_written_exactly_as_msgcat(tmp_path_factory,
                                                                text: str) -> None:
    path = tmp_path_factory.mktemp("soup") / "s.po"
    path.write_text(text + "\n", "utf-8")
    gnu = subprocess.run(["msgcat", str(path)], capture_output=True, env={"LC_ALL": "C"})
    try:
        ours = format_catalog(parse_catalog(text + "\n"), force_po=False).encode("utf-8")
    except CatalogError:
        assert gnu.returncode != 0, text
        return
    if gnu.returncode != 0 and b"charset" in gnu.stderr:
        return  # non-ASCII without a charset: gettext refuses, we read UTF-8
    assert gnu.returncode == 0, (text, gnu.stderr)
    assert ours == gnu.stdout, text


# any text a source sentence can hold: NUL-free, no U+0004 (gettext's context separator)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04"),
               max_size=40)
COMMENT = TEXT.filter(lambda t: "\\\n" not in t + "\n")  # a backslash-newline joins lines

entries = st.builds(
    polib.POEntry, msgid=TEXT.filter(bool), msgstr=TEXT,
    msgctxt=st.none() | TEXT, comment=COMMENT, tcomment=COMMENT,
    flags=st.lists(st.sampled_from(["fuzzy", "c-format", "no-wrap", "python-format"]),
                   max_size=2, unique=True),
    occurrences=st.lists(st.tuples(st.sampled_from(["a.md", "b/c.md"]),
                                   st.integers(1, 999).map(str)), max_size=3, unique=True),
    previous_msgid=st.none() | TEXT.filter(bool),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries, max_size=6,
                unique_by=lambda e: (e.msgctxt, e.msgid.strip("\n") or "x")))
def test_what_we_write_reads_back_identically_and_msgfmt_accepts_it(tmp_path_factory,
                                                                     items) -> None:
    """Issue 19, "read back what we write" (U+2028/9, U+0085, C0/C1 controls included)."""
    po = polib.POFile(encoding="utf-8")
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for entry in items:
        entry.comment = entry.comment.replace("\n", " ") if entry.comment.endswith(
            "\\") else entry.comment
        # msgfmt demands that msgid and msgstr agree on a leading and a trailing newline
        entry.msgid = entry.msgid.strip("\n") or "x"
        entry.msgstr = entry.msgstr.strip("\n")
        if entry.previous_msgid is not None:
            entry.flags = ["fuzzy", *[f for f in entry.flags if f != "fuzzy"]]
        po.append(entry)
    text = format_catalog(po)
    again = parse_catalog(text)
    assert format_catalog(again) == text
    expected = _shape(po)
    got = _shape(again)
    # flags are kept as gettext keeps them (in its order); compare them as sets
    assert [(*e[:9], set(e[9]), *e[10:]) for e in got[2]] == \
        [(*e[:9], set(e[9]), *e[10:]) for e in expected[2]]
    if GETTEXT:
        path = tmp_path_factory.mktemp("rt") / "rt.po"
        path.write_bytes(text.encode("utf-8"))
        run = subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True)
        assert run.returncode == 0, run.stderr


def test_source_sentence_with_line_separators_reads_back(tmp_path: Path) -> None:
    """Issue 19, item 15: U+2028/U+2029/U+0085/U+001C-1E in a sentence."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    odd = "가\u2028나\u2029다\x85라\x1c마\x1d바\x1e사"
    po.append(polib.POEntry(msgid=odd, msgstr="x\u2028y"))
    back = parse_catalog(format_catalog(po))
    assert [(e.msgid, e.msgstr) for e in back] == [(odd, "x\u2028y")]


SOUP = st.sampled_from([
    'msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', 'msgid "a"',
    'msgid "b"', 'msgid "a"', 'msgstr "x"', 'msgstr "y\\n"', '#, fuzzy', '#, c-format',
    '#~ msgid "o"', '#~ msgstr "p"', 'msgctxt "c"', 'msgctxt "c\\"q"', '#| msgid "d"',
    '#~| msgid "g"', 'msgid_plural "e"', 'msgstr[0] "f"', 'msgstr[1] "g"', '"continued"',
    '"\\tesc\\\\"', "", "", "#", "#~", "#|", "# c ", "# c\r", "#.", "#. x", "#: a.c:1 b.c",
    "#:", "garbage", '"\\101"', '"\\q"', 'msgstr "\\"q\\""', '  "indented"', 'msgid  "two"',
    'msgstr "cr"\r', ' ', '"\x04"', 'msgid "\\', 'msgid "unclosed', 'msgstr "é 가"',
    # whole plain entries, which the fast path reads at once
    'msgid "a"\nmsgstr "x"', '#. c\n#: f.c:2\nmsgid "b"\nmsgstr ""',
    'msgctxt "c"\nmsgid "a"\nmsgstr "y\\n"\n"more"', 'msgid ""\nmsgstr "h\\n"',
    '#, fuzzy\nmsgid "a"\n"b"\nmsgstr "\\t\\""'])


def _read(text: str, whole: bool):
    """Every field of every entry, or the error (message and line)."""
    from l10n.po.parse import PoSyntaxError, _parse

    try:
        po = _parse(text, whole_entries=whole)
    except PoSyntaxError as exc:
        return ("error", exc.message, exc.line, exc.hint)
    entries = [getattr(po, "header_entry", None), *po]
    return ([None if e is None else list(vars(e).items()) for e in entries],
            po.header_raw, getattr(po, "metadata_is_fuzzy", None), po.header)


WHOLE = st.sampled_from([
    'msgid "a"\nmsgstr "x"', '#. c\n#: f.c:2\nmsgid "b"\nmsgstr ""', "", "", '"more"',
    'msgctxt "c"\nmsgid "a"\nmsgstr "y\\n"\n"more"', 'msgid ""\nmsgstr "h\\n"', "#",
    '#, fuzzy\nmsgid "d"\n"b"\nmsgstr "\\t\\""', '#~ msgid "o"\n#~ msgstr "p"', " ",
    '#| msgid "q"\nmsgid "e"\nmsgstr "f"', 'msgid "p"\nmsgid_plural "ps"\nmsgstr[0] ""',
    'msgid "g"\nmsgstr "\\101"', "# t\r", 'msgid "h"\r\nmsgstr ""', 'msgstr[1] "z"'])


@settings(max_examples=3000, deadline=None, database=None)
@given(st.one_of(st.lists(SOUP, max_size=16), st.lists(WHOLE, max_size=12)).map("\n".join),
       st.sampled_from(["", "\n", "\n\n"]))
def test_whole_entry_reading_equals_line_by_line_reading(text: str, end: str) -> None:
    """The fast path (a plain entry read by one match) gives exactly what the line by
    line reader gives: the same fields in the same order, the same error at the same
    line."""
    assert _read(text + end, True) == _read(text + end, False), text + end


def test_whole_entry_reading_is_used_for_plain_entries() -> None:
    from l10n.po import parse

    text = ('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#. note\n#: a.c:1\n#, c-format\n'
            'msgctxt "m"\nmsgid "a %d"\n"b"\nmsgstr "x\\n"\n\nmsgid "c"\nmsgstr "d"\n')
    assert len(re.findall(parse._ENTRY, text)) == 3
    assert _read(text, True) == _read(text, False)


@settings(max_examples=3000, deadline=None, database=None)
@given(st.lists(st.sampled_from(["a.c", ":", "1", "023", " ", "  ", "b/c.py", "\t", "x",
                                 "\r", "é", "٣", ":7"]), max_size=12).map("".join))
def test_references_read_in_one_pass_equal_the_token_by_token_reading(text: str) -> None:
    from l10n.po.parse import _filepos, _filepos_by_token

    assert _filepos(text) == _filepos_by_token(text), text


def test_references_read_in_linear_time() -> None:
    from l10n.po.parse import _filepos

    for text in (" " + ":1" * 50_000 + "x", " a" * 50_000 + ":", " " + "a:1 " * 50_000):
        start = time.perf_counter()
        _filepos(text)
        assert time.perf_counter() - start < 5  # generous: linear is milliseconds


@needs_gettext
@pytest.mark.parametrize("text", [
    'msgid ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n#~ msgstr "p"\n',
    '#~ msgid "a"\nmsgstr "b"\n', 'msgid "a"\n#~ "x"\nmsgstr "b"\n',
    '#~ msgid "a"\n#~ msgstr "b"\n"c"\n', 'msgctxt "c"\n#~ msgid "a"\n#~ msgstr "b"\n',
    'msgid "a"\nmsgid_plural "as"\n#~ msgstr[0] "b"\n'])
def test_an_entry_half_obsolete_is_refused_at_msgcats_line(tmp_path, text: str) -> None:
    """Found by the line-soup property: gettext refuses an entry whose lines are not all
    #~ or all live ("inconsistent use of #~"); the reader joined them."""
    path = tmp_path / "s.po"
    path.write_text(text, "utf-8")
    gnu = subprocess.run(["msgcat", str(path)], capture_output=True, text=True,
                         env={"LC_ALL": "C"})
    assert gnu.returncode != 0 and "inconsistent use of #~" in gnu.stderr
    line = int(gnu.stderr.split(":")[1])
    with pytest.raises(CatalogError, match=rf"^<string>:{line}: .*inconsistent use of #~"):
        parse_catalog(text)


@needs_gettext
@pytest.mark.parametrize("text", [
    '#| msgid "x"\n#~ msgid "a"\n#~ msgstr "b"\n', '#~| msgid "x"\nmsgid "a"\nmsgstr "b"\n',
    '#~| msgid "x"\n#| "y"\n#~ msgid "a"\n#~ msgstr "b"\n',
    '#| msgid "x"\n#~| msgid_plural "x"\nmsgid "a"\nmsgstr "b"\n'])
def test_previous_lines_half_obsolete_are_refused_at_msgcats_line(tmp_path,
                                                                  text: str) -> None:
    """Found in review: #| lines are the message's too; #| before #~ msgid (or #~| before
    a live one) is gettext's "inconsistent use of #~"."""
    test_an_entry_half_obsolete_is_refused_at_msgcats_line(tmp_path, text)
