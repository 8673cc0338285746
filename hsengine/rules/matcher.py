"""Stage 6b — evaluating a rule's pattern over an annotated document.

A pattern yields *bindings*: for each matched atom, the hit (or word) it matched and the role it
plays.  Evaluation runs per scope unit (a sentence, or the whole text) and stays near-linear:
`all` picks, for each occurrence of its rarest part, the nearest occurrence of every other part
(binary search over sorted positions), so cost grows with the number of hits, never with their
product.  Each pattern node returns at most MAX_BINDINGS bindings per unit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..lexicon.annotate import ORIGIN_HOWS, PEOPLE_HOW, Doc, DocHit
from ..morphology.grammemes import CONTEXT_GRAMMEMES
from .clausebits import ClauseBits, Met
from .loader import SEQ_MAX_GAP, AllOf, AnyOf, Atom, Node, Rule, requirements

MAX_BINDINGS = 32
_SCAN_TOKENS = 400  # up to this many tokens, _tokens_with scans instead of indexing every feature
NEIGHBOURS = 4  # occurrences examined on each side of the pivot when choosing the nearest
_UNKNOWN = object()  # (a memo's "not computed yet": None is an answer)


@dataclass(frozen=True, slots=True)
class Span:
    """One atom's match: token range, role, and the lexicon hit (None for lemma/text/regex words)."""

    first: int
    last: int
    role: str
    hit: DocHit | None


@dataclass(frozen=True, slots=True)
class Binding:
    spans: tuple[Span, ...]
    first: int
    last: int

    @staticmethod
    def of(spans: tuple[Span, ...]) -> "Binding":
        return Binding(spans, min(s.first for s in spans), max(s.last for s in spans))


_AS_PRONOUN = frozenset({"group"})


def _atom_accepts_hit(atom: Atom, hit: DocHit) -> bool:
    e = hit.entry
    classes, register = e.classes, e.register
    if hit.how == "pronoun" and "slur" in classes:
        # "«китаёза» — это пренебрежительное слово": the pronoun stands for the group the slur
        # named, it is no use of the slur
        classes, register = _AS_PRONOUN.union(c for c in classes if c != "slur"), "neutral"
    if atom.entries is not None and e.id not in atom.entries:
        return False
    if atom.classes is not None and atom.classes.isdisjoint(classes):
        return False
    if atom.targets is not None and e.target not in atom.targets:
        return False
    if atom.registers is not None and register not in atom.registers:
        return False
    if atom.negated is not None and hit.negated != atom.negated:
        return False
    if atom.gram is not None and atom.gram.isdisjoint(hit.gram):
        # unknown grammar (an empty set) passes a grammatical condition, but not one the context
        # gives (Topic, Label): those the annotation asserts of a word, or the word lacks them
        if hit.gram or atom.gram <= CONTEXT_GRAMMEMES:
            return False
    if atom.not_gram is not None and not atom.not_gram.isdisjoint(hit.gram):
        return False
    return True


def _atom_accepts_word(atom: Atom, doc: Doc, i: int, word_state: bool = True) -> bool:
    """The word conditions of an atom on token i; `word_state=False` leaves out grammar and
    negation, which a lexicon hit (a phrase: қырып саламыз) carries for itself as a whole."""
    a = doc.analyses[i]
    if a is None:
        return False
    f = a.features
    if atom.lemmas is not None and not any("lemma:" + w in f for w in atom.lemmas):
        return False
    if atom.texts is not None and not any("text:" + w in f for w in atom.texts):
        return False
    if atom.regex_id is not None and atom.regex_id not in f:
        return False
    if not word_state:
        return True
    if atom.negated is not None and (a.negated or a.verb_negated) != atom.negated:
        return False
    if atom.gram is not None and a.gram and atom.gram.isdisjoint(a.gram):
        return False
    if atom.not_gram is not None and not atom.not_gram.isdisjoint(a.gram):
        return False
    return True


class Matcher:
    """Evaluates patterns over one document.

    Each atom's matches are computed once over the whole document (hits are sorted; word atoms
    look only at the tokens that carry one of their features) and sliced per sentence with a
    binary search, so a long message costs about as much as its sentences put together."""

    def __init__(self, doc: Doc, node_requirements: dict[int, tuple] | None = None,
                 node_bits: ClauseBits | None = None):
        self.doc = doc
        self._spans: dict[int, tuple[list[Span], list[int]]] = {}
        self._feature_tokens: dict[str, list[int]] | None = None
        self._sentences: dict[int, frozenset[int] | None] = {}
        # id(node) -> (node, its requirement clauses), shared by the matchers of one rule set (the
        # Engine keeps it; the node is held so that its id stays its own)
        self._node_requirements = node_requirements if node_requirements is not None else {}
        # the same nodes' clauses as bit masks, and the clauses this document meets (clausebits.py);
        # the masks go with the requirements, whose nodes keep their ids their own
        if node_requirements is None or node_bits is None:
            node_bits = ClauseBits()
        self._node_bits = node_bits
        self._node_masks = node_bits.node_masks
        self._met = Met(0, -1)  # computed on first use

    # -- atoms ----------------------------------------------------------------------------
    def _all_spans(self, atom: Atom) -> tuple[list[Span], list[int]]:
        got = self._spans.get(id(atom))
        if got is None:
            spans = self._compute_spans(atom)
            got = self._spans[id(atom)] = (spans, [s.first for s in spans])
        return got

    def _compute_spans(self, atom: Atom) -> list[Span]:
        doc = self.doc
        out: list[Span] = []
        keys = atom.feature_keys
        if keys and keys.isdisjoint(doc.features):
            return out  # the message has no word this atom could match
        if atom.on_hits:
            word_conditions = atom.lemmas is not None or atom.texts is not None or atom.regex_id is not None
            hits = doc.hits_of(atom.classes) if atom.classes is not None else doc.hits
            for h in hits:  # sorted by first token
                if not _atom_accepts_hit(atom, h):
                    continue
                # every word of a phrase hit; a hyphen inside it (тілім-тілім, жермен-жексен) is no word;
                # not the people noun a Kazakh group word takes ("қытай халқы"): it holds no lexicon
                # word, so no hit conditions of its own
                if h.how in ORIGIN_HOWS:
                    # "студенты из Африки", "Африкадан келген студенттер": the place word is no group
                    # word and the people word no lexicon word, so a condition that rules a group
                    # word's surface out (its case endings) has nothing to test — the hit's grammar
                    # is the people word's, tested above; one that asks for a word (их, олардың) fails
                    if atom.lemmas is not None or atom.texts is not None \
                            or (atom.regex_id is not None and not atom.regex_excludes_only):
                        continue
                    words = range(0)
                elif h.how.startswith(PEOPLE_HOW):
                    words = range(h.first, h.first + 1)
                else:
                    words = range(h.first, h.last + 1)
                if word_conditions and not all(_atom_accepts_word(atom, doc, i, False)
                                               for i in words if doc.analyses[i] is not None):
                    continue
                out.append(Span(h.first, h.last, atom.role, h))
            return out
        for i in self._tokens_with(keys):
            if _atom_accepts_word(atom, doc, i):
                out.append(Span(i, i, atom.role, None))
        return out

    def _tokens_with(self, features: frozenset[str]) -> list[int]:
        """Word tokens carrying any of these (lemma/text/regex) features, in order."""
        analyses = self.doc.analyses
        if len(analyses) <= _SCAN_TOKENS:  # a message: one C-level test per token beats an index
            return [i for i, a in enumerate(analyses) if a is not None and not features.isdisjoint(a.features)]
        index = self._feature_tokens
        if index is None:
            index = {}
            for i, a in enumerate(self.doc.analyses):
                if a is not None and a.features:
                    for f in a.features:
                        index.setdefault(f, []).append(i)
            self._feature_tokens = index
        found: set[int] = set()
        for f in features:
            found.update(index.get(f, ()))
        return sorted(found)

    def atom_spans(self, atom: Atom, lo: int, hi: int) -> list[Span]:
        """Matches of an atom with tokens in [lo, hi]."""
        spans, firsts = self._all_spans(atom)
        a, b = bisect_left(firsts, lo), bisect_right(firsts, hi)
        return [s for s in spans[a:b] if s.last <= hi]

    def sentences(self, node: Node) -> frozenset[int] | None:
        """Sentence ids where the pattern can possibly bind (every part present); None: anywhere."""
        got = self._sentences.get(id(node), _UNKNOWN)
        if got is not _UNKNOWN:
            return got
        if isinstance(node, Atom):
            return self._atom_sentences(node)
        if self._impossible(node):
            self._sentences[id(node)] = frozenset()  # a feature the subtree needs is absent from the message
            return frozenset()
        return self._possible_sentences(node)

    def _atom_sentences(self, node: Atom) -> frozenset[int]:
        toks = self.doc.tokens
        result = self._sentences[id(node)] = frozenset([toks[s.first].sent for s in self._all_spans(node)[0]])
        return result

    def _possible_sentences(self, node: AllOf | AnyOf) -> frozenset[int] | None:
        """`sentences` of a node none of whose requirement clauses misses the message (its parent
        tested its mask, or `sentences` did): the same answer without testing it again."""
        memo = self._sentences
        parts, bits = self._parts(node)
        result: frozenset[int] | None
        if isinstance(node, AnyOf):
            # (a part that is no atom and is impossible would give frozenset(), nothing to the union)
            got = []
            for p, m in parts:
                if m is None:
                    s = memo.get(id(p), _UNKNOWN)
                    got.append(self._atom_sentences(p) if s is _UNKNOWN else s)
                elif m & bits == m:
                    s = memo.get(id(p), _UNKNOWN)
                    got.append(self._possible_sentences(p) if s is _UNKNOWN else s)
            result = None if None in got else frozenset().union(*got)
        else:
            result = None
            for _, m in parts:
                if m is not None and m & bits != m:
                    result = frozenset()  # an impossible part: the sentences it would give are none
                    break
            else:
                for p, m in parts:
                    s = memo.get(id(p), _UNKNOWN)
                    if s is _UNKNOWN:
                        s = self._atom_sentences(p) if m is None else self._possible_sentences(p)
                    if s is not None:
                        result = s if result is None else result & s
                        if not result:
                            break  # one part is absent everywhere: the rest need not be computed
        memo[id(node)] = result
        return result

    def _mask(self, node: Node) -> int:
        """The bits of a node's requirement clauses (rules/clausebits.py), computed once per node."""
        key = id(node)
        mask = self._node_masks.get(key)
        if mask is None:
            got = self._node_requirements.get(key)
            if got is None:
                requirements(node, self._node_requirements)  # the clauses of its subtrees are kept too
                got = self._node_requirements[key]
            mask = self._node_masks[key] = self._node_bits.mask(got[1])
        return mask

    def _impossible(self, node: Node) -> bool:
        """Does some requirement clause of the node (what any binding of it needs among the
        message's features) miss the message?  Then none of its parts need be looked at."""
        mask = self._mask(node)
        met = self._met
        if mask.bit_length() > met.known:  # (a bit added since: see ClauseBits.refreshed)
            met = self._met = self._node_bits.refreshed(mask, self.doc.features, self.doc.feature_parts)
        return mask & met.bits != mask

    def _parts(self, node: AllOf | AnyOf) -> tuple[tuple[tuple[Node, int | None], ...], int]:
        """The node's parts with their clause masks (None for an atom), and the clauses the
        message meets, known for every bit of those masks: a part p with mask m is impossible
        exactly when `m & bits != m` — `_impossible(p)` without a call per part (an `any` of
        twelve parts, most of them impossible, was most of the matcher's node visits)."""
        memo = self._node_bits.part_masks
        got = memo.get(id(node))
        if got is None or got[0] is not node:
            parts = tuple((p, None if isinstance(p, Atom) else self._mask(p)) for p in node.parts)
            widest = max((m for _, m in parts if m is not None), key=int.bit_length, default=0)
            got = memo[id(node)] = (node, parts, widest)
        _, parts, widest = got
        met = self._met
        if widest.bit_length() > met.known:
            met = self._met = self._node_bits.refreshed(widest, self.doc.features, self.doc.feature_parts)
        return parts, met.bits

    # -- nodes ----------------------------------------------------------------------------
    def bindings(self, node: Node, lo: int, hi: int) -> list[Binding]:
        if isinstance(node, Atom):
            return [Binding((s,), s.first, s.last) for s in self.atom_spans(node, lo, hi)[: MAX_BINDINGS * 4]]
        if self._impossible(node):
            return []
        return self._possible_bindings(node, lo, hi)

    def _possible_bindings(self, node: AllOf | AnyOf, lo: int, hi: int) -> list[Binding]:
        """`bindings` of a node whose own requirement clauses the message meets (tested by its
        parent or by `bindings`)."""
        parts, bits = self._parts(node)
        if isinstance(node, AnyOf):
            out: list[Binding] = []
            for part, m in parts:
                if m is None:
                    out.extend(self.bindings(part, lo, hi))
                elif m & bits == m:  # (an impossible part binds nothing)
                    out.extend(self._possible_bindings(part, lo, hi))
            out.sort(key=_binding_order)
            return _dedupe(out)[: MAX_BINDINGS * 4]
        for _, m in parts:
            if m is not None and m & bits != m:
                return []  # an impossible part binds nothing, so neither does the node
        return self._all(node, parts, lo, hi)

    def _all(self, node: AllOf, parts: tuple[tuple[Node, int | None], ...], lo: int, hi: int) -> list[Binding]:
        lists = []
        for p, m in parts:  # (every part is possible: _possible_bindings tested their masks)
            got = self.bindings(p, lo, hi) if m is None else self._possible_bindings(p, lo, hi)
            if not got:
                return []  # (the parts after it need not be bound: a fifth of them, warm RuEthnoHate)
            lists.append(got)
        results: list[Binding] = []
        if node.ordered:
            candidates = self._ordered(lists, node)
        else:
            candidates = self._unordered(lists, node)
        for b in candidates:
            if node.absent and self._absent_violated(node, b, lo, hi):
                continue
            results.append(b)
            if len(results) >= MAX_BINDINGS:
                break
        return _dedupe(results)

    def _distance(self, a: int, b: int) -> int:
        return self.doc.word_distance(min(a, b), max(a, b))

    def _gap(self, a: int, b: int) -> int:
        """word_distance from token a to token b (a < b), a relative clause wholly between them
        not counted: "у русских, которые ..., гражданство надо отбирать"."""
        return self.doc.word_distance(a, b) - self.doc.relative_words_between(a, b)

    def _window(self, merged: Binding) -> int:
        """The words a binding spans, a lexicon phrase counted as one word ("адам деп санаудың
        өзі күнә" is one judgment, however many words spell it) and a relative clause between its
        parts not at all."""
        spans = sorted(merged.spans, key=lambda s: s.first)
        total = 0
        for x, y in zip(spans, spans[1:]):
            if y.first <= x.last:  # parts that share tokens: measure the whole
                span = self.doc.word_distance(merged.first, merged.last)
                return span - sum(self.doc.word_distance(s.first, s.last) for s in merged.spans if s.last > s.first)
            total += self._gap(x.last, y.first)
        return total

    def _unordered(self, lists: list[list[Binding]], node: AllOf):
        pivot = min(range(len(lists)), key=lambda k: len(lists[k]))
        firsts = [[b.first for b in lst] for lst in lists]
        toks = self.doc.tokens
        for b0 in lists[pivot]:
            chosen: list[Binding] = [b0]
            used = _tokens_of(b0)
            ok = True
            # the nearest part is taken, among those the node's clause, sentence and window allow:
            # in "X живут воровством, они ..." the nearer pronoun is in another clause
            clause = toks[b0.first].clause if node.clause else None
            sent = toks[b0.first].sent if node.sentence else None
            for k, lst in enumerate(lists):
                if k == pivot:
                    continue
                pos = bisect_left(firsts[k], b0.first)
                window = lst[max(0, pos - NEIGHBOURS) : pos + NEIGHBOURS]
                window = [b for b in window if _tokens_of(b).isdisjoint(used)
                          and (clause is None or toks[b.first].clause == clause == toks[b.last].clause)
                          and (sent is None or toks[b.first].sent == sent == toks[b.last].sent)
                          and (node.within is None or self._gap(min(b.first, b0.first), max(b.first, b0.first)) <= node.within)]
                if not window:
                    ok = False
                    break
                # (of two as near, the one in the pivot's own clause: the Kazakh modal after its verb
                # in "X-ты ... керек, оларды көшіру керек", not the other clause's before it)
                best = min(window, key=lambda b: (self._distance(b.first, b0.first),
                                                  toks[b.first].clause != toks[b0.first].clause, b.first))
                chosen.append(best)
                used |= _tokens_of(best)
            if not ok:
                continue
            merged = Binding.of(tuple(s for b in sorted(chosen, key=lambda b: b.first) for s in b.spans))
            if node.within is not None and self._window(merged) > node.within:
                continue
            if node.clause and not self._one_clause(merged):
                continue
            if node.sentence and not self._one_sentence(merged):
                continue
            if self._split_by_contrast(merged):
                continue
            yield merged

    def _ordered(self, lists: list[list[Binding]], node: AllOf):
        gap = node.max_gap if node.max_gap is not None else SEQ_MAX_GAP
        for b0 in lists[0]:
            chain = [b0]
            for lst in lists[1:]:
                prev = chain[-1]
                nxt = next((b for b in lst if b.first > prev.last), None)
                if nxt is None or self._gap(prev.last, nxt.first) - 1 > gap:
                    chain = []
                    break
                chain.append(nxt)
            if not chain:
                continue
            merged = Binding.of(tuple(s for b in chain for s in b.spans))
            if node.within is not None and self._window(merged) > node.within:
                continue
            if node.clause and not self._one_clause(merged):
                continue
            if node.sentence and not self._one_sentence(merged):
                continue
            if self._split_by_contrast(merged):
                continue
            yield merged

    def _one_clause(self, b: Binding) -> bool:
        toks = self.doc.tokens
        return len({toks[s.first].clause for s in b.spans} | {toks[s.last].clause for s in b.spans}) == 1

    def _one_sentence(self, b: Binding) -> bool:
        toks = self.doc.tokens
        return toks[b.first].sent == toks[b.last].sent

    def _split_by_contrast(self, b: Binding) -> bool:
        """The group is on one side of ", а ..." and every attack word on the other side, which
        names another group ("китайцы — тараканы, а дунган нельзя выгонять" says nothing hateful
        of the Dungans).  An attack side after the group's that names no group continues the
        statement: "X — не народ, а саранча" corrects it."""
        doc = self.doc
        if not doc.crosses_contrast(b.first, b.last):
            return False
        targets = {doc.contrast_side(s.first) for s in b.spans if s.role == "target"}
        others = {doc.contrast_side(s.first) for s in b.spans if s.role != "target"}
        if not (targets and others and targets.isdisjoint(others)):
            return False
        if max(targets) > min(others):
            return True  # the group after "а": "фараон был проклят, а евреи ушли"
        lo, hi = doc.sentence_range(doc.tokens[b.first].sent, doc.tokens[b.last].sent)
        return any(h.entry.target and h.how != "pronoun" and lo <= h.first <= hi
                   and doc.contrast_side(h.first) in others for h in doc.hits)

    def _absent_violated(self, node: AllOf, b: Binding, lo: int, hi: int) -> bool:
        if node.within is not None:
            lo = max(lo, self._back(b.first, node.within))
            hi = min(hi, self._forward(b.last, node.within))
        if node.sentence:
            s_lo, s_hi = self.doc.sentence_range(self.doc.tokens[b.first].sent, self.doc.tokens[b.last].sent)
            lo, hi = max(lo, s_lo), min(hi, s_hi)
        if node.clause:
            # a clause before the match's own is another statement: in "X заселяют нашу землю, гнать
            # их всех" the finite verb of the first clause does not make the command a report; what
            # follows the match ("выгнать всех — не выход") still judges it
            lo = max(lo, self._clause_start(b.first))
        used = _tokens_of(b)
        for part in node.absent:
            for other in self.bindings(part, lo, hi):
                if _tokens_of(other).isdisjoint(used):
                    return True
        return False

    def _clause_start(self, i: int) -> int:
        toks = self.doc.tokens
        clause = toks[i].clause
        while i > 0 and toks[i - 1].clause == clause:
            i -= 1
        return i

    def _back(self, i: int, words: int) -> int:
        toks = self.doc.tokens
        n = 0
        while i > 0 and n < words:
            i -= 1
            if toks[i].kind == "word":
                n += 1
        return i

    def _forward(self, i: int, words: int) -> int:
        toks = self.doc.tokens
        n = 0
        last = len(toks) - 1
        while i < last and n < words:
            i += 1
            if toks[i].kind == "word":
                n += 1
        return i


