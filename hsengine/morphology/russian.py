"""Russian morphology: every normal form pymorphy3 offers, cached, loaded once per process.

The top-ranked parse is often wrong for slurs and religious loanwords (жидов → the surname
"Жидов", кяфиры → "кяфира"), while the right lemma is almost always among *all* parses; so the
lexicon is matched against the whole set.  pymorphy3 loads its dictionaries lazily on first use
(about 0.15 s) and the analyzer is shared by every Engine in the process.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

from .sets import shared

_lock = threading.Lock()
_analyzer = None


def analyzer():
    """The process-wide pymorphy3 MorphAnalyzer (created on first use)."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(path=_dictionary_path(), lang="ru")
    return _analyzer


def _dictionary_path() -> str | None:
    """The Russian dictionary's directory, asked of its package: pymorphy3 finds it by scanning the
    entry points of every installed package (importlib.metadata, ~30 ms of a command's start).
    None (pymorphy3 looks for it) when PYMORPHY3_DICT_PATH chooses another or the package is absent."""
    if "PYMORPHY3_DICT_PATH" in os.environ:
        return None
    try:
        import pymorphy3_dicts_ru
    except ImportError:
        return None
    return pymorphy3_dicts_ru.get_path()


@lru_cache(maxsize=1 << 13)  # the stages of one word's analysis ask about it (the word analyses are cached)
def parses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(normal form, grammemes) of every parse of a lower-case Cyrillic word, best first.

    Grammemes are pymorphy3's OpenCorpora tags: NOUN, INFN, nomn, gent, plur, impr, past...
    """
    merged: dict[str, set[str]] = {}
    for parse in analyzer().parse(word):
        merged.setdefault(parse.normal_form.replace("ё", "е"), set()).update(parse.tag.grammemes)
    return tuple((lemma, shared(frozenset(g))) for lemma, g in merged.items())


def finite_verb_grammemes(word: str) -> frozenset[str]:
    """Grammemes of a lower-case Cyrillic word's readings as a finite verb only (тянут: present,
    3rd person plural — not also the short participle "drawn" that parses() merges into the same
    lemma); empty when it has none."""
    out: set[str] = set()
    for parse in analyzer().parse(word):
        if parse.tag.POS == "VERB":
            out.update(parse.tag.grammemes)
    return shared(frozenset(out))


def lemmas(word: str) -> tuple[str, ...]:
    """All distinct normal forms of a lower-case Cyrillic word, best-ranked first (ё folded to е)."""
    return tuple(lemma for lemma, _ in parses(word))


def grammemes_for(word: str, lemma_set: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    """Grammemes of the parses of `word` whose normal form is in `lemma_set` (all parses if none)."""
    found = [g for lemma, g in parses(word) if lemma in lemma_set]
    if not found:
        found = [g for _, g in parses(word)]
    return frozenset().union(*found) if found else frozenset()


@lru_cache(maxsize=1 << 17)
def is_known(word: str) -> bool:
    """True when the word is in pymorphy3's dictionary (not guessed)."""
    return analyzer().word_is_known(word)


def inflections(lemma: str) -> frozenset[str]:
    """Every surface form of the lexemes whose normal form is `lemma` (guessed for unknown words)."""
    forms: set[str] = set()
    parses = analyzer().parse(lemma)
    matching = [p for p in parses if p.normal_form.replace("ё", "е") == lemma] or parses[:1]
    for parse in matching:
        for form in parse.lexeme:
            forms.add(form.word.replace("ё", "е"))
    forms.discard("")
    return frozenset(forms)
