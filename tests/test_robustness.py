"""Issue #7: hostile text and hostile rule files must not crash, hang, lose data or run code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, span_ok
from hsengine import BUNDLED_LEXICON, BUNDLED_RULES, ConfigError, Engine

HATEFUL = "Все эти китайцы — вонючие тараканы."
FILLER = "Сегодня в Алматы прошёл дождь, люди спешили на работу и обсуждали новости. "


# -- long texts ----------------------------------------------------------------------------------

@pytest.mark.slow  # a 5 MB message
def test_five_megabyte_message_with_hate_near_the_end_is_flagged_with_right_offsets(engine):
    filler = FILLER * (5_000_000 // len(FILLER))
    text = filler + HATEFUL + " " + FILLER * 3
    assert len(text) > 5_000_000
    result = engine.analyze(text)
    assert result.flagged
    assert result.chunks > 1
    assert any("chunks" in w for w in result.warnings)
    assert span_ok(text, result)
    start = text.index("китайцы")
    ev = [e for m in result.matches for e in m.evidence if e.role == "target"]
    assert any(e.start == start and e.end == start + len("китайцы") for e in ev)


@pytest.mark.slow  # texts of chunk size
def test_hate_straddling_a_chunk_boundary_is_found():
    engine = Engine(max_text_length=2000)
    for shift in range(0, 120, 7):
        text = "а " * (1000 - shift) + HATEFUL + " конец"
        result = engine.analyze(text)
        assert result.flagged, shift
        assert span_ok(text, result)


def test_long_text_is_never_silently_truncated(engine):
    text = FILLER * 3000 + HATEFUL
    result = engine.analyze(text)
    assert result.chunks > 1 and result.flagged


@pytest.mark.slow  # a 10 MB message
def test_one_ten_megabyte_word(engine):
    text = "жид" + "а" * 10_000_000 + " китайцы тараканы"
    result = engine.analyze(text)
    assert span_ok(text, result)


def test_hundred_thousand_zero_width_characters(engine):
    text = "Все эти кит" + "\u200b" * 100_000 + "айцы — вонючие тараканы."
    result = engine.analyze(text)
    assert result.flagged
    assert span_ok(text, result)


# -- hostile rule files --------------------------------------------------------------------------

RULE_TEMPLATE = """\
id: test.{name}
title: Test rule {name}
description: A rule written to test how hostile rule files are handled by the loader.
narrative: xenophobia
targets: [chinese]
severity: low
langs: [ru]
pattern:
{pattern}
examples:
  match: [Все китайцы тараканы.]
  no_match: [Сегодня хорошая погода.]
