"""Wrap PO file strings exactly as GNU gettext 0.21 ``msgcat`` does.

GNU gettext's ``write-po.c`` (function ``wrap()``) splits a string into portions ending
after each ``\\n``, escapes every portion and lets libunistring's ``ulc_width_linebreaks``
choose where to break it, so that each output line, including its quotes, fits in the page
width (79 columns by default).  This module reproduces that in pure Python so our
serializer's output survives a round trip through ``msgcat`` without any diff.

Line_Break classes are the ``uniseg`` package's (UAX #14 data), kept in ``po.breaks``, a
table of uniseg's, so that no file needs uniseg's import;
character widths come from :mod:`unicodedata` (Unicode 14.0 in Python 3.11, the same
version as libunistring 1.0, which gettext 0.21 uses on Debian 12).

libunistring 1.0 behaviours reproduced (each checked against msgcat 0.21):

* its pair table, i.e. UAX #14 rules LB11-LB30 in their older form: no LB29 (a break may
  follow ``.``/``,`` before a letter or Hangul: ``a.|b``), LB16 for CL only (``) 々`` may
  break after the space), LB22 ``× IN`` for every class, both halves of LB24, LB25 as
  simple pairs, LB30 ``(AL|HL|NU) × OP`` only for non-East-Asian OP (``a|「`` and ``a|（``
  may break), no LB15a-d, LB19a, LB20a, LB28a; Hangul per LB26/LB27, so syllables break
  between each other and after digits (``2017|년``) but not before ``%``;
* sequence rules: no break at the start, never before SP, ZW or a combining mark (except
  right after spaces or ZW, where it breaks and then acts as AL), always after ZW, never
  after ZWJ (LB8a) or Hebrew + hyphen (LB21a), regional indicators in pairs (LB30a),
  "indirect" pairs only after spaces;
* class resolution: AI, SA, XX and the classes newer than Unicode 14 act as AL, CB as ID,
  CJ as NS, NL/CR/LF as BK (a mandatory break that gettext does not print but which
  restarts the column count);
* widths (``uc_width``): East Asian Wide/Fullwidth count 2 (Hangul syllables!), ambiguous
  1; Bidi_Class NSM, Cf (soft hyphen and prepended concatenation marks too) and conjoining
  jamo 0.  Zero width goes by the Bidi_Class, not the General_Category, so the Mn marks of
  Bidi_Class L (Kannada U+0CBF and U+0CC6, among five) count 1.  Unassigned code points
  count 2 in the CJK/fullwidth blocks and 1 elsewhere.  Control characters are ignored; a
  piece longer than the line is left whole;
* gettext's side: escapes (``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``, nothing else) are
  never split, no break right before the ``\\n`` ending a portion, an empty first line
  when the text wraps or has several portions, and ``--width`` values below 20 raised to
  20.

Also reproduced: no break inside a format directive (the caller passes their positions,
see ``po.directives``) and ``no-wrap``, and libunistring's rules for the CJK charsets
(``is_cjk_encoding``: EUC-KR, CP949, JOHAB, EUC-JP, GB2312, GBK, BIG5; pass ``cjk=True``),
where every character from U+00A1 to U+FF60 but U+20A9 that is not zero-width counts two
columns (“ ” … · and Cyrillic among them) and class AI breaks as ID. Not reproduced:
``--indent``, and characters whose Line_Break class changed after Unicode 14
(``uniseg`` ships newer data: about 70 characters differ, e.g. Balinese, Javanese and
Brahmi punctuation, Brahmi numbers and a few symbols); characters added after Unicode 14
are AL, as libunistring 1.0 has them (``resolved_class``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate

from .breaks import is_ambiguous, line_class

__all__ = ["escape", "wrap_field", "wrap_references", "is_wrapped", "are_wrapped_references",
           "CJK_CODECS"]

# libunistring's ``is_cjk_encoding`` as Python names the codecs (EUC-TW: Python has none)
CJK_CODECS = frozenset({"euc_jp", "gb2312", "gbk", "big5", "euc_kr", "cp949", "johab"})

_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"'}

# Break states, as in libunistring's unilbrk.h.
_UNDEF, _MANDATORY, _POSSIBLE, _PROHIBITED = -1, 0, 1, 2
# Pair decisions of the UAX #14 table: direct, indirect (only after spaces),
# prohibited.
_D, _I, _P = "D", "I", "P"

_RESOLVE = {"AI": "AL", "SA": "AL", "XX": "AL", "SG": "AL", "AK": "AL",
            "AP": "AL", "AS": "AL", "VF": "AL", "VI": "AL", "CB": "ID",
            "CJ": "NS", "NL": "BK", "CR": "BK", "LF": "BK"}
_HANGUL = frozenset({"JL", "JV", "JT", "H2", "H3"})
_ALPHA = frozenset({"AL", "HL"})
_EMOJI = frozenset({"ID", "EB", "EM"})
# LB25 (simple form) and LB30: pairs that only break after spaces.
_NUMERIC_PAIRS = frozenset(
    {("CL", "PO"), ("CP", "PO"), ("CL", "PR"), ("CP", "PR"), ("NU", "PO"),
     ("NU", "PR"), ("PO", "OP"), ("PO", "NU"), ("PR", "OP"), ("PR", "NU"),
     ("HY", "NU"), ("IS", "NU"), ("NU", "NU"), ("SY", "NU"), ("CP", "AL"),
     ("CP", "HL"), ("CP", "NU"), ("AL", "OP"), ("HL", "OP"), ("NU", "OP")})


def escape(value: str) -> str:
    """Return ``value`` escaped as inside a PO string's double quotes.

    Like msgcat, only ``\\a \\b \\f \\n \\r \\t \\v``, the backslash and the double quote
    are escaped; other characters are written as they are."""
    return value.translate(_ESCAPE_TABLE)


@functools.cache
def _lbp(ch: str) -> str:
    """Line_Break class of ``ch`` resolved the way libunistring 1.0 does: uniseg's, from
    ``po.breaks`` (its table of them: uniseg's import is more than a small merge)."""
    return line_class(ch)


@functools.cache
def _lbp_cjk(ch: str) -> str:
    """``_lbp`` in a CJK charset: class AI is ID there, not AL."""
    return "ID" if is_ambiguous(ch) else line_class(ch)


# LineBreak.txt 14.0's classes of unassigned code points (its "@missing" lines): ID in
# the CJK and emoji blocks, PR among the currency symbols, XX (AL) everywhere else
_UNASSIGNED_ID = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD),
                  (0x30000, 0x3FFFD), (0x1F000, 0x1FAFF), (0x1FC00, 0x1FFFD))


