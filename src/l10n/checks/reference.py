"""Reference: a translation that moved far from a configured reference translation."""

from __future__ import annotations

from collections.abc import Iterator

from .base import CheckContext, Severity, Unit, check


@check(code="R001", name="far-from-reference", severity=Severity.WARNING, family="reference")
def far_from_reference(unit: Unit, ctx: CheckContext) -> Iterator[str]:
    """The translation scores low (sentence chrF) against the configured reference.

    Why: when a reviewed version exists (`reference = "path"` in [tool.l10n]), a segment
    that drifted far from it deserves a second look. Off unless a reference is configured.
    Bad:  플랫폼만이 살길이다. -> The platform is a banana.
    Good: 플랫폼만이 살길이다. -> Platforms are the only way to survive!
    """
    reference = ctx.extra.get("reference", {}).get(unit.source)
    if not reference:
        return
    from sacrebleu.metrics import CHRF

    metric = ctx.extra.setdefault("chrf-metric", CHRF())
    score = metric.sentence_score(unit.target, [reference]).score
    threshold = ctx.extra.get("reference-min-chrf", 40.0)
    if score < threshold:
        yield f"chrF {score:.1f} against the reference (below {threshold:g}): {reference!r}"
