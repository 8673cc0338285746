"""Issue #10: Kazakh typed on a Russian keyboard (қ→к, ә→а, і→и ...) is a spelling, not a typo.

A maintainer writes қытай once; кытай, кытайлардын, қытайлардын are found through the same
entry, with `how` saying "keyboard".  Homographs the fold creates are kept apart: ол "he" is not
өл "die", бұдан "from this" is not будан, a Russian word keeps its Russian reading in a Russian
text.  (The generated evasion suite measures recall under the fold; test_scunthorpe audits the
collisions over whole dictionaries.)
"""

from __future__ import annotations

import pytest

from conftest import span_ok


def _entries(engine, word: str, lang: str = "kk") -> dict[str, str]:
    a = engine.analyzer.analyze(word)
    if lang == "kk" and a.in_kazakh is not None:
        a = a.in_kazakh
    return {h.entry.id: h.how for h in a.hits}


@pytest.mark.parametrize(("typed", "standard"), [
    ("кытайлардын", "қытайлардың"),
    ("қытайлардын", "қытайлардың"),  # mixed: some letters typed, some not
    ("дунгендерди", "дүнгендерді"),
    ("бари", "бәрі"),
    ("кетсин", "кетсін"),
    ("капирлерди", "кәпірлерді"),
    ("шуршиттер", "шүршіттер"),
    ("жойттерге", "жөйттерге"),
    ("озбектердин", "өзбектердің"),
])
def test_a_typed_word_reaches_what_its_standard_spelling_reaches(engine, typed, standard):
    want = _entries(engine, standard)
    got = _entries(engine, typed)
    assert want, standard
    assert set(got) == set(want), (got, want)
    assert all(how.startswith("keyboard") for how in got.values()), got  # told apart from a typo


def test_the_standard_spelling_is_shown_as_the_reading(engine):
    a = engine.analyzer.analyze("коремин")
    assert "көремін" in a.keyboard and "көр" in a.stems


@pytest.mark.parametrize(("word", "not_read_as"), [
    ("ол", "өл"),  # "he" is an ordinary Kazakh word: never "die"
    ("олар", "өлар"),
    ("кугын", "қуғың"),  # қуғын "persecution", not қу "chase" + -ғың
    ("урындар", "ұрыңдар"),  # ұрындар, not "beat them!"
    ("бұдан", "будан"),  # a keyboard only loses Kazakh letters
])
def test_homographs_the_fold_makes_are_not_read_into_attacks(engine, word, not_read_as):
    assert not_read_as not in engine.analyzer.keyboard_readings(word)


def test_a_word_typed_with_its_kazakh_letter_is_not_a_homograph(engine):
    assert "ұрыңдар" in engine.analyzer.keyboard_readings("урыңдар")  # ң shows which word it is


def test_a_russian_word_reads_as_kazakh_only_in_a_kazakh_text(engine):
    assert "kk.chinese.shurshit" not in _entries(engine, "шуршит", lang="ru")  # "rustles"
    assert "kk.chinese.shurshit" in _entries(engine, "шуршит", lang="kk")
    ru = engine.analyze("Листва шуршит под ногами, и ветер воет.")
    assert ru.lang == "ru" and not ru.flagged


def test_an_ordinary_typed_verb_has_its_kazakh_grammar(engine):
    """уйренбейди is үйренбейді (does not learn): no entry starts it, so no keyboard reading is
    made, but its grammar is the Kazakh verb's, as a subject left unsaid across a full stop needs."""
    a = engine.analyzer.analyze("уйренбейди")
    assert {"VERB", "3per", "neg"} <= a.gram and a.verb_negated
    assert "3per" not in engine.analyzer.analyze("пришел").gram  # a Russian word keeps its own
    flagged = engine.analyze("озбектер тагы кезекте турмады. ешкашан тартип сактамайды, шошкалар")
    assert flagged.flagged and {m.target for m in flagged.matches} == {"uzbek"}


