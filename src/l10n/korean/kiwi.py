"""The one Kiwi analyser of a process, shared by segmentation and glossary matching."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def kiwi():
    """The process's Kiwi instance, built on first use (the model loads in about a second)."""
    from kiwipiepy import Kiwi  # heavy import, paid only by commands that analyse Korean

    # Without the multi-word dictionary Kiwi loads and warms up in 0.8 s instead of 2 s,
    # and splits every sentence of the three boundary sets, and finds every glossary
    # term of both evaluation sets, exactly as with it.
    return Kiwi(load_multi_dict=False)
