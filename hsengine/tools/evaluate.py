"""Evaluation: precision, recall and F1 of the engine on labelled text, beside a keyword baseline.

Three kinds of input:

* the bundled **functional suite** (`tests/functional/*.yaml`, HateCheck-style: each case tests one
  functionality — derogation, slur, negated hate, counter-speech... — against one target group);
* named **data sets** under the shared data folder (`../shared/data` beside the repository, or
  ``$HSENGINE_DATA``): adapters turn each into hateful / non-hateful texts, see `DATASETS`;
* any **labelled file** of your own: CSV, JSON lines or YAML with a text and a label column.

The **keyword baseline** flags a text when it names a group at all: the engine's own annotated
document (normalization, morphology, Kazakh stems, de-obfuscation, typo matching and guard words
included) contains a hit of any lexicon entry whose class has kind ``target`` (``group`` or
``slur``).  Rules and contexts are ignored.  The gap between the baseline and the engine is what
the rules add: the baseline's recall is the ceiling of what the lexicon can reach; its precision
is what "flag every mention" would give.

    >>> from hsengine import Engine
    >>> items = [LabelledText("все китайцы — тараканы", True), LabelledText("китайцы пьют зелёный чай", False)]
    >>> report = evaluate(Engine(), items)
    >>> b = report.overall["baseline"]      # it flags both: a group is named in each
    >>> (b.tp, b.fp)
    (1, 1)
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import hashlib
import html
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import yaml

from ..errors import HsengineError
from ..paths import BUNDLED_FUNCTIONAL, BUNDLED_KK_DEV, PACKAGE_DIR
from ..schema.values import LANGS

# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------

FUNCTIONAL_DIR = BUNDLED_FUNCTIONAL  # shipped in the wheel; tests/functional in a checkout
DEFAULT_DATA_ROOT = PACKAGE_DIR.parent.parent / "shared" / "data"  # the workplace's shared data sets

HATEFUL_FUNCTIONALITIES = (
    "derogation", "dehumanization", "threat_direct", "threat_normative", "slur", "negated_positive",
    "question_or_opinion", "pronoun_reference", "spelling_variant", "extremist_frame", "hate_emotion",
    "negative_generalization", "exclusion",
)
NON_HATEFUL_FUNCTIONALITIES = (
    "neutral_mention", "positive_mention", "negated_hate", "counter_speech_quote",
    "counter_speech_reference", "news_report", "metalinguistic", "slur_homonym", "abuse_nonprotected",
    "profanity_nonhateful", "religious_practice", "refutation", "religious_discussion",
    "neutral_question",
)
FUNCTIONALITIES = HATEFUL_FUNCTIONALITIES + NON_HATEFUL_FUNCTIONALITIES

TRUE_LABELS = {"1", "true", "yes", "y", "hateful", "hate", "t"}
FALSE_LABELS = {"0", "false", "no", "n", "non-hateful", "nonhateful", "not-hateful", "none", "f"}


class DatasetMissing(HsengineError):
    """A named data set (or the functional suite) is not available on this machine."""


class LabelError(HsengineError):
    """A labelled file cannot be read: missing column, unknown label value, bad format."""


@dataclass
class LabelledText:
    """One text with a gold label (hateful or not) and optional facets for the report."""

    text: str
    hateful: bool
    lang: str | None = None
    functionality: str | None = None
    target: str | None = None
    narrative: str | None = None
    id: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # extra facets the report breaks figures down by
    reference: bool | None = None  # another labeller's label (e.g. a model's), for agreement figures


def data_root(root: Path | str | None = None) -> Path:
    """Where the shared data sets live: `root`, else $HSENGINE_DATA, else ../shared/data."""
    if root is not None:
        return Path(root)
    env = os.environ.get("HSENGINE_DATA")
    if env:
        return Path(env)
    return DEFAULT_DATA_ROOT


def parse_label(value: Any) -> bool:
    """Truthy labels mean hateful: 1 / true / yes / hateful; 0 / false / no / non-hateful are not.

    Numbers other than 0 and 1 are refused (a toxicity score is not a label: threshold it first).
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        raise LabelError(f"label {value!r} is not 0 or 1")
    s = str(value).strip().lower()
    if s in TRUE_LABELS:
        return True
    if s in FALSE_LABELS:
        return False
    try:
        f = float(s)
    except ValueError:
        f = None
    if f in (0.0, 1.0):
        return bool(f)
    raise LabelError(f"label {value!r} is not one of 1/true/yes/hateful or 0/false/no/non-hateful")


