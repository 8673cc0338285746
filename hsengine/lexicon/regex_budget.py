"""Rule regexes on words: a timeout that contention cannot trigger, and a time budget per text.

Rule files come from strangers, and a regex that passes validation can still be slow on some
words (``^(ж|жж)+б$`` on a run of ж).  Two bounds hold at run time:

- **Per search**: a search stops after `REGEX_TIMEOUT` seconds of the *calling thread's CPU
  time*.  The regex module's own timeout is wall-clock time: with 8 threads on 2 cores a 10 µs
  search can wait 60 ms for the GIL and "time out".  A timeout during which the thread computed
  less than the limit is contention, not a slow regex, and the search is simply run again; only a
  search that really computes that long times out (or one whose thread is starved for
  `MAX_WALL` seconds).
- **Per text**: each regex may spend `TEXT_BUDGET` seconds of CPU on one text (each chunk of a
  long text has its own).  Past that it is not run on the text's remaining words, and the
  result carries a warning naming its rule.  Timed-out searches count too, so one slow regex
  costs a text at most about `TEXT_BUDGET` (it made a 99,000-character message take 85 s).
  Searches under `CHARGE_FLOOR` (20 µs; every bundled regex on ordinary words) are not booked,
  so ordinary text never meets the budget.

Every timeout or skipped search is a warning on the analysis of its word, and such an analysis is
never cached (`TokenAnalyzer.analyze`): the next text gets a fresh try.  Within one text it is
kept in `TextBudget.memo`, so that the same word costs once.

The state of a text lives in a thread-local `TextBudget` opened by `text_budget()` (Engine.analyze
does): threads sharing an Engine never share it.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import regex

REGEX_TIMEOUT = 0.05  # CPU seconds per search (one regex on one word)
TEXT_BUDGET = 0.5  # CPU seconds per regex per text (per chunk of a long text)
MAX_WALL = 2.0  # wall-clock seconds after which a starved search gives up anyway

_local = threading.local()


class TextBudget:
    """What the rule regexes spent on the text being analyzed by this thread, and what it caused."""

    __slots__ = ("spent", "disabled", "warnings", "memo")

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}  # regex feature id -> CPU seconds on this text (chunk)
        self.disabled: set[str] = set()  # regexes over budget: not run on the rest of the chunk
        self.warnings: list[str] = []  # in order of appearance, each once
        self.memo: dict[str, Any] = {}  # word -> its (uncacheable) analysis within this text

    def new_chunk(self) -> None:
        """A long text's next chunk gets a budget of its own."""
        self.spent.clear()
        self.disabled.clear()

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def current() -> TextBudget | None:
    """The budget of the text this thread is analyzing, if any."""
    return getattr(_local, "budget", None)


@contextmanager
def text_budget() -> Iterator[TextBudget]:
    """Open the budget of one text for this thread (a nested call shares the open one)."""
    outer = current()
    if outer is not None:
        yield outer
        return
    budget = _local.budget = TextBudget()
    try:
        yield budget
    finally:
        _local.budget = None


def rule_of(fid: str) -> str:
    """The rule id in a regex feature id ("regex:xenophobia.slur#29" -> "xenophobia.slur")."""
    return fid[len("regex:"):].rsplit("#", 1)[0] if fid.startswith("regex:") else fid


def timed_search(pattern: regex.Pattern[str], word: str, limit: float | None = None) -> tuple[bool, bool, float]:
    """(matched, timed out, CPU seconds used): a search bounded by `limit` (default
    REGEX_TIMEOUT) seconds of this thread's CPU time, retried when a wall-clock timeout was only
    a wait for the processor."""
    if limit is None:
        limit = REGEX_TIMEOUT
    cpu0 = time.thread_time()
    wall0 = time.monotonic()
    while True:
        try:
            found = pattern.search(word, timeout=limit) is not None
            return found, False, time.thread_time() - cpu0
        except TimeoutError:
            used = time.thread_time() - cpu0
            if used >= 0.9 * limit or time.monotonic() - wall0 > MAX_WALL:
                return False, True, used


CHARGE_FLOOR = 2e-5  # searches faster than this (all of the bundled ones) are not booked


# A pattern that cannot backtrack much: no quantified group (other than an optional one), no
# back-reference, at most two repetitions of variable length (*, +, {m,n}).  On a word of at most
# FAST_WORD characters its worst case is a small polynomial, far below REGEX_TIMEOUT.
_GROUP_REPEATED = regex.compile(r"\)(?:[*+]|\{)")  # escaped or not: refusing too many is safe
_BACKREFERENCE = regex.compile(r"\\[1-9]|\\g<|\(\?P=")
_REPETITION = regex.compile(r"[*+]|\{\d*,\d*\}")  # {3} repeats nothing of variable length
FAST_WORD = 64
_tame: dict[Any, bool] = {}


