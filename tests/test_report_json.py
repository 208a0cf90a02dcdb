"""The JSON writer of reports: the same bytes as ``json.dumps(indent=2)``, made faster."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.base import Finding, Severity
from l10n.report import dumps_indented, render_json, render_sarif

_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["", "a,\n  b", '"q"', "\\", "\u2028\u202e", "한국어", "\x00\x1f"])
_SCALARS = (st.none() | st.booleans() | st.integers() | _TEXT
            | st.floats(allow_nan=True, allow_infinity=True))
_KEYS = _TEXT | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.tuples(inner, inner)
                     | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_JSON)
def test_indented_json_is_what_json_dumps_writes(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_refuses_what_json_refuses():
    for bad in ({"a": object()}, [1, {2, 3}], {(1, 2): 0}):
        try:
            json.dumps(bad, indent=2)
        except TypeError:
            pass
        else:  # pragma: no cover
            raise AssertionError(bad)
        try:
            dumps_indented(bad)
        except TypeError:
            continue
        raise AssertionError(f"{bad!r} was written")


def _findings(texts):
    return [Finding(f"po/{i}.po", i, "P001", "end-punctuation", Severity.WARNING, text,
                    text, text[::-1], column=i % 3, suppressed="l10n-ignore" if i % 5 == 4
                    else None) for i, text in enumerate(texts)]


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_reports_are_written_as_before(texts):
    """render_json and render_sarif as json.dumps(indent=2) wrote them."""
    import l10n.report as report

    findings = _findings(texts)
    fast = render_json(findings, 3), render_sarif(findings, 3)
    slow_json = report.dumps_indented
    try:
        report.dumps_indented = lambda value: json.dumps(value, ensure_ascii=False, indent=2)
        slow = render_json(findings, 3), render_sarif(findings, 3)
    finally:
        report.dumps_indented = slow_json
    assert fast == slow
