"""Kazakh suffix analyzer and generator: candidate stems for lexicon lookup, without a dictionary.

Kazakh is agglutinative: a noun takes ``STEM + plural + possessive + case + personal
ending`` (қытай-лар-ы-ның, қазақ-пын) and a verb takes ``STEM + negation + tense/mood +
person`` (қу-ма-й-мыз, кет-пе-сін). The lexicon stores stems, so the engine needs every
plausible stem of a surface form. This module strips suffixes right to left along those
slots and records each intermediate stem as a candidate; the caller looks every candidate
up and keeps the suffix chain (and its grammemes) as the explanation.

The suffixes themselves are data: every allomorph, its conditions and grammemes are rows of the
one table in `kazakh_suffixes.py`, which this module indexes for analysis (by surface, in the
standard spelling and in the Russian-keyboard spelling) and for generation (by paradigm cell).

Only *conditioned* suffixes are stripped, so a stem is proposed only when the suffix really
could stand there:

* vowel harmony: a back suffix (-лар, -ға) only after a stem whose last vowel is back
  (а о ұ ы я), a front one (-лер, -ге) only after ә е ө ү і; stems whose last vowel letter
  is и, у or ю (often loans: такси, or glides: тау) take either, as do Russian-looking
  stems ending in е (еврейлер, and the common social-media еврейлар);
* the consonant of the suffix: -лар after vowels and р й у, -дар after л м н ң ж з,
  -тар after voiceless consonants; -ның after vowels and м н ң; dative -а/-е only after
  a 1st/2nd person singular possessive (үйіме), -на/-нда/-нан/-н only after a 3rd-person
  possessive (үйіне), and so on (see the table);
* the stem-final п/к/қ → б/г/ғ alternation before a vowel is undone (кітабы → кітап), the
  т that -ист loans drop before a т/к suffix is put back (фашистер → фашист), a stem-final й
  fused into я/ю is restored (жояды → жой) and a stem-final ы/і replaced by -у is too (оқу → оқы);
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

**Kazakh typed on a Russian keyboard** (қытайлардың → кытайлардын, кетсін → кетсин) is read by
`analyze_typed`, which runs the same algorithm over the keyboard spelling of the word and of the
table: a suffix is found by its typed spelling, its conditions are checked with the letters a
typed letter may stand for (у for ұ ү у, и for і и), and vowel harmony, which the typed letters no
longer show, is left to the caller to check against the standard stem it restores (see
`hsengine.lexicon.lookup`).  The chain it returns is in standard spelling, so the restored word
is the standard stem followed by the chain's surface.

Known gaps: bare imperatives (өлтірме "don't kill") are not read as negated; derivational
suffixes (-шыл, -лық) are left to the lexicon, while -сыз "without" is stripped as its homonym,
the personal ending (құдайсыз → құдай + сыз): check the chain.

The input is one lowercased Cyrillic token with ё folded to е; anything else (Latin,
digits, hyphens) comes back unanalysed. Functions are pure and keep no state; the
caller caches by token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .sets import shared
from .kazakh_suffixes import (
    NOT_SUFFIXED,
    D,
    I,
    L,
    LETTER_CLASSES,
    N,
    NEGATION,
    NOMINAL,
    NOUN_PARADIGM,
    SHORT_NOMINAL_STEMS,
    Nominal,
    P3,
    P12,
    PLURAL,
    PRED,
    POSS,
    R,
    T,
    V,
    VERB_PARADIGM,
    VERBAL,
    VOICE,
    Z,
    front,
    keyboard_fold,
)

__all__ = [
    "MIN_NOMINAL_STEM",
    "MIN_VERBAL_STEM",
    "KazakhAnalysis",
    "TypedAnalysis",
    "analyze",
    "analyze_typed",
    "bare_grammemes",
    "inflect",
    "keyboard_fold",
    "stems",
    "voiced_stem",
]

MIN_NOMINAL_STEM = 3
MIN_VERBAL_STEM = 2


@dataclass(frozen=True, slots=True)
class KazakhAnalysis:
    """One segmentation of a token.

    ``suffixes`` are the stripped morphs in surface order (closest to the stem first), in
    their underlying form: for жояды the stem is жой and the suffixes are ("а", "ды").
    ``gram`` are the grammemes the suffixes mark (the rows of the suffix table they matched).
    """

    stem: str
    suffixes: tuple[str, ...]
    negated: bool
    kind: str  # "word" (nothing stripped), "nominal" or "verbal"
    gram: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True, slots=True)
class TypedAnalysis:
    """A segmentation of a word typed on a Russian keyboard.

    ``stem`` is the stem in keyboard spelling (the letters as typed: кытай); ``surface_stem``
    the stem as it stands in the word (different when the suffix changed it: a voiced
    alternant китаб-, a fused жо-); ``tail`` the standard spelling of everything after the
    surface stem (-лардың for -лардын), so that standard stem + tail is the word in standard
    spelling (with the stem's own letters adjusted as the suffix demands, see `standard_word`).
    """

    stem: str
    surface_stem: str
    tail: str
    analysis: KazakhAnalysis


# ---------------------------------------------------------------------------------------
# Letter classes and harmony
# ---------------------------------------------------------------------------------------
_CLASS = LETTER_CLASSES
BACK, FRONT, BOTH = 1, 2, 3
_BACK_VOWELS = frozenset("аоұыяё")
_FRONT_VOWELS = frozenset("әеөүіэ")
_NEUTRAL_VOWELS = frozenset("иую")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_VOWEL_INITIAL = frozenset("аәеоөұүыіуюя")
_ALTERNATION = {"б": "п", "г": "к", "ғ": "қ"}  # stem-final п/к/қ voiced before a vowel
_VOICING = {v: k for k, v in _ALTERNATION.items()}  # п/к/қ → б/г/ғ when a vowel follows (generation)
_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_TYPED_AMBIGUOUS = {"у": frozenset({R, V}), "и": frozenset({I, V})}  # у may be ұ/ү, и may be і

AFTER_VOWEL = frozenset({V, I})

_UNANALYSABLE = frozenset(NOT_SUFFIXED)


def _harmony_of(suffix: str) -> int:
    """Harmony class a suffix demands, BOTH if it has no harmonic letter."""
    for ch in suffix:
        if ch in "аыұоқғя":
            return BACK
        if ch in "еіүөкг":
            return FRONT
    return BOTH


def _spellings(back: str, harmony: bool) -> list[str]:
    if not harmony:
        return [back]
    fr = front(back)
    return [back] if fr == back else [back, fr]


class _Mode:
    """How stripping reads letters: the standard spelling, or the Russian-keyboard one."""

    def __init__(self, typed: bool):
        self.typed = typed
        spell = keyboard_fold if typed else (lambda s: s)
        self.spell = spell
        self.nominal, self.nominal_lengths = self._nominal_index(spell)
        self.verbal, self.verbal_lengths = self._verbal_index(spell)
        self.negation = {spell(form): (form, row.after, _harmony_of(form), row.gram)
                         for row in NEGATION for form in _spellings(row.form, True)}
        self.voice = {spell(form): (form, row.after, _harmony_of(form), frozenset(row.gram))
                      for row in VOICE for form in _spellings(row.form, True)}
        self.genitive_shaped = frozenset(spell(s) for s in ("ды", "ді", "ты", "ті", "ны", "ні"))
        self.poss_end = {P3: frozenset(spell("ыі")), P12: frozenset(spell("мң"))}
        self.alternation = {spell(k): spell(v) for k, v in _ALTERNATION.items()}  # typed: г → к (қ folded)
        self.unanalysable = frozenset(spell(w) for w in _UNANALYSABLE)
        self.ist_suffix = frozenset(spell("тқк"))

    @staticmethod
    def _nominal_index(spell):
        table: dict[str, list[tuple]] = {}
        for row in NOMINAL:
            for form in _spellings(row.form, row.harmony):
                harmony = BOTH if not row.harmony else _harmony_of(form)
                entry = (form, row.slot, row.after, harmony, row.needs, row.poss, form[0] in _VOWEL_INITIAL,
                         frozenset(row.gram))
                table.setdefault(spell(form), []).append(entry)
        return {k: tuple(v) for k, v in table.items()}, tuple(sorted({len(k) for k in table}))

    @staticmethod
    def _verbal_index(spell):
        table: dict[str, list[tuple]] = {}
        for row in VERBAL:
            variants = [tuple(m for m, _ in row.pieces)]
            fr = tuple(front(m) for m, _ in row.pieces)
            if fr != variants[0] and "я" not in row.form:  # й+е is spelled йе: no fusion
                variants.append(fr)
            gram = frozenset(g for _, gs in row.pieces for g in gs)
            for pieces in variants:
                surface = "".join(pieces)
                underlying = pieces
                if row.restore:  # report the underlying morph: жо|я|ды → жой + а + ды
                    underlying = (pieces[0].replace("я", "а").replace("ю", "у"),) + pieces[1:]
                entry = (surface, row.after, _harmony_of(surface), underlying, row.nonfinite, row.neg_only,
                         row.restore, row.drop, surface[0] in _VOWEL_INITIAL, gram)
                table.setdefault(spell(surface), []).append(entry)
        return {k: tuple(v) for k, v in table.items()}, tuple(sorted({len(k) for k in table}))

    # -- conditions ---------------------------------------------------------------------
    def classes(self, stem: str) -> frozenset[str]:
        ch = stem[-1]
        if ch in "ьъ" and len(stem) > 1:  # учитель-дер: the soft sign is silent
            ch = stem[-2]
        if self.typed and ch in _TYPED_AMBIGUOUS:
            return _TYPED_AMBIGUOUS[ch]
        cls = _CLASS.get(ch)
        return frozenset((cls,)) if cls else frozenset()

    def stem_harmony(self, stem: str) -> int:
        """Which suffix harmony the stem accepts (BACK, FRONT or BOTH)."""
        if self.typed:
            # typed letters hide harmony (а for ә, о for ө, у for ұ/ү, и for і): only ы and я are
            # still certainly back; the caller checks the restored standard stem
            for ch in reversed(stem):
                if ch in "ыяё":
                    return BACK
                if ch in "аоуиеэю":
                    return BOTH
            return BOTH
        for ch in reversed(stem):
            if ch in _BACK_VOWELS:
                return BACK
            if ch in _FRONT_VOWELS:
                if ch == "е" and not any(c in _KAZAKH_LETTERS for c in stem):
                    return BOTH  # Russian-looking stem: еврейлер and еврейлар both occur
                return FRONT
            if ch in _NEUTRAL_VOWELS:
                return BOTH
        return BOTH

    def fits(self, stem: str, cond, harmony: int) -> bool:
        if cond is not None and self.classes(stem).isdisjoint(cond):
            return False
        return harmony == BOTH or bool(self.stem_harmony(stem) & harmony)


_STANDARD = _Mode(False)
_TYPED = _Mode(True)

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


# A candidate while stripping: (lexical stem, surface stem, suffix chain, standard tail, grammemes)
_Found = tuple[str, str, tuple[str, ...], str, frozenset]


# ---------------------------------------------------------------------------------------
# Stripping
# ---------------------------------------------------------------------------------------
def _strip_nominal(mode: _Mode, form: str, outer: tuple[str, ...], tail: str, gram: frozenset, top: int,
                   need: str | None, out: list[_Found]) -> bool:
    """Strip nominal suffixes from ``form`` using slots ``top`` and below.

    Appends a candidate for every reachable stem; returns whether anything was stripped (used
    when the previous suffix requires a possessive before it)."""
    found = False
    limit = len(form) - 2
    for length in mode.nominal_lengths:
        if length > limit:
            break
        entries = mode.nominal.get(form[-length:])
        if entries is None:
            continue
        stem = form[:-length]
        if len(stem) < MIN_NOMINAL_STEM and stem not in SHORT_NOMINAL_STEMS:
            continue
        for suffix, slot, cond, harmony, needs, tag, vowel_initial, row_gram in entries:
            if slot > top or (need is not None and tag != need):
                continue
            if vowel_initial and stem[-1] == "д":
                continue  # no native stem ends in д: жиді is жи+ді, not жид+і
            if suffix == "ң" and stem[-2:] in mode.genitive_shaped:
                continue  # қытайлардың is қытайлар+дың, not қытайларды+ң
            if not mode.fits(stem, cond, harmony) or not _plausible(stem):
                continue
            chain = (suffix,) + outer
            new_tail = suffix + tail
            new_gram = gram | row_gram
            if needs is not None:
                if stem[-1] in mode.poss_end[needs] and _strip_nominal(mode, stem, chain, new_tail, new_gram,
                                                                       POSS, needs, out):
                    out.append((stem, stem, chain, new_tail, new_gram))
                    found = True
                continue
            out.append((stem, stem, chain, new_tail, new_gram))
            found = True
            if vowel_initial and stem[-1] in mode.alternation:
                alternant = stem[:-1] + mode.alternation[stem[-1]]
                if _plausible(alternant):
                    out.append((alternant, stem, chain, new_tail, new_gram))
            elif suffix[0] in "тқк" and stem.endswith("ис"):
                out.append((stem + "т", stem, chain, new_tail, new_gram))  # фашис|тер: -ист loans drop т
            if slot > PLURAL:
                _strip_nominal(mode, stem, chain, new_tail, new_gram, slot - 1, None, out)
    return found


def _strip_verbal(mode: _Mode, form: str, outer: tuple[str, ...], tail: str, gram: frozenset,
                  nonfinite_only: bool, out: list[tuple[_Found, bool]]) -> None:
    """Strip one verbal ending (and a negation before it) from ``form``."""
    limit = len(form) - MIN_VERBAL_STEM
    for length in mode.verbal_lengths:
        if length > limit:
            break
        entries = mode.verbal.get(form[-length:])
        if entries is None:
            continue
        bare = form[:-length]
        for surface, cond, harmony, pieces, nonfinite, neg_only, restore, drop, vowel_initial, row_gram in entries:
            if nonfinite_only and not nonfinite:
                continue
            if restore:
                if V not in mode.classes(bare):
                    continue
                stem = bare + restore
            elif drop:
                if mode.classes(bare).isdisjoint(_CONSONANTS) or not _plausible(bare):
                    continue  # оқ|у → оқы: a consonant stands before the dropped vowel
                stems_ = _dropped(mode, bare, drop)
                if not stems_:
                    continue
                for stem in stems_:
                    if mode.fits(stem, cond, harmony) and _plausible(stem):
                        out.append(((stem, bare, pieces + outer, surface + tail, gram | row_gram | {"VERB"}), False))
                continue
            else:
                stem = bare
            if vowel_initial and stem[-1] == "д":
                continue
            if not mode.fits(stem, cond, harmony):
                continue
            chain = pieces + outer
            new_tail = surface + tail
            new_gram = gram | row_gram | {"VERB"}
            if not restore and len(stem) - 2 >= MIN_VERBAL_STEM:
                negation = mode.negation.get(stem[-2:])
                if negation is not None and mode.fits(stem[:-2], negation[1], negation[2]) and _plausible(stem[:-2]):
                    neg_gram = new_gram | set(negation[3])
                    out.append(((stem[:-2], stem[:-2], (negation[0],) + chain, negation[0] + new_tail, neg_gram), True))
                    _strip_voice(mode, stem[:-2], (negation[0],) + chain, negation[0] + new_tail, neg_gram, True, out)
            if not neg_only and _plausible(stem):
                out.append(((stem, bare, chain, new_tail, new_gram), False))
                if not restore:
                    _strip_voice(mode, stem, chain, new_tail, new_gram, False, out)
                if vowel_initial and stem[-1] in mode.alternation and not restore:
                    alternant = stem[:-1] + mode.alternation[stem[-1]]
                    if _plausible(alternant):
                        out.append(((alternant, stem, chain, new_tail, new_gram), False))


_CONSONANTS = frozenset({R, L, N, Z, T, D})


def _strip_voice(mode: _Mode, stem: str, chain: tuple[str, ...], tail: str, gram: frozenset, negated: bool,
                 out: list) -> None:
    """The passive before the negation or the ending: қу|ыл|сын, аласта|л|сын, шығар|ыл|уы."""
    for length in (2, 1):
        if len(stem) - length < MIN_VERBAL_STEM:
            continue
        voice = mode.voice.get(stem[-length:])
        if voice is None:
            continue
        base = stem[:-length]
        form, cond, harmony, voice_gram = voice
        if mode.fits(base, cond, harmony) and _plausible(base):
            out.append(((base, base, (form,) + chain, form + tail, gram | voice_gram), negated))


def _dropped(mode: _Mode, bare: str, drop: str) -> list[str]:
    """Stems that lost their last vowel to the ending (оқ|у → оқы): the vowel of the stem's
    harmony; both in typed text, where harmony is hidden (the caller checks the standard stem)."""
    harmony = mode.stem_harmony(bare)
    back, fr = mode.spell(drop[0]), mode.spell(drop[1])
    if harmony == BACK:
        return [bare + back]
    if harmony == FRONT:
        return [bare + fr]
    return [bare + back, bare + fr] if mode.typed else []


def _candidates(mode: _Mode, word: str) -> tuple[list[_Found], list[tuple[_Found, bool]]]:
    nominal: list[_Found] = []
    _strip_nominal(mode, word, (), "", frozenset(), PRED, None, nominal)
    verbal: list[tuple[_Found, bool]] = []
    _strip_verbal(mode, word, (), "", frozenset(), False, verbal)
    for stem, _surface, chain, tail, gram in nominal:  # participles and verbal nouns carry nominal endings
        _strip_verbal(mode, stem, chain, tail, gram, True, verbal)
    return nominal, verbal


def _nominal_gram(gram: frozenset) -> frozenset[str]:
    out = {"NOUN", *gram}
    if not out & _CASES:
        out.add("nomn")
    return shared(frozenset(out))


_CASES = frozenset({"gent", "datv", "accs", "loct", "ablv", "ablt", "siml"})
CASES = _CASES  # the oblique cases a Kazakh ending marks (no ending: the nominative)


def _unanalysable(mode: _Mode, word: str) -> bool:
    return len(word) <= MIN_VERBAL_STEM or bool(word.strip(_CYRILLIC)) or word in mode.unanalysable


@lru_cache(maxsize=1 << 13)  # several stages of one word's analysis ask about it (the word analyses are cached)
def analyze(word: str) -> tuple[KazakhAnalysis, ...]:
    """All candidate analyses, the unstripped word first, then longer stems before shorter.

    >>> [(a.stem, a.suffixes, a.kind) for a in analyze("қытайлардың")][1:]
    [('қытайлар', ('дың',), 'nominal'), ('қытайлар', ('ды', 'ң'), 'verbal'), ('қытай', ('лар', 'дың'), 'nominal')]
    >>> a = analyze("қумаймыз")[-1]
    >>> (a.stem, a.suffixes, a.negated, a.kind, sorted(a.gram))
    ('қу', ('ма', 'й', 'мыз'), True, 'verbal', ['1per', 'VERB', 'neg', 'plur', 'pres'])
    """
    first = KazakhAnalysis(word, (), False, "word")
    if _unanalysable(_STANDARD, word):
        return (first,)
    nominal, verbal = _candidates(_STANDARD, word)
    if not nominal and not verbal:
        return (first,)
    seen = set()
    found: list[KazakhAnalysis] = []
    for stem, _surface, chain, _tail, gram in nominal:
        key = (stem, chain, False, "nominal")
        if key not in seen:
            seen.add(key)
            found.append(KazakhAnalysis(stem, chain, False, "nominal", _nominal_gram(gram)))
    for (stem, _surface, chain, _tail, gram), negated in verbal:
        key = (stem, chain, negated, "verbal")
        if key not in seen:
            seen.add(key)
            found.append(KazakhAnalysis(stem, chain, negated, "verbal", shared(gram)))
        if chain and chain[0] in _CONVERB_AFTER_U and len(stem) >= 3 and stem[-1] == "у" and stem[-2] in _VOWELS_BEFORE_U:
            # a stem-final п becomes у before the converb -ып: шап → шауып, тап → тауып, жап → жауып
            alt = stem[:-1] + "п"
            if (alt, chain, negated, "verbal") not in seen:
                seen.add((alt, chain, negated, "verbal"))
                found.append(KazakhAnalysis(alt, chain, negated, "verbal", shared(gram)))
    found.sort(key=_neg_len)
    return (first, *found)


_CONVERB_AFTER_U = frozenset({"ып", "іп"})
_VOWELS_BEFORE_U = frozenset("аәеоөыі")


@lru_cache(maxsize=1 << 13)
def analyze_typed(word: str) -> tuple[TypedAnalysis, ...]:
    """Segmentations of a word read in the Russian-keyboard spelling (any mix of typed and
    standard letters: the word is folded first), the unstripped word first.

    >>> [(t.stem, t.tail) for t in analyze_typed("кытайлардын")][-1]
    ('кытай', 'лардың')
    >>> [(t.stem, t.tail) for t in analyze_typed("кетсин")][1:]  # the caller tells them apart
    [('кетси', 'ң'), ('кет', 'сің'), ('кет', 'сін')]
    """
    folded = keyboard_fold(word)
    first = TypedAnalysis(folded, folded, "", KazakhAnalysis(folded, (), False, "word"))
    if _unanalysable(_TYPED, folded):
        return (first,)
    nominal, verbal = _candidates(_TYPED, folded)
    seen = set()
    found: list[TypedAnalysis] = []
    for stem, surface, chain, tail, gram in nominal:
        key = (stem, surface, tail, chain, False)
        if key not in seen:
            seen.add(key)
            found.append(TypedAnalysis(stem, surface, tail, KazakhAnalysis(stem, chain, False, "nominal",
                                                                          _nominal_gram(gram))))
    for (stem, surface, chain, tail, gram), negated in verbal:
        key = (stem, surface, tail, chain, negated)
        if key not in seen:
            seen.add(key)
            found.append(TypedAnalysis(stem, surface, tail, KazakhAnalysis(stem, chain, negated, "verbal", shared(gram))))
    found.sort(key=lambda t: -len(t.stem))
    return (first, *found)


def standard_word(typed: TypedAnalysis, stem: str) -> str | None:
    """The word in standard spelling, given the standard spelling of its stem (қытай for
    кытай), or None when that stem cannot stand there.  The stem's letters must fold to the
    typed ones; the suffix may have changed its last letter (кітап → кітаб-) or taken it in
    (жой → жо-я, оқы → оқ-у, фашист → фашис-тер)."""
    if keyboard_fold(stem) != typed.stem:
        return None
    surface = typed.surface_stem
    if surface == typed.stem:
        return stem + typed.tail
    if len(surface) == len(stem):  # an alternant: китаб- for кітап
        last = {"п": "б", "к": "г", "қ": "ғ"}.get(stem[-1])
        if last is None or keyboard_fold(last) != surface[-1]:
            return None
        return stem[:-1] + last + typed.tail
    if len(surface) == len(stem) - 1:  # a fused or dropped last letter
        return stem[:-1] + typed.tail
    return None


def _neg_len(analysis: KazakhAnalysis) -> int:
    return -len(analysis.stem)


def stems(word: str) -> tuple[str, ...]:
    """Distinct candidate stems of ``word`` (the word itself first), longest first.

    >>> stems("қытайлардың")
    ('қытайлардың', 'қытайлар', 'қытай')
    """
    return tuple(dict.fromkeys(a.stem for a in analyze(word)))


def bare_grammemes(kind: str) -> frozenset[str]:
    """Grammemes of a word with no suffix: a verb stem is the 2nd-person singular imperative
    (қайт! "go back!"), a noun is in the nominative."""
    return frozenset({"VERB", "impr", "2per", "sing"}) if kind == "verbal" else frozenset({"NOUN", "nomn"})


# -- generation ------------------------------------------------------------------------------
# The lexicon indexes generated forms of Kazakh entries, so that a word is found by one dictionary
# probe and typo matching compares whole words with whole words (as pymorphy3's inflections do for
# Russian), instead of guessing stems of misspelled words.  The forms are the paradigm cells of
# kazakh_suffixes.NOUN_PARADIGM / VERB_PARADIGM, each filled from the suffix table.


def _is_back(stem: str) -> bool:
    """Back harmony?  The last harmonic vowel decides; и counts as front (Russian loans:
    паразит → паразиттер), у and ю are neutral."""
    for ch in reversed(stem):
        if ch in _BACK_VOWELS:
            return True
        if ch in _FRONT_VOWELS or ch == "и":
            return False
    return True


def _class_for_generation(base: str) -> str | None:
    ch = base[-1]
    if ch in "ьъ" and len(base) > 1:  # учитель-дер: the soft sign is silent
        ch = base[-2]
    return _CLASS.get(ch)


def _cell_rows(cell: str) -> list:
    return _NOMINAL_CELLS.get(cell) or _VERBAL_CELLS.get(cell) or []


def _specificity(row) -> tuple[int, int]:
    fused = bool(getattr(row, "restore", "") or getattr(row, "drop", ""))
    return (0 if fused else 1, len(row.after) if row.after is not None else 99)


_NOMINAL_CELLS: dict[str, list] = {}
for _row in NOMINAL:
    if _row.cell and _row.needs is None:
        _NOMINAL_CELLS.setdefault(_row.cell, []).append(_row)
_VERBAL_CELLS: dict[str, list] = {}
for _row in VERBAL:
    if _row.cell:
        _VERBAL_CELLS.setdefault(_row.cell, []).append(_row)
for _rows in (*_NOMINAL_CELLS.values(), *_VERBAL_CELLS.values()):
    _rows.sort(key=_specificity)  # stable: table order among equals


def _attach(base: str, cell: str, back: bool) -> str | None:
    """`base` with the most specific row of `cell` that fits its last letter, or None."""
    cls = _class_for_generation(base)  # a final у is a glide (class R): қуып, таудың
    for row in _cell_rows(cell):
        restore = getattr(row, "restore", "")
        drop = getattr(row, "drop", "")
        if restore:
            if not base.endswith(restore) or len(base) < 2 or _CLASS.get(base[-2]) != V:
                continue
            stem_part = base[:-1]
        elif drop:
            if base[-1] not in drop:
                continue
            stem_part = base[:-1]
        else:
            if row.after is not None and cls not in row.after:
                continue
            stem_part = base
        if isinstance(row, Nominal):
            form = row.form if not row.harmony or back else front(row.form)
        else:
            form = row.form if back or "я" in row.form else front(row.form)
        if not (restore or drop) and form and (_CLASS.get(form[0]) in (V, I) or form[0] == "у") \
                and stem_part[-1] in _VOICING:
            stem_part = stem_part[:-1] + _VOICING[stem_part[-1]]  # шап + амыз → шабамыз, оқ + ы → оғы
        return stem_part + form
    return None


def voiced_stem(stem: str) -> str:
    """The stem as it is spelled before a vowel: шап → шаб (шабамыз), оқ → оғ (оғы)."""
    return stem[:-1] + _VOICING[stem[-1]] if stem and stem[-1] in _VOICING else stem


def inflect(stem: str, verb: bool = False) -> tuple[str, ...]:
    """Common inflected forms of a Kazakh stem under vowel harmony (the paradigm cells of the
    suffix table: nouns — plural, possessive, cases; verbs — verbal noun, imperatives, converb,
    participles, present and past)."""
    if len(stem) < 2 or not all(ch in _CYRILLIC for ch in stem):
        return (stem,)
    back = _is_back(stem)
    forms = []
    for cells in (VERB_PARADIGM if verb else NOUN_PARADIGM):
        form: str | None = stem
        for cell in cells:
            form = _attach(form, cell, back)
            if form is None:
                break
        if form is not None:
            forms.append(form)
    return tuple(dict.fromkeys(forms))
