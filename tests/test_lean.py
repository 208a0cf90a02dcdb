"""``po.lean``, the merge of files in gettext's layout that copies provably unchanged text,
against the general path (``po.merge.msgmerge`` then ``po.catalog.format_catalog``) and
against GNU msgmerge on the real corpus; ``po.wrap``'s proofs of canonical wrapping
against the writer itself."""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.errors import CatalogError
from l10n.po import lean
from l10n.po import msgmerge as command
from l10n.po.catalog import format_catalog, parse_catalog, read_catalog
from l10n.po.merge import msgmerge
from l10n.po.wrap import are_wrapped_references, is_wrapped, wrap_field, wrap_references

from .conftest import DATA, po_corpus


def _general(old: str, pot: str, *, previous=True, fuzzy=True, resegment=True, width=79,
             force_po=False) -> str:
    po, ref = parse_catalog(old), parse_catalog(pot)
    merged = msgmerge(po, ref, previous=previous, fuzzy_matching=fuzzy, resegment=resegment)
    return format_catalog(merged, width=width, force_po=force_po)


def _lean(old: str, pot: str, *, previous=True, fuzzy=True, resegment=True, width=79,
          force_po=False) -> str | None:
    found = lean.merge_texts(old, pot, previous=previous, fuzzy=fuzzy, resegment=resegment,
                             width=width, force_po=force_po)
    return None if found is None else found[1]


def test_every_corpus_merge_by_the_lean_path_is_msgmerges() -> None:
    """The command's own path (po.lean wherever it reads both files) on the 80 real
    pairs: byte for byte msgmerge --previous; and most pairs do take the lean path."""
    pairs = sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir())
    lean_pairs, different = 0, []
    for pair in pairs:
        old, pot = (pair / "old.po").read_text("utf-8", "replace"), (
            pair / "new.pot").read_text("utf-8", "replace")
        lean_pairs += lean.scan(old) is not None and lean.scan(pot) is not None
        data = command.merge_files(pair / "old.po", pair / "new.pot", previous=True)
        if data != (pair / "msgmerge.po").read_bytes():
            different.append(pair.name)
    assert different == []
    assert lean_pairs >= len(pairs) * 3 // 4, lean_pairs


@pytest.mark.parametrize("name", ["", "-tx"])
def test_runs_of_blank_lines_take_the_lean_path_with_msgmerges_bytes(name: str) -> None:
    """Held-out pairs (sabnzbd, gajim): a blank line before the header, two between
    entries or one at the end sent the whole merge down the general path (2-4x slower at
    1k entries), and so did Transifex's "# " for an empty translator comment ("-tx").
    Blank lines only separate entries to gettext, and it writes "# " as "#": the lean path
    reads them so, and the bytes stay msgmerge's, under every option the general path's."""
    folder = DATA / "po" / "blanks"
    old, pot = ((folder / name).read_text("utf-8") for name in (f"old{name}.po", "new.pot"))
    assert lean.scan(old) is not None and lean.scan(pot) is not None
    assert command.merge_files(folder / f"old{name}.po", folder / "new.pot",
                               previous=True) == (folder / f"msgmerge{name}.po").read_bytes()
    for previous in (True, False):
        for width in (79, 40):
            assert _lean(old, pot, previous=previous, width=width) == \
                _general(old, pot, previous=previous, width=width)
    for text in ("\n\n", "\n\n\n"):
        assert lean.scan(text) is None  # nothing but blank lines: po.parse reads it


def test_lean_equals_the_general_path_on_the_corpus_under_every_option() -> None:
    pairs = sorted(p for p in (po_corpus() / "pairs").iterdir() if p.is_dir())
    for pair in pairs[::3]:
        old = (pair / "old.po").read_text("utf-8")
        pot = (pair / "new.pot").read_text("utf-8")
        if lean.scan(old) is None or lean.scan(pot) is None:
            continue
        for previous, fuzzy, resegment, width in ((True, True, True, 40),
                                                  (False, True, True, 79),
                                                  (True, False, True, 79),
                                                  (True, True, False, 79),
                                                  (False, False, False, 100)):
            options = dict(previous=previous, fuzzy=fuzzy, resegment=resegment,
                           width=width)
            assert _lean(old, pot, **options) == _general(old, pot, **options), (
                pair.name, options)


