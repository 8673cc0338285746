"""The generated construction suite: hateful sentences and their non-hateful twins, per cell.

A cell is  language x attack family x target kind x mood.  For every cell the generator
instantiates the cell's templates (templates_ru.py, templates_kk.py) with target groups
(vocab.py), and for every hateful sentence it writes non-hateful twins:

    negated   the template's own negation            (Не бейте ... / ... ұрмаңдар)
    reported  the sentence quoted and condemned      (Фраза «...» — позор / «...» деген сөздерді айыптаймыз)
    refuted   a claim called false (claims only)     (Миф о том, что ... / ... деген өтірікті әшкереледі)
    neutral   the same group with the family's words (Полиция задержала тех, кто избил ...)
    positive  the same group spoken of well, in the cell's mood

A small share of Kazakh cases is repeated as typed on a Russian keyboard (spelling="keyboard"),
and a few code-switched templates put a Kazakh group word in a Russian sentence and Russian words
in a Kazakh one (mix="kk_in_ru" / "ru_in_kk").

Deterministic: every cell draws from its own seeded random.Random, so adding a template to one
cell does not reshuffle the others.  This module does not import hsengine.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from . import kazakh, templates_kk, templates_ru, vocab

SEED = 11  # issue #11

LANGS = ("ru", "kk")
FAMILIES = ("threat_violence", "extermination", "expulsion", "exclusion", "dehumanization",
            "negative_generalization", "hate_emotion", "derogation")
MOODS = ("imperative", "modal", "optative", "conditional_wish", "first_person_future", "rhetorical_question",
         "passive_impersonal", "nominal", "declarative")
KINDS = ("ethnic", "religious")
TWINS = ("negated", "reported", "refuted", "neutral", "positive")
LABELS = ("hateful", "non-hateful")

_CALLS = ("imperative", "modal", "optative", "conditional_wish", "first_person_future", "rhetorical_question",
          "passive_impersonal", "nominal")
# Which moods each family takes: calls to act take every mood but the plain statement; claims and
# feelings are statements (or rhetorical questions); insults are statements, questions or orders.
FAMILY_MOODS: dict[str, tuple[str, ...]] = {
    "threat_violence": _CALLS,
    "extermination": _CALLS,
    "expulsion": _CALLS,
    "exclusion": _CALLS + ("declarative",),
    "dehumanization": ("declarative", "rhetorical_question"),
    "negative_generalization": ("declarative", "rhetorical_question"),
    "hate_emotion": ("declarative", "rhetorical_question"),
    "derogation": ("declarative", "rhetorical_question", "imperative"),
}
CLAIM_FAMILIES = frozenset({"dehumanization", "negative_generalization", "derogation"})

PRONOUN_SHARE = 0.3     # of "~" templates: group named in a first sentence, attacked as "они/олар"
KEYBOARD_SHARE = 0.08   # of Kazakh cases: repeated as typed on a Russian keyboard
MIN_HATEFUL = 8         # hateful cases per cell, at least
PER_TEMPLATE = 2        # hateful instances per template (more when a cell has few templates)


@dataclass(frozen=True)
class Case:
    id: str
    lang: str            # ru / kk (the sentence's matrix language)
    family: str
    target_kind: str     # ethnic / religious
    target: str          # vocab.TARGETS id
    mood: str
    label: str           # hateful / non-hateful
    twin: str            # negated / reported / refuted / neutral / positive; "" for hateful
    text: str
    narrative: str       # xenophobia / anti_kafir for hateful cases, "" otherwise
    spelling: str = "standard"  # standard / keyboard (Kazakh typed on a Russian keyboard)
    mix: str = ""        # "" / kk_in_ru / ru_in_kk (code-switched)
    template: str = ""   # the template that made it, for error analysis

    @property
    def hateful(self) -> bool:
        return self.label == "hateful"

    @property
    def cell(self) -> tuple[str, str, str, str]:
        return (self.lang, self.family, self.target_kind, self.mood)

    def to_dict(self) -> dict:
        return asdict(self)


# -- templates ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    tid: str
    lang: str
    family: str
    mood: str
    kinds: frozenset[str]
    exclude: frozenset[str]
    pron: bool
    hateful: str
    negated: str


CHOICE = re.compile(r"\[(?:(\d+):)?([^\[\]]*)\]")
SLOT = re.compile(r"\{([A-Z]+)(?:\.([a-z_]+))?\}")
_KIND_FLAG = {"a": frozenset(KINDS), "e": frozenset({"ethnic"}), "r": frozenset({"religious"})}


def _parse_flags(flags: str) -> tuple[frozenset[str], frozenset[str], bool]:
    flags = flags.strip()
    exclude: frozenset[str] = frozenset()
    if "-" in flags:
        flags, ex = flags.split("-", 1)
        exclude = frozenset(x.strip() for x in ex.split(","))
    kinds = _KIND_FLAG[flags[0]]
    return kinds, exclude, "~" in flags


def _parse_block(block: str, lang: str, family: str, mood: str, prefix: str = "t") -> list[Template]:
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        flags, rest = line.split("|", 1)
        hateful, negated = (s.strip() for s in rest.split("||"))
        kinds, exclude, pron = _parse_flags(flags)
        tid = f"{lang}-{family}-{mood}-{prefix}{len(out):02d}"
        t = Template(tid, lang, family, mood, kinds, exclude, pron, hateful, negated)
        if pron and any(m.group(1) != "G" or (m.group(2) or "").startswith("sg")
                        for m in SLOT.finditer(hateful + " " + negated) if m.group(1) not in ("Q", "DA")):
            raise ValueError(f"{tid}: a pronoun template may use plural G slots only")
        out.append(t)
    return out


def _parse_pool(block: str) -> list[tuple[frozenset[str], str]]:
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            flags, text = line.split("|", 1)
            kinds, _, _ = _parse_flags(flags)
            out.append((kinds, text.strip()))
    return out


_MODULES = {"ru": templates_ru, "kk": templates_kk}


@lru_cache(maxsize=None)
def templates() -> dict[tuple[str, str, str], list[Template]]:
    """(lang, family, mood) -> templates; checks that the tables cover FAMILY_MOODS exactly."""
    out = {}
    for lang, mod in _MODULES.items():
        for family, moods in mod.HATEFUL.items():
            if set(moods) != set(FAMILY_MOODS[family]):
                raise ValueError(f"{lang} {family}: moods {sorted(moods)} != {sorted(FAMILY_MOODS[family])}")
            for mood, block in moods.items():
                out[(lang, family, mood)] = _parse_block(block, lang, family, mood)
        if set(mod.HATEFUL) != set(FAMILIES):
            raise ValueError(f"{lang}: families {sorted(mod.HATEFUL)}")
    return out


@lru_cache(maxsize=None)
def codeswitch_templates() -> dict[str, list[Template]]:
    out: dict[str, list[Template]] = {}
    for lang, mod in _MODULES.items():
        ts = []
        for j, ((family, mood), line) in enumerate(mod.CODESWITCH.items()):
            t = _parse_block(line, lang, family, mood, prefix="cs")[0]
            ts.append(Template(f"{lang}-{family}-{mood}-cs{j:02d}", *list(asdict(t).values())[1:]))
        out[lang] = ts
    return out


# -- rendering --------------------------------------------------------------------------------------

RU_PREPS = frozenset("от из у к ко с со для без до о об на в во за над под перед при про через по среди против "
                     "ради кроме около вокруг между после".split())
RU_PRON = {"G": ("они", "они"), "G.gen": ("их", "них"), "G.acc": ("их", "них"), "G.dat": ("им", "ним"),
           "G.ins": ("ими", "ними"), "G.prep": ("них", "них")}
DEMONSTRATIVES = {"ru": frozenset("эти этих этим этими".split()),
                  "kk": frozenset("мына осы бұл ана анау сол".split())}
_LAST_WORD = re.compile(r"(\w[\w-]*)\W*$")


def expand_choices(text: str, draws: list[int]) -> str:
    """[a|b|c] -> one option: the n-th group takes draws[n]; [k:a|b] takes draws[k-1]."""
    counter = iter(range(10_000))

    def pick(m: re.Match) -> str:
        n = next(counter)
        key = int(m.group(1)) - 1 if m.group(1) else n
        opts = m.group(2).split("|")
        return opts[draws[key] % len(opts)]

    return CHOICE.sub(pick, text)


def _kk_particle(word: str, kind: str) -> str:
    w = word.lower()
    back = kazakh.is_back(w)
    last = w[-1] if w else "а"
    if kind == "Q":
        if last in kazakh.VOICELESS:
            return "па" if back else "пе"
        if last in "мнңжз":
            return "ба" if back else "бе"
        return "ма" if back else "ме"
    if last in kazakh.VOICELESS:
        return "та" if back else "те"
    return "да" if back else "де"


def fill(text: str, forms: dict[str, str], lang: str, pron: str | None = None) -> str:
    """Put word forms into {slots}; with `pron` ("они"/"олар"/"бұлар"), G slots become that pronoun."""
    out: list[str] = []
    pos = 0
    for m in SLOT.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        name = m.group(1) + (f".{m.group(2)}" if m.group(2) else "")
        if name in ("Q", "DA"):
            prev = _LAST_WORD.search("".join(out))
            out.append(_kk_particle(prev.group(1) if prev else "", name))
            continue
        if pron and m.group(1) == "G":
            before = "".join(out)
            last = _LAST_WORD.search(before)
            if last and before.endswith(last.group(1) + " ") and last.group(1).lower() in DEMONSTRATIVES[lang]:
                before = before[: last.start(1)]
                last = _LAST_WORD.search(before)
            out = [before]
            if lang == "ru":
                after_prep = bool(last) and before.endswith(last.group(1) + " ") and last.group(1).lower() in RU_PREPS
                out.append(RU_PRON[name][after_prep])
            else:
                out.append(kazakh.PRONOUNS[pron][name])
            continue
        out.append(forms[name])
    out.append(text[pos:])
    return tidy("".join(out))


_SENTENCE_START = re.compile(r"(^|[.!?…]\s+|^«|[.!?]\s+«)(\w)")


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.!?;:…»])", r"\1", text)
    text = re.sub(r"«\s+", "«", text)
    text = re.sub(r",+([.!?…])", r"\1", text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def slots_of(*texts: str) -> set[str]:
    return {m.group(1) + (f".{m.group(2)}" if m.group(2) else "") for t in texts for m in SLOT.finditer(t)} - {
        "Q", "DA"}


# -- word forms of one target in one sentence ------------------------------------------------------

def target_forms(target: vocab.Target, lang: str, rng: random.Random) -> dict[str, str]:
    """G/D/H/HN (and KG/KD/RG for code-switching) forms for one instance, drawn with `rng`."""
    if lang == "ru":
        forms = dict(rng.choice(target.ru_nouns))
        if target.ru_slurs and rng.random() < 0.65:
            d = rng.choice(target.ru_slurs)
            if rng.random() < 0.25:
                d = vocab.with_epithet(rng.choice(vocab.RU_EPITHETS), d) if "D" not in d else d
        else:
            d = vocab.with_epithet(rng.choice(vocab.RU_EPITHETS), forms)
        forms.update(vocab.to_d(d))
        if target.ru_home:
            forms["H"] = rng.choice(target.ru_home)
        if target.ru_country:
            forms["HN"] = target.ru_country
        kk = rng.choice(target.kk_nouns)
        forms.update({"K" + k: v for k, v in kk.items()})
        kd = rng.choice(target.kk_slurs) if target.kk_slurs else vocab.kk_with_epithet(
            rng.choice(vocab.KK_EPITHETS), kk)
        forms.update({"K" + k: v for k, v in vocab.to_d(kd).items()})
    else:
        forms = dict(rng.choice(target.kk_nouns))
        if target.kk_slurs and rng.random() < 0.65:
            d = rng.choice(target.kk_slurs)
            if rng.random() < 0.25:
                d = vocab.kk_with_epithet(rng.choice(vocab.KK_EPITHETS), d)
        else:
            d = vocab.kk_with_epithet(rng.choice(vocab.KK_EPITHETS), forms)
        forms.update(vocab.to_d(d))
        if target.kk_home:
            forms["H"] = rng.choice(target.kk_home)
        if target.kk_country:
            forms["HN"] = target.kk_country
        ru = rng.choice(target.ru_nouns)
        forms.update({"R" + k: v for k, v in ru.items()})
    return forms


def applicable(t: Template, target: vocab.Target, forms: dict[str, str]) -> bool:
    return (target.kind in t.kinds and target.id not in t.exclude
            and slots_of(t.hateful, t.negated) <= forms.keys())


# -- twins ------------------------------------------------------------------------------------------

def quote(wrapper: str, h: str) -> str:
    """Put a sentence in a wrapper's «{h}»: no period inside the quotes, one after them at the end."""
    text = wrapper.replace("{h}", h[:-1] if h.endswith(".") and not h.endswith("...") else h)
    text = tidy(text)
    return text + "." if text.endswith("»") else text


def _claim(h: str, lang: str) -> str | None:
    """The hateful sentence as a clause to embed (one sentence, no final punctuation)."""
    body = h.rstrip(".!…")
    if re.search(r"[.!?]", body):
        return None
    if lang == "ru":
        return body[0].lower() + body[1:]
    return body


class _Writer:
    def __init__(self) -> None:
        self.cases: list[Case] = []
        self.seen: set[str] = set()

    @staticmethod
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    def fresh(self, text: str) -> bool:
        return self.norm(text) not in self.seen

    def add(self, case: Case) -> bool:
        key = self.norm(case.text)
        if key in self.seen:
            return False
        self.seen.add(key)
        self.cases.append(case)
        return True


def _pool_pick(pool, kind: str, forms: dict[str, str], lang: str, rng: random.Random, w: _Writer) -> str | None:
    options = [text for kinds, text in pool if kind in kinds and slots_of(text) <= forms.keys()]
    rng.shuffle(options)
    for text in options:
        s = fill(text, forms, lang)
        if w.fresh(s):
            return s
    return None


@lru_cache(maxsize=None)
def _pools(lang: str):
    mod = _MODULES[lang]
    neutral = {f: _parse_pool(b) for f, b in mod.NEUTRAL.items()}
    positive = {m: _parse_pool(b) for m, b in mod.POSITIVE.items()}
    return neutral, positive


