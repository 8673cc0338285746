"""hsengine — an explainable hate-speech lexicon and rule engine for Kazakh and Russian text.

    >>> from hsengine import Engine
    >>> result = Engine().analyze("Все эти китайцы — вонючие тараканы.")
    >>> result.flagged, result.matches[0].target
    (True, 'chinese')

Importing the package is cheap: the engine and its dependencies load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "Engine",
    "AnalysisResult",
    "Match",
    "Evidence",
    "Suppressed",
    "ConfigError",
    "HsengineError",
    "InputError",
    "Problem",
    "BUNDLED_LEXICON",
    "BUNDLED_RULES",
    "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .engine.engine import Engine
    from .errors import ConfigError, HsengineError, InputError, Problem
    from .paths import BUNDLED_LEXICON, BUNDLED_RULES
    from .engine.results import AnalysisResult, Evidence, Match, Suppressed

_LAZY = {
    "Engine": ".engine.engine",
    "AnalysisResult": ".engine.results",
    "Match": ".engine.results",
    "Evidence": ".engine.results",
    "Suppressed": ".engine.results",
    "ConfigError": ".errors",
    "HsengineError": ".errors",
    "InputError": ".errors",
    "Problem": ".errors",
    "BUNDLED_LEXICON": ".paths",
    "BUNDLED_RULES": ".paths",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'hsengine' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
