"""Kazakh suffix analyzer: candidate stems for lexicon lookup, without a dictionary.

Kazakh is agglutinative: a noun takes ``STEM + plural + possessive + case + personal
ending`` (қытай-лар-ы-ның, қазақ-пын) and a verb takes ``STEM + negation + tense/mood +
person`` (қу-ма-й-мыз, кет-пе-сін). The lexicon stores stems, so the engine needs every
plausible stem of a surface form. This module strips suffixes right to left along those
slots and records each intermediate stem as a candidate; the caller looks every candidate
up and keeps the suffix chain as the explanation.

Only *conditioned* suffixes are stripped. Every suffix below is listed with its allomorphs
and the stem endings they follow, so a stem is proposed only when the suffix really could
stand there:

* vowel harmony: a back suffix (-лар, -ға) only after a stem whose last vowel is back
  (а о ұ ы я), a front one (-лер, -ге) only after ә е ө ү і; stems whose last vowel letter
  is и, у or ю (often loans: такси, or glides: тау) take either, as do Russian-looking
  stems ending in е (еврейлер, and the common social-media еврейлар);
* the consonant of the suffix: -лар after vowels and р й у, -дар after л м н ң ж з,
  -тар after voiceless consonants; -ның after vowels and м н ң; dative -а/-е only after
  a 1st/2nd person singular possessive (үйіме), -на/-нда/-нан/-н only after a 3rd-person
  possessive (үйіне), and so on (see the tables);
* the stem-final п/к/қ → б/г/ғ alternation before a vowel is undone (кітабы → кітап), and
  the т that -ист loans drop before a т/к suffix is put back (фашистер → фашист);
* a verb negation -ма/-ме/-ба/-бе/-па/-пе is recognised only when a verbal ending follows it
  (алма "apple" is left alone, алмады → ал + negation).

Guard rails, because a wrong stem here becomes a false accusation downstream:

* nominal stems have at least ``MIN_NOMINAL_STEM`` (3) letters, verbal stems at least
  ``MIN_VERBAL_STEM`` (2); short words are returned unanalysed;
* a vowel-initial suffix is never stripped when that would leave a stem ending in д. Native
  Kazakh stems do not end in д (final voiced stops are devoiced, and only п/к/қ alternate),
  so a д before a vowel belongs to a д-suffix (-ды/-ді, -дың, -дан...). This is what keeps
  the Russian slur root "жид" out of ordinary Kazakh words: жиді (жи + ді), жидің, жиду,
  while жиде (oleaster) and its forms жидесі, жиделер, жидеде only ever reduce to "жиде"
  (dative -е needs a possessive before it, and locative -де would leave a 2-letter stem).
  Loan stems that do end in д (мұртад) are still found with consonant-initial suffixes
  (мұртадтар, мұртадқа), which are how they are used;
* no stem may end in two obstruents (қызб, тапс) except loan clusters such as -ст, -кт:
  those are words cut inside a suffix (қызбын = қыз + бын);
* a word ending in -дың/-тың/-ның is not also read as "accusative-looking stem + -ң".

Known gaps: spelling without Kazakh letters (ган for ған, ди for ді) is not stripped —
allowing it would let Russian жидка become жид + dative; verb stems in ы/і lose that vowel
before -у (оқу gives оқ, not оқы); bare imperatives (өлтірме "don't kill") are not read as
negated; derivational suffixes (-шыл, -лық) are left to the lexicon, while -сыз "without"
is stripped as its homonym, the personal ending (құдайсыз → құдай + сыз): check the chain.

The input is one lowercased Cyrillic token with ё folded to е; anything else (Latin,
digits, hyphens) comes back unanalysed. Functions are pure and keep no state; the
caller caches by token.
"""

from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass

__all__ = [
    "MIN_NOMINAL_STEM",
    "MIN_VERBAL_STEM",
    "KazakhAnalysis",
    "analyze",
    "stems",
]

MIN_NOMINAL_STEM = 3
MIN_VERBAL_STEM = 2


