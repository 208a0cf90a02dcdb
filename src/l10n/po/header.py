"""The header entry as ``msgmerge`` 0.21 updates it (``message_merge`` in msgmerge.c).

The known fields are put in gettext's order, ``Report-Msgid-Bugs-To`` and
``POT-Creation-Date`` come from the template, a ``Language`` field is added when the
catalog has none (from the English language name in ``Language-Team``, as gettext
does, or empty), and every other field follows in the order it had. Values are kept
byte for byte (spacing included).
"""

from __future__ import annotations

import re

from .languages import language_code

__all__ = ["merge_header", "nplurals"]

_KNOWN = ("Project-Id-Version:", "Report-Msgid-Bugs-To:", "POT-Creation-Date:",
          "PO-Revision-Date:", "Last-Translator:", "Language-Team:", "Language:",
          "MIME-Version:", "Content-Type:", "Content-Transfer-Encoding:")
_LOWER = tuple(name.lower() for name in _KNOWN)
_NPLURALS = re.compile(r"nplurals\s*=\s*([0-9]+)")


def _lines(text: str) -> list[str]:
    """Lines of a header, each with its newline (one is added to an unterminated last)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1] + "\n")
    return lines


def _from_template(template: str, name: str) -> str | None:
    """The rest of the template's line after ``name`` (first occurrence), with newline."""
    at = template.find(name)
    if at < 0:
        return None
    rest = template[at + len(name):]
    end = rest.find("\n")
    return rest + "\n" if end < 0 else rest[:end + 1]


def merge_header(old: str, template: str, *, language: str | None = None) -> str:
    """The merged header text from the catalog's and the template's."""
    fields: list[str | None] = [None] * len(_KNOWN)
    unknown: list[str] = []
    for line in _lines(old):
        low = line.lower()
        for index, name in enumerate(_LOWER):
            if low.startswith(name):
                fields[index] = line[len(name):]
                break
        else:
            unknown.append(line)
    if language is not None:
        fields[6] = f" {language}\n"
    elif fields[6] is None and fields[5] is not None:
        code = _language_of_team(fields[5])
        fields[6] = f" {code}\n" if code else " \n"
    for index in (1, 2):
        found = _from_template(template, _KNOWN[index])
        if found is not None:
            fields[index] = found
    return "".join(_KNOWN[i] + value for i, value in enumerate(fields)
                   if value is not None) + "".join(unknown)


def _language_of_team(team: str) -> str:
    """gettext's guess: the Language-Team value without a trailing address, as an English
    language name in gettext's table, to its code ("" when unknown)."""
    team = team.strip(" \t")  # blanks only: a value without an address keeps its newline
    cut = max(team.rfind(" "), team.rfind("\t")) + 1  # start of the last word
    if cut < len(team) and (team[cut] == "<" or team.endswith(">") or "@" in team
                            or "/" in team):
        team = team[:cut].rstrip(" \t")
    return language_code(team)


def nplurals(header: str | None) -> int:
    """The plural count of a header's Plural-Forms, 2 when there is none (gettext)."""
    if header:
        at = header.find("Plural-Forms:")
        if at >= 0:
            match = _NPLURALS.search(header, at)
            if match and 0 < int(match.group(1)):
                return int(match.group(1))
    return 2
