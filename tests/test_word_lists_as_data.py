"""Issue #13: the closed word lists the mechanisms consult are lexicon data, not Python.

Each test edits a copy of the bundled lexicon and shows that the engine's behaviour follows the
edit: the word lists live only in lexicon/ (language_words.yaml, the plural_pronoun, contrast
and negation classes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hsengine import Engine
from hsengine.errors import ConfigError
from hsengine.paths import BUNDLED_LEXICON


@pytest.fixture()
def lexicon_copy(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("HSENGINE_NO_CACHE", "1")
    dst = tmp_path / "lexicon"
    shutil.copytree(BUNDLED_LEXICON, dst)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_language_words_vote_from_the_data_file(lexicon_copy: Path) -> None:
    text = "gruzovik priehal vecherom"  # Russian in Latin, none of its words in the lists
    assert Engine().analyze(text).lang == "und"
    _edit(lexicon_copy / "language_words.yaml", "vse, eto,", "vse, eto, gruzovik, priehal, vecherom,")
    assert Engine([lexicon_copy]).analyze(text).lang == "ru"


@pytest.mark.parametrize("text, lang, old, new", [
    ("В город приехали уйгуры. Они паразиты.", "ru", "lemma: они\n", "lemma: оные\n"),
    ("Уйгурлар келді. Олар тарақандар.", "kk", "lemma: олар\n", "lemma: оларлар\n"),
])
def test_plural_pronouns_come_from_their_class(lexicon_copy: Path, text: str, lang: str, old: str, new: str) -> None:
    assert Engine().analyze(text).flagged  # the pronoun receives the group named before it
    _edit(lexicon_copy / lang / "function.yaml", old, new)
    assert not Engine([lexicon_copy]).analyze(text).flagged


def test_contrast_words_come_from_their_class(lexicon_copy: Path) -> None:
    text = "Китайцы не воры, зато наши соседи воры."
    engine = Engine()
    assert not [m for m in engine.analyze(text).matches if m.target == "chinese"]
    _edit(lexicon_copy / "ru" / "function.yaml", "variants: [а, однако, зато]", "variants: [а, однако]")
    edited = Engine([lexicon_copy]).explain(text)
    # without зато as a contrast the two clauses are one: the trace no longer sees a boundary
    assert not edited.doc.crosses_contrast(0, len(edited.doc.tokens) - 1)
    assert engine.explain(text).doc.crosses_contrast(0, len(edited.doc.tokens) - 1)


def test_an_unquoted_yaml_boolean_in_a_word_list_is_named_with_a_hint(lexicon_copy: Path) -> None:
    _edit(lexicon_copy / "language_words.yaml", '"no"', "no")
    with pytest.raises(ConfigError) as err:
        Engine([lexicon_copy])
    message = str(err.value)
    assert "language_words.yaml:" in message and "False" in message and "quote it" in message
