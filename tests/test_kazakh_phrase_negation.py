"""A Kazakh phrase whose lemma is itself negative (жұмысқа алма "not hire", азаматтық берме "not
grant citizenship") is not negated by its own negation: "жұмысқа алмаймын" states the refusal the
entry names.  A phrase with a positive lemma is still negated by a negated verb (жек көрмеймін)."""

from __future__ import annotations

import pytest

from hsengine.lexicon.annotate import annotate
from hsengine.text.normalize import normalize


def _phrase_hit(engine, text: str, entry_id: str):
    doc = annotate(normalize(text), engine.analyzer, "kk")
    hits = [h for h in doc.hits if h.entry.id == entry_id]
    assert hits, (text, [h.entry.id for h in doc.hits])
    return hits[0]


@pytest.mark.parametrize(("text", "entry_id"), [
    ("Мен оларды жұмысқа алмаймын.", "kk.exclusion.zhumysqa_alma"),
    ("Оларды жұмысқа алмау керек.", "kk.exclusion.zhumysqa_alma"),
    ("Оларға азаматтық бермеңдер.", "kk.exclusion.azamattyq_berme"),
])
def test_a_negative_lemma_is_not_negated_by_its_own_negation(engine, text, entry_id):
    assert not _phrase_hit(engine, text, entry_id).negated


def test_a_positive_lemma_is_negated_by_a_negated_verb(engine):
    assert _phrase_hit(engine, "Мен оларды жек көрмеймін.", "kk.hate.zhek_kor").negated


@pytest.mark.parametrize(("text", "entry_id"), [
    ("Оларды жұмысқа қабылдаңдар.", "kk.exclusion.zhumysqa_qabyldama"),
    ("Мен оларды жұмысқа алдым.", "kk.exclusion.zhumysqa_alma"),
])
def test_a_negative_lemma_is_not_met_by_the_positive_verb(engine, text, entry_id):
    doc = annotate(normalize(text), engine.analyzer, "kk")
    assert not [h for h in doc.hits if h.entry.id == entry_id]


@pytest.mark.parametrize("text", [
    "Гейлерді емдеу керек немесе түрмеге отырғызу керек.",
    "Гейлерді түрмеге отырғызу керек, әйтпесе балаларымыз бұзылады.",
])
def test_a_conjunction_built_like_a_negated_verb_does_not_negate(engine, text):
    """немесе "or" and әйтпесе "otherwise" are не-ме-се, әйт-пе-се to the morphology."""
    r = engine.analyze(text)
    assert r.flagged, r.suppressed
    assert not any(s.context == "negation" for s in r.suppressed)
