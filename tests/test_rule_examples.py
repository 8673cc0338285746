"""Every rule's embedded examples run as tests (semgrep/SigmaHQ style)."""

from __future__ import annotations

import pytest

from hsengine import Engine
from hsengine.rules.examples import check_coverage, run_rule_examples

_ENGINE = Engine()


@pytest.mark.parametrize("rule", _ENGINE.rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    failures = [str(o) for o in run_rule_examples(_ENGINE, rule) if not o.passed]
    assert not failures, "\n".join(failures)


def test_every_rule_has_enough_examples_per_language():
    problems = check_coverage(_ENGINE)
    assert not problems, "\n".join(f"{p.file}:{p.line}: {p.message}" for p in problems)


def test_every_entry_a_bundled_pattern_names_is_in_the_bundled_lexicon(engine):
    """A bundled pattern may name entries a lexicon of one's own lacks (that part never matches
    there), so the loader lets it pass; with the bundled lexicon every name must resolve."""
    import re

    from hsengine.paths import BUNDLED_RULES

    text = (BUNDLED_RULES / "patterns.yaml").read_text(encoding="utf-8")
    named = set()
    for m in re.finditer(r"\bentry:\s*(\[[^\]]*\]|[\w.]+)", text):
        named.update(x.strip() for x in m.group(1).strip("[]").split(",") if x.strip())
    assert named, "patterns.yaml names no entries: the check is looking in the wrong place"
    missing = sorted(e for e in named if e not in engine.lexicon.entries)
    assert not missing, missing
