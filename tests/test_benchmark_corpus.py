"""Sanity checks of the benchmark corpus generator (not a speed test)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate, kk_suffix, obfuscate, vocabulary_size  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return generate(3000, seed=42)


def test_deterministic(corpus):
    again = generate(3000, seed=42)
    assert [m.text for m in again] == [m.text for m in corpus]
    assert again == corpus
    other = generate(3000, seed=43)
    assert [m.text for m in other] != [m.text for m in corpus]
    assert generate(50, seed=42) == corpus[:50]  # a prefix does not depend on the size


def test_lengths(corpus):
    assert all(5 <= m.words <= 80 for m in corpus)
    words = sorted(m.words for m in corpus)
    assert 12 <= words[len(words) // 2] <= 25  # social-media sized, not tweets of one word
    assert words[-1] >= 60 and words[0] <= 6
    longer = generate(200, seed=42, length_multiplier=10)
    assert all(50 <= m.words <= 800 for m in longer)
    assert sum(m.words for m in longer) > 8 * sum(m.words for m in corpus[:200])


def test_languages_and_shares(corpus):
    langs = Counter(m.lang for m in corpus)
    assert set(langs) == {"ru", "kk", "kk-latn", "mixed"}
    assert 0.45 < langs["ru"] / len(corpus) < 0.65
    hateful = sum(m.hateful for m in corpus) / len(corpus)
    assert 0.01 <= hateful <= 0.03
    kinds = Counter(m.kind for m in corpus)
    assert kinds["group_mention"] > 5 * kinds["hateful"]  # the case that fools keyword search
    assert {m.obfuscation for m in corpus if m.hateful} >= {None, "leet", "homoglyph", "spaced", "repeat"}


def test_vocabulary_is_zipf_shaped(corpus):
    import regex

    counts = Counter(w for m in corpus for w in regex.findall(r"\w+", m.text.lower()))
    ranked = [c for _, c in counts.most_common()]
    assert vocabulary_size() > 5000
    assert len(counts) > 8000  # not the same sentences over and over
    hapax = sum(1 for c in ranked if c == 1)
    assert hapax > 0.3 * len(counts)  # a long tail of rare words and typos
    import math

    slope = math.log(ranked[9] / ranked[999]) / math.log(100)  # Zipf: frequency ∝ rank^-slope
    assert 0.5 < slope < 1.5, slope


def test_helpers():
    assert kk_suffix("қытай", "pl") == "қытайлар"
    assert kk_suffix("дүнген", "pl") == "дүнгендер"
    assert kk_suffix("мектеп", "loc") == "мектепте"
    assert kk_suffix("кітап", "poss3") == "кітабы"
    import random

    rng = random.Random(0)
    assert obfuscate("китайцы", "spaced", rng) == "к и т а й ц ы"
    assert obfuscate("китайцы", "leet", rng) != "китайцы"


def test_hateful_messages_are_mostly_flagged(engine):
    msgs = [m for m in generate(4000, seed=7) if m.hateful]
    assert len(msgs) >= 40
    flagged = sum(engine.analyze(m.text).flagged for m in msgs)
    assert flagged >= 0.75 * len(msgs), f"{flagged} of {len(msgs)} hateful messages flagged"
    obfuscated = [m for m in msgs if m.obfuscation]
    assert sum(engine.analyze(m.text).flagged for m in obfuscated) >= 0.6 * len(obfuscated)
