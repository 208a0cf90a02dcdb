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


def _materialised(value):
    if isinstance(value, dict):
        return {key: _materialised(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) or hasattr(value, "__next__"):
        return [_materialised(item) for item in value]
    return value


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=8), st.sampled_from([1, 7, 1 << 16]))
def test_reports_are_written_as_json_dumps_wrote_them(texts, size):
    """render_json, render_sarif and their chunks (of any size) are the bytes that
    json.dumps(indent=2) wrote before the report was streamed."""
    import functools

    import l10n.report as report

    findings = _findings(texts)
    chunks = report._chunks
    try:
        report._chunks = functools.partial(chunks, size=size)
        fast = render_json(findings, 3), render_sarif(findings, 3)
    finally:
        report._chunks = chunks
    pieces = report.indented_pieces
    try:
        report.indented_pieces = lambda value: [
            json.dumps(_materialised(value), ensure_ascii=False, indent=2)]
        slow = render_json(findings, 3), render_sarif(findings, 3)
    finally:
        report.indented_pieces = pieces
    assert fast == slow
    assert json.loads(fast[0])["findings"] == [f.as_dict() for f in findings
                                               if f.suppressed is None]


def test_text_report_in_chunks_is_the_joined_report():
    from l10n.report import render, render_chunks

    findings = _findings([f"message {i}" for i in range(3000)])
    for fmt in ("text", "json", "sarif", "github"):
        chunks = list(render_chunks(findings, 2, fmt))
        assert "".join(chunks) == render(findings, 2, fmt)
        assert fmt == "github" or len(chunks) > 1  # streamed, not one string
