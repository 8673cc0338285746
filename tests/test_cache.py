"""The compiled-set cache: used when nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import hsengine.engine as engine_module
from hsengine import BUNDLED_LEXICON, BUNDLED_RULES, Engine
from hsengine import cache


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("HSENGINE_CACHE_DIR", str(d))
    monkeypatch.delenv("HSENGINE_NO_CACHE", raising=False)
    return d


def _copy_rules(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES, dst)
    return dst


def test_second_engine_loads_the_compiled_sets(cache_dir, tmp_path, monkeypatch):
    rules = _copy_rules(tmp_path)
    first = Engine(rules_paths=[rules])
    assert list(cache_dir.glob("compiled-*.pickle"))

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was read again although nothing changed")

    monkeypatch.setattr(engine_module, "read_lexicon", no_yaml)
    second = Engine(rules_paths=[rules])
    text = "Все эти китайцы — вонючие тараканы."
    assert second.analyze(text).to_json() == first.analyze(text).to_json()


def test_any_change_to_a_file_rebuilds(cache_dir, tmp_path):
    rules = _copy_rules(tmp_path)
    Engine(rules_paths=[rules])
    target = next(rules.rglob("dehumanization.yaml"))
    target.write_text(target.read_text(encoding="utf-8").replace("severity: high", "severity: medium"), encoding="utf-8")
    engine = Engine(rules_paths=[rules])
    assert engine.rule("xenophobia.dehumanization").severity == "medium"
    assert len(list(cache_dir.glob("compiled-*.pickle"))) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_writable_by_others_is_ignored(cache_dir, tmp_path, monkeypatch):
    rules = _copy_rules(tmp_path)
    Engine(rules_paths=[rules])
    (pickled,) = cache_dir.glob("compiled-*.pickle")
    pickled.chmod(0o666)
    key = pickled.name[len("compiled-"):-len(".pickle")]
    assert cache.load(key) is None


def test_cache_can_be_turned_off(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("HSENGINE_NO_CACHE", "1")
    Engine(rules_paths=[_copy_rules(tmp_path)])
    assert not cache_dir.exists()


def test_bundled_lexicon_path_is_part_of_the_key(cache_dir):
    a = cache.fingerprint([BUNDLED_LEXICON / "classes.yaml"], extra="a")
    b = cache.fingerprint([BUNDLED_LEXICON / "classes.yaml"], extra="b")
    assert a != b
