"""The bilingual Markdown export: each Korean block followed by its English."""

from __future__ import annotations

import polib

from ..model import BlockKind, Essay


def translation_state(entry: polib.POEntry | None) -> str:
    """translated, fuzzy or untranslated."""
    if entry is None or not entry.msgstr:
        return "untranslated"
    return "fuzzy" if "fuzzy" in entry.flags else "translated"


def bilingual_markdown(essay: Essay, po: polib.POFile | None) -> str:
    """Korean block, then its English, for every block (for review and archiving)."""
    entries = {e.msgid: e for e in po if not e.obsolete} if po is not None else {}
    parts = []
    for block in essay.blocks:
        if block.kind is BlockKind.CODE:
            parts.append(f"<!-- {block.anchor} -->\n```\n{block.text}\n```")
            continue
        english = []
        for sentence in block.sentences:
            entry = entries.get(sentence.msgid)
            state = translation_state(entry)
            english.append(entry.msgstr if state == "translated" else
                           f"[{state}: {sentence.msgid}]" if state == "untranslated" else
                           f"[fuzzy: {entry.msgstr}]")
        prefix = {"heading": "#" * max(block.level, 1) + " ", "quote": "> ",
                  "list_item": "- "}.get(block.kind.value, "")
        korean = " ".join(s.msgid for s in block.sentences)
        parts.append(f"<!-- {block.anchor} -->\n{prefix}{korean}\n\n{prefix}{' '.join(english)}")
    return "\n\n".join(parts) + "\n"
