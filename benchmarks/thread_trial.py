"""Threads sharing one cold Engine (issue #14): the same texts on 1 and on 8 threads.

    PYTHONPATH=. python -m benchmarks.thread_trial             # 80 monitor messages, ~10 s
    PYTHONPATH=. python -m benchmarks.thread_trial --size 400

Each run is a fresh process with a fresh Engine (the compiled-set cache on disk, as a volunteer's
second run has it; one unmeasured run first makes sure the cache exists).  Threads alternate
forward and backward through the texts, so they meet new words at the same time.  Printed: wall
and CPU seconds of the analysis, the load average around it, and whether every thread's results
equal the single thread's (a digest of the JSON results).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(size: int, threads: int) -> dict:
    from hsengine import Engine

    from .monitor_corpus import generate

    texts = [m.text for m in generate(size, 5)]
    load0 = os.getloadavg()
    engine = Engine()
    out: dict[int, list[str]] = {}

    def work(k: int) -> None:
        order = texts if k % 2 == 0 else texts[::-1]
        results = [engine.analyze(t).to_json() for t in order]
        out[k] = results if k % 2 == 0 else results[::-1]

    c0, t0 = time.process_time(), time.perf_counter()
    pool = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    digests = sorted({hashlib.sha256("\n".join(v).encode()).hexdigest()[:16] for v in out.values()})
    return {"threads": threads, "texts": size, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "digests": digests, "load": [load0, os.getloadavg()]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=80)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--child", type=int)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run(args.size, args.child)))
        return 0
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    results = []
    for threads in (1, 1, args.threads):  # the first run only makes sure the disk caches exist
        p = subprocess.run([sys.executable, "-m", "benchmarks.thread_trial", "--size", str(args.size),
                            "--child", str(threads)], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(p.stdout.strip().splitlines()[-1]))
    one, many = results[1], results[2]
    for r in (one, many):
        print(f"{r['threads']} thread(s) x {r['texts']} texts, fresh Engine: wall {r['wall_s']:.2f} s, "
              f"CPU {r['cpu_s']:.2f} s (load {r['load'][0][0]:.2f} -> {r['load'][1][0]:.2f})")
    same = many["digests"] == one["digests"] and len(one["digests"]) == 1
    print(f"every thread's results equal the single thread's: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
