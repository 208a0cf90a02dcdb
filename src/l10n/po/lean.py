"""``l10n merge`` of files in the form gettext writes them, without a catalog object per
entry: the same bytes as ``po.merge.msgmerge`` then ``po.catalog.format_catalog``, in
a fraction of the time.

A file is read by one pattern (``_ENTRY``) that accepts only entries in gettext's own
layout: comments in the order it writes them (``# ``, ``#.``, ``#:``, one ``#,``,
``#|``), then msgctxt, msgid, msgid_plural and msgstr, entries separated by one blank
line, obsolete ``#~`` entries likewise, strings with the writer's escapes only. Each
entry becomes a ``Record``: its key fields (msgctxt, msgid, msgid_plural, msgstr,
obsolete) and its raw sections; a run of blank lines reads as one, and a "# " line as
the "#" gettext writes for it. Anything else (a hand-edited layout, CRs, backslash
continuations, a duplicate, a syntax error) makes ``scan`` answer None, and the caller
takes the general path, which also gives the errors. The text may have been read in any
charset (EUC-KR, KOI8-R, ...): what depends on it, the bytes msgids are compared in and
the bytes references are packed by, is the caller's ``codec`` and the result's charset,
as on the general path.

The matching is ``po.merge.match_entries``'s, run on the records (a record parses
itself with ``po.parse`` the first time the merge asks for a field it does not hold).
Where an entry's output is provably its input text, it is written as text: an exact
match whose old entry and template entry are plain and whose flags need no decision
from the translation, and each field already in gettext's wrapping (``po.wrap``'s
``is_wrapped`` and ``are_wrapped_references`` prove it, they never assume it). Every
other entry is merged and written by ``po.merge`` and ``po.catalog`` as before.
``tests/test_lean.py`` compares the two ways on the corpus and on random catalogs.
"""

from __future__ import annotations

import functools
import re

import polib

from .catalog import catalog_charset, flag_layout, format_entry, format_header, join_catalog
from .merge import finished, flag_info, header_result, match_entries, new_entry, obsolete_entry
from .parse import STRING, joined, parse_flags, parse_po
from .wrap import CJK_CODECS, are_wrapped_references, is_wrapped, wrap_field, wrap_references

__all__ = ["Record", "scan", "merge_texts", "merge_scanned"]

_S = STRING
_LIVE = (
    r"(?P<tc>(?:#(?: [^\n]++)?\n)*+)"
    r"(?P<ec>(?:#\.(?: [^\n]++)?\n)*+)"
    r"(?P<rf>(?:#:[^\n]*+\n)*+)"
    r"(?P<fl>(?:#,[^\n]*+\n)?+)"
    r"(?P<pv>(?:#\| [^\n]*+\n)*+)"  # checked by _PREVIOUS where there are any
    rf'(?P<cx>(?:msgctxt "(?P<c>{_S})"\n(?P<cm>(?:"{_S}"\n)*+))?+)'
    rf'(?P<ib>msgid "(?P<i>{_S})"\n(?P<im>(?:"{_S}"\n)*+))'
    rf'(?:(?P<px>msgid_plural "(?P<p>{_S})"\n(?P<pm>(?:"{_S}"\n)*+))'
    rf'(?P<sp>(?:msgstr\[[0-9]++\] "{_S}"\n(?:"{_S}"\n)*+)++)'
    rf'|(?P<sb>msgstr "(?P<s>{_S})"\n(?P<sm>(?:"{_S}"\n)*+)))')
