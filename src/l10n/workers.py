"""Worker processes: a pool whose workers never outlive the command that started them.

Workers ignore Ctrl-C (the terminal sends it to the whole process group; the parent
alone reacts, stops the pool and prints one line) and are killed by the kernel when
their parent dies, however it dies (``PR_SET_PDEATHSIG`` on Linux; elsewhere a worker
that finds its parent gone exits at its next task).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1


def process_pool(jobs: int):
    """A fork-based ``multiprocessing.Pool`` of ``jobs`` workers (use it with ``with``:
    leaving the block, by an error or Ctrl-C too, terminates every worker)."""
    pool = None
    try:
        with interrupts_held():
            pool = multiprocessing.get_context("fork").Pool(jobs, initializer=start_worker,
                                                            initargs=(os.getpid(),))
    except BaseException:
        if pool is not None:  # Ctrl-C while forking: delivered once the workers exist
            pool.terminate()
        raise
    return pool


@contextmanager
def interrupts_held():
    """Ctrl-C held back while this process forks, and delivered after.

    A fork runs Python code of its own (the at-fork hooks, such as logging's lock
    release); a Ctrl-C handled there cannot unwind: Python prints the handler's exception
    as "ignored", a traceback on the terminal, and the interrupt is lost. Held, it
    reaches the handler when the block ends, in the code that forked. The children
    inherit the mask; ``start_worker`` clears it."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def start_worker(parent: int) -> None:
    """What a worker does first: ignore Ctrl-C, die with ``parent`` (see above)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (a Ctrl-C held since the fork is dropped)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # as before the fork
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
