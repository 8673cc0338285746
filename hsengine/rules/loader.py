"""Stage 6a — rules as data: the YAML schema, the pattern language, and load-time validation.

One rule per file.  A rule says what a text does (title, description), which narrative and
target groups it concerns, how severe it is, the pattern that detects it, the contexts that
suppress it (negation, counter-speech, quotation, news reporting...), and examples that must and
must not match.  Patterns are a small tree, in the spirit of spaCy's Matcher and natasha/yargy:

    atom   {class: dehumanization, as: attack}      one lexicon hit or word
           keys: class, entry, target, register, lemma, text, regex, gram, negated, as
           gram: grammemes, any of which the hit must show (nomn, ablt, INFN, impr, siml...);
                 a hit whose grammar is unknown (translit, fuzzy) passes
    all    {all: [...], within: 8}                  every part, at most `within` words apart
                                                    (clause: true — all in one clause;
                                                    sentence: true — all in one sentence, and
                                                    its `not` parts looked for in that sentence:
                                                    the ordinary parts of a rule of text scope)
    seq    {seq: [...], max_gap: 3}                 parts in this order, small gaps
    any    {any: [...]}                             at least one part
    not    {not: {...}}                             inside `all`: this must be absent nearby
    use    {use: modal_must, as: call}              a named pattern (patterns.yaml), roles renamed by `as`

Directories also hold ``narratives.yaml`` (``narratives:``), ``contexts.yaml`` (``contexts:``)
and ``patterns.yaml`` (``patterns:``: named, reusable sub-patterns such as ``call``,
``modal_must``, ``negation``, ``question``, written once and referenced from any rule, in the
spirit of yargy's named rules).  Every problem is reported with file, line and column.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, Union

import regex

from ..errors import ConfigError, Problem
from ..lexicon.loader import MAX_WORD_LEN, iter_yaml_files, norm_word
from ..schema.values import LANGS, REGISTERS, SEVERITIES, UI_LANGS
from ..schema.yamltypes import Loc, YamlProblem, YList, YMap
from ..schema.pickling import quick_state
from ..text.lazyregex import lazy_compile

STATUSES = ("stable", "experimental")
SCOPES = ("sentence", "text")
CONTEXT_KINDS = ("negation", "cue", "quotation", "question", "refutation", "echo", "attribution")
MAX_PATTERN_NODES = 160  # as written; what named patterns add is bounded by MAX_EXPANDED_ATOMS
MAX_REGEX_LEN = 200
MAX_ATOM_WORDS = 500  # lemma:/text: lists of one atom
MAX_MESSAGE_LEN = 500
MAX_FIELD_WIDTH = 40

_RULE_ID = lazy_compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")

RULE_KEYS = {
    "id": "unique dotted id, e.g. hate.dehumanization",
    "title": "short name, in en, ru and kk: {en: ..., ru: ..., kk: ...}",
    "description": "what the text does and why it is harmful",
    "narrative": "one narrative id from narratives.yaml",
    "narrative_by_target": "true: a match on a group whose target declares a narrative (kafir → anti_kafir) takes it",
    "targets": "list of target ids the rule concerns, or 'any'",
    "severity": "low, medium, high or critical",
    "langs": "languages the rule claims: [ru], [kk] or [ru, kk]",
    "status": "stable or experimental",
    "pattern": "the pattern tree (all / any / seq / not / atoms)",
    "scope": "sentence (default) or text",
    "unless": "contexts that suppress a match (default: every context in contexts.yaml)",
    "message": "optional explanation template per language with {target} and {<role>}",
    "examples": "{match: [...], no_match: [...]}: texts that must and must not match",
    "references": "links or citations",
    "author": "who wrote the rule",
    "note": "free text for maintainers",
}
# The pattern language, key by key: what the reader below accepts, what `validate` suggests for a
# misspelt key, and what docs/schema/*.schema.json and docs/pattern-language.md are generated from
# (hsengine/tools/schema.py), so the three cannot drift apart.
ATOM_KEYS = {
    "class": "lexicon classes, one or a list: a hit of an entry of any of them (classes.yaml)",
    "entry": "lexicon entry ids, one or a list: a hit of one of these entries",
    "target": "target group ids, one or a list: a hit of an entry that names one of them (targets.yaml)",
    "register": "neutral, pejorative or slur, one or a list: the register of the entry hit",
    "lemma": "words, one or a list: the word's lemma (Russian) or stem (Kazakh) is one of them",
    "text": "words, one or a list: the normalized word itself is one of them",
    "regex": "a regular expression one normalized word must match (words of at most 64 characters)",
    "gram": "grammemes, one or a list, any of which the word must show; a hit whose grammar is unknown "
            "(transliterated, a typo) passes",
    "not_gram": "grammemes, one or a list, none of which the word may show",
    "negated": "true: the word must be negated (не-, -ма/-ме, емес); false: it must not be",
    "as": "the evidence role of this part (lower_snake_case); the part naming the group: target",
}
SEQ_MAX_GAP = 3  # words allowed between neighbouring parts of a seq that gives no max_gap
NODE_KEYS = {
    "all": "every part, in any order, no two on the same words",
    "seq": "every part, in this order",
    "any": "at least one part",
    "not": "only inside all/seq: this node must be absent from the match's window (within, or the sentence)",
    "use": "a named pattern of patterns.yaml; the node's other keys (but as) fill the pattern's params",
    "within": "all/seq: at most this many words from the first part to the last (default: no limit in the "
              "rule's scope)",
    "max_gap": f"seq only: at most this many words between neighbouring parts (default {SEQ_MAX_GAP})",
    "clause": "all/seq: true — every part in one clause (no comma, dash or conjunction between)",
    "sentence": "all/seq: true — every part in one sentence, and its not looked for there (in a rule of "
                "scope text)",
}
COMBINATOR_KEYS = {"all": ("all", "within", "clause", "sentence"), "seq": ("seq", "max_gap", "within", "clause", "sentence"), "any": ("any",), "not": ("not",),
                   "use": ("use", "as")}
EXAMPLE_KEYS = {
    "text": "the example text",
    "lang": "ru or kk: the language to analyze it as (default: detected)",
    "evidence": "match only: words the match must show as evidence (each a substring of the text)",
    "note": "why the example is here (negation, near miss, counter-speech...)",
}
CONTEXT_KEYS = {
    "kind": "negation, cue, quotation, question or refutation: how the context finds its cue",
    "names": "the context's name in en, ru and kk",
    "description": "what the context is, a string or {en, ru, kk}",
    "cues": "negation: list of {class, lang, before, after} — a cue word and how many words before/after "
            "the attack it reaches",
    "cue_classes": "cue, question, refutation: lexicon classes whose words are cues",
    "scope": "sentence or text: where a cue is looked for",
    "neighbor_sentences": "cue: how many sentences on either side also count (0 to 20)",
    "morphological": "negation: true — a Kazakh negation suffix on the attack verb, or a negated Kazakh "
                     "verb right after the attack words, is a cue too",
    "clause_openers": "negation, refutation: words that open a subordinate clause (что, деп); they decide "
                      "whether a cue before the attack words reaches them",
    "frame_classes": "quotation: lexicon classes of the frame words that must stand outside the quotes",
    "max_distance": "cue, refutation: at most this many words between the cue and the match's evidence",
    "contrast": "refutation: words that turn from the claim (а, но, бірақ): a refutation word before the claim "
                "does not reach across them",
    "endorsement": "attribution: words with which the writer takes the reported words up as his own (правильно "
                   "говорят, и это правда, дұрыс айтады); beside the report or after the claim they cancel it",
    "endorsement_classes": "attribution: lexicon classes of speakers whose words the writer passes on as binding "
                           "(a cited religious authority: \"так говорили шейхи\")",
    "not_when_called": "cue: true — a cue word right beside a modal of call (қамау керек, надо арестовать) is the "
                       "act called for, not a report of it",
}
MAX_EXPANDED_ATOMS = 500  # a rule with its named patterns expanded (hate.exclusion, the largest, has ~400)


# -- pattern tree ---------------------------------------------------------------------------
@quick_state
@dataclass(frozen=True, slots=True)
class Atom:
    """Matches one lexicon hit (class/entry/target/register) or one word (lemma/text/regex)."""

    role: str
    classes: frozenset[str] | None = None
    entries: frozenset[str] | None = None
    targets: frozenset[str] | None = None
    registers: frozenset[str] | None = None
    lemmas: frozenset[str] | None = None
    texts: frozenset[str] | None = None
    regex_id: str | None = None
    gram: frozenset[str] | None = None
    negated: bool | None = None
    not_gram: frozenset[str] | None = None  # grammemes the word must not show (1per: "уедем" is no demand)
    # the regex only excludes surface forms ("^(?!.*(ах|ях)$)": not a locative ending), it asks for none
    regex_excludes_only: bool = False
    on_hits: bool = False  # matches lexicon hits (class/entry/target/register), not bare words
    feature_keys: frozenset[str] = frozenset()  # features(), computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "on_hits", any(
            x is not None for x in (self.classes, self.entries, self.targets, self.registers)))
        object.__setattr__(self, "feature_keys", self._features())

    def features(self) -> frozenset[str]:
        """Token features of which at least one must be present for this atom to match."""
        return self.feature_keys

    def _features(self) -> frozenset[str]:
        if self.entries is not None:
            return frozenset("entry:" + e for e in self.entries)
        if self.classes is not None:
            return frozenset("class:" + c for c in self.classes)
        if self.targets is not None:
            return frozenset("target:" + t for t in self.targets)
        if self.lemmas is not None:
            return frozenset("lemma:" + w for w in self.lemmas)
        if self.texts is not None:
            return frozenset("text:" + w for w in self.texts)
        if self.regex_id is not None:
            return frozenset((self.regex_id,))
        return frozenset()


@quick_state
@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple["Node", ...]
    absent: tuple["Node", ...] = ()
    within: int | None = None
    ordered: bool = False
    max_gap: int | None = None
    clause: bool = False  # every part in one clause (no comma, dash or conjunction clause break between)
    sentence: bool = False  # every part in one sentence, `absent` looked for there (in a rule of text scope)


@quick_state
@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple["Node", ...]


Node = Union[Atom, AllOf, AnyOf]


MAX_REQUIREMENT_CLAUSES = 64


def _atom_requirements(atom: Atom) -> list[frozenset[str]]:
    """Every condition of an atom must hold, so each gives a clause of its own: a target-group
    atom (class: group, target: jewish) needs a group word AND a word of that group."""
    out = []
    if atom.entries is not None:
        out.append(frozenset("entry:" + e for e in atom.entries))
    if atom.classes is not None:
        out.append(frozenset("class:" + c for c in atom.classes))
    if atom.targets is not None:
        out.append(frozenset("target:" + t for t in atom.targets))
    if atom.lemmas is not None:
        out.append(frozenset("lemma:" + w for w in atom.lemmas))
    if atom.texts is not None:
        out.append(frozenset("text:" + w for w in atom.texts))
    if atom.regex_id is not None:
        out.append(frozenset((atom.regex_id,)))
    return out


def _minimal(clauses: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    """Drop clauses implied by a smaller one (a superset of a required set adds nothing)."""
    kept: list[frozenset[str]] = []
    for c in sorted(set(clauses), key=lambda c: (len(c), sorted(c))):
        if not any(k <= c for k in kept):
            kept.append(c)
    return kept


def _most_selective(left: list[frozenset[str]], right: list[frozenset[str]], limit: int) -> list[frozenset[str]]:
    """`sorted(_minimal(c | r for c in left for r in right), key=_selectivity)[:limit]`, without
    computing the rest.

    Clauses are taken in that order — (selectivity, then as `_minimal` sorts) — and each is
    compared with those kept: a subset of a clause is never less selective (no regex where the
    clause has none, fewer features), so it comes first.  The product of two 64-clause `any`
    parts is thousands of clauses of up to ~100 features; `_minimal` over all of them cost ~1 s
    per process for one rule."""
    weak = {c: _selectivity(c)[0] for c in (*left, *right)}  # has a regex: a union has one if a part has
    groups: dict[tuple[bool, int], set[frozenset[str]]] = {}
    for c in left:
        for r in right:
            u = c | r
            groups.setdefault((weak[c] or weak[r], len(u)), set()).add(u)
    kept: list[frozenset[str]] = []
    for key in sorted(groups):
        for c in sorted(groups[key], key=sorted):
            if not any(k <= c for k in kept):
                kept.append(c)
                if len(kept) >= limit:
                    return kept
    return kept


def requirements(node: Node, memo: dict[int, tuple] | None = None) -> list[frozenset[str]]:
    """The pattern as a conjunction of feature sets (CNF): every set must meet the text's features.

    Used to skip a rule without evaluating it, so it may require less than the pattern does, never
    more.  `any` is distributed: (A and B) or (C and D) needs (A or C), (A or D), (B or C), (B or D).

    `memo` (id(node) -> (node, clauses), the matcher's cache) keeps the clauses of every subtree:
    without it the clauses of a node's children are computed again for each of its ancestors."""
    if memo is not None:
        got = memo.get(id(node))
        if got is not None:
            return list(got[1])
        out = _requirements(node, memo)
        memo[id(node)] = (node, tuple(out))
        return out
    return _requirements(node, None)


def _requirements(node: Node, memo: dict[int, tuple] | None) -> list[frozenset[str]]:
    if isinstance(node, Atom):
        return _atom_requirements(node)
    if isinstance(node, AllOf):
        out: list[frozenset[str]] = []
        for p in node.parts:
            out.extend(requirements(p, memo))
        return _minimal(out)
    alternatives = [requirements(p, memo) for p in node.parts]
    if any(not reqs for reqs in alternatives):
        return []  # an alternative that needs nothing makes the whole `any` need nothing
    # The product is pruned as it grows: clauses implied by smaller ones go, and only the most
    # selective MAX_REQUIREMENT_CLAUSES stay. Dropping a clause of a CNF only weakens it, so
    # what remains is still implied by the pattern.
    clauses: list[frozenset[str]] = [frozenset()]
    for reqs in alternatives:
        clauses = _most_selective(clauses, reqs, MAX_REQUIREMENT_CLAUSES)
    return clauses


def _selectivity(clause: frozenset[str]) -> tuple[int, int]:
    """Smaller is rarer in text: a regex (often a negative lookahead that most words pass) is the
    weakest evidence, then bare words; lexicon classes and entries are the strongest."""
    return (sum(f.startswith("regex:") for f in clause) > 0, len(clause))


def pattern_nodes(node: Node) -> Iterator[Node]:
    """Every node of a pattern, its `absent` parts included, in one fixed order (pre-order)."""
    yield node
    if isinstance(node, AllOf):
        for p in node.parts + node.absent:
            yield from pattern_nodes(p)
    elif isinstance(node, AnyOf):
        for p in node.parts:
            yield from pattern_nodes(p)


def node_clause_table(rules: Iterable[Rule]) -> tuple[tuple[tuple[frozenset[str], ...], ...], ...]:
    """The requirement clauses of every node of every rule, in `pattern_nodes` order: what the
    matcher's memo (`requirements(node, memo)`) would hold once each node had been asked for."""
    memo: dict[int, tuple] = {}
    out = []
    for rule in rules:
        nodes = list(pattern_nodes(rule.pattern))
        for n in nodes:
            requirements(n, memo)
        out.append(tuple(memo[id(n)][1] for n in nodes))
    return tuple(out)


def atoms(node: Node) -> Iterable[Atom]:
    if isinstance(node, Atom):
        yield node
    elif isinstance(node, AllOf):
        for p in node.parts + node.absent:
            yield from atoms(p)
    else:
        for p in node.parts:
            yield from atoms(p)


def _grammemes() -> frozenset[str]:
    from ..morphology.grammemes import known_grammemes

    return known_grammemes()


def _substitute(raw: Any, args: dict[str, Any]) -> Any:
    """A named pattern's YAML with its $params filled in (a list argument spliced into a list)."""
    if isinstance(raw, str):
        return args.get(raw[1:], raw) if raw.startswith("$") else raw
    if isinstance(raw, YList):
        out = YList()
        out.loc, out.locs = raw.loc, []
        for i, item in enumerate(raw):
            new = _substitute(item, args)
            if isinstance(item, str) and item.startswith("$") and isinstance(new, list):
                out.extend(new)
                out.locs.extend([raw.loc_of(i)] * len(new))
            else:
                out.append(new)
                out.locs.append(raw.loc_of(i))
        return out
    if isinstance(raw, YMap):
        out = YMap()
        out.loc, out.locs = raw.loc, dict(raw.locs)
        for k, x in raw.items():
            out[k] = _substitute(x, args)
        return out
    return raw


def _with_role(node: Node, role: str) -> Node:
    """The same pattern with every atom playing `role` ({use: modal_must, as: call})."""
    if isinstance(node, Atom):
        return Atom(role, node.classes, node.entries, node.targets, node.registers, node.lemmas, node.texts,
                    node.regex_id, node.gram, node.negated, node.not_gram, node.regex_excludes_only)
    if isinstance(node, AllOf):
        return AllOf(tuple(_with_role(p, role) for p in node.parts), node.absent, node.within, node.ordered,
                     node.max_gap, node.clause, node.sentence)
    return AnyOf(tuple(_with_role(p, role) for p in node.parts))


# -- rules, narratives, contexts --------------------------------------------------------------
@quick_state
@dataclass(frozen=True, slots=True)
class Example:
    text: str
    lang: str | None
    evidence: tuple[str, ...]
    note: str
    line: int


@quick_state
@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: dict[str, str]
    description: str
    narrative: str
    targets: tuple[str, ...] | None  # None: any target
    severity: str
    langs: tuple[str, ...]
    status: str
    pattern: Node
    scope: str
    unless: tuple[str, ...]
    message: dict[str, str]
    match_examples: tuple[Example, ...]
    no_match_examples: tuple[Example, ...]
    references: tuple[str, ...]
    file: str
    line: int
    requirements: tuple[frozenset[str], ...] = ()
    narrative_by_target: bool = False  # the narrative of a match follows its target (targets.yaml)
    uses: tuple[str, ...] = ()  # the named patterns the rule references

    def title_in(self, ui_lang: str = "en") -> str:
        return self.title.get(ui_lang) or self.title["en"]


@quick_state
@dataclass(frozen=True, slots=True)
class Narrative:
    id: str
    names: dict[str, str]
    description: str

    def name(self, ui_lang: str = "en") -> str:
        return self.names.get(ui_lang) or self.names["en"]


@quick_state
@dataclass(frozen=True, slots=True)
class CueSpec:
    classes: frozenset[str]
    lang: str | None
    before: int
    after: int


@quick_state
@dataclass(frozen=True, slots=True)
class Context:
    """A named context that can suppress a match (see contexts.py for what each kind does)."""

    id: str
    kind: str
    description: str
    names: dict[str, str]
    cues: tuple[CueSpec, ...] = ()
    cue_classes: frozenset[str] = frozenset()
    scope: str = "sentence"
    neighbor_sentences: int = 0
    morphological: bool = False
    clause_openers: frozenset[str] = frozenset()
    frame_classes: frozenset[str] = frozenset()
    max_distance: int | None = None  # cue kind: at most this many words from the evidence
    contrast: frozenset[str] = frozenset()  # refutation kind: words that turn from the claim ("а", "бірақ")
    endorsement: frozenset[str] = frozenset()  # attribution kind: words that take the report up ("правильно")
    endorsement_classes: frozenset[str] = frozenset()  # attribution kind: speakers cited as binding (шейх)
    not_when_called: bool = False  # cue kind: a cue beside a modal of call is the act called for
    descriptions: dict[str, str] = field(default_factory=dict)  # the description per interface language

    def name(self, ui_lang: str = "en") -> str:
        return self.names.get(ui_lang) or self.names.get("en") or self.id

    def description_in(self, ui_lang: str = "en") -> str:
        """Why this context cancels a match, in the interface language (English as a fallback)."""
        return self.descriptions.get(ui_lang) or self.description


@quick_state
@dataclass(frozen=True, slots=True)
class NamedPattern:
    """A reusable sub-pattern from a ``patterns:`` file, referenced as ``{use: name}``."""

    name: str
    description: str
    node: "Node"
    file: str
    line: int
    uses: tuple[str, ...] = ()  # the named patterns it uses itself
    params: tuple[str, ...] = ()  # names a use site fills: {use: call_to_act, act: expulsion}


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    narratives: dict[str, Narrative] = field(default_factory=dict)
    contexts: dict[str, Context] = field(default_factory=dict)
    regexes: dict[str, regex.Pattern[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    patterns: dict[str, "NamedPattern"] = field(default_factory=dict)

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1)
    return f"did you mean {close[0]!r}?" if close else ""


def _multilang(v: Any) -> dict[str, str] | None:
    if isinstance(v, str):
        return {"en": v.strip()}
    if isinstance(v, YMap) and all(isinstance(x, str) for x in v.values()) and "en" in v:
        return {k: str(x).strip() for k, x in v.items()}
    return None


class _RuleReader:
    def __init__(self, classes: dict[str, Any], targets: dict[str, Any], entries: set[str],
                 check_regex_safety: bool = True):
        self.classes = classes
        self.targets = targets
        self.entries = entries
        self.check_regex_safety = check_regex_safety
        self.problems: list[Problem] = []
        self.set = RuleSet()
        self._raw_rules: list[tuple[YMap, Loc]] = []
        self._contexts_raw: list[tuple[YMap, bool]] = []
        self._patterns_raw: dict[str, tuple[Any, Loc, str, tuple[str, ...]]] = {}  # name -> (node, loc, description, params)
        self._instances: dict[tuple, Node] = {}  # (name, arguments) -> parsed pattern
        self._resolving: list[str] = []
        self._uses: set[str] = set()
        self._node_count = 0
        self._base_ids: set[tuple[str, str]] = set()
        self.reading_base = False

    def _redefines(self, registry: str, key: str, loc: Loc, what: str, base: bool) -> bool:
        """As in the lexicon: the user's files may override a bundled definition, not repeat their own."""
        if (registry, key) in self._base_ids and not base:
            self._base_ids.discard((registry, key))
            return False
        if base:
            self._base_ids.add((registry, key))
        if key in getattr(self.set, registry) and (registry, key) not in self._base_ids:
            self.fail(loc, f"{what} {key!r} is defined twice")
            return True
        return False

    def fail(self, loc: Loc, message: str, hint: str = "") -> None:
        self.problems.append(loc.problem(message, hint))

    def read_file(self, path: Path) -> None:
        from ..schema.yamlload import load_yaml_file  # PyYAML only when a file is read

        try:
            doc = load_yaml_file(path)
        except YamlProblem as exc:
            self.problems.append(exc.problem)
            return
        self.set.files.append(str(path))
        top = Loc(str(path), 1, 1)
        if doc is None:
            self.fail(top, "empty file")
            return
        if not isinstance(doc, YMap):
            self.fail(top, "a rule file must be a mapping", "start with 'id:' (a rule), 'narratives:' or 'contexts:'")
            return
        if "narratives" in doc:
            self._read_narratives(doc)
        elif "patterns" in doc:
            self._read_patterns(doc, self.reading_base)
        elif "contexts" in doc:
            self._contexts_raw.append((doc, self.reading_base))
        else:
            self._raw_rules.append((doc, top))

    def _read_narratives(self, doc: YMap) -> None:
        node = doc["narratives"]
        if not isinstance(node, YMap):
            self.fail(doc.loc_of("narratives"), "'narratives' must map ids to {names, description}")
            return
        for nid, spec in node.items():
            loc = node.loc_of(nid)
            if not isinstance(spec, YMap) or not isinstance(spec.get("names"), YMap):
                self.fail(loc, f"narrative {nid!r} needs names: {{en, ru, kk}} and a description")
                continue
            names = {k: str(v) for k, v in spec["names"].items()}
            missing = [lang for lang in UI_LANGS if not names.get(lang)]
            if missing:
                self.fail(spec.loc_of("names"), f"narrative {nid!r} has no name in {', '.join(missing)}")
                continue
            if self._redefines("narratives", nid, loc, "narrative", self.reading_base):
                continue
            self.set.narratives[nid] = Narrative(nid, names, str(spec.get("description", "")).strip())

    def _read_patterns(self, doc: YMap, base: bool) -> None:
        node = doc["patterns"]
        if not isinstance(node, YMap):
            self.fail(doc.loc_of("patterns"), "'patterns' must map names to {description, pattern}")
            return
        for name, spec in node.items():
            loc = node.loc_of(name)
            if not isinstance(name, str) or not regex.match(r"^[a-z][a-z0-9_]*$", name):
                self.fail(loc, f"pattern name {name!r} must be lower_snake_case")
                continue
            if not isinstance(spec, YMap) or "pattern" not in spec:
                self.fail(loc, f"pattern {name!r} needs 'pattern' (and a 'description')")
                continue
            for k in spec:
                if k not in ("pattern", "description", "params"):
                    self.fail(spec.loc_of(k), f"unknown field {k!r} in pattern {name!r}",
                              "use description, params and pattern")
            params = spec.get("params", [])
            if not isinstance(params, list) or not all(isinstance(p, str) and regex.match(r"^[a-z][a-z0-9_]*$", p)
                                                       and p not in ("use", "as") for p in params):
                self.fail(spec.loc_of("params"), f"pattern {name!r}: params must be a list of lower_snake_case names")
                params = []
            description = spec.get("description", "")
            if not isinstance(description, str) or not description.strip():
                self.fail(spec.loc_of("description") if "description" in spec else loc,
                          f"pattern {name!r} needs a description: what it matches and why")
            if self._redefines_pattern(name, loc, base):
                continue
            self._patterns_raw[name] = (spec["pattern"], spec.loc_of("pattern"), " ".join(str(description).split()),
                                        tuple(params))

    def _redefines_pattern(self, name: str, loc: Loc, base: bool) -> bool:
        if ("patterns", name) in self._base_ids and not base:
            self._base_ids.discard(("patterns", name))
            self.set.patterns.pop(name, None)
            return False
        if base:
            self._base_ids.add(("patterns", name))
        if name in self._patterns_raw and ("patterns", name) not in self._base_ids:
            self.fail(loc, f"pattern {name!r} is defined twice")
            return True
        return False

    def _named(self, name: str, loc: Loc, args: dict[str, Any] | None = None) -> Node | None:
        """The named pattern, parsed once per set of arguments (its own node count starts afresh)."""
        args = args or {}
        key = (name, repr(sorted(args.items())))
        got = self._instances.get(key)
        if got is not None:
            return got
        if name not in self._patterns_raw:
            self.fail(loc, f"unknown pattern {name!r}", _suggest(name, self._patterns_raw) or "define it in patterns.yaml")
            return None
        if name in self._resolving:
            cycle = " → ".join(self._resolving[self._resolving.index(name):] + [name])
            self.fail(loc, f"pattern {name!r} uses itself ({cycle})")
            return None
        raw, ploc, description, params = self._patterns_raw[name]
        missing = [p for p in params if p not in args]
        unknown = [a for a in args if a not in params]
        if missing or unknown:
            what = (f"needs {', '.join(missing)}" if missing else "") + ("; " if missing and unknown else "") + \
                (f"takes no {', '.join(unknown)}" if unknown else "")
            self.fail(loc, f"pattern {name!r} {what}", f"its params: {', '.join(params) or 'none'}")
            return None
        self._resolving.append(name)
        saved, saved_uses = self._node_count, self._uses
        self._node_count, self._uses = 0, set()
        node = self._node(_substitute(raw, args) if args else raw, ploc, f"pattern.{name}")
        inner_uses = self._uses
        self._node_count, self._uses = saved, saved_uses
        self._resolving.pop()
        if node is None:
            return None
        if isinstance(node, AllOf) and not node.parts and node.absent:
            self.fail(ploc, f"pattern {name!r} is only a 'not'", "write `not: {use: ...}` in the rule instead")
            return None
        self._instances[key] = node
        if name not in self.set.patterns:
            shown = node if not params else None  # a pattern with params is shown as written, with its params
            self.set.patterns[name] = NamedPattern(name, description, shown, ploc.file, ploc.line,
                                                   tuple(sorted(inner_uses)), params)
        return node

    def resolve_patterns(self) -> None:
        """Parse every named pattern without params, used or not, so that a broken one is reported
        (a pattern with params is checked at each use, with its arguments)."""
        for name, (_raw, loc, _d, params) in list(self._patterns_raw.items()):
            if not params:
                self._named(name, loc)

    def read_contexts(self) -> None:
        for doc, base in self._contexts_raw:
            node = doc["contexts"]
            if not isinstance(node, YMap):
                self.fail(doc.loc_of("contexts"), "'contexts' must map ids to context definitions")
                continue
            for cid, spec in node.items():
                ctx = self._context(cid, spec, node.loc_of(cid))
                if ctx is None:
                    continue
                if self._redefines("contexts", cid, node.loc_of(cid), "context", base):
                    continue
                self.set.contexts[cid] = ctx

    def _class_set(self, v: Any, loc: Loc, what: str) -> frozenset[str]:
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
            self.fail(loc, f"{what} must be a class id or a list of class ids")
            return frozenset()
        for c in items:
            if c not in self.classes:
                self.fail(loc, f"unknown class {c!r} in {what}", _suggest(c, self.classes))
        return frozenset(items)

    def _context(self, cid: str, spec: Any, loc: Loc) -> Context | None:
        if not isinstance(spec, YMap):
            self.fail(loc, f"context {cid!r} must be a mapping")
            return None
        for k in spec:
            if k not in CONTEXT_KEYS:
                self.fail(spec.loc_of(k), f"unknown context field {k!r}", _suggest(k, CONTEXT_KEYS))
        kind = spec.get("kind")
        if kind not in CONTEXT_KINDS:
            self.fail(spec.loc_of("kind"), f"context {cid!r}: kind must be one of {', '.join(CONTEXT_KINDS)}")
            return None
        names = _multilang(spec.get("names", {"en": cid})) or {"en": cid}
        cues: list[CueSpec] = []
        cue_list = spec.get("cues") or []
        if not isinstance(cue_list, list):
            self.fail(spec.loc_of("cues"), f"context {cid!r}: cues must be a list of {{class, lang, before, after}}")
            cue_list = []
        for i, cue in enumerate(cue_list):
            cloc = cue_list.loc_of(i) if isinstance(cue_list, YList) else spec.loc_of("cues")
            if not isinstance(cue, YMap):
                self.fail(cloc, "each cue must be {class, lang, before, after}")
                continue
            lang = cue.get("lang")
            if lang is not None and lang not in LANGS:
                self.fail(cue.loc_of("lang"), "cue lang must be ru or kk")
            before, after = cue.get("before", 0), cue.get("after", 0)
            if not isinstance(before, int) or not isinstance(after, int) or before < 0 or after < 0:
                self.fail(cloc, "before/after must be non-negative integers (words)")
                continue
            cues.append(CueSpec(self._class_set(cue.get("class"), cue.loc_of("class"), "cue class"), lang, before, after))
        scope = spec.get("scope", "sentence")
        if scope not in SCOPES:
            self.fail(spec.loc_of("scope"), f"scope must be one of {', '.join(SCOPES)}")
        cue_classes = self._class_set(spec["cue_classes"], spec.loc_of("cue_classes"), "cue_classes") if "cue_classes" in spec else frozenset()
        frame_classes = self._class_set(spec["frame_classes"], spec.loc_of("frame_classes"), "frame_classes") if "frame_classes" in spec else frozenset()
        endorsement_classes = (self._class_set(spec["endorsement_classes"], spec.loc_of("endorsement_classes"), "endorsement_classes")
                               if "endorsement_classes" in spec else frozenset())
        if kind == "negation" and not cues:
            self.fail(loc, f"context {cid!r} of kind negation needs 'cues'")
        if kind in ("cue", "question", "refutation", "echo", "attribution") and not cue_classes:
            self.fail(loc, f"context {cid!r} of kind {kind} needs 'cue_classes'")
        if kind == "quotation" and not frame_classes:
            self.fail(loc, f"context {cid!r} of kind quotation needs 'frame_classes'")
        openers = spec.get("clause_openers", []) or []
        if not isinstance(openers, list) or not all(isinstance(w, str) for w in openers):
            self.fail(spec.loc_of("clause_openers"), f"context {cid!r}: clause_openers must be a list of words")
            openers = []
        neighbors = spec.get("neighbor_sentences", 0) or 0
        if not isinstance(neighbors, int) or isinstance(neighbors, bool) or not 0 <= neighbors <= 20:
            self.fail(spec.loc_of("neighbor_sentences"),
                      f"context {cid!r}: neighbor_sentences must be a number of sentences from 0 to 20")
            neighbors = 0
        morphological = spec.get("morphological", False)
        if not isinstance(morphological, bool):
            self.fail(spec.loc_of("morphological"), f"context {cid!r}: morphological must be true or false")
            morphological = False
        not_when_called = spec.get("not_when_called", False)
        if not isinstance(not_when_called, bool):
            self.fail(spec.loc_of("not_when_called"), f"context {cid!r}: not_when_called must be true or false")
            not_when_called = False
        max_distance = spec.get("max_distance")
        if max_distance is not None and (not isinstance(max_distance, int) or max_distance < 1):
            self.fail(spec.loc_of("max_distance"), "max_distance must be a positive number of words")
            max_distance = None
        descriptions = _multilang(spec.get("description", "")) if "description" in spec else {"en": ""}
        if descriptions is None:
            self.fail(spec.loc_of("description"), f"context {cid!r}: description must be a string or {{en: ..., ru: ..., kk: ...}}")
            descriptions = {"en": ""}
        descriptions = {k: " ".join(v.split()) for k, v in descriptions.items()}
        return Context(
            id=cid, kind=kind, description=descriptions.get("en", ""), descriptions=descriptions, names=names,
            cues=tuple(cues), cue_classes=cue_classes, scope=scope,
            neighbor_sentences=neighbors,
            morphological=morphological,
            clause_openers=frozenset(norm_word(w) for w in openers if isinstance(w, str)),
            frame_classes=frame_classes, max_distance=max_distance,
            contrast=frozenset(norm_word(w) for w in (spec.get("contrast") or []) if isinstance(w, str)),
            endorsement=frozenset(norm_word(w) for w in (spec.get("endorsement") or []) if isinstance(w, str)),
            endorsement_classes=endorsement_classes,
            not_when_called=not_when_called,
        )

    def check_target_narratives(self) -> None:
        """A target's narrative (targets.yaml) must be one of the narratives the rules know."""
        for tid, info in self.targets.items():
            narrative = getattr(info, "narrative", None)
            if narrative and narrative not in self.set.narratives:
                file, line, column = getattr(info, "narrative_at", None) or ("", 0, 0)
                self.fail(Loc(file or "targets.yaml", line or 1, column or 1),
                          f"target {tid!r} names unknown narrative {narrative!r}", _suggest(narrative, self.set.narratives))

    # -- rules ----------------------------------------------------------------------------
    def build_rules(self) -> None:
        seen: dict[str, Loc] = {}
        for doc, top in self._raw_rules:
            rule = self._rule(doc, top)
            if rule is None:
                continue
            if rule.id in seen:
                first = seen[rule.id]
                self.fail(doc.loc_of("id"), f"duplicate rule id {rule.id!r}", f"first defined in {first.file}")
                continue
            seen[rule.id] = top
            self.set.rules.append(rule)

    def _rule(self, d: YMap, top: Loc) -> Rule | None:
        before = len(self.problems)
        for k in d:
            if k not in RULE_KEYS:
                self.fail(d.loc_of(k), f"unknown rule field {k!r}", _suggest(k, RULE_KEYS) or "see CONTRIBUTING.md")
        for k in ("id", "title", "description", "narrative", "targets", "severity", "langs", "pattern", "examples"):
            if k not in d:
                self.fail(top, f"rule needs {k!r}: {RULE_KEYS[k]}")
        if len(self.problems) > before:
            return None
        rid = d["id"]
        if not isinstance(rid, str) or not _RULE_ID.match(rid):
            self.fail(d.loc_of("id"), f"rule id {rid!r} is malformed", "use dotted lower_snake_case, e.g. hate.expulsion")
        title = _multilang(d["title"])
        if title is None:
            self.fail(d.loc_of("title"), "title must be a string or {en: ..., ru: ..., kk: ...}")
        description = d["description"]
        if not isinstance(description, str) or len(description.strip()) < 20:
            self.fail(d.loc_of("description"), "description must say what the text does and why it is harmful (20+ characters)")
        narrative = d["narrative"]
        if not isinstance(narrative, str) or narrative not in self.set.narratives:
            self.fail(d.loc_of("narrative"), f"unknown narrative {narrative!r}", _suggest(str(narrative), self.set.narratives))
        targets_v = d["targets"]
        targets: tuple[str, ...] | None
        if targets_v == "any":
            targets = None
        elif isinstance(targets_v, list) and targets_v and all(isinstance(t, str) for t in targets_v):
            targets = tuple(targets_v)
            for t in targets:
                if t not in self.targets:
                    self.fail(d.loc_of("targets"), f"unknown target {t!r}", _suggest(t, self.targets))
        else:
            targets = None
            self.fail(d.loc_of("targets"), "targets must be a list of target ids or 'any'")
        severity = d["severity"]
        if severity not in SEVERITIES:
            self.fail(d.loc_of("severity"), f"severity must be one of {', '.join(SEVERITIES)}")
        langs_v = d["langs"]
        langs = tuple(langs_v) if isinstance(langs_v, list) else ()
        if not langs or any(x not in LANGS for x in langs):
            self.fail(d.loc_of("langs"), "langs must be a list drawn from ru and kk")
        status = d.get("status", "stable")
        if status not in STATUSES:
            self.fail(d.loc_of("status"), f"status must be one of {', '.join(STATUSES)}")
        scope = d.get("scope", "sentence")
        if scope not in SCOPES:
            self.fail(d.loc_of("scope"), f"scope must be one of {', '.join(SCOPES)}")
        unless_v = d.get("unless", None)
        if unless_v is None:
            unless = tuple(self.set.contexts)
        elif isinstance(unless_v, list) and all(isinstance(u, str) for u in unless_v):
            unless = tuple(unless_v)
            for u in unless:
                if u not in self.set.contexts:
                    self.fail(d.loc_of("unless"), f"unknown context {u!r}", _suggest(u, self.set.contexts))
        else:
            unless = ()
            self.fail(d.loc_of("unless"), "unless must be a list of context ids")
        message = {}
        if "message" in d:
            message = _multilang(d["message"]) or {}
            if not message:
                self.fail(d.loc_of("message"), "message must be a string or {en: ..., ru: ..., kk: ...}")
        by_target = d.get("narrative_by_target", False)
        if not isinstance(by_target, bool):
            self.fail(d.loc_of("narrative_by_target"), "narrative_by_target must be true or false")
            by_target = False
        self._node_count = 0
        self._uses = set()
        pattern = self._node(d["pattern"], d.loc_of("pattern"), str(rid), top_level=True)
        if pattern is not None:
            n_atoms = sum(1 for _ in atoms(pattern))
            if n_atoms > MAX_EXPANDED_ATOMS:
                self.fail(d.loc_of("pattern"), f"pattern has {n_atoms} atoms with its named patterns expanded "
                          f"(more than {MAX_EXPANDED_ATOMS})", "split the rule")
        if message and pattern is not None:
            fields = {"target", "antecedent"} | {a.role for a in atoms(pattern)}
            for lang_code, template in message.items():
                problem = template_problem(template, fields)
                if problem:
                    self.fail(d.loc_of("message"), f"message ({lang_code}): {problem}",
                              "a message names fields in braces: {target} or a role of the pattern ({"
                              + "}, {".join(sorted(fields - {"target", "antecedent"})[:4]) + "}), optionally "
                              f"padded to a width of at most {MAX_FIELD_WIDTH}: {{target:<20}}; write {{{{ and }}}} "
                              "for braces")
        match_ex, no_match_ex = self._examples(d["examples"], d.loc_of("examples"))
        refs = d.get("references", [])
        if len(self.problems) > before or pattern is None:
            return None
        return Rule(
            id=rid, title=title, description=" ".join(description.split()), narrative=narrative,
            targets=targets, severity=severity, langs=langs, status=status, pattern=pattern, scope=scope,
            unless=unless, message=message, match_examples=match_ex, no_match_examples=no_match_ex,
            references=tuple(str(r) for r in refs) if isinstance(refs, list) else (str(refs),),
            file=top.file, line=top.line, requirements=tuple(requirements(pattern)),
            narrative_by_target=by_target, uses=tuple(sorted(self._uses)),
        )

    def _examples(self, v: Any, loc: Loc) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        if not isinstance(v, YMap) or "match" not in v or "no_match" not in v:
            self.fail(loc, "examples must have 'match' and 'no_match' lists")
            return (), ()
        for k in v:
            if k not in ("match", "no_match"):
                self.fail(v.loc_of(k), f"unknown examples key {k!r}", "use match and no_match")
        out = []
        for key in ("match", "no_match"):
            items = v[key]
            exs = []
            if not isinstance(items, YList) or not items:
                self.fail(v.loc_of(key), f"examples.{key} must be a non-empty list")
                out.append(())
                continue
            for i, item in enumerate(items):
                iloc = items.loc_of(i)
                if isinstance(item, str):
                    exs.append(Example(item, None, (), "", iloc.line))
                    continue
                if not isinstance(item, YMap) or not isinstance(item.get("text"), str):
                    self.fail(iloc, "an example is a string or {text, lang, evidence, note}")
                    continue
                for k in item:
                    if k not in EXAMPLE_KEYS:
                        self.fail(item.loc_of(k), f"unknown example field {k!r}", _suggest(k, EXAMPLE_KEYS))
                lang = item.get("lang")
                if lang is not None and lang not in LANGS:
                    self.fail(item.loc_of("lang"), "example lang must be ru or kk")
                evidence = item.get("evidence", [])
                if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
                    self.fail(item.loc_of("evidence"), "evidence must be a list of exact substrings")
                    evidence = []
                for e in evidence:
                    if e not in item["text"]:
                        self.fail(item.loc_of("evidence"), f"evidence {e!r} is not a substring of the example text")
                if key == "no_match" and evidence:
                    self.fail(item.loc_of("evidence"), "no_match examples cannot list evidence")
                exs.append(Example(item["text"], lang, tuple(evidence), str(item.get("note", "")), iloc.line))
            out.append(tuple(exs))
        return out[0], out[1]

    def _node(self, v: Any, loc: Loc, rid: str, top_level: bool = False, in_all: bool = False) -> Node | None:
        self._node_count += 1
        if self._node_count > MAX_PATTERN_NODES:
            if self._node_count == MAX_PATTERN_NODES + 1:
                self.fail(loc, f"pattern has more than {MAX_PATTERN_NODES} nodes", "split the rule")
            return None
        if not isinstance(v, YMap) or not v:
            self.fail(loc, "a pattern node must be a mapping: an atom or one of all/any/seq/not")
            return None
        comb = [k for k in v if k in COMBINATOR_KEYS]
        if len(comb) > 1:
            self.fail(loc, f"a node may use only one of all/any/seq/not, found {', '.join(comb)}")
            return None
        if comb:
            kind = comb[0]
            for k in v:
                if k not in COMBINATOR_KEYS[kind] and kind != "use":
                    self.fail(v.loc_of(k), f"{k!r} is not allowed in a {kind!r} node", f"allowed: {', '.join(COMBINATOR_KEYS[kind])}")
            if kind == "use":
                return self._use(v, rid)
            if kind == "not":
                if not in_all:
                    self.fail(loc, "'not' is only allowed inside 'all' or 'seq'")
                    return None
                inner = self._node(v["not"], v.loc_of("not"), rid)
                return None if inner is None else AllOf((), (inner,))  # marker, unwrapped by caller
            items = v[kind]
            if not isinstance(items, YList) or not items:
                self.fail(v.loc_of(kind), f"{kind!r} needs a non-empty list")
                return None
            parts: list[Node] = []
            absent: list[Node] = []
            for i, item in enumerate(items):
                child = self._node(item, items.loc_of(i), rid, in_all=kind in ("all", "seq"))
                if child is None:
                    continue
                if isinstance(child, AllOf) and not child.parts and child.absent:
                    absent.extend(child.absent)
                else:
                    parts.append(child)
            if not parts:
                self.fail(v.loc_of(kind), f"{kind!r} needs at least one positive part (not only 'not')")
                return None
            if kind == "any":
                return AnyOf(tuple(parts))
            within = v.get("within")
            max_gap = v.get("max_gap")
            for name, val in (("within", within), ("max_gap", max_gap)):
                if val is not None and (not isinstance(val, int) or isinstance(val, bool) or not 0 <= val <= 200):
                    self.fail(v.loc_of(name), f"{name} must be a number of words between 0 and 200")
            clause = v.get("clause", False)
            if not isinstance(clause, bool):
                self.fail(v.loc_of("clause"), "clause must be true or false")
                clause = False
            sentence = v.get("sentence", False)
            if not isinstance(sentence, bool):
                self.fail(v.loc_of("sentence"), "sentence must be true or false")
                sentence = False
            if kind == "seq":
                return AllOf(tuple(parts), tuple(absent), within, True, max_gap if max_gap is not None else SEQ_MAX_GAP, clause,
                             sentence)
            return AllOf(tuple(parts), tuple(absent), within, clause=clause, sentence=sentence)
        return self._atom(v, loc, rid)

    def _use(self, v: YMap, rid: str) -> Node | None:
        name = v["use"]
        loc = v.loc_of("use")
        if not isinstance(name, str):
            self.fail(loc, "use must name a pattern from patterns.yaml")
            return None
        args = {k: x for k, x in v.items() if k not in ("use", "as")}
        node = self._named(name, loc, args)
        if node is None:
            return None
        self._uses.add(name)
        self._uses.update(self.set.patterns[name].uses)
        role = v.get("as")
        if role is None:
            return node
        if not isinstance(role, str) or not regex.match(r"^[a-z][a-z0-9_]*$", role):
            self.fail(v.loc_of("as"), "'as' must be a lower_snake_case role name")
            return node
        return _with_role(node, role)

    def _atom(self, v: YMap, loc: Loc, rid: str) -> Atom | None:
        before = len(self.problems)
        for k in v:
            if k not in ATOM_KEYS:
                self.fail(v.loc_of(k), f"unknown pattern key {k!r}", _suggest(k, (*ATOM_KEYS, *COMBINATOR_KEYS)))

        def str_set(key: str) -> frozenset[str] | None:
            if key not in v:
                return None
            x = v[key]
            items = [x] if isinstance(x, str) else x
            if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
                self.fail(v.loc_of(key), f"{key!r} must be a string or a non-empty list of strings")
                return None
            if len(items) > MAX_ATOM_WORDS or any(len(i) > MAX_WORD_LEN for i in items):
                self.fail(v.loc_of(key), f"{key!r} must list at most {MAX_ATOM_WORDS} items of at most "
                          f"{MAX_WORD_LEN} characters")
                return None
            return frozenset(items)

        classes = str_set("class")
        for c in classes or ():
            if c not in self.classes:
                self.fail(v.loc_of("class"), f"unknown class {c!r}", _suggest(c, self.classes) or "declare it in the lexicon's classes.yaml")
        entries = str_set("entry")
        # a bundled named pattern may name bundled entries that a lexicon of one's own lacks: that
        # part of it never matches there (with the bundled lexicon, validate still checks every name)
        in_bundled_pattern = any(("patterns", name) in self._base_ids for name in self._resolving)
        for e in entries or ():
            if e not in self.entries and not in_bundled_pattern:
                self.fail(v.loc_of("entry"), f"unknown lexicon entry {e!r}", _suggest(e, self.entries))
        targets = str_set("target")
        for t in targets or ():
            if t not in self.targets:
                self.fail(v.loc_of("target"), f"unknown target {t!r}", _suggest(t, self.targets))
        registers = str_set("register")
        for r in registers or ():
            if r not in REGISTERS:
                self.fail(v.loc_of("register"), f"unknown register {r!r}")
        lemmas = str_set("lemma")
        lemmas = frozenset(norm_word(w) for w in lemmas) if lemmas else lemmas
        texts = str_set("text")
        texts = frozenset(norm_word(w) for w in texts) if texts else texts
        regex_id = None
        if "regex" in v:
            regex_id = self._regex(v["regex"], v.loc_of("regex"), rid)
        gram = str_set("gram")
        not_gram = str_set("not_gram")
        for key, names in (("gram", gram), ("not_gram", not_gram)):
            unknown = sorted(g for g in names or () if g not in _grammemes())
            for g in unknown:
                self.fail(v.loc_of(key), f"unknown grammeme {g!r}",
                          _suggest(g, _grammemes()) or "Russian ones are pymorphy3's (OpenCorporaTag), Kazakh ones are in "
                          "hsengine/morphology/grammemes.py")
        negated = v.get("negated")
        if negated is not None and not isinstance(negated, bool):
            self.fail(v.loc_of("negated"), "negated must be true or false")
        if not any(x is not None for x in (classes, entries, targets, registers, lemmas, texts, regex_id)):
            if len(self.problems) == before:
                self.fail(loc, "an atom needs at least one of class, entry, target, register, lemma, text, regex",
                          "an empty atom would match every word")
            return None
        role = v.get("as")
        if role is not None and (not isinstance(role, str) or not regex.match(r"^[a-z][a-z0-9_]*$", role)):
            self.fail(v.loc_of("as"), "'as' must be a lower_snake_case role name")
            role = None
        if role is None:
            if classes and any(self.classes.get(c) and self.classes[c].kind == "target" for c in classes):
                role = "target"
            elif targets and not classes:
                role = "target"
            elif classes:
                role = sorted(classes)[0]
            elif entries:
                role = "term"
            else:
                role = "word"
        if len(self.problems) > before:
            return None
        excludes_only = regex_id is not None and bool(_EXCLUDES_ONLY.fullmatch(v["regex"]))
        return Atom(role, classes, entries, targets, registers, lemmas, texts, regex_id, gram, negated, not_gram,
                    excludes_only)

    def _regex(self, pattern: Any, loc: Loc, rid: str) -> str | None:
        if not isinstance(pattern, str) or not pattern:
            self.fail(loc, "regex must be a non-empty string")
            return None
        if len(pattern) > MAX_REGEX_LEN:
            self.fail(loc, f"regex longer than {MAX_REGEX_LEN} characters")
            return None
        try:
            compiled = regex.compile(pattern)
        except regex.error as exc:
            self.fail(loc, f"invalid regular expression: {exc}")
            return None
        if self.check_regex_safety:
            slow = regex_is_slow(compiled)
            if slow:
                self.fail(loc, f"regular expression backtracks catastrophically ({slow})",
                          "avoid nested quantifiers such as (a+)+ and repeated alternatives that can match the "
                          "same letters, such as (ж|жж)+; regexes run on single words")
                return None
        rid_feature = f"regex:{rid}#{len(self.set.regexes)}"
        self.set.regexes[rid_feature] = compiled
        return rid_feature


# a regex that is one negative lookahead at the start: it rules surface forms out, asks for none
_EXCLUDES_ONLY = lazy_compile(r"\^\(\?![^()]*(\([^()]*\)[^()]*)*\)")


_PROBES = ("a" * 3000 + "!", "а" * 3000 + "!", "ab" * 1500 + "!", "1" * 3000 + "x", "a " * 1500 + "!", "x" * 3000)
# A quantified group that itself contains a quantifier: (a+)+, (\w+\s?)*, (a|aa){2,}
_NESTED_QUANTIFIER = lazy_compile(r"\((?:[^()\\]|\\.)*(?<!\\)[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)")
_PROBE_LENGTHS = (16, 32, 64)  # rule regexes run on single words of at most 64 characters (MAX_MORPH_LEN)


def _pattern_letters(pattern: str, limit: int = 10) -> list[str]:
    """The letters and digits a pattern spells out (escapes such as \\w or \\p{L} skipped),
    then a Latin, a Cyrillic and a digit stand-in for its classes."""
    out: dict[str, None] = {}
    i = 0
    while i < len(pattern) and len(out) < limit:
        ch = pattern[i]
        if ch == "\\":
            if pattern[i + 1:i + 2] in ("p", "P") and pattern[i + 2:i + 3] == "{":
                end = pattern.find("}", i)
                i = end + 1 if end > 0 else len(pattern)
            else:
                i += 2
            continue
        if ch.isalnum():
            out.setdefault(ch.lower(), None)
        i += 1
    for stand_in in ("a", "ж", "1"):
        out.setdefault(stand_in, None)
    return list(out)


def probe_words(pattern: str) -> list[str]:
    """Adversarial words for one pattern: runs of each of its letters and of pairs of them, as long
    as words get, each also followed by a character that makes the match fail at the very end
    (where an ambiguous pattern such as ^(ж|жж)+б$ tries every way to split the run)."""
    letters = _pattern_letters(pattern)
    units = letters + [a + b for i, a in enumerate(letters[:6]) for b in letters[i + 1:6]]
    words = []
    for unit in units:
        for n in _PROBE_LENGTHS:
            run = (unit * n)[:n]
            words += [run, run + "!"]
    return words


def regex_is_slow(pattern: regex.Pattern[str], budget: float = 0.05) -> str:
    """A reason if the pattern is built to backtrack, or is slow on adversarial probe words: long
    generic runs, and words made of the pattern's own letters.  Time is the CPU time of the
    search (a loaded machine does not make a fast pattern look slow)."""
    from ..lexicon.regex_budget import timed_search

    if _NESTED_QUANTIFIER.search(pattern.pattern):
        return "a quantified group contains another quantifier"
    for probe in (*_PROBES, *probe_words(pattern.pattern)):
        if timed_search(pattern, probe, budget)[1]:
            shown = probe if len(probe) <= 24 else f"{probe[:12]}…{probe[-4:]}"
            return f"more than {int(budget * 1000)} ms on the {len(probe)}-character probe word {shown!r}"
    return ""


def read_rules(paths: Sequence[str | Path], registry_paths: Sequence[str | Path], *, classes: dict[str, Any],
               targets: dict[str, Any], entries: set[str]) -> RuleSet:
    """Read and validate rule files; raise ConfigError listing every problem."""
    reader = _RuleReader(classes, targets, entries)
    base = iter_yaml_files(registry_paths)
    seen = {p.resolve() for p in base}
    files = [p for p in iter_yaml_files(paths) if p.resolve() not in seen]
    if not files:
        where = ", ".join(str(p) for p in paths) or "<none>"
        raise ConfigError([Problem(str(paths[0]) if paths else "<rules>", 1, 1,
                                   f"no rule files (.yaml) found under {where}")])
    reader.reading_base = True
    for path in base:
        reader.read_file(path)
    reader.reading_base = False
    for path in files:
        if not path.exists():
            reader.problems.append(Problem(str(path), 1, 1, "file or directory does not exist"))
            continue
        reader.read_file(path)
    reader.read_contexts()
    reader.resolve_patterns()
    reader.build_rules()
    reader.check_target_narratives()
    if reader.problems:
        raise ConfigError(reader.problems)
    return reader.set


# -- message templates ------------------------------------------------------------------------
# A message is a small template language, not Python's str.format: {name} or {name:<N}, {name:>N},
# {name:^N} (N <= MAX_FIELD_WIDTH), and {{ }} for braces.  str.format would let a rule file pad a
# field to 300,000,000 characters per match, or walk attributes: {target.__class__.__mro__}.
_TEMPLATE_PART = lazy_compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)(?::([<>^]?)([0-9]{1,3}))?\}|[{}]")


