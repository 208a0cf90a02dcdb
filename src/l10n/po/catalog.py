"""PO and POT files read and written as GNU gettext 0.21 does (``msgcat`` of what we
write changes nothing, and what we read then write is what ``msgcat`` writes).

Reading is ``po.parse`` (gettext's grammar, linear time) after decoding the file in
the charset its header declares; writing follows ``write-po.c``: translator comments,
extracted comments, references, flags (in gettext's order; ``fuzzy`` only on a
translated entry), ``#|`` previous fields, then the fields, wrapped as ``po.wrap``
does and never inside a format directive; live entries first, then obsolete ones
(those without a translation are dropped, as gettext drops them). A file is written
back in the charset it declares, atomically, and only when its bytes change.
"""

from __future__ import annotations

import codecs
import functools
import re

import polib

from ..errors import CatalogError, read_input
from .directives import format_language
from .parse import PoSyntaxError, parse_flags, parse_po
from .wrap import CJK_CODECS, wrap_field, wrap_references

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["parse_catalog", "read_catalog", "decode_catalog", "format_entry", "flag_layout",
           "format_catalog", "format_header", "format_entries", "join_catalog",
           "write_catalog", "new_catalog", "catalog_charset", "encode_catalog"]

_CHARSET = re.compile(rb"charset=([^\s\"\\]+)")
_CHARSET_TEXT = re.compile(r"charset=([^\s\"\\]+)")


def parse_catalog(text: str, *, path: Path | str = "<string>") -> polib.POFile:
    """A POFile from PO text; what gettext rejects becomes a CatalogError with the line."""
    if "\x00" in text:
        raise CatalogError("file contains a NUL byte", path=path,
                           line=text[: text.index("\x00")].count("\n") + 1,
                           hint="restore the file from version control")
    try:
        return parse_po(text)
    except PoSyntaxError as exc:
        raise CatalogError(f"PO syntax error: {exc.message}", path=path,
                           line=exc.line or None,
                           hint=exc.hint or "fix the entry (msgfmt --check FILE shows "
                                            "the same)") from exc


def decode_catalog(data: bytes, path: Path | str = "<string>") -> tuple[str, str]:
    """The text of a PO file and the Python codec of the charset its header declares."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # PO editors on Windows may add a BOM
    match = _CHARSET.search(data, 0, _header_end(data))
    declared = match.group(1).decode("ascii", "replace") if match else "UTF-8"
    codec = _codec(declared)
    if codec is None:
        line = data[: match.start()].count(b"\n") + 1 if match else None
        raise CatalogError(f"unknown charset {declared!r} in the header", path=path,
                           line=line, hint="declare a charset iconv knows, e.g. UTF-8")
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(f"not valid {declared}", path=path, line=line,
                           hint="fix the charset in the header, or convert the file "
                                "(msgconv --to-code=UTF-8)") from exc


def _header_end(data: bytes, within: int = 65536) -> int:
    """Where the block of the file's first entry (its header, if it has one) ends: blank
    lines and comments may come before it (``# Ukrainian translation`` then a blank
    line), and gettext reads the charset from that entry."""
    limit = min(len(data), within)
    first = 0 if data.startswith(b"msgid") else data.find(b"\nmsgid", 0, limit)
    if first < 0:
        first = 0
    end = data.find(b"\n\n", first, limit)
    return end if end >= 0 else limit


def _codec(declared: str) -> str | None:
    if declared.upper() in ("CHARSET", "ASCII", "US-ASCII", "ANSI_X3.4-1968"):
        return "utf-8"  # a template's placeholder: gettext reads it as ASCII-compatible
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    return "utf-8" if name == "utf-8" else name


def read_catalog(path: Path) -> polib.POFile:
    """Read a PO/POT file in the charset its header declares."""
    data = read_input(path, CatalogError, what="catalog",
                      missing_hint="check the path, or run 'l10n update' to create it")
    text, codec = decode_catalog(data, path)
    po = parse_catalog(text, path=path)
    po.encoding = codec
    return po


def catalog_charset(po: polib.POFile) -> str:
    """The Python codec a catalog is written in: the charset of its Content-Type."""
    match = _CHARSET_TEXT.search(po.metadata.get("Content-Type", ""))
    codec = _codec(match.group(1)) if match else None
    return codec or "utf-8"


def encode_catalog(po: polib.POFile, text: str, path: Path | str = "<string>") -> bytes:
    """``text`` in the catalog's charset; a character it cannot hold is an error."""
    codec = catalog_charset(po)
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        line = text[: exc.start].count("\n") + 1
        raise CatalogError(f"a character cannot be written in {codec}", path=path,
                           line=line, hint="convert the catalog to UTF-8 "
                                           "(msgconv --to-code=UTF-8)") from exc


