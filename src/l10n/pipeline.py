"""Extract and update: essays -> templates (POT) -> merged catalogs (PO), for a whole project.

``update_project`` is one transaction over every essay: the essays read (``essays.py``),
each essay's template and catalogs prepared (``stages.py``), then all written together.
"""

from __future__ import annotations

import dataclasses
import fcntl
import functools
import os
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib

from .cache import text_key
from .config import Config, project_catalogs  # noqa: F401  (its home before config)
from .errors import ConcurrentRunError, L10nError
from .essays import MANY_ESSAYS, EssayReading
from .files import Transaction, file_digest, recover
from .model import Essay
from .po.catalog import read_catalog
from .source import find_essays
from .stages import (
    Annotator,
    Clock,
    Compendia,
    PlannedFile,
    WrittenFile,
    default_clock,
    extract_essay,
    retire_catalogs,
    update_essay,
)
from .workers import process_pool

JOURNAL = ".l10n-journal"  # the renames of a commit under way (see files.Transaction)


@contextmanager
def project_lock(config: Config) -> Iterator[None]:
    """Hold an exclusive lock on the project while catalogs are rewritten."""
    target = config.config_file or config.root
    fd = os.open(target, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ConcurrentRunError("another l10n command is updating this project",
                                     path=target, hint="wait for it to finish and try again"
                                     ) from exc
        yield
    finally:
        os.close(fd)


def update_project(config: Config, *, names: list[str] | None = None,
                   clock: Clock = default_clock, templates_only: bool = False,
                   jobs: int = 1, glossary=None) -> list[WrittenFile]:
    """Extract every essay and merge it into each target language's catalog.

    One transaction: all essays are read and segmented, every template and catalog is
    prepared (by ``jobs`` processes when there are many essays; the files are identical
    to a one-process run), and only then are they written, together. A run that fails
    (a bad essay or catalog, disk full, a translator's save meanwhile) changes nothing.
    """
    outputs = None
    if not templates_only and config.cache is not None:
        from .outputs import OutputRecord, run_key

        outputs = OutputRecord(config.cache, run_key(config, glossary))
    with project_lock(config):
        recover(config.root / JOURNAL, config.root)  # a run killed while committing
        # Kiwi loads in a child meanwhile, if paragraphs are new (korean.analyser)
        with EssayReading(config, names, jobs=jobs, analyser=True,
                          shared={"glossary": glossary},
                          imports=() if templates_only else PRETRANSLATION_IMPORTS,
                          skip=_skipper(config, outputs)) as reading:
            return _update(config, reading, names, clock, templates_only, jobs, glossary,
                           outputs)


def _update(config: Config, reading: EssayReading, names, clock: Clock,
            templates_only: bool, jobs: int, glossary, outputs) -> list[WrittenFile]:
    present = {path.stem for path in find_essays(config.source)}
    if not names and not templates_only:
        _refuse_retiring_everything(config, present)
    catalogs = _Catalogs()
    pretranslate = None
    if not templates_only and len(reading.skipped) < len(reading.names_in_order):
        pretranslate = _pretranslator(config, glossary, catalogs.read)
        if reading.analyser is not None:
            import_merge_tools()  # while Kiwi segments the new paragraphs
    essays = reading.finish(save=False)  # saved beside the essays' work (_essay_files)
    annotate, saves = None, [reading.save_caches]
    if glossary is not None:
        annotate, notes = _glossary_notes(config, glossary, essays, names, reading.analyser,
                                          keep=[key for found in reading.skipped.values()
                                                for key in found.sentences])
        saves.append(notes.save)
    reading.close()  # Kiwi's work is done: its memory and core back
    compendia = Compendia(config, present)
    work = _EssayWork(config, clock, annotate, templates_only, compendia, pretranslate,
                      catalogs)
    done: dict[str, list[PlannedFile]] = {}
    # each essay's files staged as soon as they are made (so the disk writes them while
    # the next essays are worked on), in the order of the essays; committed together
    with Transaction(config.root, journal=config.root / JOURNAL) as staged, \
            closing(_essay_files(work, essays, jobs,
                                 beside=lambda: [save() for save in saves])) as made:
        written = []
        for essay, files in zip(essays, made, strict=True):
            done[essay.name] = files
            written += _stage(staged, files)
        planned = len(written)
        if not names and not templates_only:
            for language in config.languages:
                written += _stage(staged, retire_catalogs(config, language, present))
    if outputs is not None:
        _remember(config, outputs, reading, essays, done, names)
    by_path = {item.path: item for item in written}
    report = []
    for name in reading.names_in_order:
        if name in reading.skipped:
            report += _unchanged(config, name, reading.skipped[name])
        else:
            report += [by_path[item.path] for item in done[name]]
    return report + written[planned:]


def _essay_files(work: _EssayWork, essays: list[Essay], jobs: int,
                 beside: Callable[[], None]) -> Iterator[list[PlannedFile]]:
    """Each essay's planned files, in the essays' order, as they are made (by ``jobs``
    processes when there are many essays; the files are identical to a one-process run).
    ``beside()`` (the caches' saves) runs in a thread of this process while the workers
    work, started once they are forked, or before the essays in one process."""
    if jobs > 1 and len(essays) >= MANY_ESSAYS:
        try:
            # the workers are forked with the essays: each is named by its index, not sent
            _WORK.update(work=work, essays=essays)
            if not work.templates_only:
                import_merge_tools()  # once, not in each worker
            with process_pool(min(jobs, len(essays))) as pool, _thread(beside):
                yield from pool.imap(_update_one, range(len(essays)), chunksize=4)
        finally:
            _WORK.clear()
    else:
        beside()
        for essay in essays:
            yield work(essay)


@contextmanager
def _thread(function: Callable[[], None]) -> Iterator[None]:
    """``function()`` in a thread for the block's duration, joined at its end; its
    exception, if any, is raised then (unless the block raised one of its own)."""
    import threading

    failed: list[BaseException] = []

    def run() -> None:
        try:
            function()
        except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
            failed.append(exc)
    thread = threading.Thread(target=run, name="l10n-update-caches")
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failed:
        raise failed[0]


def _skipper(config: Config, outputs):
    """``EssayReading``'s ``skip``: the record of an essay nothing touched since."""
    if outputs is None:
        return None

    def skip(name: str, digest: str):
        return outputs.unchanged(name, digest, _output_paths(config, name), file_digest)
    return skip


def _output_paths(config: Config, name: str) -> list[Path]:
    return [config.pot_path(name), *(config.po_path(name, language)
                                     for language in config.languages)]


def _unchanged(config: Config, name: str, found) -> list[WrittenFile]:
    """The report of an essay skipped: its files, unchanged, as the run that wrote them
    gave them."""
    files = []
    for index, (path, output) in enumerate(zip(_output_paths(config, name), found.outputs,
                                               strict=True)):
        files.append(WrittenFile(path, "unchanged", output.entries, output.fuzzy,
                                 output.untranslated, output.obsolete,
                                 found.notes if index == 0 else ()))
    return files


def _remember(config: Config, outputs, reading: EssayReading, essays: list[Essay],
              done: dict[str, list[PlannedFile]], names) -> None:
    """Record what this run wrote of each essay it read, for the next run to skip it when
    nothing has changed; an essay with an untranslated entry is not recorded (see
    outputs.py)."""
    import hashlib

    from .outputs import EssayOutputs, Output

    for essay in essays:
        files = done[essay.name]
        record = None
        source = reading.source_digests.get(essay.name)
        if source is not None and all(item.written.untranslated == 0 for item in files[1:]):
            record = EssayOutputs(
                source,
                tuple(Output(hashlib.sha256(item.text.encode("utf-8")).hexdigest(),
                             item.written.entries, item.written.fuzzy,
                             item.written.untranslated, item.written.obsolete)
                      for item in files),
                files[0].written.notes, tuple(reading.paragraphs[essay.name]),
                tuple(dict.fromkeys(text_key(s.msgid) for s in essay.sentences())))
        outputs.remember(essay.name, record)
    if not names:
        present = set(reading.names_in_order)
        for name in list(outputs.records):
            if name not in present:
                outputs.remember(name, None)
    outputs.save()


def _glossary_notes(config: Config, glossary, essays: list[Essay], names, analyser, *,
                    keep=()):
    """The glossary notes of every sentence: remembered ones, the rest worked out (by the
    analyser child, whose Kiwi is loaded, if there is one); and their cache, to save."""
    from .glossary.notes import NoteCache, annotate_with  # only new sentences are asked

    msgids = list(dict.fromkeys(s.msgid for essay in essays for s in essay.sentences()))
    ask = None if analyser is None else functools.partial(annotate_with, analyser, glossary)
    cache = NoteCache(config.cache, glossary)
    made = cache.notes(glossary, msgids, prune=not names, annotate=ask, keep=keep,
                       save=False)
    return dict(zip(msgids, made, strict=True)).__getitem__, cache


class _Catalogs:
    """The catalogs of a run, each read once: what the translation memory reads first is
    what ``update_essay`` merges into (with the digest taken as it was read, so a save
    meanwhile is still refused at commit)."""

    def __init__(self) -> None:
        self._read: dict[Path, tuple[str | None, L10nError | None, polib.POFile]] = {}

    def read(self, path: Path) -> polib.POFile:
        try:
            digest, error = file_digest(path), None
        except L10nError as exc:  # raised where update_essay takes the catalog, as before
            digest, error = None, exc
        po = read_catalog(path)
        self._read[path] = (digest, error, po)
        return po

    def take(self, path: Path) -> tuple[str | None, polib.POFile | None]:
        """The digest and contents of ``path`` (None, None: absent), once."""
        found = self._read.pop(path, None)
        if found is None:
            digest = file_digest(path)
            return digest, read_catalog(path) if digest is not None else None
        digest, error, po = found
        if error is not None:
            raise error
        return digest, po


def _stage(staged: Transaction, planned: list[PlannedFile]) -> list[WrittenFile]:
    """Stage planned files in the run's transaction; what each write will do."""
    written = []
    for item in planned:
        changed = staged.write_text(item.path, item.text, expected_digest=item.expected)
        written.append(item.written if changed else
                       dataclasses.replace(item.written, action="unchanged"))
    return written


def _refuse_retiring_everything(config: Config, present: set[str]) -> None:
    """No essay at all, yet catalogs: a wrong 'source' setting, not a deleted project."""
    if present:
        return
    catalogs = [p for language in config.languages
                for p in project_catalogs(config, language)]
    if catalogs:
        from .errors import ConfigError

        raise ConfigError(f"no essay found in {config.relative(config.source)}, so every one "
                          f"of the {len(catalogs)} catalog(s) would be retired; nothing was "
                          "changed", path=config.config_file,
                          hint="check 'source' in [tool.l10n] (or restore the essays)")


@dataclass(frozen=True)
class _EssayWork:
    config: Config
    clock: Clock
    annotate: Annotator | None
    templates_only: bool
    compendia: Compendia
    pretranslate: Callable | None = None
    catalogs: _Catalogs | None = None

    def __call__(self, essay: Essay) -> list[PlannedFile]:
        pot, pot_file = extract_essay(self.config, essay, clock=self.clock,
                                      annotate=self.annotate)
        if self.templates_only:
            return [pot_file]
        take = self.catalogs.take if self.catalogs is not None else None
        return [pot_file] + [update_essay(self.config, essay, pot, language, clock=self.clock,
                                          compendium=functools.partial(
                                              self.compendia.get, language),
                                          pretranslate=self.pretranslate, read=take)
                             for language in self.config.languages]


_WORK: dict = {}

# what the essays' merges and memory lookups import the first time they score candidates
# (po.merge's fuzzy search and contained parts, memory.tm's lookups)
MERGE_IMPORTS = ("rapidfuzz.distance", "rapidfuzz.fuzz", "rapidfuzz.process")
# what ``_pretranslator`` imports (memory.tm: numpy, about 0.12 s), imported while the
# essays are parsed by the workers (``EssayReading``'s ``imports``)
PRETRANSLATION_IMPORTS = ("l10n.memory.pretranslation",)


def import_merge_tools() -> None:
    """Import ``MERGE_IMPORTS`` now: while the parent waits for Kiwi, or before it forks
    its workers, so that each of them does not import them again (~40 ms a process)."""
    import importlib

    for name in MERGE_IMPORTS:
        importlib.import_module(name)


def _pretranslator(config: Config, glossary, read=None):
    """The translation memory's hook, read from the catalogs before anything is written."""
    from .memory.pretranslation import project_pretranslator

    return project_pretranslator(config, lambda lang: project_catalogs(config, lang), glossary,
                                 read=read)


def _update_one(index: int) -> list[PlannedFile]:
    return _WORK["work"](_WORK["essays"][index])