def is_tame(pattern: Any) -> bool:
    """Can `pattern` be searched on a word without the regex module's timeout?  (The timeout
    itself costs ~3 µs per search, more than most rule regexes take on a word.)  Only compiled
    patterns of the tame shape; anything else keeps its timeout."""
    got = _tame.get(pattern)
    if got is None:
        text = getattr(pattern, "pattern", None)
        got = (isinstance(pattern, regex.Pattern) and isinstance(text, str)
               and _GROUP_REPEATED.search(text) is None and _BACKREFERENCE.search(text) is None
               and len(_REPETITION.findall(text)) <= 2)
        if len(_tame) < 4096:
            _tame[pattern] = got
    return got


# -- first characters ------------------------------------------------------------------------
# Most rule regexes are anchored word beginnings (^(айт|шығар|ойлап)): on a word that starts with
# none of the letters they can start with, the search fails before it begins, and a new word used
# to run all ~60 of them.  The letters are read from the pattern by the standard library's parser,
# only for patterns written in the syntax both it and the regex module read the same way;
# anything else (a \p class, a POSIX class, inline flags, a fuzzy {e<=1}, case-insensitive or
# multi-line patterns) gets None and is always searched.
_SHARED_SYNTAX = regex.compile(r"^(?:[^\\\[{(]|\[(?![\[:])|\{\d+(?:,\d*)?\}|\((?:\?[:!=]|\?<[!=])?)*$")
_MAX_FIRST = 5000  # letters of a class expanded at most
_first: dict[Any, frozenset[str] | None] = {}
_first_known: dict[tuple[str, int], frozenset[str] | None] = {}  # by text and flags: remember_first_chars


def first_chars(pattern: Any) -> frozenset[str] | None:
    """Every character a match of `pattern` (searched in a word) can start with, when the pattern
    is anchored at the word's start and this can be read for sure; None otherwise."""
    got = _first.get(pattern, False)
    if got is not False:
        return got
    got = None
    text = getattr(pattern, "pattern", None)
    if isinstance(pattern, regex.Pattern) and isinstance(text, str):
        got = _first_known.get((text, pattern.flags), False)
        if got is not False:
            if len(_first) < 4096:
                _first[pattern] = got
            return got
        got = None
    if (isinstance(pattern, regex.Pattern) and isinstance(text, str)
            and not pattern.flags & (regex.I | regex.M | regex.X | regex.V1 | regex.F)
            and _SHARED_SYNTAX.match(text) is not None):
        try:
            import re._parser as parser  # noqa: PLC0415 (only for rule regexes, once each)

            tree = parser.parse(text)
            if not tree.state.flags & (2 | 8 | 64):  # re.I, re.M, re.X set inline
                got = _anchored_first(list(tree))
        except Exception:  # noqa: BLE001 - a pattern the standard parser does not read: no filter
            got = None
    if len(_first) < 4096:
        _first[pattern] = got
    return got


def first_chars_table(patterns: Iterable[Any]) -> dict[tuple[str, int], frozenset[str] | None]:
    """`first_chars` of compiled patterns, by text and flags (all the answer depends on).  The
    rule regexes' table is computed with the compiled set and cached with it: reading them with
    the standard library's parser took ~35 ms of a command's first word."""
    return {(p.pattern, p.flags): first_chars(p) for p in patterns
            if isinstance(p, regex.Pattern) and isinstance(p.pattern, str)}


def remember_first_chars(table: dict[tuple[str, int], frozenset[str] | None]) -> None:
    """Take answers of `first_chars_table` (from the compiled set) instead of parsing again."""
    _first_known.update(table)


def _anchored_first(items: list) -> frozenset[str] | None:
    from re import _constants as c  # noqa: PLC0415

    if items and items[0] == (c.AT, c.AT_BEGINNING):
        chars, nullable = _seq_first(items[1:])
        return None if chars is None or nullable else frozenset(chars)
    if len(items) == 1 and items[0][0] is c.BRANCH:  # ^a|^b
        out: set[str] = set()
        for alternative in items[0][1][1]:
            got = _anchored_first(list(alternative))
            if got is None:
                return None
            out |= got
        return frozenset(out)
    return None


