"""Issue #4: the generated evasion suite, exact spans under evasion, and numbers never de-leeted.

Every hateful case of the functional suite (tests/functional/*.yaml) is rewritten by every
evasion in tests/evasion.py.  Recall on the rewritten cases must stay at least 0.95 of the recall
on the plain cases, per language and per evasion; and every piece of evidence must be the exact
original slice, covering a disguised word as the author wrote it (all of "к и т а й ц ы").
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import span_ok
from evasion import ALL_TRANSFORMS, WORD_TRANSFORMS, applies, rewrite, trigger_spans

pytestmark = pytest.mark.slow  # the generated evasion suite and its property runs

FUNCTIONAL = Path(__file__).parent / "functional"
RATIO = 0.95


def _hateful_cases() -> list[dict]:
    cases = []
    for path in sorted(FUNCTIONAL.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            if case["label"] == "hateful" and case.get("functionality") != "spelling_variant":
                cases.append(dict(case, lang=case.get("lang", doc["lang"])))
    return cases


CASES = _hateful_cases()


@pytest.fixture(scope="module")
def suite(engine):
    """(lang, transform) -> [(case id, plain flagged, rewritten text, disguised spans, result)]."""
    out = defaultdict(list)
    for case in CASES:
        plain = engine.analyze(case["text"])
        spans = trigger_spans(engine, case["text"])
        for transform in ALL_TRANSFORMS:
            if not applies(transform, case["lang"]):
                continue
            text, new_spans = rewrite(case["text"], spans, transform, case["lang"], case["id"])
            out[(case["lang"], transform)].append((case["id"], plain.flagged, text, new_spans, engine.analyze(text)))
    return out


def test_functional_suite_has_hateful_cases_in_both_languages():
    langs = {c["lang"] for c in CASES}
    assert {"ru", "kk"} <= langs, f"hateful functional cases found for {sorted(langs)}"


def _table(suite) -> tuple[str, list[str]]:
    lines = [f"{'lang':<5}{'evasion':<16}{'plain':>7}{'evaded':>8}{'ratio':>7}  n"]
    failures = []
    for lang in ("ru", "kk"):
        for transform in ALL_TRANSFORMS:
            rows = suite.get((lang, transform), [])
            if not rows:
                continue
            plain = sum(r[1] for r in rows) / len(rows)
            evaded = sum(r[4].flagged for r in rows) / len(rows)
            ratio = evaded / plain if plain else 1.0
            lines.append(f"{lang:<5}{transform:<16}{plain:>7.3f}{evaded:>8.3f}{ratio:>7.3f}  {len(rows)}")
            if ratio < RATIO:
                missed = [r[2] for r in rows if r[1] and not r[4].flagged][:5]
                failures.append(f"{lang}/{transform}: ratio {ratio:.3f} < {RATIO}; e.g. {missed}")
    return "\n".join(lines), failures


def test_recall_under_evasion_stays_within_95_percent(suite, capsys):
    table, failures = _table(suite)
    with capsys.disabled():
        print("\nEvasion suite: recall on plain vs rewritten hateful cases\n" + table)
    assert not failures, table + "\n" + "\n".join(failures)


def test_evidence_is_exact_and_covers_disguised_words(suite):
    problems = []
    for (lang, transform), rows in suite.items():
        for case_id, _plain, text, spans, result in rows:
            if not span_ok(text, result):
                problems.append(f"{case_id}/{transform}: evidence is not an original slice")
                continue
            if transform not in WORD_TRANSFORMS:
                continue
            for m in result.matches:
                for e in m.evidence:
                    for a, b in spans:
                        overlaps = e.start < b and a < e.end
                        if overlaps and not (e.start <= a and e.end >= b):
                            problems.append(f"{case_id}/{transform}: evidence {e.text!r} is a fragment of {text[a:b]!r}")
    assert not problems, "\n".join(problems[:20])


def test_deobfuscated_evidence_says_how(engine):
    text = "Все эти к и т а й ц ы — вонючие т@раканы."
    result = engine.analyze(text)
    hows = {e.text: e.how for m in result.matches for e in m.evidence}
    assert hows["к и т а й ц ы"].startswith("spaced")
    assert "leet" in hows["т@раканы"]


@pytest.mark.parametrize("text, word, entry", [
    ("k4p1rlerdi oltiru kerek", "k4p1rlerdi", "kk.kafir.kapir"),
    ("kyt4ilardy elden quu kerek", "kyt4ilardy", "kk.chinese.qytai"),
    ("zh1dy opyat vse skupili", "zh1dy", "ru.jewish.zhid"),
])
def test_digits_in_a_latin_word_stand_for_latin_letters(engine, text, word, entry):
    """Leet in Latin script (k4p1rler) is read with Latin letters, then like any Latin word."""
    doc = engine.explain(text).doc
    hits = {(doc.norm.original[doc.tokens[h.first].start:doc.tokens[h.last].end], h.entry.id, h.how)
            for h in doc.hits}
    assert any(w == word and e == entry and "leet" in how for w, e, how in hits), hits


@pytest.mark.parametrize("text, word, entry", [
    ("п1d0ры заполонили весь тикток", "п1d0ры", "ru.lgbt.pidor"),  # d has no Cyrillic twin: read by sound
    ("пиdоры заполонили весь тикток", "пиdоры", "ru.lgbt.pidor"),  # no digit at all
    ("k1tayцы лезут и лезут", "k1tayцы", "ru.chinese.kitaets"),  # y folded to у, read as й
    ("еvре1 всех обманывают", "еvре1", "ru.jewish.evrei"),  # more Cyrillic letters than Latin: a Cyrillic word
    ("олар тар@qан сияқты", "тар@qан", "kk.dehum.tarakan"),
    ("ши@ты позорят ислам", "ши@ты", "ru.shia.shiit"),  # @ is no а here: it hides one letter, as * does
])
def test_latin_letters_and_symbols_in_a_cyrillic_word_are_read(engine, text, word, entry):
    """Evaders also write Latin letters for their sound (d, q, v, y) and symbols that hide a letter
    they do not look like; the word is read as a reading the lexicon confirms."""
    doc = engine.explain(text).doc
    hits = {(doc.norm.original[doc.tokens[h.first].start:doc.tokens[h.last].end], h.entry.id) for h in doc.hits}
    assert (word, entry) in hits, hits


@pytest.mark.parametrize("text", ["qаzаq tili", "кв@ртира в центре", "купил iphone за 450", "ш@нс есть"])
def test_mixed_words_that_hide_no_lexicon_word_stay_unread(engine, text):
    """A Latin word with a few Cyrillic look-alikes stays Latin (qаzаq), and a symbol read as a
    mask needs a lexicon form that fits (кв@ртира fits none)."""
    trace = engine.explain(text)
    loose = [h.entry.id for h in trace.doc.hits if engine.lexicon.reachable_loosely(h.entry) and h.entry.target is None]
    assert not trace.result.matches and not loose, loose


def test_latin_leet_reads_no_numbers_as_words(engine):
    for text in ("v 2021 g0du ceny vyrosli na 15%", "kupil iphone 13 pro za 450 tysyach", "a1 b2 c3"):
        assert not engine.analyze(text).matches, text


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CASES or [{"id": "x", "text": "Все китайцы — тараканы.", "lang": "ru"}]),
       st.sampled_from(ALL_TRANSFORMS), st.integers(0, 10**6))
def test_spans_equal_original_slices_over_generated_evasions(engine, case, transform, seed):
    spans = trigger_spans(engine, case["text"])
    text, _ = rewrite(case["text"], spans, transform, case["lang"], f"{case['id']}/{seed}")
    assert span_ok(text, engine.analyze(text))


# -- numbers, prices, phones, dates, URLs are never read as words ---------------------------------

def _numberish(rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:
        return str(rng.randrange(10**9))
    if kind == 1:
        return f"{rng.randrange(1, 10**5)}{rng.choice(['$', '₸', 'тг', ' тенге', 'руб', '%', 'k', 'К'])}"
    if kind == 2:
        return f"+7 {rng.randrange(700, 799)} {rng.randrange(100, 999)}-{rng.randrange(10, 99)}-{rng.randrange(10, 99)}"
    if kind == 3:
        return f"{rng.randrange(1, 29):02d}.{rng.randrange(1, 13):02d}.{rng.randrange(1990, 2030)}"
    if kind == 4:
        return f"https://{rng.choice(['t.me', 'vk.com', 'instagram.com'])}/{rng.choice(['k1tai', 'zh1d', 'dung4n'])}{rng.randrange(100)}"
    if kind == 5:
        return f"{rng.randrange(1, 24)}:{rng.randrange(0, 60):02d}"
    return f"{rng.choice(['$', '@', '#'])}{rng.randrange(10**4)}{rng.choice(['', '.', ',', '*'])}{rng.randrange(100)}"


def test_numbers_prices_phones_dates_urls_are_never_words(engine):
    rng = random.Random(20261128)
    samples = [_numberish(rng) for _ in range(3000)]
    samples += ["100$", "3@4", "0000", "13 13 13", "1 1 1 1", "8 (701) 555 12 12", "1.0.3.4", "5*5=25",
                "₸ 3 000 000", "18+", "24/7", "COVID-19", "2х2", "3-4 раза", "10 000 тг."]
    hits = []
    for s in samples:
        result = engine.analyze(s)
        doc_hits = [e for m in result.matches for e in m.evidence]
        if doc_hits:
            hits.append((s, [(e.text, e.how) for e in doc_hits]))
        trace = engine.explain(s)
        loose = [h for h in trace.doc.hits if engine.lexicon.reachable_loosely(h.entry)]
        if loose:
            hits.append((s, [(h.entry.id, h.how) for h in loose]))
    assert not hits, hits[:10]


def _non_hateful_kazakh_cases() -> list[dict]:
    cases = []
    for path in sorted(FUNCTIONAL.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            if case["label"] == "non-hateful" and case.get("lang", doc["lang"]) == "kk":
                cases.append(case)
    return cases


@pytest.mark.parametrize("transform", ["keyboard_full", "keyboard_partial"])
def test_kazakh_typed_on_a_russian_keyboard_stays_unflagged_when_it_is_not_hateful(engine, transform, capsys):
    """The other half of reading Russian-keyboard Kazakh: the non-hateful Kazakh cases so spelled
    (neutral mentions, counter-speech, homonyms such as жиде, news...) must stay unflagged."""
    cases = _non_hateful_kazakh_cases()
    assert len(cases) >= 100
    plain_pass = sum(not engine.analyze(c["text"]).flagged for c in cases)
    flagged = []
    for c in cases:
        text, _ = rewrite(c["text"], [], transform, "kk", c["id"])
        if engine.analyze(text).flagged:
            flagged.append((c["id"], text))
    rate = 1 - len(flagged) / len(cases)
    with capsys.disabled():
        print(f"\nkk non-hateful, {transform}: pass {rate:.3f} ({len(cases) - len(flagged)}/{len(cases)}); "
              f"plain {plain_pass}/{len(cases)}")
    assert rate >= RATIO, flagged[:10]
