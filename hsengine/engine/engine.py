"""The Engine: raw text in, explained matches with exact evidence spans out.

    normalize → tokenize → (language, morphology, lexicon per word, cached) → annotate
              → rules indexed by the features they need → contexts → results

A cheap prefilter runs first: the words of the text are looked up (cache hits after warm-up)
and only rules whose required classes are all present are evaluated.  A message with no
relevant lexicon hit costs little more than tokenizing it.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import regex

from .. import i18n
from ..lexicon import regex_budget
from ..lexicon.annotate import Doc, DocHit, annotate, prefilter, spaced_merges
from ..rules.contexts import Suppression, check
from ..text.deobfuscate import SPACED_HINT as _SPACED_HINT
from ..errors import HsengineError
from ..schema.values import MAX_CHUNK_CHARS, UI_LANGS
from ..lexicon.index import DEFERRED, Lexicon
from ..text.langid import decide
from ..lexicon.loader import Entry, read_lexicon
from ..lexicon.lookup import RuleVocabulary, TokenAnalyzer
from ..rules.clausebits import ClauseBits
from ..rules.matcher import Binding, Matcher, Span, units
from ..text.normalize import NormalizedText, normalize
from ..paths import BUNDLED_LEXICON, BUNDLED_RULES, lexicon_registries, rules_registries
from .results import AnalysisResult, Evidence, Match, Suppressed
from .scoring import POINTED_WORD, QUOTED_WORD, Scoring, check_min_score, pointing_word, quoted_word, target_entries
from ..rules.loader import Rule, RuleSet, atoms, node_clause_table, pattern_nodes, read_rules, render_template
from ..text.tokenize import WORD_PATTERN

DEFAULT_MAX_TEXT_LENGTH = MAX_CHUNK_CHARS
MAX_EVIDENCE_PER_MATCH = 50
_HAS_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_WHITESPACE = regex.compile(r"\s")


@dataclass
class Trace:
    """The decision trace `hsengine explain` prints: every stage's view of one text."""

    norm: NormalizedText | None = None
    doc: Doc | None = None
    considered: list[str] = field(default_factory=list)  # rules whose required classes are present
    skipped: dict[str, list[str]] = field(default_factory=dict)  # rule -> missing requirement sets
    bindings: dict[str, int] = field(default_factory=dict)
    result: AnalysisResult | None = None
    # rule -> the part of its pattern that did not bind {path, node, why}, for rules with no binding
    unbound: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The decision trace as plain data (what `explain --json` prints)."""
        trace = self
        doc, norm, result = trace.doc, trace.norm, trace.result
        tokens = []
        if doc is not None:
            for tok, an in zip(doc.tokens, doc.analyses):
                item: dict[str, Any] = {"i": tok.index, "text": norm.original[tok.start:tok.end], "norm": tok.text,
                                        "kind": tok.kind, "start": tok.start, "end": tok.end, "sentence": tok.sent}
                if tok.merged:
                    item["merged"] = tok.merged
                if an is not None:
                    item.update(reading=an.reading, lemmas=list(an.lemmas), stems=list(an.stems),
                                hits=[{"entry": h.entry.id, "how": h.how, "score": h.score} for h in an.hits])
                    if an.guard_langs:
                        item["guard_langs"] = sorted(an.guard_langs)
                tokens.append(item)
        hits = []
        if doc is not None:
            for h in doc.hits:
                a, b = doc.tokens[h.first].start, doc.tokens[h.last].end
                hits.append({"text": norm.original[a:b], "start": a, "end": b, "entry": h.entry.id,
                             "classes": list(h.entry.classes), "target": h.entry.target, "register": h.entry.register,
                             "how": h.how, "score": h.score, "negated": h.negated, "gram": sorted(h.gram)})
        rules = []
        for rid in trace.considered:
            fired = [m for m in result.matches if m.rule_id == rid]
            supp = [s for s in result.suppressed if s.rule_id == rid]
            outcome = "fired" if fired else "suppressed" if supp else "no_binding" if not trace.bindings.get(rid) \
                else "target_not_covered"
            item = {"rule": rid, "bindings": trace.bindings.get(rid, 0), "outcome": outcome,
                    "matches": [m.to_dict() for m in fired], "suppressed": [s.to_dict() for s in supp]}
            if rid in trace.unbound:
                item["unbound"] = trace.unbound[rid]
            rules.append(item)
        return {
            "text": result.text,
            "normalized": norm.text if norm is not None else None,
            "edits": [{"kind": e.kind, "start": e.start, "end": e.end} for e in (norm.edits if norm is not None else ())],
            "lang": result.lang,
            "tokens": tokens,
            "hits": hits,
            "rules": rules,
            "skipped": trace.skipped,
            "result": result.to_dict(),
        }


class Engine:
    """Loads a lexicon and a rule set once; analyzes any number of texts.

    One Engine may be shared by threads: after construction it is only read, per-text state is
    thread-local, and its caches are thread-safe (docs/robustness.md).  It also pickles.

    >>> engine = Engine()
    >>> engine.analyze("Все эти китайцы — вонючие тараканы.").flagged
    True
    >>> engine.analyze("Дунгане отметили праздник в Алматы.").flagged
    False
    """

    def __init__(
        self,
        lexicon_paths: Sequence[str | os.PathLike] | None = None,
        rules_paths: Sequence[str | os.PathLike] | None = None,
        *,
        strict: bool = False,
        fuzzy: bool = True,
        deobfuscate: bool = True,
        max_text_length: int = DEFAULT_MAX_TEXT_LENGTH,
        ui_lang: str = "en",
        cache_size: int = 1 << 18,
        min_score: float | None = None,
        precision: str | os.PathLike | None = None,
    ):
        """`min_score` is the score a text needs to be flagged (default: the calibrated threshold in
        the precision file); `precision` a precision file of one's own (default: the bundled
        hsengine/data/precision.yaml, see engine/scoring.py)."""
        if ui_lang not in UI_LANGS:
            raise ValueError(f"ui_lang must be one of {', '.join(UI_LANGS)}")
        if max_text_length < 1000:
            raise ValueError("max_text_length must be at least 1000 characters")
        self.lexicon_paths = [Path(p) for p in (lexicon_paths or [BUNDLED_LEXICON])]
        self.rules_paths = [Path(p) for p in (rules_paths or [BUNDLED_RULES])]
        self.scoring = Scoring.load(precision)
        self.min_score = self.scoring.threshold if min_score is None else check_min_score(min_score)
        self.options = dict(strict=strict, fuzzy=fuzzy, deobfuscate=deobfuscate,
                            max_text_length=max_text_length, ui_lang=ui_lang, cache_size=cache_size,
                            min_score=self.min_score, precision=None if precision is None else str(precision))
        self.max_text_length = max_text_length
        self.ui_lang = ui_lang
        self.compiled_from_cache = False  # set by _compile: were the indexes unpickled?
        self.lexicon, self.ruleset, tables = self._compile()
        try:
            self._assemble(tables)
        except Exception:  # noqa: BLE001 - a cache file of the right types but not a usable set
            if not self.compiled_from_cache:
                raise
            self.lexicon, self.ruleset, tables = self._compile(use_cache=False)
            self._assemble(tables)
        if strict:
            from ..rules.examples import check_examples

            failures = check_examples(self)
            if failures:
                from ..errors import ConfigError, Problem

                raise ConfigError([Problem(f.file, f.line, 1, f.message) for f in failures])

    # -- set-up -----------------------------------------------------------------------------
    def _assemble(self, tables: dict) -> None:
        """The rules, their index and the word analyzer, over the compiled lexicon and rule set."""
        self.rules: list[Rule] = list(self.ruleset.rules)
        self._rule_index: tuple | None = None  # built on first use, see _candidates
        self._node_requirements: dict[int, tuple] = {}  # for the matcher: see Matcher._impossible
        self._node_bits = ClauseBits()  # the same nodes' clause masks (rules/clausebits.py)
        # every node's clauses, computed with the compiled set; put into the memo at the first
        # evaluation (a process that only prefilters never needs them)
        self._node_clauses: tuple | None = tables.get("node_clauses")
        regex_budget.remember_first_chars(tables.get("first_chars") or {})
        self._node_clauses_pending = self._node_clauses is not None
        o = self.options
        self.analyzer = TokenAnalyzer(self.lexicon, self._vocabulary(), fuzzy=o["fuzzy"],
                                      deobfuscate=o["deobfuscate"], cache_size=o["cache_size"],
                                      vocab_skeletons=tables["vocab_skeletons"],
                                      typed_tables=tables["typed_tables"])
        if self.compiled_from_cache:  # an unpickled set must hold together, or it is rebuilt
            rs = self.ruleset
            for rule in self.rules:
                if (rule.narrative not in rs.narratives or any(c not in rs.contexts for c in rule.unless)
                        or any(a.regex_id is not None and a.regex_id not in rs.regexes for a in atoms(rule.pattern))):
                    raise ValueError(f"compiled set: rule {rule.id} refers to something it does not hold")
            self._candidates(set())

    def __getstate__(self) -> dict[str, Any]:
        """An Engine pickles (for other processes, Spark, joblib) as its compiled sets and options;
        the word cache and the rule index are rebuilt on the other side."""
        state = self.__dict__.copy()
        analyzer = state.pop("analyzer")
        state["_rule_index"] = None
        state.pop("_node_requirements", None)  # keyed by object ids: rebuilt with the rules
        state.pop("_node_bits", None)
        state["_analyzer_tables"] = {"vocab_skeletons": analyzer._vocab_skeletons,
                                     "typed_tables": analyzer.typed_tables(),
                                     "node_clauses": state.pop("_node_clauses"),
                                     "first_chars": regex_budget.first_chars_table(self.ruleset.regexes.values())}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        tables = state.pop("_analyzer_tables")
        self.__dict__.update(state)
        self._assemble(tables)

    def _compile(self, use_cache: bool = True) -> tuple[Lexicon, RuleSet, dict]:
        """Validated and indexed lexicon and rules, and the word analyzer's tables over them: from
        the compiled cache when the files and the code are unchanged, else read from the YAML (and
        cached)."""
        from .. import cache
        from ..lexicon.loader import iter_yaml_files

        files = [*lexicon_registries(), *iter_yaml_files(self.lexicon_paths), *rules_registries(),
                 *iter_yaml_files(self.rules_paths)]
        key = None
        if all(p.is_file() for p in files):
            try:
                key = cache.fingerprint(files, extra=repr(([str(p) for p in self.lexicon_paths],
                                                           [str(p) for p in self.rules_paths])))
            except OSError:
                key = None
            got = cache.load_with_rest(key, _is_compiled_set) if key and use_cache else None
            if got is not None and got[1]:
                compiled, rest = got
                self.compiled_from_cache = True
                compiled[0].defer(partial(_deferred_indexes, compiled[0].entries, rest, key))
                return compiled
        self.compiled_from_cache = False
        source = read_lexicon(self.lexicon_paths, lexicon_registries())
        # the rules are validated before the lexicon is indexed: a mistake in a rule file is
        # reported in a second or two, not after the index's several seconds
        ruleset = read_rules(self.rules_paths, rules_registries(), classes=dict(source.classes),
                             targets=dict(source.targets), entries={e.id for e in source.entries})
        lexicon = Lexicon(source)
        vocab = _vocabulary_of(ruleset.rules, ruleset)
        tables = {"vocab_skeletons": TokenAnalyzer.build_vocab_skeletons(vocab),
                  "typed_tables": TokenAnalyzer.build_typed_tables(lexicon, vocab),
                  # (~0.5 s of CPU, which each process paid on the nodes it evaluated)
                  "node_clauses": node_clause_table(ruleset.rules),
                  "first_chars": regex_budget.first_chars_table(ruleset.regexes.values())}
        lexicon, ruleset, tables = cache.shared_values((lexicon, ruleset, tables))
        if key:
            entries = lexicon.entries

            def entry_id(obj: object) -> str | None:  # entries of the first part, by their id
                return obj.id if type(obj) is Entry and entries.get(obj.id) is obj else None

            cache.store(key, (lexicon.without_deferred(), ruleset, tables),
                        rest={name: getattr(lexicon, name) for name in DEFERRED}, persistent_id=entry_id)
            _persist_fuzzy(lexicon.fuzzy, key)
        return lexicon, ruleset, tables

    def _vocabulary(self) -> RuleVocabulary:
        return _vocabulary_of(self.rules, self.ruleset)

    def with_min_score(self, min_score: float | None) -> "Engine":
        """This engine with another threshold for `flagged` (None: this one's), sharing everything
        compiled and cached: cheap, and the original is unchanged."""
        if min_score is None:
            return self
        value = check_min_score(min_score)
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other.min_score = value
        other.options = dict(self.options, min_score=value)
        return other

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    # -- analysis ---------------------------------------------------------------------------
    def analyze(self, text: str, lang: str | None = None) -> AnalysisResult:
        """Analyze one text; `lang` ("ru" or "kk") overrides language detection."""
        if not isinstance(text, str):
            raise TypeError(f"analyze() expects a str, not {type(text).__name__}")
        if lang is not None and lang not in ("ru", "kk", "mixed"):
            raise ValueError("lang must be 'ru', 'kk', 'mixed' or None")
        with regex_budget.text_budget() as budget:
            if len(text) > self.max_text_length:
                # Invisible characters and combining marks vanish in normalization: judge the length
                # that is actually analyzed, as long as normalizing the whole text stays cheap.
                if len(text) <= 4 * self.max_text_length:
                    norm = normalize(text)
                    if len(norm.text) <= self.max_text_length:
                        return _with_warnings(self._analyze(text, lang, None, norm), budget.warnings)
                return _with_warnings(self._analyze_chunked(text, lang), budget.warnings)
            return _with_warnings(self._analyze(text, lang, None), budget.warnings)

    def explain(self, text: str, lang: str | None = None) -> Trace:
        """Analyze with a full decision trace (slower: skips the prefilter shortcut)."""
        trace = Trace()
        with regex_budget.text_budget() as budget:
            trace.result = _with_warnings(self._analyze(text[: self.max_text_length], lang, trace), budget.warnings)
        if trace.doc is not None:
            from ..rules.loader import node_summary
            from ..rules.matcher import unbound_part

            for rid in trace.considered:
                if not trace.bindings.get(rid):
                    got = unbound_part(trace.doc, self.rule(rid), self._node_requirements)
                    if got is not None:
                        path, node, why = got
                        trace.unbound[rid] = {"path": path, "node": node_summary(node, self.ruleset.regexes),
                                              "why": why}
        return trace

    def analyze_many(self, texts: Iterable[str], lang: str | None = None, *, jobs: int = 1,
                     batch_size: int = 256) -> Iterator[AnalysisResult]:
        """Results in input order.  A text that cannot be analyzed yields an error result."""
        if jobs and jobs > 1:
            from .parallel import analyze_parallel

            yield from analyze_parallel(self, texts, lang, jobs=jobs, batch_size=batch_size)
            return
        for text in texts:
            yield self.analyze_safely(text, lang)

    def analyze_safely(self, text: object, lang: str | None = None) -> AnalysisResult:
        """Like analyze, but any failure becomes an error result instead of an exception."""
        try:
            if not isinstance(text, str):
                raise TypeError(f"expected text, got {type(text).__name__}")
            return self.analyze(text, lang)
        except Exception as exc:  # noqa: BLE001 - one bad row must not lose the batch
            shown = text if isinstance(text, str) else ""
            return AnalysisResult(shown, "und", error=f"{type(exc).__name__}: {exc}")

    def _analyze(self, text: str, lang: str | None, trace: Trace | None,
                 norm: NormalizedText | None = None) -> AnalysisResult:
        norm = norm or normalize(text)
        analyzer = self.analyzer
        spaced = None  # the spaced-letter merges, for annotate (None: it finds them itself)
        known = None  # the words' analyses the prefilter took, for annotate (see reusable)
        if trace is None:
            words = WORD_PATTERN.findall(norm.text)
            merged = []
            if analyzer.use_deobfuscation:
                # (spaced_merges finds none where the hint finds no run of spaced letters)
                spaced = spaced_merges(norm, analyzer) if _SPACED_HINT.search(norm.text) else []
                merged = [m.text for m in spaced]
            known = {}
            feature_sets, features, ru, kk, _ = prefilter(words, analyzer, merged, known)
            candidates = self._candidates(features, feature_sets)
            # spaced letters vote as letters here, as words after annotation: such rare texts take
            # the full path so that the language reported does not depend on the shortcut
            if not candidates and not merged:
                detected = lang or decide(ru, kk, _HAS_CYRILLIC.search(norm.text) is not None)
                return AnalysisResult(text, detected, min_score=self.min_score)
        doc = annotate(norm, analyzer, lang, spaced, known)
        features = doc.features
        if trace is None:
            if doc.feature_parts is not None:
                sets, more = doc.feature_parts
                candidates = self._candidates(more, sets)
            else:
                candidates = self._candidates(features)
        else:
            candidates = []
            for r in self.rules:
                missing = [sorted(req) for req in r.requirements if req.isdisjoint(features)]
                if missing:
                    trace.skipped[r.id] = [" | ".join(m) for m in missing]
                    continue
                candidates.append(r)
        if trace is not None:
            trace.norm, trace.doc = norm, doc
            trace.considered = [r.id for r in candidates]
        return self._evaluate(text, doc, candidates, trace)

    def _candidates(self, features: set[str], feature_sets: Iterable[frozenset[str]] = ()) -> list[Rule]:
        """Rules whose every requirement clause meets the features (and those of `feature_sets`),
        in rule order: a rule's clauses are bits of a mask, the clauses the features meet another
        (rules/clausebits.py), so each rule costs one integer test instead of a set test per clause."""
        index = self._rule_index
        if index is None or index[0] is not self.rules:
            bits = ClauseBits()
            masks = tuple((rule, bits.mask(rule.requirements)) for rule in self.rules)
            index = self._rule_index = (self.rules, bits, masks)
        _, bits, masks = index
        # (no clause is added to these bits after the index is built)
        met = bits.met_by_sets(feature_sets, features).bits if feature_sets else bits.met(features).bits
        return [rule for rule, mask in masks if mask & met == mask]

    def _fill_node_requirements(self) -> None:
        """The matcher's memo of requirement clauses, from the table computed with the compiled set:
        the same values `requirements(node, memo)` gives, keyed and held as it keeps them.  A rule
        whose nodes do not line up with the table is left to be computed on use."""
        self._node_clauses_pending = False
        memo = self._node_requirements
        bits = self._node_bits
        for rule, clauses in zip(self.ruleset.rules, self._node_clauses or ()):
            nodes = list(pattern_nodes(rule.pattern))
            if len(nodes) == len(clauses):
                for node, got in zip(nodes, clauses):
                    memo.setdefault(id(node), (node, got))
                    # the node's clause mask too (what Matcher._mask would give at its first use):
                    # every bit exists before the first message is matched, so the clause bits a
                    # word feature set meets, remembered per set (met_by_sets), never go stale as
                    # masks are added — a cold pass over 1,000 synthetic messages recomputed them
                    # 25,699 times
                    if id(node) not in bits.node_masks:
                        bits.node_masks[id(node)] = bits.mask(memo[id(node)][1])

    def _evaluate(self, text: str, doc: Doc, rules: list[Rule], trace: Trace | None) -> AnalysisResult:
        if self._node_clauses_pending:
            self._fill_node_requirements()
        matcher = Matcher(doc, self._node_requirements, self._node_bits)
        contexts = self.ruleset.contexts
        matched: dict[tuple[str, str | None], list[Binding]] = defaultdict(list)
        suppressed: dict[tuple[str, str | None, str], tuple[Binding, Suppression]] = {}
        rules_by_id = {}
        for rule in rules:
            rules_by_id[rule.id] = rule
            count = 0
            for lo, hi in units(doc, rule, matcher):
                for b in matcher.bindings(rule.pattern, lo, hi):
                    target = _resolve_target(rule, b)
                    if target is False:
                        continue
                    count += 1
                    why = None
                    for ctx_id in rule.unless:
                        why = check(contexts[ctx_id], doc, b)
                        if why is not None:
                            break
                    if why is None:
                        matched[(rule.id, target)].append(b)
                    else:
                        suppressed.setdefault((rule.id, target, why.context), (b, why))
            if trace is not None:
                trace.bindings[rule.id] = count
        matches = [self._match(rules_by_id[rid], target, bs, doc) for (rid, target), bs in matched.items()]
        matches.sort(key=lambda m: (m.evidence[0].start if m.evidence else 0, m.rule_id, m.target or ""))
        supp = [
            self._suppressed(rules_by_id[rid], target, b, why, doc)
            for (rid, target, _ctx), (b, why) in suppressed.items()
            if (rid, target) not in matched
        ]
        supp.sort(key=lambda s: (s.evidence[0].start if s.evidence else 0, s.rule_id, s.context))
        warnings = tuple(dict.fromkeys(doc.errors))
        result = AnalysisResult(text, doc.lang, tuple(matches), tuple(supp), warnings, min_score=self.min_score)
        return result

    # -- results ----------------------------------------------------------------------------
    def _evidence(self, span: Span | DocHit, doc: Doc, role: str | None = None) -> Evidence:
        toks = doc.tokens
        start, end = toks[span.first].start, toks[span.last].end
        hit = span.hit if isinstance(span, Span) else span
        if hit is not None:
            entry, how, score = hit.entry.id, hit.how, hit.score
        else:
            entry, how, score = None, "word", 1.0
        return Evidence(start, end, doc.norm.original[start:end], role or getattr(span, "role", "cue"),
                        entry, how, score)

    def _match(self, rule: Rule, target: str | None, bindings: list[Binding], doc: Doc) -> Match:
        seen: dict[tuple[int, int, str], Evidence] = {}
        best = 0.0
        for b in bindings:
            scores = []
            for s in b.spans:
                # a subject left unsaid (how "zero", at the comma before its clause) shows only
                # the group it continues
                zero = s.hit is not None and s.hit.how == "zero"
                evs = [] if zero else [self._evidence(s, doc)]
                if s.hit is not None and s.hit.ref is not None:  # a pronoun: show what it refers to
                    first, last = s.hit.ref
                    start, end = doc.tokens[first].start, doc.tokens[last].end
                    evs.append(Evidence(start, end, doc.norm.original[start:end], "antecedent", s.hit.entry.id,
                                        "antecedent", s.hit.score))
                scores.append(s.hit.score if zero else evs[0].score)
                for ev in evs:
                    key = (ev.start, ev.end, ev.role)
                    if key not in seen and len(seen) < MAX_EVIDENCE_PER_MATCH:
                        seen[key] = ev
            best = max(best, min(scores))
        evidence = tuple(sorted(seen.values(), key=lambda e: (e.start, e.end, e.role)))
        precision = self.scoring.match_precision(rule.id, rule.severity, target_entries(evidence))
        cues: tuple[Evidence, ...] = ()
        if rule.id in self.scoring.cues:
            precision, cues = self._cues(rule, precision, doc, evidence)
        return Match(rule.id, rule.title_in("en"), self.narrative(rule, target), target, rule.severity,
                     self.explanation(rule, target, evidence, self.ui_lang), evidence, round(best, 3),
                     round(precision, 3), cues)

    def _cues(self, rule: Rule, precision: float, doc: Doc,
              evidence: tuple[Evidence, ...]) -> tuple[float, tuple[Evidence, ...]]:
        """A match's precision moved by the cue groups of its rule (engine/scoring.py: words anywhere
        in the text, and whether the match's own words stand in quotation marks), and the first word
        of each group present, as cues."""
        classes = {c for h in doc.hits for c in h.entry.classes}
        quoted = quoted_word(doc.norm.original, evidence)
        if quoted:
            classes.add(QUOTED_WORD)
        pointer = pointing_word(doc, evidence)
        if pointer is not None:
            classes.add(POINTED_WORD)
        precision, seen = self.scoring.with_cues(rule.id, precision, classes)
        found = []
        for group in self.scoring.cues[rule.id]:
            if not dict(seen).get(group.name):
                continue
            if quoted and QUOTED_WORD in group.classes:  # the quoted word itself is the cue
                e = next(e for e in evidence if e.role == "target")
                found.append(Evidence(e.start, e.end, e.text, group.name, e.entry, e.how, e.score))
                continue
            if pointer is not None and POINTED_WORD in group.classes:  # the pointing word is the cue
                found.append(self._evidence(pointer, doc, role=group.name))
                continue
            for h in doc.hits:
                if not group.classes.isdisjoint(h.entry.classes):
                    found.append(self._evidence(h, doc, role=group.name))
                    break
        return precision, tuple(found)

    def narrative(self, rule: Rule, target: str | None) -> str:
        """The narrative of a match: the rule's, or, for a rule whose narrative follows its target,
        the one the target declares (an expulsion call against kafirs is anti_kafir)."""
        if rule.narrative_by_target and target is not None:
            info = self.lexicon.targets.get(target)
            if info is not None and info.narrative:
                return info.narrative
        return rule.narrative

    def _suppressed(self, rule: Rule, target: str | None, b: Binding, why: Suppression, doc: Doc) -> Suppressed:
        evidence = tuple(self._evidence(s, doc) for s in b.spans if s.hit is None or s.hit.how != "zero")
        cue = None
        if why.cue is not None:
            cue = self._evidence(why.cue, doc, role=why.context)
        return Suppressed(rule.id, target, why.context, why.detail, evidence, cue)

    def explanation(self, rule: Rule, target: str | None, evidence: Sequence[Evidence], ui_lang: str = "en") -> str:
        """One line saying what the rule saw, in the interface language."""
        target_name = self.lexicon.targets[target].name(ui_lang) if target in self.lexicon.targets else i18n.t("no_target", ui_lang)
        if rule.message.get(ui_lang) or rule.message.get("en"):
            template = rule.message.get(ui_lang) or rule.message["en"]
            values = {"target": target_name}
            for ev in evidence:
                values.setdefault(ev.role, ev.text)
            try:
                return render_template(template, values)  # named fields only, bounded width
            except ValueError:
                pass
        parts = []
        for ev in evidence[:6]:
            parts.append(f"«{ev.text}» — {i18n.role_name(ev.role, ui_lang)}")
        return f"{rule.title_in(ui_lang)} ({i18n.t('target', ui_lang)}: {target_name}): " + "; ".join(parts)

    # -- long texts ---------------------------------------------------------------------------
    def _analyze_chunked(self, text: str, lang: str | None) -> AnalysisResult:
        """Overlapping chunks with offsets shifted back; never a silent truncation."""
        size = self.max_text_length
        bounds = chunk_bounds(text, size, min(2000, size // 10))
        n = len(text)
        starts = [a for a, _ in bounds]
        budget = regex_budget.current()
        results = []
        for a, b in bounds:
            if budget is not None:
                budget.new_chunk()  # each chunk has the regex budget of a text
            results.append((a, self._analyze(text[a:b], lang, None)))
        langs = Counter(r.lang for _, r in results if r.lang != "und")
        detected = lang or (langs.most_common(1)[0][0] if langs else "und")
        merged: dict[tuple[str, str | None], Match] = {}
        supp: dict[tuple[str, str | None, str], Suppressed] = {}
        warnings: list[str] = [f"text of {n} characters analyzed in {len(starts)} overlapping chunks of {size}"]
        for offset, r in results:
            warnings.extend(r.warnings)
            for m in r.matches:
                shifted = tuple(_shift(e, offset) for e in m.evidence)
                key = (m.rule_id, m.target)
                if key in merged:
                    old = merged[key]
                    evs = {(e.start, e.end, e.role): e for e in old.evidence + shifted}
                    ev = tuple(sorted(evs.values(), key=lambda e: (e.start, e.end, e.role)))[:MAX_EVIDENCE_PER_MATCH]
                    better = m if m.precision > old.precision else old
                    cues = better.cues if better is old else tuple(_shift(e, offset) for e in m.cues)
                    merged[key] = Match(old.rule_id, old.title, old.narrative, old.target, old.severity,
                                        old.explanation, ev, max(old.score, m.score), better.precision, cues)
                else:
                    merged[key] = Match(m.rule_id, m.title, m.narrative, m.target, m.severity, m.explanation,
                                        shifted, m.score, m.precision, tuple(_shift(e, offset) for e in m.cues))
            for s in r.suppressed:
                key = (s.rule_id, s.target, s.context)
                if key not in supp:
                    supp[key] = Suppressed(s.rule_id, s.target, s.context, s.reason,
                                           tuple(_shift(e, offset) for e in s.evidence),
                                           _shift(s.cue, offset) if s.cue else None)
        matches = sorted(merged.values(), key=lambda m: (m.evidence[0].start if m.evidence else 0, m.rule_id, m.target or ""))
        supp_list = [s for k, s in supp.items() if (k[0], k[1]) not in merged]
        supp_list.sort(key=lambda s: (s.evidence[0].start if s.evidence else 0, s.rule_id, s.context))
        return AnalysisResult(text, detected, tuple(matches), tuple(supp_list), tuple(dict.fromkeys(warnings)),
                              chunks=len(starts), min_score=self.min_score)


def _last_break(text: str, i: int, lo: int) -> int | None:
    """The largest j in (lo, i] with whitespace just before it, if any."""
    for j in range(i, lo, -1):
        if text[j - 1].isspace():
            return j
    return None


# Characters normalization removes (invisible, format) or folds into the letter before (marks):
# they take no room in what is analyzed, so chunks are measured without them.
_VANISHING = regex.compile(r"[\p{Cf}\p{Mn}\p{Me}\u034f\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0]+")
_WHITESPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)
PADDED_WORD = 1000  # a run without whitespace this short once invisible characters are gone is one word


def _visible(text: str, a: int, b: int) -> int:
    """How many characters of text[a:b] remain after normalization (about)."""
    if a >= b:
        return 0
    if _VANISHING.search(text, a, b) is None:
        return b - a
    return b - a - sum(map(len, _VANISHING.findall(text, a, b)))


def _forward(text: str, pos: int, size: int) -> int:
    """The end of a stretch from `pos` holding about `size` visible characters (or the text's end)."""
    n = len(text)
    end = min(pos + size, n)
    seen = _visible(text, pos, end)
    while seen < size and end < n:
        nxt = min(end + max(size - seen, 1024), n)
        seen += _visible(text, end, nxt)
        end = nxt
    return end


def _backward(text: str, end: int, size: int, lo: int) -> int:
    """The start of a stretch ending at `end` holding about `size` visible characters (not before lo)."""
    start = max(end - size, lo)
    seen = _visible(text, start, end)
    while seen < size and start > lo:
        nxt = max(start - max(size - seen, 1024), lo)
        seen += _visible(text, nxt, start)
        start = nxt
    return start


def _run_bounds(text: str, i: int, lo: int) -> tuple[int, int]:
    """[start, end) of the run without whitespace around position i (not starting before lo)."""
    before = _WHITESPACE_BEFORE.search(text, lo, i)
    after = _WHITESPACE.search(text, i)
    return (before.end() if before else lo), (after.start() if after else len(text))


def _is_padded_word(text: str, a: int, b: int) -> bool:
    """Is text[a:b] (no whitespace) short once its invisible characters are gone?  Counted by
    blocks, so that a ten-megabyte word is recognised as long after its first block."""
    seen = 0
    for x in range(a, b, 1 << 16):
        seen += _visible(text, x, min(x + (1 << 16), b))
        if seen > PADDED_WORD:
            return False
    return True


def chunk_bounds(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """[start, end) of overlapping chunks of about `size` characters, cut at whitespace where
    there is some nearby, so no word is split into a false one.

    Sizes count the characters normalization keeps: a word padded with 400,000 zero-width
    characters is one short word, and is never cut in two (which made it evade).  A chunk that
    would end inside such a word ends after it."""
    n = len(text)
    bounds: list[tuple[int, int]] = []
    pos = 0
    while True:
        end = _forward(text, pos, size)
        if end < n:
            cut = _last_break(text, end, max(pos + size // 2, end - 1000))
            if cut is None:  # inside a word: a padded one is kept whole, a truly huge one is cut
                a, b = _run_bounds(text, end, pos)
                if _is_padded_word(text, a, b):
                    cut = b
            end = cut or end
        bounds.append((pos, end))
        if end >= n:
            return bounds
        nxt = _backward(text, end, overlap, pos + 1)
        start = _last_break(text, nxt, max(pos + 1, nxt - 1000))
        if start is None:
            a, b = _run_bounds(text, nxt, pos + 1)
            if a > pos and _is_padded_word(text, a, b):
                start = a  # the overlap starts with the whole padded word
        pos = max(start or nxt, pos + 1)


def _vocabulary_of(rules: Sequence[Rule], ruleset: RuleSet) -> RuleVocabulary:
    """What the rules look for beyond lexicon entries: lemma and text words, regexes."""
    lemmas: set[str] = set()
    texts: set[str] = set()
    on_words: set[str] = set()  # regexes some atom applies to any word
    gates: dict[str, set[str]] = {}  # regexes applied only to words with one of these lemmas/texts
    for rule in rules:
        for atom in atoms(rule.pattern):
            lemmas |= atom.lemmas or set()
            texts |= atom.texts or set()
            if atom.regex_id is None or atom.on_hits:
                continue
            if atom.lemmas is None and atom.texts is None:
                on_words.add(atom.regex_id)
            else:
                gates.setdefault(atom.regex_id, set()).update(
                    {"lemma:" + w for w in atom.lemmas or ()} | {"text:" + w for w in atom.texts or ()})
    items = ruleset.regexes.items()
    return RuleVocabulary(
        frozenset(lemmas), frozenset(texts),
        tuple((fid, p) for fid, p in items if fid in on_words),
        tuple((fid, p) for fid, p in items if fid not in on_words and fid not in gates),
        tuple((fid, p, frozenset(gates[fid])) for fid, p in items if fid in gates and fid not in on_words),
    )


def _is_fuzzy_index(obj: object) -> bool:
    from ..lexicon.fuzzy import CompactIndex

    return isinstance(obj, CompactIndex)  # (FuzzyIndex.index checks that it fits the keys)


def _deferred_indexes(entries: dict[str, Entry], rest: bytes, key: str) -> dict[str, Any]:
    """A cached lexicon's DEFERRED indexes, unpickled on first use from the rest of its cache file
    (read with the compiled set: it cannot have gone missing since), with the lexicon's own
    entries.  A rest that is not what was stored removes the file, so the next start rebuilds it."""
    from .. import cache

    try:
        indexes = cache.loads_rest(rest, entries.__getitem__)
        if not (isinstance(indexes, dict) and {k: type(v) for k, v in indexes.items()} == _lexicon_shapes()[1]):
            raise ValueError("compiled set: the deferred lexicon indexes are not what was stored")
    except Exception:
        cache.discard(key)
        raise
    _persist_fuzzy(indexes["fuzzy"], key)
    return indexes


def _persist_fuzzy(fuzzy: Any, key: str) -> None:
    """Keep the lexicon's typo index on disk with the compiled set it belongs to (same key)."""
    from .. import cache

    fuzzy.persist = (partial(cache.load, key, _is_fuzzy_index, kind="fuzzy"), partial(cache.store, key, kind="fuzzy"))


def _shape(obj: object) -> dict[str, type]:
    return {k: type(v) for k, v in vars(obj).items()}


_SHAPES: tuple[dict[str, type], dict[str, type]] | None = None


def _lexicon_shapes() -> tuple[dict[str, type], dict[str, type]]:
    """Attribute types of an indexed lexicon: of the part cached first, and of its DEFERRED indexes."""
    global _SHAPES
    if _SHAPES is None:
        from ..lexicon.loader import LexiconSource

        empty = Lexicon(LexiconSource())
        _SHAPES = (_shape(empty.without_deferred()), {name: type(getattr(empty, name)) for name in DEFERRED})
    return _SHAPES


def _is_compiled_set(obj: object) -> bool:
    """Is an unpickled object what _compile stores: (Lexicon, RuleSet, the analyzer's tables), with
    every attribute an indexed lexicon has, of the same types, and rules that are rules?"""
    if not (isinstance(obj, tuple) and len(obj) == 3 and isinstance(obj[0], Lexicon)
            and isinstance(obj[1], RuleSet) and isinstance(obj[2], dict)):
        return False
    tables = obj[2]
    if not (set(tables) == {"vocab_skeletons", "typed_tables", "node_clauses", "first_chars"}
            and isinstance(tables["vocab_skeletons"], dict) and isinstance(tables["first_chars"], dict)
            and isinstance(tables["typed_tables"], tuple) and len(tables["typed_tables"]) == 4
            and isinstance(tables["node_clauses"], tuple) and all(isinstance(c, tuple) for c in tables["node_clauses"])):
        return False
    ruleset = obj[1]
    try:
        return (_shape(obj[0]) == _lexicon_shapes()[0] and isinstance(ruleset.rules, list)
                and all(isinstance(r, Rule) for r in ruleset.rules) and len(tables["node_clauses"]) == len(ruleset.rules)
                and all(isinstance(getattr(ruleset, f), dict) for f in ("narratives", "contexts", "regexes")))
    except (TypeError, AttributeError):
        return False



def _shift(e: Evidence, offset: int) -> Evidence:
    return Evidence(e.start + offset, e.end + offset, e.text, e.role, e.entry, e.how, e.score)


def _resolve_target(rule: Rule, b: Binding) -> str | None | bool:
    """The group a binding attacks; False when it names a group the rule does not cover."""
    named = [s.hit.entry.target for s in b.spans if s.role == "target" and s.hit is not None and s.hit.entry.target]
    if named:
        if rule.targets is None:
            return named[0]
        for t in named:
            if t in rule.targets:
                return t
        return False
    if rule.targets and len(rule.targets) == 1:
        return rule.targets[0]
    return None


def _with_warnings(result: AnalysisResult, warnings: Sequence[str]) -> AnalysisResult:
    """The result with the text's rule-regex warnings (timeouts, budgets) added: they belong to
    every result, also one where no rule was a candidate and nothing was annotated."""
    missing = [w for w in warnings if w not in result.warnings]
    if not missing:
        return result
    from dataclasses import replace

    return replace(result, warnings=result.warnings + tuple(missing))


__all__ = ["Engine", "Trace", "HsengineError"]


# -- explain --------------------------------------------------------------------------------------
