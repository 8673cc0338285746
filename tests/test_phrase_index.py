"""Phrases are found through the keys of their least common component (`possible_phrases`): the
same phrases as trying every phrase listed under the message's keys by its first component."""

from __future__ import annotations

import random

from hsengine.lexicon.annotate import possible_phrases


def _brute_force(lexicon, keys: set[str]) -> set[int]:
    return {id(p) for k in keys for p in lexicon.phrases.get(k, ())
            if not any(keys.isdisjoint(c) for c in p.components)}


def test_possible_phrases_are_those_of_the_first_components(engine):
    lexicon = engine.lexicon
    rng = random.Random(0)
    phrases = [p for ps in lexicon.phrases.values() for p in ps]
    vocab = sorted(lexicon.phrase_vocab)
    found = 0
    for _ in range(300):
        # the keys of a few phrases (each then possible), some stray keys, and a few removed
        keys = {k for p in rng.sample(phrases, 3) for c in p.components for k in rng.sample(sorted(c), 1)}
        keys |= set(rng.sample(vocab, 20))
        keys -= set(rng.sample(sorted(keys), 2))
        got = possible_phrases(lexicon, keys)
        assert set(got) == _brute_force(lexicon, keys)
        found += bool(got)
    assert found > 200
    assert possible_phrases(lexicon, set()) == {}
