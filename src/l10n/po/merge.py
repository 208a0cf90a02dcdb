"""Update a translation catalog from a new template, the way ``msgmerge --previous`` does, and more.

For every entry of the new template, in template order:

1. **exact**: an old entry (live or obsolete) with the same msgid gives its translation,
   flags and translator comments;
2. **split**: a run of consecutive new entries whose texts together are one old entry
   (a sentence split in two): each part gets its share of the old translation when the
   English splits into as many sentences, otherwise the whole old translation; fuzzy;
3. **merged**: one new entry whose text is a run of consecutive old entries (two
   sentences joined): it gets their translations joined; fuzzy;
4. **fuzzy**: otherwise the most similar old translated entry (character similarity
   at least 0.6, msgmerge's threshold) gives its translation, fuzzy.

Every old entry that is not an exact match of a new one becomes obsolete (``#~``), so
no translation is ever dropped. ``#| msgid`` (previous_msgid) tells the translator
what the source said when the translation was made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polib

FUZZY_THRESHOLD = 60.0  # percent, as msgmerge
MAX_RUN = 4  # longest split or merge looked for
_SPACE = re.compile(r"\s+")
_EN_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def _key(text: str) -> str:
    return _SPACE.sub("", text)


def _translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def split_english(text: str) -> list[str]:
    """English sentences of a translation (for sharing a translation among split parts)."""
    return [part for part in _EN_SENTENCE_END.split(text.strip()) if part]


def _carry(new: polib.POEntry, old: polib.POEntry, *, fuzzy: bool) -> None:
    new.msgstr = old.msgstr
    new.msgstr_plural = dict(old.msgstr_plural)
    new.tcomment = old.tcomment
    keep = [flag for flag in old.flags if flag != "fuzzy"]
    new.flags = (["fuzzy"] if fuzzy or "fuzzy" in old.flags else []) + [
        flag for flag in keep if flag not in new.flags] + [
        flag for flag in new.flags if flag != "fuzzy" and flag not in keep]
    if "fuzzy" in new.flags:
        # the source the translation was made for: an old fuzzy entry already says it
        made_for = old.previous_msgid if ("fuzzy" in old.flags and old.previous_msgid) \
            else old.msgid
        new.previous_msgid = made_for if made_for != new.msgid else old.previous_msgid


def _preference(entry: polib.POEntry) -> tuple[int, int]:
    """Exact matches prefer a translated entry, then a live one."""
    return (0 if _translated(entry) else 1, 1 if entry.obsolete else 0)


def _fresh(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgid=entry.msgid, msgid_plural=entry.msgid_plural,
                         msgstr="", msgstr_plural={k: "" for k in entry.msgstr_plural},
                         occurrences=list(entry.occurrences), comment=entry.comment,
                         flags=[flag for flag in entry.flags if flag != "fuzzy"],
                         msgctxt=entry.msgctxt)


def _runs(keys: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Whitespace-free concatenations of 2..MAX_RUN consecutive keys -> (first, last+1)."""
    runs: dict[str, tuple[int, int]] = {}
    for start in range(len(keys)):
        joined = keys[start]
        for end in range(start + 1, min(start + MAX_RUN, len(keys))):
            joined += keys[end]
            runs.setdefault(joined, (start, end + 1))
    return runs


