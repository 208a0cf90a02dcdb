"""The check reference, generated from the registry: one section per code, its docstring.

``l10n checks --format markdown`` prints it; the same text is committed, and shipped in
the package, as ``l10n/checks/checks.md`` (a test fails when it is stale), so SARIF's rule ``helpUri`` can point at a real page with one
anchor per code: ``[tool.l10n] docs-url`` (a URL template) when configured, else the
``file:`` URI of the installed reference.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from urllib.parse import quote

from ..errors import ConfigError
from .base import REGISTRY

PACKAGED = "checks.md"  # the reference inside this package


def reference_markdown() -> str:
    """The reference as Markdown: a table of every check, then a section per code with an
    explicit anchor (``<a id="G001">``), its family, default severity and documentation."""
    checks = sorted(REGISTRY.values(), key=lambda c: c.code)
    lines = ["# QA checks", "",
             "Generated from the check registry by `l10n checks --format markdown`; do not "
             "edit. `l10n checks CODE` prints one section. Set a check's severity in "
             "`[tool.l10n.severity]`, silence it on one entry with `# l10n-ignore: CODE`.",
             "", "| code | name | family | default |", "| --- | --- | --- | --- |"]
    lines += [f"| [{c.code}](#{c.code}) | `{c.name}` | {c.family} | "
              f"{c.severity.value} |" for c in checks]
    for c in checks:
        doc = inspect.cleandoc(c.doc)
        summary, _, body = doc.partition("\n")
        lines += ["", f'<a id="{c.code}"></a>', "",
                  f"## {c.code} {c.name}", "",
                  f"{summary.strip()}", "",
                  f"Family: {c.family}. Default severity: {c.severity.value}.", ""]
        if body.strip():
            text = body.strip("\n")
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)),
                                         default=0))
            lines += [f"{fence}text", text, fence]
    return "\n".join(lines).rstrip("\n") + "\n"


def packaged_reference() -> Path:
    """The reference shipped with the installed package."""
    from importlib.resources import files

    return Path(str(files("l10n.checks").joinpath(PACKAGED)))


def help_uri(code: str, name: str, docs_url: str | None = None) -> str:
    """An absolute URI of the code's documentation: ``docs_url`` with ``{code}`` and
    ``{name}`` filled in (without either, ``#CODE`` appended), else the installed
    reference's ``file:`` URI with the code's anchor."""
    if docs_url:
        if "{code}" in docs_url or "{name}" in docs_url:
            return docs_url.replace("{code}", quote(code)).replace("{name}", quote(name))
        return f"{docs_url}#{code}"
    return f"{packaged_reference().resolve().as_uri()}#{code}"


__all__ = ["help_uri", "packaged_reference", "reference_markdown", "PACKAGED"]


def catalogue_text() -> str:
    """``l10n checks``: a line per check, by code: code, default severity, name, summary."""
    return "".join(f"{item.code}  {item.severity.value:7}  {item.name:34} {item.summary}\n"
                   for item in sorted(REGISTRY.values(), key=lambda c: c.code))


def check_text(code: str) -> str:
    """``l10n checks CODE``: one check (by code or name), its family, default severity and
    documentation; a ConfigError for a code that names no check."""
    found = [c for c in REGISTRY.values() if code.upper() == c.code or code == c.name]
    if not found:
        raise ConfigError(f"no check {code!r}", hint="'l10n checks' lists them")
    item = found[0]
    return (f"{item.code} {item.name} ({item.family}, default {item.severity.value})\n\n"
            f"{inspect.cleandoc(item.doc)}")
