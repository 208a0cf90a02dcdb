"""Where the Korean text of an HTML fragment lies: one bounded pass over its tags, no parser."""

from __future__ import annotations

import re

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

_INLINE_TAGS = frozenset("a b i em strong sup sub small mark s del ins u code kbd q cite abbr "
                         "dfn br".split())


# HTML scanned in one pass (Python's html.parser is quadratic on some inputs: 10,000
# repetitions of "<a " take 48 s). No pattern may run past the next "<", so every
# character is looked at a bounded number of times.
_HTML_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})((?:\s+[^\s"'<>/=]{1,80}(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'"""
    r"""|[^\s"'<>=`]+))?)*)\s*(/?)>""")
_HTML_OTHER = re.compile(r"<![^<>]*>|<\?[^<>]*>")
_HTML_ATTRIBUTE = re.compile(
    r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|([^\s"'<>=`]+)))?""")


def _html_events(html: str):
    """(kind, start, end, name, attributes) for each tag, comment and run of text."""
    lowered = html.lower()
    pos, text_from = 0, 0
    while True:
        at = html.find("<", pos)
        if at < 0:
            break
        if html.startswith("<!--", at):
            close = html.find("-->", at + 4)
            end = len(html) if close < 0 else close + 3
            kind, name, attrs = "comment", "", ""
        else:
            tag = _HTML_TAG.match(html, at)
            other = None if tag else _HTML_OTHER.match(html, at)
            if tag is None and other is None:  # a "<" that opens nothing: text
                pos = at + 1
                continue
            match = tag or other
            end = match.end()
            if tag:
                kind = "end" if tag.group(1) else "start"
                name, attrs = tag.group(2).lower(), tag.group(3)
            else:
                kind, name, attrs = "comment", "", ""
        if text_from < at:
            yield "text", text_from, at, "", ""
        yield kind, at, end, name, attrs
        pos = text_from = end
        if kind == "start" and name in ("script", "style", "textarea"):
            close = lowered.find(f"</{name}", end)  # raw text up to its end tag
            pos = text_from = len(html) if close < 0 else close
    if text_from < len(html):
        yield "text", text_from, len(html), "", ""


def html_text_nodes(html: str, untranslatable: list[tuple[int, str]] | None = None
                    ) -> list[tuple[int, int]]:
    """(start, end) of each run of text in an HTML fragment that holds Korean, trimmed: text
    and the inline formatting inside it (``<b>``, ``<a href>``: the tags a sentence may
    hold), up to the next block-level tag. Script, style and comments hold no text. Korean
    in an attribute is added to ``untranslatable`` as (offset, where)."""
    runs: list[tuple[int, int]] = []
    begin: int | None = None
    raw = 0  # inside script, style or textarea
    for kind, start, _end, name, attrs in _html_events(html):
        if kind == "text":
            if not raw and begin is None:
                begin = start
            continue
        names = []
        for attribute in _HTML_ATTRIBUTE.finditer(attrs):
            names.append(attribute.group(1).lower())
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            if untranslatable is not None and HANGUL.search(value):
                untranslatable.append((start, f"the {attribute.group(1)} attribute of <{name}>"))
        inline = kind != "comment" and name in _INLINE_TAGS and (
            kind == "end" or not names or (name == "a" and names == ["href"]))
        if name in ("script", "style", "textarea"):
            raw = 1 if kind == "start" else 0
        if inline and not raw:
            if begin is None:
                begin = start
        elif begin is not None:
            runs.append((begin, start))
            begin = None
    if begin is not None:
        runs.append((begin, len(html)))
    nodes = []
    for start, end in runs:
        chunk = html[start:end]
        if HANGUL.search(chunk):
            lead = len(chunk) - len(chunk.lstrip())
            nodes.append((start + lead, start + len(chunk.rstrip())))
    return nodes
