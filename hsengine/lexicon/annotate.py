"""Stage 5c — the annotated document: tokens, their analyses, and lexicon hits with positions.

This is where the per-word analyses (cached, position-free) meet the text: hits get token
positions, multi-word expressions are matched across tokens, guard words are applied for the
text's language (Kazakh жиде is a tree in a Kazakh text, Russian "о жиде" is not), and each hit's
`how` is completed with what normalization did to that stretch of text (homoglyph, invisible,
combining, compat) and how the token was assembled (spaced letters).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..text import deobfuscate, langid
from .index import Lexicon, Phrase
from .loader import Entry
from .lookup import Hit, TokenAnalysis, TokenAnalyzer, reusable
from ..morphology import kazakh, kazakh_words, russian
from ..morphology.translit import kazakh_latin_to_cyrillic
from ..text.normalize import NormalizedText
from ..text.tokenize import Merge, Token, script_of, tokenize
from ..text.lazyregex import lazy_compile


_HYPHENS = {"-", "‐", "–"}
_DASHES = {"—", "–", "-"}
_EMOJI = lazy_compile(r"\p{Extended_Pictographic}")


@dataclass(frozen=True, slots=True)
class DocHit:
    """A lexicon hit at token positions [first, last] (inclusive)."""

    first: int
    last: int
    entry: Entry
    how: str
    score: float
    negated: bool = False
    gram: frozenset[str] = frozenset()
    ref: tuple[int, int] | None = None  # for a pronoun: the tokens of the group it refers to


@dataclass
class Doc:
    norm: NormalizedText
    tokens: list[Token]
    analyses: list[TokenAnalysis | None]
    hits: list[DocHit]
    lang: str
    features: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    contrast_words: frozenset[str] = frozenset()  # the lexicon's `contrast` class (а, но; бірақ, ал)
    _sentences: list[tuple[int, int]] | None = None
    _word_prefix: list[int] | None = None
    _relative_clauses: list[tuple[int, int, int]] | None = None
    _contrast_prefix: list[int] | None = None
    _sentence_spans: dict[int, tuple[int, int]] | None = None
    _sentence_ids: list[int] | None = None
    _by_class: dict[str, list[DocHit]] | None = None
    _by_classes: dict[frozenset[str], list[DocHit]] | None = None  # hits_of for several classes, per set
    # `features` in two parts whose union it is: the words' distinct feature sets (shared objects,
    # morphology/sets.py) and the features added beside them (phrases, readings of the text); the
    # clauses they meet are remembered per set (ClauseBits.met_by_sets).  None: not known
    feature_parts: tuple[tuple[frozenset[str], ...], set[str]] | None = None

    def hits_of(self, classes: frozenset[str]) -> list[DocHit]:
        """Hits of any of these classes, in text order."""
        index = self._by_class
        if index is None:
            index = {}
            for h in self.hits:
                for c in h.entry.classes:
                    index.setdefault(c, []).append(h)
            self._by_class = index
        if len(classes) == 1:
            return index.get(next(iter(classes)), [])
        cache = self._by_classes
        if cache is None:
            cache = self._by_classes = {}
        got = cache.get(classes)
        if got is None:
            seen = {id(h) for c in classes for h in index.get(c, ())}
            got = cache[classes] = [h for h in self.hits if id(h) in seen]  # in the order of doc.hits, ties included
        return got

    @property
    def sentence_spans(self) -> dict[int, tuple[int, int]]:
        """Sentence id → (first, last) token index."""
        if self._sentence_spans is None:
            self._sentence_spans = {self.tokens[a].sent: (a, b) for a, b in self.sentences}
        return self._sentence_spans

    def sentence_range(self, lo_sent: int, hi_sent: int) -> tuple[int, int]:
        """(first, last) token index covering sentences lo_sent..hi_sent ((0, -1) when none)."""
        ids = self._sentence_ids
        if ids is None:
            ids = self._sentence_ids = [self.tokens[a].sent for a, _ in self.sentences]
        i = bisect_left(ids, lo_sent)
        j = bisect_right(ids, hi_sent) - 1
        if i > j:
            return 0, -1
        return self.sentences[i][0], self.sentences[j][1]

    def contrast_side(self, i: int) -> int:
        """How many contrastive clause starts (", а ...", ", но ...", ", бірақ ...") precede token
        i: words on different sides of "а" are said of different things."""
        self.crosses_contrast(0, 0)
        return self._contrast_prefix[i + 1]

    def crosses_contrast(self, first: int, last: int) -> bool:
        """Is there a contrastive clause start after `first` and up to `last`?"""
        prefix = self._contrast_prefix
        if prefix is None:
            prefix = [0]
            n = 0
            toks = self.tokens
            for i, t in enumerate(toks):
                if (t.kind == "word" and t.text in self.contrast_words and i
                        and toks[i - 1].kind == "punct" and toks[i - 1].text in {",", ";", "—", "-"}):
                    n += 1
                prefix.append(n)
            self._contrast_prefix = prefix
        return prefix[last + 1] - prefix[first + 1] > 0

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(first, last) token index of every sentence."""
        if self._sentences is None:
            spans: list[tuple[int, int]] = []
            for tok in self.tokens:
                if spans and self.tokens[spans[-1][0]].sent == tok.sent:
                    spans[-1] = (spans[-1][0], tok.index)
                else:
                    spans.append((tok.index, tok.index))
            self._sentences = spans
        return self._sentences

    def word_distance(self, a: int, b: int) -> int:
        """Words strictly between token a and token b, plus one (0 when b <= a); O(1).  In a
        Kazakh text a word joined to the one before by a hyphen, with no space, is the same word:
        the paired compounds "мал-мүлкін", "ата-анасын" count once."""
        if b <= a:
            return 0
        prefix = self._word_prefix
        if prefix is None:
            prefix = [0]
            n = 0
            toks = self.tokens
            pairs = self.lang == "kk"
            for i, t in enumerate(toks):
                n += t.kind == "word" and not (pairs and i >= 2 and toks[i - 1].text in _HYPHENS and toks[i - 2].kind == "word"
                                               and toks[i - 2].end == toks[i - 1].start and toks[i - 1].end == t.start)
                prefix.append(n)
            self._word_prefix = prefix
        return 1 + prefix[b] - prefix[a + 1]


    def relative_words_between(self, a: int, b: int) -> int:
        """Words of Russian relative clauses (", которые ...", ", у которых ...") that lie wholly
        between token a and token b.  A relative clause describes the noun before it: in "у
        русских, которые за 30 лет язык не выучили, гражданство надо отбирать" the call is as near
        to its group as in "у русских гражданство надо отбирать"."""
        spans = self._relative_clauses
        if spans is None:
            spans = self._relative_clauses = _relative_clauses(self.tokens)
        return sum(n for first, last, n in spans if a < first and last < b)


_RELATIVE = frozenset({"который", "которая", "которое", "которые", "которого", "которой", "которому", "которым",
                       "которыми", "котором", "которую", "которых", "чей", "чья", "чьё", "чье", "чьи", "чьих"})
_RELATIVE_PREPOSITIONS = frozenset({"у", "в", "во", "с", "со", "из", "для", "на", "от", "к", "о", "об", "за", "при", "про"})