def template_problem(template: str, fields: set[str] | frozenset[str] | None = None) -> str:
    """Why `template` is not a valid message template (or names a field not in `fields`), or ""."""
    if len(template) > MAX_MESSAGE_LEN:
        return f"longer than {MAX_MESSAGE_LEN} characters"
    for m in _TEMPLATE_PART.finditer(template):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            rest = template[m.start():m.start() + 30]
            return (f"{rest!r}: only named fields such as {{target}} may stand in braces (no attributes, "
                    "indexes, conversions or nested fields)")
        if m.group(3) is not None and int(m.group(3)) > MAX_FIELD_WIDTH:
            return f"{token}: a field may be padded to at most {MAX_FIELD_WIDTH} characters"
        if fields is not None and m.group(1) not in fields:
            return f"{token}: unknown field {m.group(1)!r}"
    return ""


def render_template(template: str, values: dict[str, str]) -> str:
    """Fill a template checked by `template_problem`; unknown fields are empty.  Raises ValueError
    on a template that is not valid (one that did not come through the loader)."""
    problem = template_problem(template)
    if problem:
        raise ValueError(problem)

    def fill(m: Any) -> str:
        token = m.group()
        if token in ("{{", "}}"):
            return token[0]
        value = str(values.get(m.group(1), ""))
        if m.group(3) is not None:
            return format(value, f"{m.group(2) or '<'}{int(m.group(3))}")
        return value

    return _TEMPLATE_PART.sub(fill, template)


