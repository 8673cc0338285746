"""Equal sets, one object.

The caches hold one frozenset of grammemes (or of features, for the word analyses of
lexicon/lookup.py) per word or parse, with a few thousand distinct values among tens of thousands
(30 MB of features and 16 MB of grammemes over 20,000 monitor messages), and frozenset() is a new
216-byte object each time.  Bounded: past the bound a set is kept as it is.
"""

from __future__ import annotations

_SHARED: dict[frozenset[str], frozenset[str]] = {}
_SHARED_MAX = 1 << 16


def shared(s: frozenset[str]) -> frozenset[str]:
    """The one object kept for sets equal to `s` (`s` itself when it is the first, or past the bound)."""
    got = _SHARED.get(s)
    if got is not None:
        return got
    if len(_SHARED) < _SHARED_MAX:
        return _SHARED.setdefault(s, s)
    return s
