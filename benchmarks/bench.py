"""hsengine throughput benchmark (issue #6).

    PYTHONPATH=. python -m benchmarks.bench                  # full run, 20,000 messages
    PYTHONPATH=. python -m benchmarks.bench --quick          # ~3,000 messages, a minute or so
    PYTHONPATH=. python -m benchmarks.bench --json out.json --profile

One run, one synthetic corpus (benchmarks/corpus.py, seeded), and every figure printed:

* Engine.analyze on one core: cold (fresh Engine, all caches empty) and warm (second pass);
* time per stage, by calling the stage functions directly on the corpus (normalize, tokenize,
  morphology, lexicon lookup, prefilter, annotate, rule evaluation);
* reference passes over the same messages: a bare pass (regex words + a set lookup of every
  lexicon surface form) and a keyword-monitoring pass (one regex alternation of group names);
* --jobs 2 throughput and its speed-up over one process (each in a fresh child process);
* peak resident memory of the default engine, and the CLI cold start as a whole process;
* linearity: throughput at 1×, 10× and 100× message length;
* the 126,565-message study size end to end (full runs; --no-study to skip).

Figures depend on the machine and on what else runs on it: the load average is recorded before
and after.  Speed is only ever judged from this script's output.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from benchmarks.corpus import GROUP_KEYWORDS, generate  # noqa: E402

STUDY_SIZE = 126_565
TARGETS = {
    "messages_per_s_one_core": 5000,
    "study_seconds": 30.0,
    "engine_to_bare_ratio": 0.3,
    "jobs2_speedup": 1.7,
    "peak_rss_mb": 250,
    "cli_cold_start_s": 0.6,
}
BARE_WORD = regex.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "loadavg_start": _loadavg(),
    }
    try:
        from importlib.metadata import version

        info["pymorphy3"] = version("pymorphy3")
        info["regex"] = version("regex")
    except Exception:  # noqa: BLE001
        pass
    return info


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def clear_global_caches() -> None:
    """Empty the process-wide morphology caches (the per-Engine word cache dies with the Engine)."""
    from hsengine.morphology import russian

    for fn in (russian.parses, russian.is_known):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


LAST_CPU = [0.0]  # CPU seconds of the last `timed` call (this process only)


def timed(fn, *args, **kwargs):
    """Wall seconds and result; the CPU seconds go to LAST_CPU (less sensitive to other load)."""
    gc.collect()
    c0 = time.process_time()
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    wall = time.perf_counter() - t0
    LAST_CPU[0] = time.process_time() - c0
    return wall, out


def count_words(texts) -> int:
    from hsengine.text.tokenize import WORD_PATTERN

    return sum(len(WORD_PATTERN.findall(t.lower())) for t in texts)


def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def write_texts(texts: list[str]) -> str:
    """Texts to a temporary JSON file for a child process (so the child does not run the generator,
    whose pymorphy3 instance would count in its memory)."""
    import tempfile

    fd, path = tempfile.mkstemp(prefix="hsengine-bench-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(texts, f, ensure_ascii=False)
    return path


def read_texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def child(mode: str, args: argparse.Namespace, texts_file: str, extra: list[str] | None = None,
          timeout: float = 900) -> dict:
    """Run this script in a fresh interpreter for one measurement; returns its JSON line."""
    cmd = [sys.executable, "-m", "benchmarks.bench", "--child", mode, "--texts", texts_file]
    cmd += extra or []
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"child {mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


SNAPSHOT_ENV = "HSENGINE_BENCH_DATA"
REGISTRIES = ("lexicon/classes.yaml", "lexicon/targets.yaml", "rules/narratives.yaml", "rules/contexts.yaml")


def engine_kwargs() -> dict:
    """Engine arguments for this run: the snapshot's lexicon and rules, or {} (the bundled ones)."""
    snap = os.environ.get(SNAPSHOT_ENV)
    if not snap:
        return {}
    return {"lexicon_paths": [Path(snap) / "lexicon"], "rules_paths": [Path(snap) / "rules"]}


def make_engine():
    from hsengine import Engine

    return Engine(**engine_kwargs())


