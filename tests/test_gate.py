"""The gate never passes silently, and speaks the conventions of ruff, msgfmt and GitHub.

Each test reproduces a case from issue 16 (and items 10 and 11 of issue 19).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from l10n.checks import REGISTRY, run_checks
from l10n.checks.inputs import gather, load_catalog
from l10n.po.validate import validate_po

from .conftest import DATA, ROOT, make_project

SHARED = ROOT.parent / "shared"
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
GLOSSARY = (DATA / "checks_glossary.csv").read_text(encoding="utf-8")
BAD_ENTRY = 'msgid "초연결 사회가 온다."\nmsgstr "A hyperlinked society is coming."\n'
GOOD_ENTRY = 'msgid "초연결 사회가 온다."\nmsgstr "A hyper-connected society is coming."\n'


def shared(name: str) -> Path:
    """Third-party data beside the repository: skip where absent, never in CI."""
    path = SHARED / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is required in CI")
        pytest.skip(f"{path} is absent")
    return path


def l10n(*args: str, cwd: Path | None = None, env: dict | None = None):
    return subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", *args],
                          cwd=cwd or Path("/"), capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def po_project(folder: Path, entries: dict[str, str], *, config: str = "",
               glossary: bool = True) -> Path:
    """A project with catalogs written by hand (name -> entries after the header)."""
    root = make_project(folder, {"e.md": "초연결 사회가 온다.\n"},
                        glossary=GLOSSARY if glossary else None)
    if config:
        path = root / "pyproject.toml"
        path.write_text(path.read_text("utf-8") + config, encoding="utf-8")
    catalogs = root / "locales/en/LC_MESSAGES"
    catalogs.mkdir(parents=True)
    for name, body in entries.items():
        (catalogs / name).write_text(HEADER + body, encoding="utf-8")
    return root


# ------------------------------------------------------------------ 1. fail loudly

def test_a_deleted_msgstr_line_is_an_error_and_never_complete(bundled: Path) -> None:
    po = bundled / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po"
    lines = po.read_text("utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if i > 20 and line.startswith("msgstr"))
    msgid_line = number  # 1-based line of the msgid just above the deleted msgstr
    del lines[number]
    po.write_text("\n".join(lines), encoding="utf-8")
    before = po.read_bytes()
    result = l10n("check", "--project", str(bundled))
    assert result.returncode == 3
    assert (f"locales/en/LC_MESSAGES/fourth-industrial-revolution.po:{msgid_line}: V002 "
            "po-syntax-error: missing 'msgstr' section") in result.stdout
    status = l10n("status", "--project", str(bundled))
    assert status.returncode == 3 and "missing 'msgstr' section" in status.stderr
    assert "100.0%" not in status.stdout
    update = l10n("update", "--project", str(bundled))
    assert update.returncode == 3 and po.read_bytes() == before  # never written back empty


def test_what_msgfmt_rejects_makes_status_withhold_publication(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {"e.po": '#, python-format\nmsgid "%(n)s 초연결 사회가 온다."\n'
                                              'msgstr "%(m)s A hyper-connected society is coming."\n'})
    data = json.loads(l10n("status", "--project", str(root), "-f", "json").stdout)
    assert data["essays"][0]["publishable"] is False
    assert "1 QA error" in data["essays"][0]["reason"]
    result = l10n("check", "--project", str(root))
    assert result.returncode == 1 and "V006 format-mismatch" in result.stdout


def test_a_typo_in_the_glossary_path_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {"e.po": BAD_ENTRY})
    text = (root / "pyproject.toml").read_text("utf-8")
    (root / "pyproject.toml").write_text(text.replace('"glossary.csv"', '"missing.csv"'), "utf-8")
    line = text.split("\n").index('glossary = "glossary.csv"') + 1
    result = l10n("check", "--project", str(root))
    assert result.returncode == 1
    assert f"pyproject.toml:{line}: L004 glossary-missing: glossary missing.csv does not " \
           "exist" in result.stdout


def test_a_missing_source_folder_is_an_error(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {"e.po": GOOD_ENTRY})
    shutil.rmtree(root / "source")
    result = l10n("check", "--project", str(root))
    assert result.returncode == 1 and "L005 source-missing" in result.stdout


def test_a_run_that_found_no_catalog_fails(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "가는 간다.\n"}, glossary=GLOSSARY)
    result = l10n("check", "--project", str(root))
    assert result.returncode == 1 and "L003 no-catalogs" in result.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    result = l10n("check", str(empty))
    assert result.returncode == 1 and "L003" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_one_unreadable_file_is_a_finding_and_the_others_are_checked(tmp_path: Path,
                                                                     fmt: str) -> None:
    root = po_project(tmp_path / "p", {"a.po": BAD_ENTRY, "c.po": BAD_ENTRY})
    (root / "locales/en/LC_MESSAGES/b.po").write_bytes(b'msgid "a"\nmsgstr "\xff"\n')
    result = l10n("check", "--project", str(root), "-f", fmt)
    assert result.returncode == 3  # the worst: an unreadable input
    for name in ("a.po", "c.po"):
        assert re.search(rf"{name}\W.*G001|G001.*{name}", result.stdout, re.S), name
    assert "b.po" in result.stdout and "V001" in result.stdout
    assert "b.po:2: not valid UTF-8" in result.stderr


# ------------------------------------------------------------------ 2. configuration per file

def monorepo(tmp_path: Path, body: str = BAD_ENTRY) -> Path:
    repo = tmp_path / "repo"
    po_project(repo / "essays", {"e.po": body})
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def test_configuration_is_found_from_each_file_in_a_monorepo(tmp_path: Path) -> None:
    repo = monorepo(tmp_path)
    target = "essays/locales/en/LC_MESSAGES/e.po"
    outputs = []
    for cwd, arg in ((repo, target), (repo / "essays", "locales/en/LC_MESSAGES/e.po"),
                     (repo / "essays/locales", "en/LC_MESSAGES/e.po"), (tmp_path, str(repo / target))):
        result = l10n("check", arg, cwd=cwd)
        assert result.returncode == 1, (cwd, result.stdout, result.stderr)
        outputs.append(result.stdout)
    assert len(set(outputs)) == 1  # the same findings from any folder
    assert f"{target}:8: G001 glossary-term-missing" in outputs[0]  # relative to the repository
    assert l10n("check", cwd=repo / "essays").stdout == outputs[0]


def test_a_finding_naming_another_entry_names_it_relative_to_the_repository(
        tmp_path: Path) -> None:
    """K001's message carried the other entry's absolute path (a review debt)."""
    repo = tmp_path / "repo"
    po_project(repo / "essays", {"a.po": GOOD_ENTRY,
                                 "b.po": GOOD_ENTRY.replace("hyper-connected", "hyperconnected")},
               glossary=False)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for cwd in (repo, repo / "essays", tmp_path):
        result = l10n("check", str(repo / "essays/locales") if cwd == tmp_path else
                      os.path.relpath(repo / "essays/locales", cwd), "-f", "json", cwd=cwd)
        messages = [f["message"] for f in json.loads(result.stdout)["findings"]
                    if f["code"] == "K001"]
        assert messages == ["translated differently in essays/locales/en/LC_MESSAGES/a.po:8: "
                            "'A hyper-connected society is coming.'"], (cwd, result.stdout)
        assert str(tmp_path) not in result.stdout


def test_select_ignore_and_per_file_ignores_from_the_configuration(tmp_path: Path) -> None:
    body = 'msgid "약 10억 명이 실업자다."\nmsgstr "About 100 million  people are unemployed."\n'
    root = po_project(tmp_path / "p", {"a.po": body, "b.po": body},
                      config='ignore = ["W"]\n[tool.l10n.per-file-ignores]\n"**/b.po" = ["N001"]\n')
    result = l10n("check", "--project", str(root))
    assert "a.po:8: N001" in result.stdout and "W002" not in result.stdout
    assert "b.po" not in result.stdout.replace("2 file(s)", "")
    selected = l10n("check", "--project", str(root), "--select", "W,F")
    assert selected.returncode == 0 and "W002" in selected.stdout  # --select replaces
    assert "N001" not in selected.stdout


@pytest.mark.parametrize("setting", ['[tool.l10n.severity]\nX999 = "off"\n',
                                     'select = ["G", "Q12"]\n',
                                     '[tool.l10n.per-file-ignores]\n"*.po" = ["ZZZ"]\n'])
def test_unknown_codes_in_the_configuration_are_errors(tmp_path: Path, setting: str) -> None:
    root = po_project(tmp_path / "p", {"e.po": GOOD_ENTRY}, config=setting)
    result = l10n("check", "--project", str(root))
    assert result.returncode == 2 and result.stderr.startswith("error: ")
    assert "unknown check" in result.stderr and result.stderr.count("\n") == 1


def test_a_prefix_in_the_severity_table_applies_to_its_family(tmp_path: Path) -> None:
    body = 'msgid "약 10억 명이 실업자다."\nmsgstr "About 100 million people are unemployed."\n'
    root = po_project(tmp_path / "p", {"e.po": body}, config='[tool.l10n.severity]\nN = "off"\n')
    assert l10n("check", "--project", str(root)).returncode == 0
    (root / "pyproject.toml").write_text((root / "pyproject.toml").read_text("utf-8")
                                         + 'N001 = "warning"\n', "utf-8")
    result = l10n("check", "--project", str(root))  # the more specific selector wins
    assert result.returncode == 0 and "N001" in result.stdout


# ------------------------------------------------------------------ 3. linter conventions

def test_select_accepts_comma_lists_and_prefixes(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {"e.po": BAD_ENTRY})
    result = l10n("check", "--project", str(root), "--select", "G,N")
    assert result.returncode == 1 and "G001" in result.stdout
    assert l10n("check", "--project", str(root), "--select", "G,Q9").returncode == 2


def test_suppressions_take_prefixes_and_report_unknown_and_unused_codes(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {
        "a.po": "# l10n-ignore: G\n" + BAD_ENTRY,
        "b.po": "# l10n-ignore: N999\n" + BAD_ENTRY,
        "c.po": "# l10n-ignore: G001, W002\n" + BAD_ENTRY})
    result = l10n("check", "--project", str(root))
    out = result.stdout
    assert "a.po" not in out.split("\n")[0] and not re.search(r"a\.po:\d+: G001", out)
    assert re.search(r"b\.po:9: L002 unknown-suppression: unknown check 'N999'", out)
    assert re.search(r"b\.po:9: G001", out)
    assert re.search(r"c\.po:9: L001 unused-suppression: 'l10n-ignore: W002'", out)
    assert out.strip().endswith("2 suppressed")
    assert result.returncode == 1


def test_statistics_output_file_exit_zero_and_folders(tmp_path: Path) -> None:
    root = po_project(tmp_path / "p", {"a.po": BAD_ENTRY, "b.po": BAD_ENTRY})
    folder = root / "locales"
    stats = l10n("check", str(folder), "--statistics")
    assert stats.returncode == 1
    assert stats.stdout.splitlines()[0] == "2  G001  glossary-term-missing"
    report = tmp_path / "report.json"
    written = l10n("check", str(folder), "-f", "json", "--output-file", str(report), "--exit-zero")
    assert written.returncode == 0 and written.stdout == ""
    data = json.loads(report.read_text("utf-8"))
    assert data["version"] == 1 and data["summary"]["files"] == 2
    assert {f["path"] for f in data["findings"]} == {"locales/en/LC_MESSAGES/a.po",
                                                     "locales/en/LC_MESSAGES/b.po"}


def test_findings_point_at_the_msgstr_line(tmp_path: Path) -> None:
    body = ("# a translator's note\n#. glossary: 초연결 사회\n#: source/ko/e.md:1\n"
            'msgid ""\n"초연결 사회가 온다."\nmsgstr ""\n"A hyperlinked society is coming."\n')
    root = po_project(tmp_path / "p", {"e.po": body})
    result = l10n("check", "--project", str(root), "-f", "github")
    assert "line=12," in result.stdout  # the msgstr keyword, as msgfmt reports
    syntax = l10n("check", str(_write(tmp_path / "s.po", HEADER + 'msgid "a"\nmsgstr "A\\q"\n')))
    assert "s.po:8:11: V002 po-syntax-error: invalid control sequence" in syntax.stdout


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ 4. machine output

def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared("schemas/sarif-schema-2.1.0.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", ["my essays", "에세이", "100% done"])
def test_sarif_validates_against_the_official_schema(tmp_path: Path, name: str) -> None:
    validator = sarif_validator()
    folder = tmp_path / name
    root = po_project(folder, {f"{name}.po": BAD_ENTRY + "\n# l10n-ignore: W002\n"
                               'msgid "약 10억 명이 실업자다."\nmsgstr "About 100 million  people."\n'})
    (root / "locales/en/LC_MESSAGES/broken.po").write_text('msgid "a"\n', encoding="utf-8")
    outside = _write(tmp_path / "out side %.po", HEADER + BAD_ENTRY)
    result = l10n("check", "--project", str(root), str(root / "locales"), str(outside),
                  "-f", "sarif", cwd=root)
    sarif = json.loads(result.stdout)
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, errors[0]
    run = sarif["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]}
    from urllib.parse import quote

    assert f"locales/en/LC_MESSAGES/{quote(name)}.po" in uris
    assert all(" " not in u and "에" not in u for u in uris)
    assert any(u.startswith("file:///") and u.endswith("out%20side%20%25.po") for u in uris)
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "\n    " not in rules["G001"]["fullDescription"]["text"]
    assert "l10n checks G001" in rules["G001"]["help"]["text"]
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert suppressed and suppressed[0]["suppressions"][0]["kind"] == "inSource"
    _assert_help_uris_reach_the_reference(rules)


def _assert_help_uris_reach_the_reference(rules: dict) -> None:
    """Every rule's helpUri is the installed reference's file: URI at the code's anchor."""
    from urllib.parse import unquote, urlsplit

    for code, rule in rules.items():
        parts = urlsplit(rule["helpUri"])
        assert parts.scheme == "file" and parts.fragment == code, rule["helpUri"]
        reference = Path(unquote(parts.path))
        assert f'<a id="{code}"></a>' in reference.read_text("utf-8"), code


