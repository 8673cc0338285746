"""Stage 5b — the compiled lexicon: every index the token analyzer looks words up in."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from .fuzzy import FuzzyIndex
from .loader import ClassInfo, Entry, LexiconSource, TargetInfo
from ..text.langid import LanguageWords
from ..morphology import kazakh, kazakh_words, russian
from ..morphology.translit import skeleton

# Classes whose entries may be reached by typo, translit or de-obfuscation.  Context and function
# words (не, емес, надо) are short and common: they are matched only as written.
FUZZY_KINDS = ("target", "attack", "frame")
MIN_SKELETON_LEN = 4

# Indexes that only some words consult (a typo, a Latin or a masked spelling), ~40% of the
# compiled set's unpickling: the disk cache keeps them apart, read on first use (Lexicon.defer)
DEFERRED = ("fuzzy", "fuzzy_entries", "kk_form_stems", "skeleton", "phrase_skeletons", "forms_by_length")
_deferred_lock = threading.Lock()


_DASHES = frozenset({"—", "–", "-"})

@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word entry: per component, the keys (surface, lemmas, stems) a token may show."""

    entry: Entry
    components: tuple[frozenset[str], ...]
    # the component word is itself negative (не, болмайды, a Kazakh negated stem: алма in "жұмысқа
    # алма"): the token must be negative too, since its keys include the bare stem (қабылдама →
    # қабылда) that the positive verb shares
    negated_lemma: tuple[bool, ...] = ()
    # positions k where the lemma has a comma between word k and k+1 ("последнее, что я бы сделал"):
    # the text may have one there too; elsewhere the words must be adjacent
    commas: frozenset[int] = frozenset()
    dashes: frozenset[int] = frozenset()  # components a dash may follow (the spelling shows one)