def _seq_first(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, can match empty) of a sequence; (None, _) when unknown."""
    out: set[str] = set()
    for item in items:
        chars, nullable = _item_first(item)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item_first(item) -> tuple[set[str] | None, bool]:
    from re import _constants as c  # noqa: PLC0415

    op, av = item
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        out: set[str] = set()
        for o, a in av:
            if o is c.LITERAL:
                out.add(chr(a))
            elif o is c.RANGE and a[1] - a[0] < _MAX_FIRST:
                out.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None, False  # a negated set, a category
        return out, False
    if op is c.ASSERT or op is c.ASSERT_NOT:
        return set(), True  # consumes nothing: what follows decides (a lookahead only narrows it)
    if op is c.SUBPATTERN:
        if av[1] or av[2]:
            return None, False  # flags set on the group
        return _seq_first(list(av[3]))
    if op is c.BRANCH:
        out = set()
        nullable = False
        for alternative in av[1]:
            chars, empty = _seq_first(list(alternative))
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is getattr(c, "POSSESSIVE_REPEAT", None):
        chars, empty = _seq_first(list(av[2]))
        return chars, (chars is not None) and (empty or av[0] == 0)
    return None, False  # anything else: unknown


# -- the standard library's engine for the fast path -------------------------------------------
# On a short word a search costs the regex module ~1 µs of set-up, the standard library's `re`
# ~0.4 µs (201 of the 204 bundled patterns, 20,000 words: 3.2-3.6 s against 1.3-1.4 s, the same
# answers).  A tame pattern written in the syntax both modules read the same way (_SHARED_SYNTAX:
# no escapes, no \p or POSIX classes, no inline flags or fuzzy matching; the module flags checked
# as for first_chars) is searched with its `re` twin on the fast path; the measured way keeps the
# regex module and its timeout.  A pattern `re` refuses, or warns about, keeps the regex module.
_twins: dict[Any, Any] = {}


def fast_search(pattern: regex.Pattern[str]) -> Any:
    """The bound `search` the fast path uses for a tame pattern: its `re` twin's, when it has one."""
    got = _twins.get(pattern)
    if got is None:
        got = pattern.search
        text = getattr(pattern, "pattern", None)
        if (isinstance(pattern, regex.Pattern) and isinstance(text, str)
                and pattern.flags & ~(regex.U | regex.V0) == 0
                and _SHARED_SYNTAX.match(text) is not None):
            import re  # noqa: PLC0415
            import warnings  # noqa: PLC0415

            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # a FutureWarning (a possible nested set): not shared
                    got = re.compile(text).search
                if len(_twin_text) < 4096:
                    _twin_text[pattern] = text
            except (re.error, Warning, RecursionError, OverflowError):
                got = pattern.search
        if len(_twins) < 4096:
            _twins[pattern] = got
    return got


# The twins are compiled once a process has searched TWINS_AFTER words: before that the regex
# module's patterns (compiled with the rule set) answer, the same answers.  Compiling the 200-odd
# twins costs ~0.08 s of CPU, which a one-message command (`hsengine check текст`, one word) paid
# at its first word and could never earn back.
TWINS_AFTER = 64
_words_searched = 0
_twins_on = False


def _count_word() -> None:
    global _words_searched, _twins_on
    _words_searched += 1
    if _words_searched >= TWINS_AFTER and not _twins_on:
        _twins_on = True
        _plans.clear()  # rebuilt with the twins
        _steps.clear()
        _steps_by_id.clear()


# tame searches timed together on the wall clock (cheap to read, unlike thread time).  A group
# must stay well under CHARGE_FLOOR, or it is run again the measured way: at 16 a search of ~1.3 µs
# (a slower machine) put a third of the groups over it, and the reruns cost more than the searches
FAST_CHUNK = 8
_Item = tuple[regex.Pattern[str], tuple[str, ...], Any]  # pattern, its feature ids, the fast search
_Plan = tuple[tuple[tuple[_Item, ...], bool], ...]
_plans: dict[tuple[tuple[str, regex.Pattern[str]], ...], _Plan] = {}


