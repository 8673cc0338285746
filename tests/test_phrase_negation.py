"""A phrase whose lemma carries its own negation (сенуге болмайды, көргім келмейді) matches only a
negated word: the affirmative shares the stem (болады, келеді) and means the opposite."""

from __future__ import annotations

import pytest

from hsengine import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _entries(engine: Engine, text: str) -> set[str]:
    return {h.entry.id for h in engine.explain(text, lang="kk").doc.hits}


@pytest.mark.parametrize("text, entry", [
    ("Қытайларға сенуге болмайды.", "kk.neg.senuge_bolmaidy"),
    ("Кытайларга сенуге болмайды.", "kk.neg.senuge_bolmaidy"),
    ("Дүнгендерді көргім келмейді.", "kk.hate.korgim_kelmei"),
])
def test_the_negated_phrase_matches(engine, text, entry):
    assert entry in _entries(engine, text)


@pytest.mark.parametrize("text, entry", [
    ("Қытайларға сенуге болады.", "kk.neg.senuge_bolmaidy"),
    ("Дүнгендерді көргім келеді.", "kk.hate.korgim_kelmei"),
])
def test_the_affirmative_does_not(engine, text, entry):
    assert entry not in _entries(engine, text)


@pytest.mark.parametrize("text", ["evreyam nelzya doveryat ni v chyom", "kitaicy ne lyudi", "qytailar adam emes"])
def test_a_negation_typed_in_latin_still_counts(engine, text):
    assert engine.analyze(text).flagged
