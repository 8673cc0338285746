"""The examples in the package's docstrings run, so the documentation cannot drift from the code.

Every module of hsengine with a `>>>` line is collected here (a new one needs no registration).
A dedicated test rather than `--doctest-modules`: that would import every module at collection,
the optional integrations (Spark, spaCy) included, in every run.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hsengine"


def _modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>> " in path.read_text(encoding="utf-8"):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            names.append(".".join(parts))
    return names


MODULES = _modules_with_examples()


def test_the_package_has_doctests():
    assert "hsengine.morphology.kazakh" in MODULES and len(MODULES) >= 4, MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.attempted > 0, f"{name}: no example was found"
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed (output above)"
