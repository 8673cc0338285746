"""Evasion handling: readings of obfuscated words, and spaced-out letters to join.

People who know that filters exist write around them: digits and symbols for letters (ж1ды,
кит@йцы), masks (ж*ды), stretched letters (китааайцы), letters with spaces or dots between them
(к и т а й ц ы, ж.и.д.ы), a space inside a word (китай цы).  Latin look-alikes, invisible characters and combining marks are already
folded by normalization.  This module only proposes *readings*; a reading counts only when the
lexicon confirms it, which is what keeps numbers, prices and ordinary words from turning into
slurs.  Pure digit strings are never read as words.
"""

from __future__ import annotations

from itertools import product
from typing import Iterator

import regex

# Each symbol's plausible letters, most likely first.  Cyrillic only: Latin look-alike letters
# were folded during normalization.
LEET: dict[str, tuple[str, ...]] = {
    "0": ("о",),
    "1": ("и", "і", "л"),
    "3": ("з", "е"),
    "4": ("ч", "а"),
    "6": ("б",),
    "8": ("в",),
    "9": ("д",),
    "7": ("т",),
    "@": ("а",),
    "$": ("с",),
    "|": ("і", "и"),
}
MAX_READINGS = 16

_HAS_LETTER = regex.compile(r"\p{L}")
_REPEAT = regex.compile(r"(\p{L})\1{2,}")  # three or more of the same letter
_DOUBLE = regex.compile(r"(\p{L})\1+")
# Three or more single letters separated by the same separator run (space, dot, dash, underscore)
_SPACED = regex.compile(
    r"(?<![\p{L}\p{N}])\p{L}(?P<sep>[ ._\-]{1,2}|\u2009)\p{L}(?:(?P=sep)\p{L}){1,30}(?![\p{L}\p{N}])"
)
_SEPARATORS = regex.compile(r"[ ._\-\u2009]+")


def leet_readings(word: str) -> list[str]:
    """Readings of a word with digits or symbols inside, at most MAX_READINGS, best first."""
    if not _HAS_LETTER.search(word):
        return []
    core = word
    options: list[tuple[str, ...]] = []
    for ch in core:
        if ch in LEET:
            options.append(LEET[ch])
        elif ch == "*":
            return []  # masks are resolved against the lexicon, not guessed
        else:
            options.append((ch,))
    readings = []
    for combo in product(*options):
        readings.append("".join(combo))
        if len(readings) >= MAX_READINGS:
            break
    return [r for r in readings if r != word]


def mask_pattern(word: str) -> regex.Pattern[str] | None:
    """A pattern for a masked word (к*тайцы, ж**ы): each * stands for one letter."""
    if "*" not in word or not _HAS_LETTER.search(word):
        return None
    if word.count("*") * 2 > len(word):
        return None  # mostly mask: nothing left to recognise
    parts = []
    for ch in word:
        if ch == "*":
            parts.append(r"\p{L}")
        elif ch in LEET:
            parts.append("[" + "".join(LEET[ch]) + "]")
        else:
            parts.append(regex.escape(ch))
    return regex.compile("".join(parts) + r"\Z")


def squeeze_readings(word: str) -> list[str]:
    """Readings of a word with stretched letters (китааайцы): runs cut to one and to two letters."""
    if not _REPEAT.search(word):
        return []
    one = _DOUBLE.sub(r"\1", word)
    two = _REPEAT.sub(r"\1\1", word)
    return [r for r in dict.fromkeys((one, two)) if r != word]


def split_candidates(words: list[tuple[int, int, str]], text: str, surface: dict) -> Iterator[tuple[int, int, str]]:
    """(start, end, joined) for two neighbouring words, one space apart, whose concatenation is a
    lexicon form (китай цы → китайцы).  `words` are (start, end, text) in normalized text."""
    for (s1, e1, w1), (s2, e2, w2) in zip(words, words[1:]):
        if s2 - e1 == 1 and text[e1] == " ":
            joined = w1 + w2
            if joined in surface:
                yield s1, e2, joined


def spaced_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, joined) for every run of single letters spaced apart in normalized text."""
    for m in _SPACED.finditer(text):
        yield m.start(), m.end(), _SEPARATORS.sub("", m.group())
