"""A persistent record of Kiwi's verdicts on glossary hits, so a second run loads no model.

Whether a Korean hit is the term itself (공유 in 공유했다) or the letters of another word
(공유 in 공유지) is decided from Kiwi's analysis of a text around it: the eojeol that
holds it, that eojeol with one and with two neighbours each side, and, where those three
disagree, the whole sentence (``matching.decide``). Each verdict depends on nothing but that
text, where the hit lies in it and whether the hit is a linked (sai-siot) form of its term
(``matching.verdict_key``), so the verdicts are kept by a digest of the text they were made
in, in ``.l10n-cache/glossary-decisions.json`` beside the segmentation cache (``cache`` in
``[tool.l10n]``): ``l10n check``, ``status`` and ``update`` on words already seen in the
same neighbourhood, even in another sentence, and CI with a cached folder, never load Kiwi.

The same file keeps the English plurals of the glossary's renderings, and the verb forms
a rendering derives from (lemminflect's, whose tables and numpy take longer to import than
the rest of a small check), so a check on a glossary already seen loads neither Kiwi nor
lemminflect.

The file records a fingerprint of the decider (the versions of l10n, kiwipiepy and its
model and lemminflect, and the text of ``terms.py``, ``matching.py``, ``inflection.py``
and ``kiwi.py``, where the rules and the analyser's options live); another fingerprint
discards it. An entry is used only if it is well formed and names spans inside its
text; a cache that cannot be read or written is reported as a warning and ignored, as
the segmentation cache is.

Why not the word alone: Kiwi reads a word in its context, and the same word analysed
alone gets another verdict in a few hundred of the 50,000 unclear hits of the evaluation
sets (초연결과 초연결성은, 원목 가구점을, 게스트하우스에); with two neighbours it still
would in a few dozen (대학 졸업자 세 명, 반드시 탑승구에). Where the three windows agree,
the sentence has agreed on every hit (bench/decisions.py); where they disagree (about 3 in
100), the hit is judged in its sentence.
"""

from __future__ import annotations

from functools import lru_cache

from ..cache import RecordCache, code_fingerprint, text_key

FILE_NAME = "glossary-decisions.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the decider: recorded verdicts are valid only for the same one (the code
    of every module that finds a hit or decides it: terms.py and what was split from it,
    model.py, names.py, matching.py, inflection.py, and Kiwi's options)."""
    from ..korean import kiwi
    from . import inflection, matching, model, names, terms

    return code_fingerprint(("kiwipiepy", "kiwipiepy_model", "lemminflect"),
                            (terms, matching, inflection, kiwi, model, names), "rules")


class DecisionCache(RecordCache):
    """Kept or rejected, per (start, end, linked) of a hit, per text (a window or a
    sentence); read from ``folder``."""

    FILE_NAME = FILE_NAME
    SECTION = "verdicts"
    WHAT = "glossary decision cache"
    EXTRA = ("plurals", "verbs")

    FINGERPRINT = staticmethod(fingerprint)

    def lookup(self, text: str) -> dict[tuple[int, int, bool], bool]:
        """The recorded verdicts for hits of ``text``: {(start, end, linked): kept}.

        ``linked``: whether the hit is a linked (sai-siot) form of its term, which the
        verdict also depends on (``matching.verdict_key``).
        """
        flat = self.records.get(text_key(text))
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
        self.records[text_key(text)] = [value for (start, end, linked), kept
                                      in sorted(known.items())
                                      for value in (start, end, int(linked), int(kept))]
        self.dirty = True

    def plurals(self, forms: list[str], inflect) -> dict[str, tuple[str, ...]]:
        """English plural forms of ``forms``: recorded ones, the rest from ``inflect``.

        Recording them spares a run on a known glossary lemminflect's tables (and numpy).
        """
        return self._derived(self.extra["plurals"], forms, inflect)

    def verbs(self, forms: list[str], derive) -> dict[str, tuple[str, ...]]:
        """The verb forms ``forms`` derive from (fermentation: ferment, fermented, ...):
        recorded ones, the rest from ``derive``."""
        return self._derived(self.extra["verbs"], forms, derive)

    def _derived(self, store: dict[str, list[str]], forms: list[str],
                 derive) -> dict[str, tuple[str, ...]]:
        missing = [form for form in forms if form not in store]
        for form in missing:
            store[form] = list(derive(form))
        if missing:
            self.dirty = True
        return {form: tuple(store[form]) for form in forms}