def resolved_class(line_break: str, ch: str) -> str:
    """A UAX #14 class as ``_lbp`` resolves it (for ``po.breaks``' tables and their test):
    East Asian opening punctuation apart (LB30 excludes it), the classes libunistring 1.0
    lacks as it treats them. A character newer than Unicode 14 (unassigned in
    :mod:`unicodedata` of Python 3.11, which is 14.0) has the class LineBreak.txt 14.0
    gives unassigned code points, as in libunistring 1.0, whatever uniseg's newer data
    says (msgcat breaks around a new combining mark or digit as around a letter)."""
    if unicodedata.category(ch) == "Cn":
        code = ord(ch)
        if any(a <= code <= b for a, b in _UNASSIGNED_ID):
            return "ID"
        return "PR" if 0x20A0 <= code <= 0x20CF else "AL"
    if line_break == "OP" and unicodedata.east_asian_width(ch) in ("F", "W", "H"):
        return "OPW"
    return _RESOLVE.get(line_break, line_break)


@functools.cache
def _pair(b: str, a: str) -> str:
    """Break decision between classes ``b`` (before) and ``a`` (after).

    UAX #14 rules LB11-LB30 as libunistring 1.0 tabulates them."""
    if "OPW" in (b, a):  # East Asian OP: like OP, but no LB30
        if b in ("AL", "HL", "NU") and a == "OPW":
            return _D
        return _pair(b.replace("OPW", "OP"), a.replace("OPW", "OP"))
    if a == "WJ" or b == "OP" or a in ("CL", "CP", "EX", "IS", "SY"):
        return _P  # LB11, LB14, LB13
    if b in ("WJ", "GL"):
        return _I  # LB11, LB12
    if a == "GL":
        return _D if b in ("BA", "HY") else _I  # LB12a
    if (b, a) in (("QU", "OP"), ("CL", "NS"), ("B2", "B2")):
        return _P  # LB15, LB16 (CL only), LB17
    if (a in ("QU", "BA", "HY", "NS", "IN") or b in ("QU", "BB")  # LB19,21,22
            or (b, a) in (("SY", "HL"), ("EB", "EM"))  # LB21b, LB30b
            or (b in _ALPHA and a == "NU") or (b == "NU" and a in _ALPHA)
            or (b == "PR" and a in _EMOJI) or (b in _EMOJI and a == "PO")
            or (b in ("PR", "PO") and a in _ALPHA)  # LB23, LB23a, LB24
            or (b in _ALPHA and a in ("PR", "PO"))
            or (b, a) in _NUMERIC_PAIRS  # LB25, LB30
            or (b == "JL" and a in ("JL", "JV", "H2", "H3"))  # LB26
            or (b in ("JV", "H2") and a in ("JV", "JT"))
            or (b in ("JT", "H3") and a == "JT")
            or (b in _HANGUL and a == "PO") or (b == "PR" and a in _HANGUL)
            or (b in _ALPHA and a in _ALPHA)  # LB28
            or (b, a) == ("RI", "RI")):  # LB30a, counted by the caller
        return _I
    return _D


