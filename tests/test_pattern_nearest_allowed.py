"""An `all` takes, for each part, the nearest word the node allows: when the nearest candidate
stands in another clause (or sentence, or outside the window), the next nearest that fits is
taken, not the whole match dropped.  "дунгане живут воровством, они ..." has the pronoun они
nearer to the vice than дунгане, but in the next clause."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Дунгане живут воровством, они такие.",
    "Все дунгане занимаются контрабандой, это у них семейное.",
])
def test_a_nearer_candidate_in_another_clause_does_not_hide_the_one_in_the_clause(engine, text):
    r = engine.analyze(text)
    assert [m.rule_id for m in r.matches] == ["hate.generalization"], r.matches
    target = next(e for e in r.matches[0].evidence if e.role == "target")
    assert target.text.lower() == "дунгане"


def test_the_clause_still_binds(engine):
    # the vice in another clause than the group: the clause rule must not reach across
    r = engine.analyze("Дунгане приехали в город, воровством живут только бандиты.")
    assert not r.flagged, r.matches
