"""Update a catalog from a new template as ``msgmerge --previous`` 0.21 does, plus
re-segmentation.

Entry by entry, as msgmerge.c (``match_domain``, ``message_merge``):

* **exact**: an old entry, live or obsolete, with the same msgctxt and msgid gives its
  translation, translator comments and ``fuzzy``; everything else (extracted comments,
  references, format flags, range, wrap) comes from the template;
* **fuzzy**: otherwise the old translated entry (live or obsolete, any msgctxt) with the
  highest similarity above 0.6 (gettext's ``fstrcmp`` on bytes plus a 0.00001 bonus for
  the same or no msgctxt; candidates sharing a 4-gram of characters, or of a close
  length for strings under four characters; ties to the candidate sharing more
  4-grams, then the first), marked fuzzy, with ``#|`` the msgctxt/msgid it was made for;
* plural forms sized by the catalog's ``nplurals``; a plural entry matched to a
  singular one (or the reverse) gets its forms copied (or its first), fuzzy;
* old entries no new entry used (exactly or as a fuzzy source) become obsolete, without
  their extracted comments and references; the header is merged as ``po.header`` says.

l10n does one thing better, deliberately: **re-segmentation**. Before the fuzzy search,
a run of consecutive new entries whose texts together are an old entry (a sentence
split in two) each get their share of the old translation (by English sentence when
the translation splits into as many, else the whole), and a new entry whose text is a
run of consecutive old entries (sentences joined) gets their translations joined; both
fuzzy, with ``#|`` the old text, and the old entries are kept as obsolete entries.
msgmerge would give such entries a poorer fuzzy match or none. ``merge_catalog`` (used
by ``l10n update``) also lets a part of a split and
reworded sentence take the whole old translation (similarity of the part at least 90).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import polib

from .fuzzy import FUZZY_THRESHOLD, FuzzyIndex, indel_distance
from .header import merge_header, nplurals
from .parse import entry_from_fields as _entry
from .parse import parse_flags, parse_metadata

__all__ = ["msgmerge", "merge_catalog", "split_english", "FUZZY_THRESHOLD", "header_result",
           "match_entries", "new_entry", "finished", "obsolete_entry", "flag_info",
           "indel_distance"]

MAX_RUN = 4  # longest split or merge looked for
_SPACE = re.compile(r"\s+")
_EN_SENTENCE_END = r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"


def split_english(text: str) -> list[str]:
    """English sentences of a translation (for sharing a translation among split parts)."""
    # re's cache compiles the pattern once, when first needed
    return [part for part in re.split(_EN_SENTENCE_END, text.strip()) if part]


def _forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return [forms[k] for k in sorted(forms, key=int)] if forms else [""]
    return [entry.msgstr]


def _translated(entry: polib.POEntry) -> bool:
    """Is the first form translated (``_forms(entry)[0]``, without building the list)?"""
    if not entry.msgid_plural:
        return bool(entry.msgstr)
    forms = entry.msgstr_plural
    return bool(forms[min(forms, key=int)]) if forms else False


def _is_fuzzy(entry: polib.POEntry) -> bool:
    return "fuzzy" in entry.flags


def _header_text(po: polib.POFile) -> str:
    raw = getattr(po, "header_raw", None)
    if raw is not None and dict(po.metadata) == raw[1]:
        return raw[0]
    return "".join(f"{key}: {value}\n" for key, value in po.metadata.items())


def _merged(old: polib.POEntry, ref: polib.POEntry, *, force_fuzzy: bool, previous: bool,
            plurals: int) -> polib.POEntry:
    """msgmerge's ``message_merge`` for a non-header entry."""
    old_fuzzy, old_formats, old_range, _ = flag_info(tuple(old.flags))
    _, ref_formats, ref_range, ref_rest = flag_info(tuple(ref.flags))
    fuzzy = old_fuzzy or force_fuzzy
    if (ref.msgid_plural or None) != (old.msgid_plural or None):
        fuzzy = True  # a different plural: needs the translator's attention
    forms = _forms(old)
    if not fuzzy:
        for name in ref_formats:
            if name not in old_formats and not _format_ok(name, ref, forms):
                fuzzy = True
    if not fuzzy and old_range and not _range_within(ref_range, old_range):
        fuzzy = True
    if ref.msgid_plural and not old.msgid_plural:
        forms = forms * plurals
        fuzzy = True
    elif not ref.msgid_plural and old.msgid_plural:
        if len(forms) > 1:
            fuzzy = True
        forms = forms[:1]
    entry = _entry({"msgid": ref.msgid, "msgctxt": ref.msgctxt,
                    "msgid_plural": ref.msgid_plural,
                    "msgstr": "" if ref.msgid_plural else forms[0],
                    "msgstr_plural": dict(enumerate(forms)) if ref.msgid_plural else {},
                    "tcomment": old.tcomment, "comment": ref.comment,
                    "occurrences": list(ref.occurrences),
                    "flags": (["fuzzy"] if fuzzy else []) + list(ref_rest),
                    "tcomment_lines": getattr(old, "tcomment_lines", None),
                    "comment_lines": getattr(ref, "comment_lines", None),
                    "linenum": getattr(ref, "linenum", 0)})
    if previous and fuzzy and forms[0]:
        if old_fuzzy:
            entry.previous_msgctxt = old.previous_msgctxt
            entry.previous_msgid = old.previous_msgid
            entry.previous_msgid_plural = old.previous_msgid_plural
        else:
            entry.previous_msgctxt = old.msgctxt
            entry.previous_msgid = old.msgid
            entry.previous_msgid_plural = old.msgid_plural or None
    return entry


