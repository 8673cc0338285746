"""Stage 7 — scores: how likely a match, and a message, is hate, from labelled data.

Every rule (and, for a rule that rests on one word such as `xenophobia.slur`, every lexicon entry
it matched) carries an *estimated precision*: of the texts it fired on in labelled data, the share
the annotators judged hateful, smoothed towards a prior.  The estimates are data, written by
`hsengine calibrate` (hsengine/tools/calibrate.py) into ``hsengine/data/precision.yaml``, which
ships with the package; no labelled data is needed to use them.

A message's score combines its matches by noisy-OR over rules:

    score = 1 − Π_rules (1 − p_rule),   p_rule = the highest precision among that rule's matches

(one rule counts once per message, however many targets it matched).  For a rule with *cue groups*
(the slur rule), the match's precision is first moved by the words elsewhere in the message: an
attack word (negative attribute, dehumanizing or violent word, vice...) makes a bare slur likelier
to be hate, talk about words or lineage less likely; each group shifts the log-odds by its
estimated amount when present and when absent (naive Bayes over the groups), and the words that
did so are reported as the match's `cues`.  A message is flagged when
``score ≥ min_score``; the default threshold is the one `hsengine calibrate` chose and wrote into the
same file.  Matches under the threshold are still reported: the explanation always names every
rule and span.

A rule the file does not know (a new rule, a rule file of one's own) gets the prior of its
severity, which lies above the default threshold: such a rule flags alone, as every rule did before
scores existed, until a calibration gives it an estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..paths import PACKAGE_DIR

BUNDLED_PRECISION = PACKAGE_DIR / "data" / "precision.yaml"

# Prior mean precision by severity when nothing was measured (also the centre of the Beta prior the
# calibration smooths towards).  All lie above the default threshold on purpose: see the module doc.
PRIOR_MEANS: dict[str, float] = {"low": 0.70, "medium": 0.75, "high": 0.80, "critical": 0.85}
PRIOR_STRENGTH = 10.0  # pseudo-texts of the rule prior
ENTRY_PRIOR_STRENGTH = 10.0  # pseudo-texts of an entry's prior (centred on its rule's estimate)
FALLBACK_THRESHOLD = 0.5  # used only when no precision file can be read at all

# A cue that is a feature of the match itself, not a lexicon class of the message: every word the
# match's target rests on touches a quotation mark ("хохлы", «узкоглазых») — the word is shown,
# not used, as scare quotes and "what you call ..." do.  Cue groups may list it among their classes.
QUOTED_WORD = "quoted_word"
# The opposite: a target word of the match right after a demonstrative or quantifier ("эти хохлы",
# "мына шүршіттер", "одни чурки") or a vocative ("эй, кацап") — the word points at people or
# addresses one, it is used.  The classes that point are lexicon data (POINTING_CLASSES).
POINTED_WORD = "pointed_word"
POINTING_CLASSES = frozenset({"quantifier", "vocative"})
MATCH_FEATURES = frozenset({QUOTED_WORD, POINTED_WORD})
QUOTE_MARKS = frozenset("«»„“”‹›‚‘’\"'`")


def quoted_word(original: str, evidence: Iterable[Any]) -> bool:
    """Does every target word of a match touch a quotation mark in the original text (immediately
    before its first or after its last character)?  False when the match has no target words."""
    spans = [(e.start, e.end) for e in evidence if e.role == "target"]
    return bool(spans) and all(
        (start > 0 and original[start - 1] in QUOTE_MARKS) or (end < len(original) and original[end] in QUOTE_MARKS)
        for start, end in spans)


def pointing_word(doc: Any, evidence: Iterable[Any]) -> Any | None:
    """The hit (of a POINTING_CLASSES class) on the word right before a target word of the match,
    commas and dashes between allowed ("эй, кацап"); None when no target word is pointed at."""
    starts = {e.start for e in evidence if e.role == "target"}
    toks = doc.tokens
    for tok in toks:
        if tok.start not in starts or tok.kind != "word":
            continue
        k = tok.index - 1
        while k >= 0 and toks[k].kind == "punct" and toks[k].text in _POINT_SKIP:
            k -= 1
        if k < 0 or toks[k].kind != "word" or toks[k].sent != tok.sent:
            continue
        for h in doc.hits:
            if h.first <= k <= h.last and not POINTING_CLASSES.isdisjoint(h.entry.classes):
                return h
    return None


_POINT_SKIP = frozenset({",", "-", "—", "–"})


@dataclass(frozen=True)
class Estimate:
    """An estimated precision and the (weighted) number of texts it rests on."""

    precision: float
    n: float = 0.0
    hateful: float = 0.0


@dataclass(frozen=True)
class CueGroup:
    """Words elsewhere in the message that make a match of one rule likelier (support: an attack word
    beside a bare slur) or less likely (against: talk about words, lineage) to be hate.  `present`
    and `absent` are shifts of the match's log-odds, estimated from labelled data relative to all
    texts the rule fired on alone, so the group's two cases average out to the rule's estimate."""

    name: str
    classes: frozenset[str]
    present: float
    absent: float


@dataclass(frozen=True)
class Scoring:
    """The precision estimates and the default threshold (the contents of precision.yaml)."""

    rules: Mapping[str, Estimate] = field(default_factory=dict)
    entries: Mapping[str, Mapping[str, Estimate]] = field(default_factory=dict)  # rule -> entry -> estimate
    threshold: float = FALLBACK_THRESHOLD
    prior_means: Mapping[str, float] = field(default_factory=lambda: dict(PRIOR_MEANS))
    meta: Mapping[str, Any] = field(default_factory=dict)
    cues: Mapping[str, tuple[CueGroup, ...]] = field(default_factory=dict)  # rule -> cue groups

    # -- reading --------------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Scoring":
        """From the parsed YAML; anything malformed raises ValueError with the key at fault."""
        data = dict(data or {})

        def estimate(where: str, v: Any) -> Estimate:
            if isinstance(v, (int, float)):
                v = {"precision": v}
            if not isinstance(v, Mapping) or "precision" not in v:
                raise ValueError(f"{where}: expected a mapping with 'precision'")
            p = _unit(v["precision"], f"{where}.precision")
            return Estimate(p, float(v.get("n", 0) or 0), float(v.get("hateful", 0) or 0))

        rules = {str(k): estimate(f"rules.{k}", v) for k, v in (data.get("rules") or {}).items()}
        entries: dict[str, dict[str, Estimate]] = {}
        for rid, ents in (data.get("entries") or {}).items():
            if not isinstance(ents, Mapping):
                raise ValueError(f"entries.{rid}: expected a mapping of entry ids")
            entries[str(rid)] = {str(e): estimate(f"entries.{rid}.{e}", v) for e, v in ents.items()}
        prior = dict(PRIOR_MEANS)
        for sev, v in ((data.get("prior") or {}).get("means") or {}).items():
            prior[str(sev)] = _unit(v, f"prior.means.{sev}")
        threshold = _unit(data.get("threshold", FALLBACK_THRESHOLD), "threshold")
        cues: dict[str, tuple[CueGroup, ...]] = {}
        for rid, groups in (data.get("cues") or {}).items():
            if not isinstance(groups, Mapping):
                raise ValueError(f"cues.{rid}: expected a mapping of cue groups")
            out = []
            for name, g in groups.items():
                where = f"cues.{rid}.{name}"
                if not isinstance(g, Mapping) or not isinstance(g.get("classes"), list):
                    raise ValueError(f"{where}: expected classes (a list), present and absent")
                out.append(CueGroup(str(name), frozenset(map(str, g["classes"])), _shift(g.get("present", 0), where),
                                    _shift(g.get("absent", 0), where)))
            cues[str(rid)] = tuple(out)
        meta = {k: v for k, v in data.items() if k not in ("rules", "entries", "threshold", "cues")}
        return cls(rules, entries, threshold, prior, meta, cues)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Scoring":
        """The estimates in `path` (default: the bundled file).  A missing bundled file gives the
        priors alone; a file given explicitly must exist.

        The estimates read are kept in the disk cache under the file's bytes and the package code
        (hsengine/cache.py): a start that finds them there does not import PyYAML (~30 ms with
        the parse)."""
        import hashlib

        from .. import cache

        p = Path(path) if path is not None else BUNDLED_PRECISION
        if not p.is_file():
            if path is not None:
                raise FileNotFoundError(f"precision file {p} does not exist")
            return cls()
        key = hashlib.sha256(f"{cache.code_fingerprint()}|".encode() + p.read_bytes()).hexdigest()[:32]
        cached = cache.load(key, lambda obj: isinstance(obj, cls), kind="precision")
        if cached is not None:
            return cached
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: faster start
        with p.open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader
        try:
            scoring = cls.from_dict(data)
        except ValueError as exc:
            raise ValueError(f"{p}: {exc}") from None
        cache.store(key, scoring, kind="precision")
        return scoring

    # -- estimates ------------------------------------------------------------------------------
    def prior(self, severity: str) -> float:
        return self.prior_means.get(severity, PRIOR_MEANS["medium"])

    def rule_precision(self, rule_id: str, severity: str) -> float:
        """The rule's estimate, or the prior of its severity for a rule never calibrated."""
        est = self.rules.get(rule_id)
        return est.precision if est is not None else self.prior(severity)

    def match_precision(self, rule_id: str, severity: str, entries: Iterable[str | None] = ()) -> float:
        """A match's precision: for a rule with per-entry estimates (one that rests on a single
        word, such as the slur rule), the best estimate among the entries its target evidence
        matched; otherwise, or for entries never seen, the rule's."""
        base = self.rule_precision(rule_id, severity)
        per_entry = self.entries.get(rule_id)
        if not per_entry:
            return base
        known = [per_entry[e].precision for e in entries if e is not None and e in per_entry]
        unknown = any(e is not None and e not in per_entry for e in entries)
        if not known:
            return base
        best = max(known)
        return max(best, base) if unknown else best

    def precision_of(self, match: Any) -> float:
        """`match_precision` for a Match (its rule, severity and target evidence), without cues."""
        return self.match_precision(match.rule_id, match.severity, target_entries(match.evidence))

    def with_cues(self, rule_id: str, precision: float, classes: Iterable[str]) -> tuple[float, list[tuple[str, bool]]]:
        """The precision of a match of `rule_id` given the lexicon classes present in its message,
        and which cue groups were present [(name, present)].  Rules without cue groups: unchanged."""
        groups = self.cues.get(rule_id)
        if not groups:
            return precision, []
        present = set(classes)
        p = min(max(precision, 1e-3), 1 - 1e-3)
        logit = math.log(p / (1 - p))
        seen = []
        for g in groups:
            here = not g.classes.isdisjoint(present)
            logit += g.present if here else g.absent
            seen.append((g.name, here))
        return 1.0 / (1.0 + math.exp(-logit)), seen


