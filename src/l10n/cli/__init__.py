"""The command line: thin typer commands over the library. The only place that prints or exits."""

from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import (
    EXIT_INTERRUPTED,
    ConfigError,
    Interrupted,
    L10nError,
    interrupt_once,
    printable,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Korean→English translation pipeline: segment, update, check, "
                       "status, build.")


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_print_version,
                                          is_eager=True, help="Print the version and exit.")
                       ] = False,
) -> None:
    """Korean→English translation pipeline: segment, update, check, status, build."""

ProjectOpt = Annotated[Path | None, typer.Option(
    "--project", "-p", help="Project folder (default: nearest folder upward with a config).",
    file_okay=False)]
EssayArgs = Annotated[list[str] | None, typer.Argument(
    help="Essay names (file stems); default: every essay.", show_default=False)]
JobsOpt = Annotated[int, typer.Option(help="Processes for many essays (default: cores).")]
LanguageOpt = Annotated[str | None, typer.Option(help="Target language (default: the first).")]
GlossaryOpt = Annotated[Path | None, typer.Option(
    "--glossary", "-g", help="Glossary file (default: the project's).", dir_okay=False)]
TargetLanguageOpt = Annotated[str | None, typer.Option(
    "--language", "-l", help="Target language (default: every one of the project's).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q")]


def _format(choices: str):
    """The --format (-f) option of a command, with the formats it writes."""
    return Annotated[str, typer.Option("--format", "-f", help=choices)]


def _config(project: Path | None):
    from ..config import load_config

    return load_config(project)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _say(message: str, **options) -> None:
    """A line of output that names files, essays or entries: control characters escaped
    (line breaks between lines kept)."""
    typer.echo(printable(message, keep="\n"), **options)


tm_app = typer.Typer(no_args_is_help=True, help="The translation memory: look up, export.")
app.add_typer(tm_app, name="tm")
glossary_app = typer.Typer(no_args_is_help=True, help="Validate and explore the glossary.")
app.add_typer(glossary_app, name="glossary")


def _read(path: Path):
    from ..po.catalog import read_catalog

    return read_catalog(path)


def _glossary(project: Path | None, path: Path | None):
    from ..glossary.terms import project_glossary, read_glossary

    if path is not None:
        return read_glossary(path)
    glossary = project_glossary(_config(project))
    if glossary is None:
        raise ConfigError("the project has no glossary",
                          hint="create glossary.csv or pass -g FILE")
    return glossary


def _catalogs(config, language: str | None):
    from ..pipeline import project_catalogs
    from ..po.catalog import read_catalog

    return [(path, read_catalog(path)) for path in project_catalogs(config, language)]


def main() -> None:
    """Entry point: run the app, turning typed errors into one line and an exit code."""
    # A run is short and builds large structures without reference cycles (catalog
    # entries, sentences, findings). The cyclic collector would walk them again and again
    # for nothing, a quarter of the time of update, check and build at 100,000 entries;
    # reference counting still frees everything dropped (po.parse reads catalogs without
    # making cycles). bench/ measures peak memory.
    gc.disable()
    signal.signal(signal.SIGINT, interrupt_once)
    try:
        app_for(sys.argv[1:])()  # standalone: usage errors print help and exit 2
    except L10nError as exc:
        _err(f"error: {printable(str(exc))}")
        sys.exit(exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        _err("error: interrupted; the unfinished step changed nothing")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # output piped into head, less ...: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


def app_for(argv: list[str]) -> typer.Typer:
    """The app, holding only the command (or command group) that ``argv`` names first.

    typer builds a click command from the signature of every function it has (20 ms, a
    fifth of a small ``check``), and a run uses one. Anything else (no command, an option
    first, a name that is no command: their help and typo hints list every command) gets
    the whole app. What a command prints, its help and its usage errors are the same
    either way (tests/test_cli.py)."""
    if not argv or argv[0].startswith("-"):
        return app
    from typer.main import get_command_name

    commands = [info for info in app.registered_commands
                if (info.name or get_command_name(info.callback.__name__)) == argv[0]]
    groups = [info for info in app.registered_groups if info.name == argv[0]]
    if not commands and not groups:
        return app
    import copy

    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only


# the commands, registered in the order the help lists them
from . import catalogs, quality, memory, exchange, terminology, analyser  # noqa: E402, F401, I001