# an entry starts only where a block starts (after a blank line, or the text's start),
# so that a block this cannot read costs one attempt, never one per line: linear time.
# An obsolete entry (a block of "#" lines) is read by the same pattern once its "#~ "
# and "#~| " prefixes are taken off (``_unprefixed``).
_ENTRY = re.compile(rf"(?:(?<=\n\n)|\A)(?:{_LIVE}|(?P<obs>(?:#[^\n]*+\n)++))(?:\n|\Z)")
_G = {name: index - 1 for name, index in _ENTRY.groupindex.items()}
TC, EC, RF, FL, PV, CX, CTXT, CTXT_MORE, IB, ID, ID_MORE, PX, PLURAL, PLURAL_MORE, SP, SB, \
    STR, STR_MORE, OBS = (
    _G[n] for n in ("tc ec rf fl pv cx c cm ib i im px p pm sp sb s sm obs".split()))
_PLURAL_INDEX = re.compile(r"msgstr\[([0-9]+)\]")
_BLANKS = re.compile(r"\n\n\n++")
_EMPTY_COMMENT = re.compile(r"^# $", re.MULTILINE)  # Transifex writes "# " for "#"


@functools.cache
def _previous() -> re.Pattern:
    """``#|`` lines as gettext reads them (msgctxt, msgid, msgid_plural, in that order);
    compiled only for a file that has some."""
    return re.compile(
        rf'(?:#\| msgctxt "{_S}"\n(?:#\| "{_S}"\n)*+)?+#\| msgid "{_S}"\n'
        rf'(?:#\| "{_S}"\n)*+(?:#\| msgid_plural "{_S}"\n(?:#\| "{_S}"\n)*+)?+')


def _unprefixed(block: str) -> str:
    """An obsolete entry's lines as the live entry's they were."""
    return ("\n" + block).replace("\n#~| ", "\n#| ").replace("\n#~ ", "\n")[1:]




class Record:
    """One entry of a scanned file: the fields the merge keys on, the raw sections
    (``groups``, by ``_ENTRY``'s group numbers; an obsolete entry's without their
    prefixes), and, the first time anything else is asked for, the entry parsed."""

    __slots__ = ("msgctxt", "msgid", "msgid_plural", "msgstr", "obsolete", "groups",
                 "parsed", "lead", "raw")

    def __init__(self, msgctxt: str | None, msgid: str, msgid_plural: str, msgstr: str,
                 obsolete: int, groups: tuple[str, ...]) -> None:
        self.msgctxt, self.msgid, self.msgid_plural = msgctxt, msgid, msgid_plural
        self.msgstr, self.obsolete, self.groups, self.parsed = msgstr, obsolete, groups, None
        self.lead = ""  # comment lines before its block (after the first block's entry)
        self.raw = ""  # an obsolete entry's lines as read (``groups`` are unprefixed)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.entry(), name)

    def text(self) -> str:
        """The entry's lines as read."""
        if self.raw:
            return self.lead + self.raw
        g = self.groups
        return "".join((self.lead, g[TC], g[EC], g[RF], g[FL], g[PV], g[CX], g[IB], g[PX],
                        g[SP], g[SB]))

    def entry(self) -> polib.POEntry:
        """The entry as ``po.parse`` reads it."""
        if self.parsed is None:
            po = parse_po(self.text(), whole_entries=False)
            self.parsed = po[0]
        return self.parsed


_UNTRANSLATED_FORMS = re.compile(r'msgstr\[0\] ""\n(?!")')
# the header field msgmerge -U leaves out of its comparison (``po.msgmerge`` too)
CREATION_DATE = r'"POT-Creation-Date:[^"\n]*"'


def _printed(records: list[Record]) -> list[Record]:
    """The records gettext prints, in order (not an untranslated obsolete entry)."""
    return [r for r in records if not r.obsolete or (
        r.msgstr if not r.msgid_plural else not _UNTRANSLATED_FORMS.match(r.groups[SP]))]


def _positions(lines: str) -> list[str]:
    """The file positions of ``#:`` lines as the writer puts them (each once, no "./"),
    on one line."""
    return wrap_references([ref for ref in lines.split() if ref != "#:"], width=1 << 30)


