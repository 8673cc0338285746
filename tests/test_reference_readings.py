"""Who a word stands for (lexicon/annotate.py): a group adjective before a people noun names the
group, "всех"/"это" sometimes stand for something else, a pronoun read as a group is marked Pron,
and Kazakh plural pronouns are plural."""

from __future__ import annotations

import pytest

from hsengine import Engine
from hsengine.lexicon.annotate import annotate
from hsengine.text.normalize import normalize


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _groups(engine: Engine, text: str) -> list[tuple[str, str, frozenset[str]]]:
    """(evidence text, how, grammemes) of every hit of a target class in the text."""
    doc = annotate(normalize(text), engine.analyzer, None)
    out = []
    for h in doc.hits:
        if engine.lexicon.classes_kind(h.entry, ("target",)):
            start, end = doc.tokens[h.first].start, doc.tokens[h.last].end
            out.append((text[start:end], h.how, h.gram))
    return out


@pytest.mark.parametrize(("text", "span"), [
    ("Эти кавказские парни опять шумят.", "кавказские парни"),
    ("Про китайских рабочих снова писали.", "китайских рабочих"),
    ("Уйгурскими активистами занялась полиция.", "Уйгурскими активистами"),
    ("Турецких рабочих привезли на стройку.", "Турецких рабочих"),
    ("Эти армянские торговцы подняли цены.", "армянские торговцы"),
])
def test_group_adjective_before_people_names_the_group(engine: Engine, text: str, span: str) -> None:
    found = [(t, how) for t, how, _ in _groups(engine, text)]
    assert (span, "adjective") in found, found


@pytest.mark.parametrize("text", [
    "Зачем нам китайские кредиты?",
    "Уйгурская кухня мне нравится.",
    "Надоела эта цыганская музыка.",
    "Кавказские горы зимой грязные и опасны.",  # горы is animate only as a surname (Гора)
    "Казахский язык учат все.",
    # no agreement in case, number or gender: word salad, no noun phrase
    "посмотреть казахское кроликом было",
    "в казахскому выходного они звонили",
])
def test_group_adjective_before_things_names_nothing(engine: Engine, text: str) -> None:
    assert _groups(engine, text) == []


def test_group_adjective_hit_carries_the_nouns_grammar(engine: Engine) -> None:
    (hit,) = [g for t, how, g in _groups(engine, "Кавказские парни пришли.") if how == "adjective"]
    assert {"nomn", "plur", "anim"} <= hit


@pytest.mark.parametrize(("text", "pronoun"), [
    ("Чеченцы молились за мир. Пусть Бог покарает всех нацистов!", "всех"),
    ("Про узбеков сняли фильм. Какая скотина это вырезала?", "это"),
    ("Уйгуры открыли кафе. Это все знают.", "это"),
    # a demonstrative before a thing points at the thing
    ("Узбеки тоже воевали за эту страну. Надоели эти националистические выпады!", "эти"),
    ("Дунгане переехали в город. Такие законы принимают без обсуждения.", "Такие"),
])
def test_pronoun_that_stands_for_something_else(engine: Engine, text: str, pronoun: str) -> None:
    assert all(t != pronoun for t, how, _ in _groups(engine, text) if how == "pronoun")


@pytest.mark.parametrize(("text", "pronoun"), [
    ("Китайцы понаехали. Всех людей этих гнать надо.", "Всех"),
    ("Китайцы приехали. Эти люди всё скупают.", "Эти"),
    ("Кыргызы опять скандалят. Таким соседям верить нельзя.", "Таким"),
    ("Узбеки опять тут. Надоели эти торгаши.", "эти"),
])
def test_pronoun_that_points_back(engine: Engine, text: str, pronoun: str) -> None:
    assert any(t == pronoun for t, how, _ in _groups(engine, text) if how == "pronoun")


@pytest.mark.parametrize(("text", "pronoun"), [
    ("Они все воры, эти турки.", "Они"),
    ("Их всех надо гнать, этих китайцев.", "Их"),
    ("Бәрі ұры олар, осы сығандар.", "олар"),
])
def test_pronoun_pointing_forward_to_a_group_added_at_the_end(engine: Engine, text: str, pronoun: str) -> None:
    assert any(t == pronoun for t, how, _ in _groups(engine, text) if how == "pronoun")


