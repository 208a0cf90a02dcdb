"""A fast reader for PO files in the shape GNU gettext writes them.

polib's parser is a general state machine that runs a regular expression and a method
call per line and unescapes every string; on 100,000 entries it takes two seconds,
most of the time of ``l10n check`` or ``l10n status``. Files written by gettext, by
Poedit or by l10n itself all have one shape: comments, then ``msgctxt``/``msgid``/
``msgstr`` lines with their continuation lines, one keyword and one space before each
string. This reader handles that shape in one tight loop, builds the same polib
objects, and gives up (``Unusual``) on anything else, which polib then reads, so every
file reads exactly as polib reads it. A test compares the two on every Django catalog
and on generated catalogs.
"""

from __future__ import annotations

import gc
import re

import polib

# One quoted string with only the escapes GNU gettext knows (as catalog._STRING_LINE).
_STRING = re.compile(r'"((?:[^"\\]|\\[abfnrtv\\"\'?]|\\[0-7]{1,3}|\\x[0-9A-Fa-f]+)*)"')
_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgid_plural": "mp", "msgstr": "ms"}
_PREVIOUS = {"msgctxt": "pc", "msgid": "pm", "msgid_plural": "pp"}
_FIELDS = {"ct": "msgctxt", "mi": "msgid", "mp": "msgid_plural", "ms": "msgstr",
           "pc": "previous_msgctxt", "pm": "previous_msgid", "pp": "previous_msgid_plural"}
# states after which a comment or msgctxt/msgid line starts the next entry
_ENDS = {"ms", "mx"}
# states in which this reader accepts a comment line (polib accepts more, but not all)
_COMMENTABLE = {"st", "he", "co", "ms", "mx", "pc", "pm", "pp"}
# which keyword may follow which state (msgctxt and msgid also start a new entry)
_NEXT = {"ct": {"st", "he", "co", "pc", "pm", "pp", "ms", "mx"},
         "mi": {"st", "he", "co", "ct", "pc", "pm", "pp", "ms", "mx"},
         "mp": {"mi"}, "ms": {"mi"}, "mx": {"mp", "mx"}}


class Unusual(Exception):
    """The text is not in the common shape; polib reads it instead."""


def _string(token: str) -> str:
    if len(token) > 1 and token[0] == '"' == token[-1] and "\\" not in token \
            and token.count('"') == 2:
        return token[1:-1]  # the common case: no escapes, nothing to check further
    match = _STRING.fullmatch(token)
    if match is None:
        raise Unusual
    value = match.group(1)
    return polib.unescape(value) if "\\" in value else value


# A POEntry as polib's constructor makes it, built from a dict: the constructor costs a
# third of the reading time. If polib's attributes ever change, the constructor is used.
_DEFAULTS = vars(polib.POEntry())


def _entry(fields: dict) -> polib.POEntry:
    if _FAST_ENTRIES:
        entry = object.__new__(polib.POEntry)
        entry.__dict__.update(_DEFAULTS)
        entry.__dict__.update(msgstr_plural={}, occurrences=[], flags=[])
        entry.__dict__.update(fields)
        return entry
    return polib.POEntry(**fields)  # pragma: no cover - only with another polib


_FAST_ENTRIES = set(_DEFAULTS) == {
    "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete", "encoding",
    "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
    "previous_msgid_plural", "linenum"}

# polib splits lines with str.splitlines(), which also breaks at these
_OTHER_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def parse_po(text: str) -> polib.POFile:
    """The POFile polib would read from ``text``, or ``Unusual``."""
    if any(ch in text for ch in _OTHER_LINE_BREAKS):
        raise Unusual
    enabled = gc.isenabled()
    gc.disable()  # nothing here makes reference cycles; collecting would double the time
    try:
        return _parse(text)
    finally:
        if enabled:
            gc.enable()