@dataclass(frozen=True, slots=True)
class KazakhAnalysis:
    """One segmentation of a token.

    ``suffixes`` are the stripped morphs in surface order (closest to the stem first), in
    their underlying form: for жояды the stem is жой and the suffixes are ("а", "ды").
    """

    stem: str
    suffixes: tuple[str, ...]
    negated: bool
    kind: str  # "word" (nothing stripped), "nominal" or "verbal"


# ---------------------------------------------------------------------------------------
# Letter classes. Suffix allomorphs are chosen by the class of the last letter of what
# precedes them.
# ---------------------------------------------------------------------------------------
V = "V"  # vowels
I = "I"  # и: a vowel letter that is [ɯj]/[ɪj], so it also behaves like й
R = "R"  # р й у (у is the glide in тау, өлтіру)
L = "L"  # л
N = "N"  # м н ң
Z = "Z"  # ж з
T = "T"  # voiceless consonants
D = "D"  # voiced stops/fricatives б в г ғ д: alternants and loans, devoiced by suffixes

_CLASS: dict[str, str] = {}
for _letters, _cls in (
    ("аәеоөұүыіэяюё", V),
    ("и", I),
    ("рйу", R),
    ("л", L),
    ("мнң", N),
    ("жз", Z),
    ("пфкқтсшщхһцч", T),
    ("бвгғд", D),
):
    for _ch in _letters:
        _CLASS[_ch] = _cls

ANY = None  # no consonant condition
AFTER_VOWEL = frozenset({V, I})
AFTER_CONS = frozenset({I, R, L, N, Z, T, D})
VOICED = frozenset({V, I, R, L, N, Z})  # vowels and voiced consonants
VOICELESS = frozenset({T, D})

# Vowel harmony of a stem: its last vowel letter decides. Neutral letters (и у ю) and
# е in Russian-looking stems allow both classes.
BACK, FRONT, BOTH = 1, 2, 3
_BACK_VOWELS = frozenset("аоұыяё")
_FRONT_VOWELS = frozenset("әеөүіэ")
_NEUTRAL_VOWELS = frozenset("иую")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")

_FRONTING = str.maketrans("аыұоқғ", "еіүөкг")
_VOWEL_INITIAL = frozenset("аәеоөұүыіуюя")
_ALTERNATION = {"б": "п", "г": "к", "ғ": "қ"}  # stem-final п/к/қ voiced before a vowel
_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"

# Frequent words that look suffixed but are not: pronominal adjectives in -дай/-ндай
# (қандай "what kind" is not қан "blood" + similative).
_UNANALYSABLE = frozenset({"қандай", "мұндай", "сондай", "ондай", "бұндай", "андай", "осындай", "сондайлық"})

# Nominal slots, innermost first; stripping runs from PRED down to PLURAL.
PLURAL, POSS, CASE, PRED = 0, 1, 2, 3
P3 = "P3"  # 3rd-person possessive (-ы/-і/-сы/-сі)
P12 = "P12"  # 1st/2nd person singular possessive (-м/-ым/-ң/-ың)