def test_a_layout_gettext_does_not_write_takes_the_general_path() -> None:
    entry = 'msgid "a"\nmsgstr "b"\n'
    for text in ('#, fuzzy\n#: f.c:1\n' + entry,  # comments out of gettext's order
                 entry + 'msgid "c"\nmsgstr ""\n',  # no blank line between entries
                 entry.replace("\n", "\r\n"),  # CRLF
                 '#foo\n' + entry,  # a comment without its space
                 'msgid "a"\nmsgstr "b\\x41"\n',  # an escape gettext does not write
                 entry + "\n" + entry,  # a duplicate: po.parse reports it
                 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\nmsgstr[0] "c"\n'):
        assert lean.scan(text) is None, text
    assert lean.scan(entry) is not None and lean.scan("#. x\n#: f.c:1\n" + entry)
    # a run of blank lines is one separator (test_runs_of_blank_lines_take_the_lean_path)
    assert lean.scan(entry + "\n\n\n" + 'msgid "c"\nmsgstr ""\n') is not None


def test_a_catalog_the_general_reader_refuses_gives_its_error(tmp_path: Path) -> None:
    old, pot = tmp_path / "ko.po", tmp_path / "x.pot"
    entry = '#: f.c:1\nmsgid "a"\nmsgstr "b"\n'
    old.write_text(entry + "\n" + entry, "utf-8")
    pot.write_text(entry, "utf-8")
    with pytest.raises(CatalogError) as merged:
        command.merge_files(old, pot)
    with pytest.raises(CatalogError) as read:
        read_catalog(old)
    assert str(merged.value) == str(read.value) and "duplicate" in str(read.value)


# ------------------------------------------------------------------ generated catalogs

TEXTS = st.lists(st.sampled_from(
    ["file", "the", "a", "%d", "%s", "%(name)s", "{name}", "파일을", "열기", "ファイル",
     "Файл", "configuration-management-subsystem", "\n", "\t", '"', "\\", "x" * 30,
     "ಕಿ", "e\u0301", "\u00ad", "  ", "a.b", "(%d)", "“인용”", "…", "※①"]),
    max_size=14).map("".join)
FLAGS = st.sampled_from([[], ["c-format"], ["fuzzy"], ["fuzzy", "c-format"],
                         ["python-format"], ["python-brace-format"], ["no-wrap"],
                         ["range: 1..5"]])


@st.composite
def catalogs(draw):
    """(old PO, new POT) texts written by the general writer at some width (so the
    lean reader mostly accepts them, and some fields are wrapped for another width)."""
    key = st.tuples(st.none() | st.sampled_from(["menu", "x" * 70]),
                    TEXTS.filter(bool))
    keys = draw(st.lists(key, min_size=1, max_size=8, unique=True))
    gone = [k for k in draw(st.lists(key, max_size=4, unique=True)) if k not in keys]
    texts = []
    for kind in ("po", "pot"):
        po = polib.POFile(wrapwidth=79)
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8",
                       "Plural-Forms": "nplurals=2; plural=(n != 1);"}
        po.header_entry = None
        po.header_raw = None
        chosen = draw(st.lists(st.sampled_from(keys), unique=True)) + gone \
            if kind == "po" else keys
        for n, (ctx, msgid) in enumerate(chosen):
            plural = draw(st.booleans()) and n % 3 == 2
            entry = polib.POEntry(msgid=msgid, msgctxt=ctx,
                                  msgstr="" if kind == "pot" or plural else draw(TEXTS),
                                  flags=list(draw(FLAGS)))
            if plural:
                entry.msgid_plural = msgid + "s"
                entry.msgstr_plural = {0: "" if kind == "pot" else draw(TEXTS), 1: ""}
            if kind == "pot":
                entry.occurrences = [(f"src/{'d' * draw(st.integers(0, 60))}.c", str(k))
                                     for k in range(draw(st.integers(0, 6)))]
                entry.comment = draw(st.sampled_from(["", "TRANSLATORS: x", "a\nb"]))
            else:
                entry.tcomment = draw(st.sampled_from(["", "checked", "a\n\nb"]))
                entry.obsolete = int(draw(st.booleans()) and n % 4 == 3)
                if "fuzzy" in entry.flags and draw(st.booleans()):
                    entry.previous_msgid = draw(TEXTS)
            po.append(entry)
        texts.append(format_catalog(po, width=draw(st.sampled_from([79, 79, 40, 120]))))
    return texts[0], texts[1]


