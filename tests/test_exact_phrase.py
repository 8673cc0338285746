"""A phrase entry with `match: exact` matches only the spellings it lists: the counter-speech
verdict "это мерзко" is not the attack's own "эти мерзкие X" (CONTRIBUTING: exact = only the
spellings listed)."""

from __future__ import annotations


def test_exact_phrase_does_not_reach_other_forms(engine):
    r = engine.analyze("Эти мерзкие таджики опять всё скупили.")
    assert "hate.derogation" in {m.rule_id for m in r.matches}, r.suppressed


def test_exact_phrase_still_matches_its_own_spelling(engine):
    r = engine.analyze("«Таджиков надо выгнать» — нет, это мерзко.")
    assert not r.flagged
    doc = engine.explain("нет, это мерзко.").doc
    assert "ru.counter.eto_merzko" in {h.entry.id for h in doc.hits}