# (back form, condition on the preceding letter, slot, needs-before-it, tag)
# Derivational suffixes are not stripped (the lexicon lists шовинист, ұлтшыл...), except
# the similative -дай/-дей, which dehumanising comparisons use (тарақандай "like cockroaches").
# Front forms are derived mechanically (а→е ы→і ұ→ү о→ө қ→к ғ→г); a back form without
# harmonic letters (instrumental мен, -дікі) has no harmony.
_NOMINAL_TABLE: tuple[tuple[str, frozenset[str] | None, int, str | None, str | None], ...] = (
    # plural
    ("лар", frozenset({V, I, R}), PLURAL, None, None),
    ("дар", frozenset({L, N, Z, D}), PLURAL, None, None),
    ("тар", VOICELESS, PLURAL, None, None),
    # possessive, after a consonant
    ("ым", AFTER_CONS, POSS, None, P12),
    ("ың", AFTER_CONS, POSS, None, P12),
    ("ы", AFTER_CONS, POSS, None, P3),
    ("ымыз", AFTER_CONS, POSS, None, None),
    ("ыңыз", AFTER_CONS, POSS, None, None),
    ("ыңдар", AFTER_CONS, POSS, None, None),
    ("ыңыздар", AFTER_CONS, POSS, None, None),
    # possessive, after a vowel
    ("м", AFTER_VOWEL, POSS, None, P12),
    ("ң", AFTER_VOWEL, POSS, None, P12),
    ("сы", AFTER_VOWEL, POSS, None, P3),
    ("мыз", AFTER_VOWEL, POSS, None, None),
    ("ңыз", AFTER_VOWEL, POSS, None, None),
    ("ңдар", AFTER_VOWEL, POSS, None, None),
    ("ңыздар", AFTER_VOWEL, POSS, None, None),
    # genitive
    ("ның", frozenset({V, I, N}), CASE, None, None),
    ("дың", frozenset({I, R, L, Z, D}), CASE, None, None),
    ("тың", VOICELESS, CASE, None, None),
    # accusative
    ("ны", AFTER_VOWEL, CASE, None, None),
    ("ды", frozenset({I, R, L, N, Z, D}), CASE, None, None),
    ("ты", VOICELESS, CASE, None, None),
    ("н", ANY, CASE, P3, None),
    # dative
    ("ға", VOICED, CASE, None, None),
    ("қа", VOICELESS, CASE, None, None),
    ("на", ANY, CASE, P3, None),
    ("а", ANY, CASE, P12, None),
    # locative
    ("да", VOICED, CASE, None, None),
    ("та", VOICELESS, CASE, None, None),
    ("нда", ANY, CASE, P3, None),
    # ablative
    ("дан", frozenset({V, I, R, L, Z}), CASE, None, None),
    ("нан", frozenset({N}), CASE, None, None),
    ("нан", ANY, CASE, P3, None),
    ("тан", VOICELESS, CASE, None, None),
    # instrumental (no harmony)
    ("мен", frozenset({V, I, R, L, N}), CASE, None, None),
    ("менен", frozenset({V, I, R, L, N}), CASE, None, None),
    ("бен", frozenset({Z}), CASE, None, None),
    ("бенен", frozenset({Z}), CASE, None, None),
    ("пен", VOICELESS, CASE, None, None),
    ("пенен", VOICELESS, CASE, None, None),
    # "the one in/at ..." (-дағы) and "the one belonging to ..." (-дікі, front only)
    ("дағы", VOICED, CASE, None, None),
    ("тағы", VOICELESS, CASE, None, None),
    ("ндағы", ANY, CASE, P3, None),
    # similative "like a ...": тарақандай, иттей, баласындай
    ("дай", VOICED, CASE, None, None),
    ("тай", VOICELESS, CASE, None, None),
    ("ндай", ANY, CASE, P3, None),
    ("нікі", frozenset({V, I, N}), CASE, None, None),
    ("дікі", frozenset({I, R, L, Z, D}), CASE, None, None),
    ("тікі", VOICELESS, CASE, None, None),
    # predicative personal endings: қазақпын, баламыз, кәпірсің
    ("мын", frozenset({V, I, R, L, N}), PRED, None, None),
    ("мыз", frozenset({V, I, R, L, N}), PRED, None, None),
    ("бын", frozenset({Z}), PRED, None, None),
    ("быз", frozenset({Z}), PRED, None, None),
    ("пын", VOICELESS, PRED, None, None),
    ("пыз", VOICELESS, PRED, None, None),
    ("сың", ANY, PRED, None, None),
    ("сыз", ANY, PRED, None, None),
    ("сыңдар", ANY, PRED, None, None),
    ("сыздар", ANY, PRED, None, None),
)

# Suffixes that do not follow vowel harmony: instrumental, and -дікі (front only).
_HARMONY_FREE = frozenset({"мен", "менен", "бен", "бенен", "пен", "пенен", "нікі", "дікі", "тікі"})