def snapshot_data(attempts: int = 20, wait: float = 15.0) -> str:
    """Copy lexicon/ and rules/ to a temporary folder once they load without errors, so that a run
    measures one consistent state even while people edit them.  The registries (classes, targets,
    narratives, contexts) are always read from the bundled location, so they are left out."""
    import shutil
    import tempfile

    from hsengine.paths import BUNDLED_LEXICON, BUNDLED_RULES

    for attempt in range(attempts):
        dest = tempfile.mkdtemp(prefix="hsengine-bench-")
        shutil.copytree(BUNDLED_LEXICON, Path(dest) / "lexicon")
        shutil.copytree(BUNDLED_RULES, Path(dest) / "rules")
        for reg in REGISTRIES:
            (Path(dest) / reg).unlink(missing_ok=True)
        env = dict(os.environ, PYTHONPATH=str(ROOT), **{SNAPSHOT_ENV: dest})
        probe = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--child", "probe"], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        if probe.returncode == 0:
            return dest
        shutil.rmtree(dest, ignore_errors=True)
        print(f"lexicon/rules do not load yet (attempt {attempt + 1}): {probe.stderr.strip().splitlines()[-1:]}",
              file=sys.stderr)
        time.sleep(wait)
    raise SystemExit("lexicon/rules never loaded; giving up")


def peak_rss_mb() -> float:
    """Peak resident set size of this process (VmHWM: unlike ru_maxrss it is not inherited from the
    parent across fork+exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def have_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# ---------------------------------------------------------------------------------------------
# child-process measurements
# ---------------------------------------------------------------------------------------------
def _fallback_worker_init():
    global _WORKER_ENGINE
    _WORKER_ENGINE = make_engine()


def _fallback_worker(batch):
    return [_WORKER_ENGINE.analyze_safely(t) for t in batch]


def fallback_parallel(texts: list[str], jobs: int, batch_size: int = 256):
    """multiprocessing fallback used while hsengine.engine.parallel does not exist (one Engine per worker)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # workers start cold, as a fresh process would
    batches = [texts[i : i + batch_size] for i in range(0, len(texts), batch_size)]
    with ctx.Pool(jobs, initializer=_fallback_worker_init) as pool:
        for out in pool.imap(_fallback_worker, batches):
            yield from out


def run_child(args: argparse.Namespace) -> None:
    mode = args.child
    if mode == "probe":
        make_engine()
        return
    texts = read_texts(args.texts) if args.texts else []
    if mode == "memory":
        base = peak_rss_mb()
        engine = make_engine()
        built = peak_rss_mb()
        for t in texts:
            engine.analyze(t)
        peak = peak_rss_mb()
        print(json.dumps({"corpus_mb": base, "after_build_mb": built, "peak_mb": peak,
                          "cache": engine.analyzer.cache_info().currsize}))
        return
    if mode == "parallel":
        t0 = time.perf_counter()
        engine = make_engine()
        build = time.perf_counter() - t0
        jobs = args.jobs
        impl = "Engine.analyze_many"
        gc.collect()
        t0 = time.perf_counter()
        if jobs <= 1:
            results = list(engine.analyze_many(texts))
        elif have_module("hsengine.engine.parallel"):
            results = list(engine.analyze_many(texts, jobs=jobs))
        else:
            impl = "benchmarks.bench fallback (multiprocessing spawn pool; hsengine.engine.parallel absent)"
            results = list(fallback_parallel(texts, jobs))
        wall = time.perf_counter() - t0
        print(json.dumps({"jobs": jobs, "seconds": wall, "build_seconds": build, "impl": impl,
                          "flagged": sum(r.flagged for r in results), "n": len(results)}))
        return
    if mode == "study":
        words = count_words(texts)
        t0 = time.perf_counter()
        engine = make_engine()
        build = time.perf_counter() - t0
        gc.collect()
        c1 = time.process_time()
        t1 = time.perf_counter()
        flagged = sum(engine.analyze(t).flagged for t in texts)
        run = time.perf_counter() - t1
        cpu = time.process_time() - c1
        print(json.dumps({"messages": len(texts), "words": words, "build_seconds": build, "analyze_seconds": run,
                          "analyze_cpu_seconds": cpu,
                          "total_seconds": build + run, "flagged": flagged,
                          "peak_mb": peak_rss_mb()}))
        return
    raise SystemExit(f"unknown child mode {mode}")


