"""The glossary notes of template entries (``#. glossary: 초연결 → hyper-connectivity``),
remembered in ``.l10n-cache`` so ``update`` works out only those of new sentences.

A sentence's notes depend on nothing but its text, the glossary's terms and the rules
that decide a hit (Kiwi's verdicts, kept in the decision cache beside this one). On
every run ``update`` asked the glossary about each of the project's sentences again:
the automaton scan, the verdict look-ups and the formatting of 10k sentences, 1 s of a
run in which a few hundred sentences are new. The notes are kept by a digest of the
sentence in ``.l10n-cache/glossary-notes.json``, under a fingerprint of the decider
(``decisions.fingerprint``) and of the glossary's terms: a different glossary or rule
discards the file. A record that is not a list of strings is not used; a run over every
essay forgets the sentences no longer in any.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..cache import RecordCache, text_key
from .decisions import fingerprint as decider

FILE_NAME = "glossary-notes.json"


def glossary_fingerprint(glossary) -> str:
    """The decider and the glossary's terms (and options), which every note depends on."""
    terms = hashlib.sha256(repr((glossary.terms, glossary.surnames)).encode("utf-8"))
    return f"{decider()}; notes of terms {terms.hexdigest()[:16]}"


class NoteCache(RecordCache):
    """Notes by sentence, for one glossary; read from ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "notes"
    WHAT = "glossary note cache"

    def __init__(self, folder: Path | None, glossary) -> None:
        made = glossary_fingerprint(glossary)
        self.FINGERPRINT = lambda: made  # this glossary's: another one's notes are not used
        super().__init__(folder)

    def notes(self, glossary, texts: list[str], *, prune: bool = False,
              annotate=None, keep=(), save: bool = True) -> list[list[str]]:
        """``glossary.annotations_many(texts)``: remembered notes, the rest in one batch
        (by ``annotate``, if given: the same function worked out elsewhere).

        ``prune``: keep only the notes of ``texts`` and of the keys ``keep`` (a run over
        every essay; ``keep``: the sentences of essays it did not read). The cache is
        saved, unless not ``save`` (then the caller calls ``save``)."""
        keys = [text_key(text) for text in texts]
        found: list[list[str] | None] = []
        for key in keys:
            record = self.records.get(key)
            ok = isinstance(record, list) and all(isinstance(line, str) for line in record)
            found.append(record if ok else None)
        missing = [i for i, notes in enumerate(found) if notes is None]
        if missing:
            made = (annotate or glossary.annotations_many)([texts[i] for i in missing])
            for i, notes in zip(missing, made, strict=True):
                found[i] = notes
                self.records[keys[i]] = notes
            self.dirty = True
        if prune:
            self.keep_only([*keys, *(key for key in keep if key in self.records)])
        if save:
            self.save()
        return [list(notes or ()) for notes in found]


def annotate_with(analyser, glossary, texts: list[str]) -> list[list[str]]:
    """``glossary.annotations_many(texts)`` worked out by ``analyser`` (a
    ``korean.analyser.Analyser`` started with ``glossary`` shared as "glossary"), whose
    Kiwi is loaded; the verdicts it made are recorded in this glossary's decision cache,
    as they would have been in-process. An analyser that does not share the glossary (the
    resident server, ``korean.resident``) is asked only for Kiwi's tokens and readings:
    the glossary's logic runs here, as in-process."""
    store = glossary.decisions
    if not analyser.shares:
        from ..korean.analyser import asking

        with asking(analyser):
            notes = glossary.annotations_many(texts)
        if store is not None:
            store.save()
        return notes
    notes, learnt = analyser.call(_annotations_job, texts)
    if store is not None:
        if learnt:
            store.records.update(learnt)
            store.dirty = True
        store.save()
    return notes


def _annotations_job(texts: list[str]) -> tuple[list[list[str]], dict]:
    """In the analyser: the notes of ``texts`` and the decision records they added."""
    from ..korean.analyser import shared

    glossary = shared("glossary")
    store = glossary.decisions
    if store is None:
        return glossary.annotations_many(texts), {}
    path, store.path = store.path, None  # the parent saves what is learnt here
    before = dict(store.records)
    try:
        notes = glossary.annotations_many(texts)
    finally:
        store.path = path
    return notes, {key: value for key, value in store.records.items()
                   if before.get(key) != value}
