"""hsengine.tools.evaluate: metrics by hand, loaders on temporary files, the keyword baseline, rendering,
and the data-set adapters (skipped cleanly where ../shared/data is absent)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from hsengine.tools.evaluate import (
    DATASETS,
    FUNCTIONALITIES,
    DatasetMissing,
    KeywordBaseline,
    LabelError,
    LabelledText,
    Metrics,
    Outcome,
    data_root,
    evaluate,
    format_report,
    load_dataset,
    load_functional,
    load_labelled_file,
    parse_label,
    run,
    tabulate,
)

# -- a tiny engine of our own, so the figures below do not move while the real lexicon grows ----

MINI_LEXICON = """\
defaults: {lang: ru}
entries:
  - {id: ru.test.kitaets, lemma: китаец, class: group, target: chinese, register: neutral,
     meaning: a Chinese person, source: test lexicon for the evaluation tests}
  - {id: ru.test.dungan, lemma: дунганин, variants: [дунгане], class: group, target: dungan, register: neutral,
     meaning: a Dungan person, source: test lexicon for the evaluation tests}
  - {id: ru.test.tarakan, lemma: таракан, class: dehumanization, register: pejorative,
     meaning: cockroach, source: test lexicon for the evaluation tests}
"""

MINI_RULE = """\
id: test.dehumanization
title: {en: Test dehumanization}
description: Likens a group to vermin, which strips it of human dignity (evaluation test rule).
narrative: xenophobia
targets: [chinese, dungan]
severity: high
langs: [ru]
pattern:
  all:
    - {class: group, as: target}
    - {class: dehumanization, as: dehumanization}
  within: 5
examples:
  match: [китайцы тараканы]
  no_match: [китайцы приехали]
