"""An ``"hsengine"`` spaCy pipeline component (``pip install 'hsengine[spacy]'``).

    import spacy
    import hsengine.integrations.spacy_component  # registers the factory

    nlp = spacy.blank("ru")          # Kazakh: spacy.blank("xx") (spaCy has no Kazakh class)
    nlp.add_pipe("hsengine")
    doc = nlp("Все эти китайцы — вонючие тараканы.")
    doc._.hate_flagged               # True
    doc._.hsengine                   # the AnalysisResult (matches, evidence, explanations)
    [(s.text, s.label_, s.kb_id_) for s in doc.spans["hsengine"]]
    # [('китайцы', 'target', 'hate.dehumanization'), ('тараканы', 'dehumanization', ...)]

The component runs the Engine on ``doc.text`` (hsengine tokenizes and normalizes on its own; the
spaCy tokens only serve to place the spans).  Every evidence span of every match becomes a span of
``doc.spans[spans_key]`` built with ``doc.char_span(start, end, alignment_mode="expand")``: its
``label_`` is the evidence role (target, dehumanization, violence, call...) and its ``kb_id_`` the
rule id.  With ``include_suppressed`` the evidence of matches a context cancelled (negation,
counter-speech...) goes to ``doc.spans[spans_key + "_suppressed"]``, labelled the same way, and the
cue that cancelled them with the context name as label.

spaCy is only imported by this module; ``import hsengine`` never imports it.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import get_engine

if not Doc.has_extension("hsengine"):
    Doc.set_extension("hsengine", default=None)
if not Doc.has_extension("hate_flagged"):
    Doc.set_extension("hate_flagged", getter=lambda doc: bool(doc._.hsengine is not None and doc._.hsengine.flagged))


class HsengineComponent:
    """Runs an Engine on each Doc; see the module docstring for what it sets."""

    def __init__(self, nlp: Language | None = None, name: str = "hsengine", *, engine=None,
                 lexicon_paths: list[str] | None = None, rules_paths: list[str] | None = None,
                 lang: str | None = None, spans_key: str = "hsengine", include_suppressed: bool = False,
                 engine_options: dict[str, Any] | None = None):
        if lang is not None and lang not in ("ru", "kk", "mixed"):
            raise ValueError("lang must be 'ru', 'kk', 'mixed' or None")
        self.name = name
        self.engine = engine if engine is not None else get_engine(lexicon_paths, rules_paths, **(engine_options or {}))
        self.lang = lang
        self.spans_key = spans_key
        self.include_suppressed = include_suppressed

    def __call__(self, doc: Doc) -> Doc:
        result = self.engine.analyze(doc.text, self.lang)
        return self._annotate(doc, result)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def _annotate(self, doc: Doc, result) -> Doc:
        doc._.hsengine = result
        spans = []
        seen = set()
        for m in result.matches:
            for ev in m.evidence:
                span = doc.char_span(ev.start, ev.end, label=ev.role, kb_id=m.rule_id, alignment_mode="expand")
                key = (ev.start, ev.end, ev.role, m.rule_id)
                if span is not None and key not in seen:
                    seen.add(key)
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.include_suppressed:
            cancelled = []
            for s in result.suppressed:
                for ev in s.evidence:
                    span = doc.char_span(ev.start, ev.end, label=ev.role, kb_id=s.rule_id, alignment_mode="expand")
                    if span is not None:
                        cancelled.append(span)
                if s.cue is not None:
                    span = doc.char_span(s.cue.start, s.cue.end, label=s.context, kb_id=s.rule_id,
                                         alignment_mode="expand")
                    if span is not None:
                        cancelled.append(span)
            doc.spans[self.spans_key + "_suppressed"] = cancelled
        return doc


@Language.factory(
    "hsengine",
    default_config={"lexicon_paths": None, "rules_paths": None, "lang": None, "spans_key": "hsengine",
                    "include_suppressed": False, "engine_options": {}},
)
def make_hsengine(nlp: Language, name: str, lexicon_paths: list[str] | None, rules_paths: list[str] | None,
                  lang: str | None, spans_key: str, include_suppressed: bool,
                  engine_options: dict[str, Any]) -> HsengineComponent:
    return HsengineComponent(nlp, name, lexicon_paths=lexicon_paths, rules_paths=rules_paths, lang=lang,
                             spans_key=spans_key, include_suppressed=include_suppressed,
                             engine_options=engine_options)


__all__ = ["HsengineComponent", "make_hsengine"]
