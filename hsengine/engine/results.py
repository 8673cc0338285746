"""Stage 7 — results: plain dataclasses with one JSON shape for every interface.

The shape is a contract relied on by outside tools (see docs/result.schema.json): fields may be
added, never renamed.  `start`/`end` are offsets into the ORIGINAL text and `text` always equals
``original[start:end]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..schema.values import SEVERITY_RANK
from .scoring import message_score
from ..schema.pickling import quick_state

SCHEMA_VERSION = "1.0"


@quick_state
@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the original text that the rule relied on."""

    start: int
    end: int
    text: str
    role: str  # what the span is in the rule: target, dehumanization, violence, negation...
    entry: str | None  # lexicon entry id (None for a plain lemma/regex word)
    how: str  # exact, lemma, stem, translit, fuzzy, leet+lemma, homoglyph+exact, spaced+exact...
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "role": self.role,
            "entry": self.entry,
            "how": self.how,
            "score": self.score,
        }


@quick_state
@dataclass(frozen=True, slots=True)
class Match:
    """A rule that fired, against which target, and the evidence it rests on."""

    rule_id: str
    title: str
    narrative: str
    target: str | None
    severity: str
    explanation: str
    evidence: tuple[Evidence, ...]
    score: float = 1.0  # confidence in the evidence: the weakest evidence score of the best binding
    precision: float = 1.0  # estimated share of such matches that are hate (engine/scoring.py)
    # words elsewhere in the text that moved `precision` (role "support" or "against"), for the rules
    # whose precision depends on them (the slur rule); not part of the rule's evidence
    cues: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "title": self.title,
            "narrative": self.narrative,
            "target": self.target,
            "severity": self.severity,
            "score": self.score,
            "precision": self.precision,
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
            "cues": [e.to_dict() for e in self.cues],
        }


@quick_state
@dataclass(frozen=True, slots=True)
class Suppressed:
    """A rule whose pattern matched but a context (negation, counter-speech...) cancelled it."""

    rule_id: str
    target: str | None
    context: str
    reason: str
    evidence: tuple[Evidence, ...]
    cue: Evidence | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "target": self.target,
            "context": self.context,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "cue": self.cue.to_dict() if self.cue else None,
        }


@dataclass(frozen=True)
class AnalysisResult:
    """What `Engine.analyze` returns for one text."""

    text: str
    lang: str
    matches: tuple[Match, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    warnings: tuple[str, ...] = ()
    chunks: int = 1
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # the threshold `flagged` applies; the Engine sets its own (default: the calibrated one).  0.0,
    # for a result built by hand, flags any match, as before scores existed.
    min_score: float = 0.0

    @property
    def score(self) -> float:
        """How likely the text is hate: noisy-OR of its matches' precisions, each rule once
        (engine/scoring.py); 0.0 without matches."""
        return message_score(self.matches)

    @property
    def flagged(self) -> bool:
        """True when at least one rule matched and the score reaches `min_score`."""
        return bool(self.matches) and self.score >= self.min_score - 1e-9

    @property
    def severity(self) -> str | None:
        """The highest severity among the matches, or None."""
        if not self.matches:
            return None
        return max((m.severity for m in self.matches), key=SEVERITY_RANK.__getitem__)

    @property
    def targets(self) -> list[str]:
        return sorted({m.target for m in self.matches if m.target})

    @property
    def narratives(self) -> list[str]:
        return sorted({m.narrative for m in self.matches})

    @property
    def rule_ids(self) -> list[str]:
        return sorted({m.rule_id for m in self.matches})

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "flagged": self.flagged,
            "score": self.score,
            "min_score": self.min_score,
            "lang": self.lang,
            "severity": self.severity,
            "targets": self.targets,
            "narratives": self.narratives,
            "matches": [m.to_dict() for m in self.matches],
            "suppressed": [s.to_dict() for s in self.suppressed],
            "warnings": list(self.warnings),
            "chunks": self.chunks,
            "error": self.error,
        }
        if include_text:
            d["text"] = self.text
        return d

    def to_json(self, include_text: bool = False, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(include_text), ensure_ascii=False, indent=indent)
