"""Every bad input is one line that says where, what is wrong and what to do (issue 16):
``error: file:line: what is wrong; what to do``, a non-zero exit, nothing written; and a
file name's control characters are shown escaped, never sent raw to the terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import make_project

ESSAY = "# 제목\n\n첫 문장이다.\n"
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: en\\n"\n\n')
LINE = re.compile(r"^error: (?:(?P<where>[^\n]+?): )?(?P<what>[^\n]+?); (?P<todo>[^\n]+)$")


def l10n(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "l10n", *args], cwd=cwd,
                          capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"})


def _config(extra: str, command: str = "status") -> Callable[[Path], list[str]]:
    def setup(root: Path) -> list[str]:
        path = root / "pyproject.toml"
        path.write_text(path.read_text("utf-8") + extra, encoding="utf-8")
        return [command]
    return setup


def _po(body: bytes | str, name: str = "bad.po") -> Callable[[Path], list[str]]:
    def setup(root: Path) -> list[str]:
        path = root / name
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        return ["check", str(path)]
    return setup


def _file(name: str, data: bytes, command: list[str]) -> Callable[[Path], list[str]]:
    def setup(root: Path) -> list[str]:
        (root / name).write_bytes(data)
        return command
    return setup


def _missing_assignment_essay(root: Path) -> list[str]:
    return _config('\n[[tool.l10n.assignments]]\ntranslator = "Kim"\n')(root)


# (case, setup returning the command line, the expected exit code)
CATALOGUE = [
    ("msgstr line deleted", _po(HEADER + 'msgid "가"\n\nmsgid "나"\nmsgstr "Na"\n'), 3),
    ("unclosed string", _po(HEADER + 'msgid "가\nmsgstr "Ga"\n'), 3),
    ("unknown keyword", _po(HEADER + 'msgid "가"\nmsgtxt "Ga"\n'), 3),
    ("bad escape", _po(HEADER + 'msgid "가"\nmsgstr "G\\qa"\n'), 3),
    ("not UTF-8", _po(HEADER.encode() + 'msgid "가"\nmsgstr "Ga"\n'.encode("cp949")), 3),
    ("NUL byte", _po(HEADER + 'msgid "가"\nmsgstr "G\x00a"\n'), 3),
    ("missing catalog", lambda root: ["check", str(root / "nope.po")], 3),
    ("invalid TOML", _config("\nthis is = = not toml\n"), 2),
    ("unknown key", _config('\nsauce = "x"\n'), 2),
    ("threshold out of range", _config("\npublish-threshold = 200\n"), 2),
    ("reference-min-chrf not a number", _config('\nreference-min-chrf = "x"\n'), 2),
    ("severity level unknown", _config('\n[tool.l10n.severity]\nN001 = "loud"\n'), 2),
    ("severity code unknown", _config('\n[tool.l10n.severity]\nX999 = "off"\n', "check"), 2),
    ("assignment without essay", _missing_assignment_essay, 2),
    ("assignment due date", _config('\n[[tool.l10n.assignments]]\nessay = "e"\n'
                                    'due = "soon"\n'), 2),
    ("docs-url not absolute", _config('\ndocs-url = "checks.html"\n'), 2),
    ("glossary malformed", _file("glossary.csv", b'ko,en\n\xea\xb0\x80,"broken\n',
                                 ["glossary", "check"]), 3),
    ("glossary without en", _file("glossary.csv", "ko\n가\n".encode(),
                                  ["glossary", "check"]), 3),
    ("essay not UTF-8", _file("source/ko/bad.md", "깨진 파일".encode("cp949"), ["update"]), 3),
    ("score with both --ref and --against", lambda root: ["score", "--ref", str(root),
                                                          "--against", "HEAD"], 2),
    ("image outside the project", _file("source/ko/e.md", (ESSAY + "\n![x](../../../x.png)\n"
                                                           ).encode(), ["build"]), 3),
]
CATALOGUE = [case for case in CATALOGUE if case[2]]  # cases with an error to show


@pytest.mark.parametrize(("case", "setup", "code"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_every_bad_input_is_one_line_with_what_to_do(tmp_path: Path, case: str,
                                                     setup, code: int) -> None:
    root = make_project(tmp_path / "p", {"e.md": ESSAY}, glossary="ko,en\n")
    args = setup(root)
    before = _files(root)
    result = l10n(*args, "--project", str(root), cwd=root) if args[0] not in ("check",) \
        else l10n(*args, cwd=root)
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.rstrip("\n").split("\n")
    errors = [line for line in lines if line.startswith("error: ")]
    assert errors, result.stderr
    for line in errors:
        match = LINE.match(line)
        assert match, line  # error: file[:line]: what is wrong; what to do
        assert match["todo"].strip(), line
        if not case.startswith("score"):  # a usage mistake names no file
            assert re.search(r"(\.po|\.toml|\.csv|\.md)(:\d+)?$", match["where"] or ""), line
    if args[0] != "check":  # nothing written (the segmentation cache aside)
        assert _files(root) == before


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and ".l10n-cache" not in p.parts)


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
@pytest.mark.parametrize("char", ["\x1b", "\x1e", "\r", "\u202e"])
def test_control_characters_in_file_names_are_never_printed_raw(tmp_path: Path, fmt: str,
                                                                 char: str) -> None:
    """A PO named with an escape sequence would colour (or rewrite) the terminal; a
    \\x1e splits a line for splitlines(); U+202E reverses the text after it."""
    name = f"a{char}[31mred{char}.po"
    broken = tmp_path / name
    broken.write_text(HEADER + 'msgid "가"\n\nmsgid "b"\nmsgstr "B"\n', encoding="utf-8")
    other = tmp_path / f"b{char}.po"
    other.write_text(HEADER + 'msgid "가"\nmsgstr "Ga  ga"\n', encoding="utf-8")
    result = l10n("check", str(broken), str(other), "-f", fmt, cwd=tmp_path)
    assert result.returncode == 3
    for stream in (result.stdout, result.stderr):
        assert char not in stream, (fmt, stream)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    if fmt == "text":
        escaped = repr(char)[1:-1]
        assert f"a{escaped}[31mred{escaped}.po:6: V002" in result.stdout
