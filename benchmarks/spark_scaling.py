"""How `hsengine.integrations.spark.analyze_dataframe` scales on a local Spark: throughput on
``local[1]`` and ``local[2]`` over the same messages, the engine start-up in each Python worker,
the memory of each worker, and the Arrow batch size used.

    PYTHONPATH=. .venv/bin/python -m benchmarks.spark_scaling                  # 100,000 messages
    PYTHONPATH=. .venv/bin/python -m benchmarks.spark_scaling --size 20000 --masters 'local[2]'

Needs ``pip install -e '.[spark]'`` and Java.  Method, per master (a fresh SparkContext each):

1. the corpus (``benchmarks.corpus.generate(size, seed)``, written once to Parquet) is read,
   repartitioned into ``--partitions`` parts and cached, so that reading is not timed;
2. the first Python job, one task per core, times in each fresh Python worker the ``import`` of
   hsengine's Spark module and ``get_engine()`` (the Engine build, from the compiled-set cache);
3. the executor check (``check_executor_environment``, what ``analyze_dataframe`` runs once per
   application) is timed on those running workers;
4. the timed pass, wall clock: the analysis of every row, counted (rows and flagged rows) by an
   aggregate so that nothing is collected.  The engines are built, their per-word caches cold;
5. a stats job reads, in every worker it reaches, peak RSS (VmHWM), PSS and CPU time.

During each pass the machine's busy CPU time (/proc/stat) is read as well: what is left after the
Python workers, the JVM and the driver is other processes' CPU, i.e. how much another user's job
took from the cores while this one was measured (0 on a quiet machine).

Also printed: the Engine start-up in a fresh process with the compiled-set cache off (what a node
pays that never built it), and the one-process figure (``analyze_pandas``, the same per-row work as each Spark batch, over the
same texts in a fresh child process: cold caches) is printed for comparison.  Other processes slow every figure: the load average
is printed before and after; compare runs only on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench import _loadavg  # noqa: E402
from benchmarks.bench import machine as bench_machine  # noqa: E402


# ---------------------------------------------------------------------------------------------
# what runs in the Python workers (kept free of heavy imports at module level)
# ---------------------------------------------------------------------------------------------
def _proc_status(name: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024  # kB -> MB
    except OSError:
        pass
    return None


def _pss_mb() -> float | None:
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def startup_task(batches: Iterator) -> Iterator:
    """Time the Engine build in this worker (the first time only: workers are reused)."""
    import resource

    import pandas as pd

    for _ in batches:
        pass
    t0 = time.perf_counter()
    from hsengine.integrations import _ENGINES, get_engine

    cached = bool(_ENGINES)
    t1 = time.perf_counter()
    get_engine()
    t2 = time.perf_counter()
    time.sleep(0.5)  # keep every task busy a moment so that each core's worker takes one
    usage = resource.getrusage(resource.RUSAGE_SELF)
    yield pd.DataFrame({"pid": [os.getpid()], "already_built": [cached], "import_s": [t1 - t0],
                        "build_s": [t2 - t1], "rss_mb": [_proc_status("VmRSS") or 0.0],
                        "cpu_s": [usage.ru_utime + usage.ru_stime]})


def stats_task(batches: Iterator) -> Iterator:
    """Peak memory and CPU of this worker process so far."""
    import resource

    import pandas as pd

    for _ in batches:
        pass
    time.sleep(0.5)  # keep every task busy a moment so that each core's worker takes one
    usage = resource.getrusage(resource.RUSAGE_SELF)
    engines = 0
    if "hsengine.integrations" in sys.modules:
        engines = len(sys.modules["hsengine.integrations"]._ENGINES)
    yield pd.DataFrame({"pid": [os.getpid()], "hwm_mb": [_proc_status("VmHWM") or 0.0],
                        "rss_mb": [_proc_status("VmRSS") or 0.0], "pss_mb": [_pss_mb() or 0.0],
                        "cpu_s": [usage.ru_utime + usage.ru_stime], "engines": [engines]})


# ---------------------------------------------------------------------------------------------
# driver side
# ---------------------------------------------------------------------------------------------
def machine() -> dict:
    """benchmarks.bench's machine description, plus memory and the Spark stack's versions."""
    import subprocess
    from importlib.metadata import version

    info = bench_machine()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["mem_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    for name in ("pyspark", "pandas", "pyarrow", "numpy"):
        try:
            info[name] = version(name)
        except Exception:  # noqa: BLE001
            info[name] = None
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
        info["java"] = (out.stderr or out.stdout).splitlines()[0]
    except Exception:  # noqa: BLE001
        info["java"] = None
    return info


def write_corpus(path: Path, size: int, seed: int) -> tuple[float, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from benchmarks.corpus import generate

    t0 = time.perf_counter()
    texts = [m.text for m in generate(size, seed=seed)]
    table = pa.table({"id": pa.array(range(size), pa.int64()), "text": pa.array(texts, pa.string())})
    pq.write_table(table, path)
    return time.perf_counter() - t0, sum(len(t.split()) for t in texts)


def one_process(path: Path, batch: int) -> dict:
    """The same per-row work without Spark: `analyze_pandas` (Engine.analyze_safely + to_json per
    row) over the same texts in a fresh child process, in batches of `batch`; cold caches."""
    import subprocess

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    out = subprocess.run([sys.executable, "-m", "benchmarks.spark_scaling", "--one-process-child", str(path),
                          "--batch", str(batch)], env=env, capture_output=True, text=True, timeout=3600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _one_process_child(path: Path, batch: int) -> dict:
    import pyarrow.parquet as pq

    pdf = pq.read_table(path).to_pandas()
    t0 = time.perf_counter()
    from hsengine.integrations import get_engine
    from hsengine.integrations.spark import analyze_pandas

    get_engine()
    t1 = time.perf_counter()
    load_before, busy0, own0 = _loadavg(), _busy_cpu_s(), time.process_time()
    flagged = 0
    for start in range(0, len(pdf), batch):
        flagged += int(analyze_pandas(pdf.iloc[start : start + batch], "text")["flagged"].sum())
    t2 = time.perf_counter()
    busy1, own1, load_after = _busy_cpu_s(), time.process_time(), _loadavg()
    return {"start_s": t1 - t0, "pass_s": t2 - t1, "msg_s": len(pdf) / (t2 - t1), "flagged": flagged,
            "hwm_mb": _proc_status("VmHWM"), "cpu_s": own1 - own0, "load_before": load_before,
            "load_after": load_after,
            "other_cpu_s": None if busy0 is None or busy1 is None else busy1 - busy0 - (own1 - own0)}


def build_without_cache() -> dict:
    """Engine start-up in a fresh process with the compiled-set cache off (a node that never built
    it): imports, then Engine()."""
    import subprocess

    code = ("import time; t0 = time.perf_counter(); import hsengine.integrations.spark, pandas, pyarrow; "
            "t1 = time.perf_counter(); from hsengine.integrations import get_engine; get_engine(); "
            "t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")
    env = dict(os.environ, HSENGINE_NO_CACHE="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600, check=True)
    import_s, build_s = map(float, out.stdout.split())
    return {"import_s": import_s, "build_s": build_s}


def _busy_cpu_s() -> float | None:
    """CPU seconds the whole machine spent busy so far (all processes), from /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
        return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process (the JVM), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def run_master(master: str, path: Path, size: int, partitions: int, batch: int | None, driver_memory: str) -> dict:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from hsengine.integrations.spark import analyze_dataframe, check_executor_environment

    cores = int(master[master.index("[") + 1 : master.index("]")]) if "[" in master else 1
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    t0 = time.perf_counter()
    builder = (SparkSession.builder.master(master).appName(f"hsengine-scaling-{master}")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.memory", driver_memory)
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", str(partitions))
               .config("spark.executorEnv.PYTHONPATH", pythonpath))
    if batch:
        builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - t0
    try:
        used_batch = int(spark.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch"))
        reuse = spark.sparkContext.getConf().get("spark.python.worker.reuse", "true (default)")
        df = spark.read.parquet(str(path)).repartition(partitions).cache()
        assert df.count() == size

        t0 = time.perf_counter()  # the first Python job of the application: fresh workers
        startup = (spark.range(0, cores, 1, cores)
                   .mapInPandas(startup_task, "pid long, already_built boolean, import_s double, build_s double, "
                                              "rss_mb double, cpu_s double")
                   .collect())
        startup_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        probes = check_executor_environment(spark)  # what analyze_dataframe runs once per application
        check_s = time.perf_counter() - t0
        out = analyze_dataframe(df, "text")  # the check is remembered: no second probe job

        jvm = getattr(getattr(spark.sparkContext._gateway, "proc", None), "pid", None)
        jvm_cpu0 = _cpu_seconds(jvm) if jvm else None
        load_before, busy0, own0 = _loadavg(), _busy_cpu_s(), time.process_time()
        t0 = time.perf_counter()
        rows_out, flagged = out.agg(F.count("*"), F.sum(F.col("flagged").cast("int"))).first()
        pass_s = time.perf_counter() - t0
        busy1, own1, load_after = _busy_cpu_s(), time.process_time(), _loadavg()
        jvm_cpu1 = _cpu_seconds(jvm) if jvm else None
        assert rows_out == size, (rows_out, size)

        stats = (spark.range(0, cores, 1, cores)
                 .mapInPandas(stats_task, "pid long, hwm_mb double, rss_mb double, pss_mb double, cpu_s double, "
                                          "engines int")
                 .collect())
    finally:
        spark.stop()
    result = {
        "master": master, "cores": cores, "partitions": partitions, "batch": used_batch,
        "worker_reuse": reuse, "session_s": session_s, "check_s": check_s, "startup_job_s": startup_s,
        "check_pids": sorted({p["pid"] for p in probes}),
        "startup": [r.asDict() for r in startup], "pass_s": pass_s, "msg_s": size / pass_s,
        "flagged": flagged, "workers": [r.asDict() for r in stats],
        "jvm_cpu_s": None if jvm_cpu0 is None or jvm_cpu1 is None else jvm_cpu1 - jvm_cpu0,
        "worker_cpu_s": _worker_cpu([r.asDict() for r in startup], [r.asDict() for r in stats]),
        "driver_cpu_s": own1 - own0, "machine_busy_cpu_s": None if busy0 is None or busy1 is None else busy1 - busy0,
        "load_before": load_before, "load_after": load_after,
    }
    parts = (result["jvm_cpu_s"], result["worker_cpu_s"], result["machine_busy_cpu_s"])
    # what other processes (other users' jobs) took from the 2 cores during the pass
    result["other_cpu_s"] = None if None in parts else parts[2] - parts[0] - parts[1] - result["driver_cpu_s"]
    return result


def _worker_cpu(startup: list[dict], stats: list[dict]) -> float | None:
    """CPU the Python workers spent between the start-up job and the stats job (the pass), when the
    same worker processes served both (Spark reuses them)."""
    before = {r["pid"]: r["cpu_s"] for r in startup}
    if not stats or any(r["pid"] not in before for r in stats):
        return None
    return sum(r["cpu_s"] - before[r["pid"]] for r in stats)


def table(results: list[dict], size: int, words: int, base: dict | None) -> str:
    rows = ["| run | msg/s | words/s | speed-up | pass s | CPU s in the pass: Python workers / JVM / other processes "
            "| load before → after | Engine start-up per worker s | executor check s | peak RSS / PSS per worker MB |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    first = results[0]["msg_s"] if results else 1.0
    fmt = lambda x: "–" if x is None else f"{x:.1f}"  # noqa: E731
    for r in results:
        starts = ", ".join(f"{s['import_s'] + s['build_s']:.2f}" for s in r["startup"] if not s["already_built"])
        mem = ", ".join(f"{w['hwm_mb']:.0f} / {w['pss_mb']:.0f}" for w in sorted(r["workers"], key=lambda w: w["pid"]))
        load = f"{r['load_before'][0]:.2f} → {r['load_after'][0]:.2f}" if r["load_before"] else "–"
        rows.append(f"| `{r['master']}`, {r['partitions']} partitions | {r['msg_s']:,.0f} | {words / r['pass_s']:,.0f} "
                    f"| {r['msg_s'] / first:.2f}× | {r['pass_s']:.1f} "
                    f"| {fmt(r['worker_cpu_s'])} / {fmt(r['jvm_cpu_s'])} / {fmt(r['other_cpu_s'])} | {load} "
                    f"| {starts or '(reused)'} | {r['check_s']:.2f} | {mem} |")
    if base:
        load = f"{base['load_before'][0]:.2f} → {base['load_after'][0]:.2f}" if base.get("load_before") else "–"
        rows.append(f"| one process, no Spark (`analyze_pandas`) | {base['msg_s']:,.0f} | {words / base['pass_s']:,.0f} "
                    f"| {base['msg_s'] / first:.2f}× | {base['pass_s']:.1f} | {base['cpu_s']:.1f} / – / "
                    f"{fmt(base['other_cpu_s'])} | {load} | {base['start_s']:.2f} | – | {base['hwm_mb']:.0f} / – |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=100_000, help="messages (default 100,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--masters", default="local[1],local[2]", help="comma-separated Spark masters")
    ap.add_argument("--partitions", type=int, default=8, help="partitions of the cached input (default 8)")
    ap.add_argument("--batch", type=int, default=None,
                    help="spark.sql.execution.arrow.maxRecordsPerBatch (default: Spark's, 10,000)")
    ap.add_argument("--driver-memory", default="2g")
    ap.add_argument("--repeat", type=int, default=1, help="run the masters in turn this many times")
    ap.add_argument("--no-baseline", action="store_true", help="skip the one-process Engine pass")
    ap.add_argument("--json", help="write every figure to this file")
    ap.add_argument("--one-process-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_process_child:
        print(json.dumps(_one_process_child(Path(args.one_process_child), args.batch or 10_000)))
        return

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the executors run this interpreter
    info = machine()  # its loadavg_start is read first thing
    info["started"] = time.strftime("%Y-%m-%d %H:%M %Z")
    print(f"machine: {json.dumps(info, ensure_ascii=False)}", flush=True)

    with tempfile.TemporaryDirectory(prefix="hsengine-spark-scaling-") as tmp:
        path = Path(tmp) / "corpus.parquet"
        gen_s, words = write_corpus(path, args.size, args.seed)
        print(f"corpus: {args.size:,} messages, {words:,} words (seed {args.seed}), generated in {gen_s:.1f} s",
              flush=True)
        results = []
        masters = [m.strip() for m in args.masters.split(",") if m.strip()] * args.repeat
        for master in masters:
            print(f"{master}: load {_loadavg()} ...", flush=True)
            r = run_master(master, path, args.size, args.partitions, args.batch, args.driver_memory)
            print(f"{master}: {json.dumps(r)}", flush=True)
            results.append(r)
        print(f"engine without the compiled-set cache: load {_loadavg()} ...", flush=True)
        nocache = build_without_cache()
        print(f"engine without the compiled-set cache: {json.dumps(nocache)}", flush=True)
        base = None
        if not args.no_baseline:
            print(f"one process: load {_loadavg()} ...", flush=True)
            base = one_process(path, results[0]["batch"] if results else 10_000)
            print(f"one process: {json.dumps(base)}", flush=True)

    info["loadavg_end"] = _loadavg()
    print()
    print(table(results, args.size, words, base))
    print(f"\nEngine start-up in a fresh process without the compiled-set cache (a node that never built it): "
          f"imports (hsengine, pandas, pyarrow) {nocache['import_s']:.2f} s, Engine build {nocache['build_s']:.2f} s")
    print(f"load average (1, 5, 15 min): start {info['loadavg_start']}, end {info['loadavg_end']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "size": args.size, "words": words,
                                               "results": results, "one_process": base,
                                               "engine_without_cache": nocache}, indent=2))


if __name__ == "__main__":
    main()
