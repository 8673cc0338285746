"""Analyze a text column of a Spark DataFrame with hsengine (``pip install 'hsengine[spark]'``).

    from hsengine.integrations.spark import analyze_dataframe

    out = analyze_dataframe(spark.read.parquet("posts.parquet"), text_col="text")
    out.filter("flagged").select("id", "rule_ids", "targets", "severity").show()

The texts are analyzed with ``mapInPandas``: each Python worker builds the Engine once (a
module-level cache keyed by the engine configuration, kept while Spark reuses the worker) and
analyzes its partitions batch by batch.  The result keeps every input column and adds:

==============  ==============  =======================================================
column          type            value
==============  ==============  =======================================================
flagged         boolean         at least one rule matched
rule_ids        array<string>   ids of the rules that matched, sorted
narratives      array<string>   their narratives, sorted
targets         array<string>   the target groups, sorted
severity        string          highest severity; null when nothing matched
lang            string          ru / kk / mixed / und (detected, or the ``lang`` given)
result_json     string          ``AnalysisResult.to_json()``: matches with evidence spans
error           string          null, or why the row could not be analyzed (null text...)
==============  ==============  =======================================================

A null text gives ``flagged = false``, empty arrays and an ``error``; one bad row never fails
the job.  Custom ``lexicon_paths`` / ``rules_paths`` must be readable at the same path on every
executor (the bundled lexicon and rules travel inside the installed package).

Streaming DataFrames (``spark.readStream``) work the same way: every micro-batch goes through
``mapInPandas`` and keeps its row count.  See docs/spark.md (Kafka, checkpoints, clusters).

Before it returns, `analyze_dataframe` runs one tiny job (once per Spark application) that asks
the executors' Python whether it can import hsengine of the driver's version, pandas and
pyarrow, and read the custom lexicon/rules paths; if not, `ExecutorEnvironmentError` says which
interpreter the executors started and how to point them at the right one (``PYSPARK_PYTHON``,
``spark.pyspark.python`` with spark-submit, or a packed environment shipped with
``--archives``).  Without it, a job started from a virtual environment that is not activated
dies deep in a worker with ``ModuleNotFoundError: No module named 'hsengine'``.

pyspark is imported when `analyze_dataframe` or `output_schema` is called; ``import hsengine``
never imports it.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from . import get_engine

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame

OUTPUT_COLUMNS = ("flagged", "rule_ids", "narratives", "targets", "severity", "lang", "result_json", "error")


class ExecutorEnvironmentError(RuntimeError):
    """The Spark executors' Python cannot run hsengine (not installed, another version, missing
    pandas/pyarrow, unreadable lexicon/rules paths).  `reports` holds what each probe task saw."""

    def __init__(self, message: str, reports: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.reports = reports or []


# (application, executor interpreter, paths) already checked in this driver process -> reports
_CHECKED: dict[tuple, list[dict[str, Any]]] = {}
_CHECK_LOCK = threading.Lock()


def _make_probe(paths: list[str]) -> Callable[[Iterator[Any]], Iterator[dict[str, Any]]]:
    """The function each probe task runs.  It is a closure so that cloudpickle ships it by value:
    it must unpickle in an executor Python that has no hsengine (the case it reports)."""

    def probe(_partition: Iterator[Any]) -> Iterator[dict[str, Any]]:
        import importlib
        import os
        import socket
        import sys

        report: dict[str, Any] = {"python": sys.executable, "python_version": sys.version.split()[0],
                                  "host": socket.gethostname(), "pid": os.getpid(), "missing": [],
                                  "unreadable": [], "hsengine": None, "hsengine_path": None, "error": None}
        try:
            importlib.import_module("hsengine.integrations.spark")
            package = sys.modules["hsengine"]
            report["hsengine"] = getattr(package, "__version__", "unknown")
            report["hsengine_path"] = os.path.dirname(os.path.abspath(package.__file__ or ""))
        except Exception as exc:  # noqa: BLE001 - reported to the driver
            report["error"] = f"{type(exc).__name__}: {exc}"
        # what mapInPandas and the Engine need in the worker
        for name in ("pandas", "pyarrow", "regex", "yaml", "rapidfuzz", "pymorphy3"):
            try:
                importlib.import_module(name)
            except Exception as exc:  # noqa: BLE001
                report["missing"].append(name if isinstance(exc, ImportError) else f"{name} ({type(exc).__name__})")
        report["unreadable"] = [p for p in paths if not os.access(p, os.R_OK)]
        yield report

    return probe


def _cause(exc: BaseException) -> str:
    """The line of a (Java or Python) job failure that says what went wrong."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    for line in lines:  # Spark: "... most recent failure: Lost task 0.0 ... (... executor driver): <cause>"
        if "most recent failure" in line and "): " in line:
            return line.rsplit("): ", 1)[1][:300]
    for line in reversed(lines):  # a Python traceback: its last "SomeError: ..." line
        head = line.split(":", 1)[0]
        if head.endswith(("Error", "Exception")) and " " not in head:
            return line[:300]
    return (lines[0] if lines else type(exc).__name__)[:300]


