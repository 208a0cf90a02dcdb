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
    lines = []
    for f in _shown(findings):
        code = f"{_COLOURS[f.severity]}{f.code}\x1b[0m" if colour else f.code
        lines.append(f"{_where(f)}: {code} {f.name}: {printable(f.message)}")
    s = summary(findings, files)
    lines.append(f"{s['files']} file(s) checked: {s['errors']} error(s), "
                 f"{s['warnings']} warning(s), {s['info']} info, {s['suppressed']} suppressed")
    return "\n".join(lines) + "\n"


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


def dumps_indented(value, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, in a fraction
    of the time: ``json`` encodes with its C encoder only without ``indent``, so a
    container of scalars (a finding, a summary) is encoded by it in one call, with the
    item separator carrying the newline and indentation; only nesting is walked here.
    (A scalar of a subclass, an enum member, is encoded by ``json.dumps`` on its own.)"""
    if isinstance(value, dict):
        items, opening, closing = value.values(), "{", "}"
    elif isinstance(value, (list, tuple)):
        items, opening, closing = value, "[", "]"
    else:
        return json.dumps(value, ensure_ascii=False)
    if not value:
        return opening + closing
    inner = indent + "  "
    if _FLAT.issuperset(map(type, items)):
        body = "".join(_flat_encoder(inner)(value, 0))
        return f"{opening}\n{inner}{body[1:-1]}\n{indent}{closing}"
    if opening == "[":
        parts = [inner + dumps_indented(item, inner) for item in value]
    else:
        parts = [f"{inner}{_key(key)}: {dumps_indented(item, inner)}"
                 for key, item in value.items()]
    return f"{opening}\n" + ",\n".join(parts) + f"\n{indent}{closing}"


@lru_cache(maxsize=64)
def _flat_encoder(inner: str):
    """``json``'s C encoder (as ``json.dumps`` makes it, less the check for circular
    references, which a container of scalars cannot have), made once per depth: making
    one per container costs more than the encoding."""
    make = json.encoder.c_make_encoder or json.encoder._make_iterencode
    if json.encoder.c_make_encoder is None:  # pragma: no cover (CPython has it)
        return lambda value, level: [json.dumps(value, ensure_ascii=False,
                                                separators=(",\n" + inner, ": "))]
    return make(None, None, json.encoder.encode_basestring, None, ": ", ",\n" + inner,
                False, False, True)


def _key(key) -> str:
    """A dict key as ``json`` writes it: quoted, a number, boolean or null as a string."""
    return json.dumps({key: 0}, ensure_ascii=False)[1:-4]


def _json(data) -> str:
    """JSON as l10n writes it: UTF-8 text, with the characters that reorder or break a
    line on a terminal (bidirectional controls, line separators) as ``\\u`` escapes, as
    ``json`` writes every control character; the data read back is the same."""
    text = dumps_indented(data)
    if any(ch in text for ch in _INVISIBLE_CHARS):  # rare: a substring search is a memchr
        text = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def render_json(findings: list[Finding], files: int) -> str:
    """Version 1: {"version", "tool", "findings": [...], "summary": {...}} (README)."""
    return _json({"version": JSON_VERSION, "tool": {"name": "l10n", "version": __version__},
                  "findings": [f.as_dict() for f in _shown(findings)],
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
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    checks = sorted(REGISTRY.values(), key=lambda c: c.code)
    index = {c.code: i for i, c in enumerate(checks)}
    rules = [_rule(c, docs_url) for c in checks]
    results = []
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
        results.append(result)
    run = {"tool": {"driver": {"name": "l10n", "version": __version__,
                               "semanticVersion": __version__, "rules": rules}},
           "columnKind": "unicodeCodePoints", "results": results}
    if root is not None:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(root).resolve().as_uri() + "/"}}
    return _json({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def render(findings: list[Finding], files: int, fmt: str, *, colour: bool = False,
           root: Path | None = None, statistics: bool = False,
           docs_url: str | None = None) -> str:
    if fmt == "json":
        return render_json(findings, files)
    if fmt == "github":
        return render_github(findings, files)
    if fmt == "sarif":
        return render_sarif(findings, files, root=root, docs_url=docs_url)
    if statistics:
        return render_statistics(findings, files)
    return render_text(findings, files, colour=colour)