def _possible_linebreaks(text: str, cjk: bool = False) -> list[int]:
    """Port of libunistring's ``u8_possible_linebreaks`` (per character).

    ``result[i]`` tells whether a line may break before ``text[i]``; ``cjk``: the text is
    in a CJK charset.
    """
    result = [_PROHIBITED] * len(text)
    prev = last = "BK"  # classes of the last character / non-space one
    space = False  # spaces seen since the last non-space character?
    ri_count = 0  # regional indicators right before this point
    pair = _pair
    for i, prop in enumerate(map(_lbp_cjk if cjk else _lbp, text)):
        if prop == "SP":
            space = True  # LB7: never break before a space
            prev = prop
            ri_count = 0
            continue
        if prop == "BK":
            result[i] = _MANDATORY
            prev, last, space = prop, prop, False
        elif prop == "ZW":
            last, space = "ZW", False
        elif prop == "CM" or prop == "ZWJ":  # LB9, LB10
            if last == "BK":
                last, space = "AL", False
            elif last == "ZW" or space:  # LB8, LB18 win over LB14 here
                result[i] = _POSSIBLE
                last, space = "AL", False
        else:
            if last == "ZW":
                result[i] = _POSSIBLE
            elif last == "BK" or prev == "ZWJ" or prev == "HL_BA":  # LB8a, LB21a
                pass
            elif last == prop == "RI":  # LB30a
                if space or ri_count % 2 == 0:
                    result[i] = _POSSIBLE
            else:
                decision = pair(last, prop)
                if decision == _D or (space and decision == _I):
                    result[i] = _POSSIBLE
            last, space = prop, False
        if prop != "BK":
            prev = "HL_BA" if prev == "HL" and (prop == "HY" or prop == "BA") else prop
        ri_count = ri_count + 1 if prop == "RI" else 0
    return result


@functools.lru_cache(maxsize=65536)
def _word_marks(word: str) -> tuple[str, tuple[int, ...], str]:
    """A space-free word's first class, the break states after its first character, and
    its last class. Words recur, so texts are mostly assembled from this cache."""
    return _lbp(word[0]), tuple(_possible_linebreaks(word)[1:]), _lbp(word[-1])


def _simple_linebreaks(text: str) -> list[int]:
    """``_possible_linebreaks`` for a text in the ``_SIMPLE`` scripts, word by word.

    Those scripts have no mandatory breaks, zero-width spaces or combining marks, so after
    a space (U+0020, the only SP) the algorithm's state is the same whatever came before,
    except for the class of the last non-space character, which decides whether the next
    word may start a line. Inside a word the states depend on the word alone.
    """
    result: list[int] = []
    last = "BK"  # nothing before the text: no break at its start
    for n, word in enumerate(text.split(" ")):
        if n:
            result.append(_PROHIBITED)  # LB7: never before the space itself
        if not word:
            continue
        first, rest, tail = _word_marks(word)
        if n == 0 or last == "BK":
            result.append(_PROHIBITED)
        elif last == first == "RI" or _pair(last, first) != _P:
            result.append(_POSSIBLE)  # after spaces, direct and indirect pairs both break
        else:
            result.append(_PROHIBITED)
        result += rest
        last = tail
    return result


