"""Latin ↔ Cyrillic for matching Kazakh and Russian words typed in either script.

Two tools with different jobs:

``kazakh_latin_to_cyrillic`` turns a Kazakh word typed in Latin into a few ranked
Cyrillic readings, so that the Kazakh suffix analyzer and the Cyrillic lexicon can be used
on it. It knows the 2021 official alphabet (ä ğ q ñ ö ū ü ş ı i j y u), the apostrophe and
acute-accent spellings of 2017/2018 (a' o' u' g' n' s' c' i', á ǵ ń ó ú ś ý) and informal
ASCII (q/k for қ, gh/g for ғ, sh, zh/j, ng, i for і/и/й, y for ы/й, u for ұ/ү/у,
o for ө, a for ә). Informal ASCII drops exactly the letters that vowel harmony predicts,
so the word's harmony is guessed from its unambiguous letters (e → front, q/ğ/y → back,
a/o lean back, i leans front) and applied to every ambiguous letter. A handful of
readings is produced — majority harmony, a letter-by-letter Russian reading (китайлар),
a per-letter default reading for mixed Arabic/Persian loans (кітап, мұғалім), the minority
harmony — deduplicated and cut to ``MAX_READINGS``, and one reading more where informal u/i
stand for у/и before a vowel (auyl = ауыл, tiis = тиіс); the work is linear in the word.

``skeleton`` folds a word of either script, Russian or Kazakh, into an ASCII key under
which the common spellings of one word coincide (жиды = zhidy = jidy = židy → "jidi";
китайцы = kitaicy = kitaitsy = kitajcy = kitaytsy → "kitaici"). It is a *matching key*,
not a transliteration: the key uses single letters for sounds that Latin writes with
digraphs (ж→j, ш/щ→w, ч→q, х/һ→x, ц→c), which keeps Cyrillic "сх" (схема) apart from ш.

Trade-offs of the skeleton (each fold merges real spelling variants and costs some
collisions; measured in tests/test_translit.py against the whole pymorphy3 dictionary):

* ы и й і → i, ә → a, ө → o, ұ ү у → u, ғ → g, қ → k, ң → n, һ → x: Kazakh letters fold
  to their Russian-keyboard stand-ins, so Kazakh typed without Kazakh letters matches.
  Cost: Kazakh minimal pairs merge (орыс/өріс → "oris", жиды/жиді → "jidi").
* ь ъ and apostrophes vanish; doubled letters are squeezed (жөйттер = zhoiter).
* ts/tc/tz → c, on both scripts (Cyrillic тс too, so детский = detskiy, and тся = ться).
* dzh = dj = дж → "dj", kept apart from ж: folding it into j would make the oleaster
  джиды (Russian genitive of джида) a spelling of жиды. So jihad ≠ джихад; list both.
* ng/нг → n (дүнген = dungen, митинг = miting), kh/h/x → x,
  q → k, w → v, y → i, ye → e, and yo → ё = e after the first letter (китаёза = kitayoza).
* j is ж at the start of a word and before a vowel, й after a vowel before a consonant or
  at the end (kitajcy). ISO-style Russian "ja/ju" (jazyk) therefore reads as жа/жу.
* c is ц (kitaicy); English-style c for к (cafe) is not recognised.
* ё is e: the engine folds ё → е before matching anyway.

Everything is table driven (one ``str.translate`` per script plus a few precompiled regex
passes); both functions are pure and never raise.
"""

from __future__ import annotations

from functools import lru_cache

import re
import unicodedata

__all__ = ["MAX_READINGS", "is_latin_word", "kazakh_latin_to_cyrillic", "russian_latin_readings", "skeleton"]

MAX_READINGS = 5

# ---------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------
_APOSTROPHES = "'’ʼ`´"
_LATIN_WORD = re.compile(
    r"(?:[a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
    r"[\u0300-\u036f]*['’ʼ`´]?)+",
    re.IGNORECASE,
)


def is_latin_word(word: str) -> bool:
    """True if ``word`` is made of Latin letters only (apostrophes allowed inside).

    Diacritics count as Latin (şürşıt, židy); a word mixing scripts, digits or
    punctuation is not a Latin word.
    """
    return bool(word) and _LATIN_WORD.fullmatch(word) is not None and word[0] not in _APOSTROPHES