# ---------------------------------------------------------------------------------------------
# the benchmark
# ---------------------------------------------------------------------------------------------
def engine_passes(texts: list[str], words: int, profile: bool) -> tuple[dict, object, list, dict]:
    clear_global_caches()
    build, engine = timed(make_engine)
    cold, results = timed(lambda: [engine.analyze(t) for t in texts])
    cold_cpu = LAST_CPU[0]
    cache = engine.analyzer.cache_info()
    warm, results2 = timed(lambda: [engine.analyze(t) for t in texts])
    warm_cpu = LAST_CPU[0]
    assert [r.to_json() for r in results] == [r.to_json() for r in results2]
    prof_out = {}
    if profile:  # separate passes: the profiler must not inflate the timed ones
        clear_global_caches()
        fresh = make_engine()
        for name in ("cold", "warm"):
            pr = cProfile.Profile()
            pr.enable()
            for t in texts:
                fresh.analyze(t)
            pr.disable()
            prof_out[name] = _profile_text(pr)
    out = {
        "engine_build_s": build,
        "cold_s": cold,
        "cold_cpu_s": cold_cpu,
        "cold_msg_s": rate(len(texts), cold),
        "cold_msg_s_cpu": rate(len(texts), cold_cpu),
        "cold_tok_s": rate(words, cold),
        "warm_s": warm,
        "warm_cpu_s": warm_cpu,
        "warm_msg_s": rate(len(texts), warm),
        "warm_msg_s_cpu": rate(len(texts), warm_cpu),
        "warm_tok_s": rate(words, warm),
        "word_cache_entries": cache.currsize,
        "word_cache_misses_cold": cache.misses,
        "lexicon_entries": len(engine.lexicon.entries),
        "surface_forms": len(engine.lexicon.surface),
        "rules": len(engine.rules),
    }
    return out, engine, results, prof_out


def _profile_text(pr: cProfile.Profile, n: int = 22) -> str:
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s)
    st.sort_stats("tottime").print_stats(n)
    text = s.getvalue()
    # keep the table only
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if "ncalls" in l), 0)
    return "\n".join(l.replace(str(ROOT) + "/", "") for l in lines[start:] if l.strip())