# Verbal endings: (back form, condition, pieces, nonfinite, negation-only, restored letter)
# ``pieces`` splits the ending into morphs. Nonfinite endings (verbal noun, participles,
# -мақ) make nominals and may be followed by nominal suffixes (өлтіргендер, қууға);
# finite ones close the word. "restore" puts back a stem-final й fused into я/ю (жой+а →
# жоя, жой+у → жою).
_PRESENT_PERSONS = ("мын", "сың", "сыз", "ды", "мыз", "сыңдар", "сыздар")
_PAST_PERSONS = ("", "м", "ң", "ңыз", "қ", "ңдар", "ңыздар")


def _verbal_templates() -> list[tuple[str, frozenset[str] | None, tuple[str, ...], bool, bool, str]]:
    rows: list[tuple[str, frozenset[str] | None, tuple[str, ...], bool, bool, str]] = []

    def add(pieces: tuple[str, ...], cond, nonfinite=False, neg_only=False, restore=""):
        pieces = tuple(p for p in pieces if p)
        rows.append(("".join(pieces), cond, pieces, nonfinite, neg_only, restore))

    for person in _PRESENT_PERSONS:  # present/future: келеміз, жасайды, қумаймыз
        add(("а", person), AFTER_CONS)
        add(("й", person), frozenset({V}))
        add(("я", person), ANY, restore="й")
    for person in _PAST_PERSONS:  # past: келдім, кетті; conditional: келсек
        add(("ды", person), VOICED)
        add(("ты", person), VOICELESS)
        add(("са", person), ANY)
    add(("ып",), AFTER_CONS)  # converb: келіп, жасап
    add(("п",), frozenset({V}))
    add(("ыпты",), AFTER_CONS)  # reported past: кетіпті
    add(("пты",), frozenset({V}))
    add(("й",), frozenset({V}), neg_only=True)  # negative converb: келмей
    add(("сын",), ANY)  # 3rd-person imperative: кетсін, кетпесін
    for ending in ("ыңдар", "ыңыз", "ыңыздар"):  # 2nd-person imperative
        add((ending,), AFTER_CONS)
        add((ending[1:],), frozenset({V}))
    for ending in ("айық", "айын"):  # 1st-person hortative: өлтірейік
        add((ending,), AFTER_CONS)
        add((ending[1:],), frozenset({V}))
        add(("я" + ending[1:],), ANY, restore="й")
    add(("ғалы",), VOICED)  # intention: келгелі
    add(("қалы",), VOICELESS)
    for poss in ("сы", "м", "ң", "ңыз", "мыз", "лары"):  # desiderative: құртқысы келеді "wants to destroy"
        add(("ғы", poss), VOICED)
        add(("қы", poss), VOICELESS)
    # nonfinite
    add(("у",), ANY, nonfinite=True)  # verbal noun: өлтіру, қуу, жасау
    add(("ю",), frozenset({I}), nonfinite=True)  # кию
    add(("ю",), ANY, nonfinite=True, restore="й")  # жою
    add(("ған",), VOICED, nonfinite=True)  # past participle: келген, айтқан
    add(("қан",), VOICELESS, nonfinite=True)
    add(("атын",), AFTER_CONS, nonfinite=True)  # habitual participle: өлтіретін
    add(("йтын",), frozenset({V}), nonfinite=True)
    add(("ятын",), ANY, nonfinite=True, restore="й")
    for suffix in ("мақ", "мақшы"):  # future of intention: өлтірмекпін
        add((suffix,), frozenset({V, I, R, L}), nonfinite=True)
        add(("б" + suffix[1:],), frozenset({N, Z}), nonfinite=True)
        add(("п" + suffix[1:],), VOICELESS, nonfinite=True)
    return rows


_NEGATION_TABLE = (
    ("ма", frozenset({V, I, R, L})),
    ("ба", frozenset({N, Z})),
    ("па", VOICELESS),
)