def _relative_clauses(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(first, last, words) of each clause that opens, after a comma, with a relative pronoun."""
    out: list[tuple[int, int, int]] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.kind != "punct" or t.text != "," or i + 1 >= n:
            continue
        j = i + 1
        if tokens[j].kind == "word" and tokens[j].text.lower() in _RELATIVE_PREPOSITIONS and j + 1 < n:
            j += 1
        if tokens[j].kind != "word" or tokens[j].text.lower() not in _RELATIVE:
            continue
        clause = tokens[i + 1].clause
        last = i + 1
        while last + 1 < n and tokens[last + 1].clause == clause:
            last += 1
        # closed by a comma (the clause's last token): the words after it are the main clause again
        if last + 1 < n and tokens[last].kind == "punct" and tokens[last].text == ",":
            out.append((i, last, sum(1 for k in range(i + 1, last) if tokens[k].kind == "word")))
    return out


def possible_phrases(lexicon: Lexicon, keys: set[str]) -> dict[int, Phrase]:
    """The lexicon's phrases (by id) every component of which meets `keys`: exactly those of the
    phrases listed under the keys (`lexicon.phrases`, by first component) that pass that test,
    found through the keys of one component (`lexicon.phrases_by_rare_component`): ~260 phrases
    were tried per RuEthnoHate message for ~2 that can match."""
    index = lexicon.phrases_by_rare_component
    disjoint = keys.isdisjoint
    out: dict[int, Phrase] = {}
    for k in keys:
        for p in index.get(k, ()):
            if id(p) not in out and not any(map(disjoint, p.components)):
                out[id(p)] = p
    return out


def _reaches_loosely(analyzer: TokenAnalyzer, word: str) -> bool:
    return any(analyzer.lexicon.reachable_loosely(h.entry) for h in analyzer.analyze(word).hits)


def spaced_merges(norm: NormalizedText, analyzer: TokenAnalyzer) -> list[Merge]:
    """Spaced-out letters (к и т а й ц ы) to join: only where the joined word reaches an entry."""
    forms = analyzer.lexicon.loose_forms

    def is_form(joined: str, whole: bool) -> bool:
        return joined in forms or (whole and _reaches_loosely(analyzer, joined))

    return [Merge(start, end, joined, "spaced") for start, end, joined in deobfuscate.spaced_candidates(norm.text, is_form)]


# The classes that only give words a grammatical role (lexicon/classes.yaml)
ANAPHORA_AND_CONTRAST = frozenset({"plural_pronoun", "contrast"})


# Short function words that are not halves of a split word: "вы гнать" or "за резать" are a
# pronoun or preposition before a verb, not выгнать or зарезать written apart.
_NOT_HALVES = frozenset(
    "в во на за до по от из у к с со ко о об обо при про под над без для вы мы он ты я не ни "
    "ол мен біз сен сіз".split()
)


# Kazakh enclitic particles ("and/also", question, emphasis): written apart by the rules of spelling
_KK_PARTICLES = frozenset("да де та те ма ме ба бе па пе ғой қой ше ау".split())

# Russian verb prefixes; written apart before a verb they are a split word, not a preposition
_RU_VERB_PREFIXES = frozenset(
    "вы из ис пере раз рас при под над от об обо за до по про с со у вз вс воз вос низ нис недо пред".split()
)
_VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _verb_prefix_apart(left: str, right: str, joined: str) -> bool:
    """"из гнать", "пере режем": a verb prefix split from its verb.  A preposition never stands
    right before a verb, so when the right half is a verb form and the joined word is a known
    verb form too, the two are one word (and the evidence is the whole of it)."""
    if left not in _RU_VERB_PREFIXES or len(right) < 3:
        return False
    is_verb = lambda w: any(not _VERB_TAGS.isdisjoint(g) for _, g in russian.parses(w))  # noqa: E731
    return russian.is_known(joined) and is_verb(joined) and is_verb(right)


def _meaning(hit: Hit) -> tuple:
    """What a hit says, whichever entry (Russian or Kazakh) it comes from: classes and target."""
    return (hit.entry.classes, hit.entry.target)


def split_merges(tokens: list[Token], norm: NormalizedText, analyzer: TokenAnalyzer) -> list[Merge]:
    """Words split by a space (китай цы, ев рей, қытай ларды): join two neighbours when the joined
    word is a form of an attack/target/frame entry, the right half is no hit of its own (a typo
    reading aside), the left half is not a preposition or pronoun standing before a verb, and a
    left half that is a hit itself is followed by its ending or by a fragment that is no word."""
    # (deobfuscate.split_candidates over the words, in one pass without a list of them: two
    # neighbouring words, one space apart, that join into a lexicon form — rare, most messages none)
    text, forms = norm.text, analyzer.lexicon.loose_forms
    candidates = []
    prev = None
    for t in tokens:
        if t.kind != "word" or t.merged:
            continue
        if prev is not None and t.nstart - prev.nend == 1 and text[prev.nend] == " ":
            joined = prev.text + t.text
            if joined in forms:
                candidates.append((prev.nstart, t.nend, joined))
        prev = t
    merges = []
    for start, end, joined in candidates:
        left, right = norm.text[start:end].split(" ", 1)
        if _verb_prefix_apart(left, right, joined):
            if _reaches_loosely(analyzer, joined):
                merges.append(Merge(start, end, joined, "split"))
            continue
        if left in _NOT_HALVES and len(right) >= 2 and not russian.is_known(right) \
                and not analyzer.analyze(right).hits and russian.is_known(joined):
            # "не навижу", "во ры": навижу and ры are no words, so не and во are the split-off
            # start of ненавижу and воры (while "не верные" is a negation: верные is a word)
            if _reaches_loosely(analyzer, joined):
                merges.append(Merge(start, end, joined, "split"))
            continue
        if left in _NOT_HALVES or len(left) < 2 or len(right) < 2:
            continue  # one letter is a word of its own ("и т.д." is not "ит")
        # a pronoun or a contrast is grammar, not a word that ends the split: "отруб им" is отрубим
        right_hits = [h for h in analyzer.analyze(right).hits
                      if h.how != "fuzzy" and not ANAPHORA_AND_CONTRAST.issuperset(h.entry.classes)]
        if any(analyzer.lexicon.reachable_loosely(h.entry) for h in right_hits):
            continue
        if right_hits and russian.is_known(left):
            continue  # "дунга не" joins (no word + a function word), "они не" does not
        left_hits = {_meaning(h) for h in analyzer.analyze(left).hits if h.how != "fuzzy"}
        if left_hits and right in _KK_PARTICLES and all(h.entry.lang == "kk" for h in analyzer.analyze(left).hits
                                                         if h.how != "fuzzy"):
            continue  # "сараң да қу": a Kazakh word and its particle, not a locative сараңда ("вали те" joins)
        if left_hits:
            # "қытай ларды", "кафира ми": an ending written apart (the joined word is a form of what
            # the left half already is), or a right half that is no word at all (китай цы);
            # otherwise two words that merely happen to join into a form
            same_word = left_hits & {_meaning(h) for h in analyzer.analyze(joined).hits}  # сартт|ар: the same slur
            if not same_word and left not in kazakh.stems(joined) and (
                    russian.is_known(right) or kazakh_words.is_known((right,))):
                continue
        if _reaches_loosely(analyzer, joined):
            merges.append(Merge(start, end, joined, "split"))
    return merges


def detect_lang(analyses: list[TokenAnalysis | None], text: str) -> str:
    ru = kk = 0
    for a in analyses:
        if a is not None:
            ru += a.votes[0]
            kk += a.votes[1]
    has_cyr = any(a is not None and a.word and "\u0400" <= a.word[0] <= "\u04ff" for a in analyses)
    return langid.decide(ru, kk, has_cyr)


HOMONYM_WINDOW = 8  # words around a hit in which a homonym_near word makes it the harmless homonym


def _drop_homonyms(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit]) -> list[DocHit]:
    """An entry's harmless homonym, told by a word beside it (Entry.homonym_near): чурка beside
    дрова, колоть, балта is a log, so no rule reads it as the slur."""
    if not any(h.entry.homonym_near for h in hits):
        return hits
    out = []
    for h in hits:
        near = h.entry.homonym_near
        if near:
            sent, words, found = tokens[h.first].sent, 0, False
            for step in (-1, 1):
                i, words = (h.first - 1, 0) if step < 0 else (h.last + 1, 0)
                while 0 <= i < len(tokens) and tokens[i].sent == sent and words < HOMONYM_WINDOW and not found:
                    an = analyses[i]
                    if tokens[i].kind == "word" and an is not None:
                        words += 1
                        found = (tokens[i].text.lower() in near or not near.isdisjoint(an.lemmas)
                                 or not near.isdisjoint(an.stems))
                    i += step
            if found:
                continue
        out.append(h)
    return out


def _drop_inside_idioms(hits: list[DocHit]) -> list[DocHit]:
    """A set phrase that harms no one (class idiom: убить время, уақыт өлтіру) takes its words: the
    other hits inside it (убить as violence) are dropped, so no rule reads them as an attack."""
    idioms = [(h.first, h.last) for h in hits if "idiom" in h.entry.classes]
    if not idioms:
        return hits
    return [h for h in hits if "idiom" in h.entry.classes
            or not any(a <= h.first and h.last <= b for a, b in idioms)]


def annotate(norm: NormalizedText, analyzer: TokenAnalyzer, lang: str | None = None,
             spaced: list[Merge] | None = None, known: dict[str, TokenAnalysis] | None = None) -> Doc:
    """Tokenize, analyze every word, detect the language and place lexicon hits.  `spaced`: what
    `spaced_merges(norm, analyzer)` gives, when the caller has it already (the Engine's prefilter);
    `known`: words of this text with the analysis `analyzer.analyze` gave them and would give
    again (`reusable`), as the prefilter collected them: they are not asked for again."""
    if spaced is not None:
        merges = spaced if analyzer.use_deobfuscation else []
    else:
        merges = spaced_merges(norm, analyzer) if analyzer.use_deobfuscation else []
    tokens = tokenize(norm, merges)
    if analyzer.use_deobfuscation:
        splits = split_merges(tokens, norm, analyzer)
        if splits:
            tokens = tokenize(norm, merges + splits)
    analyses: list[TokenAnalysis | None] = []
    analyze = analyzer.analyze
    # a word's analysis, for its next occurrences (see reusable)
    seen: dict[str, TokenAnalysis] = known if known is not None else {}
    for tok in tokens:
        if tok.kind != "word":
            analyses.append(None)
            continue
        a = seen.get(tok.text)
        if a is None:
            a = analyze(tok.text)
            if reusable(tok.text, a):
                seen[tok.text] = a
        analyses.append(a)
    doc_lang = lang or detect_lang(analyses, norm.text)
    if doc_lang == "kk":
        # a Russian word that is also Kazakh typed on a Russian keyboard reads as Kazakh here
        analyses = [a.in_kazakh if a is not None and a.in_kazakh is not None else a for a in analyses]
    lexicon = analyzer.lexicon
    hits: list[DocHit] = []
    features: set[str] = set()
    errors: list[str] = []
    word_sets: dict[int, frozenset[str]] = {}  # the words' distinct feature sets (see Doc.feature_parts)
    for tok, analysis in zip(tokens, analyses):
        if analysis is None:
            continue
        if analysis.errors:
            errors.extend(analysis.errors)
        if analysis.hits:
            prefix = _doc_how(norm, tok)
            for h in analysis.hits:
                if not keep_hit(h, analysis, doc_lang):
                    continue
                how = f"{prefix}+{h.how}" if prefix else h.how
                hits.append(DocHit(tok.index, tok.index, h.entry, how, h.score, h.negated, h.gram))
        fs = analysis.features
        if fs and id(fs) not in word_sets:
            word_sets[id(fs)] = fs
    # (the words' feature sets are shared objects: each distinct one is united once)
    features.update(*word_sets.values())
    of_words = set(features)
    if lexicon.phrases:
        hits.extend(_phrase_hits(tokens, analyses, lexicon, features))
        hits = _drop_inside_idioms(hits)
    hits = _drop_homonyms(tokens, analyses, hits)
    hits.extend(_compound_verb_hits(tokens, analyses, hits, lexicon))
    hits.extend(_vice_noun_verb_hits(tokens, analyses, hits, lexicon))
    hits.extend(_aorist_before_edi(tokens, analyzer, features))
    hits.extend(_group_adjective_hits(tokens, analyses, hits, lexicon, features))
    if "class:" + ORIGIN in features:
        # a place alone names nobody: only the place read with its people stays a hit
        origins = _origin_group_hits(tokens, analyses, hits, lexicon, features)
        hits = [h for h in hits if ORIGIN not in h.entry.classes] + origins
    hits.extend(_substantive_adjective_hits(tokens, analyses, hits, features))
    if doc_lang in ("kk", "mixed"):
        people_of = _people_of_group_hits(tokens, analyses, hits, lexicon)
        # a bare group word read with the people noun after it ("қытай жұмысшыларын") is that
        # noun's attribute, not a subject of its own
        # ... and so is one read with its people noun in an oblique case: "Аманат қазақ халқының жауы"
        # (the enemy of the Kazakh people) says nothing of Kazakhs as a subject
        attributes = {h.first for h in people_of if h.how == MEMBERS_HOW or "nomn" not in h.gram}
        hits = [DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref)
                if h.first == h.last and h.first in attributes and "gent" not in h.gram else h for h in hits]
        hits.extend(people_of)
    hits.extend(_pronoun_hits(tokens, analyses, hits, lexicon))
    hits.extend(_dislocated_group_hits(tokens, analyses, hits, lexicon))
    hits.extend(_object_licensed_hits(tokens, analyses, hits, lexicon, features))
    if doc_lang in ("kk", "mixed"):
        hits.extend(_converb_chain_hits(tokens, analyses, hits, lexicon))
    if doc_lang == "kk":
        hits = _mark_attributive(tokens, analyses, hits, lexicon)
    hits = _mark_dash_subject(tokens, hits, analyses)
    hits = _drop_sentence_opening_contrast(tokens, hits)
    hits = _mark_labels(tokens, hits, analyses)
    hits = _mark_kazakh_attributives(tokens, hits, analyses)
    hits = _mark_own_objects(tokens, hits, analyses)
    # the animals inside a zoo's name are no insult: "хайуанаттар бағын ашты" (opened a zoo)
    pens = [(h.first, h.last) for h in hits if "animal_pen" in h.entry.classes and h.last > h.first]
    if pens:
        hits = [h for h in hits if "dehumanization" not in h.entry.classes
                or not any(a <= h.first and h.last <= b and (a, b) != (h.first, h.last) for a, b in pens)]
    hits = _mark_predicates(tokens, hits, analyses)
    hits = _mark_self_named(tokens, hits)
    hits = _mark_named_by_others(tokens, analyses, hits)
    tokens, zero = _zero_subject_hits(tokens, analyses, hits, lexicon, doc_lang)
    hits.extend(zero)
    tokens, zero = _zero_object_hits(tokens, analyses, hits, doc_lang)
    hits.extend(zero)
    hits.sort(key=lambda h: (h.first, h.last, h.entry.id))
    doc = Doc(norm, tokens, analyses, hits, doc_lang, features, errors, lexicon.contrast_words)
    doc.feature_parts = (tuple(word_sets.values()), features - of_words)
    return doc


# Words that open a clause with a subject of its own (a subordinate clause) or turn to another one
_OWN_SUBJECT_OPENERS = frozenset(
    "что чтобы который которая которое которые которых которым если когда где куда пока хотя потому "
    "ведь будто якобы а но однако зато ал бірақ алайда себебі өйткені егер деп".split())
# What a clause must say for its missing subject to matter: an attack of some kind
_ZERO_WORTHY = frozenset({"negative_attribute", "vice", "dehumanization", "epithet", "violence", "threat",
                          "expulsion", "send_away", "leave", "exclusion", "invasion", "hate_emotion", "conspiracy"})
_PEOPLE_CLASSES = frozenset({"group", "slur", "plural_pronoun", "person", "substantive_adjective"})
_ZERO_GRAM = frozenset({"nomn", "plur", "Pron"})


def _zero_subject_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                       lexicon: Lexicon, doc_lang: str = "ru") -> tuple[list[Token], list[DocHit]]:
    """A clause after a comma with no subject of its own continues the subject before it: "бұлар
    адамға ұқсамайды, ұрлықтан басқа ештеңе білмейді", "эти пролезут наверх, тащат всю родню".
    The missing subject is a hit at the comma ("zero", a pronoun with no word), which opens the
    clause it belongs to; its reference is the group.  The clause must have a third-person verb
    (or a short plural predicate), no word for people of its own and no nominative before its
    verb, open with no subordinator, and hold an attack word — nothing else needs a subject."""
    subjects: dict[int, DocHit] = {}  # clause id -> its group subject
    for h in hits:
        if h.entry.target and "nomn" in h.gram and {"Attr", "Own"}.isdisjoint(h.gram) \
                and not _PEOPLE_CLASSES.isdisjoint(h.entry.classes) and not _before_postposition(tokens, h):
            subjects.setdefault(tokens[h.first].clause, h)
    if not subjects:
        return tokens, []
    by_clause: dict[int, list[DocHit]] = {}
    for h in hits:
        by_clause.setdefault(tokens[h.first].clause, []).append(h)
    out: list[DocHit] = []
    tokens = list(tokens)
    n = len(tokens)
    for c, tok in enumerate(tokens):
        if tok.kind != "punct" or tok.text not in _ZERO_SUBJECT_MARKS or c == 0 or c + 1 >= n:
            continue
        # the words on either side, found in place (no copy of the token list per mark)
        j = c - 1
        while j >= 0 and tokens[j].kind != "word":
            j -= 1
        if j < 0:
            continue
        prev = tokens[j]
        j = c + 1
        while j < n and tokens[j].kind != "word":
            j += 1
        if j == n:
            continue
        nxt = tokens[j]
        if prev.clause == nxt.clause:
            continue
        # a comma inside a sentence, or a full stop between two sentences ("Қытайлар келді. Жерді
        # улап жатыр.") — across the stop only a clause with no nominative at all: "... узбеки.
        # Воруют всё подряд чиновники" has its subject after the verb
        across = tok.text != ","
        if prev.sent != nxt.sent - across or nxt.index != c + 1 + (tokens[c + 1].kind != "word"):
            continue
        subject = subjects.get(prev.clause)
        if subject is None or nxt.text in _OWN_SUBJECT_OPENERS:
            continue
        clause = [t for t in tokens[nxt.index :] if t.clause == nxt.clause]
        own_attacks = [h for h in by_clause.get(nxt.clause, ()) if not _ZERO_WORTHY.isdisjoint(h.entry.classes)]
        if across and (_has_nominative(clause, analyses, doc_lang)
                       or any("call" in h.entry.classes for h in by_clause.get(nxt.clause, ()))
                       or own_attacks and all(_kazakh_bare_noun(h) for h in own_attacks)):
            # (a call after the stop is said to the reader: "Ұрыларды қуу керек."; an insult noun
            # may be the subject a Kazakh clause leaves unmarked: "Үйде тағы тарақан шықты.")
            continue
        own = by_clause.get(nxt.clause, [])
        # across a full stop the attack may come in a later clause of the new sentence: "Орыстар
        # заңға наразы. Жүз жыл тұрса да бір сөз үйренбейді, шошқалар." (the verdict after a comma)
        # (a plural insult appended as a label: "жиіркенішті" alone may be said of the factory)
        said = own if not across else own + [h for h in hits if tokens[h.first].sent == nxt.sent
                                             and {"Label", "plur"} <= h.gram]
        if not any(not _ZERO_WORTHY.isdisjoint(h.entry.classes) and not _kazakh_attribute(tokens, analyses, h, own)
                   for h in said):
            continue
        if any(not _PEOPLE_CLASSES.isdisjoint(h.entry.classes) for h in own):
            continue
        if not _subjectless_predicate(clause, analyses):
            continue
        ref = subject.ref if subject.ref is not None else (subject.first, subject.last)
        tokens[c] = replace(tok, clause=nxt.clause, sent=nxt.sent)
        zero = DocHit(c, c, subject.entry, "zero", round(subject.score * 0.9, 3), False, _ZERO_GRAM, ref)
        out.append(zero)
        subjects.setdefault(nxt.clause, zero)  # and on down a chain of such clauses
    return tokens, out


_ZERO_SUBJECT_MARKS = frozenset({",", ".", "!", "…", "..."})


def _kazakh_bare_noun(h: DocHit) -> bool:
    """A Kazakh noun in the unmarked nominative singular: it may be a clause's own subject."""
    return h.entry.lang == "kk" and {"NOUN", "nomn"} <= h.gram and "plur" not in h.gram and "VERB" not in h.gram


_POSTPOSITIONS = frozenset("туралы жайлы жайында жөнінде үшін сияқты секілді тарапынан turaly jaily zhaily "
                           "jaiynda üşın ushin siaqty".split())


def _before_postposition(tokens: list[Token], h: DocHit) -> bool:
    """A Kazakh group word governed by the postposition after it ("ұйғырлар туралы" — about the
    Uyghurs) is no subject."""
    nxt = _next_word(tokens, h.last)
    return nxt is not None and nxt.text.lower() in _POSTPOSITIONS


_FUNCTION_GRAMS = frozenset({"CONJ", "PRCL", "PREP", "ADVB", "INTJ", "Abbr"})


# Kazakh numerals spelled as Russian pronouns
_KAZAKH_NUMERALS_LIKE_PRONOUNS = frozenset({"он"})
_KAZAKH_SHARED = frozenset({"да", "де", "та", "те", "а", "и"})  # particles Kazakh shares with Russian
# words after which a Russian noun is a genitive, whatever else its form may be
_GOVERN_GENITIVE = frozenset("ни нет много мало несколько сколько столько".split())


# a comparison: the nominative after it is what the subject is likened to ("Плодятся как тараканы.")
_COMPARISON_WORDS = frozenset("как словно будто точно".split())


def _has_nominative(clause: list[Token], analyses: list[TokenAnalysis | None], doc_lang: str = "ru") -> bool:
    """A nominative noun or pronoun anywhere in the clause (Russian), or a Kazakh plural noun or
    personal pronoun: a subject of its own, before or after the verb.  In Russian text, not the
    noun a comparison likens the subject to ("живут как свиньи")."""
    before = None
    compared = False  # inside "как тараканы": the thing compared to, not a subject
    for t in clause:
        a = analyses[t.index] if t.kind == "word" else None
        if a is None:
            continue
        g = a.gram
        counted = before is not None and (before[0] in _GOVERN_GENITIVE or "NUMR" in before[1])
        compared = t.text in _COMPARISON_WORDS or compared and before is not None and (
            before[0] in _COMPARISON_WORDS or "ADJF" in before[1]) and not {"NOUN", "ADJF"}.isdisjoint(g)
        before = (t.text, g)
        if compared and doc_lang == "ru":
            continue
        if doc_lang != "ru" and t.text in _KAZAKH_NUMERALS_LIKE_PRONOUNS:
            continue  # "он жыл": ten years, not "he"
        if russian.is_known(t.text) or doc_lang == "ru":
            # (a word the dictionary does not know, in a Russian text, is read by its guessed grammar)
            # any nominative reading ("Крысы в подвале вернулись": крысы may be genitive too), but
            # not a function word's rare noun reading (и, рядом), nor a noun a numeral or ни counts
            # ("сто лет", "ни слова": the genitive)
            # (a word the Russian dictionary knows by its Russian readings only: ночам is no
            # Kazakh possessive nominative here)
            if russian.is_known(t.text):
                g = frozenset().union(*(pg for _, pg in russian.parses(t.text)))
            if "nomn" in g and not {"NOUN", "NPRO"}.isdisjoint(g) and _FUNCTION_GRAMS.isdisjoint(g) and not counted:
                return True
        elif t.text in _KAZAKH_PERSONAL or (_KAZAKH_PLURAL_NOMINATIVE.search(t.text) and "NOUN" in g):
            return True
    return False


# the head a people's attribute stands before ("... тойымсыз халық"): said of the group itself
_KAZAKH_PEOPLE_NOUNS = frozenset("халық ұлт нәсіл тайпа жұрт ел халык улт halyq halyk ult".split())
_KAZAKH_LINKS = frozenset("пен мен бен және да де та те ғой қой ғана тек әрі не немесе men pen ben jane".split())


def _kazakh_attribute(tokens: list[Token], analyses: list[TokenAnalysis | None], h: DocHit,
                      own: list[DocHit]) -> bool:
    """A Kazakh word right before a bare noun of the dictionary is that noun's attribute ("жалқау
    бала ұйықтап қалды"): it says nothing of a subject left unsaid."""
    nxt = _next_word(tokens, h.last)
    if nxt is None or nxt.clause != tokens[h.last].clause or russian.is_known(tokens[h.last].text):
        return False
    a = analyses[nxt.index]
    return (nxt.text not in _KAZAKH_LINKS and nxt.text not in _KAZAKH_PEOPLE_NOUNS
            and nxt.text in kazakh_words.words() and a is not None
            and "VERB" not in a.gram and not any(o.first <= nxt.index <= o.last for o in own))


def _subjectless_predicate(clause: list[Token], analyses: list[TokenAnalysis | None]) -> bool:
    """A third-person plural verb (Russian), a third-person verb (Kazakh) or a short plural
    predicate, with no nominative noun or pronoun before it."""
    for t in clause:
        if t.kind != "word":
            continue
        a = analyses[t.index]
        if a is None:
            return False
        g = a.gram
        russian_verb = t.script == "cyrl" and {"VERB", "plur"} <= g and ("3per" in g or "past" in g) \
            and "1per" not in g and "2per" not in g and russian.is_known(t.text)
        short = {"plur"} <= g and not {"ADJS", "PRTS"}.isdisjoint(g) and russian.is_known(t.text)
        kazakh_verb = not russian.is_known(t.text) and "VERB" in g and ("3per" in g or "past" in g) \
            and "1per" not in g and "2per" not in g
        if russian_verb or short or kazakh_verb:
            return True
        if t.text in _KAZAKH_NUMERALS_LIKE_PRONOUNS and not russian_verb and t.script == "cyrl" \
                and not any(russian.is_known(o.text) and o.kind == "word" and o.text not in _KAZAKH_NUMERALS_LIKE_PRONOUNS
                            and o.text not in _KAZAKH_SHARED for o in clause):
            continue  # "Он жыл тұрса да ...": ten, in a clause of Kazakh words
        if russian.is_known(t.text):
            if "nomn" in g and not {"NOUN", "NPRO"}.isdisjoint(g) and "accs" not in g and "gent" not in g:
                return False  # a subject of its own before the verb
        elif t.text in _KAZAKH_PERSONAL or (_KAZAKH_PLURAL_NOMINATIVE.search(t.text) and "NOUN" in g):
            return False  # (a Kazakh noun is nominative unmarked: only a plural or a pronoun tells)
    return False


_FIRST_PERSON = frozenset("я мы мен біз men biz bız".split())


# acts a call may demand with its object left unsaid ("Тез арада қуу керек", "Гнать надо")
_ZERO_OBJECT_ACTS = frozenset({"expulsion", "send_away", "violence", "do_away", "erase", "punish", "confinement",
                               "injure"})
_ZERO_OBJECT_GRAM = frozenset({"accs", "plur", "Pron"})
_ACCUSATIVE_WORD = lazy_compile(r"(ны|ні|ды|ді|ты|ті|ын|ін|ни|ди|ти|ин|ny|ni|nı|dy|di|dı|ty|ti|tı|yn|ın)$")


def _zero_object_hits(tokens: list[Token], analyses: list[TokenAnalysis | None],
                      hits: list[DocHit], doc_lang: str) -> tuple[list[Token], list[DocHit]]:
    """A call whose object is left unsaid demands the act of the group just named: "Тәжіктер тағы
    келді. Тез арада қуу керек.", "Цыгане опять расселись. Гнать надо".  The call is an
    infinitive (or Kazakh verbal noun) of an act with a word of call in its clause, and the clause
    names nobody and has no object of its own; the group is the last one named before it, in its
    sentence or the one before.  Like a zero subject, the hit sits on the punctuation that opens
    the clause (a comma or a full stop, never a question mark).

    A threat idiom of no mercy needs no call: "Орыстар бізді бодан санайды. Бір күні біреуін де
    аямаймыз", "Пусть только цыгане сунутся, ни один не уйдёт" threaten the group just named."""
    groups = [h for h in hits if h.entry.target and h.how != "zero"
              and not _PEOPLE_CLASSES.isdisjoint(h.entry.classes) and "Own" not in h.gram]
    if not groups:
        return tokens, []
    by_clause: dict[int, list[DocHit]] = {}
    for h in hits:
        by_clause.setdefault(tokens[h.first].clause, []).append(h)
    tokens = list(tokens)
    out: list[DocHit] = []
    done: set[int] = set()
    for h in hits:
        clause_id = tokens[h.first].clause
        no_mercy = "no_mercy" in h.entry.classes
        if clause_id in done or not no_mercy and (
                _ZERO_OBJECT_ACTS.isdisjoint(h.entry.classes) or {"INFN", "infn"}.isdisjoint(h.gram)):
            continue
        own = by_clause.get(clause_id, [])
        # (a no-mercy idiom holds its own quantifier of people: "никого из них не пощадим")
        if not no_mercy and not any("call" in o.entry.classes for o in own) or any(
                not _PEOPLE_CLASSES.isdisjoint(o.entry.classes) for o in own
                if not no_mercy or not h.first <= o.first <= h.last):
            continue
        first = next(t for t in tokens if t.clause == clause_id)
        if first.index == 0:
            continue
        punct = tokens[first.index - 1]
        if punct.kind != "punct" or punct.text not in (",", ".", ";", "...", "…"):
            continue
        words = [t for t in tokens if t.clause == clause_id and t.kind == "word"]
        # a threat with a subject of its own threatens for someone else ("соперники никого не
        # пощадили"); the speaker is the one who threatens ("и мы доберёмся до каждого")
        if no_mercy and _has_nominative([t for t in words if not h.first <= t.index <= h.last
                                         and t.text.lower() not in _FIRST_PERSON], analyses, doc_lang):
            continue
        # the word after a comma that ends the clause too: a comma may split the act from its object
        # ("надо убить, время до поезда")
        j = words[-1].index + 1
        if j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].kind == "word" and len(tokens[j + 1].text) > 2:
            words.append(tokens[j + 1])
        if not no_mercy and any(_has_object(t, analyses, own, doc_lang) for t in words):
            continue
        before = [g for g in groups if g.last < first.index and first.sent - tokens[g.last].sent <= 1]
        if not before:
            continue
        group = before[-1]
        if tokens[group.last].sent == first.sent and "accs" in group.gram:
            continue  # the call's own object, put first: "Цыган, которые ... воруют, надо выселить"
        ref = group.ref if group.ref is not None else (group.first, group.last)
        tokens[punct.index] = replace(punct, clause=clause_id, sent=first.sent)
        out.append(DocHit(punct.index, punct.index, group.entry, "zero", round(group.score * 0.9, 3), False,
                          _ZERO_OBJECT_GRAM, ref))
        done.add(clause_id)
    return tokens, out


def _has_object(t: Token, analyses: list[TokenAnalysis | None], own: list[DocHit], doc_lang: str) -> bool:
    """An object of the call's own: a Russian noun or pronoun in the accusative (or the genitive
    plural an animate object takes), a Kazakh word with an accusative ending.  The call's own
    words (the act, the call) are none."""
    if any(o.first <= t.index <= o.last for o in own if not {"call"} .isdisjoint(o.entry.classes)
           or not _ZERO_OBJECT_ACTS.isdisjoint(o.entry.classes)):
        return False
    a = analyses[t.index]
    if a is None:
        return False
    # (a Kazakh word may be a Russian form too: тез, арада)
    russian_word = doc_lang == "ru" or doc_lang == "mixed" and russian.is_known(t.text) \
        and t.text not in kazakh_words.words()
    if russian_word:
        return not {"NOUN", "NPRO"}.isdisjoint(a.gram) and not {"accs", "gent"}.isdisjoint(a.gram)
    return bool(_ACCUSATIVE_WORD.search(t.text)) and len(t.text) > 3


_KAZAKH_PERSONAL = frozenset("мен сен сіз біз сендер сіздер ол men sen siz sız biz ol".split())
_KAZAKH_PLURAL_NOMINATIVE = lazy_compile(r"(лар|лер|дар|дер|тар|тер|lar|ler|dar|der|tar|ter)$")


_VERBAL_GRAMMEMES = frozenset({"impr", "1per", "2per", "3per", "past", "pres", "futr", "cond", "neg"})


_PERSONS = frozenset({"1per", "2per", "3per"})
_VERB_PHRASE_CLASSES = frozenset({"vice"})  # what a group does, read by the rules as a verb


def _gram_or_hits(a: TokenAnalysis) -> frozenset[str]:
    """A word's grammar, or, when no reading gives it one (a bare Kazakh word in Latin: emes,
    kerek), the grammar its lexicon hits carry (емес, керек as listed: a bare nominative) — not
    "unknown", which would pass a Russian rule's INFN."""
    if a.gram:
        return a.gram
    return frozenset().union(*(h.gram for h in a.hits))


def _kazakh_finite_gram(head: TokenAnalysis) -> frozenset[str]:
    """The grammar of a word's Kazakh readings as a finite verb (a person ending: тартады, аламыз),
    as written or typed; empty when it has none."""
    gram: set[str] = set()
    # (a Latin word through its Cyrillic readings: salady is салады)
    written = kazakh_latin_to_cyrillic(head.word)[:2] if script_of(head.word) == "latn" else (head.word,)
    for w in (*written, *head.keyboard):
        for a in kazakh.analyze(w)[1:]:
            if "VERB" in a.gram and not _PERSONS.isdisjoint(a.gram):
                gram |= a.gram
    return frozenset(gram)


def keep_hit(hit: Hit, analysis: TokenAnalysis, doc_lang: str) -> bool:
    """Whether a word's hit counts in a document of this language.

    A guard word never counts in its own language (Kazakh жиде is a tree), and in a plainly
    Russian text a typo match onto a Kazakh form is dropped: Russian slang unknown to pymorphy3
    would otherwise be read as misspelled Kazakh; in a Kazakh text, a typo match of a word that
    is a Kazakh dictionary word typed on a Russian keyboard is dropped too, and so is an inflection
    of a Russian entry whose loose spellings are `listed` (бил: біл "know" typed, not "beat").
    (In Kazakh text, typos onto Russian loans are kept: the Kazakh dictionary already refused real
    Kazakh words such as нанмен "with bread".)"""
    if analysis.guard_langs and (doc_lang in analysis.guard_langs or doc_lang == "mixed"):
        return False
    if hit.how == "fuzzy" and doc_lang == "ru" and (hit.form_lang or hit.entry.lang) != "ru":
        return False
    if hit.how == "fuzzy" and analysis.typed_kazakh and doc_lang in ("kk", "mixed"):
        return False  # in Kazakh text, откизди is өткізді "held" typed without Kazakh letters: no typo
    if doc_lang == "kk" and hit.how == "lemma" and hit.entry.loose == "listed":
        return False  # in Kazakh text, бил is біл "know" typed, not Russian "beat": listed forms only
    return True


def _doc_how(norm: NormalizedText, tok: Token) -> str:
    parts = list(norm.edit_kinds(tok.nstart, tok.nend))
    if tok.merged:
        parts.insert(0, tok.merged)
    return "+".join(parts)


_LIKENESS = frozenset("сияқты секілді тәрізді құсап сықылды іспетті сиякты секилди тариздi таризди кусап".split())
_SIML = frozenset({"siml"})


def _phrase_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], lexicon: Lexicon,
                 features: set[str]) -> list[DocHit]:
    """Multi-word entries: consecutive words whose keys match each component in turn."""
    out: list[DocHit] = []
    words = [i for i, a in enumerate(analyses) if a is not None]
    # the words' key sets are shared objects (equal sets are one): each distinct one united once
    key_sets: dict[int, frozenset[str]] = {}
    for i in words:
        a = analyses[i]
        if a.phrase_keys:
            key_sets[id(a.phrase_keys)] = a.phrase_keys
        if a.withheld_phrase_keys:
            key_sets[id(a.withheld_phrase_keys)] = a.withheld_phrase_keys
    if not key_sets:
        return out
    present: set[str] = set().union(*key_sets.values())
    # a phrase whose some word occurs nowhere in the message cannot match: most phrases start
    # with a common word (не, в, олар), so this is decided once per message, not per word
    possible = possible_phrases(lexicon, present)
    if not possible:
        return out
    # (`lexicon.phrases` lists a phrase under each key of its first component, and only there: the
    # phrases a word's keys list that are possible are the possible ones whose first component
    # meets those keys — found without walking every phrase the word's common keys list)
    firsts = [(p, p.components[0].isdisjoint) for p in possible.values()]
    for pos, i in enumerate(words):
        a = analyses[i]
        keys, withheld = a.phrase_keys, a.withheld_phrase_keys
        if not (keys or withheld):
            continue
        candidates = [p for p, disjoint in firsts if not (disjoint(keys) and disjoint(withheld))]
        for phrase in candidates:
            n = len(phrase.components)
            if pos + n > len(words):
                continue
            idx = words[pos : pos + n]
            # words must be adjacent: nothing but hyphens between them, or a comma where the
            # lemma has one ("последнее, что я бы сделал")
            if any(tokens[j].kind != "punct" or not (tokens[j].text in _HYPHENS
                                                     or k in phrase.commas and tokens[j].text == ","
                                                     or k in phrase.dashes and tokens[j].text in _DASHES)
                   for k in range(n - 1) for j in range(idx[k] + 1, idx[k + 1])):
                continue
            # a homograph typed on a Russian keyboard (бурап: бура "camel" or бұрап "wringing") is
            # read as the phrase's word when the phrase's other words are there as written
            plain = [bool(analyses[j].phrase_keys & comp) for j, comp in zip(idx, phrase.components)]
            if not all(plain):
                if not any(plain) or not all(p or analyses[j].withheld_phrase_keys & comp
                                             for p, j, comp in zip(plain, idx, phrase.components)):
                    continue
            # a word negative in the lemma must be negative in the text: болады shares the stem of
            # болмайды, but "сенуге болады" is trust, not distrust ("көргім келеді" is no aversion);
            # жұмысқа алмаймын meets "жұмысқа алма", жұмысқа алыңдар does not
            if any(own and not (analyses[j].negated or analyses[j].verb_negated
                                or not lexicon.negative_words.isdisjoint(analyses[j].phrase_keys))
                   for j, own in zip(idx, phrase.negated_lemma)):
                continue
            entry = phrase.entry
            # the phrase shows the grammar of its words: the head is first in Russian (выходить
            # замуж), last in Kazakh (елден қуу)
            gram = frozenset().union(*(_gram_or_hits(analyses[j]) for j in idx))
            if entry.lang == "ru" and _VERB_PHRASE_CLASSES.intersection(entry.classes):
                # a Russian vice said as a verb phrase is its finite verb: "своих тянут" is a present
                # tense, though тянут alone is also a short participle (its union would refuse it)
                finite = frozenset().union(*(russian.finite_verb_grammemes(tokens[j].text.lower().replace("ё", "е"))
                                             for j in idx if tokens[j].script == "cyrl"))
                if finite:
                    gram = finite
            if entry.lang == "kk":
                # a Kazakh phrase's mood, person and tense are its last word's, the head: "жазасын
                # берді" is a past tense, whatever жазасын "let him write" reads as alone
                head = analyses[idx[-1]]
                finite = _kazakh_finite_gram(head) if _VERB_PHRASE_CLASSES.intersection(entry.classes) else frozenset()
                if not _gram_or_hits(head) and script_of(head.word) == "latn":
                    gram = frozenset()  # a Latin head whose grammar is unknown (salu): so is the phrase's
                elif finite:
                    # a vice said as a verb phrase ending in a finite Kazakh verb is that verb: "өз
                    # туыстарын тартады" is a present tense, whatever the Russian guesses for its words
                    # (past, PRTF, sing) say.  (Other classes' phrases keep the union: their rules read
                    # them as predicates, "адам қатарына жатпайды".)
                    gram = finite
                else:
                    gram = (gram - _VERBAL_GRAMMEMES) | (_gram_or_hits(head) & _VERBAL_GRAMMEMES)
                # a phrase that ends in a postposition of likeness is a comparison, in any script
                # ("қой сияқты", "qoi siiaqty"), as a word in -дай is
                last = tokens[idx[-1]]
                if not _LIKENESS.isdisjoint(_cyrillic_spellings(last.text.lower(), last.script)):
                    gram |= _SIML
                # ... and before еді the head is the aorist of a wish ("тыйым салар едім")
                nxt = _next_word(tokens, idx[-1])
                if nxt is not None and not _EDI.isdisjoint(_cyrillic_spellings(nxt.text, nxt.script)):
                    gram |= _AORIST_GRAM
            # жек көрмеймін: a negated word negates the phrase, unless the lemma itself carries the
            # negation (сенуге болмайды, көргім келмейді)
            negated = any((analyses[j].negated or analyses[j].verb_negated) and not own_negation
                          for j, own_negation in zip(idx, phrase.negated_lemma))
            out.append(DocHit(idx[0], idx[-1], entry, "phrase", 1.0, negated, gram))
            features.add("entry:" + entry.id)
            features.update("class:" + c for c in entry.classes)
            if entry.target:
                features.add("target:" + entry.target)
    return out


