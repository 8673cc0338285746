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

