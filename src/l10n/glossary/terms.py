"""The glossary (glossary.csv): reading and validating it, and the ``Glossary`` that finds
its terms in Korean sentences.

Every form of a term (``ko`` and ``ko_variants``) is looked for with one Aho-Corasick
automaton over the sentence with spaces removed, so 산업 혁명 and 산업혁명 are the same;
overlapping hits resolve leftmost-longest (초연결 사회 beats 초연결). Which hits are the
term itself (Kiwi's morpheme boundaries) is ``matching``'s; the verdicts on the English
side are ``verdicts``'.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from functools import cached_property
from pathlib import Path

from ..errors import GlossaryError, decode_utf8, read_input
from . import inflection
from .english import EnglishForms, Target
from .matching import (
    SAISIOT,
    decide,
    follows_number,
    is_hangul,
    obvious,
    saisiot,
    squeeze,
    unsqueezed,
)
from .model import COLUMNS, KINDS, KoHit, Term, nospace
from .names import surname_of


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def parse_glossary(text: str, *, path: Path | str = "glossary.csv") -> Glossary:
    """Parse and validate glossary CSV text; every problem is a GlossaryError with its row."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise GlossaryError(f"malformed CSV: {exc}", path=path, line=1,
                            hint="the first line names the columns, ko,en,...") from exc
    missing = [column for column in ("ko", "en") if column not in header]
    if missing:
        raise GlossaryError(f"header lacks column(s) {', '.join(missing)}", path=path, line=1,
                            hint=f"the header is: {','.join(COLUMNS)}")
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        raise GlossaryError(f"unknown column(s) {', '.join(unknown)}", path=path, line=1,
                            hint=f"known columns: {','.join(COLUMNS)}")
    terms: list[Term] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise GlossaryError("row has more cells than the header", path=path, line=line,
                                    hint="quote cells that contain commas")
            ko, en = (row.get("ko") or "").strip(), (row.get("en") or "").strip()
            if not ko and not en and not any((v or "").strip() for v in row.values()):
                continue
            if not ko or not en:
                raise GlossaryError(f"missing required cell '{'ko' if not ko else 'en'}'",
                                    path=path, line=line, hint="every row needs ko and en")
            kind = (row.get("kind") or "term").strip() or "term"
            if kind not in KINDS:
                raise GlossaryError(f"unknown kind {kind!r}", path=path, line=line,
                                    hint="use term, name or keep")
            term = Term(ko, en, _split(row.get("ko_variants", "")),
                        _split(row.get("en_variants", "")), _split(row.get("forbidden", "")),
                        kind, (row.get("note") or "").strip(), line,
                        _split(row.get("ko_exclude", "")))
            for form in (term.ko, *term.ko_variants):
                key = nospace(form)
                if key in seen and seen[key] != line:
                    raise GlossaryError(f"Korean form {form!r} is already listed on line "
                                        f"{seen[key]}", path=path, line=line,
                                        hint="keep one row per concept")
                seen[key] = line
            forms = [nospace(form) for form in (term.ko, *term.ko_variants)]
            for word in term.ko_exclude:
                if not any(form in nospace(word) and form != nospace(word)
                           for form in forms):
                    raise GlossaryError(f"ko_exclude {word!r} does not contain {term.ko!r}",
                                        path=path, line=line,
                                        hint="list longer words that contain the term, "
                                             "e.g. 서울시장 for 시장")
            fold = (lambda x: x) if term.case_sensitive else str.casefold
            approved = {fold(form) for form in (term.en, *term.en_variants)}
            clash = [form for form in term.forbidden if fold(form) in approved]
            if clash:
                raise GlossaryError(f"{clash[0]!r} is both approved and forbidden", path=path,
                                    line=line, hint="remove it from one of the columns")
            terms.append(term)
        excluded = {nospace(word): term for term in terms for word in term.ko_exclude}
        for key, term in excluded.items():
            if key in seen:
                raise GlossaryError(f"ko_exclude {key!r} of {term.ko!r} is a glossary term "
                                    f"on line {seen[key]}", path=path, line=term.row,
                                    hint="remove it from ko_exclude")
    except csv.Error as exc:  # the reader has not counted the line it failed on yet
        raise GlossaryError(f"malformed CSV: {exc}", path=path, line=reader.line_num + 1,
                            hint="check the quotes on this row") from exc
    return Glossary(tuple(terms))


