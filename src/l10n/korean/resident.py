"""A resident Kiwi analyser: one server per user, started on demand, shared by later runs.

Every run that needs Kiwi pays its fixed cost (building the model, about 1.2 s of CPU, and
its first analysis, about 1.1 s) before a paragraph is segmented. As ``dmypy`` and
``eslint_d`` do, the first run that needs Kiwi starts a server that keeps it loaded and
later runs (of any project: Kiwi's configuration is the package's, ``korean/kiwi.py``)
send it their requests instead of loading it again. ``Resident`` is the client: the same
``submit``/``result``/``call`` as the forked child of ``korean.analyser`` (which starts
it), and the same fall-back: any failure (no server, no answer within ``TIMEOUT``, an
error in the server) redoes the work in-process, so a result never depends on the server.

- **Only pure Kiwi jobs** are served (``JOBS``: segmentation, tokens, top-n readings);
  the server has none of a run's state (its glossary stays in the client).
- **Safe**: the server lives in a per-user directory (``$L10N_RUNTIME_DIR``, else
  ``$XDG_RUNTIME_DIR/l10n``, else ``/tmp/l10n-<uid>``), mode 0700, refused if another user
  owns it or others may enter it; requests are pickles over a Unix socket
  (``multiprocessing.connection``) whose ``authkey`` is in a 0600 file there.
- **Keyed by the code that answers**: the socket is named by a digest of the package
  (``cache._package_digest``), the Python version and kiwipiepy's and its model's
  versions, so an upgraded l10n starts its own server and never asks an old one.
- **Bounded**: the server exits after ``L10N_ANALYSER_IDLE`` seconds without a request
  (default 600), when its socket is removed or replaced, on a request with another key,
  and on ``stop``. One server per key: it holds a lock file for its whole life, so a
  second one started at the same moment exits at once, and a socket left by a killed
  server is replaced.
- **Detached**: started with ``setsid``, its standard streams on /dev/null, every other
  descriptor closed and its folder ``/``, so a caller reading the CLI's output from a
  pipe is not kept waiting for an end of file; it forks once more so no run has it as a
  child to reap.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .analyser import Analyser, analyze_job, segment_job, tokenize_job

RUNTIME_ENV = "L10N_RUNTIME_DIR"
IDLE_ENV = "L10N_ANALYSER_IDLE"
TIMEOUT_ENV = "L10N_ANALYSER_TIMEOUT"
IDLE = 600.0  # seconds without a request before the server exits
TIMEOUT = 120.0  # seconds a request may wait for its answer (the first waits for the load)
CONNECT = 10.0  # seconds a server just started has to open its socket
JOBS = {job.__name__: job for job in (segment_job, tokenize_job, analyze_job)}


class UnsafeDirectory(Exception):
    """The runtime directory is another user's, or others may use it."""


# -- where the server lives ----------------------------------------------------------------
def runtime_dir(*, create: bool = True) -> Path:
    """The per-user directory of the server's socket and key, made 0700 if absent."""
    given = os.environ.get(RUNTIME_ENV)
    if given:
        folder = Path(given)
    elif os.environ.get("XDG_RUNTIME_DIR"):
        folder = Path(os.environ["XDG_RUNTIME_DIR"]) / "l10n"
    else:
        folder = Path("/tmp") / f"l10n-{os.getuid()}"
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True)
        except FileExistsError:
            pass
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        raise UnsafeDirectory(f"{folder} is not a directory of this user")
    if found.st_mode & 0o077:
        raise UnsafeDirectory(f"{folder} is open to other users (mode {found.st_mode & 0o777:o})")
    return folder


def read_authkey(folder: Path) -> bytes:
    """The secret of the 0600 key file (made now if absent)."""
    path = folder / "authkey"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "wb") as file:
            file.write(os.urandom(32).hex().encode())
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(descriptor, "rb") as file:
        found = os.fstat(file.fileno())
        if found.st_uid != os.getuid() or found.st_mode & 0o077:
            raise UnsafeDirectory(f"{path} is not this user's alone")
        key = file.read()
    if len(key) < 32:  # pragma: no cover - being written by another run this instant
        raise UnsafeDirectory(f"{path} is incomplete")
    return key


