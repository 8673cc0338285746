"""A place of origin with a word for people names a group ("студенты из Африки", "Африкадан
келген студенттер"): annotate reads the words together as one group hit with the people word's
grammar (lexicon/*/origins.yaml).  The place alone names nobody: no hit of its own is left."""

from __future__ import annotations

import pytest


def _origin_hits(engine, text):
    doc = engine.explain(text).doc
    return [(" ".join(t.text for t in doc.tokens[h.first:h.last + 1]), h.entry.target, h.gram)
            for h in doc.hits if h.how == "origin"]


@pytest.mark.parametrize("text, words, target, case", [
    ("Студенты из Африки опять подрались.", "Студенты из Африки", "african", "nomn"),
    ("Рабочих из солнечного Таджикистана привезли вчера.", "Рабочих из солнечного Таджикистана", "tajik", "gent"),
    ("Африкадан келген студенттер көп.", "Африкадан келген студенттер", "african", "nomn"),
    ("Нигериядан келген студенттерді көрдім.", "Нигериядан келген студенттерді", "african", "accs"),
    ("Тажикстаннан келген жумысшылардын жалакысы аз.", "Тажикстаннан келген жумысшылардын", "tajik", "gent"),
    ("Dağystannan kelgenderdıñ bärı osynda.", "Dağystannan kelgenderdıñ", "caucasian", "gent"),
])
def test_a_place_with_its_people_is_the_group(engine, text, words, target, case):
    hits = _origin_hits(engine, text)
    assert [(w, t) for w, t, _ in hits] == [(words.lower(), target)]
    assert case in hits[0][2]


@pytest.mark.parametrize("text", [
    "Кредиты из Китая дешевле.",
    "Он вернулся из Африки вчера.",
    "Қытайдан келген тауарлар арзан.",
    "Біз Африкадан жаңа ғана оралдық.",
])
def test_a_place_alone_names_nobody(engine, text):
    doc = engine.explain(text).doc
    assert not [h for h in doc.hits if h.entry.target and h.entry.target != "chinese"]
    assert not _origin_hits(engine, text)


@pytest.mark.parametrize("text, target", [
    ("Студенты из Африки все воры.", "african"),
    ("Кавказдан келген жігіттердің бәрі бандит.", "caucasian"),
])
def test_an_attack_on_them_names_the_group_with_exact_spans(engine, text, target):
    r = engine.analyze(text)
    assert r.flagged and target in {m.target for m in r.matches}
    for m in r.matches:
        for e in m.evidence:
            assert text[e.start:e.end] == e.text
