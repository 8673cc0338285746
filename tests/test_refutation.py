"""Refuting frames (issue #11 item 4): a claim reported in order to deny it is not asserted.

The `refutation` context suppresses a match whose evidence is the claim a refutation word frames;
the same claim asserted, or "refuted" by others the speaker turns away from, still flags.
"""

from __future__ import annotations

import pytest

REFUTED = [
    # Russian: the frame first, the claim in its complement
    ("Эпидемиологи объяснили, откуда взялась ложь о том, что прививка делает людей бесплодными.", "ru"),
    ("Соцсети снова разносят выдумку, будто вакцина вызывает бесплодие у девушек.", "ru"),
    ("Учёные развенчали миф, что евреи тайно правят миром.", "ru"),
    # Russian: the claim first, named false after it
    ("Что вакцина делает женщин бесплодными — неправда, это проверено на миллионах.", "ru"),
    # Kazakh: the claim first, framed by деген/дейтін
    ("Екпе адамды бедеу етеді деген өтірікке сенбеңдер, дәрігерлер оны әшкереледі.", "kk"),
    ("Вакцина ұрпақсыз қалдырады дейтін қауесетті Денсаулық сақтау министрлігі жоққа шығарды.", "kk"),
    # a label and a colon: the fact-check headline
    ("Фейк: китайцы скупают землю по всему Казахстану. Закон это запрещает.", "ru"),
    ("Миф: прививка делает девушек бесплодными.", "ru"),
    # Kazakh typed on a Russian keyboard
    ("Вакцина адамды бедеу етеди деген отирикти дарегерлер эшкереледи.", "kk"),
    # the claim ascribed to those who think it, and they are called wrong or fools
    ("Өзбектер алаяқ деп ойлайтындар қателеседі, мен олармен он жыл жұмыс істедім.", "kk"),
    ("Дүнгендер бізді адам деп санамайды деп айтатындар өтірікші.", "kk"),
    ("Что таджики все воры, думают только дураки.", "ru"),
    ("Цыгане — паразиты, так думают только невежды.", "ru"),
]

ASSERTED = [
    ("Прививка делает людей бесплодными, и это не выдумка.", "ru"),  # a negated refutation
    ("Все СМИ — сплошная ложь, вакцина делает женщин бесплодными.", "ru"),  # ложь frames another clause
    ("Вакцина вызывает бесплодие, а врачи твердят, что это миф.", "ru"),  # the refutation is others'
    ("Екпе адамды бедеу етеді, бұл өтірік емес.", "kk"),  # a negated refutation
    ("Не миф: прививка делает девушек бесплодными.", "ru"),  # a negated label
]


@pytest.mark.parametrize(("text", "lang"), REFUTED)
def test_a_refuted_claim_is_suppressed_with_its_reason(engine, text, lang):
    r = engine.analyze(text)
    assert not r.flagged, [m.rule_id for m in r.matches]
    assert any(s.context == "refutation" for s in r.suppressed), r.suppressed
    assert r.lang == lang


@pytest.mark.parametrize(("text", "lang"), ASSERTED)
def test_the_claim_asserted_still_flags(engine, text, lang):
    r = engine.analyze(text)
    assert r.flagged and any(m.narrative == "religious_disinfo" for m in r.matches)


@pytest.mark.parametrize("text", [
    "Шешендер қасқыр үйірі, оларды адам деп санау қате.",  # what is "wrong" is counting them human
    "Гейлер адам емес, оларды адам деп санау қате.",
])
def test_to_count_them_human_called_wrong_is_no_refutation(engine, text):
    """"...деп санау қате" (to count them so is wrong) is not a refutation frame: what it calls
    wrong is as often their humanity as a hateful claim."""
    r = engine.analyze(text, lang="kk")
    assert r.flagged and not any(s.context == "refutation" for s in r.suppressed), r.suppressed


def test_a_fact_check_frames_every_claim_it_quotes(engine):
    text = "Фактчек. Утверждение: прививка вызывает бесплодие. Вердикт: не подтверждается."
    r = engine.analyze(text)
    assert not r.flagged and any(s.context == "fact_check" for s in r.suppressed)


def test_a_refuted_generalization_is_counter_speech(engine):
    assert not engine.analyze("Это ложь, что все узбеки — воры.").flagged
    assert engine.analyze("Все узбеки — воры, и это не выдумка.").flagged
