"""Where the bundled data lives: inside the wheel, or beside the package in a source checkout.

Installed code never reaches into a checkout for what it needs: the lexicon, the rules and the
functional test suite are shipped inside the wheel (pyproject.toml force-includes them under
``hsengine/_bundled``).  `SOURCE_CHECKOUT` is only for maintainer commands that *write* into the
checkout (the rule catalogue), and is None for an installed package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _source_checkout() -> Path | None:
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "lexicon").is_dir() and (root / "rules").is_dir():
        return root
    return None


SOURCE_CHECKOUT = _source_checkout()


def _bundled(name: str, in_checkout: str | None = None) -> Path:
    inside = PACKAGE_DIR / "_bundled" / name  # wheel layout (see pyproject: force-include)
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / (in_checkout or name)  # source checkout or editable install


BUNDLED_LEXICON = _bundled("lexicon")
BUNDLED_RULES = _bundled("rules")
BUNDLED_FUNCTIONAL = _bundled("functional", "tests/functional")  # the HateCheck-style suite
BUNDLED_KK_DEV = _bundled("kk_dev", "tests/data/kk_dev")  # our labels (ids) of real Kazakh comments


def lexicon_registries() -> list[Path]:
    """Registries every lexicon may use: the bundled classes and targets."""
    return [p for p in (BUNDLED_LEXICON / "classes.yaml", BUNDLED_LEXICON / "targets.yaml") if p.exists()]


def rules_registries() -> list[Path]:
    """Registries every rule set may use: the bundled narratives, contexts and named patterns."""
    return [p for p in (BUNDLED_RULES / "narratives.yaml", BUNDLED_RULES / "contexts.yaml",
                        BUNDLED_RULES / "patterns.yaml") if p.exists()]