def _version_file(package: str) -> bytes:
    from importlib.util import find_spec

    spec = find_spec(package)  # a package's location, without importing it
    if spec is None or not spec.submodule_search_locations:
        return b"absent"
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        return str(folder).encode() + b"\0" + (folder / "_version.py").read_bytes()
    except OSError:
        return str(folder).encode()


def server_key() -> str:
    """The digest of the code a server would answer with: this package, Python, kiwipiepy
    and its model (their location and version)."""
    from ..cache import _package_digest

    digest = hashlib.sha256()
    for part in (_package_digest().encode(), sys.version.encode(), sys.executable.encode(),
                 _version_file("kiwipiepy"), _version_file("kiwipiepy_model")):
        digest.update(part + b"\0")
    return digest.hexdigest()[:20]


def socket_path(folder: Path, key: str) -> Path:
    return folder / f"analyser-{key}.sock"


def running() -> bool:
    """Whether a server of this code is there to ask (its socket exists), in the resident
    mode: a run that may need Kiwi but would not start an analyser for it (a small
    catalog) asks that server rather than load the model itself."""
    from .analyser import mode_of

    if mode_of(os.environ) != "resident":
        return False
    try:
        return socket_path(runtime_dir(create=False), server_key()).exists()
    except (OSError, UnsafeDirectory):
        return False


# -- the client ----------------------------------------------------------------------------
class Resident(Analyser):
    """A client of the resident server (it connects with its first request, in the
    sender thread, so a stuck server stalls no run); ``Analyser``'s requests and
    fall-back."""

    shares = False  # requests see none of the caller's objects (``analyser.shared``)

    def __init__(self, folder: Path, authkey: bytes, key: str, *,
                 started: bool = False) -> None:
        super().__init__(None, None)
        self._folder, self._authkey, self._key = folder, authkey, key
        self._address = socket_path(folder, key)
        self.started = started  # this run started the server

    @classmethod
    def start(cls, objects: dict[str, Any] | None = None) -> Resident | None:  # noqa: ARG003
        """A client of the running server, else of one started now; None where there can
        be none (an unsafe directory, no process)."""
        try:
            folder = runtime_dir()
            authkey = read_authkey(folder)
            key = server_key()
        except (OSError, UnsafeDirectory):
            return None
        import subprocess  # here: `check` imports this module for `running` alone

        address = socket_path(folder, key)
        started = False
        if not address.exists():  # no server: start one now, to load Kiwi meanwhile
            try:
                _spawn(folder, key)
            except (OSError, subprocess.SubprocessError):
                return None
            started = True
        return cls(folder, authkey, key, started=started)

    def _send(self, request) -> None:
        function, args, kwargs = request
        name = getattr(function, "__name__", None)
        if JOBS.get(name) is not function:
            raise OSError(f"{function!r} is not a job the resident analyser serves")
        if self._connection is None:  # in the sender thread: a stuck server stalls only it
            deadline = time.monotonic() + CONNECT
            while self._connection is None and time.monotonic() < deadline:
                try:
                    connection = _connect(self._address, self._authkey)
                except ConnectionRefusedError:  # a socket nobody listens on: replace it
                    if self.started:
                        time.sleep(0.01)
                        continue
                    _spawn(self._folder, self._key)
                    self.started = True
                except FileNotFoundError:  # the server just started has not bound yet
                    time.sleep(0.01)
                else:
                    if connection is None:  # the handshake failed: asking again cannot help
                        raise OSError("the resident analyser refused this run's key")
                    self._connection = connection
            if self._connection is None:
                raise OSError("no resident analyser answered")
        self._connection.send(("job", self._key, name, args, kwargs))

    def _wait_sent(self, request) -> None:
        # the request is written by then, or the connection stalled (a stopped server:
        # then every later request is redone here at once, not after a timeout each)
        if not self.failed and not request.sent.wait(_timeout()):
            self.failed = True

    def _receive(self):
        if not self._connection.poll(_timeout()):
            return "error", "no answer from the resident analyser"
        return self._connection.recv()

    def _stop(self) -> None:  # the server stays for later runs: only the connection ends
        if self._pending or self.failed:
            # requests still out (a run that failed meanwhile, or a stalled server): a
            # write blocked on a busy server fails at once, and nothing more is sent
            self.failed = True
            self._shut_down()
        if not self._end_sender(1.0 if self.failed else _timeout()):
            return  # a sender stuck connecting is left, with its connection (never reused)
        if self._connection is not None:
            try:
                self._connection.close()
            except OSError:
                pass
            self._connection = None

    def _shut_down(self) -> None:
        """End the connection's socket both ways, under any thread using it."""
        if self._connection is None:
            return
        import socket

        try:
            with socket.socket(fileno=os.dup(self._connection.fileno())) as both:
                both.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def close(self) -> None:
        self._stop()


