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