def load_functional(paths: Sequence[Path] | None = None) -> list[LabelledText]:
    """The functional suite: by default every tests/functional/*.yaml beside the package.

    Each case must have text, label (hateful / non-hateful) and functionality; a label that
    contradicts its functionality's side is refused (a hateful `negated_hate` case is a typo).
    """
    if paths is None:
        if not FUNCTIONAL_DIR.is_dir():
            raise DatasetMissing(
                f"the functional suite is not installed ({FUNCTIONAL_DIR} is absent): it ships with the "
                "source repository, not the wheel; pass the YAML files explicitly")
        paths = sorted(FUNCTIONAL_DIR.glob("*.yaml"))
        if not paths:
            raise DatasetMissing(f"no functional suite files in {FUNCTIONAL_DIR}")
    items: list[LabelledText] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise LabelError(f"{path}: cannot read the functional suite: {exc}") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list):
            raise LabelError(f"{path}: expected a mapping with 'lang' and a 'cases' list")
        lang = doc.get("lang")
        for i, case in enumerate(doc["cases"], 1):
            where = f"{path}: case {i}"
            if not isinstance(case, dict):
                raise LabelError(f"{where}: a case must be a mapping")
            for key in ("id", "functionality", "label", "text"):
                if not isinstance(case.get(key), str) or not case[key].strip():
                    raise LabelError(f"{where}: '{key}' is required")
            cid, func, label = case["id"], case["functionality"], case["label"]
            where = f"{path}: {cid}"
            if cid in seen:
                raise LabelError(f"{where}: duplicate id")
            seen.add(cid)
            if func not in FUNCTIONALITIES:
                raise LabelError(f"{where}: unknown functionality {func!r}")
            if label not in ("hateful", "non-hateful"):
                raise LabelError(f"{where}: label must be 'hateful' or 'non-hateful', not {label!r}")
            hateful = label == "hateful"
            if hateful != (func in HATEFUL_FUNCTIONALITIES):
                raise LabelError(f"{where}: label {label!r} contradicts functionality {func!r}")
            target = case.get("target")
            items.append(LabelledText(
                text=case["text"], hateful=hateful, lang=case.get("lang", lang), functionality=func,
                target=None if target in (None, "none") else str(target), narrative=case.get("narrative"),
                id=cid,
            ))
    return items


def load_labelled_file(path: Path, text_field: str = "text", label_field: str = "label") -> list[LabelledText]:
    """A CSV (or TSV), JSON lines or YAML file of labelled texts.

    The label column is truthy for hateful (1/true/yes/hateful) and falsy otherwise (0/false/no/
    non-hateful).  Optional columns lang, functionality, target, narrative and id are kept.
    YAML: a list of mappings, or a mapping with `cases` (the functional suite format).
    """
    path = Path(path)
    if not path.is_file():
        raise LabelError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".json":
        items = _label_studio_items(path)
        if items is not None:
            return items
    try:
        if suffix in (".jsonl", ".ndjson", ".json"):
            rows = list(_jsonl_rows(path))
        elif suffix in (".yaml", ".yml"):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("cases"), list):
                rows = [dict(r, lang=r.get("lang", doc.get("lang"))) for r in doc["cases"] if isinstance(r, dict)]
            elif isinstance(doc, list):
                rows = doc
            else:
                raise LabelError(f"{path}: expected a list of mappings or a mapping with 'cases'")
        elif suffix in (".csv", ".tsv", ".txt"):
            rows = list(_csv_rows(path, "\t" if suffix == ".tsv" else None))
        else:
            raise LabelError(f"{path}: unknown format {suffix!r} (use .csv, .tsv, .jsonl or .yaml)")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError, csv.Error) as exc:
        raise LabelError(f"{path}: cannot read: {exc}") from exc
    items = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise LabelError(f"{path}: row {n} is not a mapping")
        if text_field not in row or label_field not in row:
            missing = [f for f in (text_field, label_field) if f not in row]
            raise LabelError(f"{path}: row {n} has no {' / '.join(repr(m) for m in missing)} field "
                             f"(fields: {', '.join(map(str, row))}); choose with --text-field / --label-field")
        try:
            hateful = parse_label(row[label_field])
        except LabelError as exc:
            raise LabelError(f"{path}: row {n}: {exc}") from None
        text = row[text_field]
        items.append(LabelledText(
            text="" if text is None else str(text), hateful=hateful,
            lang=_opt(row.get("lang")), functionality=_opt(row.get("functionality")),
            target=_opt(row.get("target")), narrative=_opt(row.get("narrative")),
            id=_opt(row.get("id")) or str(n),
        ))
    return items


def _label_studio_items(path: Path) -> list[LabelledText] | None:
    """A reviewed Label Studio export (JSON or JSON-MIN) as labelled texts, or None for another file.

    The reviewer's verdict is the label (see `hsengine.io.labelstudio.reviewed`); the narrative and
    target spans they kept become the item's narrative and target."""
    from ..io import labelstudio

    try:
        with path.open(encoding="utf-8-sig") as fh:
            head = fh.read(1)
            if head != "[":
                return None
            fh.seek(0)
            doc = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not labelstudio.is_export(doc):
        return None
    rows, _skipped = labelstudio.reviewed(doc)
    if not rows:
        raise LabelError(f"{path}: a Label Studio export without reviewed tasks (annotate them first, then export)")
    return [LabelledText(text=r["text"], hateful=r["hateful"], lang=r.get("lang"),
                         target=r["targets"][0] if r["targets"] else None,
                         narrative=r["narratives"][0] if r["narratives"] else None, id=r["id"]) for r in rows]


def _opt(v: Any) -> str | None:
    if v is None or v == "" or v == "none":
        return None
    return str(v)


def _jsonl_rows(path: Path) -> Iterator[dict]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array is accepted too
        yield from json.loads(stripped)
        return
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def _csv_rows(path: Path, delimiter: str | None) -> Iterator[dict]:
    """The records of a CSV file as {column: value}, read by the command line's own CSV reader
    (io/readers.py: encoding, delimiter and broken-quote handling alike); a row it cannot read is
    a LabelError, an empty line is skipped."""
    from ..io.readers import InputProblem, open_input

    try:
        # column "1": any file has a first column; this reader needs no text column of its own
        source = open_input(str(path), fmt="csv", column="1", delimiter=delimiter, max_chars=sys.maxsize)
    except InputProblem as exc:
        raise LabelError(f"{exc.message}" + (f" ({exc.hint})" if exc.hint else "")) from None
    with source:
        for row in source:
            problem = row.error or next((n for n in row.notes if n.startswith("invalid UTF-8")), None)
            if problem:  # labels on garbled text would measure nothing
                raise LabelError(f"{path}:{row.line}: {problem}")
            if "empty row" not in row.notes:
                yield row.fields


# -- named data sets -------------------------------------------------------------------------

DATASETS: dict[str, str] = {
    "ruethnohate": "RuEthnoHate dev half (ru, 2,8k texts): hateful = negative attitude (-1) to any named ethnic group",
    "ru_hate_multilabel_small": "193 ru texts re-annotated for hate speech (H column), hate vs abuse separated",
    "rtplx_ru": "RTP-LX Russian prompts (1,225): hateful = IdentityAttack mean >= 2 of 3 human annotators",
    "rtplx_ru_cultural": "RTP-LX Russian, only the 225 culturally specific prompts (Index >= 1000)",
    "kk_youtube_silver": "3,004 Kazakh YouTube comments, hate column — GPT-4.1-mini labels (silver, not gold)",
    "ru_toxic_2ch_pikabu": "2ch/Pikabu comments labelled NON-toxic (9.6k): false-positive check only, all non-hateful",
    "snlp_sensitive_appropriate": "s-nlp texts on racism/religion topics judged appropriate: false-positive check only",
    "ruethnohate_calibrate": "the RuEthnoHate dev half's calibration half (text ids by hash, see ruethnohate_half): "
                             "precision estimates and the default threshold are fitted here",
    "ruethnohate_report": "the RuEthnoHate dev half's report half: never used to fit scores; figures are quoted from it",
    "kk_dev": "our hand-labelled Kazakh YouTube comments (tests/data/kk_dev), dev split: error analysis allowed",
    "kk_dev_test": "our hand-labelled Kazakh YouTube comments, test split: final figures only, never tuned on",
}

@functools.lru_cache(maxsize=1)
def ethnic_group_targets() -> dict[str, str]:
    """RuEthnoHate `ethnic_group` lemma -> hsengine target id (groups not listed: other_ethnic), from
    the data file hsengine/data/ruethnohate_targets.yaml, which maintainers edit."""
    doc = yaml.safe_load((PACKAGE_DIR / "data" / "ruethnohate_targets.yaml").read_text(encoding="utf-8"))
    return {lemma: target for target, lemmas in doc["targets"].items() for lemma in lemmas}


_B_TAG = re.compile(r"</?b>", re.IGNORECASE)
# RuEthnoHate texts also carry the source site's markup: line breaks and coloured <font> spans
_MARKUP = re.compile(r"<(?:br|/?font|/?a|/?i|/?u|/?p|/?span)\b[^>]*>", re.IGNORECASE)


def _clean_markup(text: str) -> str:
    text = _MARKUP.sub(" ", _B_TAG.sub("", text))
    return html.unescape(text).replace('\\"', '"')


def load_dataset(name: str, root: Path | None = None) -> list[LabelledText]:
    """A named data set from the shared data folder (see `DATASETS`).

    Raises DatasetMissing when the folder or file is absent (users outside this workplace do not
    have ../shared/data), KeyError-like LabelError for an unknown name.
    """
    if name not in DATASETS:
        raise LabelError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}")
    base = data_root(root)
    loader = _LOADERS[name]
    return loader(base)


def _need(path: Path) -> Path:
    if not path.is_file():
        raise DatasetMissing(f"{path} is not available (set HSENGINE_DATA to the folder holding the data sets)")
    return path


