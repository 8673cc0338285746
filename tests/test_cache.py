"""The compiled-set cache: used when nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import hsengine.engine.engine as engine_module
from hsengine import BUNDLED_LEXICON, BUNDLED_RULES, Engine
from hsengine import cache


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("HSENGINE_CACHE_DIR", str(d))
    monkeypatch.delenv("HSENGINE_NO_CACHE", raising=False)
    return d


# Two entries and one rule (tests/data/mini_config): what these tests check -- when the compiled
# sets are loaded, rebuilt or refused -- does not depend on their size, and they build in about a
# second instead of ten.  The bundled set is built where its own contents are the point.
MINI = Path(__file__).resolve().parent / "data" / "mini_config"
MINI_LEXICON = MINI / "lexicon"


def _copy_rules(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(MINI / "rules", dst)
    return dst


def _engine(rules: Path) -> Engine:
    return Engine(lexicon_paths=[MINI_LEXICON], rules_paths=[rules])


def test_second_engine_loads_the_compiled_sets(cache_dir, tmp_path, monkeypatch):
    rules = _copy_rules(tmp_path)
    first = _engine(rules)
    assert list(cache_dir.glob("compiled-*.pickle"))

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was read again although nothing changed")

    monkeypatch.setattr(engine_module, "read_lexicon", no_yaml)
    second = _engine(rules)
    text = "Все эти китайцы — вонючие тараканы."
    assert second.analyze(text).to_json() == first.analyze(text).to_json()


@pytest.mark.slow  # rebuilds the compiled sets
def test_any_change_to_a_file_rebuilds(cache_dir, tmp_path):
    rules = _copy_rules(tmp_path)
    _engine(rules)
    target = next(rules.rglob("dehumanization.yaml"))
    target.write_text(target.read_text(encoding="utf-8").replace("severity: high", "severity: medium"), encoding="utf-8")
    engine = _engine(rules)
    assert engine.rule("xenophobia.mini_dehumanization").severity == "medium"
    assert len(list(cache_dir.glob("compiled-*.pickle"))) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_writable_by_others_is_ignored(cache_dir, tmp_path, monkeypatch):
    rules = _copy_rules(tmp_path)
    _engine(rules)
    (pickled,) = cache_dir.glob("compiled-*.pickle")
    pickled.chmod(0o666)
    key = pickled.name[len("compiled-"):-len(".pickle")]
    assert cache.load(key) is None


def test_cache_can_be_turned_off(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("HSENGINE_NO_CACHE", "1")
    _engine(_copy_rules(tmp_path))
    assert not cache_dir.exists()


def test_bundled_lexicon_path_is_part_of_the_key(cache_dir):
    a = cache.fingerprint([BUNDLED_LEXICON / "classes.yaml"], extra="a")
    b = cache.fingerprint([BUNDLED_LEXICON / "classes.yaml"], extra="b")
    assert a != b


@pytest.mark.slow  # rebuilds the compiled sets
def test_a_malformed_pickle_is_rebuilt_not_fatal(cache_dir, tmp_path):
    """A file that unpickles fine but holds something else (or garbage) is discarded."""
    import pickle

    rules = _copy_rules(tmp_path)
    _engine(rules)
    (pickled,) = cache_dir.glob("compiled-*.pickle")
    for junk in (pickle.dumps(("not", "a", "compiled set")), pickle.dumps(None), b"\x80\x05garbage"):
        pickled.write_bytes(junk)
        pickled.chmod(0o600)
        engine = _engine(rules)
        assert not engine.compiled_from_cache
        assert engine.analyze("Все эти китайцы — вонючие тараканы.").flagged
    # and the rebuilt set is what the next engine loads
    assert _engine(rules).compiled_from_cache


def test_every_package_file_is_part_of_the_key():
    """The key is not a hand-kept list: every module and data file of the package is hashed."""
    files = {p.relative_to(cache.package_files.__defaults__[0]).as_posix() for p in cache.package_files()}
    for needed in ("text/normalize.py", "cache.py", "engine/engine.py", "morphology/kazakh.py",
                   "data/kk_words.txt.gz"):
        assert any(f.endswith(needed) for f in files), needed
    assert not any("__pycache__" in f for f in files)


_BUILD_AND_REPORT = """
import json, sys
from hsengine import Engine
e = Engine(lexicon_paths=[sys.argv[1]], rules_paths=[sys.argv[2]])
print(json.dumps({"from_cache": e.compiled_from_cache,
                  "has_marker": "zzqqmarker" in e.lexicon.surface}))
