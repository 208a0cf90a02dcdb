"""The fast paths of korean/segment.py and korean/repairs.py against the straightforward
code they replaced (issue 17 item 3: throughput without moving a boundary)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from l10n.korean import repairs, segment
from l10n.korean.kiwi import kiwi

TEXT = st.text(alphabet=st.sampled_from(list("가나 다.?!\"'“”()[]①-a1 \n\t。·")), max_size=60)


def closing_marks_per_character(text: str) -> list[bool]:
    closing = [False] * len(text)
    double = single = 0
    for i, ch in enumerate(text):
        if ch == '"':
            closing[i] = double % 2 == 1
            double += 1
        elif ch == "'":
            if 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue
            closing[i] = single % 2 == 1
            single += 1
    return closing


def cover_by_copying(text, spans):
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        gap = text[pos:start]
        if gap.strip():
            if out:
                out[-1][1] = start
            else:
                start = pos + (len(gap) - len(gap.lstrip()))
        out.append([start, end])
        pos = end
    if text[pos:].strip():
        if out:
            out[-1][1] = len(text.rstrip())
        else:
            out.append([pos, len(text.rstrip())])
    trimmed = []
    for start, end in out:
        chunk = text[start:end]
        left, right = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
        if end - right > start + left:
            trimmed.append((start + left, end - right))
    return trimmed


@given(TEXT)
def test_closing_marks_are_the_per_character_ones(text):
    expected = {i for i, closing in enumerate(closing_marks_per_character(text)) if closing}
    assert repairs.closing_marks(text) == expected


@given(TEXT)
def test_wordy_is_any_letter_or_ascii_digit(text):
    assert repairs.wordy(text) == any(ch.isalpha() or ch in "0123456789" for ch in text)


@given(TEXT, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8))
def test_cover_trims_as_strip_does(text, spans):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    assert repairs.cover(text, spans) == cover_by_copying(text, spans)


def test_morphemes_are_kiwis_tokens_shifted_and_ordered():
    text = "밥을 먹고 학교에 갔다. 그런데 비가 왔다…  \"왜?\" 하고 물었다. ㅋㅋ 진.짜.최.고"
    cut = text.index("그런데")
    pieces = [(0, kiwi().tokenize(text[:cut])), (cut, kiwi().tokenize(text[cut:]))]
    m = segment._Morphemes(text, pieces)
    tokens = sorted(((t.form, t.tag, t.start + offset, t.end + offset)
                     for offset, found in pieces for t in found), key=lambda t: t[2])
    assert list(zip(m.forms, m.tags, m.starts, m.ends, strict=True)) == tokens
    assert ("학교", "NNG", text.index("학교"), text.index("학교") + 2) in tokens
    assert ("그런데", "MAJ", cut, cut + 3) in tokens  # the second piece, shifted
    assert m.final_before(text.index("갔다") + 2)
    assert not m.final_before(text.index("먹고") + 2)