def _driver_python_hint() -> str:
    return sys.executable or "python3"


def _explain(problems: list[str], reports: list[dict[str, Any]], python_exec: str, version: str) -> str:
    here = _driver_python_hint()
    seen = sorted({f"{r['python']} (Python {r['python_version']}) on {r['host']}" for r in reports})
    default = "" if os.environ.get("PYSPARK_PYTHON") else ", the default when PYSPARK_PYTHON is not set"
    lines = [
        "hsengine cannot run on the Spark executors:",
        *(f"  - {p}" for p in problems),
        f"  driver: hsengine {version}, Python {sys.version.split()[0]} at {here}",
        f"  executors run: {', '.join(seen) if seen else '(no report)'}  [pythonExec {python_exec!r}{default}]",
        "Fix (docs/spark.md):",
        f"  * local mode or one machine: start the job with PYSPARK_PYTHON={here} (or activate the",
        "    virtual environment first); with spark-submit: --conf spark.pyspark.python=" + here + ".",
        "    Setting spark.pyspark.python in SparkSession.builder has no effect when the job is",
        "    started with `python job.py`: set the environment variable before the session starts.",
        f"  * a cluster (YARN, Kubernetes): install hsengine {version} (with its dependencies) into the",
        "    executors' Python and point spark.pyspark.python at it, or ship a packed environment:",
        "    venv-pack -o env.tar.gz; spark-submit --archives env.tar.gz#env",
        "    --conf spark.pyspark.python=./env/bin/python job.py.  --py-files is not enough: hsengine",
        "    reads its lexicon from files and its dependencies are compiled extensions.",
        "  * custom lexicon/rules: the same path must be readable on every executor (shared",
        "    storage, the image, or --archives rules.zip#rules with a relative path).",
        "analyze_dataframe(..., check_executors=False) skips this check.",
    ]
    return "\n".join(lines)


def check_executor_environment(spark, *, lexicon_paths: Sequence[str | os.PathLike] | None = None,
                               rules_paths: Sequence[str | os.PathLike] | None = None,
                               tasks: int | None = None, force: bool = False) -> list[dict[str, Any]]:
    """Run a tiny job whose tasks import hsengine in the executors' Python; raise
    `ExecutorEnvironmentError` (naming the interpreter they ran and the fix) unless every task
    got hsengine of the driver's version, pandas, pyarrow and the engine's dependencies, and could
    read the given lexicon/rules paths.  Returns the task reports.

    A success is remembered per Spark application, executor interpreter and path set (the
    reports are returned again without a job; `force=True` runs it again).
    `tasks` defaults to ``sparkContext.defaultParallelism`` (capped at 64): a cluster's executors
    are not all guaranteed to get one, and executors added later are not checked.  Spark Connect
    sessions have no SparkContext: there the check is skipped (returns []).
    """
    from hsengine import __version__

    try:
        sc = spark.sparkContext
        app = sc.applicationId
    except Exception:  # noqa: BLE001 - Spark Connect: no SparkContext on the client
        return []
    paths = sorted({os.fspath(p) for p in (*(lexicon_paths or ()), *(rules_paths or ()))})
    key = (app, sc.pythonExec, tuple(paths))
    if not force and key in _CHECKED:
        return _CHECKED[key]
    n = max(1, min(64, tasks if tasks is not None else sc.defaultParallelism))
    try:
        reports = sc.parallelize(range(n), n).mapPartitions(_make_probe(paths)).collect()
    except Exception as exc:  # noqa: BLE001 - the worker could not even start
        message = _explain([f"the probe job failed: {_cause(exc)}"], [], sc.pythonExec, __version__)
        raise ExecutorEnvironmentError(message) from exc
    problems: list[str] = []
    for r in reports:
        where = f"{r['python']} on {r['host']}:"
        if r["error"]:
            problems.append(f"{where} cannot import hsengine ({r['error']})")
        elif r["hsengine"] != __version__:
            problems.append(f"{where} hsengine {r['hsengine']} ({r['hsengine_path']}), the driver has {__version__}")
        if r["missing"]:
            problems.append(f"{where} no {', '.join(r['missing'])}")
        if r["unreadable"]:
            problems.append(f"{where} cannot read {', '.join(r['unreadable'])}")
    problems = list(dict.fromkeys(problems))
    if problems:
        raise ExecutorEnvironmentError(_explain(problems, reports, sc.pythonExec, __version__), reports)
    with _CHECK_LOCK:
        _CHECKED[key] = reports
    return reports