def _compound_verb_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                        lexicon: Lexicon) -> list[DocHit]:
    """Kazakh compound verbs: an act verb in the converb (-ып/-іп/-п) and a light verb after it
    (жібер, таста, сал, шық, кет... — the lexicon's `auxiliary` class) are one verb whose mood,
    person and negation are the light verb's: қуып шығайық "let's drive them out", өлтіріп
    тастаймыз "we will kill", қырып салу керек.  The act's hit is repeated over both words with
    the light verb's grammar, so that rules read the mood where Kazakh puts it."""
    if "auxiliary" not in lexicon.classes:
        return []
    words = [t.index for t in tokens if t.kind == "word"]
    aux_hits = [h for h in hits if h.first == h.last and "auxiliary" in h.entry.classes]
    aux_at = {h.first for h in aux_hits}
    # a light verb written as its bare stem is the 2nd person singular imperative: "атып таста!"
    # "shoot (them)!", "қуып жібер!" — but not the positional verbs, whose bare stem is a present
    # tense ("қуып жүр" "is chasing")
    bare_at = {h.first for h in aux_hits if h.how == "exact" and tokens[h.first].text.lower() not in _PROGRESSIVE_AUX}
    out = []
    for pos, i in enumerate(words[:-1]):
        j = words[pos + 1]
        if j not in aux_at or j - i > 2:
            continue  # the light verb follows at once (a hyphen may stand between)
        for h in hits:
            if h.last == i and "conv" in h.gram and lexicon.classes_kind(h.entry, ("attack", "frame")):
                aux = analyses[j]
                gram = aux.gram if aux is not None else frozenset()
                if not gram:
                    # a Latin light verb's word grammar is unknown (Russian or Kazakh?); as a light
                    # verb it is read as Kazakh: jıberemız is жібереміз, first person
                    gram = frozenset().union(*(a.gram for a in aux_hits if a.first == j))
                if gram:
                    gram = gram | {"VERB"}
                progressive = _PROGRESSIVE_PRESENT.get(tokens[j].text.lower())
                if progressive is not None:
                    gram = progressive  # "улап жатыр" is "is poisoning": the parser reads жатыр as a name
                if j in bare_at:
                    gram |= _BARE_IMPERATIVE
                out.append(DocHit(h.first, j, h.entry, h.how + "+compound", h.score,
                                  bool(aux is not None and (aux.negated or aux.verb_negated)), gram))
    return out