@pytest.mark.parametrize(("template", "expected"), [
    ("https://example.org/l10n/checks.html#{code}", "https://example.org/l10n/checks.html#G001"),
    ("https://example.org/rules/{code}/{name}", "https://example.org/rules/G001/"
                                               "glossary-term-missing"),
    ("https://example.org/docs/checks.md", "https://example.org/docs/checks.md#G001")])
def test_sarif_help_uri_follows_the_configured_docs_url(tmp_path: Path, template: str,
                                                        expected: str) -> None:
    validator = sarif_validator()
    root = po_project(tmp_path / "p", {"e.po": BAD_ENTRY}, config=f'docs-url = "{template}"\n')
    result = l10n("check", "-f", "sarif", cwd=root)
    sarif = json.loads(result.stdout)
    assert not sorted(validator.iter_errors(sarif), key=str)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["G001"]["helpUri"] == expected


@pytest.mark.parametrize("value", ["checks.html#{code}", "https://example.org/{id}",
                                   "//example.org/checks"])
def test_a_docs_url_that_is_not_an_absolute_template_is_a_configuration_error(
        tmp_path: Path, value: str) -> None:
    root = po_project(tmp_path / "p", {"e.po": GOOD_ENTRY}, config=f'docs-url = "{value}"\n')
    result = l10n("check", cwd=root)
    assert result.returncode == 2, result.stderr
    line = (root / "pyproject.toml").read_text("utf-8").splitlines().index(
        f'docs-url = "{value}"') + 1
    assert result.stderr.startswith(f"error: {root / 'pyproject.toml'}:{line}: 'docs-url'")
    assert "; write docs-url = " in result.stderr


