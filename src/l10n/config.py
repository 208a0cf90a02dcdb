"""Project configuration: ``[tool.l10n]`` in pyproject.toml, or a top-level l10n.toml.

Every command runs on a project: the folder given with ``--project`` or the nearest
folder upward from the working directory that has a configuration. ``l10n check FILE``
finds the configuration of each file the same way, upward from the file, as ruff does,
so the same command gives the same findings from any folder (and from pre-commit, which
runs at the root of a repository whose project may lie in a subfolder).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ConfigError, os_hint

CONFIG_FILES = ("l10n.toml", "pyproject.toml")


@dataclass(frozen=True)
class Assignment:
    essay: str
    translator: str = ""
    reviewer: str = ""
    due: date | None = None


@dataclass(frozen=True)
class Config:
    root: Path
    source: Path
    locales: Path
    languages: tuple[str, ...] = ("en",)
    source_language: str = "ko"
    glossary: Path | None = None
    project_name: str = "l10n"
    publish_threshold: float = 100.0
    severity: dict[str, str] = field(default_factory=dict)
    assignments: tuple[Assignment, ...] = ()
    config_file: Path | None = None
    reference: Path | None = None  # reviewed catalogs for check R001 and `l10n score`
    reference_min_chrf: float = 40.0
    cache: Path | None = None  # folder of the segmentation cache; None: no cache
    front_matter: tuple[str, ...] = ("title", "description")  # fields that are units
    tm: tuple[Path, ...] = ()  # translation memories besides the project's catalogs
    tm_threshold: float = 75.0  # lowest TM match (percent) that pre-translates an entry
    tm_exact: str = "auto"  # exact TM matches: translated, fuzzy, or auto (fuzzy if foreign)
    rates: dict[str, float] = field(default_factory=dict)  # analysis band -> weight
    glossary_configured: bool = False  # 'glossary' set explicitly (so it must exist)
    source_configured: bool = False
    select: tuple[str, ...] = ()  # QA check selectors (codes, prefixes, names)
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> sel.
    # what a later mention of a person (glossary kind ``name``) may be shortened to:
    # "surname" (Son for Son Heung-min, as news and style guides do) or "off" (the full
    # name every time)
    name_short_forms: str = "surname"
    docs_url: str | None = None  # the check reference's URL template ({code}, {name})

    def pot_path(self, essay: str) -> Path:
        return self.locales / "templates" / f"{essay}.pot"

    def po_path(self, essay: str, language: str) -> Path:
        return self.locales / language / "LC_MESSAGES" / f"{essay}.po"

    def key_line(self, key: str) -> int:
        """The line of ``key`` in the configuration file (0 when it is not written there),
        so that a finding about a setting can point at it."""
        return key_line(self.config_file, key)

    def relative(self, path: Path) -> str:
        """Path relative to the project root, posix style (for #: locations and messages)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def key_line(path: Path | None, key: str) -> int:
    """The line of ``key`` in the configuration file ``path`` (0 when it is not there)."""
    if path is None:
        return 0
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 0
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 0)


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path, hint="fix the syntax") from exc
    except (OSError, UnicodeDecodeError) as exc:
        hint = os_hint(exc) if isinstance(exc, OSError) else \
            "save the file as UTF-8 (TOML requires it)"
        raise ConfigError(f"cannot read: {exc}", path=path, hint=hint) from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("l10n")
    return data.get("tool", {}).get("l10n", data)