def _binding_order(b: Binding) -> tuple[int, int]:
    return (b.first, b.last)


def _tokens_of(b: Binding) -> set[int]:
    out: set[int] = set()
    for s in b.spans:
        out.update(range(s.first, s.last + 1))
    return out


def _dedupe(bindings: list[Binding]) -> list[Binding]:
    seen = set()
    out = []
    for b in bindings:
        key = tuple((s.first, s.last, s.role, s.hit.entry.id if s.hit else "") for s in b.spans)
        if key not in seen:
            seen.add(key)
            out.append(b)
    return out


def units(doc: Doc, rule: Rule, matcher: Matcher) -> list[tuple[int, int]]:
    """Token ranges the rule is evaluated in: the sentences where every part of its pattern
    occurs, or the whole text for rules of text scope."""
    if not doc.tokens:
        return []
    if rule.scope == "text":
        return [(0, len(doc.tokens) - 1)]
    wanted = matcher.sentences(rule.pattern)
    spans = doc.sentence_spans
    if wanted is None:
        return list(spans.values())
    return [spans[s] for s in sorted(wanted)]


# -- diagnostics: which part of a pattern did not bind ----------------------------------------------
def _kind(node: AllOf) -> str:
    return "seq" if node.ordered else "all"


def _unbound(m: Matcher, node: Node, lo: int, hi: int, path: str) -> tuple[int, str, Node, str] | None:
    """(progress, path, node, reason) of the node that keeps `node` from binding in [lo, hi]; progress
    counts the parts that did bind on the way, so that of the alternatives of an `any` the one that
    came nearest is the one named."""
    if m.bindings(node, lo, hi):
        return None
    if isinstance(node, Atom):
        return 0, path, node, "no word matches it"
    if isinstance(node, AnyOf):
        best = None
        for i, part in enumerate(node.parts):
            got = _unbound(m, part, lo, hi, f"{path}.any[{i}]")
            if got is not None and (best is None or got[0] > best[0]):
                best = got
        return best if best is not None and best[0] > 0 else (0, path, node, "none of its parts matches")
    bound = [bool(m.bindings(p, lo, hi)) for p in node.parts]
    for i, part in enumerate(node.parts):
        if not bound[i]:
            got = _unbound(m, part, lo, hi, f"{path}.{_kind(node)}[{i}]")
            return None if got is None else (got[0] + sum(bound), *got[1:])
    progress = len(node.parts)
    # every part binds alone: they do not bind together; the first constraint whose relaxation binds
    # (a relaxation needs the features the node needs: its requirements are the node's, not
    # computed again — that is the costly part of a diagnosis)
    known = m._node_requirements.get(id(node))
    loose = replace(node, absent=())
    if known is not None:
        m._node_requirements[id(loose)] = (loose, known[1])
    if m.bindings(loose, lo, hi):
        return progress, path, node, "a part it says must be absent (not) is there"
    relaxations = []
    if node.within is not None:
        relaxations.append((replace(loose, within=None), f"its parts are more than {node.within} words apart (within)"))
    if node.ordered:
        gap = node.max_gap if node.max_gap is not None else SEQ_MAX_GAP
        relaxations.append((replace(loose, max_gap=200, within=None),
                            f"more than {gap} words stand between neighbouring parts (max_gap)"))
        relaxations.append((replace(loose, ordered=False, max_gap=None, within=None), "its parts are not in this order"))
    if node.clause:
        relaxations.append((replace(loose, clause=False), "its parts are not in one clause (clause: true)"))
    if node.sentence:
        relaxations.append((replace(loose, sentence=False), "its parts are not in one sentence (sentence: true)"))
    for relaxed, why in relaxations:
        if known is not None:
            m._node_requirements[id(relaxed)] = (relaxed, known[1])
        if m.bindings(relaxed, lo, hi):
            return progress, path, node, why
    return progress, path, node, ("its parts are all present but never together (they overlap, or a contrast "
                                  "', а ...' puts the group on one side and the rest on the other)")


def unbound_part(doc: Doc, rule: Rule, node_requirements: dict[int, tuple] | None = None) -> tuple[str, Node, str] | None:
    """Why a rule's pattern does not bind in a document: the path of the deepest node that binds in
    no scope unit (pattern.all[1].seq[0]), the node, and the reason; None when it binds.
    `node_requirements`: the Engine's cache of the rules' requirement clauses (copied: the
    relaxed nodes of the diagnosis are not kept)."""
    if not doc.tokens:
        return None
    m = Matcher(doc, dict(node_requirements) if node_requirements is not None else None)
    ranges = [(0, len(doc.tokens) - 1)] if rule.scope == "text" else list(doc.sentence_spans.values())
    best: tuple[int, str, Node, str] | None = None
    for lo, hi in ranges:
        got = _unbound(m, rule.pattern, lo, hi, "pattern")
        if got is None:
            return None
        if best is None or got[0] > best[0]:
            best = got
    return None if best is None else best[1:]
