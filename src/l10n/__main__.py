"""``l10n`` and ``python -m l10n``: Ctrl-C is one line from the first instant.

The command line module imports typer and the library (a few hundred milliseconds); an
interrupt during those imports would otherwise print a traceback. This module is small
and imports them inside the handler.

``l10n merge`` with a plain command line (``po.msgmerge.merge_arguments``) runs without
typer, whose import is most of a small merge's time (it is a drop-in for msgmerge, run
once per catalog by build scripts); help, usage errors and anything unusual go through
the typer command, which prints and exits as for every other command.
"""

from __future__ import annotations

import gc
import os
import sys

try:  # signal.py without the enums it builds at import (a tenth of a small merge's start)
    from _signal import SIGINT
    from _signal import signal as handle
except ImportError:  # pragma: no cover - an interpreter without CPython's _signal
    from signal import SIGINT
    from signal import signal as handle

from .errors import EXIT_INTERRUPTED, Interrupted, interrupt_once

INTERRUPTED = "error: interrupted; the unfinished step changed nothing\n"


def main() -> None:
    # as cli.main: a run builds no reference cycles worth collecting, and the collector
    # would walk every module's objects again and again while they are imported
    gc.disable()
    handle(SIGINT, interrupt_once)
    try:
        if sys.argv[1:2] == ["merge"] and _merge(sys.argv[2:]):
            return
        from .cli import main as run

        run()
    except (Interrupted, KeyboardInterrupt):
        sys.stderr.write(INTERRUPTED)
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)


def _merge(args: list[str]) -> bool:
    """``l10n merge ARGS`` as the merge command (cli/catalogs.py) runs it (same output, messages and
    exit codes; the process ends when it succeeds); False, having done nothing, for a
    command line only typer reads."""
    from .po.msgmerge import merge_arguments

    options = merge_arguments(args)
    if options is None:
        return False
    from .errors import L10nError, printable
    from .po.msgmerge import merge_files

    try:
        data = merge_files(**options)
        if data is not None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except L10nError as exc:
        sys.stderr.write(f"error: {printable(str(exc))}\n")
        sys.stderr.flush()
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # output piped into head, less ...: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    # done: the output is written (files atomically, standard output flushed), so the
    # process ends here; Python's own shutdown (freeing every entry and module) would
    # cost a small merge 8% of its time and change nothing
    sys.stderr.flush()
    os._exit(0)
    return True  # (where os._exit is replaced: the tests)


if __name__ == "__main__":
    main()
