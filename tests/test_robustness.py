"""Issue 19: no translator's work lost or stranded, nothing written outside the project,
no input that hangs. One test (or more) per finding; each failed before its fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from l10n import files
from l10n.config import load_config
from l10n.errors import CatalogError, ConcurrentRunError, ConfigError, L10nError
from l10n.pipeline import update_project
from l10n.po.catalog import read_catalog

from .conftest import ROOT, fixed_clock, make_project

ESSAY = "# 제목\n\n첫 문장이다. 둘째 문장이다.\n\n셋째 문단의 문장이다.\n"


def cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    return subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True,
                          text=True, cwd=cwd or Path("/"), env=env)


def translate(po_path: Path, done: dict[str, str]) -> None:
    """Fill msgstrs as a translator would (and save through l10n's own writer)."""
    po = read_catalog(po_path)
    for entry in po:
        if entry.msgid in done:
            entry.msgstr = done[entry.msgid]
    from l10n.po.catalog import format_catalog

    po_path.write_text(format_catalog(po), encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and ".l10n-cache" not in p.parts}


DONE = {"제목": "Title", "첫 문장이다.": "The first sentence.",
        "둘째 문장이다.": "The second sentence.", "셋째 문단의 문장이다.": "A third paragraph."}


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", {"a.md": ESSAY, "other.md": "다른 글이다.\n"})
    update_project(load_config(root), clock=fixed_clock)
    translate(root / "locales/en/LC_MESSAGES/a.po", DONE)
    return root


# ------------------------------------------------------------------ 2: the save race

def test_save_between_check_and_rename_is_never_overwritten(translated: Path,
                                                            monkeypatch) -> None:
    """Finding 2: a translator's save that lands after every check, just before the file
    is swapped in, is detected after the swap and put back; the run changes nothing."""
    import l10n.files

    po_path = translated / "locales/en/LC_MESSAGES/a.po"
    essay = translated / "source/ko/a.md"
    essay.write_text(ESSAY + "\n새 문단이다.\n", encoding="utf-8")
    before = snapshot(translated)
    exchange = l10n.files.exchange
    saved = po_path.read_text("utf-8").replace("The first sentence.", "A translator's save.")

    def save_then_exchange(folder, first, second):
        if second == "a.po" and not po_path.read_text("utf-8").count("translator's save"):
            po_path.write_text(saved, encoding="utf-8")  # in place, as some editors do
        return exchange(folder, first, second)

    monkeypatch.setattr(l10n.files, "exchange", save_then_exchange)
    with pytest.raises(ConcurrentRunError, match="changed on disk"):
        update_project(load_config(translated), clock=fixed_clock)
    after = snapshot(translated)
    assert after.pop("locales/en/LC_MESSAGES/a.po") == saved.encode()
    before.pop("locales/en/LC_MESSAGES/a.po")
    assert after == before  # the template and the other catalogs too: nothing changed
    assert not list(translated.rglob(".*.tmp"))


def test_save_by_rename_during_a_slow_write_is_kept(translated: Path, monkeypatch) -> None:
    """Finding 2 with the slowed fsync of the report: an editor saving by rename (a new
    inode) while l10n fsyncs its output."""
    po_path = translated / "locales/en/LC_MESSAGES/a.po"
    (translated / "source/ko/a.md").write_text(ESSAY + "\n새 문단이다.\n", encoding="utf-8")
    saved = po_path.read_text("utf-8").replace("The first sentence.", "Saved by rename.")
    fsync = os.fsync

    def slow_fsync(fd):
        staging = ".a.po." in os.readlink(f"/proc/self/fd/{fd}")  # l10n's new a.po
        if staging and not po_path.read_text("utf-8").count("Saved by rename"):
            side = po_path.with_name("editor-save.tmp")
            side.write_text(saved, encoding="utf-8")
            os.replace(side, po_path)
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    with pytest.raises(ConcurrentRunError):
        update_project(load_config(translated), clock=fixed_clock)
    assert po_path.read_text("utf-8") == saved


def test_transaction_api_for_merge_checks_the_digest_as_read(tmp_path: Path) -> None:
    """The API the merge command can use: the digest taken when the file was read."""
    path = tmp_path / "x.po"
    path.write_text("old", encoding="utf-8")
    digest = files.file_digest(path)
    path.write_text("translator", encoding="utf-8")
    with pytest.raises(ConcurrentRunError), files.Transaction(tmp_path) as staged:
        staged.write_text(path, "merged", expected_digest=digest)
    assert path.read_text("utf-8") == "translator"
    assert files.write_text_atomic(path, "merged", expected_digest=files.file_digest(path))
    assert path.read_text("utf-8") == "merged"
    new = tmp_path / "new.po"  # expected None: it must not exist at commit
    with pytest.raises(ConcurrentRunError), files.Transaction(tmp_path) as staged:
        staged.write_text(new, "ours", expected_digest=None)
        new.write_text("theirs", encoding="utf-8")
    assert new.read_text("utf-8") == "theirs"


# ------------------------------------------------------------------ 3: renamed essays

def _inherited(po_path: Path) -> dict[str, tuple[str, bool]]:
    return {e.msgid: (e.msgstr, "fuzzy" in e.flags) for e in read_catalog(po_path)
            if not e.obsolete}


def test_renamed_essay_updated_by_its_new_name_keeps_its_translations(translated: Path
                                                                      ) -> None:
    """Finding 3: git mv a.md b.md; l10n update b."""
    (translated / "source/ko/a.md").rename(translated / "source/ko/b.md")
    update_project(load_config(translated), names=["b"], clock=fixed_clock)
    got = _inherited(translated / "locales/en/LC_MESSAGES/b.po")
    assert got == {k: (v, False) for k, v in DONE.items()}


def test_deleted_then_readded_under_another_name_keeps_its_translations(translated: Path
                                                                        ) -> None:
    """Finding 3: deleted, updated (the catalog retired), re-added later, edited."""
    text = (translated / "source/ko/a.md").read_text("utf-8")
    (translated / "source/ko/a.md").unlink()
    update_project(load_config(translated), clock=fixed_clock)
    assert all(e.obsolete for e in read_catalog(translated / "locales/en/LC_MESSAGES/a.po"))
    edited = text.replace("둘째 문장이다.", "둘째 문장이었다.")
    (translated / "source/ko/c.md").write_text(edited, encoding="utf-8")
    update_project(load_config(translated), clock=fixed_clock)
    got = _inherited(translated / "locales/en/LC_MESSAGES/c.po")
    assert got["첫 문장이다."] == ("The first sentence.", False)  # exact: as it was
    assert got["둘째 문장이었다."] == ("The second sentence.", True)  # similar: fuzzy


def test_catalog_created_first_then_filled_from_the_retired_one(translated: Path) -> None:
    """Finding 3, the other order: the new catalog exists (untranslated) before the old
    one is retired; a later update still fills it."""
    (translated / "source/ko/a.md").rename(translated / "source/ko/b.md")
    po_b = translated / "locales/en/LC_MESSAGES/b.po"
    po_b.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(translated / "locales/templates/a.pot", po_b)  # an empty catalog for b
    text = po_b.read_text("utf-8").replace('"Language: \\n"', '"Language: en\\n"')
    po_b.write_text(text, encoding="utf-8")
    update_project(load_config(translated), clock=fixed_clock)
    assert _inherited(po_b) == {k: (v, False) for k, v in DONE.items()}


# ------------------------------------------------------------------ 4: NFC

def test_source_saved_in_nfd_keeps_every_translation(translated: Path) -> None:
    """Finding 4: a macOS editor saves the essay in NFD."""
    essay = translated / "source/ko/a.md"
    essay.write_text(unicodedata.normalize("NFD", ESSAY), encoding="utf-8")
    update_project(load_config(translated), clock=fixed_clock)
    got = _inherited(translated / "locales/en/LC_MESSAGES/a.po")
    assert got == {k: (v, False) for k, v in DONE.items()}


def test_catalog_saved_in_nfd_keeps_every_translation(translated: Path) -> None:
    po_path = translated / "locales/en/LC_MESSAGES/a.po"
    po_path.write_text(unicodedata.normalize("NFD", po_path.read_text("utf-8")), "utf-8")
    update_project(load_config(translated), clock=fixed_clock)
    got = _inherited(po_path)
    assert got == {k: (unicodedata.normalize("NFD", v), False) for k, v in DONE.items()}
    assert not [e for e in read_catalog(po_path) if e.obsolete]


def test_glossary_saved_in_nfd_still_annotates(tmp_path: Path) -> None:
    from l10n.glossary.terms import project_glossary

    glossary = unicodedata.normalize("NFD", "ko,en\n문장,sentence\n")
    root = make_project(tmp_path / "g", {"a.md": unicodedata.normalize("NFD", ESSAY)},
                        glossary=glossary)
    config = load_config(root)
    update_project(config, clock=fixed_clock, glossary=project_glossary(config))
    pot = read_catalog(root / "locales/templates/a.pot")
    assert "sentence" in pot.find("첫 문장이다.").comment


# ------------------------------------------------------------------ 5: no source found

@pytest.mark.parametrize("change", ["typo", "empty"])
def test_run_that_finds_no_essay_refuses_to_retire_every_catalog(translated: Path,
                                                                 change: str) -> None:
    before = snapshot(translated)
    pyproject = translated / "pyproject.toml"
    if change == "typo":
        (translated / "sourc").mkdir()
        pyproject.write_text(pyproject.read_text("utf-8").replace('"source/ko"', '"sourc"'),
                             encoding="utf-8")
        before = snapshot(translated)
    else:
        for essay in (translated / "source/ko").iterdir():
            essay.unlink()
        before = snapshot(translated)
    result = cli("update", "--project", str(translated))
    assert result.returncode == 2, result.stderr
    assert "would be retired" in result.stderr and result.stderr.count("\n") == 1
    assert snapshot(translated) == before


# ------------------------------------------------------------------ 6: one transaction

def test_one_unreadable_catalog_changes_nothing_at_all(tmp_path: Path) -> None:
    """Finding 6: the POT and the other essays' catalogs were rewritten before the run
    stopped at a bad catalog."""
    essays = {f"e{i}.md": f"글 {i}의 첫 문장이다.\n" for i in range(4)}
    root = make_project(tmp_path / "p", essays)
    update_project(load_config(root), clock=fixed_clock)
    for i in range(4):
        (root / f"source/ko/e{i}.md").write_text(f"글 {i}의 고친 문장이다.\n", encoding="utf-8")
    (root / "locales/en/LC_MESSAGES/e3.po").write_bytes(b'msgid "a\n')  # broken, last
    before = snapshot(root)
    with pytest.raises(CatalogError):
        update_project(load_config(root), clock=fixed_clock)
    assert snapshot(root) == before


# ------------------------------------------------------------------ 8, 9: confinement

def test_symlink_in_locales_is_never_written_through(translated: Path, tmp_path: Path
                                                     ) -> None:
    """Finding 8: a (dangling) link committed inside locales/."""
    outside = tmp_path / "outside"
    outside.mkdir()
    po_path = translated / "locales/en/LC_MESSAGES/other.po"
    po_path.unlink()
    po_path.symlink_to(outside / "stolen.po")
    before = snapshot(translated)
    result = cli("update", "--project", str(translated))
    assert result.returncode == 3 and "symbolic link" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(outside.iterdir()) == []
    assert snapshot(translated) == before


def test_symlinked_folder_in_the_site_is_never_written_through(translated: Path,
                                                               tmp_path: Path) -> None:
    """Finding 8: build/site/ itself, or a page in it, is a link out of the project."""
    from l10n.publish import build_site

    outside = tmp_path / "outside"
    outside.mkdir()
    (translated / "build").mkdir()
    (translated / "build/site").symlink_to(outside)
    with pytest.raises(L10nError, match="symbolic link"):
        build_site(load_config(translated), force=True)
    assert list(outside.iterdir()) == []
    (translated / "build/site").unlink()
    (translated / "build/site").mkdir()
    (translated / "build/site/a.html").symlink_to(outside / "page.html")
    with pytest.raises(L10nError, match="symbolic link"):
        build_site(load_config(translated), force=True)
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in (translated / "build/site").iterdir()) == ["a.html"]


