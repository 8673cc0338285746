"""The behaviour issue #2 promises, checked on the bundled lexicon and rules."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, span_ok


def test_dehumanization_of_chinese_with_exact_spans(engine):
    text = "Все эти китайцы — вонючие тараканы."
    r = engine.analyze(text)
    assert r.flagged
    assert "chinese" in r.targets
    # "Все эти китайцы — вонючие" is also a generalization; the dehumanizing match names both words
    m = next(m for m in r.matches if m.target == "chinese" and m.rule_id == "hate.dehumanization")
    spans = {e.text: e for e in m.evidence}
    assert {"китайцы", "тараканы"} <= set(spans)
    for e in m.evidence:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text, target, how",
    [
        ("Кафиров надо убивать.", "kafir", "lemma"),
        ("Дүнгендерді елден қуып жіберу керек!", "dungan", "stem"),
    ],
)
def test_inflected_forms_are_found(engine, text, target, how):
    r = engine.analyze(text)
    assert r.flagged, r.to_dict()
    assert target in r.targets
    target_ev = [e for m in r.matches for e in m.evidence if e.role == "target"]
    assert any(how in e.how for e in target_ev), [e.how for e in target_ev]


@pytest.mark.parametrize(
    "text",
    [
        "Дунгане отметили праздник в Алматы.",
        "Қытайлар мен қазақтар бірге жұмыс істейді.",
        "Я не считаю евреев паразитами.",
        "Писать, что дунгане — тараканы, — это ксенофобия, так нельзя.",
    ],
)
def test_neutral_negated_and_counter_speech_are_not_flagged(engine, text):
    r = engine.analyze(text)
    assert not r.flagged, r.to_dict()


def test_suppressed_match_says_why(engine):
    r = engine.analyze("Я не считаю евреев паразитами.")
    assert r.suppressed and r.suppressed[0].context == "negation"
    assert r.suppressed[0].cue.text == "не"
    r = engine.analyze("Писать, что дунгане — тараканы, — это ксенофобия, так нельзя.")
    assert any(s.context == "counter_speech" for s in r.suppressed)


def test_to_dict_shape_is_the_contract(engine):
    text = "Все эти китайцы — вонючие тараканы."
    d = engine.analyze(text).to_dict()
    assert set(d) >= {"flagged", "lang", "matches"}
    m = d["matches"][0]
    assert set(m) >= {"rule_id", "title", "narrative", "target", "severity", "explanation", "evidence"}
    assert set(m["evidence"][0]) >= {"start", "end", "text", "role", "entry", "how", "score"}
    json.dumps(d, ensure_ascii=False)  # serializable
    assert all(text[e["start"] : e["end"]] == e["text"] for e in m["evidence"])


def test_analyze_many_keeps_order_and_count(engine):
    texts = ["Кафиров надо убивать.", "Привет!", "", "Все эти китайцы — вонючие тараканы."] * 5
    results = list(engine.analyze_many(texts))
    assert len(results) == len(texts)
    assert [r.flagged for r in results] == [True, False, False, True] * 5


def test_lang_detection(engine):
    assert engine.analyze("Дунгане отметили праздник в Алматы.").lang == "ru"
    assert engine.analyze("Қытайлар мен қазақтар бірге жұмыс істейді.").lang == "kk"
    assert engine.analyze("Qytai basqynşylary ketsin").lang == "kk"


def test_lang_can_be_forced(engine):
    assert engine.analyze("Кафиров надо убивать.", lang="kk").lang == "kk"
    with pytest.raises(ValueError):
        engine.analyze("текст", lang="de")


def test_non_string_input_is_a_clear_error(engine):
    with pytest.raises(TypeError):
        engine.analyze(b"bytes")  # type: ignore[arg-type]
    r = engine.analyze_safely(None)
    assert r.error and not r.flagged


def test_engine_import_does_not_load_spacy():
    code = "import sys; from hsengine import Engine; Engine().analyze('тест'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_spans_are_original_slices_after_heavy_normalization(engine):
    text = "ＶＳЕ эти Ки\u200bтайцы — вонючие та\u0301раканы!!!"
    r = engine.analyze(text)
    assert r.flagged
    assert span_ok(text, r)
    ev = {e.role: e for m in r.matches for e in m.evidence}
    assert ev["target"].text == "Ки\u200bтайцы"
