"""The `hsengine` command line: every command, exit codes, output formats, options.

Runs in-process with typer's CliRunner (stdout and stderr apart), except where a real process
matters (the console entry point, `python -m hsengine`).  Messages are our own sentences.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hsengine.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
HATE = "Все эти китайцы — вонючие тараканы."  # flagged by the bundled rules (see Engine's doctest)
CLEAN = "Дунгане отметили праздник в Алматы."  # a neutral mention: never flagged
CLEAN2 = "Сегодня в Алматы солнечно, мы гуляли в парке."


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


# -- custom lexicon and rules, written here -------------------------------------------------------
LEXICON = """\
defaults:
  lang: ru
entries:
  - id: ru.testdehum.zyuzyabra
    lemma: зюзябра
    class: dehumanization
    register: pejorative
    meaning: an invented animal word, used only by the tests
    source: Invented for the command-line tests; not a real word.
    fuzzy: false
    match: exact
    forms: [зюзябры, зюзябрами]
"""

RULE = """\
id: xenophobia.test_zyuzyabra
title:
  en: Test rule about an invented insult
  ru: Тестовое правило о выдуманном оскорблении
  kk: Ойдан шығарылған қорлау туралы сынақ ережесі
description: >
  Calls an ethnic group by an invented animal word; exists only to test the command line.
narrative: xenophobia
targets: [chinese]
severity: medium
langs: [ru]
pattern:
  all:
    - {class: group, as: target}
    - {entry: ru.testdehum.zyuzyabra, as: dehumanization}
  within: 4
examples:
  match:
    - Китайцы — настоящие зюзябры.
  no_match:
    - {text: Китайцы не зюзябры., note: negation}