def stages(texts: list[str], engine) -> dict:
    """Each stage called directly on the corpus (no engine code edited)."""
    from hsengine.lexicon.annotate import annotate, prefilter_features
    from hsengine.lexicon.lookup import TokenAnalyzer
    from hsengine.morphology import kazakh, russian
    from hsengine.text.normalize import normalize
    from hsengine.text.tokenize import WORD_PATTERN, tokenize

    out: dict[str, dict] = {}
    n = len(texts)

    def add(name, seconds, note=""):
        out[name] = {"seconds": seconds, "us_per_msg": seconds / n * 1e6, "note": note}

    t, norms = timed(lambda: [normalize(x) for x in texts])
    add("normalize", t, "normalize() on every message")
    slow = sum(1 for x in norms if not x.is_identity)
    out["normalize"]["note"] += f"; {slow} of {n} took the slow path"
    t, toks = timed(lambda: [tokenize(x) for x in norms])
    add("tokenize", t, "tokenize() with offsets, sentences, quotes")
    t, wordlists = timed(lambda: [WORD_PATTERN.findall(x.text) for x in norms])
    add("word split (prefilter)", t, "WORD_PATTERN.findall on normalized text")
    all_words = [w for ws in wordlists for w in ws]
    uniq = list(dict.fromkeys(all_words))
    cyr = [w for w in uniq if regex.fullmatch(r"[\p{Cyrillic}'’`-]+", w)]

    clear_global_caches()
    t_ru, _ = timed(lambda: [russian.parses(w) for w in cyr])
    t_kk, _ = timed(lambda: [kazakh.analyze(w) for w in cyr])
    add("morphology: pymorphy3 parses (cold)", t_ru, f"{len(cyr)} distinct Cyrillic words, once each")
    add("morphology: Kazakh suffixes", t_kk, f"{len(cyr)} distinct Cyrillic words, once each")
    t_ruw, _ = timed(lambda: [russian.parses(w) for w in all_words])
    add("morphology: parses (warm, every token)", t_ruw, f"{len(all_words)} tokens, lru_cache hits/misses")

    fresh = TokenAnalyzer(engine.lexicon, engine._vocabulary(), fuzzy=True, deobfuscate=True)
    t_lc, _ = timed(lambda: [fresh.analyze(w) for w in all_words])
    add("lexicon lookup: TokenAnalyzer (cold cache)", t_lc,
        f"{len(all_words)} tokens, {len(uniq)} distinct; pymorphy3 parses already cached")
    t_lw, _ = timed(lambda: [fresh.analyze(w) for w in all_words])
    add("lexicon lookup: TokenAnalyzer (warm)", t_lw, "every token a cache hit")

    analyzer = engine.analyzer  # warm
    t, feats = timed(lambda: [prefilter_features(ws, analyzer) for ws in wordlists])
    add("prefilter features (warm)", t, "prefilter_features() on every message")
    rules = engine.rules
    cand_idx = []
    per_rule: dict[str, int] = {}
    for i, (f, *_rest) in enumerate(feats):
        passing = [r.id for r in rules if all(not req.isdisjoint(f) for req in r.requirements)]
        if passing:
            cand_idx.append(i)
        for rid in passing:
            per_rule[rid] = per_rule.get(rid, 0) + 1
    t, docs = timed(lambda: [annotate(x, analyzer) for x in norms])
    add("annotate, all messages (warm)", t, "tokenize + analyses + hits + phrases")
    t, cdocs = timed(lambda: [annotate(norms[i], analyzer) for i in cand_idx])
    add("annotate, prefilter survivors (warm)", t, f"{len(cand_idx)} of {n} messages reach annotate()")

    def evaluate(indices, dlist):
        res = []
        for i, doc in zip(indices, dlist):
            cands = [r for r in rules if all(not req.isdisjoint(doc.features) for req in r.requirements)]
            res.append(engine._evaluate(texts[i], doc, cands, None))
        return res

    t, res = timed(lambda: evaluate(cand_idx, cdocs))
    add("rule evaluation (Matcher + contexts)", t,
        f"{len(cand_idx)} survivors, {sum(r.flagged for r in res)} flagged")
    out["_counts"] = {"tokens": len(all_words), "distinct_words": len(uniq), "distinct_cyrillic": len(cyr),
                      "prefilter_survivors": len(cand_idx),
                      "prefilter_by_rule": dict(sorted(per_rule.items(), key=lambda kv: -kv[1]))}
    return out


def reference_passes(texts: list[str], engine) -> dict:
    surface = frozenset(engine.lexicon.surface)

    def bare():
        hits = 0
        for t in texts:
            for w in BARE_WORD.findall(t.lower()):
                if w in surface:
                    hits += 1
        return hits

    keyword = regex.compile("|".join(sorted(map(regex.escape, GROUP_KEYWORDS), key=len, reverse=True)), regex.I)

    def kw():
        return [keyword.search(t) is not None for t in texts]

    bare()  # first touch
    t_bare, hits = timed(bare)
    c_bare = LAST_CPU[0]
    t_kw, kw_flags = timed(kw)
    c_kw = LAST_CPU[0]
    return {"bare_s": t_bare, "bare_cpu_s": c_bare, "bare_msg_s": rate(len(texts), t_bare),
            "bare_msg_s_cpu": rate(len(texts), c_bare), "bare_surface_hits": hits,
            "keyword_s": t_kw, "keyword_cpu_s": c_kw, "keyword_msg_s": rate(len(texts), t_kw),
            "keyword_msg_s_cpu": rate(len(texts), c_kw), "keyword_flags": kw_flags}


def cli_cold_start(runs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if have_module("hsengine.cli.app"):
        cmd = [sys.executable, "-m", "hsengine", "check", "текст"]
        label = "python -m hsengine check текст"
    else:
        cmd = [sys.executable, "-c", "from hsengine import Engine; Engine().analyze('текст')"]
        label = "python -c \"from hsengine import Engine; Engine().analyze('текст')\" (hsengine.cli.app absent)"
    times = []
    rc = None
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)  # page cache warm-up, not counted
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
        times.append(time.perf_counter() - t0)
        rc = p.returncode
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, capture_output=True)
    bare_python = time.perf_counter() - t0
    return {"command": label, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "runs": runs, "returncode": rc, "python_startup_s": bare_python}


