"""Read PO files as GNU gettext 0.21 reads them (``po-lex.c``, ``po-gram-gen.y``,
``read-catalog-abstract.c``), into polib objects.

One pass over the lines, no backtracking: a string is scanned with a pattern that
cannot backtrack (``[^"\\\\]*``) and a dictionary of escapes, so every input is read in
linear time. What gettext keeps, this keeps, so that ``po.catalog`` can write the file
back byte for byte as ``msgcat`` would:

* translator comments (``#`` and ``# text``, one space after ``#`` dropped, trailing
  spaces and CRs kept), extracted comments (``#.``, an empty one too), references
  (``#:``, parsed like gettext, duplicates dropped), flags (only the last ``#,`` line
  counts, unknown flags are dropped, as gettext does), ``#|`` and ``#~|`` previous
  fields, obsolete ``#~`` entries;
* the header's text exactly as written (double spaces, field order), and whether
  the file has a header at all.

Those extras live in attributes beside polib's: ``entry.tcomment_lines`` and
``entry.comment_lines`` (the lists behind ``tcomment`` and ``comment``),
``po.header_entry`` (None for a file without a header) and ``po.header_raw``
(the header's msgstr and the metadata parsed from it). Anything gettext rejects
(unclosed strings, unknown escapes, missing msgstr, a plural index out of order, an
``<EOT>`` character, duplicate definitions) raises ``PoSyntaxError`` with the line.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, islice

import polib

__all__ = ["PoSyntaxError", "parse_po", "FORMAT_LANGUAGES", "parse_flags", "STRING", "joined"]


class PoSyntaxError(ValueError):
    """Input gettext rejects; ``line`` is 1-based."""

    def __init__(self, message: str, line: int, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


# gettext's format languages, in the order it writes their flags (message.c)
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl",
    "perl-brace", "php", "gcc-internal", "gfc-internal", "ycp")
_FORMAT_INDEX = {name: i for i, name in enumerate(FORMAT_LANGUAGES)}
_SYNTAX_CHECKS = ("ellipsis-unicode", "space-ellipsis", "quote-unicode", "bullet-unicode")
_FLAG_SPLIT = re.compile(r"[\n \t\r\f\v,]+")
_RANGE = re.compile(r"(\d+)\.\.(\d+)")


def parse_flags(text: str) -> list[str]:
    """The flags of a ``#,`` line, as gettext keeps them, in the order it writes them:
    ``fuzzy``, format flags in gettext's language order, ``range: a..b``, ``wrap`` or
    ``no-wrap``, syntax checks. Unknown flags are dropped (gettext drops them)."""
    return list(_parse_flags(text))


@functools.lru_cache(maxsize=4096)  # a catalog has a handful of distinct flag lines
def _parse_flags(text: str) -> tuple[str, ...]:
    fuzzy = False
    formats: dict[int, str] = {}
    rng = wrap = None
    checks: dict[int, str] = {}
    tokens = [t for t in _FLAG_SPLIT.split(text) if t]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "fuzzy":
            fuzzy = True
        elif token.endswith("-format"):
            name = token[:-7]
            for prefix in ("no-", "possible-", "impossible-"):
                if name.startswith(prefix) and name[len(prefix):] in _FORMAT_INDEX:
                    formats[_FORMAT_INDEX[name[len(prefix):]]] = token
                    break
            else:
                if name in _FORMAT_INDEX:
                    formats[_FORMAT_INDEX[name]] = token
        elif token == "range:" and i < len(tokens):
            match = _RANGE.match(tokens[i])
            i += 1
            if match and int(match.group(1)) <= int(match.group(2)):
                rng = f"range: {int(match.group(1))}..{int(match.group(2))}"
        elif token in ("wrap", "no-wrap"):
            wrap = token
        elif token.endswith("-check"):
            name = token[:-6]
            base = name[3:] if name.startswith("no-") else name
            if base in _SYNTAX_CHECKS:
                checks[_SYNTAX_CHECKS.index(base)] = token
    flags = ["fuzzy"] if fuzzy else []
    flags += [formats[k] for k in sorted(formats)]
    if rng:
        flags.append(rng)
    if wrap:
        flags.append(wrap)
    flags += [checks[k] for k in sorted(checks)]
    return tuple(flags)


_REFERENCE = re.compile(r"([^ \t\n]+):([0-9]+)(?= |\Z)")
_USUAL_REFERENCES = re.compile(r"(?> *[^ \t\n]+:[0-9]+(?= |\Z))*+ *")


def _filepos(text: str) -> list[tuple[str, str]]:
    """References of a ``#:`` line, parsed as gettext's ``po_parse_comment_filepos``."""
    if _USUAL_REFERENCES.fullmatch(text):  # every one "file:line": one pass in C
        return [(name, str(int(line))) for name, line in _REFERENCE.findall(text)]
    return _filepos_by_token(text)