def test_the_check_reference_is_generated_and_committed() -> None:
    """The packaged reference is the registry's; regenerate it with
    `l10n checks --format markdown > src/l10n/checks/checks.md` when a check changes."""
    from l10n.checks.documentation import packaged_reference, reference_markdown

    text = reference_markdown()
    assert packaged_reference().read_text("utf-8") == text, "checks.md in the package is stale"
    for code in REGISTRY:
        assert text.count(f'<a id="{code}"></a>') == 1, code
        assert f"[{code}](#{code})" in text
    assert l10n("checks", "--format", "markdown").stdout == text


def test_github_commands_escape_properties_and_data(tmp_path: Path) -> None:
    from l10n.checks.base import Finding, Severity
    from l10n.report import render_github

    finding = Finding("a,b:c%d\n::add-mask::x.po", 3, "G001", "glossary-term-missing",
                      Severity.ERROR, "50% done\n::error::injected")
    line = render_github([finding], 1)
    assert line == ("::error file=a%2Cb%3Ac%25d%0A%3A%3Aadd-mask%3A%3Ax.po,line=3,"
                    "title=G001 glossary-term-missing::50%25 done%0A::error::injected\n")
    assert line.count("\n") == 1


def test_github_output_for_a_file_name_with_a_newline(tmp_path: Path) -> None:
    path = _write(tmp_path / "x\n::add-mask::secret.po", HEADER + BAD_ENTRY)
    result = l10n("check", str(path), "-g", str(DATA / "checks_glossary.csv"), "-f", "github")
    assert result.stdout.count("\n") == 1 and "%0A%3A%3Aadd-mask%3A%3Asecret.po" in result.stdout