@pytest.mark.parametrize("text", [
    "Они пришли, эти турки ушли.",  # the last clause has a verb of its own
    "Они пришли на праздник, а турки нет.",  # no demonstrative
])
def test_no_forward_pointing_without_a_group_added_at_the_end(engine: Engine, text: str) -> None:
    assert not [t for t, how, _ in _groups(engine, text) if how == "pronoun" and t == "Они"]


def test_pronoun_hits_are_marked_and_kazakh_ones_plural(engine: Engine) -> None:
    hits = [(t, g) for t, how, g in _groups(engine, "Тәжіктер келді. Олар сасық.") if how == "pronoun"]
    assert hits and all("Pron" in g and "plur" in g for _, g in hits), hits


@pytest.mark.parametrize("text", [
    "Разве может неверный быть честным человеком?",
    "Неверный не бывает благодарным.",
])
def test_substantive_adjective_as_the_subject_of_a_verb_names_a_person(engine: Engine, text: str) -> None:
    assert any(how == "noun use" for _, how, _ in _groups(engine, text))


@pytest.mark.parametrize("text", [
    "Ответ неверный, попробуйте снова.",
    "Неверный ответ дан студентом.",
    "Вывод неверный был сделан вчера.",
])
def test_substantive_adjective_of_a_thing_names_no_one(engine: Engine, text: str) -> None:
    assert not any(how == "noun use" for _, how, _ in _groups(engine, text))


@pytest.mark.parametrize(("text", "span", "target"), [
    ("Цыгане опять у вокзала. Этот народ вечно ворует.", "Этот народ", "roma"),
    ("Сығандар вокзалда жүр. Бұл халық ұрлықпен күн көреді.", "Бұл халық", "roma"),
    ("Кытайлар келди. Осы халык бари улап жатыр.", "Осы халык", "chinese"),
])
def test_this_people_points_back_to_the_group(engine, text, span, target):
    # "этот народ", "бұл халық": a demonstrative with a word for a people, read as a pronoun
    doc = annotate(normalize(text), engine.analyzer, None)
    found = [(text[doc.tokens[h.first].start:doc.tokens[h.last].end], h.entry.target)
             for h in doc.hits if h.how == "pronoun" and h.last > h.first]
    assert found == [(span, target)]


def test_this_people_without_a_group_before_is_no_reference(engine):
    doc = annotate(normalize("Этот народ умеет веселиться."), engine.analyzer, None)
    assert not [h for h in doc.hits if h.how == "pronoun"]


@pytest.mark.parametrize(("text", "target"), [
    ("Өзбектермен бір жыл істедім, бәрі жалқау әрі ұры.", "uzbek"),
    ("курылыста озбектермен истедим, бари жалкау ари уры", "uzbek"),
])
def test_all_of_them_opening_a_clause_stands_for_the_group(engine, text, target):
    # "..., бәрі жалқау": бәрі opens what is said of the group named before
    r = engine.analyze(text)
    assert r.flagged and target in {m.target for m in r.matches}
    doc = annotate(normalize(text), engine.analyzer, None)
    assert [h.entry.target for h in doc.hits if h.how == "pronoun"] == [target]


def test_all_of_them_after_its_group_is_a_quantifier(engine):
    doc = annotate(normalize("Қытайлардың бәрі ұры."), engine.analyzer, None)
    assert not [h for h in doc.hits if h.how == "pronoun"]


# "это" resuming a correlative "то, что / то, как ..." stands for that clause, not for a group
# named inside it: "то, как пишут о таджиках, это позор" condemns the writing.
@pytest.mark.parametrize(("text", "points_back"), [
    ("То, как здесь пишут о таджиках, это позор страны.", False),
    ("То, что сделали с уйгурами, это позор для всех нас.", False),
    ("Таджики приехали. Это настоящие воры.", True),
    ("Разве уйгуры люди? Это же скоты.", True),
])
def test_eto_resuming_a_correlative_clause_is_no_group(engine: Engine, text: str, points_back: bool) -> None:
    found = [(t.lower(), how) for t, how, _ in _groups(engine, text)]
    assert (("это", "pronoun") in found) is points_back, found