def _load_ruethnohate(base: Path) -> list[LabelledText]:
    path = _need(base / "ruethnohate" / "RuEthnoHate_dev.jsonl")
    texts: dict[Any, str] = {}
    groups: dict[Any, list[tuple[str, int]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            tid = row["text_id"]
            if tid not in texts:
                texts[tid] = _clean_markup(row["text"])
            groups[tid].append((row["ethnic_group"], int(row["class"])))
    items = []
    for tid, text in texts.items():
        gs = groups[tid]
        negative = [g for g, c in gs if c == -1]
        hateful = bool(negative)
        group = negative[0] if negative else gs[0][0]
        items.append(LabelledText(text, hateful, "ru", target=ethnic_group_targets().get(group, "other_ethnic"),
                                  id=f"ruethnohate:{tid}"))
    return items


def ruethnohate_half(item_id: str) -> str:
    """'calibrate' or 'report': a fixed split of RuEthnoHate dev texts by the parity of the SHA-256
    of the item id ("ruethnohate:<text_id>"), so the halves never change and never overlap."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return "calibrate" if digest[-1] % 2 == 0 else "report"


def _ruethnohate_split(base: Path, half: str) -> list[LabelledText]:
    return [it for it in _load_ruethnohate(base) if ruethnohate_half(it.id or "") == half]


def _load_ru_hate_multilabel_small(base: Path) -> list[LabelledText]:
    path = _need(base / "ru_hate_multilabel_small" / "annotation_manuelle.csv")
    items = []
    for n, row in enumerate(_csv_rows(path, ","), 1):
        target = None
        if str(row.get("Race/ethnicity", "0")).strip() == "1":
            target = "ethnicity"
        elif str(row.get("Religion/creed", "0")).strip() == "1":
            target = "religion"
        elif str(row.get("Gender/sexual", "0")).strip() == "1":
            target = "gender_sexual"
        items.append(LabelledText(row["tweet"].strip(), parse_label(row["H"]), "ru", target=target,
                                  id=f"ru_hate_multilabel_small:{n}"))
    return items


def _rtplx(base: Path, cultural_only: bool) -> list[LabelledText]:
    path = _need(base / "rtplx_ru" / "RTP_LX_RU.jsonl")
    items = []
    for row in _jsonl_rows(path):
        index = int(row.get("Index", 0))
        if cultural_only and index < 1000:
            continue
        ann = row.get("Annotations") or {}
        hateful = float(ann.get("IdentityAttack", 1.0)) >= 2.0
        items.append(LabelledText(row["Prompt"], hateful, "ru", id=f"rtplx_ru:{index}"))
    return items


def _load_kk_youtube_silver(base: Path) -> list[LabelledText]:
    path = _need(base / "kk_youtube_toxicity_gpt_silver" / "golden_annotated_merged.csv")
    items = []
    for n, row in enumerate(_csv_rows(path, ","), 1):  # the file's own `id` column repeats: use the row
        items.append(LabelledText(row["text_original"], parse_label(row["hate"]), "kk",
                                  id=f"kk_youtube_silver:{n}"))
    return items


def _load_ru_toxic_2ch_pikabu(base: Path) -> list[LabelledText]:
    folder = base / "ru_toxic_comments_2ch_pikabu"
    items = []
    for part in ("train", "val", "test"):
        path = _need(folder / f"{part}.csv")
        for n, row in enumerate(_csv_rows(path, ","), 1):
            if parse_label(row["labels"]):
                continue  # toxic rows are not hate-labelled: they can neither confirm nor refute a flag
            items.append(LabelledText(row["comment"].strip(), False, "ru", id=f"2ch_pikabu:{part}:{n}"))
    return items


def _load_snlp_sensitive_appropriate(base: Path) -> list[LabelledText]:
    path = _need(base / "snlp_sensitive_topics_appropriateness_ru" / "appropriateness_v1_test.csv")
    items = []
    for n, row in enumerate(_csv_rows(path, ","), 1):
        topics = [t for t in ("racism", "religion") if str(row.get(t, "0")).strip() in ("1", "1.0")]
        if not topics:
            continue
        if float(row.get("inappropriate") or 0) >= 0.5:
            continue
        items.append(LabelledText(row["text"], False, "ru", target=topics[0], id=f"snlp_appropriate:{n}"))
    return items


def _load_kk_dev(base: Path, split: str) -> list[LabelledText]:
    """Our own labels (ids only, shipped with hsengine) joined to the comments in the shared data.

    The category (official abuse, personal insult, language complaint...) is reported as the
    item's functionality; spelling (standard / keyboard / mixed / russian) as a tag; the model's
    `hate` column as the reference labeller."""
    path = _need(base / "kk_youtube_toxicity_gpt_silver" / "golden_annotated_merged.csv")
    rows: dict[str, dict] = {}
    for row in _csv_rows(path, ","):
        rows.setdefault(row["id"], row)  # a few ids repeat as identical rows: the first is kept
    labels = BUNDLED_KK_DEV / "labels.csv"
    if not labels.is_file():
        raise DatasetMissing(f"{labels} is not available")
    items = []
    for lab in _csv_rows(labels, ","):
        if lab["split"] != split:
            continue
        src = rows.get(lab["id"])
        if src is None:
            raise LabelError(f"{labels}: id {lab['id']} is not in {path}")
        items.append(LabelledText(
            src["text_original"], lab["label"] == "hateful", "kk", functionality=lab["category"],
            target=_opt(lab["target"]), id=f"kk_dev:{lab['id']}",
            tags={"spelling": lab["spelling"], "split": lab["split"]}, reference=parse_label(src["hate"]),
        ))
    return items


_LOADERS: dict[str, Callable[[Path], list[LabelledText]]] = {
    "kk_dev": lambda base: _load_kk_dev(base, "dev"),
    "kk_dev_test": lambda base: _load_kk_dev(base, "test"),
    "ruethnohate": _load_ruethnohate,
    "ruethnohate_calibrate": lambda base: _ruethnohate_split(base, "calibrate"),
    "ruethnohate_report": lambda base: _ruethnohate_split(base, "report"),
    "ru_hate_multilabel_small": _load_ru_hate_multilabel_small,
    "rtplx_ru": lambda base: _rtplx(base, False),
    "rtplx_ru_cultural": lambda base: _rtplx(base, True),
    "kk_youtube_silver": _load_kk_youtube_silver,
    "ru_toxic_2ch_pikabu": _load_ru_toxic_2ch_pikabu,
    "snlp_sensitive_appropriate": _load_snlp_sensitive_appropriate,
}


# --------------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------------

@dataclass
class Metrics:
    """A confusion matrix and the figures derived from it (None where undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif gold:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def negatives(self) -> int:
        return self.fp + self.tn

    @property
    def precision(self) -> float | None:
        d = self.tp + self.fp
        return self.tp / d if d else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.positives if self.positives else None

    @property
    def f1(self) -> float | None:
        if not self.positives:
            return None
        if self.tp == 0:
            return 0.0  # hateful texts exist and none was found (also when nothing was flagged)
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r)

    @property
    def accuracy(self) -> float | None:
        return (self.tp + self.tn) / self.n if self.n else None

    @property
    def fpr(self) -> float | None:
        """False-positive rate: share of non-hateful texts flagged."""
        return self.fp / self.negatives if self.negatives else None

    @property
    def specificity(self) -> float | None:
        """Non-hateful pass rate: share of non-hateful texts left unflagged."""
        return self.tn / self.negatives if self.negatives else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": _r(self.precision), "recall": _r(self.recall), "f1": _r(self.f1),
            "accuracy": _r(self.accuracy), "fpr": _r(self.fpr),
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class PassRate:
    passed: int = 0
    total: int = 0
    hateful: bool | None = None  # the side of the functionality (None: mixed)

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "total": self.total, "rate": _r(self.rate),
                "side": None if self.hateful is None else ("hateful" if self.hateful else "non-hateful")}


@dataclass
class Outcome:
    """One item's result: what was expected, what the engine and the baseline said, and why."""

    item: LabelledText
    flagged: bool
    baseline: bool
    lang: str
    rules: tuple[str, ...] = ()
    narratives: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    suppressed: tuple[str, ...] = ()  # "rule_id:context"
    error: str | None = None
    score: float = 0.0  # the message score (engine/scoring.py); `flagged` is score >= the engine's min_score

    @property
    def passed(self) -> bool:
        return self.flagged == self.item.hateful

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.item.id, "hateful": self.item.hateful, "flagged": self.flagged, "baseline": self.baseline,
            "lang": self.lang, "functionality": self.item.functionality, "target": self.item.target,
            "rules": list(self.rules), "narratives": list(self.narratives), "targets": list(self.targets),
            "suppressed": list(self.suppressed), "error": self.error, "score": self.score,
        }


