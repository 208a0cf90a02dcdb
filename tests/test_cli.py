"""The command line: exit codes, stdout and stderr for success and for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ESSAY


def l10n(*args: str, cwd: Path | None = None, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", *args],
                          cwd=cwd, input=stdin, capture_output=True)


def test_help_lists_commands() -> None:
    result = l10n("--help")
    assert result.returncode == 0
    for command in ("segment", "extract", "update"):
        assert command in result.stdout.decode()


def test_segment_prints_sentences_and_blank_lines_between_blocks() -> None:
    result = l10n("segment", "-", stdin="# 제목\n\n첫 문장이다. 둘째 문장이다.\n".encode())
    assert result.returncode == 0
    assert result.stdout.decode() == "제목\n\n첫 문장이다.\n둘째 문장이다.\n"


def test_segment_json() -> None:
    result = l10n("segment", str(ESSAY), "--format", "json")
    data = json.loads(result.stdout)
    assert data["blocks"][0]["sentences"][0] == {"text": "3차는 있었나?", "line": 1}


def test_update_reports_what_it_wrote(project: Path) -> None:
    result = l10n("update", "--project", str(project))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "created" in out and "essay.pot" in out and "essay.po" in out
    again = l10n("update", "--project", str(project), "--quiet")
    assert again.returncode == 0 and again.stdout == b""


def test_bad_source_is_one_line_and_exit_3(project: Path) -> None:
    (project / "source/ko/bad.md").write_bytes("깨진 파일".encode("cp949"))
    result = l10n("update", "--project", str(project))
    err = result.stderr.decode()
    assert result.returncode == 3
    assert err.count("\n") == 1 and err.startswith("error: ") and "bad.md:1:" in err
    assert "iconv" in err
    assert not (project / "locales").exists()  # nothing half-written


def test_no_project_is_a_usage_error(tmp_path: Path) -> None:
    result = l10n("update", cwd=tmp_path)
    assert result.returncode == 2
    assert "no l10n project" in result.stderr.decode()


def test_unknown_option_is_a_usage_error(project: Path) -> None:
    result = l10n("update", "--bogus", "--project", str(project))
    assert result.returncode == 2


def test_glossary_commands_on_the_bundled_project() -> None:
    from .conftest import ROOT

    check = l10n("glossary", "check", "--project", str(ROOT))
    assert check.returncode == 0 and "glossary OK" in check.stdout.decode()
    find = l10n("glossary", "find", "중소기업", "--project", str(ROOT))
    out = find.stdout.decode()
    assert find.returncode == 0 and "중소기업 → SME" in out and "inflected" in out
    missing = l10n("glossary", "find", "없는말", "--project", str(ROOT))
    assert missing.returncode == 2 and "not in the glossary" in missing.stderr.decode()
    suggest = l10n("glossary", "suggest", "--minimum", "1", "--project", str(ROOT))
    assert suggest.returncode == 0 and suggest.stdout.strip()


def test_broken_glossary_is_one_line(project: Path) -> None:
    (project / "glossary.csv").write_text('ko,en\n초연결,"broken\n', encoding="utf-8")
    result = l10n("glossary", "check", "--project", str(project))
    assert result.returncode == 3
    assert result.stderr.decode().startswith("error: ") and "glossary.csv" in result.stderr.decode()


def test_status_keeps_quiet_on_a_non_terminal() -> None:
    from .conftest import ROOT

    result = l10n("status", "--project", str(ROOT), "--format", "markdown")
    assert result.returncode == 0 and result.stderr == b""
    assert b"| fourth-industrial-revolution | en | 100.0% |" in result.stdout


def _outcome(app, argv: list[str]) -> tuple:
    import contextlib
    import io

    from l10n.errors import L10nError

    out, err = io.StringIO(), io.StringIO()
    code = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            app(argv, prog_name="l10n")
        except SystemExit as exc:
            code = exc.code
        except L10nError as exc:  # main() prints it and exits with its code
            code = (exc.exit_code, str(exc))
    return code, out.getvalue(), err.getvalue()


def test_a_run_builds_only_the_command_it_names_and_says_the_same() -> None:
    """typer builds a click command from every function's signature (a fifth of a small
    check); ``app_for`` gives the app with only the command named. Every command's help,
    each group's, and usage errors read the same as with the whole app."""
    from typer.main import get_command, get_command_name

    from l10n import cli

    def name(info) -> str:
        return info.name or get_command_name(info.callback.__name__)
    commands = [name(info) for info in cli.app.registered_commands]
    groups = {group.name: [name(info) for info in group.typer_instance.registered_commands]
              for group in cli.app.registered_groups}
    assert len(commands) > 10 and {"tm", "glossary", "analyser"} <= set(groups)
    assert list(get_command(cli.app_for(["check", "x.po"])).commands) == ["check"]
    assert list(get_command(cli.app_for(["tm", "export"])).commands) == ["tm"]
    for argv in (["--help"], ["-V", "check"], ["chek"], []):  # every command listed or hinted
        assert cli.app_for(argv) is cli.app
    cases = [[command, flag] for command in commands for flag in ("--help", "--no-such")]
    cases += [[group, *rest] for group, members in groups.items()
              for rest in ([], ["--help"], ["nosuch"], *([m, "--help"] for m in members))]
    cases += [["check", "--format", "bogus", "x.po"], ["merge", "a.po"],
              ["update", "--jobs", "x"]]
    for argv in cases:
        assert _outcome(cli.app_for(argv), argv) == _outcome(cli.app, argv), argv
