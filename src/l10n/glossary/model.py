"""The glossary's values: a term (one row of glossary.csv), a Korean hit of it, and the
verdict on its English rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

COLUMNS = ("ko", "en", "ko_variants", "en_variants", "forbidden", "kind", "note", "ko_exclude")
KINDS = ("term", "name", "keep")


class Verdict(str, Enum):
    EXACT = "exact"
    INFLECTED = "inflected"
    VARIANT = "variant"
    ORTHOGRAPHIC = "orthographic"
    FORBIDDEN = "forbidden"
    MISSING = "missing"
    # the English renders a sense the glossary note rules out (not 주식 'staple food'):
    # the Korean word is the homograph, not the term
    OTHER_SENSE = "other-sense"

    @property
    def ok(self) -> bool:
        return self in (Verdict.EXACT, Verdict.INFLECTED, Verdict.VARIANT)


@dataclass(frozen=True)
class Term:
    ko: str
    en: str
    ko_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    kind: str = "term"
    note: str = ""
    row: int = 0
    ko_exclude: tuple[str, ...] = ()  # longer words that contain the term but are not it

    @property
    def case_sensitive(self) -> bool:
        return self.kind in ("name", "keep")


@dataclass(frozen=True)
class KoHit:
    term: Term
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class EnJudgement:
    term: Term
    verdict: Verdict
    found: str = ""  # the English text that decided the verdict
    # why a MISSING verdict may be wrong (the noun is used as a verb, the Korean is a
    # homograph, ...): "" when the hit is near-certain; see ``doubt``
    doubt: str = ""


_SPACES = re.compile(r"\s+")


def nospace(text: str) -> str:
    return _SPACES.sub("", text)