@pytest.mark.parametrize(("text", "rule", "target"), [
    ("Кытайлардын бари уры", "hate.generalization", "chinese"),
    ("Уйгырларды елден куып шыгу керек", "hate.expulsion", "uyghur"),
    ("Орыстар оз елдерине кетсин", "hate.expulsion", "russian"),
    ("Жойиттер биздин жауымыз", "hate.generalization", "jewish"),
    ("Дунгендер бизге жат, олардан кутылу керек", "hate.extermination", "dungan"),
])
def test_the_issue_examples_are_found_with_the_right_rule(engine, text, rule, target):
    r = engine.analyze(text)
    assert r.lang in ("kk", "mixed"), r.lang
    assert (rule, target) in {(m.rule_id, m.target) for m in r.matches}, r.to_dict()
    assert span_ok(text, r)


@pytest.mark.parametrize("text", [
    "Кытайлар жана мейрамхана ашты, тамагы дамди екен",  # a neutral mention, typed
    "Будан кейин не болады, билмеймин",  # бұдан "after this", not the livestock slur
    "Ол кеше келди, бизбен бирге отырды",  # ол is "he"
    "Дунгендерди жек корушилерди айыптаймыз",  # counter-speech, typed
])
def test_typed_kazakh_that_is_not_hateful_stays_unflagged(engine, text):
    assert not engine.analyze(text).flagged, engine.analyze(text).to_dict()


def test_language_identification_sees_typed_kazakh(engine):
    for text in ("Жиде агашы гулдеп тур, ииси керемет", "Биздин ауылда бари жаксы"):
        assert engine.analyze(text).lang == "kk", text


