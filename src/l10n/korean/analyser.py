"""Kiwi in a child process, loaded while the parent does other work.

Loading Kiwi's model and its first analysis cost about two seconds of CPU before a single
paragraph is segmented, and the model holds the GIL while it loads, so a thread overlaps
nothing. A run that will segment (``l10n update`` after an edit) starts an ``Analyser``
first: a child forked from the parent loads Kiwi on the other core while the parent reads
the essays and catalogs, then answers requests: the sentence spans and morphemes of the
paragraphs the segmentation cache lacks (``split_spans``, exactly the in-process
``segment.split_spans`` results: the child runs that very function) and any other
function whose work is Kiwi's (``call``).

The child is the parent's fork, so it shares the parent's code and state as they were at
``start`` (a function it is asked to run sees objects made before then) and costs no
start-up of its own. It dies with the parent (``PR_SET_PDEATHSIG`` on Linux; elsewhere it
exits when the pipe closes), ignores Ctrl-C (the parent alone reacts) and is stopped by
``close``. Any failure (no fork, the child killed or out of memory, an error in the
child) falls back to the same work in-process: an analyser only saves time, never changes
a result. ``L10N_ANALYSER=0`` turns the child off (the test suite does, but for the tests
of this module: a child per run would load Kiwi once per test instead of once), and a
process that has loaded Kiwi already uses its own.

By default (``mode_of``) ``start`` gives instead a client of the resident server
(``korean.resident``), which keeps Kiwi loaded for later runs, and forks the child only
where there can be no server; ``L10N_ANALYSER=child`` (or ``1``), and ``CI`` set, keep
the child. The server has none of the run's objects (``shares`` is false): a caller
that would send a job using ``shared`` ones asks it only for Kiwi's work (``asking``).
"""

from __future__ import annotations

import os
import queue
import threading
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, NamedTuple

_DISABLE = "L10N_ANALYSER"
# the objects a request may use (``shared``): set before the fork, so the child has them
_SHARED: dict[str, Any] = {}


def mode_of(env) -> str:
    """Where Kiwi's work goes: "off" (this process: ``L10N_ANALYSER=0``), "child" (a forked
    child: ``L10N_ANALYSER=child`` or ``1``, and under CI, where a daemon does not belong),
    else "resident" (``korean.resident``: a server shared by later runs)."""
    chosen = env.get(_DISABLE, "").strip().lower()
    if chosen == "0":
        return "off"
    if chosen in ("child", "1"):
        return "child"
    if chosen != "resident" and env.get("CI", "").strip().lower() not in ("", "0", "false",
                                                                         "no", "off"):
        return "child"
    return "resident"


def shared(name: str) -> Any:
    """An object the parent gave ``Analyser.start`` (in the child, or in the parent when a
    request falls back to it)."""
    return _SHARED[name]


def warm_up() -> None:
    """Load Kiwi and make the analysis that initialises the rest of it."""
    from .kiwi import kiwi

    kiwi().tokenize("가.")  # the first analysis builds what construction left for later


def _serve(connection, lazy: bool = False) -> None:
    """The child's loop: warm up Kiwi (``lazy``: not until a request needs it), then run
    each request until the pipe closes."""
    failure: BaseException | None = None
    if not lazy:
        try:
            warm_up()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which falls back
            failure = exc
    answers = Answers(connection)
    try:
        for request in answers.requests():
            if failure is not None:
                answers.put(("error", repr(failure)))
                continue
            function, args, kwargs = request
            try:
                answers.put(("ok", function(*args, **kwargs)))
            except BaseException as exc:  # noqa: BLE001 - the parent redoes it in-process
                answers.put(("error", repr(exc)))
    finally:
        answers.close()


