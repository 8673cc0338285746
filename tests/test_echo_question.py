"""An attack asked back as a yes/no question and rejected in the reply is counter-speech (the
echo context, rules/contexts.yaml); a question that is itself a call, or a reply that agrees,
is not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Перебить всех дунган? Вы с ума сошли?",
    "Выгнать всех китайцев? Это же бред.",
    "Все цыгане воры? Что за бред!",
    "Дүнгендерді бәрін қуу керек пе? Есің дұрыс па?",
])
def test_an_echo_question_rejected_is_not_flagged(engine, text):
    r = engine.analyze(text)
    assert not r.flagged and "echo" in {s.context for s in r.suppressed}, (r.matches, r.suppressed)


@pytest.mark.parametrize("text", [
    "Выгнать всех китайцев? Да, и чем скорее, тем лучше.",  # the reply agrees
    "Почему до сих пор не выгнали китайцев? Вы что, не видите?",  # a why-not question is a call
    "Когда уже выгонят всех китайцев? Ни за что не поверю, что скоро.",  # when-question: a call
    "Китайцев выгнать надо. Вы что, не понимаете?",  # a statement, not a question
    "Выгнать всех китайцев? Ну да. Бред, что их раньше не выгнали.",  # the rejection is not the reply
])
def test_a_call_or_an_agreeing_reply_stays_flagged(engine, text):
    assert engine.analyze(text).flagged, text
