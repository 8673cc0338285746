"""Stage 5a — the lexicon: YAML entries, registries, validation and lookup indexes.

A lexicon directory holds YAML files of five kinds, told apart by their top-level key:

- ``entries:`` — lexicon entries (an optional ``defaults:`` mapping fills fields shared by all);
- ``classes:`` — the registry of entry classes (group, slur, dehumanization, negation, ...);
- ``targets:`` — the registry of target groups (chinese, dungan, jewish, kafir, ...);
- ``guards:``  — ordinary words that must never become slurs (жидкость, кафе, Kazakh жиде);
- ``language_words:`` — frequent words that vote for a language in language identification.

Loading validates everything and reports *all* problems with file, line and column.  The
compiled `Lexicon` holds the indexes the token analyzer needs: surface forms (lemmas, variants,
listed forms and pymorphy3's inflections of Russian lemmas), Russian lemmas, Kazakh stems, Latin
"skeletons", the first words of multi-word expressions, and a fuzzy index.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ConfigError, Problem
from ..schema.values import LANGS, REGISTERS, UI_LANGS
from ..schema.yamltypes import Loc, YamlProblem, YList, YMap
from ..schema.pickling import quick_state
from ..text.lazyregex import lazy_compile

CLASS_KINDS = ("target", "attack", "frame", "context", "function")
# Bounds checked at load time: indexes grow with these (the typo index with the square of a word's
# length: one 10,000-letter lemma took 12 s and 5.3 GB).  No real word is longer than 64 letters,
# and the analyzer gives longer tokens surface lookup only.
MAX_WORD_LEN = 64
MAX_PHRASE_WORDS = 8
MAX_SPELLINGS = 200  # variants, and forms, per entry
MAX_TEXT_FIELD = 2000  # meaning, source, note, descriptions
MATCH_MODES = ("lemma", "exact")
SCRIPTS = ("cyrl", "latn")  # spellings a list of language words is for
LANGUAGE_WORDS_KEYS = {
    "lang": "ru or kk: the language the words vote for",
    "script": "cyrl or latn: the spelling of texts the words are looked for in",
    "words": "the words, lower case",
    "reason": "why these words tell the language",
}
LOOSE_MODES = ("all", "listed")
POS = ("noun", "adj", "verb", "phrase", "other")

_ID_RE = lazy_compile(r"^[a-z]{2}\.[a-z0-9_]+(?:[.-][a-z0-9_]+)*$")
_NAME_RE = lazy_compile(r"^[a-z][a-z0-9_]*$")
# letters, hyphens, apostrophes, spaces between the words of a phrase, and a comma after a word
# where the phrase has one ("последнее, что я бы сделал"): the text may then have a comma there
_WORD_RE = lazy_compile(r"^(?:[\p{L}\p{M}'’\- ]|,(?= )|(?<= )—(?= ))+$")

ENTRY_KEYS = {
    "id": "stable id: <lang>.<group or class>.<name>, e.g. ru.chinese.kitaets",
    "lemma": "dictionary form (Russian) or stem (Kazakh); words separated by spaces for a phrase",
    "lang": "ru or kk",
    "class": "one class id or a list of them (see classes.yaml)",
    "target": "target group id when the word names or insults a group (see targets.yaml)",
    "register": "neutral, pejorative or slur",
    "meaning": "one line: what the word means",
    "source": "why it is in the lexicon (usage seen, reference)",
    "variants": "other lemmas or spellings that mean the same",
    "forms": "extra surface forms matched exactly (forms morphology misses)",
    "fuzzy": "false to forbid typo matching for this entry",
    "match": "lemma (default: any inflection) or exact (only the listed spellings)",
    "bare": "false when the bare Kazakh stem alone is another word (ат 'horse, name' for ат- 'shoot'): only inflected forms match",
    "loose": "all (default) or listed: Latin spellings, typos and disguises reach only the listed spellings and forms",
    "pos": "noun, adj, verb, phrase or other",
    "homonym_near": "words (lemmas or Kazakh stems) that make the word its harmless homonym when one stands within 8 words in its sentence (чурка beside дрова, топор: a log)",
    "note": "free text for maintainers",
}


@quick_state
@dataclass(frozen=True, slots=True)
class ClassInfo:
    id: str
    kind: str
    description: str


@quick_state
@dataclass(frozen=True, slots=True)
class TargetInfo:
    id: str
    names: dict[str, str]
    description: str
    narrative: str | None = None  # the narrative an attack on this group belongs to (rules with narrative_by_target)
    narrative_at: tuple[str, int, int] = ("", 0, 0)  # file, line, column of `narrative:`, for problems found later

    def name(self, ui_lang: str = "en") -> str:
        return self.names.get(ui_lang) or self.names.get("en") or self.id


@quick_state
@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a lemma or stem (or phrase) with what it means and why it is here."""

    id: str
    lang: str
    lemma: str
    classes: tuple[str, ...]
    target: str | None
    register: str
    meaning: str
    source: str
    variants: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    fuzzy: bool = True
    match: str = "lemma"
    bare: bool = True  # False: a Kazakh stem matches only with endings (the bare word is another word)
    loose: str = "all"  # "listed": only the listed spellings and forms are matched loosely (Latin, typos, masks)
    pos: str = "other"
    homonym_near: frozenset[str] = frozenset()  # a word of these nearby makes it the harmless homonym
    file: str = ""
    line: int = 0

    @property
    def is_phrase(self) -> bool:
        return " " in self.lemma

    @property
    def spellings(self) -> tuple[str, ...]:
        """The lemma and its variants (normalized)."""
        return (self.lemma, *self.variants)


