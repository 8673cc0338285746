"""A phrase whose lemma has a comma ("последнее, что я бы сделал") matches the text with or
without the comma there, and nowhere else may punctuation stand between its words; the loader
accepts a comma only after a word and before a space.  The rejection frame it serves suppresses
the act it rejects, and a negative cue is not negated by its own не or a concord никогда."""

from __future__ import annotations

import pytest

from hsengine.errors import ConfigError
from hsengine.lexicon.loader import read_lexicon


def _entries(engine, text):
    return {h.entry.id for h in engine.explain(text).doc.hits}


@pytest.mark.parametrize("text", [
    "Провести им геноцид — последнее, чего бы я хотел.",
    "Провести им геноцид — последнее чего бы я хотел.",
])
def test_a_comma_of_the_lemma_may_stand_in_the_text(engine, text):
    assert "ru.reject.ne_vykhod" in _entries(engine, text)


def test_no_other_punctuation_between_the_words(engine):
    assert "ru.reject.ne_vykhod" not in _entries(engine, "Это последнее. Чего бы я хотел? Не знаю.")
    assert "ru.reject.ne_vykhod" not in _entries(engine, "Это последнее: чего бы я хотел — не знаю.")


@pytest.mark.parametrize("text, flagged", [
    ("Брать биту и идти на атеистов — последнее, что я бы сделал.", False),
    ("Никогда не придёт день, когда мы пойдём резать евреев.", False),
    ("Придёт день, когда мы пойдём резать евреев.", True),
    ("Выгнать всех дунган — не выход.", False),
    ("Выгнать всех дунган — вот выход.", True),
])
def test_the_rejected_act_is_suppressed(engine, text, flagged):
    r = engine.analyze(text)
    assert r.flagged is flagged, (r.matches, r.suppressed)
    if not flagged:
        assert {s.context for s in r.suppressed} == {"refutation"}


def test_the_loader_accepts_a_comma_only_after_a_word(tmp_path):
    (tmp_path / "classes.yaml").write_text(
        "classes:\n  rejection: {kind: context, description: rejected acts}\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("entries:\n  - {id: ru.reject.x, lemma: 'последнее, что нужно', lang: ru, class: rejection,"
                    " pos: phrase, register: neutral, meaning: m, source: s}\n", encoding="utf-8")
    src = read_lexicon([tmp_path / "classes.yaml", good])
    assert [e.lemma for e in src.entries] == ["последнее, что нужно"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: ru.reject.y, lemma: 'последнее ,что', lang: ru, class: rejection,"
                   " pos: phrase, register: neutral, meaning: m, source: s}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="comma after a word"):
        read_lexicon([tmp_path / "classes.yaml", bad])


@pytest.mark.parametrize("text", [
    "Шешендердің миы жоқ деп жазу — нағыз надандық.",
    "Шешендердің миы жоқ деп жазу нағыз надандық.",
])
def test_a_dash_of_the_lemma_may_stand_in_the_text(engine, text):
    assert "kk.counter.dep_aitu_nadandyq" in _entries(engine, text)
    assert not engine.analyze(text).flagged  # the claim judged as ignorance is counter-speech


def test_no_other_punctuation_where_the_lemma_has_a_dash(engine):
    assert "kk.counter.dep_aitu_nadandyq" not in _entries(engine, "Шешендердің миы жоқ деп жазу, нағыз надандық.")


def test_the_loader_accepts_a_dash_only_as_a_word_of_its_own(tmp_path):
    (tmp_path / "classes.yaml").write_text(
        "classes:\n  rejection: {kind: context, description: rejected acts}\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("entries:\n  - {id: kk.reject.x, lemma: 'деу — қате', lang: kk, class: rejection,"
                    " pos: phrase, register: neutral, meaning: m, source: s}\n", encoding="utf-8")
    assert [e.lemma for e in read_lexicon([tmp_path / "classes.yaml", good]).entries] == ["деу — қате"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: kk.reject.y, lemma: 'деу—қате', lang: kk, class: rejection,"
                   " pos: phrase, register: neutral, meaning: m, source: s}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="dash between words"):
        read_lexicon([tmp_path / "classes.yaml", bad])
