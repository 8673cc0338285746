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
    "0": ("о", "ө"),
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
# The same for a word written in Latin letters (k4p1rler, zh1dy): digits and symbols stand for
# Latin letters there, and the Latin reading then goes the way of any Latin word (transliteration).
LATIN_LEET: dict[str, tuple[str, ...]] = {
    "0": ("o",),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a", "ch"),
    "5": ("s",),
    "7": ("t",),
    "@": ("a",),
    "$": ("s",),
    "|": ("i",),
}
# Latin letters a Cyrillic word keeps once its look-alikes were folded (п1d0ры, k1tayцы): read by
# their sound.  A Latin y was folded to its look-alike у, so in such a word у may also be й.
PHONETIC: dict[str, tuple[str, ...]] = {
    "d": ("д",), "f": ("ф",), "g": ("г", "ғ"), "j": ("ж", "й"), "l": ("л",), "q": ("қ",),
    "s": ("с",), "v": ("в",), "w": ("ш", "в"), "z": ("з",), "i": ("и", "і"), "y": ("й", "ы"),
    "у": ("у", "й"),
}
MAX_READINGS = 16
_LATIN_LETTER = regex.compile(r"[a-z]", regex.IGNORECASE)

_HAS_LETTER = regex.compile(r"\p{L}")
_REPEAT = regex.compile(r"(\p{L})\1{2,}")  # three or more of the same letter
_DOUBLE = regex.compile(r"(\p{L})\1+")
# Three or more single letters with separators between them (space, dot, dash, underscore)
_SPACED = regex.compile(r"(?<![\p{L}\p{N}])\p{L}(?:[ ._\-\u2009]{1,2}\p{L}){2,40}(?![\p{L}\p{N}])")
_LETTER = regex.compile(r"\p{L}")
SPACED_HINT = _SPACED  # a cheap test the engine's prefilter runs before building merges


def leet_readings(word: str) -> list[str]:
    """Readings of a word with digits or symbols inside, at most MAX_READINGS, best first."""
    if not _HAS_LETTER.search(word):
        return []
    core = word
    letters = [ch for ch in core if _HAS_LETTER.match(ch)]
    latin = bool(letters) and all(_LATIN_LETTER.match(ch) for ch in letters)
    table = LATIN_LEET if latin else LEET
    options: list[tuple[str, ...]] = []
    for ch in core:
        if ch in table:
            options.append(table[ch])
        elif not latin and ch in PHONETIC:
            options.append(PHONETIC[ch])
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


def symbol_mask_pattern(word: str) -> regex.Pattern[str] | None:
    """A pattern for a word whose digits and symbols are read as masks (ши@ты, where @ is not а but
    hides и): each stands for one letter.  Tried only after its leet readings found nothing."""
    if not _HAS_LETTER.search(word):
        return None
    hidden = sum(1 for ch in word if ch in LEET)
    if not 0 < hidden <= 2 or len(word) - hidden < 4:
        return None  # (a word mostly hidden, or short, fits too many forms to be read)
    return regex.compile("".join(r"\p{L}" if ch in LEET else regex.escape(ch) for ch in word) + r"\Z")


def squeeze_readings(word: str) -> list[str]:
    """Readings of a word with stretched letters (паразиииитты): runs of three or more cut to one
    (keeping real double letters), to two, and every double cut to one."""
    if not _REPEAT.search(word):
        return []
    one = _REPEAT.sub(r"\1", word)
    two = _REPEAT.sub(r"\1\1", word)
    single = _DOUBLE.sub(r"\1", word)
    return [r for r in dict.fromkeys((one, two, single)) if r != word]


def double_readings(word: str) -> list[str]:
    """A colloquial doubled letter (кытайларр, кетсиин, жаау): every double cut to one.  Only a
    hypothesis: the caller tries it on words no dictionary knows, and keeps it only when it
    reaches an entry."""
    if _REPEAT.search(word) or not _DOUBLE.search(word):
        return []
    return [_DOUBLE.sub(r"\1", word)]


def split_candidates(words: list[tuple[int, int, str]], text: str, surface: dict) -> Iterator[tuple[int, int, str]]:
    """(start, end, joined) for two neighbouring words, one space apart, whose concatenation is a
    lexicon form (китай цы → китайцы).  `words` are (start, end, text) in normalized text."""
    for (s1, e1, w1), (s2, e2, w2) in zip(words, words[1:]):
        if s2 - e1 == 1 and text[e1] == " ":
            joined = w1 + w2
            if joined in surface:
                yield s1, e2, joined


def spaced_candidates(text: str, is_form) -> Iterator[tuple[int, int, str]]:
    """(start, end, joined) for words spelled out letter by letter in normalized text.

    A run of single letters (any of space, dot, dash, underscore between them) may hold several
    words (к и т а й ц ы т.а.р.а.к.а.н.ы): the whole run is offered first, then it is cut,
    longest first from the left, into pieces `is_form` recognizes."""
    for m in _SPACED.finditer(text):
        letters = [(x.start(), x.group()) for x in _LETTER.finditer(m.group())]
        base = m.start()
        whole = "".join(ch for _, ch in letters)
        if is_form(whole, True):
            yield base, m.end(), whole
            continue
        i, n = 0, len(letters)
        found: list[list] = []  # [first letter, last letter, piece]
        while i <= n - 3:
            for j in range(n, i + 2, -1):
                piece = "".join(ch for _, ch in letters[i:j])
                if is_form(piece, False):
                    found.append([i, j - 1, piece])
                    i = j
                    break
            else:
                i += 1
        # one or two letters left after a piece are its ending (ж и д о в н я): the evidence
        # covers them, the reading stays the piece
        for k, (first, last, piece) in enumerate(found):
            nxt = found[k + 1][0] if k + 1 < len(found) else n
            if 0 < nxt - (last + 1) <= 2:
                last = nxt - 1
            yield base + letters[first][0], base + letters[last][0] + 1, piece
