"""Morphology stage: Russian lemmas (pymorphy3) and Kazakh stems (suffix analyzer)."""