def _prepare(word: str) -> str:
    """Lowercase, compose diacritics, drop the dot of Turkish İ (i̇ → i)."""
    word = word.lower()
    if not word.isascii():
        if not unicodedata.is_normalized("NFC", word):
            word = unicodedata.normalize("NFC", word)
        if "\u0307" in word:
            word = word.replace("\u0307", "")
    return word


# ---------------------------------------------------------------------------------------
# Kazakh Latin → Cyrillic
# ---------------------------------------------------------------------------------------
# 2017/2018 spellings rewritten to the 2021 letters before reading.
_OLD_SPELLINGS = re.compile(r"([aougnsci])['’ʼ`´]|[áóúǵńśýḱ]")
# fmt: off
_OLD_MAP = {
    "a'": "ä", "o'": "ö", "u'": "ü", "g'": "ğ", "n'": "ñ", "s'": "ş", "c'": "ç", "i'": "ı",
    "á": "ä", "ó": "ö", "ú": "ü", "ǵ": "ğ", "ń": "ñ", "ś": "ş", "ý": "ŭ", "ḱ": "q",
}
# fmt: on
_OFFICIAL_MARKERS = frozenset("äğqñöūüşıç")
_ACUTE = re.compile(r"[áóúǵńśýḱ]")  # letters of the 2018 alphabet with acutes
_SWAP_I = str.maketrans({"i": "ı", "ı": "i"})
_GLIDE_I = re.compile(r"(?<=[aeouäöüūŭ])ı|ı(?=[aeouäöüūŭ])")

# One unit = one Cyrillic letter (or a fixed pair). Longest match first.
_UNIT = re.compile(r"shch|sch|sh|zh|ch|kh|gh|ng|ya|yu|ye|yo|iu|ia|.", re.DOTALL)

# Word-final u is у in every reading: Kazakh words practically never end in ұ/ү, while
# the verbal noun -у (өлтіру) and glides (тау) are everywhere.
# Unit kinds: consonants with fixed reading, harmony consonants (back, front, Russian),
# vowels (back, front, Russian, default class), and glides.
# fmt: off
_FIXED = {
    "b": "б", "v": "в", "d": "д", "f": "ф", "l": "л", "m": "м", "n": "н", "p": "п",
    "r": "р", "s": "с", "t": "т", "z": "з", "x": "х", "h": "х", "c": "ц", "j": "ж",
    "w": "у", "sh": "ш", "ş": "ш", "shch": "щ", "sch": "щ", "zh": "ж", "ch": "ч", "ç": "ч",
    "kh": "х", "ñ": "ң", "š": "ш", "ž": "ж", "č": "ч", "ya": "я", "yu": "ю", "iu": "ю", "ia": "я", "ye": "е", "yo": "йо", "é": "е", "è": "е",
}
# fmt: on
_HARMONIC_CONSONANTS = {  # unit: (back, front, Russian)
    "k": ("қ", "к", "к"),
    "g": ("ғ", "г", "г"),
    "q": ("қ", "қ", "к"),
    "gh": ("ғ", "ғ", "г"),
    "ğ": ("ғ", "ғ", "г"),
}
# unit: (back, front, Russian, default class: 1 back / 2 front / 0 neighbour, evidence)
# evidence > 0 votes back, < 0 votes front.
_BACK, _FRONT = 1, 2
_VOWELS = {
    "a": ("а", "ә", "а", _BACK, 1),
    "o": ("о", "ө", "о", _BACK, 1),
    "u": ("ұ", "ү", "у", 0, 0),
    "e": ("е", "е", "е", _FRONT, -2),
    "i": ("ы", "і", "и", _FRONT, -1),
    "y": ("ы", "і", "ы", _BACK, 2),
    "ä": ("ә", "ә", "а", _FRONT, -3),
    "ö": ("ө", "ө", "о", _FRONT, -3),
    "ü": ("ү", "ү", "у", _FRONT, -3),
    "ı": ("і", "і", "и", _FRONT, -3),
    "ū": ("ұ", "ұ", "у", _BACK, 2),  # the 2021 letter for ұ (ūry = ұры, jūmys = жұмыс)
    "ŭ": ("у", "у", "у", 0, 0),  # internal: the 2018 acute ý (у), rewritten before reading
}
_CONSONANT_EVIDENCE = {"q": 2, "gh": 2, "ğ": 2}
# The official 2021 reading: a fixed letter per unit; i is и, or й next to a vowel.
# fmt: off
_OFFICIAL = {
    "a": "а", "ä": "ә", "e": "е", "o": "о", "ö": "ө", "u": "ұ", "ū": "ұ", "ŭ": "у", "ü": "ү",
    "y": "ы", "ı": "і", "i": "и", "k": "к", "q": "қ", "g": "г", "ğ": "ғ", "gh": "ғ",
}
# fmt: on
_VOWEL_UNITS = frozenset(_VOWELS) | {"ya", "yu", "ye", "yo", "iu", "ia"}


