"""The published JSON Schemas (docs/schema/) and the pattern-language page agree with the readers.

The readers are what `hsengine validate` runs; hsengine/tools/schema.py generates the schemas and
docs/pattern-language.md from their tables of keys.  Here: the committed files are up to date,
every bundled file is valid under them, and what the schema refuses `validate` refuses too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hsengine.cli.app import app
from hsengine.schema.yamlload import load_yaml_file, load_yaml_text
from hsengine.tools import schema as gen

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _validator(name: str):
    schema = json.loads((DOCS / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_generated_files_are_up_to_date():
    assert gen.stale(DOCS) == [], "run: python -m hsengine.tools.schema"


def test_pattern_language_documents_seq_defaults_and_within():
    page = (DOCS / "pattern-language.md").read_text(encoding="utf-8")
    assert "`seq` without `max_gap` allows 3 words" in page
    assert "`within` on a `seq`" in page
    for key in ("all", "seq", "any", "not", "use", "max_gap", "within", "clause", "sentence", "gram", "not_gram"):
        assert f"| `{key}` |" in page, key


@pytest.mark.parametrize("kind", ["lexicon", "rules"])
def test_every_bundled_file_is_valid_under_the_schema(kind):
    v = _validator(f"{kind}.schema.json")
    bad = {}
    for f in sorted((ROOT / kind).rglob("*.yaml")):
        errors = list(v.iter_errors(load_yaml_file(f)))
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            bad[str(f.relative_to(ROOT))] = f"{list(best.absolute_path)}: {best.message[:200]}"
    assert not bad, bad


def test_a_reader_key_without_a_schema_type_is_an_error(monkeypatch):
    from hsengine.rules import loader

    monkeypatch.setitem(loader.ATOM_KEYS, "lemmas", "a key added to the reader only")
    with pytest.raises(RuntimeError, match="lemmas"):
        gen.rules_schema()


RULE = """\
id: xenophobia.test_schema
title: {en: A rule of the schema test, ru: Правило теста схемы, kk: Схема сынағының ережесі}
description: Exists only to test that the schema and validate refuse the same mistakes.
narrative: xenophobia
targets: [chinese]
severity: medium
langs: [ru]
pattern:
  all:
    - {class: group, as: target}
    - {class: dehumanization, gram: [nomn], as: attack}
  within: 4
examples:
  match: [Китайцы тараканы., Китайцы — тараканы!, Эти китайцы тараканы.]
  no_match: [Китайцы не тараканы., Тараканы на кухне., Китайцы пришли.]
"""

LEXICON = """\
entries:
  - id: ru.test.zyuzyabra
    lemma: зюзябра
    lang: ru
    class: dehumanization
    register: pejorative
    meaning: an invented word
    source: Invented for the tests.
"""


BROKEN = [  # (kind, replace this, with this, what validate says)
    ("rules", "gram: [nomn]", "gram: [nomn], lemmas: [таракан]", "unknown pattern key 'lemmas'"),
    ("rules", "within: 4", "within: 4\n  max_gap: 2", "'max_gap' is not allowed in a 'all' node"),
    ("rules", "severity: medium", "severity: huge", "severity must be one of"),
    ("rules", "langs: [ru]", "langs: [ru, en]", "langs must be a list drawn from ru and kk"),
    ("rules", "targets: [chinese]", "targets: chinese", "targets must be a list of target ids or 'any'"),
    ("rules", "  no_match:", "  no_matches: [x]\n  no_match:", "unknown examples key 'no_matches'"),
    ("rules", "gram: [nomn]", "gram: [gen]", "unknown grammeme 'gen'"),
    ("lexicon", "register: pejorative", "register: rude", "register"),
    ("lexicon", "    meaning:", "    meanings: x\n    meaning:", "unknown entry field 'meanings'"),
]


def _broken(i: int) -> str:
    kind, old, new, _ = BROKEN[i]
    text = RULE if kind == "rules" else LEXICON
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize("i", range(len(BROKEN)), ids=[b[3] for b in BROKEN])
def test_the_schema_refuses_each_mistake(i):
    errors = list(_validator(f"{BROKEN[i][0]}.schema.json").iter_errors(load_yaml_text(_broken(i))))
    if "grammeme" in BROKEN[i][3]:
        assert not errors  # grammeme names are the reader's to check (two tag sets), not the schema's
    else:
        assert errors, "the schema accepts it"


@pytest.mark.parametrize("kind", ["rules", "lexicon"])
def test_validate_refuses_the_same_mistakes_with_their_location(tmp_path, kind):
    files = {}
    for i, (k, _old, new, needle) in enumerate(BROKEN):
        if k == kind:
            f = tmp_path / f"broken{i}.yaml"
            f.write_text(_broken(i), encoding="utf-8")
            line = next(n for n, s in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                        if new.splitlines()[-1].strip() in s)
            files[f.name] = (needle, line)
    # one run over the folder: validating a rule also reads the whole bundled lexicon and rules
    r = CliRunner().invoke(app, ["validate", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 1, r.stdout
    lines = r.stdout.splitlines()
    for name, (needle, line) in files.items():
        assert any(name in s and needle in s for s in lines), (name, needle, r.stdout)
    if kind == "rules":  # the grammeme's file:line, and the did-you-mean hint
        name, (_, line) = next((n, v) for n, v in files.items() if "grammeme" in v[0])
        assert f"{name}:{line}:" in r.stdout and "did you mean 'gent'" in r.stdout


def test_the_editor_setting_points_at_the_published_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./docs/schema/lexicon.schema.json"] == ["lexicon/**/*.yaml"]
    assert schemas["./docs/schema/rules.schema.json"] == ["rules/**/*.yaml"]
