"""PO and POT files: with ``po.parse``, the modules that read and write the PO format.

Reading uses polib (through ``po.parse``'s fast reader for files in the usual shape).
Writing uses our own serializer, because the output must be what GNU gettext itself
writes (``msgcat`` of our output changes nothing), and GNU wraps Korean text differently
from polib: see ``po.wrap``. Files are written atomically (temporary file in the same
folder, fsync, rename), and only when their bytes change.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import polib

from ..errors import CatalogError, decode_utf8, read_input
from ..files import write_text_atomic
from .parse import Unusual, parse_po
from .wrap import wrap_field, wrap_references

_SYNTAX_LINE = re.compile(r"line (\d+)")


# A string line: optional "#~ " / "#| " prefix, optional keyword, then one quoted string
# with only the escapes GNU gettext knows. polib accepts more; msgfmt does not.
_STRING_LINE = re.compile(
    r'^(?:#~\s*)?(?:#\|\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
    r'"(?:[^"\\]|\\[abfnrtv\\"\'?]|\\[0-7]{1,3}|\\x[0-9A-Fa-f]+)*"\s*$')
_NEEDS_STRING = re.compile(r'^(?:#~\s*)?(?:#\|\s*)?(?:msgctxt|msgid|msgid_plural|msgstr|")')


def _check_strings(text: str, path: Path | str) -> None:
    """Every string line is well formed (closed quote, known escapes), as msgfmt demands."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped and _NEEDS_STRING.match(stripped) and not _STRING_LINE.match(stripped):
            raise CatalogError("PO syntax error: malformed string (unclosed quote or unknown "
                               "escape)", path=path, line=number,
                               hint="fix the line (msgfmt --check FILE shows the same)")


def _check_syntax(text: str, path: Path | str) -> None:
    """What polib reads without a word but msgfmt refuses (a msgid whose msgstr line was
    deleted, keywords out of order) is an error, never an entry read as translated."""
    from .validate import validate_po

    for problem in validate_po(text).problems:
        if problem.kind == "syntax":
            raise CatalogError(f"PO syntax error: {problem.message}", path=path,
                               line=problem.line,
                               hint="fix the entry (msgfmt --check FILE shows the same)")


def parse_catalog(text: str, *, path: Path | str = "<string>") -> polib.POFile:
    """A POFile from PO text; syntax errors become a CatalogError with the line.

    Files in the usual shape are read by ``po.parse`` (three times faster, same objects);
    anything else by polib, after a strict check of every string line.
    """
    try:
        po = parse_po(text)
    except Unusual:
        _check_strings(text, path)
        _check_syntax(text, path)
        try:
            po = polib.pofile(text, encoding="utf-8", wrapwidth=79)
        except OSError as exc:
            match = _SYNTAX_LINE.search(str(exc))
            raise CatalogError("PO syntax error", path=path,
                               line=int(match.group(1)) if match else None,
                               hint="fix the entry (msgfmt --check-format FILE shows details)"
                               ) from exc
        finally:
            if not gc.isenabled():
                # polib's parser and the catalog it read form a reference cycle; with the
                # collector off (the CLI) it would never be freed. The youngest generation
                # holds what was made since the last collection, so this stays cheap.
                gc.collect(0)
    seen: set[tuple[str | None, str, bool]] = set()
    for entry in po:  # polib's own duplicate check is quadratic; this one is linear
        if not entry.msgid:
            raise CatalogError("entry with an empty msgid (a second header?)", path=path,
                               line=int(getattr(entry, "linenum", 0) or 0) or None,
                               hint="keep one header entry at the top of the file")
        if bool(entry.msgid_plural) != bool(entry.msgstr_plural):
            raise CatalogError("msgid_plural and msgstr[N] must come together",
                               path=path, line=int(getattr(entry, "linenum", 0) or 0) or None,
                               hint="fix the plural entry (msgfmt --check shows the same)")
        key = (entry.msgctxt, entry.msgid, entry.obsolete)
        if key in seen:
            raise CatalogError(f"duplicate entry for msgid {entry.msgid[:60]!r}", path=path,
                               line=int(getattr(entry, "linenum", 0) or 0) or None,
                               hint="merge the duplicates (msguniq) and try again")
        seen.add(key)
    return po


def read_catalog(path: Path) -> polib.POFile:
    """Read a PO/POT file; UTF-8 is required."""
    data = read_input(path, CatalogError, what="catalog",
                      missing_hint="check the path, or run 'l10n update' to create it")
    # PO editors on Windows may add a BOM; gettext accepts it
    text = decode_utf8(data, path, CatalogError,
                       hint="convert the file with msgconv --to-code=UTF-8")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CatalogError("file contains a NUL byte", path=path, line=line,
                           hint="restore the file from version control")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_catalog(text, path=path)