def _filepos_by_token(text: str) -> list[tuple[str, str]]:
    """``_filepos`` for any text, token by token."""
    found: list[tuple[str, str]] = []
    if " :" not in text and ": " not in text and "\t" not in text and not text.endswith(":"):
        for name in text.split(" "):  # the usual shape: "file:line file"
            if name:
                head, colon, digits = name.rpartition(":")
                found.append((head, str(int(digits))) if colon and head and digits.isascii()
                             and digits.isdigit() else (name, ""))
        return found
    tokens = [t for t in re.split(r"[ \t\n]+", text) if t]
    i = 0
    while i < len(tokens):
        name = tokens[i]
        i += 1
        nxt = tokens[i] if i < len(tokens) else ""
        if nxt.startswith(":"):  # "file : 12" or "file :12"
            rest = nxt[1:] or (tokens[i + 1] if i + 1 < len(tokens) else "")
            if rest.isascii() and rest.isdigit():
                found.append((name, str(int(rest))))
                i += 1 if nxt[1:] else 2
                continue
        if name.endswith(":") and nxt.isascii() and nxt.isdigit():  # "file: 12"
            found.append((name[:-1], str(int(nxt))))
            i += 1
            continue
        head, colon, digits = name.rpartition(":")
        if colon and len(head) >= 1 and digits.isascii() and digits.isdigit():
            found.append((head, str(int(digits))))
        else:
            found.append((name, ""))
    return found


_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}
_PLAIN = re.compile(r'[^"\\]*')  # cannot backtrack: one character class, no alternation
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_KEYWORD = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_BLANK = " \t\r\f\v"


def _string(line: str, pos: int, number: int) -> tuple[str, int]:
    """The string starting at ``line[pos] == '"'`` and the position after it."""
    end = line.find('"', pos + 1)
    if end > 0 and "\\" not in line[pos + 1:end]:
        return line[pos + 1:end], end + 1
    parts: list[str] = []
    pos += 1
    plain = _PLAIN.match
    while True:
        end = plain(line, pos).end()
        parts.append(line[pos:end])
        if end >= len(line):
            raise PoSyntaxError("end-of-line within string", number,
                                "close the string with a double quote")
        if line[end] == '"':
            return "".join(parts), end + 1
        code = line[end + 1:end + 2]  # after a backslash
        if code in _ESCAPES:
            parts.append(_ESCAPES[code])
            pos = end + 2
        elif "0" <= code <= "7":
            digits = _OCTAL.match(line, end + 1).group()
            parts.append(_byte(int(digits, 8)))
            pos = end + 1 + len(digits)
        elif code == "x" and _HEX.match(line, end + 2):
            digits = _HEX.match(line, end + 2).group()
            parts.append(_byte(int(digits, 16) & 0xFF))
            pos = end + 2 + len(digits)
        else:
            raise PoSyntaxError(f"invalid control sequence \\{code}", number,
                                "escape a backslash as \\\\")


def _byte(value: int) -> str:
    if value == 0:
        raise PoSyntaxError("a string contains a NUL character (\\0)", 0)
    # bytes of other encodings are rare in escapes; keep them as Latin-1 code points
    return chr(value)


_DEFAULTS = vars(polib.POEntry())
_FAST_ENTRIES = set(_DEFAULTS) == {
    "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete", "encoding",
    "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
    "previous_msgid_plural", "linenum"}


def entry_from_fields(fields: dict) -> polib.POEntry:
    """A POEntry from its fields (polib's defaults for the rest), without polib's slow
    constructor."""
    return _entry(dict(fields))


