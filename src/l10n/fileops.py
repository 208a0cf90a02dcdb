"""The system calls under ``files.py``: paths as strings, files read without following a
link, digests, and the atomic exchange of two names in a folder.

Paths are handled as strings, normalised as ``pathlib`` normalises them (``absolute``),
and digests are made only where asked (``digest_of``): a small ``l10n merge`` imports
neither ``pathlib`` nor ``hashlib``, whose imports were a sixth of its time.
"""

from __future__ import annotations

import errno
import os
import stat

from .errors import CatalogError, os_hint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def hasher():
    """A SHA-256 hash object: ``digest_of``'s, fed a piece at a time."""
    import hashlib

    return hashlib.sha256()


def digest_of(data: bytes) -> str:
    found = hasher()
    found.update(data)
    return found.hexdigest()


def matches_seen(data: bytes | None, seen: bytes | str | None) -> bool:
    """Is a file's content ``data`` (None: no file) what was seen: the same bytes, the
    same digest (a caller's, or ours for a large file), or no file either?"""
    if data is None or seen is None:
        return data is seen
    return data == seen if isinstance(seen, bytes) else digest_of(data) == seen


def absolute(path: Path | str) -> str:
    """``str(Path(path).absolute())``: the current folder before a relative path, and
    ``pathlib``'s normalisation (repeated slashes, ``.`` parts and a trailing slash
    dropped, ``..`` kept, two leading slashes kept as POSIX says)."""
    text = os.fspath(path)
    if not text.startswith("/"):
        text = f"{os.getcwd()}/{text}"
    head = "//" if text[:2] == "//" and text[2:3] != "/" else "/"
    return head + "/".join(part for part in text.split("/") if part and part != ".")


def split_path(path: str) -> tuple[str, str]:
    """An absolute path's folder and name (``Path.parent``, ``Path.name``)."""
    cut = path.rfind("/")
    folder = path[:cut]
    return (folder if folder.strip("/") else path[:cut + 1]), path[cut + 1:]


def read_nofollow(name: Path | str, path: Path | str, *, dir_fd: int | None = None
                   ) -> bytes | None:
    """The bytes of ``name`` (relative to ``dir_fd`` if given), opened without following
    a link; None if it does not exist. ``path`` names it in errors."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                     dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CatalogError("is a symbolic link", path=path,
                               hint="l10n never writes through a link; replace the link "
                                    "by a file or remove it") from exc
        raise CatalogError(f"cannot read: {exc.strerror}", path=path,
                           hint="give the path of a regular file") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CatalogError("not a regular file", path=path,
                               hint="give the path of a file, not a folder or device")
        chunks = []
        while chunk := os.read(fd, 1 << 22):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def digest_at(folder: int, name: str) -> str | None:
    data = read_nofollow(name, name, dir_fd=folder)
    return None if data is None else digest_of(data)


def unlink_quietly(folder: int, name: str) -> None:
    if name:
        try:
            os.unlink(name, dir_fd=folder)
        except OSError:
            pass


def fsync_quietly(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError:
        pass


_RENAME_EXCHANGE = 2
_renameat2 = None
_NO_EXCHANGE = False


def exchange(folder: int, first: str, second: str) -> bool:
    """Swap two names in ``folder`` atomically; False where the system cannot."""
    global _renameat2, _NO_EXCHANGE
    if _NO_EXCHANGE:
        return False
    import ctypes

    if _renameat2 is None:
        try:
            # the C library this process runs with (find_library would run ldconfig in a
            # subprocess: a third of a small merge's time)
            libc = ctypes.CDLL(None, use_errno=True)
            _renameat2 = libc.renameat2
            _renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                   ctypes.c_char_p, ctypes.c_uint]
        except (OSError, AttributeError):
            _NO_EXCHANGE = True
            return False
    result = _renameat2(folder, os.fsencode(first), folder, os.fsencode(second),
                        _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        _NO_EXCHANGE = True
        return False
    raise CatalogError(f"cannot write: {os.strerror(code)}", path=second,
                       hint=os_hint(OSError(code, os.strerror(code)), writing=True))
