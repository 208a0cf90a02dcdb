"""Typed errors. Each carries the path and line it is about and knows its exit code.

Findings of QA checks are values, never exceptions; these are for input the tool
cannot work with. The CLI prints ``error: path:line: what is wrong; what to do``.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


def printable(text: str, *, keep: str = "") -> str:
    """``text`` for a terminal or a log: control and format characters (from file names or
    values: ``\x1b``, ``\x1e``, a line break, U+202E) shown as escapes, so that nothing
    read from input can move the cursor, colour the screen or split a line. ``keep``
    names characters left as they are (for a format that escapes them itself)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " or c in keep else repr(c)[1:-1]
                   for c in text)


def os_hint(exc: OSError, *, writing: bool = False) -> str:
    """What to do about a failed read or write, from its errno."""
    import errno

    hints = {errno.EACCES: "check the permissions of the file and its folder",
             errno.EPERM: "check the permissions of the file and its folder",
             errno.ENOSPC: "free disk space; nothing was changed",
             errno.EDQUOT: "free disk space (the quota is reached); nothing was changed",
             errno.EROFS: "the file system is read-only; write somewhere else",
             errno.ENOENT: "check the path",
             errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
             errno.EISDIR: "give the path of a file, not a folder",
             errno.ELOOP: "l10n never follows a link here; replace the link by a file",
             errno.ENAMETOOLONG: "use a shorter name"}
    return hints.get(exc.errno or 0, "check the file and run the command again" if not
                     writing else "check the folder is writable and run the command again")


class L10nError(Exception):
    """Base class: something the user must fix before l10n can go on."""

    exit_code = EXIT_INPUT

    def __init__(
        self, message: str, *, path: Path | str | None = None, line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self._path = path  # a Path when asked for: pathlib's import is not paid up front
        self.line = line
        self.hint = hint

    @property
    def path(self) -> Path | None:
        """The file it is about (None: none)."""
        if self._path is None:
            return None
        from pathlib import Path

        return Path(self._path)

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f"; {self.hint}" if self.hint else ""
        return f"{where}{self.message}{hint}"


class ConfigError(L10nError):
    """The project configuration is missing or wrong."""

    exit_code = EXIT_USAGE


class SourceError(L10nError):
    """An essay cannot be read (encoding, line ends, empty, missing)."""


class CatalogError(L10nError):
    """A PO/POT file cannot be read or written."""


class GlossaryError(L10nError):
    """glossary.csv is malformed."""


class PublishError(L10nError):
    """The site cannot be built."""


class Interrupted(BaseException):  # noqa: N818 (a signal, like KeyboardInterrupt)
    """Ctrl-C. Not a KeyboardInterrupt, which typer turns into a silent exit; like it, a
    BaseException, so that no ``except Exception`` swallows it and every ``with`` block
    (transactions, worker pools) unwinds."""


def interrupt_once(signum=None, frame=None) -> None:
    """SIGINT handler: the first Ctrl-C unwinds; a second, during that cleanup, ends the
    process at once (still without a traceback).

    A process forked from the one that installed it (a pool worker before its initializer
    has set SIGINT aside, the terminal's Ctrl-C reaching the whole group) ignores it: the
    parent unwinds and its workers die with it; raising there would print the worker's
    traceback on the shared standard error."""
    import signal

    if os.getpid() != _MAIN_PID:
        return
    signal.signal(signal.SIGINT, lambda *_: os._exit(EXIT_INTERRUPTED))
    raise Interrupted


_MAIN_PID = os.getpid()  # the process that imported this module: the command's own


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class ConcurrentRunError(L10nError):
    """Another l10n process holds the project lock, or a file changed under us."""


# The largest input file l10n reads (an essay, a catalog, a glossary, a configuration).
# A 100,000-entry catalog is about 25 MB; anything this large is a mistake or an attack.
MAX_INPUT_BYTES = 128 * 1024 * 1024


def read_input(path: Path, error: type[L10nError], *, what: str, missing_hint: str,
               limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file, or one typed error saying what is wrong.

    Only regular files are read: a device (``/dev/zero``), a FIFO or a socket is refused
    before a byte is read (a FIFO is opened without blocking), and so is a file larger
    than ``limit`` bytes.
    """
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise error("is a symbolic link to a missing file", path=path,
                        hint="l10n never writes through a link; replace the link by a file "
                             "or remove it") from exc
        raise error(f"no such {what}", path=path, hint=missing_hint) from exc
    except IsADirectoryError as exc:
        raise error(f"{what} is a folder, not a file", path=path,
                    hint="give the path of a file") from exc
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=path, hint=os_hint(exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{what} is a folder, not a file", path=path,
                        hint="give the path of a file")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{what} is not a regular file (a device, FIFO or socket)", path=path,
                        hint="give the path of an ordinary file")
        if info.st_size > limit:
            raise error(f"{what} is too large ({info.st_size:,} bytes; the limit is "
                        f"{limit:,})", path=path, hint="split the file")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 22):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while we read
                raise error(f"{what} is too large (the limit is {limit:,} bytes)", path=path,
                            hint="split the file")
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=path, hint=os_hint(exc)) from exc
    finally:
        os.close(fd)


def decode_utf8(data: bytes, path: Path | str, error: type[L10nError], *, hint: str,
                bom_ok: bool = True) -> str:
    """UTF-8 text of ``data`` (a leading BOM dropped if ``bom_ok``); the bad line otherwise."""
    if bom_ok and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error("not valid UTF-8", path=path, line=line, hint=hint) from exc