def _plan(regexes: tuple[tuple[str, regex.Pattern[str]], ...], first: str | None = None) -> _Plan:
    """The searches `regexes` need: one per distinct pattern (rules share patterns: the same
    verb ending serves a dozen of them), in chunks of FAST_CHUNK tame ones or untame singles.
    With `first` (a word's first character), the patterns that cannot match a word starting with
    it are left out of each chunk: chunk i is chunk i of the full plan, less those."""
    key = (regexes, first)
    got = _plans.get(key)
    if got is not None:
        return got
    if first is not None:
        plan = tuple((tuple(item for item in chunk if _may_start(item[0], first)), tame)
                     for chunk, tame in _plan(regexes))
        if len(_plans) < 4096:
            _plans[key] = plan
        return plan
    fids: dict[tuple[str, int], list[str]] = {}
    compiled: dict[tuple[str, int], regex.Pattern[str]] = {}
    for fid, pattern in regexes:
        # a compiled pattern is known by its text and flags; anything else only by itself
        key2 = (pattern.pattern, pattern.flags) if isinstance(pattern, regex.Pattern) else ("", id(pattern))
        fids.setdefault(key2, []).append(fid)
        compiled.setdefault(key2, pattern)
    chunks: list[tuple[tuple[_Item, ...], bool]] = []
    tame: list[_Item] = []
    for key2, pattern in compiled.items():
        if is_tame(pattern):
            item = (pattern, tuple(fids[key2]), fast_search(pattern) if _twins_on else pattern.search)
            tame.append(item)
            if len(tame) == FAST_CHUNK:
                chunks.append((tuple(tame), True))
                tame = []
        else:
            chunks.append((((pattern, tuple(fids[key2]), None),), False))
    if tame:
        chunks.append((tuple(tame), True))
    plan = tuple(chunks)
    if len(_plans) < 4096:
        _plans[key] = plan
    return plan


def _may_start(pattern: regex.Pattern[str], first: str) -> bool:
    chars = first_chars(pattern)
    return chars is None or first in chars


def _expand(chunk: tuple[_Item, ...]) -> list[tuple[str, regex.Pattern[str]]]:
    return [(fid, pattern) for pattern, fids, _ in chunk for fid in fids]


def search_all(regexes: Iterable[tuple[str, regex.Pattern[str]]], word: str) -> tuple[set[str], list[str]]:
    """The rule regexes (feature id, pattern) that find something in `word`, and the warnings of
    those whose answer is not known.  The same as `search` on each, with one clock reading per
    search (a word's analysis runs a dozen regexes or more: this is on the path of every new word).

    Fast path for a short word: each distinct tame pattern (`is_tame`) runs once, without the
    regex module's timeout (with its `re` twin where it has one: `fast_search`), FAST_CHUNK at a
    time, timed on the wall clock.  A group that took at most CHARGE_FLOOR of wall time used no
    more CPU than that, so none of its searches would have been booked; a group that took longer
    (slow, or only preempted) is run again the measured way, as is everything once a regex of the
    text is over its budget.  Answers, timeouts, charges and
    warnings are therefore what the measured way gives."""
    budget = current()
    found: set[str] = set()
    problems: list[str] = []
    regexes = tuple(regexes)
    if not _twins_on:
        _count_word()
    if len(word) > FAST_WORD:
        _search_measured(regexes, word, budget, found, problems)
        return found, problems
    first = word[:1]
    if _twins_on:
        _search_steps(regexes, first, word, budget, found, problems)
        return found, problems
    # patterns that cannot match a word with this first letter are not searched (see first_chars);
    # once a regex of the text is over its budget, every remaining one is, for its warning
    _search_chunks(_plan(regexes, first), regexes, 0, None, word, budget, found, problems)
    return found, problems


def _search_chunks(plan: _Plan, regexes: tuple[tuple[str, regex.Pattern[str]], ...], start: int, stop: int | None,
                   word: str, budget: TextBudget | None, found: set[str], problems: list[str]) -> bool:
    """Chunks start..stop of a word's plan, each fast or measured (see search_all); True when a
    regex of the text went over its budget, so that every chunk after `start` was searched."""
    wall = time.perf_counter
    for i in range(start, len(plan) if stop is None else stop):
        chunk, tame = plan[i]
        if budget is not None and budget.disabled:
            full = _plan(regexes)
            _search_measured([item for part, _ in full[i:] for item in _expand(part)], word, budget, found, problems)
            return True
        if not chunk:
            continue
        if not tame:
            _search_measured(_expand(chunk), word, budget, found, problems)
            continue
        t0 = wall()
        hits = [fids for _, fids, search in chunk if search(word) is not None]
        if wall() - t0 <= CHARGE_FLOOR:
            if not _twins_on:
                _note_rates(chunk, hits)
            for fids in hits:
                found.update(fids)
        else:
            _search_measured(_expand(chunk), word, budget, found, problems)
    return False


