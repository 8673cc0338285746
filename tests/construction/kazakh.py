"""Kazakh noun inflection for the construction suite, written from the grammar (not from hsengine).

Only what the templates need: plural, the six cases used in the sentences, and the folding of
Kazakh typed on a Russian keyboard.  Consonant classes follow the standard school grammar:

    final sound        plural  genitive  accusative  dative   ablative  locative  instrumental
    vowel              лар     ның       ны          ға       дан       да        мен
    й, у, и (glides)   лар     дың       ды          ға       дан       да        мен
    р                  лар     дың       ды          ға       дан       да        мен
    л                  дар     дың       ды          ға       дан       да        мен
    м, н, ң            дар     ның       ды          ға       нан       да        мен
    ж, з               дар     дың       ды          ға       дан       да        бен
    voiceless (and б в г ғ д at the end of a loan)
                       тар     тың       ты          қа       тан       та        пен

Front-vowel words take the front forms (лер, нің, ні, ге/ке, ден, де).  The instrumental has no
vowel harmony.
"""

from __future__ import annotations

import random

BACK = set("аоұыя")
FRONT = set("әөүіеэи")
VOWELS = set("аәоөұүыіеэяюёи")
GLIDES = set("йу")  # и ends like a vowel in writing: таксинің, таксині (hunspell-kk agrees)
NASALS = set("мнң")
ZH_Z = set("жз")
VOICELESS = set("пткқсшщфхһцчбвгғд")


def is_back(word: str) -> bool:
    """Vowel harmony class from the last vowel that decides it (у is ambiguous and skipped)."""
    for ch in reversed(word.lower()):
        if ch in BACK:
            return True
        if ch in FRONT:
            return False
    return True


def _cls(word: str) -> str:
    last = word.lower()[-1]
    if last in VOWELS:
        return "V"
    if last in GLIDES:
        return "G"
    if last == "р":
        return "R"
    if last == "л":
        return "L"
    if last in NASALS:
        return "N"
    if last in ZH_Z:
        return "Z"
    if last in VOICELESS:
        return "T"
    return "R"


def _pick(word: str, back: str, front: str) -> str:
    return back if is_back(word) else front


def _join(word: str, suffix: str) -> str:
    """Loans in -ст drop one т before a т-suffix (журналистер, атеистің), as Kazakh spelling does."""
    if suffix.startswith("т") and word.lower().endswith("ст"):
        return word + suffix[1:]
    return word + suffix


def plural(word: str) -> str:
    c = _cls(word)
    head = {"V": "л", "G": "л", "R": "л", "L": "д", "N": "д", "Z": "д", "T": "т"}[c]
    return _join(word, head + _pick(word, "ар", "ер"))


def case(word: str, name: str) -> str:
    """Inflect the last word of `word` (multi-word phrases inflect their head at the end)."""
    if name == "nom":
        return word
    c = _cls(word)
    suffix = _suffix(word, c, name)
    return _join(word, suffix)


def _suffix(word: str, c: str, name: str) -> str:
    if name == "gen":
        head = {"V": "н", "N": "н", "T": "т"}.get(c, "д")
        return head + _pick(word, "ың", "ің")
    if name == "acc":
        head = {"V": "н", "T": "т"}.get(c, "д")
        return head + _pick(word, "ы", "і")
    if name == "dat":
        if c == "T":
            return _pick(word, "қа", "ке")
        return _pick(word, "ға", "ге")
    if name == "abl":
        head = {"N": "н", "T": "т"}.get(c, "д")
        return head + _pick(word, "ан", "ен")
    if name == "loc":
        head = "т" if c == "T" else "д"
        return head + _pick(word, "а", "е")
    if name == "ins":
        return {"Z": "бен", "T": "пен"}.get(c, "мен")
    raise ValueError(name)


CASES = ("nom", "gen", "acc", "dat", "abl", "loc", "ins")


def paradigm(stem: str) -> dict[str, str]:
    """Slot forms of a group noun: G (plural nominative), G.gen ... and the singular ones."""
    pl = plural(stem)
    forms = {("G" if c == "nom" else f"G.{c}"): case(pl, c) for c in CASES}
    forms.update({("G.sg" if c == "nom" else f"G.sg_{c}"): case(stem, c) for c in CASES})
    return forms


def paradigm_plural(pl: str, sg: str | None = None) -> dict[str, str]:
    """Slot forms from an already plural phrase (e.g. a participle: діннен шыққандар)."""
    forms = {("G" if c == "nom" else f"G.{c}"): case(pl, c) for c in CASES}
    if sg:
        forms.update({("G.sg" if c == "nom" else f"G.sg_{c}"): case(sg, c) for c in CASES})
    return forms


PRONOUNS = {
    "олар": {"G": "олар", "G.gen": "олардың", "G.acc": "оларды", "G.dat": "оларға", "G.abl": "олардан",
             "G.loc": "оларда", "G.ins": "олармен"},
    "бұлар": {"G": "бұлар", "G.gen": "бұлардың", "G.acc": "бұларды", "G.dat": "бұларға", "G.abl": "бұлардан",
              "G.loc": "бұларда", "G.ins": "бұлармен"},
}

# Kazakh on a Russian keyboard (tests/../shared notes): the nine letters fold to their look-alikes.
KEYBOARD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                          "і": "и", "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У",
                          "Һ": "Х", "І": "И"})


def keyboard(text: str, rng: random.Random | None = None, share: float = 1.0) -> str:
    """Fold the Kazakh letters; with `share` < 1, only that share of the words (people mix both)."""
    if share >= 1.0 or rng is None:
        return text.translate(KEYBOARD)
    words = text.split(" ")
    return " ".join(w.translate(KEYBOARD) if rng.random() < share else w for w in words)