def _parse(text: str) -> polib.POFile:
    po = polib.POFile(encoding="utf-8", wrapwidth=79)
    entries: list[dict] = []
    cur: dict = {"linenum": 0}
    state = "st"  # as polib: st start, he header comment, co other comment, then keywords
    plural_index = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        first = line[0]
        if first.isspace() or line[-1].isspace():
            line = line.strip()
            if not line:
                continue
            first = line[0]
        obsolete = False
        if first == "#" and line.startswith("#~"):
            if line == "#~|" or line.startswith("#~|") and line[3].isspace():
                continue  # polib drops the previous msgid of obsolete entries
            if not line.startswith("#~ "):
                raise Unusual
            line = line[3:].strip()
            obsolete = True
            first = line[:1]
            if first == "#":
                raise Unusual  # a comment inside "#~": polib's rules apply
        if first == '"':  # a continuation line
            if state == "mx":
                cur["msgstr_plural"][plural_index] += _string(line)
            else:
                field = _FIELDS.get(state)
                if field is None:
                    raise Unusual
                cur[field] += _string(line)
            continue
        if first == "#":
            kind = line[:2]
            if len(line) == 2 and (kind == "#:" or kind == "#." or kind == "#,"):
                continue  # polib skips an empty "#." / "#:" / "#," line altogether
            if state not in _COMMENTABLE:
                raise Unusual  # polib allows some comments inside an entry, not all
            if state in _ENDS:
                entries.append(cur)
                cur = {"linenum": number}
                state = "co"
            if kind == "#:" or kind == "#." or kind == "#,":
                if line[2] != " ":
                    raise Unusual
                rest = line[3:]
                if kind == "#:":
                    found = cur.setdefault("occurrences", [])
                    for occurrence in rest.split():
                        file, colon, at = occurrence.rpartition(":")
                        found.append((file, at) if colon and at.isdigit()
                                     else (occurrence, ""))
                elif kind == "#.":
                    cur["comment"] = f"{cur['comment']}\n{rest}" if cur.get("comment") \
                        else rest
                else:
                    cur.setdefault("flags", []).extend(
                        flag.strip() for flag in rest.split(","))
                state = "co"
            elif kind == "#|":
                if len(line) < 3 or not line[2].isspace():
                    raise Unusual
                body = line[2:].lstrip()
                if body[:1] == '"':
                    if state not in ("pc", "pm", "pp"):
                        raise Unusual
                    cur[_FIELDS[state]] += _string(body)
                    continue
                keyword, _, token = body.partition(" ")
                state = _PREVIOUS.get(keyword, "")
                if not state:
                    raise Unusual
                cur[_FIELDS[state]] = _string(token.lstrip())
            elif line == "#" or line[1] == " ":
                comment = line[2:]
                if state in ("st", "he"):  # polib's header: leading empty lines vanish
                    po.header = f"{po.header}\n{comment}" if po.header else comment
                    state = "he"
                else:
                    cur["tcomment"] = f"{cur['tcomment']}\n{comment}" \
                        if cur.get("tcomment") else comment
                    state = "co"
            else:
                raise Unusual
            continue
        keyword, _, token = line.partition(" ")
        symbol = _KEYWORDS.get(keyword)
        if symbol is None:
            if not (keyword.startswith("msgstr[") and len(keyword) == 9
                    and "0" <= keyword[7] <= "9" and keyword[8] == "]"):
                raise Unusual
            symbol = "mx"
        if state not in _NEXT[symbol]:
            raise Unusual
        if state in _ENDS and (symbol == "mi" or symbol == "ct"):
            entries.append(cur)
            cur = {"linenum": number}
        value = _string(token.lstrip())
        if symbol == "mx":
            plural_index = int(keyword[7])
            cur.setdefault("msgstr_plural", {})[plural_index] = value
        else:
            cur[_FIELDS[symbol]] = value
            if symbol == "mi":
                cur["obsolete"] = 1 if obsolete else 0  # polib stores an int
        state = symbol
    last = text.rstrip().rpartition("\n")[2].strip()
    if last.startswith("#") and not last.startswith("#~ "):
        raise Unusual  # polib drops the last entry when a comment line ends the file
    if state in _ENDS:
        entries.append(cur)
    elif state != "st" or entries:
        raise Unusual  # a trailing comment or a cut-off entry: polib's rules apply
    if any(not e.get("msgid") for e in entries[1:]) or (entries and not entries[0].get("msgid")
                                                         and (entries[0].get("obsolete") or
                                                              "msgctxt" in entries[0])):
        raise Unusual
    if entries and not entries[0].get("msgid"):
        header = entries.pop(0)
        po.metadata_is_fuzzy = header.get("flags", [])
        key = None
        for message in header.get("msgstr", "").splitlines():
            try:
                key, value = message.split(":", 1)
                po.metadata[key] = value.strip()
            except (ValueError, KeyError):
                if key is not None:
                    po.metadata[key] += "\n" + message.strip()
    po.extend(_entry(fields) for fields in entries)
    return po