def _harmony_of(suffix: str) -> int:
    """Harmony class a suffix demands, BOTH if it has no harmonic letter."""
    for ch in suffix:
        if ch in "аыұоқғя":
            return BACK
        if ch in "еіүөкг":
            return FRONT
    return BOTH


def _with_front(back: str) -> list[str]:
    front = back.translate(_FRONTING)
    return [back] if front == back else [back, front]


def _index(rows):
    """Group suffix rows by surface string; return (dict, ascending lengths)."""
    table: dict[str, list[tuple]] = {}
    for row in rows:
        table.setdefault(row[0], []).append(row)
    return {k: tuple(v) for k, v in table.items()}, tuple(sorted({len(k) for k in table}))


def _build_nominal():
    rows = []
    for back, cond, slot, need, tag in _NOMINAL_TABLE:
        for form in _with_front(back):
            harmony = BOTH if back in _HARMONY_FREE else _harmony_of(form)
            rows.append((form, slot, cond, harmony, need, tag, form[0] in _VOWEL_INITIAL))
    return _index(rows)


def _build_verbal():
    rows = []
    for _, cond, pieces, nonfinite, neg_only, restore in _verbal_templates():
        variants = [pieces]
        front = tuple(p.translate(_FRONTING) for p in pieces)
        if front != pieces and "я" not in "".join(pieces):  # й+е is spelled йе: no fusion
            variants.append(front)
        for ps in variants:
            surface = "".join(ps)
            if restore:  # report the underlying morph: жо|я|ды → жой + а + ды
                ps = (ps[0].replace("я", "а").replace("ю", "у"),) + ps[1:]
            rows.append(
                (surface, cond, _harmony_of(surface), ps, nonfinite, neg_only, restore, surface[0] in _VOWEL_INITIAL)
            )
    return _index(rows)


def _build_negation():
    table = {}
    for back, cond in _NEGATION_TABLE:
        for form in _with_front(back):
            table[form] = (form, cond, _harmony_of(form))
    return table


_NOMINAL, _NOMINAL_LENGTHS = _build_nominal()
_VERBAL, _VERBAL_LENGTHS = _build_verbal()
_NEGATION = _build_negation()


# ---------------------------------------------------------------------------------------
# Conditions
# ---------------------------------------------------------------------------------------
def _last_class(stem: str) -> str | None:
    ch = stem[-1]
    if ch in "ьъ" and len(stem) > 1:  # учитель-дер: the soft sign is silent
        ch = stem[-2]
    return _CLASS.get(ch)


def _stem_harmony(stem: str) -> int:
    """Which suffix harmony the stem accepts (BACK, FRONT or BOTH)."""
    for i in range(len(stem) - 1, -1, -1):
        ch = stem[i]
        if ch in _BACK_VOWELS:
            return BACK
        if ch in _FRONT_VOWELS:
            if ch == "е" and not any(c in _KAZAKH_LETTERS for c in stem):
                return BOTH  # Russian-looking stem: еврейлер and еврейлар both occur
            return FRONT
        if ch in _NEUTRAL_VOWELS:
            return BOTH
    return BOTH


def _fits(stem: str, cond, harmony: int) -> bool:
    if cond is not None and _last_class(stem) not in cond:
        return False
    return harmony == BOTH or bool(_stem_harmony(stem) & harmony)


# A word ending in -дың/-тың/-ның is read as a genitive, not as an accusative-looking stem
# plus the 2nd-person possessive -ң.
_GENITIVE_SHAPED = frozenset({"ды", "ді", "ты", "ті", "ны", "ні"})
_OBSTRUENT = frozenset({T, D, Z})
_LOAN_CLUSTERS = frozenset({"ст", "кт", "кс", "пт", "фт", "шт", "хт", "зм"})


def _plausible(stem: str) -> bool:
    """Reject stems ending in two obstruents (қызб, тапс, студентп).

    Kazakh stems do not end in an obstruent cluster, so such a "stem" is a word cut in
    the middle of a suffix: қызбын is қыз + бын, not қызб + ы + н. Clusters that
    common loans end in (-ст: фашист, -кт: факт, -кс: текс...) stay allowed.
    """
    if len(stem) < 2:
        return True
    a, b = _CLASS.get(stem[-2]), _CLASS.get(stem[-1])
    return not (a in _OBSTRUENT and b in _OBSTRUENT) or stem[-2:] in _LOAN_CLUSTERS


def _ends_with_poss(stem: str, tag: str) -> bool:
    """Cheap pre-check that ``stem`` can end in a possessive with ``tag``."""
    last = stem[-1]
    if tag == P3:
        return last in "ыі"
    return last in "мң"


# ---------------------------------------------------------------------------------------
# Stripping
# ---------------------------------------------------------------------------------------
def _strip_nominal(
    form: str, outer: tuple[str, ...], top: int, need: str | None, out: list[tuple[str, tuple[str, ...]]]
) -> bool:
    """Strip nominal suffixes from ``form`` using slots ``top`` and below.

    Appends (stem, suffixes) for every reachable stem; returns whether anything was
    stripped (used when the previous suffix requires a possessive before it).
    """
    found = False
    limit = len(form) - MIN_NOMINAL_STEM
    for length in _NOMINAL_LENGTHS:
        if length > limit:
            break
        entries = _NOMINAL.get(form[-length:])
        if entries is None:
            continue
        stem = form[:-length]
        for suffix, slot, cond, harmony, needs, tag, vowel_initial in entries:
            if slot > top or (need is not None and tag != need):
                continue
            if vowel_initial and stem[-1] == "д":
                continue  # no native stem ends in д: жиді is жи+ді, not жид+і
            if suffix == "ң" and stem[-2:] in _GENITIVE_SHAPED:
                continue  # қытайлардың is қытайлар+дың, not қытайларды+ң
            if not _fits(stem, cond, harmony) or not _plausible(stem):
                continue
            chain = (suffix,) + outer
            if needs is not None:
                if _ends_with_poss(stem, needs) and _strip_nominal(stem, chain, POSS, needs, out):
                    out.append((stem, chain))
                    found = True
                continue
            out.append((stem, chain))
            found = True
            if vowel_initial and stem[-1] in _ALTERNATION:
                alternant = stem[:-1] + _ALTERNATION[stem[-1]]
                if _plausible(alternant):
                    out.append((alternant, chain))
            elif suffix[0] in "тқк" and stem.endswith("ис"):
                out.append((stem + "т", chain))  # фашис|тер: -ист loans drop т
            if slot > PLURAL:
                _strip_nominal(stem, chain, slot - 1, None, out)
    return found


def _strip_verbal(
    form: str, outer: tuple[str, ...], nonfinite_only: bool, out: list[tuple[str, tuple[str, ...], bool]]
) -> None:
    """Strip one verbal ending (and a negation before it) from ``form``."""
    limit = len(form) - MIN_VERBAL_STEM
    for length in _VERBAL_LENGTHS:
        if length > limit:
            break
        entries = _VERBAL.get(form[-length:])
        if entries is None:
            continue
        bare = form[:-length]
        for _, cond, harmony, pieces, nonfinite, neg_only, restore, vowel_initial in entries:
            if nonfinite_only and not nonfinite:
                continue
            if restore:
                if _CLASS.get(bare[-1]) != V:
                    continue
                stem = bare + restore
            else:
                stem = bare
            if vowel_initial and stem[-1] == "д":
                continue
            if not _fits(stem, cond, harmony):
                continue
            chain = pieces + outer
            if not restore and len(stem) - 2 >= MIN_VERBAL_STEM:
                negation = _NEGATION.get(stem[-2:])
                if negation is not None and _fits(stem[:-2], negation[1], negation[2]) and _plausible(stem[:-2]):
                    out.append((stem[:-2], (negation[0],) + chain, True))
            if not neg_only and _plausible(stem):
                out.append((stem, chain, False))
                if vowel_initial and stem[-1] in _ALTERNATION:
                    alternant = stem[:-1] + _ALTERNATION[stem[-1]]
                    if _plausible(alternant):
                        out.append((alternant, chain, False))


