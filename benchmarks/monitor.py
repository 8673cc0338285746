"""Throughput on what monitors actually read: messages that all name a group (issue #14).

    PYTHONPATH=. python -m benchmarks.monitor                 # every figure, ~5 minutes on 2 cores
    PYTHONPATH=. python -m benchmarks.monitor --quick         # smaller sets, no --jobs run
    PYTHONPATH=. python -m benchmarks.monitor --json out.json

Sets: the RuEthnoHate dev comments when ../shared/data/ruethnohate/RuEthnoHate_dev.jsonl exists
(unique texts; read, never copied into the repository), and the synthetic monitor corpus
(benchmarks/monitor_corpus.py, seeded) that CI can always run.

For each set, one core, each measurement in a fresh child process (what a volunteer's run pays):

* cold: a fresh process with the compiled-set cache on disk (`~/.cache/hsengine`), `Engine()`,
  one pass of `Engine.analyze` over the set.  msg/s is over the pass (the Engine build is shown
  apart); CPU time of the pass is printed too, since other processes share the cores;
* warm: the best of three further passes with the same Engine;
* keyword: one regex alternation of group names and slurs (`corpus.GROUP_KEYWORDS`) searched in
  every message of the set, in the same child; and the ratio engine / keyword (warm, cold);

and once:

* first-ever build: `Engine()` in a fresh process with the disk cache off (HSENGINE_NO_CACHE=1);
* `--jobs 2` on 20,000 monitor messages against one process (fresh child processes each, Engine
  build included, as `benchmarks.bench` measures it);
* peak RSS of a child that builds the Engine and analyzes the 20,000 messages;
* CLI cold start: `python -m hsengine check текст`, median of 9 runs.

The load average (1/5/15 min) is printed before and after every measurement: other processes on
the machine slow every figure down.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import regex

from . import bench
from .corpus import GROUP_KEYWORDS

ROOT = Path(__file__).resolve().parent.parent
RUETHNOHATE = ROOT.parent / "shared" / "data" / "ruethnohate" / "RuEthnoHate_dev.jsonl"
TARGETS = {"warm_msg_s": 5000, "cold_msg_s": 2500, "jobs_speedup": 1.7, "peak_mb": 250, "cli_s": 0.5}


def ruethnohate_texts(path: Path = RUETHNOHATE) -> list[str]:
    """Unique texts of the dev file (one text appears once per group it names)."""
    seen: dict[str, None] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                seen.setdefault(json.loads(line)["text"], None)
    return list(seen)


def keyword_pattern() -> regex.Pattern[str]:
    return regex.compile("|".join(sorted(map(regex.escape, GROUP_KEYWORDS), key=len, reverse=True)), regex.I)


def _passes(texts: list[str], warm_runs: int) -> dict:
    """In a fresh process: build, one cold pass, warm passes, the keyword pass."""
    t0 = time.perf_counter()
    engine = bench.make_engine()
    build = time.perf_counter() - t0
    out = {"build_s": build, "from_disk_cache": engine.compiled_from_cache, "n": len(texts),
           "chars": sum(map(len, texts))}
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    flagged = sum(engine.analyze(t).flagged for t in texts)
    out.update(cold_s=time.perf_counter() - t0, cold_cpu_s=time.process_time() - c0, flagged=flagged)
    warm = []
    for _ in range(warm_runs):
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        for t in texts:
            engine.analyze(t)
        warm.append((time.perf_counter() - t0, time.process_time() - c0))
    out["warm_s"], out["warm_cpu_s"] = min(warm)
    keyword = keyword_pattern()
    kw = []
    for _ in range(3):
        c0, t0 = time.process_time(), time.perf_counter()
        hits = sum(keyword.search(t) is not None for t in texts)
        kw.append((time.perf_counter() - t0, time.process_time() - c0))
    out["keyword_s"], out["keyword_cpu_s"] = min(kw)
    out["keyword_flagged"] = hits
    out["peak_mb"] = bench.peak_rss_mb()
    return out


def _child(mode: str, texts_file: str | None, extra: list[str] | None = None, env: dict | None = None) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.monitor", "--child", mode]
    if texts_file:
        cmd += ["--texts", texts_file]
    cmd += extra or []
    full_env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), **(env or {}))
    load0 = bench._loadavg()
    p = subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=1800)
    if p.returncode != 0:
        raise RuntimeError(f"child {mode} failed:\n{p.stderr[-3000:]}")
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["load"] = [load0, bench._loadavg()]
    return out


def run_child(args: argparse.Namespace) -> None:
    if args.child == "passes":
        print(json.dumps(_passes(bench.read_texts(args.texts), args.warm_runs)))
    elif args.child == "build":
        t0 = time.perf_counter()
        engine = bench.make_engine()
        print(json.dumps({"build_s": time.perf_counter() - t0, "from_disk_cache": engine.compiled_from_cache}))
    else:
        raise SystemExit(f"unknown child mode {args.child}")


def _load(pair) -> str:
    a, b = pair
    show = lambda x: "/".join(f"{v:.2f}" for v in x) if x else "?"  # noqa: E731
    return f"{show(a)} → {show(b)}"


def report(r: dict) -> str:
    m = r["machine"]
    lines = [f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['implementation']} "
             f"{m['python']}; load average at start {m['loadavg_start']}, at end {r['loadavg_end']}",
             f"commit: {r.get('commit', '?')}", ""]
    lines.append("| set | messages | mean chars | cold msg/s (CPU) | warm msg/s (CPU) | keyword msg/s (CPU) "
                 "| engine / keyword warm, cold | flagged (keyword) | build s | load before → after |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for name, s in r["sets"].items():
        n = s["n"]
        cold, warm, kw = n / s["cold_s"], n / s["warm_s"], n / s["keyword_s"]
        lines.append(
            f"| {name} | {n:,} | {s['chars'] / n:.0f} | {cold:,.0f} ({n / s['cold_cpu_s']:,.0f}) "
            f"| {warm:,.0f} ({n / s['warm_cpu_s']:,.0f}) | {kw:,.0f} ({n / s['keyword_cpu_s']:,.0f}) "
            f"| {warm / kw:.3f}, {cold / kw:.3f} | {s['flagged']:,} ({s['keyword_flagged']:,}) "
            f"| {s['build_s']:.2f}{'' if s['from_disk_cache'] else ' (no cache)'} | {_load(s['load'])} |")
    lines.append("")
    if "first_build" in r:
        fb = r["first_build"]
        lines.append(f"first-ever build (HSENGINE_NO_CACHE=1, fresh process): Engine() {fb['build_s']:.2f} s "
                     f"(load {_load(fb['load'])})")
    if "jobs" in r:
        j = r["jobs"]
        lines.append(f"--jobs {j['jobs']} on {j['n']:,} monitor messages: one process {j['one_s']:.2f} s, "
                     f"{j['jobs']} workers {j['many_s']:.2f} s → speed-up {j['speedup']:.2f}× "
                     f"(load {_load(j['load'])}; each in a fresh process, Engine build included)")
    if "memory" in r:
        mm = r["memory"]
        lines.append(f"peak RSS over {mm['n']:,} monitor messages: {mm['peak_mb']:.0f} MB "
                     f"(after build {mm['after_build_mb']:.0f} MB; load {_load(mm['load'])})")
    if "cli" in r:
        c = r["cli"]
        lines.append(f"CLI cold start ({c['command']}): median {c['median_s']:.3f} s, min {c['min_s']:.3f} s "
                     f"over {c['runs']} runs; bare python {c['python_startup_s']:.3f} s (load {_load(c['load'])})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1,000 synthetic messages, no --jobs/RSS/CLI runs")
    ap.add_argument("--size", type=int, default=3000, help="synthetic messages in the one-core sets")
    ap.add_argument("--jobs-size", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--warm-runs", type=int, default=3)
    ap.add_argument("--no-ruethnohate", action="store_true")
    ap.add_argument("--ruethnohate", type=Path, default=RUETHNOHATE, help="the RuEthnoHate dev file")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child")
    ap.add_argument("--texts")
    args = ap.parse_args(argv)
    if args.child:
        run_child(args)
        return 0
    from .monitor_corpus import generate

    r: dict = {"machine": bench.machine(), "sets": {}}
    try:
        r["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip()
    except OSError:
        pass
    size = 1000 if args.quick else args.size
    sets: dict[str, list[str]] = {}
    if not args.no_ruethnohate and args.ruethnohate.exists():
        sets["RuEthnoHate dev (unique texts)"] = ruethnohate_texts(args.ruethnohate)
    sets[f"synthetic monitor corpus (seed {args.seed})"] = [m.text for m in generate(size, args.seed)]
    files = []
    for name, texts in sets.items():
        f = bench.write_texts(texts)
        files.append(f)
        r["sets"][name] = _child("passes", f, ["--warm-runs", str(args.warm_runs)])
        print(f"{name}: done", file=sys.stderr)
    r["first_build"] = _child("build", None, env={"HSENGINE_NO_CACHE": "1"})
    if not args.quick:
        texts = [m.text for m in generate(args.jobs_size, args.seed + 1)]
        f = bench.write_texts(texts)
        files.append(f)
        ns = argparse.Namespace(jobs=1)
        load0 = bench._loadavg()
        one = bench.child("parallel", ns, f, ["--jobs", "1"])
        many = bench.child("parallel", ns, f, ["--jobs", str(args.jobs)])
        r["jobs"] = {"jobs": args.jobs, "n": len(texts), "one_s": one["seconds"], "many_s": many["seconds"],
                     "speedup": one["seconds"] / many["seconds"], "impl": many["impl"],
                     "load": [load0, bench._loadavg()]}
        load0 = bench._loadavg()
        mem = bench.child("memory", ns, f)
        r["memory"] = {"n": len(texts), **mem, "load": [load0, bench._loadavg()]}
        load0 = bench._loadavg()
        r["cli"] = {**bench.cli_cold_start(9), "load": [load0, bench._loadavg()]}
    for f in files:
        os.unlink(f)
    r["loadavg_end"] = bench._loadavg()
    print(report(r))
    if args.json:
        args.json.write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
