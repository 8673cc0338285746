"""Running the examples every rule carries: the contract between a rule and its author
(as semgrep and Sigma rules ship with their tests).

Used by `hsengine test`, by strict loading (`Engine(strict=True)`) and by the test suite.  A
failure says what happened instead: for a missed `match`, whether the pattern never bound
(and which required classes were missing) or a context suppressed it (with the cue); for a
`no_match` that fired, the evidence it fired on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from .loader import node_summary
from .matcher import unbound_part

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.engine import Engine
    from .loader import Example, Rule


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    rule_id: str
    file: str
    line: int
    expected: str  # "match" | "no_match"
    text: str
    lang: str  # the language the example was analyzed as
    passed: bool
    message: str  # empty when passed

    def __str__(self) -> str:
        status = "ok" if self.passed else "FAIL"
        return f"{self.file}:{self.line}: {status} [{self.rule_id}] {self.expected}: {self.text!r} {self.message}"


def _explain_miss(engine: "Engine", rule: "Rule", text: str, lang: str | None) -> str:
    result = engine.analyze(text, lang)
    supp = [s for s in result.suppressed if s.rule_id == rule.id]
    if supp:
        s = supp[0]
        cue = f" (cue «{s.cue.text}»)" if s.cue else ""
        return f"suppressed by {s.context}{cue}"
    trace = engine.explain(text, lang)
    if rule.id in trace.skipped:
        missing = trace.skipped[rule.id]
        shown = [_shorten(m) for m in missing[:2]]
        more = f" (and {len(missing) - 2} more such sets)" if len(missing) > 2 else ""
        return "no word of these classes: " + "; ".join(shown) + more
    if trace.bindings.get(rule.id, 0) == 0:
        unbound = unbound_part(trace.doc, rule, engine._node_requirements) if trace.doc is not None else None
        if unbound is None:
            return "the classes are present but the pattern did not bind (distance, order, scope or target)"
        path, node, why = unbound
        return f"the pattern did not bind: {path} {node_summary(node, engine.ruleset.regexes)} — {why}"
    return "bound but not reported (target not covered by the rule?)"


def _shorten(alternatives: str, most: int = 8) -> str:
    """`class:a | class:b | text:c ...` cut to its first alternatives."""
    items = alternatives.split(" | ")
    return " | ".join(items[:most]) + (f" | ... ({len(items) - most} more)" if len(items) > most else "")


def run_rule_examples(engine: "Engine", rule: "Rule") -> list[ExampleOutcome]:
    out: list[ExampleOutcome] = []
    for expected, examples in (("match", rule.match_examples), ("no_match", rule.no_match_examples)):
        for ex in examples:
            out.append(_run_one(engine, rule, ex, expected))
    return out


def _run_one(engine: "Engine", rule: "Rule", ex: "Example", expected: str) -> ExampleOutcome:
    result = engine.analyze(ex.text, ex.lang)
    lang = ex.lang or result.lang
    mine = [m for m in result.matches if m.rule_id == rule.id]
    if expected == "match":
        if not mine:
            return ExampleOutcome(rule.id, rule.file, ex.line, expected, ex.text, lang, False,
                                  "— not matched: " + _explain_miss(engine, rule, ex.text, ex.lang))
        found = {e.text for m in mine for e in m.evidence}
        missing = [e for e in ex.evidence if e not in found]
        if missing:
            return ExampleOutcome(rule.id, rule.file, ex.line, expected, ex.text, lang, False,
                                  f"— matched, but evidence lacks {missing}; found {sorted(found)}")
        return ExampleOutcome(rule.id, rule.file, ex.line, expected, ex.text, lang, True, "")
    if mine:
        ev = ", ".join(f"«{e.text}» ({e.role}, {e.how})" for m in mine for e in m.evidence)
        return ExampleOutcome(rule.id, rule.file, ex.line, expected, ex.text, lang, False, f"— matched on {ev}")
    return ExampleOutcome(rule.id, rule.file, ex.line, expected, ex.text, lang, True, "")


def run_examples(engine: "Engine", rule_ids: Iterable[str] | None = None) -> list[ExampleOutcome]:
    """Outcomes of every example of the selected rules (all rules by default)."""
    wanted = set(rule_ids) if rule_ids is not None else None
    out: list[ExampleOutcome] = []
    for rule in engine.rules:
        if wanted is None or rule.id in wanted:
            out.extend(run_rule_examples(engine, rule))
    return out


@dataclass(frozen=True, slots=True)
class CoverageProblem:
    file: str
    line: int
    message: str


def check_coverage(engine: "Engine", min_per_lang: int = 3) -> list[CoverageProblem]:
    """Each rule needs at least `min_per_lang` match and no-match examples per language it claims."""
    problems: list[CoverageProblem] = []
    for rule in engine.rules:
        for expected, examples in (("match", rule.match_examples), ("no_match", rule.no_match_examples)):
            counts: Counter[str] = Counter()
            for ex in examples:
                lang = ex.lang or engine.analyze(ex.text).lang
                counts["kk" if lang == "kk" else "ru" if lang in ("ru", "und") else lang] += 1
            for lang in rule.langs:
                have = counts.get(lang, 0) + (counts.get("mixed", 0) if lang == "ru" else 0)
                if have < min_per_lang:
                    problems.append(CoverageProblem(rule.file, rule.line,
                                                    f"rule {rule.id} has {have} {expected} example(s) in {lang}; "
                                                    f"at least {min_per_lang} are required"))
    return problems


def check_examples(engine: "Engine") -> list[CoverageProblem]:
    """Every failing example, as problems with file and line (used by strict loading)."""
    return [CoverageProblem(o.file, o.line, f"[{o.rule_id}] {o.expected} example fails: {o.text!r} {o.message}")
            for o in run_examples(engine) if not o.passed]


def fire_together(engine: "Engine") -> list[CoverageProblem]:
    """Rules that fire on exactly the same texts among all the rules' examples: one of them may be
    redundant, or their examples do not show what tells them apart (a warning of `validate`)."""
    texts = {(ex.text, ex.lang) for rule in engine.rules for ex in (*rule.match_examples, *rule.no_match_examples)}
    fired: dict[str, set[tuple[str, str | None]]] = {rule.id: set() for rule in engine.rules}
    for text, lang in sorted(texts, key=lambda t: (t[0], t[1] or "")):
        for rid in {m.rule_id for m in engine.analyze(text, lang).matches}:
            fired[rid].add((text, lang))
    groups: dict[frozenset, list[str]] = {}
    for rid, got in fired.items():
        if got:
            groups.setdefault(frozenset(got), []).append(rid)
    by_id = {rule.id: rule for rule in engine.rules}
    problems = []
    for got, rids in groups.items():
        if len(rids) > 1:
            first = by_id[rids[0]]
            problems.append(CoverageProblem(
                first.file, first.line,
                f"rules {', '.join(rids)} fire together on every one of their examples ({len(got)} texts): "
                "one may be redundant, or add examples that tell them apart"))
    return problems