def _twins(lang: str, t: Template, k: int, h: str, neg: str, forms: dict[str, str], kind: str,
           pronominal: bool, rng: random.Random, w: _Writer) -> list[tuple[str, str]]:
    """(twin, text) pairs for the hateful sentence `h`; `k` alternates the optional kinds."""
    mod = _MODULES[lang]
    out = [("negated", neg)]
    claim = None if pronominal else _claim(h, lang)
    if t.family in CLAIM_FAMILIES and t.mood == "declarative" and k % 2 == 1:
        if claim and rng.random() < 0.6:
            text = tidy(rng.choice(mod.REFUTED_CLAIM).replace("{c}", claim))
        else:
            text = quote(rng.choice(mod.REFUTED_QUOTE), h)
        out.append(("refuted", text))
    else:
        out.append(("reported", quote(rng.choice(mod.REPORTED), h)))
    neutral, positive = _pools(lang)
    if (k // 2 + k) % 2 == 0:
        s = _pool_pick(neutral[t.family], kind, forms, lang, rng, w)
        if s:
            out.append(("neutral", s))
    else:
        s = _pool_pick(positive[t.mood], kind, forms, lang, rng, w)
        if s:
            out.append(("positive", s))
    return out


# -- the suite --------------------------------------------------------------------------------------

def _render(t: Template, forms: dict[str, str], lang: str, rng: random.Random, pronominal: bool,
            intro: str | None) -> tuple[str, str]:
    draws = [rng.randrange(720720) for _ in range(12)]  # divisible by every option count up to 16
    hateful = expand_choices(t.hateful, draws)
    negated = expand_choices(t.negated, draws)
    pron = None
    if pronominal:
        pron = "они" if lang == "ru" else rng.choice(("олар", "олар", "бұлар"))
    h = fill(hateful, forms, lang, pron)
    n = fill(negated, forms, lang, pron)
    if intro:
        i = fill(intro, forms, lang)
        h, n = tidy(f"{i} {h}"), tidy(f"{i} {n}")
    return h, n


def _cell(lang: str, family: str, kind: str, mood: str, w: _Writer, mix: str = "") -> None:
    rng = random.Random(f"{SEED}:{lang}:{family}:{kind}:{mood}")
    mod = _MODULES[lang]
    ts = [t for t in templates()[(lang, family, mood)] if kind in t.kinds]
    if not ts:
        raise ValueError(f"no template for {lang} {family} {kind} {mood}")
    targets = list(vocab.KINDS[kind])
    rng.shuffle(targets)
    n_cases = max(MIN_HATEFUL, PER_TEMPLATE * len(ts))
    for i in range(n_cases):
        j = i % len(ts)
        t = ts[j]
        k = i // len(ts) + j
        for attempt in range(12):
            target = vocab.TARGETS[targets[(i + attempt) % len(targets)]]
            forms = target_forms(target, lang, rng)
            if not applicable(t, target, forms):
                continue
            pronominal = t.pron and rng.random() < PRONOUN_SHARE
            intro = rng.choice(mod.INTRO) if pronominal else None
            h, neg = _render(t, forms, lang, rng, pronominal, intro)
            if w.fresh(h) and w.fresh(neg):
                break
        else:
            continue
        base = f"{t.tid}-{kind[:3]}-{i:02d}"
        narrative = vocab.NARRATIVE[kind]
        w.add(Case(f"{base}-hateful", lang, family, kind, target.id, mood, "hateful", "", h, narrative,
                   template=t.tid))
        for twin, text in _twins(lang, t, k, h, neg, forms, kind, pronominal, rng, w):
            w.add(Case(f"{base}-{twin}", lang, family, kind, target.id, mood, "non-hateful", twin, text, "",
                       template=t.tid))


def _codeswitch(lang: str, w: _Writer) -> None:
    mix = "kk_in_ru" if lang == "ru" else "ru_in_kk"
    mod = _MODULES[lang]
    for t in codeswitch_templates()[lang]:
        rng = random.Random(f"{SEED}:{t.tid}")
        for kind in KINDS:
            targets = list(vocab.KINDS[kind])
            rng.shuffle(targets)
            made = 0
            for tid in targets:
                if made == 2:
                    break
                target = vocab.TARGETS[tid]
                forms = target_forms(target, lang, rng)
                if not applicable(t, target, forms):
                    continue
                h, neg = _render(t, forms, lang, rng, False, None)
                if not (w.fresh(h) and w.fresh(neg)):
                    continue
                base = f"{t.tid}-{kind[:3]}-{made:02d}"
                common = dict(lang=lang, family=t.family, target_kind=kind, target=tid, mood=t.mood, mix=mix,
                              template=t.tid)
                w.add(Case(f"{base}-hateful", label="hateful", twin="", text=h, narrative=vocab.NARRATIVE[kind],
                           **common))
                w.add(Case(f"{base}-negated", label="non-hateful", twin="negated", text=neg, narrative="",
                           **common))
                rep = quote(rng.choice(mod.REPORTED), h)
                w.add(Case(f"{base}-reported", label="non-hateful", twin="reported", text=rep, narrative="",
                           **common))
                made += 1


def _keyboard(cases: list[Case], w: _Writer) -> None:
    """Repeat a share of the Kazakh cases as typed on a Russian keyboard (fully or in part)."""
    rng = random.Random(f"{SEED}:keyboard")
    for c in list(cases):
        if c.lang != "kk" or rng.random() >= KEYBOARD_SHARE:
            continue
        share = 1.0 if rng.random() < 0.65 else 0.6
        text = kazakh.keyboard(c.text, rng, share)
        if text == c.text:
            continue
        w.add(Case(f"{c.id}-kb", c.lang, c.family, c.target_kind, c.target, c.mood, c.label, c.twin, text,
                   c.narrative, spelling="keyboard", mix=c.mix, template=c.template))


@lru_cache(maxsize=1)
def _generate() -> tuple[Case, ...]:
    w = _Writer()
    for lang in LANGS:
        for family in FAMILIES:
            for kind in KINDS:
                for mood in FAMILY_MOODS[family]:
                    _cell(lang, family, kind, mood, w)
        _codeswitch(lang, w)
    _keyboard(w.cases, w)
    return tuple(w.cases)


def generate() -> list[Case]:
    """Every case of the suite, in a fixed order (the same on every call and every machine)."""
    return list(_generate())


def cells() -> list[tuple[str, str, str, str]]:
    """Every (lang, family, target_kind, mood) cell the suite defines."""
    return [(lang, f, k, m) for lang in LANGS for f in FAMILIES for k in KINDS for m in FAMILY_MOODS[f]]


if __name__ == "__main__":  # a quick look: python -m tests.construction.generator
    import collections
    import sys

    cs = generate()
    print(len(cs), "cases", collections.Counter((c.lang, c.label) for c in cs), file=sys.stderr)
    for c in cs:
        print(f"{c.id}\t{c.text}")