def analyze_pandas(pdf: "pd.DataFrame", text_col: str = "text", *,
                   lexicon_paths: Sequence[str | os.PathLike] | None = None,
                   rules_paths: Sequence[str | os.PathLike] | None = None, lang: str | None = None,
                   engine_options: dict[str, Any] | None = None, prefix: str = "") -> "pd.DataFrame":
    """The same analysis on a pandas DataFrame (what each Spark batch goes through); a copy with
    the output columns added."""
    engine = get_engine(lexicon_paths, rules_paths, **(engine_options or {}))
    flagged, rule_ids, narratives, targets, severity, langs, payload, errors = ([] for _ in range(8))
    for text in pdf[text_col]:
        if text is None or (isinstance(text, float) and text != text):  # null / NaN
            text = None
        result = engine.analyze_safely(text, lang)
        flagged.append(result.flagged)
        rule_ids.append(result.rule_ids)
        narratives.append(result.narratives)
        targets.append(result.targets)
        severity.append(result.severity)
        langs.append(result.lang)
        payload.append(result.to_json())
        errors.append(result.error)
    out = pdf.copy()
    for name, values in zip(OUTPUT_COLUMNS, (flagged, rule_ids, narratives, targets, severity, langs, payload, errors)):
        out[prefix + name] = values
    return out


def output_schema(input_schema, prefix: str = ""):
    """The input schema plus the output columns."""
    from pyspark.sql.types import ArrayType, BooleanType, StringType, StructField, StructType

    strings = ArrayType(StringType(), containsNull=False)
    types = {"flagged": BooleanType(), "rule_ids": strings, "narratives": strings, "targets": strings,
             "severity": StringType(), "lang": StringType(), "result_json": StringType(), "error": StringType()}
    fields = list(input_schema.fields)
    fields += [StructField(prefix + name, types[name], nullable=name in ("severity", "error")) for name in OUTPUT_COLUMNS]
    return StructType(fields)


def analyze_dataframe(df: "DataFrame", text_col: str = "text", *,
                      lexicon_paths: Sequence[str | os.PathLike] | None = None,
                      rules_paths: Sequence[str | os.PathLike] | None = None, lang: str | None = None,
                      engine_options: dict[str, Any] | None = None, prefix: str = "",
                      check_executors: bool = True) -> "DataFrame":
    """Analyze `text_col` of a Spark DataFrame (batch or streaming); returns a DataFrame with the
    input columns and the output columns (see the module docstring), named ``prefix + name``.

    `lang` ("ru", "kk", "mixed") overrides language detection for every row; `engine_options` are
    passed to ``Engine(...)`` (``fuzzy``, ``deobfuscate``, ``ui_lang``, ``max_text_length``...).
    `check_executors` runs `check_executor_environment` first (once per Spark application):
    `ExecutorEnvironmentError` instead of a worker traceback when the executors' Python cannot
    run hsengine.
    """
    from pyspark.sql.types import StringType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise ValueError(f"column {text_col!r} is {df.schema[text_col].dataType.simpleString()}, not string; "
                         f"cast it first: df.withColumn({text_col!r}, df[{text_col!r}].cast('string'))")
    clash = [prefix + c for c in OUTPUT_COLUMNS if prefix + c in df.columns]
    if clash:
        raise ValueError(f"the DataFrame already has column(s) {', '.join(clash)}; pass prefix='hs_' for example")
    if lang is not None and lang not in ("ru", "kk", "mixed"):
        raise ValueError("lang must be 'ru', 'kk', 'mixed' or None")
    options = dict(engine_options or {})
    lex = None if lexicon_paths is None else [os.fspath(p) for p in lexicon_paths]
    rules = None if rules_paths is None else [os.fspath(p) for p in rules_paths]
    if lex is not None or rules is not None or options:
        get_engine(lex, rules, **options)  # fail fast on the driver with a readable configuration error
    if check_executors:
        check_executor_environment(df.sparkSession, lexicon_paths=lex, rules_paths=rules)

    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        for pdf in batches:
            yield analyze_pandas(pdf, text_col, lexicon_paths=lex, rules_paths=rules, lang=lang,
                                 engine_options=options, prefix=prefix)

    return df.mapInPandas(run, schema=output_schema(df.schema, prefix))


__all__ = ["analyze_dataframe", "analyze_pandas", "check_executor_environment", "ExecutorEnvironmentError",
           "get_engine", "output_schema", "OUTPUT_COLUMNS"]
