"""The prefilter may only skip rules that could not fire: `analyze` (prefilter, then the rules its
features allow) and `explain` (every rule tried on the full annotation) must agree.

A reading that annotation adds in context (the Kazakh aorist before еді, a group adjective before
a people noun, a substantive adjective) must already count in the prefilter's features, or the
rule that needs it is silently never tried on the fast path.  This once hid "сабар едім".
"""

from __future__ import annotations

import pytest

from hsengine import Engine

_ENGINE = Engine()

# one case per reading that annotation adds in context, written for this test
CONTEXT_READINGS = [
    "Ұйғырларды көрсем, өлгенше сабар едім.",  # the aorist before еді
    "Dungenderdi körsem, ölgenşe sabar edım.",  # the same typed in Latin
    "Эти кавказские парни — паразиты.",  # a group adjective before a people noun
    "Где вы видели честного неверного?",  # a substantive adjective
    "Китайцы приехали. Они паразиты.",  # a pronoun for a group named before
]


def _rule_ids(result) -> list[tuple[str, str]]:
    return sorted((m.rule_id, m.target or "") for m in result.matches)


def _example_texts() -> list[tuple[str, str | None]]:
    out = []
    for rule in _ENGINE.rules:
        for ex in (*rule.match_examples, *rule.no_match_examples):
            out.append((ex.text, ex.lang))
    return out


@pytest.mark.parametrize("text", CONTEXT_READINGS)
def test_context_readings_reach_the_rules_on_the_fast_path(text):
    fast, full = _ENGINE.analyze(text), _ENGINE.explain(text).result
    assert full.matches, f"the case no longer shows what it is for: {text!r}"
    assert _rule_ids(fast) == _rule_ids(full), text


SHARDS = 8  # the examples in eight parts, so that the test's minutes spread over the workers


def _shards() -> list[int]:
    """The suite checks shards 0-3 (half the rule examples, the same half on every run) to stay
    inside its ten minutes; `.ci/run` then checks 4-7 (HSENGINE_PREFILTER_SHARDS=4-7), so CI
    compares the fast path with the full one on every example, as the Scunthorpe audit is split."""
    import os
    spec = os.environ.get("HSENGINE_PREFILTER_SHARDS", "0-3").strip()
    if spec == "all":
        return list(range(SHARDS))
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    if not out or not all(0 <= s < SHARDS for s in out):
        raise ValueError(f"HSENGINE_PREFILTER_SHARDS={spec!r}: shards are 0-{SHARDS - 1}, a range or 'all'")
    return out


@pytest.mark.parametrize("shard", _shards())
def test_analyze_agrees_with_explain_on_every_rule_example(shard):
    disagree = []
    for text, lang in _example_texts()[shard::SHARDS]:
        fast, full = _ENGINE.analyze(text, lang=lang), _ENGINE.explain(text, lang=lang).result
        if _rule_ids(fast) != _rule_ids(full):
            disagree.append(f"{text!r}: analyze {_rule_ids(fast)} / explain {_rule_ids(full)}")
    assert not disagree, "\n".join(disagree[:20])