class Answers:
    """A connection's answers, written by a thread in the order given, so that the loop
    that makes them goes on to the next request while the client has yet to read the
    last answer (an answer larger than the pipe waits until it is read: ``update`` reads
    the segmentation of its first paragraphs only once every essay is parsed). An answer
    that cannot be pickled goes as an error (the client then redoes the request)."""

    _END = object()

    def __init__(self, connection) -> None:
        import queue

        self._connection = connection
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self.broken = False  # the client is gone: the loop may stop
        self._closed = False
        self._thread = threading.Thread(target=self._write, args=(connection,),
                                        name="l10n-analyser-answers", daemon=True)
        self._thread.start()

    def _write(self, connection) -> None:
        from multiprocessing.reduction import ForkingPickler

        while (answer := self._queue.get()) is not self._END:
            try:
                data = ForkingPickler.dumps(answer)
            except Exception as exc:  # noqa: BLE001 - nothing is written: say so instead
                data = ForkingPickler.dumps(("error", f"the answer cannot be sent: {exc!r}"))
            try:
                connection.send_bytes(data)
            except (OSError, ValueError):
                self.broken = True
                return

    def requests(self):
        """The connection's requests as they come, until it closes or the client is gone."""
        while not self.broken:
            try:
                yield self._connection.recv()
            except (EOFError, OSError):
                return

    def put(self, answer: Any) -> None:
        self._queue.put(answer)

    def close(self) -> None:
        """Wait until every answer given is written (or the client is gone)."""
        if not self._closed:
            self._closed = True
            self._queue.put(self._END)
            self._thread.join()


@dataclass(slots=True)
class _Request:
    """A request ``submit`` sent: what to run in-process if the child cannot answer."""

    function: Callable
    args: tuple
    kwargs: dict
    sent: threading.Event = field(default_factory=threading.Event)  # written, or given up


