"""Issue #15: signals.  Workers never outlive their parent (a pipe downstream ends), a stopped worker
is found by the watchdog and its batch retried, and SIGTERM leaves no temporary output file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc to find the workers"),
              pytest.mark.slow]  # hsengine processes and their worker pools, killed and waited for


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import generate

    path = tmp_path_factory.mktemp("signals") / "messages.txt"
    path.write_text("\n".join(m.text.replace("\n", " ") for m in generate(6000, 5)) + "\n", encoding="utf-8")
    return path


def _start(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:
    full = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "hsengine", "check", *args], env=full, **kw)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(proc: subprocess.Popen, n: int = 2, timeout: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= n:
            return kids
        time.sleep(0.05)
    raise AssertionError("the workers did not start")


def _read_lines(stream, n: int) -> None:
    for _ in range(n):
        assert stream.readline(), "the run ended too early"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_die_with_their_parent_and_the_pipe_ends(messages, sig):
    """`hsengine check --jobs 2 | wc -l` must end when the parent is killed, whatever killed it:
    SIGTERM is cleaned up by the parent, SIGKILL by the kernel (the workers' parent-death signal)."""
    proc = _start("--input", str(messages), "--jobs", "2", "--format", "jsonl", "--quiet",
                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        workers = _wait_for_workers(proc)
        _read_lines(proc.stdout, 300)  # the workers are busy
        os.kill(proc.pid, sig)
        t0 = time.monotonic()
        proc.stdout.read()  # EOF only once every process holding the pipe is gone
        assert time.monotonic() - t0 < 30
        proc.wait(timeout=30)
        assert proc.returncode == -sig if sig == signal.SIGKILL else proc.returncode == 128 + sig
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_with_output_leaves_no_temporary_file(messages, tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    proc = _start("--input", str(messages), "--jobs", jobs, "--quiet", "--output", str(out),
                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if jobs == "2":
            _wait_for_workers(proc)
        deadline = time.monotonic() + 60
        while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
            assert time.monotonic() < deadline and proc.poll() is None, "no output was being written"
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        assert proc.returncode == 128 + signal.SIGTERM
        assert b"terminated" in proc.stderr.read()
        assert list(tmp_path.iterdir()) == []  # neither the output nor its temporary file
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()


@pytest.mark.slow
def test_a_stopped_worker_is_killed_and_its_batch_retried(messages, tmp_path):
    """SIGSTOP one worker: the watchdog kills it after HSENGINE_STALL_SECONDS, its batch runs
    again on a fresh pool, and the output is byte-identical to a run in one process."""
    lines = messages.read_text(encoding="utf-8").splitlines()[:3000]
    small = tmp_path / "m.txt"
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = subprocess.run([sys.executable, "-m", "hsengine", "check", "--input", str(small), "--format", "jsonl",
                               "--quiet"], env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                              timeout=600).stdout
    proc = _start("--input", str(small), "--jobs", "2", "--format", "jsonl", "--quiet",
                  env={"HSENGINE_STALL_SECONDS": "2"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = threading.Timer(300, proc.kill)  # a run that hangs fails here, not at the suite's timeout
    deadline.start()
    try:
        workers = _wait_for_workers(proc)
        first = proc.stdout.readline()
        os.kill(workers[0], signal.SIGSTOP)
        t0 = time.monotonic()
        rest = proc.stdout.read()  # (not communicate(): it would skip what readline buffered)
        proc.wait(timeout=300)
        err = proc.stderr.read()
        assert proc.returncode in (0, 1), (proc.returncode, err)
        assert first + rest == expected
        assert len((first + rest).splitlines()) == 3000
        assert b"has not responded" in err and str(workers[0]).encode() in err
        assert time.monotonic() - t0 < 120
        assert not _alive(workers[0])
    finally:
        deadline.cancel()
        if proc.poll() is None:
            proc.kill()
        try:
            os.kill(workers[0], signal.SIGKILL)
        except (OSError, UnboundLocalError):
            pass
