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