_VICE_NOUN_CLASSES = ("vice", "negative_attribute")
_NOT_OBJECT_CASES = frozenset({"gent", "datv", "ablv", "loct", "ablt"})


def _vice_noun_verb_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                         lexicon: Lexicon) -> list[DocHit]:
    """Kazakh vice nouns with a verb of doing (the lexicon's `doing` class: жаса, істе, қыл, сат,
    тарат) right after them are one verb: "ұрлық жасайды" (they steal), "есірткі сатады" (they sell
    drugs), "ауру таратады".  The noun's hit is repeated over both words with the verb's grammar,
    as a compound verb's act is with its light verb's, so that a rule asking for a vice verb in the
    generic present reads it.  The noun is the verb's object (nominative or accusative), not a
    possessor or a place: "ұрлықтың жолын жасады" is no theft."""
    if "doing" not in lexicon.classes:
        return []
    doing = {h.first: h for h in hits if h.first == h.last and "doing" in h.entry.classes}
    if not doing:
        return []
    words = [t.index for t in tokens if t.kind == "word"]
    out = []
    for pos, i in enumerate(words[:-1]):
        j = words[pos + 1]
        verb_hit = doing.get(j)
        if verb_hit is None:
            continue
        verb = analyses[j]
        # the Kazakh reading the doing entry was reached by (the word's own grammar also holds the
        # Russian guesses of an unknown word)
        gram = verb_hit.gram or (verb.gram if verb is not None else frozenset())
        if "VERB" not in gram:
            continue
        for h in hits:
            if h.last == i and h.first == i and any(c in h.entry.classes for c in _VICE_NOUN_CLASSES) \
                    and "VERB" not in h.gram and h.gram.isdisjoint(_NOT_OBJECT_CASES):
                out.append(DocHit(h.first, j, h.entry, h.how + "+doing", h.score,
                                  bool(verb is not None and (verb.negated or verb.verb_negated)), gram))
    return out


_PROGRESSIVE_AUX = frozenset({"тұр", "отыр", "жүр", "жатыр", "тур", "жур", "жатр", "қал", "кал"})
# the present of жат- "to lie" as the progressive after a converb, its person in its ending
_PROGRESSIVE_PRESENT = {
    "жатыр": frozenset({"VERB", "pres", "3per"}), "жатр": frozenset({"VERB", "pres", "3per"}),
    "жатырмыз": frozenset({"VERB", "pres", "1per", "plur"}),
    "жатырсыңдар": frozenset({"VERB", "pres", "2per", "plur"}),
}
_BARE_IMPERATIVE = frozenset({"impr", "2per", "sing"})


# first and second person only: "депортациялар еді" may be "there were deportations" (a plural noun
# and the 3rd person past of "to be"), "депортациялар едім" cannot be a plural noun
_EDI = frozenset({"едім", "едік", "едің", "едіңдер", "едіңіз", "едим", "едик", "един", "единдер", "единиз"})
_KK_VOWELS = frozenset("аәеиоөуұүыіэюя")
_AORIST_GRAM = frozenset({"VERB", "futr", "prtc"})


def _aorist_before_edi(tokens: list[Token], analyzer: TokenAnalyzer, features: set[str]) -> list[DocHit]:
    """The Kazakh aorist of a vowel stem before еді: "депортациялар едім" (I would deport), "айдар
    едік".  Out of context -лар/-дар is the plural, so the word analysis leaves this reading out
    (morphology/kazakh_suffixes.py); before еді a wish reads it as the verb.  The verb is found
    through its verbal noun (депортацияла-р → депортациялау), and only an attack verb counts."""
    words = [t for t in tokens if t.kind == "word"]
    out: list[DocHit] = []
    for a, b in zip(words, words[1:]):
        if b.script != "latn":  # (_cyrillic_spellings: the word as written, lower-cased)
            w = b.text.lower()
            if w not in _EDI:
                continue  # (most pairs: the first word's spellings are not worth reading)
            after: tuple[str, ...] = (w,)
        else:
            after = _cyrillic_spellings(b.text, b.script)
            if _EDI.isdisjoint(after):
                continue
        for h in _aorist_hits(_cyrillic_spellings(a.text, a.script), after, analyzer):
            out.append(DocHit(a.index, a.index, h.entry, "aorist", h.score, False, _AORIST_GRAM))
            features.add("entry:" + h.entry.id)
            features.update("class:" + c for c in h.entry.classes)
    return out


def _aorist_hits(word: Sequence[str], after: Sequence[str], analyzer: TokenAnalyzer) -> list[Hit]:
    """The attack verb a word reads as when it is an aorist before еді (spellings of both words)."""
    if _EDI.isdisjoint(after):
        return []
    lexicon = analyzer.lexicon
    for w in word:
        if len(w) < 4 or w[-1] != "р" or w[-2] not in _KK_VOWELS:
            continue
        found = [h for h in analyzer.analyze(w[:-1] + "у").hits
                 if "infn" in h.gram and lexicon.classes_kind(h.entry, ("attack",))]
        if found:
            return found
    return []


def _cyrillic_spellings(text: str, script: str) -> tuple[str, ...]:
    """The word in Cyrillic: as written, or the first two readings of a Latin spelling (sabar edım)."""
    w = text.lower()
    if script == "latn":
        return kazakh_latin_to_cyrillic(w)[:2]
    return (w,)


GROUP_ADJECTIVE = "group_adjective"
# inanimate nouns for a people or a body of its members ("китайский персонал", "дунганская диаспора")
_PEOPLE_NOUNS = frozenset({"народ", "нация", "народность", "племя", "народец", "персонал", "диаспора", "община",
                           "население", "молодёжь", "молодежь", "меньшинство"})
_AS_GROUP: dict[str, Entry] = {}  # a group adjective's entry read as a group name (one object per entry)


def _as_group(entry: Entry) -> Entry:
    found = _AS_GROUP.get(entry.id)
    if found is None:
        found = _AS_GROUP[entry.id] = replace(entry, classes=("group",))
    return found


_INSULT_NOUN_CLASSES = frozenset({"dehumanization", "slur", "collective_contempt"})  # (lexicon/classes.yaml)
_ANIMAL = "animal"
_PROPER = frozenset({"Name", "Surn", "Patr"})


def _only_a_name(word: str) -> bool:
    """A known Russian word animate only as a proper name: горы is mountains, and Гора a surname
    ("кавказские горы" are no people)."""
    if not _CYRILLIC_WORD.match(word) or not russian.is_known(word):
        return False
    animate = [p.tag.grammemes for p in russian.analyzer().parse(word) if {"NOUN", "anim"} <= p.tag.grammemes]
    return bool(animate) and all(not _PROPER.isdisjoint(g) for g in animate)


_CYRILLIC_WORD = lazy_compile(r"^[а-яё-]+$")


def _also_a_thing(word: str) -> bool:
    """A known Russian noun with an inanimate reading as well: язык is a language (and a captured
    informant), so "казахский язык" names no people."""
    word = word.lower()
    if not _CYRILLIC_WORD.match(word) or not russian.is_known(word):
        return False
    return any({"NOUN", "inan"} <= p.tag.grammemes for p in russian.analyzer().parse(word))


def _group_adjective_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                          lexicon: Lexicon, features: set[str]) -> list[DocHit]:
    """A group adjective right before a word for people names the group: "китайские рабочие",
    "эти кавказские парни", "уйгурскими активистами" are one group hit over both words, with the
    noun's grammar.  Before anything else ("китайские кредиты", "уйгурская кухня") it names
    nothing.  A people noun is an animate Russian noun the lexicon does not read as a group of
    its own ("китайские уйгуры" are uyghurs)."""
    out: list[DocHit] = []
    for h in hits:
        if h.first != h.last or GROUP_ADJECTIVE not in h.entry.classes:
            continue
        nxt = _next_word(tokens, h.last)
        if nxt is None or tokens[h.last].clause != nxt.clause:
            continue
        a = analyses[nxt.index]
        if not _agree(tokens[h.first].text.lower(), nxt.text.lower()):
            continue  # "казахское кроликом": no noun phrase without agreement in case and number
        if any(o.first == nxt.index and not _INSULT_NOUN_CLASSES.isdisjoint(o.entry.classes) for o in hits):
            # an insult for the people ("дунганская зараза", "китайская нечисть", "узбекская
            # чернь"): the adjective names the group, the noun attacks it
            out.append(DocHit(h.first, h.last, _as_group(h.entry), "adjective", h.score, False, h.gram))
            features.add("class:group")
            continue
        # people, or a people as a whole ("китайский народ", "еврейская нация": inanimate nouns)
        # (not a noun that is also a thing: язык is a language, and a captured informant)
        if a is None or not ({"NOUN", "anim"} <= a.gram and not _also_a_thing(nxt.text) and not _only_a_name(nxt.text)
                             or _PEOPLE_NOUNS.intersection(a.lemmas)):
            continue
        if any(o.first <= nxt.index <= o.last and (lexicon.classes_kind(o.entry, ("target",)) or _ANIMAL in o.entry.classes)
               for o in hits):
            continue  # a group word of its own ("китайские уйгуры"), or an animal ("африканский леопард")
        out.append(DocHit(h.first, nxt.index, _as_group(h.entry), "adjective", h.score, False, a.gram))
        features.add("class:group")
    return out


_NUMBERS = frozenset({"sing", "plur"})
_GENDERS = frozenset({"masc", "femn", "neut"})


def _agree(adjective: str, noun: str) -> bool:
    """A Russian adjective and the noun after it agree in some pair of their readings: case and
    number, and gender in the singular ("казахское кроликом" is no noun phrase).  A word the parser
    does not know (a typo, a Latin spelling) agrees with anything."""
    if not (_CYRILLIC_WORD.match(adjective) and _CYRILLIC_WORD.match(noun)) \
            or not (russian.is_known(adjective) and russian.is_known(noun)):
        return True
    parse = russian.analyzer().parse
    adjectives = [p.tag.grammemes for p in parse(adjective) if "ADJF" in p.tag.grammemes]
    nouns = [p.tag.grammemes for p in parse(noun) if "NOUN" in p.tag.grammemes]
    if not adjectives or not nouns:
        return True
    for a in adjectives:
        for n in nouns:
            if a & n & _CASES and a & n & _NUMBERS and ("plur" in a & n or a & n & _GENDERS or "Ms-f" in n):
                return True
    return False


ORIGIN = "origin"
MEMBERS_HOW = "members"  # a genitive group with its members: "тәжіктердің құрылысшылары"
# the `how` of a group read with its people word, a place or a genitive: the matcher tests its grammar only
ORIGIN_HOWS = frozenset({ORIGIN, MEMBERS_HOW})
_FROM = frozenset({"из", "с", "со", "iz"})
# a Kazakh plural noun, keyboard-folded, with a case ending: студенттер, жігіттердің, келгендерді
_KAZAKH_PLURAL = lazy_compile(r"(лар|лер|дар|дер|тар|тер)(ды|ди|ты|ти|дын|дин|тын|тин|ға|ге|га|ка|ке|дан|ден|тан|тен"
                               r"|да|де|та|те|мен|ы|и|н)?$")
# Kazakh words for people an origin is said of, keyboard-folded, plural with a case ending: a
# Kazakh noun has no animacy to tell "Қытайдан келген жұмысшылар" (workers) from "... тауарлар" (goods)
_KAZAKH_ORIGIN_PEOPLE = lazy_compile(
    r"^(адам|жигит|кыз|айел|ер|бала|жас|студент|окушы|жумысшы|курылысшы|саудагер|сатушы|турист|конак|корши"
    r"|азамат|тургын|жолаушы|жургизуши|таксист|боскын|даригер|бауыр|агайын|жамагат|мигрант|гастарбайтер"
    r"|келимсек)" + _KAZAKH_PLURAL.pattern)
_KAZAKH_PLURAL_CASES = {"": "nomn", "ды": "accs", "ди": "accs", "ты": "accs", "ти": "accs", "ы": "accs", "и": "accs",
                        "н": "accs", "дын": "gent", "дин": "gent", "тын": "gent", "тин": "gent", "ға": "datv",
                        "ге": "datv", "га": "datv", "ка": "datv", "ке": "datv", "дан": "ablv", "ден": "ablv",
                        "тан": "ablv", "тен": "ablv", "да": "loct", "де": "loct", "та": "loct", "те": "loct",
                        "мен": "ablt"}
_ABLATIVE = lazy_compile(r"(дан|ден|тан|тен|нан|нен)$")  # keyboard-folded
_CAME = frozenset({"келген", "келіп", "келетін", "келип", "келетин"})


def _origin_group_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                       lexicon: Lexicon, features: set[str]) -> list[DocHit]:
    """A place of origin with a word for people names the group: "студенты из Африки", "рабочие из
    солнечного Таджикистана", "Африкадан келген студенттер", "Нигериядан студенттер",
    "Дағыстаннан келгендер" are one group hit over the words, with the people word's grammar.  The
    place alone ("кредиты из Китая", "Қытайдан несие алды") names nobody."""
    out: list[DocHit] = []
    seen: set[tuple[int, int]] = set()
    for h in hits:
        if h.first != h.last or ORIGIN not in h.entry.classes:
            continue
        i = h.first
        if h.entry.lang == "ru" and "gent" in h.gram:
            span = _russian_origin_people(tokens, analyses, hits, lexicon, i)
        elif h.entry.lang == "kk" and ("ablv" in h.gram or _ABLATIVE.search(_folded_kazakh(tokens[i]))):
            span = _kazakh_origin_people(tokens, analyses, hits, lexicon, i)
        else:
            continue
        if span is None or span in seen:
            continue
        seen.add(span)
        first, last, people = span
        a = analyses[people]
        if h.entry.lang == "kk":  # the plural's own case ending (a Russian loan's grammar would mislead)
            found = _KAZAKH_PLURAL.search(_folded_kazakh(tokens[people]))
            gram = frozenset({"NOUN", "plur", _KAZAKH_PLURAL_CASES[found.group(2) or ""]})
        else:
            gram = a.gram if a is not None and a.gram else frozenset({"NOUN", "plur", "nomn"})
        out.append(DocHit(first, last, _as_group(h.entry), ORIGIN, h.score, False, gram))
        features.add("class:group")
    return out


def _is_people_word(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                    lexicon: Lexicon, j: int) -> bool:
    a = analyses[j]
    if a is None or any(o.first <= j <= o.last and lexicon.classes_kind(o.entry, ("target",)) for o in hits):
        return False
    return {"NOUN", "anim", "plur"} <= a.gram or bool(_PEOPLE_NOUNS.intersection(a.lemmas)) \
        or any(o.first == o.last == j and "person" in o.entry.classes for o in hits)


def _russian_origin_people(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                           lexicon: Lexicon, i: int) -> tuple[int, int, int] | None:
    """People, из (с), at most one adjective, the place: the span (people, place) and the people word."""
    j = i - 1
    a = analyses[j] if j >= 0 and tokens[j].kind == "word" else None
    if a is not None and "ADJF" in a.gram and tokens[j].text.lower() not in _FROM:
        j -= 1  # из солнечного Таджикистана
    if j < 1 or tokens[j].kind != "word" or tokens[j].text.lower() not in _FROM:
        return None
    k = j - 1
    if tokens[k].kind != "word" or tokens[k].sent != tokens[i].sent or tokens[k].clause != tokens[i].clause:
        return None
    if not _is_people_word(tokens, analyses, hits, lexicon, k):
        return None
    return k, i, k


