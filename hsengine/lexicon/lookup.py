"""Stage 4+5 — analysis of one word: morphology, evasions, and the lexicon entries it reaches.

Every distinct word is analyzed once per Engine and cached: social-media text is Zipf-shaped, so
after warm-up almost every token costs one dictionary probe.  The routes, tried in this order
for each reading of the word (as written first, then de-obfuscated readings):

1. surface forms (lemmas, listed spellings, pymorphy3 inflections of Russian lemmas) → "exact"
   or "lemma";
2. every pymorphy3 normal form → Russian entries ("lemma");
3. Kazakh suffix analysis → Kazakh stems ("stem"), with verb negation noted;
4. Latin script: Kazakh Latin → Cyrillic then stems, and the translit skeleton ("translit");
5. only when nothing else matched, the word is long, unknown to the dictionaries and not a guard
   word: typo matching ("fuzzy").

De-obfuscated readings (leet, masks, stretched letters) are only accepted when they reach an entry
of a target/attack/frame class — a reading is a hypothesis the lexicon must confirm.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

import regex

from ..text import deobfuscate, langid
from . import regex_budget
from .index import Lexicon
from .loader import Entry
from ..morphology import kazakh, kazakh_words, russian
from ..morphology.kazakh_suffixes import keyboard_fold
from ..morphology.sets import shared as _shared  # equal sets, one object
from ..morphology.translit import kazakh_latin_to_cyrillic, russian_latin_readings, skeleton, skeleton_variants
from ..text.tokenize import script_of

KK_FUZZY_STEM = 4  # a typo inside a Kazakh stem is tolerated only from this stem length
MAX_MORPH_LEN = 64  # no real word is longer; longer tokens get surface lookup only
REGEX_TIMEOUT = regex_budget.REGEX_TIMEOUT  # CPU seconds per regex atom per word (see regex_budget)

_ONLY_LETTERS = regex.compile(r"^[\p{L}\p{M}'’`]+$")
# the abstract nouns Kazakh derives from adjectives and nouns (ақымақтық "stupidity", залымдық
# "cruelty"): a word that spells a lexicon stem and goes on with one of these is another word
_KK_ABSTRACT_NOUN = regex.compile(r"^(лы[қк]|лі[кқ]|ды[қк]|ді[кқ]|ты[қк]|ті[кқ]|ли[кқ]|ди[кқ]|ти[кқ])")
_CYRILLIC_ONLY = regex.compile(r"^[\p{Cyrillic}'’`-]+$")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def _typed_from(typed: str, standard: str) -> bool:
    """Can `typed` be `standard` with some Kazakh letters typed as their Russian look-alikes?
    A keyboard only loses Kazakh letters: бұдан "from this" is never a typing of будан."""
    fold = kazakh.keyboard_fold
    return len(typed) == len(standard) and all(a == b or a == fold(b) for a, b in zip(typed, standard))


def _listed_kazakh_gram(word: str, entry: Entry) -> frozenset[str]:
    """Grammemes of a Kazakh spelling or form an entry lists: a case form of another of its
    spellings (оларды = олар + accusative, бұлардың = бұлар + genitive) has that case; a listed
    verb form (кетпейді, кетсін) the grammar of its endings on the entry's stem; a spelling
    itself is a bare stem; a listed form no analysis explains stays unknown (empty)."""
    kind = "verbal" if entry.pos == "verb" else "nominal"
    if not _CYRILLIC_ONLY.match(word):
        # a Latin spelling the entry lists (olardy): the grammar of its Cyrillic reading (оларды)
        for cyr in kazakh_latin_to_cyrillic(word)[:2]:
            if cyr != word and _CYRILLIC_ONLY.match(cyr):
                gram = _listed_kazakh_gram(cyr, entry) if cyr in entry.spellings or any(
                    cyr.startswith(s) for s in entry.spellings) else frozenset()
                if gram:
                    return gram
        return frozenset()
    if word in entry.spellings:
        if entry.pos != "verb":
            for a in kazakh.analyze(word):
                if a.kind == "nominal" and a.suffixes and a.stem in entry.spellings:
                    return a.gram
            if "plural_pronoun" in entry.classes:
                # a pronoun's case form whose stem it does not list (бәрін, бәріне: all of them as
                # object and goal — the nominative бәрі is left out on purpose): its one ending's case
                for a in kazakh.analyze(word):
                    if a.kind == "nominal" and len(a.suffixes) == 1 and not a.gram.isdisjoint(kazakh.CASES):
                        return a.gram
        return kazakh.bare_grammemes(kind)
    grams = [a.gram for a in kazakh.analyze(word) if a.suffixes and a.stem in entry.spellings
             and (a.kind == kind or entry.pos not in ("verb", "noun", "adj"))]
    return frozenset().union(*grams) if grams else frozenset()


def _is_ordinary_kazakh(word: str, common: frozenset[str]) -> bool:
    """Is the word, as typed, itself a Kazakh word (a dictionary headword or the form of one)?
    Then a keyboard reading would be a homograph: ол "he" is not өл "die" typed without ө."""
    known = kazakh_words.words()
    return word in known or word in common or kazakh_words.is_known(kazakh.stems(word)[1:])


_NO_KAZAKH_LETTER = regex.compile(r"^[^әіңғүұқөһ]*$")
_SOFTENABLE = frozenset("бвдзлмнпрстфц")  # consonants a Russian word may end in with ь
_BARE_VERB = frozenset({"VERB", "impr", "2per", "sing"})  # a bare Kazakh verb stem: "do it!"
_KAZAKH_ONLY = frozenset({"kk"})  # a Latin word's Kazakh reading guards it in Kazakh texts only
SCORES = {"exact": 1.0, "lemma": 1.0, "stem": 0.95, "keyboard": 0.93, "translit": 0.9}
MAX_KEYBOARD_READINGS = 4  # standard spellings tried for one word typed on a Russian keyboard
DEOBFUSCATION_PENALTY = 0.05


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry reached by a word, how, and with what confidence."""

    entry: Entry
    how: str
    score: float
    negated: bool = False  # reached through a Kazakh verb form with the negation suffix
    gram: frozenset[str] = frozenset()  # grammemes of this reading (empty: unknown)
    form_lang: str = ""  # for a typo match: the language of the form it matched


@dataclass(frozen=True, slots=True)
class RuleVocabulary:
    """What the loaded rules look for beyond lexicon entries: lemmas, exact words, regexes."""

    lemmas: frozenset[str] = frozenset()
    texts: frozenset[str] = frozenset()
    regexes: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    # regexes every atom of which also names a class or entry: only words with a lexicon hit (or
    # part of a phrase) can satisfy them, so other words are not tested (most words of a text)
    hit_regexes: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    # regexes of word atoms that also name lemmas or words (lemma: [кровь], regex: ...): tested
    # only on a word that has one of those (the third item), since no other word can match
    gated_regexes: tuple[tuple[str, regex.Pattern[str], frozenset[str]], ...] = ()