# Blocks that libunistring's width-2 table (``is_width2`` in gen-uni-tables.c)
# covers wholesale, unassigned code points included.  Only used for unassigned
# code points: CPython reports East_Asian_Width "F" for every one of them,
# while msgcat counts them 2 in these blocks and 1 elsewhere.
_WIDE_BLOCKS = ((0x2E80, 0xA4CF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F),
                (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0x1F200, 0x1F320),
                (0x20000, 0x3FFFF))


@functools.cache
def _width(ch: str) -> int:
    """Columns taken by ``ch`` per libunistring's ``uc_width`` (UTF-8).

    libunistring's table of zero-width characters (``is_nonspacing`` in gnulib's
    ``gen-uni-tables.c``) is keyed on the Bidi_Class, not on the General_Category:
    Bidi_Class NSM, Cc, Cf, "ZERO WIDTH ..." names and the conjoining jamo U+1160..U+11FF,
    U+D7B0..U+D7C6, U+D7CB..U+D7FB. So the few Mn marks with Bidi_Class L (Kannada vowel
    signs I and E, U+0CBF and U+0CC6; U+11A07, U+11A08, U+11C3F) count 1 column."""
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return 0  # uc_width returns -1; such characters are ignored
    if cat == "Cn":
        return 2 if any(a <= ord(ch) <= b for a, b in _WIDE_BLOCKS) else 1
    if (cat == "Cf" or unicodedata.bidirectional(ch) == "NSM"
            or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7c6"
            or "\ud7cb" <= ch <= "\ud7fb"):  # conjoining jamo
        return 0  # every "ZERO WIDTH ..." character is Cf in Unicode 14
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@functools.cache
def _cjk_width(ch: str) -> int:
    """``_width`` in a CJK charset: libunistring's ``uc_width`` counts two columns for every
    character from U+00A1 to U+FF60 but U+20A9 that takes any."""
    width = _width(ch)
    return 2 if width == 1 and "\xa1" <= ch < "\uff61" and ch != "\u20a9" else width


def _width_linebreaks(marks: list[int], columns: list[int], width: int,
                      start_column: int) -> list[int]:
    """Port of ``u8_width_linebreaks``: where a text gets broken (the indices before which
    a line ends, in order).

    ``marks`` are its break states (``_possible_linebreaks`` with the caller's
    overrides applied) and ``columns`` the running sum of its characters' widths
    (``columns[i]``: the width of the characters before ``i``). Only the break
    opportunities are visited; a piece's width is a difference of two sums.
    """
    result: list[int] = []
    last_p = None
    last_column, piece_start = start_column, 0
    for i in [i for i, mark in enumerate(marks) if mark == _POSSIBLE or mark == _MANDATORY]:
        piece_width = columns[i] - columns[piece_start]
        if last_p is not None and last_column + piece_width > width:
            result.append(last_p)
            last_column = 0
        if marks[i] == _MANDATORY:  # the mandatory character itself takes no column
            last_p, last_column, piece_start = None, 0, i + 1
            continue
        last_p, last_column, piece_start = i, last_column + piece_width, i
    if last_p is not None and last_column + columns[-1] - columns[piece_start] > width:
        result.append(last_p)
    return result


def _page_width(width: int) -> int:
    """msgcat's page width for ``--width=width``: at least 20 columns."""
    if width < 1:
        raise ValueError(f"page width must be positive, not {width}")
    return max(width, 20)


def _escaped_portions(value: str, protect: frozenset[int] = frozenset()
                      ) -> list[tuple[str, list[int]]]:
    """Split ``value`` after each newline; escape each piece.

    Returns ``(escaped_text, prohibited)`` pairs, where ``prohibited`` lists, in
    order, the indices of the escaped text before which no break may fall: inside escape
    sequences, before the characters of ``value`` whose index is in ``protect`` (inside a
    format directive) and right before a trailing ``\\n``.
    """
    escaped = value.translate(_ESCAPE_TABLE)
    if len(escaped) == len(value) and not protect:  # nothing to escape: no overrides
        return [(value, [])]
    if not protect:
        return _portions_by_escape(value)
    return _portions_by_character(value, protect)