def _kazakh_origin_people(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                          lexicon: Lexicon, i: int) -> tuple[int, int, int] | None:
    """The place in the ablative, келген (optional), a plural noun: "Африкадан келген студенттер",
    "Нигериядан студенттер"; or the participle itself as the people: "Дағыстаннан келгендер"."""
    nxt = _next_word(tokens, i)
    if nxt is None or nxt.clause != tokens[i].clause:
        return None
    word = _folded_kazakh(nxt)
    if word in _CAME:
        people = _next_word(tokens, nxt.index)
        if people is None or people.clause != tokens[i].clause:
            return None
    elif word.startswith(("келгендер", "келгенде")) and _KAZAKH_PLURAL.search(word):
        return i, nxt.index, nxt.index
    else:
        people = nxt
    if not _KAZAKH_ORIGIN_PEOPLE.match(_folded_kazakh(people)):
        return None
    return i, people.index, people.index


def _folded_kazakh(tok: Token) -> str:
    w = tok.text.lower()
    if tok.script == "latn":
        w = kazakh_latin_to_cyrillic(w)[0]
    return kazakh.keyboard_fold(w)


# a people noun with the third-person possessive, keyboard-folded: халқы, ұлты, жұрты, адамдары,
# нәсілі, өкілдері, азаматтары (and their cases: халқын, халқына, халқының...)
_PEOPLE_OF = lazy_compile(r"^(халк|улт|журт|адамдар|насил|окилдер|азаматтар)(ы|и)(н|на|не|нда|нде|нан|нен|нын|нин|мен)?$")


def _people_of_group_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                          lexicon: Lexicon) -> list[DocHit]:
    """A Kazakh group word before a people noun with its possessive names the group: "қытай
    халқы", "еврей ұлты", "қытайдың адамдары", "дүнген жұртына" are one group hit over both words,
    with the noun's grammar (its case), as "китайские рабочие" is in Russian."""
    out: list[DocHit] = []
    for h in hits:
        if h.first != h.last or not lexicon.classes_kind(h.entry, ("target",)) or h.how == "pronoun":
            continue
        nxt = _next_word(tokens, h.last)
        if nxt is None or tokens[h.last].clause != nxt.clause:
            continue
        words = [nxt.text.lower()]
        if nxt.script == "latn":
            words = list(kazakh_latin_to_cyrillic(words[0])[:2])
        found = next((m for m in (_PEOPLE_OF.match(kazakh.keyboard_fold(w)) for w in words) if m), None)
        how = PEOPLE_HOW + h.how
        if found is None and ("gent" in h.gram or "nomn" in h.gram and "plur" not in h.gram):
            # the group's own workers, students, lads: "тәжіктердің құрылысшыларын", "қытайдың
            # жұмысшылары" (the genitive's surface is no group word's: the matcher tests the grammar),
            # and the bare group word as their attribute, "қытай жұмысшыларын" (Chinese workers,
            # accusative: the object of the clause, not its subject)
            found = next((m for m in (_MEMBERS_OF.match(kazakh.keyboard_fold(w)) for w in words) if m), None)
            how = MEMBERS_HOW
        if found is None:
            continue
        # the case is the possessive's ending (a typed word may have no analysis to tell it)
        case = _PEOPLE_CASES[found.group(3) or ""]
        out.append(DocHit(h.first, nxt.index, h.entry, how, h.score, False, frozenset({"NOUN", "plur", case})))
    return out


# a word for people with the plural and the third-person possessive, keyboard-folded, after a
# group in the genitive: жұмысшылары, құрылысшыларын, студенттері, жігіттеріне
_MEMBERS_OF = lazy_compile(r"^(жумысшы|курылысшы|студент|жигит|саудагер|сатушы|окушы|жургизуши|таксист)"
                            r"(?:лар|лер|дар|дер|тар|тер)(ы|и)(н|на|не|нда|нде|нан|нен|нын|нин|мен)?$")
PEOPLE_HOW = "people+"  # the `how` of a group word read with its people noun (the matcher tests the first word)
_PEOPLE_CASES = {"": "nomn", "н": "accs", "на": "datv", "не": "datv", "нда": "loct", "нде": "loct", "нан": "ablv",
                 "нен": "ablv", "нын": "gent", "нин": "gent", "мен": "ablt"}


CHAIN_REACH = 4  # words from a converb to the verb that ends its chain
# what the verb that ends a chain lends its converbs: mood, person, tense, negation
_CHAIN_GRAMS = frozenset({"infn", "impr", "cond", "desid", "futr", "prtc", "pres", "past", "1per", "2per", "3per",
                          "plur", "sing", "neg", "INFN"})
_CHAIN_VERB = frozenset({"VERB"})
_CALLING = frozenset({"infn", "INFN", "impr", "desid"})  # the moods a chain lends: a call, an order, a wish
# ... and a promise: the speaker's own non-past verb ("бәрін сабап, өлімші етіп тастаймын")
_PROMISE = frozenset({"1per", "VERB"})


def _converb_chain_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                        lexicon: Lexicon) -> list[DocHit]:
    """A Kazakh converb takes its mood from the verb that ends its chain: in "X-ды жер аударып,
    мал-мүлкін тәркілеу керек" the deporting is called for as the confiscating is, in
    "депортациялап, кіруге тыйым салар едім" it is wished.  Kazakh puts that verb last in its
    clause (before a modal, еді or a particle): the clause right after the converb's word is read,
    and the converb's attack hit is read again with that verb's mood, person and negation when the
    verb calls, orders or wishes ("ұстап алып, лагерьге қамады" stays a narration)."""
    out: list[DocHit] = []
    for h in hits:
        if "conv" not in h.gram or not lexicon.classes_kind(h.entry, ("attack",)):
            continue
        if any(x.entry is h.entry and x.first <= h.first and x.last > h.last for x in hits):
            continue  # a longer phrase of the same entry reads on ("жоқ болып кетсе")
        sent = tokens[h.last].sent
        clause_words = []
        j = h.last + 1
        while j < len(tokens) and tokens[j].sent == sent and len(clause_words) < CHAIN_REACH + 2:
            if clause_words and _EMOJI.match(tokens[j].text):
                break  # the chain's verb closes it before an emoji: "... күл қыламыз 🔥 сөз осы"
            if tokens[j].kind == "word":
                if clause_words and tokens[j].clause != tokens[clause_words[0]].clause:
                    break
                clause_words.append(j)
            j += 1
        # the verb: the clause's last word, or the one before a modal, еді or a particle after it
        before_edi = False
        while clause_words and (tokens[clause_words[-1]].text.lower() in _CHAIN_TAILS
                                or any(True for x in hits if x.first == clause_words[-1] and "call" in x.entry.classes)):
            before_edi = before_edi or tokens[clause_words[-1]].text.lower() in _EDI
            clause_words.pop()
        if not clause_words or len(clause_words) > CHAIN_REACH:
            continue
        head = clause_words[-1]
        a = _with_latin_grammar(analyses[head])
        if before_edi and tokens[head].text.lower().endswith("р"):
            mood = _AORIST_GRAM  # "... тыйым салар едім": a wish, whatever verb салар is
        elif a is None or "conv" in a.gram or not ("VERB" in a.gram or "infn" in a.gram) \
                or _CHAIN_GRAMS.isdisjoint(a.gram):
            continue
        elif _CALLING.isdisjoint(a.gram) and not (_PROMISE <= a.gram and "past" not in a.gram):
            continue  # a finite verb ends a narration or a statement: the converb needs no mood of its own
        else:
            mood = (a.gram & _CHAIN_GRAMS) | _CHAIN_VERB
        out.append(DocHit(h.first, h.last, h.entry, "chain+" + h.how, h.score,
                          h.negated or bool(a is not None and a.verb_negated), frozenset(mood)))
    return out


def _with_latin_grammar(a: TokenAnalysis | None) -> TokenAnalysis | None:
    """A Kazakh word in Latin keeps an unknown grammar (see TokenAnalyzer._word_gram); the verb
    that ends a chain must say its mood, so it is read from its Cyrillic reading (tastaymın)."""
    if a is None or a.gram or script_of(a.word) != "latn":
        return a
    for cyr in kazakh_latin_to_cyrillic(a.word):  # (Latin in the wild: tastaymın is тастаймын, not тастаымін)
        gram, negated = TokenAnalyzer._word_gram(cyr)
        if "VERB" in gram:
            return replace(a, gram=gram, verb_negated=a.verb_negated or negated)
    return a


_CHAIN_TAILS = frozenset({"еді", "едім", "едік", "едің", "едіңдер", "едіңіз", "едим", "едик", "ғой", "қой", "гой", "кой",
                          "ма", "ме", "ба", "бе", "па", "пе", "да", "де", "та", "те", "ғана", "қана", "шығар", "екен"})


SUBSTANTIVE_ADJECTIVE = "substantive_adjective"
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def _substantive_adjective_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                                features: set[str]) -> list[DocHit]:
    """A group's adjective used as a noun names a person of the group: "где вы видели честного
    неверного?", "этот неверный", "разве неверный вообще человек?".  It must follow an adjective or
    demonstrative that agrees with it in case, or разве / неужели, or be the subject of a verb, and
    have no noun or adjective of its own after it in the clause; "неверный ответ",
    "ответ неверный", "совершенно неверный" name no one."""
    out: list[DocHit] = []
    for h in hits:
        if h.first != h.last or SUBSTANTIVE_ADJECTIVE not in h.entry.classes:
            continue
        nxt = _next_word(tokens, h.last)
        if nxt is not None and tokens[h.last].clause == nxt.clause:
            a = analyses[nxt.index]
            if a is None or not {"NOUN", "ADJF"}.isdisjoint(a.gram):
                continue
        i = h.first - 1
        same = i >= 0 and tokens[i].kind == "word" and tokens[i].clause == tokens[h.first].clause
        before = analyses[i] if same else None
        agreeing = before is not None and "ADJF" in before.gram and not before.gram.isdisjoint(h.gram & _CASES)
        # "разве неверный вообще человек?": the subject of a question that asserts
        asked = same and "nomn" in h.gram and any(p.first == p.last == i and "question_particle" in p.entry.classes
                                                 for p in hits)
        if not agreeing and not asked and not _subject_of_verb(tokens, analyses, h, before):
            continue
        out.append(DocHit(h.first, h.last, _as_group(h.entry), "noun use", h.score, False, h.gram))
        features.add("class:group")
    return out


def _subject_of_verb(tokens: list[Token], analyses: list[TokenAnalysis | None], h: DocHit,
                     before: TokenAnalysis | None) -> bool:
    """The adjective stands alone as the subject of a verb: "разве может неверный быть честным?",
    "неверный не бывает честным" — nominative, a verb (after не) right after it, and no noun
    before it that it could be the predicate of ("ответ неверный")."""
    if "nomn" not in h.gram or (before is not None and not {"NOUN", "ADJF", "PRTF"}.isdisjoint(before.gram)):
        return False
    nxt = _next_word(tokens, h.last)
    if nxt is not None and nxt.text.lower() == "не":
        nxt = _next_word(tokens, nxt.index)
    a = analyses[nxt.index] if nxt is not None else None
    return a is not None and not {"VERB", "INFN"}.isdisjoint(a.gram) and {"NOUN", "ADJF"}.isdisjoint(a.gram)


PRONOUN_REACH = 2  # sentences back a pronoun may look for its group


def _is_pronoun(analysis: TokenAnalysis, pronouns: frozenset[str]) -> bool:
    """A Latin spelling of a plural pronoun (olardyng → олардың): its Kazakh readings tell."""
    return not pronouns.isdisjoint(analysis.stems[:4])


def _pronoun_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                  lexicon: Lexicon) -> list[DocHit]:
    """A plural pronoun stands for the group named last before it, in its sentence or the two
    before; the hit keeps a reference to that mention, shown as evidence."""
    # a group adjective before a thing ("открыли еврейский центр", "олигарх с израильским
    # паспортом") names no one, but makes the group the topic a pronoun in a later sentence
    # points back to ("... они как спрут")
    groups = sorted((h for h in hits if any(lexicon.classes[c].kind == "target" for c in h.entry.classes)
                     or (GROUP_ADJECTIVE in h.entry.classes and h.first == h.last)),
                    key=lambda h: h.last)
    if not groups:
        return []
    out = []
    besides: dict[tuple[int, int], bool] = {}  # a mention -> other people are its clause's subject
    k = -1
    pronouns = lexicon.plural_pronouns
    for tok in tokens:
        while k + 1 < len(groups) and groups[k + 1].last < tok.index:
            k += 1
        if k < 0 or tok.kind != "word":
            continue
        if tok.text.lower() in _PRONOUN_OPENERS:
            people = _this_people(tokens, tok)
            if people is None:
                people = _these_insulted(tokens, tok, hits)
            all_of_them = people is None and _all_of_them(tokens, tok)
        else:  # (none of the three looks further than this test)
            people, all_of_them = None, False
        if people is None and not all_of_them:
            if tok.text not in pronouns:
                a = analyses[tok.index]  # (_is_pronoun, inline: this runs for every word after a group)
                if not (a and not pronouns.isdisjoint(a.stems[:4])):
                    continue
            if _refers_elsewhere(tok, tokens, analyses, hits):
                continue
        # the subject is usually named first: take the first mention in the latest clause (or
        # sentence) that names a group — not a predicate noun ("сопылар мүшрік емес, олар ...")
        last = groups[k]
        unit = (lambda t: t.clause) if tokens[last.last].sent == tok.sent else (lambda t: t.sent)
        h = next(g for g in groups[: k + 1] if unit(tokens[g.first]) == unit(tokens[last.first]))
        if tok.sent - tokens[h.last].sent > PRONOUN_REACH:
            continue
        if GROUP_ADJECTIVE in h.entry.classes and tokens[h.last].sent == tok.sent:
            continue  # a topic only for the sentences after it
        key = (h.first, h.last)
        if key not in besides:
            besides[key] = _subject_besides(tokens, analyses, hits, h)
        if besides[key] and not (tokens[h.first].sent == tok.sent and tokens[h.first].clause == tok.clause):
            continue  # "Уйгуров избили гопники. Эти уроды ...": the subject is the nearer antecedent
        entry = _as_group(h.entry) if GROUP_ADJECTIVE in h.entry.classes else h.entry
        if tokens[h.first].quote != -1 and tokens[h.first].quote != tok.quote:
            continue  # "пишут «X не люди», это фашизм": outside the quote it points at the quote
        # the pronoun's own case (оларды, им, ими), not its antecedent's: "их часто обманывают"
        # makes them the object; an unknown case (empty) accepts any
        own = frozenset().union(*(p.gram for p in hits if p.first == p.last == tok.index
                                  and "plural_pronoun" in p.entry.classes))
        last = tok.index
        if people is None and not own and tok.text.lower() in _ALL_OF_THEM:
            own = frozenset({"nomn", "plur"})  # "..., бәрі жалқау": the subject, all of them
        if people is not None:  # "этот народ", "бұл халық": the people noun's case, plural by meaning
            a = analyses[people.index]
            own = frozenset(g for g in (a.gram if a is not None else ()) if g in _CASES) or frozenset({"nomn"})
            own = own | _PLUR
            if not _A_PEOPLE.match(people.text.lower()):
                pass  # "бұл азғындар": the demonstrative alone points back; the insult is a word of its own
            else:
                last = people.index
        if own:  # (an unknown case — a Latin spelling — stays empty: it accepts any grammar)
            if "sing" not in own:  # олар, бұлар: plural by meaning, whatever their analysis says
                own |= _PLUR
            own |= _PRON
        out.append(DocHit(tok.index, last, entry, "pronoun", round(h.score * 0.9, 3), False,
                          own, (h.first, h.last)))
    return out




# a group named after the statement, at the sentence's end: "Они все воры, эти турки"
_DISLOCATION_DEMONSTRATIVES = frozenset("эти этих этим этими ети осы мына мыналар eti osy myna".split())


