"""Kazakh suffixes: the one table that analysis, generation and grammeme tagging all read.

A Kazakh word is ``STEM + plural + possessive + case + personal ending`` (қытай-лар-ы-ның,
қазақ-пын) or ``STEM + negation + tense/mood + person`` (қу-ма-й-мыз, кет-пе-сін).  Each row
below is one suffix allomorph, written in its **back-vowel standard spelling**, with

* ``after``: the classes of letter it may follow (vowel, glide, nasal, voiceless...);
* ``gram``: the grammemes it marks, named as pymorphy3/OpenCorpora names them where the
  categories agree (gent, datv, plur, impr, past...), so one rule condition serves both languages;
* for nominal rows, its ``slot`` (plural < possessive < case < predicative: suffixes stack in
  that order) and, for the cases that only follow a possessive (-на, -нда, -н after үйі-), the
  possessive it needs;
* ``cell``: the paradigm cell the row fills when forms are *generated* (of a cell's rows that fit
  the stem, the most specific is used).

Everything else is derived, not written again:

* the front-vowel spelling (а→е ы→і ұ→ү о→ө қ→к ғ→г), unless the row is harmony-free;
* the Russian-keyboard spelling (ә→а ғ→г қ→к ң→н ө→о ұ/ү→у һ→х і→и), by `keyboard_fold`,
  so -дың is also read as -дын and -ға as -га without a row of its own;
* the grammeme table used by `grammemes.py`, and the analyzer's and generator's indexes in
  `kazakh.py`.

Add a suffix here once, in one row, and analysis, generation, typed spellings and rule grammar
conditions all know it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Frequent words that look suffixed but are not, read whole: pronominal adjectives in -дай/-ндай
# (қандай "what kind" is not қан "blood" + the similative -дай).
NOT_SUFFIXED = ("қандай", "мұндай", "сондай", "ондай", "бұндай", "андай", "осындай", "сондайлық")

# -- letter classes: what a suffix may follow --------------------------------------------------------
V = "V"  # vowels
I = "I"  # и: a vowel letter that is [ɯj]/[ɪj], so it also behaves like й
R = "R"  # р й у (у is the glide in тау, өлтіру)
L = "L"  # л
N = "N"  # м н ң
Z = "Z"  # ж з
T = "T"  # voiceless consonants
D = "D"  # voiced stops/fricatives б в г ғ д: alternants and loans, devoiced by suffixes

LETTER_CLASSES: dict[str, str] = {
    ch: cls
    for letters, cls in (
        ("аәеоөұүыіэяё", V),
        ("и", I),
        ("рйую", R),
        ("л", L),
        ("мнң", N),
        ("жз", Z),
        ("пфкқтсшщхһцч", T),
        ("бвгғд", D),
    )
    for ch in letters
}

ANY = None  # no condition on the preceding letter
AFTER_VOWEL = frozenset({V, I})
AFTER_CONS = frozenset({I, R, L, N, Z, T, D})
VOICED = frozenset({V, I, R, L, N, Z})  # vowels and voiced consonants
VOICELESS = frozenset({T, D})

# -- spellings -----------------------------------------------------------------------------------------
FRONTING = str.maketrans("аыұоқғ", "еіүөкг")  # back spelling → front spelling
KAZAKH_ONLY_LETTERS = "әғқңөұүһі"

# Two-letter nouns a nominal ending may follow.  Nominal stems are otherwise at least three
# letters long, because stripping down to two cuts most words in the middle (оқты is the past of
# оқы- "read"); these are the short nouns the rules need: үйлерін "their homes", оққа "to the
# bullet", иттер "dogs", атқа "to the horse".
_SHORT_NOUNS = "үй оқ ит ат от ет ас ай ой із ұл ән ақ".split()
# Kazakh typed on a Russian keyboard: each Kazakh-only letter as its Russian look-alike
KEYBOARD = str.maketrans(KAZAKH_ONLY_LETTERS, "агкноууxи".replace("x", "х"))
SHORT_NOMINAL_STEMS = frozenset(_SHORT_NOUNS) | frozenset(w.translate(KEYBOARD) for w in _SHORT_NOUNS)  # and typed


def keyboard_fold(text: str) -> str:
    """The Russian-keyboard spelling of a Kazakh word (қытайлардың → кытайлардын).

    Letter for letter, so a folded word has the length of the original and positions match."""
    return text.translate(KEYBOARD)


def front(form: str) -> str:
    return form.translate(FRONTING)


# -- nominal suffixes ------------------------------------------------------------------------------------
PLURAL, POSS, CASE, PRED = 0, 1, 2, 3  # slots, innermost first
P3 = "P3"  # 3rd-person possessive (-ы/-і/-сы/-сі)
P12 = "P12"  # 1st/2nd person singular possessive (-м/-ым/-ң/-ың)


@dataclass(frozen=True, slots=True)
class Nominal:
    form: str  # back-vowel spelling
    after: frozenset[str] | None
    slot: int
    gram: tuple[str, ...]
    cell: str = ""  # paradigm cell for generation ("" = never generated)
    needs: str | None = None  # only after a possessive of this kind
    poss: str | None = None  # this row is a possessive of this kind
    harmony: bool = True  # False: one spelling after back and front stems


_1SG, _2SG, _1PL, _2POL, _2PL = ("1per", "sing"), ("2per", "sing"), ("1per", "plur"), ("2per",), ("2per", "plur")

NOMINAL: tuple[Nominal, ...] = (
    # plural
    Nominal("лар", frozenset({V, I, R}), PLURAL, ("plur",), "plural"),
    Nominal("дар", frozenset({L, N, Z, D}), PLURAL, ("plur",), "plural"),
    Nominal("тар", VOICELESS, PLURAL, ("plur",), "plural"),
    # possessive, after a consonant
    Nominal("ым", AFTER_CONS, POSS, ("poss", *_1SG), poss=P12),
    Nominal("ың", AFTER_CONS, POSS, ("poss", *_2SG), poss=P12),
    Nominal("ы", AFTER_CONS, POSS, ("poss", "3per"), "poss3", poss=P3),
    Nominal("ымыз", AFTER_CONS, POSS, ("poss", *_1PL)),
    Nominal("ыңыз", AFTER_CONS, POSS, ("poss", *_2POL)),
    Nominal("ыңдар", AFTER_CONS, POSS, ("poss", *_2PL)),
    Nominal("ыңыздар", AFTER_CONS, POSS, ("poss", *_2POL, "plur")),
    # possessive, after a vowel
    Nominal("м", AFTER_VOWEL, POSS, ("poss", *_1SG), poss=P12),
    Nominal("ң", AFTER_VOWEL, POSS, ("poss", *_2SG), poss=P12),
    Nominal("сы", AFTER_VOWEL, POSS, ("poss", "3per"), "poss3", poss=P3),
    Nominal("мыз", AFTER_VOWEL, POSS, ("poss", *_1PL)),
    Nominal("ңыз", AFTER_VOWEL, POSS, ("poss", *_2POL)),
    Nominal("ңдар", AFTER_VOWEL, POSS, ("poss", *_2PL)),
    Nominal("ңыздар", AFTER_VOWEL, POSS, ("poss", *_2POL, "plur")),
    # genitive
    Nominal("ның", frozenset({V, I, N}), CASE, ("gent",), "gent"),
    Nominal("дың", frozenset({I, R, L, Z, D}), CASE, ("gent",), "gent"),
    Nominal("тың", VOICELESS, CASE, ("gent",), "gent"),
    # accusative
    Nominal("ны", AFTER_VOWEL, CASE, ("accs",), "accs"),
    Nominal("ды", frozenset({I, R, L, N, Z, D}), CASE, ("accs",), "accs"),
    Nominal("ты", VOICELESS, CASE, ("accs",), "accs"),
    Nominal("н", ANY, CASE, ("accs",), needs=P3),
    # dative
    Nominal("ға", VOICED, CASE, ("datv",), "datv"),
    Nominal("қа", VOICELESS, CASE, ("datv",), "datv"),
    Nominal("на", ANY, CASE, ("datv",), needs=P3),
    Nominal("а", ANY, CASE, ("datv",), needs=P12),
    # locative
    Nominal("да", VOICED, CASE, ("loct",), "loct"),
    Nominal("та", VOICELESS, CASE, ("loct",), "loct"),
    Nominal("нда", ANY, CASE, ("loct",), needs=P3),
    # ablative
    Nominal("дан", frozenset({V, I, R, L, Z}), CASE, ("ablv",), "ablv"),
    Nominal("нан", frozenset({N}), CASE, ("ablv",), "ablv"),
    Nominal("нан", ANY, CASE, ("ablv",), needs=P3),
    Nominal("тан", VOICELESS, CASE, ("ablv",), "ablv"),
    # instrumental (no harmony)
    Nominal("мен", frozenset({V, I, R, L, N}), CASE, ("ablt",), "ablt", harmony=False),
    Nominal("менен", frozenset({V, I, R, L, N}), CASE, ("ablt",), harmony=False),
    Nominal("бен", frozenset({Z}), CASE, ("ablt",), "ablt", harmony=False),
    Nominal("бенен", frozenset({Z}), CASE, ("ablt",), harmony=False),
    Nominal("пен", VOICELESS, CASE, ("ablt",), "ablt", harmony=False),
    Nominal("пенен", VOICELESS, CASE, ("ablt",), harmony=False),
    # "the one in/at ..." (-дағы)
    Nominal("дағы", VOICED, CASE, ("adjx",)),
    Nominal("тағы", VOICELESS, CASE, ("adjx",)),
    Nominal("ндағы", ANY, CASE, ("adjx",), needs=P3),
    # similative "like a ...": тарақандай, иттей, баласындай
    Nominal("дай", VOICED, CASE, ("siml",), "siml"),
    Nominal("тай", VOICELESS, CASE, ("siml",), "siml"),
    Nominal("ндай", ANY, CASE, ("siml",), needs=P3),
    # "the one belonging to ..." (-дікі, the same after back and front stems)
    Nominal("нікі", frozenset({V, I, N}), CASE, ("adjx",), harmony=False),
    Nominal("дікі", frozenset({I, R, L, Z, D}), CASE, ("adjx",), harmony=False),
    Nominal("тікі", VOICELESS, CASE, ("adjx",), harmony=False),
    # predicative personal endings: қазақпын, баламыз, кәпірсің
    Nominal("мын", frozenset({V, I, R, L, N}), PRED, ("pred", *_1SG)),
    Nominal("мыз", frozenset({V, I, R, L, N}), PRED, ("pred", *_1PL)),
    Nominal("бын", frozenset({Z}), PRED, ("pred", *_1SG)),
    Nominal("быз", frozenset({Z}), PRED, ("pred", *_1PL)),
    Nominal("пын", VOICELESS, PRED, ("pred", *_1SG)),
    Nominal("пыз", VOICELESS, PRED, ("pred", *_1PL)),
    Nominal("сың", ANY, PRED, ("pred", *_2SG)),
    Nominal("сыз", ANY, PRED, ("pred", *_2POL)),
    Nominal("сыңдар", ANY, PRED, ("pred", *_2PL)),
    Nominal("сыздар", ANY, PRED, ("pred", *_2POL, "plur")),
)

# -- verbal endings -------------------------------------------------------------------------------------
# A verbal ending is one or more morphs (present -а + person -мыз).  Nonfinite endings (verbal
# noun, participles, -мақ) make nominals and may be followed by nominal suffixes (өлтіргендер,
# қууға); finite ones close the word.  ``restore`` is a stem-final letter fused into the ending
# (жой + а → жоя, жой + у → жою); ``drop`` the stem-final vowels the ending replaces (оқы + у →
# оқу).  ``neg_only``: only after the negation (келмей).


@dataclass(frozen=True, slots=True)
class Verbal:
    pieces: tuple[tuple[str, tuple[str, ...]], ...]  # (morph, grammemes), back spelling
    after: frozenset[str] | None
    cell: str = ""
    nonfinite: bool = False
    neg_only: bool = False
    restore: str = ""
    drop: str = ""

    @property
    def form(self) -> str:
        return "".join(m for m, _ in self.pieces)


_PERSONS = (("мын", _1SG), ("сың", _2SG), ("сыз", _2POL), ("ды", ("3per",)), ("мыз", _1PL),
            ("сыңдар", _2PL), ("сыздар", (*_2POL, "plur")))
_PAST_PERSONS = (("", ("3per",)), ("м", _1SG), ("ң", _2SG), ("ңыз", _2POL), ("қ", _1PL), ("ңдар", _2PL),
                 ("ңыздар", (*_2POL, "plur")))
_PRESENT_CELLS = {"мын": "pres1sg", "сың": "pres2sg", "ды": "pres3", "мыз": "pres1pl"}
_PAST_CELLS = {"": "past3", "м": "past1sg", "қ": "past1pl"}


def _v(*pieces: tuple[str, tuple[str, ...]], after, cell: str = "", **kw) -> Verbal:
    return Verbal(tuple((m, g) for m, g in pieces if m), after, cell, **kw)


def _verbal_rows() -> tuple[Verbal, ...]:
    rows: list[Verbal] = []
    add = rows.append
    for person, gram in _PERSONS:  # present/future: келеміз, жасайды, қумаймыз
        cell = _PRESENT_CELLS.get(person, "")
        add(_v(("а", ("pres",)), (person, gram), after=AFTER_CONS, cell=cell))
        add(_v(("й", ("pres",)), (person, gram), after=frozenset({V}), cell=cell))
        add(_v(("я", ("pres",)), (person, gram), after=ANY, cell=cell, restore="й"))
    # a stem's final ы/і and the -й of the present are written и: оқы + й + ды → оқиды, сасы →
    # сасиды, шірі → шіриді (also the habitual participle оқитын and the hortative оқиық)
    for person, gram in _PERSONS:
        add(_v(("и", ("pres",)), (person, gram), after=ANY, drop="ыі"))
    add(_v(("итын", ("prtc",)), after=ANY, nonfinite=True, drop="ыі"))
    add(_v(("иық", ("impr", *_1PL)), after=ANY, drop="ыі"))
    # the spoken first person singular, -мын worn down to -м: өлтірем, ұрам, сабайм, жоям ("I will
    # kill / beat / destroy"), as comments write it
    add(_v(("а", ("pres",)), ("м", (*_1SG, "Infr")), after=AFTER_CONS))
    add(_v(("й", ("pres",)), ("м", (*_1SG, "Infr")), after=frozenset({V})))
    add(_v(("я", ("pres",)), ("м", (*_1SG, "Infr")), after=ANY, restore="й"))
    for person, gram in _PAST_PERSONS:  # past: келдім, кетті; conditional: келсек
        cell = _PAST_CELLS.get(person, "")
        add(_v(("ды", ("past",)), (person, gram), after=VOICED, cell=cell))
        add(_v(("ты", ("past",)), (person, gram), after=VOICELESS, cell=cell))
        add(_v(("са", ("cond",)), (person, gram), after=ANY))
    add(_v(("ып", ("conv",)), after=AFTER_CONS, cell="converb"))  # converb: келіп, жасап
    add(_v(("п", ("conv",)), after=frozenset({V}), cell="converb"))
    add(_v(("ыпты", ("past", "rprt")), after=AFTER_CONS))  # reported past: кетіпті
    add(_v(("пты", ("past", "rprt")), after=frozenset({V})))
    add(_v(("й", ("conv",)), after=frozenset({V}), neg_only=True))  # negative converb: келмей
    add(_v(("сын", ("impr", "3per")), after=ANY, cell="impr3"))  # 3rd-person imperative: кетсін, кетпесін
    for ending, gram, cell in (("ыңдар", ("impr", *_2PL), "impr2pl"), ("ыңыз", ("impr", *_2POL), "impr2pol"),
                               ("ыңыздар", ("impr", *_2POL, "plur"), "")):  # 2nd-person imperative
        add(_v((ending, gram), after=AFTER_CONS, cell=cell))
        add(_v((ending[1:], gram), after=frozenset({V}), cell=cell))
    for ending, gram, cell in (("айық", ("impr", *_1PL), "hort1pl"), ("айын", ("impr", *_1SG), "")):  # hortative
        add(_v((ending, gram), after=AFTER_CONS, cell=cell))
        add(_v((ending[1:], gram), after=frozenset({V}), cell=cell))
        add(_v(("я" + ending[1:], gram), after=ANY, cell=cell, restore="й"))
    add(_v(("ғалы", ("intn",)), after=VOICED))  # intention: келгелі
    add(_v(("қалы", ("intn",)), after=VOICELESS))
    for poss, gram in (("сы", ("3per",)), ("м", _1SG), ("ң", _2SG), ("ңыз", _2POL), ("мыз", _1PL),
                       ("лары", ("3per", "plur"))):  # desiderative: құртқысы келеді "wants to destroy"
        add(_v(("ғы", ("desid",)), (poss, gram), after=VOICED))
        add(_v(("қы", ("desid",)), (poss, gram), after=VOICELESS))
    # nonfinite
    add(_v(("у", ("infn",)), after=ANY, cell="infn", nonfinite=True))  # verbal noun: өлтіру, қуу, жасау
    add(_v(("у", ("infn",)), after=ANY, cell="infn", nonfinite=True, drop="ыі"))  # оқы + у → оқу
    add(_v(("ю", ("infn",)), after=frozenset({I}), nonfinite=True))  # кию
    add(_v(("ю", ("infn",)), after=ANY, cell="infn", nonfinite=True, restore="й"))  # жою
    add(_v(("ған", ("prtc", "past")), after=VOICED, cell="prtc", nonfinite=True))  # past participle: келген
    add(_v(("қан", ("prtc", "past")), after=VOICELESS, cell="prtc", nonfinite=True))
    add(_v(("атын", ("prtc",)), after=AFTER_CONS, cell="prtc_hab", nonfinite=True))  # habitual participle: өлтіретін
    add(_v(("йтын", ("prtc",)), after=frozenset({V}), cell="prtc_hab", nonfinite=True))
    add(_v(("ятын", ("prtc",)), after=ANY, cell="prtc_hab", nonfinite=True, restore="й"))
    # aorist participle in wishes: қуар еді, өлтірер едім, құртар едім.  Not after л д nor after a
    # vowel: -лар, -дар are the plural (депортациялар is "deportations" as much as "would
    # deport"), which costs өлер and the -ла- verbs; after т the plural is -тар on a тт stem, which
    # no stem ends in (мигранттар is not мигрантт + ар)
    add(_v(("ар", ("futr", "prtc")), after=frozenset({I, R, N, Z, T}), nonfinite=True))
    add(_v(("яр", ("futr", "prtc")), after=ANY, nonfinite=True, restore="й"))  # жой + ар is written жояр
    # its negative: the aorist -мас/-мес after the negation (қалдырмас едім "I would not leave",
    # кетпес, ұмытпас) — as a word of its own, not a participle taking endings: айырмасы is the noun
    # "its difference", not "its not separating"
    add(_v(("с", ("futr", "prtc")), after=frozenset({V}), neg_only=True))
    for suffix in ("мақ", "мақшы"):  # future of intention: өлтірмекпін
        add(_v((suffix, ("futr",)), after=frozenset({V, I, R, L}), nonfinite=True))
        add(_v(("б" + suffix[1:], ("futr",)), after=frozenset({N, Z}), nonfinite=True))
        add(_v(("п" + suffix[1:], ("futr",)), after=VOICELESS, nonfinite=True))
    return tuple(rows)


VERBAL: tuple[Verbal, ...] = _verbal_rows()

# -- voice: between the stem and the negation or ending (қу-ыл-сын "let them be driven out") ------------


@dataclass(frozen=True, slots=True)
class Voice:
    form: str
    after: frozenset[str]
    gram: tuple[str, ...]


VOICE: tuple[Voice, ...] = (
    Voice("ыл", frozenset({I, R, N, Z, T, D}), ("pssv",)),  # passive after a consonant: қуыл-, жойыл-, шығарыл-
    Voice("л", frozenset({V}), ("pssv",)),  # after a vowel: аласта-л-
    # -ла/-ле verbs take -н: жазала-н-ады "is punished", депортацияла-н-уы "being deported"; the
    # reflexive -н (жуы-н-) reads the same, and a stem that is no entry finds nothing anyway
    Voice("н", frozenset({V}), ("pssv",)),
)

# -- verb negation: before the tense/mood ending (жек көрмеймін "I do not hate") ---------------------------


@dataclass(frozen=True, slots=True)
class Negation:
    form: str
    after: frozenset[str]
    gram: tuple[str, ...] = ("neg",)


NEGATION: tuple[Negation, ...] = (
    Negation("ма", frozenset({V, I, R, L})),
    Negation("ба", frozenset({N, Z})),
    Negation("па", VOICELESS),
)

# -- generation: the forms of a stem the lexicon index lists -------------------------------------------
# Each paradigm entry is a sequence of cells; for each cell the most specific row that fits the
# form built so far is used (a row fusing a stem-final letter first, then the narrowest ``after``:
# -сы after a vowel rather than -ы after "any consonant or и"; -тар after a devoiced д rather than
# -дар).  Nouns: the stem, its plural, 3rd-person possessive, plural possessive, and the cases of
# the stem and of the plural.  Verbs: the forms calls, threats and reports use most.
_CASE_CELLS = ("gent", "datv", "accs", "loct", "ablv", "ablt", "siml")
NOUN_PARADIGM: tuple[tuple[str, ...], ...] = (
    (), ("plural",), ("poss3",), ("plural", "poss3"),
    *((c,) for c in _CASE_CELLS),
    *(("plural", c) for c in _CASE_CELLS),
)
VERB_PARADIGM: tuple[tuple[str, ...], ...] = (
    (), ("infn",), ("infn", "datv"), ("impr2pl",), ("impr2pol",), ("impr3",), ("hort1pl",), ("converb",),
    ("prtc",), ("past3",), ("pres1pl",), ("pres1sg",), ("pres3",), ("pres2sg",), ("past1sg",), ("past1pl",),
    ("prtc_hab",),
)