def test_json_is_versioned_and_documented() -> None:
    data = json.loads(l10n("check", "--project", str(ROOT), "-f", "json").stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "l10n"
    assert set(data["summary"]) >= {"files", "errors", "warnings", "info", "suppressed"}
    readme = (ROOT / "README.md").read_text("utf-8")
    assert '"version": 1' in readme and "JSON report" in readme


# ------------------------------------------------------------------ 5. essay names

@pytest.mark.parametrize("name", ["첫-에세이", "my essay", "x;y"])
def test_essays_with_any_file_name(tmp_path: Path, name: str) -> None:
    root = make_project(tmp_path / "p", {f"{name}.md": "첫 문장이다.\n"})
    assert l10n("update", "--project", str(root)).returncode == 0
    assert (root / f"locales/en/LC_MESSAGES/{name}.po").is_file()
    result = l10n("check", "--project", str(root))
    assert "1 file(s) checked" in result.stdout


def test_colliding_essay_names_fail_the_same_way_in_every_command(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"Essay.md": "가는 간다.\n", "essay.txt": "나는 간다.\n"})
    messages = set()
    for command in ("update", "extract"):
        result = l10n(command, "--project", str(root))
        assert result.returncode == 3 and result.stderr.count("\n") == 1
        messages.add(result.stderr)
    assert len(messages) == 1 and "would share the catalog" in messages.pop()
    assert not (root / "locales").exists()