"""


def _rules_dir(tmp_path: Path, files: dict[str, str]) -> Path:
    d = tmp_path / "rules"
    d.mkdir()
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_catastrophic_regex_is_refused_with_rule_file_and_line(tmp_path):
    d = _rules_dir(tmp_path, {"bad.yaml": RULE_TEMPLATE.format(name="bad", pattern="  all:\n    - {regex: '(a+)+$'}")})
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d])
    problem = err.value.problems[0]
    assert problem.file.endswith("bad.yaml") and problem.line == 10
    assert "backtrack" in problem.message


@pytest.mark.slow  # waits for regex timeouts
def test_slow_regex_that_slips_through_validation_is_stopped_and_reported(tmp_path, monkeypatch):
    # (ж|жж)+ backtracks exponentially on a long run of ж, but only there.  Validation now probes
    # runs of the pattern's own letters and refuses it (tests/test_robust_regex.py); a pattern it
    # still misses is simulated by switching the check off.
    import hsengine.rules.loader as rules_loader

    monkeypatch.setattr(rules_loader, "regex_is_slow", lambda pattern, budget=0.05: "")
    monkeypatch.setenv("HSENGINE_NO_CACHE", "1")
    slow = RULE_TEMPLATE.format(name="slow", pattern="  all:\n    - {regex: '^(ж|жж)+б$'}")
    d = _rules_dir(tmp_path, {"slow.yaml": slow})
    engine = Engine(rules_paths=[BUNDLED_RULES, d])
    text = HATEFUL + " " + "ж" * 60
    result = engine.analyze(text)
    assert any("test.slow" in w and "timed out" in w for w in result.warnings)
    assert any(m.rule_id != "test.slow" for m in result.matches), "the other rules still ran"


def test_billion_laughs_yaml_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("id: test.laughs")
    d = _rules_dir(tmp_path, {"laughs.yaml": "\n".join(lines) + "\n"})
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d])
    assert any("expands to more than" in p.message and p.file.endswith("laughs.yaml") for p in err.value.problems)


def test_python_object_tag_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    evil = f"id: !!python/object/apply:os.system ['touch {marker}']\n"
    d = _rules_dir(tmp_path, {"evil.yaml": evil})
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d])
    assert "not allowed" in err.value.problems[0].message
    assert not marker.exists()


def test_python_name_tag_in_lexicon_is_refused(tmp_path):
    d = tmp_path / "lex"
    d.mkdir()
    (d / "evil.yaml").write_text("entries:\n  - id: !!python/name:os.system\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Engine(lexicon_paths=[d])
    assert err.value.problems[0].file.endswith("evil.yaml")


@pytest.mark.slow  # a fresh interpreter
def test_loading_rules_imports_nothing(tmp_path):
    """Modules imported do not depend on what rule files contain: loading a file full of module
    names after the bundled set imports nothing new."""
    sneaky = RULE_TEMPLATE.format(
        name="sneaky",
        pattern="  all:\n    - {text: [subprocess, os.system, __import__], regex: '^(ctypes|pickle)$'}",
    ).replace("description: A rule", "description: __import__('os').system('id') — a rule")
    d = _rules_dir(tmp_path, {"sneaky.yaml": sneaky, "tag.yaml": "id: !!python/module:ctypes\n"})
    # the same rule with harmless words, loaded first: every later load builds its rules from YAML
    # by the same code path (rule files the compiled-set cache has never seen; the bundled lexicon
    # comes from the suite's cache, as it does for a user's own rules)
    plain = tmp_path / "plain.yaml"
    plain.write_text(RULE_TEMPLATE.format(name="plain", pattern="  all:\n    - {text: [alpha, beta, gamma], regex: '^(delta|epsilon)$'}"),
                     encoding="utf-8")
    code = (
        f"import sys; from hsengine import Engine, ConfigError; Engine(rules_paths=[{str(plain)!r}])\n"
        "before = set(sys.modules)\n"
        f"try:\n    Engine(rules_paths=[{str(d)!r}])\nexcept ConfigError:\n    pass\n"
        f"Engine(rules_paths=[{str(d / 'sneaky.yaml')!r}])\n"
        "print(sorted(set(sys.modules) - before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize(
    "files, message",
    [
        ({"a.yaml": RULE_TEMPLATE.format(name="dup", pattern="  all:\n    - {class: group}"),
          "b.yaml": RULE_TEMPLATE.format(name="dup", pattern="  all:\n    - {class: slur}")}, "duplicate rule id"),
        ({"a.yaml": RULE_TEMPLATE.format(name="cls", pattern="  all:\n    - {class: groupp}")}, "unknown class 'groupp'"),
        ({"a.yaml": RULE_TEMPLATE.format(name="empty", pattern="  all:\n    - {as: target}")}, "an atom needs at least one of"),
        ({"a.yaml": RULE_TEMPLATE.format(name="nothing", pattern="  all:\n    - {not: {class: group}}")}, "at least one positive part"),
    ],
)
def test_invalid_rules_are_refused(tmp_path, files, message):
    d = _rules_dir(tmp_path, files)
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d])
    assert any(message in p.message for p in err.value.problems), [str(p) for p in err.value.problems]


def test_rule_with_failing_examples_is_refused_in_strict_mode(tmp_path):
    failing = RULE_TEMPLATE.format(name="fails", pattern="  all:\n    - {class: violence}")
    d = _rules_dir(tmp_path, {"fails.yaml": failing})
    Engine(rules_paths=[d])  # lenient: loads
    with pytest.raises(ConfigError) as err:
        Engine(rules_paths=[d], strict=True)
    assert any("test.fails" in p.message for p in err.value.problems)


# -- determinism and concurrency -------------------------------------------------------------------

TEXTS = [
    HATEFUL, "Кафиров надо убивать.", "Дүнгендерді елден қуып жіберу керек!", "Дунгане отметили праздник.",
    "Я не считаю евреев паразитами.", "ж1ды и кит@йцы — т а р а к а н ы", "Qytailar tarakan siyaqty", "",
    "«Китайцы — тараканы», — написал блогер; это ксенофобия.", "\u200b\u202e🙂 ж̶и̶д̶ы̶",
] * 8


def test_same_input_gives_byte_identical_output_across_runs(engine):
    first = [engine.analyze(t).to_json() for t in TEXTS]
    fresh = Engine()  # one new engine (it built one per text: 200 engines, minutes on 2 cores)
    second = [fresh.analyze(t).to_json() for t in TEXTS]
    assert first == second


@pytest.mark.slow  # a fresh interpreter
def test_same_output_across_processes(engine):
    code = (
        "import json, sys; from hsengine import Engine; e = Engine();"
        "texts = json.load(sys.stdin); print(json.dumps([e.analyze(t).to_json() for t in texts]))"
    )
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(TEXTS[:10]), capture_output=True,
                         text=True, cwd=ROOT, check=True)
    assert json.loads(out.stdout) == [engine.analyze(t).to_json() for t in TEXTS[:10]]


@pytest.mark.slow  # threads hammering one engine
def test_one_engine_is_safe_to_share_between_threads():
    engine = Engine()
    expected = [engine.analyze(t).to_json() for t in TEXTS]
    shared = Engine()  # cold caches: threads race to fill them
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            results[k] = [shared.analyze(t).to_json() for t in TEXTS]
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[k] == expected for k in range(8))