@dataclass
class EvalReport:
    """Everything `evaluate` measured; `format_report` renders it."""

    n: int
    overall: dict[str, Metrics]  # "engine", "baseline"
    by_lang: dict[str, dict[str, Metrics]]  # lang -> system -> metrics
    by_narrative: dict[str, Metrics]  # gold narrative -> engine metrics (only items with one)
    predicted_narratives: dict[str, int]  # narrative -> texts the engine flagged with it
    by_functionality: dict[str, dict[str, PassRate]]  # lang -> functionality -> pass rate
    by_target: dict[str, dict[str, Metrics]]  # target -> system -> metrics
    target_agreement: dict[str, tuple[int, int]]  # target -> (true positives naming it, true positives)
    outcomes: list[Outcome]
    meta: dict[str, Any] = field(default_factory=dict)
    by_tag: dict[str, dict[str, dict[str, Metrics]]] = field(default_factory=dict)  # tag -> value -> system -> metrics
    # with a reference labeller: "reference" = the reference judged against gold, "engine_vs_reference"
    reference: dict[str, Metrics] = field(default_factory=dict)
    sweep: list[dict[str, Any]] = field(default_factory=list)  # threshold_sweep rows, when asked for

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    def language_targets(self) -> dict[str, dict[str, float | None]]:
        """Per language: hateful recall and non-hateful pass rate (the functional suite's targets)."""
        out = {}
        for lang, systems in self.by_lang.items():
            m = systems["engine"]
            out[lang] = {"hateful_recall": m.recall, "non_hateful_pass_rate": m.specificity}
        return out

    def to_dict(self, include_outcomes: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "meta": self.meta,
            "n": self.n,
            "overall": {k: v.to_dict() for k, v in self.overall.items()},
            "by_lang": {lang: {k: v.to_dict() for k, v in s.items()} for lang, s in self.by_lang.items()},
            "language_targets": {lang: {k: _r(v) for k, v in t.items()} for lang, t in self.language_targets().items()},
            "by_narrative": {k: v.to_dict() for k, v in self.by_narrative.items()},
            "predicted_narratives": dict(self.predicted_narratives),
            "by_functionality": {lang: {k: v.to_dict() for k, v in f.items()}
                                 for lang, f in self.by_functionality.items()},
            "by_target": {t: {k: v.to_dict() for k, v in s.items()} for t, s in self.by_target.items()},
            "target_agreement": {t: {"named": a, "true_positives": b} for t, (a, b) in self.target_agreement.items()},
        }
        if self.by_tag:
            d["by_tag"] = {tag: {v: {k: m.to_dict() for k, m in s.items()} for v, s in vals.items()}
                           for tag, vals in self.by_tag.items()}
        if self.reference:
            d["reference"] = {k: dict(m.to_dict(), kappa=_r(cohen_kappa(m))) for k, m in self.reference.items()}
        if self.sweep:
            d["sweep"] = self.sweep
        if include_outcomes:
            d["outcomes"] = [o.to_dict() for o in self.outcomes]
        return d


# --------------------------------------------------------------------------------------------
# Baseline and evaluation
# --------------------------------------------------------------------------------------------

class KeywordBaseline:
    """Flags a text when the engine's annotated document holds any hit of a target-kind class.

    Uses the engine's own normalization, morphology, de-obfuscation, fuzzy matching and guard
    words, so the only difference from the engine is that rules and contexts are ignored.
    """

    def __init__(self, engine):
        self.engine = engine
        self.classes = frozenset(c for c, info in engine.lexicon.classes.items() if info.kind == "target")

    def __call__(self, text: str, lang: str | None = None) -> bool:
        return bool(self.hits(text, lang))

    def hits(self, text: str, lang: str | None = None) -> list[str]:
        """The target-class entries the baseline sees in `text` (entry ids, in text order)."""
        from ..lexicon.annotate import annotate
        from ..text.normalize import normalize

        doc = annotate(normalize(text[: self.engine.max_text_length]), self.engine.analyzer, lang)
        return [h.entry.id for h in doc.hits if not self.classes.isdisjoint(h.entry.classes)]


def _analyze_all(engine, texts: list[str], jobs: int) -> list:
    if jobs and jobs > 1:
        try:
            return list(engine.analyze_many(texts, jobs=jobs))
        except ImportError:  # no parallel backend in this build: fall back to one process
            pass
    return [engine.analyze_safely(t) for t in texts]


