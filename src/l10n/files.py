"""Files written safely: atomically (temporary file in the same folder, fsync, rename),
only when their bytes change, and never over a file that changed since it was read.

The one place that writes project files; every layer that writes uses it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .errors import CatalogError, ConcurrentRunError


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None if it does not exist (for change detection)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror}", path=path,
                           hint="give the path of a regular file") from exc


def write_text_atomic(path: Path, text: str, *, expected_digest: str | None = "any",
                      encoding: str = "utf-8") -> bool:
    """Write ``text`` to ``path`` atomically; return False when the bytes are unchanged.

    ``expected_digest`` is the digest the file had when it was read (None: it did not
    exist). If the file changed since, a translator saved it while we worked: refuse
    rather than overwrite their work.
    """
    data = text.encode(encoding)
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # write through a link to the file it names
    if path.exists() and not path.is_file():
        raise CatalogError("not a regular file", path=path,
                           hint="give the path of a file to write, not a folder or device")
    current = file_digest(path)
    if expected_digest != "any" and current != expected_digest:
        raise ConcurrentRunError("file changed on disk while l10n was working", path=path,
                                 hint="run the command again; nothing was overwritten")
    if current is not None and current == hashlib.sha256(data).hexdigest():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CatalogError(f"cannot write: {exc.strerror}", path=path,
                           hint="check the folder exists and is writable") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CatalogError(f"cannot write: {exc.strerror}", path=path,
                           hint="check the file and folder are writable") from exc
    return True