# -- steps: the plan regrouped, rarely matching patterns behind one combined search -------------
# Of the ~230 rule regexes a word is searched with, ~200 match fewer than one word in twenty (a
# verb ending, a list of stems); the rest match almost every word (^[а-яё]+$, the negative
# lookaheads).  Each search costs ~1 µs and the loop around it as much again.  So the tame
# patterns of each run of tame chunks (between the chunks that are measured anyway) are regrouped
# once per (regex set, first letter): those that match often in groups searched one by one, the
# rare ones in groups behind a filter — their `re` twins joined as alternatives of one pattern,
# which finds something exactly when one of them does (a search succeeds at a position when an
# alternative matches there; tame patterns have no back-references, and the shared syntax no
# inline flags or named groups).  A group whose filter finds nothing has no hit; one whose filter
# finds something is searched pattern by pattern.  Each group is timed as a chunk is: when every
# group of a run took at most CHARGE_FLOOR, no search of it would have been booked and the run's
# answers are kept; otherwise the run's own chunks are searched as before (fast or measured, in
# their order), so answers, timeouts, charges and the order of warnings are what they were.
RARE_RATE = 0.25  # a pattern matching at most this share of the words it was tried on is rare
_rates: dict[Any, list[int]] = {}  # pattern -> [words tried, words matched], over the first words
_twin_text: dict[Any, str] = {}  # pattern -> the text of its `re` twin (patterns that have one)
_Group = tuple[Any, tuple[tuple[Any, tuple[str, ...]], ...]]  # (filter search or None, ((search, fids), ...))
# chunks [a, b) of the plan: the groups of a run of tame chunks, or (None, the item) for a chunk of
# one pattern that is not tame (None, None when the first letter left it empty)
_Step = tuple[int, int, tuple[_Group, ...] | None, _Item | None]
_steps: dict[tuple[tuple[tuple[str, regex.Pattern[str]], ...], str], tuple[_Step, ...]] = {}
# the same by the identity of the regex set (hashing a tuple of ~300 pairs took ~9 µs a word): id ->
# (the set, {first letter: steps}); the set is held, so its id stays its own
_steps_by_id: dict[int, tuple[tuple, dict[str, tuple[_Step, ...]]]] = {}
_filters: dict[tuple[Any, ...], Any] = {}
FILTER_GROUP = 8


def _note_rates(chunk: tuple[_Item, ...], hits: list[tuple[str, ...]]) -> None:
    """How often each pattern of a fast chunk matched, over the words searched before the twins."""
    for pattern, fids, _ in chunk:
        got = _rates.get(pattern)
        if got is None:
            if len(_rates) >= 4096:
                continue
            got = _rates[pattern] = [0, 0]
        got[0] += 1
        if any(h is fids for h in hits):
            got[1] += 1


def _is_rare(pattern: Any) -> bool:
    got = _rates.get(pattern)
    return got is None or got[1] <= RARE_RATE * got[0]  # (never tried: most patterns are rare)


def _filter(patterns: tuple[Any, ...]) -> Any:
    """One search over the `re` twins of these patterns as alternatives (None when there is none)."""
    got = _filters.get(patterns, False)
    if got is not False:
        return got
    got = None
    try:
        import re  # noqa: PLC0415
        import warnings  # noqa: PLC0415

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = re.compile("|".join(f"(?:{_twin_text[p]})" for p in patterns)).search
    except (re.error, Warning, RecursionError, OverflowError, KeyError):
        got = None
    if len(_filters) < 4096:
        _filters[patterns] = got
    return got


def _make_steps(regexes: tuple[tuple[str, regex.Pattern[str]], ...], first: str) -> tuple[_Step, ...]:
    plan = _plan(regexes, first)
    steps: list[_Step] = []
    i = 0
    while i < len(plan):
        chunk, tame = plan[i]
        if not tame:
            steps.append((i, i + 1, None, chunk[0] if chunk else None))
            i += 1
            continue
        j = i
        while j < len(plan) and plan[j][1]:
            j += 1
        items = [item for chunk, _ in plan[i:j] for item in chunk]
        rare = [item for item in items if item[0] in _twin_text and _is_rare(item[0])]
        rare_ids = {id(item) for item in rare}
        often = [item for item in items if id(item) not in rare_ids]
        groups: list[_Group] = []
        for k in range(0, len(often), FAST_CHUNK):
            groups.append((None, tuple((search, fids) for _, fids, search in often[k:k + FAST_CHUNK])))
        for k in range(0, len(rare), FILTER_GROUP):
            part = rare[k:k + FILTER_GROUP]
            filt = _filter(tuple(p for p, _, _ in part)) if len(part) > 1 else None
            groups.append((filt, tuple((search, fids) for _, fids, search in part)))
        steps.append((i, j, tuple(groups), None))
        i = j
    return tuple(steps)