@dataclass(slots=True)
class Guard:
    words: frozenset[str]
    lang: str


@dataclass(frozen=True)
class LanguageWords:
    """Frequent words of one language in one script that vote for it in language identification."""

    words: frozenset[str]
    lang: str
    script: str


def _typed_spelling(x: str, y: str) -> bool:
    """Is x the spelling y with some Kazakh letters typed as their Russian look-alikes?"""
    from ..morphology.kazakh_suffixes import keyboard_fold

    return x != y and len(x) == len(y) and all(a == b or a == keyboard_fold(b) for a, b in zip(x, y))


def norm_word(word: str) -> str:
    """How lexicon spellings are normalized: the same folding as the text pipeline."""
    from ..text.normalize import normalize

    return " ".join(normalize(word).text.split())


@dataclass
class LexiconSource:
    """Everything read from lexicon files before indexing."""

    entries: list[Entry] = field(default_factory=list)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    targets: dict[str, TargetInfo] = field(default_factory=dict)
    guards: list[Guard] = field(default_factory=list)
    language_words: list[LanguageWords] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def iter_yaml_files(paths: Iterable[str | Path]) -> list[Path]:
    """YAML files under the given files or directories, sorted for a stable order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()))
        else:
            out.append(p)
    return out


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f"did you mean {close[0]!r}?" if close else ""


class _Reader:
    """Collects problems while reading lexicon files."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.src = LexiconSource()
        self._raw_entries: list[tuple[YMap, YMap | None, Loc]] = []
        self._base_ids: set[tuple[str, str]] = set()  # (registry, id) read from the bundled base
        self._reading_base = False

    def _redefines(self, registry: str, key: str, loc: Loc, what: str) -> bool:
        """Whether a registry id is already defined: a definition from the bundled base may be
        overridden (a copied or customised registry file); one from the user's files may not."""
        if (registry, key) in self._base_ids and not self._reading_base:
            self._base_ids.discard((registry, key))
            return False
        if self._reading_base:
            self._base_ids.add((registry, key))
        if key in getattr(self.src, registry) and (registry, key) not in self._base_ids:
            self.fail(loc, f"{what} {key!r} is defined twice")
            return True
        return False

    def fail(self, loc: Loc, message: str, hint: str = "") -> None:
        self.problems.append(loc.problem(message, hint))

    # -- files ---------------------------------------------------------------------------
    def read_file(self, path: Path) -> None:
        from ..schema.yamlload import load_yaml_file  # PyYAML only when a file is read

        try:
            doc = load_yaml_file(path)
        except YamlProblem as exc:
            self.problems.append(exc.problem)
            return
        self.src.files.append(str(path))
        top = Loc(str(path), 1, 1)
        if doc is None:
            return
        if not isinstance(doc, YMap):
            self.fail(top, "a lexicon file must be a mapping", "start with 'entries:', 'classes:', 'targets:', 'guards:' or 'language_words:'")
            return
        known = {"entries", "defaults", "classes", "targets", "guards", "language_words", "description"}
        for key in doc:
            if key not in known:
                self.fail(doc.loc_of(key), f"unknown top-level key {key!r}", _suggest(key, known))
        if "classes" in doc:
            self._read_classes(doc["classes"], doc.loc_of("classes"))
        if "targets" in doc:
            self._read_targets(doc["targets"], doc.loc_of("targets"))
        if "guards" in doc:
            self._read_guards(doc["guards"], doc.loc_of("guards"))
        if "language_words" in doc:
            self._read_language_words(doc["language_words"], doc.loc_of("language_words"))
        if "entries" in doc:
            defaults = doc.get("defaults")
            if defaults is not None and not isinstance(defaults, YMap):
                self.fail(doc.loc_of("defaults"), "'defaults' must be a mapping")
                defaults = None
            entries = doc["entries"]
            if not isinstance(entries, YList):
                self.fail(doc.loc_of("entries"), "'entries' must be a list")
                return
            for i, item in enumerate(entries):
                loc = entries.loc_of(i)
                if not isinstance(item, YMap):
                    self.fail(loc, "each entry must be a mapping with id, lemma, class, ...")
                    continue
                self._raw_entries.append((item, defaults, loc))
        elif "defaults" in doc:
            self.fail(doc.loc_of("defaults"), "'defaults' without 'entries'")

    def _read_classes(self, node: object, loc: Loc) -> None:
        if not isinstance(node, YMap):
            self.fail(loc, "'classes' must map class ids to {kind, description}")
            return
        for cid, spec in node.items():
            cloc = node.loc_of(cid)
            if not _NAME_RE.match(cid):
                self.fail(cloc, f"class id {cid!r} must be lower_snake_case")
                continue
            if not isinstance(spec, YMap):
                self.fail(cloc, f"class {cid!r} must be a mapping with kind and description")
                continue
            kind = spec.get("kind")
            if kind not in CLASS_KINDS:
                self.fail(spec.loc_of("kind"), f"class {cid!r}: kind must be one of {', '.join(CLASS_KINDS)}")
                continue
            desc = spec.get("description")
            if not isinstance(desc, str) or not desc.strip():
                self.fail(spec.loc_of("description"), f"class {cid!r} needs a description")
                continue
            if self._redefines("classes", cid, cloc, "class"):
                continue
            self.src.classes[cid] = ClassInfo(cid, kind, desc.strip())

    def _read_targets(self, node: object, loc: Loc) -> None:
        if not isinstance(node, YMap):
            self.fail(loc, "'targets' must map target ids to {names, description}")
            return
        for tid, spec in node.items():
            tloc = node.loc_of(tid)
            if not _NAME_RE.match(tid):
                self.fail(tloc, f"target id {tid!r} must be lower_snake_case")
                continue
            if not isinstance(spec, YMap) or not isinstance(spec.get("names"), YMap):
                self.fail(tloc, f"target {tid!r} needs names: {{en: ..., ru: ..., kk: ...}} and a description")
                continue
            names = {k: str(v) for k, v in spec["names"].items()}
            missing = [lang for lang in UI_LANGS if not names.get(lang)]
            if missing:
                self.fail(spec.loc_of("names"), f"target {tid!r} has no name in {', '.join(missing)}")
            if self._redefines("targets", tid, tloc, "target"):
                continue
            narrative = spec.get("narrative")
            if narrative is not None and (not isinstance(narrative, str) or not _NAME_RE.match(narrative)):
                self.fail(spec.loc_of("narrative"), f"target {tid!r}: narrative must be a narrative id")
                narrative = None
            self.src.targets[tid] = TargetInfo(tid, names, str(spec.get("description", "")).strip(), narrative,
                                               tuple(spec.loc_of("narrative")) if narrative else ("", 0, 0))

    def _read_guards(self, node: object, loc: Loc) -> None:
        if not isinstance(node, YList):
            self.fail(loc, "'guards' must be a list of {lang, words, reason}")
            return
        for i, spec in enumerate(node):
            gloc = node.loc_of(i)
            if not isinstance(spec, YMap):
                self.fail(gloc, "each guard must be a mapping with lang, words and reason")
                continue
            lang = spec.get("lang")
            if lang not in LANGS:
                self.fail(spec.loc_of("lang"), "guard lang must be ru or kk")
                continue
            words = spec.get("words")
            if not isinstance(words, YList) or not all(isinstance(w, str) for w in words):
                self.fail(spec.loc_of("words"), "guard words must be a list of strings")
                continue
            if not isinstance(spec.get("reason"), str):
                self.fail(gloc, "each guard needs a reason")
            self.src.guards.append(Guard(frozenset(norm_word(w) for w in words), lang))

    def _read_language_words(self, node: object, loc: Loc) -> None:
        if not isinstance(node, YList):
            self.fail(loc, "'language_words' must be a list of {lang, script, words, reason}")
            return
        for i, spec in enumerate(node):
            wloc = node.loc_of(i)
            if not isinstance(spec, YMap):
                self.fail(wloc, "each list of language words must be a mapping with lang, script, words and reason")
                continue
            for key in spec:
                if key not in LANGUAGE_WORDS_KEYS:
                    self.fail(spec.loc_of(key), f"unknown key {key!r}", _suggest(key, LANGUAGE_WORDS_KEYS))
            lang, script = spec.get("lang"), spec.get("script")
            if lang not in LANGS:
                self.fail(spec.loc_of("lang") if "lang" in spec else wloc, "language words lang must be ru or kk")
                continue
            if script not in SCRIPTS:
                self.fail(spec.loc_of("script") if "script" in spec else wloc,
                          "language words script must be cyrl (Cyrillic) or latn (Latin)")
                continue
            words = spec.get("words")
            if not isinstance(words, YList):
                self.fail(spec.loc_of("words") if "words" in spec else wloc, "language words must be a list of strings")
                continue
            odd = [(k, w) for k, w in enumerate(words) if not isinstance(w, str)]
            for k, w in odd:
                self.fail(words.loc_of(k), f"language word {w!r} is not a string",
                          "quote it: YAML reads no, yes, on, off as true/false and digits as numbers")
            if odd:
                continue
            if not isinstance(spec.get("reason"), str):
                self.fail(wloc, "each list of language words needs a reason")
            self.src.language_words.append(LanguageWords(frozenset(norm_word(w) for w in words), lang, script))

    # -- entries -------------------------------------------------------------------------
    def build_entries(self) -> None:
        seen_ids: dict[str, Loc] = {}
        seen_keys: dict[tuple, Loc] = {}
        for raw, defaults, loc in self._raw_entries:
            merged: dict[str, object] = {}
            if defaults:
                merged.update(defaults)
            merged.update(raw)
            entry = self._entry(merged, raw, loc)
            if entry is None:
                continue
            if entry.id in seen_ids:
                first = seen_ids[entry.id]
                self.fail(raw.loc_of("id"), f"duplicate entry id {entry.id!r}", f"first defined at {first.file}:{first.line}")
                continue
            seen_ids[entry.id] = loc
            key = (entry.lang, entry.lemma, entry.classes, entry.target)
            if key in seen_keys:
                first = seen_keys[key]
                self.fail(raw.loc_of("lemma"), f"entry {entry.id!r} repeats lemma {entry.lemma!r} with the same class and target",
                          f"merge it with the entry at {first.file}:{first.line}")
                continue
            seen_keys[key] = loc
            self.src.entries.append(entry)

    def _entry(self, d: dict, raw: YMap, loc: Loc) -> Entry | None:
        before = len(self.problems)
        for key in raw:
            if key not in ENTRY_KEYS:
                self.fail(raw.loc_of(key), f"unknown entry field {key!r}", _suggest(key, ENTRY_KEYS) or "see the entry fields in CONTRIBUTING.md")

        def need_str(key: str) -> str:
            v = d.get(key)
            if not isinstance(v, str) or not v.strip():
                self.fail(raw.loc_of(key) if key in raw else loc, f"entry needs {key!r}: {ENTRY_KEYS[key]}")
                return ""
            return v.strip()

        eid = need_str("id")
        if eid and not _ID_RE.match(eid):
            self.fail(raw.loc_of("id"), f"entry id {eid!r} is malformed", "use <lang>.<group>.<name> in lower case, e.g. kk.chinese.shurshit")
        lang = need_str("lang")
        if lang and lang not in LANGS:
            self.fail(raw.loc_of("lang") if "lang" in raw else loc, f"lang must be ru or kk, not {lang!r}")
        if eid and lang in LANGS and not eid.startswith(lang + "."):
            self.fail(raw.loc_of("id"), f"entry id {eid!r} must start with its language {lang!r}")
        lemma_raw = need_str("lemma")
        lemma = ""
        if lemma_raw:
            problem = _spelling_problem(lemma_raw)
            if problem:
                self.fail(raw.loc_of("lemma"), f"lemma {_shown(lemma_raw)}: {problem}")
                lemma_raw = ""
            else:
                lemma = norm_word(lemma_raw)
        if lemma_raw and not _WORD_RE.match(lemma_raw):
            self.fail(raw.loc_of("lemma"), f"lemma {lemma_raw!r} must be letters (and spaces for a phrase, a comma after a word or a dash between words where the phrase has one)")
        classes_v = d.get("class")
        classes: tuple[str, ...] = ()
        if isinstance(classes_v, str):
            classes = (classes_v,)
        elif isinstance(classes_v, list) and classes_v and all(isinstance(c, str) for c in classes_v):
            classes = tuple(classes_v)
        else:
            self.fail(raw.loc_of("class") if "class" in raw else loc, "entry needs 'class': a class id or a list of them")
        class_loc = raw.loc_of("class") if "class" in raw else loc
        for c in classes:
            if c not in self.src.classes:
                self.fail(class_loc, f"unknown class {c!r}", _suggest(c, self.src.classes) or "declare it in classes.yaml")
        target = d.get("target")
        target_loc = raw.loc_of("target") if "target" in raw else loc
        if target is not None:
            if not isinstance(target, str) or target not in self.src.targets:
                self.fail(target_loc, f"unknown target {target!r}", _suggest(str(target), self.src.targets) or "declare it in targets.yaml")
        if any(self.src.classes.get(c) and self.src.classes[c].kind == "target" for c in classes) and not target:
            self.fail(class_loc, "an entry of a target class (group, slur) needs a 'target'")
        register = need_str("register")
        if register and register not in REGISTERS:
            self.fail(raw.loc_of("register") if "register" in raw else loc, f"register must be one of {', '.join(REGISTERS)}")
        if "slur" in classes and register == "neutral":
            self.fail(raw.loc_of("register") if "register" in raw else loc, "a slur cannot have register neutral")
        meaning = need_str("meaning")
        source = need_str("source")
        for key in ("meaning", "source", "note"):
            value = d.get(key)
            if isinstance(value, str) and len(value) > MAX_TEXT_FIELD:
                self.fail(raw.loc_of(key) if key in raw else loc,
                          f"{key!r} is {len(value):,} characters long; the limit is {MAX_TEXT_FIELD:,}")
        variants = self._word_list(d, raw, "variants", loc)
        forms = self._word_list(d, raw, "forms", loc)
        if lang == "kk" and lemma:
            for key, items in (("variants", variants), ("forms", forms)):
                for x in items:
                    typed_of = next((y for y in (lemma, *variants, *forms) if _typed_spelling(x, y)), None)
                    if typed_of is not None:
                        self.fail(raw.loc_of(key), f"{key} item {x!r} is {typed_of!r} typed on a Russian keyboard",
                                  "remove it: hsengine reads Kazakh typed without Kazakh letters by itself")
        fuzzy = d.get("fuzzy", True)
        if not isinstance(fuzzy, bool):
            self.fail(raw.loc_of("fuzzy"), "fuzzy must be true or false")
            fuzzy = True
        match = d.get("match", "lemma")
        if match not in MATCH_MODES:
            self.fail(raw.loc_of("match"), f"match must be one of {', '.join(MATCH_MODES)}")
        bare = d.get("bare", True)
        if not isinstance(bare, bool):
            self.fail(raw.loc_of("bare"), "bare must be true or false")
            bare = True
        elif not bare and lang != "kk":
            self.fail(raw.loc_of("bare"), "bare: false is for Kazakh stems", "list the Russian forms to match instead")
        loose = d.get("loose", "all")
        if loose not in LOOSE_MODES:
            self.fail(raw.loc_of("loose"), f"loose must be one of {', '.join(LOOSE_MODES)}",
                      "listed keeps every inflection for Cyrillic text but lets Latin spellings and typos "
                      "reach only the spellings and forms written in the entry")
        homonym_near = frozenset(w.lower() for w in self._word_list(d, raw, "homonym_near", loc))
        pos = d.get("pos", "phrase" if " " in lemma else "other")
        if pos not in POS:
            self.fail(raw.loc_of("pos"), f"pos must be one of {', '.join(POS)}")
        if len(self.problems) > before:
            return None
        return Entry(
            id=eid, lang=lang, lemma=lemma, classes=classes, target=target, register=register,
            meaning=meaning, source=source, variants=variants, forms=forms, fuzzy=fuzzy,
            match=match, bare=bare, loose=loose, pos=pos, homonym_near=homonym_near, file=loc.file, line=loc.line,
        )

    def _word_list(self, d: dict, raw: YMap, key: str, loc: Loc) -> tuple[str, ...]:
        v = d.get(key, [])
        if v is None:
            return ()
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(raw.loc_of(key) if key in raw else loc, f"{key!r} must be a list of words")
            return ()
        if len(v) > MAX_SPELLINGS:
            self.fail(raw.loc_of(key), f"{key!r} has {len(v):,} items; the limit is {MAX_SPELLINGS}",
                      "split the entry, or let morphology find the forms")
            return ()
        out = []
        for x in v:
            problem = _spelling_problem(x)
            if problem:
                self.fail(raw.loc_of(key), f"{key!r} item {_shown(x)}: {problem}")
                continue
            if not _WORD_RE.match(x.strip()):
                self.fail(raw.loc_of(key), f"{key!r} item {x!r} must be letters (and spaces for a phrase, a comma after a word or a dash between words where the phrase has one)")
            out.append(norm_word(x))
        return tuple(dict.fromkeys(out))


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:20] + "…") + f" ({len(text):,} characters)"


