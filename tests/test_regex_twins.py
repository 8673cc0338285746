"""The fast path searches a tame rule regex with its standard-library `re` twin
(`regex_budget.fast_search`): every bundled pattern must answer as the regex module does."""

from __future__ import annotations

import regex

from hsengine.lexicon import regex_budget
from hsengine.text.tokenize import WORD_PATTERN

# words of both languages and scripts, cases the patterns test (endings, negations, digits, Latin)
TEXT = """Все эти китайцы вонючие тараканы, их надо выгнать; терпим, кормим, пригреваем, привечаем.
Қытайлар елден кетсін! Олар жиренішпен қарайды, жек көремін, көрмеймін, сенбеңдер, тоқтатады,
кіргізді, шақырып, жібермеу, отырсын, барса, келсең, ұмытпа, істеп, ойлап, тауып, билеп басқарып.
Qytailar elden ketsin, jek koremin, jerdiñ iesi, ielerı; XX ғасыр, 1986, XIV, хххі; дүнгендер,
орыстардан, қазақтардай, деп, дейді, мой, моё, бірақ, ал, але, придём, прибегут, живут, идят."""


def _words() -> set[str]:
    words = set(WORD_PATTERN.findall(TEXT))
    return words | {w.lower() for w in words} | {"", "а", "ё", "123", "x" * 70}


def test_every_bundled_tame_pattern_answers_as_its_twin(engine):
    vocab = engine.analyzer.vocab
    patterns = {p for _, p in vocab.regexes + vocab.hit_regexes} | {p for _, p, _ in vocab.gated_regexes}
    twins = [(p, regex_budget.fast_search(p)) for p in patterns if regex_budget.is_tame(p)]
    assert sum(t != p.search for p, t in twins) > len(twins) // 2  # most have one
    for word in _words():
        for pattern, search in twins:
            assert (pattern.search(word) is None) == (search(word) is None), (pattern.pattern, word)


def test_patterns_outside_the_shared_syntax_keep_the_regex_module():
    for text, flags in [(r"^\p{Cyrillic}+$", 0), ("^[[:alpha:]]+$", 0), ("(?i)^кит", 0), ("^кит", regex.I),
                        ("^(?:кит){e<=1}", 0), ("^[а-я--б]", regex.V1)]:
        pattern = regex.compile(text, flags)
        assert regex_budget.fast_search(pattern) == pattern.search, text


def test_a_group_filter_finds_something_exactly_when_one_of_its_patterns_does(engine):
    """`regex_budget._filter`: the twins of a group of rare patterns joined as alternatives."""
    vocab = engine.analyzer.vocab
    patterns = {p for _, p in vocab.regexes + vocab.hit_regexes} | {p for _, p, _ in vocab.gated_regexes}
    twinned = sorted((p for p in patterns if regex_budget.is_tame(p) and regex_budget.fast_search(p) != p.search),
                     key=lambda p: p.pattern)
    groups = [tuple(twinned[i:i + regex_budget.FILTER_GROUP]) for i in range(0, len(twinned), regex_budget.FILTER_GROUP)]
    assert groups
    for group in groups:
        search = regex_budget._filter(group)
        assert search is not None
        for word in _words():
            assert (search(word) is not None) == any(p.search(word) is not None for p in group), (group, word)


def test_search_all_answers_as_each_pattern_does(engine):
    vocab = engine.analyzer.vocab
    regexes = vocab.regexes + vocab.hit_regexes
    for _ in range(regex_budget.TWINS_AFTER):  # past the words searched before the twins
        regex_budget.search_all(regexes, "слово")
    for word in _words():
        found, problems = regex_budget.search_all(regexes, word)
        assert not problems
        assert found == {fid for fid, p in regexes if p.search(word) is not None}, word
