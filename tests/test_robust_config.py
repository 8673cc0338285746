"""Issue #15: hostile rule and lexicon files.  Every value of every kind of config file (rules,
contexts, narratives, named patterns, lexicon entries, classes, targets, guards), replaced by
a value of the wrong type, gives a typed problem with file:line — never an internal error; sizes,
word lengths and message templates are bounded; devices, FIFOs and huge files are refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from conftest import ROOT
from hsengine import ConfigError, Engine
from hsengine.errors import Problem
from hsengine.lexicon.loader import read_lexicon
from hsengine.rules.loader import read_rules
from test_robustness import RULE_TEMPLATE, _rules_dir

WRONG = [5, "abc", [5], {"k": 5}, None, -1, [[]]]

CONTEXTS = {"contexts": {
    "negation": {"kind": "negation", "names": {"en": "negation", "ru": "отрицание", "kk": "болымсыздық"},
                 "description": "negated", "cues": [{"class": "negation", "lang": "ru", "before": 6}],
                 "morphological": True, "clause_openers": ["что"]},
    "counter_speech": {"kind": "cue", "names": {"en": "counter", "ru": "контр", "kk": "қарсы"}, "description": "d",
                       "cue_classes": ["counter_speech"], "scope": "sentence", "neighbor_sentences": 1,
                       "max_distance": 4},
    "quotation": {"kind": "quotation", "names": {"en": "q", "ru": "ц", "kk": "д"}, "description": "d",
                  "frame_classes": ["counter_speech"], "neighbor_sentences": 1},
}}
NARRATIVES = {"narratives": {"xenophobia": {"names": {"en": "X", "ru": "К", "kk": "К"}, "description": "d"}}}
PATTERNS = {"patterns": {
    "victim": {"description": "the group attacked", "pattern": {"class": ["group"], "gram": ["nomn"], "as": "target"}},
    "called": {"description": "a word of class $act", "params": ["act"],
               "pattern": {"any": [{"class": "$act", "as": "act"}, {"seq": [{"text": ["как"]}, {"class": "$act"}]}]}},
}}
RULE = {
    "id": "test.rule", "title": {"en": "Test", "ru": "Тест", "kk": "Тест"},
    "description": "A rule written to test how hostile rule files are handled.", "narrative": "xenophobia",
    "targets": ["chinese"], "severity": "high", "langs": ["ru"], "status": "stable", "scope": "sentence",
    "pattern": {"all": [{"class": "group", "as": "target"}, {"class": "dehumanization", "gram": ["nomn"]},
                        {"use": "victim"}, {"use": "called", "act": "dehumanization"},
                        {"not": {"class": "negation"}}], "within": 6},
    "unless": ["negation"], "message": {"en": "{target} called {dehumanization}"}, "narrative_by_target": True,
    "examples": {"match": [{"text": "Китайцы тараканы.", "evidence": ["Китайцы"]}],
                 "no_match": [{"text": "Хорошая погода.", "note": "plain"}]},
    "references": ["a book"],
}
ENTRIES = {"defaults": {"lang": "ru"}, "entries": [
    {"id": "ru.test.word", "lemma": "тестослово", "lang": "ru", "class": ["dehumanization"],
     "register": "pejorative", "meaning": "a test word", "source": "written for the test",
     "variants": ["тестословце"], "forms": ["тестословы"], "fuzzy": True, "match": "lemma", "pos": "noun"},
    {"id": "ru.test.group", "lemma": "тестовцы", "lang": "ru", "class": "group", "target": "chinese",
     "register": "neutral", "meaning": "a test group", "source": "written for the test"},
]}
CLASSES = {"classes": {"group": {"kind": "target", "description": "a group"},
                       "dehumanization": {"kind": "attack", "description": "dehumanizes"},
                       "negation": {"kind": "context", "description": "negates"},
                       "counter_speech": {"kind": "context", "description": "condemns"}}}
TARGETS = {"targets": {"chinese": {"names": {"en": "Chinese", "ru": "китайцы", "kk": "қытайлар"},
                                   "description": "d", "narrative": "xenophobia"}}}
GUARDS = {"guards": [{"lang": "ru", "words": ["кафе"], "reason": "an ordinary word"}]}


def _positions(doc: Any, path: tuple = ()) -> Iterator[tuple]:
    """Every path to a value (mapping keys and list indexes), outermost first."""
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        yield path + (key,)
        yield from _positions(value, path + (key,))


def _replaced(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    if isinstance(doc, dict):
        return {k: (_replaced(v, path[1:], value) if k == path[0] else v) for k, v in doc.items()}
    return [(_replaced(v, path[1:], value) if i == path[0] else v) for i, v in enumerate(doc)]


def _write(path: Path, doc: Any) -> Path:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _lexicon_registries(d: Path, classes=CLASSES, targets=TARGETS) -> list[Path]:
    return [_write(d / "classes.yaml", classes), _write(d / "targets.yaml", targets)]


def _load(d: Path, kind: str, doc: Any) -> None:
    """Load a small lexicon and rule set in which the file of `kind` is `doc`."""
    for p in d.glob("*"):
        p.unlink()
    docs = {"classes": CLASSES, "targets": TARGETS, "entries": ENTRIES, "guards": GUARDS, "contexts": CONTEXTS,
            "narratives": NARRATIVES, "patterns": PATTERNS, "rule": RULE, kind: doc}
    registries = _lexicon_registries(d, docs["classes"], docs["targets"])
    lex_files = [_write(d / "entries.yaml", docs["entries"]), _write(d / "guards.yaml", docs["guards"])]
    source = read_lexicon(lex_files, registries)
    from hsengine.lexicon.index import Lexicon

    lexicon = Lexicon(source)
    read_rules([_write(d / "rule.yaml", docs["rule"])],
               [_write(d / "narratives.yaml", docs["narratives"]), _write(d / "contexts.yaml", docs["contexts"]),
                _write(d / "patterns.yaml", docs["patterns"])],
               classes=lexicon.classes, targets=lexicon.targets, entries=set(lexicon.entries))


@pytest.mark.parametrize("kind, doc", [("contexts", CONTEXTS), ("narratives", NARRATIVES), ("patterns", PATTERNS),
                                       ("rule", RULE),
                                       ("entries", ENTRIES), ("classes", CLASSES), ("targets", TARGETS),
                                       ("guards", GUARDS)])
def test_a_value_of_the_wrong_type_anywhere_is_a_problem_with_file_and_line(tmp_path, kind, doc):
    """Before: `neighbor_sentences: abc`, `cues: 5` or a list as `narrative:` gave "internal error".
    (Named patterns, rules/patterns.yaml, are included: a rule here uses one with a parameter.)"""
    _load(tmp_path, kind, doc)  # the unmodified files load
    crashes = []
    for path in _positions(doc):
        for value in WRONG:
            try:
                _load(tmp_path, kind, _replaced(doc, path, value))
            except ConfigError as exc:
                for p in exc.problems:
                    assert isinstance(p, Problem) and Path(p.file).parent == tmp_path and p.line >= 1, str(p)
            except Exception as exc:  # noqa: BLE001 - what the test looks for
                crashes.append(f"{kind} {'.'.join(map(str, path))} = {value!r}: {type(exc).__name__}: {exc}")
    assert not crashes, "\n".join(crashes[:20])


@pytest.mark.parametrize("text, value", [("neighbor_sentences: abc", "abc"), ("cues: 5", 5)])
def test_the_issues_contexts_yaml_examples(tmp_path, text, value):
    key = text.split(":")[0]
    doc = _replaced(CONTEXTS, ("contexts", "counter_speech" if key == "neighbor_sentences" else "negation", key), value)
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, "contexts", doc)
    assert any(p.file.endswith("contexts.yaml") and key in p.message for p in err.value.problems), \
        [str(p) for p in err.value.problems]


# -- sizes ------------------------------------------------------------------------------------------
def test_a_ten_thousand_letter_lemma_is_refused_before_anything_is_indexed(tmp_path):
    """Before: accepted by validate, then 12 s and 5.3 GB for the typo index."""
    doc = _replaced(ENTRIES, ("entries", 0, "lemma"), "ж" * 10_000)
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, "entries", doc)
    (problem,) = [p for p in err.value.problems if "10,000 letters" in p.message]
    assert problem.file.endswith("entries.yaml") and problem.line > 1


@pytest.mark.parametrize("where, value, needle", [
    (("entries", 0, "variants"), ["ж" * 65], "65 letters"),
    (("entries", 0, "forms"), [f"форма{i}" for i in range(201)], "201 items"),
    (("entries", 0, "lemma"), " ".join(["слово"] * 9), "9 words"),
    (("entries", 0, "meaning"), "m" * 2001, "2,001 characters"),
])
def test_entry_sizes_are_bounded(tmp_path, where, value, needle):
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, "entries", _replaced(ENTRIES, where, value))
    assert any(needle in p.message for p in err.value.problems), [str(p) for p in err.value.problems]


@pytest.mark.parametrize("template, needle", [
    ("{target:>300000000}", "only named fields"),
    ("{target.__class__.__mro__}", "only named fields"),
    ("{target[0]}", "only named fields"),
    ("{target!r}", "only named fields"),
    ("{target:{dehumanization}}", "only named fields"),
    ("{0}", "only named fields"),
    ("{target:>41}", "at most 40"),
    ("{victim}", "unknown field 'victim'"),
    ("x" * 501, "longer than 500"),
])
def test_message_templates_are_a_safe_little_language(tmp_path, template, needle):
    """Before: '{x:>300000000}' built 300 MB per match, '{target.__class__.__mro__}' walked attributes."""
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, "rule", _replaced(RULE, ("message",), {"en": template}))
    assert any(p.file.endswith("rule.yaml") and needle in p.message for p in err.value.problems), \
        [str(p) for p in err.value.problems]


def test_a_valid_template_is_filled_with_the_fields_it_names(tmp_path):
    rule = RULE_TEMPLATE.format(name="msg", pattern="  all:\n    - {class: group, as: target}\n"
                                "    - {class: dehumanization, as: attack}") \
        + "message: '«{attack:<10}» {{about}} {target}|'\n"
    d = _rules_dir(tmp_path, {"msg.yaml": rule})
    engine = Engine(rules_paths=[d])
    (match,) = [m for m in engine.analyze("Все китайцы тараканы.").matches if m.rule_id == "test.msg"]
    assert match.explanation == "«тараканы  » {about} Chinese people|"


# -- files that are not files -----------------------------------------------------------------------
def _hsengine(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "hsengine", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


@pytest.mark.skipif(not Path("/dev/zero").exists() or not hasattr(os, "mkfifo"), reason="needs /dev/zero and FIFOs")
@pytest.mark.slow  # hsengine processes
def test_a_device_or_a_fifo_as_rules_is_refused_without_reading_it(tmp_path):
    """Before: --rules /dev/zero read until MemoryError, a FIFO blocked forever (the size limit
    read st_size, which is 0 for both)."""
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        r = _hsengine("--rules", path, "check", "Все китайцы тараканы.", timeout=60)
        assert r.returncode == 2, r.stderr
        assert "not a regular file" in r.stderr and "internal error" not in r.stderr
        r = _hsengine("validate", path, timeout=60)
        assert r.returncode == 1 and "not a regular file" in r.stdout


def test_a_list_heavy_yaml_file_is_refused_for_its_size_not_for_aliases(tmp_path):
    """An 8 MB list of plain values: refused as too many values (it blamed aliases, and took 4 s and
    550 MB to say so)."""
    from hsengine.schema.yamlload import MAX_FILE_BYTES, YamlProblem, load_yaml_file

    f = tmp_path / "big.yaml"
    f.write_text("entries:\n" + "  - ab\n" * ((MAX_FILE_BYTES - 20) // 7), encoding="utf-8")
    assert f.stat().st_size <= MAX_FILE_BYTES
    with pytest.raises(YamlProblem) as err:
        load_yaml_file(f)
    assert "alias" not in err.value.problem.message and "200,000 values" in err.value.problem.message
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [" + ", ".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 10) + "]\n" for i in range(6)),
        encoding="utf-8")
    with pytest.raises(YamlProblem) as err:
        load_yaml_file(laughs)
    assert "aliases" in err.value.problem.message
