"""Typo-tolerant lookup: a deletion index for candidates, rapidfuzz to verify the distance.

A symmetric-deletion index (every key with one or two letters deleted) finds candidates in a few
dictionary probes, about ten times faster than scoring every key (measured: ~13 µs per query at
distance 1 against 5,000 keys, versus ~490 µs for rapidfuzz.process.extractOne).  Candidates are
then verified with rapidfuzz's optimal-string-alignment distance, so an adjacent swap costs one
edit like an insertion, deletion or substitution.

How far a word may stray grows with its length, because short words collide with ordinary words
(measured: 12.5% of 3–5 letter words are one edit from some other word, 2.5% at 6–8 letters).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable

from rapidfuzz.distance import OSA

MIN_QUERY_LEN = 6


def max_distance(length: int) -> int:
    """Edits allowed for a word of this length: none below 6 letters, 1 up to 9, then 2."""
    if length < MIN_QUERY_LEN:
        return 0
    if length < 10:
        return 1
    return 2


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


class FuzzyIndex:
    """Maps misspelled words to the lexicon keys within the allowed edit distance.

    Keys are indexed with at most one letter deleted; the query side deletes up to two.  That
    finds every key within one edit, and within two edits all but double substitutions, with an
    index ten times smaller than full two-sided deletion.  The index is built on first use: most
    runs of a short message never need a typo reading.
    """

    def __init__(self, keys: Iterable[str]):
        self.keys: frozenset[str] = frozenset(k for k in keys if len(k) >= MIN_QUERY_LEN - 1)
        self._index: dict[str, str | tuple[str, ...]] | None = None
        # (load, store) callables the Engine sets to keep the built index on disk next to the
        # compiled set: unpickling it costs a fifth of building it (0.13 s vs 0.73 s, measured)
        self.persist: tuple[Callable[[], Any], Callable[[Any], None]] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def index(self) -> dict[str, str | tuple[str, ...]]:
        """The deletion index: built (or read from disk) on first use."""
        index = self._index
        if index is None:
            persist = getattr(self, "persist", None)
            if persist is not None:
                index = persist[0]()
            if not isinstance(index, dict):
                index = self._build()
                if persist is not None:
                    persist[1](index)
            self._index = index
        return index

    def _build(self) -> dict[str, str | tuple[str, ...]]:
        """Deletion → the key (a str: 93% of them have one) or the keys (a tuple) it comes from;
        a 1-tuple per entry cost 12 of the index's 45 MB."""
        index: dict[str, set[str]] = defaultdict(set)
        for key in self.keys:
            for d in _deletions(key, 1):
                index[d].add(key)
        return {k: next(iter(v)) if len(v) == 1 else tuple(v) for k, v in index.items()}

    def lookup(self, word: str) -> list[tuple[str, int]]:
        """Keys within distance of `word`, closest first: [(key, distance), ...]."""
        limit = max_distance(len(word))
        if limit == 0 or word in self.keys:
            return []
        index = self._index
        if index is None:
            index = self.index()
        candidates: set[str] = set()
        for d in _deletions(word, limit):
            hit = index.get(d)
            if hit:
                if type(hit) is str:
                    candidates.add(hit)
                else:
                    candidates.update(hit)
        found = []
        for key in candidates:
            # both words must be long enough for the edit budget they use
            allowed = min(limit, max(1, max_distance(len(key) + 1)))
            dist = OSA.distance(word, key, score_cutoff=allowed)
            if dist <= allowed:
                found.append((key, dist))
        found.sort(key=lambda kd: (kd[1], kd[0]))
        return found
