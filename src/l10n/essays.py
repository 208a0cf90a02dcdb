"""The essays of a run, read: found, parsed (by several processes when there are many)
and segmented, with Kiwi loading in a child meanwhile when paragraphs are new."""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from .cache import text_key
from .config import Config
from .errors import L10nError
from .korean.segcache import SegmentCache, SegmentedSources
from .model import Essay
from .source import Draft, find_essays, finish_essays, read_draft, read_source
from .workers import process_pool


@contextmanager
def _importing(names: tuple[str, ...]) -> Iterator[None]:
    """The modules ``names`` imported by a thread while the block runs (this process waits
    for its workers there: ``update``'s translation memory needs numpy, a tenth of a
    second, right after), and joined before it ends, so that no thread outlives it into
    a later fork. A module that fails to import is left to its real import, which raises
    where it is needed."""
    def run() -> None:
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - raised again by the import that needs it
                return

    thread = threading.Thread(target=run, name="l10n-imports", daemon=True) if names else None
    if thread is not None:
        thread.start()
    try:
        yield
    finally:
        if thread is not None:
            thread.join()

# from this many essays on, reading and writing are spread over processes (with --jobs)
MANY_ESSAYS = 8
# new paragraphs sent to the analyser at a time while the essays are parsed
SUBMIT = 256


def read_essays(config: Config, names: list[str] | None = None, *,
                jobs: int = 1) -> list[Essay]:
    """The essays (all, or those named), segmented; the first bad one raises its error.

    With ``jobs`` > 1 and many essays, files are read and parsed by that many processes;
    segmentation stays in this process, in one Kiwi batch.
    """
    with EssayReading(config, names, jobs=jobs) as reading:
        return reading.finish()