def _lines(entry: polib.POEntry, attr: str, text: str) -> list[str]:
    """The comment lines behind ``entry.tcomment``/``comment``, kept as read if unchanged."""
    kept = getattr(entry, attr, None)
    if kept is not None and "\n".join(kept) == text:
        return kept
    return text.split("\n") if text else []


def _comment_lines(marker: str, comments: list[str]) -> list[str]:
    return [f"{marker} {line}" if line else marker for line in comments]


def _has_msgstr(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return bool(forms.get(0, forms.get("0", ""))) if forms else False
    return bool(entry.msgstr)


def format_entry(entry: polib.POEntry, *, width: int = 79, wrap: bool = True,
                 encoding: str = "utf-8") -> list[str]:
    """The lines of one entry as GNU gettext writes them in the charset ``encoding``."""
    translated = _has_msgstr(entry)
    cjk = encoding in CJK_CODECS  # wider characters, other breaks (po.wrap)
    if entry.obsolete and not translated:
        return []  # gettext drops untranslated obsolete entries: nothing is lost
    lines: list[str] = []
    if entry.tcomment or getattr(entry, "tcomment_lines", None):
        lines += _comment_lines("#", _lines(entry, "tcomment_lines", entry.tcomment or ""))
    if entry.comment or getattr(entry, "comment_lines", None):
        lines += _comment_lines("#.", _lines(entry, "comment_lines", entry.comment or ""))
    if entry.occurrences:
        refs = [f"{file}:{line}" if line else file for file, line in entry.occurrences]
        lines += wrap_references(refs, width=width, encoding=encoding)
    flag_line, no_wrap, language = flag_layout(tuple(entry.flags), translated,
                                                bool(entry.obsolete))
    if flag_line:
        lines.append(flag_line)
    do_wrap = wrap and not no_wrap
    prefix = "#~ " if entry.obsolete else ""
    prev = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += wrap_field("msgctxt", entry.previous_msgctxt, prefix=prev, width=width,
                            wrap=do_wrap, language=language, cjk=cjk)
    if entry.previous_msgid is not None:
        lines += wrap_field("msgid", entry.previous_msgid, prefix=prev, width=width,
                            wrap=do_wrap, language=language, cjk=cjk)
    if entry.previous_msgid_plural is not None:
        lines += wrap_field("msgid_plural", entry.previous_msgid_plural, prefix=prev,
                            width=width, wrap=do_wrap, language=language, cjk=cjk)
    if entry.msgctxt is not None:
        lines += wrap_field("msgctxt", entry.msgctxt, prefix=prefix, width=width,
                            wrap=do_wrap, language=language, cjk=cjk)
    lines += wrap_field("msgid", entry.msgid, prefix=prefix, width=width, wrap=do_wrap,
                        language=language, cjk=cjk)
    if entry.msgid_plural:
        lines += wrap_field("msgid_plural", entry.msgid_plural, prefix=prefix, width=width,
                            wrap=do_wrap, language=language, cjk=cjk)
        forms = entry.msgstr_plural or {0: ""}
        for index in sorted(forms, key=int):
            lines += wrap_field(f"msgstr[{index}]", forms[index], prefix=prefix,
                                width=width, wrap=do_wrap, language=language, cjk=cjk)
    else:
        lines += wrap_field("msgstr", entry.msgstr, prefix=prefix, width=width,
                            wrap=do_wrap, language=language, cjk=cjk)
    return lines


@functools.lru_cache(maxsize=1024)  # a catalog has a handful of distinct flag lists
def flag_layout(flags: tuple[str, ...], translated: bool, obsolete: bool
                 ) -> tuple[str | None, bool, str | None]:
    """The ``#,`` line gettext writes for an entry's flags (None: none), whether they say
    no-wrap, and the format language whose directives are never broken."""
    parsed = parse_flags(",".join(flags)) if flags else []
    written = [flag for flag in parsed if (flag != "fuzzy" or translated)
               and flag != "wrap" and not flag.endswith("-check")
               and not (flag.startswith("impossible-") and flag.endswith("-format"))
               and not (obsolete and flag.startswith("range: "))]
    written = [flag[9:] if flag.startswith("possible-") and flag.endswith("-format")
               else flag for flag in written]
    return ("#, " + ", ".join(written) if written else None, "no-wrap" in parsed,
            format_language(parsed))


def format_catalog(po: polib.POFile, *, width: int = 79, wrap: bool = True,
                   force_po: bool = True) -> str:
    """The whole file as GNU gettext writes it: header, live entries, obsolete entries.

    ``force_po=False`` is msgcat's and msgmerge's default: a catalog with no message
    besides its header is written as nothing at all (``l10n merge`` without
    ``--force-po``); an untranslated obsolete entry, which is not written, still counts
    as one, as in gettext (it drops such entries only when it prints). Every other writer
    keeps the header (the project's own catalogs are always written whole), so that is
    the default here.
    """
    if not len(po) and not force_po:
        return ""
    entries = format_entries(po, width=width, wrap=wrap)
    return join_catalog(format_header(po, width=width, wrap=wrap), entries)


def join_catalog(header: str, entries: str) -> str:
    """A file's text from ``format_header`` and ``format_entries``."""
    if not header:
        return entries
    return f"{header}\n" + (f"\n{entries}" if entries else "")


def _header_entry(po: polib.POFile) -> polib.POEntry | None:
    read = getattr(po, "header_entry", None)
    raw = getattr(po, "header_raw", None)
    if read is None and not po.metadata and not po.header:
        return None  # a file without a header gets none
    if raw is not None and dict(po.metadata) == raw[1]:
        text = raw[0]  # unchanged: exactly as read (field order, spacing)
    else:
        text = "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    fuzzy = getattr(po, "metadata_is_fuzzy", None)
    if isinstance(fuzzy, list):
        fuzzy = "fuzzy" in fuzzy
    header = polib.POEntry(msgid="", msgstr=text, tcomment=po.header or "")
    if read is not None:
        header.tcomment_lines = getattr(read, "tcomment_lines", None)
        header.comment, header.comment_lines = read.comment, getattr(
            read, "comment_lines", None)
        header.occurrences = list(read.occurrences)
        header.flags = [flag for flag in read.flags if flag != "fuzzy"]
    if fuzzy:
        header.flags = ["fuzzy"] + header.flags
    return header


def format_header(po: polib.POFile, *, width: int = 79, wrap: bool = True) -> str:
    """The header entry's lines (the part of ``format_catalog`` before the first blank
    line); "" for a file without a header."""
    header = _header_entry(po)
    return "\n".join(format_entry(header, width=width, wrap=wrap,
                                  encoding=catalog_charset(po))) if header else ""


def format_entries(po: polib.POFile, *, width: int = 79, wrap: bool = True) -> str:
    """The entries' lines (``format_catalog`` after the header and a blank line), live
    entries first; "" when there are none."""
    encoding = catalog_charset(po)
    blocks = [format_entry(entry, width=width, wrap=wrap, encoding=encoding) for entry in po
              if not entry.obsolete]
    for entry in po:
        if entry.obsolete:
            lines = format_entry(entry, width=width, wrap=wrap, encoding=encoding)
            if lines:
                blocks.append(lines)
    return "".join("\n".join(block) + "\n\n" for block in blocks)[:-1]


def write_catalog(po: polib.POFile, path: Path, *, expected_digest: str | None = "any",
                  width: int = 79, wrap: bool = True) -> bool:
    """Serialize and write a catalog atomically in its charset; False when unchanged."""
    from ..files import write_text_atomic  # here: a merge to standard output writes none

    text = format_catalog(po, width=width, wrap=wrap)
    codec = catalog_charset(po)
    if codec == "utf-8":
        return write_text_atomic(path, text, expected_digest=expected_digest)
    data = encode_catalog(po, text, path)
    return write_text_atomic(path, data.decode("latin-1"), expected_digest=expected_digest,
                             encoding="latin-1")


def new_catalog(metadata: dict[str, str], *, header_comment: str = "") -> polib.POFile:
    po = polib.POFile(wrapwidth=79, encoding="utf-8")
    po.metadata = dict(metadata)
    po.header = header_comment
    po.header_entry = None
    po.header_raw = None
    return po
