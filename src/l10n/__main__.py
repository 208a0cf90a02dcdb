"""``l10n`` and ``python -m l10n``: Ctrl-C is one line from the first instant.

The command line module imports typer and the library (a few hundred milliseconds); an
interrupt during those imports would otherwise print a traceback. This module is small
and imports them inside the handler.
"""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _interrupt(signum, frame) -> None:
    # the first Ctrl-C unwinds (files staged are discarded, workers stopped); a second
    # one, during that cleanup, ends the process at once, still without a traceback
    signal.signal(signal.SIGINT, lambda *_: os._exit(EXIT_INTERRUPTED))
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted; nothing was changed by the unfinished step\n")
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
