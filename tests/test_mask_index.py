"""A masked word's readings are looked for among the lexicon forms that start with its first
letter when that letter is no mask (TokenAnalyzer._forms_starting): the same readings as a scan
of every form of its length."""

from __future__ import annotations

import random

from hsengine.lexicon.lookup import _mask_first
from hsengine.morphology.kazakh_suffixes import keyboard_fold
from hsengine.text import deobfuscate


def test_masked_words_read_as_a_scan_of_every_form_reads_them(engine):
    analyzer = engine.analyzer
    forms = sorted(f for fs in analyzer.lexicon.forms_by_length.values() for f in fs if len(f) >= 4)
    rng = random.Random(0)
    words = []
    for f in rng.sample(forms, 300):
        w = list(f)
        w[rng.randrange(len(w))] = rng.choice("*01@3*")
        words.append("".join(w))
        words.append(keyboard_fold(f)[:1] + "*" + keyboard_fold(f)[2:])  # typed on a Russian keyboard
        words.append("*" + f[1:])
    checked = 0
    for w in words:
        for pattern in (deobfuscate.mask_pattern(w), deobfuscate.symbol_mask_pattern(w)):
            if pattern is None:
                continue
            for script in ("cyrl", "latn"):
                assert analyzer._mask_fits(pattern, len(w), script, _mask_first(w)) == \
                    analyzer._mask_fits(pattern, len(w), script), w
                checked += 1
    assert checked > 300