@lru_cache(maxsize=1 << 16)  # several stages ask about the same word
def analyze(word: str) -> tuple[KazakhAnalysis, ...]:
    """All candidate analyses, the unstripped word first, then longer stems before shorter.

    >>> [(a.stem, a.suffixes, a.kind) for a in analyze("қытайлардың")][1:]
    [('қытайлар', ('дың',), 'nominal'), ('қытайлар', ('ды', 'ң'), 'verbal'), ('қытай', ('лар', 'дың'), 'nominal')]
    >>> a = analyze("қумаймыз")[-1]
    >>> (a.stem, a.suffixes, a.negated, a.kind)
    ('қу', ('ма', 'й', 'мыз'), True, 'verbal')
    """
    first = KazakhAnalysis(word, (), False, "word")
    if len(word) <= MIN_VERBAL_STEM or word.strip(_CYRILLIC) or word in _UNANALYSABLE:
        return (first,)

    nominal: list[tuple[str, tuple[str, ...]]] = []
    _strip_nominal(word, (), PRED, None, nominal)
    verbal: list[tuple[str, tuple[str, ...], bool]] = []
    _strip_verbal(word, (), False, verbal)
    for form, chain in nominal:  # participles and verbal nouns carry nominal endings
        _strip_verbal(form, chain, True, verbal)
    if not nominal and not verbal:
        return (first,)

    seen = set()
    found: list[KazakhAnalysis] = []
    for stem, chain in nominal:
        key = (stem, chain, False, "nominal")
        if key not in seen:
            seen.add(key)
            found.append(KazakhAnalysis(stem, chain, False, "nominal"))
    for stem, chain, negated in verbal:
        key = (stem, chain, negated, "verbal")
        if key not in seen:
            seen.add(key)
            found.append(KazakhAnalysis(stem, chain, negated, "verbal"))
    found.sort(key=_neg_len)
    return (first, *found)


def _neg_len(analysis: KazakhAnalysis) -> int:
    return -len(analysis.stem)


def stems(word: str) -> tuple[str, ...]:
    """Distinct candidate stems of ``word`` (the word itself first), longest first.

    >>> stems("қытайлардың")
    ('қытайлардың', 'қытайлар', 'қытай')
    """
    return tuple(dict.fromkeys(a.stem for a in analyze(word)))


# -- generation ------------------------------------------------------------------------------
# The lexicon indexes generated forms of Kazakh entries, so that a word is found by one dictionary
# probe and typo matching compares whole words with whole words (as pymorphy3's inflections do for
# Russian), instead of guessing stems of misspelled words.

_GEN_VOWELS = frozenset("аәеиоөұүыіуюяэё")
_GEN_VOICELESS = frozenset("пкқтсшщчцфх")
_GEN_NASAL = frozenset("мнң")


def _is_back(stem: str) -> bool:
    """Back harmony?  The last harmonic vowel decides; и counts as front (Russian loans:
    паразит → паразиттер), у and ю are neutral."""
    for ch in reversed(stem):
        if ch in _BACK_VOWELS:
            return True
        if ch in _FRONT_VOWELS or ch == "и":
            return False
    return True


def _pick(back: bool, back_form: str, front_form: str) -> str:
    return back_form if back else front_form


