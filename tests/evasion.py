"""Generated evasions: rewrite a message the way people write around keyword filters.

Each transform takes a message and the character spans of its trigger words (group names,
slurs, attack words — what an evader would disguise) and returns the rewritten message with the
new spans of those words, so tests can check that evidence covers the disguised word as written.
Randomness is seeded per (case, transform): the suite is the same on every run.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Callable

Span = tuple[int, int]

# Cyrillic letters with a Latin twin (lower and upper case)
_HOMOGLYPHS = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k",
               "А": "A", "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "К": "K", "М": "M", "Т": "T",
               "Н": "H", "В": "B", "і": "i", "І": "I"}
_LEET = {"о": "0", "О": "0", "и": "1", "И": "1", "і": "1", "з": "3", "З": "3", "а": "@", "А": "@",
         "с": "$", "С": "$", "ч": "4", "Ч": "4", "б": "6", "Б": "6", "ы": "bl"}
_FULLWIDTH = {k: chr(ord(v) + 0xFEE0) for k, v in _HOMOGLYPHS.items() if v.isascii()}
_VOWELS = set("аеиоуыэюяәөұүіАЕИОУЫЭЮЯӘӨҰҮІ")
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
_COMBINING = ["\u0301", "\u0336", "\u0308", "\u0331"]

_RU_LATIN = {
    "а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["yo", "e"],
    "ж": ["zh", "j", "ž"], "з": ["z"], "и": ["i"], "й": ["y", "i", "j"], "к": ["k"], "л": ["l"],
    "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"],
    "ф": ["f"], "х": ["kh", "h", "x"], "ц": ["ts", "c", "tz"], "ч": ["ch"], "ш": ["sh", "š"],
    "щ": ["sch", "shch"], "ъ": [""], "ы": ["y", "i"], "ь": ["", "'"], "э": ["e"], "ю": ["yu", "ju", "iu"],
    "я": ["ya", "ja", "ia"],
}
_KK_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "і": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ",
    "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f",
    "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
_KK_ASCII = dict(_KK_2021, **{"ә": "a", "ғ": "gh", "і": "i", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
                               "ш": "sh", "қ": "q", "ж": "zh"})


# Kazakh typed on a Russian keyboard: each Kazakh-only letter as its Russian look-alike
_KEYBOARD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
_KEYBOARD.update({k.upper(): v.upper() for k, v in list(_KEYBOARD.items())})


def keyboard(text: str, rng: random.Random, share: float = 1.0) -> str:
    """Kazakh as typed on a Russian keyboard: every Kazakh letter replaced (share 1), or each one
    with probability `share` — mixed spellings inside one word are common."""
    return "".join(_KEYBOARD[ch] if ch in _KEYBOARD and (share >= 1 or rng.random() < share) else ch for ch in text)


def _rewrite_words(text: str, spans: list[Span], fn: Callable[[str], str]) -> tuple[str, list[Span]]:
    """Apply fn to each span's word; return the new text and the new spans."""
    out, new_spans, prev, shift = [], [], 0, 0
    for a, b in sorted(spans):
        out.append(text[prev:a])
        word = fn(text[a:b])
        new_a = a + shift
        out.append(word)
        new_spans.append((new_a, new_a + len(word)))
        shift += len(word) - (b - a)
        prev = b
    out.append(text[prev:])
    return "".join(out), new_spans


def _pick(word: str, rng: random.Random, table: dict, k: int = 2) -> list[int]:
    idx = [i for i, ch in enumerate(word) if ch in table]
    rng.shuffle(idx)
    return sorted(idx[:k])


def homoglyph(word: str, rng: random.Random) -> str:
    chars = list(word)
    for i in _pick(word, rng, _HOMOGLYPHS, 3):
        chars[i] = _HOMOGLYPHS[chars[i]]
    return "".join(chars)


def fullwidth(word: str, rng: random.Random) -> str:
    chars = list(word)
    for i in _pick(word, rng, _FULLWIDTH, 2):
        chars[i] = _FULLWIDTH[chars[i]]
    return "".join(chars)


def leet(word: str, rng: random.Random) -> str:
    inner = {i for i in range(1, len(word)) if word[i] in _LEET}  # keep the first letter readable
    choice = sorted(rng.sample(sorted(inner), min(2, len(inner)))) if inner else []
    chars = list(word)
    for i in choice:
        chars[i] = _LEET[chars[i]]
    return "".join(chars)


# Latin letters written for Cyrillic ones by their sound, with no look-alike to fold them back
# (пиdоры, k1tayцы is written so that no filter reads it): the reader must read them by sound.
_PHONETIC_LATIN = {"д": "d", "л": "l", "з": "z", "г": "g", "ф": "f", "в": "v", "ж": "j", "й": "y",
                   "қ": "q", "с": "s"}


