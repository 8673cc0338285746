"""Throughput with and without the evasion steps (de-obfuscation, typo matching).

    PYTHONPATH=. python -m benchmarks.evasion_cost [--size N] [--seed S]

One process, CPU time; the process-wide morphology caches are cleared before each engine so
every "cold" pass starts equally cold.  Figures: docs/performance.md.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.bench import clear_global_caches
from benchmarks.corpus import generate
from hsengine import Engine

CONFIGS = ({}, {"deobfuscate": False}, {"fuzzy": False}, {"fuzzy": False, "deobfuscate": False})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    texts = [m.text for m in generate(args.size, seed=args.seed)]
    print(f"{'engine':45s} {'cold msg/s':>11s} {'warm msg/s':>11s} {'flagged':>8s}")
    for options in CONFIGS:
        clear_global_caches()
        engine = Engine(**options)
        t = time.process_time()
        results = [engine.analyze(x) for x in texts]
        cold = time.process_time() - t
        t = time.process_time()
        for x in texts:
            engine.analyze(x)
        warm = time.process_time() - t
        name = "default (both on)" if not options else ", ".join(f"{k}={v}" for k, v in options.items())
        print(f"{name:45s} {len(texts) / cold:11,.0f} {len(texts) / warm:11,.0f} {sum(r.flagged for r in results):8d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