def _units(word: str) -> list[str]:
    return _UNIT.findall(word)


def _glides(units: list[str]) -> list[bool]:
    """Which units are glides: i/y/u after a vowel and not before one is й or у (qytai, tau); so
    is i before y (aiyrmasy, qaiyr: айыр-, қайыр, for Kazakh has no ыі), and the vowel after a
    glide is none. Computed left to right in one pass: a run of thousands of vowels is one word."""
    glides = [False] * len(units)
    for i in range(1, len(units)):
        if units[i - 1] not in _VOWEL_UNITS:
            continue
        if units[i - 1] in "iyu" and glides[i - 1]:
            continue  # the vowel after a glide (the ы of айыр)
        if i + 1 == len(units) or units[i + 1] not in _VOWEL_UNITS:
            glides[i] = True
        else:
            glides[i] = units[i] == "i" and units[i + 1] == "y"
    return glides


def _read(units: list[str], classes: list[int], russian: bool, fixed: dict[int, str] | None = None) -> str:
    """Cyrillic for ``units`` given a harmony class per unit (``fixed``: letters already decided)."""
    out = []
    n = len(units)
    glides = _glides(units)
    for i, unit in enumerate(units):
        if fixed and i in fixed:
            out.append(fixed[i])
        elif unit in _VOWELS:
            if unit in "iyu" and glides[i]:
                out.append("у" if unit == "u" else "й")
                continue
            if unit == "u" and i == n - 1:  # final u is the verbal noun -у (öltiru)
                out.append("у")
                continue
            back, front, rus, _, _ = _VOWELS[unit]
            out.append(rus if russian else back if classes[i] == _BACK else front)
        elif unit in _HARMONIC_CONSONANTS:
            back, front, rus = _HARMONIC_CONSONANTS[unit]
            out.append(rus if russian else back if classes[i] == _BACK else front)
        elif unit == "ng":
            out.append("нг" if i + 1 < n and units[i + 1] in _VOWEL_UNITS else "ң")
        else:
            out.append(_FIXED.get(unit, unit))
    return "".join(out)


def _read_official(units: list[str]) -> str:
    out = []
    n = len(units)
    glides = _glides(units)
    for i, unit in enumerate(units):
        # й after a vowel (qaitsyn) or opening a word before one (iod); between a consonant and a
        # vowel it is и (mádenıet = мәдениет)
        if unit == "i" and (glides[i] or (i + 1 < n and units[i + 1] in _VOWEL_UNITS
                                                     and (i == 0 or units[i - 1] in _VOWEL_UNITS))):
            out.append("й")
        elif unit == "ng":
            out.append("нг" if i + 1 < n and units[i + 1] in _VOWEL_UNITS else "ң")
        elif unit == "u" and i == n - 1 and n > 1:
            out.append("у")  # word-final u is у, as in every reading (qūrtu = құрту)
        else:
            out.append(_OFFICIAL.get(unit) or _FIXED.get(unit, unit))
    return "".join(out)


# Latin typed the Turkish way, common in comments: ı is ы, i is і, y is й (Şımkent, barıp, bärin,
# tastaymın, Ūyğır), where the official letters put ı for і and y for ы
_TURKISH = {"ı": "ы", "i": "і", "y": "й", "u": "у"}


def _read_turkish(units: list[str]) -> str:
    out = []
    n = len(units)
    for i, unit in enumerate(units):
        if unit == "ng":
            out.append("нг" if i + 1 < n and units[i + 1] in _VOWEL_UNITS else "ң")
        elif len(unit) > 1 and unit[0] == "y":  # ya, yu...: й and the vowel
            out.append("й" + (_OFFICIAL.get(unit[1:]) or unit[1:]))
        else:
            out.append(_TURKISH.get(unit) or _OFFICIAL.get(unit) or _FIXED.get(unit, unit))
    return "".join(out)


