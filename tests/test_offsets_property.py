"""Property: whatever the input, analyze never raises and every span is an exact original slice."""

from __future__ import annotations

from hypothesis import given, strategies as st

from conftest import span_ok
from hsengine.text.normalize import normalize
from hsengine.text.tokenize import tokenize

# Words the lexicon knows, to make matches likely, mixed with hostile characters.
HOT = ["китайцы", "тараканы", "жиды", "кафиров", "надо", "убивать", "не", "дүнгендерді", "қуып", "жіберу",
       "керек", "ксенофобия", "паразиты", "қытайлар", "тарақан", "«", "»", "—", ".", ",", "!", "\n"]
NOISE = ["\u200b", "\u200d", "\u2060", "\ufeff", "\u0301", "\u0308", "\u0336", "\u202e", "\u202d", "\u00ad",
         "🙂", "👍🏽", "İ", "ﬁ", "Ａ", "k", "u", "a", "bl", "1", "@", "*", " ", "  ", "\t", "ё", "Ё", "\ud800"]

text_strategy = st.lists(
    st.one_of(st.sampled_from(HOT), st.sampled_from(NOISE), st.text(max_size=6)), max_size=40
).map(lambda parts: "".join(parts))


@given(st.text(max_size=200))
def test_normalization_map_covers_original(text):
    norm = normalize(text)
    for i in range(len(norm.text)):
        a, b = norm.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)
    if norm.text:
        a, b = norm.to_original(0, len(norm.text))
        assert 0 <= a <= b <= len(text)


@given(text_strategy)
def test_tokens_map_to_original(text):
    norm = normalize(text)
    for tok in tokenize(norm):
        assert 0 <= tok.start < tok.end <= len(text)
        assert tok.start <= tok.end


@given(text_strategy)
def test_analyze_never_raises_and_spans_are_exact(engine, text):
    result = engine.analyze(text)
    assert span_ok(text, result)
    result.to_json()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_unicode(engine, text):
    result = engine.analyze(text)
    assert span_ok(text, result)


def test_long_word_and_many_invisibles(engine):
    text = "жиды " + "а" * 200_000 + " \u200b" * 50_000 + " китайцы тараканы"
    result = engine.analyze(text)
    assert span_ok(text, result)
