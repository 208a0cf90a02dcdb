"""The resident analyser (``korean/resident.py``, ``korean/server.py``): the same results
as in-process, shared by later and concurrent runs, safe, bounded, never left behind.

Every server here lives in a private runtime directory (``L10N_RUNTIME_DIR``) and is
stopped by the fixture that made the directory, whatever the test did.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from l10n.korean import resident
from l10n.korean.analyser import mode_of

from .conftest import DATA, ESSAY, ROOT, make_project
from .test_analyser import UPDATE_START

SRC = ROOT / "src"


# -- which analyser a run uses -----------------------------------------------------------
@pytest.mark.parametrize(("env", "mode"), [
    ({}, "resident"),
    ({"L10N_ANALYSER": "resident"}, "resident"),
    ({"L10N_ANALYSER": "0"}, "off"),
    ({"L10N_ANALYSER": "child"}, "child"),
    ({"L10N_ANALYSER": "1"}, "child"),  # what "on" meant before the resident server
    ({"CI": "true"}, "child"),  # as Gradle's daemon: none under CI
    ({"CI": "1"}, "child"),
    ({"CI": "false"}, "resident"),
    ({"CI": ""}, "resident"),
    ({"CI": "true", "L10N_ANALYSER": "resident"}, "resident"),
    ({"CI": "true", "L10N_ANALYSER": "0"}, "off"),
])
def test_mode(env, mode) -> None:
    assert mode_of(env) == mode


# -- the runtime directory and key ------------------------------------------------------
def test_the_runtime_dir_is_made_private(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "run" / "l10n"
    monkeypatch.setenv(resident.RUNTIME_ENV, str(folder))
    assert resident.runtime_dir() == folder
    assert folder.stat().st_mode & 0o777 == 0o700
    key = resident.read_authkey(folder)
    assert len(key) == 64 and (folder / "authkey").stat().st_mode & 0o777 == 0o600
    assert resident.read_authkey(folder) == key  # kept, not made again


def test_an_open_or_foreign_runtime_dir_is_refused(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv(resident.RUNTIME_ENV, str(folder))
    with pytest.raises(resident.UnsafeDirectory, match="open to other users"):
        resident.runtime_dir()
    assert resident.Resident.start() is None  # then the forked child, as before
    folder.chmod(0o700)
    (folder / "authkey").write_bytes(b"x" * 64)
    (folder / "authkey").chmod(0o644)
    with pytest.raises(resident.UnsafeDirectory, match="alone"):
        resident.read_authkey(folder)
    if os.getuid() == 0:  # only root can give a folder away
        os.chown(folder, 4321, -1)
        with pytest.raises(resident.UnsafeDirectory, match="not a directory of this user"):
            resident.runtime_dir()


def test_the_socket_is_named_by_the_code_that_answers(monkeypatch) -> None:
    from l10n import cache

    before = resident.server_key()
    monkeypatch.setattr(cache, "_package_digest", lambda: "another package")
    assert resident.server_key() != before


# -- the server ---------------------------------------------------------------------------
@pytest.fixture
def runtime(tmp_path, monkeypatch):
    """A private runtime directory; every server started in it is stopped at the end."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv(resident.RUNTIME_ENV, str(folder))
    monkeypatch.setenv(resident.IDLE_ENV, "120")
    yield folder
    resident.stop()
    for lock in folder.glob("analyser-*.lock"):  # a server of another key, or stuck
        for pid in _holders(lock):
            os.kill(pid, signal.SIGKILL)


