"""English inflection of the glossary's renderings, from lemminflect's tables: the plurals
of a rendering, and the verb forms a noun rendering derives from. Both are kept in the
decision cache between runs (``Glossary.prime_inflections``)."""

from __future__ import annotations

from functools import lru_cache

KNOWN_PLURALS: dict[str, tuple[str, ...]] = {}  # read from the cache by prime_inflections


@lru_cache(maxsize=4096)
def plural_forms(form: str) -> tuple[str, ...]:
    """Plural forms of the last word of ``form`` (lemminflect; acronyms take a plain -s)."""
    known = KNOWN_PLURALS.get(form)
    if known is not None:
        return known
    words = form.split(" ")
    last = words[-1]
    if last.isupper() or any(ch.isdigit() for ch in last):
        plurals = {last + "s"}
    else:
        from lemminflect import getInflection  # English inflection tables (spaCy's)

        plurals = set(getInflection(last, tag="NNS")) or {last + "s"}
    return tuple(" ".join([*words[:-1], plural]) for plural in sorted(plurals) if plural != last)


# noun endings and what the verb they come from ends with: fermentation → ferment,
# development → develop, prescription → prescribe, diagnosis → diagnose, ruling → rule
_DERIVATIONS = [("ation", ""), ("ation", "e"), ("ation", "ate"), ("ition", "ish"),
                ("tion", "te"), ("ption", "be"), ("ption", "ve"), ("ction", "ce"),
                ("ction", "ct"), ("sion", "de"), ("sion", "t"), ("sion", "se"),
                ("ment", ""), ("sis", "se"), ("sis", "ze"), ("al", ""), ("ance", ""),
                ("ance", "e"), ("ence", ""), ("ence", "e"), ("ing", ""), ("ing", "e"),
                ("ure", ""), ("ure", "e"), ("y", "ize"), ("er", ""), ("", "")]


KNOWN_VERBS: dict[str, tuple[str, ...]] = {}  # read from the cache by prime_inflections


@lru_cache(maxsize=4096)
def verb_forms(form: str) -> tuple[str, ...]:
    """Every inflection of the verbs the last word of ``form`` may derive from, by the
    dictionary of lemminflect (so only real verbs: fermentation → ferment, fermented,
    fermenting, ferments)."""
    known = KNOWN_VERBS.get(form)
    return known if known is not None else derived_verbs(form)


def derived_verbs(form: str) -> tuple[str, ...]:
    """``verb_forms`` from lemminflect's tables."""
    from lemminflect import getAllInflections

    *head, last = form.split(" ")
    found = set()
    for ending, verb_ending in _DERIVATIONS:
        if last.lower().endswith(ending) and len(last) - len(ending) >= 3:
            stem = last[:len(last) - len(ending)] + verb_ending
            for forms in getAllInflections(stem.lower(), upos="VERB").values():
                found.update(forms)
    if not found:
        found.update(_gerund_verb(last.lower()))
    return tuple(" ".join([*head, verb]) for verb in sorted(found))


def _gerund_verb(word: str) -> set[str]:
    """The inflections of the regular verb a gerund noun is made of, when the dictionary
    does not list the verb (backpacking → backpack, backpacked): only if the regular
    inflection of the stem gives the gerund back, so ceiling is not the verb "ceil"
    unless English inflects it so."""
    from lemminflect import getAllInflectionsOOV

    if not word.endswith("ing") or len(word) < 7:
        return set()
    for stem in (word[:-3], word[:-3] + "e"):
        forms = getAllInflectionsOOV(stem, upos="VERB")
        if word in forms.get("VBG", ()):
            return {form for values in forms.values() for form in values}
    return set()