def linearity(base_messages: int, seed: int, engine) -> list[dict]:
    rows = []
    for mult in (1, 10, 100):
        n = max(5, base_messages // mult)
        texts = [m.text for m in generate(n, seed + 7, length_multiplier=mult)]
        words = count_words(texts)
        chars = sum(map(len, texts))
        clear_global_caches()
        fresh = make_engine()
        t_cold, _ = timed(lambda: [fresh.analyze(t) for t in texts])
        t_warm, _ = timed(lambda: [fresh.analyze(t) for t in texts])
        rows.append({"multiplier": mult, "messages": n, "words": words, "avg_words": words / n,
                     "avg_chars": chars / n, "cold_s": t_cold, "cold_tok_s": rate(words, t_cold),
                     "warm_s": t_warm, "warm_tok_s": rate(words, t_warm), "warm_msg_s": rate(n, t_warm),
                     "warm_us_per_word": t_warm / words * 1e6})
    return rows


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------
def fmt(x, nd=0):
    if isinstance(x, float):
        return f"{x:,.{nd}f}"
    return f"{x:,}" if isinstance(x, int) else str(x)


def report(r: dict) -> str:
    L = []
    m = r["machine"]
    L.append("hsengine benchmark")
    L.append(f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
             f"{m['implementation']} {m['python']}, {m['platform']}")
    L.append(f"load average at start {m['loadavg_start']}, at end {m.get('loadavg_end')}  "
             f"(other processes on the machine skew every figure)")
    L.append(f"data: {r['data']}")
    c = r["corpus"]
    L.append(f"corpus: {fmt(c['messages'])} messages (seed {c['seed']}), {fmt(c['words'])} words, "
             f"{fmt(c['distinct_words'])} distinct, avg {c['avg_words']:.1f} words/message; "
             f"langs {c['langs']}; hateful {c['hateful']} ({c['hateful'] / c['messages']:.1%})")
    e = r["engine"]
    L.append(f"engine: {e['lexicon_entries']} lexicon entries, {fmt(e['surface_forms'])} surface forms, "
             f"{e['rules']} rules; built in {e['engine_build_s']:.2f} s")
    L.append("")
    L.append(f"{'one core, Engine.analyze':<44}{'seconds':>9}{'msg/s':>10}{'tokens/s':>11}{'CPU s':>8}{'msg/CPU s':>11}")
    ref = r["reference"]
    bare_label = "  bare pass (\\w+ regex + surface set)"
    for label, wall, cpu in (("  cold (fresh Engine, empty caches)", e["cold_s"], e["cold_cpu_s"]),
                             ("  warm (second pass)", e["warm_s"], e["warm_cpu_s"]),
                             (bare_label, ref["bare_s"], ref["bare_cpu_s"]),
                             ("  keyword pass (one group-name regex)", ref["keyword_s"], ref["keyword_cpu_s"])):
        L.append(f"{label:<44}{wall:>9.2f}{c['messages'] / wall:>10,.0f}{c['words'] / wall:>11,.0f}{cpu:>8.2f}"
                 f"{c['messages'] / cpu:>11,.0f}")
    L.append(f"  engine / bare pass: cold {r['ratios']['cold_vs_bare']:.3f}, warm {r['ratios']['warm_vs_bare']:.3f} "
             f"(wall); warm {r['ratios']['warm_vs_bare_cpu']:.3f} (CPU)")
    q = r["quality"]
    L.append(f"  flagged: engine {q['engine_flagged']} (of {q['hateful']} hateful: {q['engine_true']}; "
             f"neutral flagged {q['engine_false']}); keyword search {q['keyword_flagged']} "
             f"(of hateful: {q['keyword_true']}; neutral {q['keyword_false']})")
    if r.get("study"):
        s = r["study"]
        L.append(f"  study size, fresh process: {fmt(s['messages'])} messages, build {s['build_seconds']:.2f} s + "
                 f"analyze {s['analyze_seconds']:.2f} s = {s['total_seconds']:.2f} s "
                 f"({s['messages'] / s['analyze_seconds']:,.0f} msg/s; CPU {s['analyze_cpu_seconds']:.2f} s; "
                 f"peak RSS {s['peak_mb']:.0f} MB)")
    L.append("")
    L.append(f"{'stage (called directly on the corpus)':<46}{'seconds':>9}{'µs/msg':>9}  note")
    for name, st in r["stages"].items():
        if name.startswith("_"):
            continue
        L.append(f"  {name:<44}{st['seconds']:>9.3f}{st['us_per_msg']:>9.1f}  {st['note']}")
    top = list(r["stages"]["_counts"]["prefilter_by_rule"].items())[:6]
    L.append("  rules most often let through by the prefilter: " + ", ".join(f"{k} {v}" for k, v in top))
    L.append("")
    p = r["parallel"]
    L.append(f"parallel ({p['impl']}), fresh child processes, corpus of {fmt(c['messages'])}:")
    L.append(f"  jobs 1: {p['jobs1_s']:.2f} s ({p['jobs1_msg_s']:,.0f} msg/s)   jobs 2: {p['jobs2_s']:.2f} s "
             f"({p['jobs2_msg_s']:,.0f} msg/s)   speed-up {p['speedup']:.2f}x")
    mem = r["memory"]
    L.append(f"peak RSS, default engine over the corpus: {mem['peak_mb']:.0f} MB "
             f"(interpreter + corpus {mem['corpus_mb']:.0f} MB, after Engine() {mem['after_build_mb']:.0f} MB)")
    cli = r["cli"]
    L.append(f"cold start: {cli['command']}: median {cli['median_s']:.3f} s over {cli['runs']} runs "
             f"(min {cli['min_s']:.3f}, max {cli['max_s']:.3f}; bare `python -c pass` {cli['python_startup_s']:.3f} s)")
    L.append("")
    L.append(f"{'linearity':<12}{'messages':>9}{'avg words':>11}{'cold tok/s':>12}{'warm tok/s':>12}{'warm µs/word':>14}")
    for row in r["linearity"]:
        L.append(f"  {str(row['multiplier']) + 'x':<10}{row['messages']:>9}{row['avg_words']:>11.0f}"
                 f"{row['cold_tok_s']:>12,.0f}{row['warm_tok_s']:>12,.0f}{row['warm_us_per_word']:>14.2f}")
    L.append("")
    L.append("targets")
    for name, (value, target, ok, unit) in r["targets"].items():
        L.append(f"  {'MET ' if ok else 'MISS'} {name:<38} {value:>10} {unit:<6} target {target}")
    if r.get("profile"):
        for k, text in r["profile"].items():
            L.append("")
            L.append(f"cProfile, {k} pass (top functions by own time; profiling inflates the totals)")
            L.append(text)
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="hsengine benchmark")
    ap.add_argument("--size", type=int, default=None, help="messages (default 20,000; 3,000 with --quick)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="smaller corpus, fewer runs, no study-size run")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the parallel measurement")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    ap.add_argument("--profile", action="store_true", help="print cProfile tables of the cold and warm passes")
    ap.add_argument("--no-study", action="store_true", help="skip the 126,565-message run")
    ap.add_argument("--cli-runs", type=int, default=None)
    ap.add_argument("--live", action="store_true",
                    help="read lexicon/ and rules/ in place instead of a snapshot taken at start")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.size is None:
        args.size = 3000 if args.quick else 20_000
    if args.child:
        run_child(args)
        return 0
    if not args.live:
        snap = snapshot_data()
        os.environ[SNAPSHOT_ENV] = snap  # children inherit it

    r: dict = {"machine": machine()}
    r["data"] = "live lexicon/ and rules/" if args.live else f"snapshot of lexicon/ and rules/ taken at start ({os.environ[SNAPSHOT_ENV]})"
    msgs = generate(args.size, args.seed)
    texts = [m.text for m in msgs]
    words = count_words(texts)
    from collections import Counter

    r["corpus"] = {"messages": len(texts), "seed": args.seed, "words": words, "avg_words": words / len(texts),
                   "langs": dict(Counter(m.lang for m in msgs)), "hateful": sum(m.hateful for m in msgs),
                   "chars": sum(map(len, texts))}
    print(f"corpus ready: {len(texts)} messages, {words} words", file=sys.stderr)

    e, engine, results, prof = engine_passes(texts, words, args.profile)
    r["engine"] = e
    print(f"engine: cold {e['cold_msg_s']:.0f} msg/s, warm {e['warm_msg_s']:.0f} msg/s", file=sys.stderr)
    if prof:
        r["profile"] = prof
    ref = reference_passes(texts, engine)
    kw_flags = ref.pop("keyword_flags")
    r["reference"] = ref
    r["ratios"] = {"cold_vs_bare": e["cold_msg_s"] / ref["bare_msg_s"], "warm_vs_bare": e["warm_msg_s"] / ref["bare_msg_s"],
                   "warm_vs_bare_cpu": e["warm_msg_s_cpu"] / ref["bare_msg_s_cpu"]}
    r["quality"] = {
        "hateful": sum(m.hateful for m in msgs),
        "engine_flagged": sum(x.flagged for x in results),
        "engine_true": sum(x.flagged and m.hateful for x, m in zip(results, msgs)),
        "engine_false": sum(x.flagged and not m.hateful for x, m in zip(results, msgs)),
        "keyword_flagged": sum(kw_flags),
        "keyword_true": sum(k and m.hateful for k, m in zip(kw_flags, msgs)),
        "keyword_false": sum(k and not m.hateful for k, m in zip(kw_flags, msgs)),
    }
    st = stages(texts, engine)
    r["stages"] = st
    r["corpus"]["distinct_words"] = st["_counts"]["distinct_words"]
    print("stages done", file=sys.stderr)

    texts_file = write_texts(texts)
    p1 = child("parallel", args, texts_file, ["--jobs", "1"])
    pj = child("parallel", args, texts_file, ["--jobs", str(args.jobs)])
    r["parallel"] = {"impl": pj["impl"], "jobs": args.jobs, "jobs1_s": p1["seconds"], "jobs2_s": pj["seconds"],
                     "jobs1_msg_s": rate(args.size, p1["seconds"]), "jobs2_msg_s": rate(args.size, pj["seconds"]),
                     "speedup": p1["seconds"] / pj["seconds"], "flagged_equal": p1["flagged"] == pj["flagged"]}
    print("parallel done", file=sys.stderr)
    r["memory"] = child("memory", args, texts_file)
    os.unlink(texts_file)
    r["cli"] = cli_cold_start(args.cli_runs or (5 if args.quick else 9))
    r["linearity"] = linearity(max(200, args.size // 10), args.seed, engine)
    print("linearity done", file=sys.stderr)
    if not (args.quick or args.no_study):
        study_file = write_texts([m.text for m in generate(STUDY_SIZE, args.seed + 1)])
        r["study"] = child("study", args, study_file, timeout=1800)
        os.unlink(study_file)
    r["machine"]["loadavg_end"] = _loadavg()

    lin = r["linearity"]
    lin_ratio = lin[-1]["warm_tok_s"] / lin[0]["warm_tok_s"]
    tg = {}
    tg["messages/s, one core, cold"] = (f"{e['cold_msg_s']:,.0f}", "≥ 5,000", e["cold_msg_s"] >= 5000, "msg/s")
    tg["messages/s, one core, warm"] = (f"{e['warm_msg_s']:,.0f}", "≥ 5,000", e["warm_msg_s"] >= 5000, "msg/s")
    if r.get("study"):
        s = r["study"]
        tg["126,565-message study, fresh process"] = (f"{s['total_seconds']:.1f}", "< 30 s", s["total_seconds"] < 30, "s")
    tg["engine / bare pass, warm"] = (f"{r['ratios']['warm_vs_bare']:.3f}", "≥ 0.3", r["ratios"]["warm_vs_bare"] >= 0.3, "")
    tg[f"--jobs {args.jobs} speed-up"] = (f"{r['parallel']['speedup']:.2f}", "≥ 1.7x", r["parallel"]["speedup"] >= 1.7, "x")
    tg["peak RSS"] = (f"{r['memory']['peak_mb']:.0f}", "< 250 MB", r["memory"]["peak_mb"] < 250, "MB")
    tg["CLI cold start (median)"] = (f"{r['cli']['median_s']:.3f}", "< 0.6 s", r["cli"]["median_s"] < 0.6, "s")
    tg["linear cost (warm tok/s 100x / 1x)"] = (f"{lin_ratio:.2f}", "≈ 1 (≥ 0.8)", lin_ratio >= 0.8, "")
    r["targets"] = tg
    text = report(r)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(r, ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
