"""The Kiwi child (korean.analyser): the same results as in-process, and no stray process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from l10n.korean.analyser import Analyser
from l10n.korean.segment import split_spans

from .conftest import DATA, ESSAY, make_project
from .gold import read_gold

SETS = sorted(DATA.glob("segment_*"))


SRC = Path(__file__).resolve().parent.parent / "src"


def in_fresh_process(body: str, tmp_path: Path, **values):
    """Run ``body`` in a new interpreter (one that has not loaded Kiwi, as ``l10n update``
    has not: a fork of a process whose Kiwi runs threads would inherit a broken one) with
    the analyser on; ``values`` are given to it and its ``result`` comes back."""
    import pickle
    import subprocess
    import sys

    given, taken = tmp_path / "given.pickle", tmp_path / "taken.pickle"
    given.write_bytes(pickle.dumps(values))
    script = ("import pickle, sys\n"
              f"globals().update(pickle.loads(open({str(given)!r}, 'rb').read()))\n"
              f"{body}\n"
              f"open({str(taken)!r}, 'wb').write(pickle.dumps(result))\n")
    env = dict(os.environ, L10N_ANALYSER="1", PYTHONPATH=str(SRC))
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=300)
    return pickle.loads(taken.read_bytes())


def _paragraphs() -> list[str]:
    texts = [" ".join(sentences) for folder in SETS for sentences in read_gold(folder)]
    return texts + ["", "   ", ESSAY.read_text("utf-8")]


def test_every_segmentation_set_is_read() -> None:
    assert {folder.name for folder in SETS} >= {"segment_gold", "segment_test",
                                                "segment_heldout", "segment_unseen"}
    assert len(_paragraphs()) > 100


CHILD_SEGMENTS = """
from l10n.korean.analyser import Analyser, segment_job
import l10n.korean.kiwi as kiwi
a = Analyser.start()
assert a is not None
morphemes = []
spans = a.split_spans(texts, morphemes=morphemes)
again = a.split_spans(texts)  # a child serves more than one request
a.submit(segment_job, texts * 3, False)  # more than a pipe holds: sent by a thread
thrice = a.result()
result = {"spans": spans, "morphemes": morphemes, "again": again, "thrice": thrice,
          "failed": a.failed, "kiwi here": kiwi.kiwi.cache_info().currsize}
a.close()
"""


def test_the_child_gives_the_in_process_spans_and_morphemes(tmp_path: Path) -> None:
    texts = _paragraphs()
    found = in_fresh_process(CHILD_SEGMENTS, tmp_path, texts=texts)
    assert not found["failed"] and not found["kiwi here"]  # the child did it all
    mine: list = []
    assert found["spans"] == split_spans(texts, morphemes=mine)
    assert found["morphemes"] == mine
    assert found["again"] == found["spans"]
    assert found["thrice"] == (found["spans"] * 3, [])


SEVERAL_OUT = """
from l10n.korean.analyser import Analyser, segment_job
a = Analyser.start()
half = len(texts) // 2
a.submit(segment_job, texts[:half], True)
a.submit(len, [f"{i}가" * 300 for i in range(20000)])  # more than a pipe holds, behind it
a.submit(segment_job, texts[half:], False)
answers = [a.result(), a.result(), a.result()]
# the same, the child killed with all three out: each redone here, in order
b = Analyser.start()
b.submit(segment_job, texts[:half], True)
b.submit(len, ["가"] * 7)
b.submit(segment_job, texts[half:], False)
b._process.kill()
b._process.join()
redone = [b.result(), b.result(), b.result()]
result = {"answers": answers, "redone": redone, "a failed": a.failed, "b failed": b.failed}
a.close()
b.close()
"""


def test_requests_out_at_once_are_answered_in_order(tmp_path: Path) -> None:
    """``update`` sends the new paragraphs in parts as the essays are parsed; the child
    answers each part in turn, and a child that dies redoes every part in-process."""
    texts = _paragraphs()[:40]
    found = in_fresh_process(SEVERAL_OUT, tmp_path, texts=texts)
    half = len(texts) // 2
    first: list = []
    expected = [(split_spans(texts[:half], morphemes=first), first), 20000,
                (split_spans(texts[half:]), [])]
    assert found["answers"] == expected and not found["a failed"]
    assert found["redone"] == [expected[0], 7, expected[2]] and found["b failed"]


TROUBLE = """
import threading
from l10n.korean.analyser import Analyser
def boom():
    raise ZeroDivisionError("in the child")
