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

from array import array
from typing import Any, Callable, Iterable
from zlib import crc32

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


_CODE = "I" if array("I").itemsize == 4 else "L"  # 32-bit hashes


def _hash(s: str) -> int:
    """A 32-bit hash of a string that is the same in every process (the index is kept on disk;
    str's own hash is salted per process)."""
    return crc32(s.encode("utf-8", "surrogatepass"))


def _one_deletion(d: str, key: str) -> bool:
    """Is `d` the key itself or the key with one letter deleted (one of `_deletions(key, 1)`)?"""
    n = len(d)
    if len(key) == n:
        return key == d
    if len(key) != n + 1:
        return False
    i = 0
    while i < n and key[i] == d[i]:
        i += 1
    return key[i + 1 :] == d[i:]


class CompactIndex:
    """The deletion index as three arrays of 32-bit integers (4 MB for 33,000 keys, where a dict
    of the deletions was 39 MB: 337,000 strings).  Every deletion of every key (the key itself and
    it with one letter deleted) is an entry (its hash, the key's number in the sorted keys), sorted
    by hash; `starts` gives where each bucket of hashes (their top bits) begins.  A query's
    deletion finds the entries of its hash, and each is checked to be a deletion of its key, so a
    hash collision never adds a key: the same keys as a dict of deletions, exactly."""

    __slots__ = ("n", "shift", "starts", "hashes", "ids")

    def __init__(self, n: int, shift: int, starts: array, hashes: array, ids: array):
        self.n, self.shift, self.starts, self.hashes, self.ids = n, shift, starts, hashes, ids

    @classmethod
    def build(cls, order: tuple[str, ...]) -> "CompactIndex":
        id_bits = max(1, len(order).bit_length())
        packed = [crc32(d.encode("utf-8", "surrogatepass")) << id_bits | i
                  for i, key in enumerate(order) for d in _deletions(key, 1)]  # (a key's deletions: a set)
        packed.sort()
        bits = max(4, min(24, (len(packed) // 2).bit_length()))  # about two entries per bucket
        shift = 32 - bits
        counts = [0] * ((1 << bits) + 1)
        for p in packed:
            counts[(p >> id_bits >> shift) + 1] += 1
        for b in range(1 << bits):
            counts[b + 1] += counts[b]
        id_mask = (1 << id_bits) - 1
        return cls(len(order), shift, array(_CODE, counts), array(_CODE, [p >> id_bits for p in packed]),
                   array(_CODE, [p & id_mask for p in packed]))

    def __getstate__(self) -> tuple:
        return self.n, self.shift, self.starts, self.hashes, self.ids

    def __setstate__(self, state: tuple) -> None:
        self.n, self.shift, self.starts, self.hashes, self.ids = state

    def valid_for(self, order: tuple[str, ...]) -> bool:
        """Was this index built over this many keys, and do its arrays hold together?"""
        try:
            return (self.n == len(order) and all(isinstance(a, array) and a.typecode == _CODE for a in (self.starts, self.hashes, self.ids))
                    and 4 <= 32 - self.shift <= 24 and len(self.starts) == (1 << (32 - self.shift)) + 1
                    and self.starts[-1] == len(self.hashes) == len(self.ids))
        except (AttributeError, TypeError):
            return False

    def candidates(self, deletions: Iterable[str], order: tuple[str, ...]) -> set[str]:
        """The keys one of whose deletions is among `deletions`."""
        starts, hashes, ids, shift = self.starts, self.hashes, self.ids, self.shift
        found: set[str] = set()
        for d in deletions:
            h = crc32(d.encode("utf-8", "surrogatepass"))
            b = h >> shift
            j = starts[b]
            end = starts[b + 1]
            while j < end:
                if hashes[j] == h:
                    key = order[ids[j]]
                    if _one_deletion(d, key):
                        found.add(key)
                j += 1
        return found


class FuzzyIndex:
    """Maps misspelled words to the lexicon keys within the allowed edit distance.

    Keys are indexed with at most one letter deleted; the query side deletes up to two.  That
    finds every key within one edit, and within two edits all but double substitutions, with an
    index ten times smaller than full two-sided deletion.  The index is built on first use: most
    runs of a short message never need a typo reading.
    """

    def __init__(self, keys: Iterable[str]):
        self.keys: frozenset[str] = frozenset(k for k in keys if len(k) >= MIN_QUERY_LEN - 1)
        self._index: CompactIndex | None = None
        self._order: tuple[str, ...] | None = None  # the keys sorted: what the index numbers
        # (load, store) callables the Engine sets to keep the built index on disk next to the
        # compiled set: unpickling it costs a millisecond, building it a second or more
        self.persist: tuple[Callable[[], Any], Callable[[Any], None]] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_index"] = state["_order"] = None  # (kept on disk apart; rebuilt or reloaded on use)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("_order", None)
        if not isinstance(state.get("_index"), CompactIndex):
            state["_index"] = None
        self.__dict__.update(state)

    def index(self) -> CompactIndex:
        """The deletion index: built (or read from disk) on first use."""
        index = self._index
        if index is None:
            order = tuple(sorted(self.keys))
            persist = getattr(self, "persist", None)
            if persist is not None:
                index = persist[0]()
            if not (isinstance(index, CompactIndex) and index.valid_for(order)):
                index = CompactIndex.build(order)
                if persist is not None:
                    persist[1](index)
            self._order = order
            self._index = index
        return index

    def lookup(self, word: str) -> list[tuple[str, int]]:
        """Keys within distance of `word`, closest first: [(key, distance), ...]."""
        limit = max_distance(len(word))
        if limit == 0 or word in self.keys:
            return []
        index = self._index
        if index is None:
            index = self.index()
        candidates = index.candidates(_deletions(word, limit), self._order)
        if not candidates:
            return []
        from rapidfuzz.distance import OSA  # imported on first use: ~10 ms of a start that may never need it

        found = []
        for key in candidates:
            # both words must be long enough for the edit budget they use
            allowed = min(limit, max(1, max_distance(len(key) + 1)))
            dist = OSA.distance(word, key, score_cutoff=allowed)
            if dist <= allowed:
                found.append((key, dist))
        found.sort(key=lambda kd: (kd[1], kd[0]))
        return found
