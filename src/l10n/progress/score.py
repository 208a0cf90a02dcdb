"""`l10n score`: BLEU, chrF, chrF++ and TER with sacrebleu, against reference catalogs
or the catalogs at an earlier git revision; HTER for post-editing effort.

Only entries translated (not fuzzy) in both the hypothesis and the reference are
scored; the report says how many were skipped and why. Signatures are sacrebleu's, so a
figure can be reproduced with the sacrebleu command line.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import CatalogError, ConfigError
from ..po.catalog import parse_catalog, read_catalog
from .counts import entry_state

_DRAFT = re.compile(r"^draft:\s?(.*)$", re.M)


@dataclass
class Pairs:
    name: str
    hypotheses: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    msgids: list[str] = field(default_factory=list)
    drafts: list[tuple[str, str, str]] = field(default_factory=list)  # (msgid, draft, final)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


@dataclass(frozen=True)
class Scores:
    name: str
    segments: int
    bleu: float
    chrf: float
    chrfpp: float
    ter: float
    hter: float | None
    drafts: int
    skipped: dict[str, int]

    def as_dict(self) -> dict:
        return {"name": self.name, "segments": self.segments, "bleu": round(self.bleu, 2),
                "chrf": round(self.chrf, 2), "chrf++": round(self.chrfpp, 2),
                "ter": round(self.ter, 2),
                "hter": None if self.hter is None else round(self.hter, 2),
                "drafts": self.drafts, "skipped": self.skipped}


def pair_catalogs(name: str, hypothesis: polib.POFile, reference: polib.POFile | None, *,
                  earlier_is_draft: bool = False) -> Pairs:
    """Line up the translated entries of two catalogs by msgid.

    With ``earlier_is_draft`` (``--against REV``) the reference is an earlier version of
    the same work, so each of its translations is also the draft that the current one
    post-edits (HTER).
    """
    pairs = Pairs(name)
    refs = {e.msgid: e for e in reference if not e.obsolete} if reference is not None else {}
    for entry in hypothesis:
        if entry.obsolete or not entry.msgid:
            continue
        draft = _DRAFT.search(entry.comment or "")
        if draft and entry_state(entry) == "translated":
            pairs.drafts.append((entry.msgid, draft.group(1), entry.msgstr))
        if reference is None:
            continue
        if entry_state(entry) != "translated":
            pairs.skip(f"{entry_state(entry)} in the translation")
            continue
        ref = refs.get(entry.msgid)
        if ref is None:
            pairs.skip("not in the reference")
        elif entry_state(ref) != "translated":
            pairs.skip(f"{entry_state(ref)} in the reference")
        else:
            pairs.hypotheses.append(entry.msgstr)
            pairs.references.append(ref.msgstr)
            pairs.msgids.append(entry.msgid)
            if earlier_is_draft and not draft:
                pairs.drafts.append((entry.msgid, ref.msgstr, entry.msgstr))
    return pairs


def hter_by_translator(pairs: Pairs, translator_of: dict[str, str]) -> dict[str, float]:
    """HTER of the drafts each translator post-edited (by the commit that set the final)."""
    _, _, _, ter = metrics()
    groups: dict[str, list[tuple[str, str]]] = {}
    for msgid, draft, final in pairs.drafts:
        groups.setdefault(translator_of.get(msgid, "unknown"), []).append((draft, final))
    return {who: ter.corpus_score([d for d, _ in items], [[f for _, f in items]]).score
            for who, items in sorted(groups.items())}


def metrics():
    from sacrebleu.metrics import BLEU, CHRF, TER

    return BLEU(), CHRF(), CHRF(word_order=2), TER()


def signatures() -> dict[str, str]:
    bleu, chrf, chrfpp, ter = metrics()
    for metric in (bleu, chrf, chrfpp, ter):  # a signature needs the number of references
        metric.corpus_score(["x"], [["x"]])
    return {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature()),
            "chrf++": str(chrfpp.get_signature()), "ter": str(ter.get_signature())}


def score_pairs(pairs: Pairs) -> Scores:
    bleu, chrf, chrfpp, ter = metrics()
    hyp, ref = pairs.hypotheses, [pairs.references]
    if hyp:
        values = (bleu.corpus_score(hyp, ref).score, chrf.corpus_score(hyp, ref).score,
                  chrfpp.corpus_score(hyp, ref).score, ter.corpus_score(hyp, ref).score)
    else:
        values = (0.0, 0.0, 0.0, 0.0)
    hter = None
    if pairs.drafts:
        drafts = [d for _, d, _ in pairs.drafts]
        finals = [[f for _, _, f in pairs.drafts]]
        hter = ter.corpus_score(drafts, finals).score
    return Scores(pairs.name, len(hyp), *values, hter, len(pairs.drafts), dict(pairs.skipped))


def merge_pairs(items: Iterable[Pairs], name: str = "total") -> Pairs:
    total = Pairs(name)
    for item in items:
        total.hypotheses += item.hypotheses
        total.references += item.references
        total.msgids += item.msgids
        total.drafts += item.drafts
        for reason, count in item.skipped.items():
            total.skipped[reason] = total.skipped.get(reason, 0) + count
    return total


def worst_segments(pairs: Pairs, n: int) -> list[dict]:
    """The n segments with the lowest sentence-level chrF, for a reviewer to read first."""
    _, chrf, _, _ = metrics()
    scored = [(chrf.sentence_score(h, [r]).score, m, h, r)
              for h, r, m in zip(pairs.hypotheses, pairs.references, pairs.msgids, strict=True)]
    scored.sort(key=lambda item: (item[0], item[1]))
    return [{"chrf": round(s, 2), "msgid": m, "translation": h, "reference": r}
            for s, m, h, r in scored[:n]]


def catalog_at(root: Path, path: Path, revision: str) -> polib.POFile | None:
    """The catalog as it was at a git revision (None if it did not exist there)."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise ConfigError("catalog lies outside the project, so git has no history of it",
                          path=path, hint="give a catalog inside the project") from None
    check = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet",
                            f"{revision}^{{commit}}"], capture_output=True, text=True)
    if check.returncode != 0:
        raise ConfigError(f"unknown git revision {revision!r}",
                          hint="give a commit, tag or branch of this repository")
    shown = subprocess.run(["git", "-C", str(root), "show", f"{revision}:{rel}"],
                           capture_output=True, text=True, encoding="utf-8", errors="replace")
    if shown.returncode != 0:
        return None
    return parse_catalog(shown.stdout, path=f"{revision}:{rel}")