@dataclass(frozen=True, slots=True)
class TokenAnalysis:
    """Everything the rules need to know about one word, independent of where it occurs."""

    word: str
    reading: str  # the reading that produced the hits (the word itself unless de-obfuscated)
    hits: tuple[Hit, ...] = ()
    lemmas: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    negated: bool = False
    votes: tuple[int, int] = (0, 0)
    features: frozenset[str] = frozenset()
    phrase_keys: frozenset[str] = frozenset()
    guard_langs: frozenset[str] = frozenset()
    gram: frozenset[str] = frozenset()  # grammemes of every reading (for lemma/text/regex atoms)
    verb_negated: bool = False  # a Kazakh verb form with the negation suffix (тудырмайды)
    errors: tuple[str, ...] = ()
    fuzzy_rejected: tuple[str, ...] = field(default=())  # why fuzzy matching was not tried
    keyboard: tuple[str, ...] = ()  # standard Kazakh spellings of a word typed without Kazakh letters
    typed_kazakh: bool = False  # a Kazakh dictionary word typed on a Russian keyboard (its typo hits: not in Kazakh)
    # A Russian dictionary word that also reads as Kazakh typed on a Russian keyboard (шуршит
    # "rustles" / шүршіт): this is the word as a Kazakh text reads it; the analysis itself is the
    # Russian one, used in Russian and mixed texts (see annotate)
    in_kazakh: "TokenAnalysis | None" = None
    # Attack-verb readings kept aside because the word is first another word: a keyboard homograph
    # (урамыз reads as an ordinary word, and as ұрамыз "we will beat"), or the bare stem of a verb
    # whose bare stem is a noun (құрт "worm" / құрт! "wipe out!").  annotate reads them only beside
    # an object; the prefilter counts their features so that such texts reach annotation.
    withheld: tuple[Hit, ...] = ()
    withheld_features: frozenset[str] = frozenset()
    # the phrase words those homograph readings spell (мойындарын бурап: бурап is бұрап "wringing"
    # only as a word of the phrase); annotate reads them inside a phrase whose other words match
    withheld_phrase_keys: frozenset[str] = frozenset()


def _mask_first(word: str) -> str | None:
    """The character a match of the word's mask pattern (deobfuscate.mask_pattern and
    symbol_mask_pattern) starts with, when it is the word's own first character: not a mask (*)
    nor a look-alike (deobfuscate.LEET), which both patterns read as a class of letters."""
    first = word[:1]
    return first if first and first != "*" and first not in deobfuscate.LEET else None


def reusable(word: str, analysis: "TokenAnalysis") -> bool:
    """Would `TokenAnalyzer.analyze(word)` give this analysis again — one it caches (a word of
    ordinary length, no rule regex that timed out or was skipped)?  Then a text's further
    occurrences of the word may take it without asking the analyzer again."""
    return len(word) <= MAX_MORPH_LEN and not analysis.errors and (
        analysis.in_kazakh is None or not analysis.in_kazakh.errors)


class _Uncacheable(Exception):
    """Carries an analysis that must not be cached (a rule regex timed out or was skipped)."""

    def __init__(self, analysis: "TokenAnalysis"):
        super().__init__()
        self.analysis = analysis


_VOTES: dict[tuple[int, int], tuple[int, int]] = {}  # a handful of distinct language votes
# one empty set for every analysis that has none: frozenset() is a new 216-byte object at each call
# (two such fields of 30,000 cached words were 13 MB of a monitor run's peak)
_NOTHING: frozenset[str] = frozenset()


class _InFlight:
    """A word being analyzed by one thread: other threads that miss the cache on it wait for
    the result instead of computing it again."""

    __slots__ = ("done", "result", "owner")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: TokenAnalysis | None = None  # None: uncacheable or failed, compute it yourself
        self.owner = threading.get_ident()


