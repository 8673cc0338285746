"""Requirement clauses, as the engine keeps them for speed: computed with the compiled set
(`node_clause_table`) and tested as bit masks (`rules/clausebits.py`).  Both must give exactly
what the clauses computed on use and the set tests give."""

from __future__ import annotations

import threading

from hsengine.lexicon.annotate import annotate
from hsengine.rules.clausebits import ClauseBits
from hsengine.rules.loader import pattern_nodes, requirements
from hsengine.text.normalize import normalize


def test_the_table_holds_what_requirements_computes_on_use(engine):
    engine._fill_node_requirements()
    for rule in engine.ruleset.rules:
        for node in pattern_nodes(rule.pattern):
            assert list(engine._node_requirements[id(node)][1]) == requirements(node), rule.id


def test_masks_answer_as_the_set_tests(engine):
    bits = ClauseBits()
    rules = [(r, bits.mask(r.requirements)) for r in engine.rules]
    messages = ["Все эти китайцы — вонючие тараканы.", "Дунгане отметили праздник в Алматы.",
                "Қытайлар елден кетсін!", "их надо выгнать из страны, они паразиты"]
    for text in messages:
        features = annotate(normalize(text), engine.analyzer).features
        met = bits.met(features).bits
        for rule, mask in rules:
            assert (mask & met == mask) == (not any(features.isdisjoint(c) for c in rule.requirements)), rule.id


def test_an_empty_clause_is_never_met_and_bits_only_grow():
    bits = ClauseBits()
    a, b = frozenset({"class:group"}), frozenset()
    m = bits.mask([a, b])
    assert bits.met({"class:group"}).bits & m != m
    old = bits.met({"class:group", "class:slur"})
    late = bits.mask([frozenset({"class:slur"})])  # a clause added after `old` was computed
    assert late.bit_length() > old.known
    assert bits.refreshed(late, {"class:group", "class:slur"}).bits & late == late


def test_threads_interning_at_once_agree():
    bits = ClauseBits()
    clauses = [frozenset({f"f{i}", f"g{i % 7}"}) for i in range(300)]
    masks: list[list[int]] = [[], []]

    def work(k: int) -> None:
        masks[k] = [bits.mask([c]) for c in (clauses if k == 0 else clauses[::-1])]

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert masks[0] == masks[1][::-1]
    for i, c in enumerate(clauses):
        met = bits.met({f"f{i}"})
        assert met.bits & masks[0][i] == masks[0][i]