def reference_for(path: Path, reference: Path) -> Path:
    """The reference PO for a catalog: the file itself, or same name in a folder."""
    if reference.is_dir():
        for candidate in (reference / path.name, *reference.rglob(path.name)):
            if candidate.is_file():
                return candidate
        raise CatalogError(f"no reference for {path.name} in {reference}", path=reference,
                           hint="give a folder with PO files of the same names")
    return reference


def render_json(per_essay: list[Scores], total: Scores, worst: list[dict],
                translators: dict[str, float] | None = None) -> str:
    return json.dumps({"essays": [s.as_dict() for s in per_essay], "total": total.as_dict(),
                       "signatures": signatures(), "worst": worst,
                       "hter_by_translator": {k: round(v, 2) for k, v in
                                              (translators or {}).items()}},
                      ensure_ascii=False, indent=2) + "\n"


def render_table(per_essay: list[Scores], total: Scores, worst: list[dict],
                 translators: dict[str, float] | None = None) -> str:
    lines = [f"{'essay':32} {'segs':>5} {'BLEU':>6} {'chrF':>6} {'chrF++':>6} {'TER':>6} "
             f"{'HTER':>6}  skipped"]
    for s in [*per_essay, total]:
        hter = f"{s.hter:6.2f}" if s.hter is not None else f"{'—':>6}"
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(s.skipped.items())) or "none"
        lines.append(f"{s.name[:32]:32} {s.segments:5} {s.bleu:6.2f} {s.chrf:6.2f} "
                     f"{s.chrfpp:6.2f} {s.ter:6.2f} {hter}  {skipped}")
    for who, value in (translators or {}).items():
        lines.append(f"HTER {value:6.2f}  {who}")
    lines.append("")
    for metric, signature in signatures().items():
        lines.append(f"{metric}: {signature}")
    for item in worst:
        lines += ["", f"chrF {item['chrf']:.2f}  {item['msgid']}",
                  f"  translation: {item['translation']}", f"  reference:   {item['reference']}"]
    return "\n".join(lines) + "\n"


def compare_catalogs(targets: Iterable[tuple[Path, polib.POFile]], *, ref: Path | None = None,
                     against: str | None = None, root: Path | None = None
                     ) -> tuple[list[Pairs], dict[str, str]]:
    """Each catalog paired with its reference (from ``ref``, a reviewed catalog or folder,
    or the catalog at git revision ``against`` in the project at ``root``), and, when the
    project's ``root`` is known, who set each translation: msgid -> "name <email>"."""
    per_essay, translator_of = [], {}
    for path, po in targets:
        if against is not None:
            reference = catalog_at(root, path, against)
        else:
            reference = read_catalog(reference_for(path, ref))
        per_essay.append(pair_catalogs(path.stem, po, reference,
                                       earlier_is_draft=against is not None))
        if root is not None:
            from .counts import setters

            for msgid, revision in setters(root, path).items():
                translator_of[msgid] = f"{revision.author} <{revision.email}>"
    return per_essay, translator_of


def render_scores(per_essay: list[Pairs], translator_of: dict[str, str], *, worst: int = 0,
                  fmt: str = "table") -> str:
    """``l10n score``'s report (``fmt``: table or json): each essay, the total, the
    ``worst`` lowest-chrF segments, and HTER by translator where there are drafts."""
    total = merge_pairs(per_essay)
    scores = [score_pairs(p) for p in per_essay]
    worst_list = worst_segments(total, worst) if worst else []
    render = render_json if fmt == "json" else render_table
    return render(scores, score_pairs(total), worst_list,
                  hter_by_translator(total, translator_of) if total.drafts else {})
