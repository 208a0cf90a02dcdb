"""Reliability: real-world PO files, kills during update, fuzzing, bad inputs, security."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.checks import run_checks
from l10n.errors import L10nError
from l10n.files import recover
from l10n.glossary.terms import parse_glossary
from l10n.pipeline import JOURNAL
from l10n.po.catalog import format_catalog, parse_catalog, read_catalog
from l10n.progress.counts import compute_progress
from l10n.source import decode_source, parse_essay

from .conftest import PYPROJECT, ROOT, make_project

GNU = shutil.which("msgcat") is not None


# ------------------------------------------------------------------ real-world files

def django_catalogs() -> list[Path]:
    try:
        import django
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Django (a test extra) must be installed in CI")
        pytest.skip("Django not installed")
    return sorted(Path(django.__file__).parent.glob("**/locale/*/LC_MESSAGES/django.po"))


@pytest.mark.skipif(not GNU, reason="GNU gettext not installed")
def test_django_catalogs_round_trip_check_and_status(tmp_path: Path) -> None:
    files = django_catalogs()
    assert len(files) >= 300
    differ = []
    for index, path in enumerate(files):
        normal = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        copy = tmp_path / f"{index}.po"
        copy.write_bytes(normal)
        po = read_catalog(copy)
        if format_catalog(po, force_po=False).encode() != normal:
            differ.append(path)
        findings = run_checks([(copy, po)])
        assert not [f for f in findings if f.code == "L000"], path
        progress = compute_progress(po, name=path.stem)
        assert progress.entries.total == len([e for e in po if not e.obsolete and e.msgid])
    assert differ == [], differ[:3]


# ------------------------------------------------------------------ never lose work

def _kill_project(tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
    root = tmp_path / "k"
    root.mkdir()
    for name in ("source", "locales"):
        shutil.copytree(ROOT / name, root / name)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    essay = root / "source/ko/fourth-industrial-revolution.md"
    essay.write_text(essay.read_text("utf-8").replace("과감한", "대담한") +
                     "\n새로 쓴 문단이다. 번역이 필요하다.\n", "utf-8")
    old = {p: p.read_bytes() for p in (root / "locales").rglob("*.po*")}
    return root, old


def test_update_killed_at_random_moments_leaves_old_or_new_files(tmp_path: Path) -> None:
    root, old = _kill_project(tmp_path)
    command = [sys.executable, "-c", "from l10n.cli import main; main()", "update", "-q",
               "--project", str(root)]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")  # the same dates in every run
    reference = tmp_path / "ref"
    shutil.copytree(root, reference)
    subprocess.run([*command[:-1], str(reference)], check=True, capture_output=True, env=env)
    new = {root / p.relative_to(reference): p.read_bytes()
           for p in (reference / "locales").rglob("*.po*")}
    subprocess.run(command, check=True, capture_output=True, env=env)  # fills the cache
    for path, data in old.items():  # restore: the kill runs start from the old files
        path.write_bytes(data)
    # as long as a kill run takes (segmentation cache warm): the quickest of three, so
    # that a busy moment while measuring does not let most runs finish before their kill
    durations = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        durations.append(time.perf_counter() - start)
        for path, data in old.items():
            path.write_bytes(data)
    duration = min(durations)
    rng = random.Random(20261128)
    kills = completed = 0
    for _ in range(200):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=env)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        else:
            completed += 1
        process.wait()
        for path in old:
            data = path.read_bytes()
            assert data in (old[path], new[path]), f"{path.name} is neither old nor new"
        recover(root / JOURNAL, root)  # as the next run does, under the project lock
        states = {"old" if path.read_bytes() == old[path] else "new" for path in old}
        assert len(states) == 1, "the set of files is half old, half new"
        assert not (root / JOURNAL).exists()
        leftovers = [p for p in (root / "locales").rglob(".*.tmp")]
        for stray in leftovers:  # a killed writer may leave its temporary file, never a PO
            stray.unlink()
        for path, data in old.items():
            path.write_bytes(data)
    assert kills >= 100, (kills, completed)


def _full_disk_at(monkeypatch, level: int) -> list[int]:
    """os.write in l10n.files fails with ENOSPC from its ``level``-th call on."""
    import errno

    import l10n.files

    calls = [0]
    write = os.write

    def full(fd, data):
        calls[0] += 1
        if calls[0] >= level:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(fd, data)

    monkeypatch.setattr(l10n.files.os, "write", full)
    return calls


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".l10n-cache" not in p.parts}


def test_disk_full_at_every_write_of_update_and_build_changes_nothing(tmp_path: Path,
                                                                      monkeypatch) -> None:
    """Every level at which the disk can fill during an update (templates, catalogs, the
    journal) or a build (pages, the manifest): the tree is as before, no temporary left."""
    from l10n.config import load_config
    from l10n.pipeline import update_project
    from l10n.publish import build_site

    from .conftest import fixed_clock

    essays = {f"e{i}.md": f"# 제목 {i}\n\n글 {i}의 첫 문장이다.\n" for i in range(3)}
    root = make_project(tmp_path / "p", essays)
    update_project(load_config(root), clock=fixed_clock)
    build_site(load_config(root), force=True)
    for i in range(3):
        (root / f"source/ko/e{i}.md").write_text(f"# 제목 {i}\n\n글 {i}의 고친 문장이다.\n",
                                                 encoding="utf-8")
    levels = {"update": 0, "build": 0}
    for command in ("update", "build"):
        for level in range(1, 40):
            before = _tree(root)
            with monkeypatch.context() as patch:
                calls = _full_disk_at(patch, level)
                try:
                    if command == "update":
                        update_project(load_config(root), clock=fixed_clock)
                    else:
                        build_site(load_config(root), force=True)
                except L10nError as exc:
                    assert "No space left" in str(exc)
                    assert _tree(root) == before, (command, level)
                    assert not list(root.rglob(".*.tmp"))
                    levels[command] += 1
                    continue
            assert calls[0] < level  # the run finished before the disk filled
            break
    assert levels["update"] >= 7 and levels["build"] >= 5, levels


def test_two_updates_at_once_one_waits_or_stops_clearly(tmp_path: Path) -> None:
    root, _ = _kill_project(tmp_path)
    command = [sys.executable, "-c", "from l10n.cli import main; main()", "update", "-q",
               "--project", str(root)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [(p.wait(), p.communicate()[1]) for p in (first, second)]
    codes = sorted(code for code, _ in results)
    assert codes[0] == 0
    if codes[1] != 0:
        message = [err for code, err in results if code != 0][0]
        assert "another l10n command is updating this project" in message
    subprocess.run(["msgfmt", "--check", "-o", os.devnull,
                    str(root / "locales/en/LC_MESSAGES/fourth-industrial-revolution.po")],
                   check=GNU)


# ------------------------------------------------------------------ fuzzing

def _typed_or_ok(function, *args) -> None:
    try:
        function(*args)
    except L10nError as exc:
        assert str(exc)  # a typed error with a message, never a traceback


po_lines = st.lists(st.sampled_from([
    'msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', 'msgid "가"',
    'msgstr "a"', '#, fuzzy', '#~ msgid "b"', '#~ msgstr "c"', 'msgctxt "x"', '#| msgid "d"',
    'msgid_plural "e"', 'msgstr[0] "f"', 'msgstr[1] "g"', '"continued"', "", "# comment",
    '#. glossary: x', '#: a.md:1', 'garbage', 'msgstr "\\"unterminated', '"\\u00"',
]), max_size=25).map("\n".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(po_lines, st.text(max_size=200)))
def test_po_reader_never_crashes(text: str) -> None:
    def load_save_check() -> None:
        po = parse_catalog(text)
        again = parse_catalog(format_catalog(po))
        # GNU order: live entries first, then obsolete ones; untranslated obsolete dropped
        assert [(e.msgid, e.msgstr, e.obsolete) for e in again] == \
            sorted(((e.msgid, e.msgstr, e.obsolete) for e in po
                    if e.msgstr or any(e.msgstr_plural.values()) or not e.obsolete),
                   key=lambda item: item[2])
        run_checks([(Path("f.po"), po)])
        compute_progress(po, name="f")

    _typed_or_ok(load_save_check)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_source_reader_never_crashes(data: bytes) -> None:
    _typed_or_ok(lambda: parse_essay(decode_source(data, "e.md"), name="e", path="e.md"))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["초연결", "hyper", "a|b", '"', "", "name", "keep",
                                          "term", ",", "\n", "x,y", "중소 기업", "bad"]),
                         max_size=8).map(",".join), max_size=6).map("\n".join))
def test_glossary_reader_never_crashes(body: str) -> None:
    _typed_or_ok(parse_glossary, "ko,en,ko_variants,en_variants,forbidden,kind,note\n" + body)


# ------------------------------------------------------------------ bad input catalogue

def cli(*args: str, cwd: Path | None = None):
    return subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd or Path("/"))


def test_ten_megabyte_line_is_refused_clearly(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"big.md": "가" * 10_000_000 + "\n"})
    result = cli("update", "--project", str(root))
    assert result.returncode == 3
    assert "big.md:1:" in result.stderr and "split" in result.stderr
    assert not (root / "locales").exists()


def test_po_with_duplicate_msgids(tmp_path: Path) -> None:
    path = tmp_path / "dup.po"
    path.write_text('msgid "가"\nmsgstr "a"\n\nmsgid "가"\nmsgstr "b"\n', encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 3 and "duplicate entry" in result.stderr and ":4:" in result.stderr


def test_plural_entries_are_checked_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "plural.po"
    path.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                    'msgid "사과 %d개"\nmsgid_plural "사과 %d개"\nmsgstr[0] "%d apple"\n'
                    'msgstr[1] ""\n', encoding="utf-8")
    assert cli("check", str(path)).returncode in (0, 1)
    progress = compute_progress(read_catalog(path), name="plural")
    assert progress.entries.untranslated == 1


def test_missing_header_is_accepted_and_not_invented(tmp_path: Path) -> None:
    po = parse_catalog('msgid "가"\nmsgstr "a"\n')
    assert format_catalog(po) == 'msgid "가"\nmsgstr "a"\n'  # as msgcat writes it


def test_catalog_for_a_language_the_project_does_not_target(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"e.md": "가는 간다.\n"})
    assert cli("update", "--project", str(root)).returncode == 0
    po = root / "locales/en/LC_MESSAGES/e.po"
    po.write_text(po.read_text("utf-8").replace("Language: en", "Language: ja"), "utf-8")
    result = cli("update", "--project", str(root))
    assert result.returncode == 3 and "Language: ja" in result.stderr


def test_non_utf8_po_and_nul_bytes(tmp_path: Path) -> None:
    latin = tmp_path / "latin.po"
    latin.write_bytes('msgid "é"\nmsgstr "é"\n'.encode("latin-1"))
    result = cli("check", str(latin))
    assert result.returncode == 3 and "not valid UTF-8" in result.stderr
    nul = tmp_path / "nul.po"
    nul.write_bytes(b'msgid "a"\nmsgstr "\x00"\n')
    result = cli("check", str(nul))
    assert result.returncode == 3 and "NUL" in result.stderr


def test_crlf_and_bom_in_po_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crlf.po"
    path.write_bytes(b'\xef\xbb\xbfmsgid "a"\r\nmsgstr "b"\r\n')
    assert [e.msgstr for e in read_catalog(path)] == ["b"]


# ------------------------------------------------------------------ security

@pytest.mark.parametrize("name", ["..evil.md", ".hidden.md", "a b.md", "에세이.md",
                                  "-rf.md", "x;rm -rf.md"])
def test_hostile_essay_names_never_become_paths(name: str, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {})
    (root / "source/ko" / name).write_text("가는 간다.\n", encoding="utf-8")
    result = cli("update", "--project", str(root))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.po*"))
    if name.startswith("."):  # hidden files are skipped
        assert written == []
    else:  # any other name is one catalog inside the project, named after the essay
        stem = name[:-3]
        assert written == [f"locales/en/LC_MESSAGES/{stem}.po", f"locales/templates/{stem}.pot"]


def test_no_network_at_run_time(monkeypatch, tmp_path: Path) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("l10n opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    root = make_project(tmp_path / "p", {"e.md": "가는 간다. 나는 난다.\n"},
                        glossary="ko,en\n가,ga\n")
    from l10n.config import load_config
    from l10n.pipeline import update_project
    from l10n.publish import build_site

    config = load_config(root)
    update_project(config)
    build_site(config, out=root / "site", force=True)


@pytest.mark.parametrize(("setup", "args", "code", "message"), [
    ("source = 5", ["update"], 2, "'source' must be a string"),
    ('[tool.l10n.severity]\nN001 = "bogus"', ["check"], 2, "'severity' must be a table"),
    ("", ["status", "-f", "xml"], 2, "unknown format"),
    ("", ["status", "--since", "2020-13-01"], 2, "is not a date"),
    ("", ["update", "nosuch"], 2, "no essay named nosuch"),
    ("", ["status", "--language", "xx"], 2, "does not target language 'xx'"),
    ("", ["status", "-f", "badge", "--out", "/tmp"], 3, "not a regular file"),
])
def test_configuration_and_usage_errors_are_one_line(tmp_path: Path, setup: str, args: list[str],
                                                    code: int, message: str) -> None:
    root = make_project(tmp_path / "p", {"e.md": "가는 간다.\n"})
    if setup:
        text = (root / "pyproject.toml").read_text("utf-8")
        if setup.startswith("["):
            text += "\n" + setup + "\n"
        else:
            text = text.replace('[tool.l10n]\nsource = "source/ko"', "[tool.l10n]\n" + setup)
        (root / "pyproject.toml").write_text(text, encoding="utf-8")
    assert cli("update", "--project", str(root)).returncode in (0, 2)
    result = cli(*args, "--project", str(root))
    assert result.returncode == code, result.stderr
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_unclosed_quote_in_a_po_file_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid "3차는 있었나?\nmsgstr ""\n', encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 3 and "broken.po:1:" in result.stderr


def test_writes_never_go_through_symlinks(tmp_path: Path) -> None:
    """Finding 8: a link (even a dangling one) is refused, never written through."""
    from l10n.files import write_text_atomic

    real = tmp_path / "real.po"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.po"
    link.symlink_to(real)
    with pytest.raises(L10nError, match="symbolic link"):
        write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old"
    dangling = tmp_path / "dangling.po"
    dangling.symlink_to(tmp_path / "elsewhere.po")
    with pytest.raises(L10nError, match="symbolic link"):
        write_text_atomic(dangling, "new")
    assert not (tmp_path / "elsewhere.po").exists()
