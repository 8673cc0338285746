"""Estimate every rule's precision from labelled data and choose the default threshold.

    hsengine calibrate            # writes hsengine/data/precision.yaml, prints the figures
    hsengine calibrate --dry-run  # prints only

Data (and how each is used):

- **RuEthnoHate dev half, calibration half** — the dev texts whose id hashes even
  (`evaluate.ruethnohate_half`); the other half (*report*) is never read here except to print its
  figures, so the figures quoted from it are out of sample;
- **our Kazakh dev set**, `dev` split only (tests/data/kk_dev; the `test` split is never used);
- **the functional suite** (tests/functional/ru.yaml, kk.yaml), in-sample: it is the product's
  specification, written for the rules, so its hateful cases make every rule's estimate a little
  higher than real data alone would.

For every rule: n = texts it fired on (unsuppressed), h = those labelled hateful; the estimate is
the mean of a Beta posterior, (h + a·m) / (n + a), with the prior mean m from the rule's severity
and a = PRIOR_STRENGTH pseudo-texts.  For the rules in ENTRY_RULES (those that rest on one word:
the slur rule), the same per lexicon entry of the match's target evidence, with the rule's
estimate as the prior mean.  For their cue groups (CUE_GROUPS), over the texts the rule fired on
alone: the log-odds of hate when the group's classes occur in the text, and when they do not, each
minus the log-odds over all those texts (one pseudo-count added to each cell).

The default threshold is chosen on the calibration half: the lowest threshold (0.00 to 1.00 by
0.01) whose precision there is at least TARGET_PRECISION — the most recall that meets the
precision target — among those that flag every functional-suite hateful case that threshold 0
flags (the suite is the specification: a threshold may not break it).  Not the F1 maximum: above
the target, F1 moves by a few thousandths between thresholds while each step up drops entries
whose estimate rests on one or two texts.  When no threshold reaches the precision, the one with
the best F1 under the same constraint.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..engine.scoring import (BUNDLED_PRECISION, ENTRY_PRIOR_STRENGTH, MATCH_FEATURES, PRIOR_MEANS, PRIOR_STRENGTH,
                              POINTED_WORD, QUOTED_WORD, Estimate, Scoring, message_score, pointing_word, quoted_word,
                              target_entries)
from . import evaluate as ev

ENTRY_RULES = ("xenophobia.slur",)
# Cue groups of the rules that rest on one word: lexicon classes anywhere in the message that make a
# bare slur likelier to be hate (support) or less likely (against).  Chosen on the calibration half
# (texts where the slur rule fired alone: with a negative attribute, a dehumanizing or violent word,
# a body part, a vice or a why-question 0.73-0.89 were hateful, against 0.62-0.67 without; with talk
# about words, lineage or depriving 0.29-0.40; with the slur itself in quotation marks — shown, not
# used — 5 of 18, against 180 of 258 unquoted; right after a demonstrative or a vocative — pointed at
# people — 11 of 13, against 170 of 259).  QUOTED_WORD and POINTED_WORD are features of the match.
CUE_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "xenophobia.slur": {
        "support": ("negative_attribute", "dehumanization", "violence", "threat", "body_part", "vice", "why_question"),
        "against": ("metalinguistic", "lineage", "deprive"),
        "quoted": (QUOTED_WORD,),
        "pointed": (POINTED_WORD,),
    },
}
TARGET_PRECISION = 0.75
FUNCTIONAL_WEIGHT = 1.0
GRID = [round(i / 100, 2) for i in range(0, 101)]


@dataclass
class Fired:
    """One labelled text and the matches the engine found in it (threshold-free)."""

    id: str
    hateful: bool
    matches: tuple[tuple[str, str, tuple[str, ...]], ...]  # (rule id, severity, target entries)
    weight: float = 1.0
    classes: frozenset[str] = frozenset()  # lexicon classes in the text (only where a cue rule matched)


class _M:
    """Just enough of a Match for message_score."""

    __slots__ = ("rule_id", "precision")

    def __init__(self, rule_id: str, precision: float):
        self.rule_id, self.precision = rule_id, precision


def collect(engine, items: Sequence[ev.LabelledText], weight: float = 1.0) -> list[Fired]:
    from ..lexicon.annotate import annotate
    from ..text.normalize import normalize

    out = []
    for it in items:
        r = engine.analyze_safely(it.text)
        classes: frozenset[str] = frozenset()
        if any(m.rule_id in CUE_GROUPS for m in r.matches):  # the classes the engine's cues look at
            doc = annotate(normalize(it.text[: engine.max_text_length]), engine.analyzer, None)
            classes = frozenset(c for h in doc.hits for c in h.entry.classes)
            cue_matches = [m for m in r.matches if m.rule_id in CUE_GROUPS]
            if all(quoted_word(it.text, m.evidence) for m in cue_matches):  # as Engine._cues sees it
                classes |= {QUOTED_WORD}
            if any(pointing_word(doc, m.evidence) is not None for m in cue_matches):
                classes |= {POINTED_WORD}
        out.append(Fired(it.id or "", it.hateful, tuple(
            (m.rule_id, m.severity, tuple(target_entries(m.evidence))) for m in r.matches), weight, classes))
    return out


def estimate(engine, fired: Iterable[Fired]) -> dict[str, Any]:
    """Per-rule and per-entry counts and smoothed estimates, every rule of the engine listed."""
    rule_n: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    entry_n: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for f in fired:
        seen: set[str] = set()
        entries: dict[str, set[str]] = defaultdict(set)
        for rid, _sev, ents in f.matches:
            seen.add(rid)
            if rid in ENTRY_RULES:
                entries[rid].update(ents)
        for rid in seen:
            rule_n[rid][0] += f.weight
            rule_n[rid][1] += f.weight * f.hateful
        for rid, ents in entries.items():
            for e in ents:
                entry_n[rid][e][0] += f.weight
                entry_n[rid][e][1] += f.weight * f.hateful
    rules: dict[str, dict[str, Any]] = {}
    for rule in sorted(engine.rules, key=lambda r: r.id):
        n, h = rule_n.get(rule.id, (0.0, 0.0))
        m = PRIOR_MEANS[rule.severity]
        rules[rule.id] = {"precision": round((h + PRIOR_STRENGTH * m) / (n + PRIOR_STRENGTH), 3),
                          "n": _num(n), "hateful": _num(h)}
    entries_out: dict[str, dict[str, Any]] = {}
    for rid in ENTRY_RULES:
        if rid not in rules:
            continue
        base = rules[rid]["precision"]
        per = {}
        for e, (n, h) in sorted(entry_n.get(rid, {}).items()):
            per[e] = {"precision": round((h + ENTRY_PRIOR_STRENGTH * base) / (n + ENTRY_PRIOR_STRENGTH), 3),
                      "n": _num(n), "hateful": _num(h)}
        entries_out[rid] = per
    return {"rules": rules, "entries": entries_out, "cues": estimate_cues(engine, fired)}


def estimate_cues(engine, fired: Iterable[Fired]) -> dict[str, Any]:
    """Per cue group of a rule: the log-odds shift when the group is present / absent, relative to
    every text the rule fired on alone (counts + 1 in each cell)."""
    fired = list(fired)
    out: dict[str, Any] = {}
    for rid, groups in CUE_GROUPS.items():
        if rid not in {r.id for r in engine.rules}:
            continue
        alone = [f for f in fired if f.matches and {m[0] for m in f.matches} == {rid}]
        per = {}
        for name, classes in groups.items():
            unknown = [c for c in classes if c not in engine.lexicon.classes and c not in MATCH_FEATURES]
            if unknown:
                raise ValueError(f"cue group {rid}.{name}: unknown classes {unknown}")
            cell = [[1.0, 1.0], [1.0, 1.0]]  # [present][hateful]
            for f in alone:
                cell[int(not f.classes.isdisjoint(classes))][int(f.hateful)] += f.weight
            marginal = math.log((cell[0][1] + cell[1][1]) / (cell[0][0] + cell[1][0]))
            per[name] = {
                "classes": list(classes),
                "present": round(math.log(cell[1][1] / cell[1][0]) - marginal, 3),
                "absent": round(math.log(cell[0][1] / cell[0][0]) - marginal, 3),
                "texts_with": _num(cell[1][0] + cell[1][1] - 2), "hateful_with": _num(cell[1][1] - 1),
                "texts_without": _num(cell[0][0] + cell[0][1] - 2), "hateful_without": _num(cell[0][1] - 1),
            }
        out[rid] = per
    return out


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def scores(scoring: Scoring, fired: Iterable[Fired]) -> list[tuple[bool, float]]:
    """(gold, message score) per text under `scoring`."""
    out = []
    for f in fired:
        ms = [_M(rid, round(scoring.with_cues(rid, scoring.match_precision(rid, sev, ents), f.classes)[0], 3))
              for rid, sev, ents in f.matches]  # rounded as the engine rounds a match's precision
        out.append((f.hateful, message_score(ms)))
    return out


def metrics_at(scored: Sequence[tuple[bool, float]], t: float) -> ev.Metrics:
    m = ev.Metrics()
    for gold, s in scored:
        m.add(gold, s > 0 and s >= t - 1e-9)
    return m


def choose_threshold(cal: Sequence[tuple[bool, float]], functional: Sequence[tuple[bool, float]]) -> tuple[float, str]:
    """The default threshold and a sentence saying how it was chosen (see the module doc)."""
    spec = metrics_at(functional, 0.0).tp
    allowed = [t for t in GRID if metrics_at(functional, t).tp >= spec]
    good = [t for t in allowed if (metrics_at(cal, t).precision or 0) >= TARGET_PRECISION]
    if good:
        return min(good), (f"the lowest threshold (the most recall) whose precision on the RuEthnoHate calibration "
                           f"half is ≥ {TARGET_PRECISION}, among those that keep every functional-suite hateful case "
                           f"flagged ({spec}); grid 0.00-1.00 by 0.01")
    best = max(allowed, key=lambda t: (round(metrics_at(cal, t).f1 or 0, 6), -t))
    return best, (f"no threshold reaches precision {TARGET_PRECISION} on the RuEthnoHate calibration half: the one "
                  f"with the highest F1 there, among those that keep every functional-suite hateful case flagged "
                  f"({spec}); grid 0.00-1.00 by 0.01")


def sweep_rows(scored: Sequence[tuple[bool, float]], thresholds: Iterable[float]) -> list[dict[str, Any]]:
    return [{"threshold": t, **metrics_at(scored, t).to_dict()} for t in thresholds]


def calibrate(engine, root: Path | None = None) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The precision file's contents, and threshold sweeps per data set (for the report)."""
    rue = ev.load_dataset("ruethnohate", root)
    cal_items = [it for it in rue if ev.ruethnohate_half(it.id or "") == "calibrate"]
    rep_items = [it for it in rue if ev.ruethnohate_half(it.id or "") == "report"]
    kk_items = ev.load_dataset("kk_dev", root)
    fun_items = ev.load_functional()
    cal = collect(engine, cal_items)
    kk = collect(engine, kk_items)
    fun = collect(engine, fun_items, FUNCTIONAL_WEIGHT)
    rep = collect(engine, rep_items)
    est = estimate(engine, [*cal, *kk, *fun])
    data: dict[str, Any] = {
        "generated": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="minutes"),
        "by": "hsengine calibrate (hsengine/tools/calibrate.py)",
        "data": {
            "ruethnohate_calibrate": f"{len(cal_items)} texts: RuEthnoHate dev half, text ids whose SHA-256 ends in "
                                     "an even byte (evaluate.ruethnohate_half); the other "
                                     f"{len(rep_items)} (ruethnohate_report) are never used here",
            "kk_dev": f"{len(kk_items)} texts: tests/data/kk_dev, split dev (the test split is never used)",
            "functional": f"{len(fun_items)} cases: tests/functional/ru.yaml, kk.yaml (in-sample, weight "
                          f"{FUNCTIONAL_WEIGHT})",
        },
        "lexicon_entries": len(engine.lexicon.entries),
        "prior": {"strength": PRIOR_STRENGTH, "entry_strength": ENTRY_PRIOR_STRENGTH, "means": dict(PRIOR_MEANS)},
        "entry_rules": list(ENTRY_RULES),
    }
    scoring = Scoring.from_dict({**est, "prior": data["prior"]})
    cal_s, rep_s, kk_s, fun_s = (scores(scoring, x) for x in (cal, rep, kk, fun))
    threshold, how = choose_threshold(cal_s, fun_s)
    data["threshold"] = threshold
    data["threshold_rule"] = how
    for name, s in (("ruethnohate_calibrate", cal_s), ("ruethnohate_report", rep_s)):
        m = metrics_at(s, threshold)
        m0 = metrics_at(s, 0.0)
        data.setdefault("figures", {})[name] = {
            "at_threshold": {k: m.to_dict()[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")},
            "without_scores": {k: m0.to_dict()[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")},
        }
    data.update(est)
    thresholds = sorted({*ev.SWEEP_THRESHOLDS, threshold})
    sweeps = {name: sweep_rows(s, thresholds) for name, s in
              (("ruethnohate_calibrate", cal_s), ("ruethnohate_report", rep_s), ("kk_dev (dev split, in-sample)", kk_s),
               ("functional suite (in-sample)", fun_s))}
    return data, sweeps


HEADER = """\
# Estimated precision of every rule (and of every slur the slur rule matched), and the default
# threshold for `flagged`.  GENERATED by `hsengine calibrate` (hsengine/tools/calibrate.py): do not
# edit by hand; re-run it after changing rules or the lexicon.  See engine/scoring.py for how the
# engine uses it and docs/evaluation.md for the figures.  Only counts are stored, never a text.
"""


def dump(data: dict[str, Any]) -> str:
    import yaml

    order = ["generated", "by", "data", "lexicon_entries", "prior", "entry_rules", "threshold", "threshold_rule",
             "figures", "rules", "entries", "cues"]
    body = {k: data[k] for k in order if k in data}
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
    return HEADER + text


def write(data: dict[str, Any], path: Path = BUNDLED_PRECISION) -> None:
    text = dump(data)
    Scoring.from_dict(data)  # never write a file the engine would refuse
    path.write_text(text, encoding="utf-8")


def format_sweeps(data: dict[str, Any], sweeps: dict[str, list[dict[str, Any]]], fmt: str = "text") -> str:
    parts = [f"default threshold: {data['threshold']:.2f} — {data['threshold_rule']}"]
    for name, rows in sweeps.items():
        table = []
        for r in rows:
            mark = " (default)" if abs(r["threshold"] - data["threshold"]) < 1e-9 else ""
            table.append([f"{r['threshold']:.2f}{mark}", str(r["tp"]), str(r["fp"]), str(r["fn"]),
                          ev._f(r["precision"]), ev._f(r["recall"]), ev._f(r["f1"])])
        parts.append(("### " if fmt == "markdown" else "") + name)
        parts.append(ev._table(["threshold", "TP", "FP", "FN", "P", "R", "F1"], table, fmt))
    return "\n\n".join(parts) + "\n"


__all__ = ["ENTRY_RULES", "TARGET_PRECISION", "calibrate", "choose_threshold", "collect", "dump", "estimate",
           "format_sweeps", "write"]