def _dislocated_group_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                           lexicon: Lexicon) -> list[DocHit]:
    """A pronoun may point forward to a group the speaker adds at the sentence's end, after a comma
    and a demonstrative: "Они все воры, эти турки", "Ворюги они, эти цыгане", "Бәрі ұры олар, осы
    сығандар".  Nothing but the demonstrative and the group (a word or two) may stand in that last
    clause, so "они пришли, эти турки ушли" has no dislocation."""
    resolved = {h.first for h in hits if h.how == "pronoun"}
    out = []
    for g in hits:
        if not g.entry.target or g.how == "pronoun" or {"Own", "Attr"} & g.gram:
            continue
        before = tokens[g.first - 1] if g.first > 0 else None
        if before is None or before.kind != "word" or before.text.lower() not in _DISLOCATION_DEMONSTRATIVES \
                or before.clause != tokens[g.first].clause:
            continue
        sent = before.sent
        if any(t.kind == "word" and t.sent == sent for t in tokens[g.last + 1:]):
            continue  # the group must close its sentence
        opening = next((t for t in reversed(tokens[:before.index]) if t.kind == "word"), None)
        if opening is None or opening.sent != sent or opening.clause == before.clause:
            continue  # a clause of its own, after a comma or a dash
        for tok in tokens[:opening.index + 1]:
            if tok.sent != before.sent or tok.kind != "word" or tok.index in resolved:
                continue
            a = analyses[tok.index]
            if tok.text.lower() not in lexicon.plural_pronouns and not (a and _is_pronoun(a, lexicon.plural_pronouns)):
                continue
            own = frozenset().union(*(p.gram for p in hits if p.first == p.last == tok.index
                                      and "plural_pronoun" in p.entry.classes))
            if own and "sing" not in own:
                own |= _PLUR
            own |= _PRON if own else frozenset()
            out.append(DocHit(tok.index, tok.index, g.entry, "pronoun", round(g.score * 0.9, 3), False,
                              own, (g.first, g.last)))
    return out


_FINITE = frozenset({"pres", "past", "futr"})
# "этот народ", "эта нация", "бұл халық", "осы ұлт": a demonstrative with a word for a people points
# back to the group named before, as a pronoun does ("Цыгане опять попрошайничают. Этот народ ворует")
_THIS = frozenset("этот эта этого этой этому этим этом эту бұл осы мына сол бул мына bul būl osy myna sol".split())
_A_PEOPLE = lazy_compile(r"^(народ|нация|нации|нацию|нацией|народец|племя|народность|халық|халқы|халык|халкы"
                          # the contemptuous collectives: "где эта публика, там бардак", "этот контингент"
                          r"|публика|публики|публике|публику|публикой|контингент|контингента|контингенту|братия|братии|братию"
                          r"|ұлт|улт|жұрт|журт|тайпа|halyq|halyk|ult|jūrt|zhurt)(а|у|ом|е|ы|и|ын|ин|ына|ина|ының|ынын"
                          r"|ға|га|қа|ка|тың|тын|ты|ды|тан|дан|тен|ден|та|да|нда"
                          # Latin, official and informal (halyqtyñ, halyqtyng, ūlttyñ, halyqqa)
                          r"|tyñ|tyng|tyn|dyñ|dyng|dyn|ty|dy|qa|ğa|gha|ga|ka|tan|dan|ta|da|nda|y|yn|ynyñ|ynyng|ynyn|yna)?$")


# "all of them" opening a clause of its own after a comma stands for the group named before ("өзбектермен бір жыл
# істедім, бәрі жалқау әрі ұры"); after the group in its own clause it is a quantifier ("қытайлардың бәрі")
_ALL_OF_THEM = frozenset("бәрі барлығы бари барлыгы bäri bärı bari barlyğy barlygy".split())


def _subject_besides(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                     group: DocHit) -> bool:
    """Is the group the object of its clause, with other people as that clause's subject ("Уйгуров
    избили какие-то гопники", "Қытайларды алаяқтар алдап кетіпті")?  A pronoun after it then
    points at that subject, the nearer one to speak of: "Эти уроды ещё и сняли всё на видео"."""
    gram = group.gram
    if "Attr" in gram:  # "қытай жұмысшыларын": the case of the noun phrase the group word is part of
        gram = next((h.gram for h in hits if h.first == group.first and h.how == MEMBERS_HOW), gram)
    if "nomn" in gram or not gram:
        return False
    clause = tokens[group.first].clause
    lo, hi = group.first, group.last
    while lo > 0 and tokens[lo - 1].clause == clause:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].clause == clause:
        hi += 1
    members = [t for t in tokens[lo:hi + 1] if t.kind == "word"]
    near = [h for h in hits if lo <= h.first <= hi]
    inside = {i for h in near if not {"group", "slur", "plural_pronoun"}.isdisjoint(h.entry.classes)
              for i in range(h.first, h.last + 1)}
    insults = {h.first for h in near if h.first == h.last and {"plur", "nomn"} <= h.gram
               and not _INSULT_CLASSES.isdisjoint(h.entry.classes)}
    has_verb = subject = False
    for t in members:
        a = analyses[t.index]
        if a is None or t.index in inside:
            continue
        g = a.gram
        if "VERB" in g and "INFN" not in g and "infn" not in g:
            has_verb = True
        # (a people noun by its Russian grammar only in a Russian clause: Kazakh words get spurious
        # Russian readings, гой, иманы; in Kazakh an insult the lexicon reads is the subject)
        if t.index in insults or (group.entry.lang == "ru" and {"NOUN", "anim", "plur", "nomn"} <= g
                                  and russian.is_known(t.text) and _FUNCTION_GRAMS.isdisjoint(g)):
            subject = True
    return has_verb and subject


def _all_of_them(tokens: list[Token], tok: Token) -> bool:
    """бәрі right after a comma or a dash in its sentence, opening what is said of the group (after
    a full stop the sentence may be about anyone: "... тойына бардық. Барлығы ...")."""
    if tok.text.lower() not in _ALL_OF_THEM or tok.index == 0:
        return False
    before = tokens[tok.index - 1]
    return before.sent == tok.sent and before.kind == "punct" and before.text in _CLAUSE_MARKS


_CLAUSE_MARKS = frozenset({",", "—", "–", "-", ":", ";"})


# A Kazakh demonstrative before a plural insult points back at the group named before, as "эти" does
# in Russian ("Гейлер туралы видео тастапты. Бұл азғындар балаларды аздырады": these degenerates)
_KAZAKH_THIS = frozenset("бұл осы мына сол бул bul osy myna sol būl".split())
# the words _this_people, _these_insulted and _all_of_them can answer for at all (lower-cased)
_PRONOUN_OPENERS = _THIS | _KAZAKH_THIS | _ALL_OF_THEM
_INSULT_CLASSES = frozenset({"negative_attribute", "dehumanization", "epithet", "slur"})


def _these_insulted(tokens: list[Token], tok: Token, hits: list[DocHit]) -> Token | None:
    """The plural insult right after a Kazakh demonstrative ("бұл азғындар", "осы паразиттерге"),
    or a Russian collective insult after a singular one ("эту мразь"), or None.  A noun the lexicon does not read as an insult ("бұл адамдар") is left to the
    ordinary readings."""
    word = tok.text.lower()
    if word not in _KAZAKH_THIS and word not in _RUSSIAN_THIS_ONE:
        return None
    nxt = _next_word(tokens, tok.index)
    if nxt is None or nxt.clause != tok.clause:
        return None
    for h in hits:
        if h.first == h.last == nxt.index and not _INSULT_CLASSES.isdisjoint(h.entry.classes):
            if word in _KAZAKH_THIS and "plur" in h.gram and h.entry.lang == "kk":
                return nxt
            if word in _RUSSIAN_THIS_ONE and h.entry.lang == "ru" and "sing" in h.gram and _COLLECTIVE_INSULT.match(nxt.text.lower()):
                return nxt  # "Эту мразь надо гнать": a collective insult for the group named before
    return None


# a Russian singular demonstrative before a collective insult ("этого сброда", "эта мразь", "с этим
# отродьем") points back at the group named before, as "эти" does before a plural
_RUSSIAN_THIS_ONE = frozenset("эту эта этой этого этим этом".split())
# (only words for people: нечисть, гниль, погань are also pests and mould — "в подвале плесень, эту
# нечисть надо вывести")
_COLLECTIVE_INSULT = lazy_compile(r"^(мраз|сброд|швал|отродь|отребь|сволоч)")


def _this_people(tokens: list[Token], tok: Token) -> Token | None:
    if tok.text.lower() not in _THIS:
        return None
    nxt = _next_word(tokens, tok.index)
    if nxt is None or nxt.clause != tok.clause or not _A_PEOPLE.match(nxt.text.lower()):
        return None
    return nxt
_PLUR = frozenset({"plur"})
_PRON = frozenset({"Pron"})  # a group read through a pronoun (morphology/grammemes.CONTEXT_GRAMMEMES)
# "всех" before people of its own counts them ("всех нацистов"); a demonstrative points back even
# before a noun ("таким соседям верить нельзя" — the group named before, as neighbours)
_UNIVERSAL_DETERMINERS = frozenset({"всех"})
_DEMONSTRATIVES = frozenset({"эти", "этих", "этим", "этими", "такие", "таких", "таким", "такими"})
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
_KEEP_KINDS = frozenset({"group", "slur", "dehumanization", "negative_attribute", "person", "epithet"})


def _next_word(tokens: list[Token], i: int) -> Token | None:
    """The word right after token i in its sentence (no punctuation between), or None."""
    j = i + 1
    if j < len(tokens) and tokens[j].kind == "word" and tokens[j].sent == tokens[i].sent:
        return tokens[j]
    return None


_CORRELATIVE_OPENERS = frozenset({"что", "как", "чем", "когда", "где", "кого", "кому", "каким"})


def _resumes_correlative(tok: Token, tokens: list[Token]) -> bool:
    """Is there a "то, что/как ..." before ``tok`` in its sentence (то, a comma, a wh-word)?"""
    for k in range(tok.index - 1, 1, -1):
        t = tokens[k]
        if t.sent != tok.sent:
            return False
        if t.kind == "word" and t.text in _CORRELATIVE_OPENERS and tokens[k - 1].text == "," \
                and tokens[k - 2].kind == "word" and tokens[k - 2].text == "то":
            return True
    return False


def _refers_elsewhere(tok: Token, tokens: list[Token], analyses: list[TokenAnalysis | None],
                      hits: list[DocHit]) -> bool:
    """A plural pronoun word that here does not stand for a group named before it:

    - "всех" before people of its own ("пусть покарает всех нацистов"): followed by an animate
      plural noun the lexicon does not know, it counts those people — a known word keeps it ("всех
      тварей", "всех людей", "всех X");
    - "это" as the object or subject of a finite verb ("какой козёл это выложил", "это все знают"):
      it stands for a thing said or done, not for people;
    - "это" that resumes a correlative "то, что / то, как ..." of its sentence ("то, как пишут о
      X, это позор"): it stands for that clause.
    """
    if tok.text == "это" and _resumes_correlative(tok, tokens):
        return True
    nxt = _next_word(tokens, tok.index)
    if nxt is None:
        return False
    a = analyses[nxt.index]
    gram = a.gram if a is not None else frozenset()
    if tok.text == "это":
        if nxt.text in ("все", "всё"):
            after = _next_word(tokens, nxt.index)
            b = analyses[after.index] if after is not None else None
            return b is not None and _finite_verb(b.gram)
        return _finite_verb(gram)
    if tok.text in _DEMONSTRATIVES:
        # a demonstrative before a thing points at the thing: "надоели эти националистические
        # выпады", "эти законы" (not "эти узбеки", nor "таким соседям": people)
        noun = nxt
        for _ in range(2):
            na = analyses[noun.index]
            if na is None or "ADJF" not in na.gram or "NOUN" in na.gram:
                break
            following = _next_word(tokens, noun.index)
            if following is None:
                break
            noun = following
        na = analyses[noun.index]
        own = analyses[tok.index].gram if analyses[tok.index] is not None else frozenset()
        # the noun it determines agrees with it, plural and in a shared case ("таким место за решёткой":
        # таким is the dative of people, место the subject)
        agrees = "plur" in na.gram and not (own & _CASES).isdisjoint(na.gram) if na is not None else False
        if na is not None and agrees and {"NOUN", "inan"} <= na.gram and "anim" not in na.gram and russian.is_known(noun.text) \
                and not any(h.first <= noun.index <= h.last and not _KEEP_KINDS.isdisjoint(h.entry.classes) for h in hits):
            return True
        return False
    determiner = tok.text in _UNIVERSAL_DETERMINERS
    if not determiner or not {"NOUN", "anim", "plur"} <= gram or not russian.is_known(nxt.text):
        return False
    # a people noun the lexicon reads (a group, a slur, an attack, people in general) keeps it
    return not any(h.first <= nxt.index <= h.last and not _KEEP_KINDS.isdisjoint(h.entry.classes) for h in hits)


def _finite_verb(gram: frozenset[str]) -> bool:
    return "VERB" in gram and "indc" in gram and not _FINITE.isdisjoint(gram)


_ATTR = frozenset({"Attr"})
_BARE_NOUN = frozenset({"NOUN", "nomn"})
_OWN = frozenset({"Own"})
_TOPIC = frozenset({"Topic"})
_ALLOT = frozenset({"Allot"})
_DASHES = frozenset({"—", "–", "-"})
# a possessed noun in the locative or ablative: "Қазақ елінде" (in the Kazakh country), "қытай жерінен"
_POSSESSED_PLACE = ("ында", "інде", "нда", "нде", "ынан", "інен", "нан", "нен", "ында", "инде", "ынан", "инен")
_POSSESSED = ("ым", "ім", "м", "ың", "ің", "ң", "сы", "сі", "лары", "лері", "дары", "дері", "тары", "тері",
              "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ымиз", "имиз", "миз")  # (ours, yours)


def _mark_attributive(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                      lexicon: Lexicon) -> list[DocHit]:
    """A bare Kazakh group noun right before a possessed noun only modifies it: "орыс көршім" (my
    Russian neighbour), "қытай жұмысшылары" (Chinese workers).  Its hit gets the grammeme Attr,
    which rules of statements about a whole people exclude (the neighbour is the subject).  A group
    word with the speaker's possessive (қазағым) gets Own: the victims a lament names."""
    out = []
    for h in hits:
        i = h.first
        if h.first == h.last and h.how != "pronoun" and {"1per", "poss"} <= h.gram and h.entry.target:
            # "қазағымды қырып жатыр" (they are killing my Kazakhs): the speaker's own people
            h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _OWN, h.ref)
        if h.first == h.last and i + 1 < len(tokens) and tokens[i].kind == "word" and tokens[i + 1].kind == "word" \
                and tokens[i + 1].clause == tokens[i].clause and "plur" not in h.gram and h.how != "pronoun" \
                and any(lexicon.classes[c].kind == "target" for c in h.entry.classes):
            nxt = analyses[i + 1]
            w = tokens[i + 1].text.lower()
            # (a positive word is possessed too: "ұйғыр достарымыз", our Uyghur friends)
            if nxt is not None and "NOUN" in nxt.gram and len(w) > 4 and w.endswith(_POSSESSED + _POSSESSED_PLACE) \
                    and not any(x.first <= i + 1 <= x.last for x in hits if x is not h and "positive" not in x.entry.classes):
                h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref)
        if h.entry.target and "Attr" not in h.gram and {"accs", "datv", "ablv"} & h.gram \
                and _object_of_agent_noun(tokens, h.last):
            # "оларды ұрып-соғатындарды жазалау керек": the group is the object inside "those who
            # beat them", not of the verb after it
            h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref)
        out.append(h)
    return out


# a Kazakh participle made a noun, "those who do it": -атын/-етін or -ған/-ген with a plural
# (and a case) ending — Cyrillic and typed on a Russian keyboard
_AGENT_NOUN = lazy_compile(
    r"(атын|етін|йтын|йтін|итын|итин|атин|етин|ған|ген|қан|кен|ган|кан)(дар|дер|тар|тер|лар|лер)"
    r"(ды|ді|ди|ға|ге|га|ке|қа|ка|дың|дің|дын|дин|дан|ден|тан|тен|мен|бен|пен)?$")


def _object_of_agent_noun(tokens: list[Token], last: int) -> bool:
    """Is the word at `last` followed, within three words, by a participle made a noun
    (урып-соғатындарды, жек көретіндер)?  Then it is that participle's object.  A converb that
    ends the word's clause chains it on into the next ("мигранттарды жек көріп, оларды
    ұрып-соғатындарды": those who, hating migrants, beat them)."""
    j, words = last + 1, 0
    clause = tokens[last].clause
    while j < len(tokens) and words < 3:
        t = tokens[j]
        if t.clause != clause:
            prev = next((x for x in reversed(tokens[:j]) if x.kind == "word"), None)
            if prev is None or prev.clause != clause or not _CONVERB.search(prev.text.lower()) or t.sent != prev.sent:
                return False
            clause, words = t.clause, 0  # on into the clause the converb leads to
        if t.kind == "word":
            words += 1
            if _AGENT_NOUN.search(t.text.lower()):
                return True
            # ... or a participle before the plural noun it describes: "X-ті қуалайтын нәсілшілерді
            # (соттау керек)", the racists who chase them
            nxt = next((x for x in tokens[j + 1 : j + 2] if x.kind == "word" and x.clause == t.clause), None)
            if nxt is not None and _RELATIVE_PARTICIPLE.search(t.text.lower()) \
                    and _PLURAL_PERSON_NOUN.search(nxt.text.lower()):
                return True
        j += 1
    return False