class TokenAnalyzer:
    """Analyzes words against one lexicon and rule vocabulary; results are cached per word."""

    def __init__(
        self,
        lexicon: Lexicon,
        vocab: RuleVocabulary = RuleVocabulary(),
        *,
        fuzzy: bool = True,
        deobfuscate: bool = True,
        cache_size: int = 1 << 18,
        vocab_skeletons: dict[str, tuple[str, ...]] | None = None,
        typed_tables: tuple | None = None,
    ):
        """`vocab_skeletons` and `typed_tables` (what build_vocab_skeletons and build_typed_tables
        return for this lexicon and vocabulary, e.g. from the compiled-set cache) are built when
        not given."""
        self.lexicon = lexicon
        self.vocab = vocab
        self.use_fuzzy = fuzzy
        self.use_deobfuscation = deobfuscate
        self._vocab_skeletons = vocab_skeletons if vocab_skeletons is not None else self.build_vocab_skeletons(vocab)
        self._cached = lru_cache(maxsize=cache_size)(self._analyze_cacheable)
        self._in_flight: dict[str, _InFlight] = {}
        self._in_flight_lock = threading.Lock()
        if typed_tables is None:
            typed_tables = self.build_typed_tables(lexicon, vocab)
        self._typed_vocab, self._safe_readings, self._form_stem, self._typed_prefixes = typed_tables

    def analyze(self, word: str) -> TokenAnalysis:
        """Analysis of a normalized word (cached unless the word is absurdly long, or a rule
        regex could not be run on it: a timeout is never remembered as what the word is)."""
        if len(word) > MAX_MORPH_LEN:
            return self._analyze(word)
        budget = regex_budget.current()
        if budget is not None:
            kept = budget.memo.get(word)
            if kept is not None:
                return kept
        try:
            return self._cached(word)
        except _Uncacheable as exc:  # lru_cache keeps no result of a call that raised
            if budget is not None:
                budget.memo[word] = exc.analysis
            return exc.analysis

    def _analyze_cacheable(self, word: str) -> TokenAnalysis:
        """A cache miss.  lru_cache does not stop threads that miss on the same word at once from
        each computing it (8 threads starting on the same texts computed every new word 8 times:
        ~39 s for what one thread does in 3.5 s), so the first thread computes it and the others
        wait for its result.  An uncacheable result (a regex timeout is about the thread's own
        text) is not handed over: each waiter then computes its own, as before."""
        with self._in_flight_lock:
            pending = self._in_flight.get(word)
            mine = pending is None
            if mine:
                pending = self._in_flight[word] = _InFlight()
        if not mine:
            if pending.owner != threading.get_ident():  # (the same thread again: never wait on yourself)
                pending.done.wait()
                if pending.result is not None:
                    return pending.result
            return self._checked(self._analyze(word))
        try:
            pending.result = self._checked(self._analyze(word))
            return pending.result
        finally:
            with self._in_flight_lock:
                del self._in_flight[word]
            pending.done.set()

    @staticmethod
    def _checked(analysis: TokenAnalysis) -> TokenAnalysis:
        if analysis.errors or (analysis.in_kazakh is not None and analysis.in_kazakh.errors):
            raise _Uncacheable(analysis)
        return analysis

    def cache_info(self):
        return self._cached.cache_info()

    # ------------------------------------------------------------------------------------
    def _analyze(self, word: str) -> TokenAnalysis:
        withheld: list[str] = []
        keyboard = self.keyboard_readings(word, withheld)
        if keyboard and russian.is_known(word):
            # шуршит is Russian "rustles" and Kazakh шүршіт typed on a Russian keyboard: the
            # Kazakh reading is kept aside for Kazakh texts
            plain = self._analyze_word(word, ())
            return replace(plain, in_kazakh=self._analyze_word(word, keyboard, tuple(withheld)))
        return self._analyze_word(word, keyboard, tuple(withheld))

    def _analyze_word(self, word: str, keyboard: tuple[str, ...], withheld: tuple[str, ...] = ()) -> TokenAnalysis:
        script = script_of(word)
        votes = langid.word_votes(word, script, self.lexicon.language_words)
        lex = self.lexicon
        guard_langs = lex.guards.get(word, frozenset())
        for r in keyboard:  # көпір typed копир is the ordinary word, as көпір is
            guard_langs |= lex.guards.get(r, frozenset())
        if script == "latn":  # jide is жиде (oleaster) in a Kazakh text, as жиде is
            for cyr in kazakh_latin_to_cyrillic(word):
                guard_langs |= lex.guards.get(cyr, frozenset()) & _KAZAKH_ONLY
        # (a Cyrillic word that keeps Latin letters with no look-alike, пиdоры, is disguised too:
        # its letters are read by sound, as digits are)
        plain = _ONLY_LETTERS.match(word) is not None and script != "mixed"
        long_word = len(word) > MAX_MORPH_LEN

        hits: dict[str, Hit] = {}
        lemmas: tuple[str, ...] = ()
        stems: tuple[str, ...] = ()
        reading = word
        if long_word:
            self._add(hits, lex.surface.get(word, ()))
        else:
            lemmas, stems = self._lookup(word, script, hits, guarded=bool(guard_langs))
            if keyboard:
                # Kazakh typed on a Russian keyboard is a spelling, not a typo: each standard
                # spelling is looked up as Kazakh, and its stems count as the word's own
                stems = self._keyboard_lookup(keyboard, stems, hits, guarded=bool(guard_langs))
                reading = next((r for r in keyboard if any(h.how.startswith("keyboard") and
                                                            self._reached_by(h, r) for h in hits.values())),
                               keyboard[0])
                if votes[1] == 0:
                    votes = (0, 2 if any(r in self.lexicon.language_words.kk for r in keyboard) else 1)
            elif votes == (0, 0) and script == "cyrl" and self._typed_kazakh_word(word):
                votes = (0, 1)  # гулдеп, ииси: an ordinary Kazakh word typed without Kazakh letters
            elif votes == (0, 0) and script == "latn" and kazakh_words.is_known(stems) \
                    and self._russian_reading_entries(word) is None:
                votes = (0, 1)  # auylda, aghashy: an ordinary Kazakh word in informal Latin, no Russian one
            if not hits and self.use_deobfuscation and not guard_langs:
                for candidate, how in self._readings(word, plain, script):
                    if reading != word and how != "mask":
                        break  # the mask's readings were found: no other reading after them
                    found: dict[str, Hit] = {}
                    c_script = script_of(candidate)
                    c_lemmas, c_stems = self._lookup(candidate, c_script, found, guarded=False)
                    if not found and c_script == "cyrl":  # stretched and typed without Kazakh letters
                        c_stems = self._keyboard_lookup(self.keyboard_readings(candidate), c_stems, found, False)
                    loose = {k: h for k, h in found.items() if lex.reachable_loosely(h.entry)}
                    if loose:
                        # once the reading is an attack, target or frame word, its other entries come
                        # with it (ш*ғару is шығару, also the light verb of "қуып шығару")
                        for k, h in found.items():
                            hits[k] = Hit(h.entry, f"{how}+{h.how}", round(h.score - DEOBFUSCATION_PENALTY, 3),
                                          h.negated, h.gram)
                        if reading == word:
                            reading, lemmas, stems = candidate, c_lemmas, c_stems
                        if how != "mask":
                            break  # (every attack word a mask may hide is read: see _readings)
                    elif how == "repeat" and reading == word and any(
                            k in lex.phrase_vocab for k in (candidate, *c_lemmas, *c_stems)):
                        # letters stretched for emphasis in a phrase's word (жек көремііін): the
                        # word is read as written plain, so the phrase is found
                        reading, lemmas, stems = candidate, c_lemmas, c_stems
                        break
        rejected: tuple[str, ...] = ()
        typed_kazakh = False
        if not hits and not long_word and self.use_fuzzy:
            rejected = self._fuzzy(word, script, stems, guard_langs, hits)
            # откизди is өткізді "held" typed on a Russian keyboard: in a Kazakh text no typo
            typed_kazakh = any(h.how == "fuzzy" for h in hits.values()) and self._typed_kazakh_word(word)

        features = self._features(word, reading, hits.values(), lemmas, stems, script, keyboard)
        keys = {reading, *lemmas, *stems, *keyboard}
        if script == "latn":  # a phrase typed in Latin (mirovoe pravitelstvo): components by skeleton
            for key in skeleton_variants(word):
                keys.update(lex.phrase_skeletons.get(key, ()))
        phrase_keys = frozenset(k for k in keys if k in lex.phrase_vocab)
        errors = ()
        with_hits = bool(hits or phrase_keys or withheld or word in lex.plural_pronouns
                         or not lex.plural_pronouns.isdisjoint(stems[:4]))
        # (a pronoun may receive its group's hits, a homograph its reading inside a phrase)
        gated = tuple((fid, p) for fid, p, gate in self.vocab.gated_regexes if not gate.isdisjoint(features))
        regexes = self._regex_set(with_hits, gated)
        if regexes and not long_word:
            features, errors = self._regex_features(reading, features, regexes)
            if script == "latn":  # Kazakh typed in Latin: rule regexes see its Cyrillic readings
                for cyr in kazakh_latin_to_cyrillic(reading)[:2]:  # (de-stretched: koremiiiin → көремін)
                    features, more = self._regex_features(cyr, features, regexes)
                    errors += more
            for r in keyboard:  # and Kazakh typed on a Russian keyboard, its standard spellings
                if r != reading:
                    features, more = self._regex_features(r, features, regexes)
                    errors += more
            if keyboard and reading != word:  # and the word as written (отырсын is itself a form)
                features, more = self._regex_features(word, features, regexes)
                errors += more
        ordered = tuple(sorted(hits.values(), key=lambda h: (-h.score, h.entry.id)))
        held = () if long_word or guard_langs else self._withheld_hits(word, keyboard, withheld, hits)
        gram, verb_negated = self._word_gram(word, keyboard, votes[1] > 0) if not long_word else (frozenset(), False)
        if reading != word and not keyboard:
            # (a Latin reading of an ordinary Kazakh word has its grammar: koremiiiin is көремін)
            gram, verb_negated = self._word_gram(reading, (), votes[1] > 0 or (
                script == "latn" and kazakh_words.is_known(stems) and self._russian_reading_entries(reading) is None))
        if script == "latn" and gram and any(not h.gram for h in ordered):
            # a Kazakh Latin word's entries reached by its skeleton or a listed spelling have the
            # grammar of the word (ateisterge is a dative, never the subject its Cyrillic isn't)
            ordered = tuple(h if h.gram else Hit(h.entry, h.how, h.score, h.negated, _shared(gram)) for h in ordered)
        if verb_negated and (word in lex.conjunctions or not lex.conjunctions.isdisjoint(keyboard)):
            verb_negated = False  # немесе "or" is built as не-ме-се "if not
        return TokenAnalysis(
            word=word,
            reading=reading,
            hits=ordered,
            lemmas=lemmas,
            stems=stems,
            negated=any(h.negated for h in ordered),
            votes=_VOTES.setdefault(votes, votes),
            features=_shared(features),
            phrase_keys=_shared(phrase_keys),
            guard_langs=_shared(guard_langs),  # (frozenset() is a new 216-byte object each time)
            gram=_shared(gram),
            verb_negated=verb_negated,
            errors=errors,
            fuzzy_rejected=rejected,
            keyboard=keyboard,
            typed_kazakh=typed_kazakh,
            withheld=held,
            withheld_features=_shared(self._features(word, word, held, (), ())) if held else _NOTHING,
            withheld_phrase_keys=_shared(self._withheld_phrase_keys(withheld, phrase_keys)) if withheld else _NOTHING,
        )

    def _withheld_phrase_keys(self, withheld: tuple[str, ...], own: frozenset[str]) -> frozenset[str]:
        """Phrase words that the homograph readings of a typed word spell, with their stems."""
        vocab = self.lexicon.phrase_vocab
        keys = {k for r in withheld for k in (r, *(a.stem for a in kazakh.analyze(r))) if k in vocab}
        return frozenset(keys - own)

    def _withheld_hits(self, word: str, keyboard: tuple[str, ...], withheld: tuple[str, ...],
                       hits: dict[str, Hit]) -> tuple[Hit, ...]:
        """Attack-verb readings of a word that is first another word (see TokenAnalysis.withheld):
        keyboard readings set aside as homographs, and bare stems of verbs listed `bare: false`."""
        lex = self.lexicon
        found: dict[str, Hit] = {}
        if withheld:
            self._keyboard_lookup(withheld, (), found, guarded=False)
        if lex.bare_verbs:
            for r in (word, *keyboard, *withheld):
                for e in lex.bare_verbs.get(r, ()):
                    self._add(found, ((e, "bare"),), SCORES["stem"] if r == word else SCORES["keyboard"],
                              gram=_BARE_VERB)
        kept = (h for k, h in found.items() if k not in hits and lex.classes_kind(h.entry, ("attack",)))
        return tuple(sorted(kept, key=lambda h: (-h.score, h.entry.id)))

    # -- Kazakh typed on a Russian keyboard -------------------------------------------------
    def typed_tables(self) -> tuple:
        """The keyboard-spelling tables (see build_typed_tables), to be handed to another analyzer."""
        return self._typed_vocab, self._safe_readings, self._form_stem, self._typed_prefixes

    @staticmethod
    def build_typed_tables(lex: Lexicon, vocab: RuleVocabulary) -> tuple:
        """(typed vocabulary, safe readings, form stems, typed prefixes): what keyboard_readings
        reads.  They depend on the lexicon, the rules' words and the shipped Kazakh word list only,
        so they are computed with the compiled set and cached with it.

        Keyboard spelling → the standard Kazakh words it may stand for, over every word the
        lexicon and the rules know in Kazakh: stems and forms of Kazakh entries, the words of
        Kazakh phrases, Russian loans that take Kazakh endings, the rules' Kazakh words, the
        Kazakh function words and guard words.  A maintainer writes қытай once; кытай, қытайлардын
        and кытайлардын are found through this index."""
        words: set[str] = set(lex.kk_stem)
        for e in lex.entries.values():
            if e.lang == "kk":
                for spelling in (*e.spellings, *e.forms):
                    words.update(spelling.split())
        for lemma, entries in lex.ru_lemma.items():  # паразиттерди = паразиттерді
            if len(lemma) >= 3 and any(lex.reachable_loosely(e) and e.pos in ("noun", "other") for e in entries):
                words.add(lemma)
        known_kazakh = kazakh_words.words()
        for w in (*vocab.lemmas, *vocab.texts):
            if any(ch in _KAZAKH_LETTERS for ch in w) or w in known_kazakh or w in lex.language_words.kk:
                words.add(w)
        words.update(lex.language_words.kk)
        words.update(w for w, langs in lex.guards.items() if "kk" in langs)
        typed: dict[str, set[str]] = {}
        for w in words:
            if len(w) >= 2 and _CYRILLIC_ONLY.match(w) and " " not in w:
                typed.setdefault(kazakh.keyboard_fold(w), set()).add(w)
        # What an ordinary Kazakh word may still be read as: function words, the cues that only
        # ever suppress a match (соз "stretch" read as сөз "word" makes the engine more careful,
        # never accuses), and group names (казак "Cossack" is қазақ in a Kazakh text; a group
        # name alone flags nothing).  Not attack or frame words: ол "he" is not өл "die".
        safe = set(lex.language_words.kk)
        for e in lex.entries.values():
            # (not an idiom's words: уақыт өлтіру is made of an attack verb, which stays unsafe)
            if e.lang == "kk" and "idiom" not in e.classes \
                    and all(lex.classes[c].kind in ("context", "function", "target") for c in e.classes):
                safe.update(w for sp in (*e.spellings, *e.forms) for w in sp.split())
        safe_readings = frozenset(safe)
        # listed whole forms (кетсін, соғыңдар) stand for their entry's stem in length comparisons
        form_stem = {}
        for e in lex.entries.values():
            if e.lang == "kk":
                for f in e.forms:
                    if " " not in f:
                        own = [s for s in e.spellings if f.startswith(s)]
                        form_stem[f] = max((len(s) for s in own), default=len(e.lemma))
        # the keyboard spellings a word must start with to be read at all: each known stem, and
        # the stem without a last letter that a suffix may change (кітап → кітаб-, жой → жо-я,
        # оқы → оқ-у, фашист → фашис-тер)
        typed_prefixes = frozenset(
            p for k in typed for p in (k, k[:-1] if k[-1] in "пкйыит" else k) if len(p) >= 2)
        return {k: tuple(sorted(v)) for k, v in typed.items()}, safe_readings, form_stem, typed_prefixes

    def keyboard_readings(self, word: str, withheld: list[str] | None = None) -> tuple[str, ...]:
        """Standard Kazakh spellings of a word typed on a Russian keyboard, in any mix (кытайлардын,
        қытайлардын → қытайлардың; бари → бәрі; кетсин → кетсін), restricted to words whose stem
        the lexicon or the rules know, and checked by the standard analyzer (vowel harmony,
        consonant classes).  A word that is itself an ordinary Kazakh word (ол "he", not өл
        "die"), or reads as one with a longer stem when typed (кугын is қуғын "persecution", not
        қу "chase" + -ғын), is not read as an attack or frame word; it may still be read as a
        function word, a context cue or a group name (оз → өз, соз → сөз, казак → қазақ).
        Readings set aside as homographs go to `withheld` when given (read beside an object only)."""
        if len(word) < 2 or len(word) > MAX_MORPH_LEN or not _CYRILLIC_ONLY.match(word):
            return ()
        if word in self.lexicon.guards:
            return ()
        folded = kazakh.keyboard_fold(word)
        prefixes = self._typed_prefixes
        if not any(folded[:k] in prefixes for k in range(2, len(folded) + 1)):
            return ()  # no word the lexicon or the rules know in Kazakh starts this one: most words
        vocab = self._typed_vocab
        candidates = [(typed, stem) for typed in kazakh.analyze_typed(word) for stem in vocab.get(typed.stem, ())]
        if not candidates:
            return ()
        ordinary = _is_ordinary_kazakh(word, self.lexicon.language_words.kk)
        # other Kazakh headwords the word reads as when typed, with their stem length (кугын is
        # қуғын "persecution"): a shorter lexicon stem read into it (қу "chase" + -ғың) is not
        # this word
        headwords = kazakh_words.typed_index()
        others = [(len(t.stem), hs) for t in kazakh.analyze_typed(word) if len(t.stem) >= 3 and t.stem in headwords
                  for hs in [tuple(h for h in kazakh_words.typed_headwords(t.stem) if _typed_from(word[:len(h)], h))]
                  if hs]
        out: list[str] = []
        for typed, stem in candidates:
            standard = kazakh.standard_word(typed, stem)
            if standard is None or standard == word or standard in out or not _typed_from(word, standard):
                continue
            homograph = False
            if stem not in self._safe_readings:
                length = self._stem_length(typed, stem)
                homograph = ordinary or any(n > length and not any(standard.startswith(h) for h in hs)
                                            for n, hs in others)
                if homograph and (withheld is None or standard in withheld or len(withheld) >= MAX_KEYBOARD_READINGS):
                    continue
            chain = typed.analysis.suffixes
            if chain and not any(a.stem == stem and a.suffixes == chain for a in kazakh.analyze(standard)):
                continue  # the standard stem does not take these suffixes (harmony, consonants)
            if homograph:
                withheld.append(standard)
                continue
            out.append(standard)
            if len(out) >= MAX_KEYBOARD_READINGS:
                break
        return tuple(out)

    @staticmethod
    def _typed_negated_verb(word: str) -> bool:
        """A Kazakh verb with the negation suffix typed on a Russian keyboard, whatever the verb
        (тилемесин is тілемесін "let him not wish"): its stem is a headword so typed.  Words with
        an entry get their readings from keyboard_readings; this one only tells the negation."""
        if len(word) > MAX_MORPH_LEN or not _NO_KAZAKH_LETTER.match(word) or russian.is_known(word):
            return False
        known = kazakh_words.typed_words()
        return any(t.analysis.negated and t.analysis.kind == "verbal" and len(t.stem) >= 3 and t.stem in known
                   for t in kazakh.analyze_typed(word))

    @staticmethod
    def _typed_kazakh_word(word: str) -> bool:
        """A word outside the Russian dictionary whose keyboard-spelling stems are Kazakh
        headwords (откизди = өткізді "held", копирлер = көпірлер "bridges")."""
        if not _CYRILLIC_ONLY.match(word) or len(word) > MAX_MORPH_LEN or russian.is_known(word):
            return False
        if not _NO_KAZAKH_LETTER.match(word):
            return False  # a word with Kazakh letters was not typed on a Russian keyboard (еврейерді)
        return kazakh_words.is_known_typed(t.stem for t in kazakh.analyze_typed(word))

    def _stem_length(self, typed: "kazakh.TypedAnalysis", stem: str) -> int:
        """Length of the known stem behind a reading: the stripped stem, or, for a whole form an
        entry lists (соғыңдар, a form of ұр/соқ "beat"), its entry's lemma."""
        return self._form_stem.get(stem, len(typed.stem))

    def _keyboard_lookup(self, readings: tuple[str, ...], stems: tuple[str, ...], hits: dict[str, Hit],
                         guarded: bool) -> tuple[str, ...]:
        """Hits of the standard spellings (as Kazakh: surface forms and stems); returns the stems."""
        lex = self.lexicon
        all_stems = list(stems)
        for r in readings:
            found: dict[str, Hit] = {}
            for entry, how in lex.surface.get(r, ()):
                if entry.lang == "kk" or how == "exact":
                    # (a listed form too, as for the word written with Kazakh letters: урып is ұрып, a converb)
                    gram = _listed_kazakh_gram(r, entry) if entry.lang == "kk" and (
                        r in entry.spellings or r in entry.forms) else frozenset()
                    self._add(found, ((entry, "keyboard"),), gram=gram)
            all_stems.extend(self._kazakh(r, found, guarded, how="keyboard"))
            for k, h in found.items():
                old = hits.get(k)
                if old is None or h.score > old.score:
                    hits[k] = h
                elif h.score == old.score and not h.gram <= old.gram:
                    # another reading of the same typed word: its grammar is possible too (шошкасын
                    # is шошқасын "his pig" and шошқасың "you are a pig")
                    hits[k] = Hit(old.entry, old.how, old.score, old.negated, old.gram | h.gram)
        return tuple(dict.fromkeys(all_stems))

    @staticmethod
    def _reached_by(hit: Hit, reading: str) -> bool:
        e = hit.entry
        return reading in e.spellings or reading in e.forms or any(reading.startswith(s) for s in e.spellings)

    @staticmethod
    def _add(hits: dict[str, Hit], found: Iterable[tuple[Entry, str]], score: float | None = None,
             negated: bool = False, gram: frozenset[str] = frozenset()) -> None:
        """Record entries reached (keeping the best score per entry; grammemes accumulate)."""
        for entry, how in found:
            s = SCORES.get(how, 0.9) if score is None else score
            old = hits.get(entry.id)
            if old is None or s > old.score:
                hits[entry.id] = Hit(entry, how, s, negated, gram | old.gram if old else gram)
            elif gram and not gram <= old.gram:
                hits[entry.id] = Hit(old.entry, old.how, old.score, old.negated, old.gram | gram)

    def _lookup(self, word: str, script: str, hits: dict[str, Hit], guarded: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Fill `hits` for one reading; return its Russian lemmas and Kazakh stems."""
        lex = self.lexicon
        lemmas: tuple[str, ...] = ()
        stems: tuple[str, ...] = ()
        cyrillic = script == "cyrl" and _CYRILLIC_ONLY.match(word) is not None
        for entry, how in lex.surface.get(word, ()):
            gram = frozenset()
            if cyrillic and entry.lang == "ru":
                gram = russian.grammemes_for(word, entry.spellings)
            elif entry.lang == "kk" and how == "exact" and (word in entry.spellings or word in entry.forms):
                gram = _listed_kazakh_gram(word, entry)
            self._add(hits, ((entry, how),), gram=gram)
        if cyrillic:
            for lemma, gram in russian.parses(word):
                lemmas += (lemma,)
                self._add(hits, ((e, "lemma") for e in lex.ru_lemma.get(lemma, ())), gram=gram)
            stems = self._kazakh(word, hits, guarded, how="stem")
        elif script == "latn":
            listed = set(hits)  # the word itself listed as a spelling (zhid): kept whatever follows
            stem_list: list[str] = []
            known_kazakh = False
            # a dotless ı is Kazakh (or Turkish-style Kazakh) Latin, never Russian: besı is бесі,
            # not the Russian бесы its Turkish-style reading spells
            kazakh_only = "ı" in word
            for cyr in kazakh_latin_to_cyrillic(word):
                for e, how in lex.surface.get(cyr, ()):
                    if (e.loose == "all" or how == "exact") and not (kazakh_only and e.lang == "ru"):
                        # a Kazakh form read from Latin has the grammar it has in Cyrillic (otirik
                        # is the noun өтірік, no clause-final predicate of its own)
                        gram = _listed_kazakh_gram(cyr, e) if e.lang == "kk" and how == "exact" and (
                            cyr in e.spellings or cyr in e.forms) else frozenset()
                        self._add(hits, ((e, "translit"),), gram=gram)
                cyr_stems = self._kazakh(cyr, hits, guarded, how="translit")
                stem_list.extend(cyr_stems)
                known_kazakh = known_kazakh or kazakh_words.is_known(cyr_stems)
            # a Russian loan with Kazakh endings writes ц as ts or c (vaktsinany = вакцинаны), a
            # letter Kazakh Latin has no reading for: its likeliest Russian reading gives the stems
            if "ts" in word or "c" in word:
                loan = next(iter(russian_latin_readings(word)), "")
                if "ц" in loan:
                    stem_list.extend(self._kazakh(loan, hits, guarded, how="translit"))
            stems = tuple(dict.fromkeys(stem_list))
            # the skeleton is the fallback for words no reading explains: a Latin word that reads
            # as an ordinary Kazakh word (quattyng = қуаттың) keeps only what its stems found
            skeletal = [] if known_kazakh else [e for key in skeleton_variants(word) for e in lex.skeleton.get(key, ())]
            read_russian = [k for k, h in hits.items() if k not in listed and h.entry.lang == "ru"]
            if skeletal or read_russian:
                # the skeleton and the letter-by-letter readings merge и/ы/й, е/э and doubled
                # letters: a Latin word that reads as an ordinary Russian word (isklyuchenii =
                # исключении) reaches only the Russian entries that word reaches, never a
                # neighbour of its spelling (исключены), and the skeleton adds no Kazakh ones
                allowed = self._russian_reading_entries(word)
                if allowed is not None:
                    for k in read_russian:
                        if k not in allowed:
                            del hits[k]
                    skeletal = [e for e in skeletal if e.id in allowed]
                self._add(hits, ((e, "translit") for e in skeletal))
        return lemmas, stems

    def _russian_reading_entries(self, word: str) -> frozenset[str] | None:
        """Ids of the entries reached by the likeliest Russian reading of a Latin word that is a
        word (of pymorphy3's dictionary or of the lexicon); None when no reading is one.  Only the
        likeliest: ubyvavshi is убывавши, not убивавши, though y may also stand for и."""
        lex = self.lexicon
        for reading in russian_latin_readings(word):
            # Latin drops the final soft sign more often than not (izbivat = избивать)
            for spelling in (reading, reading + "ь") if reading[-1] in _SOFTENABLE else (reading,):
                # (a Russian entry's spelling: болмайды, a Kazakh form read letter by letter, is no
                # Russian word, and must not keep bolmaidy from voting Kazakh)
                listed = [(e, how) for e, how in lex.surface.get(spelling, ()) if e.lang == "ru"]
                known = russian.is_known(spelling)
                if listed or known:
                    allowed = {e.id for e, _how in listed}
                    if known:
                        for lemma, _gram in russian.parses(spelling):
                            allowed.update(e.id for e in lex.ru_lemma.get(lemma, ()))
                    return frozenset(allowed)
        return None

    def _kazakh(self, word: str, hits: dict[str, Hit], guarded: bool, how: str) -> tuple[str, ...]:
        """Kazakh stems of a Cyrillic word; stripping stops at a guard word (жиде never → жид)."""
        lex = self.lexicon
        stems: list[str] = []
        for analysis in kazakh.analyze(word):
            stem = analysis.stem
            stems.append(stem)
            if analysis.suffixes and (stem in lex.guards) and "kk" in lex.guards[stem]:
                break  # stop at an ordinary word: its shorter "stems" are not this word's
            if not analysis.suffixes:
                continue
            if guarded:
                break
            score = SCORES.get(how, SCORES["translit"])
            gram = analysis.gram
            for entry in lex.kk_stem.get(stem, ()):
                if (entry.pos == "verb") != (analysis.kind == "verbal") and entry.pos in ("verb", "noun", "adj"):
                    # a noun or adjective entry is not reached through verb endings (ақымақтық is
                    # "stupidity", not ақымақ + a past -тық), nor a verb through case endings
                    continue
                if how != "stem" and entry.loose == "listed":
                    continue  # its Latin and keyboard spellings are only the listed ones
                self._add(hits, ((entry, how),), score, analysis.negated, gram)
            # Russian words with Kazakh endings (жидтер): only after a real suffix of 2+ letters
            if len(stem) >= 3 and all(len(s) >= 2 for s in analysis.suffixes) and analysis.kind == "nominal":
                for entry in lex.ru_lemma.get(stem, ()):
                    if entry.loose == "all" or how == "stem":
                        self._add(hits, ((entry, how),), score - 0.05, analysis.negated, gram)
        return tuple(dict.fromkeys(stems))

    def _readings(self, word: str, plain: bool, script: str = "") -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if not plain:
            pattern = deobfuscate.mask_pattern(word)
            if pattern is not None:
                out.extend((f, "mask") for f in self._mask_fits(pattern, len(word), script, _mask_first(word)))
            else:
                out.extend((r, "leet") for r in deobfuscate.leet_readings(word))
                # a symbol that is no letter's look-alike here hides one (ши@ты: шииты): read as a
                # mask, after every leet reading
                pattern = deobfuscate.symbol_mask_pattern(word)
                if pattern is not None:
                    out.extend((f, "mask") for f in self._mask_fits(pattern, len(word), script, _mask_first(word))
                               if (f, "leet") not in out)
        for r in deobfuscate.squeeze_readings(word):
            out.append((r, "repeat"))
        if plain and script == "cyrl":
            doubles = deobfuscate.double_readings(word)  # кытайларр: only for a word no dictionary knows
            if doubles and not russian.is_known(word) and not kazakh_words.is_known(kazakh.stems(word)) \
                    and not self._typed_kazakh_word(word):
                out.extend((r, "repeat") for r in doubles)
        return out

    def _mask_fits(self, pattern: "regex.Pattern[str]", length: int, script: str, first: str | None = None) -> list[str]:
        """The lexicon forms a masked word reads as.  `first`: the letter the pattern's match must
        start with, when the word's first character is no mask (see _mask_first)."""
        fits = [f for f in self._forms_starting(length, first, False) if pattern.match(f)]
        if not fits and script == "cyrl":
            # a masked word typed on a Russian keyboard (тажик*ерди): the Kazakh forms as
            # typed (folding keeps the length, so positions match)
            fits = [f for f in self._forms_starting(length, first, True) if pattern.match(keyboard_fold(f))]
        # a mask is read only when one word fits: forms that all mean the same (к*фир: кафир
        # or кяфир, in the Russian or the Kazakh entry); two different words leave it unread
        # (к*пір: кәпір or көпір) — unless every word that fits is an attack word naming no
        # one (өтірік*і: өтірікші "liars" or өтірікті "the lie"): hidden either way, it is
        # read as all of them
        meanings = {self._meaning(f) for f in fits}
        if fits and len(meanings) == 1:
            return fits[:1]
        if fits and all(self._attack_only(m) for m in meanings):
            return fits
        return []

    def _forms_starting(self, length: int, first: str | None, folded: bool) -> tuple[str, ...]:
        """The lexicon forms of this length (in their order) that start with `first` — folded to
        the Russian keyboard when `folded` (folding is letter for letter, so a folded form starts
        with the folded first letter) — or all of them when `first` is None.  A mask pattern
        matched against every form of a length was ~3,000 matches per masked word."""
        forms = self.lexicon.forms_by_length.get(length, ())
        if first is None:
            return forms
        memo = self.__dict__.get("_forms_by_first")
        if memo is None:
            memo = self._forms_by_first = {}
        got = memo.get((length, folded))
        if got is None or got[0] is not forms:
            by_first: dict[str, list[str]] = {}
            for f in forms:
                by_first.setdefault(keyboard_fold(f[:1]) if folded else f[:1], []).append(f)
            got = memo[(length, folded)] = (forms, {c: tuple(fs) for c, fs in by_first.items()})
        return got[1].get(first, ())

    def _attack_only(self, meaning: frozenset) -> bool:
        """Is a form's meaning only attack words, none of them naming a group?"""
        classes = self.lexicon.classes
        return all(target is None and all(classes[c].kind == "attack" for c in cls) for cls, target in meaning)

    def _meaning(self, form: str) -> frozenset:
        """What a form means: the classes and targets of the entries it belongs to."""
        entries = self.lexicon.entries
        return frozenset((frozenset(entries[eid].classes), entries[eid].target) for eid in self.lexicon.loose_forms[form])

    def _fuzzy(self, word: str, script: str, stems: tuple[str, ...], guard_langs: frozenset[str],
               hits: dict[str, Hit]) -> tuple[str, ...]:
        if guard_langs:
            return ("guard word",)
        if script != "cyrl" or not _CYRILLIC_ONLY.match(word):
            return ("not a Cyrillic word",)
        if len(word) < 6:
            return ("shorter than 6 letters",)
        if russian.is_known(word):
            return ("a Russian dictionary word",)
        lex = self.lexicon
        if any(s in lex.guards for s in stems):
            return ("a form of a guard word",)
        # a word whose stem is a Kazakh dictionary word is that word, not a typo of another — except
        # a typo in the ending of that very word when it is a lexicon stem (еврейерді: еврей + a
        # misspelled -лерді), so only forms of the same stem are then matched
        known_stems = frozenset(stems) if kazakh_words.is_known(stems) else None
        if known_stems is not None and known_stems.isdisjoint(lex.kk_stem):
            return ("a Kazakh dictionary word",)
        # Whole word against whole forms (Russian inflections, generated Kazakh forms): stems of a
        # misspelled word are guesses, and guessed stems sit one edit from too many real words.
        for key, dist in lex.fuzzy.lookup(word):
            if key in lex.guards or key[0] != word[0]:
                continue  # typos rarely hit the first letter; ordinary neighbours often differ there
            stem = lex.kk_form_stems.get(key)
            if known_stems is not None and stem not in known_stems:
                continue  # the word is a dictionary word: only its own forms
            if stem is not None:
                # Kazakh: one edit at most, in the ending or inside a stem of 4+ letters (real
                # Kazakh neighbours such as көпір/кәпір were excluded above by the dictionary).
                if dist > 1:
                    continue
                if not word.startswith((stem, kazakh.voiced_stem(stem))) and len(stem) < KK_FUZZY_STEM:
                    continue
                if word.startswith(stem) and _KK_ABSTRACT_NOUN.match(word[len(stem):]):
                    continue  # the stem spelled right and a -лық noun made of it: ақылсыздық is "folly", no typo of ақылсыздың
            score = round(1.0 - dist / max(len(word), len(key)), 3)
            for entry in lex.fuzzy_entries[key]:
                old = hits.get(entry.id)
                if old is None or score > old.score:
                    kazakh_form = stem is not None and key not in lex.surface  # мигранты is Russian too
                    hits[entry.id] = Hit(entry, "fuzzy", score, gram=self._form_gram(key, entry, stem),
                                         form_lang="kk" if kazakh_form else entry.lang)
        return ()

    @staticmethod
    def _form_gram(form: str, entry: Entry, kk_stem: str | None) -> frozenset[str]:
        """Grammemes of the form a misspelled word was matched to (the intended reading)."""
        if entry.lang == "ru":
            return russian.grammemes_for(form, entry.spellings) if _CYRILLIC_ONLY.match(form) else frozenset()
        # every reading of the form on the entry's stem (бермеңдер is a negated imperative, and also
        # reads as a noun in the plural): the first alone would lose the verb
        stem = kk_stem or entry.lemma
        grams = [a.gram if a.suffixes else kazakh.bare_grammemes("verbal" if entry.pos == "verb" else "nominal")
                 for a in kazakh.analyze(form) if a.stem == stem]
        return frozenset().union(*grams) if grams else frozenset()

    @staticmethod
    def _word_gram(word: str, keyboard: tuple[str, ...] = (), kazakh_vote: bool = False) -> tuple[frozenset[str], bool]:
        """Grammemes of every reading of a word (its standard spellings when typed on a Russian
        keyboard included), and whether it is a negated Kazakh verb."""
        gram: set[str] = set()
        negated = False
        if _CYRILLIC_ONLY.match(word):
            # (not pymorphy's guesses for a word its dictionary lacks that reads as Kazakh typed on a
            # Russian keyboard: тусти is түсті "fell", not an imperative of a made-up тустить)
            if not keyboard or russian.is_known(word):
                for _, g in russian.parses(word):
                    gram |= g
            for w in (word, *keyboard):
                for a in kazakh.analyze(w)[1:]:
                    gram |= a.gram
                    if keyboard and w == word:
                        continue  # typed: its standard spellings tell the negation (камап is қамап, not қа-ма-п)
                    negated = negated or (a.negated and a.kind == "verbal"
                                          and not kazakh_words.negation_is_stem(a.stem, a.suffixes[0]))
            if not negated and not keyboard:
                negated = TokenAnalyzer._typed_negated_verb(word)
            if kazakh_vote and not keyboard and _NO_KAZAKH_LETTER.match(word):
                # an ordinary Kazakh word typed without Kazakh letters (уйренбейди is үйренбейді):
                # the grammar of its segmentations whose stem is a headword so typed, as its standard
                # spelling would have (no keyboard reading is made for a word no entry starts)
                known = kazakh_words.typed_words()
                for t in kazakh.analyze_typed(word)[1:]:
                    if len(t.stem) >= 3 and t.stem in known:
                        gram |= t.analysis.gram
            return frozenset(gram), negated
        # A Latin word may be Russian or Kazakh: its grammar is unknown (passes gram conditions),
        # unless the word votes Kazakh (ä, ş..., a Kazakh ending, an ordinary Kazakh word and no
        # Russian one): then it has the grammar of its Kazakh readings, as that spelling would.  (A
        # Russian word in Latin keeps an unknown grammar: its readings are too many to pick one.)
        # A Kazakh reading with the negation suffix negates either way.
        for cyr in kazakh_latin_to_cyrillic(word)[:2]:
            for a in kazakh.analyze(cyr)[1:]:
                if kazakh_vote:
                    gram |= a.gram
                negated = negated or (a.negated and a.kind == "verbal"
                                      and not kazakh_words.negation_is_stem(a.stem, a.suffixes[0]))
        return frozenset(gram), negated

    def _features(self, word: str, reading: str, hits: Iterable[Hit], lemmas: tuple[str, ...],
                  stems: tuple[str, ...], script: str = "", keyboard: tuple[str, ...] = ()) -> frozenset[str]:
        feats: set[str] = set()
        for h in hits:
            feats.add("entry:" + h.entry.id)
            for c in h.entry.classes:
                feats.add("class:" + c)
                if c in ("group_adjective", "substantive_adjective", "origin"):  # read as a group in context (annotate)
                    feats.add("class:group")
            if h.entry.target:
                feats.add("target:" + h.entry.target)
        vocab = self.vocab
        if vocab.lemmas:
            for k in (reading, *lemmas, *stems):
                if k in vocab.lemmas:
                    feats.add("lemma:" + k)
        if vocab.texts and (word in vocab.texts or reading in vocab.texts):
            feats.add("text:" + (word if word in vocab.texts else reading))
        if vocab.texts and keyboard:  # бари is the rule word бәрі typed on a Russian keyboard
            feats.update("text:" + r for r in keyboard if r in vocab.texts)
        if script == "latn" and vocab.texts:
            # short rule words typed in Latin (ot, ix, ne) are too short for skeletons: their
            # Cyrillic readings (от, их, не) are compared as they are
            feats.update("text:" + k for k in stems if k in vocab.texts)
        if script == "latn" and self._vocab_skeletons:
            # Russian typed in Latin (golosuet, ubivat): rule words are found by their skeleton
            for key in skeleton_variants(word):
                feats.update(self._vocab_skeletons.get(key, ()))
        return frozenset(feats)

    @staticmethod
    def build_vocab_skeletons(vocab: RuleVocabulary) -> dict[str, tuple[str, ...]]:
        """Skeleton of every form of the rules' lemma and text words → their features."""
        out: dict[str, set[str]] = {}
        for lemma in vocab.lemmas:
            forms = {lemma}
            if _CYRILLIC_ONLY.match(lemma):
                forms |= russian.inflections(lemma) if russian.is_known(lemma) else set()
            for form in forms:
                if len(form) >= 3:
                    out.setdefault(skeleton(form), set()).add("lemma:" + lemma)
        for text in vocab.texts:
            if len(text) >= 3:
                out.setdefault(skeleton(text), set()).add("text:" + text)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    def _regex_set(self, with_hits: bool, gated: tuple[tuple[str, regex.Pattern[str]], ...]
                   ) -> tuple[tuple[str, regex.Pattern[str]], ...]:
        """The word regexes, with the hit regexes and these gated ones: the same tuple object for
        the same choice, so that regex_budget finds its plan for it by identity."""
        vocab = self.vocab
        memo = self.__dict__.get("_regex_sets")
        if memo is None or memo[0] is not vocab:
            memo = self._regex_sets = (vocab, {})
        key = (with_hits, gated)
        got = memo[1].get(key)
        if got is None:
            got = vocab.regexes
            if with_hits:
                got = got + vocab.hit_regexes
            if gated:
                got = got + gated
            if len(memo[1]) < 256:
                memo[1][key] = got
        return got

    def _regex_features(self, word: str, feats: frozenset[str],
                        regexes: tuple[tuple[str, regex.Pattern[str]], ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        extra, errors = regex_budget.search_all(regexes, word)
        if not extra:
            return feats, tuple(errors)
        return feats | extra, tuple(errors)
