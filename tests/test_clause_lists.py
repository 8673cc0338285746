"""A comma between Kazakh nouns in one case lists them inside one clause ("мектепке, ауруханаға
жібермеу керек"): the verb that closes the clause governs them all.  A comma anywhere else still
ends the clause."""

from __future__ import annotations

import pytest

from hsengine.text.normalize import normalize
from hsengine.text.tokenize import tokenize


def _clauses(text: str) -> dict[str, int]:
    return {t.text: t.clause for t in tokenize(normalize(text)) if t.kind == "word"}


@pytest.mark.parametrize("text, first, second", [
    ("Оларды әкімдікке, полицияға алмау керек", "әкімдікке", "полицияға"),
    ("Мектепте, ауруханада жұмыс істейді", "мектепте", "ауруханада"),
    ("Көршілермен, туыстармен араласпайды", "көршілермен", "туыстармен"),
    ("акимдикке, полицияга алмау керек", "акимдикке", "полицияга"),  # typed: the same ending
    ("äkımdıkke, politsiiağa jūmysqa almau kerek", "äkımdıkke", "politsiiağa"),  # Latin 2021
    ("mektepte, auruhanada jumys isteidi", "mektepte", "auruhanada"),  # informal Latin
    ("jerın satuğa da, jalğa beruge de bolmaidy", "satuğa", "beruge"),  # Latin correlative da
])
def test_nouns_in_one_case_share_a_clause(text, first, second):
    c = _clauses(text)
    assert c[first] == c[second]


@pytest.mark.parametrize("text, first, second", [
    ("Оларды әкімдікке, бәрін қуу керек", "әкімдікке", "бәрін"),
    ("Олар келді, бізге қарады", "келді", "бізге"),
    ("Мама, папа пришли", "мама", "папа"),  # Russian words too short and of no Kazakh case
    ("Бізден төмен, олармен тең болмаймыз", "төмен", "олармен"),  # төмен "low" only ends like -мен
    ("bızden tömen, olarmen teñ bolmaimyz", "tömen", "olarmen"),
])
def test_other_commas_end_the_clause(text, first, second):
    c = _clauses(text)
    assert c[first] != c[second]


def test_the_call_reaches_every_listed_place(engine):
    assert engine.analyze("Тәжіктерді мектепке, ауруханаға, әкімдікке жібермеу керек.").flagged