def render_pattern(node: Node, regexes: dict[str, Any], indent: str = "") -> list[str]:
    """The pattern tree as indented lines (atoms as {key: value} like the YAML): what `hsengine
    rules show` and the catalogue print."""
    if isinstance(node, Atom):
        parts = []
        for key, value in (("class", node.classes), ("entry", node.entries), ("target", node.targets),
                           ("register", node.registers), ("lemma", node.lemmas), ("text", node.texts),
                           ("gram", node.gram), ("not_gram", node.not_gram)):
            if value:
                items = sorted(value)
                parts.append(f"{key}: {items[0] if len(items) == 1 else '[' + ', '.join(items) + ']'}")
        if node.regex_id:
            pat = regexes.get(node.regex_id)
            parts.append(f"regex: {pat.pattern if pat is not None else node.regex_id}")
        if node.negated is not None:
            parts.append(f"negated: {str(node.negated).lower()}")
        parts.append(f"as: {node.role}")
        return [f"{indent}- {{{', '.join(parts)}}}"]
    if isinstance(node, AllOf):
        if node.ordered:
            head = "seq" + (f" (max_gap {node.max_gap})" if node.max_gap is not None else "")
        else:
            head = "all" + (f" (within {node.within} words)" if node.within is not None else "")
        lines = [f"{indent}{head}:"]
        for p in node.parts:
            lines += render_pattern(p, regexes, indent + "  ")
        for p in node.absent:
            lines.append(f"{indent}  not:")
            lines += render_pattern(p, regexes, indent + "    ")
        return lines
    if isinstance(node, AnyOf):
        lines = [f"{indent}any:"]
        for p in node.parts:
            lines += render_pattern(p, regexes, indent + "  ")
        return lines
    return [f"{indent}{node!r}"]


def node_summary(node: Node, regexes: dict[str, Any]) -> str:
    """One line for a node in a diagnostic: an atom as written, a combinator by its head and the
    roles of its atoms (`seq (max_gap 3) [call, expulsion]`)."""
    first = render_pattern(node, regexes)[0].strip()
    if isinstance(node, Atom):
        return first.removeprefix("- ")
    roles = list(dict.fromkeys(a.role for a in atoms(node)))
    shown = ", ".join(roles[:6]) + (", ..." if len(roles) > 6 else "")
    return f"{first.rstrip(':')} [{shown}]"