def find_project(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` with an l10n configuration."""
    here = (start or Path.cwd()).resolve()
    found = nearest_project(here)
    if found is not None:
        return found
    raise ConfigError(
        f"no l10n project at or above {here}",
        hint="add a [tool.l10n] table to pyproject.toml (or an l10n.toml), or pass --project DIR",
    )


def nearest_project(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` with an l10n configuration, or None."""
    here = start.resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _read_table(candidate) is not None:
                return folder
    return None


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds a ``.git`` (the root paths in
    reports are relative to), or None outside a repository."""
    here = start.resolve()
    return next((folder for folder in (here, *here.parents) if (folder / ".git").exists()),
                None)


def _selectors(value: Any, key: str, path: Path | None) -> tuple[str, ...]:
    """A list of check selectors (a comma-separated string is accepted too)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(f"'{key}' must be a list of check codes, prefixes or names",
                          path=path, hint=f'for example {key} = ["G", "N001"]')
    return tuple(part.strip() for item in value for part in item.split(",") if part.strip())


def _parse_assignments(raw: Any, path: Path) -> tuple[Assignment, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError("'assignments' must be an array of tables", path=path,
                          hint='write [[tool.l10n.assignments]] with essay = "..."')
    out = []
    for item in raw:
        if not isinstance(item, dict) or "essay" not in item:
            raise ConfigError("each assignment needs an 'essay'", path=path,
                              hint='write essay = "NAME" (the file stem) in each '
                                   "[[tool.l10n.assignments]]")
        due = item.get("due")
        if isinstance(due, str):
            try:
                due = date.fromisoformat(due)
            except ValueError as exc:
                raise ConfigError(f"assignment due date {due!r} is not YYYY-MM-DD",
                                  path=path, hint='write due = "2026-12-31"') from exc
        out.append(Assignment(str(item["essay"]), str(item.get("translator", "")),
                              str(item.get("reviewer", "")), due))
    return tuple(out)


# A target language as gettext names its folders and BCP 47 spells it: a 2-3 letter
# language, then optional script/region/variant subtags, then an optional @modifier
# (en, en_US, pt-BR, zh_Hant_TW, sr@latin). Each language is a folder name under
# locales/, so nothing else (no '/', '..', spaces) may pass.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}(?:@[a-z0-9]{1,16})?")
# the folders l10n writes into: they must lie inside the project
_WRITTEN_FOLDERS = {"locales": "locales", "cache": ".l10n-cache"}
_MAX_VALUE = 1024  # characters of any string value
NAME_SHORT_FORMS = ("surname", "off")


def validate_values(table: dict[str, Any], languages: list[str], path: Path | None,
                    root: Path) -> None:
    """Every string value is printable text of a sane length; languages are language codes;
    the folders l10n writes lie inside the project."""
    for key, value in _strings(table):
        if len(value) > _MAX_VALUE:
            raise ConfigError(f"'{key}' is {len(value)} characters long (the most is "
                              f"{_MAX_VALUE})", path=path, hint="shorten the value")
        bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
                    and c != "\u200d"), None)
        if bad is not None:
            raise ConfigError(f"'{key}' contains the control character U+{ord(bad):04X}",
                              path=path, hint="remove it from the value")
    for language in [*languages, table.get("source-language", "ko")]:
        if not LANGUAGE_CODE.fullmatch(language):
            shown = language if len(language) <= 40 else language[:40] + "…"
            raise ConfigError(f"{shown!r} is not a language code", path=path,
                              hint='write a BCP 47 or gettext code such as "en", "en_GB" or '
                                   '"pt-BR"')
    if len(set(languages)) != len(languages):
        raise ConfigError("'languages' lists a language twice", path=path,
                          hint="list each target language once")
    for key, default in _WRITTEN_FOLDERS.items():
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            continue
        target = (root / value).resolve()
        if not target.is_relative_to(root.resolve()) or target == root.resolve():
            raise ConfigError(f"'{key}' = {value!r} is not a folder inside the project",
                              path=path, hint=f"l10n writes below '{key}'; give a folder "
                              "inside the project (a link out of it is refused too)")


def _strings(value: Any, key: str = "") -> list[tuple[str, str]]:
    """Every string in a TOML value (keys of tables too), with the key it is under."""
    found = []
    if isinstance(value, str):
        found.append((key, value))
    elif isinstance(value, dict):
        for name, item in value.items():
            inner = f"{key}.{name}" if key else str(name)
            found.append((inner, str(name)))
            found += _strings(item, inner)
    elif isinstance(value, list):
        for item in value:
            found += _strings(item, key)
    return found


def load_config(project: Path | None = None) -> Config:
    """Read the configuration of the project at ``project`` (or found upward from cwd)."""
    root = (project.resolve() if project is not None else find_project())
    if not root.is_dir():
        raise ConfigError(f"project folder {root} does not exist", hint="check --project")
    table = None
    config_file = None
    for name in CONFIG_FILES:
        candidate = root / name
        if candidate.is_file():
            table = _read_table(candidate)
            if table is not None:
                config_file = candidate
                break
    if table is None:
        raise ConfigError(f"no [tool.l10n] configuration in {root}",
                          hint="add [tool.l10n] to pyproject.toml or create l10n.toml")
    known = {"source", "locales", "languages", "source-language", "glossary", "project-name",
             "publish-threshold", "severity", "assignments", "reference",
             "reference-min-chrf", "cache", "front-matter", "tm", "tm-threshold", "tm-exact",
             "rates", "select", "ignore", "per-file-ignores", "name-short-forms",
             "docs-url"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"unknown key(s) in [tool.l10n]: {', '.join(unknown)}",
                          path=config_file, hint=f"known keys: {', '.join(sorted(known))}")
    for key in ("source", "locales", "glossary", "project-name", "source-language", "reference",
                "cache", "docs-url"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"'{key}' must be a string", path=config_file,
                              hint=f'write {key} = "..."')
    if "reference-min-chrf" in table and not isinstance(table["reference-min-chrf"],
                                                        (int, float)):
        raise ConfigError("'reference-min-chrf' must be a number", path=config_file,
                          hint="for example reference-min-chrf = 40")
    languages = table.get("languages", ["en"])
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise ConfigError("'languages' must be a list of language codes", path=config_file,
                          hint='write languages = ["en"]')
    front_matter = table.get("front-matter", ["title", "description"])
    if not isinstance(front_matter, list) or not all(
            isinstance(x, str) and x.strip() and "\x00" not in x for x in front_matter):
        raise ConfigError("'front-matter' must be a list of field names", path=config_file,
                          hint='write front-matter = ["title", "description"]')
    validate_values(table, languages, config_file, root)
    threshold = table.get("publish-threshold", 100)
    if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise ConfigError("publish-threshold must be a number from 0 to 100", path=config_file,
                          hint="for example publish-threshold = 100 (percent translated)")
    glossary = table.get("glossary", "glossary.csv")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError("'per-file-ignores' must be a table of GLOB = [CODES]",
                          path=config_file, hint='for example "locales/de/**" = ["F"]')
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(
            v in ("error", "warning", "info", "off") for v in severity.values()):
        raise ConfigError("'severity' must be a table of CODE = \"error|warning|info|off\"",
                          path=config_file, hint='for example N002 = "error"')
    short_forms = table.get("name-short-forms", "surname")
    if short_forms not in NAME_SHORT_FORMS:
        if isinstance(short_forms, bool):
            shown = str(short_forms).lower()  # as TOML writes it
        elif isinstance(short_forms, (list, dict)):
            shown = "a list" if isinstance(short_forms, list) else "a table"
        else:
            shown = repr(short_forms)
        raise ConfigError(f"'name-short-forms' must be \"surname\" or \"off\", not {shown}",
                          path=config_file, line=key_line(config_file, "name-short-forms") or None,
                          hint='write "surname" (a person\'s name may be shortened to the '
                               'surname on later mentions) or "off" (the full name every time)')
    memory = _parse_memory(table, root, config_file)
    docs_url = _docs_url(table.get("docs-url"), config_file)
    return Config(
        root=root,
        source=root / table.get("source", "source/ko"),
        locales=root / table.get("locales", "locales"),
        languages=tuple(str(lang) for lang in languages),
        source_language=str(table.get("source-language", "ko")),
        glossary=(root / glossary) if glossary else None,
        project_name=str(table.get("project-name", root.name)),
        publish_threshold=float(threshold),
        severity={str(k): str(v) for k, v in severity.items()},
        assignments=_parse_assignments(table.get("assignments"), config_file),
        config_file=config_file,
        reference=(root / table["reference"]) if table.get("reference") else None,
        reference_min_chrf=float(table.get("reference-min-chrf", 40.0)),
        cache=(root / table.get("cache", ".l10n-cache")) if table.get("cache", ".l10n-cache")
        else None,
        front_matter=tuple(front_matter),
        **memory,
        glossary_configured="glossary" in table,
        source_configured="source" in table,
        select=_selectors(table.get("select", []), "select", config_file),
        ignore=_selectors(table.get("ignore", []), "ignore", config_file),
        per_file_ignores={str(glob): _selectors(codes, f"per-file-ignores.{glob}", config_file)
                          for glob, codes in per_file.items()},
        name_short_forms=short_forms,
        docs_url=docs_url,
    )


def _docs_url(value: str | None, path: Path | None) -> str | None:
    """``docs-url``: an absolute URL, ``{code}`` and ``{name}`` its only placeholders."""
    if not value:
        return None
    from urllib.parse import urlsplit

    rest = value.replace("{code}", "").replace("{name}", "")
    parts = urlsplit(value)
    if not parts.scheme or (not parts.netloc and parts.scheme != "file") or " " in value:
        problem = "is not an absolute URL"
    elif "{" in rest or "}" in rest:
        problem = "has a placeholder other than {code} and {name}"
    else:
        return value
    raise ConfigError(f"'docs-url' = {value!r} {problem}", path=path,
                      line=key_line(path, "docs-url") or None,  # read only for the error
                      hint='write docs-url = "https://example.org/checks#{code}"')


def _parse_memory(table: dict[str, Any], root: Path, path: Path | None) -> dict[str, Any]:
    """The translation-memory keys: tm, tm-threshold, tm-exact and the [rates] table."""
    files = table.get("tm", [])
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(x, str) for x in files):
        raise ConfigError("'tm' must be a list of files", path=path,
                          hint='write tm = ["archive/old.po", "vendor.tmx"]')
    threshold = table.get("tm-threshold", 75)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) \
            or not 0 < threshold <= 100:
        raise ConfigError("'tm-threshold' must be a number above 0 and at most 100",
                          path=path, hint="for example tm-threshold = 75")
    exact = table.get("tm-exact", "auto")
    if exact not in ("auto", "translated", "fuzzy"):
        raise ConfigError("'tm-exact' must be \"auto\", \"translated\" or \"fuzzy\"",
                          path=path, hint="auto: exact matches from another essay stay fuzzy")
    rates = table.get("rates", {})
    if not isinstance(rates, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
            for v in rates.values()):
        raise ConfigError("'rates' must be a table of band = weight (numbers from 0)",
                          path=path, hint='for example [tool.l10n.rates] "100" = 0.1')
    return {"tm": tuple(root / name for name in files), "tm_threshold": float(threshold),
            "tm_exact": str(exact), "rates": {str(k): float(v) for k, v in rates.items()}}


def project_catalogs(config: Config, language: str | None = None) -> list[Path]:
    """The PO files of the project for ``language`` (default: every target language)."""
    if language and language not in config.languages:
        raise ConfigError(f"the project does not target language {language!r}",
                          hint=f"target languages: {', '.join(config.languages)}")
    languages = [language] if language else list(config.languages)
    paths = []
    for lang in languages:
        folder = config.locales / lang / "LC_MESSAGES"
        if folder.is_dir():
            paths += sorted(folder.glob("*.po"))
    return paths