def same_messages(old: tuple, new: tuple) -> bool | None:
    """Do two scanned files hold the same messages, as msgmerge -U compares them (the
    POT-Creation-Date aside)? True or False where the records tell, None where only the
    files written again would (``po.msgmerge``). False at once for other entries or
    another order; entries that differ only in how their ``#:`` lines are wrapped are the
    same, in their positions not. (Most updates are told here: their references moved.)"""
    olds, news = _printed(old[1]), new[1]
    if [(r.obsolete, r.msgctxt, r.msgid) for r in olds] \
            != [(r.obsolete, r.msgctxt, r.msgid) for r in news]:
        return False
    sure = True
    for a, b in zip(olds, news, strict=True):
        if a.text() == b.text():
            continue
        if a.obsolete or a.lead or b.lead:
            sure = False
            continue
        ga, gb = a.groups, b.groups
        if all(ga[i] == gb[i] for i in (TC, EC, FL, PV, CX, IB, PX, SP, SB)):
            if _positions(ga[RF]) != _positions(gb[RF]):
                return False
            continue  # the same positions, wrapped otherwise
        sure = False
    if not sure:
        return None
    headers = [re.sub(CREATION_DATE, "", h.text(), count=1) if h is not None else None
               for h in (old[0], new[0])]
    return True if headers[0] == headers[1] else None


def _more(raw: str) -> list[str]:
    """The texts of a field's continuation lines."""
    return raw[1:-2].split('"\n"') if raw else []


def _value(first: str, more: str) -> str:
    return first if not more and "\\" not in first else joined(first, more)


def scan(text: str) -> tuple[Record | None, list[Record], dict] | None:
    """The header entry (None: the file has none), the other entries of ``text`` and
    those entries by (msgctxt, msgid), or None where the text is not all in gettext's
    layout (``po.parse`` reads it then)."""
    if not text or "\r" in text or "\x00" in text or "\\\n" in text:
        return None
    if text[0] == "\n" or "\n\n\n" in text or text.endswith("\n\n"):
        # blank lines are only separators to gettext, and it writes one between entries:
        # a run of them (before the header, between entries, at the end) reads as one
        text = _BLANKS.sub("\n\n", text).lstrip("\n")
        text = text.rstrip("\n") + "\n"
        if text == "\n":
            return None
    if text.startswith("# \n") or "\n# \n" in text:
        text = _EMPTY_COMMENT.sub("#", text)  # an empty translator comment, as gettext writes it
    found = _ENTRY.findall(text)
    # every block read: a block that the pattern does not read is skipped by findall
    blocks, lead = text.count("\n\n") + 1, ""
    if len(found) == blocks - 1:
        # the first block may end in comment lines, which belong to the next entry (a
        # POT's header is often followed by '#"Plural-Forms: ...' this way)
        lines = text[:text.find("\n\n") + 1].split("\n")
        cut = len(lines) - 1
        while cut > 1 and lines[cut - 1][:1] == "#" and lines[cut - 1][1:2] not in ("~", "|"):
            cut -= 1
        first = _ENTRY.fullmatch("\n".join(lines[:cut]) + "\n")
        if first is not None and cut < len(lines) - 1:
            found.insert(0, first.groups(""))
            lead = "\n".join(lines[cut:])
    if len(found) != blocks or lead and blocks < 2:
        return None
    records: list[Record] = []
    keys: dict[tuple[str | None, str], Record] = {}
    header = None
    for g in found:
        obsolete, raw = 0, ""
        if g[OBS]:  # an obsolete entry: read unprefixed
            raw = g[OBS]
            if raw.startswith("#| ") or "\n#| " in raw:
                return None  # a live #| line in an obsolete entry: po.parse refuses it
            match = _ENTRY.fullmatch(_unprefixed(raw))
            if match is None or match.group("obs") is not None:
                return None  # not an entry's lines: po.parse says what they are
            obsolete, g = 1, match.groups("")
        if g[PV] and not _previous().fullmatch(g[PV]):
            return None  # po.parse says what is wrong
        msgid = g[ID]
        if g[ID_MORE] or "\\" in msgid:
            msgid = joined(msgid, g[ID_MORE])
        msgctxt = _value(g[CTXT], g[CTXT_MORE]) if g[CX] else None
        if g[PX]:
            indices = _PLURAL_INDEX.findall(g[SP])
            if [int(n) for n in indices] != list(range(len(indices))):
                return None  # forms out of order: po.parse says where
            record = Record(msgctxt, msgid, _value(g[PLURAL], g[PLURAL_MORE]), "", obsolete,
                            g)
        else:
            msgstr = g[STR]
            if g[STR_MORE] or "\\" in msgstr:
                msgstr = joined(msgstr, g[STR_MORE])
            record = Record(msgctxt, msgid, "", msgstr, obsolete, g)
        if raw:
            record.raw = raw
        if lead and (records or header):
            record.lead, lead = lead, ""
        if not msgid and msgctxt is None:
            if obsolete or records or header:
                return None  # an obsolete or second header: po.parse says where
            header = record
            continue
        key = (msgctxt, msgid)
        if key in keys:
            return None  # a duplicate: po.parse says where
        keys[key] = record
        records.append(record)
    return header, records, keys