@pytest.mark.parametrize("languages", ['["en", "../../x"]', '["en/x"]', '["en", "."]',
                                       '["' + "e" * 300 + '"]', '["en\\u0000"]', '[""]',
                                       '["en", "en"]'])
def test_language_codes_are_validated(tmp_path: Path, languages: str) -> None:
    """Finding 9 (and 16: NUL, 300 characters)."""
    root = make_project(tmp_path / "p", {"a.md": ESSAY})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8").replace('["en"]', languages), "utf-8")
    result = cli("update", "--project", str(root))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert not (root / "locales").exists() and not (tmp_path / "x").exists()


@pytest.mark.parametrize("code", ["en", "en_US", "pt-BR", "zh_Hant_TW", "sr@latin", "yue"])
def test_real_language_codes_are_accepted(tmp_path: Path, code: str) -> None:
    root = make_project(tmp_path / "p", {"a.md": ESSAY})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8").replace('["en"]', f'["{code}"]'),
                         "utf-8")
    assert load_config(root).languages == (code,)


@pytest.mark.parametrize("setting", ['locales = "../elsewhere"', 'locales = "/tmp"',
                                     'cache = "../cache"'])
def test_written_folders_outside_the_project_are_refused(tmp_path: Path, setting: str
                                                         ) -> None:
    root = make_project(tmp_path / "p", {"a.md": ESSAY})
    pyproject = root / "pyproject.toml"
    key = setting.split()[0]
    text = "\n".join(line for line in pyproject.read_text("utf-8").splitlines()
                     if not line.startswith(key + " "))
    pyproject.write_text(text + "\n" + setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a folder inside the project"):
        load_config(root)


@pytest.mark.parametrize("command", ["status", "build", "update"])
def test_locales_linked_out_of_the_project_is_one_line(translated: Path, tmp_path: Path,
                                                       command: str) -> None:
    """Finding 16: a symlinked locales (status, build, score: ValueError traceback)."""
    outside = tmp_path / "moved"
    shutil.move(translated / "locales", outside)
    (translated / "locales").symlink_to(outside)
    result = cli(command, "--project", str(translated))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


# ------------------------------------------------------------------ 13: linear checks

@pytest.mark.parametrize(("code", "target"), [
    ("F001", "a'" * 50_000), ("S001", "(가" * 50_000), ("S001", "가" * 100_000),
    ("S001", "'" * 50_000 + "가"), ("S001", "가 (" * 33_000), ("S001", "*가*" * 33_000)])
def test_checks_take_linear_time_on_adversarial_targets(code: str, target: str) -> None:
    """Finding 13 (outside segmentation): 100k characters in a generous budget (before:
    F001 on 80 KB took 111 s, the script family 33 s)."""
    from l10n.checks import run_checks
    from l10n.po.catalog import parse_catalog

    po = parse_catalog(f'msgid "가"\nmsgstr "{target}"\n')
    start = time.perf_counter()
    run_checks([(Path("x.po"), po)])
    assert time.perf_counter() - start < 20


# ------------------------------------------------------------------ 14: non-regular files

@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_device_or_fifo_as_catalog_or_glossary_is_refused_before_reading(tmp_path: Path,
                                                                         kind: str) -> None:
    target = tmp_path / "special"
    if kind == "device":
        target = Path("/dev/zero")
    else:
        os.mkfifo(target)
    result = subprocess.run([sys.executable, "-m", "l10n", "check", str(target)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3 and "not a regular file" in result.stderr
    result = subprocess.run([sys.executable, "-m", "l10n", "glossary", "check", "-g",
                             str(target)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3 and "not a regular file" in result.stderr


def test_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from l10n.errors import read_input

    path = tmp_path / "big.po"
    path.write_bytes(b"#" * 2000)
    with pytest.raises(CatalogError, match="too large"):
        read_input(path, CatalogError, what="catalog", missing_hint="", limit=1000)
    assert read_input(path, CatalogError, what="catalog", missing_hint="", limit=2000)


# ------------------------------------------------------------------ 16: one line

def _git(root: Path, *args: str, name: str = "t") -> None:
    subprocess.run(["git", "-C", str(root), "-c", f"user.name={name}", "-c",
                    "user.email=t@example.org", *args], check=True, capture_output=True)


@pytest.mark.parametrize("author", ["[/]", "[bold red]x[/", "a\x1fb", "x\x1f\x1fy",
                                    "%x00", "a | b ![x](http://e/x.png)"])
def test_hostile_git_author_names_are_shown_as_text(translated: Path, author: str) -> None:
    """Finding 16: Rich markup or a \\x1f in an author name (status, build)."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    _git(translated, "init", "-q")
    _git(translated, "add", "-A")
    _git(translated, "commit", "-qm", "translate", name=author)
    for command in ("status", "build"):
        result = cli(command, "--project", str(translated))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


def test_translator_assignment_with_rich_markup(translated: Path) -> None:
    pyproject = translated / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8") + '\n[[tool.l10n.assignments]]\n'
                         'essay = "a"\ntranslator = "[/]"\n', encoding="utf-8")
    result = cli("status", "--project", str(translated), env={**os.environ, "COLUMNS": "160"})
    assert result.returncode == 0, result.stderr
    assert "[/]" in result.stdout


def test_ctrl_c_is_one_line_and_leaves_no_worker(tmp_path: Path) -> None:
    """Finding 16: SIGINT at random moments (startup included) never prints a traceback;
    pool workers die with their parent."""
    import random
    import signal

    essays = {f"e{i:02}.md": f"글 {i}의 첫 문장이다. 둘째 문장이다.\n" for i in range(12)}
    root = make_project(tmp_path / "p", essays)
    rng = random.Random(19)
    tracebacks = []
    for _ in range(12):
        process = subprocess.Popen([sys.executable, "-m", "l10n", "update", "--jobs", "2",
                                    "--project", str(root)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.05, 1.5))
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        if "Traceback" in err:
            tracebacks.append(err)
        if process.returncode == -signal.SIGINT:  # before Python installed any handler
            assert err == ""
        elif process.returncode != 0:
            assert err.strip().startswith("error:") and err.count("\n") == 1, err
    assert not tracebacks, "\n----\n".join(tracebacks)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    import signal

    script = ("import os, time\nfrom l10n.workers import process_pool\n"
              "pool = process_pool(2)\nprint(' '.join(str(p.pid) for p in pool._pool), "
              "flush=True)\ntime.sleep(60)\n")
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               text=True)
    pids = [int(p) for p in process.stdout.readline().split()]
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in pids if _alive(p)]
    assert alive == []


CHECK_WORKERS = r"""
import os, sys, time
from pathlib import Path
import polib
import l10n.checks as checks
from l10n.errors import Interrupted, interrupt_once
import signal

parent = os.getpid()
def stuck(self, *entries):  # a per-entry task that never ends, in a worker
    if os.getpid() != parent:
        print(os.getpid(), flush=True)
        time.sleep(60)
    return []
from l10n.checks import work
work.Work.units = stuck
signal.signal(signal.SIGINT, interrupt_once)
po = polib.POFile()
for i in range(4100):  # enough entries for the checks to fork
    po.append(polib.POEntry(msgid=f"{i}번째 문장이다.", msgstr=f"Sentence {i}."))
try:
    checks.run_checks([(Path("f.po"), po)], jobs=2)
except Interrupted:
    print("interrupted", flush=True)
    sys.exit(130)
"""


@pytest.mark.parametrize("how", ["ctrl-c", "kill"])
def test_check_workers_ignore_ctrl_c_and_die_with_their_parent(how: str) -> None:
    """The checks' worker pool is workers.process_pool (it was a pool of its own whose
    workers printed a KeyboardInterrupt traceback each on Ctrl-C and outlived a killed
    parent)."""
    import signal

    process = subprocess.Popen([sys.executable, "-c", CHECK_WORKERS], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    pids = {int(process.stdout.readline()), int(process.stdout.readline())}
    if how == "ctrl-c":  # the terminal signals the whole process group
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 130 and out.strip().endswith("interrupted"), (out, err)
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    else:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {p for p in pids if _alive(p)}
    if alive:
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
    process.stdout.close()
    process.stderr.close()
    assert alive == set()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


# ------------------------------------------------------------------ 17: collisions, 0444

@pytest.mark.parametrize("names", [["index"], ["x", "x.en"], ["A", "a"]])
def test_essay_names_colliding_with_site_files_are_refused(tmp_path: Path,
                                                           names: list[str]) -> None:
    from l10n.errors import PublishError
    from l10n.publish import build_site

    root = make_project(tmp_path / "p", {f"{name}.md": ESSAY for name in names})
    if len({n.casefold() for n in names}) < len(names) and len(list(
            (root / "source/ko").iterdir())) < len(names):
        pytest.skip("case-insensitive file system")
    from l10n.errors import SourceError

    # essays whose names differ only in case collide already when the essays are found
    expected = (SourceError, "would share") if len({n.casefold() for n in names}) < len(
        names) else (PublishError, "writes too")
    with pytest.raises(expected[0], match=expected[1]):
        build_site(load_config(root), force=True)
    assert not (root / "build").exists()


def test_read_only_catalog_is_refused_not_replaced(translated: Path) -> None:
    po_path = translated / "locales/en/LC_MESSAGES/a.po"
    (translated / "source/ko/a.md").write_text(ESSAY + "\n새 문단이다.\n", encoding="utf-8")
    po_path.chmod(0o444)
    before = snapshot(translated)
    result = cli("update", "--project", str(translated))
    assert result.returncode == 3 and "read-only" in result.stderr
    assert snapshot(translated) == before
    assert po_path.stat().st_mode & 0o777 == 0o444


def test_ctrl_c_in_a_forked_worker_before_it_sets_sigint_aside_prints_nothing() -> None:
    """Seen once in test_ctrl_c_is_one_line_and_leaves_no_worker on a loaded machine: a
    Ctrl-C reaching a pool worker between its fork and its initializer ran the parent's
    handler there, which raised, and the worker's traceback reached the shared stderr.
    The handler now unwinds only the process that installed it."""
    code = r"""
import os, signal, sys, time
from l10n.errors import interrupt_once

signal.signal(signal.SIGINT, interrupt_once)
pid = os.fork()
if pid == 0:  # a worker that has not yet set SIGINT aside
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.05)
    sys.stderr.flush()
    os._exit(7)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.stderr == "" and done.stdout.strip() == "7", (done.stdout, done.stderr)


@pytest.mark.parametrize("fork", ["pool", "analyser"])
def test_ctrl_c_while_forking_unwinds_after_the_fork(fork: str) -> None:
    """Seen in test_ctrl_c_is_one_line_and_leaves_no_worker on a loaded machine: a Ctrl-C
    handled inside a fork's own hooks (logging's lock release) printed "Exception ignored
    ... Interrupted" with a traceback, and the run went on as if not interrupted. Here the
    Ctrl-C comes from an at-fork hook, at that very moment: it must reach the code that
    forked, as Interrupted, with nothing on stderr."""
    code = r"""
import logging, os, signal, sys
from l10n.errors import Interrupted, interrupt_once
from l10n.workers import process_pool
from l10n.korean.analyser import Analyser

signal.signal(signal.SIGINT, interrupt_once)
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))
try:
    if sys.argv[1] == "pool":
        with process_pool(1) as pool:
            pool.map(abs, [1])
    else:
        Analyser.start(lazy=True)
    print("not interrupted")
except Interrupted:
    print("interrupted")
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "L10N_ANALYSER": "child"}
    done = subprocess.run([sys.executable, "-c", code, fork], capture_output=True, text=True,
                          timeout=120, env=env)
    assert (done.stdout.strip(), done.stderr) == ("interrupted", ""), done.stderr