def _entry(fields: dict) -> polib.POEntry:
    if _FAST_ENTRIES:
        entry = object.__new__(polib.POEntry)
        entry.__dict__.update(_DEFAULTS)
        entry.__dict__.update(msgstr_plural={}, occurrences=[], flags=[])
        entry.__dict__.update(fields)
        return entry
    extra = {k: fields.pop(k) for k in ("tcomment_lines", "comment_lines") if k in fields}
    entry = polib.POEntry(**fields)  # pragma: no cover - only with another polib
    entry.__dict__.update(extra)
    return entry


def parse_metadata(text: str) -> dict[str, str]:
    """Header fields as polib parses them (key: value, continuation lines appended)."""
    metadata: dict[str, str] = {}
    key = None
    for message in text.splitlines():
        try:
            key, value = message.split(":", 1)
            metadata[key] = value.strip()
        except (ValueError, KeyError):
            if key is not None:
                metadata[key] += "\n" + message.strip()
    return metadata


# keyword -> field; previous keywords get the "previous_" field
_FIELD = {"msgctxt": "msgctxt", "msgid": "msgid", "msgid_plural": "msgid_plural"}
_FIELD_KEYWORDS = frozenset(("msgctxt", "msgid", "msgid_plural", "msgstr"))


# A plain entry, read whole by one match: comments (no #~, no #|), msgctxt, msgid and
# msgstr at the start of their lines, strings with the simple escapes only, no plural;
# it ends where the next entry starts (a comment, msgid, msgctxt) or the text ends, so
# that no string or keyword after it could still belong to it. Anything else is read
# line by line. Possessive quantifiers: no backtracking, linear time.
# a string's text between its quotes, escapes included (po.lean reads with it too)
STRING = r'[^"\\\n\r\x04]*+(?:\\[ntbrfva\\"][^"\\\n\r\x04]*+)*+'
_S = STRING
_ENTRY = (  # compiled by re's cache the first time a file is read whole entry at once
    r"(?P<comments>(?:#(?:[^~|\n][^\n]*+)?\n)*+)"
    rf'(?:msgctxt "(?P<ctxt>{_S})"\n(?P<ctxt_more>(?:"{_S}"\n)*+))?'
    rf'msgid "(?P<id>{_S})"\n(?P<id_more>(?:"{_S}"\n)*+)'
    rf'msgstr "(?P<str>{_S})"\n(?P<str_more>(?:"{_S}"\n)*+)'
    r"(?=\n*+(?:#[^~|]|msgid |msgctxt |\Z))\n*+")
_SIMPLE_ESCAPE = re.compile(r"\\(.)")


def _starts_entry(line: str) -> bool:
    """Does ``line`` begin a new entry (what ends the open one, whatever it is)?"""
    return (line[:1] == "#" and line[1:2] not in ("~", "|")) or line.startswith(
        ("msgid ", "msgctxt "))


def joined(first: str, more: str | None) -> str:
    """A string's value from its first line's text and its continuation lines."""
    if more:
        first += more[1:-2].replace('"\n"', "")
    if "\\" in first:
        first = _SIMPLE_ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], first)
    return first