def _comment_lines(marker: str, text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield f"{marker} {line}" if line else marker


def _flag_order(flags: list[str]) -> list[str]:
    seen = []
    for flag in (["fuzzy"] if "fuzzy" in flags else []) + [f for f in flags if f != "fuzzy"]:
        if flag not in seen:
            seen.append(flag)
    return seen


def format_entry(entry: polib.POEntry, *, width: int = 79) -> list[str]:
    """The lines of one entry as GNU gettext writes them."""
    if entry.obsolete and not entry.msgstr and not any(entry.msgstr_plural.values()):
        return []  # GNU drops untranslated obsolete entries: nothing is lost
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment:
        lines += _comment_lines("#.", entry.comment)
    if entry.occurrences:
        refs = [f"{file}:{line}" if line else file for file, line in entry.occurrences]
        lines += wrap_references(refs, width=width)
    flags = _flag_order(entry.flags)
    if flags:
        lines.append("#, " + ", ".join(flags))
    prefix = "#~ " if entry.obsolete else ""
    prev = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += wrap_field("msgctxt", entry.previous_msgctxt, prefix=prev, width=width)
    if entry.previous_msgid is not None:
        lines += wrap_field("msgid", entry.previous_msgid, prefix=prev, width=width)
    if entry.previous_msgid_plural is not None:
        lines += wrap_field("msgid_plural", entry.previous_msgid_plural, prefix=prev,
                            width=width)
    if entry.msgctxt is not None:
        lines += wrap_field("msgctxt", entry.msgctxt, prefix=prefix, width=width)
    lines += wrap_field("msgid", entry.msgid, prefix=prefix, width=width)
    if entry.msgid_plural:
        lines += wrap_field("msgid_plural", entry.msgid_plural, prefix=prefix, width=width)
        forms = entry.msgstr_plural or {0: ""}
        for index in sorted(forms, key=int):
            lines += wrap_field(f"msgstr[{index}]", forms[index], prefix=prefix, width=width)
    else:
        lines += wrap_field("msgstr", entry.msgstr, prefix=prefix, width=width)
    return lines


def format_catalog(po: polib.POFile, *, width: int = 79) -> str:
    """The whole file as GNU gettext writes it: header, live entries, obsolete entries."""
    return join_catalog(format_header(po, width=width), format_entries(po, width=width))


def join_catalog(header: str, entries: str) -> str:
    """A file's text from ``format_header`` and ``format_entries``."""
    return f"{header}\n" + (f"\n{entries}" if entries else "")


def format_header(po: polib.POFile, *, width: int = 79) -> str:
    """The header entry's lines (the part of ``format_catalog`` before the first blank line)."""
    header = polib.POEntry(msgid="", msgstr=_header_text(po), tcomment=po.header or "",
                           flags=_header_flags(po))
    return "\n".join(format_entry(header, width=width))


def format_entries(po: polib.POFile, *, width: int = 79) -> str:
    """The entries' lines (``format_catalog`` after the header and a blank line), live
    entries first; "" when there are none."""
    blocks = [format_entry(entry, width=width) for entry in po if not entry.obsolete]
    for entry in po:
        if entry.obsolete:
            lines = format_entry(entry, width=width)
            if lines:
                blocks.append(lines)
    return "".join("\n".join(block) + "\n\n" for block in blocks)[:-1]


def _header_text(po: polib.POFile) -> str:
    # polib keeps the metadata in file order; keep it, so a round trip changes nothing
    return "".join(f"{key}: {value}\n" for key, value in po.metadata.items())


def _header_flags(po: polib.POFile) -> list[str]:
    fuzzy = getattr(po, "metadata_is_fuzzy", None)
    if isinstance(fuzzy, list):
        return ["fuzzy"] if "fuzzy" in fuzzy else []
    return ["fuzzy"] if fuzzy else []


def write_catalog(po: polib.POFile, path: Path, *, expected_digest: str | None = "any") -> bool:
    """Serialize and write a catalog atomically; False when nothing changed."""
    return write_text_atomic(path, format_catalog(po), expected_digest=expected_digest)


def new_catalog(metadata: dict[str, str], *, header_comment: str = "") -> polib.POFile:
    po = polib.POFile(wrapwidth=79, encoding="utf-8")
    po.metadata = dict(metadata)
    po.header = header_comment
    return po
