"""``l10n merge``'s lean entry (``l10n.__main__``): a plain command line runs without
typer and behaves exactly as the typer command; anything else goes to the typer
command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.po.msgmerge import merge_arguments

from .conftest import DATA

CASES = DATA / "po"
ENTRY = "import sys; from l10n.__main__ import main; sys.exit(main())"  # the console script
TYPER = "from l10n.cli import main; main()"


class _Called(Exception):
    pass


def _typer_arguments(args: list[str]) -> dict | None:
    """What the typer command passes to merge_files for ``l10n merge ARGS`` (None when
    it stops before: help, a usage error)."""
    from l10n.cli import app
    from l10n.po import msgmerge

    seen: dict = {}

    def record(old, template, **options):
        seen.update(old=old, template=template, **options)
        raise _Called

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(msgmerge, "merge_files", record)
        try:
            app(["merge", *args], standalone_mode=False)
        except _Called:
            return seen
        except (Exception, SystemExit):  # typer's usage errors and exits: it refused
            return None
    return None  # --help printed and returned


TOKENS = ["-U", "--update", "--previous", "-q", "--quiet", "--silent", "-N",
          "--no-fuzzy-matching", "--no-wrap", "--force-po", "--no-resegment", "-o",
          "--output-file", "--backup", "--suffix", "-w", "--width", "--width=30",
          "--output-file=x.po", "--backup=none", "--suffix=.bak", "--previous=1", "-qN",
          "-ox.po", "-w12", "--help", "-h", "--", "-", "--wrap", "-x", "old.po", "new.pot",
          "x.po", "a b.po", "12", "0", "=", "", "-1", "~", "é.po", "x\x1b.po"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_lean_arguments_are_the_typer_commands(args) -> None:
    """Wherever merge_arguments reads a command line, the typer command reads it the
    same; where typer refuses one (usage error, help), merge_arguments gives None."""
    ours = merge_arguments(list(args))
    theirs = _typer_arguments(list(args))
    if ours is not None:
        assert isinstance(ours["old"], str) and isinstance(ours["template"], str)
        assert {**ours, "old": Path(ours["old"]), "template": Path(ours["template"])} \
            == theirs, args
    if theirs is None:
        assert ours is None, args


def test_lean_arguments_read_the_usual_command_lines() -> None:
    assert merge_arguments(["-q", "--previous", "a.po", "b.pot", "-o", "out.po"]) == {
        "old": "a.po", "template": "b.pot", "output": "out.po", "update": False,
        "backup": None, "suffix": None, "previous": True, "fuzzy": True, "wrap": True,
        "width": 79, "resegment": True, "force_po": False}
    found = merge_arguments(["-U", "--backup=none", "--width", "40", "-N", "a.po", "b.pot"])
    assert found is not None and found["update"] and found["backup"] == "none"
    assert found["width"] == 40 and not found["fuzzy"]
    assert merge_arguments(["--help"]) is None
    assert merge_arguments(["a.po"]) is None


def _run(entry: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", entry, "merge", *args], capture_output=True,
                          cwd=cwd)


@pytest.mark.parametrize("args", [
    ["--previous", "ko.po", "x.pot"],
    ["ko.po", "x.pot", "-o", "out.po"],
    ["-q", "--previous", "-U", "ko.po", "x.pot"],
    ["--no-wrap", "-N", "--width=30", "ko.po", "x.pot"],
    ["missing.po", "x.pot"],  # error: file:line, exit 3
    ["--backup", "none", "ko.po", "x.pot"],  # error: --backup without -U
    ["ko.po", "x.pot", "-o", "-"],
    ["--help"],
    ["ko.po"],  # usage error
    ["-qN", "ko.po", "x.pot"],  # combined short flags: typer reads them
])
def test_console_script_merges_exactly_as_the_typer_command(tmp_path: Path, args) -> None:
    """Same standard output, standard error, exit code and files either way."""
    results = []
    for entry in (ENTRY, TYPER):
        folder = tmp_path / ("lean" if entry == ENTRY else "typer")
        folder.mkdir()
        (folder / "ko.po").write_bytes((CASES / "old.po").read_bytes())
        (folder / "x.pot").write_bytes((CASES / "new.pot").read_bytes())
        done = _run(entry, args, folder)
        files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
        results.append((done.returncode, done.stdout, done.stderr, files))
    assert results[0] == results[1]
    if args == ["--previous", "ko.po", "x.pot"]:
        assert results[0][1] == (CASES / "msgmerge.po").read_bytes()


def _plain_merge(folder: Path, modules: tuple[str, ...], *, after: str = "") -> list[str]:
    """``l10n merge ko.po x.pot -o o.po`` in ``folder`` through the console script, in a
    child: which of ``modules`` it imported (by top-level name), ``after``'s output and
    the exit codes passed to ``os._exit``."""
    code = ("import os, sys; sys.argv = ['l10n', 'merge', '-q', '--previous', 'ko.po', "
            "'x.pot', '-o', 'o.po']; exits = []; os._exit = exits.append; "
            f"from l10n.__main__ import main; main(); {after or 'pass'}; "
            "print(sorted(m.split('.')[0] for m in sys.modules if m.split('.')[0] in "
            f"{modules!r}), exits)")
    (folder / "ko.po").write_bytes((CASES / "old.po").read_bytes())
    (folder / "x.pot").write_bytes((CASES / "new.pot").read_bytes())
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=folder, check=True)
    return done.stdout.split()


def test_a_plain_merge_imports_no_command_line_framework(tmp_path: Path) -> None:
    found = _plain_merge(tmp_path, ("typer", "click", "rich", "uniseg", "importlib",
                                    "dataclasses"), after="import gc; print(gc.isenabled())")
    assert found == ["False", "[]", "[0]"]  # ends without Python's shutdown
    assert (tmp_path / "o.po").exists()


@pytest.mark.parametrize("output", ["new", "changed", "same"])
def test_a_plain_merge_imports_no_pathlib_or_hashlib(tmp_path: Path, output: str) -> None:
    """Paths are strings and an -o file is compared by its bytes: pathlib (with
    urllib.parse and ipaddress) and hashlib (OpenSSL) were a sixth of a small merge. An
    -o file that exists (changed or the same) costs no more than a new one."""
    expected = (CASES / "msgmerge.po").read_bytes()
    if output != "new":
        (tmp_path / "o.po").write_bytes(expected if output == "same" else b"old output\n")
    found = _plain_merge(tmp_path, ("pathlib", "hashlib", "_hashlib", "urllib"))
    assert found == ["[]", "[0]"]
    assert (tmp_path / "o.po").read_bytes() == expected