def test_validation_refuses_a_variant_that_is_a_keyboard_spelling(tmp_path):
    """A maintainer writes қытай once: a variant кытай is refused with file, line and a hint (the
    bundled lexicon passes the same check whenever an Engine loads it)."""
    from hsengine import BUNDLED_LEXICON
    from hsengine.errors import ConfigError
    from hsengine.lexicon.loader import read_lexicon

    (tmp_path / "mine.yaml").write_text(
        "entries:\n"
        "  - id: kk.test.qytai\n"
        "    lemma: қытай\n"
        "    variants: [кытай, хытай]\n"
        "    lang: kk\n"
        "    class: group\n"
        "    target: chinese\n"
        "    register: neutral\n"
        "    meaning: a test entry\n"
        "    source: written for this test\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_lexicon([tmp_path], [BUNDLED_LEXICON / "classes.yaml", BUNDLED_LEXICON / "targets.yaml"])
    problems = [str(p) for p in err.value.problems]
    assert len(problems) == 1 and "'кытай' is 'қытай' typed on a Russian keyboard" in problems[0], problems
    assert "mine.yaml:4" in problems[0]


# -- withheld verb readings, read beside their object ------------------------------------------
# A typed word may first be another word (урамыз reads as ура + -мыз, кырындар as қырын + -дар),
# and the bare stem құрт is the noun "worm; dried curd": their attack-verb readings are withheld
# and read only where the clause leaves no other reading, next to a group in the accusative.

@pytest.mark.parametrize("text", [
    "Мұртадтар көбейді. Көрген жерде буларды урамыз.",   # ұрамыз typed: we will beat them
    "Бәрін қоса ұйғырларды кырындар!",                   # қырыңдар typed
    "Кәпірлерді құрт!",                                   # bare imperative
    "кәпірлерді курт!",                                   # bare imperative typed
    "Жаңалықта тағы дүнгендер туралы айтты. Құрт бұларды!",  # verb first, object last
    # the object earlier in the clause, adverbials between (Kazakh puts the verb last)
    "шешендерди корген жерде урамыз",                   # ұрамыз, "where we see them"
    "мунафиктерди бугин ауылдан куындар!",              # қуыңдар typed (chase), two adverbials
])
def test_a_withheld_verb_reading_is_read_beside_its_object(engine, text):
    r = engine.analyze(text, lang="kk")
    assert r.flagged, r.to_dict()
    assert any(m.rule_id in ("hate.violence", "hate.expulsion") for m in r.matches)
    assert span_ok(text, r)


@pytest.mark.parametrize("text", [
    "Балалар құрт жеді.",                        # the noun: the worm / the curd
    "Қытайларды құрт жеді деп күлді.",            # object and noun, but not the clause's end
    "Мен оларды ура деп қарсы алдым",             # ура "hurrah"
    "Дүнгендерге курт әкелдім, бәрі жеді.",       # curd given to a group (dative, not an object)
    "Қырын қарама, ұйғырлар да біздің бауырлар.",  # қырын "askance" is no verb
    "Ұйғырларды көрдім, ура деп айқайладық.",     # a finite verb of its own between
    "ұйгырларды тойга шакырдык, ура деп жиберу керек",  # ура "hurrah" after the finite verb
])
def test_a_withheld_reading_stays_withheld_out_of_that_frame(engine, text):
    r = engine.analyze(text, lang="kk")
    assert not r.flagged, r.to_dict()


def test_withheld_readings_are_kept_apart_from_the_word_hits(engine):
    a = engine.analyzer.analyze("урамыз")
    a = a.in_kazakh or a
    assert not any(h.entry.classes and "violence" in h.entry.classes for h in a.hits)
    assert any("violence" in h.entry.classes for h in a.withheld)
    assert "class:violence" in a.withheld_features and "class:violence" not in a.features


def test_every_reading_of_a_typed_word_lends_its_grammar(engine):
    """н typed for ң makes one word of two: шошкасын is шошқасын ("his pig", accusative) and
    шошқасың ("you are a pig"); the hit has the grammar of both, so the insult is read."""
    doc = engine.explain("Сен капирсин, арам шошкасын").doc
    hit = next(h for h in doc.hits if h.entry.id == "kk.dehum.shoshqa")
    assert {"accs", "2per", "nomn"} <= hit.gram
    assert engine.analyze("Сен капирсин, иманын жок арам шошкасын").flagged
    assert not engine.analyze("Бұл кісінің шошкасын сатып алдық, жақсы мал екен").flagged


def test_a_typed_word_takes_no_guessed_russian_grammar(engine):
    """тусти is түсті "fell" typed; pymorphy3 guesses an imperative of a verb that does not exist
    (тустить).  The guess would end a converb chain as a call: "уйи ортенип, ... тусти" (the house
    burned down, three children were taken to hospital) would read as a call to burn."""
    assert "impr" not in engine.analyzer.analyze("тусти").gram
    news = "Алматы облысында сыган отбасынын уйи ортенип, уш бала ауруханага тусти. Полиция себебин аныктап жатыр"
    assert not engine.analyze(news, lang="kk").flagged
    assert engine.analyze("сыгандарды ортеп жибериндер", lang="kk").flagged


def test_a_typed_verb_takes_its_negation_from_its_standard_spelling(engine):
    """камап is қамап "locking up" typed, not қа-ма-п ("not digging"): the typed word's own
    segmentation must not negate the phrase its standard spelling makes."""
    a = engine.analyzer.analyze("камап")
    assert not a.verb_negated and not engine.analyzer.analyze("қамап").verb_negated
    assert engine.analyzer.analyze("кумаймыз").verb_negated  # қумаймыз: negated, as written
    text = "Апамның көршілері протестанттарга кирип кетипти. Олар шайтаннын кулдары, барин камап тастау керек"
    assert engine.analyze(text).flagged
    assert not engine.analyze("Протестанттар келди. Оларды камап тастамау керек, олар ешкимге тиспейди").flagged


def test_the_nearer_part_in_the_same_clause_is_taken_on_a_tie(engine):
    """Two modals as far from the verb, one in the clause before: the verb's own clause wins,
    so the group named in that clause is the object of the call."""
    text = "дунгендерди ауылга апару керек, оларды коширип жиберу керек"
    r = engine.analyze(text)
    (m,) = [m for m in r.matches if m.rule_id == "hate.expulsion"]
    assert [e.text for e in m.evidence][-1] == "керек" and m.evidence[-1].start == text.rindex("керек")
    assert span_ok(text, r)