def _by_rare_component(phrases: dict[str, tuple[Phrase, ...]]) -> dict[str, tuple[Phrase, ...]]:
    """Each phrase under the keys of its least common component, to find the phrases a message can
    match (lexicon/annotate.py: possible_phrases) without trying every phrase of every key: phrases
    start with common words (не, в, олар), by which `phrases` lists them.  The least common is
    taken to be the component whose shortest key is longest (в, не, мен are short)."""
    out: dict[str, list[Phrase]] = {}
    unique = {id(p): p for listed in phrases.values() for p in listed}  # (listed under each first key)
    for p in unique.values():
        rare = max(p.components, key=lambda c: min(map(len, c), default=0))
        for k in rare:
            out.setdefault(k, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _negative_kazakh_verb(word: str) -> bool:
    """A Kazakh phrase word that is itself a negated verb: a form with its ending (болмайды), or a
    bare negated stem as lemmas are written (алма "not take" in жұмысқа алма, берме), which the
    analyzer reads as negated in its verbal noun (алмау, бермеу) — but not a verb whose stem ends
    like a negation (қамау "to lock up", kazakh_words.negation_is_stem)."""
    if any(a.negated and a.kind == "verbal" and not kazakh_words.negation_is_stem(a.stem, a.suffixes[0])
           for a in kazakh.analyze(word)[1:]):
        return True
    return word.endswith(_NEGATION_ENDINGS) and any(
        a.negated and a.kind == "verbal" and a.suffixes[-1] == "у" for a in kazakh.analyze(word + "у")[1:])


_NEGATION_ENDINGS = ("ма", "ме", "па", "пе", "ба", "бе")


class Lexicon:
    """Indexes over the validated entries; built once per Engine."""

    def __init__(self, src: LexiconSource):
        self.entries: dict[str, Entry] = {e.id: e for e in src.entries}
        self._loose: dict[str, bool] = {}
        self.classes: dict[str, ClassInfo] = dict(src.classes)
        self.targets: dict[str, TargetInfo] = dict(src.targets)
        self.files = list(src.files)
        self.guards: dict[str, frozenset[str]] = {}
        guard_langs: dict[str, set[str]] = defaultdict(set)
        for g in src.guards:
            for w in g.words:
                guard_langs[w].add(g.lang)
        self.guards = {w: frozenset(langs) for w, langs in guard_langs.items()}
        lists: dict[str, set[str]] = defaultdict(set)
        for lw in src.language_words:
            lists[lw.lang + ("_latin" if lw.script == "latn" else "")].update(lw.words)
        self.language_words = LanguageWords(**{k: frozenset(v) for k, v in lists.items()})
        # closed word classes the mechanisms consult by the word: pronouns that refer back to a
        # group, clause-opening contrasts, and the words that carry negation themselves (a phrase
        # containing one is negative by definition; a cessation word such as хватит negates the
        # act that follows, it is not negative itself)
        self.plural_pronouns = self.spellings_of(src.entries, "plural_pronoun")
        self.contrast_words = self.spellings_of(src.entries, "contrast")
        self.conjunctions = self.spellings_of(src.entries, "conjunction")  # немесе: no negated verb
        self.negative_words = self.spellings_of(src.entries, "negation", unless="cessation")
        # Kazakh verbs whose bare stem is another word (құрт "worm; dried curd" / құрт- "wipe out"):
        # the bare stem is withheld from the surface index and read as the imperative only beside
        # its object (annotate._object_licensed_hits)
        bare_verbs: dict[str, list[Entry]] = defaultdict(list)
        for e in src.entries:
            if e.lang == "kk" and not e.bare and e.pos == "verb":
                for s in e.spellings:
                    if " " not in s:
                        bare_verbs[s].append(e)
        self.bare_verbs = {k: tuple(v) for k, v in bare_verbs.items()}

        surface: dict[str, dict[str, tuple[Entry, str]]] = defaultdict(dict)
        ru_lemma: dict[str, dict[str, Entry]] = defaultdict(dict)
        kk_stem: dict[str, dict[str, Entry]] = defaultdict(dict)
        phrases: dict[str, list[Phrase]] = defaultdict(list)

        def add_surface(form: str, entry: Entry, how: str) -> None:
            slot = surface[form]
            if entry.id not in slot or how == "exact":
                slot[entry.id] = (entry, how)

        for entry in src.entries:
            # every spelling with a space is a phrase (a lemma or a variant), the rest are words
            words = [s for s in entry.spellings if " " not in s]
            for spelling in (s for s in (*entry.spellings, *entry.forms) if " " in s):
                phrase = self._phrase(entry, spelling)
                for key in phrase.components[0]:
                    phrases[key].append(phrase)
            for f in entry.forms:
                if " " not in f:
                    add_surface(f, entry, "exact")
            for s in words:
                if entry.bare:  # ат- "shoot" is not the noun ат "horse, name": endings only
                    add_surface(s, entry, "exact")
            if entry.match == "exact":
                continue
            if entry.lang == "ru":
                for s in words:
                    ru_lemma[s][entry.id] = entry
                    for form in russian.inflections(s):
                        add_surface(form, entry, "lemma")
            else:
                for s in words:
                    kk_stem[s][entry.id] = entry

        self.surface = {k: tuple(v.values()) for k, v in surface.items()}
        self.ru_lemma = {k: tuple(v.values()) for k, v in ru_lemma.items()}
        self.kk_stem = {k: tuple(v.values()) for k, v in kk_stem.items()}
        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.phrases_by_rare_component = _by_rare_component(self.phrases)
        self.phrase_vocab = frozenset(k for ph in (p for v in phrases.values() for p in v) for c in ph.components for k in c)
        phrase_skel: dict[str, set[str]] = defaultdict(set)
        for key in self.phrase_vocab:
            phrase_skel[skeleton(key)].add(key)
        self.phrase_skeletons = {k: frozenset(v) for k, v in phrase_skel.items()}

        # Latin spellings and typos reach only entries of target/attack/frame classes.
        skel: dict[str, dict[str, Entry]] = defaultdict(dict)
        fuzzy_keys: dict[str, dict[str, Entry]] = defaultdict(dict)
        for form, hits in self.surface.items():
            for entry, how in hits:
                if not self.reachable_loosely(entry) or (entry.loose == "listed" and how != "exact"):
                    continue
                if len(form) >= MIN_SKELETON_LEN:
                    skel[skeleton(form)][entry.id] = entry
                if entry.fuzzy:
                    fuzzy_keys[form][entry.id] = entry
        # Kazakh entries: generated inflections serve typo matching and Latin spellings (exact
        # Cyrillic lookups go through the analyzer, which knows case, mood and negation).
        self.kk_form_stems: dict[str, str] = {}
        for stem, entries in self.kk_stem.items():
            for entry in entries:
                if not self.reachable_loosely(entry) or entry.loose == "listed":
                    continue
                for form in kazakh.inflect(stem, verb=entry.pos == "verb"):
                    if len(form) >= MIN_SKELETON_LEN:
                        skel[skeleton(form)][entry.id] = entry
                    if entry.fuzzy:
                        fuzzy_keys[form][entry.id] = entry
                        self.kk_form_stems.setdefault(form, stem)
        # Russian loans with Kazakh endings (паразиттер) may be misspelled in Kazakh text too
        for lemma, entries in self.ru_lemma.items():
            for entry in entries:
                if self.reachable_loosely(entry) and entry.loose == "all" and entry.pos in ("noun", "other") \
                        and len(lemma) >= 3:
                    for form in kazakh.inflect(lemma)[1:]:
                        if form in self.surface:
                            continue  # also a Russian form (таракан + -ы = тараканы): it stays Russian
                        skel[skeleton(form)][entry.id] = entry  # katsaptar = кацаптар
                        if entry.fuzzy:
                            fuzzy_keys[form][entry.id] = entry
                            self.kk_form_stems.setdefault(form, lemma)
        self.skeleton = {k: tuple(v.values()) for k, v in skel.items()}
        self.fuzzy_entries = {k: tuple(v.values()) for k, v in fuzzy_keys.items()}
        self.fuzzy = FuzzyIndex(self.fuzzy_entries)
        # Every written form of an entry that evasions may disguise: what masked words (ж*ды),
        # split words (китай цы) and spelled-out letters (к и т а й ц ы) are resolved against.
        loose: dict[str, set[str]] = defaultdict(set)
        for form, hits in self.surface.items():
            for e, how in hits:
                if self.reachable_loosely(e) and (e.loose == "all" or how == "exact"):
                    loose[form].add(e.id)
        for stem, entries in self.kk_stem.items():
            for e in entries:
                if self.reachable_loosely(e) and e.loose == "all":
                    for form in kazakh.inflect(stem, verb=e.pos == "verb"):
                        loose[form].add(e.id)
        for lemma, entries in self.ru_lemma.items():  # Russian loans with Kazakh endings: паразиттер
            for e in entries:
                if self.reachable_loosely(e) and e.loose == "all" and e.pos in ("noun", "other") and len(lemma) >= 3:
                    for form in kazakh.inflect(lemma):
                        loose[form].add(e.id)
        self.loose_forms: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in loose.items()}
        by_len: dict[int, list[str]] = defaultdict(list)
        for form in self.loose_forms:
            by_len[len(form)].append(form)
        self.forms_by_length = {k: tuple(sorted(v)) for k, v in by_len.items()}

    def defer(self, load: Callable[[], dict[str, Any]]) -> None:
        """Drop the DEFERRED indexes; `load` gives them back on first use."""
        for name in DEFERRED:
            self.__dict__.pop(name, None)
        self.__dict__["_deferred"] = load

    def without_deferred(self) -> "Lexicon":
        """A shallow copy without the DEFERRED indexes (what the disk cache stores first)."""
        core = object.__new__(Lexicon)
        core.__dict__.update((k, v) for k, v in self.__dict__.items() if k not in DEFERRED and k != "_deferred")
        return core

    def __getattr__(self, name: str) -> Any:
        """A deferred index, read on first use (only called when `name` is not an attribute)."""
        if name not in DEFERRED:
            raise AttributeError(name)
        with _deferred_lock:  # one Engine may be shared by threads
            load = self.__dict__.get("_deferred")
            if load is not None:
                self.__dict__.update(load())
                del self.__dict__["_deferred"]
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled whole (for other processes, which may not share this one's disk cache)."""
        if "_deferred" in self.__dict__:
            getattr(self, DEFERRED[0])
        return self.__dict__

    @staticmethod
    def spellings_of(entries, cls: str, unless: str | None = None) -> frozenset[str]:
        """Every one-word spelling and form of the entries of class `cls` (not also of `unless`)."""
        return frozenset(w for e in entries if cls in e.classes and unless not in e.classes
                         for w in (*e.spellings, *e.forms) if " " not in w)

    def reachable_loosely(self, entry: Entry) -> bool:
        """May this entry be matched through a typo, a transliteration or a de-obfuscation?"""
        known = self._loose.get(entry.id)
        if known is None:
            known = self._loose[entry.id] = any(self.classes[c].kind in FUZZY_KINDS for c in entry.classes)
        return known

    def _phrase(self, entry: Entry, spelling: str) -> Phrase:
        """Per word of the phrase, every key a token may show: the word, its lemmas or stems, and
        (Russian) every inflection of those lemmas, so Latin spellings can be matched by skeleton."""
        comps = []
        negated = []
        # a dash written as its own word in the spelling ("деп айту — надандық") is punctuation the
        # text may put between the words before and after it
        split = spelling.split()
        dashes = frozenset(k - 1 - sum(1 for w in split[:k] if w in _DASHES) for k, w in enumerate(split)
                           if w in _DASHES and k > 0)
        words = [w for w in split if w not in _DASHES]
        commas = frozenset(k for k, w in enumerate(words[:-1]) if w.endswith(","))
        for word in (w.rstrip(",") for w in words):
            negated.append(word in self.negative_words or entry.lang == "kk" and _negative_kazakh_verb(word))
            keys = {word}
            if entry.match == "exact":
                pass  # only the spellings listed: "это мерзко" is no "эти мерзкие"
            elif entry.lang == "ru":
                lemmas = russian.lemmas(word)
                keys.update(lemmas)
                for lemma in lemmas[:2]:
                    keys.update(russian.inflections(lemma))
            else:
                keys.update(kazakh.stems(word))
                keys.update(kazakh.inflect(word))
            comps.append(frozenset(keys))
        return Phrase(entry, tuple(comps), tuple(negated), commas, dashes)

    def classes_kind(self, entry: Entry, kinds: tuple[str, ...]) -> bool:
        """Has the entry a class of one of these kinds (attack, frame...)?"""
        return any(self.classes[c].kind in kinds for c in entry.classes)

    def stats(self) -> dict[str, object]:
        """Counts for reports: entries by language, class, target and register."""
        by_lang: dict[str, int] = defaultdict(int)
        by_class: dict[str, int] = defaultdict(int)
        by_target: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        by_register: dict[str, int] = defaultdict(int)
        for e in self.entries.values():
            by_lang[e.lang] += 1
            for c in e.classes:
                by_class[c] += 1
            if e.target:
                by_target[e.target][e.lang] += 1
            by_register[e.register] += 1
        return {
            "entries": len(self.entries),
            "phrases": sum(1 for e in self.entries.values() if e.is_phrase),
            "surface_forms": len(self.surface),
            "by_lang": dict(sorted(by_lang.items())),
            "by_class": dict(sorted(by_class.items())),
            "by_target": {t: dict(sorted(v.items())) for t, v in sorted(by_target.items())},
            "by_register": dict(sorted(by_register.items())),
        }