"""


@pytest.mark.slow  # a copy of the package, rebuilt in a fresh interpreter
def test_editing_a_module_rebuilds_the_index(tmp_path):
    """The reproduction of issue #13: a fold added to normalize.py must reach the lexicon index
    on the next start.  A copy of the package is edited; a fresh process must rebuild, and the
    rebuilt index must show the edit (a stale one would not)."""
    import json
    import subprocess
    import sys

    import hsengine

    pkg_root = Path(hsengine.__file__).resolve().parent
    copy = tmp_path / "src"
    shutil.copytree(pkg_root, copy / "hsengine", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("lexicon", "rules"):  # the bundled data beside the package, as in a checkout
        shutil.copytree(pkg_root.parent / name, copy / name)
    config = [str(MINI_LEXICON), str(MINI / "rules")]  # the edit below reaches any lexicon's index
    env = dict(os.environ, PYTHONPATH=str(copy), HSENGINE_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("HSENGINE_NO_CACHE", None)

    def run() -> dict:
        out = subprocess.run([sys.executable, "-c", _BUILD_AND_REPORT, *config], env=env, cwd=tmp_path,
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    assert run() == {"from_cache": False, "has_marker": False}
    assert run() == {"from_cache": True, "has_marker": False}
    # A new fold in normalization: every "китаец" is now read as "zzqqmarker".  The lexicon's
    # spellings go through normalize(), so a fresh index holds the marker; a stale one does not.
    normalize_py = copy / "hsengine" / "text" / "normalize.py"
    source = normalize_py.read_text(encoding="utf-8")
    edited = source.replace(
        "def normalize(text: str) -> NormalizedText:\n",
        "def normalize(text: str) -> NormalizedText:\n"
        "    if text == 'китаец':\n"
        "        return NormalizedText(text, 'zzqqmarker', [0] * 10, [len(text)] * 10)\n", 1)
    assert edited != source
    normalize_py.write_text(edited, encoding="utf-8")
    assert run() == {"from_cache": False, "has_marker": True}


def test_shared_values_keeps_every_value_and_shares_equal_ones():
    from dataclasses import dataclass

    from hsengine.lexicon.loader import Entry

    entry = Entry("e1", "ru", "слово", ("attack",), None, "neutral", "m", "s")
    a, b = "".join(["сло", "во"]), "".join(["сл", "ово"])
    assert a == b and a is not b
    data = {a: ((entry, "lemma"),), b + "x": ((entry, "lemma"),), "s": [frozenset({a}), frozenset({b})],
            "n": (1, 2.5, None, True, b"x")}
    before = repr(data)
    out = cache.shared_values(data)
    assert out is data and repr(out) == before  # the same values, in the same order
    assert out[a] is out[b + "x"] and out[a][0][0] is entry  # equal tuples one object, entries kept
    assert out["s"][0] is out["s"][1]
    assert next(iter(out["s"][0])) is a


def test_shared_values_leaves_the_engine_unchanged(cache_dir):
    built = Engine()  # the compiled set (its values shared) is now on disk
    loaded = Engine()
    assert loaded.compiled_from_cache and not built.compiled_from_cache
    assert loaded.lexicon.surface == built.lexicon.surface and loaded.lexicon.phrases == built.lexicon.phrases
    # the keyboard-spelling tables come with the compiled set: the same as computed afresh
    from hsengine.lexicon.lookup import TokenAnalyzer

    fresh = TokenAnalyzer.build_typed_tables(loaded.lexicon, loaded._vocabulary())
    assert loaded.analyzer.typed_tables() == built.analyzer.typed_tables() == fresh
    for text in ("Все эти китайцы — вонючие тараканы.", "Қытайлар кетсін!", "kitaitsy tarakany", "Дунгане отметили праздник."):
        assert loaded.analyze(text).to_json() == built.analyze(text).to_json()