a = Analyser.start()  # the first request fails in the child, two more are out
a.submit(divmod, 1, 0)
a.submit(len, [1, 2])
a.submit(max, 3, 4)
try:
    a.result()
    first = None
except ZeroDivisionError:
    first = "raised here too"
rest = [a.result(), a.result()]
b = Analyser.start()  # a request that cannot be pickled: it and the next redone here
b.submit(len, [1])
b.submit(lambda: "not picklable")
b.submit(len, [1, 2, 3])
b_answers = [b.result(), b.result(), b.result()]
c = Analyser.start()  # an answer that cannot be pickled
lock = c.call(threading.Lock)
d = Analyser.start()
d.submit(len, [1])
try:
    d.call(len, [])
    refused = False
except RuntimeError:
    refused = True
d_answer = d.result()
result = {"first": first, "rest": rest, "a failed": a.failed, "b": b_answers,
          "b failed": b.failed, "lock": type(lock).__name__, "c failed": c.failed,
          "refused": refused, "d": d_answer}
for x in (a, b, c, d):
    x.close()
"""


def test_failures_with_requests_out_redo_each_here_in_order(tmp_path: Path) -> None:
    """Found in review: a request that could not be pickled killed the sender thread
    unnoticed (the next answer was given for it, the last result never came); an answer
    that could not be pickled left the parent waiting for ever; ``call`` with requests
    out gave it an earlier request's answer."""
    found = in_fresh_process(TROUBLE, tmp_path)
    assert found["first"] == "raised here too" and found["rest"] == [2, 4] and found["a failed"]
    assert found["b"] == [1, "not picklable", 3] and found["b failed"]
    assert found["lock"] == "lock" and found["c failed"]
    assert found["refused"] and found["d"] == 1


UNREAD = """
import os, time
from l10n.korean.analyser import Analyser
def big(n):
    return "가" * n
def mark(path):
    open(path, "w").close()
    return path
a = Analyser.start()
a.submit(big, 4_000_000)  # an answer far larger than a pipe holds, not read for now
a.submit(mark, flag)
deadline = time.monotonic() + 30
while not os.path.exists(flag) and time.monotonic() < deadline:
    time.sleep(0.01)
ran_before_read = os.path.exists(flag)
first = a.result()
result = {"ran before read": ran_before_read, "first": len(first), "second": a.result(),
          "failed": a.failed}
a.close()
"""


def test_the_child_works_on_while_an_answer_waits_to_be_read(tmp_path: Path) -> None:
    """``update`` reads the segmentation of its first paragraphs only once every essay is
    parsed: a child that wrote each answer before reading the next request stopped at
    the first answer larger than the pipe, and the later parts waited for the reader."""
    flag = str(tmp_path / "second-request-ran")
    found = in_fresh_process(UNREAD, tmp_path, flag=flag)
    assert found["ran before read"]
    assert found["first"] == 4_000_000 and found["second"] == flag and not found["failed"]


FALLBACKS = """
import os
from l10n.korean.analyser import Analyser
b = Analyser.start()
try:
    b.call(divmod, 1, 0)
    raised = None
except ZeroDivisionError as exc:
    raised = str(exc)
after = b.call(divmod, 7, 2)  # in-process from then on
pid = b._process.pid
b.close()
try:
    os.kill(pid, 0)
    gone = False
except ProcessLookupError:
    gone = True
from l10n.korean.analyser import shared
a = Analyser.start({"word": "초연결"})
a._process.kill()
a._process.join()
dead = a.split_spans(texts)  # worked out here instead
dead_failed = a.failed
word = a.call(shared, "word")  # what the child was given is here too
a.close()
result = {"dead": dead, "dead failed": dead_failed, "raised": raised, "after": after,
          "b failed": b.failed, "gone": gone, "word": word}
"""