# ------------------------------------------------------------------ 6. status

def test_status_fits_80_columns_and_is_not_padded_in_a_pipe(bundled: Path) -> None:
    narrow = l10n("status", "--project", str(bundled), "--no-qa", env={"COLUMNS": "80"})
    lines = narrow.stdout.splitlines()
    assert narrow.returncode == 0 and max(map(len, lines)) <= 80
    header = next(line for line in lines if "essay" in line)
    assert "…" not in narrow.stdout and {"essay", "chars%", "publish"} <= set(header.split())
    piped = l10n("status", "--project", str(bundled), "--no-qa", env={"COLUMNS": ""})
    assert all(line == line.rstrip() for line in piped.stdout.splitlines())
    assert "obsolete" in piped.stdout  # wide enough for every column


def test_status_markdown_escapes_names_and_reasons() -> None:
    from l10n.progress.counts import TranslatorWork, total_progress
    from l10n.progress.report import markdown_cell, status_markdown

    text = status_markdown([], total_progress([]), [TranslatorWork(
        "Eve | x ![p](https://evil.example/p.png) <img src=x> [l](j:x)", 1, 2)])
    row = text.splitlines()[-1]
    assert row.count(" | ") == 3  # four cells, no column injected
    assert not re.search(r"(?<!\\)!(?<!\\)\[|<img|(?<!\\)\]\(", row)
    assert markdown_cell("a|b") == "a\\|b"


# ------------------------------------------------------------------ 7. environment, CLI

