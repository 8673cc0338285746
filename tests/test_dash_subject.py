"""The dash of a nominal sentence ("X — ...") makes the word before it the subject: its hit gets
the grammeme Topic, and hate.nominal_predicate reads the sentence's insult, however far after the
dash, as said of the group.  Only a nominative before a real dash counts."""

from __future__ import annotations

import pytest


def _dash_words(engine, text):
    doc = engine.explain(text).doc
    return {doc.tokens[h.first].text for h in doc.hits if "Topic" in h.gram}


@pytest.mark.parametrize("text, word", [
    ("Қырғыздар — өз мәдениеті жоқ надан ел.", "қырғыздар"),
    ("Цыгане – вечные кочевники.", "цыгане"),
    ("Таджики - трудяги, каких поискать.", "таджики"),
])
def test_the_subject_before_a_dash(engine, text, word):
    assert word in _dash_words(engine, text)


@pytest.mark.parametrize("text", [
    "Ұйғыр-қазақ достығы мықты.",            # a hyphen inside a word
    "Пред ним - в одном строю все, кто воевал.",  # an instrumental pronoun is no subject
    "Дүнгендер келді, — деді ол.",            # the dash after a comma opens reported speech
])
def test_no_subject_without_a_nominal_sentence(engine, text):
    assert not _dash_words(engine, text)


def test_the_predicate_far_from_the_group(engine):
    r = engine.analyze("Қытайлар — өз сөзінде ешқашан тұрмайтын, бір тиынға бәрін сататын өтірікші халық.")
    assert "hate.nominal_predicate" in [m.rule_id for m in r.matches]
    r = engine.analyze("Қытайлар өз сөзінде ешқашан тұрмайтын, бір тиынға бәрін сататын өтірікші халық.")
    assert "hate.nominal_predicate" not in [m.rule_id for m in r.matches]


def _label_words(engine, text):
    doc = engine.explain(text).doc
    return {doc.tokens[h.first].text for h in doc.hits if "Label" in h.gram}


@pytest.mark.parametrize("text, word", [
    ("Кәпірлердің ұрпағы тек азғындықты біледі, оңбағандар, ар-намыстан жұрдай.", "оңбағандар"),
    ("Киргизы опять перекрыли дорогу, дикари, только бунтовать и умеют.", "дикари"),
])
def test_an_appended_plural_insult_is_a_label(engine, text, word):
    assert word in _label_words(engine, text)


@pytest.mark.parametrize("text", [
    "Оңбағандар тағы келді.",                         # the sentence's subject, not appended
    "Киргизы опять перекрыли дорогу, дикари из соседнего аула помогли.",  # a clause with a verb of its own
])
def test_no_label_in_a_clause_that_says_more(engine, text):
    assert not _label_words(engine, text)


def test_a_context_grammeme_is_never_assumed(engine):
    # "las" (dirty) has no grammar of its own: unknown grammar passes ordinary conditions, but
    # a word is no Label or Topic unless the annotation said so
    r = engine.analyze("ozbekter turaly zhana film shyqty) memleketke las munda.")
    assert "hate.nominal_predicate" not in [m.rule_id for m in r.matches], r.matches
