"""A persistent record of Kiwi's verdicts on glossary hits, so a second run loads no model.

Whether a Korean hit is the term itself (공유 in 공유했다) or the letters of another word
(공유 in 공유지) is decided from Kiwi's analysis of the sentence, and that decision
depends on nothing but the sentence's text, where the hit lies in it and whether the hit is
a linked (sai-siot) form of its term (``terms.verdict_key``). The verdicts are
kept by a digest of the sentence in ``.l10n-cache/glossary-decisions.json`` beside the
segmentation cache (``cache`` in ``[tool.l10n]``), so ``l10n check``, ``status`` and
``update`` on text already seen, and CI with a cached folder, never load Kiwi.

The same file keeps the English plurals of the glossary's renderings, and the verb forms
a rendering derives from (lemminflect's, whose tables and numpy take longer to import than
the rest of a small check), so a check on a glossary already seen loads neither Kiwi nor
lemminflect.

The file records a fingerprint of the decider (the versions of l10n, kiwipiepy and its
model and lemminflect, and the text of ``terms.py`` and ``kiwi.py``, where the rules and
the analyser's options live); another fingerprint discards it. An entry is used only if it
is well formed and names spans inside its sentence; a cache that cannot be read or written
is reported as a warning and ignored, as the segmentation cache is.

Why the sentence and not the word: Kiwi reads a word in its context, and the same word
analysed alone gets another verdict in a handful of sentences of the evaluation sets
(서울시장 선거에, 초연결과 초연결성은, 데이터베이스 마이그레이션을), so deciding per word
would change findings; deciding per sentence once and remembering it does not.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import L10nError
from ..files import write_text_atomic
from ..korean.segcache import code_fingerprint, text_key, warn

FILE_NAME = "glossary-decisions.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the decider: recorded verdicts are valid only for the same one."""
    from ..korean import kiwi
    from . import terms

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model", "lemminflect"), (terms, kiwi),
                            "rules")


class DecisionCache:
    """Kept or rejected, per (start, end, linked) of a hit, per sentence; read from ``folder``."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / FILE_NAME if folder is not None else None
        self._verdicts: dict[str, list[int]] = {}
        self._plurals: dict[str, list[str]] = {}
        self._verbs: dict[str, list[str]] = {}
        self._dirty = False
        if self.path is not None:
            self._load()

    def _load(self) -> None:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except NotADirectoryError:
            self._dirty = True  # a file where the folder should be: saving will say so
            return
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            warn(f"{self.path}: unreadable glossary decision cache ignored ({exc})")
            self._dirty = True
            return
        if not isinstance(data, dict) or not isinstance(data.get("verdicts"), dict):
            warn(f"{self.path}: malformed glossary decision cache ignored")
            self._dirty = True
            return
        if data.get("fingerprint") != fingerprint():
            self._dirty = True  # another decider: start afresh, silently (expected)
            return
        self._verdicts = data["verdicts"]
        self._plurals = _word_lists(data.get("plurals"))
        self._verbs = _word_lists(data.get("verbs"))

    def lookup(self, text: str) -> dict[tuple[int, int, bool], bool]:
        """The recorded verdicts for hits of ``text``: {(start, end, linked): kept}.

        ``linked``: whether the hit is a linked (sai-siot) form of its term, which the
        verdict also depends on (``terms.verdict_key``).
        """
        flat = self._verdicts.get(text_key(text))
        if not isinstance(flat, list) or len(flat) % 4:
            return {}
        found = {}
        for i in range(0, len(flat), 4):
            start, end, linked, kept = flat[i:i + 4]
            if not (type(start) is int and type(end) is int and 0 <= start < end <= len(text)
                    and all(type(flag) is int and flag in (0, 1) for flag in (linked, kept))):
                return {}  # never trust an entry that does not fit its sentence
            found[start, end, bool(linked)] = bool(kept)
        return found

    def record(self, text: str, verdicts: dict[tuple[int, int, bool], bool]) -> None:
        if not verdicts:
            return
        known = self.lookup(text)
        known.update(verdicts)
        self._verdicts[text_key(text)] = [value for (start, end, linked), kept
                                      in sorted(known.items())
                                      for value in (start, end, int(linked), int(kept))]
        self._dirty = True

    def plurals(self, forms: list[str], inflect) -> dict[str, tuple[str, ...]]:
        """English plural forms of ``forms``: recorded ones, the rest from ``inflect``.

        Recording them spares a run on a known glossary lemminflect's tables (and numpy).
        """
        return self._derived(self._plurals, forms, inflect)

    def verbs(self, forms: list[str], derive) -> dict[str, tuple[str, ...]]:
        """The verb forms ``forms`` derive from (fermentation: ferment, fermented, ...):
        recorded ones, the rest from ``derive``."""
        return self._derived(self._verbs, forms, derive)

    def _derived(self, store: dict[str, list[str]], forms: list[str],
                 derive) -> dict[str, tuple[str, ...]]:
        missing = [form for form in forms if form not in store]
        for form in missing:
            store[form] = list(derive(form))
        if missing:
            self._dirty = True
        return {form: tuple(store[form]) for form in forms}

    def save(self) -> None:
        """Write the cache if it changed."""
        if self.path is None or not self._dirty:
            return
        text = json.dumps({"fingerprint": fingerprint(), "plurals": self._plurals,
                           "verbs": self._verbs, "verdicts": self._verdicts},
                          separators=(",", ":"), sort_keys=True)
        try:
            write_text_atomic(self.path, text)
            write_text_atomic(self.path.parent / ".gitignore", "# made by l10n\n*\n")
        except L10nError as exc:
            warn(f"glossary decision cache not saved: {exc}")
            return
        self._dirty = False


def _word_lists(data) -> dict[str, list[str]]:
    """The well-formed {form: [words]} items of a recorded table (none if it is not one)."""
    if not isinstance(data, dict):
        return {}
    return {form: found for form, found in data.items()
            if isinstance(found, list) and all(isinstance(word, str) for word in found)}
