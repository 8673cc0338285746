"""analyze_parallel: input order, identity with sequential analysis, bounded look-ahead, and
failures isolated to the message that causes them (never a lost batch)."""

from __future__ import annotations

import logging
import os
import random
from pathlib import Path

import pytest

from hsengine.engine import parallel
from hsengine.engine.parallel import _analyze_batch, analyze_parallel
from hsengine.engine.results import AnalysisResult

SENTENCES = [
    "Все эти китайцы — вонючие тараканы.",
    "Дунгане отметили праздник в Алматы.",
    "Китайцев надо выгнать из страны.",
    "Китайцев не надо выгонять.",
    "Сегодня в Алматы солнечно, мы гуляли в парке.",
    "Қытайлар мен қазақтар бірге жұмыс істейді.",
    "Бүгін ауа райы жақсы.",
    "ж1ды и к и т а й ц ы опять всё скупили",
    "",
]


def texts(n: int, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(SENTENCES)} {i}" for i in range(n)]


# -- workers the tests substitute (module-level, so spawned workers can import them) ------------------
def crashing_worker(batch, lang):
    """A worker that dies (like a segfault) on any batch holding the word CRASH."""
    if any(isinstance(t, str) and "CRASH" in t for t in batch):
        os._exit(13)
    return _analyze_batch(batch, lang)


def raising_worker(batch, lang):
    """A worker that raises on any batch holding the word BOOM (an exception escaping the engine)."""
    if any(isinstance(t, str) and "BOOM" in t for t in batch):
        raise MemoryError("simulated failure")
    return _analyze_batch(batch, lang)


class Unpicklable(str):
    """A text that cannot be sent to a worker process."""

    def __reduce__(self):
        raise TypeError("this text cannot be pickled")


# -----------------------------------------------------------------------------------------------------
def test_order_identity_laziness_and_bad_texts(engine):
    """One pool run (starting workers is the slow part): results in input order, identical to
    sequential analysis, the input read lazily, and texts that cannot be analyzed or even sent to
    a worker turned into error results in their place."""
    items: list = texts(1500)
    items[7] = None
    items[150] = 12345
    items[420] = Unpicklable("Все эти китайцы — вонючие тараканы.")
    bad = {7, 150, 420}
    pulled = 0

    def source():
        nonlocal pulled
        for t in items:
            pulled += 1
            yield t

    jobs, batch = 2, 40
    results = engine.analyze_many(source(), "ru", jobs=jobs, batch_size=batch)  # Engine -> analyze_parallel
    first = next(results)
    assert isinstance(first, AnalysisResult) and first.text == items[0]
    # at most the batches in flight plus the one being collected have been read
    assert pulled <= (parallel.IN_FLIGHT_PER_JOB * jobs + 2) * batch
    got = [first, *results]
    assert pulled == len(items) and len(got) == len(items)
    assert [r.text for i, r in enumerate(got) if i not in bad] == [t for i, t in enumerate(items) if i not in bad]
    for i in bad:
        assert got[i].error and got[i].lang == "und" and not got[i].flagged
    assert "worker failed" in got[420].error and got[420].text == items[420]
    good = [i for i in range(len(items)) if i not in bad]
    assert [got[i] for i in good] == [engine.analyze_safely(items[i], "ru") for i in good]
    assert any(got[i].flagged for i in good) and not all(got[i].flagged for i in good)


def test_small_and_empty_inputs_stay_in_process(engine, monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a pool was started for a single batch")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert list(analyze_parallel(engine, [], jobs=2)) == []
    items = texts(10)
    assert list(analyze_parallel(engine, items, jobs=4, batch_size=256)) == [engine.analyze_safely(t) for t in items]


def test_an_exception_in_a_worker_fails_only_its_message(engine, monkeypatch):
    monkeypatch.setattr(parallel, "_WORKER", raising_worker)
    items = texts(90, seed=6)
    items[33] = "BOOM " + items[33]
    got = list(analyze_parallel(engine, items, jobs=2, batch_size=10))
    assert len(got) == 90
    assert got[33].error and "MemoryError" in got[33].error and got[33].text == items[33]
    others = [i for i in range(90) if i != 33]
    assert [got[i] for i in others] == [engine.analyze_safely(items[i]) for i in others]


@pytest.mark.slow
def test_a_crashing_worker_fails_only_its_message(engine, monkeypatch):
    monkeypatch.setattr(parallel, "_WORKER", crashing_worker)
    items = texts(24, seed=7)
    items[10] = "CRASH " + items[10]
    got = list(analyze_parallel(engine, items, jobs=2, batch_size=4))
    assert len(got) == 24
    assert got[10].error and "BrokenProcessPool" in got[10].error and got[10].lang == "und"
    others = [i for i in range(24) if i != 10]
    assert [got[i] for i in others] == [engine.analyze_safely(items[i]) for i in others]


def failing_adopt(engine):
    """A forked worker whose engine is unusable (as if building it had failed)."""
    parallel._INIT_ERROR = "simulated: the engine could not be built"


def test_forked_workers_without_an_engine_fall_back_to_this_process(engine, caplog, monkeypatch):
    if parallel.START_METHOD != "fork":
        pytest.skip("this platform cannot fork")
    monkeypatch.setattr(parallel, "_adopt_engine", failing_adopt)
    items = texts(100, seed=9)
    with caplog.at_level(logging.WARNING, logger="hsengine.engine.parallel"):
        got = list(analyze_parallel(engine, items, jobs=2, batch_size=20))
    assert got == [engine.analyze_safely(t) for t in items]
    assert any("analyzing in this process" in r.getMessage() for r in caplog.records)


@pytest.mark.slow  # a process pool
def test_workers_that_cannot_build_an_engine_fall_back_to_this_process(engine, caplog, tmp_path, monkeypatch):
    import copy

    monkeypatch.setattr(parallel, "START_METHOD", "spawn")  # spawned workers build their own Engine

    local = copy.copy(engine)  # the pool reads only the paths and options of the engine it is given
    local.rules_paths = [Path(tmp_path / "gone")]  # the workers will fail to load rules from here
    items = texts(100, seed=8)
    with caplog.at_level(logging.WARNING, logger="hsengine.engine.parallel"):
        got = list(analyze_parallel(local, items, jobs=2, batch_size=20))
    assert got == [engine.analyze_safely(t) for t in items]
    assert any("analyzing in this process" in r.getMessage() for r in caplog.records)


def test_batch_size_must_be_positive(engine):
    with pytest.raises(ValueError):
        list(analyze_parallel(engine, ["a"], jobs=2, batch_size=0))
