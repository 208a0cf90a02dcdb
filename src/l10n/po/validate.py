"""What ``msgfmt --check`` rejects in a PO file, as values with a line (and column).

The reader (``po.catalog``) refuses a file it cannot read; this module says *everything*
that is wrong with a file, as GNU msgfmt does, so that ``l10n check`` reports each
problem as a finding with ``file:line`` and goes on with the other files:

- syntax: an unknown keyword, a string that is not closed or holds an unknown escape,
  keywords out of order, a ``msgid`` without its ``msgstr`` (msgfmt: "missing 'msgstr'
  section"), a plural form with the wrong index, inconsistent ``#~``;
- duplicate message definitions (live and obsolete entries alike, as msgfmt);
- header problems that are fatal for ``msgfmt --check``: no header entry, plural forms
  used without ``nplurals``/``plural`` in ``Plural-Forms``, a message with another number
  of plural forms than ``nplurals``;
- ``msgid`` and ``msgstr`` that do not both begin (or both end) with a newline;
- ``c-format`` and ``python-format`` strings whose directives differ.

Fuzzy entries, like msgfmt, are not checked for newlines and formats. Every line is
scanned once, left to right, without backtracking: linear time on any input.
It also records the line of each entry's ``msgstr``, where findings point (as msgfmt's do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Key = tuple[str | None, str, bool]  # (msgctxt, msgid, obsolete)

_PLAIN = re.compile(r'[^"\\]*')
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_KEYWORD = re.compile(r"[A-Za-z_]+(?:\[[0-9]*\])?")
_SIMPLE = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
           "\\": "\\", '"': '"', "?": "?", "'": "'"}
_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr"}


@dataclass(frozen=True)
class Problem:
    """One thing msgfmt --check rejects: where, what kind, and its message (msgfmt's
    words); ``text`` adds what to do."""

    line: int
    column: int  # 1-based; 0 when the whole line is meant
    kind: str  # syntax | duplicate | header | newline | format | unreadable
    message: str

    @property
    def hint(self) -> str:
        """What to do about it ("" when the message says so already)."""
        if "; " in self.message:
            return ""
        if self.kind == "format":
            return ("use the msgid's format directives (%s, %(name)s ...) in the msgstr, or "
                    "remove the format flag")
        for start, hint in _HINTS:
            if self.message.startswith(start):
                return hint
        return "compare the line with the PO format (msgfmt --check FILE says the same)"

    @property
    def text(self) -> str:
        """``message; what to do``, as findings and error lines show it."""
        return f"{self.message}; {self.hint}" if self.hint else self.message


_HINTS = (
    ("missing 'msgstr' section", 'add a msgstr line after the msgid (msgstr "" leaves the '
                                 "entry untranslated)"),
    ("syntax error", "each line holds a keyword and a quoted string, a quoted string "
                     "continuing the one above, or a # comment"),
    ("keyword ", "use msgctxt, msgid, msgid_plural, msgstr or msgstr[N]"),
    ("end-of-line within string", 'close the string with " on the same line (write a line '
                                  "break as \\n)"),
    ("invalid control sequence", "write a backslash as \\\\; the escapes are \\n, \\t, "
                                 '\\", \\\\ and octal or hex codes'),
    ("inconsistent use of #~", "mark every line of an obsolete entry with #~, or none"),
    ("plural form has wrong index", "number the msgstr[N] forms 0, 1, 2 ... in order"),
    ("duplicate entry", "merge the two entries into one, or give one of them a msgctxt"),
    ("PO file header missing", 'begin the file with the header entry (msgid "" and a msgstr '
                               "with Content-Type); l10n update writes it"),
    ("message catalog has plural form", "add Plural-Forms: nplurals=2; plural=(n != 1); to "
                                        "the header"),
    ("nplurals = ", "give the entry as many msgstr[N] forms as nplurals says"),
    ("'msgid' and 'msgstr' entries do not both", "begin and end the msgstr with \\n where the "
                                                 "msgid does"),
)


@dataclass
class _Entry:
    obsolete: bool
    line: int  # of msgctxt or msgid, where the entry's keywords start
    flags: list[str]
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_line: int = 0
    msgid_plural: str | None = None
    msgstr: str | None = None
    msgstr_line: int = 0
    forms: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Validation:
    problems: list[Problem]
    msgstr_lines: dict[Key, int]  # the line of each entry's msgstr (or msgstr[0])

    @property
    def ok(self) -> bool:
        return not self.problems


def scan_string(line: str, start: int) -> tuple[str | None, int, str]:
    """The value of the quoted string at ``line[start]``, the index after it, and an
    error message ("" when the string is well formed)."""
    parts: list[str] = []
    i, end = start + 1, len(line)
    while True:
        match = _PLAIN.match(line, i)
        parts.append(match.group())
        i = match.end()
        if i >= end:
            return None, i, "end-of-line within string"
        if line[i] == '"':
            return "".join(parts), i + 1, ""
        if i + 1 >= end:
            return None, i, "end-of-line within string"
        escape = line[i + 1]
        if escape in _SIMPLE:
            parts.append(_SIMPLE[escape])
            i += 2
        elif escape in "01234567":
            digits = _OCTAL.match(line, i + 1).group()
            parts.append(chr(int(digits, 8)))
            i += 1 + len(digits)
        elif escape == "x" and (digits := _HEX.match(line, i + 2)):
            parts.append(chr(int(digits.group(), 16) & 0xFF))
            i = digits.end()
        else:
            return None, i + 1, "invalid control sequence"


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.entries: list[_Entry] = []
        self.entry: _Entry | None = None
        self.state = "idle"  # idle ctxt id plural forms str error
        self.field = ""  # where continuation strings go
        self.flags: list[str] = []

    def problem(self, line: int, column: int, message: str, kind: str = "syntax") -> None:
        self.problems.append(Problem(line, column, kind, message))

    def finish(self) -> None:
        """Close the entry being read; a msgid without msgstr is msgfmt's 'missing
        msgstr section', at the entry's msgid line as msgfmt says it."""
        entry = self.entry
        if entry is not None and self.state in ("ctxt", "id", "plural"):
            self.problem(entry.msgid_line or entry.line, 0, "missing 'msgstr' section")
        elif entry is not None and self.state in ("str", "forms"):
            self.entries.append(entry)
        self.entry, self.state, self.field = None, "idle", ""

    def comment(self, line: str) -> None:
        if self.state != "idle":
            self.finish()
        if line.startswith("#,"):
            self.flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]

    def string_line(self, number: int, text: str, offset: int, obsolete: bool) -> None:
        """A line of keywords and strings (``text`` without its ``#~`` prefix)."""
        if text[-1] == '"' and "\\" not in text and text.count('"') == 2:
            quote = text.index('"')  # the usual line: one string, no escapes
            if quote == 0:
                self.continuation(number, offset, text[1:-1])
                return
            head = text[:quote].rstrip(" \t")
            if len(head) < quote and (head in _KEYWORDS or _KEYWORD.fullmatch(head)
                                      and head.startswith("msgstr[") and head != "msgstr[]"):
                self.keyword(number, offset, head, text[quote + 1:-1], obsolete)
                return
        keyword = ""
        position = 0
        if text[0] != '"':
            match = _KEYWORD.match(text)
            if match is None:
                self.problem(number, offset + 1, "syntax error")
                self.state = "error"
                return
            keyword = match.group()
            base = keyword.partition("[")[0]
            if base not in _KEYWORDS or ("[" in keyword and base != "msgstr"):
                self.problem(number, 0, f'keyword "{keyword}" unknown')
                self.state = "error"
                return
            position = match.end()
            while position < len(text) and text[position] in " \t":
                position += 1
            if position >= len(text) or text[position] != '"':
                self.problem(number, offset + position + 1, "syntax error")
                self.state = "error"
                return
        values = []
        while position < len(text):
            if text[position] != '"':
                self.problem(number, offset + position + 1, "syntax error")
                self.state = "error"
                return
            value, position, error = scan_string(text, position)
            if error:
                self.problem(number, offset + position + 1 if error != "end-of-line within "
                             "string" else 0, error)
                self.state = "error"
                return
            values.append(value)
            while position < len(text) and text[position] in " \t":
                position += 1
        value = "".join(values)
        if not keyword:
            self.continuation(number, offset, value)
        else:
            self.keyword(number, offset, keyword, value, obsolete)

    def continuation(self, number: int, offset: int, value: str) -> None:
        entry = self.entry
        if entry is None or not self.field:
            if self.state != "error":
                self.problem(number, offset + 1, "syntax error")
            return
        if self.field.startswith("form"):
            index = int(self.field[4:])
            entry.forms[index] += value
        else:
            setattr(entry, self.field, getattr(entry, self.field) + value)

    def keyword(self, number: int, offset: int, keyword: str, value: str,
                obsolete: bool) -> None:
        state = self.state
        if keyword in ("msgctxt", "msgid"):
            if state != "idle" and not (state == "ctxt" and keyword == "msgid"):
                self.finish()
                state = "idle"
            if state == "idle":
                self.entry = _Entry(obsolete, number, self.flags)
                self.flags = []
            entry = self.entry
            if entry.obsolete != obsolete:
                self.problem(number, 0, "inconsistent use of #~")
            if keyword == "msgctxt":
                entry.msgctxt, self.state, self.field = value, "ctxt", "msgctxt"
            else:
                entry.msgid, entry.msgid_line = value, number
                self.state, self.field = "id", "msgid"
            return
        entry = self.entry
        if entry is not None and entry.obsolete != obsolete and state != "error":
            self.problem(number, 0, "inconsistent use of #~")
        if keyword == "msgid_plural" and state == "id":
            entry.msgid_plural, self.state, self.field = value, "plural", "msgid_plural"
        elif keyword == "msgstr" and state == "id":
            entry.msgstr, entry.msgstr_line = value, number
            self.state, self.field = "str", "msgstr"
        elif keyword.startswith("msgstr[") and state in ("plural", "forms"):
            index = int(keyword[7:-1] or -1)
            if index != len(entry.forms):
                self.problem(number, 0, "plural form has wrong index")
            if not entry.forms:
                entry.msgstr_line = number
            entry.forms[index] = value
            self.state, self.field = "forms", f"form{index}"
        elif state != "error":
            self.problem(number, offset + 1, "syntax error")
            self.state = "error"


def validate_po(text: str) -> Validation:
    """Every problem msgfmt --check reports in PO ``text``, in line order."""
    reader = _Reader()
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            rest = line[2:]
            body = rest.lstrip()
            if not body or body.startswith("|"):
                continue  # an empty line or a previous msgid of an obsolete entry
            if body.startswith("#"):
                reader.comment(body)
                continue
            reader.string_line(number, body, len(raw) - len(raw.lstrip()) + 2 +
                               len(rest) - len(body), obsolete=True)
        elif line.startswith("#"):
            reader.comment(line)
        else:
            reader.string_line(number, line, len(raw) - len(raw.lstrip()), obsolete=False)
    reader.finish()
    problems = reader.problems + _semantic(reader.entries)
    places = {(e.msgctxt, e.msgid or "", e.obsolete): e.msgstr_line for e in reader.entries}
    return Validation(sorted(problems, key=lambda p: (p.line, p.column)), places)


def _semantic(entries: list[_Entry]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[str | None, str], int] = {}
    for entry in entries:  # msgfmt: an obsolete entry may not repeat a live one either
        key = (entry.msgctxt, entry.msgid or "")
        if key in first:
            problems.append(Problem(entry.msgid_line, 0, "duplicate", "duplicate entry: "
                                    f"this msgid is defined on line {first[key]} already"))
        else:
            first[key] = entry.msgid_line
    live = [e for e in entries if not e.obsolete]
    header = live[0] if live and live[0].msgid == "" and live[0].msgctxt is None else None
    if header is None and live:
        problems.append(Problem(live[0].line, 0, "header", "PO file header missing"))
    problems += _plural_problems(header, live)
    for entry in live:
        if entry is header or "fuzzy" in entry.flags:
            continue
        pairs = ([(entry.msgid, entry.msgstr)] if entry.msgid_plural is None else
                 [(entry.msgid if i == 0 else entry.msgid_plural, form)
                  for i, form in sorted(entry.forms.items())])
        for source, target in pairs:
            if not target:
                continue
            problems += _newline_problems(entry, source or "", target)
            problems += _format_problems(entry, source or "", target)
    return problems


_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _plural_problems(header: _Entry | None, live: list[_Entry]) -> list[Problem]:
    plural = [e for e in live if e.msgid_plural is not None]
    if not plural:
        return []
    forms = ""
    for line in (header.msgstr or "").split("\n") if header else []:
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            forms = value
    where = header.msgstr_line if header else plural[0].line
    problems = []
    if "plural=" not in forms.replace(" ", "").replace("nplurals=", ""):
        problems.append(Problem(where, 0, "header", 'message catalog has plural form '
                                'translations, but the header lacks a "plural=EXPRESSION" '
                                'attribute in Plural-Forms'))
    count = _NPLURALS.search(forms)
    if count is None:
        problems.append(Problem(where, 0, "header", 'message catalog has plural form '
                                'translations, but the header lacks a "nplurals=INTEGER" '
                                'attribute in Plural-Forms'))
        return problems
    expected = int(count.group(1))
    for entry in plural:  # as msgfmt: untranslated and fuzzy entries are not compiled
        if len(entry.forms) != expected and any(entry.forms.values()) \
                and "fuzzy" not in entry.flags:
            problems.append(Problem(entry.msgstr_line, 0, "header",
                                    f"nplurals = {expected}, but this message has "
                                    f"{len(entry.forms)} plural form(s)"))
    return problems


def _newline_problems(entry: _Entry, source: str, target: str) -> list[Problem]:
    found = []
    for where, test in (("begin", str.startswith), ("end", str.endswith)):
        if test(source, "\n") != test(target, "\n"):
            found.append(Problem(entry.msgstr_line, 0, "newline", "'msgid' and 'msgstr' "
                                 f"entries do not both {where} with '\\n'"))
    return found


# --------------------------------------------------------------------------- formats

_PY_DIRECTIVE = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                           r"[hlL]?(?P<type>[diouxXeEfFgGcrsa%])")
_C_DIRECTIVE = re.compile(r"%(?:(?P<pos>\d+)\$)?[-+ #0']*(?:\*(?:\d+\$)?|\d+)?"
                          r"(?:\.(?:\*(?:\d+\$)?|\d+))?(?P<size>hh|h|ll|l|L|q|j|z|t)?"
                          r"(?P<type>[diouxXeEfFgGaAcspn%])")
