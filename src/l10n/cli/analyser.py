"""The resident analyser's commands: status, stop (as ``dmypy status`` / ``dmypy stop``)."""

from __future__ import annotations

import typer

from . import app

analyser_app = typer.Typer(no_args_is_help=True,
                           help="The resident Kiwi analyser that later runs share: status, stop.")
app.add_typer(analyser_app, name="analyser")


@analyser_app.command("status")
def analyser_status() -> None:
    """Say whether a resident analyser of this l10n is running (exit 1 if none)."""
    from ..korean import resident

    line = resident.status()
    if line is None:
        typer.echo("no resident analyser is running")
        raise typer.Exit(1)
    typer.echo(line)


@analyser_app.command("stop")
def analyser_stop() -> None:
    """Stop the resident analyser of this l10n, if one is running (its memory is freed)."""
    from ..korean import resident

    typer.echo("resident analyser stopped" if resident.stop()
               else "no resident analyser was running")
