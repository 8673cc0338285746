"""Analysis in a pool of worker processes, results in input order.

`Engine.analyze_many(texts, jobs=N)` comes here.  Where the platform can *fork* (Linux, the
BSDs), workers inherit the parent's built Engine with its warm word cache: no start-up per worker
and no word analyzed twice for the cache's sake.  Elsewhere (and with ``START_METHOD = "spawn"``)
each worker builds its own Engine once, from the parent's `lexicon_paths`, `rules_paths` and
`options`.  Either way its results are identical to sequential analysis.  Texts travel in batches; at most ``2 * jobs`` batches are in flight, so memory stays
bounded however long the input is, and the input iterable is consumed lazily.

Nothing is lost when something goes wrong:

- a text the engine cannot analyze already becomes an error result inside the worker
  (`Engine.analyze_safely`);
- a batch that fails as a whole (a worker crashed, a text could not be sent) is retried alone on
  a fresh pool and, if it fails again, message by message, so that only the message that
  fails on its own gets an error result ``AnalysisResult(text, "und", error=...)``;
- if the workers cannot build their Engine at all, the parent analyzes in-process (same
  results, one core) and logs a warning on the ``hsengine.parallel`` logger.

A single batch is analyzed in-process: starting processes costs more than it saves.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections import deque
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .results import AnalysisResult

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Engine

log = logging.getLogger("hsengine.parallel")

IN_FLIGHT_PER_JOB = 2

_ENGINE: Any = None
_INIT_ERROR: str | None = None


class WorkerInitError(RuntimeError):
    """A worker process could not build its Engine."""


def _init_worker(engine_class: type, lexicon_paths: list[str], rules_paths: list[str], options: dict[str, Any]) -> None:
    """Spawned worker: build an Engine of the parent's class (passed in, so that this module
    never imports the engine: the engine imports it)."""
    global _ENGINE, _INIT_ERROR
    try:
        _ENGINE = engine_class(lexicon_paths, rules_paths, **options)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent with every batch
        _INIT_ERROR = f"{type(exc).__name__}: {exc}"


def _adopt_engine(engine: "Engine") -> None:
    """Forked worker: use the Engine inherited from the parent (nothing is rebuilt or pickled)."""
    global _ENGINE
    _ENGINE = engine


# "fork" where it exists: the Engine and its caches are shared copy-on-write with the workers
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _analyze_batch(texts: list[Any], lang: str | None) -> list[AnalysisResult]:
    """Worker side: analyze a batch with the worker's Engine."""
    if _ENGINE is None:
        raise WorkerInitError(_INIT_ERROR or "the worker has no engine")
    return [_ENGINE.analyze_safely(t, lang) for t in texts]


# The function the workers run, looked up at submit time (tests replace it to simulate failures).
_WORKER = _analyze_batch


def _batched(it: Iterator[Any], n: int) -> Iterator[list[Any]]:
    while True:
        batch = list(itertools.islice(it, n))
        if not batch:
            return
        yield batch


def _failed(text: Any, exc: BaseException) -> AnalysisResult:
    shown = text if isinstance(text, str) else ""
    detail = str(exc) or type(exc).__name__
    return AnalysisResult(shown, "und", error=f"worker failed: {type(exc).__name__}: {detail}")


