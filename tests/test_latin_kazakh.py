"""Kazakh written in Latin reads as its Cyrillic twin: the same verdict, the same rules.

Latin Kazakh is one of the ways real comments are written (the 2021 alphabet with ä, ş, ı...,
and informal ASCII with sh, zh, gh).  A Latin word's grammar, its guard words and its informal
spellings of у/и before a vowel and of the genitive's ң are read as the Cyrillic spelling would
be, so a text neither gains a flag (jide, the oleaster, is no slur) nor loses one (the light verb
of "örtep jıberemız" still says "we") by being typed in Latin.  (Cases written for this file.)
"""

from __future__ import annotations

import pytest

TWINS = [
    # the light verb's person read from Latin: a first-person threat
    ("Ұйғырлар, үйлеріңді өртеп жібереміз", "Ūiğyrlar, üilerıñdı örtep jıberemız"),
    ("Кәпірлердің шіркеуін өртеп жіберемін", "Käpırlerdıñ şırkeuın örtep jıberemın"),
    # a guard word reached from Latin: жиде (oleaster) in a Kazakh text
    ("Ауылда жиде ағашы гүлдеп тұр, иісі керемет.", "Auylda jide ağaşy güldep tūr, iısı keremet."),
    ("Ауылда жиде ағашы гүлдеп тұр, иісі керемет.", "Auylda zhide aghashy guldep tur, iisi keremet."),
    # a Latin word's grammar is its reading's: a dative is no subject
    ("Атеистерге жек көрушілік жоқ менде, әр адам өзі шешеді.", "ateisterge zhek korushilik zhoq mende, ar adam ozi sheshedi."),
    # informal у/и before a vowel and the genitive's ң
    ("Шииттердің мешіті ашылыпты. Бұлар діннің жауы.", "shiitterdin mesheti ashylypty. bular dinnin zhauy."),
    ("Кавказдан келгендердің бәрін елден қуалау керек.", "kavkazdan kelgenderdin barin elden qualau kerek."),
    # letters stretched for emphasis in a phrase's word
    ("Дүнгендерді жек көремін.", "dungenderdi zhek koremiiiin"),
    # a vice noun with a verb of doing
    ("Сығандар вокзалда ұрлық жасайды.", "syghandar vokzalda urlyq zhasaidy."),
    # "this people" pointing back at the group, its Latin case endings read
    ("Базарда тағы қытайлар. Бұл халықтың бәрі айлакер әрі ұры.", "bazarda taghy qytailar. bul halyqtyng bari ailaker ari ury."),
    ("Базарда тағы қытайлар. Бұл халықтың бәрі айлакер әрі ұры.", "Bazarda tağy qytailar. Bul halyqtyñ bärı ailaker ärı ūry."),
    # typed/Latin "and" continues a denial as және does
    ("Сығандар адам емес және ешқашан болмайды.", "syghandar adam emes zhane eshqashan bolmaidy."),
]


@pytest.mark.parametrize(("cyrillic", "latin"), TWINS)
def test_latin_kazakh_reads_as_its_cyrillic_twin(engine, cyrillic, latin):
    want, got = engine.analyze(cyrillic), engine.analyze(latin)
    assert got.flagged == want.flagged, (latin, got.to_dict()["matches"], want.to_dict()["matches"])
    assert {m.rule_id for m in got.matches} == {m.rule_id for m in want.matches}


def test_jide_is_a_kazakh_word_in_latin_too(engine):
    """Read as Kazakh, jide is жиде, a guard word of Kazakh texts; a Russian text keeps its reading."""
    assert "kk" in engine.analyzer.analyze("jide").guard_langs
    assert "kk" in engine.analyzer.analyze("zhide").guard_langs


def test_an_ordinary_kazakh_word_in_informal_latin_votes_kazakh(engine):
    assert engine.analyzer.analyze("auylda").votes == (0, 1)
    assert engine.analyzer.analyze("rabote").votes == (0, 0)  # a Russian word read in Latin: no Kazakh vote


@pytest.mark.parametrize(("cyrillic", "latin"), [
    # a people noun after "this" points back to the group (būl, the 2021 spelling of бұл)
    ("Қытайлар тағы тауарын өткізіп тұр, бұл халықтың бәрі айлакер әрі ұры",
     "Qytailar tağy tauaryn ötkızıp tūr, būl halyqtyñ bärı ailaker ärı ūry"),
    # a phrase that ends in a postposition of likeness is a comparison, whatever its last word reads as
    ("Тәжіктер бір қора қой сияқты, миы жоқ", "Täjıkter bır qora qoi siiaqty, miy joq"),
    # a comma between two words in one case lists them inside the clause its verb closes
    ("Дүңгендерге жерін сатуға да, жалға беруге де болмайды", "Düñgenderge jerın satuğa da, jalğa beruge de bolmaidy"),
])
def test_latin_twins_of_three_reading_rules(engine, cyrillic, latin):
    want, got = engine.analyze(cyrillic), engine.analyze(latin)
    assert want.flagged and got.flagged, (latin, got.to_dict()["matches"])


def test_a_russian_loan_with_ts_for_ts_reaches_its_stem(engine):
    """vaktsinany is вакцинаны: Kazakh Latin has no reading for ц, so the word's likeliest Russian
    reading gives its stem (and with it the vaccine atoms of the disinformation rules)."""
    assert "вакцина" in engine.analyzer.analyze("vaktsinany").stems
    assert "вакцина" in engine.analyzer.analyze("vakcinany").stems
    r = engine.analyze("vaktsinany evreiler oilap tapty, musylmandardy bedeu qylu ushin")
    assert any(m.rule_id.startswith("religious_disinfo.") for m in r.matches), r.to_dict()["matches"]
    assert not engine.analyze("biz balalarga vaktsinany salyp aldyq, dariger jaqsy tüsındırdı").flagged


def test_a_kazakh_form_read_letter_by_letter_is_no_russian_word(engine):
    """bolmaidy's letter-by-letter reading болмайды is a Kazakh spelling in the lexicon, not a
    Russian word: the Latin word votes Kazakh and has its Kazakh verb grammar."""
    a = engine.analyzer.analyze("bolmaidy")
    assert a.votes == (0, 1) and {"VERB", "3per"} <= a.gram


@pytest.mark.parametrize("text", [
    "qytailardy quu kerek emes, olar da zañdy türde jūmys ıstep jür",
    "Hristiandardy elden quu kerek emes, olar da osy elding azamaty",
])
def test_a_bare_latin_word_has_the_grammar_of_its_entry_not_any(engine, text):
    """kerek emes in Latin: its words have no reading with endings, and an empty grammar passed a
    Russian rule's INFN ("X нельзя пускать"); the grammar the entries give (a bare nominative)
    does not.  The Cyrillic twin was already unflagged."""
    assert not engine.analyze(text).flagged, engine.analyze(text).to_dict()["matches"]
    assert engine.analyze("bizge qytailar kerek emes").flagged
