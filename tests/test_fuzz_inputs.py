"""Bounded fuzzing of what a user types (issue 19): ``[tool.l10n]`` values, command-line
arguments and git author names. Each input either works or is one typed error
(``L10nError``, shown as one line); never a traceback. The counts are the
``max_examples`` below (960 inputs in all)."""

from __future__ import annotations

import io
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.config import load_config
from l10n.errors import L10nError

from .conftest import fixed_clock, make_project

ESSAY = "# 제목\n\n첫 문장이다. 둘째 문장이다.\n"
def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

# any text, and the text attackers reach for first
hostile = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", ".", "..", "../..", "/", "/tmp", "en/../..", "\x00", "a\x00b",
                     "e" * 300, "[/]", "[bold]x", "\x1f", "a\nb", "\u2028", "en\u200b",
                     "%s%n", "{0}", "-rf", "--help", "~", "$HOME", "C:\\x", "CON", "😀"]),
)
scalar = st.one_of(hostile, st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                   st.booleans())
value = st.one_of(scalar, st.lists(scalar, max_size=4),
                  st.dictionaries(hostile, scalar, max_size=3))
KEYS = ["source", "locales", "languages", "source-language", "glossary", "project-name",
        "publish-threshold", "severity", "assignments", "reference", "reference-min-chrf",
        "cache"]
table = st.dictionaries(st.sampled_from(KEYS), value, max_size=4)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("fuzz") / "p", {"a.md": ESSAY})
    from l10n.pipeline import update_project

    update_project(load_config(root), clock=fixed_clock)
    return root


def _typed(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except L10nError as exc:
        from l10n.errors import printable as _printable

        assert str(exc) and "\n" not in _printable(str(exc))  # shown as one line
        assert exc.hint and str(exc).endswith(f"; {exc.hint}"), str(exc)  # what to do
        return None


@fuzz(600)
@given(table)
def test_config_values_never_raise_anything_but_a_typed_error(project: Path,
                                                              values: dict) -> None:
    text = tomli_w.dumps({"tool": {"l10n": values}})
    config_file = project / "pyproject.toml"
    original = config_file.read_text("utf-8")
    try:
        config_file.write_text(text, encoding="utf-8")
        config = _typed(load_config, project)
        if config is not None:  # accepted: every command must work on it or say why
            assert config.locales.resolve().is_relative_to(project.resolve())
            for language in config.languages:
                assert "/" not in language and ".." not in language
            from l10n.progress.status import project_status

            _typed(project_status, config, attribute_translators=False)
    finally:
        config_file.write_text(original, encoding="utf-8")


COMMANDS = {
    "segment": ["--format"],
    "update": ["--jobs", "--quiet"],
    "extract": ["--quiet"],
    "status": ["--format", "--language", "--since", "--no-qa"],
    "check": ["--format", "--select", "--ignore", "--strict", "--jobs"],
    "checks": [],
    "score": ["--ref", "--against", "--worst", "--format"],
    "glossary check": [],
    "glossary find": ["--language"],
    "merge": ["--output"],
}
FLAGS = {"--quiet", "--strict", "--no-qa"}


@st.composite
def command_lines(draw) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    args = command.split()
    for option in draw(st.lists(st.sampled_from(COMMANDS[command] or ["--help"]),
                                max_size=3)):
        args.append(option)
        if option not in FLAGS and option != "--help":
            args.append(draw(hostile.filter(lambda t: "\x00" not in t)))
    args += draw(st.lists(hostile.filter(lambda t: "\x00" not in t), max_size=2))
    return args


@fuzz(300)
@given(command_lines())
def test_command_line_arguments_never_print_a_traceback(project: Path, tmp_path_factory,
                                                         args: list[str]) -> None:
    """In-process through the CLI's own entry point (``main``): the exit code is 0-3 and
    no exception escapes. Paths given to --output/--ref resolve inside a scratch folder."""
    import os

    from l10n.cli import main

    scratch = tmp_path_factory.mktemp("cwd")
    stdout, stderr = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(scratch)
    code = 0
    try:
        import sys

        argv, stdin = sys.argv, sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(ESSAY.encode("utf-8")), encoding="utf-8")
        sys.argv = ["l10n", *args, *([] if args[0] in ("segment", "checks", "merge")
                                     else ["--project", str(project)])]
        try:
            with redirect_stdout(stdout), redirect_stderr(stderr):
                main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        finally:
            sys.argv, sys.stdin = argv, stdin
    finally:
        os.chdir(cwd)
    assert code in (0, 1, 2, 3), (args, code, stderr.getvalue())
    assert "Traceback" not in stderr.getvalue()
    if stderr.getvalue().startswith("error: "):
        # one line per error (check reports each unreadable file and goes on, as ruff does)
        lines = stderr.getvalue().rstrip("\n").split("\n")  # not splitlines: \x1e in a path
        assert all(line.startswith("error: ") for line in lines), stderr.getvalue()
        assert all("; " in line for line in lines), stderr.getvalue()  # says what to do
        assert not any(c in stderr.getvalue() for c in "\x1b\x1e\r"), stderr.getvalue()


author = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n<>"),
                 min_size=1, max_size=30).filter(lambda t: t.strip(" .,:;\"'") != "")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
@fuzz(60)
@given(author)
def test_git_author_names_never_break_status_or_build(tmp_path_factory, name: str) -> None:

    from l10n.pipeline import update_project
    from l10n.progress import report as render
    from l10n.progress.status import project_status
    from l10n.publish import build_site

    root = make_project(tmp_path_factory.mktemp("git") / "p", {"a.md": ESSAY})
    config = load_config(root)
    update_project(config, clock=fixed_clock)
    po = root / "locales/en/LC_MESSAGES/a.po"
    po.write_text(po.read_text("utf-8").replace('msgstr ""\n\n', 'msgstr "Title"\n\n', 2)
                  .replace('msgid "제목"\nmsgstr ""', 'msgid "제목"\nmsgstr "Title"'), "utf-8")
    git = ["git", "-C", str(root), "-c", f"user.name={name}", "-c", "user.email=x@example.org"]
    subprocess.run([*git, "init", "-q"], check=True, capture_output=True)
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    made = subprocess.run([*git, "commit", "-qm", "t"], capture_output=True)
    if made.returncode != 0:
        return  # git itself refuses the name
    report = project_status(config)
    for width in (80, 160):
        render.status_table_text(report.essays, report.total, report.translators,
                                 width=width)
    render.status_markdown(report.essays, report.total, report.translators)
    render.status_json(report.essays, report.total, report.translators)
    build_site(config, force=True, chart_svg="")
