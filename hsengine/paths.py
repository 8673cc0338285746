"""Where the bundled lexicon and rules live: inside the wheel, or beside the package in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "_bundled" / name  # wheel layout (see pyproject: force-include)
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name  # source checkout or editable install


BUNDLED_LEXICON = _bundled("lexicon")
BUNDLED_RULES = _bundled("rules")


def lexicon_registries() -> list[Path]:
    """Registries every lexicon may use: the bundled classes and targets."""
    return [p for p in (BUNDLED_LEXICON / "classes.yaml", BUNDLED_LEXICON / "targets.yaml") if p.exists()]


def rules_registries() -> list[Path]:
    """Registries every rule set may use: the bundled narratives and contexts."""
    return [p for p in (BUNDLED_RULES / "narratives.yaml", BUNDLED_RULES / "contexts.yaml") if p.exists()]