# a Kazakh present or past participle (-атын, -ған) and a plural noun of people after it
_RELATIVE_PARTICIPLE = lazy_compile(r"(атын|етін|йтын|йтін|итын|итин|атин|етин)$")
_PLURAL_PERSON_NOUN = lazy_compile(r"^[а-яәіңғүұқөһ]{3,}(шы|ші|ши|шил|шыл|шіл|ист|лар|лер|дар|дер|тар|тер)?(лар|лер|дар|дер|тар|тер)"
                                   r"(ды|ді|ди|ға|ге|га|ке|қа|ка|дың|дің|дын|дин|дан|ден|тан|тен|мен|бен|пен)?$")


_CONVERB = lazy_compile(r"(ып|іп|ип|[аеоөұүуыіи]п|yp|ip|ıp)$")


def _mark_dash_subject(tokens: list[Token], hits: list[DocHit],
                       analyses: list[TokenAnalysis | None] | None = None) -> list[DocHit]:
    """A word right before the dash of a nominal sentence gets the grammeme Topic: it is the
    subject, and what follows the dash is said of it ("Қырғыздар — ... надан ел", "Христиане —
    жалкие ..."); a word in another case is no subject ("пред Ним - в одном строю").  Spoken
    Russian puts the copula это where writing puts the dash ("уйгуры это пятая колонна"), when no
    verb follows it (in "уйгуры это сделали" это is the object).  A word in the dative before the
    dash gets Allot: what follows is what it is to get ("Уйгурам — депортацию")."""
    n = len(tokens)
    out = []
    for h in hits:
        if h.last + 2 < n and "datv" in h.gram and _before_dash(tokens, h.last):
            h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ALLOT, h.ref)
        if h.last + 2 < n and "nomn" in h.gram \
                and (_before_dash(tokens, h.last) or _before_copula(tokens, analyses, h.last)):
            h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _TOPIC, h.ref)
        out.append(h)
    return out


_FINITE = frozenset({"VERB", "INFN", "PRTS", "PRED"})


def _before_copula(tokens: list[Token], analyses: list[TokenAnalysis | None] | None, last: int) -> bool:
    """Is the word at `last` followed by the Russian copula это and a word that is no verb?"""
    if analyses is None:
        return False
    cop, nxt = tokens[last + 1], tokens[last + 2]
    if cop.kind != "word" or cop.text.lower() != "это" or nxt.kind != "word":
        return False
    an = analyses[last + 2]
    return an is not None and _FINITE.isdisjoint(an.gram)


_SELF = frozenset({"Self"})
_SELF_WORDS = frozenset({"я", "мы", "мен", "біз", "men", "biz"})
_SELF_PARTICLES = frozenset({"тоже", "же", "ж", "ведь", "и", "сам", "сами", "то", "ли", "да", "де", "та", "те", "ғой", "гой"})


def _mark_self_named(tokens: list[Token], hits: list[DocHit]) -> list[DocHit]:
    """A slur the speaker calls himself gets the grammeme Self: "я кацап", "для тебя я тоже
    узкоглазый?", "мы ж хохлы" — self-mockery or a name reclaimed, not a name for others.  The
    slur is in the nominative right after я/мы (one particle between at most); "я хохлов
    ненавижу" takes them as its object."""
    out = []
    for h in hits:
        if "slur" in h.entry.classes and h.first == h.last and "nomn" in h.gram:
            j, particles = h.first - 1, 0
            while j >= 0 and tokens[j].kind != "word":
                j -= 1
            while j >= 0 and tokens[j].kind == "word" and tokens[j].text.lower() in _SELF_PARTICLES and particles < 1:
                j -= 1
                particles += 1
                while j >= 0 and tokens[j].kind != "word":
                    j -= 1
            if j >= 0 and tokens[j].text.lower() in _SELF_WORDS and tokens[j].sent == tokens[h.first].sent:
                h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _SELF, h.ref)
        out.append(h)
    return out


_NAMED = frozenset({"Named"})
_NAMING_VERBS = frozenset({"называть", "назвать", "обзывать", "обозвать", "считать", "звать", "дразнить", "величать",
                           "обзываться", "называться"})


def _mark_named_by_others(tokens: list[Token], analyses: list[TokenAnalysis | None],
                          hits: list[DocHit]) -> list[DocHit]:
    """A slur in the instrumental right after a verb of naming not in the first person gets the
    grammeme Named: "казахов считают узкоглазыми", "нас обзывают чурками" report the name others
    give; "я их называю чурками" (the speaker's own naming) is left as it is."""
    out = []
    for h in hits:
        if "slur" in h.entry.classes and h.first == h.last and "ablt" in h.gram:
            j, seen = h.first - 1, 0
            while j >= 0 and seen < 2 and tokens[j].sent == tokens[h.first].sent:
                if tokens[j].kind == "word":
                    seen += 1
                    an = analyses[j]
                    if an is not None and not _NAMING_VERBS.isdisjoint(an.lemmas) and "1per" not in an.gram:
                        h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _NAMED, h.ref)
                        break
                j -= 1
        out.append(h)
    return out


def _drop_sentence_opening_contrast(tokens: list[Token], hits: list[DocHit]) -> list[DocHit]:
    """A contrast word that opens a sentence ("Ал бұлар ...", "А эти ...") turns from the sentence
    before, not from a part of its own: no claim inside the sentence is set against another."""
    out = []
    for h in hits:
        if "contrast" in h.entry.classes and h.first == h.last:
            prev = next((t for t in reversed(tokens[: h.first]) if t.kind == "word"), None)
            if prev is None or prev.sent != tokens[h.first].sent:
                continue
        out.append(h)
    return out


_LABEL = frozenset({"Label"})
# a people noun an insult adjective may head as a label: "..., наглый народ", "подлая нация"
_PEOPLE_LABEL_HEADS = frozenset("народ нация племя народец народишко людишки публика сброд".split())
_LABEL_CLASSES = frozenset({"epithet", "negative_attribute", "dehumanization"})
MAX_LABEL_WORDS = 3
# words a verdict may carry without a subject or verb of its own: in a word (одним словом,
# қысқасы) and all of them (все, бәрі: "..., все как один нищеброды", "..., бәрі арсыз")
_SUMMING_CLASSES = frozenset({"summing_up", "quantifier"})
_CONTRAST_OPENERS = frozenset("а но однако зато ал бірақ алайда a no biraq birak".split())


def _after_contrast_clause(tokens: list[Token], first: int) -> bool:
    """Does the clause before the one at `first` open with a contrast word (а, но, ал, бірақ)?"""
    clause = tokens[first].clause
    prev = [t for t in tokens[:first] if t.kind == "word" and t.clause == clause - 1]
    return bool(prev) and prev[0].text.lower() in _CONTRAST_OPENERS


def _mark_labels(tokens: list[Token], hits: list[DocHit], analyses: list[TokenAnalysis | None]) -> list[DocHit]:
    """An insult that is a short clause of its own after a comma gets the grammeme Label: a
    verdict appended to what was said ("Кәпірлердің ұрпағы тек азғындықты біледі, оңбағандар",
    "... ит жейтин оңбағандар", "киргизы ..., дикари, только бунтовать умеют").  The clause holds
    at most three words and ends with the insult, so it has no verb and no subject of its own;
    words that sum up (одним словом, короче, қысқасы) or quantify (все, бәрі) do not count
    ("бандиты одним словом", "все как один нищеброды").
    A plural noun is the label; a Kazakh adjective, which takes no plural after a plural subject,
    is one when it is the whole clause: a chain of predicates of one subject ("дүңгендер ешкімді
    сыйламайды, жалқау, айлакер")."""
    summing = {i for h in hits if not _SUMMING_CLASSES.isdisjoint(h.entry.classes) for i in range(h.first, h.last + 1)}
    out = []
    for h in hits:
        if not _LABEL_CLASSES.isdisjoint(h.entry.classes) and "1per" not in h.gram:
            # (a nominative plural: nadandyq "ignorance" also reads as a 1st person plural verb)
            head = _next_word(tokens, h.last)
            if head is not None and head.clause == tokens[h.last].clause and head.text.lower() in _PEOPLE_LABEL_HEADS \
                    and "nomn" in h.gram:
                # an insult adjective with a word for a people: "..., наглый народ, ..." labels the group
                # (not after a clause that turns to others: "..., а соседи, наглый народ, шумят")
                labelled = _label_clause(tokens, head.index, summing, MAX_LABEL_WORDS, analyses) \
                    and not _after_contrast_clause(tokens, h.first)
            elif {"plur", "nomn"} <= h.gram:
                labelled = _label_clause(tokens, h.last, summing, MAX_LABEL_WORDS, analyses)
            else:
                # (a Latin word's grammar is unknown: empty)
                labelled = h.entry.lang == "kk" and ("nomn" in h.gram or not h.gram) and h.first == h.last \
                    and _label_clause(tokens, h.last, summing, 1, analyses)
            if labelled:
                h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _LABEL, h.ref)
        out.append(h)
    return out


_OBLIQUE_CASES = frozenset({"accs", "datv", "loct", "ablv", "ablt", "gent"})


def _mark_kazakh_attributives(tokens: list[Token], hits: list[DocHit],
                              analyses: list[TokenAnalysis | None]) -> list[DocHit]:
    """A Kazakh insult adjective right before a noun of its clause that is a thing, not people,
    modifies that noun and gets the grammeme Attr: "мигранттар қауіпті жұмыс істейді" (do
    dangerous work), "лас жағдайда тұрады" (live in dirty conditions), "жиіркенішті иісті
    ұнатпайды" (dislike disgusting smells) say nothing of the group.  The noun is a thing when it
    is in an oblique case, or a verb follows it in the clause; "X лас халық", "X арсыз жандар" at
    the clause's end stay predicates."""
    people = {i for h in hits if not {"person", "group", "slur"}.isdisjoint(h.entry.classes)
              for i in range(h.first, h.last + 1)}
    out = []
    for h in hits:
        if h.entry.lang == "kk" and h.first == h.last and not _LABEL_CLASSES.isdisjoint(h.entry.classes) \
                and "plur" not in h.gram and "Attr" not in h.gram:
            nxt = _next_word(tokens, h.last)
            a = analyses[nxt.index] if nxt is not None else None
            if nxt is not None and a is not None and nxt.clause == tokens[h.last].clause and "NOUN" in a.gram \
                    and nxt.index not in people and nxt.text not in _KAZAKH_PEOPLE_NOUNS:
                after = _next_word(tokens, nxt.index)
                b = analyses[after.index] if after is not None else None
                verb_follows = b is not None and after.clause == nxt.clause and "VERB" in b.gram
                if not _OBLIQUE_CASES.isdisjoint(a.gram) and "nomn" not in a.gram or verb_follows:
                    h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref)
        elif h.entry.lang == "kk" and h.first == h.last and "vice" in h.entry.classes \
                and h.gram == _BARE_NOUN:
            # a bare harm noun before a noun of its clause names that noun's kind: "ауру балаларды
            # әкеледі" (they bring sick children), "қылмыс әлемі"; "ауру таратады" stays the harm
            nxt = _next_word(tokens, h.last)
            a = analyses[nxt.index] if nxt is not None else None
            if nxt is not None and a is not None and nxt.clause == tokens[h.last].clause and "NOUN" in a.gram:
                after = _next_word(tokens, nxt.index)
                b = analyses[after.index] if after is not None else None
                verb_follows = b is not None and after.clause == nxt.clause and "VERB" in b.gram
                if not _OBLIQUE_CASES.isdisjoint(a.gram) and "nomn" not in a.gram or verb_follows:
                    h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref)
        out.append(h)
    return out


_HAS_OBJ = frozenset({"HasObj"})
# acts on people that take an object: destroy, kill, harm ("коррупцию надо уничтожить")
_HARM_CLASSES = frozenset({"violence", "erase", "do_away", "injure"})
_KAZAKH_ACCUSATIVE = lazy_compile(r"(ды|ді|ты|ті|ны|ні|di|dı|dy|ti|tı|ty|ni|nı|ny|ди|ти|ни)$")


def _mark_own_objects(tokens: list[Token], hits: list[DocHit],
                      analyses: list[TokenAnalysis | None]) -> list[DocHit]:
    """An act of harm with an object of its own — an ordinary thing in the accusative, right
    before a Kazakh verb or right after a Russian one (or before its modal) — is done to that
    thing, not to a group elsewhere in the sentence: "Уйгуры считают, что коррупцию надо
    уничтожить", "Ұйғырлар кедейлікті жою керек дейді".  Its hit gets the grammeme HasObj, which
    call_to_act refuses.  A word the lexicon knows (a group, a home, a body part, a pronoun) is
    no such object: "үйлерін өртеу", "их дома сжечь" stay attacks."""
    covered = {i for h in hits for i in range(h.first, h.last + 1)}

    def thing(i: int, before: bool) -> bool:
        if i < 0 or i >= len(tokens) or tokens[i].kind != "word" or i in covered:
            return False
        a = analyses[i]
        if a is None or "NOUN" not in a.gram or "accs" not in a.gram or not {"Pron", "NPRO", "Apro"}.isdisjoint(a.gram):
            return False
        word = tokens[i].text.lower()
        if len(word) < 3:
            return False  # (с, к: prepositions the parser also reads as letters' names)
        if _CYRILLIC_WORD.match(word) and russian.is_known(word):
            parses = [p.tag.grammemes for p in russian.analyzer().parse(word) if {"NOUN", "accs"} <= p.tag.grammemes]
            # an inanimate Russian noun, and before the verb no nominative homograph
            return bool(parses) and all("inan" in g for g in parses) and not (before and "nomn" in a.gram)
        return bool(_KAZAKH_ACCUSATIVE.search(word)) and before

    out = []
    for h in hits:
        if not _HARM_CLASSES.isdisjoint(h.entry.classes) and "HasObj" not in h.gram:
            here = tokens[h.first].clause
            prev = h.first - 1
            if prev >= 0 and tokens[prev].clause == here and any(
                    x.first <= prev <= x.last and "call" in x.entry.classes for x in hits):
                prev -= 1  # "коррупцию надо уничтожить": the object before the modal
            nxt = h.last + 1
            own = (prev >= 0 and tokens[prev].clause == here and thing(prev, True)) or (
                h.entry.lang == "ru" and nxt < len(tokens) and tokens[nxt].clause == here and thing(nxt, False))
            if own:
                h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _HAS_OBJ, h.ref)
        out.append(h)
    return out


_PRED = frozenset({"Pred"})
MAX_PREDICATE_GAP = 4  # words between a Kazakh subject and its clause-final predicate
_KAZAKH_FINAL_PARTICLES = frozenset("ғой қой ғана да де ғо goi qoi ğoi гой кой".split())
# a Kazakh participle without a case ending: the group inside a relative clause ("қытайлар салған
# зауыт лас" — the factory they built is dirty, not they)
_KAZAKH_PARTICIPLE = lazy_compile(r"(ған|ген|қан|кен|ган|кан|атын|етін|йтын|йтін|ytyn|ıtın|ğan|gen|qan|ken)$")


def _mark_predicates(tokens: list[Token], hits: list[DocHit], analyses: list[TokenAnalysis | None]) -> list[DocHit]:
    """An insult that ends its clause after the group named as its subject is the clause's
    predicate, with words between: Kazakh, verb- and predicate-final ("қырғыздар жол жабудан басқа
    ештеңеге қабілетсіз", "тәжіктер өмір бойы жалқау"), and a Russian plural adjective ("африканцы у
    нас в меде ленивые и тупые").  It gets the grammeme Pred, which a rule may take where a plural
    predicate noun stands.  Not when a noun of its own stands right before a Kazakh one ("қытайлар
    салған зауыт лас": the factory is dirty), a participle between makes the group part of a
    relative clause, or a Russian verb or subject of its own stands between."""
    subjects = [h for h in hits if h.entry.target and "nomn" in h.gram and "plur" in h.gram
                and {"Attr", "Own"}.isdisjoint(h.gram) and h.how != "pronoun" and not _before_postposition(tokens, h)]
    # (the group, or a pronoun that points back at it: "Солар ... тартып алған арамзалар")
    referring = [h for h in hits if h.entry.target and "nomn" in h.gram and {"Attr", "Own"}.isdisjoint(h.gram)
                 and (h.how == "pronoun" or h in subjects)]
    if not referring:
        return hits
    attacks = {i for h in hits if not _LABEL_CLASSES.isdisjoint(h.entry.classes) for i in range(h.first, h.last + 1)}
    out = []
    for h in hits:
        if h.entry.lang == "kk" and "plur" in h.gram and "negative_attribute" in h.entry.classes \
                and _participle_head(tokens, referring, h, attacks):
            out.append(DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _ATTR, h.ref))
            continue
        if "negative_attribute" in h.entry.classes and _clause_final(tokens, h.last, attacks):
            clause = tokens[h.first].clause
            subject = next((g for g in reversed(subjects) if g.last < h.first and tokens[g.first].clause == clause
                            and _words_between(tokens, g.last, h.first, attacks) <= MAX_PREDICATE_GAP), None)
            if subject is not None and (
                    _predicate_of(tokens, analyses, hits, subject, h) if h.entry.lang == "kk" and "plur" not in h.gram
                    else h.entry.lang == "ru" and {"ADJF", "plur", "nomn"} <= h.gram
                    and _russian_predicate_of(tokens, analyses, subject, h, attacks)) \
                    or h.entry.lang == "kk" and _relative_clause_head(tokens, referring, h, attacks):
                h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _PRED, h.ref)
        elif h.entry.lang == "kk" and "dehumanization" in h.entry.classes and "plur" in h.gram \
                and _clause_final(tokens, h.last, attacks) and _relative_clause_head(tokens, referring, h, attacks):
            # a vermin word as the head of the relative clause that ends the sentence: "Бұлар ...
            # азғындатуға келген шайтандар" (they are devils who came to corrupt ...)
            h = DocHit(h.first, h.last, h.entry, h.how, h.score, h.negated, h.gram | _PRED, h.ref)
        out.append(h)
    return out