class Analyser:
    """A child process with Kiwi loaded (or warming up), serving one parent."""

    shares = True  # requests see the objects given to ``start`` (``shared``)

    def __init__(self, process, connection) -> None:
        self._process = process
        self._connection = connection
        self._sender: threading.Thread | None = None  # writes the requests, in order
        self._outbox: queue.SimpleQueue | None = None  # what it has to write
        self._pending: deque[_Request] = deque()  # sent, their answers not yet read
        self.failed = False

    @classmethod
    def start(cls, objects: dict[str, Any] | None = None, *,
              lazy: bool = False) -> Analyser | None:
        """Fork the child and let it load Kiwi; None where it cannot (then work in-process).

        ``objects``: what requests may use by name (``shared``), inherited by the fork
        instead of sent (a glossary and its automaton). ``lazy``: for a run that will
        probably not need Kiwi but might: the child is forked now, while this process is
        small, and loads Kiwi only when a request needs it (never a resident server: a
        run that needs no analysis should not start one)."""
        mode = mode_of(os.environ)
        if mode == "off":
            return None
        from .kiwi import kiwi

        if kiwi.cache_info().currsize:  # loaded in this process already: nothing to save
            return None
        if mode == "resident" and cls is Analyser and not lazy:
            from .resident import Resident

            found = Resident.start()
            if found is not None:
                return found
        import multiprocessing

        from ..workers import interrupts_held

        _SHARED.clear()
        _SHARED.update(objects or {})

        try:
            context = multiprocessing.get_context("fork")
            mine, theirs = context.Pipe()
            process = context.Process(target=_child, args=(theirs, os.getpid(), lazy),
                                      name="l10n-analyser", daemon=True)
            with interrupts_held():  # a Ctrl-C meanwhile unwinds here, after the fork
                process.start()
        except (OSError, ValueError, RuntimeError):
            return None
        theirs.close()
        return cls(process, mine)

    # -- requests -----------------------------------------------------------------------
    def submit(self, function: Callable, *args: Any, **kwargs: Any) -> None:
        """Send ``function(*args, **kwargs)`` to the child without waiting (a thread
        writes it: the child reads only once Kiwi is loaded, and a large request would
        fill the pipe). Several may be out at once: the child answers them in order, and
        each ``result`` gives the oldest answer not yet read."""
        request = _Request(function, args, kwargs)
        self._pending.append(request)
        if self.failed:
            request.sent.set()
            return
        if self._sender is None:
            self._outbox = queue.SimpleQueue()
            self._sender = threading.Thread(target=self._send_all, name="l10n-analyser-send",
                                            daemon=True)
            self._sender.start()
        self._outbox.put(request)

    def _send_all(self) -> None:
        """The sender thread: each request written in turn, none once one has failed (a
        request that cannot be pickled, or no child to take it)."""
        while (request := self._outbox.get()) is not None:
            if not self.failed:
                try:
                    self._send((request.function, request.args, request.kwargs))
                except Exception:  # noqa: BLE001 - it and every later one are redone here
                    self.failed = True
            request.sent.set()

    def result(self) -> Any:
        """The answer to the oldest request ``submit`` sent whose answer is not yet read;
        worked out in-process if the child could not give it."""
        if not self._pending:
            raise RuntimeError("no request sent")
        request = self._pending.popleft()
        self._wait_sent(request)
        if not self.failed:
            try:
                status, value = self._receive()
            except (EOFError, OSError):
                status, value = "error", "the analyser process ended"
            if status == "ok":
                return value
            self.failed = True
            self._stop()  # the shared objects stay: the work is redone here with them
        return request.function(*request.args, **request.kwargs)

    def _wait_sent(self, request: _Request) -> None:
        request.sent.wait()

    def _send(self, request) -> None:
        self._connection.send(request)

    def _receive(self):
        return self._connection.recv()

    def call(self, function: Callable, *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)``, run in the child (in-process if it fails)."""
        if self._pending:  # its answer would be an earlier request's
            raise RuntimeError("requests are out: read their results first")
        self.submit(function, *args, **kwargs)
        return self.result()

    def split_spans(self, texts: list[str], *, morphemes: list | None = None) -> list:
        """``segment.split_spans(texts, morphemes=morphemes)``, worked out by the child."""
        spans, found = self.call(segment_job, list(texts), morphemes is not None)
        if morphemes is not None:
            morphemes.extend(found)
        return spans

    def close(self) -> None:
        """Stop the child (it holds a model's worth of memory) and wait for it."""
        _SHARED.clear()
        self._stop()

    def _stop(self) -> None:
        # the child first: a request still being written then fails at once (a broken
        # pipe, which the sender catches), so the sender ends and the pipe closes after it
        process = self._process
        if process.is_alive():
            process.kill()
        process.join()
        self._end_sender()
        try:
            self._connection.close()
        except OSError:
            pass

    def _end_sender(self, seconds: float | None = None) -> bool:
        """Let the sender thread end (a write under way fails once the other end is
        gone); whether it did within ``seconds``."""
        if self._sender is not None:
            self._outbox.put(None)
            self._sender.join(seconds)
            if self._sender.is_alive():
                return False
            self._sender = None
        return True

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def segment_job(texts: list[str], keep_morphemes: bool) -> tuple[list, list]:
    """``segment.split_spans``'s spans and (if ``keep_morphemes``) morphemes of ``texts``:
    a request for ``Analyser.submit``."""
    from .segment import split_spans

    morphemes: list | None = [] if keep_morphemes else None
    spans = split_spans(texts, morphemes=morphemes)
    return spans, morphemes or []


def _child(connection, parent: int, lazy: bool = False) -> None:
    from ..workers import start_worker

    start_worker(parent)
    _serve(connection, lazy)


# ---------------------------------------------------------------- the checks' batches
# ``l10n check`` asks Kiwi for tokens (the omission check's structures, the glossary's
# boundaries) and for top-n readings (the glossary's 하 rule). ``use`` names the analyser
# a cold check started (``check_groups``); ``tokenize`` and ``analyze`` then run in it
# (``call``: in-process if it fails), else in this process, with the same values either
# way: each token as a ``Morph``, each reading as (morphs, score).

class Morph(NamedTuple):
    """One of Kiwi's tokens: its form, tag, and where it lies in the text."""

    form: str
    tag: str
    start: int
    len: int


# the analyser the checks use, the pid that started it (a forked worker never talks to
# it), and whether anything was asked of it
_CHECKS: dict[str, Any] = {}


def use(analyser: Analyser | None) -> None:
    """Send the checks' batches to ``analyser`` from now on (None: in this process)."""
    close_checks()
    if analyser is not None:
        _CHECKS.update(analyser=analyser, owner=os.getpid(), used=False)


@contextmanager
def asking(analyser: Analyser):
    """Within the block, the checks' batches (``tokenize``, ``analyze``) go to ``analyser``;
    then to whichever went before (``update``'s glossary notes, by the resident server)."""
    before = dict(_CHECKS)
    _CHECKS.clear()
    _CHECKS.update(analyser=analyser, owner=os.getpid(), used=False)
    try:
        yield
    finally:
        _CHECKS.clear()
        _CHECKS.update(before)


def release_if_unused() -> None:
    """Close the checks' analyser if nothing has been asked of it (the run needed no
    analysis): its child stops loading Kiwi for nothing."""
    if _CHECKS and not _CHECKS["used"]:
        close_checks()


def close_checks() -> None:
    """Close the checks' analyser, if there is one; later batches run in this process."""
    if _CHECKS:
        found = _CHECKS["analyser"]
        _CHECKS.clear()
        found.close()


def checks_analyser() -> Analyser | None:
    """The analyser the checks' batches go to, if any."""
    return _CHECKS.get("analyser")


def _morphs(tokens) -> list[Morph]:
    return [Morph(t.form, t.tag, t.start, t.len) for t in tokens]


def _columns(morphs: list[Morph]) -> tuple[tuple, ...]:
    """A text's Morphs as four columns (forms, tags, starts, lengths)."""
    return tuple(zip(*morphs, strict=True)) if morphs else ((), (), (), ())


def _rows(columns: tuple[tuple, ...]) -> list[Morph]:
    """``_columns`` undone, without a call of Python code per Morph."""
    return list(map(tuple.__new__, repeat(Morph), zip(*columns, strict=True)))


class MorphLists(list):
    """``tokenize_job``'s answer: each text's Morphs. Pickled (from the analyser's child
    or the resident server) as four columns a text: a list of named tuples pickles each
    token as a call of its class, which cost more than Kiwi's analysis of the windows of
    a cold check (bench/RESULTS.md, round 10)."""

    __slots__ = ()

    def __reduce__(self):
        return _morph_lists, ([_columns(morphs) for morphs in self],)


def _morph_lists(columns: list) -> MorphLists:
    return MorphLists(map(_rows, columns))


class ReadingLists(list):
    """``analyze_job``'s answer: each text's readings, (morphs, score); pickled as
    columns, as ``MorphLists``."""

    __slots__ = ()

    def __reduce__(self):
        return _reading_lists, ([[(_columns(morphs), score) for morphs, score in readings]
                                 for readings in self],)


def _reading_lists(columns: list) -> ReadingLists:
    return ReadingLists([(_rows(morphs), score) for morphs, score in readings]
                        for readings in columns)


def tokenize_job(texts: list[str]) -> MorphLists:
    """Kiwi's tokens of each text (``Kiwi.tokenize`` of the batch): a request."""
    from .kiwi import kiwi

    return MorphLists(_morphs(tokens) for tokens in kiwi().tokenize(texts))


def analyze_job(texts: list[str], top_n: int) -> ReadingLists:
    """Kiwi's ``top_n`` best readings of each text, with their scores: a request."""
    from .kiwi import kiwi

    return ReadingLists([(_morphs(tokens), score) for tokens, score in readings]
                        for readings in kiwi().analyze(texts, top_n=top_n))


def _ask(function: Callable, *args: Any) -> Any:
    if _CHECKS and _CHECKS["owner"] == os.getpid():
        _CHECKS["used"] = True
        return _CHECKS["analyser"].call(function, *args)
    return function(*args)


def tokenize(texts: list[str]) -> list[list[Morph]]:
    """Kiwi's tokens of each text, from the checks' analyser if there is one."""
    return _ask(tokenize_job, list(texts)) if texts else []


def analyze(texts: list[str], top_n: int) -> list[list[tuple[list[Morph], float]]]:
    """Kiwi's ``top_n`` best readings of each text, from the checks' analyser if any."""
    return _ask(analyze_job, list(texts), top_n) if texts else []