def _default_classes(units: list[str]) -> list[int]:
    """Per-unit class from each vowel's own default; consonants follow the next vowel."""
    n = len(units)
    classes = [0] * n
    for i, unit in enumerate(units):
        if unit in _VOWELS:
            classes[i] = _VOWELS[unit][3]
    # neutral vowels (u) and consonants take the class of the nearest following vowel,
    # else of the nearest preceding one
    following = 0
    for i in range(n - 1, -1, -1):
        if classes[i]:
            following = classes[i]
        else:
            classes[i] = following
    preceding = _BACK
    for i in range(n):
        if classes[i]:
            preceding = classes[i]
        else:
            classes[i] = preceding
    return classes


@lru_cache(maxsize=1 << 16)  # several stages ask about the same word
def kazakh_latin_to_cyrillic(word: str) -> tuple[str, ...]:
    """Cyrillic readings of a lowercased Kazakh word typed in Latin script, best first.

    At most ``MAX_READINGS``, one more when informal у/и stand before a vowel (auyl = ауыл: see
    ``_hiatus_letters``) and one more when an informal genitive ends in n (dinnin = діннің); empty
    for anything that is not a Latin word.

    >>> kazakh_latin_to_cyrillic("qytailardyñ")[0]
    'қытайлардың'
    >>> kazakh_latin_to_cyrillic("kapirler")[0]
    'кәпірлер'
    """
    if not isinstance(word, str) or not is_latin_word(word):
        return ()
    word = _prepare(word)
    turkish_style = "ı" in word and _ACUTE.search(word) is None
    if turkish_style:
        turkish = _read_turkish(_units(word.translate(_STRIP_APOSTROPHES)))
    acute = _ACUTE.search(word) is not None
    if acute:
        # the 2018 alphabet with acutes (bárin, taýyp, qaıtsyn): i is і and dotless ı is и/й,
        # the reverse of the 2017 letters read below
        word = word.translate(_SWAP_I)
    else:
        # a dotless ı beside a vowel is the glide й whatever the alphabet (qaıtsyn, jazalaımyz)
        word = _GLIDE_I.sub("i", word)
    word = _OLD_SPELLINGS.sub(lambda m: _OLD_MAP.get(m.group(0), m.group(0)), word)
    word = word.translate(_STRIP_APOSTROPHES)
    if not word:
        return ()
    units = _units(word)
    n = len(units)

    evidence = 0
    glides = _glides(units)
    for i, unit in enumerate(units):
        if unit in _VOWELS and not (unit in "iyu" and glides[i]):
            evidence += _VOWELS[unit][4]
        else:
            evidence += _CONSONANT_EVIDENCE.get(unit, 0)
    back = _read(units, [_BACK] * n, False)
    front = _read(units, [_FRONT] * n, False)
    default = _read(units, _default_classes(units), False)
    russian = _read(units, [_BACK] * n, True)

    if evidence > 0:
        ranked = [back, russian, default, front]
    elif evidence < 0:
        ranked = [front, russian, default, back]
    else:
        ranked = [default, front, back, russian]
    if acute:
        # one alphabet, one reading: kirý is кіру, never қыру
        official = _read_official(units)
        ranked = [official] + ([official.replace("ұ", "у").replace("ү", "у")] if "ұ" in official or "ү" in official else [])
        return tuple(dict.fromkeys(ranked))[:MAX_READINGS]
    if any(ch in _OFFICIAL_MARKERS for ch in word):
        ranked.insert(0, _read_official(units))
    if turkish_style:
        ranked.insert(1, turkish)
    # Latin "u" is also Cyrillic у (қуу "to chase" is quu, like құу): offer the best reading with у
    best = ranked[0]
    if "ұ" in best or "ү" in best:
        ranked.insert(1, best.replace("ұ", "у").replace("ү", "у"))
    readings = tuple(dict.fromkeys(ranked))[:MAX_READINGS]
    hiatus = _hiatus_letters(units)
    if hiatus:  # one reading more, second (the first two are the ones grammar is read from)
        classes = [_BACK] * n if evidence > 0 else [_FRONT] * n if evidence < 0 else _default_classes(units)
        extra = _read(units, classes, False, hiatus)
        if extra not in readings:
            readings = readings[:1] + (extra,) + readings[1:]
    # informal Latin writes the genitive -ның/-дың/-тың with n (dinnin = діннің, adamdyn = адамдың):
    # one reading more with the ң, last
    best = readings[0]
    if "ñ" not in word and "ng" not in word and best[-1:] == "н" and best[-3:-1] in _GENITIVE_STEMS:
        readings += (best[:-1] + "ң",)
    return readings


_GENITIVE_STEMS = frozenset({"ны", "ні", "ды", "ді", "ты", "ті"})


def _hiatus_letters(units: list[str]) -> dict[int, str]:
    """Informal Latin writes у/и and the vowel after them as u/i and y/i, which the glide rule reads
    as a vowel and й: auyl is ауыл (not аұйл), tuys туыс, biyl биыл, tiis тиіс, kiim киім, qauip
    қауіп.  The letters of that second reading, by unit position (empty when the word has none)."""
    fixed: dict[int, str] = {}
    n = len(units)
    for i in range(n - 1):
        first, second = units[i], units[i + 1]
        if first not in ("i", "u") or second not in ("y", "i") or i in fixed:
            continue
        if i + 2 < n and units[i + 2] in _VOWEL_UNITS:
            continue  # a glide before a vowel (biya): not this
        after_vowel = i > 0 and units[i - 1] in _VOWEL_UNITS
        if after_vowel and first == "i":
            continue  # oiyn is ойын: the glide rule reads it
        fixed[i] = "у" if first == "u" else "и"
        fixed[i + 1] = "ы" if second == "y" else "і"
    return fixed


_STRIP_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)


# ---------------------------------------------------------------------------------------
# Russian Latin → Cyrillic
# ---------------------------------------------------------------------------------------
# Russian typed in Latin follows no one scheme (GOST, ISO, passport, chat): each unit lists
# the Cyrillic it may stand for, likeliest first.  Used to ask "is this Latin word an ordinary
# Russian word?" before trusting the lossy skeleton.
MAX_RUSSIAN_READINGS = 64
_RU_UNIT = re.compile(r"shch|sch|sh|zh|ch|kh|ts|tc|tz|ya|ja|ia|yu|ju|iu|ye|je|yo|jo|.", re.DOTALL)
# fmt: off
_RU_OPTIONS = {
    "shch": ("щ",), "sch": ("щ",), "sh": ("ш",), "zh": ("ж",), "ch": ("ч",), "kh": ("х",),
    "ts": ("ц", "тс"), "tc": ("ц", "тс"), "tz": ("ц",),
    "ya": ("я",), "ja": ("я", "жа"), "ia": ("я", "иа", "ия"), "yu": ("ю",), "ju": ("ю", "жу"), "iu": ("ю", "иу"),
    "ye": ("е", "ые"), "je": ("е", "э", "же"), "yo": ("е", "йо"), "jo": ("е", "йо", "жо"),
    "a": ("а",), "b": ("б",), "v": ("в",), "g": ("г",), "d": ("д",), "z": ("з",), "k": ("к",),
    "l": ("л",), "m": ("м",), "n": ("н",), "o": ("о",), "p": ("п",), "r": ("р",), "s": ("с",),
    "t": ("т",), "u": ("у",), "f": ("ф",), "e": ("е", "э"), "i": ("и", "й", "ы"),
    "y": ("ы", "й", "и"), "j": ("й", "ж"), "h": ("х",), "x": ("кс", "х"), "c": ("ц", "к", "ч"),
    "w": ("в", "ш"), "q": ("к",), "'": ("ь", "ъ", ""), "’": ("ь", "ъ", ""), "`": ("ь", ""),
}
# fmt: on


@lru_cache(maxsize=1 << 14)
def russian_latin_readings(word: str) -> tuple[str, ...]:
    """Cyrillic readings of a word that may be Russian typed in Latin, likeliest first.

    At most ``MAX_RUSSIAN_READINGS``; empty when a letter has no Russian reading.

    >>> russian_latin_readings("vrunij")[:2]
    ('вруний', 'вруниж')
    >>> "исключении" in russian_latin_readings("isklyuchenii")
    True
    """
    if not isinstance(word, str) or not word.isascii() or not is_latin_word(word):
        return ()
    options = []
    for unit in _RU_UNIT.findall(word.lower()):
        choice = _RU_OPTIONS.get(unit)
        if choice is None:
            return ()
        options.append(choice)
    readings = [""]
    for choice in options:  # breadth first, likeliest first, capped at every step
        readings = [r + c for r in readings for c in choice][:MAX_RUSSIAN_READINGS]
    return tuple(dict.fromkeys(readings))

