"""Pre-translation: the new entries of a catalog (sentences this update added) filled from
the memory.

- An exact match gives its translation: translated when ``tm-exact = "translated"``, or
  in the default ``auto`` mode when it comes from the same essay; fuzzy otherwise
  (another essay is another context), and always fuzzy when the memory's translation is
  itself an alignment nobody has reviewed.
- A match at or above ``tm-threshold`` gives its translation as ``#, fuzzy``, with the
  memory's source as ``#| msgid`` so Poedit and Lokalize show what changed, and a
  ``#. tm: 87% from source/ko/a.md:12`` comment. One number that changed is changed in
  the English too, where that is unambiguous; the entry stays fuzzy.
- An entry that has any translation (a translator's, or a fuzzy one from the merge) is
  never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib

from .tm import Match, TranslationMemory, best_matches, normalize, substitute_numbers

NOTE_PREFIXES = ("tm: ", "aligned: ")


@dataclass(frozen=True)
class Pretranslator:
    """What ``l10n update`` calls for each merged catalog (one per target language)."""

    memories: dict[str, TranslationMemory]
    threshold: float = 75.0
    exact: str = "auto"

    def __call__(self, po: polib.POFile, old: polib.POFile | None, *, essay: str,
                 language: str) -> int:
        carry_notes(po, old)
        memory = self.memories.get(language)
        if memory is None or not len(memory):
            return 0
        known = frozenset(entry.msgid for entry in old) if old is not None else frozenset()
        return pretranslate(po, memory, essay=essay, threshold=self.threshold,
                            exact=self.exact, known=known)


def pretranslate(po: polib.POFile, memory: TranslationMemory, *, essay: str,
                 threshold: float = 75.0, exact: str = "auto",
                 known: frozenset = frozenset()) -> int:
    """Fill the new, untranslated entries of ``po`` from ``memory``; the number filled.

    Entries whose msgid is in ``known`` (the catalog had them before this update) are
    left alone: an entry left empty on purpose stays empty, and an update of an
    unchanged essay looks nothing up. ``l10n analyze`` shows what the memory offers them.
    """
    todo = [entry for entry in po if not entry.obsolete and entry.msgid
            and entry.msgid not in known and not entry.msgid_plural and not entry.msgstr
            and "fuzzy" not in entry.flags]
    filled = 0
    for entry, match in zip(todo, best_matches(memory, [e.msgid for e in todo],
                                               threshold=threshold), strict=True):
        if match is not None:
            fill_entry(entry, match, essay=essay, exact=exact)
            filled += 1
    return filled


def fill_entry(entry: polib.POEntry, match: Match, *, essay: str, exact: str) -> None:
    unit = match.unit
    target, substituted = unit.target, []
    if match.exact:
        fuzzy = (exact == "fuzzy" or not unit.reviewed
                 or (exact == "auto" and unit.essay != essay))
    else:
        fuzzy = True
        target, substituted = substitute_numbers(normalize(unit.source), normalize(entry.msgid),
                                                 target)
    entry.msgstr = target
    if fuzzy:
        entry.flags = ["fuzzy"] + [flag for flag in entry.flags if flag != "fuzzy"]
        if unit.source != entry.msgid:
            entry.previous_msgid = unit.source
    note = f"tm: {match.score}% from {unit.origin}"
    if substituted:
        note += f" ({', '.join(substituted)} substituted)"
    others = [d for d in match.differences if not (substituted and d.startswith("number "))]
    if others:
        note += f"; differs: {'; '.join(others)}"
    entry.comment = f"{entry.comment}\n{note}" if entry.comment else note


def carry_notes(po: polib.POFile, old: polib.POFile | None) -> None:
    """Keep ``tm:`` and ``aligned:`` notes on entries still fuzzy with the same English.

    Extracted comments come from the template at each update, so without this the note
    saying where a pre-translation came from would vanish before anyone reviewed it.
    """
    if old is None:
        return
    notes = {}
    for entry in old:
        if entry.obsolete or "fuzzy" not in entry.flags or not entry.comment:
            continue
        lines = [line for line in entry.comment.split("\n") if line.startswith(NOTE_PREFIXES)]
        if lines:
            notes[entry.msgid] = (entry.msgstr, lines)
    if not notes:
        return
    for entry in po:
        found = notes.get(entry.msgid)
        if found is None or entry.obsolete or "fuzzy" not in entry.flags \
                or entry.msgstr != found[0]:
            continue
        have = (entry.comment or "").split("\n") if entry.comment else []
        extra = [line for line in found[1] if line not in have]
        if extra:
            entry.comment = "\n".join(have + extra)


def project_pretranslator(config, catalogs_of, glossary=None, read=None) -> Pretranslator:
    """The pre-translator for a project: one memory per target language, read now.

    ``catalogs_of(language)`` lists the catalogs; they are read (by ``read``, if given:
    see ``load_memory``) before any is written, so every essay of one run sees the same
    memory, with any number of processes. Each memory is indexed now, once, so the
    processes ``update`` forks share the index instead of each building its own.
    """
    from .archive import load_memory

    memories = {language: load_memory(config, catalogs_of(language), language=language,
                                      glossary=glossary, read=read)
                for language in config.languages}
    for memory in memories.values():
        memory.prepare()
    return Pretranslator(memories, config.tm_threshold, config.tm_exact)