def latin_letters(word: str, rng: random.Random) -> str:
    """Up to two letters as their Latin sound-alikes, one more as a digit when a leet one fits."""
    chars = list(word)
    inner = [i for i in range(1, len(word)) if word[i] in _PHONETIC_LATIN]
    for i in sorted(rng.sample(inner, min(2, len(inner)))):
        chars[i] = _PHONETIC_LATIN[word[i]]
    digits = [i for i in range(1, len(word)) if chars[i] == word[i] and word[i] in _LEET]
    if digits:
        i = rng.choice(digits)
        chars[i] = _LEET[word[i]]
    return "".join(chars)


def mask(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + "*" + word[i + 1 :]


def spaced(word: str, rng: random.Random) -> str:
    sep = rng.choice([" ", ".", "-", "_"])
    return sep.join(word)


def split(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(2, len(word) - 1)
    return word[:i] + " " + word[i:]


def repeat(word: str, rng: random.Random) -> str:
    idx = [i for i, ch in enumerate(word) if ch in _VOWELS]
    if not idx:
        return word
    i = rng.choice(idx)
    return word[: i + 1] + word[i] * rng.randint(2, 4) + word[i + 1 :]


def invisible(word: str, rng: random.Random) -> str:
    if len(word) < 2:
        return word
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice(_INVISIBLE) + word[i:]


def combining(word: str, rng: random.Random) -> str:
    mark = rng.choice(_COMBINING)
    return "".join(ch + mark if ch.isalpha() and rng.random() < 0.5 else ch for ch in word)


def typo(word: str, rng: random.Random) -> str:
    """One deletion, insertion, substitution or adjacent swap, away from the first letter."""
    if len(word) < 7:
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.choice(["delete", "insert", "substitute", "swap"])
    alphabet = "абвгдежзийклмнопрстуфхцчшщыэюя"
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + rng.choice(alphabet) + word[i:]
    if kind == "substitute":
        return word[:i] + rng.choice([c for c in alphabet if c != word[i]]) + word[i + 1 :]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def mixed_case(text: str, rng: random.Random) -> str:
    return "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in text)


def ru_translit(text: str, rng: random.Random) -> str:
    scheme = {k: rng.choice(v) for k, v in _RU_LATIN.items()}
    out = []
    for ch in text:
        low = ch.lower()
        if low in scheme:
            rep = scheme[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
        else:
            out.append(ch)
    return "".join(out)


def kk_translit(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
        else:
            out.append(rep.capitalize() if ch != low and rep else rep)
    return "".join(out)


WORD_TRANSFORMS: dict[str, Callable[[str, random.Random], str]] = {
    "homoglyph": homoglyph,
    "fullwidth": fullwidth,
    "leet": leet,
    "latin_letters": latin_letters,
    "mask": mask,
    "spaced": spaced,
    "split": split,
    "repeat": repeat,
    "invisible": invisible,
    "combining": combining,
    "typo": typo,
}
MESSAGE_TRANSFORMS = ("mixed_case", "latin_translit", "latin_informal", "keyboard_full", "keyboard_partial")
ALL_TRANSFORMS = tuple(WORD_TRANSFORMS) + MESSAGE_TRANSFORMS
KAZAKH_ONLY = frozenset({"keyboard_full", "keyboard_partial"})  # Russian has no Kazakh letters to replace


def applies(transform: str, lang: str) -> bool:
    return lang == "kk" or transform not in KAZAKH_ONLY


def rewrite(text: str, spans: list[Span], transform: str, lang: str, seed: str) -> tuple[str, list[Span]]:
    """The message rewritten by one evasion; spans of the disguised words ([] for whole-message ones)."""
    rng = random.Random(f"{seed}/{transform}")
    if transform in WORD_TRANSFORMS:
        fn = WORD_TRANSFORMS[transform]
        return _rewrite_words(text, spans, lambda w: fn(w, rng))
    if transform == "keyboard_full":
        return keyboard(text, rng), []
    if transform == "keyboard_partial":
        return keyboard(text, rng, 0.5), []
    if transform == "mixed_case":
        return mixed_case(text, rng), []
    if transform == "latin_translit":
        return (kk_translit(text, _KK_2021) if lang == "kk" else ru_translit(text, rng)), []
    if transform == "latin_informal":
        return (kk_translit(text, _KK_ASCII) if lang == "kk" else ru_translit(unicodedata.normalize("NFC", text), rng)), []
    raise KeyError(transform)


def trigger_spans(engine, text: str) -> list[Span]:
    """Character spans of the words an evader would disguise: words that reach a target, attack or
    frame entry of the lexicon (the longest word when none does)."""
    from hsengine.text.normalize import normalize
    from hsengine.text.tokenize import tokenize

    norm = normalize(text)
    spans = []
    words = [t for t in tokenize(norm) if t.kind == "word"]
    for tok in words:
        analysis = engine.analyzer.analyze(tok.text)
        if any(engine.lexicon.reachable_loosely(h.entry) for h in analysis.hits):
            spans.append((tok.start, tok.end))
    if not spans and words:
        longest = max(words, key=lambda t: t.end - t.start)
        spans.append((longest.start, longest.end))
    return spans
