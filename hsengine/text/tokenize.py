"""Stage 2 — tokenization with offsets, sentences, clauses and quotations.

Runs on the normalized text and maps every token back to the original.  A word may carry digits
and symbols inside it (ж1ды, кит@йцы, ж*ды): those are kept as one token flagged `obfuscated`, and
the lexicon decides later whether a de-obfuscated reading exists.  A Latin word keeps a final
apostrophe, the soft sign of Russian typed in Latin (sokratit' = сократить).  Sentences end at terminal
punctuation followed by a capital letter (in the original) or at a line break; clauses also end at
commas, semicolons, colons and brackets.  Quotations are paired marks (« », „ “, “ ”, " ").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from .normalize import NormalizedText

_TOKEN = regex.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"«»]+)
  | (?P<email>[\w.+-]+@[\w-]+\.[\w.-]+)
  | (?P<mention>(?<![\w@])@[a-z0-9_][a-z0-9_.]{1,})
  | (?P<word>[\p{N}@$]*\p{L}[\p{L}\p{M}]*(?:(?:[\p{N}@$*|]+|['’`])[\p{L}\p{M}]+)*[\p{N}@$]*(?:(?<=\p{Latin})['’`](?!\p{L}))?)
  | (?P<number>\p{N}+(?:[.,:/\-]\p{N}+)*%?)
  | (?P<punct>[.!?…]+|[^\s])
    """,
    regex.VERBOSE,
)
# The same pattern without the branches that need an "@", "://" or "www." (url, email, mention):
# in a text with none of these they never match, so the alternation finds the same tokens, of the
# same kinds, without trying them at every token (the email branch scans each word a second time)
_TOKEN_PLAIN = regex.compile(
    r"""
    (?P<word>[\p{N}@$]*\p{L}[\p{L}\p{M}]*(?:(?:[\p{N}@$*|]+|['’`])[\p{L}\p{M}]+)*[\p{N}@$]*(?:(?<=\p{Latin})['’`](?!\p{L}))?)
  | (?P<number>\p{N}+(?:[.,:/\-]\p{N}+)*%?)
  | (?P<punct>[.!?…]+|[^\s])
    """,
    regex.VERBOSE,
)
# The prefilter only needs word strings; same word pattern, no offsets.
WORD_PATTERN = regex.compile(
    r"[\p{N}@$]*\p{L}[\p{L}\p{M}]*(?:(?:[\p{N}@$*|]+|['’`])[\p{L}\p{M}]+)*[\p{N}@$]*(?:(?<=\p{Latin})['’`](?!\p{L}))?"
)
_HAS_NON_LETTER = regex.compile(r"[^\p{L}\p{M}'’`]")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"\p{Latin}")

_TERMINAL = set(".!?…")
_CLAUSE_PUNCT = set(",;:()[]")
_OPEN_TO_CLOSE = {"«": "»", "„": "“”", "“": "”", "‹": "›", "‚": "‘’"}
_SYMMETRIC_QUOTES = {'"'}
QUOTE_CHARS = set("«»„“”‹›‚‘’\"")


@dataclass(slots=True)
class Token:
    """One token: normalized text for matching, original offsets for evidence."""

    index: int
    text: str  # normalized (lower case, folded); for merged spaced letters the joined word
    start: int  # original offsets
    end: int
    nstart: int  # normalized offsets
    nend: int
    kind: str  # word | number | punct | url | email | mention
    script: str = ""  # cyrl | latn | mixed | other (words only)
    obfuscated: bool = False  # digits or symbols inside a word
    merged: str = ""  # how the token was assembled from several ("spaced", "split")
    sent: int = 0
    clause: int = 0
    quote: int = -1  # id of the enclosing quotation, -1 outside quotes

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


@dataclass(frozen=True, slots=True)
class Merge:
    """Join the tokens inside normalized [nstart, nend) into one word (spaced-out letters)."""

    nstart: int
    nend: int
    text: str
    how: str


def script_of(word: str) -> str:
    cyr = _CYRILLIC.search(word) is not None
    lat = _LATIN.search(word) is not None
    if cyr and lat:
        return "mixed"
    if cyr:
        return "cyrl"
    if lat:
        return "latn"
    return "other"