def read_glossary(path: Path) -> Glossary:
    data = read_input(path, GlossaryError, what="glossary",
                      missing_hint="create it or set 'glossary' in [tool.l10n]")
    text = decode_utf8(data, path, GlossaryError, hint="save the glossary as UTF-8 CSV")
    # NFC: a glossary saved as NFD (macOS) matches the NFC sentences of the sources
    return parse_glossary(unicodedata.normalize("NFC", text.replace("\r\n", "\n")), path=path)


class Glossary:
    """A validated glossary with one Korean automaton over all term forms.

    ``surnames``: a person's name (kind ``name``) may be shortened to the surname on
    later mentions (Son Heung-min, later Son; Barack Obama, later Obama): ``surname_of``.
    """

    def __init__(self, terms: tuple[Term, ...], *, surnames: bool = True) -> None:
        self.terms = terms
        self.surnames = surnames
        self.decisions = None  # a DecisionCache once ``remember_decisions`` is called

    def remember_decisions(self, folder: Path | None) -> Glossary:
        """Keep Kiwi's verdicts on hits in ``folder`` (the project's cache), across runs."""
        from .decisions import DecisionCache

        self.decisions = DecisionCache(folder) if folder is not None else None
        return self

    def __len__(self) -> int:
        return len(self.terms)

    def kinds(self) -> dict[str, int]:
        """How many rows of each kind (term, name, keep) the glossary has."""
        return {kind: sum(t.kind == kind for t in self.terms) for kind in KINDS}

    @cached_property
    def written_forms(self) -> frozenset[str]:
        """Every Korean form and approved English rendering, as written."""
        return frozenset(form for term in self.terms
                         for form in (term.ko, *term.ko_variants, term.en))

    @cached_property
    def english_forms(self) -> EnglishForms:
        """Every English form of the glossary in one automaton: renderings, variants,
        forbidden forms, surnames, and the plurals of all of them once they are known
        (``prime_inflections``; a plural not yet known is looked for on its own)."""
        forms = set()
        for term in self.terms:
            for form in (term.en, *term.en_variants, *term.forbidden):
                forms.add(form)
                forms.update(inflection.KNOWN_PLURALS.get(form, ()))
            if term.kind == "name" and surname_of(term):
                forms.add(surname_of(term))
        return EnglishForms(forms)

    def english(self, translation: str) -> Target:
        """``translation`` read once for every verdict on its entry."""
        return self.english_forms.scan(translation)

    @cached_property
    def _automaton(self):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        forms = {}
        for term in self.terms:
            for form in (term.ko, *term.ko_variants):
                key = nospace(form)
                forms[key] = (len(key), term, form)
        for key, (length, term, _form) in list(forms.items()):
            linked = saisiot(key)  # 장마 + 비 = 장맛비: the term's form before a noun
            if linked and linked not in forms:
                forms[linked] = (length, term, SAISIOT)
        for key, value in forms.items():
            automaton.add_word(key, value)
        if len(automaton):
            automaton.make_automaton()
        return automaton

    @cached_property
    def _exclusions(self):
        """ko_exclude words, matched in the text exactly as written (spaces included)."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for term in self.terms:
            for word in term.ko_exclude:
                owners = automaton.get(word, (len(word), ()))[1]
                automaton.add_word(word, (len(word), (*owners, term)))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def _excluded_spans(self, text: str) -> list[tuple[int, int, tuple[Term, ...]]]:
        """Where the text has ko_exclude words: (start, end, the terms they belong to)."""
        if not len(self._exclusions):
            return []
        return [(end + 1 - length, end + 1, owners)
                for end, (length, owners) in self._exclusions.iter(text)]

    def _candidates(self, text: str) -> list[KoHit]:
        if not self.terms or not len(self._automaton):
            return []
        squeezed, at, removed = squeeze(text)
        found = []
        for end, (length, term, form) in self._automaton.iter(squeezed):
            start = end - length + 1
            if form is SAISIOT and not (end + 1 < len(squeezed) and
                                        is_hangul(squeezed[end + 1])):
                continue  # 장맛 is 장마 only before the noun it links to
            found.append((start, -length, term))
        found.sort(key=lambda item: (item[0], item[1]))
        hits: list[KoHit] = []
        taken_until = -1
        excluded = self._excluded_spans(text)
        for start, neg_length, term in found:
            stop = start - neg_length
            if start < taken_until:
                continue
            taken_until = stop
            first = unsqueezed(start, at, removed)
            last = unsqueezed(stop - 1, at, removed) + 1
            if last - first == 1 and follows_number(text, first):
                continue  # 세 배 'three times' is a counter, not 배 'pear'
            if not any(term in owners and low <= first and last <= high  # 서울시장 hides 시장,
                       for low, high, owners in excluded):                # not 서울
                hits.append(KoHit(term, first, last, text[first:last]))
        return hits

    def prime_inflections(self) -> None:
        """Look up the English plurals of every rendering, and the verbs the approved
        renderings derive from, in the cache, before the checks.

        With a cache, a run on a glossary already seen never loads lemminflect; without
        one, they are computed when first needed, as before.
        """
        if self.decisions is None:
            return
        forms = sorted({form for term in self.terms
                        for form in (term.en, *term.en_variants, *term.forbidden)})
        inflection.KNOWN_PLURALS.update(
            self.decisions.plurals(forms, inflection.plural_forms.__wrapped__))
        renderings = sorted({form for term in self.terms if term.kind == "term"
                             for form in (term.en, *term.en_variants)})
        inflection.KNOWN_VERBS.update(self.decisions.verbs(renderings, inflection.derived_verbs))
        self.decisions.save()

    def find_korean(self, text: str) -> list[KoHit]:
        """Glossary terms in a Korean sentence, leftmost-longest, on morpheme boundaries."""
        return self._find([text], save=False)[0]

    def find_korean_many(self, texts: list[str]) -> list[list[KoHit]]:
        """find_korean for many sentences, with one Kiwi batch for those that need it."""
        return self._find(texts, save=True)

    def _find(self, texts: list[str], *, save: bool) -> list[list[KoHit]]:
        """Hits of each text; Kiwi is asked only about unclear hits not judged yet, and
        about the words around them rather than the whole sentence (``decide``)."""
        candidates = [self._candidates(text) for text in texts]
        unclear = [(i, j) for i, (text, hits) in enumerate(zip(texts, candidates, strict=True))
                   for j, hit in enumerate(hits) if not obvious(text, hit)]
        if unclear:
            kept = decide([(texts[i], candidates[i][j]) for i, j in unclear], self.decisions)
            rejected = {pair for pair, keep in zip(unclear, kept, strict=True) if not keep}
            candidates = [[hit for j, hit in enumerate(hits) if (i, j) not in rejected]
                          for i, hits in enumerate(candidates)]
        if self.decisions is not None and save:
            self.decisions.save()
        return candidates

    def annotations(self, text: str) -> list[str]:
        """Extracted-comment lines for a PO entry: ``glossary: 초연결 → hyper-connectivity``."""
        return self.annotations_many([text])[0]

    def annotations_many(self, texts: list[str]) -> list[list[str]]:
        """``annotations`` for many sentences, with one Kiwi batch."""
        return [[f"glossary: {term.ko} → {term.en}"
                 for term in dict.fromkeys(hit.term for hit in hits)]
                for hits in self.find_korean_many(texts)]

    def by_ko(self, ko: str) -> Term | None:
        key = nospace(ko)
        for term in self.terms:
            if key in {nospace(form) for form in (term.ko, *term.ko_variants)}:
                return term
        return None


def project_glossary(config) -> Glossary | None:
    """The project's glossary, or None when the project has none."""
    if config.glossary is None or not config.glossary.exists():
        return None
    glossary = read_glossary(config.glossary).remember_decisions(config.cache)
    glossary.surnames = config.name_short_forms == "surname"
    return glossary