def target_entries(evidence: Iterable[Any]) -> list[str]:
    """The lexicon entries a match's target evidence rests on (in order, without repeats)."""
    return list(dict.fromkeys(e.entry for e in evidence if e.role == "target" and e.entry))


def noisy_or(probabilities: Iterable[float]) -> float:
    """1 − Π(1 − p): the chance that at least one of independent signals is right."""
    q = 1.0
    for p in probabilities:
        q *= 1.0 - min(1.0, max(0.0, p))
    return 1.0 - q


def message_score(matches: Iterable[Any]) -> float:
    """A message's score from its matches: noisy-OR over rules, each rule counted once (its best
    match), rounded to 3 decimals; 0.0 without matches."""
    best: dict[str, float] = {}
    for m in matches:
        p = float(m.precision)
        if p > best.get(m.rule_id, -1.0):
            best[m.rule_id] = p
    if not best:
        return 0.0
    return round(noisy_or(best.values()), 3)


def _unit(value: Any, where: str) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {value!r} is not a number") from None
    if math.isnan(x) or not 0.0 <= x <= 1.0:
        raise ValueError(f"{where}: {value!r} is not between 0 and 1")
    return x


def _shift(value: Any, where: str) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {value!r} is not a number") from None
    if math.isnan(x) or abs(x) > 10:
        raise ValueError(f"{where}: a log-odds shift of {value!r} is out of range")
    return x


def check_min_score(value: Any) -> float:
    """A threshold given by a user: a number from 0 to 1."""
    return _unit(value, "min_score")


__all__ = ["BUNDLED_PRECISION", "CueGroup", "Estimate", "PRIOR_MEANS", "Scoring", "check_min_score", "message_score",
           "noisy_or", "target_entries"]