@settings(max_examples=int(os.environ.get("L10N_LEAN_EXAMPLES", 300)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.booleans(), st.booleans(), st.booleans(),
       st.sampled_from([79, 79, 40, 20, 100]), st.booleans())
def test_lean_merge_equals_the_general_merge(case, previous, fuzzy, resegment, width,
                                              force_po) -> None:
    old, pot = case
    options = dict(previous=previous, fuzzy=fuzzy, resegment=resegment, width=width,
                   force_po=force_po)
    ours = _lean(old, pot, **options)
    if ours is not None:
        assert ours == _general(old, pot, **options)


@settings(max_examples=int(os.environ.get("L10N_LEAN_EXAMPLES", 300)), deadline=None)
@given(TEXTS, st.sampled_from(["msgid", "msgstr", "msgctxt", "msgstr[0]"]),
       st.sampled_from(["", "#~ ", "#| "]), st.sampled_from([79, 40, 20, 10, 200]),
       st.sampled_from([None, "c", "python", "python-brace"]),
       st.sampled_from([79, 40, 30, 200, 0]), st.booleans(), st.booleans(), st.data())
def test_is_wrapped_says_whether_the_writer_writes_those_lines(
        value, keyword, prefix, width, language, written_at, cjk, written_cjk, data) -> None:
    """Lines written at some width (or split at random places), in UTF-8's or a CJK
    charset's widths: is_wrapped, in either, is true exactly when they are what
    wrap_field writes at ``width``."""
    if written_at:
        lines = wrap_field(keyword, value, prefix=prefix, width=written_at,
                           language=language, cjk=written_cjk)
    else:
        escaped = wrap_field(keyword, value, prefix=prefix, wrap=False)
        inner = "".join(line[len(prefix):].split('"', 1)[1][:-1] for line in escaped)
        bounds, at = [0], 0  # where a cut may fall: never inside an escape
        while at < len(inner):
            at += 2 if inner[at] == "\\" else 1
            bounds.append(at)
        cuts = sorted(data.draw(st.sets(st.sampled_from(bounds), max_size=4)))
        pieces = [inner[a:b] for a, b in zip([0, *cuts], [*cuts, len(inner)], strict=True)]
        lines = [f'{prefix}{keyword} "{pieces[0]}"'] + [f'{prefix}"{p}"' for p in pieces[1:]]
    first = lines[0][len(prefix) + len(keyword) + 2:-1]
    more = [line[len(prefix) + 1:-1] for line in lines[1:]]
    expected = wrap_field(keyword, value, prefix=prefix, width=width, language=language,
                          cjk=cjk)
    assert is_wrapped(keyword, value, first, more, prefix=prefix, width=width,
                      language=language, cjk=cjk) == (list(lines) == expected)


REFERENCE = st.tuples(st.sampled_from(["a.c", "./b.c", "src/dir/file.c", "x" * 70, "é.c",
                                       "c:d.c", "[Error", "message]"]),
                      st.sampled_from(["", "1", "12", "012", "0"]))


@settings(max_examples=int(os.environ.get("L10N_LEAN_EXAMPLES", 300)), deadline=None)
@given(st.lists(REFERENCE, max_size=8), st.sampled_from([79, 40, 20, 200]),
       st.sampled_from([79, 40, 200]), st.sampled_from(["utf-8", "iso8859-1", "euc_kr"]),
       st.sampled_from(["utf-8", "iso8859-1", "euc_kr"]))
def test_are_wrapped_references_says_whether_the_writer_writes_those_lines(
        references, width, written_at, written_in, encoding) -> None:
    """In any charset: a reference is packed by its bytes there ("é.c" is three bytes in
    UTF-8, two in Latin-1 and EUC-KR)."""
    refs = [f"{name}:{line}" if line else name for name, line in references]
    lines = "".join(line + "\n" for line in wrap_references(refs, width=written_at,
                                                            encoding=written_in))
    po = parse_catalog(lines + 'msgid "a"\nmsgstr ""\n')
    again = wrap_references([f"{f}:{n}" if n else f for f, n in po[0].occurrences],
                            width=width, encoding=encoding)
    same = "".join(line + "\n" for line in again) == lines
    if are_wrapped_references(lines, width=width, encoding=encoding):
        assert same  # never a false proof
    usual = all(not name.startswith("./") and ":" not in name
                and (not line or line == str(int(line))) for name, line in references)
    if usual and len(set(refs)) == len(refs):
        assert are_wrapped_references(lines, width=width, encoding=encoding) == same


# real pairs in a charset of their language (converted from the corpus's UTF-8): the
# charsets mc's and xfce's catalogs were kept in before they moved to UTF-8
LEGACY = [("0001", "EUC-KR"), ("0002", "EUC-JP"), ("0005", "CP1250"),
          ("0006", "CP1252"), ("0009", "CP1250"), ("0010", "KOI8-R")]


@pytest.mark.parametrize("template", ["UTF-8", "CHARSET"])
@pytest.mark.parametrize(("name", "charset"), LEGACY)
def test_a_catalog_in_a_legacy_charset_takes_the_lean_path_with_msgmerges_bytes(
        tmp_path: Path, name: str, charset: str, template: str) -> None:
    """A template that declares UTF-8 makes the result UTF-8 (msgmerge converts it); one
    with xgettext's placeholder leaves it in its charset."""
    pair = po_corpus() / "pairs" / name
    text = (pair / "old.po").read_text("utf-8").replace("charset=UTF-8", f"charset={charset}",
                                                         1)
    data = text.encode(charset, "replace")  # a name the charset lacks (ą in KOI8-R): "?"
    text = data.decode(charset)
    (tmp_path / "o.po").write_bytes(data)
    pot = re.sub(r"charset=[^\\\s\"]+", f"charset={template}",
                 (pair / "new.pot").read_text("utf-8"), count=1)
    (tmp_path / "n.pot").write_text(pot, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", "--previous", "o.po", "n.pot"], cwd=tmp_path,
                         capture_output=True, check=True).stdout
    written = "UTF-8" if template == "UTF-8" else charset
    assert f"charset={written}".encode() in gnu[:2000]
    assert lean.scan(text) is not None  # the lean path, not the general one
    assert command.merge_files(tmp_path / "o.po", tmp_path / "n.pot", previous=True) == gnu
    codec = codecs.lookup(charset).name
    found = lean.merge_texts(text, pot, previous=True, fuzzy=True, resegment=True, width=79,
                             force_po=False, codec=codec)
    general = msgmerge(read_catalog(tmp_path / "o.po"), read_catalog(tmp_path / "n.pot"),
                       previous=True)
    assert found is not None and found[1] == format_catalog(general, force_po=False)


KOREAN_QUOTED = [  # a Korean catalog's translations, with what EUC-KR makes two columns wide
    ("Cannot open '%s': the file is gone", "“%s” 파일을 열 수 없습니다… 파일이 없어졌습니다. "
     "※ 경로를 확인하거나 ‘새로 고침’을 누른 뒤 다시 시도하십시오 · 이 메시지는 한 줄에 들어가지 "
     "않을 만큼 깁니다"),
    ("Copy: (1) source (2) target", "복사: ① 원본 ② 대상 ― “원본”과 ‘대상’이 같으면 아무 일도 "
     "일어나지 않습니다… 계속하려면 § 3을 참고하십시오 ×2 ±1 °C 시스템 설정 파일"),
    ("Short one", "짧은 “문장”"),
]


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext not installed")
@pytest.mark.parametrize("template", ["EUC-KR", "CHARSET"])
@pytest.mark.parametrize("wrapped_by", ["msgcat", "utf-8"])
def test_a_korean_catalog_in_euc_kr_wraps_wide_quotes_as_msgmerge(
        tmp_path: Path, template: str, wrapped_by: str) -> None:
    """In EUC-KR gettext counts “ ” ‘ ’ … · ※ two columns and breaks around ① and ※ as
    around a syllable (libunistring's CJK rules); l10n counted one and broke a line later.
    An old file in gettext's EUC-KR wrapping is copied by the lean path; one wrapped as in
    UTF-8 is rewrapped: both give msgmerge's bytes."""
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=EUC-KR\\n"\n'
    old = header + "".join(f'\n#: a.c:{n}\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
                           for n, (msgid, msgstr) in enumerate(KOREAN_QUOTED))
    data = old.encode("euc_kr")
    if wrapped_by == "msgcat":
        data = subprocess.run(["msgcat", "-"], input=data, capture_output=True,
                              check=True).stdout
    else:
        data = format_catalog(parse_catalog(old)).encode("euc_kr")  # UTF-8's widths
    (tmp_path / "o.po").write_bytes(data)
    pot = header.replace("EUC-KR", template) + "".join(
        f'\n#: a.c:{n + 1}\nmsgid "{msgid}"\nmsgstr ""\n'
        for n, (msgid, _) in enumerate(KOREAN_QUOTED))
    (tmp_path / "n.pot").write_text(pot, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", "--previous", "o.po", "n.pot"], cwd=tmp_path,
                         capture_output=True, check=True).stdout
    assert gnu.count(b'\n"') >= 4  # the translations wrap
    assert command.merge_files(tmp_path / "o.po", tmp_path / "n.pot", previous=True) == gnu
    text = data.decode("euc_kr")
    assert (lean.scan(text) is not None) and lean.merge_texts(
        text, pot, previous=True, fuzzy=True, resegment=True, width=79, force_po=False,
        codec="euc_kr")[1].encode("euc_kr") == gnu
    round_trip = format_catalog(read_catalog(tmp_path / "o.po")).encode("euc_kr")
    msgcat = subprocess.run(["msgcat", "o.po"], cwd=tmp_path, capture_output=True,
                            check=True).stdout
    assert round_trip == msgcat


def test_the_data_cases_take_the_lean_path() -> None:
    old = (DATA / "po" / "old.po").read_text("utf-8")
    pot = (DATA / "po" / "new.pot").read_text("utf-8")
    assert _lean(old, pot) == _general(old, pot)


def test_comment_lines_after_the_header_belong_to_the_next_entry() -> None:
    """xgettext's POT header is often followed by '#"Plural-Forms: ...' lines; gettext
    reads them as the first entry's comments, and so does the lean reader."""
    pot = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '#"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n\n'
           '#: a.c:1\nmsgid "one"\nmsgstr ""\n\n#: a.c:2\nmsgid "two"\nmsgstr ""\n')
    old = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           'msgid "two"\nmsgstr "둘"\n\nmsgid "gone"\nmsgstr "없음"\n')
    found = lean.scan(pot)
    assert found is not None and found[1][0].lead.startswith('#"Plural-Forms')
    for a, b in ((old, pot), (pot, old), (pot, pot)):
        assert _lean(a, b) == _general(a, b)
    assert '# "Plural' in _lean(old, pot, fuzzy=False)  # a new entry keeps its comments


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize(("old", "pot"), [
    # the template's comments after its header (an xgettext lead) belong to the first
    # entry: its c-format flag made the merge fuzzy, and the copy dropped it
    (HEADER + '\n#: a.c:1\nmsgid "a %d"\nmsgstr "A %s"\n',
     HEADER + '#, c-format\n\n#: a.c:2\nmsgid "a %d"\nmsgstr ""\n'),
    (HEADER + '\n#: a.c:1\nmsgid "a"\nmsgstr "A"\n',
     HEADER + '#. x\n#: b.c:3\n\n#: a.c:2\nmsgid "a"\nmsgstr ""\n'),
    # a reference with no file name before its line joins the one before it (a.c:1:5)
    (HEADER + '\n#: a.c:1\nmsgid "a"\nmsgstr "A"\n',
     HEADER + '#. extracted for a\n\n#: a.c:2 :5\nmsgid "a"\nmsgstr ""\n'),
    (HEADER + '\n#: a.c:1\nmsgid "a"\nmsgstr "A"\n',
     HEADER + '\n#: a.c:2 :5\nmsgid "a"\nmsgstr ""\n'),
])
def test_review_counterexamples_merge_as_msgmerge(tmp_path: Path, old: str, pot: str) -> None:
    """Found in review: the lean path copied an entry whose template lead (or an empty
    file name in a reference) the writer does not write as it was."""
    (tmp_path / "o.po").write_text(old, "utf-8")
    (tmp_path / "n.pot").write_text(pot, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", "--previous", "o.po", "n.pot"], cwd=tmp_path,
                         capture_output=True, text=True, check=True).stdout
    assert _general(old, pot) == gnu
    assert _lean(old, pot) in (None, gnu)


