"""What a check run reads: the catalogs, each with its project's configuration.

``gather`` finds the catalogs of the arguments (files, folders, or the project's own)
and the configuration of each, upward from the file as ruff does. ``load_catalog``
reads one file without ever raising: what it cannot read, and everything ``msgfmt
--check`` rejects, comes back as problems with their line, so one bad file is a finding
and the other files are still checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..config import Config, load_config, nearest_project, repository_root
from ..errors import CatalogError, L10nError, decode_utf8, read_input
from ..fileops import digest_of
from ..po.catalog import parse_catalog
from ..po.validate import Problem, validate_po

CATALOG_SUFFIXES = (".po",)


@dataclass(frozen=True)
class LoadedCatalog:
    path: Path
    display: str  # the path shown in findings (relative to the repository root)
    po: polib.POFile | None  # None: the file could not be read into entries
    problems: list[Problem] = field(default_factory=list)
    msgstr_lines: dict = field(default_factory=dict)
    digest: str | None = None  # of the bytes read (None: none were)

    @property
    def unreadable(self) -> bool:
        return self.po is None


@dataclass(frozen=True)
class Group:
    """Catalogs that share a configuration (None: outside any project)."""

    config: Config | None
    paths: list[Path]
    base: Path | None  # paths in findings are relative to this folder (the repository
    # root, else the project root); None: shown as given
    where: Path | None = None  # what was searched, for the no-catalogs finding

    def display(self, path: Path) -> str:
        if self.base is None:  # outside any repository and project: as the user gave it
            return path.as_posix()
        return display_path(path, self.base)


def display_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` (posix), or absolute when it lies outside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def _base(folder: Path) -> Path:
    return repository_root(folder) or folder.resolve()


def project_group(config: Config, paths: list[Path]) -> Group:
    """The project's own catalogs (``l10n check`` without arguments)."""
    return Group(config, paths, _base(config.root), where=config.locales)


def gather(arguments: list[Path], *, project: Path | None = None) -> list[Group]:
    """The catalogs named by ``arguments`` (files, or folders searched for ``*.po``),
    grouped by the configuration found upward from each (or ``project``'s for all)."""
    fixed = load_config(project) if project is not None else None
    files: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            files += _catalogs_below(argument)
        else:
            files.append(argument)  # a missing file is reported when it is read
    groups: dict[Path | None, list[Path]] = {}
    configs: dict[Path | None, Config | None] = {}
    roots: dict[Path, Path | None] = {}  # folder -> its project root (cached)
    for path in dict.fromkeys(files):
        if fixed is not None:
            root = fixed.root
            configs[root] = fixed
        else:
            folder = Path(os.path.abspath(path)).parent
            if folder not in roots:
                roots[folder] = nearest_project(folder) if folder.exists() else None
            root = roots[folder]
            if root not in configs:
                configs[root] = load_config(root) if root is not None else None
        groups.setdefault(root, []).append(path)
    if not groups:
        config = fixed
        if config is None:
            start = arguments[0] if arguments else Path.cwd()
            root = nearest_project(start if start.is_dir() else start.parent) \
                if start.exists() else None
            config = load_config(root) if root is not None else None
        where = arguments[0] if len(arguments) == 1 else None
        return [Group(config, [], _base(config.root) if config else None, where)]
    return [Group(configs[root], paths,
                  _base(root) if root is not None else
                  repository_root(Path(os.path.abspath(paths[0])).parent))
            for root, paths in groups.items()]


def _catalogs_below(folder: Path) -> list[Path]:
    """The catalogs in ``folder`` and below, hidden folders and files left out; links to
    folders are not followed, and a folder that vanishes or cannot be read while we walk
    (``/proc``, a build in progress) is skipped rather than ending the run."""
    found = []
    for top, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += [Path(top) / name for name in names if not name.startswith(".")
                  and Path(name).suffix in CATALOG_SUFFIXES]
    return sorted(found)


def load_catalog(path: Path, display: str) -> LoadedCatalog:
    """The catalog at ``path`` with what msgfmt --check would say about it; never raises
    for the file's content (a missing or unreadable file is a problem too)."""
    try:
        data = read_input(path, CatalogError, what="catalog",
                          missing_hint="check the path, or run 'l10n update' to create it")
        text = decode_utf8(data, path, CatalogError,
                           hint="convert the file with msgconv --to-code=UTF-8")
    except L10nError as exc:
        return LoadedCatalog(path, display, None, [_problem(exc, "unreadable")])
    digest = digest_of(data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return LoadedCatalog(path, display, None, [Problem(
            line, 0, "unreadable", "file contains a NUL byte; restore it from version control")],
            digest=digest)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    validation = validate_po(text)
    problems = list(validation.problems)
    try:
        po = parse_catalog(text, path=path)
    except L10nError as exc:
        if not any(p.kind in ("syntax", "duplicate") for p in problems):
            problems.append(_problem(exc, "syntax"))
        return LoadedCatalog(path, display, None, problems, validation.msgstr_lines, digest)
    return LoadedCatalog(path, display, po, problems, validation.msgstr_lines, digest)


def _problem(exc: L10nError, kind: str) -> Problem:
    hint = f"; {exc.hint}" if exc.hint else ""
    return Problem(exc.line or 0, 0, kind, f"{exc.message}{hint}")
