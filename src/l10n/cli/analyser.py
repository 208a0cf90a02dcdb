"""The resident analyser's commands: status, stop (as ``dmypy status`` / ``dmypy stop``)."""

from __future__ import annotations

import typer

from ..errors import ConfigError
from . import app

analyser_app = typer.Typer(no_args_is_help=True,
                           help="The resident Kiwi analyser that later runs share: status, stop.")
app.add_typer(analyser_app, name="analyser")


@analyser_app.command("status")
def analyser_status() -> None:
    """Say whether a resident analyser of this l10n is running (exit 1 if none)."""
    line = _resident().status()
    if line is None:
        typer.echo("no resident analyser is running")
        raise typer.Exit(1)
    typer.echo(line)


@analyser_app.command("stop")
def analyser_stop() -> None:
    """Stop the resident analyser of this l10n, if one is running (its memory is freed)."""
    typer.echo("resident analyser stopped" if _resident().stop()
               else "no resident analyser was running")


def _resident():
    """``korean.resident``, once its runtime folder is known to be safe (else the one
    line that says why no server can run there)."""
    from ..korean import resident

    try:
        resident.runtime_dir(create=False)
    except FileNotFoundError:
        pass  # no folder yet: no server either
    except (OSError, resident.UnsafeDirectory) as exc:
        raise ConfigError(f"no resident analyser can run: {exc}",
                          hint=f"set {resident.RUNTIME_ENV} to a folder only you can open "
                               "(mode 0700)") from exc
    return resident