def evaluate(engine, items: Sequence[LabelledText], *, jobs: int = 1, force_lang: bool = False) -> EvalReport:
    """Run the engine and the keyword baseline over `items` and tabulate.

    The engine detects each text's language itself (as in real use) unless `force_lang` is set,
    in which case an item's `lang` is passed to `analyze`.  Grouping by language uses the item's
    `lang` when given, else the detected one.
    """
    started = time.perf_counter()
    items = list(items)
    if force_lang:
        results = [engine.analyze_safely(it.text, it.lang if it.lang in LANGS else None) for it in items]
    else:
        results = _analyze_all(engine, [it.text for it in items], jobs)
    engine_seconds = time.perf_counter() - started
    baseline = KeywordBaseline(engine)
    outcomes: list[Outcome] = []
    for it, r in zip(items, results):
        lang_hint = it.lang if force_lang and it.lang in LANGS else None
        try:
            base = baseline(it.text, lang_hint) if r.error is None else False
        except Exception:  # noqa: BLE001 - the baseline must not lose the run
            base = False
        outcomes.append(Outcome(
            item=it, flagged=r.flagged, baseline=base, lang=it.lang or r.lang,
            rules=tuple(r.rule_ids), narratives=tuple(r.narratives), targets=tuple(r.targets),
            suppressed=tuple(f"{s.rule_id}:{s.context}" for s in r.suppressed), error=r.error, score=r.score,
        ))
    report = tabulate(outcomes)
    report.meta.update(engine_meta(engine))
    report.meta["min_score"] = getattr(engine, "min_score", None)
    report.meta["seconds"] = round(time.perf_counter() - started, 2)
    report.meta["engine_seconds"] = round(engine_seconds, 2)
    report.meta["errors"] = sum(1 for o in outcomes if o.error)
    return report


