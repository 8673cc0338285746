"""Stage 1 — normalization with an exact map back to the original text.

Everything downstream works on a folded copy of the text (NFKC, lower case, ё→е, no invisible
characters, Latin look-alike letters inside Cyrillic words turned Cyrillic and vice versa), but
every piece of evidence must point at what the author typed.  So each normalized character
remembers the span of original characters it came from; a normalized span maps back to the
original by taking the start of its first character and the end of its last.

Most messages need nothing but lower-casing: they take a fast path whose offset map is the
identity and costs nothing.  The slow path walks the text one grapheme-ish cluster (a base
character and its combining marks) at a time, so composition (е + ◌̈ → ё) and expansion
(ﬁ → fi) stay exact.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

import regex

# Characters that render as nothing (or nearly) and are used to split words invisibly.
_INVISIBLE_EXTRA = "\u034f\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0"
_NEEDS_SLOW_PATH = regex.compile(r"[\p{Cf}\p{Mn}\p{Me}" + _INVISIBLE_EXTRA + r"]")
# A cluster: a base and its marks, or stray marks; a run of invisible characters (which are
# bases, never marks) is taken whole, as one cluster, unless marks hang on its last character.
_INVISIBLE_BASES = r"\p{Cf}\u115f\u1160\u180e\u3164\uffa0"
_CLUSTER = regex.compile(r"[" + _INVISIBLE_BASES + r"]{2,}(?!\p{M})|\P{M}\p{M}*|\p{M}+", regex.DOTALL)
_ANY_MARK = regex.compile(r"\p{M}")
_INVISIBLE = regex.compile(r"^[\p{Cf}" + _INVISIBLE_EXTRA + r"]$")
_MARKS = regex.compile(r"[\p{Mn}\p{Me}]")

_HAS_LATIN = regex.compile(r"\p{Latin}")
_HAS_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# A run of letters (plus the digits/symbols people mix into words) that may need folding.
_WORDISH = regex.compile(r"[\p{L}\p{N}@$*|]+")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
_CYRILLIC_LETTER = regex.compile(r"\p{Cyrillic}")
# Letters with no look-alike in the other script decide which way a mixed word is folded.
_CYRILLIC_ONLY_LETTER = regex.compile(r"[бгдёжзийлпфцчшщъыьэюяәғқңөұүһ]")
_LATIN_ONLY_LETTER = regex.compile(r"[dfgjlqsvwzäöüğşñıç]")
_KAZAKH_ONLY = set("әғқңөұүһі")

# Latin letters that pass for Cyrillic ones once lower-cased (upper-case look-alikes included:
# B→в, H→н, M→м, T→т; italic/handwritten: u→и, n→п, r→г).
_LATIN_TO_CYRILLIC = str.maketrans(
    {
        "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "n": "п",
        "o": "о", "p": "р", "r": "г", "t": "т", "u": "и", "x": "х", "y": "у",
        "ä": "ә", "ö": "ө", "ü": "ү", "ë": "е",
    }
)
_CYRILLIC_TO_LATIN = str.maketrans(
    {"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
     "с": "c", "т": "t", "у": "y", "х": "x", "і": "i"}
)
# Precomposed letters that are not letters of Russian or Kazakh: a combining mark composed onto a
# base (к + ◌́ → ќ, ә + ◌̈ → ӛ) or a look-alike typed directly.  Folded to the base letter.
_EXOTIC = str.maketrans({
    "ӓ": "а", "ӑ": "а", "ӛ": "ә", "ӧ": "о", "ӱ": "у", "ӳ": "у", "ў": "у", "ӥ": "и", "ӣ": "и", "ѝ": "и",
    "ӹ": "ы", "ќ": "к", "ѓ": "г", "ї": "і", "ѐ": "е", "ӝ": "ж", "ӟ": "з", "ӧ": "о", "ӭ": "э", "ӵ": "ч",
})
_HAS_EXOTIC = regex.compile("[" + "".join(chr(k) for k in _EXOTIC) + "]")
# Latin letters that exist in the Kazakh 2021 alphabet or Turkic spellings: kept composed.
_KEEP_COMPOSED = set("äöüğşñçūıéй")

# Two-character spellings of ы ("bl", "ь|", "ъі", ...), folded only inside Cyrillic-majority words.
_YERY_DIGRAPH = regex.compile(r"[bьъ][l|1іi]")


@dataclass(frozen=True, slots=True)
class Edit:
    """A change normalization made that is worth explaining (positions in the normalized text)."""

    start: int
    end: int
    kind: str  # "homoglyph" | "invisible" | "combining" | "compat"


class NormalizedText:
    """The folded text plus the map from each of its characters back to the original."""

    __slots__ = ("original", "text", "_starts", "_ends", "edits", "_edit_starts", "_edit_reach")

    def __init__(
        self,
        original: str,
        text: str,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
        edits: tuple[Edit, ...] = (),
    ):
        self.original = original
        self.text = text
        self._starts = starts  # None: identity map (same length, char i came from char i)
        self._ends = ends
        self.edits = edits
        self._edit_starts = [e.start for e in edits]
        self._edit_reach: list[int] | None = None  # running maximum of edit ends, built on first use

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering normalized [start, end)."""
        if self._starts is None:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def edit_kinds(self, start: int, end: int) -> tuple[str, ...]:
        """Kinds of normalization edits that touch normalized [start, end), sorted."""
        if not self.edits:
            return ()
        reach = self._edit_reach
        if reach is None:
            reach, top = [], -1
            for e in self.edits:
                top = max(top, e.end)
                reach.append(top)
            self._edit_reach = reach
        # Edits are sorted by start, so those that may touch [start, end) lie between the first
        # whose running maximum end passes `start` and the first starting at `end`: a hit looks
        # at the edits around it, not at every edit before it (which made long texts quadratic).
        lo = bisect_right(reach, start)
        hi = bisect_left(self._edit_starts, end)
        kinds = {e.kind for e in self.edits[lo:hi] if e.end > start}
        # edits that removed characters have start == end; they sit between kept characters
        return tuple(sorted(kinds))