def _catalog(header: Record | None, codec: str = "utf-8") -> polib.POFile:
    """A catalog holding only ``header`` (as ``po.parse`` reads it), for ``po.merge``;
    ``codec``: the charset its file was read in."""
    po = parse_po(header.text() if header is not None else "", whole_entries=False)
    po.encoding = codec
    return po


def merge_texts(old: str, template: str, *, previous: bool, fuzzy: bool,
                resegment: bool, width: int, force_po: bool, codec: str = "utf-8"
                ) -> tuple[polib.POFile, str] | None:
    """``msgmerge``'s result for two texts, as ``po.msgmerge.merge_files`` writes it: the
    merged catalog's header (for its charset) and the text; None where either text is not
    in gettext's layout (nothing was done then). ``codec``: the charset the old file was
    read in (the template's matters to nobody once it is text)."""
    found = scan(old)
    if found is None:
        return None
    merged = merge_scanned(found, template, previous=previous, fuzzy=fuzzy,
                           resegment=resegment, width=width, force_po=force_po, codec=codec)
    return None if merged is None else (merged[0], merged[1] or "")


def merge_scanned(found: tuple[Record | None, list[Record], dict], template: str, *,
                  previous: bool, fuzzy: bool, resegment: bool, width: int,
                  force_po: bool, codec: str = "utf-8"
                  ) -> tuple[polib.POFile, str | None] | None:
    """``merge_texts`` for an old text already scanned (``scan``), but the text None for
    a result with no message but its header (without ``force_po``: gettext writes no
    file then), apart from one whose messages print as nothing (no header, untranslated
    obsolete entries only: gettext writes an empty file)."""
    theirs = scan(template)
    if theirs is None or width < 1:
        return None
    old_header, olds, by_key = found
    result, plurals, codec = header_result(_catalog(old_header, codec), _catalog(theirs[0]))
    refs = [ref for ref in theirs[1] if not ref.obsolete]
    writer = _Writer(previous, width, catalog_charset(result))
    merged, used = match_entries(olds, refs, plurals=plurals, codec=codec,
                                 previous=previous, fuzzy_matching=fuzzy,
                                 resegment=resegment, exact=writer.exact, by_key=by_key)
    blocks: list[str] = []
    for ref, entry in zip(refs, merged, strict=True):
        if entry is None:
            entry = writer.new(ref) or new_entry(ref.entry(), plurals)
        elif not isinstance(entry, str):
            entry = finished(entry)
        blocks.append(entry if isinstance(entry, str) else writer.lines(entry))
    messages = len(refs)  # the merged messages but the header, as msgmerge counts them
    for old_entry in olds:
        if id(old_entry) not in used:
            messages += 1  # (one the writer drops, untranslated and obsolete, counts too)
            text = writer.gone(old_entry)
            if text is None:
                text = writer.lines(obsolete_entry(old_entry.entry()))
            if text:
                blocks.append(text)
    if not messages and not force_po:
        return result, None
    return result, join_catalog(format_header(result, width=width), "\n".join(blocks))