_PY_TYPES = {**dict.fromkeys("sra", "any"), **dict.fromkeys("diouxX", "integer"),
             **dict.fromkeys("eEfFgG", "float"), "c": "character"}
_C_TYPES = {**dict.fromkeys("diouxX", "integer"), **dict.fromkeys("eEfFgGaA", "float"),
            "c": "char", "s": "string", "p": "pointer", "n": "count"}


def _directives(text: str, pattern: re.Pattern, types: dict) -> list | None:
    """The (argument, type) of each directive in order; None if ``text`` is not a valid
    format string (a ``%`` that starts no directive)."""
    found = []
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = pattern.match(text, start)
        if match is None:
            return None
        position = match.end()
        kind = match.group("type")
        if kind == "%":
            continue
        size = match.groupdict().get("size") or ""
        name = match.groupdict().get("name")
        pos = match.groupdict().get("pos")
        found.append((name if name is not None else pos, size + types[kind]))
    return found


def _format_problems(entry: _Entry, source: str, target: str) -> list[Problem]:
    if "python-format" in entry.flags:
        pattern, types, label = _PY_DIRECTIVE, _PY_TYPES, "Python"
    elif "c-format" in entry.flags:
        pattern, types, label = _C_DIRECTIVE, _C_TYPES, "C"
    else:
        return []
    expected = _directives(source, pattern, types)
    if expected is None:
        return []  # msgid is no format string: msgfmt only warns about the flag
    actual = _directives(target, pattern, types)
    line = entry.msgstr_line

    def problem(message: str) -> list[Problem]:
        return [Problem(line, 0, "format", message)]

    if actual is None:
        return problem(f"'msgstr' is not a valid {label} format string, unlike 'msgid'")
    named = {name for name, _ in expected if name is not None and not name.isdigit()}
    if named or any(n is not None and not n.isdigit() for n, _ in actual):
        source_names, target_names = dict(expected), dict(actual)
        for name in source_names:
            if name not in target_names:
                return problem(f"a format specification for argument '{name}' doesn't "
                               "exist in 'msgstr'")
        for name in target_names:
            if name not in source_names:
                return problem(f"a format specification for argument '{name}', as in "
                               "'msgstr', doesn't exist in 'msgid'")
            if types is _PY_TYPES and source_names[name] != target_names[name] \
                    and "any" not in (source_names[name], target_names[name]):
                return problem(f"format specifications in 'msgid' and 'msgstr' for "
                               f"argument '{name}' are not the same")
        return []
    source_args, target_args = _by_position(expected), _by_position(actual)
    if len(source_args) != len(target_args):
        return problem("number of format specifications in 'msgid' and 'msgstr' does not "
                       "match")
    for index, (left, right) in enumerate(zip(source_args, target_args, strict=True), 1):
        if left != right:
            return problem(f"format specifications in 'msgid' and 'msgstr' for argument "
                           f"{index} are not the same")
    return []


def _by_position(directives: list) -> list[str]:
    """Argument types in argument order (``%2$s`` goes second)."""
    if any(pos is not None for pos, _ in directives):
        ordered = dict(sorted(((int(pos or 0), kind) for pos, kind in directives)))
        return list(ordered.values())
    return [kind for _, kind in directives]