def _portions_by_escape(value: str) -> list[tuple[str, list[int]]]:
    """``_portions_by_character`` without protected positions, found escape by escape
    (every backslash of an escaped text starts a two-character escape)."""
    portions: list[tuple[str, list[int]]] = []
    start = 0
    while start < len(value):
        end = value.find("\n", start)
        end = len(value) if end < 0 else end + 1
        text = value[start:end].translate(_ESCAPE_TABLE)
        prohibited = []
        at = text.find("\\")
        while at >= 0:
            prohibited.append(at + 1)
            at = text.find("\\", at + 2)
        if value[end - 1] == "\n":  # not before the final \n either (its backslash)
            prohibited.insert(len(prohibited) - 1, len(text) - 2)
        portions.append((text, prohibited))
        start = end
    return portions


def _portions_by_character(value: str, protect: frozenset[int]
                           ) -> list[tuple[str, list[int]]]:
    portions: list[tuple[str, list[int]]] = []
    start = 0
    while True:
        end = value.find("\n", start)
        end = len(value) if end < 0 else end + 1
        chunks = [_ESCAPES.get(c, c) for c in value[start:end]]
        text = "".join(chunks)
        overrides = [o for index, chunk in enumerate(chunks, start)
                     for o in [_PROHIBITED if index in protect else _UNDEF]
                     + [_PROHIBITED] * (len(chunk) - 1)]
        if value[end - 1:end] == "\n":
            overrides[-2] = _PROHIBITED
        portions.append((text, [i for i, o in enumerate(overrides) if o == _PROHIBITED]))
        start = end
        if start >= len(value):
            return portions


# Scripts whose widths need no special casing: ASCII, Latin-1, Cyrillic but its combining
# marks, general punctuation, Hangul syllables. Anything else takes the full algorithm.
_SIMPLE = r"[\x20-\x7e\xa0-\xff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\uac00-\ud7a3]*"


@functools.cache  # compiled when first needed: a merge copying its lines never wraps
def _simple() -> re.Pattern:
    return re.compile(_SIMPLE)


_ASCII_PRINTABLE = bytes(range(0x20, 0x7F))


def _is_simple(text: str, cjk: bool = False) -> bool:
    """Is ``text`` in the ``_SIMPLE`` scripts? Printable ASCII with Hangul syllables, the
    usual Korean text, is told without the class: re compiles a class a character at a
    time, and its 11,172 syllables were 1.4 ms of a small merge of a Korean catalog.
    ``cjk`` (a CJK charset, where the rest of the class is wide and some of it breaks
    otherwise): only printable ASCII with Hangul syllables is."""
    if text.isascii():
        return text.isprintable()
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_PRINTABLE)
    letters = rest.decode("utf-8", "surrogatepass")  # only whole characters were taken out
    if "\uac00" <= min(letters) and max(letters) <= "\ud7a3":
        return True
    return not cjk and _simple().fullmatch(text) is not None


def _simple_columns(text: str, cjk: bool = False) -> int | None:
    """The columns of a text in the ``_SIMPLE`` scripts (None: it is not): one each but
    Hangul syllables two (the characters whose UTF-8 lead byte is EA..ED: counted as
    bytes, no 11,172-character class to compile) and U+00AD none."""
    if not _is_simple(text, cjk):
        return None
    data = text.encode("utf-8")
    return len(data) - len(data.translate(None, b"\xea\xeb\xec\xed")) + len(text) \
        - text.count("\xad")


_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def wrap_field(keyword: str, value: str, *, prefix: str = "", width: int = 79,
               wrap: bool = True, language: str | None = None, cjk: bool = False
               ) -> list[str]:
    """Lines (without trailing newline) for ``keyword "value"`` as msgcat writes them.

    ``prefix`` is ``""`` for normal fields, ``"#| "`` for a previous msgid, ``"#~ "`` for
    obsolete entries and ``"#~| "`` for an obsolete previous msgid; ``keyword`` is e.g.
    ``msgid``, ``msgstr``, ``msgctxt``, ``msgid_plural`` or ``msgstr[0]``.  ``width`` is
    msgcat's ``--width``. ``language`` names the entry's format language: no break falls
    inside one of its directives (``po.directives``), found only when the value does not
    fit on one line; ``wrap=False`` is a ``no-wrap`` entry or ``--no-wrap``: lines end
    only after ``\\n``; ``cjk``: the catalog's charset is one of ``CJK_CODECS``."""
    return list(_wrap(keyword, value, prefix, width, wrap, language, cjk))