class _Writer:
    """The text of merged entries, copied from the input where that is provably what
    ``po.catalog.format_entry`` writes (see the module's docstring)."""

    def __init__(self, previous: bool, width: int, encoding: str = "utf-8") -> None:
        self.previous, self.width = previous, width
        self.encoding = encoding  # the output's charset: a reference is packed by its bytes
        self.cjk = encoding in CJK_CODECS  # and wider characters break otherwise (po.wrap)
        self.room = max(width, 20) - 2  # columns inside the quotes after no prefix
        self.flag_lines: dict = {}

    def lines(self, entry: polib.POEntry) -> str:
        lines = format_entry(entry, width=self.width, encoding=self.encoding)
        return "\n".join(lines) + "\n" if lines else ""

    def _flags(self, old_line: str, ref_line: str | None, translated: bool, obsolete: int):
        """(flag line, format language, fuzzy?) of a merged entry, or None where the merge must
        decide (a format flag the old entry lacks, a range, no-wrap). ``ref_line`` None:
        the entry keeps its own flags (an unmatched or obsolete entry)."""
        key = (old_line, ref_line, translated, obsolete)
        found = self.flag_lines.get(key, False)
        if found is not False:
            return found
        old_flags = tuple(parse_flags(old_line[2:-1])) if old_line else ()
        if ref_line is None:
            flags = old_flags
        else:
            old_fuzzy, old_formats, old_range, _ = flag_info(old_flags)
            _, ref_formats, _, ref_rest = flag_info(
                tuple(parse_flags(ref_line[2:-1])) if ref_line else ())
            flags = None
            if old_fuzzy or not (old_range or ref_formats - old_formats):
                flags = (("fuzzy",) if old_fuzzy else ()) + ref_rest
        found = None
        if flags is not None:
            line, no_wrap, language = flag_layout(flags, translated, bool(obsolete))
            if not no_wrap:
                found = (line + "\n" if line else "", language, "fuzzy" in flags)
        self.flag_lines[key] = found
        return found

    def _field(self, keyword: str, value: str, first: str, more: str, *, prefix: str = "",
               language: str | None) -> bool:
        """Is a field (its first line's string ``first``, its continuation lines ``more``)
        in gettext's wrapping under ``language``? (``is_wrapped``, its first case tried
        here without a call: one printable line, without a newline but a last one,
        fitting even at two columns a character.)"""
        if not more and first.isprintable() and not ("\\" in first and "\n" in value[:-1]) \
                and len(first) * (1 if first.isascii() else 2) \
                <= self.room - len(prefix) - len(keyword) - 1:
            return True
        return is_wrapped(keyword, value, first, _more(more), prefix=prefix,
                          width=self.width, language=language, cjk=self.cjk)

    def _wrapped(self, record: Record, language: str | None, fields: str) -> bool:
        """Are the record's fields named in ``fields`` ("c" msgctxt, "i" msgid, "s"
        msgstr) in gettext's wrapping under ``language``?"""
        g = record.groups
        prefix = "#~ " if record.obsolete else ""
        if "c" in fields and g[CX] and not self._field(
                "msgctxt", record.msgctxt, g[CTXT], g[CTXT_MORE], prefix=prefix,
                language=language):
            return False
        if "i" in fields and not self._field("msgid", record.msgid, g[ID], g[ID_MORE],
                                             prefix=prefix, language=language):
            return False
        return "s" not in fields or self._field("msgstr", record.msgstr, g[STR], g[STR_MORE],
                                                prefix=prefix, language=language)

    def exact(self, old: Record, ref: Record) -> str | None:
        """The text of an exact match's merged entry, where it is the input's. (Called for
        nearly every entry: the usual case, no flags and one-line fields, is decided here
        without a call.)"""
        o, r = old.groups, ref.groups
        if old.obsolete or old.msgid_plural or ref.msgid_plural or r[PV] or old.lead \
                or ref.lead:
            return None
        refs = r[RF]
        if refs and not are_wrapped_references(refs, width=self.width,
                                               encoding=self.encoding):
            return None
        translated = bool(old.msgstr)
        if o[FL] or r[FL]:
            flags = self._flags(o[FL], r[FL], translated, 0)
            if flags is None:
                return None
            if o[PV] and self.previous and translated and flags[2]:
                return None  # its #| lines are kept: po.merge rewrites them
            line = flags[0]
        else:
            flags, line = None, ""
        if r[CTXT_MORE] or r[ID_MORE] or o[STR_MORE] or not self._plain(r[CTXT], r[ID],
                                                                        o[STR]):
            language = flags[1] if flags is not None else None
            if r[CX] and not self._field("msgctxt", ref.msgctxt, r[CTXT], r[CTXT_MORE],
                                         language=language) \
                    or not self._field("msgid", ref.msgid, r[ID], r[ID_MORE],
                                       language=language):
                return None
            if not self._field("msgstr", old.msgstr, o[STR], o[STR_MORE],
                               language=language):
                # a translation in another wrapping (Transifex writes a msgstr on one
                # line, its \n inside): the rest is the input's, the msgstr rewrapped as
                # ``po.catalog.format_entry`` writes it
                lines = wrap_field("msgstr", old.msgstr, width=self.width,
                                   language=language, cjk=self.cjk)
                return "".join((o[TC], r[EC], refs, line, r[CX], r[IB], *(
                    text + "\n" for text in lines)))
        return "".join((o[TC], r[EC], refs, line, r[CX], r[IB], o[SB]))

    def _plain(self, ctxt: str, msgid: str, msgstr: str) -> bool:
        """``_field``'s first case for the three one-line fields of an entry at once (the
        strings on their lines; ``ctxt`` "" for none): printable, without a backslash,
        fitting even at two columns a character. (A call for each field was most of
        ``exact``'s time, and most entries are these.)"""
        room = self.room - 1  # after the keyword and its space
        return (len(msgid) if msgid.isascii() else 2 * len(msgid)) <= room - 5 \
            and (len(msgstr) if msgstr.isascii() else 2 * len(msgstr)) <= room - 6 \
            and (len(ctxt) if ctxt.isascii() else 2 * len(ctxt)) <= room - 7 \
            and "\\" not in msgid and "\\" not in msgstr and "\\" not in ctxt \
            and msgid.isprintable() and msgstr.isprintable() and ctxt.isprintable()

    def new(self, ref: Record) -> str | None:
        """The text of a template entry nothing matched, where it is the input's."""
        r = ref.groups
        if ref.msgid_plural or r[PV] or ref.lead \
                or not are_wrapped_references(r[RF], width=self.width,
                                              encoding=self.encoding):
            return None
        flags = self._flags(r[FL], None, bool(ref.msgstr), 0)
        if flags is None or not self._wrapped(ref, flags[1], "cis"):
            return None
        return "".join((r[TC], r[EC], r[RF], flags[0], r[CX], r[IB], r[SB]))

    def gone(self, old: Record) -> str | None:
        """The text of an old obsolete entry kept obsolete, where it is the input's
        ("" for one gettext drops: untranslated)."""
        o = old.groups
        if not old.obsolete or old.msgid_plural or o[PV] or old.lead:
            return None
        if not old.msgstr:
            return ""
        flags = self._flags(o[FL], None, True, 1)
        if flags is None or not self._wrapped(old, flags[1], "cis"):
            return None
        fields = "".join((o[CX], o[IB], o[SB]))
        return "".join((o[TC], flags[0], "#~ ", fields[:-1].replace("\n", "\n#~ "), "\n"))