MAX_RELATIVE_GAP = 8  # words between a Kazakh subject and the predicate noun a relative clause describes
# a Kazakh object's accusative ending (нанын, жерімізді, бізді; typed нанын, жеримизди)
_KAZAKH_OBJECT = lazy_compile(r"(ды|ді|ты|ті|ны|ні|ын|ін|ди|ти|ни|ин|dy|di|ty|ti|ny|ni|yn|in|ın)$")


def _relative_clause_head(tokens: list[Token], subjects: list[DocHit], h: DocHit, attacks: set[int]) -> bool:
    """A Kazakh insult at the clause's end right after a participle is the head of a relative
    clause, and the whole is the predicate of the group named before it: "Солар біздің
    жігіттердің нанын тартып алған арамзалар" (they are scoundrels who took our lads' bread).  The
    participle must have an object of its own between ("нанын"): with none, the group is the
    participle's subject and the insult its object or head ("Қытайлар алдаған алаяқтар", the
    fraudsters the Chinese deceived)."""
    before = tokens[h.first - 1] if h.first > 0 else None
    if before is None or before.kind != "word" or before.clause != tokens[h.first].clause \
            or not _KAZAKH_PARTICIPLE.search(before.text.lower()):
        return False
    clause = tokens[h.first].clause
    subject = next((g for g in reversed(subjects) if g.last < before.index and tokens[g.first].clause == clause), None)
    if subject is None or _words_between(tokens, subject.last, h.first, attacks) > MAX_RELATIVE_GAP:
        return False
    between = [t for t in tokens[subject.last + 1:before.index] if t.kind == "word"]
    return any(_KAZAKH_OBJECT.search(t.text.lower()) for t in between)


def _participle_head(tokens: list[Token], subjects: list[DocHit], h: DocHit, attacks: set[int]) -> bool:
    """A Kazakh plural insult right after a participle right after the group, its subject: "Қытайлар алдаған алаяқтар" (the fraudsters the Chinese deceived).
    The insult is the head of the relative clause, not said of the group (grammeme Attr)."""
    before = tokens[h.first - 1] if h.first > 0 else None
    if before is None or before.kind != "word" or before.clause != tokens[h.first].clause \
            or not _KAZAKH_PARTICIPLE.search(before.text.lower()):
        return False
    clause = tokens[h.first].clause
    subject = next((g for g in reversed(subjects) if g.last < before.index and tokens[g.first].clause == clause), None)
    if subject is None:
        return False
    # (any word between may be the participle's object, marked or not: "ұрлық жасаған ұрылар")
    return not any(t.kind == "word" for t in tokens[subject.last + 1:before.index])


def _russian_predicate_of(tokens: list[Token], analyses: list[TokenAnalysis | None], subject: DocHit, h: DocHit,
                          attacks: set[int]) -> bool:
    """Between a Russian subject and its adjective: no verb, no nominative noun of another subject
    (prepositional phrases, adverbs, the other adjectives of a list)."""
    for t in tokens[subject.last + 1:h.first]:
        a = analyses[t.index] if t.kind == "word" else None
        if a is None or t.index in attacks:
            continue
        g = a.gram
        if not {"VERB", "INFN", "PRTF", "PRTS", "GRND"}.isdisjoint(g) and _FUNCTION_GRAMS.isdisjoint(g):
            return False
        if "nomn" in g and "NOUN" in g and _FUNCTION_GRAMS.isdisjoint(g) and not {"loct", "ablt", "datv"} & g:
            return False
    return True


def _clause_final(tokens: list[Token], last: int, attacks: set[int]) -> bool:
    """The clause's last word, or the first of a list of insults that ends it ("ленивые и тупые"),
    but for a closing particle (ғой, қой, ғана)."""
    clause = tokens[last].clause
    for t in tokens[last + 1:]:
        if t.clause != clause:
            return True
        if t.kind == "word" and t.text.lower() not in _KAZAKH_FINAL_PARTICLES and t.index not in attacks \
                and t.text.lower() not in _LIST_LINKS:
            return False
    return True


_LIST_LINKS = frozenset({"и", "да", "әрі", "және", "ари", "жане", "ari", "äri", "jäne", "zhane"})


def _words_between(tokens: list[Token], a: int, b: int, attacks: set[int] = frozenset()) -> int:
    """Words between two tokens, but for insults and the links of a list of them."""
    return sum(1 for t in tokens[a + 1:b] if t.kind == "word" and t.index not in attacks
               and t.text.lower() not in _LIST_LINKS)


def _predicate_of(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                  subject: DocHit, h: DocHit) -> bool:
    between = [t for t in tokens[subject.last + 1:h.first] if t.kind == "word"]
    if any(_KAZAKH_PARTICIPLE.search(t.text.lower()) for t in between):
        return False
    if between:
        before = between[-1]
        a = analyses[before.index]
        bare_noun = (before.text.lower() in kazakh_words.words() and a is not None and "VERB" not in a.gram
                     and not any(o.first <= before.index <= o.last for o in hits))
        if bare_noun and before.text.lower() not in _KAZAKH_LINKS and before.text.lower() not in _KAZAKH_INTENSIFIERS \
                and before.text.lower() not in _KAZAKH_POSTPOSITIONS:
            return False  # (a postposition ends a phrase of its own: "X қоғам үшін қауіпті")
    return True


_KAZAKH_INTENSIFIERS = frozenset("тым өте аса нағыз мүлде әбден сондай тіпті ең нағыз басқа бойы".split())
_KAZAKH_POSTPOSITIONS = frozenset("үшін ушин үшин üşın ushin ushun туралы жөнінде арқылы қарай карай".split())


def _label_clause(tokens: list[Token], last: int, summing: set[int], max_words: int,
                  analyses: list[TokenAnalysis | None]) -> bool:
    clause = tokens[last].clause
    n = len(tokens)
    after = last + 1
    # past words that sum up, and the other adjectives of a list of them ("грязные вонючие")
    while after < n and tokens[after].clause == clause and (
            after in summing or tokens[after].kind == "word" and analyses[after] is not None
            and {"ADJF", "plur"} <= analyses[after].gram and {"NOUN", "VERB"}.isdisjoint(analyses[after].gram)):
        after += 1
    if after < n and tokens[after].clause == clause and tokens[after].kind == "word":
        return False  # not the clause's last word (but for words that sum up)
    first = last
    while first > 0 and tokens[first - 1].clause == clause:
        first -= 1
    words = [t for t in tokens[first : last + 1] if t.kind == "word"]
    if not words or first == 0 or len([t for t in words if t.index not in summing]) > max_words:
        return False
    if words[0].text in _CONTRAST_OPENERS:
        return False  # ", а воры есть у всех": after а the words are said of others
    # the clause opens after a comma: the token before its first word
    before = tokens[words[0].index - 1] if words[0].index > 0 else None
    return before is not None and before.kind == "punct" and before.text == ","


def _before_dash(tokens: list[Token], last: int) -> bool:
    """Is the word at `last` followed by a dash of a nominal sentence (not a hyphen inside a
    word: "алдап-арбау")?"""
    dash = tokens[last + 1]
    if dash.kind != "punct" or dash.text not in _DASHES:
        return False
    return dash.text != "-" or (dash.start > tokens[last].end and tokens[last + 2].start > dash.end)


# accusative endings (Cyrillic, keyboard-typed and Latin): the object a withheld verb reading needs
_ACCUSATIVE_ENDINGS = ("ды", "ді", "ты", "ті", "ны", "ні", "ди", "ти", "ни", "dy", "di", "ty", "ti", "ny", "ni")


MAX_OBJECT_GAP = 3  # adverbial words between a group object and its clause-final verb

_CONDITIONAL = lazy_compile(r"(сам|сем|сақ|сек|сак|са|се|саң|сең|сан|сен|sam|sem|saq|sek|sa|se)$")


def _object_licensed_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], hits: list[DocHit],
                          lexicon: Lexicon, features: set[str]) -> list[DocHit]:
    """Withheld attack-verb readings (TokenAnalysis.withheld) read where the clause leaves no
    other reading: the word ends its clause right after a group or pronoun in the accusative
    ("уйгырларды кырындар!", "буларды урамыз", "кәпірлерді құрт!"), or opens its clause and
    that object closes it ("Құрт бұларды!").  Out of that frame урамыз and құрт stay the ordinary
    words they first are (құрт жеді "the worm ate", ура "hurrah")."""
    held_at = [i for i, a in enumerate(analyses) if a is not None and a.withheld and tokens[i].kind == "word"]
    if not held_at:
        return []
    words = [t for t in tokens if t.kind == "word"]
    pos_of = {t.index: k for k, t in enumerate(words)}
    objects = {h.first for h in hits if h.first == h.last and any(
        lexicon.classes[c].kind == "target" or c == "plural_pronoun" for c in h.entry.classes)}

    def is_object(tok: Token) -> bool:
        return tok.index in objects and tok.text.lower().endswith(_ACCUSATIVE_ENDINGS)

    def same_clause(a: Token, b: Token) -> bool:
        return a.sent == b.sent and a.clause == b.clause

    out: list[DocHit] = []
    for i in held_at:
        k = pos_of[i]
        tok = words[k]
        prev = words[k - 1] if k > 0 and same_clause(words[k - 1], tok) else None
        nxt = words[k + 1] if k + 1 < len(words) and same_clause(words[k + 1], tok) else None
        after = words[k + 2] if k + 2 < len(words) and nxt is not None and same_clause(words[k + 2], tok) else None
        verb_last = nxt is None and prev is not None and is_object(prev)
        # "X-ты көрсем(,) урамын": the object of a conditional before it ("if I see X, I beat")
        if not verb_last and nxt is None and k >= 2 and words[k - 1].sent == tok.sent \
                and _CONDITIONAL.search(words[k - 1].text.lower()) and same_clause(words[k - 2], words[k - 1]) \
                and is_object(words[k - 2]):
            verb_last = True
        # "X-ты ауылдан қуыңдар", "X-ты көрген жерде ұрамыз": the object earlier in the clause,
        # with at most MAX_OBJECT_GAP words between that are no finite verb of their own (an
        # adverbial: ауылдан, көрген жерде, бүгін) — Kazakh puts the verb last
        if not verb_last and nxt is None:
            for back in range(2, MAX_OBJECT_GAP + 2):
                if k - back < 0 or not same_clause(words[k - back], tok):
                    break
                between = words[k - back + 1:k]
                if any(analyses[b.index] is not None and (analyses[b.index].withheld or _kazakh_finite_gram(analyses[b.index]))
                       or b.index in objects for b in between):
                    break
                if is_object(words[k - back]):
                    verb_last = True
                    break
        verb_first = prev is None and nxt is not None and after is None and is_object(nxt)
        # "X-ты ... таяқпен урып қуамыз": after the converb of an attack verb the word is the
        # second verb of the chain, with a group named before it in the sentence
        chained = prev is not None and any(
            h.first == h.last == prev.index and "conv" in h.gram and lexicon.classes_kind(h.entry, ("attack",))
            for h in hits) and any(o < i and tokens[o].sent == tok.sent for o in objects)
        if not (verb_last or verb_first or chained):
            continue
        for h in analyses[i].withheld:
            out.append(DocHit(i, i, h.entry, "object+" + h.how, h.score, h.negated, h.gram))
            features.add("entry:" + h.entry.id)
            features.update("class:" + c for c in h.entry.classes)
    return out


def prefilter_features(words: list[str], analyzer: TokenAnalyzer,
                       merged: Sequence[str] = (), seen: dict[str, TokenAnalysis] | None = None,
                       ) -> tuple[set[str], int, int, bool]:
    """Features, language votes and whether any word could start a phrase, without positions.

    Over-approximates on purpose (a word split by a space is counted joined): a rule the
    prefilter lets through is still checked on the full annotation.  `seen`, when given, is
    filled with the words' analyses that `reusable` says annotate may take (its `known`)."""
    feature_sets, features, ru, kk, phrase_possible = prefilter(words, analyzer, merged, seen)
    features.update(*feature_sets)
    return features, ru, kk, phrase_possible


def prefilter(words: list[str], analyzer: TokenAnalyzer, merged: Sequence[str] = (),
              seen: dict[str, TokenAnalysis] | None = None,
              ) -> tuple[set[frozenset[str]], set[str], int, int, bool]:
    """`prefilter_features` with the features in two parts, not united: the distinct feature
    sets of the words' analyses (shared objects, whose clauses the rule index remembers per set:
    ClauseBits.met_by_sets), and the rest."""
    features: set[str] = set()
    ru = kk = 0
    phrase_possible = False
    lexicon = analyzer.lexicon
    analyze = analyzer.analyze
    if analyzer.use_deobfuscation:
        forms = lexicon.loose_forms
        for w1, w2 in zip(words, words[1:]):
            if w1 + w2 in forms:
                features |= analyze(w1 + w2).features
    phrase_keys: set[str] = set()
    # the words' feature and key sets are shared objects (equal sets are one): the distinct ones
    # are collected and united once, instead of a union per word (the features serve only to
    # pick candidate rules, so their order does not matter)
    feature_sets: set[frozenset[str]] = set()
    key_sets: set[frozenset[str]] = set()
    add_features, add_keys = feature_sets.add, key_sets.add
    if seen is None:
        seen = {}  # a word's analysis, for its next occurrences (see reusable)
    for w in words:
        a = seen.get(w)
        if a is None:
            a = analyze(w)
            if reusable(w, a):
                seen[w] = a
        v = a.votes
        ru += v[0]
        kk += v[1]
        if a.in_kazakh is not None:  # the language is not known yet: its Kazakh reading counts too
            add_features(a.in_kazakh.features)
            add_features(a.in_kazakh.withheld_features)
            add_keys(a.in_kazakh.phrase_keys)
            add_keys(a.in_kazakh.withheld_phrase_keys)
        add_features(a.features)
        add_features(a.withheld_features)  # read only beside an object, which the prefilter does not see
        add_keys(a.phrase_keys)
        add_keys(a.withheld_phrase_keys)  # read only inside a phrase
    phrase_keys.update(*key_sets)
    # the aorist before еді is read in context (annotate: _aorist_before_edi); its attack verb
    # counts here too, or the rules that need it would never be tried ("сабар едім")
    for w1, w2 in zip(words, words[1:]):
        if w2[:2].lower() in ("ед", "ed"):
            for h in _aorist_hits(_cyrillic_spellings(w1, script_of(w1)), _cyrillic_spellings(w2, script_of(w2)), analyzer):
                features.add("entry:" + h.entry.id)
                features.update("class:" + c for c in h.entry.classes)
    for w in merged:  # words de-obfuscated from spaced letters (к и т а й): features, no votes
        a = analyze(w)
        features |= a.features
        phrase_keys |= a.phrase_keys
    # a phrase counts only when every one of its words occurs somewhere in the message: phrases
    # start with common words (не, в, олар), and counting the first word alone let nearly every
    # message through to the full annotation
    for p in possible_phrases(lexicon, phrase_keys).values():
        phrase_possible = True
        features.add("entry:" + p.entry.id)
        features.update("class:" + c for c in p.entry.classes)
        if p.entry.target:
            features.add("target:" + p.entry.target)
    return feature_sets, features, ru, kk, phrase_possible


__all__ = ["Doc", "DocHit", "Hit", "annotate", "prefilter", "prefilter_features", "spaced_merges"]