@lru_cache(maxsize=1 << 13)
def _word_shape(word: str) -> tuple[str, bool]:
    """(script, obfuscated) of a word; cached, as words repeat (Zipf) and each costs three searches.
    The frequent words are enough: each entry holds its word alive (~150 bytes)."""
    return script_of(word), _HAS_NON_LETTER.search(word) is not None


def tokenize(norm: NormalizedText, merges: Sequence[Merge] = ()) -> list[Token]:
    """Tokens of the normalized text, with original offsets, sentence, clause and quote ids."""
    text = norm.text
    tokens: list[Token] = []
    to_original = None if norm.is_identity else norm.to_original  # most messages: offsets unchanged
    append = tokens.append
    shape = _word_shape
    # (the token's text sliced, not m.group(): this runs for every token of every message the
    # annotation reads)
    pattern = _TOKEN if "@" in text or "://" in text or "www." in text else _TOKEN_PLAIN
    if to_original is None:  # offsets unchanged: the original ones are the normalized ones
        for i, m in enumerate(pattern.finditer(text)):
            kind = m.lastgroup
            ns, ne = m.span()
            word = text[ns:ne]
            if kind == "word":
                script, obfuscated = shape(word) if len(word) <= 64 else \
                    (script_of(word), _HAS_NON_LETTER.search(word) is not None)
                append(Token(i, word, ns, ne, ns, ne, kind, script, obfuscated))
            else:
                append(Token(i, word, ns, ne, ns, ne, kind))
    else:
        for i, m in enumerate(pattern.finditer(text)):
            kind = m.lastgroup
            ns, ne = m.span()
            s, e = to_original(ns, ne)
            word = text[ns:ne]
            if kind == "word":
                script, obfuscated = shape(word) if len(word) <= 64 else \
                    (script_of(word), _HAS_NON_LETTER.search(word) is not None)
                append(Token(i, word, s, e, ns, ne, kind, script, obfuscated))
            else:
                append(Token(i, word, s, e, ns, ne, kind))
    if merges:
        tokens = _apply_merges(tokens, merges, norm)
    _segment(tokens, norm)
    return tokens


def _apply_merges(tokens: list[Token], merges: Sequence[Merge], norm: NormalizedText) -> list[Token]:
    out: list[Token] = []
    merges = sorted(merges, key=lambda m: m.nstart)
    k = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while k < len(merges) and merges[k].nend <= tok.nstart:
            k += 1
        if k < len(merges) and merges[k].nstart <= tok.nstart < merges[k].nend:
            mg = merges[k]
            j = i
            while j < len(tokens) and tokens[j].nend <= mg.nend:
                j += 1
            s, e = norm.to_original(mg.nstart, mg.nend)
            merged = Token(0, mg.text, s, e, mg.nstart, mg.nend, "word", script_of(mg.text), False, mg.how)
            out.append(merged)
            i = max(j, i + 1)
            k += 1
            continue
        out.append(tok)
        i += 1
    for n, tok in enumerate(out):
        tok.index = n
    return out


def _segment(tokens: list[Token], norm: NormalizedText) -> None:
    """Assign sentence, clause and quotation ids in place."""
    original = norm.original
    text = norm.text
    sent = clause = 0
    prev_end = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if i and text.find("\n", prev_end, tok.nstart) >= 0:  # (no slice made per token)
            sent += 1
            clause += 1
        tok.sent = sent
        tok.clause = clause
        prev_end = tok.nend
        if tok.kind != "punct":
            continue
        ch = tok.text[0]
        if ch in _TERMINAL and _ends_sentence(tokens, i, original, n):
            sent += 1
            clause += 1
        elif ch in _CLAUSE_PUNCT and not _correlative_comma(tokens, i, n):
            clause += 1
    _pair_quotes(tokens)


# Correlative particles: "жер сатуға да, жалға беруге де болмайды", "ни чести, ни совести" — the
# comma between their members joins them in one clause rather than ending one.
_CORRELATIVE_BEFORE = frozenset({"да", "де", "та", "те", "da", "de", "ta", "te"})
_CORRELATIVE_AFTER = frozenset({"ни"})


