"""The project's ``.l10n-cache`` folder: analyser results kept between runs.

Each cache is one JSON file in the folder (``cache`` in ``[tool.l10n]`` moves it,
``cache = ""`` turns it off) holding records keyed by a digest of the text they were made
from, under a fingerprint of what made them (l10n's version, the analysers' versions and
a digest of the code that reads their output). A different fingerprint discards the file
silently, so a result from another analyser is never reused; a file that cannot be read
or written is reported as a warning and ignored, never an error: a cache only saves
time. Files are written atomically, with a ``.gitignore`` that keeps the folder out of
version control, as ``.pytest_cache`` does.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import ClassVar

from .errors import L10nError
from .files import write_chunks_atomic, write_text_atomic


def code_fingerprint(packages: tuple, modules: tuple, label: str) -> str:
    """l10n's version, the ``packages``' versions and a digest of the ``modules``' code:
    what a cache of analyser results must match to be used. A package is its module's
    name, or (module, distribution) where it was installed under another name."""
    from . import __version__

    pairs = [package if isinstance(package, tuple) else (package, None)
             for package in packages]
    versions = [f"{module} {installed_version(module, distribution)}"
                for module, distribution in pairs]
    code = hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in modules)
                          ).hexdigest()[:16]
    return f"l10n {__version__}; {'; '.join(versions)}; {label} {code}"


@cache
def installed_version(package: str, distribution: str | None = None) -> str:
    """An installed package's version, looked up once a process; ``distribution``: the
    name it was installed under where that is not the module's (``markdown_it_py``).

    Read from the name of the ``NAME-VERSION.dist-info`` folder beside the package, as the
    installer wrote it (the package is located, not imported); importlib.metadata, which
    with the email parser it imports is a tenth of a small check's start-up, only where
    that folder is not there to read (an editable or unusual install).
    """
    from importlib.util import find_spec

    spec = find_spec(package)
    name = (distribution or package).lower() + "-"  # NAME-VERSION, "_" for "-" in NAME
    if spec is not None and spec.origin:
        origin = Path(spec.origin)  # a package's __init__.py, or a one-file module (polib)
        folder = origin.parent.parent if spec.submodule_search_locations else origin.parent
        found = [path.name for path in folder.glob("*.dist-info")
                 if path.name.lower().startswith(name)]
        if len(found) == 1:
            return found[0][len(name):-len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution or package)
    except PackageNotFoundError:  # pragma: no cover - all are dependencies
        return "?"


@cache
def package_fingerprint(packages: tuple, label: str) -> str:
    """``code_fingerprint`` over the whole of l10n: a digest of every file of the package
    (its code and the data it reads, by path and content), so that any change to
    ``src/l10n`` discards a cache that depends on more than a few modules."""
    python = ".".join(map(str, sys.version_info[:3]))
    return (f"{code_fingerprint(packages, (), label)}; python {python}; "
            f"package {_package_digest()}")


@cache
def _package_digest() -> str:
    """Every file of the package, by path and content: read once a process (the findings
    cache, the QA gate's counts and update's essay record all ask)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_key(text: str) -> str:
    """The cache key of a text: a short digest."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


class RecordCache:
    """One JSON file of the cache folder: ``records`` by text key, under a fingerprint.

    A subclass names its file, the JSON member its records live in, what it holds (for
    the warnings) and the function that says what made the records (``FINGERPRINT``).
    Validating a record is the subclass's business: an entry that does not fit its text
    is never trusted.
    """

    FILE_NAME: ClassVar[str]
    SECTION: ClassVar[str]
    WHAT: ClassVar[str]  # "segmentation cache", ...
    EXTRA: ClassVar[tuple[str, ...]] = ()  # further members, tables of word lists
    FINGERPRINT: ClassVar[Callable[[], str]]  # staticmethod(module's fingerprint)

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / self.FILE_NAME if folder is not None else None
        self.records: dict = {}
        self.extra: dict[str, dict[str, list[str]]] = {name: {} for name in self.EXTRA}
        self.dirty = False
        if self.path is not None:
            self._load()

    def _load(self) -> None:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except NotADirectoryError:
            self.dirty = True  # a file where the folder should be: saving will say so
            return
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            warn(f"{self.path}: unreadable {self.WHAT} ignored ({exc})")
            self.dirty = True  # rewrite it
            return
        if not isinstance(data, dict) or not isinstance(data.get(self.SECTION), dict):
            warn(f"{self.path}: malformed {self.WHAT} ignored")
            self.dirty = True
            return
        if data.get("fingerprint") != self.FINGERPRINT():
            self.dirty = True  # another analyser: start afresh, silently (expected)
            return
        self.records = data[self.SECTION]
        self.extra = {name: _word_lists(data.get(name)) for name in self.EXTRA}

    def keep_only(self, keys) -> None:
        """Forget every record whose key is not in ``keys`` (records of text gone)."""
        keys = set(keys)
        if self.path is not None and set(self.records) != keys:
            self.records = {k: v for k, v in self.records.items() if k in keys}
            self.dirty = True

    def save(self) -> None:
        """Write the file if anything changed."""
        if self.path is None or not self.dirty:
            return
        document = {"fingerprint": self.FINGERPRINT(), self.SECTION: self.records,
                    **self.extra}
        try:
            write_chunks_atomic(self.path, json_chunks(document, self.SECTION))
            write_text_atomic(self.path.parent / ".gitignore", "# made by l10n\n*\n")
        except L10nError as exc:
            warn(f"{self.WHAT} not saved: {exc}")
            return
        self.dirty = False


# records of a section dumped at a time: a 100k-entry catalog's findings are tens of MB
# of JSON, which as one string, its UTF-8 bytes and the file they replace were 130 MB
JSON_BATCH = 4096


def json_chunks(document: dict, section: str) -> Iterator[bytes]:
    """``json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)``
    in UTF-8, the same bytes, made a piece at a time: ``document[section]`` (a dict) is
    dumped ``JSON_BATCH`` records at a time. A lone surrogate (a file name's byte that is
    not UTF-8, as ``os.fsdecode`` gives it) is written as its JSON escape, which reads
    back as the same string."""
    dump = partial(json.dumps, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    encode = partial(str.encode, encoding="utf-8", errors="backslashreplace")
    yield b"{"
    for number, name in enumerate(sorted(document)):
        value = document[name]
        yield (b"," if number else b"") + encode(dump(name)) + b":"
        if name != section or not isinstance(value, dict):
            yield encode(dump(value))
            continue
        keys = sorted(value)
        yield b"{"
        for start in range(0, len(keys), JSON_BATCH):
            part = dump({key: value[key] for key in keys[start:start + JSON_BATCH]})
            yield (b"," if start else b"") + encode(part[1:-1])
        yield b"}"
    yield b"}"


def _word_lists(data) -> dict[str, list[str]]:
    """The well-formed {form: [words]} items of a recorded table (none if it is not one)."""
    if not isinstance(data, dict):
        return {}
    return {form: found for form, found in data.items()
            if isinstance(found, list) and all(isinstance(word, str) for word in found)}
