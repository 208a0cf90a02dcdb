"""Findings -> text (path:line: CODE name: message), JSON, GitHub annotations, SARIF."""

from __future__ import annotations

import json
from collections import Counter

from . import __version__
from .checks.base import REGISTRY, Finding, Severity

FORMATS = ("text", "json", "github", "sarif")
_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def summary(findings: list[Finding], files: int) -> dict:
    counts = Counter(f.severity.value for f in findings)
    return {"files": files, "findings": len(findings), "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0), "info": counts.get("info", 0),
            "by_code": dict(sorted(Counter(f.code for f in findings).items()))}


def render_text(findings: list[Finding], files: int, *, colour: bool = False) -> str:
    lines = []
    for f in findings:
        code = f"{_COLOURS[f.severity]}{f.code}\x1b[0m" if colour else f.code
        lines.append(f"{f.path}:{f.line}: {code} {f.name}: {f.message}")
    s = summary(findings, files)
    lines.append(f"{s['files']} file(s) checked: {s['errors']} error(s), "
                 f"{s['warnings']} warning(s), {s['info']} info")
    return "\n".join(lines) + "\n"


def render_json(findings: list[Finding], files: int) -> str:
    return json.dumps({"findings": [f.as_dict() for f in findings],
                       "summary": summary(findings, files)}, ensure_ascii=False, indent=2) + "\n"


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(findings: list[Finding], files: int) -> str:
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = [f"::{kinds[f.severity]} file={f.path},line={f.line},"
             f"title={f.code} {f.name}::{_escape_github(f.message)}" for f in findings]
    return "\n".join(lines) + ("\n" if lines else "")


def render_sarif(findings: list[Finding], files: int) -> str:
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    rules = [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
              "fullDescription": {"text": c.doc.strip()},
              "defaultConfiguration": {"level": levels[c.severity]}}
             for c in sorted(REGISTRY.values(), key=lambda c: c.code)]
    results = [{"ruleId": f.code, "level": levels[f.severity], "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": max(f.line, 1)}}}]} for f in findings]
    return json.dumps({"version": "2.1.0",
                       "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                       "runs": [{"tool": {"driver": {"name": "l10n", "version": __version__,
                                                     "rules": rules}},
                                 "results": results}]}, ensure_ascii=False, indent=2) + "\n"


def render(findings: list[Finding], files: int, fmt: str, *, colour: bool = False) -> str:
    if fmt == "json":
        return render_json(findings, files)
    if fmt == "github":
        return render_github(findings, files)
    if fmt == "sarif":
        return render_sarif(findings, files)
    return render_text(findings, files, colour=colour)