# Kazakh case endings by case, in Cyrillic and Latin: a comma between two nouns in one case lists
# them ("әкімдікке, полицияға жұмысқа алмау керек"), it does not end the clause the verb closes
_KAZAKH_CASES = tuple(regex.compile(p) for p in (
    r"(ға|ге|қа|ке|на|не|га|ğa|ga|gha|ge|qa|ka|ke|na|ne)$", r"(да|де|та|те|da|de|ta|te)$",
    r"(дан|ден|тан|тен|нан|нен|dan|den|tan|ten|nan|nen)$", r"(мен|бен|пен|men|ben|pen)$"))


def _listed_in_one_case(before: Token, after: Token) -> bool:
    if before.kind != "word" or after.kind != "word" or len(before.text) < 6 or len(after.text) < 6:
        return False
    return any(c.search(before.text) and c.search(after.text) for c in _KAZAKH_CASES)


def _correlative_comma(tokens: list[Token], i: int, n: int) -> bool:
    if tokens[i].text != "," or i == 0 or i + 1 >= n:
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if before.kind == "word" and before.text in _CORRELATIVE_BEFORE and i >= 2 and tokens[i - 2].kind == "word":
        return True
    if _listed_in_one_case(before, after):
        return True
    return after.kind == "word" and after.text in _CORRELATIVE_AFTER


# Words after which a dot abbreviates rather than ends a sentence (т.е., г. Алматы, 5 тыс. тг).
_ABBREVIATIONS = frozenset(
    "т г гг ул им др пр см стр тыс млн млрд руб тг коп обл кв ст св проф доц акад рис табл напр "
    "ж жж көш обл қ мыс т.б".split()
)


def _ends_sentence(tokens: list[Token], i: int, original: str, n: int) -> bool:
    """Does terminal punctuation at token i end a sentence?  Case is not a cue: social-media
    text is often all lower case ("келді. олар ...")."""
    if i + 1 >= n:
        return True
    tok = tokens[i]
    if "!" in tok.text or "?" in tok.text:
        return True
    nxt = tokens[i + 1]
    prev = tokens[i - 1] if i else None
    if tok.text == "." and prev is not None and prev.kind == "word" and (
        len(prev.text) == 1 or prev.text in _ABBREVIATIONS
    ):
        return False  # abbreviations and initials: "т.е.", "г. Алматы", "А. С. Пушкин"
    if tok.text.startswith("..") or tok.text == "…":
        # an ellipsis inside a sentence ("ну... они") is followed by a lower-case word
        return not original[nxt.start : nxt.start + 1].islower()
    return True


def _pair_apostrophe(tokens: list[Token], i: int, stack: list[tuple[str, int]], pairs: list[tuple[int, int]]) -> None:
    """A typewriter apostrophe used as a quotation mark, as phones type it ('сарттар кетсін' деп
    жазғандар): it opens when it is glued to the word after it and not to the word before, and it
    closes, in the same sentence, when it is glued to the word before it. A word-internal
    apostrophe (o'zbek) is part of its word and never reaches here."""
    tok = tokens[i]
    glued_before = i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].end == tok.start
    glued_after = i + 1 < len(tokens) and tokens[i + 1].kind == "word" and tokens[i + 1].start == tok.end
    if stack and stack[-1][0] == "'":
        opener = stack[-1][1]
        if tokens[opener].sent != tok.sent:
            stack.pop()  # an apostrophe left open in an earlier sentence was no quotation mark
        elif glued_before:
            stack.pop()
            pairs.append((opener, i))
            return
    if glued_after and not glued_before:
        stack.append(("'", i))


def _pair_quotes(tokens: list[Token]) -> None:
    """Mark tokens inside balanced quotation marks with the quotation's id."""
    stack: list[tuple[str, int]] = []  # (expected closers, token index of opener)
    pairs: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text == "'":
            _pair_apostrophe(tokens, i, stack, pairs)
            continue
        if tok.kind != "punct" or tok.text not in QUOTE_CHARS:
            continue
        ch = tok.text
        if stack and ch in stack[-1][0]:
            closers, opener = stack.pop()
            pairs.append((opener, i))
            continue
        if ch in _SYMMETRIC_QUOTES:
            stack.append((ch, i))
        elif ch in _OPEN_TO_CLOSE:
            stack.append((_OPEN_TO_CLOSE[ch], i))
        # a stray closer is ignored
    pairs.sort()
    for qid, (a, b) in enumerate(pairs):
        for tok in tokens[a + 1 : b]:
            if tok.quote == -1:
                tok.quote = qid
