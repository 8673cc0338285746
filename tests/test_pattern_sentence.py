"""`sentence: true` in a rule of text scope: its parts stay in one sentence, its `not` is looked
for in that sentence only, while other branches of the same rule may cross sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from hsengine import Engine

RULE = """\
id: test.sentence_scope
title: {en: test, ru: тест, kk: тест}
description: A rule of text scope with a one-sentence branch and a branch across sentences.
narrative: xenophobia
targets: any
severity: low
langs: [ru]
scope: text
unless: []
pattern:
  any:
    - all:
        - {class: [group, slur], as: target}
        - {class: dehumanization, as: attack}
        - not: {text: [кто]}
      within: 4
      sentence: true
    - seq:
        - {class: [group, slur], as: target}
        - {lemma: [человек], as: question}
        - {class: dehumanization, as: attack}
      max_gap: 3
examples:
  match: [Китайцы — крысы.]
  no_match: [Пришли китайцы. Крысы убежали.]
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    # the rule alone (with the bundled lexicon): the tests look at its matches only
    rules = Path(tmp_path_factory.mktemp("rules")) / "rules"
    rules.mkdir()
    (rules / "test_sentence_scope.yaml").write_text(RULE, encoding="utf-8")
    return Engine(rules_paths=[rules])


def _fires(engine: Engine, text: str) -> bool:
    return any(m.rule_id == "test.sentence_scope" for m in engine.analyze(text, lang="ru").matches)


def test_a_one_sentence_branch_does_not_cross_a_sentence_end(engine):
    assert _fires(engine, "Китайцы — крысы.")
    assert not _fires(engine, "Пришли китайцы. Крысы убежали.")


def test_not_is_looked_for_in_the_sentence_only(engine):
    assert not _fires(engine, "Кто сказал, что китайцы — крысы?")
    assert _fires(engine, "Кто это написал? Китайцы — крысы.")


def test_another_branch_may_cross_sentences(engine):
    assert _fires(engine, "Разве китайцы люди? Крысы.")