class EssayReading:
    """The essays of a run being read: parsed now, segmented when ``finish`` is called.

    With ``analyser``, a run that will segment (an essay whose bytes were not segmented
    before: ``SegmentedSources``, a stat and a hash per essay) first forks a child that
    loads Kiwi (``korean.analyser``) while this process parses the essays, and gives it
    the paragraphs the segmentation cache lacks as soon as they are known; until
    ``finish`` the caller does other work (``update`` reads the catalogs). The child
    sees the objects of ``shared`` (``analyser.shared``); ``close`` (or leaving a
    ``with`` block) stops it. The essays are the same either way.
    """

    def __init__(self, config: Config, names: list[str] | None = None, *, jobs: int = 1,
                 analyser: bool = False, shared: dict | None = None, skip=None,
                 imports: tuple[str, ...] = ()) -> None:
        self.config, self.names = config, names
        self.imports = imports  # modules imported meanwhile, where workers parse
        self.analyser = None
        self._submitted: list[str] | None = None  # the paragraphs sent to the analyser
        self._requests = 0  # in how many requests
        paths = _essay_paths(config, names)
        self.cache = SegmentCache(config.cache)
        self.sources = SegmentedSources(config.cache)
        data = [_bytes_or_error(path) for path in paths]
        self.digests = {path.name: _bytes_digest(item) for path, item in zip(paths, data,
                                                                                strict=True)
                        if isinstance(item, bytes)}
        # the file's name is part of what an essay's outputs depend on (its references
        # say source/ko/NAME), so a renamed suffix is not an untouched essay
        self.source_digests = {path.stem: f"{path.name}\0{self.digests[path.name]}"
                               for path in paths if path.name in self.digests}
        # essays ``skip(name, digest)`` vouches for (outputs.OutputRecord): not read
        self.names_in_order = [path.stem for path in paths]
        self.skipped = {}
        for path in paths if skip is not None else ():
            digest = self.source_digests.get(path.stem)
            found = skip(path.stem, digest) if digest is not None else None
            if found is not None:
                self.skipped[path.stem] = found
                self.cache.keep(found.paragraphs)
        if self.skipped:
            data = [item for path, item in zip(paths, data, strict=True)
                    if path.stem not in self.skipped]
            paths = [path for path in paths if path.stem not in self.skipped]
        read = {path.name: self.digests.get(path.name) for path in paths}
        if analyser and paths and not (self.cache.records and self.sources.all_known(read)):
            from .korean.analyser import Analyser

            self.analyser = Analyser.start(shared)
        # what Kiwi read in new paragraphs: the aligner's morphology, kept where the cache is
        self.analysed: list | None = [] if config.cache is not None else None
        try:
            self.drafts = self._read_drafts(paths, data, jobs)
        except BaseException:
            self.close()
            raise
        self.texts = [text for draft in self.drafts for text in draft.texts()]
        if self.analyser is not None and not self._submitted:
            self.close()  # nothing to segment after all

    def _read_drafts(self, paths: list[Path], data: list, jobs: int) -> list[Draft]:
        """The drafts, in file order; with an analyser, the paragraphs the cache lacks
        sent to it as the drafts come (``SUBMIT`` at a time), so Kiwi segments the first
        while the rest are parsed."""
        drafts: list[Draft] = []
        waiting: list[str] = []
        with closing(self._drafts(paths, data, jobs)) as parsed:  # its pool ends here
            for draft in parsed:
                drafts.append(draft)
                if self.analyser is not None:
                    waiting += self.cache.missing(draft.texts())
                    if len(waiting) >= SUBMIT:
                        self._submit(waiting)
                        waiting = []
        if waiting:
            self._submit(waiting)
        return drafts

    def _submit(self, texts: list[str]) -> None:
        from .korean.analyser import segment_job

        self.analyser.submit(segment_job, texts, self.analysed is not None)
        if self._submitted is None:
            self._submitted = []
        self._submitted += texts
        self._requests += 1

    def _drafts(self, paths: list[Path], data: list, jobs: int) -> Iterator[Draft]:
        reader = functools.partial(_draft_or_error, root=self.config.root,
                                   fields=self.config.front_matter)
        items = list(zip(paths, data, strict=True))
        if jobs > 1 and len(paths) >= MANY_ESSAYS:
            if any(path.suffix != ".txt" for path in paths):  # Markdown (source.draft_essay)
                from .blocks import prepare_parser

                prepare_parser()  # imported once, here, not in each worker
            with process_pool(min(jobs, len(paths))) as pool:
                results = pool.imap(reader, items, chunksize=4)
                with _importing(self.imports):  # this process would only wait
                    yield from _checked(results)
        else:
            yield from _checked(map(reader, items))

    def _split(self, batch: list[str], *, morphemes: list | None = None) -> list:
        if self._submitted is None or self.analyser is None:
            from .source import split_spans

            return split_spans(batch, morphemes=morphemes)
        if batch != self._submitted:  # pragma: no cover - the cache answers as it did
            raise AssertionError("the paragraphs to segment changed")
        self._submitted = None
        spans: list = []
        for _ in range(self._requests):
            found_spans, found = self.analyser.result()
            spans += found_spans
            if morphemes is not None:
                morphemes.extend(found)
        self._requests = 0
        return spans

    def finish(self, *, save: bool = True) -> list[Essay]:
        """The essays, segmented (new paragraphs from the child if there is one); the
        caches saved (unless not ``save``: then ``save_caches`` does it)."""
        essays = finish_essays(self.drafts, self.cache, analysed=self.analysed,
                               split=self._split)
        self.paragraphs = {draft.name: [text_key(text) for text in draft.texts()
                                        if text.strip()] for draft in self.drafts}
        if save:
            self.save_caches()
        return essays

    def save_caches(self) -> None:
        """Save what ``finish`` learnt: the segmentation cache, the aligner's morphology
        of the new paragraphs, the record of the essays whose every paragraph is cached.
        Reads nothing ``finish``'s caller changes (``update`` runs it beside its pool)."""
        self.cache.save(prune=not self.names)  # a run over every essay forgets paragraphs gone
        if self.analysed:
            from .memory.morphology import record_morphology

            record_morphology(self.config.cache, self.analysed)
        if not self.cache.dirty:  # saved: every paragraph of these bytes is in the cache
            self.sources.record(self.digests, prune=not self.names)

    def close(self) -> None:
        """Stop the analyser child, if any (it holds a model's worth of memory)."""
        if self.analyser is not None:
            self.analyser.close()
            self.analyser = None

    def __enter__(self) -> EssayReading:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _essay_paths(config: Config, names: list[str] | None) -> list[Path]:
    paths = find_essays(config.source)
    if names:
        wanted = set(names)
        unknown = sorted(wanted - {p.stem for p in paths} - {p.name for p in paths})
        if unknown:
            from .errors import ConfigError

            raise ConfigError(f"no essay named {', '.join(unknown)} in {config.source}",
                              hint="give essay names as their file stems (l10n status lists them)")
        paths = [p for p in paths if p.stem in wanted or p.name in wanted]
    return paths


def _bytes_or_error(path: Path) -> bytes | L10nError:
    try:
        return read_source(path)
    except L10nError as exc:
        return exc


def _bytes_digest(data: bytes) -> str:
    import hashlib

    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _draft_or_error(item: tuple[Path, bytes | L10nError], *, root: Path,
                    fields: tuple[str, ...]) -> Draft | L10nError:
    path, data = item
    if isinstance(data, L10nError):
        return data
    try:
        return read_draft(path, root=root, fields=fields, data=data)
    except L10nError as exc:
        return exc


def _checked(drafts: Iterable[Draft | L10nError]) -> Iterator[Draft]:
    """The drafts in file order; the first error in file order raised, whichever process
    met it."""
    for draft in drafts:
        if isinstance(draft, L10nError):
            raise draft
        yield draft
