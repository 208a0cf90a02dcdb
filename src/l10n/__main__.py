"""``l10n`` and ``python -m l10n``: Ctrl-C is one line from the first instant.

The command line module imports typer and the library (a few hundred milliseconds); an
interrupt during those imports would otherwise print a traceback. This module is small
and imports them inside the handler.
"""

from __future__ import annotations

import os
import signal
import sys

from .errors import EXIT_INTERRUPTED, Interrupted, interrupt_once

INTERRUPTED = "error: interrupted; the unfinished step changed nothing\n"


def main() -> None:
    signal.signal(signal.SIGINT, interrupt_once)
    try:
        from .cli import main as run

        run()
    except (Interrupted, KeyboardInterrupt):
        sys.stderr.write(INTERRUPTED)
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
