"""The English side of a glossary in one pass per translation.

A glossary verdict asks, for every form of a term (the approved rendering, its accepted
variants, the forbidden ones, their plurals, the verbs a noun derives from), whether and
where the form occurs in the translation. Asked one form at a time, that is a regular
expression per form per entry; with a glossary of hundreds of terms most of them find
nothing. ``EnglishForms`` is one Aho-Corasick automaton over every form of the glossary,
folded (lower case, one space between words); ``EnglishForms.scan`` reads a translation
once and returns a ``Target``, which answers "can this form occur here?" for any form by
a set lookup. Only a form that can occur is then matched with its exact expression (word
boundaries, possessives, case sensitivity), so the verdicts are those of the per-form
expressions, made with a fraction of the work. The same ``Target`` carries the text with
case, spaces and hyphens removed and its word list, which the orthographic-variant
fallbacks read, computed once per translation instead of once per form.

The folding is a necessary condition for the expressions: ``re.IGNORECASE`` equates
characters by simple case folding, which for an ASCII form means ASCII letters of either
case plus four non-ASCII letters (K KELVIN SIGN, İ, ı, ſ) that the folding maps to ASCII
too; ``\\s+`` between words is ``str.isspace`` as ``str.split`` reads it. A form that is not
ASCII is never filtered (always matched with its expression).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

from ..fold import ascii_lower


def fold_text(text: str) -> str:
    """``text`` in lower case as re.IGNORECASE reads it, words separated by one space."""
    return " ".join(ascii_lower(text).split())


@lru_cache(maxsize=65536)
def fold(form: str) -> str:
    """The key of a glossary form (``fold_text``, remembered: forms recur)."""
    return fold_text(form)


_NOT_ALNUM = re.compile(r"[\W_]+")  # [^\W_] is str.isalnum


def alnum_folded(text: str) -> tuple[str, list[int]]:
    """``text``'s letters and digits, casefolded, and where each was in ``text`` (one
    offset per folded character: ß folds to ss, İ to i and a combining dot)."""
    keep = [(i, folded) for i, ch in enumerate(text) if ch.isalnum()
            for folded in ch.casefold()]
    return "".join(ch for _, ch in keep), [i for i, _ in keep]


class EnglishForms:
    """Every ASCII form of a glossary's English side in one automaton (built on demand)."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.keys = frozenset(key for key in map(fold, forms) if key and key.isascii())

    @cached_property
    def _automaton(self):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for key in self.keys:
            automaton.add_word(key, key)
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def scan(self, english: str) -> Target:
        """The forms that occur in ``english`` as text (boundaries not yet checked)."""
        folded = fold_text(english)
        if not self.keys or not len(self._automaton):
            return Target(english, folded, frozenset(), self.keys)
        present = frozenset(key for _end, key in self._automaton.iter(folded))
        return Target(english, folded, present, self.keys)


class Target:
    """One translation as the glossary's forms see it, made once and shared by every
    verdict on the entry."""

    def __init__(self, english: str, folded: str, present: frozenset[str],
                 keys: frozenset[str]) -> None:
        self.text = english
        self._folded = folded
        self._present = present
        self._keys = keys

    def may_have(self, form: str) -> bool:
        """False only when ``form`` cannot match here, in any case or spacing."""
        key = fold(form)
        if not key.isascii():
            return True
        if key in self._keys:
            return key in self._present
        return key in self._folded  # a form outside the automaton (a verb form)

    @cached_property
    def loose_text(self) -> str:
        """Letters and digits, casefolded (``alnum_folded`` without the offsets)."""
        return _NOT_ALNUM.sub("", self.text).casefold()

    @cached_property
    def loose(self) -> tuple[str, list[int]]:
        """Letters and digits, casefolded, with their offsets (for spelling variants)."""
        return alnum_folded(self.text)

    @cached_property
    def words(self) -> list[str]:
        return re.findall(r"[\w'’-]+", self.text)

    @cached_property
    def folded_words(self) -> list[str]:
        return [word.casefold() for word in self.words]