def _holders(lock: Path) -> list[int]:
    found = subprocess.run(["fuser", str(lock)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()] if found.returncode == 0 else []


def _run(code: str, *, env: dict | None = None, timeout: int = 300) -> dict:
    """``code`` in a fresh interpreter (no Kiwi of its own); its printed JSON."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(SRC),
                                                "L10N_ANALYSER": "resident", **(env or {})})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _texts() -> list[str]:
    from .gold import read_gold

    texts = [" ".join(s) for folder in sorted(DATA.glob("segment_*"))
             for s in read_gold(folder)]
    return [*texts, "", "   ", ESSAY.read_text("utf-8")]


CLIENT = """
import json, sys
from l10n.korean.analyser import Analyser, tokenize_job, analyze_job
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
a = Analyser.start()
morphemes = []
spans = a.split_spans(texts, morphemes=morphemes)
tokens = a.call(tokenize_job, texts[:200])
readings = a.call(analyze_job, texts[:50], 4)
from l10n.korean import kiwi
found = {"kind": type(a).__name__, "started": a.started, "failed": a.failed,
         "kiwi here": kiwi.kiwi.cache_info().currsize,
         "answers": repr((spans, morphemes, tokens, readings))}
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(found))
a.close()
"""


def _client(given: Path, taken: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLIENT, str(given), str(taken)],
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(SRC),
                                 "L10N_ANALYSER": "resident"})


def _result(client: subprocess.Popen, taken: Path) -> dict:
    _, err = client.communicate(timeout=300)
    assert client.returncode == 0, err[-3000:]
    return json.loads(taken.read_text("utf-8"))


def _answers(texts: list[str]) -> str:
    from l10n.korean.analyser import analyze_job, segment_job, tokenize_job

    spans, morphemes = segment_job(texts, True)
    return repr((spans, morphemes, tokenize_job(texts[:200]), analyze_job(texts[:50], 4)))


def test_started_once_then_shared_by_concurrent_runs(runtime, tmp_path) -> None:
    texts = _texts()
    given = tmp_path / "texts.json"
    given.write_text(json.dumps(texts), "utf-8")
    found = _result(_client(given, tmp_path / "first.json"), tmp_path / "first.json")
    assert found["kind"] == "Resident" and found["started"] and not found["failed"]
    assert not found["kiwi here"]  # the server analysed: this run loaded no model
    expected = _answers(texts)
    assert found["answers"] == expected
    # the server stays; two runs at once both use it and get the same answers
    pid = resident.status().split()[3].rstrip(",")
    taken = [tmp_path / f"again-{i}.json" for i in range(2)]
    clients = [_client(given, path) for path in taken]
    for client, path in zip(clients, taken, strict=True):
        again = _result(client, path)
        assert not again["started"] and not again["failed"] and not again["kiwi here"]
        assert again["answers"] == expected
    assert resident.status().split()[3].rstrip(",") == pid
    assert resident.stop()
    time.sleep(0.3)
    assert resident.status() is None and not list(runtime.glob("*.sock"))


def test_a_failure_of_the_server_falls_back_to_this_process(runtime) -> None:
    found = _run("""
import json, os, signal
from l10n.korean import resident
from l10n.korean.analyser import Analyser, tokenize_job
a = Analyser.start()
other = a.call(len, "not a Kiwi job")  # never sent: worked out here
refused = a.failed
b = Analyser.start()
first = b.call(tokenize_job, ["가."])  # waits for the model
pid = int(resident.status().split()[3].rstrip(","))
os.kill(pid, signal.SIGSTOP)  # no answer from now on
os.environ["L10N_ANALYSER_TIMEOUT"] = "1"
c = Analyser.start()
late = c.call(tokenize_job, ["잔칫상에는 떡이 올랐다."])
os.kill(pid, signal.SIGKILL)
print(json.dumps({"other": other, "refused": refused, "late": [m.form for m in late[0]],
                  "failed": c.failed, "first failed": b.failed}))
""")
    assert found == {"other": 14, "refused": True, "first failed": False, "failed": True,
                     "late": ["잔칫상", "에", "는", "떡", "이", "오르", "었", "다", "."]}


def test_the_server_works_on_while_an_answer_waits_to_be_read(runtime) -> None:
    """A client may send its next request before it reads an answer (``update`` sends its
    new paragraphs in parts as it parses the essays): the server reads and works on it
    although the answer before, larger than the socket holds, is not read yet."""
    found = _run("""
import json, re, time
from l10n.korean import resident
from l10n.korean.analyser import Analyser, segment_job, tokenize_job
texts = ["초연결 시대에 시장은 변한다. 사람들은 공유했다. " * 20] * 300
a = Analyser.start()
a.call(tokenize_job, ["가."])  # the server up and warm
def served():
    return int(re.search(r"(\\d+) requests", resident.status()).group(1))
before = served()
a.submit(segment_job, texts, True)  # an answer of megabytes, not read for now
a.submit(tokenize_job, ["나는 간다."])
deadline = time.monotonic() + 30
while served() < before + 2 and time.monotonic() < deadline:
    time.sleep(0.05)
both = served() - before
spans, morphemes = a.result()
last = a.result()
print(json.dumps({"both": both, "spans": len(spans), "morphemes": len(morphemes),
                  "last": [m.form for m in last[0]], "failed": a.failed}))
