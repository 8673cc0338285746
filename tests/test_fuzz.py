"""Issue #7: fuzz the whole pipeline with hostile Unicode (bounded in the suite).

The longer run uses the same tests with another hypothesis profile:
    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py -p no:xdist
(docs/robustness.md records its count of inputs and its result).
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from conftest import span_ok

pytestmark = pytest.mark.slow  # the long property runs: hostile Unicode through the whole pipeline

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u3164\uffa0"
COMBINING = "".join(chr(c) for c in range(0x0300, 0x0370)) + "\u20dd\u20e3"
SURROGATES = "".join(chr(c) for c in (0xD800, 0xDBFF, 0xDC00, 0xDFFF))
WORDS = ["китайцы", "жиды", "кафиров", "дүнгендер", "қытайлар", "тараканы", "убивать", "керек", "не", "емес",
         "«", "»", "\"", "—", ".", "!", "?", "\n", "\r\n", "\t", " ", "1", "@", "*", "$", "bl", "ж", "і"]

hostile = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.text(alphabet=BIDI + INVISIBLE, min_size=1, max_size=20),
        st.text(alphabet=COMBINING, min_size=1, max_size=8),
        st.text(alphabet=SURROGATES, min_size=1, max_size=2),
        st.text(max_size=10),
        st.builds(lambda ch, n: ch * n, st.characters(), st.integers(1, 3000)),
    ),
    max_size=60,
).map("".join)


@given(hostile)
def test_hostile_text_never_raises_and_spans_are_exact(engine, text):
    result = engine.analyze(text)
    assert span_ok(text, result)
    result.to_json()
    assert result.error is None


@given(hostile)
def test_explain_never_raises(engine, text):
    trace = engine.explain(text)
    assert trace.result is not None and span_ok(text, trace.result)


@given(st.lists(hostile, max_size=20))
def test_batches_keep_one_row_per_input(engine, texts):
    results = list(engine.analyze_many(texts))
    assert len(results) == len(texts)
    assert all(span_ok(t, r) for t, r in zip(texts, results))


# One letter repeated thousands of times is one word; every stage that walks a word's letters must
# do it without recursion per letter (CI's fuzz run found "i" * n overflowing the Latin glide
# reading). The letters are the ones whose readings look at their neighbours.
@pytest.mark.parametrize("run", ["i", "u", "y", "ı", "ia", "iy", "ай", "и", "ы", "ң"])
def test_a_word_of_one_letter_repeated_is_analyzed(engine, run):
    for text in (run * 3000, "a" + run * 3000, "жиде " + run * 3000 + " жид"):
        result = engine.analyze(text)
        assert result.error is None
        assert span_ok(text, result)
