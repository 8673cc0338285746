"""Typewriter apostrophes as quotation marks ('сарттар кетсін' деп жазғандарға ...): phones type them
far more often than «». Quoted hate framed by condemnation is counter-speech whichever marks
enclose it; an apostrophe inside a word (o'zbek, the 2017 Latin letters) or a stray one is no
quotation mark."""

from __future__ import annotations

import pytest


def _quoted_words(engine, text):
    return [t.text for t in engine.explain(text).doc.tokens if t.kind == "word" and t.quote != -1]


@pytest.mark.parametrize("text, quoted", [
    ("'сарттар кетсін' деп жазғандар", ["сарттар", "кетсін"]),
    ("тем, кто пишет 'чурки вон', скажу", ["чурки", "вон"]),
    ("он сказал 'нет' и ушёл", ["нет"]),
])
def test_an_apostrophe_pair_glued_to_words_is_a_quotation(engine, text, quoted):
    assert _quoted_words(engine, text) == quoted


@pytest.mark.parametrize("text", [
    "o'zbekler kelip jatyr",  # word-internal apostrophe
    "мен ' сен ' ол",  # apostrophes standing alone
    "'чурки вон. вот' так",  # no pair inside one sentence
    "сарты вон' - вот что он сказал",  # a closer with no opener
])
def test_other_apostrophes_quote_nothing(engine, text):
    assert _quoted_words(engine, text) == []


@pytest.mark.parametrize("text", [
    "'Қытайлар кетсін' деп жазғандарға айтарым: мұндай сөздерді тоқтатыңдар, олар да осында туған.",
    "Тем, кто пишет 'китайцы вон', скажу одно: прекратите такие слова.",
    "'Дүңгендер кетсін' дейтіндер ұялсын, бұл нағыз нәсілшілдік.",
])
def test_hate_quoted_in_apostrophes_to_be_condemned_is_not_flagged(engine, text):
    result = engine.analyze(text)
    assert not result.flagged, result.matches
    assert result.suppressed  # the quoted words were found, and set aside with a reason


@pytest.mark.parametrize("text", [
    "Қытайлар кетсін, 'көршілер' деп жүрміз әлі.",
    "Китайцы вон отсюда, а не 'братья'.",
])
def test_hate_outside_the_apostrophes_is_still_flagged(engine, text):
    assert engine.analyze(text).flagged