def parse_po(text: str, *, whole_entries: bool = True) -> polib.POFile:
    """The POFile gettext would read from ``text`` (lines separated by ``\\n``);
    ``whole_entries=False`` reads line by line only (the same result; for a text of an
    entry or two, which is read before the whole-entry pattern would be compiled)."""
    enabled = gc.isenabled()
    gc.disable()  # nothing here makes reference cycles; collecting would double the time
    try:
        return _parse(text, whole_entries)
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, whole_entries: bool = True  # noqa: C901 - one state machine
           ) -> polib.POFile:
    """``parse_po``; ``whole_entries=False`` reads every entry line by line (the tests
    compare the two ways)."""
    po = polib.POFile(encoding="utf-8", wrapwidth=79)
    entries: list[dict] = []
    # what the next message collects: comments and flags (gettext's reader state)
    pending: dict = {}
    cur: dict | None = None  # the message being read
    field = ""  # the field the next string continues: a key of cur, or "msgstr[N]"
    retired = False  # whether the message being read is obsolete (#~): all its lines are
    retired_previous = False  # whether the #| lines before the next message are #~|
    seen: dict[tuple[str | None, str], int] = {}
    # the lines msgfmt names in its errors: the open message's msgid and msgstr keywords
    msgid_line = msgstr_line = 0

    def record(entry: dict, msgid_at: int, msgstr_at: int) -> None:
        """Keep a complete entry; a second definition of its key is an error, as in msgfmt
        (at the second's msgid line; the first is named by its msgstr line, as msgfmt
        does)."""
        key = (entry.get("msgctxt"), entry["msgid"])
        if key in seen:
            raise PoSyntaxError(f"duplicate entry for msgid {entry['msgid'][:60]!r} (a "
                                "message defined twice)", msgid_at,
                                f"the first definition is at line {seen[key]}; "
                                "merge the two (msguniq) and try again")
        seen[key] = msgstr_at
        entries.append(entry)

    def finish(number: int) -> None:
        nonlocal cur, field
        if cur is None:
            return
        at = msgid_line or number  # msgfmt names an incomplete message by its msgid line
        if "msgstr" not in cur and not cur.get("msgstr_plural"):
            what = "msgstr[]" if "msgid_plural" in cur else "msgstr"
            raise PoSyntaxError(f"missing '{what}' section", at,
                                "add the missing line (msgfmt --check shows the same)")
        if "msgid_plural" in cur and not cur.get("msgstr_plural"):
            raise PoSyntaxError("missing 'msgstr[]' section", at)
        if "msgid_plural" not in cur and cur.get("msgstr_plural"):
            raise PoSyntaxError("missing 'msgid_plural' section", at)
        record(cur, at, msgstr_line or number)
        cur, field = None, ""

    def close(number: int) -> None:
        """End the open message, which must be complete."""
        if cur is None:
            return
        if "msgstr" in cur or cur.get("msgstr_plural"):
            finish(number)
            return
        what = "msgstr[]" if "msgid_plural" in cur else "msgstr"
        raise PoSyntaxError(f"missing '{what}' section", msgid_line or number,
                            "give the message at this line a msgstr")

    def consistent(obsolete: bool, number: int, previous: bool = False) -> None:
        """A line of the open message is #~ exactly when the message's first is, its #|
        lines included (po-gram.y's check_obsolete)."""
        if previous and any(key.startswith("previous_") for key in pending):
            first = retired_previous  # the #| lines before this one
        elif cur is not None:
            first = retired
        elif not previous and any(key.startswith("previous_") for key in pending):
            first = retired_previous  # a message's first keyword after its #| lines
        else:
            return
        if obsolete is not first:
            raise PoSyntaxError("inconsistent use of #~", number,
                                "mark every line of an obsolete entry with #~, or none")

    def start(keyword: str, number: int, obsolete: bool) -> None:
        """A msgctxt, msgid, msgid_plural or msgstr keyword (not msgstr[N], not #|)."""
        nonlocal cur, field, pending, retired, msgid_line, msgstr_line
        if keyword in ("msgctxt", "msgid"):
            if not (keyword == "msgid" and cur is not None and field == "msgctxt"):
                close(number)
            consistent(obsolete, number)
            if cur is None:
                cur = {"linenum": number}
                cur.update(pending)
                pending = {}
                retired = obsolete
                msgid_line = msgstr_line = 0
            cur[keyword] = ""
            if keyword == "msgid":
                cur["obsolete"] = 1 if obsolete else 0
                msgid_line = number
            field = keyword
        elif keyword == "msgid_plural":
            if cur is None or field != "msgid":
                raise PoSyntaxError("msgid_plural without msgid", number)
            consistent(obsolete, number)
            cur["msgid_plural"] = ""
            field = "msgid_plural"
        elif keyword == "msgstr":
            if cur is None or "msgid" not in cur or "msgstr" in cur \
                    or "msgid_plural" in cur:
                raise PoSyntaxError("msgstr without msgid" if cur is None or "msgid"
                                    not in cur else "unexpected msgstr", number)
            consistent(obsolete, number)
            cur["msgstr"] = ""
            field = "msgstr"
            msgstr_line = number
        elif keyword == "domain":
            raise PoSyntaxError("domain directives are not supported", number,
                                "split the file per domain")
        else:
            raise PoSyntaxError(f"unknown keyword {keyword!r}", number,
                                "fix the line (msgfmt --check shows the same)")

    def take(match: re.Match, number: int) -> None:
        """Keep the plain entry ``_ENTRY`` matched at line ``number`` (as the general
        reader would: same fields, in the same order)."""
        group = match.group
        comments = group("comments")
        fields: dict = {}
        if comments:
            found: dict = {}
            for offset, body in enumerate(comments[:-1].split("\n")):
                _comment(found, body[1:], number + offset)
            fields["linenum"] = number + comments.count("\n")
            fields.update(found)  # linenum: the first comment's line, as in polib
        else:
            fields["linenum"] = number
        msgid_at = number + comments.count("\n")
        if group("ctxt") is not None:
            fields["msgctxt"] = joined(group("ctxt"), group("ctxt_more"))
            msgid_at += 1 + group("ctxt_more").count("\n")
        fields["msgid"] = joined(group("id"), group("id_more"))
        fields["obsolete"] = 0
        fields["msgstr"] = joined(group("str"), group("str_more"))
        record(fields, msgid_at, msgid_at + 1 + group("id_more").count("\n"))

    lines = text.split("\n")
    numbered: Iterable[tuple[int, str]] = enumerate(lines, start=1)
    if "\\\n" in text:
        numbered = _continued(lines)
    plain = whole_entries and "\\\n" not in text  # else lines are joined first
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0)) if plain else []
    match_entry = re.compile(_ENTRY).match if plain else None
    numbered = iter(numbered)
    for number, line in numbered:
        if plain:
            # a whole plain entry at once where the reader is between entries; an entry
            # read line by line ends where the next one starts, as the keyword would end it
            if cur is not None and not pending and ("msgstr" in cur or cur.get(
                    "msgstr_plural")) and _starts_entry(line):
                finish(number)
            if cur is None and not pending:
                found = match_entry(text, starts[number - 1])
                if found is not None:
                    take(found, number)
                    skip = text.count("\n", found.start(), found.end()) - 1
                    if skip > 0:
                        next(islice(numbered, skip - 1, skip), None)
                    continue
        # the usual shapes first: a whole string on a line of its own, or a keyword, one
        # space and a string, with no escapes (the general scanner below does the rest)
        if line[-1:] == '"' and "\\" not in line and "\x04" not in line:
            if line[0] == '"' and line.count('"') == 2 and cur is not None \
                    and field[:1] == "m" and field[-1] != "]" and not retired:
                cur[field] += line[1:-1]
                continue
            space = line.find(' "')
            if space > 0 and line[0] == "m" and line[:space] in _FIELD_KEYWORDS \
                    and line.count('"') == 2:
                start(line[:space], number, False)
                cur[field] = line[space + 2:-1]
                continue
        pos = 0
        length = len(line)
        obsolete = previous = False
        while pos < length:
            ch = line[pos]
            if ch in _BLANK:
                pos += 1
                continue
            if ch == "#":
                nxt = line[pos + 1:pos + 2]
                if nxt == "~":
                    obsolete = True
                    pos += 2
                    if line[pos:pos + 1] == "|":
                        previous = True
                        pos += 1
                    continue
                if nxt == "|":
                    previous = True
                    pos += 2
                    continue
                # a comment: everything up to the end of the line
                close(number)  # a comment ends the message before it
                _comment(pending, line[pos + 1:], number)
                break
            if ch == '"':
                value, pos = _string(line, pos, number)
                if "\x04" in value:
                    raise PoSyntaxError("context separator <EOT> within string", number,
                                        "remove the U+0004 character")
                if not field:
                    raise PoSyntaxError("a string without a keyword before it", number,
                                        "add msgid/msgstr before the string")
                target = pending if field.startswith("previous_") else cur
                consistent(obsolete, number, previous=target is pending)
                if field.startswith("msgstr["):
                    forms = target["msgstr_plural"]
                    index = len(forms) - 1
                    forms[index] += value
                else:
                    target[field] += value
                continue
            match = _KEYWORD.match(line, pos)
            if match is None:
                raise PoSyntaxError(f"syntax error at {ch!r}", number,
                                    "fix the line (msgfmt --check shows the same)")
            keyword = match.group()
            pos = match.end()
            if keyword == "msgstr" and line[pos:].lstrip(" \t")[:1] == "[":
                rest = line[pos:].lstrip(" \t")
                bracket = rest.find("]")
                digits = rest[1:bracket].strip(" \t") if bracket > 0 else ""
                if not (digits.isascii() and digits.isdigit()):
                    raise PoSyntaxError("bad plural index", number, "write msgstr[N]")
                pos = length - len(rest) + bracket + 1
                if cur is not None and "msgid" in cur and "msgid_plural" not in cur \
                        and "msgstr" not in cur and not cur.get("msgstr_plural"):
                    raise PoSyntaxError("missing 'msgid_plural' section", msgid_line,
                                        "add the msgid_plural, or write msgstr")
                if cur is None or "msgid_plural" not in cur or "msgstr" in cur:
                    raise PoSyntaxError("msgstr[N] without msgid_plural", number)
                consistent(obsolete, number)
                forms = cur.setdefault("msgstr_plural", {})
                if int(digits) != len(forms):
                    raise PoSyntaxError("plural form has wrong index", number,
                                        f"number the forms from 0 (expected {len(forms)})")
                if not forms:
                    msgstr_line = number
                forms[int(digits)] = ""
                field = f"msgstr[{digits}]"
                continue
            if previous:
                if keyword not in _FIELD:
                    raise PoSyntaxError(f"unexpected keyword {keyword!r} after #|", number)
                close(number)
                consistent(obsolete, number, previous=True)
                if not any(key.startswith("previous_") for key in pending):
                    retired_previous = obsolete
                field = "previous_" + _FIELD[keyword]
                pending[field] = ""
                pending.setdefault("linenum", number)
                continue
            start(keyword, number, obsolete)
    if cur is not None:
        finish(len(lines))
    if any(key.startswith("previous_") for key in pending):
        raise PoSyntaxError("a #| previous msgid with no message after it", len(lines),
                            "remove the #| lines at the end of the file")
    header = None
    if entries and entries[0]["msgid"] == "" and "msgctxt" not in entries[0]:
        header = entries.pop(0)
    for fields in entries:
        if fields["msgid"] == "" and "msgctxt" not in fields:
            raise PoSyntaxError("a second header entry (empty msgid)", fields["linenum"],
                                "keep one header entry at the top of the file")
    po.header_entry = None
    po.header_raw = None
    if header is not None:
        po.header_entry = _entry(header)
        po.header = po.header_entry.tcomment
        po.metadata_is_fuzzy = list(po.header_entry.flags)
        raw = header.get("msgstr", "")
        po.metadata = parse_metadata(raw)
        po.header_raw = (raw, dict(po.metadata))
    po.extend(_entry(fields) for fields in entries)
    return po


def _continued(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Lines with gettext's continuation: a backslash before a newline removes both."""
    number, held = 0, ""
    for index, line in enumerate(lines, start=1):
        if not held:
            number = index
        if line.endswith("\\"):
            held += line[:-1]
            continue
        yield number, held + line
        held = ""
    if held:
        yield number, held


def _comment(pending: dict, body: str, number: int) -> None:
    """File one comment line (the text after ``#``) into the next message's fields."""
    pending.setdefault("linenum", number)  # an entry starts at its first line, as in polib
    kind = body[:1]
    if kind == ".":
        text = body[2:] if body[1:2] == " " else body[1:]
        pending.setdefault("comment_lines", []).append(text)
        pending["comment"] = "\n".join(pending["comment_lines"])
    elif kind == ":":
        found = pending.setdefault("occurrences", [])
        for ref in _filepos(body[1:]):
            if ref not in found:
                found.append(ref)
    elif kind in (",", "!"):
        pending["flags"] = parse_flags(body[1:])
    else:
        text = body[1:] if kind == " " else body
        pending.setdefault("tcomment_lines", []).append(text)
        pending["tcomment"] = "\n".join(pending["tcomment_lines"])
