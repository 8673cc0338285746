"""Condemnation words that are part of the attack (issue #11, clause structure of counter-speech).

A counter-speech cue (ұят "shame", күнә "sin", қате "a mistake") condemns hateful words only when
it is said of them.  Two shapes use the same words for the attack itself and must not cancel it:
the quality said to be lacking ("ұяттан жұрдай", "ұят дегенді білмейді": they have no shame) and a
verdict on keeping company with the group or giving it something ("олармен сөйлесудің өзі күнә":
even talking to them is a sin).  Real condemnation still suppresses.
"""

from __future__ import annotations

import pytest

STILL_HATEFUL = [
    # the quality lacking: a privative word, a negated verb after the cue
    ("Ұйғырлардың бәрі арсыз, ұяттан мүлде жұрдай.", "hate.generalization"),
    ("qytailar degen ashkoz, uiat degendi bilmeidi", "hate.generalization"),
    # a verdict on company or on a grant
    ("Шүршіттер иттен де жаман, олармен амандасудың өзі күнә.", "hate.dehumanization"),
    ("Дунгане хуже скотов, и дружить с ними — грех.", "hate.dehumanization"),
]

STILL_CONDEMNED = [
    "Ұйғырларды ит деп атау ұят, олар да адам.",
    "Дүнгендерді қуу керек деу — күнә, бұл әділетсіздік.",
    "Называть дунган скотами — грех.",
    # a negated act of company: the verdict falls on the refusal, which is condemnation
    "Не здороваться с узбеками, потому что они «хуже собак», — грех.",
]


@pytest.mark.parametrize(("text", "rule"), STILL_HATEFUL)
def test_a_condemnation_word_inside_the_attack_does_not_cancel_it(engine, text, rule):
    r = engine.analyze(text)
    assert r.flagged, (r.matches, r.suppressed)
    assert rule in {m.rule_id for m in r.matches}


@pytest.mark.parametrize("text", STILL_CONDEMNED)
def test_condemnation_of_the_hate_still_suppresses(engine, text):
    r = engine.analyze(text)
    assert not r.flagged, [m.rule_id for m in r.matches]
