"""Kazakh dictionary words: what tells a typo from a real word.

pymorphy3 answers "is this a Russian word?"; for Kazakh we ship the headwords of the hunspell-kk
dictionary (Mussayeva, Németh, Aliev 2009; GPL-2+ / LGPL-2.1+ / MPL-1.1+, taken here under
MPL-2.0, see hsengine/data/README.md).  A Kazakh word whose stem is a dictionary word is never
read as a misspelling of a lexicon entry: көпір "bridge" is not a typo of кәпір.
"""

from __future__ import annotations

import gzip
import threading
from pathlib import Path
from typing import Iterable

WORDS_PATH = Path(__file__).resolve().parent.parent / "data" / "kk_words.txt.gz"
HUNSPELL_DIC = Path("/usr/share/hunspell/kk_KZ.dic")
_KAZAKH_ALPHABET = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі-")

_lock = threading.Lock()
_words: frozenset[str] | None = None
_typed: dict[str, str | tuple[str, ...]] | None = None


def _load() -> None:
    """Load the headwords and their keyboard-spelling index: from the disk cache when the word
    list is unchanged (a few ms), else from the shipped file (~0.15 s), then cached."""
    global _words, _typed
    with _lock:
        if _words is not None:
            return
        from .. import cache

        key = None
        try:
            key = cache.fingerprint([WORDS_PATH], extra="kazakh-words")
        except OSError:
            pass
        got = cache.load(key, _is_snapshot, kind="kazakh-words") if key else None
        if got is None:
            with gzip.open(WORDS_PATH, "rt", encoding="utf-8") as fh:
                words_ = frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
            got = (words_, _typed_index_of(words_))
            if key:
                cache.store(key, got, kind="kazakh-words")
        _typed = got[1]
        _words = got[0]


def _is_snapshot(obj: object) -> bool:
    return isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], frozenset) and isinstance(obj[1], dict)


def _typed_index_of(words_: frozenset[str]) -> dict[str, str | tuple[str, ...]]:
    """Keyboard spelling → its headword, or its headwords (a tuple) when several share it (647
    of 53,277).  A headword with no Kazakh letter is its own key, the same object: a 1-tuple per
    key and a copy of every such word were 4 MB of the 15 MB this index and the words take."""
    from .kazakh_suffixes import KEYBOARD

    index: dict[str, str | tuple[str, ...]] = {}
    for w in sorted(words_):
        k = w.translate(KEYBOARD)
        if k == w:
            k = w
        prev = index.get(k)
        index[k] = w if prev is None else (prev,) + (w,) if type(prev) is str else prev + (w,)
    return index


def words() -> frozenset[str]:
    """The shipped Kazakh headwords (loaded on first use, ~55k words)."""
    if _words is None:
        _load()
    return _words


def typed_index() -> dict[str, str | tuple[str, ...]]:
    """The headwords by their spelling on a Russian keyboard (копир → көпір), for telling a
    Kazakh word typed without Kazakh letters from a typo, a Russian word or another Kazakh word.
    A value is one headword (a str) or several (a tuple): see `typed_headwords`."""
    if _words is None:
        _load()
    return _typed


def is_known(stems: Iterable[str]) -> bool:
    """True when one of a word's candidate stems (the word itself included) is a dictionary word."""
    known = words()
    return any(len(s) >= 3 and s in known for s in stems)


def negation_is_stem(stem: str, negation: str) -> bool:
    """Is a reading's negation suffix really the end of a verb stem?  The dictionary has the verb
    whose stem ends like a negation (қамау "to lock up": қама-ды, not қа-ма-ды) and not the verb
    the negated reading needs, or that one is too short to trust (қа-)."""
    known = words()
    return stem + negation + "у" in known and (stem + "у" not in known or len(stem) <= 2)


def typed_headwords(typed: str) -> tuple[str, ...]:
    """The headwords typed so on a Russian keyboard (none: an empty tuple)."""
    got = typed_index().get(typed, ())
    return (got,) if type(got) is str else got


def typed_words():
    """The keyboard spellings of the headwords (a set-like view)."""
    return typed_index().keys()


def is_known_typed(typed_stems: Iterable[str]) -> bool:
    """True when one of a word's candidate stems in keyboard spelling is a headword so typed."""
    known = typed_words()
    return any(len(s) >= 3 and s in known for s in typed_stems)


def headwords_from_hunspell(dic: Path = HUNSPELL_DIC) -> list[str]:
    """The headword list as shipped, derived from a hunspell .dic file (lower case, no affix flags)."""
    out = set()
    lines = dic.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # the first line is the entry count
        word = line.split("/")[0].strip().lower().replace("ё", "е")
        if len(word) >= 2 and set(word) <= _KAZAKH_ALPHABET:
            out.add(word)
    return sorted(out)


def write_words(path: Path = WORDS_PATH, dic: Path = HUNSPELL_DIC) -> int:
    """Rebuild the shipped list from the system dictionary (python -m hsengine.morphology.kazakh_words)."""
    header = (
        "# Kazakh headwords derived from hunspell-kk (Debian package hunspell-kk).\n"
        "# Copyright 2009 Akmaral Mussayeva, László Németh, Rail Aliev.\n"
        "# Licensed GPL-2+ or LGPL-2.1+ or MPL-1.1+; this file is distributed under MPL-2.0.\n"
    )
    items = headwords_from_hunspell(dic)
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime 0: byte-identical rebuilds
        fh.write((header + "\n".join(items) + "\n").encode("utf-8"))
    return len(items)


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_words()} words to {WORDS_PATH}")
