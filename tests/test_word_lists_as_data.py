"""Issue #13: the closed word lists the mechanisms consult are lexicon data, not Python.

One copy of the bundled lexicon is edited (a language word added, a pronoun renamed in each
language, a contrast word removed) and the engine built on it follows every edit: the word lists
live only in lexicon/ (language_words.yaml, the plural_pronoun, contrast and negation classes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hsengine import Engine
from hsengine.errors import ConfigError
from hsengine.paths import BUNDLED_LEXICON

EDITS = [  # (file, old, new)
    ("language_words.yaml", "vse, eto,", "vse, eto, gruzovik, priehal, vecherom,"),
    ("ru/function.yaml", "lemma: они\n", "lemma: оные\n"),
    ("kk/function.yaml", "lemma: олар\n", "lemma: оларлар\n"),
    ("ru/function.yaml", "variants: [а, однако, зато]", "variants: [а, однако]"),
]


def _copy(tmp: Path) -> Path:
    dst = tmp / "lexicon"
    shutil.copytree(BUNDLED_LEXICON, dst)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Engine:
    lexicon = _copy(tmp_path_factory.mktemp("wordlists"))
    for name, old, new in EDITS:
        _edit(lexicon / name, old, new)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HSENGINE_NO_CACHE", "1")  # a one-off lexicon: nothing to keep
        return Engine([lexicon])


def test_language_words_vote_from_the_data_file(engine, edited) -> None:
    text = "gruzovik priehal vecherom"  # Russian in Latin, none of its words in the bundled lists
    assert engine.analyze(text).lang == "und"
    assert edited.analyze(text).lang == "ru"


# a verb in the second sentence: a verbless label with no subject is hate.elliptic_label's, which
# reads it without any pronoun
@pytest.mark.parametrize("text", ["В город приехали уйгуры. Они всегда воруют.", "Уйгурлар келді. Олар үнемі ұрлайды."])
def test_plural_pronouns_come_from_their_class(engine, edited, text: str) -> None:
    assert engine.analyze(text).flagged  # the pronoun receives the group named before it
    assert not edited.analyze(text).flagged


def test_contrast_words_come_from_their_class(engine, edited) -> None:
    text = "Китайцы не воры, зато наши соседи воры."
    assert not [m for m in engine.analyze(text).matches if m.target == "chinese"]
    bundled, changed = engine.explain(text).doc, edited.explain(text).doc
    last = len(bundled.tokens) - 1
    # without зато as a contrast the two clauses are one: no boundary between them any more
    assert bundled.crosses_contrast(0, last)
    assert not changed.crosses_contrast(0, last)


def test_an_unquoted_yaml_boolean_in_a_word_list_is_named_with_a_hint(tmp_path: Path) -> None:
    lexicon = _copy(tmp_path)
    _edit(lexicon / "language_words.yaml", '"no"', "no")
    with pytest.raises(ConfigError) as err:
        Engine([lexicon])
    message = str(err.value)
    assert "language_words.yaml:" in message and "False" in message and "quote it" in message
