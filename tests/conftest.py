"""Shared fixtures: one bundled Engine per test process (building it costs ~0.3 s)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Compiled sets go to a cache of the test run's own, never the user's.
os.environ.setdefault("HSENGINE_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"hsengine-test-cache-{os.getuid()}"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

settings.register_profile("ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", deadline=None, max_examples=20_000, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