def normalize(text: str) -> NormalizedText:
    """Fold `text` for matching; see the module docstring for what changes."""
    if _NEEDS_SLOW_PATH.search(text) is None and unicodedata.is_normalized("NFKC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            folded = lowered.replace("ё", "е")
            edits: list[Edit] = []
            if _HAS_EXOTIC.search(folded):
                edits = [Edit(m.start(), m.end(), "homoglyph") for m in _HAS_EXOTIC.finditer(folded)]
                folded = folded.translate(_EXOTIC)
            return _fold_scripts(text, folded, None, None, edits)
    if len(text) <= _STRETCH:
        return _slow_normalize(text)
    return _normalize_by_stretches(text)


# Long texts are folded stretch by stretch: one emoji with U+FE0F must not send 100,000
# characters down the cluster-by-cluster path (it made long messages cost 3x per word).
_STRETCH = 512


def _stretches(text: str) -> Iterator[tuple[int, int]]:
    """Cut `text` before a space roughly every _STRETCH characters.  A space never belongs to
    the cluster before it (clusters are a base and its marks), so each stretch folds alone
    exactly as it would inside the whole text."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find(" ", start + _STRETCH)
        if cut == -1:
            yield start, n
            return
        yield start, cut
        start = cut


def _normalize_by_stretches(text: str) -> NormalizedText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    edits: list[Edit] = []
    pos = 0
    for a, b in _stretches(text):
        piece = text[a:b]
        if _NEEDS_SLOW_PATH.search(piece) is None and unicodedata.is_normalized("NFKC", piece) \
                and len(lowered := piece.lower()) == len(piece):
            folded = lowered.replace("ё", "е")
            if _HAS_EXOTIC.search(folded):
                edits.extend(Edit(pos + m.start(), pos + m.end(), "homoglyph") for m in _HAS_EXOTIC.finditer(folded))
                folded = folded.translate(_EXOTIC)
            out.append(folded)
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))
            pos += len(folded)
        else:
            pos = _fold_clusters(text, a, b, out, starts, ends, edits, pos)
    return _fold_scripts(text, "".join(out), starts, ends, edits)


def _slow_normalize(text: str) -> NormalizedText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    edits: list[Edit] = []
    _fold_clusters(text, 0, len(text), out, starts, ends, edits, 0)
    return _fold_scripts(text, "".join(out), starts, ends, edits)


# ASCII and Cyrillic letters without the Cyrillic combining marks (U+0483-0489): each of these
# characters is a cluster of its own when no mark follows, is NFKC- and NFC-stable, and lower-
# cases to one character that is no mark (checked for every one of them), so a run of them folds
# exactly as it would cluster by cluster: lower case, ё → е, exotic letters folded, no edit.
_PLAIN_RUN = regex.compile(r"[\x00-\x7f\u0400-\u0482\u048a-\u04ff]{8,}")


def _fold_clusters(text: str, lo: int, hi: int, out: list[str], starts: list[int], ends: list[int],
                   edits: list[Edit], pos: int) -> int:
    """Fold text[lo:hi] cluster by cluster (a base and its marks), appending to the output
    lists; `pos` is the normalized length so far, the new one is returned.  Runs of plain ASCII
    and Cyrillic characters between the clusters that need it are folded as a whole (a message
    with one emoji and its variation selector took 4 ms cluster by cluster)."""
    at = lo
    for run in _PLAIN_RUN.finditer(text, lo, hi):
        a, b = run.span()
        if b < hi and _ANY_MARK.match(text, b):
            b -= 1  # the last character is the base of the marks that follow
        if b - a < 8:
            continue
        pos = _fold_cluster_by_cluster(text, at, a, out, starts, ends, edits, pos)
        piece = text[a:b].lower().replace("ё", "е").translate(_EXOTIC)
        out.append(piece)
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
        pos += b - a
        at = b
    return _fold_cluster_by_cluster(text, at, hi, out, starts, ends, edits, pos)


def _fold_cluster_by_cluster(text: str, lo: int, hi: int, out: list[str], starts: list[int], ends: list[int],
                             edits: list[Edit], pos: int) -> int:
    if lo >= hi:
        return pos
    for m in _CLUSTER.finditer(text, lo, hi):
        cluster = m.group()
        a, b = m.span()
        if _INVISIBLE.match(cluster[0]):  # one edit for a whole run: 400,000 of them cost one
            edits.append(Edit(pos, pos, "invisible"))
            if len(cluster) > 1 and _ANY_MARK.search(cluster):  # marks hanging on an invisible base
                edits.append(Edit(pos, pos, "combining"))
            continue
        composed = unicodedata.normalize("NFKC", cluster)
        lowered = composed.lower()
        kind = None
        if len(cluster) > 1 and _MARKS.search(cluster):
            # marks on a base letter: keep only compositions that are real letters (й, Kazakh ä ş ñ)
            if lowered[:1] in _KEEP_COMPOSED:
                kept = lowered[0] + _MARKS.sub("", lowered[1:])
            else:
                kept = _MARKS.sub("", unicodedata.normalize("NFD", lowered))
            kind = "combining"
        else:
            kept = _MARKS.sub("", lowered)
            if composed != unicodedata.normalize("NFC", cluster):
                kind = "compat"
        piece = kept.replace("ё", "е").translate(_EXOTIC)
        if not piece:
            edits.append(Edit(pos, pos, kind or "combining"))
            continue
        out.append(piece)
        n = len(piece)
        starts.extend([a] * n)
        ends.extend([b] * n)
        if kind:
            edits.append(Edit(pos, pos + n, kind))
        pos += n
    return pos


def _fold_scripts(
    original: str,
    folded: str,
    starts: list[int] | None,
    ends: list[int] | None,
    edits: list[Edit],
) -> NormalizedText:
    """Fold look-alike letters inside words that mix Latin and Cyrillic (and ы digraphs)."""
    has_cyr = _HAS_CYRILLIC.search(folded) is not None
    if not has_cyr:
        return NormalizedText(original, folded, starts, ends, tuple(edits))
    has_lat = _HAS_LATIN.search(folded) is not None
    if not has_lat and ("ь" not in folded and "ъ" not in folded or _YERY_DIGRAPH.search(folded) is None):
        # without Latin letters the only folding left is a ы digraph (ь|, ъ|), itself rare
        return NormalizedText(original, folded, starts, ends, tuple(edits))

    replacements: list[tuple[int, int, str]] = []  # (start, end, new) in `folded`
    for m in _WORDISH.finditer(folded):
        word = m.group()
        if word.isascii():
            continue  # no Cyrillic letter: nothing to fold
        if _LATIN_LETTER.search(word) is None:
            # no Latin letter: nothing to fold but a ы digraph (ь|, ъ1), which needs ь or ъ; the
            # branch below gives exactly these (ь and ъ are Cyrillic, every letter of
            # _LATIN_ONLY_LETTER is Latin, so the word is read as Cyrillic and has no Latin letter
            # to fold)
            if "ь" in word or "ъ" in word:
                base = m.start()
                for d in _YERY_DIGRAPH.finditer(word):
                    replacements.append((base + d.start(), base + d.end(), "ы"))
            continue
        n_cyr = len(_CYRILLIC_LETTER.findall(word))
        if n_cyr == 0:
            continue
        n_lat = len(_LATIN_LETTER.findall(word))
        base = m.start()
        cyr_only = _CYRILLIC_ONLY_LETTER.search(word) is not None
        lat_only = _LATIN_ONLY_LETTER.search(_YERY_DIGRAPH.sub("", word)) is not None  # "bl" spells ы
        if cyr_only != lat_only and not (lat_only and n_cyr > n_lat):
            cyrillic_word = cyr_only  # eвpeй: й has no Latin twin, so the word is Cyrillic
        else:
            # (a Latin letter with no twin among more Cyrillic letters is written for its sound,
            # тар@qан, еvреи: the word stays Cyrillic, and the reader reads that letter by sound)
            cyrillic_word = n_cyr >= n_lat
        if cyrillic_word:
            for d in _YERY_DIGRAPH.finditer(word):
                replacements.append((base + d.start(), base + d.end(), "ы"))
            if n_lat:
                kazakh = any(ch in _KAZAKH_ONLY for ch in word)
                for i, ch in enumerate(word):
                    if "a" <= ch <= "z" or ch in "äöüë":
                        new = ("і" if kazakh else "и") if ch == "i" else ch.translate(_LATIN_TO_CYRILLIC)
                        if new != ch:
                            replacements.append((base + i, base + i + 1, new))
        else:
            for i, ch in enumerate(word):
                new = ch.translate(_CYRILLIC_TO_LATIN)
                if new != ch:
                    replacements.append((base + i, base + i + 1, new))
    if not replacements:
        return NormalizedText(original, folded, starts, ends, tuple(edits))
    replacements.sort(key=lambda r: (r[0], -r[1]))
    # Drop replacements overlapping an earlier (digraph) one.
    merged: list[tuple[int, int, str]] = []
    last_end = -1
    for r in replacements:
        if r[0] >= last_end:
            merged.append(r)
            last_end = r[1]
    if all(e - s == len(new) for s, e, new in merged):
        chars = list(folded)
        for s, _e, new in merged:
            chars[s] = new
        new_edits = edits + [Edit(s, e, "homoglyph") for s, e, _ in merged]
        new_edits.sort(key=lambda x: (x.start, x.end))
        return NormalizedText(original, "".join(chars), starts, ends, tuple(new_edits))
    # Length-changing folds: rebuild the map.
    if starts is None:
        starts = list(range(len(folded)))
        ends = list(range(1, len(folded) + 1))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    shift_points: list[tuple[int, int]] = []  # (old index, new index) for moving old edits
    new_edits = []
    prev = 0
    for s, e, new in merged:
        out.append(folded[prev:s])
        new_starts.extend(starts[prev:s])
        new_ends.extend(ends[prev:s])
        pos = len(new_starts)
        shift_points.append((s, pos))
        out.append(new)
        new_starts.extend([starts[s]] * len(new))
        new_ends.extend([ends[e - 1]] * len(new))
        new_edits.append(Edit(pos, pos + len(new), "homoglyph"))
        prev = e
        shift_points.append((e, pos + len(new)))
    out.append(folded[prev:])
    new_starts.extend(starts[prev:])
    new_ends.extend(ends[prev:])
    old_points = [p[0] for p in shift_points]

    def move(i: int) -> int:
        k = bisect_right(old_points, i) - 1
        if k < 0:
            return i
        old, new = shift_points[k]
        return new + max(0, i - old)

    for ed in edits:
        new_edits.append(Edit(move(ed.start), move(ed.end), ed.kind))
    new_edits.sort(key=lambda x: (x.start, x.end))
    return NormalizedText(original, "".join(out), new_starts, new_ends, tuple(new_edits))
