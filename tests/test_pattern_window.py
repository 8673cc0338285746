"""What a pattern's window counts: words, a lexicon phrase once, a relative clause between the
parts not at all.  "у русских, которые за 30 лет язык не выучили, гражданство надо отбирать"
calls for the same thing as "у русских гражданство надо отбирать"; "оларды адам деп санаудың өзі
күнә" is one judgment however many words spell it."""

from __future__ import annotations

import pytest


def _doc(engine, text):
    return engine.explain(text).doc


def test_relative_clause_words_are_counted_between_its_commas(engine):
    doc = _doc(engine, "Цыган, которые у нас на рынке воруют, надо выселить.")
    words = [t.text for t in doc.tokens]
    group, call = words.index("цыган"), words.index("надо")
    assert doc.word_distance(group, call) == 7
    assert doc.relative_words_between(group, call) == 6  # которые у нас на рынке воруют


@pytest.mark.parametrize("text", [
    "Цыган, которые воруют", "Цыган, которые у нас на рынке воруют.",  # not closed by a comma: no main clause after it
    "Цыган, что на рынке, надо выселить.",  # что is no relative pronoun here
])
def test_only_a_closed_relative_clause_is_skipped(engine, text):
    doc = _doc(engine, text)
    assert doc.relative_words_between(0, len(doc.tokens) - 1) == 0


@pytest.mark.parametrize("text, rule", [
    ("Цыган, которые у нас на рынке воруют, надо выселить из города.", "hate.expulsion"),
    ("У уйгуров, у которых паспорта нашей страны, гражданство надо отбирать.", "hate.exclusion"),
    ("Кәпірлерді адам деп санаудың өзі күнә.", "hate.dehumanization"),
])
def test_the_call_reaches_its_group(engine, text, rule):
    r = engine.analyze(text)
    assert rule in [m.rule_id for m in r.matches], r.matches


def test_a_call_inside_the_relative_clause_is_not_moved(engine):
    # the relative clause holds the call: it reports what some people demand of the Roma
    r = engine.analyze("Я не понимаю тех, которые кричат, что надо всех выселить, а цыгане тут живут веками.")
    assert "hate.expulsion" not in [m.rule_id for m in r.matches], r.matches



# A part that must be absent (not) of a one-clause node is looked for from the start of the
# match's clause: an earlier clause is another statement ("X заселяют нашу землю, гнать их всех"
# commands; its first clause's verb does not make the command a report), while what follows the
# match in the sentence still judges it ("выгнать всех китайцев — не выход").
@pytest.mark.parametrize("text, flagged", [
    ("Китайцы заселяют нашу землю, гнать их всех.", True),
    ("Цыгане опять воруют на вокзале, выселить их всех.", True),
    ("Решили выгнать всех китайцев.", False),
    ("Выгнать всех китайцев — не выход.", False),
    ("Трудно будет выгнать их всех, китайцев.", False),
])
def test_an_earlier_clause_does_not_veto_the_command(engine, text, flagged):
    assert engine.analyze(text).flagged is flagged
