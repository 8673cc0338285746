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

Workers never outlive the run:

- each worker dies with its parent (Linux: the kernel sends it SIGKILL when the parent dies,
  whatever killed the parent; elsewhere a watch thread notices the parent is gone);
- when the run ends early (an exception, SIGTERM turned into an exception by the command line,
  a consumer that stops reading), the workers are killed, not waited for;
- a watchdog: every worker beats a shared clock twice a second from a thread of its own; a worker
  whose beat stops for ``STALL_SECONDS`` (stopped by SIGSTOP, frozen, swapped out) is killed, and
  its batch is retried on a fresh pool like any batch whose worker died (then, if it fails again,
  message by message, so that only a message that fails on its own gets an error row).
  ``HSENGINE_STALL_SECONDS`` sets the limit (default 30).  A parent that was itself stopped (the
  whole job suspended with Ctrl-Z) gives its workers the full limit again after it resumes.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .results import AnalysisResult

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Engine

log = logging.getLogger("hsengine.parallel")

IN_FLIGHT_PER_JOB = 2
STALL_SECONDS = 30.0  # a worker whose heartbeat stops this long is killed (HSENGINE_STALL_SECONDS)
POLL_SECONDS = 0.5  # how often the parent looks at the heartbeats while it waits

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
    """Forked worker: use the Engine inherited from the parent (nothing is rebuilt or pickled).

    Everything inherited is frozen out of the cyclic collector (`gc.freeze`): the worker's full
    collections then walk only what it allocates itself, not the compiled set and the rest of the
    parent's heap again and again (a cold pass spent ~4% of its CPU in the collector), and they no
    longer write to every inherited object, which copied the pages shared with the parent.  The
    worker only analyzes batches: nothing it inherits becomes its garbage."""
    global _ENGINE
    import gc

    gc.freeze()
    _ENGINE = engine


def _stall_seconds() -> float:
    try:
        return max(0.5, float(os.environ.get("HSENGINE_STALL_SECONDS", STALL_SECONDS)))
    except ValueError:
        return STALL_SECONDS


def _die_with_parent(parent: int) -> None:
    """Linux: ask the kernel to SIGKILL this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _heartbeat(beats: Any, slot: int, parent: int, interval: float) -> None:
    """Beat the shared clock; leave as soon as the parent is gone (where no kernel does it)."""
    while True:
        beats[2 * slot + 1] = time.monotonic()
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(interval)


def _worker_start(parent: int, beats: Any, slots: Any, interval: float, initializer: Callable[..., None],
                  initargs: tuple) -> None:
    """Every worker: signals to the parent only, death with the parent, a heartbeat, then the
    engine (`initializer`)."""
    # A forked worker inherits the command line's handlers: SIGTERM must simply end it, and Ctrl-C
    # (sent to the whole process group) is for the parent, which then ends the workers itself.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    with slots:  # never the clock's lock: a worker stopped while holding it would freeze the parent
        slot = next((i for i in range(len(beats) // 2) if beats[2 * i] == 0), None)
        if slot is not None:
            beats[2 * slot] = os.getpid()
            beats[2 * slot + 1] = time.monotonic()
    if slot is not None:
        threading.Thread(target=_heartbeat, args=(beats, slot, parent, interval), daemon=True,
                         name="hsengine-heartbeat").start()
    initializer(*initargs)


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
        self.stall = _stall_seconds()
        self.beats: Any = None  # (pid, last beat) per worker of the current executor
        self._last_poll = time.monotonic()
        self._awake_since = self._last_poll  # when this process last resumed after being stopped

    def _start(self) -> ProcessPoolExecutor:
        if self.executor is None:
            e = self.engine
            if START_METHOD == "fork":
                initializer, initargs = _adopt_engine, (e,)
            else:
                initializer = _init_worker
                initargs = (type(e), [str(p) for p in e.lexicon_paths], [str(p) for p in e.rules_paths], dict(e.options))
            context = multiprocessing.get_context(START_METHOD)
            # Without a lock: the parent reads it while a worker may be stopped at any instruction.
            self.beats = context.RawArray("d", 2 * self.jobs)
            self._awake_since = time.monotonic()
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=context,
                initializer=_worker_start,
                initargs=(os.getpid(), self.beats, context.Lock(), min(0.5, self.stall / 4), initializer, initargs),
            )
        return self.executor

    def _await(self, fut: Future) -> Any:
        """The future's result, looking at the workers' heartbeats while waiting."""
        while True:
            try:
                return fut.result(timeout=POLL_SECONDS)
            except TimeoutError:
                if fut.done():
                    raise  # the worker's own TimeoutError, not the wait's
                self._watchdog()

    def _watchdog(self) -> None:
        """Kill every worker whose heartbeat stopped; the pool then breaks and its batches are retried."""
        now = time.monotonic()
        if now - self._last_poll > POLL_SECONDS + self.stall / 2:
            self._awake_since = now  # this process was stopped too: the beats are stale for that reason
        self._last_poll = now
        beats = self.beats
        if beats is None or self.executor is None:
            return
        for i in range(len(beats) // 2):
            pid, beat = int(beats[2 * i]), beats[2 * i + 1]
            if pid and now - max(beat, self._awake_since) > self.stall:
                log.warning("worker process %d has not responded for %.0f s (stopped or frozen); killing it and "
                            "retrying its messages", pid, now - beat)
                beats[2 * i] = 0
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def _kill_workers(self) -> None:
        """End the workers now (SIGKILL also ends a stopped one), without waiting for their batches."""
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            try:
                process.kill()
            except (OSError, AttributeError, ValueError):
                pass

    def restart(self, generation: int) -> None:
        """Replace the pool if it is still the one that broke (`generation`)."""
        if generation != self.generation:
            return
        if self.executor is not None:
            self._kill_workers()  # what is left of a broken pool
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
        self.generation += 1

    def close(self, wait: bool = True) -> None:
        """Shut the pool down; `wait=False` (the run ended early) kills the workers first."""
        if self.executor is not None:
            if not wait:
                self._kill_workers()
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
            results = self._await(fut)
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