def merge_catalog(old: polib.POFile | None, template: polib.POFile,
                  metadata: dict[str, str]) -> polib.POFile:
    """The updated catalog: template entries with old translations, then obsolete entries."""
    result = polib.POFile(wrapwidth=79, encoding="utf-8")
    result.metadata = dict(metadata)
    result.header = old.header if old is not None else ""
    if old is not None:
        result.metadata_is_fuzzy = getattr(old, "metadata_is_fuzzy", 0)
    old_entries = [entry for entry in old] if old is not None else []
    by_id: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in sorted(old_entries, key=_preference):  # translated live entries first
        by_id.setdefault((entry.msgctxt, entry.msgid), entry)

    new_entries = [_fresh(entry) for entry in template if not entry.obsolete]
    used: set[int] = set()
    done = [False] * len(new_entries)
    for i, entry in enumerate(new_entries):
        match = by_id.get((entry.msgctxt, entry.msgid))
        if match is not None:
            _carry(entry, match, fuzzy=False)
            entry.previous_msgid = match.previous_msgid if "fuzzy" in entry.flags else None
            used.add(id(match))
            done[i] = True

    candidates = [e for e in old_entries if id(e) not in used and _translated(e)
                  and e.msgctxt is None and not e.msgid_plural]
    _match_splits(new_entries, done, candidates)
    _match_merges(new_entries, done, [e for e in old_entries if e.msgctxt is None
                                      and not e.msgid_plural])
    # fuzzy: first among old entries no new entry took exactly (an edited sentence's old
    # self is there), then among all translated old entries, as msgmerge does
    _match_fuzzy(new_entries, done, [e for e in candidates if not e.obsolete] +
                 [e for e in candidates if e.obsolete])
    _match_fuzzy(new_entries, done, [e for e in old_entries if _translated(e)
                                     and e.msgctxt is None and not e.msgid_plural])
    # a part of a sentence that was split with an edit: the old sentence contains it
    _match_fuzzy(new_entries, done, candidates, contained=True)
    for entry in new_entries:
        result.append(entry)
    carried = {(e.msgctxt, e.msgid): e.msgstr for e in new_entries}
    for entry in old_entries:
        if not _translated(entry) or carried.get((entry.msgctxt, entry.msgid)) == entry.msgstr:
            continue  # nothing to keep, or the same translation is live
        gone = polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr,
                             msgid_plural=entry.msgid_plural,
                             msgstr_plural=dict(entry.msgstr_plural), msgctxt=entry.msgctxt,
                             tcomment=entry.tcomment, flags=list(entry.flags),
                             previous_msgid=entry.previous_msgid, obsolete=True)
        result.append(gone)
    return result


def _match_splits(new: list[polib.POEntry], done: list[bool],
                  candidates: list[polib.POEntry]) -> None:
    runs = _runs([_key(entry.msgid) for entry in new])
    for old in candidates:
        span = runs.get(_key(old.msgid))
        if span is None or any(done[i] for i in range(*span)):
            continue
        parts = list(range(*span))
        english = split_english(old.msgstr)
        shares = english if len(english) == len(parts) else [old.msgstr] * len(parts)
        for index, share in zip(parts, shares, strict=True):
            entry = new[index]
            entry.msgstr = share
            entry.tcomment = old.tcomment
            entry.flags = ["fuzzy"] + [f for f in entry.flags if f != "fuzzy"]
            entry.previous_msgid = old.msgid
            done[index] = True


def _match_merges(new: list[polib.POEntry], done: list[bool],
                  old_entries: list[polib.POEntry]) -> None:
    live_old = [entry for entry in old_entries if not entry.obsolete]
    runs = _runs([_key(entry.msgid) for entry in live_old])
    for index, entry in enumerate(new):
        if done[index]:
            continue
        span = runs.get(_key(entry.msgid))
        if span is None:
            continue
        olds = live_old[span[0]:span[1]]
        if not any(_translated(old) for old in olds):
            continue
        entry.msgstr = " ".join(old.msgstr for old in olds if old.msgstr)
        comments = [old.tcomment for old in olds if old.tcomment]
        entry.tcomment = "\n".join(dict.fromkeys(comments))
        entry.flags = ["fuzzy"] + [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = " ".join(old.msgid for old in olds)
        done[index] = True


def _match_fuzzy(new: list[polib.POEntry], done: list[bool],
                 candidates: list[polib.POEntry], *, contained: bool = False) -> None:
    """Give each unmatched entry the most similar old translation (ties: the first).

    With ``contained``, similarity is how well the new sentence matches a part of a
    longer old one (rapidfuzz partial_ratio, at least 90): the halves of a sentence that
    was split and reworded each get the old translation to cut down.
    """
    todo = [i for i, entry in enumerate(new) if not done[i] and not entry.msgid_plural
            and (not contained or len(entry.msgid) >= 12)]
    if not candidates or not todo:
        return
    from rapidfuzz import fuzz, process

    choices = [old.msgid for old in candidates]
    step = max(1, 20_000_000 // len(choices))  # bound the score matrix to ~80 MB
    for first in range(0, len(todo), step):
        rows = todo[first:first + step]
        cutoff = 90.0 if contained else FUZZY_THRESHOLD
        scores = process.cdist([new[i].msgid for i in rows], choices,
                               scorer=fuzz.partial_ratio if contained else fuzz.ratio,
                               score_cutoff=cutoff, workers=-1)
        for row, index in enumerate(rows):
            best = int(scores[row].argmax())
            if contained and len(choices[best]) < len(new[index].msgid) * 1.3:
                continue  # not a part of a longer sentence
            if scores[row][best] >= cutoff:
                _carry(new[index], candidates[best], fuzzy=True)
                done[index] = True
