"""The "hsengine" spaCy pipeline component: results, char-aligned spans, Kazakh through "xx"."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (pip install 'hsengine[spacy]')")

import hsengine.integrations.spacy_component  # noqa: E402,F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp_ru():
    nlp = spacy.blank("ru")
    nlp.add_pipe("hsengine")
    return nlp


@pytest.fixture(scope="module")
def nlp_xx():
    nlp = spacy.blank("xx")
    nlp.add_pipe("hsengine", config={"include_suppressed": True})
    return nlp


def _covers(span, ev) -> bool:
    """An 'expand'-aligned span covers the evidence and starts/ends in the tokens that hold it."""
    return span.start_char <= ev.start and span.end_char >= ev.end and \
        span[0].idx < ev.end and span[-1].idx + len(span[-1].text) > ev.start


def test_pipe_added_and_flagged(nlp_ru, engine):
    assert "hsengine" in nlp_ru.pipe_names
    text = "Все эти китайцы — вонючие тараканы."
    doc = nlp_ru(text)
    assert doc._.hate_flagged is True
    result = doc._.hsengine
    assert result == engine.analyze(text)
    assert "hate.dehumanization" in result.rule_ids


def test_spans_align_with_evidence(nlp_ru):
    text = "Ну и дела... Все эти к1т@йцы — вонючие тараканы!!! Кафиров надо убивать."
    doc = nlp_ru(text)
    spans = list(doc.spans["hsengine"])
    evidence = [(m.rule_id, ev) for m in doc._.hsengine.matches for ev in m.evidence]
    assert evidence and len(spans) == len(evidence)
    for span, (rule_id, ev) in zip(spans, evidence):
        assert span.label_ == ev.role
        assert span.kb_id_ == rule_id
        assert _covers(span, ev)
        assert text[ev.start:ev.end] == ev.text
    labels = {s.label_ for s in spans}
    assert {"target", "dehumanization"} <= labels
    assert {s.kb_id_ for s in spans} >= {"hate.dehumanization", "hate.violence"}


def test_expand_alignment_inside_a_token(nlp_ru):
    # "китайцы_тараканы" is one spaCy token but two evidence spans: both expand to that token
    text = "эти китайцы_тараканы"
    doc = nlp_ru(text)
    assert [t.text for t in doc] == ["эти", "китайцы_тараканы"]
    spans = list(doc.spans["hsengine"])
    assert sorted(s.label_ for s in spans) == ["dehumanization", "target"]
    for span in spans:
        ev = next(e for m in doc._.hsengine.matches for e in m.evidence if e.role == span.label_)
        assert _covers(span, ev)
        assert span.text == "китайцы_тараканы" and span.start_char < ev.end and ev.start < span.end_char


def test_not_flagged(nlp_ru):
    doc = nlp_ru("Китайцы открыли новое кафе возле рынка.")
    assert doc._.hate_flagged is False
    assert len(doc.spans["hsengine"]) == 0
    assert doc._.hsengine.lang == "ru"


def test_kazakh_through_multilingual_blank(nlp_xx):
    text = "Дүнгендерді елден қуып жіберу керек!"
    doc = nlp_xx(text)
    assert doc._.hate_flagged is True
    assert doc._.hsengine.lang == "kk"
    spans = list(doc.spans["hsengine"])
    assert any(s.label_ == "target" and s.text == "Дүнгендерді" for s in spans)
    for m in doc._.hsengine.matches:
        for ev in m.evidence:
            assert any(_covers(s, ev) and s.label_ == ev.role for s in spans)


def test_suppressed_spans(nlp_xx):
    doc = nlp_xx("Қытайларды өлтіру керек емес.")
    assert doc._.hate_flagged is False
    result = doc._.hsengine
    cancelled = list(doc.spans["hsengine_suppressed"])
    assert result.suppressed and cancelled
    assert any(s.label_ == result.suppressed[0].context for s in cancelled)


def test_nlp_pipe_and_lang_override():
    nlp = spacy.blank("xx")
    nlp.add_pipe("hsengine", config={"lang": "kk"})
    docs = list(nlp.pipe(["Қытайларды өлтіру керек.", "Бүгін ауа райы жақсы.", ""]))
    assert [d._.hate_flagged for d in docs] == [True, False, False]
    assert all(d._.hsengine.lang == "kk" for d in docs)
