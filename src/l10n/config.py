"""Project configuration: ``[tool.l10n]`` in pyproject.toml, or a top-level l10n.toml.

Every command runs on a project: the folder given with ``--project`` or the nearest
folder upward from the working directory that has a configuration.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ConfigError

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

    def pot_path(self, essay: str) -> Path:
        return self.locales / "templates" / f"{essay}.pot"

    def po_path(self, essay: str, language: str) -> Path:
        return self.locales / language / "LC_MESSAGES" / f"{essay}.po"

    def relative(self, path: Path) -> str:
        """Path relative to the project root, posix style (for #: locations and messages)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path, hint="fix the syntax") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=path) from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("l10n")
    return data.get("tool", {}).get("l10n", data)


def find_project(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` with an l10n configuration."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _read_table(candidate) is not None:
                return folder
    raise ConfigError(
        f"no l10n project at or above {here}",
        hint="add a [tool.l10n] table to pyproject.toml (or an l10n.toml), or pass --project DIR",
    )


def _parse_assignments(raw: Any, path: Path) -> tuple[Assignment, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError("'assignments' must be an array of tables", path=path,
                          hint='write [[tool.l10n.assignments]] with essay = "..."')
    out = []
    for item in raw:
        if not isinstance(item, dict) or "essay" not in item:
            raise ConfigError("each assignment needs an 'essay'", path=path)
        due = item.get("due")
        if isinstance(due, str):
            try:
                due = date.fromisoformat(due)
            except ValueError as exc:
                raise ConfigError(f"assignment due date {due!r} is not YYYY-MM-DD",
                                  path=path) from exc
        out.append(Assignment(str(item["essay"]), str(item.get("translator", "")),
                              str(item.get("reviewer", "")), due))
    return tuple(out)


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
             "reference-min-chrf", "cache", "front-matter"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"unknown key(s) in [tool.l10n]: {', '.join(unknown)}",
                          path=config_file, hint=f"known keys: {', '.join(sorted(known))}")
    for key in ("source", "locales", "glossary", "project-name", "source-language", "reference",
                "cache"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"'{key}' must be a string", path=config_file,
                              hint=f'write {key} = "..."')
    if "reference-min-chrf" in table and not isinstance(table["reference-min-chrf"],
                                                        (int, float)):
        raise ConfigError("'reference-min-chrf' must be a number", path=config_file)
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
    threshold = table.get("publish-threshold", 100)
    if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise ConfigError("publish-threshold must be a number from 0 to 100", path=config_file)
    glossary = table.get("glossary", "glossary.csv")
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(
            v in ("error", "warning", "info", "off") for v in severity.values()):
        raise ConfigError("'severity' must be a table of CODE = \"error|warning|info|off\"",
                          path=config_file, hint='for example N002 = "error"')
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
    )