def _one_line(keyword: str, value: str, prefix: str, width: int, cjk: bool = False
              ) -> str | None:
    """The single line msgcat writes for a value that needs no wrapping (no newline but
    a last one, in the ``_SIMPLE`` scripts, fitting after the keyword), else None. No
    break is possible, so neither directives nor break classes matter. (A ``no-wrap``
    value without a newline never comes here: ``_wrap`` writes it at once.)"""
    newline = value.find("\n")
    if newline >= 0 and newline != len(value) - 1:
        return None
    if not _is_simple(value[:-1] if newline >= 0 else value, cjk):
        return None
    escaped = value.translate(_ESCAPE_TABLE)  # simple too: the escapes are ASCII
    columns = len(escaped) if escaped.isascii() else _simple_columns(escaped, cjk)
    if len(keyword) + 1 + columns <= _page_width(width) - 2 - len(prefix):
        return f'{prefix}{keyword} "{escaped}"'
    return None


@functools.lru_cache(maxsize=65536)  # a msgid is written to the POT and to each PO
def _wrap(keyword: str, value: str, prefix: str, width: int, wrap: bool = True,
          language: str | None = None, cjk: bool = False) -> tuple[str, ...]:
    if not wrap and "\n" not in value:
        return (f'{prefix}{keyword} "{value.translate(_ESCAPE_TABLE)}"',)
    line = _one_line(keyword, value, prefix, width, cjk) if wrap else None
    if line is not None:
        return (line,)
    protect: frozenset[int] = frozenset()
    if language:
        from .directives import protected_positions

        protect = protected_positions(value, language)
    return _wrap_lines(keyword, value, prefix, width, protect, wrap, cjk)


def _wrap_lines(keyword: str, value: str, prefix: str, width: int,
                protect: frozenset[int], wrap: bool, cjk: bool) -> tuple[str, ...]:
    """``_wrap`` the long way: break classes, widths, libunistring's line breaking."""
    width = _page_width(width) if wrap else 1 << 40
    after_break = len(prefix) + 1  # column after the opening quote
    avail = width - 1 - after_break  # room for the closing quote
    portions = _escaped_portions(value, protect)
    lines: list[str] = []
    first = True
    for index, (text, prohibited) in enumerate(portions):
        start = len(keyword) + 1 if first else 0
        marks = (_simple_linebreaks(text) if _is_simple(text, cjk)
                 else _possible_linebreaks(text, cjk))
        for at in prohibited:  # inside an escape or a directive
            marks[at] = _PROHIBITED
        columns = list(accumulate(map(_cjk_width if cjk else _width, text), initial=0))
        breaks = _width_linebreaks(marks, columns, avail, start)
        if first and text and (index + 1 < len(portions) or start > avail or breaks):
            lines.append(f'{prefix}{keyword} ""')
            first, start = False, 0
            breaks = _width_linebreaks(marks, columns, avail, start)
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        cuts = [0, *breaks, len(text)]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
            lines.append(f'{head if n == 0 else prefix}"{text[a:b]}"')
    return tuple(lines)


def wrap_references(references: list[str], *, width: int = 79,
                    encoding: str = "utf-8") -> list[str]:
    """``#: file:line`` lines as msgcat wraps file positions.

    Duplicates are dropped and leading ``./`` removed, as msgcat does; a
    reference is never split, so an over-long one gets a line of its own. gettext
    counts a reference's bytes in the catalog's charset, ``encoding`` (a Latin-1 "é"
    is one).
    """
    width = _page_width(width)
    lines: list[str] = []
    line, column = "#:", 2
    for ref in dict.fromkeys(references):
        while ref.startswith("./"):
            ref = ref[2:]
        size = (len(ref) if ref.isascii() else len(ref.encode(encoding, "replace"))) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line, column = "#:", 2
        line += " " + ref
        column += size
    if column > 2:
        lines.append(line)
    return lines


