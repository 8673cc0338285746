"""A group adjective before a thing ("открыли еврейский центр") names no one, but makes the group
the topic that a plural pronoun in a later sentence points back to.  In its own sentence it is
no antecedent, and a pronoun with nothing hateful said of it flags nothing."""

from __future__ import annotations


def _pronoun_targets(engine, text):
    return {h.entry.target for h in engine.explain(text).doc.hits if h.how == "pronoun"}


def test_a_pronoun_in_the_next_sentence_points_back_to_the_topic(engine):
    assert _pronoun_targets(engine, "Открыли новый еврейский центр. Они везде пролезут.") == {"jewish"}
    r = engine.analyze("В городе открыли уйгурский рынок. Они как спрут, везде тянут щупальца.")
    assert r.flagged and {m.target for m in r.matches} == {"uyghur"}


def test_not_in_its_own_sentence(engine):
    assert "jewish" not in _pronoun_targets(engine, "Они открыли еврейский центр.")


def test_a_pronoun_with_nothing_hateful_said_flags_nothing(engine):
    assert not engine.analyze("Мы ужинали в китайском ресторане. Они там вкусно готовят.").flagged