# ---------------------------------------------------------------------------------------
# Skeleton
# ---------------------------------------------------------------------------------------
# fmt: off
_SKELETON_TABLE = str.maketrans(
    {
        # Russian and Kazakh Cyrillic
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "c",
        "ч": "q", "ш": "w", "щ": "w", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
        "я": "ia", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "x", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
        # Latin letters that fold (digraphs were rewritten to Cyrillic before this)
        "h": "x", "q": "k", "w": "v", "y": "i",
        "ä": "a", "á": "a", "à": "a", "â": "a", "ã": "a", "å": "a",
        "ö": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o",
        "ü": "u", "ú": "u", "ù": "u", "û": "u", "ū": "u", "ý": "u",
        "ı": "i", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "ě": "e",
        "ğ": "g", "ǵ": "g", "ñ": "n", "ń": "n", "ŋ": "n", "ł": "l",
        "ş": "w", "š": "w", "ś": "w", "ž": "j", "ź": "z", "č": "q", "ç": "q", "ć": "c",
        "'": "", "’": "", "ʼ": "", "`": "", "´": "",
    }
)
# fmt: on
# Latin digraphs are rewritten to the Cyrillic letter they spell, so that one table maps
# both scripts and Cyrillic-derived letters can never form a Latin digraph.
_LATIN_DIGRAPHS = re.compile(r"shch|sch|dzh|sh|zh|ch|kh|gh|ye|(?<=.)yo|j")
_VOWELS_LATIN = frozenset("aeiouyäöüıáéíóúýàèìòùâêîôûëïū")
# fmt: off
_DIGRAPH_MAP = {
    "shch": "щ", "sch": "щ", "dzh": "дж", "sh": "ш", "zh": "ж", "ch": "ч", "kh": "х",
    "gh": "ғ", "ye": "е", "yo": "ё",
}
# fmt: on
_KEY_FOLDS = re.compile(r"ts|tc|tz|ng")
_KEY_FOLD_MAP = {"ts": "c", "tc": "c", "tz": "c", "ng": "n"}
_SQUEEZE = re.compile(r"(.)\1+")
_HAS_LATIN = re.compile(r"[a-z]")


def _latin_digraph(match: re.Match[str]) -> str:
    text = match.group(0)
    if text != "j":
        return _DIGRAPH_MAP[text]
    # j: й after a vowel before a consonant or at the end (kitajcy), else ж (jidy, jöit)
    s, i = match.string, match.start()
    if i > 0 and s[i - 1] in _VOWELS_LATIN and (i + 1 == len(s) or s[i + 1] not in _VOWELS_LATIN):
        return "й"
    return "ж"


def skeleton(word: str) -> str:
    """A folded ASCII key under which Cyrillic and Latin spellings of the same Russian or
    Kazakh word coincide.

    >>> skeleton("жиды") == skeleton("zhidy") == skeleton("jidy") == skeleton("židy")
    True
    >>> skeleton("китайцы") == skeleton("kitajcy") == skeleton("kitaytsy")
    True
    """
    if not isinstance(word, str):
        return ""
    s = _prepare(word)
    if _HAS_LATIN.search(s):
        s = _LATIN_DIGRAPHS.sub(_latin_digraph, s)
    s = s.translate(_SKELETON_TABLE)
    s = _KEY_FOLDS.sub(_key_fold, s)
    return _SQUEEZE.sub(r"\1", s)


def _key_fold(match: re.Match[str]) -> str:
    return _KEY_FOLD_MAP[match.group(0)]


_J_BEFORE_VOWEL = re.compile(r"j(?=[aeiouy])")
_JE_INITIAL = re.compile(r"^[jy]e")


def skeleton_variants(word: str) -> tuple[str, ...]:
    """The skeleton, plus the one where j/y before a vowel is a glide rather than ж
    (pandemiju = пандемию, moja = моя; jidy keeps its ж reading in the first skeleton) and where
    an initial je/ye is Cyrillic е (jevrei = еврей)."""
    out = [skeleton(word)]
    glide = _J_BEFORE_VOWEL.sub("y", word)
    if glide != word:
        out.append(skeleton(glide))
    if _JE_INITIAL.match(word):
        out.append(skeleton("e" + word[2:]))
    return tuple(dict.fromkeys(out))
