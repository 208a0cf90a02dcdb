"""Findings -> text, JSON, GitHub workflow commands, SARIF 2.1.0; and --statistics.

Text is ``path:line[:column]: CODE name: message``, the form editors and CI parse. JSON
is a documented, versioned format (``JSON_VERSION``; see the README). GitHub commands
escape their properties and data as GitHub's toolkit does. SARIF validates against the
official 2.1.0 schema: URIs are percent-encoded (spaces, Hangul, ``%``), relative to the
repository root (``%SRCROOT%``) or absolute ``file:`` URIs, and suppressed findings
are listed with their ``suppressions``.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from . import __version__
from .checks.base import REGISTRY, Finding, Severity
from .checks.documentation import help_uri
from .errors import printable

FORMATS = ("text", "json", "github", "sarif")
JSON_VERSION = 1
_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _shown(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.suppressed is None]


def summary(findings: list[Finding], files: int) -> dict:
    shown = _shown(findings)
    counts = Counter(f.severity.value for f in shown)
    return {"files": files, "findings": len(shown), "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0), "info": counts.get("info", 0),
            "suppressed": len(findings) - len(shown),
            "by_code": dict(sorted(Counter(f.code for f in shown).items()))}


def _where(f: Finding) -> str:
    path = printable(f.path)
    return f"{path}:{f.line}:{f.column}" if f.column else f"{path}:{f.line}"


def render_text(findings: list[Finding], files: int, *, colour: bool = False) -> str:
    """One line a finding; paths and messages with control characters escaped."""
    return "".join(text_chunks(findings, files, colour=colour))


def text_chunks(findings: list[Finding], files: int, *, colour: bool = False
                ) -> Iterator[str]:
    """``render_text`` in chunks."""
    def lines() -> Iterator[str]:
        for f in _shown(findings):
            code = f"{_COLOURS[f.severity]}{f.code}\x1b[0m" if colour else f.code
            yield f"{_where(f)}: {code} {f.name}: {printable(f.message)}\n"
        s = summary(findings, files)
        yield (f"{s['files']} file(s) checked: {s['errors']} error(s), "
               f"{s['warnings']} warning(s), {s['info']} info, {s['suppressed']} suppressed\n")

    return _chunks(lines())


def render_statistics(findings: list[Finding], files: int) -> str:
    """Counts per code, most frequent first (ruff's --statistics)."""
    shown = _shown(findings)
    counts = Counter(f.code for f in shown)
    names = {f.code: f.name for f in shown}
    width = len(str(max(counts.values(), default=0)))
    lines = [f"{count:>{width}}  {code}  {names[code]}"
             for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    s = summary(findings, files)
    lines.append(f"{s['files']} file(s) checked: {s['errors']} error(s), "
                 f"{s['warnings']} warning(s), {s['info']} info, {s['suppressed']} suppressed")
    return "\n".join(lines) + "\n"


_INVISIBLE_CHARS = "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


_FLAT = frozenset({str, int, float, bool, type(None)})


def dumps_indented(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, in a fraction
    of the time (``indented_pieces``)."""
    return "".join(indented_pieces(value))


def indented_pieces(value, indent: str = "") -> Iterator[str]:
    """The text of ``json.dumps(value, ensure_ascii=False, indent=2)`` in pieces, one
    per container of scalars, so that a report is written as it is made.

    ``json`` encodes with its C encoder only without ``indent``, so a container of
    scalars (a finding, a summary) is encoded by it in one call, with the item separator
    carrying the newline and indentation; only nesting is walked here. An iterator that
    is not a list (findings made as they are written) is written as a list. A scalar of
    a subclass (an enum member) is encoded by ``json.dumps`` on its own."""
    if isinstance(value, dict):
        items, opening, closing = value.values(), "{", "}"
    elif isinstance(value, (list, tuple)):
        items, opening, closing = value, "[", "]"
    elif isinstance(value, Iterator):
        value = _peeked(value)
        items, opening, closing = (), "[", "]"
    else:
        yield json.dumps(value, ensure_ascii=False)
        return
    if not value:
        yield opening + closing
        return
    inner = indent + "  "
    if items and _FLAT.issuperset(map(type, items)):
        body = "".join(_flat_encoder(inner)(value, 0))
        yield f"{opening}\n{inner}{body[1:-1]}\n{indent}{closing}"
        return
    before = f"{opening}\n{inner}"
    if opening == "{":
        for key, item in value.items():
            yield f"{before}{_key(key)}: "
            yield from indented_pieces(item, inner)
            before = f",\n{inner}"
    else:
        for item in value:
            yield before
            yield from indented_pieces(item, inner)
            before = f",\n{inner}"
    yield f"\n{indent}{closing}"


class _peeked(list):
    """An iterator as a list that is true when the iterator is not empty, iterated once."""

    def __init__(self, iterator: Iterator) -> None:
        super().__init__()
        self._first = next(iterator, _peeked)
        self._rest = iterator

    def __bool__(self) -> bool:
        return self._first is not _peeked

    def __iter__(self):
        if self._first is not _peeked:
            yield self._first
            yield from self._rest


@lru_cache(maxsize=64)
def _flat_encoder(inner: str):
    """``json``'s C encoder as ``json.dumps`` makes it (less the check for circular
    references, which a container of scalars cannot have) with ``inner`` in its item
    separator, made once per depth: making one per container costs more than encoding."""
    if json.encoder.c_make_encoder is None:  # pragma: no cover (CPython has it)
        return lambda value, level: [json.dumps(value, ensure_ascii=False,
                                                separators=(",\n" + inner, ": "))]
    return json.encoder.c_make_encoder(None, None, json.encoder.encode_basestring, None,
                                       ": ", ",\n" + inner, False, False, True)


def _key(key) -> str:
    """A dict key as ``json`` writes it: quoted, a number, boolean or null as a string."""
    return json.dumps({key: 0}, ensure_ascii=False)[1:-4]


def _escape_invisible(text: str) -> str:
    if any(ch in text for ch in _INVISIBLE_CHARS):  # rare: a substring search is fast
        text = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _json(data) -> Iterator[str]:
    """JSON as l10n writes it, in chunks: UTF-8 text, with the characters that reorder
    or break a line on a terminal (bidirectional controls, line separators) as ``\\u``
    escapes, as ``json`` writes every control character; the data read back is the same."""
    return _chunks(indented_pieces(data), end="\n", escape=_escape_invisible)


def _chunks(pieces: Iterable[str], *, end: str = "", escape=None,
            size: int = 1 << 16) -> Iterator[str]:
    """``pieces`` joined into chunks of about ``size`` characters (fewer writes)."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            text = "".join(batch)
            yield escape(text) if escape else text
            batch, length = [], 0
    text = "".join(batch) + end
    yield escape(text) if escape else text


def render_json(findings: list[Finding], files: int) -> str:
    """Version 1: {"version", "tool", "findings": [...], "summary": {...}} (README)."""
    return "".join(json_chunks(findings, files))


def json_chunks(findings: list[Finding], files: int) -> Iterator[str]:
    """``render_json`` in chunks, each finding made as it is written."""
    return _json({"version": JSON_VERSION, "tool": {"name": "l10n", "version": __version__},
                  "findings": (f.as_dict() for f in _shown(findings)),
                  "summary": summary(findings, files)})


def escape_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it (``escapeData``); other
    control characters (an escape sequence the log would interpret) shown as escapes."""
    text = printable(text, keep="\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (``escapeProperty``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding], files: int) -> str:
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in _shown(findings):
        properties = {"file": f.path, "line": str(max(f.line, 1))}
        if f.column:
            properties["col"] = str(f.column)
        properties["title"] = f"{f.code} {f.name}"
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        lines.append(f"::{kinds[f.severity]} {joined}::{escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def artifact_uri(path: str) -> dict:
    """A SARIF artifactLocation: a percent-encoded relative reference from the repository
    root, or an absolute ``file:`` URI for a file outside it."""
    if path.startswith("/") or (os.name == "nt" and Path(path).is_absolute()):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule(check, docs_url: str | None = None) -> dict:
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    doc = inspect.cleandoc(check.doc)
    first = doc.split("\n\n", 1)[0]
    return {"id": check.code, "name": check.name,
            "shortDescription": {"text": check.summary},
            "fullDescription": {"text": " ".join(first.split())},
            "helpUri": help_uri(check.code, check.name, docs_url),
            "help": {"text": f"{doc}\n\nl10n checks {check.code} prints this.",
                     "markdown": f"{doc}\n\n`l10n checks {check.code}` prints this."},
            "defaultConfiguration": {"level": levels[check.severity]},
            "properties": {"family": check.family}}


def render_sarif(findings: list[Finding], files: int, *, root: Path | None = None,
                 docs_url: str | None = None) -> str:
    """SARIF 2.1.0; each rule's ``helpUri`` is ``docs_url`` (``[tool.l10n] docs-url``, a
    URL template) for its code, else the installed check reference's ``file:`` URI."""
    return "".join(sarif_chunks(findings, files, root=root, docs_url=docs_url))


def sarif_chunks(findings: list[Finding], files: int, *, root: Path | None = None,
                 docs_url: str | None = None) -> Iterator[str]:
    """``render_sarif`` in chunks, each result made as it is written."""
    checks = sorted(REGISTRY.values(), key=lambda c: c.code)
    index = {c.code: i for i, c in enumerate(checks)}
    rules = [_rule(c, docs_url) for c in checks]
    run = {"tool": {"driver": {"name": "l10n", "version": __version__,
                               "semanticVersion": __version__, "rules": rules}},
           "columnKind": "unicodeCodePoints", "results": _sarif_results(findings, index)}
    if root is not None:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(root).resolve().as_uri() + "/"}}
    return _json({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def _sarif_results(findings: list[Finding], index: dict[str, int]) -> Iterator[dict]:
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for f in findings:
        region = {"startLine": max(f.line, 1)}
        if f.column:
            region["startColumn"] = f.column
        result = {"ruleId": f.code, "level": levels[f.severity],
                  "message": {"text": f.message},
                  "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(f.path),
                                                      "region": region}}]}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource",
                                       "justification": f.suppressed.strip()}]
        yield result


def render(findings: list[Finding], files: int, fmt: str, *, colour: bool = False,
           root: Path | None = None, statistics: bool = False,
           docs_url: str | None = None) -> str:
    return "".join(render_chunks(findings, files, fmt, colour=colour, root=root,
                                 statistics=statistics, docs_url=docs_url))


def render_chunks(findings: list[Finding], files: int, fmt: str, *, colour: bool = False,
                  root: Path | None = None, statistics: bool = False,
                  docs_url: str | None = None) -> Iterator[str]:
    """The report in chunks to write one after the other: a large report is never held
    whole in memory (``render`` joins them)."""
    if fmt == "json":
        return json_chunks(findings, files)
    if fmt == "github":
        return iter([render_github(findings, files)])
    if fmt == "sarif":
        return sarif_chunks(findings, files, root=root, docs_url=docs_url)
    if statistics:
        return iter([render_statistics(findings, files)])
    return text_chunks(findings, files, colour=colour)