def _spelling_problem(text: str) -> str:
    """Why a lemma, variant or form is too big to index, or ""."""
    words = text.split()
    if len(words) > MAX_PHRASE_WORDS:
        return f"a phrase of {len(words)} words; the limit is {MAX_PHRASE_WORDS}"
    longest = max(words, key=len, default="")
    if len(longest) > MAX_WORD_LEN:
        return f"a word of {len(longest):,} letters; the limit is {MAX_WORD_LEN} (no real word is longer)"
    return ""


def read_lexicon(paths: Sequence[str | Path], registry_paths: Sequence[str | Path] = ()) -> LexiconSource:
    """Read and validate lexicon files; raise ConfigError listing every problem."""
    reader = _Reader()
    base = iter_yaml_files(registry_paths)
    seen = {p.resolve() for p in base}
    files = [p for p in iter_yaml_files(paths) if p.resolve() not in seen]
    if not files:
        where = ", ".join(str(p) for p in paths) or "<none>"
        raise ConfigError([Problem(str(paths[0]) if paths else "<lexicon>", 1, 1,
                                   f"no lexicon files (.yaml) found under {where}")])
    reader._reading_base = True
    for path in base:
        reader.read_file(path)
    reader._reading_base = False
    for path in files:
        if not path.exists():
            reader.problems.append(Problem(str(path), 1, 1, "file or directory does not exist"))
            continue
        reader.read_file(path)
    # registries first, so entries in any file can refer to classes/targets from any other
    reader.build_entries()
    if reader.problems:
        raise ConfigError(reader.problems)
    return reader.src