"""


@pytest.fixture()
def custom(tmp_path: Path) -> tuple[Path, Path]:
    """A lexicon file adding one invented word, and a rule directory with one rule that uses it."""
    lex = tmp_path / "lex"
    rules = tmp_path / "rules"
    lex.mkdir()
    rules.mkdir()
    (lex / "test.yaml").write_text(LEXICON, encoding="utf-8")
    (rules / "test_rule.yaml").write_text(RULE, encoding="utf-8")
    return lex, rules


# -- global options -------------------------------------------------------------------------------
def test_version(runner):
    r = run(runner, "--version")
    assert r.exit_code == 0
    assert r.stdout.strip().startswith("hsengine ")


def test_help_lists_commands_and_exit_codes(runner):
    r = run(runner, "--help")
    assert r.exit_code == 0
    for command in ("check", "validate", "test", "explain", "lexicon", "rules", "eval", "catalogue", "stats"):
        assert command in r.stdout
    assert "Exit codes" in r.stdout
    check_help = run(runner, "check", "--help").stdout
    assert "Exit codes" in check_help and "--min-severity" in check_help and "--jobs" in check_help


def test_no_arguments_shows_help_and_unknown_option_is_usage_error(runner):
    assert run(runner, "check", "--no-such-option").exit_code == 2
    assert run(runner, "check", "--format", "xml", HATE).exit_code == 2


# -- check: text arguments ------------------------------------------------------------------------
def test_check_pretty_flagged_exit_1(runner):
    r = run(runner, "check", "--format", "pretty", HATE)
    assert r.exit_code == 1
    assert "китайцы" in r.stdout and "тараканы" in r.stdout
    assert "Dehumanizing" in r.stdout or "xenophobia" in r.stdout
    assert "narrative" in r.stdout and "target" in r.stdout and "severity" in r.stdout


def test_check_clean_exit_0(runner):
    r = run(runner, "check", "--format", "pretty", CLEAN)
    assert r.exit_code == 0
    assert "not flagged" in r.stdout


def test_check_json_several_texts_in_order_with_exact_evidence(runner):
    texts = [CLEAN, HATE, CLEAN2]
    r = run(runner, "check", "--format", "json", *texts)
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    results = doc["results"]
    assert [x["text"] for x in results] == texts
    assert [x["line"] for x in results] == [1, 2, 3]
    assert [x["flagged"] for x in results] == [False, True, False]
    assert doc["summary"]["messages"] == 3 and doc["summary"]["flagged"] == 1
    for x in results:
        for m in x["matches"]:
            for e in m["evidence"]:
                assert x["text"][e["start"]:e["end"]] == e["text"]
    evidence = {e["text"] for m in results[1]["matches"] for e in m["evidence"]}
    assert {"китайцы", "тараканы"} <= evidence


def test_check_jsonl_one_line_per_message(runner):
    r = run(runner, "check", "--format", "jsonl", HATE, CLEAN)
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert rows[0]["flagged"] is True and rows[1]["flagged"] is False
    assert rows[0]["schema"] == "1.0"  # the AnalysisResult.to_dict contract
    for key in ("lang", "severity", "targets", "narratives", "matches", "suppressed", "warnings", "error"):
        assert key in rows[0]


def test_check_csv_columns(runner):
    r = run(runner, "check", "--format", "csv", HATE, CLEAN)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 2
    assert list(rows[0]) == ["text", "line", "flagged", "severity", "narratives", "targets", "rules", "evidence",
                             "explanation", "lang", "warnings", "error"]
    assert rows[0]["text"] == HATE and rows[0]["flagged"] == "true"
    assert "xenophobia" in rows[0]["narratives"] and "chinese" in rows[0]["targets"]
    assert "китайцы" in rows[0]["evidence"] and rows[0]["severity"] in ("high", "critical")
    assert rows[1]["flagged"] == "false" and rows[1]["rules"] == ""


def test_check_stdin_one_message_per_line(runner):
    r = run(runner, "check", "--format", "jsonl", input=f"{CLEAN}\n{HATE}\n")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["text"] for x in rows] == [CLEAN, HATE]
    assert r.exit_code == 1


def test_check_min_severity_and_only_flagged(runner):
    base = run(runner, "check", "--format", "jsonl", HATE)
    severity = json.loads(base.stdout)["severity"]
    above = {"low": "medium", "medium": "high", "high": "critical"}.get(severity)
    if above:
        r = run(runner, "check", "--format", "jsonl", "--min-severity", above, HATE)
        assert r.exit_code == 0
        assert json.loads(r.stdout)["flagged"] is False
    r = run(runner, "check", "--format", "jsonl", "--min-severity", severity, HATE)
    assert r.exit_code == 1 and json.loads(r.stdout)["flagged"] is True
    r = run(runner, "check", "--format", "jsonl", "--only-flagged", CLEAN, HATE, CLEAN2)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["text"] for x in rows] == [HATE]


@pytest.mark.parametrize("ui, heading, word", [("ru", "Итоги", "нарратив"), ("kk", "Қорытынды", "нысана")])
def test_check_ui_lang_translates_headings_and_explanations(runner, ui, heading, word):
    r = run(runner, "check", "--format", "pretty", "--ui-lang", ui, HATE, CLEAN)
    assert heading in r.stdout
    assert word in r.stdout
    assert "Summary" not in r.stdout
    csv_out = run(runner, "check", "--format", "csv", "--ui-lang", ui, HATE).stdout
    explanation = next(csv.DictReader(io.StringIO(csv_out)))["explanation"]
    assert ("цель" if ui == "ru" else "нысана") in explanation or "Китай" in explanation or "Қытай" in explanation


def test_ui_lang_from_environment(runner):
    r = runner.invoke(app, ["check", "--format", "pretty", HATE, CLEAN], env={"HSENGINE_UI_LANG": "ru"})
    assert "Итоги" in r.stdout


def test_check_output_file_format_from_extension(runner, tmp_path):
    out = tmp_path / "result.csv"
    r = run(runner, "check", "--output", str(out), HATE, CLEAN)
    assert r.exit_code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 2
    assert "wrote" in r.stderr


def test_check_html_report_is_self_contained(runner, tmp_path):
    out = tmp_path / "report.html"
    r = run(runner, "check", "--format", "html", "--output", str(out), HATE, CLEAN, "<script>alert(1)</script>")
    assert r.exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "<script src" not in html and "<link" not in html
    assert "<script>alert(1)</script>" not in html  # message text is escaped inside the JSON
    assert "китайцы" in html


def test_html_report_keeps_evidence_role_names_apart_from_column_roles(runner, tmp_path):
    import re as _re

    out = tmp_path / "report.html"
    run(runner, "check", "--format", "html", "--ui-lang", "ru", "--output", str(out), HATE)
    raw = _re.search(r'<script type="application/json" id="hs-meta">(.*?)</script>', out.read_text(encoding="utf-8"),
                     _re.S).group(1)
    meta = json.loads(raw)
    assert meta["role_names"]["target"] != "target"  # evidence roles by name, in the interface language
    assert "target" not in meta["roles"]  # the input's channel/author/date columns (none here)


def test_check_both_text_and_input_is_usage_error(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("привет\n", encoding="utf-8")
    r = run(runner, "check", "--input", str(f), "текст")
    assert r.exit_code == 2
    assert "not both" in r.stderr


# -- custom lexicon and rules ---------------------------------------------------------------------
def with_custom(custom: tuple[Path, Path], *args: str, rules: bool = True) -> list[str]:
    """Global options: the bundled lexicon plus ours (--lexicon is repeatable), and our rules."""
    from hsengine.paths import BUNDLED_LEXICON

    lex, rule_dir = custom
    opts = ["--lexicon", str(BUNDLED_LEXICON), "--lexicon", str(lex)]
    if rules:
        opts += ["--rules", str(rule_dir)]
    return opts + list(args)


def test_custom_rules_and_lexicon(runner, custom):
    r = run(runner, *with_custom(custom, "check", "--format", "jsonl", "Китайцы — настоящие зюзябры.",
                                 "Китайцы не зюзябры."))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 1
    assert rows[0]["flagged"] and rows[0]["matches"][0]["rule_id"] == "xenophobia.test_zyuzyabra"
    assert not rows[1]["flagged"]
    # only our rules are loaded: the bundled rules do not fire on the bundled example
    r = run(runner, *with_custom(custom, "check", "--format", "jsonl", HATE))
    assert r.exit_code == 0 and json.loads(r.stdout)["matches"] == []
    # without our lexicon file, our rule refers to an unknown entry: a load error, exit 2
    _, rule_dir = custom
    r = run(runner, "--rules", str(rule_dir), "check", "--format", "jsonl", HATE)
    assert r.exit_code == 2 and "test_rule.yaml:" in r.stderr and "ru.testdehum.zyuzyabra" in r.stderr


def test_broken_rules_in_any_command_exit_2_with_location(runner, tmp_path):
    bad = tmp_path / "rules"
    bad.mkdir()
    (bad / "bad.yaml").write_text(RULE.replace("severity: medium", "severity: hgh"), encoding="utf-8")
    r = run(runner, "--rules", str(bad), "check", "--format", "jsonl", HATE)
    assert r.exit_code == 2
    assert "bad.yaml:10:" in r.stderr and "severity" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


# -- validate ---------------------------------------------------------------------------------------
def test_validate_bundled(runner):
    r = run(runner, "validate")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "lexicon:" in r.stdout and "rules:" in r.stdout and "regexes" in r.stdout


def test_validate_broken_rule_reports_file_line_column_and_hint(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    text = RULE.replace("severity: medium", "severity: hgh").replace("{class: group, as: target}",
                                                                     "{class: grop, as: target}")
    broken.write_text(text, encoding="utf-8")
    r = run(runner, "validate", str(broken))
    assert r.exit_code == 1
    out = r.stdout
    line_sev = text.splitlines().index("severity: hgh") + 1
    assert f"broken.yaml:{line_sev}:11: severity must be one of" in out
    line_class = next(i for i, line in enumerate(text.splitlines(), 1) if "grop" in line)
    assert f"broken.yaml:{line_class}:" in out and "unknown class 'grop'" in out
    assert "hint: did you mean 'group'?" in out
    assert "problems found" in out


def test_validate_yaml_syntax_error(runner, tmp_path):
    broken = tmp_path / "syntax.yaml"
    broken.write_text("id: x.y\ntitle: [unclosed\n", encoding="utf-8")
    r = run(runner, "validate", str(broken))
    assert r.exit_code == 1
    assert "syntax.yaml:3:" in r.stdout  # where libyaml gives up; the hint names where the list opened
    assert "hint: a [...] is not closed" in r.stdout and "while parsing a flow sequence, line 2" in r.stdout


def test_validate_custom_lexicon_alone(runner, custom):
    lex, _ = custom
    r = run(runner, "validate", str(lex))
    assert r.exit_code == 0
    assert "1 entries" in r.stdout or "1 entry" in r.stdout


def test_validate_missing_path(runner, tmp_path):
    r = run(runner, "validate", str(tmp_path / "nope.yaml"))
    assert r.exit_code == 2


# -- test -------------------------------------------------------------------------------------------
def test_test_command_passing(runner, custom):
    _, rules = custom
    enough = RULE.replace("    - Китайцы — настоящие зюзябры.\n",
                          "    - Китайцы — настоящие зюзябры.\n    - Эти китайцы зюзябры.\n    - Китайцы это зюзябры!\n")
    enough = enough.replace("    - {text: Китайцы не зюзябры., note: negation}\n",
                            "    - {text: Китайцы не зюзябры., note: negation}\n    - Зюзябры живут в лесу.\n"
                            "    - Китайцы пришли в гости.\n")
    (rules / "test_rule.yaml").write_text(enough, encoding="utf-8")
    r = run(runner, *with_custom(custom, "test", str(rules), rules=False))
    assert r.exit_code == 0, r.stdout
    assert "xenophobia.test_zyuzyabra" in r.stdout
    assert "3/3" in r.stdout and "0 failed" in r.stdout


def test_test_command_fails_on_too_few_examples_as_pytest_does(runner, custom):
    _, rules = custom  # one match and one no_match example: every example passes, yet too few
    r = run(runner, *with_custom(custom, "test", str(rules), rules=False))
    assert r.exit_code == 1, r.stdout
    assert "1/1" in r.stdout and "0 failed" in r.stdout
    assert "has 1 match example(s) in ru; at least 3 are required" in r.stdout
    r = run(runner, *with_custom(custom, "test", "--json", str(rules), rules=False))
    assert r.exit_code == 1 and json.loads(r.stdout)["coverage_warnings"]


def test_test_command_failure_explained(runner, custom, tmp_path):
    _, rules = custom
    failing = RULE.replace("    - Китайцы — настоящие зюзябры.\n",
                           "    - Китайцы — настоящие зюзябры.\n    - Китайцы пришли в гости к соседям.\n")
    failing = failing.replace("    - {text: Китайцы не зюзябры., note: negation}\n",
                              "    - {text: Китайцы не зюзябры., note: negation}\n    - Эти китайцы — зюзябры!\n")
    (rules / "test_rule.yaml").write_text(failing, encoding="utf-8")
    r = run(runner, *with_custom(custom, "test", str(rules), rules=False))
    assert r.exit_code == 1
    out = r.stdout
    assert "FAIL" in out and "1/2" in out
    assert "Китайцы пришли в гости к соседям." in out
    assert "not matched" in out and "no word of these classes" in out  # why the match example missed
    assert "words found:" in out
    assert "Эти китайцы — зюзябры!" in out and "matched on" in out and "зюзябры" in out  # what the no_match hit
    assert "2 failed" in out


def test_test_command_bundled(runner):
    r = run(runner, "test")
    assert r.exit_code in (0, 1)
    assert "Rule examples" in r.stdout and "examples" in r.stdout


# -- explain, lexicon lookup, rules -----------------------------------------------------------------
def test_explain_trace(runner):
    r = run(runner, "explain", "Все эти к и т а й ц ы — вонючие тараканы.")
    assert r.exit_code == 1
    out = r.stdout
    for heading in ("Normalized", "Tokens", "Lexicon hits", "Rules considered", "Result"):
        assert heading in out
    assert "китаец" in out  # the lemma of the spaced-out word
    assert "spaced" in out  # how it matched
    assert "FIRED" in out


def test_explain_suppressed_and_json(runner):
    r = run(runner, "explain", "--json", "Китайцев не надо выгонять.")
    data = json.loads(r.stdout)
    assert data["normalized"] == "китайцев не надо выгонять."
    assert any(t.get("lemmas") and "китаец" in t["lemmas"] for t in data["tokens"])
    outcomes = {x["rule"]: x["outcome"] for x in data["rules"]}
    assert "suppressed" in outcomes.values() or not data["result"]["flagged"]
    assert isinstance(data["skipped"], dict)
    text = run(runner, "explain", "Китайцев не надо выгонять.").stdout
    if "suppressed" in outcomes.values():
        assert "suppressed by" in text and "cue" in text


def test_lexicon_lookup_word_and_phrase(runner):
    r = run(runner, "lexicon", "lookup", "китайцами")
    assert r.exit_code == 0
    assert "китаец" in r.stdout and "chinese" in r.stdout
    data = json.loads(run(runner, "lexicon", "lookup", "--json", "к1тайцы").stdout)
    assert data["words"][0]["hits"] and "leet" in data["words"][0]["hits"][0]["how"]
    r = run(runner, "lexicon", "lookup", "стул")
    assert r.exit_code == 1 and "no lexicon entry" in r.stdout
    r = run(runner, "lexicon", "lookup", "вонючие", "китайцы")
    assert "hits in the phrase" in r.stdout


def test_rules_list_and_show(runner):
    r = run(runner, "rules", "list")
    assert r.exit_code == 0
    assert "hate.dehumanization" in r.stdout
    data = json.loads(run(runner, "rules", "list", "--json").stdout)
    assert all({"id", "narrative", "targets", "severity", "langs"} <= set(x) for x in data)
    only = json.loads(run(runner, "rules", "list", "--json", "--narrative", "xenophobia").stdout)
    assert only and all(x["narrative"] == "xenophobia" for x in only)
    r = run(runner, "rules", "show", "hate.dehumanization")
    assert r.exit_code == 0
    for part in ("description", "pattern", "unless", "examples", "as: target"):
        assert part in r.stdout
    r = run(runner, "rules", "show", "hate.dehumanisation")
    assert r.exit_code == 2 and "did you mean" in r.stderr


# -- eval, catalogue, stats -------------------------------------------------------------------------
def test_eval_is_wired(runner, monkeypatch, tmp_path):
    calls = {}

    def fake_run(engine, *, paths=(), dataset=None, functional=False, fmt="text", text_field="text",
                 label_field="label"):
        calls.update(paths=paths, dataset=dataset, functional=functional, fmt=fmt, text_field=text_field,
                     label_field=label_field, rules=len(engine.rules))
        return "EVAL REPORT", 1

    fake = types.ModuleType("hsengine.tools.evaluate")
    fake.run = fake_run
    monkeypatch.setitem(sys.modules, "hsengine.tools.evaluate", fake)
    import hsengine.tools

    monkeypatch.setattr(hsengine.tools, "evaluate", fake, raising=False)
    data = tmp_path / "labelled.jsonl"
    data.write_text('{"t": "x", "l": 0}\n', encoding="utf-8")
    r = run(runner, "eval", str(data), "--dataset", "mine", "--functional", "--format", "json",
            "--text-field", "t", "--label-field", "l")
    assert r.exit_code == 1
    assert "EVAL REPORT" in r.stdout
    assert calls["paths"] == (data,) and calls["dataset"] == "mine" and calls["functional"] is True
    assert calls["fmt"] == "json" and calls["text_field"] == "t" and calls["label_field"] == "l"
    assert calls["rules"] > 0


def test_catalogue_write_and_check(runner, tmp_path):
    target = tmp_path / "rules.md"
    r = run(runner, "catalogue", "--output", str(target))
    assert r.exit_code == 0 and target.exists()
    assert target.read_text(encoding="utf-8").startswith("# Rule catalogue")
    assert run(runner, "catalogue", "--check", "--output", str(target)).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    r = run(runner, "catalogue", "--check", "--output", str(target))
    assert r.exit_code == 1 and "stale" in r.stderr
    assert run(runner, "catalogue", "--check", "--output", str(tmp_path / "missing.md")).exit_code == 1


def test_shipped_rule_catalogue_is_up_to_date(runner):
    """docs/rules.md is generated; a pull request that changes rules or lexicon regenerates it."""
    shipped = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    r = run(runner, "catalogue", "--check", "--output", str(shipped))
    assert r.exit_code == 0, f"docs/rules.md is stale: run `hsengine catalogue`\n{r.stderr}"


def test_stats(runner):
    r = run(runner, "stats")
    assert r.exit_code == 0
    assert "Lexicon entries" in r.stdout and "Rules" in r.stdout
    assert json.loads(run(runner, "stats", "--json").stdout)["rules"] > 0


# -- real processes ---------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("HSENGINE_UI_LANG", None)
    return env


@pytest.mark.slow  # hsengine processes
def test_python_dash_m_and_exit_codes_in_a_real_process(tmp_path):
    py = sys.executable
    r = subprocess.run([py, "-m", "hsengine", "check", "--format", "jsonl", HATE], capture_output=True, text=True,
                       env=_env(), cwd=tmp_path, timeout=120)
    assert r.returncode == 1 and json.loads(r.stdout)["flagged"] is True
    r = subprocess.run([py, "-m", "hsengine", "check", "--format", "jsonl", CLEAN], capture_output=True, text=True,
                       env=_env(), cwd=tmp_path, timeout=120)
    assert r.returncode == 0
    r = subprocess.run([py, "-m", "hsengine", "check", "--input", "missing.csv"], capture_output=True, text=True,
                       env=_env(), cwd=tmp_path, timeout=120)
    assert r.returncode == 2 and "missing.csv" in r.stderr and "Traceback" not in r.stderr
    code = textwrap.dedent("""
        import sys
        from hsengine.cli.app import main
        sys.argv = ["hsengine", "--version"]
        main()
    """)
    r = subprocess.run([py, "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("hsengine ")


def test_cli_import_is_light():
    """Importing the CLI must not load the engine, rich, pymorphy3 or the process pool."""
    code = ("import sys, hsengine.cli.app; heavy = [m for m in ('hsengine.engine.engine', 'pymorphy3', 'rich.console', "
            "'concurrent.futures.process', 'spacy', 'pyspark') if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr
