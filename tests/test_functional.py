"""The HateCheck-style functional suite (tests/functional/*.yaml) through the bundled Engine.

Targets per language: hateful recall >= 0.90 and non-hateful pass rate >= 0.90.  The per-
functionality table is in every assertion message, in the test's report section (shown by
`pytest -rA`, also under xdist) and, without xdist, on the terminal.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from hsengine.tools.evaluate import (
    FUNCTIONALITIES,
    HATEFUL_FUNCTIONALITIES,
    evaluate,
    format_report,
    functional_table,
    load_functional,
)

LANGS = ("ru", "kk")
MAIN_TARGETS = ("chinese", "dungan", "jewish", "kafir")
TARGET_RATE = 0.90
MIN_CASES_PER_FUNCTIONALITY = 8

ITEMS = load_functional(sorted((ROOT / "tests" / "functional").glob("*.yaml")))


@pytest.fixture(scope="module")
def report(engine, request):
    rep = evaluate(engine, ITEMS)
    table = functional_table(rep)
    head = (f"functional suite: {rep.n} cases; {rep.meta['lexicon_entries']} lexicon entries, "
            f"{rep.meta['rules']} rules; measured {rep.meta['date']}")
    text = f"{head}\n{table}"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not hasattr(request.config, "workerinput"):
        reporter.write_line("")
        for line in text.splitlines():
            reporter.write_line(line)
    return rep, text


def _failed_ids(rep, lang, hateful):
    return [o.item.id for o in rep.outcomes if o.lang == lang and o.item.hateful == hateful and not o.passed]


# -- the suite itself ---------------------------------------------------------------------------

def test_suite_covers_every_functionality_and_main_target_in_both_languages(engine):
    per = Counter((i.lang, i.functionality) for i in ITEMS)
    thin = [(lang, f, per[(lang, f)]) for lang in LANGS for f in FUNCTIONALITIES
            if per[(lang, f)] < MIN_CASES_PER_FUNCTIONALITY]
    assert not thin, f"functionalities with fewer than {MIN_CASES_PER_FUNCTIONALITY} cases: {thin}"
    for lang in LANGS:
        for side in (True, False):
            targets = Counter(i.target for i in ITEMS if i.lang == lang and i.hateful == side)
            missing = [t for t in MAIN_TARGETS if targets[t] < 5]
            assert not missing, f"{lang} {'hateful' if side else 'non-hateful'}: too few cases for {missing}"
    unknown = {i.target for i in ITEMS if i.target and i.target not in engine.lexicon.targets}
    assert not unknown, f"targets not in lexicon/targets.yaml: {sorted(unknown)}"
    unknown = {i.narrative for i in ITEMS if i.narrative and i.narrative not in engine.ruleset.narratives}
    assert not unknown, f"narratives not in rules/narratives.yaml: {sorted(unknown)}"
    assert not [i.id for i in ITEMS if i.narrative and not i.hateful], "only hateful cases carry a narrative"
    for i in ITEMS:
        assert i.id.startswith(f"{i.lang}-"), i.id
        assert i.hateful == (i.functionality in HATEFUL_FUNCTIONALITIES), i.id


def test_suite_is_independent_of_the_rules_own_examples(engine):
    """A case copied from a rule's examples would test the rule on what it was written against."""
    def norm(s: str) -> str:
        return " ".join("".join(c for c in s.lower() if c.isalnum() or c.isspace()).split())

    examples = set()
    for rule in engine.rules:
        for ex in (*rule.match_examples, *rule.no_match_examples):
            examples.add(norm(ex.text))
    copied = [i.id for i in ITEMS if norm(i.text) in examples]
    assert not copied, f"functional cases identical to rule examples: {copied}"


def test_texts_are_unique():
    texts = Counter(" ".join(i.text.lower().split()) for i in ITEMS)
    assert not [t for t, n in texts.items() if n > 1]


# -- the engine on the suite ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_hateful_recall(report, lang, request):
    rep, text = report
    request.node.add_report_section("call", "functional suite", text)
    rate = rep.language_targets()[lang]["hateful_recall"]
    assert rate is not None and rate >= TARGET_RATE, (
        f"{lang}: hateful recall {rate:.3f} < {TARGET_RATE}\n{text}\n"
        f"missed: {', '.join(_failed_ids(rep, lang, True))}")


@pytest.mark.parametrize("lang", LANGS)
def test_non_hateful_pass_rate(report, lang, request):
    rep, text = report
    request.node.add_report_section("call", "functional suite", text)
    rate = rep.language_targets()[lang]["non_hateful_pass_rate"]
    assert rate is not None and rate >= TARGET_RATE, (
        f"{lang}: non-hateful pass rate {rate:.3f} < {TARGET_RATE}\n{text}\n"
        f"flagged: {', '.join(_failed_ids(rep, lang, False))}")


def test_no_case_makes_the_engine_fail(report):
    rep, _ = report
    errors = [(o.item.id, o.error) for o in rep.outcomes if o.error]
    assert not errors, errors
    assert "= hateful recall" in format_report(rep, "markdown")


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "functional").glob("*/**/*.yaml")))
def test_every_held_out_and_development_file_loads(path):
    """`hsengine eval --functional FILE` must read every sealed and development set: a
    functionality id the loader does not know ("news" for news_report) made whole sets unreadable."""
    items = load_functional([ROOT / path])
    assert items, f"{path}: no cases"
    assert all(i.text.strip() for i in items), f"{path}: an empty text"
