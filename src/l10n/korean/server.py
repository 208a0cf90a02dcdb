"""The resident analyser's server (``korean.resident``): Kiwi loaded once, shared by runs.

``serve`` binds the socket at once (a client that connects while Kiwi loads is answered
when it is loaded), warms Kiwi up, and serves each connection in a thread; Kiwi's calls
are made one at a time (one lock), so two runs at once are both answered, in turn. It
answers only ``resident.JOBS`` and requests that carry its own key; it exits when idle
for ``L10N_ANALYSER_IDLE`` seconds with no client connected, when its socket is removed
or replaced, on a request with another key, and on a "stop" request.
"""

from __future__ import annotations

import fcntl
import os
import resource
import signal
import sys
import threading
import time
from pathlib import Path

from . import resident
from .analyser import Answers

_KIWI = threading.Lock()  # one Kiwi call at a time, across every client


class _State:
    def __init__(self, path: Path, key: str, idle: float) -> None:
        self.path, self.key, self.idle = path, key, idle
        self.last = time.monotonic()
        self.clients = 0
        self.requests = 0
        self.lock = threading.Lock()
        self.inode: int | None = None

    def count(self, change: int) -> None:
        """A client connected (+1) or left (-1): a server with clients never idles out."""
        with self.lock:
            self.clients += change

    def touch(self) -> None:
        """A job was answered (``status`` is not one: asking it keeps no server alive)."""
        with self.lock:
            self.last = time.monotonic()

    def ours(self) -> bool:
        """Whether the socket file is still the one this server bound."""
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def leave(self) -> None:
        """Remove the socket (if still ours) and exit at once: nothing else to save."""
        if self.ours():
            try:
                os.unlink(self.path)
            except OSError:
                pass
        os._exit(0)


def main() -> None:
    """The detached server's entry (``resident._spawn``): argv is FOLDER KEY."""
    serve(Path(sys.argv[1]), sys.argv[2])


def serve(folder: Path, key: str) -> None:
    """Run the server of ``key`` in ``folder`` until it has a reason to exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is not for it
    try:
        if resident.server_key() != key:  # another code than the client's: never answer it
            return
        folder = resident.runtime_dir(create=False)
        authkey = resident.read_authkey(folder)
    except (OSError, resident.UnsafeDirectory):
        return
    path = resident.socket_path(folder, key)
    lock = os.open(folder / f"analyser-{key}.lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until this process ends
    except OSError:
        return  # another server of this key runs (or is starting): it answers
    from multiprocessing.connection import AuthenticationError, Listener

    try:
        path.unlink()  # a socket left by a server that was killed
    except FileNotFoundError:
        pass
    old = os.umask(0o177)
    try:
        listener = Listener(str(path), family="AF_UNIX", authkey=authkey)
    finally:
        os.umask(old)
    idle = float(os.environ.get(resident.IDLE_ENV, resident.IDLE))
    state = _State(path, key, idle)
    state.inode = os.stat(path).st_ino
    threading.Thread(target=_warm, name="warm", daemon=True).start()
    threading.Thread(target=_watch, args=(state,), name="watch", daemon=True).start()
    while True:
        try:
            connection = listener.accept()
        except (AuthenticationError, EOFError):
            continue
        except OSError:
            state.leave()
        state.count(+1)
        threading.Thread(target=_client, args=(connection, state), daemon=True).start()


def _warm() -> None:
    from .analyser import warm_up as warm

    with _KIWI:
        try:
            warm()
        except BaseException:  # noqa: BLE001 - each job then fails, and its client works alone
            pass


def _watch(state: _State) -> None:
    tick = max(0.05, min(state.idle / 4, 5.0))
    while True:
        time.sleep(tick)
        if not state.ours():
            state.leave()  # removed, or replaced by a newer server
        with state.lock:
            idle = state.clients == 0 and time.monotonic() - state.last > state.idle
        if idle:
            state.leave()


def _client(connection, state: _State) -> None:
    # answers written by a thread: the next request is read and worked on while the
    # client has yet to read an answer (``analyser.Answers``)
    answers = Answers(connection)
    try:
        for request in answers.requests():
            answer = _answer(request, state)
            answers.put(answer)
            if isinstance(request, tuple) and request[:1] == ("job",):
                state.touch()
            if answer == "stopping":
                answers.close()  # written first
                state.leave()
    finally:
        answers.close()
        connection.close()
        state.count(-1)


def _answer(request, state: _State):
    if request == ("stop",):
        return "stopping"
    if request == ("status",):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with state.lock:
            return {"pid": os.getpid(), "rss_mb": usage.ru_maxrss / 1024,
                    "requests": state.requests, "idle": time.monotonic() - state.last,
                    "limit": state.idle, "socket": str(state.path),
                    "cpu": usage.ru_utime + usage.ru_stime}
    try:
        kind, key, name, args, kwargs = request
    except (TypeError, ValueError):
        return "error", "not a request"
    if kind != "job" or key != state.key:
        state.leave()  # a client of other code: this server is not the one it wants
    job = resident.JOBS.get(name)
    if job is None:
        return "error", f"no job {name!r}"
    with _KIWI:
        with state.lock:
            state.requests += 1
        try:
            return "ok", job(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - the client redoes it in-process
            return "error", repr(exc)
