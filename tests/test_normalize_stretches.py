"""Long texts are normalized stretch by stretch; the result must equal the cluster-by-cluster path."""

from __future__ import annotations

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


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=_STRETCH, max_size=4 * _STRETCH).map("".join))
def test_stretches_fold_like_the_whole_text(text):
    _same(text)


def test_one_emoji_in_a_long_plain_text():
    text = ("китайцы открыли кафе " * 200) + "❤️" + (" қытайлар жұмыс істейді" * 200)
    _same(text)
    assert normalize(text).text.count("қытайлар") == 200
