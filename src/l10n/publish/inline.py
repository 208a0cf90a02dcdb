"""Inline Markdown of one sentence -> safe HTML.

markdown-it-py renders emphasis, code and links; raw HTML is never passed through
(it is escaped), and links keep only http, https and mailto targets.
"""

from __future__ import annotations

from functools import lru_cache

SAFE_SCHEMES = ("http://", "https://", "mailto:")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: url.strip().lower().startswith(SAFE_SCHEMES)
    md.disable(["image"])
    return md


def render_inline(text: str) -> str:
    """HTML for a sentence's inline Markdown; everything else is escaped text."""
    return _parser().renderInline(text)