""")
    assert found == {"both": 2, "spans": 300, "morphemes": 300,
                     "last": ["나", "는", "가", "\u11ab다", "."], "failed": False}


def test_a_stalled_server_with_requests_out_costs_one_timeout(runtime) -> None:
    """Found in review: with several requests out, each waited a whole timeout for a
    stopped server (2,000 new paragraphs in 8 parts: 16 minutes at the default), and a run
    that failed with parts out waited for them before it could stop."""
    found = _run("""
import json, os, signal, time
from l10n.korean import resident
from l10n.korean.analyser import Analyser, segment_job, tokenize_job
a = Analyser.start()
a.call(tokenize_job, ["가."])  # up and warm
pid = int(resident.status().split()[3].rstrip(","))
os.kill(pid, signal.SIGSTOP)  # no answer, and no reading, from now on
os.environ["L10N_ANALYSER_TIMEOUT"] = "1"
big = [f"{i}번째 문장이다. " * 40 for i in range(3000)]  # more than the socket holds
d = Analyser.start()
d.submit(segment_job, big, False)
d.submit(segment_job, big, False)
time.sleep(0.5)
began = time.monotonic()
d.close()  # a run that failed while its parts were out
closed = time.monotonic() - began
began = time.monotonic()
b = Analyser.start()
for part in range(4):
    b.submit(tokenize_job, [f"{part}번째 문단이다."])
answers = [b.result()]  # a timeout, then redone here (Kiwi loads in this process)
began = time.monotonic()
answers += [b.result() for _ in range(3)]
redone = time.monotonic() - began  # the other three: no timeout each
os.kill(pid, signal.SIGKILL)
print(json.dumps({"redone": redone, "closed": closed, "failed": b.failed,
                  "forms": [[m.form for m in found[0]] for found in answers]}))
""")
    assert found["failed"] and found["forms"][0][0] == "0"
    assert found["redone"] < 0.5  # not a timeout (1 s) for each
    assert found["closed"] < 2.0  # not a timeout per part


def test_a_stale_socket_is_replaced_and_idle_servers_exit(runtime, monkeypatch) -> None:
    import socket

    path = resident.socket_path(runtime, resident.server_key())
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))  # a server killed without cleaning up: nobody listens
    stale.close()
    monkeypatch.setenv(resident.IDLE_ENV, "2")
    found = _run("""
import json
from l10n.korean.analyser import Analyser, tokenize_job
a = Analyser.start()
tokens = a.call(tokenize_job, ["가."])
print(json.dumps({"started": a.started, "failed": a.failed}))
a.close()
""")
    assert found == {"started": True, "failed": False}
    assert resident.status() is not None
    deadline = time.monotonic() + 30
    while resident.status() is not None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert resident.status() is None and not path.exists()  # it left, and cleaned up


def test_a_server_whose_socket_is_removed_exits(runtime) -> None:
    _run("""
import json
from l10n.korean.analyser import Analyser, tokenize_job
a = Analyser.start()
a.call(tokenize_job, ["가."])
print("{}")
""")
    lock = next(runtime.glob("analyser-*.lock"))
    assert _holders(lock)
    next(runtime.glob("analyser-*.sock")).unlink()
    deadline = time.monotonic() + 20
    while _holders(lock) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _holders(lock)


def test_the_cli_under_a_pipe_does_not_wait_for_the_server(runtime, tmp_path) -> None:
    """The server holds none of the CLI's descriptors: a caller reading its output to
    the end returns when the CLI does, the server still running."""
    folder = make_project(tmp_path / "proj", {"essay.md": "# 제목\n\n첫 문장이다. 둘째 문장이다.\n"})
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "l10n", "update", "-q", "--project",
                           str(folder)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(SRC),
                               "L10N_ANALYSER": "resident"})
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - began < 60
    assert resident.status() is not None


UPDATE = UPDATE_START + """
import json, sys
from pathlib import Path
folder = Path(sys.argv[1])
kinds = []
real = analyser.Analyser.start.__func__
def start(cls, objects=None):
    found = real(cls, objects)
    kinds.append(type(found).__name__)
    return found
analyser.Analyser.start = classmethod(start)
seen = []
for text in json.loads(sys.argv[2]):
    (folder / "source/ko/essay.md").write_text(text, "utf-8")
    config = load_config(folder)
    pipeline.update_project(config, clock=clock, glossary=project_glossary(config))
    seen.append(files(folder))
