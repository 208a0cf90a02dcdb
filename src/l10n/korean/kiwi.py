"""The one Kiwi analyser of a process, shared by segmentation and glossary matching."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def kiwi():
    """The process's Kiwi instance, built on first use (the model loads in about a second)."""
    from kiwipiepy import Kiwi  # heavy import, paid only by commands that analyse Korean

    # Without the multi-word dictionary Kiwi loads and warms up in 0.8 s instead of 2 s,
    # and splits every sentence of the three boundary sets, and finds every glossary
    # term of both evaluation sets, exactly as with it. Without the typo dictionary
    # (misspellings and chat-style endings as dictionary entries) construction costs
    # about 0.1 s less CPU and the first call as much again, and Kiwi's tokens, sentence
    # splits and top-4 analyses of every Korean text in tests/data are identical
    # (bench/RESULTS.md, Start-up and merge). Not safe to drop: the default dictionary
    # (proper nouns; it changes analyses); num_workers=0 cannot analyse a batch.
    return Kiwi(load_multi_dict=False, load_typo_dict=False)
