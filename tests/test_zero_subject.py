"""A clause after a comma with no subject of its own continues the subject before it (Kazakh and
Russian drop a subject the listener knows): "бұлар адамға ұқсамайды, ұрлықтан басқа ештеңе
білмейді".  annotate places a "zero" hit at the comma, for the group it continues; the evidence
shows the group word, never the comma.  A clause with a subject of its own, a subordinate clause
or one with nothing hateful in it gets none."""

from __future__ import annotations

import pytest


def _zero_targets(engine, text):
    return {h.entry.target for h in engine.explain(text).doc.hits if h.how == "zero"}


@pytest.mark.parametrize("text, target", [
    ("Көршілеріміз сығандар екен. Бұлар ешкімді сыйламайды, ұрлық пен алаяқтықтан басқа ештеңе білмейді.", "roma"),
    ("Шешендер ауылға келді, ұрлықтан басқа ештеңе білмейді.", "caucasian"),
    ("Цыгане поселились рядом, воруют и обманывают постоянно.", "roma"),
    # across a full stop, when the next sentence has no subject at all
    ("Цыгане поселились рядом. Воруют и обманывают постоянно.", "roma"),
    ("Қытайлар ауылға келді. Ұрлықтан басқа ештеңе білмейді.", "chinese"),
])
def test_a_subject_left_unsaid_continues_the_group(engine, text, target):
    r = engine.analyze(text)
    assert target in _zero_targets(engine, text)
    assert r.flagged and target in {m.target for m in r.matches}
    for m in r.matches:
        for e in m.evidence:
            assert text[e.start:e.end] == e.text and e.text != ","


@pytest.mark.parametrize("text", [
    "Китайцы приехали, воры ограбили магазин.",  # a subject of its own
    "Қытайлар келді, ұрылар дүкенді тонады.",  # a Kazakh plural subject of its own
    "Дүнгендер келді, жалқау бала ұйықтап қалды.",  # the attack word is another noun's attribute
    "Уйгуры открыли кафе, которые воруют клиентов у соседей.",  # a subordinate clause
    "Цыгане приехали на праздник, все танцевали до утра.",  # nothing hateful: no zero needed
    "Китайцы построили завод. Воруют всё подряд чиновники.",  # across a stop, its subject after the verb
    "Таджики приехали. Работают хорошо, не воруют.",  # across a stop, nothing hateful said
    "Орыстар мен қазақтар бірге жұмыс істейді. Үйде тағы тарақан шықты.",  # the insult noun is its own subject
])
def test_no_zero_subject_where_the_clause_has_its_own(engine, text):
    assert not _zero_targets(engine, text)
    assert not engine.analyze(text).flagged


def test_no_zero_subject_for_a_call_after_a_full_stop(engine):
    # the call is said to the reader ("drive out the thieves"); reading the group as its subject
    # would make the thieves them (the text is still flagged by hate.elliptic_label, a known
    # false positive noted in docs/evaluation.md)
    text = "Тәжіктер келді. Ұрыларды қуу керек."
    assert not [h for h in engine.explain(text).doc.hits if h.how == "zero" and h.first == 2]


@pytest.mark.parametrize("text, target", [
    ("Шүршіттер тағы келді. Тез арада қуу керек.", "chinese"),
    ("Цыгане опять табором расселись. Гнать надо, и побыстрее.", "roma"),
])
def test_a_call_with_its_object_left_unsaid_demands_it_of_the_group(engine, text, target):
    r = engine.analyze(text)
    assert target in _zero_targets(engine, text)
    assert r.flagged and target in {m.target for m in r.matches}


@pytest.mark.parametrize("text", [
    "Китайцы открыли ресторан. Надо гнать коррупционеров.",  # an object of its own
    "Тәжіктер келді. Біз оларға көмектесуіміз керек.",  # no act of harm
    "Уйгуры пришли на праздник. Надо убить время до вечера.",  # an idiom
    "Дүнгендер келді? Қуу керек пе?",  # a question mark opens no zero
])
def test_no_zero_object_where_the_call_has_its_own(engine, text):
    assert not _zero_targets(engine, text)
