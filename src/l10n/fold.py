"""Lower case as ``re.IGNORECASE`` reads it, for case-sensitive patterns over English."""

from __future__ import annotations

# the non-ASCII letters that case-insensitive matching equates with ASCII ones (İ ı ſ K)
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_lower(text: str) -> str:
    """``text`` lowercased, with the four letters that case-insensitive matching equates
    with ASCII ones made ASCII: every character stays one character, a word character
    stays one, and a case-sensitive pattern of lowercase ASCII words finds on it what the
    same pattern with ``re.IGNORECASE`` finds on ``text``, at the same places (tested for
    every code point)."""
    return (text if text.isascii() else text.translate(_ASCII_FOLD)).lower()


__all__ = ["ascii_lower"]
