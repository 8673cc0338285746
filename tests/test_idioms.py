"""Set phrases that harm no one (lexicon class `idiom`): убить время, умереть со смеху, уақыт өлтіру.

The attack verb inside such a phrase is not read as an attack word, so no rule can bind it; the
same verb outside the phrase still is.
"""

from __future__ import annotations

import pytest

IDIOMS = [
    "Надо убить время, пока эти узбеки не приедут.",
    "Китайцы рассказали анекдот, я чуть не умер со смеху.",
    "Поезға дейін уақыт өлтіру керек, ұйғырлар кешігіп жатыр.",
]

ATTACKS = [
    "Надо убить этих узбеков, пока не приехали.",
    "Ұйғырларды өлтіру керек.",
]


@pytest.mark.parametrize("text", IDIOMS)
def test_the_verb_inside_an_idiom_is_no_attack_word(engine, text):
    trace = engine.explain(text)
    classes = [set(h.entry.classes) for h in trace.doc.hits]
    assert any("idiom" in c for c in classes)
    assert not any(c & {"violence", "perish", "threat"} for c in classes), classes
    assert not trace.result.flagged


@pytest.mark.parametrize("text", ATTACKS)
def test_the_same_verb_outside_the_idiom_still_attacks(engine, text):
    assert engine.analyze(text).flagged