def is_wrapped(keyword: str, value: str, first: str, more: list[str], *, prefix: str = "",
               width: int = 79, language: str | None = None, cjk: bool = False) -> bool:
    """Are the lines ``{prefix}{keyword} "{first}"`` and ``{prefix}"{m}"`` for each ``m``
    of ``more`` (the texts between the quotes, escapes as written) exactly what
    ``wrap_field(keyword, value, prefix=prefix, width=width, language=language, cjk=cjk)``
    writes?
    (``value`` is what the lines say.) So a field read in that form can be copied as
    text. Proved without the break algorithm in the usual cases: one line that fits,
    and lines that each hold one whole newline-ended portion and fit; anything else is
    compared with ``wrap_field``."""
    avail = _page_width(width) - 2 - len(prefix)
    if not more:
        newline = value.find("\n")
        if newline < 0 or newline == len(value) - 1:
            columns = _columns(value, first, read=True, cjk=cjk)
            if columns is not None and len(keyword) + 1 + columns <= avail:
                return True  # fits: no break is taken, whatever the break classes
    elif not first and len(more) > 1:
        parts = value.split("\n")
        if not parts[-1]:
            parts.pop()
        last = len(parts) - 1
        if len(parts) == len(more) and all(
                (columns := _columns(part + "\n" if n < last or value[-1:] == "\n"
                                     else part, text, cjk=cjk)) is not None
                and columns <= avail
                for n, (part, text) in enumerate(zip(parts, more, strict=True))):
            return True  # one portion per line, each fitting: no break inside any
    lines = _wrap(keyword, value, prefix, width, True, language, cjk)
    return len(lines) == len(more) + 1 and lines[0] == f'{prefix}{keyword} "{first}"' \
        and all(line == f'{prefix}"{text}"' for line, text in zip(lines[1:], more, strict=True))


def _columns(value: str, text: str, read: bool = False, cjk: bool = False) -> int | None:
    """The columns of ``text`` if it is ``value`` escaped as gettext escapes it, else
    None. ``read``: ``text`` is what a reader accepted between quotes and ``value`` what
    it read there, so a printable ``text`` holds only the writer's escapes."""
    if not (read and text.isprintable()) and value.translate(_ESCAPE_TABLE) != text:
        return None
    if text.isascii():
        return len(text)
    columns = _simple_columns(text, cjk)
    if columns is None:
        return sum(map(_cjk_width if cjk else _width, text))
    return columns


# a reference is "file:line", or a file without a colon and without a line (gettext
# writes such a reference as the name alone: "#: SABnzbd.py [Error message]" is three)
_CANONICAL_REFERENCES = (r"(?:#:(?: (?!\./)(?:[^ \t\n]+:(?:0|[1-9][0-9]*+)|[^ \t\n:]++)"
                         r"(?= |\n))++\n)++")


# one row of references, the file without a colon
_ONE_ROW = re.compile(r"#:(?: (?!\./)[^ \t\n:]++(?::(?:0|[1-9][0-9]*+))?+)++\n")


def are_wrapped_references(lines: str, *, width: int = 79, encoding: str = "utf-8") -> bool:
    """Are the ``#:`` lines ``lines`` (each ending in a newline) exactly what
    ``wrap_references`` writes, in the charset ``encoding``, for the references a reader
    finds in them? True for
    "file:line" references and files without a colon or a line, each once, without a
    leading ``./``, the line number without leading zeros, packed as msgcat packs them."""
    if not lines:
        return True
    if len(lines) <= max(width, 20) + 1 and lines.isascii() \
            and _ONE_ROW.fullmatch(lines):  # the usual: one row that fits
        if lines.count(" ") == 1:
            return True  # one reference: no duplicate
        tokens = lines.split()
        return len(set(tokens)) == len(tokens)
    if not re.fullmatch(_CANONICAL_REFERENCES, lines):  # rare: re's cache compiles it once
        return False
    tokens = lines.split()
    rows = lines[:-1].split("\n")
    if len(set(tokens)) != len(tokens) - len(rows) + 1:  # one "#:" per row
        return False
    page = _page_width(width)
    sizes = [len(row) for row in rows] if lines.isascii() else [
        len(row.encode(encoding, "replace")) for row in rows]
    for n, row in enumerate(rows):
        if sizes[n] > page and row.count(" ") > 1:
            return False  # two references on a line that is too long
        if n + 1 < len(rows):
            after = rows[n + 1]
            space = after.find(" ", 3)
            head = after[3:] if space < 0 else after[3:space]
            if sizes[n] + 1 + len(head.encode(encoding, "replace")) <= page:
                return False  # the next reference would have fitted on this line
    return True