def _steps_for(regexes: tuple[tuple[str, regex.Pattern[str]], ...], first: str) -> tuple[_Step, ...]:
    got = _steps_by_id.get(id(regexes))
    if got is None or got[0] is not regexes:
        if len(_steps_by_id) >= 256:
            _steps_by_id.clear()
        got = _steps_by_id[id(regexes)] = (regexes, {})
    steps = got[1].get(first)
    if steps is None:
        key = (regexes, first)
        steps = _steps.get(key)
        if steps is None:
            steps = _make_steps(regexes, first)
            if len(_steps) < 4096:
                _steps[key] = steps
        if len(got[1]) < 4096:
            got[1][first] = steps
    return steps


def _search_steps(regexes: tuple[tuple[str, regex.Pattern[str]], ...], first: str, word: str,
                  budget: TextBudget | None, found: set[str], problems: list[str]) -> None:
    """search_all's fast path once the twins are on: the steps of the word's plan (they cover its
    chunks in order), each tried the cheap way and, when that cannot vouch for the answer, searched
    as the chunks were (`_search_chunks`), from the same chunk and in the same order."""
    wall = time.perf_counter
    plan = None
    for a, b, groups, item in _steps_for(regexes, first):
        if budget is None or not budget.disabled:
            if groups is not None:
                hits = []
                for filt, items in groups:
                    t0 = wall()
                    if filt is None or filt(word) is not None:
                        got = [fids for search, fids in items if search(word) is not None]
                    else:
                        got = None
                    if wall() - t0 > CHARGE_FLOOR:
                        break
                    if got:
                        hits.extend(got)
                else:
                    for fids in hits:
                        found.update(fids)
                    continue
            elif item is None:
                continue  # (a chunk left empty by the first letter)
            else:
                # one pattern that is not tame: searched with its timeout, but timed on the wall
                # clock (two readings of the thread's CPU clock cost ~3 µs): a search that took at
                # most CHARGE_FLOOR and did not time out would not have been booked, and its answer
                # is that of each of the pattern's feature ids
                pattern, fids, _ = item
                t0 = wall()
                try:
                    matched = pattern.search(word, timeout=REGEX_TIMEOUT) is not None
                except TimeoutError:
                    matched = None
                if matched is not None and wall() - t0 <= CHARGE_FLOOR:
                    if matched:
                        found.update(fids)
                    continue
        if plan is None:
            plan = _plan(regexes, first)
        if _search_chunks(plan, regexes, a, b, word, budget, found, problems):
            return


def _search_measured(regexes: Iterable[tuple[str, regex.Pattern[str]]], word: str, budget: TextBudget | None,
                     found: set[str], problems: list[str]) -> None:
    """Each search under its timeout and timed on this thread's CPU clock; charged to the text."""
    clock = time.thread_time
    limit = REGEX_TIMEOUT
    start = clock()
    for fid, pattern in regexes:
        if budget is not None and fid in budget.disabled:
            problems.append(_over_budget(fid))
            continue
        timed_out = False
        try:
            if pattern.search(word, timeout=limit) is not None:
                found.add(fid)
        except TimeoutError:  # perhaps only a wait for the processor: settled on CPU time
            hit, timed_out, _ = timed_search(pattern, word, limit)
            if hit:
                found.add(fid)
        now = clock()
        used, start = now - start, now
        if timed_out:
            problem = f"{fid}: regular expression timed out on a {len(word)}-character word"
            problems.append(problem)
            if budget is not None:
                budget.warn(problem)
        if budget is not None and used > CHARGE_FLOOR:
            spent = budget.spent[fid] = budget.spent.get(fid, 0.0) + used
            if spent > TEXT_BUDGET:
                budget.disabled.add(fid)
                budget.warn(_over_budget(fid))


def _over_budget(fid: str) -> str:
    return (f"{fid}: regular expression not run on the rest of the text: rule {rule_of(fid)} used its "
            f"{TEXT_BUDGET:g} s budget")


__all__ = ["REGEX_TIMEOUT", "TEXT_BUDGET", "TextBudget", "current", "text_budget", "timed_search",
           "search_all", "rule_of", "is_tame"]
