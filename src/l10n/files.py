"""Files written safely: the one place that writes project files.

Every write is staged first (a temporary file beside the target, written and fsynced)
and committed later by a rename, so a file is always either its old or its new self.
The staged files are fsynced together, before the first rename (as git's batched object
writes are): up to ``_UNSYNCED`` of them stay open, written but not yet synced, so the
kernel writes their data back side by side instead of one file at a time, and each is
still synced through the descriptor it was written by (a writeback error is seen). A
:class:`Transaction` stages every output of a run and commits them together only when
all are ready: a run that fails (bad input, disk full, a file changed under us) changes
nothing.

No symlink is followed on write: the folders from the transaction's root down to each
file are opened one by one with ``O_NOFOLLOW`` and the temporary file and the rename
work on those folder descriptors, so a link anywhere below the root (even one swapped in
while we run) is refused rather than written through.

A translator's save is never overwritten. A file read at the start of a run carries the
digest it had then; at commit the new file is swapped in with one atomic exchange
(``renameat2(RENAME_EXCHANGE)``) and the file it displaced is compared with that digest.
If it differs, a translator saved while we worked: the exchange is undone, so their file
is back in place, and the run stops with nothing changed. A file that did not exist is
created with ``link`` (which fails if one appeared meanwhile). Where the kernel or file
system has no exchange, the digest is compared immediately before the rename.

A file this process saw itself (a write with the ``ANY`` digest, replaced only if it is
still what was there when it was staged) is compared by its bytes, which are kept while
they are small (``_KEPT``), rather than by digest: no hash to compute, and a small write
needs neither ``hashlib`` nor ``pathlib`` (paths are handled as strings, normalised as
``pathlib`` normalises them), whose imports were a sixth of a small ``l10n merge``.
"""

from __future__ import annotations

import os
import stat