def _case_forms(base: str, back: bool) -> list[str]:
    end = base[-1]
    vowel = end in _GEN_VOWELS
    voiceless = end in _GEN_VOICELESS
    nasal = end in _GEN_NASAL
    gen = _pick(back, "ның", "нің") if vowel or nasal else _pick(back, "тың", "тің") if voiceless else _pick(back, "дың", "дің")
    dat = _pick(back, "қа", "ке") if voiceless else _pick(back, "ға", "ге")
    acc = _pick(back, "ны", "ні") if vowel else _pick(back, "ты", "ті") if voiceless else _pick(back, "ды", "ді")
    loc = _pick(back, "та", "те") if voiceless else _pick(back, "да", "де")
    abl = _pick(back, "нан", "нен") if nasal else _pick(back, "тан", "тен") if voiceless else _pick(back, "дан", "ден")
    ins = "пен" if voiceless else "мен" if vowel or nasal or end in "руйлжз" else "бен"
    siml = _pick(back, "тай", "тей") if voiceless else _pick(back, "дай", "дей")
    return [base + s for s in (gen, dat, acc, loc, abl, ins, siml)]


def inflect(stem: str, verb: bool = False) -> tuple[str, ...]:
    """Common inflected forms of a Kazakh stem under vowel harmony (nouns: plural, cases,
    3rd-person possessive; verbs: verbal noun, imperatives, converb, participle, past)."""
    if len(stem) < 2 or not all(ch in _CYRILLIC for ch in stem):
        return (stem,)
    back = _is_back(stem)
    end = stem[-1]
    vowel_end = end in _GEN_VOWELS
    forms = [stem]
    if verb:
        vowel_end = end in _GEN_VOWELS and end != "у"  # final у of қу, жу is a glide: қуып, қуамыз
        past = _pick(back, "ты", "ті") if end in _GEN_VOICELESS else _pick(back, "ды", "ді")
        part = _pick(back, "қан", "кен") if end in _GEN_VOICELESS else _pick(back, "ған", "ген")
        if end == "й":
            noun = stem[:-1] + "ю"  # жой → жою
        elif end in "ыі":
            noun = stem[:-1] + "у"  # оқы → оқу
        else:
            noun = stem + "у"
        forms += [
            noun,
            noun + _pick(back, "ға", "ге"),
            stem + (_pick(back, "ыңдар", "іңдер") if not vowel_end else _pick(back, "ңдар", "ңдер")),
            stem + (_pick(back, "ыңыз", "іңіз") if not vowel_end else _pick(back, "ңыз", "ңіз")),
            stem + _pick(back, "сын", "сін"),
            stem + (_pick(back, "айық", "ейік") if not vowel_end else _pick(back, "йық", "йік")),
            stem + (_pick(back, "ып", "іп") if not vowel_end else "п"),
            stem + part,
            stem + past,
            stem + (_pick(back, "амыз", "еміз") if not vowel_end else _pick(back, "ймыз", "йміз")),
            stem + (_pick(back, "амын", "емін") if not vowel_end else _pick(back, "ймын", "ймін")),
            stem + (_pick(back, "ады", "еді") if not vowel_end else _pick(back, "йды", "йді")),
            stem + (_pick(back, "асың", "есің") if not vowel_end else _pick(back, "йсың", "йсің")),
            stem + past + "м",
            stem + past + ("қ" if back else "к"),
            stem + (_pick(back, "атын", "етін") if not vowel_end else _pick(back, "йтын", "йтін")),
        ]
        if end == "й":  # й + а is spelt я: жояйық, жоямыз
            forms = [f[: len(stem) - 1] + "я" + f[len(stem) + 1 :] if f[len(stem) : len(stem) + 1] == "а" else f for f in forms]
        # negative forms (өлтірмеу) are left to the analyzer, which marks them negated
        return tuple(dict.fromkeys(forms))
    if vowel_end or end in "руй":
        plural = stem + _pick(back, "лар", "лер")
    elif end in "лмнңжз":
        plural = stem + _pick(back, "дар", "дер")
    else:
        plural = stem + (_pick(back, "тар", "тер") if end in _GEN_VOICELESS else _pick(back, "дар", "дер"))
    poss = stem + (_pick(back, "сы", "сі") if vowel_end else _pick(back, "ы", "і"))
    forms += [plural, poss, plural + _pick(back, "ы", "і")]
    forms += _case_forms(stem, back)
    forms += _case_forms(plural, back)
    return tuple(dict.fromkeys(forms))
