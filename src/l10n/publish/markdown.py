"""The bilingual Markdown export: each Korean block followed by its English.

Every text, Korean or English, translated or not, is escaped for CommonMark (and GitHub
Flavored Markdown), so that any renderer (Jekyll, MkDocs, GitHub Pages) shows it as
the text it is: a backslash before every character that could start markup (``\\``,
backticks, ``*``, ``_``, brackets, ``<``, ``>``, ``&``, ``~``, ``|``) and before a
block marker at the start of a line (``#``, ``+``, ``-``, ``=``, ``1.``). No raw HTML is
written but the ``<!-- pN -->`` comments naming each block; code and raw HTML blocks of
the source are fenced with more backticks than the longest run inside them, so their
content cannot close the fence.
"""

from __future__ import annotations

import re
import unicodedata

import polib

from ..checks.tokens import BACKSLASH_ESCAPE
from ..model import BlockKind, Essay

# characters that open inline markup anywhere in a line (CommonMark and GFM); a
# backslash escape the source already has (\* in the essay: an asterisk, not emphasis)
# is kept as it is, so the text renders as the essay does, not with its backslash shown
_INLINE = re.compile(rf"({BACKSLASH_ESCAPE})|([\\`*_\[\]<>&~|!#])")
# a block marker at the start of a line: ATX heading, list item, setext underline, quote,
# ordered list ("1." or "1)")
_LINE_START = re.compile(r"^(?:([#+\-=>])|(\d{1,9})([.)]))")
_BACKTICKS = re.compile(r"`+")


def translation_state(entry: polib.POEntry | None) -> str:
    """translated, fuzzy or untranslated."""
    if entry is None or not entry.msgstr:
        return "untranslated"
    return "fuzzy" if "fuzzy" in entry.flags else "translated"


def escape_markdown(text: str) -> str:
    """``text`` as one line of CommonMark that renders as exactly that text, but for
    the backslash escapes it already has, which render as they do in the essay."""
    line = " ".join(text.split())  # one line: no block can start inside it
    line = _INLINE.sub(lambda m: m.group(1) or f"\\{m.group(2)}", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1)
                           else f"{m.group(2)}\\{m.group(3)}", line)


def code_fence(text: str) -> str:
    """``text`` in a fenced block that nothing inside it can close."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def bilingual_markdown(essay: Essay, po: polib.POFile | None, link=None,
                       not_ready: str = "") -> str:
    """Korean block, then its English, for every block (for review and archiving). An
    image is shown above its alt text and title, at the URL ``link`` gives it (a local
    file: its copy in the site, beside this file). ``not_ready``: why the essay is not
    ready for publication (a build with --force), said first, as the pages say it."""
    from .inline import safe_url

    entries = ({unicodedata.normalize("NFC", e.msgid): e for e in po if not e.obsolete}
               if po is not None else {})
    parts = [f"> **Not ready for publication:** {escape_markdown(not_ready)}"] if not_ready \
        else []
    for block in essay.blocks:
        if block.kind is BlockKind.CODE:
            parts.append(f"<!-- {block.anchor} -->\n{code_fence(block.text)}")
            continue
        english = []
        for sentence in block.sentences:
            entry = entries.get(sentence.msgid)
            state = translation_state(entry)
            if state == "translated":
                english.append(escape_markdown(entry.msgstr))
            else:
                shown = sentence.msgid if state == "untranslated" else entry.msgstr
                english.append(f"\\[{state}: {escape_markdown(shown)}\\]")
        prefix = {"heading": "#" * min(max(block.level, 1), 6) + " ", "quote": "> ",
                  "list_item": "- "}.get(block.kind.value, "")
        if block.kind is BlockKind.FOOTNOTE and block.label:
            # its label as its reference reads in the text (escaped: \[^1\]), not dropped
            prefix = f"{escape_markdown(f'[^{block.label}]')}: "
        korean = " ".join(escape_markdown(s.msgid) for s in block.sentences)
        image = ""
        if block.kind is BlockKind.IMAGE:
            url = link(block.src) if link else block.src
            if block.src and safe_url(url):  # percent-encoded: no <, > or line break in it
                image = f"![](<{url.replace('<', '%3C').replace('>', '%3E')}>)\n\n"
        parts.append(f"<!-- {block.anchor} -->\n{image}{prefix}{korean}\n\n"
                     f"{prefix}{' '.join(english)}")
    return "\n\n".join(parts) + "\n"
