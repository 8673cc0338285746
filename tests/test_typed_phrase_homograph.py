"""A word typed on a Russian keyboard that is first another Kazakh word (бурап: бура "a male
camel" + -п, or бұрап "wringing"; катарына: қатарына or қатарыңа) keeps its attack reading aside;
inside a phrase whose other words are there, the phrase decides: "мойындарын бурап тастаймыз" is
"we will wring their necks"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, rule", [
    ("Дунгендерди мойындарын бурап тастаймыз.", "hate.violence"),
    ("Менин ойымша капирлер адам катарына жатпайды.", "hate.dehumanization"),
])
def test_a_typed_homograph_inside_its_phrase(engine, text, rule):
    r = engine.analyze(text)
    assert rule in [m.rule_id for m in r.matches], r.matches


@pytest.mark.parametrize("text", [
    "Ауылда бура мен інгенді бағып жүрміз.",     # the camel, no phrase
    "Бурап бер, кілт қатты екен.",               # a word alone: no phrase to decide it
])
def test_the_homograph_alone_stays_unread(engine, text):
    assert not engine.analyze(text).flagged


def test_the_withheld_reading_is_kept_aside(engine):
    a = engine.analyzer.analyze("бурап")
    assert not a.phrase_keys and "бұра" in a.withheld_phrase_keys
