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

_PR_SET_PDEATHSIG = 1


def process_pool(jobs: int):
    """A fork-based ``multiprocessing.Pool`` of ``jobs`` workers (use it with ``with``:
    leaving the block, by an error or Ctrl-C too, terminates every worker)."""
    return multiprocessing.get_context("fork").Pool(jobs, initializer=start_worker,
                                                    initargs=(os.getpid(),))


def start_worker(parent: int) -> None:
    """What a worker does first: ignore Ctrl-C, die with ``parent`` (see above)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