def test_make_demo_installs_only_the_runtime_dependencies() -> None:
    if shutil.which("make") is None:
        if os.environ.get("CI"):
            pytest.fail("make is required in CI")
        pytest.skip("no make")
    demo = subprocess.run(["make", "-n", "-B", "demo"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert "pip install --quiet -e ." in demo and "[test]" not in demo
    test = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert "-e '.[test]'" in test


def test_version_and_short_help() -> None:
    from l10n import __version__

    assert l10n("--version").stdout == f"l10n {__version__}\n"
    assert l10n("-h").returncode == 0 and "Usage" in l10n("-h").stdout
    assert "--exit-zero" in l10n("check", "-h").stdout


# ------------------------------------------------------------------ pre-commit

def test_pre_commit_blocks_the_bad_translation_in_a_monorepo(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.fail("git is required")
    repo = monorepo(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: l10n-check\n    name: l10n check\n"
        "    entry: l10n check\n    language: system\n    files: \\.po$\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    git = ["git", "-C", str(repo)]
    subprocess.run(git + ["add", "-A"], check=True, env=env)
    subprocess.run(pre_commit + ["install"], cwd=repo, check=True, env=env,
                   capture_output=True)
    blocked = subprocess.run(git + ["commit", "-qm", "bad"], env=env, capture_output=True,
                             text=True)
    assert blocked.returncode != 0
    assert "essays/locales/en/LC_MESSAGES/e.po:8: G001 glossary-term-missing" in \
        blocked.stdout + blocked.stderr
    po = repo / "essays/locales/en/LC_MESSAGES/e.po"
    po.write_text(HEADER + GOOD_ENTRY, encoding="utf-8")
    subprocess.run(git + ["add", "-A"], check=True, env=env)
    passed = subprocess.run(git + ["commit", "-qm", "good"], env=env, capture_output=True,
                            text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_repositorys_own_hook_definition_runs(tmp_path: Path) -> None:
    repo = monorepo(tmp_path)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                             "l10n-check-system", "--all-files"], cwd=repo, env=env,
                            capture_output=True, text=True)
    if "not a git repository" in result.stdout + result.stderr and not os.environ.get("CI"):
        pytest.skip("this checkout is not a git repository")
    assert result.returncode == 1 and "G001 glossary-term-missing" in result.stdout


# ------------------------------------------------------------------ docstring examples

def _example_text(body: str) -> bytes:
    header = HEADER
    if body.startswith("(no header) "):
        header, body = "", body[len("(no header) "):]
    text = header + body.replace(" | ", "\n") + "\n"
    data = text.encode("utf-8")
    return re.sub(rb"\xe2\x9f\xa80x([0-9a-f]{2})\xe2\x9f\xa9",
                  lambda m: bytes([int(m.group(1), 16)]), data)


FILE_EXAMPLES = [(c.code, kind, source) for c in REGISTRY.values()
                 if c.scope in ("file", "suppression") for kind, source, _ in c.examples()]


@pytest.mark.parametrize(("code", "kind", "source"), FILE_EXAMPLES,
                         ids=[f"{e[0]}-{e[1]}" for e in FILE_EXAMPLES])
def test_file_and_suppression_examples(tmp_path: Path, code: str, kind: str,
                                       source: str) -> None:
    from l10n.checks import check_groups

    path = tmp_path / "e.po"
    path.write_bytes(_example_text(source))
    report = check_groups(gather([path]))
    found = sorted({f.code for f in report.shown})
    if kind == "Good":
        assert found == [], found
    else:  # exactly this code of the V and L families (another family may see it too)
        assert [c for c in found if c[0] in "VL"] == [code], found


RUN_EXAMPLES = [(c.code, kind, source) for c in REGISTRY.values() if c.scope == "run"
                for kind, source, _ in c.examples()]


@pytest.mark.parametrize(("code", "kind", "setting"), RUN_EXAMPLES,
                         ids=[f"{e[0]}-{e[1]}" for e in RUN_EXAMPLES])
def test_run_examples(tmp_path: Path, code: str, kind: str, setting: str) -> None:
    root = po_project(tmp_path / "p", {"e.po": GOOD_ENTRY})
    path = root / "pyproject.toml"
    key = setting.split("=")[0].strip()
    text = re.sub(rf"^{key} = .*$", setting, path.read_text("utf-8"), flags=re.M)
    path.write_text(text if setting in text else text.replace("[tool.l10n]\n",
                                                              f"[tool.l10n]\n{setting}\n"), "utf-8")
    result = l10n("check", "--project", str(root), "-f", "json")
    found = sorted({f["code"] for f in json.loads(result.stdout)["findings"]})
    assert found == ([code] if kind == "Bad" else []), result.stdout


# ------------------------------------------------------------------ msgfmt agreement

def msgfmt_rejects(path: Path) -> bool:
    return subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],
                          capture_output=True).returncode != 0


def need_msgfmt() -> None:
    if shutil.which("msgfmt") is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is required in CI")
        pytest.skip("no msgfmt")


CASES = [
    'msgid "a"\n\nmsgid "b"\nmsgstr "B"\n', 'msgid "a"\nmsgstr "A"\n\nmsgid "a"\nmsgstr "B"\n',
    '#, c-format\nmsgid "a %d"\nmsgstr "A %s"\n', '#, c-format\nmsgid "%d %s"\nmsgstr "%2$s %1$d"\n',
    '#, python-format\nmsgid "%(x)s"\nmsgstr "%(y)s"\n', 'msgid "x\\n"\nmsgstr "X"\n',
    '#, fuzzy, c-format\nmsgid "a %d"\nmsgstr "A %s"\n', 'msgid "a\nmsgstr "A"\n',
    'msgid "a"\nmsgstr "A\\q"\n', 'msgid "a"\nmsgstr "A"\nfoo "x"\n',
    '#~ msgid "a"\n#~ msgstr "A"\n\n#~ msgid "a"\n#~ msgstr "B"\n',
    'msgctxt "c"\nmsgid "a"\nmsgstr "A"\n\nmsgid "a"\nmsgstr "B"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\n', 'msgid "a"\n# c\nmsgstr "A"\n',
    'msgid "a"\nmsgstr "A"\n\n#~ msgid "a"\n#~ msgstr "B"\n', '#~ msgid "a"\nmsgstr "B"\n',
    'msgid "a"\nmsgstr "A" "B"\n', '#, python-format\nmsgid "%s %d"\nmsgstr "%d %s"\n',
    '#, python-format\nmsgid "%(a)s %(b)d"\nmsgstr "%(b)d %(a)s"\n', 'msgstr "A"\n',
    '#, c-format\nmsgid "%ld"\nmsgstr "%d"\n', '#, c-format\nmsgid "%d %i"\nmsgstr "%i %d"\n',
]


@pytest.mark.parametrize("body", CASES)
def test_validation_agrees_with_msgfmt(tmp_path: Path, body: str) -> None:
    need_msgfmt()
    path = _write(tmp_path / "c.po", HEADER + body)
    assert bool(validate_po(HEADER + body).problems) == msgfmt_rejects(path)


def test_validation_agrees_with_msgfmt_on_real_and_mutated_catalogs(tmp_path: Path) -> None:
    need_msgfmt()
    import random

    corpus = sorted(p for p in shared("po-corpus/files").glob("*.po")
                    if not p.name.endswith(".msgcat.po"))
    rng = random.Random(16)
    checked = 0
    for path in corpus[::5]:
        try:
            text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
        lines = text.split("\n")
        variants = [text]
        for _ in range(2):  # a deleted line, a duplicated entry, a cut quote
            index = rng.randrange(len(lines))
            variants.append("\n".join(lines[:index] + lines[index + 1:]))
        cut = [i for i, line in enumerate(lines) if line.startswith("msgstr \"") and len(line) > 9]
        if cut:
            i = rng.choice(cut)
            variants.append("\n".join(lines[:i] + [lines[i][:-1]] + lines[i + 1:]))
        for number, variant in enumerate(variants):
            target = _write(tmp_path / f"{path.stem}-{number}.po", variant)
            assert bool(validate_po(variant).problems) == msgfmt_rejects(target), target
            checked += 1
    assert checked >= 60


def test_validation_is_linear_on_adversarial_input() -> None:
    for text in (HEADER + 'msgid "a"\nmsgstr "' + "\\101" * 100_000 + '\\q"\n',
                 HEADER + 'msgid "a"\nmsgstr "' + '\\"' * 100_000 + "\n",
                 HEADER + "#, c-format\nmsgid \"" + "%d" * 50_000 + '"\nmsgstr "' + "%" * 100_000 + '"\n',
                 HEADER + 'msgid "a"\n' * 100_000):
        start = time.perf_counter()
        assert validate_po(text).problems
        assert time.perf_counter() - start < 10  # generous: linear takes well under a second


def test_msgstr_lines_feed_the_unit_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.po", HEADER + "# note\n" + 'msgid "가"\nmsgstr ""\n"Ga  goes."\n')
    loaded = load_catalog(path, "e.po")
    findings = run_checks([(path, loaded.po)], lines={path: loaded.msgstr_lines})
    assert [(f.code, f.line) for f in findings] == [("W002", 9)]
