"""Requirement clauses as bits of one integer: does a message meet every clause of a rule or node?

A rule (in the rule index) and a pattern node (in the matcher) are skipped when one of their
requirement clauses (`loader.requirements`) misses the message's features.  Tested clause by
clause, `any(map(features.isdisjoint, clauses))`, that was ~540 set tests per message for the
rule index alone and ~170 clause lists more in the matcher.  Here each distinct clause is one
bit: a feature maps to the bits of the clauses that hold it, so the clauses a message meets are
the OR over its features (`met`), and a rule or node with clause mask `m` is possible exactly when
`m & met == m` — one integer test.  The answers are those of the set tests.

Bits are only ever added (a node's clauses are interned on first use), in order and under a lock:
a clause's bit is published (in `_bit`) only after every feature's mask holds it, so when a mask
shows a bit, every bit up to it can be read from the feature masks.  A `met` computed when fewer
bits existed is computed again (`refreshed`) — threads may share one ClauseBits.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import reduce
from itertools import repeat
from operator import or_
from typing import Iterable


@dataclass(slots=True)
class Met:
    """The clauses a message's features meet (`bits`), as known when `known` bits existed."""

    bits: int
    known: int


@dataclass
class ClauseBits:
    """Distinct clauses → bits, and each feature → the bits of the clauses that hold it."""

    _bit: dict[frozenset[str], int] = field(default_factory=dict)
    _by_feature: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # for the matcher: id(node) -> the mask of its clauses (kept with the requirement memo, which
    # holds the nodes, so that an id stays its node's)
    node_masks: dict[int, int] = field(default_factory=dict, repr=False)
    # for the matcher: id(node) -> (node, its parts with their masks, the widest of those masks)
    part_masks: dict[int, tuple] = field(default_factory=dict, repr=False)
    # id(feature set) -> (the set, the clauses it meets, how many bits existed then): see set_bits
    _set_bits: dict[int, tuple[frozenset[str], int, int]] = field(default_factory=dict, repr=False)

    def mask(self, clauses: Iterable[frozenset[str]]) -> int:
        """The bits of these clauses (new ones interned).  An empty clause gets a bit that no
        feature sets: it is never met, as `features.isdisjoint(frozenset())` says."""
        bit = self._bit
        out = 0
        missing = []
        for c in clauses:
            b = bit.get(c)
            if b is None:
                missing.append(c)
            else:
                out |= 1 << b
        if missing:
            with self._lock:
                for c in missing:
                    b = bit.get(c)
                    if b is None:
                        b = len(bit)
                        by_feature = self._by_feature
                        for f in c:
                            by_feature[f] = by_feature.get(f, 0) | (1 << b)
                        bit[c] = b  # published last: see the module docstring
                    out |= 1 << b
        return out

    def met(self, features: Iterable[str]) -> Met:
        """The clauses these features meet."""
        known = len(self._bit)  # read first: every bit below it is in the feature masks
        return Met(reduce(or_, map(self._by_feature.get, features, repeat(0)), 0), known)

    def met_by_sets(self, sets: Iterable[frozenset[str]], more: Iterable[str] = ()) -> Met:
        """`met` of the union of these feature sets and `more`, without making the union: the
        clauses a set meets are remembered per set object (the word analyses' feature sets are
        shared objects, morphology/sets.py: a message's words mostly find theirs), for as long as
        no bit is added.  The OR of the sets' clauses is the union's."""
        known = len(self._bit)  # read first: every bit below it is in the feature masks
        memo = self._set_bits
        by_feature = self._by_feature.get
        bits = reduce(or_, map(by_feature, more, repeat(0)), 0)
        for fs in sets:
            got = memo.get(id(fs))
            if got is None or got[0] is not fs or got[2] < known:
                if len(memo) >= 1 << 15:
                    memo.clear()
                got = memo[id(fs)] = (fs, reduce(or_, map(by_feature, fs, repeat(0)), 0), known)
            bits |= got[1]
        return Met(bits, known)

    def refreshed(self, mask: int, features: Iterable[str],
                  parts: tuple[Iterable[frozenset[str]], Iterable[str]] | None = None) -> Met:
        """The clauses these features meet, computed again for a mask that holds a bit the `Met`
        in hand did not know: a node's mask test is `mask & met.bits == mask` once
        `mask.bit_length() <= met.known`.  `parts`: feature sets and more features whose union
        is `features` (`met_by_sets` of them, the same bits)."""
        met = self.met_by_sets(*parts) if parts is not None else self.met(features)
        met.known = max(met.known, mask.bit_length())  # the mask's bits were all published
        return met