from .errors import CatalogError, ConcurrentRunError, os_hint
from .fileops import (
    absolute,
    digest_at,
    digest_of,
    exchange,
    fsync_quietly,
    hasher,
    matches_seen,
    read_nofollow,
    split_path,
    unlink_quietly,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

ANY = "any"  # expected digest: no check (a file only l10n writes)
# bytes of the files a transaction saw that it keeps to compare them by (beyond: digests)
_KEPT = 32 << 20


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None if it does not exist (for change detection).

    A symlink is not followed and a file that is not a regular file is refused.
    """
    data = read_nofollow(path, path)
    return None if data is None else digest_of(data)


def write_chunks_atomic(path: Path, chunks: Iterable[bytes], *,
                        root: Path | None = None) -> None:
    """Write the bytes ``chunks`` make to ``path`` atomically, never holding them whole
    (``Transaction.write_chunks``): a large cache file."""
    with Transaction(root) as transaction:
        transaction.write_chunks(path, chunks)


def write_text_atomic(path: Path, text: str, *, expected_digest: str | None = ANY,
                      root: Path | None = None, encoding: str = "utf-8") -> bool:
    """Write ``text`` to ``path`` atomically; return False when the bytes are unchanged.

    ``expected_digest`` is the digest the file had when it was read (None: it did not
    exist). If the file changed since, a translator saved it while we worked: refuse
    rather than overwrite their work. One file is a transaction of its own.
    """
    with Transaction(root) as transaction:
        return transaction.write_text(path, text, expected_digest=expected_digest,
                                      encoding=encoding)


class _Staged:
    """A staged file (a plain class: importing dataclasses, with inspect, was a tenth of
    a small ``l10n merge``)."""

    __slots__ = ("path", "folder", "temporary", "name", "expected", "data_digest", "swapped")

    def __init__(self, path: str, folder: int, temporary: str, name: str,
                 expected: bytes | str | None, data_digest: str | None) -> None:
        self.path = path  # absolute (``absolute``)
        self.folder = folder  # descriptor of the target's folder
        self.temporary = temporary  # name of the staged file in that folder
        self.name = name
        self.expected = expected  # what must be in place at commit (``matches_seen``)
        self.data_digest = data_digest  # for the journal (None: there is none)
        self.swapped = False


# staged files kept open, written but not yet fsynced, before a batch of them is synced
_UNSYNCED = 64


def _token() -> str:
    """Eight random hex digits for a temporary name (as ``secrets.token_hex(4)``, without
    importing secrets and random)."""
    return os.urandom(4).hex()


class Transaction:
    """Stage files with :meth:`write_text` or :meth:`write_bytes`; :meth:`commit` puts
    them all in place.

    Use as a context manager: it commits when the block ends normally and discards every
    staged file when it raises. ``root`` is the folder below which every path must lie
    and no link is followed (default: each file's own folder).

    With a ``journal`` (a file below the root), the list of renames is written there
    before the first one and removed after the last: a process killed in between leaves
    it, and :func:`recover` (called by the next run, under the project lock) completes
    the commit, so the set of files is never half old, half new for longer than that.
    """

    def __init__(self, root: Path | None = None, *, journal: Path | None = None) -> None:
        self.root = absolute(root) if root is not None else None
        self.journal = absolute(journal) if journal is not None else None
        self._staged: list[_Staged] = []
        self._folders: dict[str, int] = {}
        self._removals: list[tuple[int, str, str]] = []
        self._unsynced: list[tuple[int, str]] = []  # staged, written, not yet fsynced
        self._kept = 0  # bytes of seen files kept (``_KEPT``)
        self._done = False

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    # ------------------------------------------------------------------ staging

    def write_text(self, path: Path, text: str, *, expected_digest: str | None = ANY,
                   encoding: str = "utf-8") -> bool:
        """Stage ``text`` for ``path`` (in ``encoding``); False (nothing staged) when the
        bytes are the same."""
        return self.write_bytes(path, text.encode(encoding), expected_digest=expected_digest)

    def write_bytes(self, path: Path, data: bytes, *, expected_digest: str | None = ANY
                    ) -> bool:
        """Stage ``data`` for ``path``; False (nothing staged) when the bytes are the same."""
        return self._write(path, data, expected_digest, whole=True)

    def write_chunks(self, path: Path, chunks: Iterable[bytes], *,
                     expected_digest: str | None = ANY) -> bool:
        """Stage for ``path`` the bytes ``chunks`` make, one piece at a time (a large
        cache file, never held whole): always staged, even where it is the file in place,
        which is remembered by its digest. True."""
        return self._write(path, chunks, expected_digest, whole=False)

    def _write(self, path: Path, data: bytes | Iterable[bytes], expected_digest: str | None,
               *, whole: bool) -> bool:
        """Stage ``data``: the bytes (``whole``), or an iterable of pieces of them."""
        path = absolute(path)
        parent, name = split_path(path)
        folder = self._folder(parent, path)
        current = self._current(folder, path)
        if expected_digest != ANY and not matches_seen(current, expected_digest):
            raise ConcurrentRunError("file changed on disk while l10n was working", path=path,
                                     hint="run the command again; nothing was overwritten")
        if whole and current is not None and current == data:
            return False
        if any(item.path == path for item in self._staged):
            raise CatalogError("two outputs of this run have the same name", path=path,
                               hint="rename one of the essays or files")
        mode = 0o644
        if current is not None:
            info = os.stat(name, dir_fd=folder, follow_symlinks=False)
            mode = stat.S_IMODE(info.st_mode)
            if not mode & 0o200 or not os.access(name, os.W_OK, dir_fd=folder):
                raise CatalogError("file is read-only", path=path,
                                   hint="make it writable (chmod u+w) to let l10n update it")
        temporary = f".{name[:200]}.{_token()}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                         | os.O_CLOEXEC, 0o600, dir_fd=folder)
        except OSError as exc:
            raise CatalogError(f"cannot write: {exc.strerror}", path=path,
                               hint="check the folder is writable") from exc
        staged = _Staged(path, folder, temporary, name,
                         None if expected_digest == ANY else expected_digest,
                         digest_of(data) if whole and self.journal is not None else None)
        self._staged.append(staged)  # from here on, abort() removes it
        digest = None if whole or self.journal is None else hasher()
        try:
            for chunk in (data,) if whole else data:
                if digest is not None:
                    digest.update(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
            os.fchmod(fd, mode)
        except OSError as exc:
            os.close(fd)
            raise CatalogError(f"cannot write: {exc.strerror}", path=path,
                               hint="free disk space or check the folder; nothing was changed"
                               ) from exc
        except BaseException:
            os.close(fd)  # what made the chunks failed: abort() removes the staged file
            raise
        if digest is not None:
            staged.data_digest = digest.hexdigest()
        self._unsynced.append((fd, path))  # fsynced with others (_sync), then closed
        if len(self._unsynced) >= _UNSYNCED:
            self._sync()
        if expected_digest == ANY and current is not None:
            # replaced only if still what we saw: compared by its bytes while they are few
            if whole and self._kept + len(current) <= _KEPT:
                staged.expected = current
                self._kept += len(current)
            else:
                staged.expected = digest_of(current)
        return True

    def _sync(self) -> None:
        """fsync and close every staged file still open; the first failure raises (and
        every descriptor is closed)."""
        pending, self._unsynced = self._unsynced, []
        failure = None
        for fd, path in pending:
            try:
                if failure is None:
                    os.fsync(fd)
            except OSError as exc:
                failure = CatalogError(f"cannot write: {exc.strerror}", path=path,
                                       hint="free disk space or check the folder; nothing "
                                            "was changed")
            finally:
                os.close(fd)
        if failure is not None:
            raise failure

    def remove(self, path: Path) -> None:
        """Remove ``path`` (if it exists) when the transaction commits."""
        path = absolute(path)
        parent, name = split_path(path)
        folder = self._folder(parent, path, create=False)
        if folder >= 0:
            self._removals.append((folder, name, path))

    def _current(self, folder: int, path: str) -> bytes | None:
        return read_nofollow(split_path(path)[1], path, dir_fd=folder)

    def _folder(self, folder: str, target: str, *, create: bool = True) -> int:
        """A descriptor of ``folder`` (absolute), opened component by component from the
        root without following a link (created where missing); -1 if absent and not
        ``create``."""
        if folder in self._folders:
            return self._folders[folder]
        root = self.root if self.root is not None else folder
        if folder == root:
            parts: list[str] = []
        elif folder.startswith(root.rstrip("/") + "/"):  # Path.relative_to
            parts = folder[len(root.rstrip("/")) + 1:].split("/")
        else:
            raise CatalogError("refusing to write outside the project", path=target,
                               hint=f"outputs must lie below {root}") from None
        if ".." in parts:
            raise CatalogError("refusing to write outside the project", path=target,
                               hint="a path must not contain '..'")
        try:
            fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError:
            if not create:
                return -1
            try:
                os.makedirs(root, exist_ok=True)
                fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            except OSError as exc:
                raise CatalogError(f"cannot create folder: {exc.strerror}", path=root,
                                   hint=os_hint(exc, writing=True)) from exc
        except OSError as exc:
            raise CatalogError(f"cannot open folder: {exc.strerror}", path=root,
                               hint="check the folder exists and is a folder") from exc
        where = root
        for part in parts:
            where = f"{where.rstrip('/')}/{part}"
            try:
                child = self._open_child(fd, part, where, target, create)
            finally:
                os.close(fd)
            if child < 0:
                return -1
            fd = child
        self._folders[folder] = fd
        return fd

    @staticmethod
    def _open_child(fd: int, part: str, where: str, target: str, create: bool) -> int:
        flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            return os.open(part, flags, dir_fd=fd)
        except FileNotFoundError:
            if not create:
                return -1
        except OSError as exc:
            if os.path.islink(where):
                raise CatalogError("is a symbolic link; refusing to write through it",
                                   path=where, hint=f"replace the link by a folder to write "
                                   f"{split_path(target)[1]}") from exc
            raise CatalogError(f"not a folder ({exc.strerror})", path=where,
                               hint=f"cannot write {split_path(target)[1]} below it") from exc
        try:
            os.mkdir(part, 0o777, dir_fd=fd)
        except FileExistsError:
            pass
        except OSError as exc:
            raise CatalogError(f"cannot create folder: {exc.strerror}", path=where,
                               hint=os_hint(exc, writing=True)) from exc
        try:
            return os.open(part, flags, dir_fd=fd)
        except OSError as exc:
            raise CatalogError(f"cannot open folder: {exc.strerror}", path=where,
                               hint=os_hint(exc, writing=True)) from exc

    # ------------------------------------------------------------------ commit

    def commit(self) -> None:
        """Put every staged file in place, or (a translator saved one meanwhile) none."""
        if self._done:
            return
        try:
            self._sync()  # every staged file on disk before anything is renamed
            for item in self._staged:  # a cheap first look: nothing renamed yet
                self._verify(item)
            self._write_journal()
            committed: list[_Staged] = []
            try:
                for item in self._staged:
                    self._swap_in(item)
                    committed.append(item)
            except BaseException:
                for item in reversed(committed):
                    self._undo(item)
                self._remove_journal()
                raise
            for folder, name, _ in self._removals:
                try:
                    os.unlink(name, dir_fd=folder)
                except FileNotFoundError:
                    pass
            for item in self._staged:
                if item.swapped:  # the displaced old file, now under the temporary name
                    unlink_quietly(item.folder, item.temporary)
            for fd in set(self._folders.values()):
                fsync_quietly(fd)
            self._remove_journal()
            self._staged.clear()
        finally:
            self.abort()

    def _write_journal(self) -> None:
        if self.journal is None or len(self._staged) < 2:
            return
        parent, name = split_path(self.journal)
        folder = self._folder(parent, self.journal)
        entries = [{"path": item.path, "temporary": item.temporary,
                    "digest": item.data_digest,
                    "expected": digest_of(item.expected) if isinstance(item.expected, bytes)
                    else item.expected}
                   for item in self._staged]
        import json

        data = json.dumps({"renames": entries}, ensure_ascii=False).encode("utf-8")
        temporary = f".{name}.{_token()}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                         | os.O_CLOEXEC, 0o644, dir_fd=folder)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
            os.fsync(folder)
        except OSError as exc:
            unlink_quietly(folder, temporary)
            raise CatalogError(f"cannot write: {exc.strerror}", path=self.journal,
                               hint="free disk space or check the folder; nothing was changed"
                               ) from exc

    def _remove_journal(self) -> None:
        if self.journal is not None and len(self._staged) >= 2:
            parent, name = split_path(self.journal)
            folder = self._folder(parent, self.journal)
            unlink_quietly(folder, name)
            fsync_quietly(folder)


    def abort(self) -> None:
        """Discard every staged file; the files in place are untouched."""
        for fd, _ in self._unsynced:
            os.close(fd)
        self._unsynced.clear()
        for item in self._staged:
            unlink_quietly(item.folder, item.temporary)
        self._staged.clear()
        for fd in self._folders.values():
            os.close(fd)
        self._folders.clear()
        self._done = True

    def _verify(self, item: _Staged) -> None:
        if not matches_seen(self._current(item.folder, item.path), item.expected):
            raise ConcurrentRunError("file changed on disk while l10n was working",
                                     path=item.path,
                                     hint="run the command again; nothing was overwritten")

    def _swap_in(self, item: _Staged) -> None:
        if item.expected is None:  # create: fails if the file appeared meanwhile
            try:
                os.link(item.temporary, item.name, src_dir_fd=item.folder,
                        dst_dir_fd=item.folder, follow_symlinks=False)
            except FileExistsError:
                raise ConcurrentRunError("file appeared on disk while l10n was working",
                                         path=item.path, hint="run the command again; "
                                         "nothing was overwritten") from None
            except OSError as exc:
                raise CatalogError(f"cannot write: {exc.strerror}", path=item.path,
                                   hint=os_hint(exc, writing=True)) from exc
            unlink_quietly(item.folder, item.temporary)
            item.temporary = ""
            return
        if exchange(item.folder, item.temporary, item.name):
            item.swapped = True  # the old file is now at item.temporary: is it what we read?
            displaced = read_nofollow(item.temporary, item.temporary, dir_fd=item.folder)
            if not matches_seen(displaced, item.expected):
                exchange(item.folder, item.temporary, item.name)
                item.swapped = False
                raise ConcurrentRunError("file changed on disk while l10n was working",
                                         path=item.path,
                                         hint="run the command again; nothing was overwritten")
            return
        self._verify(item)  # no exchange here: compare right before the rename
        try:
            os.replace(item.temporary, item.name, src_dir_fd=item.folder,
                       dst_dir_fd=item.folder)
        except OSError as exc:
            raise CatalogError(f"cannot write: {exc.strerror}", path=item.path,
                               hint=os_hint(exc, writing=True)) from exc
        item.temporary = ""

    @staticmethod
    def _undo(item: _Staged) -> None:
        """Put back the old file of an item already committed (a later item failed)."""
        if item.swapped:
            exchange(item.folder, item.temporary, item.name)
            item.swapped = False
        elif item.expected is None and not item.temporary:
            unlink_quietly(item.folder, item.name)


def transaction(root: Path | None = None) -> Transaction:
    """``with transaction(root) as t:``: every write staged in the block commits together
    (a Transaction is its own context manager: contextlib's import is not paid for it)."""
    return Transaction(root)


def recover(journal: Path, root: Path) -> int:
    """Complete the commit a killed run left in ``journal``; the number of files put in
    place. A file that changed since (a translator's save) is left as it is."""
    journal = absolute(journal)
    try:
        if os.path.islink(journal) or not os.path.isfile(journal):
            return 0
        import json

        with open(journal, encoding="utf-8") as lines:
            entries = json.loads(lines.read())["renames"]
    except (OSError, ValueError, KeyError, TypeError):
        entries = []  # unreadable: a torn journal is never used (it was written atomically)
    done = 0
    with Transaction(root) as lookup:
        for entry in entries:
            path = absolute(entry["path"])
            parent, name = split_path(path)
            folder = lookup._folder(parent, path, create=False)
            if folder < 0:
                continue
            current = digest_at(folder, name)
            staged = digest_at(folder, entry["temporary"])
            if current != entry["digest"] and staged == entry["digest"] \
                    and current == entry["expected"]:
                os.replace(entry["temporary"], name, src_dir_fd=folder,
                           dst_dir_fd=folder)
                done += 1
            else:  # in place already (the old file under the temporary name), or changed
                unlink_quietly(folder, entry["temporary"])
        parent, name = split_path(journal)
        folder = lookup._folder(parent, journal, create=False)
        if folder >= 0:
            unlink_quietly(folder, name)
    return done
