"""Maintainer diagnostics: a missed example names the part of the pattern that did not bind, and
`validate` warns about rules that fire together on every one of their examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hsengine import Engine
from hsengine.cli.app import app
from hsengine.paths import BUNDLED_LEXICON
from hsengine.rules.examples import _explain_miss, fire_together

LEXICON = """\
defaults: {lang: ru}
entries:
  - {id: ru.testdiag.zyuzyabra, lemma: зюзябра, class: dehumanization, register: pejorative, meaning: invented,
     source: Invented for the tests., fuzzy: false, match: exact, forms: [зюзябры]}
"""

RULE = """\
id: xenophobia.test_{name}
title: {{en: Diagnostics test rule, ru: Тестовое правило, kk: Сынақ ережесі}}
description: Exists only to test the diagnostics of the examples and of validate.
narrative: xenophobia
targets: [chinese]
severity: low
langs: [ru]
pattern:
  seq:
    - {{class: group, as: target}}
    - {{entry: ru.testdiag.zyuzyabra, gram: [{gram}], as: attack}}
  max_gap: 1
examples:
  match: [Китайцы — зюзябры., Эти китайцы зюзябры., Китайцы это зюзябры!]
  no_match: [Китайцы не зюзябры., Зюзябры живут в лесу., Китайцы пришли в гости.]
"""


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("diag")
    (base / "lex").mkdir()
    (base / "lex" / "test.yaml").write_text(LEXICON, encoding="utf-8")
    (base / "rules").mkdir()
    for name in ("one", "two"):  # the same pattern twice: they always fire together
        (base / "rules" / f"{name}.yaml").write_text(RULE.format(name=name, gram="nomn"), encoding="utf-8")
    return base / "lex", base / "rules"


@pytest.fixture(scope="module")
def engine(folders) -> Engine:
    lex, rules = folders
    return Engine(lexicon_paths=[BUNDLED_LEXICON, lex], rules_paths=[rules])


@pytest.mark.parametrize("text, needle", [
    # the group and the attack word are in different sentences: in the first, the attack atom finds no word
    ("Китайцы пришли. Зюзябры живут в лесу.",
     "pattern.seq[1] {entry: ru.testdiag.zyuzyabra, gram: nomn, as: attack} — no word matches it"),
    # both are there, too far apart for max_gap 1
    ("Китайцы, как говорят многие люди, зюзябры.", "pattern seq (max_gap 1) [target, attack] — more than 1 words"),
    # both are there, in the wrong order
    ("Зюзябры — это китайцы.", "its parts are not in this order"),
])
def test_a_missed_example_names_the_part_that_did_not_bind(engine, text, needle):
    why = _explain_miss(engine, engine.rule("xenophobia.test_one"), text, "ru")
    assert needle in why, why


def test_fire_together_names_both_rules(engine):
    problems = fire_together(engine)
    assert len(problems) == 1
    assert "xenophobia.test_one, xenophobia.test_two fire together" in problems[0].message


def test_validate_warns_and_still_passes(folders):
    lex, rules = folders
    r = CliRunner().invoke(app, ["--lexicon", str(BUNDLED_LEXICON), "--lexicon", str(lex), "validate", str(rules)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.stdout
    assert "one.yaml:1: warning: rules xenophobia.test_one, xenophobia.test_two fire together" in r.stdout


@pytest.mark.slow  # every example of every rule
def test_the_bundled_rules_are_told_apart_by_their_examples():
    assert fire_together(Engine()) == []


def test_explain_names_the_part_of_the_pattern_that_did_not_bind(engine) -> None:
    """`hsengine explain` says, of each rule that was considered and did not bind, which part of
    its pattern failed and why — as the examples do (JSON "unbound", and the printed trace)."""
    text = "Китайцы пришли. Зюзябры живут в лесу."
    data = engine.explain(text).to_dict()
    rules = {r["rule"]: r for r in data["rules"]}
    got = rules["xenophobia.test_one"]
    assert got["outcome"] == "no_binding"
    # in each sentence one part is missing; the trace names the attack atom, which no word matches
    assert got["unbound"] == {"path": "pattern.seq[1]", "node": "{entry: ru.testdiag.zyuzyabra, gram: nomn, as: attack}",
                              "why": "no word matches it"}
    assert all("unbound" not in r for r in data["rules"] if r["outcome"] != "no_binding")


def test_explain_prints_the_unbound_part(folders) -> None:
    lex, rules = folders
    out = CliRunner().invoke(app, ["--lexicon", str(BUNDLED_LEXICON), "--lexicon", str(lex), "--rules", str(rules),
                                   "explain", "Китайцы пришли. Зюзябры живут в лесу."]).stdout
    assert "the pattern did not bind: pattern.seq[1] {entry: ru.testdiag.zyuzyabra" in out
