"""The sentences issue #11 reported as missed (or, the refutation, as wrongly flagged): each must
now be flagged with the right narrative and target — one instance per dimension the rules cover
(conditional mood, rhetorical question + next sentence, religious targets of expulsion, genitive +
quantifier, refuting frame)."""

from __future__ import annotations

import pytest

FLAGGED = [
    ("Я бы с удовольствием перестрелял всех дунган.", "xenophobia", "dungan"),
    ("Я бы всех евреев передушил своими руками.", "xenophobia", "jewish"),
    ("Разве уйгуры люди? Это же скоты.", "xenophobia", "uyghur"),
    ("Какие они люди, эти евреи? Скоты.", "xenophobia", "jewish"),
    ("Гнать надо кафиров из Казахстана.", "anti_kafir", "kafir"),
    ("Кафиры, убирайтесь из нашей страны!", "anti_kafir", "kafir"),
    ("Кәпірлер бұл жерден кетсін.", "anti_kafir", "kafir"),
    ("Кәпірлерді Қазақстаннан қуып шығу керек.", "anti_kafir", "kafir"),
    ("Дүнгендердің бәрін құрту керек.", "xenophobia", "dungan"),
    ("Қытайлардың бәрін қырып салу керек.", "xenophobia", "chinese"),
    ("Тәжіктің бәрі ұры", "xenophobia", "tajik"),
    ("Өзбектің бәрі өтірікші халық", "xenophobia", "uzbek"),
]


@pytest.mark.parametrize(("text", "narrative", "target"), FLAGGED)
def test_issue_example_is_flagged_with_its_narrative_and_target(engine, text, narrative, target):
    r = engine.analyze(text)
    assert r.flagged, r.suppressed
    assert (narrative, target) in {(m.narrative, m.target) for m in r.matches}, r.matches


def test_the_kazakh_refutation_is_not_flagged_and_says_why(engine):
    r = engine.analyze("Дәрігерлер вакцина адамды бедеу етеді деген өтірікті әшкереледі")
    assert not r.flagged
    assert [s.context for s in r.suppressed] == ["refutation"]
