"""The generated construction suite (tests/construction): per-cell figures of the bundled Engine.

A cell is  language x attack family x target kind x mood.  The suite asks every cell for hateful
recall >= 0.95 and non-hateful pass rate >= 0.95.  The first tests check the instrument itself
(they must pass); the per-cell table is printed on the terminal (without xdist) and in the
report section of `pytest -rA`; every cell meets the target since issue #11's last round, so a
rule change that drops a cell below it fails here.

    python -m pytest tests/test_construction.py -rA -p no:xdist   # with the table on the terminal
    python -m tests.construction.report --failures 10               # the failing cases per cell
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from construction import generator as G
from construction import report as R
from construction.kazakh import KEYBOARD
from construction.vocab import NARRATIVE, TARGETS

pytestmark = [pytest.mark.xdist_group("construction"), pytest.mark.slow]  # thousands of generated cases

CASES = G.generate()
MIN_NON_HATEFUL_PER_CELL = 16


# -- the instrument -------------------------------------------------------------------------------

def test_generation_is_deterministic():
    G._generate.cache_clear()
    again = G.generate()
    assert [c.to_dict() for c in again] == [c.to_dict() for c in CASES]


def test_every_cell_has_hateful_cases_and_their_twins():
    h = Counter(c.cell for c in CASES if c.hateful)
    n = Counter(c.cell for c in CASES if not c.hateful)
    thin = [(cell, h[cell], n[cell]) for cell in G.cells()
            if h[cell] < G.MIN_HATEFUL or n[cell] < MIN_NON_HATEFUL_PER_CELL]
    assert not thin, thin
    assert set(h) == set(G.cells())
    for lang in G.LANGS:
        for kind in G.KINDS:
            twins = {c.twin for c in CASES if c.lang == lang and c.target_kind == kind and not c.hateful}
            assert twins == set(G.TWINS), (lang, kind, twins)
            targets = {c.target for c in CASES if c.lang == lang and c.target_kind == kind and c.hateful}
            assert targets == {t for t, v in TARGETS.items() if v.kind == kind}, (lang, kind)


def test_every_hateful_case_has_a_negated_twin():
    ids = {c.id for c in CASES}
    missing = [c.id for c in CASES if c.hateful and c.spelling == "standard"
               and c.id.replace("-hateful", "-negated") not in ids]
    assert not missing, missing[:20]


def test_fields_are_consistent():
    assert len({c.id for c in CASES}) == len(CASES)
    for c in CASES:
        assert c.lang in G.LANGS and c.family in G.FAMILIES and c.target_kind in G.KINDS, c.id
        assert c.mood in G.FAMILY_MOODS[c.family], c.id
        assert TARGETS[c.target].kind == c.target_kind, c.id
        assert c.label in G.LABELS and c.spelling in ("standard", "keyboard"), c.id
        assert c.mix in ("", "kk_in_ru", "ru_in_kk"), c.id
        if c.hateful:
            assert c.twin == "" and c.narrative == NARRATIVE[c.target_kind], c.id
        else:
            assert c.twin in G.TWINS and c.narrative == "", c.id
        if c.twin == "refuted":
            assert c.family in G.CLAIM_FAMILIES, c.id
        assert c.text == c.text.strip() and "{" not in c.text and "[" not in c.text and "  " not in c.text, c.id
        assert c.text[0].isupper() or c.text[0] == "«", c.id


def test_texts_are_unique():
    norm = Counter(" ".join(re.sub(r"[^\w\s]", " ", c.text.lower()).split()) for c in CASES)
    assert not [t for t, k in norm.items() if k > 1]


def test_keyboard_and_code_switched_cases_are_a_small_share():
    kk = [c for c in CASES if c.lang == "kk"]
    kb = [c for c in kk if c.spelling == "keyboard"]
    mixed = [c for c in CASES if c.mix]
    assert 0.03 < len(kb) / len(kk) < 0.15
    assert 0.01 < len(mixed) / len(CASES) < 0.08
    # a keyboard case differs from its standard twin only in the folded letters
    std = {c.id: c.text for c in kk if c.spelling == "standard"}
    for c in kb:
        assert c.text != std[c.id.removesuffix("-kb")], c.id
        assert c.text.translate(KEYBOARD) == std[c.id.removesuffix("-kb")].translate(KEYBOARD), c.id


def test_russian_words_are_dictionary_words():
    """Catches typos in the Russian templates: every word is known to pymorphy3, or listed here."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    rare = {"муртад", "муртады", "муртадов", "муртадам", "муртадами", "муртада", "среднеазиат", "среднеазиаты",
            "среднеазиатов", "среднеазиатам", "среднеазиатами", "среднеазиата", "поотрубали", "синьцзян",
            "мамбет", "мамбеты", "мамбетов", "мамбетам", "мамбета", "гастер", "гастеры", "гастеров", "гастерам",
            "гастера", "китаёз", "китаёзы", "китаёза", "китаёзам", "китаёзу"}
    unknown = Counter()
    for c in CASES:
        if c.lang == "ru" and not c.mix:
            for w in re.findall(r"[а-яё]+(?:-[а-яё]+)*", c.text.lower()):
                if w not in rare and not morph.word_is_known(w):
                    unknown[w] += 1
    assert not unknown, unknown.most_common(30)


def test_cases_are_not_the_rules_own_examples(engine):
    """A case identical to a rule's example would test a rule on what it was written against."""
    def norm(s: str) -> str:
        return " ".join("".join(ch for ch in s.lower() if ch.isalnum() or ch.isspace()).split())

    examples = {norm(ex.text) for rule in engine.rules for ex in (*rule.match_examples, *rule.no_match_examples)}
    copied = [c.id for c in CASES if norm(c.text) in examples]
    assert not copied, copied


# -- the engine on the suite ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def outcomes(engine, request):
    outs = R.run(engine, CASES)
    text = R.full_report(outs, "text")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not hasattr(request.config, "workerinput"):
        reporter.write_line("")
        for line in text.splitlines():
            reporter.write_line(line)
    return outs, text


def test_engine_analyzes_every_case(outcomes, request):
    outs, text = outcomes
    request.node.add_report_section("call", "construction suite", text)
    errors = [(o.case.id, o.error) for o in outs if o.error]
    assert not errors, errors[:10]
    assert len(outs) == len(CASES)
    assert len(R.cell_rows(outs)) == len(G.cells())


def test_every_cell_meets_the_target(outcomes, request):
    outs, text = outcomes
    request.node.add_report_section("call", "construction suite", text)
    below = [r for r in R.cell_rows(outs) if not r.meets(R.TARGET)]
    assert not below, (
        f"{len(below)} of {len(G.cells())} cells below {R.TARGET} (hateful recall or non-hateful pass rate)\n"
        + R.format_rows(below, ("lang", "family", "target kind", "mood"), "text")
        + "\n\n" + R.failures(outs, per_cell=3, only_failing=True))
