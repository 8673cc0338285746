"""Stage 5c — the annotated document: tokens, their analyses, and lexicon hits with positions.

This is where the per-word analyses (cached, position-free) meet the text: hits get token
positions, multi-word expressions are matched across tokens, guard words are applied for the
text's language (Kazakh жиде is a tree in a Kazakh text, Russian "о жиде" is not), and each hit's
`how` is completed with what normalization did to that stretch of text (homoglyph, invisible,
combining, compat) and how the token was assembled (spaced letters).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import deobfuscate, langid
from .index import Lexicon
from .lexicon import Entry
from .lookup import Hit, TokenAnalysis, TokenAnalyzer
from .morphology import russian
from .normalize import NormalizedText
from .tokenize import Merge, Token, tokenize


_HYPHENS = {"-", "‐", "–"}


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


@dataclass
class Doc:
    norm: NormalizedText
    tokens: list[Token]
    analyses: list[TokenAnalysis | None]
    hits: list[DocHit]
    lang: str
    features: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    _sentences: list[tuple[int, int]] | None = None
    _word_prefix: list[int] | None = None

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
        """Words strictly between token a and token b, plus one (0 when b <= a); O(1)."""
        if b <= a:
            return 0
        prefix = self._word_prefix
        if prefix is None:
            prefix = [0]
            n = 0
            for t in self.tokens:
                n += t.kind == "word"
                prefix.append(n)
            self._word_prefix = prefix
        return 1 + prefix[b] - prefix[a + 1]


def _reaches_loosely(analyzer: TokenAnalyzer, word: str) -> bool:
    return any(analyzer.lexicon.reachable_loosely(h.entry) for h in analyzer.analyze(word).hits)


def spaced_merges(norm: NormalizedText, analyzer: TokenAnalyzer) -> list[Merge]:
    """Spaced-out letters (к и т а й ц ы) to join: only where the joined word reaches an entry."""
    return [Merge(start, end, joined, "spaced")
            for start, end, joined in deobfuscate.spaced_candidates(norm.text)
            if _reaches_loosely(analyzer, joined)]


def split_merges(tokens: list[Token], norm: NormalizedText, analyzer: TokenAnalyzer) -> list[Merge]:
    """Words split by a space (китай цы): join two neighbours when the joined word is a lexicon
    form of an attack/target/frame entry and neither half is a hit or a dictionary word of its own."""
    words = [(t.nstart, t.nend, t.text) for t in tokens if t.kind == "word" and not t.merged]
    merges = []
    for start, end, joined in deobfuscate.split_candidates(words, norm.text, analyzer.lexicon.surface):
        left, right = norm.text[start:end].split(" ", 1)
        if analyzer.analyze(left).hits or analyzer.analyze(right).hits:
            continue
        if russian.is_known(left) and russian.is_known(right):
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


def annotate(norm: NormalizedText, analyzer: TokenAnalyzer, lang: str | None = None) -> Doc:
    """Tokenize, analyze every word, detect the language and place lexicon hits."""
    merges = spaced_merges(norm, analyzer) if analyzer.use_deobfuscation else []
    tokens = tokenize(norm, merges)
    if analyzer.use_deobfuscation:
        splits = split_merges(tokens, norm, analyzer)
        if splits:
            tokens = tokenize(norm, merges + splits)
    analyses: list[TokenAnalysis | None] = []
    for tok in tokens:
        analyses.append(analyzer.analyze(tok.text) if tok.kind == "word" else None)
    doc_lang = lang or detect_lang(analyses, norm.text)
    lexicon = analyzer.lexicon
    hits: list[DocHit] = []
    features: set[str] = set()
    errors: list[str] = []
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
            features |= analysis.features
        elif analysis.features:
            features |= analysis.features
    if lexicon.phrases:
        hits.extend(_phrase_hits(tokens, analyses, lexicon, features))
    hits.sort(key=lambda h: (h.first, h.last, h.entry.id))
    return Doc(norm, tokens, analyses, hits, doc_lang, features, errors)


def keep_hit(hit: Hit, analysis: TokenAnalysis, doc_lang: str) -> bool:
    """Whether a word's hit counts in a document of this language.

    A guard word never counts in its own language (Kazakh жиде is a tree), and a typo match onto
    an entry of the other language is dropped in a plainly Russian or Kazakh text: Kazakh words
    are unknown to the Russian dictionary, so they would otherwise be "typos" of Russian words
    (нанмен "with bread" is one letter from нацмен)."""
    if analysis.guard_langs and (doc_lang in analysis.guard_langs or doc_lang == "mixed"):
        return False
    if hit.how == "fuzzy" and doc_lang in ("ru", "kk") and hit.entry.lang != doc_lang:
        return False
    return True


def _doc_how(norm: NormalizedText, tok: Token) -> str:
    parts = list(norm.edit_kinds(tok.nstart, tok.nend))
    if tok.merged:
        parts.insert(0, tok.merged)
    return "+".join(parts)


def _phrase_hits(tokens: list[Token], analyses: list[TokenAnalysis | None], lexicon: Lexicon,
                 features: set[str]) -> list[DocHit]:
    """Multi-word entries: consecutive words whose keys match each component in turn."""
    out: list[DocHit] = []
    words = [i for i, a in enumerate(analyses) if a is not None]
    for pos, i in enumerate(words):
        a = analyses[i]
        if not a.phrase_keys:
            continue
        candidates = {id(p): p for k in a.phrase_keys for p in lexicon.phrases.get(k, ())}
        for phrase in candidates.values():
            n = len(phrase.components)
            if pos + n > len(words):
                continue
            idx = words[pos : pos + n]
            # words must be adjacent: nothing but hyphens between them
            if any(tokens[j].kind != "punct" or tokens[j].text not in _HYPHENS for k in range(n - 1)
                   for j in range(idx[k] + 1, idx[k + 1])):
                continue
            ok = all(analyses[j].phrase_keys & comp for j, comp in zip(idx, phrase.components))
            if not ok:
                continue
            entry = phrase.entry
            gram = frozenset().union(*(h.gram for j in idx for h in analyses[j].hits)) if any(analyses[j].hits for j in idx) else frozenset()
            out.append(DocHit(idx[0], idx[-1], entry, "phrase", 1.0, any(analyses[j].negated for j in idx), gram))
            features.add("entry:" + entry.id)
            features.update("class:" + c for c in entry.classes)
            if entry.target:
                features.add("target:" + entry.target)
    return out


def prefilter_features(words: list[str], analyzer: TokenAnalyzer) -> tuple[set[str], int, int, bool]:
    """Features, language votes and whether any word could start a phrase, without positions.

    Over-approximates on purpose (a word split by a space is counted joined): a rule the
    prefilter lets through is still checked on the full annotation."""
    features: set[str] = set()
    ru = kk = 0
    phrase_possible = False
    lexicon = analyzer.lexicon
    analyze = analyzer.analyze
    if analyzer.use_deobfuscation:
        surface = lexicon.surface
        for w1, w2 in zip(words, words[1:]):
            if w1 + w2 in surface:
                features |= analyze(w1 + w2).features
    for w in words:
        a = analyze(w)
        v = a.votes
        ru += v[0]
        kk += v[1]
        if a.features:
            features |= a.features
        if a.phrase_keys:
            for k in a.phrase_keys:
                for p in lexicon.phrases.get(k, ()):
                    phrase_possible = True
                    features.add("entry:" + p.entry.id)
                    features.update("class:" + c for c in p.entry.classes)
                    if p.entry.target:
                        features.add("target:" + p.entry.target)
    return features, ru, kk, phrase_possible


__all__ = ["Doc", "DocHit", "Hit", "annotate", "prefilter_features", "spaced_merges"]
