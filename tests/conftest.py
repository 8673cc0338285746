"""Shared fixtures: one bundled Engine per test process (building it costs ~0.3 s)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Compiled sets go to a cache of this test run's own, never the user's and never one left by an
# earlier run: a stale index would make every test measure old data.  (xdist workers each make
# their own; a cache dir set from outside, e.g. by a test spawning pytest, is respected.)
if "HSENGINE_CACHE_DIR" not in os.environ:
    _RUN_CACHE = tempfile.mkdtemp(prefix="hsengine-test-cache-")
    os.environ["HSENGINE_CACHE_DIR"] = _RUN_CACHE
    atexit.register(shutil.rmtree, _RUN_CACHE, True)

# A user's own settings (hsengine config ui-lang ru) must not change what the tests see.
os.environ.setdefault("HSENGINE_CONFIG", os.path.join(tempfile.gettempdir(), "hsengine-tests-no-config.toml"))
os.environ.pop("HSENGINE_UI_LANG", None)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

settings.register_profile("ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", deadline=None, max_examples=20_000, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep `xdist_group` marks working: one JVM for the Spark tests, one construction suite build.

    pytest 9.2 keeps a node's id in a structured `_id`; pytest-xdist 3.8 still appends the group to
    the legacy `_nodeid`, so under pytest 9.2 every group is silently split over the workers
    (pytest-xdist#1386) and the suite pays for two JVMs.  Here, after xdist's own hook, a grouped
    item whose id lacks the suffix gets it the way xdist meant; when that cannot be done the run
    stops, as silent splitting is what this guards against."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if not names or item.nodeid.rfind("@") > item.nodeid.rfind("]"):
            continue  # no group, or xdist already named it
        try:
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")
        except (ImportError, AttributeError) as exc:
            raise pytest.UsageError(f"cannot keep xdist_group {names} for {item.nodeid}: {exc}") from exc
        if not item.nodeid.endswith("@" + "_".join(names)):
            raise pytest.UsageError(f"xdist_group {names} did not reach the node id of {item.nodeid}")


@pytest.fixture(scope="session")
def engine():
    from hsengine import Engine

    return Engine()


def span_ok(text: str, result) -> bool:
    """Every evidence span (and cue) of a result equals the slice of the original text."""
    for m in result.matches:
        for e in m.evidence:
            if text[e.start : e.end] != e.text or not 0 <= e.start < e.end <= len(text):
                return False
    for s in result.suppressed:
        for e in (*s.evidence, *( [s.cue] if s.cue else [])):
            if text[e.start : e.end] != e.text:
                return False
    return True