def _timeout() -> float:
    return float(os.environ.get(TIMEOUT_ENV, TIMEOUT))


def _connect(address: Path, authkey: bytes):
    """A connection to the server at ``address``; None if the handshake failed. Blocks
    while the server is stuck: call it where that stalls nothing (a thread)."""
    from multiprocessing.connection import AuthenticationError, Client

    try:
        return Client(str(address), family="AF_UNIX", authkey=authkey)
    except (EOFError, AuthenticationError):
        return None


def _connect_within(address: Path, authkey: bytes, seconds: float):
    """``_connect`` that gives up after ``seconds`` (None)."""
    found: list = []

    def connect() -> None:
        try:
            found.append(_connect(address, authkey))
        except OSError:
            pass
    thread = threading.Thread(target=connect, name="l10n-analyser-connect", daemon=True)
    thread.start()
    thread.join(seconds)
    return found[0] if found else None


# the detached server: a bare interpreter forks at once (the run waits for it alone, about
# as long as ``python -c pass``), and the grandchild imports and runs the server
_LAUNCH = ("import os\nif os.fork():\n    os._exit(0)\n"
           "from l10n.korean.server import main\nmain()\n")


def _spawn(folder: Path, key: str) -> None:
    """Start a detached server (it forks again at once; this waits only for that)."""
    import subprocess

    package = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(package.parent), *filter(None, [os.environ.get("PYTHONPATH")])]))
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, str(folder), key],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        close_fds=True, start_new_session=True, cwd="/", env=env)
    process.wait(timeout=CONNECT)


# -- the library API for ``l10n analyser status|stop`` --------------------------------------
def _ask_server(message) -> Any:
    """The server's answer to ``message``; None if there is none. An unsafe runtime
    directory raises ``UnsafeDirectory``: the user who asks is told why no server runs."""
    try:
        folder = runtime_dir(create=False)
        authkey = read_authkey(folder)
    except OSError:
        return None
    connection = _connect_within(socket_path(folder, server_key()), authkey, CONNECT)
    if connection is None:
        return None
    try:
        connection.send(message)
        return connection.recv() if connection.poll(CONNECT) else None
    except (OSError, EOFError):
        return None
    finally:
        connection.close()


def status() -> str | None:
    """A line about the running server of this code (None: there is none)."""
    found = _ask_server(("status",))
    if not isinstance(found, dict):
        return None
    return (f"resident analyser: pid {found['pid']}, peak {found['rss_mb']:.0f} MB, "
            f"{found['requests']} requests, idle {found['idle']:.0f} s of {found['limit']:.0f} s, "
            f"socket {found['socket']}")


def stop() -> bool:
    """Stop the running server of this code; whether there was one."""
    return _ask_server(("stop",)) == "stopping"