class _Pool:
    """A process pool that can be restarted after a worker dies, or replaced by in-process analysis."""

    def __init__(self, engine: "Engine", jobs: int):
        self.engine = engine
        self.jobs = jobs
        self.executor: ProcessPoolExecutor | None = None
        self.in_process = False
        self.generation = 0  # incremented at each restart: futures of older pools are known dead

    def _start(self) -> ProcessPoolExecutor:
        if self.executor is None:
            e = self.engine
            if START_METHOD == "fork":
                initializer, initargs = _adopt_engine, (e,)
            else:
                initializer = _init_worker
                initargs = (type(e), [str(p) for p in e.lexicon_paths], [str(p) for p in e.rules_paths], dict(e.options))
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context(START_METHOD),
                initializer=initializer,
                initargs=initargs,
            )
        return self.executor

    def restart(self, generation: int) -> None:
        """Replace the pool if it is still the one that broke (`generation`)."""
        if generation != self.generation:
            return
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
        self.generation += 1

    def close(self, wait: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None

    def local(self, batch: list[Any], lang: str | None) -> list[AnalysisResult]:
        return [self.engine.analyze_safely(t, lang) for t in batch]

    def submit(self, batch: list[Any], lang: str | None) -> tuple[Future, int]:
        generation = self.generation
        if self.in_process:
            fut: Future = Future()
            fut.set_result(self.local(batch, lang))
            return fut, generation
        try:
            return self._start().submit(_WORKER, batch, lang), generation
        except BrokenProcessPool as exc:  # the pool died between two submissions
            fut = Future()
            fut.set_exception(exc)
            return fut, generation

    def _wait(self, batch: list[Any], lang: str | None) -> list[AnalysisResult]:
        fut, generation = self.submit(batch, lang)
        return self._result(batch, fut, generation)

    def _result(self, batch: list[Any], fut: Future, generation: int) -> list[AnalysisResult]:
        try:
            results = fut.result()
        except BrokenProcessPool:
            self.restart(generation)
            raise
        if not isinstance(results, list) or len(results) != len(batch):
            raise RuntimeError("a worker returned a wrong number of results")
        return results

    def collect(self, batch: list[Any], fut: Future, generation: int, lang: str | None) -> list[AnalysisResult]:
        """The results of a submitted batch; a failed batch is retried until each bad message is isolated."""
        try:
            return self._result(batch, fut, generation)
        except WorkerInitError as exc:
            self._go_local(exc)
            return self.local(batch, lang)
        except (BrokenProcessPool, CancelledError):
            pass  # every batch in flight fails with the pool: this one may be innocent, run it again
        except Exception:  # noqa: BLE001 - e.g. a text that cannot be sent to a worker
            return self._one_by_one(batch, lang)
        try:
            return self._wait(batch, lang)
        except WorkerInitError as exc:
            self._go_local(exc)
            return self.local(batch, lang)
        except Exception:  # noqa: BLE001 - it fails again: find the message(s) responsible
            return self._one_by_one(batch, lang)

    def _one_by_one(self, batch: list[Any], lang: str | None) -> list[AnalysisResult]:
        out: list[AnalysisResult] = []
        for text in batch:
            if self.in_process:
                out.append(self.engine.analyze_safely(text, lang))
                continue
            try:
                out.append(self._wait([text], lang)[0])
            except WorkerInitError as exc:
                self._go_local(exc)
                out.append(self.engine.analyze_safely(text, lang))
            except Exception as exc:  # noqa: BLE001
                out.append(_failed(text, exc))
        return out

    def _go_local(self, exc: BaseException) -> None:
        if not self.in_process:
            log.warning("worker processes cannot build the engine (%s); analyzing in this process instead", exc)
            self.in_process = True
            self.close()


def analyze_parallel(engine: "Engine", texts: Iterable[Any], lang: str | None = None, *, jobs: int,
                     batch_size: int = 256) -> Iterator[AnalysisResult]:
    """Analyze `texts` in `jobs` worker processes; yield one result per text, in input order."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batches = _batched(iter(texts), batch_size)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None or jobs <= 1:
        for batch in itertools.chain([first], [second] if second is not None else [], batches):
            for text in batch:
                yield engine.analyze_safely(text, lang)
        return
    pool = _Pool(engine, jobs)
    source = itertools.chain([first, second], batches)
    limit = max(2, IN_FLIGHT_PER_JOB * jobs)
    pending: deque[tuple[list[Any], Future, int]] = deque()

    def fill() -> None:
        while len(pending) < limit:
            batch = next(source, None)
            if batch is None:
                return
            pending.append((batch, *pool.submit(batch, lang)))

    finished = False
    try:
        fill()
        while pending:
            batch, fut, generation = pending.popleft()
            results = pool.collect(batch, fut, generation, lang)
            fill()
            yield from results
        finished = True
    finally:
        pool.close(wait=finished)


__all__ = ["analyze_parallel", "WorkerInitError"]