"""


@pytest.fixture(scope="module")
def mini_engine(tmp_path_factory):
    from hsengine import Engine

    base = tmp_path_factory.mktemp("mini")
    (base / "lex").mkdir()
    (base / "lex" / "mini.yaml").write_text(MINI_LEXICON, encoding="utf-8")
    (base / "rules" / "test").mkdir(parents=True)
    (base / "rules" / "test" / "dehum.yaml").write_text(MINI_RULE, encoding="utf-8")
    return Engine(lexicon_paths=[base / "lex"], rules_paths=[base / "rules"])


# -- metrics ------------------------------------------------------------------------------------

def test_metrics_by_hand():
    m = Metrics()
    for gold, pred in [(1, 1)] * 3 + [(0, 1)] + [(1, 0)] * 2 + [(0, 0)] * 4:
        m.add(bool(gold), bool(pred))
    assert (m.tp, m.fp, m.fn, m.tn, m.n) == (3, 1, 2, 4, 10)
    assert m.precision == pytest.approx(0.75)
    assert m.recall == pytest.approx(0.6)
    assert m.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)  # 0.6667
    assert m.accuracy == pytest.approx(0.7)
    assert m.fpr == pytest.approx(0.2)
    assert m.specificity == pytest.approx(0.8)


def test_metrics_edge_cases():
    nothing_flagged = Metrics(tp=0, fp=0, fn=5, tn=5)
    assert nothing_flagged.precision is None  # undefined, not 0
    assert nothing_flagged.recall == 0.0
    assert nothing_flagged.f1 == 0.0  # hateful texts exist and none was found
    no_positives = Metrics(tp=0, fp=2, fn=0, tn=8)  # a false-positive check set
    assert no_positives.recall is None and no_positives.f1 is None
    assert no_positives.precision == 0.0
    assert no_positives.fpr == pytest.approx(0.2)
    assert Metrics().accuracy is None and Metrics().to_dict()["precision"] is None


def _o(hateful, flagged, baseline=False, lang="ru", func=None, target=None, targets=(), narrative=None,
       narratives=()):
    item = LabelledText("x", hateful, lang, functionality=func, target=target, narrative=narrative)
    return Outcome(item, flagged, baseline, lang, narratives=tuple(narratives), targets=tuple(targets))


def test_tabulate_groups_by_language_functionality_target_and_narrative():
    outcomes = [
        _o(True, True, True, "ru", "slur", "chinese", targets=["chinese"], narrative="xenophobia",
           narratives=["xenophobia"]),
        _o(True, True, False, "ru", "slur", "jewish", targets=["chinese"]),  # flagged, wrong target named
        _o(True, False, True, "ru", "slur", "jewish"),
        _o(False, True, True, "ru", "neutral_mention", "chinese", narratives=["xenophobia"]),
        _o(False, False, True, "kk", "neutral_mention", "chinese"),
        _o(True, False, False, "kk", "threat_direct", "kafir", narrative="anti_kafir"),
    ]
    r = tabulate(outcomes)
    assert r.n == 6
    e, b = r.overall["engine"], r.overall["baseline"]
    assert (e.tp, e.fp, e.fn, e.tn) == (2, 1, 2, 1)
    assert (b.tp, b.fp, b.fn, b.tn) == (2, 2, 2, 0)
    ru = r.by_lang["ru"]["engine"]
    assert (ru.tp, ru.fp, ru.fn, ru.tn) == (2, 1, 1, 0)
    assert r.by_functionality["ru"]["slur"].passed == 2 and r.by_functionality["ru"]["slur"].total == 3
    assert r.by_functionality["ru"]["neutral_mention"].rate == 0.0
    assert r.by_functionality["kk"]["neutral_mention"].rate == 1.0
    assert r.by_functionality["kk"]["threat_direct"].hateful is True
    assert list(r.by_functionality["ru"]) == ["slur", "neutral_mention"]  # the suite's order
    assert r.target_agreement["chinese"] == (1, 1)
    assert r.target_agreement["jewish"] == (0, 1)
    assert r.by_target["jewish"]["engine"].recall == pytest.approx(0.5)
    # gold narratives: xenophobia is gold for item 0 and predicted for items 0 and 3
    x = r.by_narrative["xenophobia"]
    assert (x.tp, x.fp, x.fn) == (1, 1, 0)
    assert r.by_narrative["anti_kafir"].fn == 1
    assert r.predicted_narratives == {"xenophobia": 2}
    targets = r.language_targets()
    assert targets["ru"]["hateful_recall"] == pytest.approx(2 / 3)
    assert targets["ru"]["non_hateful_pass_rate"] == 0.0
    assert targets["kk"]["non_hateful_pass_rate"] == 1.0
    assert len(r.failures) == 3


# -- labels and loaders ------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (1, True), (0, False), (True, True), ("1", True), ("0", False), ("true", True), ("False", False),
    ("hateful", True), ("non-hateful", False), ("yes", True), ("no", False), ("1.0", True), (0.0, False),
])
def test_parse_label(value, expected):
    assert parse_label(value) is expected


@pytest.mark.parametrize("value", ["maybe", 0.7, 2, "", "-1"])
def test_parse_label_refuses_what_is_not_a_label(value):
    with pytest.raises(LabelError):
        parse_label(value)


def test_load_csv_tsv_jsonl_yaml(tmp_path):
    (tmp_path / "a.csv").write_text("text,label,lang\nпервый,1,ru\nвторой,0,ru\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("text\tlabel\nбір\thateful\nекі\tnon-hateful\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "один", "label": True, "target": "chinese"}, ensure_ascii=False) + "\n\n"
        + json.dumps({"text": "два", "label": False}, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text("- {text: үш, label: yes, id: k1}\n- {text: төрт, label: no}\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text("comment;toxic\nтри;1\nчетыре;0\n", encoding="utf-8")  # ; separated
    for name in ("a.csv", "b.tsv", "c.jsonl", "d.yaml"):
        items = load_labelled_file(tmp_path / name)
        assert [i.hateful for i in items] == [True, False], name
    assert load_labelled_file(tmp_path / "a.csv")[0].lang == "ru"
    assert load_labelled_file(tmp_path / "c.jsonl")[0].target == "chinese"
    assert load_labelled_file(tmp_path / "d.yaml")[0].id == "k1"
    e = load_labelled_file(tmp_path / "e.csv", text_field="comment", label_field="toxic")
    assert [(i.text, i.hateful) for i in e] == [("три", True), ("четыре", False)]


def test_labelled_csv_is_read_by_the_command_lines_reader(tmp_path):
    f = tmp_path / "excel.csv"  # Excel's UTF-8: a byte-order mark, ';', a quoted cell over two lines
    f.write_bytes("\ufefftext;label\n\"первая строка\nвторая\";1\n\nтретий;0\n".encode("utf-8"))
    items = load_labelled_file(f)
    assert [(i.text, i.hateful) for i in items] == [("первая строка\nвторая", True), ("третий", False)]
    g = tmp_path / "cp1251.csv"
    g.write_bytes("text,label\nпервый,1\n".encode("cp1251"))
    with pytest.raises(LabelError, match="invalid UTF-8"):  # garbled text is refused, not evaluated
        load_labelled_file(g)


def test_load_labelled_file_errors(tmp_path):
    with pytest.raises(LabelError, match="no such file"):
        load_labelled_file(tmp_path / "absent.csv")
    (tmp_path / "a.csv").write_text("body,label\nтекст,1\n", encoding="utf-8")
    with pytest.raises(LabelError, match="'text'"):
        load_labelled_file(tmp_path / "a.csv")
    (tmp_path / "b.csv").write_text("text,label\nтекст,perhaps\n", encoding="utf-8")
    with pytest.raises(LabelError, match="row 1"):
        load_labelled_file(tmp_path / "b.csv")
    (tmp_path / "c.xml").write_text("<x/>", encoding="utf-8")
    with pytest.raises(LabelError, match="format"):
        load_labelled_file(tmp_path / "c.xml")


def _suite(tmp_path, cases, lang="ru"):
    import yaml

    p = tmp_path / f"{lang}.yaml"
    p.write_text(yaml.safe_dump({"lang": lang, "cases": cases}, allow_unicode=True), encoding="utf-8")
    return p


def test_load_functional_from_files(tmp_path):
    p = _suite(tmp_path, [
        {"id": "ru-a-1", "functionality": "slur", "target": "jewish", "label": "hateful", "text": "а"},
        {"id": "ru-b-1", "functionality": "neutral_mention", "target": "none", "label": "non-hateful", "text": "б"},
    ])
    items = load_functional([p])
    assert [(i.id, i.hateful, i.lang, i.target) for i in items] == [
        ("ru-a-1", True, "ru", "jewish"), ("ru-b-1", False, "ru", None)]


@pytest.mark.parametrize("case, message", [
    ({"id": "x", "functionality": "negated_hate", "label": "hateful", "text": "а"}, "contradicts"),
    ({"id": "x", "functionality": "sarcasm", "label": "hateful", "text": "а"}, "unknown functionality"),
    ({"id": "x", "functionality": "slur", "label": "bad", "text": "а"}, "label must be"),
    ({"id": "x", "functionality": "slur", "label": "hateful"}, "'text' is required"),
])
def test_load_functional_refuses_bad_cases(tmp_path, case, message):
    with pytest.raises(LabelError, match=message):
        load_functional([_suite(tmp_path, [case])])


def test_load_functional_refuses_duplicate_ids(tmp_path):
    case = {"id": "x", "functionality": "slur", "label": "hateful", "text": "а"}
    with pytest.raises(LabelError, match="duplicate"):
        load_functional([_suite(tmp_path, [case, dict(case, text="б")])])


def test_bundled_functional_suite_loads():
    items = load_functional()
    langs = {i.lang for i in items}
    assert {"ru", "kk"} <= langs
    assert {i.functionality for i in items} == set(FUNCTIONALITIES)


# -- the keyword baseline and evaluate() on the tiny engine --------------------------------------

def test_keyword_baseline_flags_any_group_mention(mini_engine):
    b = KeywordBaseline(mini_engine)
    assert b.classes == {"group", "slur"}
    assert b("китайцы приехали в гости")          # a group is named: the baseline flags it
    assert b("дунгане продают лук")
    assert not b("тараканы на кухне")              # an attack word alone names no group
    assert not b("погода хорошая")
    assert b.hits("китайцы и дунгане") == ["ru.test.kitaets", "ru.test.dungan"]


def test_evaluate_engine_beside_baseline(mini_engine):
    items = [
        LabelledText("все китайцы тараканы", True, "ru", "dehumanization", "chinese", id="1"),
        LabelledText("дунгане тараканы", True, "ru", "dehumanization", "dungan", id="2"),
        LabelledText("китайцы приехали на выставку", False, "ru", "neutral_mention", "chinese", id="3"),
        LabelledText("тараканы на кухне", False, "ru", "abuse_nonprotected", None, id="4"),
        LabelledText("я их всех ненавижу", True, "ru", "pronoun_reference", "chinese", id="5"),
    ]
    r = evaluate(mini_engine, items)
    e, b = r.overall["engine"], r.overall["baseline"]
    assert (e.tp, e.fp, e.fn, e.tn) == (2, 0, 1, 2)
    assert (b.tp, b.fp, b.fn, b.tn) == (2, 1, 1, 1)
    assert r.by_functionality["ru"]["pronoun_reference"].rate == 0.0
    assert r.target_agreement["chinese"] == (1, 1) and r.target_agreement["dungan"] == (1, 1)
    assert r.predicted_narratives == {"xenophobia": 2}
    assert [o.item.id for o in r.failures] == ["5"]
    assert r.meta["lexicon_entries"] == 3 and r.meta["rules"] == 1
    # force_lang passes each item's language to analyze(); figures are the same here
    assert evaluate(mini_engine, items, force_lang=True).overall["engine"].tp == 2


# -- rendering and run() ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_report(mini_engine):
    items = [
        LabelledText("все китайцы тараканы", True, "ru", "dehumanization", "chinese", id="ru-1"),
        LabelledText("китайцы приехали", False, "ru", "neutral_mention", "chinese", id="ru-2"),
        LabelledText("дунгане приехали", True, "kk", "slur", "dungan", id="kk-1"),
    ]
    return evaluate(mini_engine, items)


def test_format_text(small_report):
    out = format_report(small_report, "text")
    assert "Overall (engine vs keyword baseline)" in out
    assert "pass rate per functionality" in out
    assert re.search(r"dehumanization\s+hateful\s+—\s+1/1 1\.000", out), out  # kk column first, then ru
    assert re.search(r"= hateful recall\s+target ≥ 0\.90\s+0/1 0\.000\s+1/1 1\.000", out), out
    assert "3 lexicon entries and 1 rules" in out


def test_format_markdown_and_json(small_report):
    md = format_report(small_report, "markdown")
    assert "| functionality | side | kk | ru |" in md
    assert "### By target group" in md
    d = json.loads(format_report(small_report, "json"))
    assert d["overall"]["engine"]["tp"] == 1 and d["overall"]["engine"]["fn"] == 1
    assert d["language_targets"]["ru"] == {"hateful_recall": 1.0, "non_hateful_pass_rate": 1.0}
    assert d["by_functionality"]["kk"]["slur"] == {"passed": 0, "total": 1, "rate": 0.0, "side": "hateful"}
    assert "outcomes" not in d
    d = json.loads(format_report(small_report, "json", failures=5))
    assert [o["id"] for o in d["outcomes"]] == ["kk-1"]
    with pytest.raises(ValueError):
        format_report(small_report, "html")


def test_format_lists_failures_with_functional_text_only(small_report, mini_engine):
    out = format_report(small_report, "text", failures=10)
    assert "Failures (first 1 of 1)" in out and "kk-1" in out and "дунгане приехали" in out
    # items from a data set (no functionality) are listed by id, never by text
    r = evaluate(mini_engine, [LabelledText("дунгане приехали", True, id="ds:1")])
    out = format_report(r, "text", failures=10)
    assert "ds:1" in out and "дунгане приехали" not in out


def test_run_on_a_file(tmp_path, mini_engine):
    p = tmp_path / "mine.csv"
    p.write_text("text,label\nвсе китайцы тараканы,1\nкитайцы приехали,0\n", encoding="utf-8")
    out, code = run(mini_engine, paths=[p])
    assert code == 0
    assert str(p) in out and "Overall" in out
    out, code = run(mini_engine, paths=[p], fmt="json")
    assert code == 0 and json.loads(out)[str(p)]["overall"]["engine"]["tp"] == 1
    out, code = run(mini_engine, paths=[p], fmt="markdown", limit=1)
    assert code == 0 and "1 texts" in out


def test_run_input_errors(tmp_path, mini_engine, monkeypatch):
    assert run(mini_engine, paths=[tmp_path / "absent.csv"])[1] == 2
    out, code = run(mini_engine, dataset="no_such_set")
    assert code == 2 and "unknown data set" in out
    assert run(mini_engine, paths=[tmp_path / "absent.csv"], fmt="pdf")[1] == 2
    (tmp_path / "empty.csv").write_text("text,label\n", encoding="utf-8")
    assert run(mini_engine, paths=[tmp_path / "empty.csv"])[1] == 2
    monkeypatch.setenv("HSENGINE_DATA", str(tmp_path / "nowhere"))
    out, code = run(mini_engine, dataset="ruethnohate")
    assert code == 2 and "not available" in out


def test_run_defaults_to_the_functional_suite(mini_engine):
    out, code = run(mini_engine)
    assert code == 0 and "functional suite" in out and "= non-hateful pass rate" in out


# -- data sets ---------------------------------------------------------------------------------

def test_data_root_override(tmp_path, monkeypatch):
    monkeypatch.setenv("HSENGINE_DATA", str(tmp_path))
    assert data_root() == tmp_path
    assert data_root(tmp_path / "x") == tmp_path / "x"
    with pytest.raises(DatasetMissing):
        load_dataset("ruethnohate")


def test_ruethnohate_adapter_on_a_file_of_our_own(tmp_path):
    """Grouping by text_id, any(-1) = hateful, <b> markup stripped, target from the negative group."""
    rows = [
        {"text_id": 1, "ethnic_group": "китаец", "class": 0, "text": "<b>китайцы</b> и узбеки приехали"},
        {"text_id": 1, "ethnic_group": "узбек", "class": -1, "text": "китайцы и <b>узбеки</b> приехали"},
        {"text_id": 2, "ethnic_group": "еврей", "class": 1, "text": "<b>евреи</b> &amp; друзья"},
        {"text_id": 3, "ethnic_group": "марсианин", "class": -1,
         "text": "<b>марсиане</b><br/>злые <font color=\"#E42217\">очень</font>"},
    ]
    folder = tmp_path / "ruethnohate"
    folder.mkdir()
    (folder / "RuEthnoHate_dev.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = load_dataset("ruethnohate", root=tmp_path)
    got = [(i.text, i.hateful, i.target) for i in items]
    assert got == [("китайцы и узбеки приехали", True, "uzbek"), ("евреи & друзья", False, "jewish"),
                   ("марсиане злые  очень ", True, "other_ethnic")]


def _shared_or_skip(name: str):
    try:
        return load_dataset(name)
    except DatasetMissing as exc:
        pytest.skip(f"shared data not available here: {exc}")


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dataset_adapters_load(name):
    items = _shared_or_skip(name)
    assert items, name
    assert all(isinstance(i.text, str) and i.text.strip() for i in items), name
    positives = sum(i.hateful for i in items)
    if name in ("ru_toxic_2ch_pikabu", "snlp_sensitive_appropriate"):
        assert positives == 0  # false-positive checks: only texts labelled harmless
    else:
        assert 0 < positives < len(items)
    assert len({i.id for i in items}) == len(items)


def test_ruethnohate_adapter_matches_the_file():
    items = _shared_or_skip("ruethnohate")
    path = data_root() / "ruethnohate" / "RuEthnoHate_dev.jsonl"
    classes = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                classes[row["text_id"]].add(row["class"])
    assert len(items) == len(classes)
    assert sum(i.hateful for i in items) == sum(-1 in c for c in classes.values())
    assert not any("<b>" in i.text or "</b>" in i.text for i in items)


def test_evaluate_runs_on_a_shared_sample(engine):
    items = _shared_or_skip("ruethnohate")[:200]
    r = evaluate(engine, items)
    assert r.n == 200 and r.meta["errors"] == 0
    assert r.overall["baseline"].tp + r.overall["baseline"].fp >= r.overall["engine"].tp  # baseline sees every mention
