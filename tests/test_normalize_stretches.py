"""Long texts are normalized stretch by stretch; the result must equal the cluster-by-cluster path."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hsengine.text.normalize import _STRETCH, _slow_normalize, normalize

# letters of both scripts, spaces, marks, invisible characters, emoji with variation selectors,
# compatibility characters and case pairs whose lower case changes length
PIECES = st.sampled_from(["а", "б", "Ё", "қ", "Ә", "x", "é", "e\u0301", "\u0336", "\u200b", "\u200d",
                          "❤️", "👍", "ﬁ", "ǅ", "İ", "ß", "Σ", " ", " ", " ", "  ", "\r\n", ".", "1"])


def _same(text: str) -> None:
    fast, slow = normalize(text), _slow_normalize(text)
    assert fast.text == slow.text
    assert [fast.to_original(i, i + 1) for i in range(len(fast.text))] == \
        [slow.to_original(i, i + 1) for i in range(len(slow.text))]


@pytest.mark.slow  # a property run
@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=_STRETCH, max_size=4 * _STRETCH).map("".join))
def test_stretches_fold_like_the_whole_text(text):
    _same(text)


def test_one_emoji_in_a_long_plain_text():
    text = ("китайцы открыли кафе " * 200) + "❤️" + (" қытайлар жұмыс істейді" * 200)
    _same(text)
    assert normalize(text).text.count("қытайлар") == 200


# -- edit_kinds: the edits around a span, found without scanning every edit before it (issue #15) --
SPAN_PIECES = st.sampled_from(["а", "б", "x", "e\u0301", "\u200b", "ﬁ", "❤️", " ", "кoт", "ǅ", "bl"])


@pytest.mark.slow  # a property run
@settings(max_examples=80, deadline=None)
@given(st.lists(SPAN_PIECES, max_size=300).map("".join), st.data())
def test_edit_kinds_equals_a_scan_of_every_edit(text, data):
    norm = normalize(text)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    brute = tuple(sorted({e.kind for e in norm.edits if e.start < end and e.end > start}))
    assert norm.edit_kinds(start, end) == brute


class _CountingEdits(tuple):
    """A tuple of edits that remembers how many edits each slice handed out."""

    sliced: list[int]

    def __getitem__(self, key):
        got = tuple.__getitem__(self, key)
        if isinstance(key, slice):
            self.sliced.append(len(got))
        return got


def test_edit_kinds_looks_only_at_the_edits_near_the_span():
    """Zero-width text has an edit per character: a hit near the end of a long text must not walk
    every edit from the start (quadratic: 3.3 → 15 µs/char from 10k to 100k characters)."""
    text = " ".join("\u200b".join("китайцы") for _ in range(2000))
    norm = normalize(text)
    assert len(norm.edits) > 10_000
    counting = _CountingEdits(norm.edits)
    counting.sliced = []
    norm.edits = counting
    word = norm.text.rindex("китайцы")
    assert norm.edit_kinds(word, word + len("китайцы")) == ("invisible",)
    assert counting.sliced and max(counting.sliced) <= 10, counting.sliced
