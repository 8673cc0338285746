"""Every word the user reads exists in English, Russian and Kazakh.

The sentences are found in the source, not listed by hand: every literal given to `tr()`, `H()`
(help texts) and `_help()` (command help and its example comments) in the command line, and every
message the readers and writers build for the user (input problems and their hints, row warnings
and errors, notes).  Each must have a Russian and a Kazakh translation in `hsengine.i18n_messages`
with the same {placeholders}, and Kazakh text must use Kazakh letters where the words need them.
A new message without a translation fails here.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hsengine import i18n
from hsengine.i18n_messages import MESSAGES

PACKAGE = Path(i18n.__file__).resolve().parent
USER_FACING = ["cli/app.py", "cli/render.py", "io/readers.py", "io/platforms.py", "io/excel.py", "io/writers.py",
               "io/labelstudio.py"]
NOT_SENTENCES = {"{}", "{} MiB", "{}:{}", "argument {}"}  # file:line, sizes: no words to translate
_FIELD = re.compile(r"\{[^{}]*\}")


def _template(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _template(node.left), _template(node.right)
        return a + b if a is not None and b is not None else None
    return None


def shape(template: str) -> str:
    """A template with its placeholders blanked: f-strings and catalogue keys compare by this."""
    return _FIELD.sub("{}", template)


def user_messages() -> dict[str, str]:
    """{blanked template: file} for every user-facing sentence in the source."""
    found: dict[str, str] = {}
    for rel in USER_FACING:
        tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            nodes: list[ast.AST] = []
            if isinstance(node, ast.Call):
                fn = ast.unparse(node.func)
                if fn.endswith("InputProblem"):
                    nodes = list(node.args[1:3])
                elif fn in ("tr", "H", "i18n.tr"):
                    nodes = list(node.args[:1])
                elif fn == "_help":
                    nodes = [node.args[0], *node.args[2:3]]
                    if len(node.args) > 1 and isinstance(node.args[1], ast.List):
                        nodes += [e.elts[1] for e in node.args[1].elts if isinstance(e, ast.Tuple)]
                elif fn.endswith("notes.append"):
                    nodes = list(node.args[:1])
                elif fn.endswith("Row"):
                    nodes = [k.value for k in node.keywords if k.arg == "error"]
            elif isinstance(node, ast.Assign) and any(
                    (isinstance(t, ast.Attribute) and t.attr == "error") or (isinstance(t, ast.Name) and t.id == "problem")
                    for t in node.targets):
                nodes = [node.value]
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "problem":
                nodes = [node.value.right if isinstance(node.value, ast.BinOp) else node.value]
            for n in nodes:
                t = _template(n)
                if t and t.strip() and shape(t) not in NOT_SENTENCES and re.search(r"[A-Za-z]{2}", _FIELD.sub("", t)):
                    found.setdefault(shape(t), rel)
    return found


def test_the_source_has_user_messages_to_check():
    found = user_messages()
    assert len(found) > 150  # the scan itself works
    assert shape("{name}: no such file") in found


def test_every_user_message_has_russian_and_kazakh():
    catalogue = {shape(k): v for k, v in MESSAGES.items()}
    missing = [f"{where}: {t!r}" for t, where in user_messages().items()
               if t not in catalogue or not catalogue[t].get("ru") or not catalogue[t].get("kk")]
    assert missing == [], "no translation for:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_translations_keep_the_placeholders(lang):
    for en, tr in MESSAGES.items():
        assert sorted(_FIELD.findall(en)) == sorted(_FIELD.findall(tr[lang])), (en, tr[lang])
        if "[b]" in en or "[dim]" in en:
            assert tr[lang].count("[") == en.count("["), (en, tr[lang])


def test_kazakh_uses_kazakh_letters():
    kazakh = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    long_texts = [v["kk"] for v in MESSAGES.values() if len(_FIELD.sub("", v["kk"]).split()) >= 6]
    assert long_texts
    without = [t for t in long_texts if not kazakh & set(t)]
    assert without == []
    same_as_ru = [k for k, v in MESSAGES.items() if v["kk"] == v["ru"] and len(k.split()) >= 4]
    assert same_as_ru == []


def test_labels_and_roles_in_three_languages():
    for table in (i18n.STRINGS, i18n.ROLE_NAMES):
        for key, entry in table.items():
            assert all(entry.get(lang) for lang in ("en", "ru", "kk")), key


def test_messages_built_in_english_are_translated_on_the_way_out():
    assert i18n.translate("posts.csv: no such file", "ru") == "posts.csv: файл не найден"
    msg = "a quote (\") on line 7 is never closed: the line was read as it stands"
    assert "7" in i18n.translate(msg, "kk") and i18n.translate(msg, "kk") != msg
    both = "empty row; invalid UTF-8 bytes replaced with U+FFFD"
    assert i18n.translate(both, "ru") == "; ".join(i18n.translate(x, "ru") for x in both.split("; "))
    assert i18n.translate("something nobody wrote", "ru") == "something nobody wrote"


def test_contexts_have_translated_reasons(engine):
    from hsengine.cli.render import context_reasons

    en, ru, kk = (context_reasons(engine, ui) for ui in ("en", "ru", "kk"))
    assert set(en) == set(ru) == set(kk) and len(en) >= 5
    for cid in en:
        assert ru[cid] != en[cid] and kk[cid] != en[cid] and kk[cid] != ru[cid], cid


@pytest.mark.slow  # hsengine processes
def test_help_and_warnings_in_kazakh(tmp_path):
    env = {"HSENGINE_UI_LANG": "kk", "HSENGINE_CONFIG": str(tmp_path / "none.toml"), "PATH": "/usr/bin:/bin",
           "NO_COLOR": "1", "COLUMNS": "120"}
    p = subprocess.run([sys.executable, "-m", "hsengine", "check", "--help"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert p.returncode == 0
    assert "Мысалдар" in p.stdout and "Параметрлер" in p.stdout  # "Examples", "Options"
    assert "<bool>" not in p.stdout and "<list" not in p.stdout
    f = tmp_path / "x.csv"
    f.write_text("id,text\n1,\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "hsengine", "check", "--input", str(f), "-f", "csv"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert "ескерту" in p.stderr and "бос" in p.stderr  # "warning: empty message" in Kazakh
    p = subprocess.run([sys.executable, "-m", "hsengine", "check", "--input", str(tmp_path / "nope.csv")],
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 2 and "мұндай файл жоқ" in p.stderr


@pytest.mark.slow  # hsengine processes
def test_ui_language_set_once_in_the_config_file(tmp_path):
    cfg = tmp_path / "config.toml"
    env = {"HSENGINE_CONFIG": str(cfg), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    p = subprocess.run([sys.executable, "-m", "hsengine", "config", "ui-lang", "ru"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert p.returncode == 0 and 'ui_lang = "ru"' in cfg.read_text(encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "hsengine", "check", "-f", "pretty", "Все эти китайцы — вонючие тараканы."],
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1 and "называет группу" in p.stdout  # role names in Russian
    p = subprocess.run([sys.executable, "-m", "hsengine", "check", "--ui-lang", "en", "-f", "pretty", "Китайцев не надо выгонять."],
                       capture_output=True, text=True, env=env, timeout=120)
    assert "suppressed by" in p.stdout  # the option wins over the file


def test_every_evidence_role_of_the_rules_has_a_name_in_three_languages():
    from hsengine.paths import BUNDLED_RULES

    roles = set()
    for f in BUNDLED_RULES.rglob("*.yaml"):
        roles |= set(re.findall(r"\bas:\s*([a-z_]+)", f.read_text(encoding="utf-8")))
    assert "target" in roles and len(roles) > 20
    missing = sorted(r for r in roles if r not in i18n.ROLE_NAMES)
    assert missing == [], missing


def test_every_cue_group_is_a_role_with_a_name_in_three_languages():
    """Cue groups are reported as evidence roles (a match's `cues`), so each needs a name."""
    from hsengine.tools.calibrate import CUE_GROUPS

    groups = {g for per_rule in CUE_GROUPS.values() for g in per_rule}
    assert {"support", "against", "quoted"} <= groups
    for g in groups:
        assert set(i18n.ROLE_NAMES.get(g, {})) >= {"en", "ru", "kk"}, g