@functools.lru_cache(maxsize=1024)
def flag_info(flags: tuple[str, ...]) -> tuple[bool, frozenset[str], str | None,
                                                tuple[str, ...]]:
    """fuzzy?, the format flags that say yes or possible (as "x-format"), the range, and
    the flags other than fuzzy, in gettext's order."""
    parsed = parse_flags(",".join(flags))
    formats = frozenset(f[9:] if f.startswith("possible-") else f for f in parsed
                        if f.endswith("-format") and not f.startswith(("no-", "impossible-")))
    found = next((f for f in parsed if f.startswith("range: ")), None)
    return "fuzzy" in parsed, formats, found, tuple(f for f in parsed if f != "fuzzy")


def _range_within(inner: str | None, outer: str) -> bool:
    if inner is None:
        return False
    a, b = (int(x) for x in inner[7:].split(".."))
    c, d = (int(x) for x in outer[7:].split(".."))
    return a >= c and b <= d


_DIRECTIVE = {  # patterns, compiled by re's cache when first used
    "c-format": r"%(?:[0-9]+\$)?[-+ #0'I]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+)?)?"
                r"(?:hh|h|ll|l|L|q|j|z|Z|t)?([diouxXcsCSpneEfFgGaA%])",
    "python-format": r"%(\([^)]*\))?[-+ #0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+)?)?"
                     r"[hlL]?([diouxXeEfFgGcrsa%])",
    "python-brace-format": r"\{([^{}:!]*)[^{}]*\}",
}


def _format_ok(flag: str, ref: polib.POEntry, forms: list[str]) -> bool:
    """Would ``msgfmt -c`` accept the old translation under the template's new format
    flag? (Directives compared as a multiset; languages not known here pass.)"""
    pattern = _DIRECTIVE.get(flag)
    if pattern is None:
        return True
    pattern = re.compile(pattern)

    def signature(text: str) -> list[str]:
        return sorted("".join(g or "" for g in m.groups()) for m in pattern.finditer(text)
                      if m.group(m.lastindex or 0) != "%")

    expected = signature(ref.msgid)
    return all(not form or signature(form) == expected for form in forms)


# -------------------------------------------------------------------- the merge

def msgmerge(old: polib.POFile | None, template: polib.POFile, *, previous: bool = True,
             fuzzy_matching: bool = True, resegment: bool = True,
             contained: bool = False) -> polib.POFile:
    """The merged catalog, as ``msgmerge --previous OLD TEMPLATE`` writes it, with
    re-segmentation (see the module's docstring) unless ``resegment`` is False."""
    old_entries = list(old) if old is not None else []
    result, plurals, codec = header_result(old, template)
    refs = [entry for entry in template if not entry.obsolete]
    merged, used = match_entries(old_entries, refs, plurals=plurals, codec=codec,
                                 previous=previous, fuzzy_matching=fuzzy_matching,
                                 resegment=resegment, contained=contained)
    entries: list[polib.POEntry] = []  # extended at once: polib's append is a call each
    for ref, entry in zip(refs, merged, strict=True):
        entries.append(new_entry(ref, plurals) if entry is None else finished(entry))
    for entry in old_entries:
        if id(entry) not in used:
            entries.append(obsolete_entry(entry))
    result.extend(entries)
    return result


def header_result(old: polib.POFile | None, template: polib.POFile
                  ) -> tuple[polib.POFile, int, str]:
    """The merged catalog with its header and no entries yet, the catalog's plural count
    and the charset its msgids are compared in (``msgmerge``'s first step)."""
    codec = getattr(old, "encoding", "utf-8") or "utf-8"
    result = polib.POFile(wrapwidth=79, encoding="utf-8")
    old_header = getattr(old, "header_entry", None) if old is not None else None
    has_header = old is not None and (old_header is not None or bool(old.metadata))
    old_text = _header_text(old) if has_header else None
    template_text = _header_text(template) if (
        getattr(template, "header_entry", None) is not None or template.metadata) else ""
    if template_text and _declares_utf8(template_text) and old_text is not None:
        old_text = _charset_to_utf8(old_text)
        codec = "utf-8"
    plurals = nplurals(old_text)
    if has_header:
        text = merge_header(old_text or "", template_text)
        result.metadata = parse_metadata(text)
        result.header_raw = (text, dict(result.metadata))
        result.header = old.header
        result.metadata_is_fuzzy = getattr(old, "metadata_is_fuzzy", [])
        header = polib.POEntry(msgid="", msgstr=text)
        if old_header is not None:
            header.tcomment_lines = getattr(old_header, "tcomment_lines", None)
            header.flags = [f for f in old_header.flags if f == "fuzzy"]
        template_header = getattr(template, "header_entry", None)
        if template_header is not None:
            header.comment = template_header.comment
            header.comment_lines = getattr(template_header, "comment_lines", None)
            header.occurrences = list(template_header.occurrences)
            header.flags += [f for f in template_header.flags if f != "fuzzy"]
        result.header_entry = header
    else:
        result.header_entry = None
        result.header_raw = None
    return result, plurals, codec


def match_entries(old_entries: list, refs: list, *, plurals: int, codec: str,
                  previous: bool, fuzzy_matching: bool, resegment: bool,
                  contained: bool = False, exact=None,
                  by_key: dict | None = None) -> tuple[list, set[int]]:
    """msgmerge's matching of the template's live entries ``refs`` to the old entries:
    for each ref its merged entry (None: no match), and the ``id`` of every old entry
    used. ``exact(old, ref)``, where given, may stand in for the merge of an exact match
    (``po.lean`` gives the entry's text; None leaves it to this module). ``by_key``: the
    old entries by (msgctxt, msgid), where the caller has them (no key twice)."""
    if by_key is None:
        by_key = {}
        for entry in old_entries:
            by_key.setdefault((entry.msgctxt, entry.msgid), entry)
    merged: list = [None] * len(refs)
    used: set[int] = set()
    for i, ref in enumerate(refs):
        match = by_key.get((ref.msgctxt, ref.msgid))
        if match is not None:
            found = exact(match, ref) if exact is not None else None
            merged[i] = found if found is not None else _merged(
                match, ref, force_fuzzy=False, previous=previous, plurals=plurals)
            used.add(id(match))
    exact_ids = set(used)
    if resegment:
        _resegment(refs, merged, old_entries, used, previous=previous)
    if fuzzy_matching:
        index = None
        for i, ref in enumerate(refs):
            if merged[i] is not None:
                continue
            if index is None:
                index = FuzzyIndex([e for e in old_entries if _translated(e)], codec,
                                    [r.msgid for r, m in zip(refs, merged, strict=True)
                                     if m is None])
            match = index.search(ref.msgctxt, ref.msgid)
            if match is not None:
                merged[i] = _merged(match, ref, force_fuzzy=True, previous=previous,
                                    plurals=plurals)
                used.add(id(match))
    if contained:
        # the old sentence may have given its first part a fuzzy match already
        _match_contained(refs, merged, [e for e in old_entries if id(e) not in exact_ids
                                        and _translated(e) and e.msgctxt is None
                                        and not e.msgid_plural], previous=previous)
    return merged, used


def new_entry(ref: polib.POEntry, plurals: int) -> polib.POEntry:
    """The merged entry of a template entry nothing matched."""
    entry = _copy(ref)
    if entry.msgid_plural and not any(entry.msgstr_plural.values()):
        entry.msgstr_plural = dict.fromkeys(range(plurals), "")  # nplurals forms
    return finished(entry)


def finished(entry: polib.POEntry) -> polib.POEntry:
    """A merged entry keeps its ``#|`` fields only where it is fuzzy and translated."""
    if "fuzzy" not in entry.flags or not _translated(entry):
        entry.previous_msgctxt = entry.previous_msgid = None
        entry.previous_msgid_plural = None
    return entry


def obsolete_entry(old: polib.POEntry) -> polib.POEntry:
    """An old entry no template entry used, as it is kept: obsolete, without extracted
    comments or references."""
    gone = _copy(old)
    gone.comment, gone.comment_lines, gone.occurrences = "", None, []
    gone.obsolete = 1
    return gone


def _declares_utf8(header: str) -> bool:
    at = header.find("charset=")
    return at >= 0 and re.split(r"[ \t\n]", header[at + 8:], maxsplit=1)[0].upper() == "UTF-8"


def _charset_to_utf8(header: str) -> str:
    at = header.find("charset=")
    if at < 0:
        return header
    start = at + 8
    end = start + len(re.split(r"[ \t\n]", header[start:], maxsplit=1)[0])
    return header[:start] + "UTF-8" + header[end:]


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return _entry({"msgid": entry.msgid, "msgctxt": entry.msgctxt,
                   "msgid_plural": entry.msgid_plural, "msgstr": entry.msgstr,
                   "msgstr_plural": dict(entry.msgstr_plural), "tcomment": entry.tcomment,
                   "comment": entry.comment, "occurrences": list(entry.occurrences),
                   "flags": list(entry.flags), "obsolete": entry.obsolete,
                   "previous_msgctxt": entry.previous_msgctxt,
                   "previous_msgid": entry.previous_msgid,
                   "previous_msgid_plural": entry.previous_msgid_plural,
                   "tcomment_lines": getattr(entry, "tcomment_lines", None),
                   "comment_lines": getattr(entry, "comment_lines", None),
                   "linenum": getattr(entry, "linenum", 0)})


# -------------------------------------------------------------------- re-segmentation

def _key(text: str) -> str:
    return _SPACE.sub("", text)