def test_a_dead_or_failing_child_falls_back_to_this_process(tmp_path: Path) -> None:
    texts = _paragraphs()[:20]
    found = in_fresh_process(FALLBACKS, tmp_path, texts=texts)
    assert found["dead"] == split_spans(texts) and found["dead failed"]
    assert found["raised"] is not None and found["after"] == (3, 1) and found["b failed"]
    assert found["gone"]  # close leaves no process
    assert found["word"] == "초연결"


def test_the_child_dies_with_its_parent(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    script = ("import os\n"
              "from l10n.korean.analyser import Analyser\n"
              "a = Analyser.start()\n"
              "print(a._process.pid, flush=True)\n"
              "os._exit(0)\n")  # no clean-up at all: only the kernel can stop the child
    env = dict(os.environ, L10N_ANALYSER="1", PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    pid = int(out.split()[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    pytest.fail("the analyser outlived its parent")


SHARED = """
from l10n.korean import analyser
with analyser.Analyser.start({"word": "초연결"}) as a:
    word = a.call(analyser.shared, "word")
    failed = a.failed
result = {"word": word, "failed": failed, "left": dict(analyser._SHARED)}
"""


def test_shared_objects_reach_the_child(tmp_path: Path) -> None:
    found = in_fresh_process(SHARED, tmp_path)
    assert found == {"word": "초연결", "failed": False, "left": {}}


def test_not_started_when_disabled_or_kiwi_is_here(monkeypatch) -> None:
    from l10n.korean.kiwi import kiwi

    monkeypatch.setenv("L10N_ANALYSER", "0")
    assert Analyser.start() is None
    monkeypatch.setenv("L10N_ANALYSER", "1")
    kiwi()  # loaded in this process: a fork would only copy it
    assert Analyser.start() is None


# -- update with the child: the same files as in-process ---------------------------------

GLOSSARY = ("ko,en,note\n초연결,hyper-connectivity,\n시장,market,\n"
            "공유,sharing,\n")
TEXT = ("# 초연결 사회\n\n초연결 시대에 시장은 변한다. 사람들은 공유했다. 그는 시장했다.\n\n"
        "공유지의 비극은 오래된 이야기다. 시장님은 웃었다.\n")
EDIT = TEXT + "\n새로운 시장이 열렸다. 초연결성은 공유기로 이어진다.\n"
OTHER = "# 다른 글\n\n공유의 시대가 왔다. 초연결은 계속된다.\n"
THIRD = "# 셋째 글\n\n시장은 오늘도 열렸다.\n"


# what both update scripts (here and test_resident.py) start with: a fixed clock, the
# digests of what an update wrote, and the pipeline
UPDATE_START = """
import hashlib, os
from datetime import UTC, datetime
def clock():
    return datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
def files(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and ("locales" in p.parts or ".l10n-cache" in p.parts)}
from l10n.config import load_config
from l10n.glossary.terms import project_glossary
from l10n.korean import analyser
from l10n import pipeline
"""
UPDATE = UPDATE_START + """
started = []
real = analyser.Analyser.start.__func__
def start(cls, objects=None):
    found = real(cls, objects)
    started.append(found is not None)
    if found is not None and flag == "dead":  # killed before it answers anything
        found._process.kill()
        found._process.join()
    return found
analyser.Analyser.start = classmethod(start)
os.environ["L10N_ANALYSER"] = "0" if flag == "0" else "1"
from l10n import essays
sent = []
jobs = 1
pools = []
if flag == "pool":  # the drafts parsed and the essays merged by two forked processes
    essays.MANY_ESSAYS = pipeline.MANY_ESSAYS = 2
    jobs = 2
    real_pool = essays.process_pool
    def counted_pool(size):
        pools.append(size)
        return real_pool(size)
    essays.process_pool = pipeline.process_pool = counted_pool
if flag in ("parts", "pool"):  # a request per essay, as a large update sends its parts
    essays.SUBMIT = 1
    submit = analyser.Analyser.submit
    def counted(self, function, *args, **kwargs):
        sent.append(function.__name__)
        return submit(self, function, *args, **kwargs)
    analyser.Analyser.submit = counted
seen = []
for text in texts:
    (folder / "source/ko/essay.md").write_text(text, "utf-8")
    config = load_config(folder)
    pipeline.update_project(config, clock=clock, glossary=project_glossary(config), jobs=jobs)
    seen.append(files(folder))
import l10n.korean.kiwi as kiwi
result = {"seen": seen, "started": started, "kiwi here": kiwi.kiwi.cache_info().currsize,
          "sent": sent, "pools": pools}
"""


def test_update_with_the_child_writes_what_in_process_writes(tmp_path: Path) -> None:
    texts = [TEXT, EDIT, EDIT]  # the last run: nothing new, so no child at all
    runs = {}
    for flag in ("0", "1", "dead", "parts", "pool"):
        # three essays: the first update sends each one's paragraphs as it is parsed
        folder = make_project(tmp_path / f"project-{flag}",
                              {"essay.md": TEXT, "other.md": OTHER, "third.md": THIRD},
                              glossary=GLOSSARY)
        (tmp_path / flag).mkdir()
        runs[flag] = in_fresh_process(UPDATE, tmp_path / flag, folder=folder, texts=texts,
                                      flag=flag)
    assert runs["1"]["seen"] == runs["0"]["seen"]
    assert runs["dead"]["seen"] == runs["0"]["seen"]  # redone in-process, glossary too
    assert runs["parts"]["seen"] == runs["0"]["seen"]
    assert runs["pool"]["seen"] == runs["0"]["seen"] and runs["pool"]["started"] == [True, True]
    assert runs["pool"]["sent"].count("segment_job") == 4
    assert runs["pool"]["pools"][:2] == [2, 2]  # drafts, then the essays' files
    # the first run: one request per essay (SUBMIT = 1), the second one for the edit
    assert runs["parts"]["sent"].count("segment_job") == 4
    # the last run: every essay's bytes segmented before, so no child is even asked for
    assert runs["0"]["started"] == [False, False]
    assert runs["1"]["started"] == [True, True]
    assert runs["0"]["kiwi here"] and not runs["1"]["kiwi here"]
    first = runs["0"]["seen"][0]
    assert any(name.endswith("glossary-decisions.json") for name in first)
    assert any(name.endswith("glossary-notes.json") for name in first)


CLOSED_WHILE_SENDING = """
import threading, time
from l10n.korean.analyser import Analyser
errors = []
threading.excepthook = lambda args: errors.append(repr(args.exc_value))
a = Analyser.start()
a.submit(len, [f"{i}가" * 300 for i in range(20000)])  # far more than a pipe holds: the child reads late
time.sleep(0.05)
began = time.monotonic()
a.close()  # a run that failed meanwhile: the request is still being written
result = {"errors": errors, "seconds": time.monotonic() - began,
          "alive": a._process.is_alive()}
"""


def test_closing_while_a_request_is_written_is_quiet_and_quick(tmp_path: Path) -> None:
    """Found in review: closing the pipe under the sender thread printed a traceback
    ('NoneType' object cannot be interpreted as an integer) after a failed update."""
    found = in_fresh_process(CLOSED_WHILE_SENDING, tmp_path)
    assert found["errors"] == [] and not found["alive"]
    assert found["seconds"] < 0.9  # the old close waited a second for the sender


def test_kiwis_answers_cross_a_pipe_as_columns_and_come_back_as_morphs() -> None:
    """tokenize_job's and analyze_job's answers pickle as columns (a list of named tuples
    pickles each token as a call of its class) and unpickle to the same Morphs, empty
    texts and texts of one token included."""
    import pickle

    from l10n.korean import analyser

    texts = ["", "가", "초연결 사회의 공유지는 누구의 것인가?", "2017년 3월, 서울에서."]
    tokens = analyser.tokenize_job(texts)
    readings = analyser.analyze_job(texts, top_n=3)
    for answer in (tokens, readings):
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        assert b"Morph" not in data  # columns, not one object per token
        back = pickle.loads(data)
        assert type(back) is type(answer) and back == answer
    assert [len(t) for t in tokens][:2] == [0, 1] and all(
        type(m) is analyser.Morph for ms in pickle.loads(pickle.dumps(tokens)) for m in ms)
    assert all(type(m) is analyser.Morph and isinstance(score, float)
               for text in pickle.loads(pickle.dumps(readings)) for ms, score in text
               for m in ms)