def test_a_live_previous_line_in_an_obsolete_entry_is_the_readers_error(tmp_path) -> None:
    """Found in review: the lean scan took '#| msgid' before '#~ msgid' and the merge
    raised mid-way without the file's name; the general path names file and line."""
    old = tmp_path / "o.po"
    old.write_text(HEADER + '\nmsgid "a"\nmsgstr "b"\n\n#| msgid "x"\n#~ msgid "o"\n'
                   '#~ msgstr "p"\n', "utf-8")
    (tmp_path / "n.pot").write_text(HEADER + '\nmsgid "a"\nmsgstr ""\n', "utf-8")
    with pytest.raises(CatalogError, match=r"o\.po:9: .*inconsistent use of #~"):
        command.merge_files(old, tmp_path / "n.pot")


@pytest.mark.parametrize("width", [79, 40, 20, 12])
def test_one_line_fields_at_the_edge_of_the_page_merge_as_the_general_path(width) -> None:
    """``_Writer.exact``'s test of an entry's one-line fields at once, at the lengths
    where a field stops fitting (ASCII, Hangul, a tab, a backslash, a newline escape)."""
    page = max(width, 20)
    entries, n = [], 0
    for keyword_room in (page - 8, page - 9, page - 10):  # msgid, msgstr, msgctxt
        for size in range(keyword_room - 3, keyword_room + 3):
            for text in ("a" * size, "가" * (size // 2), "가" * (size // 2 + 1),
                         "a\t" + "b" * (size - 2), 'a\\"' + "b" * (size - 3),
                         "a\\n" + "b" * (size - 3), "b" * (size - 2) + "\\n"):
                n += 1
                entries.append((f"c{n}" + "x" * max(0, size - 10), f"{n} {text}", text))
    old = "".join(f'msgctxt "{c}"\nmsgid "{i}"\nmsgstr "{s}"\n\nmsgid "{s} {n}"\n'
                  f'msgstr "{i}"\n\n' for n, (c, i, s) in enumerate(entries))
    pot = "".join(f'#: a.c:{n}\nmsgctxt "{c}"\nmsgid "{i}"\nmsgstr ""\n\nmsgid "{s} {n}"\n'
                  f'msgstr ""\n\n' for n, (c, i, s) in enumerate(entries))
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    old, pot = header + old[:-1], header + pot[:-1]
    assert lean.scan(old) is not None and lean.scan(pot) is not None
    assert _lean(old, pot, width=width) == _general(old, pot, width=width)
