"""Stage 3 — language per text (ru / kk / mixed) from cheap per-word votes.

Kazakh and Russian share the Cyrillic alphabet and borrow freely, so one letter or one word
decides nothing.  Each word votes: Kazakh-only letters and unambiguous Kazakh function words vote
kk; Russian function words and Russian-only letters vote ru; Latin-script words vote by the 2021
Kazakh alphabet's letters, Kazakh suffixes and the common words of either language typed in Latin.
The votes are cached with each word's analysis, so detection costs one addition per token.
The word lists are data: lexicon/language_words.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_KK_LETTERS = regex.compile(r"[әғқңөұүһі]")
_RU_ONLY_LETTERS = regex.compile(r"[ъэщ]")
_KK_LATIN_LETTERS = regex.compile(r"[äğqñöūüşı]")
_KK_LATIN_SUFFIX = regex.compile(r"(?:lar|ler|dar|der|tar|ter)(?:dy|di|dyñ|diñ|ga|ge|ğa|ge|da|de|dan|den|ymyz|imiz|y|i)?$")

@dataclass(frozen=True)
class LanguageWords:
    """The frequent words that vote for a language, per script (lexicon/language_words.yaml)."""

    kk: frozenset[str] = frozenset()
    ru: frozenset[str] = frozenset()
    kk_latin: frozenset[str] = frozenset()
    ru_latin: frozenset[str] = frozenset()


def word_votes(word: str, script: str, words: LanguageWords) -> tuple[int, int]:
    """(ru, kk) votes of one normalized word."""
    if script == "cyrl" or script == "mixed":
        if _KK_LETTERS.search(word):
            return (0, 2)
        if word in words.kk:
            return (0, 2)
        if word in words.ru:
            return (1, 0)
        if _RU_ONLY_LETTERS.search(word):
            return (1, 0)
        return (0, 0)
    if script == "latn":
        if _KK_LATIN_LETTERS.search(word) or word in words.kk_latin:
            return (0, 2)
        if word in words.ru_latin:
            return (1, 0)
        if len(word) > 4 and _KK_LATIN_SUFFIX.search(word):
            return (0, 1)
        return (0, 0)
    return (0, 0)


def decide(ru: int, kk: int, has_cyrillic: bool) -> str:
    """Language of a text from its summed votes: 'ru', 'kk', 'mixed' or 'und' (undetermined)."""
    if ru == 0 and kk == 0:
        return "ru" if has_cyrillic else "und"
    if ru and kk:
        low, high = min(ru, kk), max(ru, kk)
        if low * 4 >= high and low >= 2:
            return "mixed"
    return "kk" if kk > ru else "ru"