def _runs(keys: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Whitespace-free concatenations of 2..MAX_RUN consecutive keys -> (first, last+1)."""
    runs: dict[str, tuple[int, int]] = {}
    for start in range(len(keys)):
        joined = keys[start]
        if not joined:
            continue
        for end in range(start + 1, min(start + MAX_RUN, len(keys))):
            if not keys[end]:
                break
            joined += keys[end]
            runs.setdefault(joined, (start, end + 1))
    return runs


def _plain(entry: polib.POEntry) -> bool:
    return entry.msgctxt is None and not entry.msgid_plural


def _fuzzy_from(ref: polib.POEntry, msgstr: str, tcomment: str, old_msgid: str,
                previous: bool) -> polib.POEntry:
    entry = _copy(ref)
    entry.msgstr = msgstr
    entry.tcomment, entry.tcomment_lines = tcomment, None
    entry.flags = ["fuzzy"] + [f for f in parse_flags(",".join(ref.flags)) if f != "fuzzy"]
    entry.previous_msgctxt = entry.previous_msgid_plural = None
    entry.previous_msgid = old_msgid if previous else None
    return entry


def _resegment(refs: list[polib.POEntry], merged: list, old_entries: list[polib.POEntry],
               used: set[int], *, previous: bool) -> None:
    """Splits and merges of sentences (see the module's docstring). The old entries
    stay as obsolete entries too (unlike a fuzzy source in msgmerge): their translation
    was cut or joined, so its exact text is kept."""
    taken: set[int] = set()
    keys = [_key(ref.msgid) if merged[i] is None and _plain(ref) else ""
            for i, ref in enumerate(refs)]
    runs = _runs(keys)
    for old in old_entries if runs else ():  # no run of new entries: no split to find
        if id(old) in used or not _translated(old) or not _plain(old):
            continue
        span = runs.get(_key(old.msgid))
        if span is None or any(merged[i] is not None for i in range(*span)):
            continue
        parts = list(range(*span))
        english = split_english(old.msgstr)
        shares = english if len(english) == len(parts) else [old.msgstr] * len(parts)
        for index, share in zip(parts, shares, strict=True):
            merged[index] = _fuzzy_from(refs[index], share, old.tcomment, old.msgid,
                                        previous)
        taken.add(id(old))
    live_old = [e for e in old_entries if id(e) not in used and not e.obsolete and _plain(e)
                and id(e) not in taken]
    old_runs = _runs([_key(e.msgid) for e in live_old])
    for index, ref in enumerate(refs if old_runs else ()):  # no run of old entries left
        if merged[index] is not None or not _plain(ref):
            continue
        span = old_runs.get(_key(ref.msgid))
        if span is None:
            continue
        olds = live_old[span[0]:span[1]]
        if not all(_translated(old) for old in olds) or any(id(o) in taken for o in olds):
            continue
        comments = "\n".join(dict.fromkeys(o.tcomment for o in olds if o.tcomment))
        merged[index] = _fuzzy_from(ref, " ".join(o.msgstr for o in olds), comments,
                                    " ".join(o.msgid for o in olds), previous)
        taken.update(id(o) for o in olds)


def _match_contained(refs: list[polib.POEntry], merged: list,
                     candidates: list[polib.POEntry], *, previous: bool) -> None:
    """A part of a sentence that was split and reworded: the old sentence contains it
    (rapidfuzz partial_ratio at least 90, the old text at least 1.3 times longer)."""
    todo = [i for i, ref in enumerate(refs) if merged[i] is None and _plain(ref)
            and len(ref.msgid) >= 12]
    if not candidates or not todo:
        return
    from rapidfuzz import fuzz, process

    choices = [old.msgid for old in candidates]
    scores = process.cdist([refs[i].msgid for i in todo], choices,
                           scorer=fuzz.partial_ratio, score_cutoff=90.0, workers=1)
    for row, index in enumerate(todo):
        best = int(scores[row].argmax())
        if scores[row][best] >= 90.0 and len(choices[best]) >= len(refs[index].msgid) * 1.3:
            old = candidates[best]
            merged[index] = _fuzzy_from(refs[index], old.msgstr, old.tcomment, old.msgid,
                                        previous)


def merge_catalog(old: polib.POFile | None, template: polib.POFile,
                  metadata: dict[str, str]) -> polib.POFile:
    """``l10n update``'s merge: ``msgmerge`` with re-segmentation and contained parts,
    under the header fields the pipeline decides (``metadata``)."""
    result = msgmerge(old, template, contained=True)
    result.metadata = dict(metadata)
    result.header_raw = None
    result.header = old.header if old is not None else ""
    if old is not None:
        result.metadata_is_fuzzy = getattr(old, "metadata_is_fuzzy", 0)
    header = getattr(result, "header_entry", None)
    if header is None:
        result.header_entry = polib.POEntry(msgid="", msgstr="")
    return result