def tabulate(outcomes: Sequence[Outcome]) -> EvalReport:
    """The report's tables from per-item outcomes (separate so it can be tested by hand)."""
    overall = {"engine": Metrics(), "baseline": Metrics()}
    by_lang: dict[str, dict[str, Metrics]] = defaultdict(lambda: {"engine": Metrics(), "baseline": Metrics()})
    by_target: dict[str, dict[str, Metrics]] = defaultdict(lambda: {"engine": Metrics(), "baseline": Metrics()})
    by_func: dict[str, dict[str, PassRate]] = defaultdict(dict)
    agreement: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    gold_narratives = sorted({o.item.narrative for o in outcomes if o.item.narrative})
    by_narrative = {n: Metrics() for n in gold_narratives}
    predicted = Counter()
    for o in outcomes:
        gold = o.item.hateful
        for system, pred in (("engine", o.flagged), ("baseline", o.baseline)):
            overall[system].add(gold, pred)
            by_lang[o.lang or "und"][system].add(gold, pred)
            if o.item.target:
                by_target[o.item.target][system].add(gold, pred)
        if o.item.target and gold and o.flagged:
            agreement[o.item.target][1] += 1
            if o.item.target in o.targets:
                agreement[o.item.target][0] += 1
        if o.item.functionality:
            pr = by_func[o.lang or "und"].setdefault(o.item.functionality, PassRate(hateful=gold))
            if pr.hateful is not None and pr.hateful != gold:
                pr.hateful = None
            pr.total += 1
            pr.passed += o.passed
        for n in gold_narratives:
            by_narrative[n].add(gold and o.item.narrative == n, n in o.narratives)
        for n in o.narratives:
            predicted[n] += 1
    by_tag: dict[str, dict[str, dict[str, Metrics]]] = defaultdict(dict)
    reference = {"reference": Metrics(), "engine_vs_reference": Metrics()}
    for o in outcomes:
        for tag, value in o.item.tags.items():
            systems = by_tag[tag].setdefault(value, {"engine": Metrics(), "baseline": Metrics()})
            systems["engine"].add(o.item.hateful, o.flagged)
            systems["baseline"].add(o.item.hateful, o.baseline)
        if o.item.reference is not None:
            reference["reference"].add(o.item.hateful, o.item.reference)
            reference["engine_vs_reference"].add(o.item.reference, o.flagged)
    order = {f: i for i, f in enumerate(FUNCTIONALITIES)}
    by_func_sorted = {
        lang: dict(sorted(fs.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
        for lang, fs in sorted(by_func.items())
    }
    return EvalReport(
        n=len(outcomes),
        overall=overall,
        by_lang=dict(sorted(by_lang.items())),
        by_narrative=by_narrative,
        predicted_narratives=dict(predicted.most_common()),
        by_functionality=by_func_sorted,
        by_target=dict(sorted(by_target.items())),
        target_agreement={t: (a, b) for t, (a, b) in sorted(agreement.items())},
        outcomes=list(outcomes),
        by_tag={t: dict(sorted(v.items())) for t, v in sorted(by_tag.items())},
        reference=reference if reference["reference"].n else {},
    )


SWEEP_THRESHOLDS = (0.0, 0.5, 0.55, 0.6, 0.62, 0.64, 0.65, 0.66, 0.68, 0.7, 0.72, 0.75, 0.78, 0.8, 0.85, 0.9, 0.95)


def threshold_sweep(outcomes: Sequence[Outcome], thresholds: Iterable[float] = SWEEP_THRESHOLDS,
                    ) -> list[dict[str, Any]]:
    """Precision, recall, F1 and false-positive rate if texts were flagged at score >= t, per t.
    A text without matches has score 0 and is never flagged (also at t = 0)."""
    rows = []
    for t in thresholds:
        m = Metrics()
        for o in outcomes:
            m.add(o.item.hateful, o.error is None and o.score > 0 and o.score >= t - 1e-9)
        rows.append({"threshold": t, **m.to_dict()})
    return rows


def cohen_kappa(m: Metrics) -> float | None:
    """Cohen's kappa of two binary labellings given as a confusion matrix (agreement beyond chance)."""
    n = m.n
    if not n:
        return None
    observed = (m.tp + m.tn) / n
    yes_a, yes_b = (m.tp + m.fn) / n, (m.tp + m.fp) / n
    expected = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def engine_meta(engine) -> dict[str, Any]:
    """What the figures were measured on: lexicon and rule counts, time."""
    langs = Counter(e.lang for e in engine.lexicon.entries.values())
    return {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="minutes"),
        "lexicon_entries": len(engine.lexicon.entries),
        "lexicon_entries_by_lang": dict(sorted(langs.items())),
        "rules": len(engine.rules),
    }


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------

def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _metric_rows(named: Iterable[tuple[str, dict[str, Metrics]]]) -> list[list[str]]:
    rows = []
    for name, systems in named:
        for system, m in systems.items():
            rows.append([name, system, str(m.n), str(m.positives), _f(m.precision), _f(m.recall), _f(m.f1),
                         _f(m.fpr)])
    return rows


_METRIC_HEAD = ["", "system", "n", "hateful", "P", "R", "F1", "FPR"]


def _table(head: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "markdown":
        out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
    def line(r):
        return "  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(r) for r in rows])


def functional_table(report: EvalReport, fmt: str = "text") -> str:
    """Pass rate per functionality (rows) and language (columns), then the per-language targets."""
    langs = list(report.by_functionality)
    funcs: list[str] = []
    for fs in report.by_functionality.values():
        for f in fs:
            if f not in funcs:
                funcs.append(f)
    order = {f: i for i, f in enumerate(FUNCTIONALITIES)}
    funcs.sort(key=lambda f: (order.get(f, len(order)), f))
    rows = []
    for f in funcs:
        if f in HATEFUL_FUNCTIONALITIES:
            side = "hateful"
        else:
            side = "non-hateful" if f in NON_HATEFUL_FUNCTIONALITIES else "?"
        row = [f, side]
        for lang in langs:
            pr = report.by_functionality[lang].get(f)
            row.append("—" if pr is None else f"{pr.passed}/{pr.total} {_f(pr.rate)}")
        rows.append(row)
    targets = report.language_targets()
    for label, key, m_attr in (("hateful recall", "hateful_recall", "positives"),
                               ("non-hateful pass rate", "non_hateful_pass_rate", "negatives")):
        row = [f"= {label}", "target ≥ 0.90"]
        for lang in langs:
            m = report.by_lang.get(lang, {}).get("engine")
            if m is None:
                row.append("—")
                continue
            good = m.tp if key == "hateful_recall" else m.tn
            row.append(f"{good}/{getattr(m, m_attr)} {_f(targets[lang][key])}")
        rows.append(row)
    return _table(["functionality", "side", *langs], rows, fmt)


def format_report(report: EvalReport, fmt: str = "text", *, failures: int = 0) -> str:
    """Render a report as "text" (terminal), "markdown" or "json".

    `failures` > 0 lists up to that many failed items (id, expected, got, rules, suppressions)
    after the tables; texts are printed only for the functional suite's own sentences.
    """
    if fmt == "json":
        d = report.to_dict(include_outcomes=failures > 0)
        if failures > 0:
            d["outcomes"] = [o.to_dict() for o in report.failures[:failures]]
        return json.dumps(d, ensure_ascii=False, indent=2)
    if fmt not in ("text", "markdown"):
        raise ValueError(f"unknown format {fmt!r}: use text, markdown or json")
    md = fmt == "markdown"
    h = (lambda s: f"### {s}") if md else (lambda s: f"{s}\n{'=' * len(s)}")
    meta = report.meta
    parts = []
    head = f"{report.n} texts"
    if meta:
        head += (f"; measured {meta.get('date', '?')} on {meta.get('lexicon_entries', '?')} lexicon entries "
                 f"and {meta.get('rules', '?')} rules; {meta.get('seconds', '?')} s")
        if meta.get("min_score") is not None:
            head += f"; flagged at score ≥ {meta['min_score']:.2f}"
        if meta.get("source"):
            head = f"{meta['source']}: " + head
    parts.append(head)
    parts.append(h("Overall (engine vs keyword baseline)"))
    parts.append(_table(_METRIC_HEAD, _metric_rows([("all", report.overall)]), fmt))
    if len(report.by_lang) > 1 or report.by_functionality:
        parts.append(h("By language"))
        parts.append(_table(_METRIC_HEAD, _metric_rows(report.by_lang.items()), fmt))
    if report.by_functionality:
        parts.append(h("Functional suite: pass rate per functionality"))
        parts.append(functional_table(report, fmt))
    if report.by_target:
        parts.append(h("By target group"))
        rows = []
        for t, systems in report.by_target.items():
            e, b = systems["engine"], systems["baseline"]
            named, tps = report.target_agreement.get(t, (0, 0))
            rows.append([t, str(e.n), str(e.positives), _f(e.precision), _f(e.recall), _f(e.f1), _f(e.specificity),
                         _f(b.f1), f"{named}/{tps}"])
        parts.append(_table(["target", "n", "hateful", "P", "R", "F1", "non-hateful pass", "baseline F1",
                             "target named"], rows, fmt))
    for tag, values in report.by_tag.items():
        parts.append(h(f"By {tag}"))
        rows = []
        for v, systems in values.items():
            e, b = systems["engine"], systems["baseline"]
            rows.append([v, str(e.n), str(e.positives), _f(e.precision), _f(e.recall), _f(e.specificity),
                         _f(b.specificity)])
        parts.append(_table([tag, "n", "hateful", "P", "R", "non-hateful pass", "baseline non-hateful pass"], rows, fmt))
    if report.reference:
        parts.append(h("Agreement with the reference labels (e.g. a model's)"))
        rows = []
        for name, label in (("reference", "reference vs gold"), ("engine_vs_reference", "engine vs reference")):
            m = report.reference[name]
            agree = (m.tp + m.tn) / m.n if m.n else None
            rows.append([label, str(m.n), str(m.tp), str(m.fp), str(m.fn), str(m.tn), _f(agree), _f(cohen_kappa(m))])
        parts.append(_table(["", "n", "both hateful", "only 2nd", "only 1st", "neither", "agreement", "kappa"],
                            rows, fmt))
    if report.sweep:
        parts.append(h("Precision and recall over score thresholds (flagged = score ≥ threshold)"))
        rows = []
        for row in report.sweep:
            used = meta.get("min_score")
            mark = " (used)" if used is not None and abs(row["threshold"] - used) < 1e-9 else ""
            rows.append([f"{row['threshold']:.2f}{mark}",
                         str(row["tp"]), str(row["fp"]), str(row["fn"]), _f(row["precision"]), _f(row["recall"]),
                         _f(row["f1"]), _f(row["fpr"])])
        parts.append(_table(["threshold", "TP", "FP", "FN", "P", "R", "F1", "FPR"], rows, fmt))
    if report.by_narrative:
        parts.append(h("By gold narrative (engine)"))
        rows = _metric_rows((n, {"engine": m}) for n, m in report.by_narrative.items())
        parts.append(_table(_METRIC_HEAD, rows, fmt))
    if report.predicted_narratives:
        parts.append(h("Narratives the engine flagged"))
        parts.append(_table(["narrative", "texts"], [[k, str(v)] for k, v in report.predicted_narratives.items()], fmt))
    if failures > 0 and report.failures:
        parts.append(h(f"Failures (first {min(failures, len(report.failures))} of {len(report.failures)})"))
        rows = []
        for o in report.failures[:failures]:
            own = o.item.functionality is not None  # the functional suite's own sentences may be shown
            why = ", ".join(o.rules) or ("suppressed: " + ", ".join(o.suppressed) if o.suppressed else "no rule")
            rows.append([o.item.id or "", "hateful" if o.item.hateful else "non-hateful",
                         "flagged" if o.flagged else "missed", why, o.item.text if own else ""])
        parts.append(_table(["id", "expected", "engine", "why", "text"], rows, fmt))
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------------------------
# Command-line entry point (wired as `hsengine eval`)
# --------------------------------------------------------------------------------------------

def run(engine, *, paths: Sequence[Path | str] = (), dataset: str | Sequence[str] | None = None,
        functional: bool = False, fmt: str = "text", text_field: str = "text", label_field: str = "label",
        jobs: int = 1, failures: int = 0, limit: int | None = None, min_score: float | None = None,
        sweep: bool = False) -> tuple[str, int]:
    """Evaluate and render; returns (output, exit code): 0 ok, 2 input error (message as output).

    With neither paths, dataset nor functional, the functional suite is used.  `min_score` flags at
    another threshold than the engine's; `sweep` adds precision and recall over thresholds.
    """
    if min_score is not None:
        try:
            engine = engine.with_min_score(min_score)
        except ValueError as exc:
            return f"error: {exc}\n", 2
    if fmt not in ("text", "markdown", "json"):
        return f"error: unknown format {fmt!r}: use text, markdown or json\n", 2
    sources: list[tuple[str, list[LabelledText]]] = []
    try:
        if functional or (not paths and not dataset):
            sources.append(("functional suite", load_functional()))
        names = [dataset] if isinstance(dataset, str) else list(dataset or [])
        for name in names:
            sources.append((f"data set {name}", load_dataset(name)))
        for p in paths:
            sources.append((str(p), load_labelled_file(Path(p), text_field, label_field)))
    except (DatasetMissing, LabelError) as exc:
        return f"error: {exc}\n", 2
    outputs = []
    json_out = {}
    for name, items in sources:
        if limit is not None:
            items = items[:limit]
        if not items:
            return f"error: {name} has no labelled texts\n", 2
        report = evaluate(engine, items, jobs=jobs)
        report.meta["source"] = name
        if sweep:
            thresholds = sorted({*SWEEP_THRESHOLDS, *([engine.min_score] if hasattr(engine, "min_score") else [])})
            report.sweep = threshold_sweep(report.outcomes, thresholds)
        if fmt == "json":
            json_out[name] = json.loads(format_report(report, "json", failures=failures))
        else:
            outputs.append(format_report(report, fmt, failures=failures))
    if fmt == "json":
        return json.dumps(json_out, ensure_ascii=False, indent=2) + "\n", 0
    return "\n".join(outputs), 0


__all__ = [
    "DATASETS", "DatasetMissing", "EvalReport", "KeywordBaseline", "LabelError", "LabelledText", "Metrics",
    "Outcome", "PassRate", "data_root", "engine_meta", "evaluate", "format_report", "functional_table", "load_dataset",
    "load_functional", "load_labelled_file", "parse_label", "ruethnohate_half", "run", "tabulate", "threshold_sweep",
]
