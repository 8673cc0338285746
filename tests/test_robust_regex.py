"""Issue #15: rule regexes.  `validate` refuses a pattern that is slow on words made of its own
letters; at run time each regex has a CPU budget per text, its warning is always attached, a
timeout is never cached, and contention for the processor never looks like a timeout."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from hsengine import BUNDLED_RULES, ConfigError, Engine
from hsengine.lexicon import regex_budget
from test_robustness import RULE_TEMPLATE, _rules_dir

SLOW = "^(ж|жж)+б$"  # exponential on a run of ж not followed by б; fine everywhere else


def _slow_rule_engine(tmp_path: Path, monkeypatch, only_slow: bool = False) -> Engine:
    """An engine with the slow rule, as if validation had missed it (it no longer does)."""
    import hsengine.rules.loader as rules_loader

    monkeypatch.setattr(rules_loader, "regex_is_slow", lambda pattern, budget=0.05: "")
    monkeypatch.setenv("HSENGINE_NO_CACHE", "1")
    d = _rules_dir(tmp_path, {"slow.yaml": RULE_TEMPLATE.format(name="slow", pattern=f"  all:\n    - {{regex: '{SLOW}'}}")})
    return Engine(rules_paths=[d] if only_slow else [BUNDLED_RULES, d])


def test_validate_refuses_a_pattern_slow_on_runs_of_its_own_letters(tmp_path):
    d = _rules_dir(tmp_path, {"slow.yaml": RULE_TEMPLATE.format(name="slow", pattern=f"  all:\n    - {{regex: '{SLOW}'}}")})
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d])
    problem = err.value.problems[0]
    assert problem.file.endswith("slow.yaml") and problem.line == 10
    assert "probe word" in problem.message and "ж" in problem.message and "(ж|жж)+" in problem.hint


def test_validate_still_accepts_every_bundled_regex():
    from hsengine.rules.loader import regex_is_slow

    engine = Engine()
    assert len(engine.ruleset.regexes) > 10
    assert {fid: regex_is_slow(p) for fid, p in engine.ruleset.regexes.items() if regex_is_slow(p)} == {}


@pytest.mark.slow  # waits for regex timeouts
def test_a_long_message_pays_one_budget_per_regex_not_a_timeout_per_word(tmp_path, monkeypatch):
    """A 99,000-character message of distinct ж-words: 85 s before (50 ms per word); now the
    regex stops after its budget, and the warning names the rule."""
    engine = _slow_rule_engine(tmp_path, monkeypatch)
    monkeypatch.setattr(regex_budget, "TEXT_BUDGET", 0.2)
    letters = "вгдезиклмнопрстуфхц"
    words = ["ж" * 40 + a + b for a in letters for b in letters]  # 361 distinct words
    text = (" ".join(words) + " ") * 7
    assert len(text) > 99_000
    result = engine.analyze(text[:99_000])
    timeouts = [w for w in result.warnings if "timed out" in w]
    assert 1 <= len(timeouts) <= 0.2 / regex_budget.REGEX_TIMEOUT + 1
    assert any("test.slow" in w and "budget" in w for w in result.warnings)
    assert all("test.slow" in w for w in result.warnings)  # the bundled regexes were not stopped


@pytest.mark.slow  # waits for regex timeouts
def test_the_timeout_warning_is_attached_when_no_rule_is_a_candidate(tmp_path, monkeypatch):
    """Before: analyze() returned early when no rule was a candidate, with warnings: []."""
    engine = _slow_rule_engine(tmp_path, monkeypatch, only_slow=True)
    result = engine.analyze("ж" * 60)
    assert not result.matches
    assert any("test.slow" in w and "timed out" in w for w in result.warnings)
    assert any("test.slow" in w and "timed out" in w for w in engine.explain("ж" * 60).result.warnings)


def test_a_timeout_is_never_cached_as_the_words_analysis(monkeypatch):
    """The bundled example that went from flagged to not flagged for good under contention."""
    import dataclasses

    text = "Цыгандарды адам ретінде санамау керек."
    expected = Engine().analyze(text).to_json()
    engine = Engine()
    spoil = [True]

    class Spoiling:  # every rule regex really computes until its timeout, while `spoil` holds
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, word, timeout=None):
            if spoil[0]:
                end = time.thread_time() + timeout
                while time.thread_time() < end:
                    pass
                raise TimeoutError("regex timed out")
            return self.pattern.search(word, timeout=timeout)

    vocab = engine.analyzer.vocab
    engine.analyzer.vocab = dataclasses.replace(
        vocab, regexes=tuple((f, Spoiling(p)) for f, p in vocab.regexes),
        hit_regexes=tuple((f, Spoiling(p)) for f, p in vocab.hit_regexes),
        gated_regexes=tuple((f, Spoiling(p), g) for f, p, g in vocab.gated_regexes))
    monkeypatch.setattr(regex_budget, "REGEX_TIMEOUT", 0.002)
    spoiled = engine.analyze(text)
    assert any("timed out" in w for w in spoiled.warnings) and spoiled.to_json() != expected
    spoil[0] = False
    assert engine.analyze(text).to_json() == expected


class _FakePattern:
    """A pattern whose first `waits` searches time out without computing (a thread that waited for
    the GIL), or that computes for real until its timeout (`burn`)."""

    def __init__(self, waits: int = 0, burn: bool = False):
        self.waits = waits
        self.burn = burn
        self.calls = 0

    def search(self, word, timeout):
        self.calls += 1
        if self.burn:
            end = time.thread_time() + timeout
            while time.thread_time() < end:
                pass
            raise TimeoutError("regex timed out")
        if self.calls <= self.waits:
            raise TimeoutError("regex timed out")
        return object()


def test_a_timeout_without_computing_is_contention_and_is_retried():
    found, timed_out, _ = regex_budget.timed_search(_FakePattern(waits=3), "кафирлер")
    assert found and not timed_out
    slow = _FakePattern(burn=True)
    found, timed_out, used = regex_budget.timed_search(slow, "жжж")
    assert timed_out and not found and used >= 0.9 * regex_budget.REGEX_TIMEOUT and slow.calls == 1


@pytest.mark.slow  # regexes under CPU contention
def test_contention_does_not_time_out_a_fast_regex():
    """Eight threads keep the processor busy while one thread runs a fast rule regex 20,000 times."""
    import regex

    pattern = regex.compile(r"^(?!.*(ма|ме|ба|бе)(йды|йді|у|сын|ған|ген)$)")
    stop = threading.Event()

    def burn() -> None:
        x = 0
        while not stop.is_set():
            for i in range(2000):
                x += i

    threads = [threading.Thread(target=burn) for _ in range(8)]
    for t in threads:
        t.start()
    try:
        timeouts = sum(regex_budget.timed_search(pattern, f"қытайлар{i % 50}")[1] for i in range(20_000))
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert timeouts == 0


# -- first characters (issue #14: a new word no longer runs the anchored regexes it cannot match) --
@pytest.mark.parametrize("pattern, expected", [
    ("^лучш", "л"),
    ("^(айт|шығар|ойлап)", "аош"),
    ("^(жек|(жек)?к[өо]р)$", "жк"),
    ("^(?!де[йп])[а-в]+$", "абв"),
    ("^ab|^cd", "ac"),
    ("^x?y", "xy"),
    ("^[ivxlc]+$|^1[0-9]{3}$|^хх?і*$", "ivxlc1х"),
])
def test_first_chars_of_anchored_patterns(pattern, expected):
    import regex

    assert regex_budget.first_chars(regex.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    "(те|нар)$",  # not anchored
    "^.+ка$", "^[^а]", "^x*", "^(?!a)",  # any character, a negated set, may match the empty string
    r"^\p{L}", "^[[:alpha:]]", "^(?i)а", "^(?:ав){e<=1}", "^(?i:а)",  # syntax the two parsers read differently
])
def test_first_chars_unknown_means_always_searched(pattern):
    import regex

    assert regex_budget.first_chars(regex.compile(pattern)) is None
    assert regex_budget.first_chars(regex.compile("^а", regex.I)) is None


def test_no_bundled_regex_matches_a_word_its_first_characters_exclude(engine):
    vocab = engine.analyzer.vocab
    patterns = {p.pattern: p for _, p in vocab.regexes + vocab.hit_regexes}
    patterns.update((p.pattern, p) for _, p, _ in vocab.gated_regexes)
    words = {w for r in engine.rules for ex in r.match_examples + r.no_match_examples
             for w in ex.text.lower().split()} | set(engine.lexicon.surface)
    checked = 0
    for p in patterns.values():
        chars = regex_budget.first_chars(p)
        if chars is not None:
            for w in words:
                if w[:1] not in chars:
                    checked += 1
                    assert p.search(w) is None, (p.pattern, w)
    assert checked > 10_000