import l10n.korean.kiwi as kiwi
print(json.dumps({"seen": seen, "kinds": kinds, "kiwi here": kiwi.kiwi.cache_info().currsize}))
"""


def test_update_with_the_server_writes_what_in_process_writes(runtime, tmp_path) -> None:
    """Glossary notes and decisions too: the glossary stays in the run, and only Kiwi's
    tokens and readings come from the server."""
    from .test_analyser import EDIT, GLOSSARY, TEXT

    texts = json.dumps([TEXT, EDIT])
    runs = {}
    for mode in ("0", "resident"):
        folder = make_project(tmp_path / f"project-{mode}", {"essay.md": TEXT},
                              glossary=GLOSSARY)
        done = subprocess.run([sys.executable, "-c", UPDATE, str(folder), texts],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(SRC),
                                   "L10N_ANALYSER": mode})
        assert done.returncode == 0, done.stderr[-3000:]
        runs[mode] = json.loads(done.stdout)
    assert runs["resident"]["seen"] == runs["0"]["seen"]
    assert runs["resident"]["kinds"] == ["Resident", "Resident"]
    assert not runs["resident"]["kiwi here"] and runs["0"]["kiwi here"]
    assert any(name.endswith("glossary-decisions.json") for name in runs["0"]["seen"][0])


def test_the_analyser_commands_report_and_stop_the_server(runtime) -> None:
    """``l10n analyser status`` names a running server (exit 0) and ``stop`` ends it;
    with none running, status exits 1 and stop says so."""
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "l10n", "analyser", *args],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(SRC)})

    none = cli("status")
    assert (none.returncode, none.stdout) == (1, "no resident analyser is running\n")
    _run("""
from l10n.korean.analyser import Analyser, tokenize_job
a = Analyser.start()
a.call(tokenize_job, ["가."])
a.close()
print("{}")
""")
    running = cli("status")
    assert running.returncode == 0 and running.stdout.startswith("resident analyser: pid ")
    assert cli("stop").stdout == "resident analyser stopped\n"
    deadline = time.monotonic() + 20
    while resident.status() is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert cli("status").returncode == 1
    assert cli("stop").stdout == "no resident analyser was running\n"


def test_a_small_check_asks_a_running_server_and_starts_none(runtime, tmp_path) -> None:
    """A cold ``check`` of a small catalog would load Kiwi in its own process (a child is
    not worth forking for it); with a server of this code running it asks the server
    instead, with the same findings, and with none running it starts none."""
    import shutil

    folder = tmp_path / "bundled"
    for name in ("source", "locales", "glossary.csv", "pyproject.toml"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, folder / name)

    def check(mode: str) -> tuple[str, int]:
        shutil.rmtree(folder / ".l10n-cache", ignore_errors=True)  # cold: Kiwi is needed
        done = subprocess.run([sys.executable, "-m", "l10n", "check", "--format", "json",
                               "--project", str(folder)], capture_output=True, text=True,
                              timeout=300, env={**os.environ, "PYTHONPATH": str(SRC),
                                                "L10N_ANALYSER": mode})
        return done.stdout, done.returncode

    alone = check("0")
    assert check("resident") == alone and resident.status() is None  # none started
    _run("""
from l10n.korean.analyser import Analyser, tokenize_job
a = Analyser.start()
a.call(tokenize_job, ["가."])
a.close()
print("{}")
""")
    before = resident.status()
    assert check("resident") == alone
    asked = int(before.split(", ")[2].split()[0]), int(resident.status().split(", ")[2].split()[0])
    assert asked[1] > asked[0]  # the check's batches went to the server


def test_a_refused_handshake_falls_back_at_once(tmp_path, monkeypatch) -> None:
    """A server that refuses the run's key (its key file replaced meanwhile) is asked once,
    not again and again until the connect deadline: the run works alone at once."""
    from l10n.korean.analyser import tokenize_job

    attempts = []

    def refused(address, authkey):
        attempts.append(address)
        return None  # what ``_connect`` gives for a failed handshake

    monkeypatch.setattr(resident, "_connect", refused)
    client = resident.Resident(tmp_path, b"0" * 64, "key")
    assert client.call(tokenize_job, ["가."]) == tokenize_job(["가."])
    assert client.failed and len(attempts) == 1


def test_the_analyser_commands_say_why_an_unsafe_folder_has_no_server(tmp_path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o755)
    for command in ("status", "stop"):
        done = subprocess.run([sys.executable, "-m", "l10n", "analyser", command],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(SRC),
                                   resident.RUNTIME_ENV: str(folder)})
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr == (f"error: no resident analyser can run: {folder} is open to other "
                               f"users (mode 755); set {resident.RUNTIME_ENV} to a folder only "
                               "you can open (mode 0700)\n")
