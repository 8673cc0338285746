"""hsengine.integrations.spark on a local Spark session: results equal Engine.analyze row by row."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks.corpus writes the bulk of the test messages

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pandas", reason="pandas is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'hsengine[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime: Spark needs java on PATH or JAVA_HOME", allow_module_level=True)

pytestmark = [pytest.mark.xdist_group("spark"),  # one JVM per run, not one per xdist worker
              pytest.mark.slow]  # a JVM

HANDWRITTEN = [
    "Все эти китайцы — вонючие тараканы.",
    "Жидов надо убивать.",
    "Дунган надо выгнать из страны!",
    "Китайцы открыли новое кафе возле рынка, очень вкусно.",
    "Нельзя выгонять дунган из их домов.",
    "Қытайларды өлтіру керек.",
    "Дүнгендерді елден қуып жіберу керек!",
    "Қытайлар мен қазақтар бірге жұмыс істейді.",
    "Шүршіттер тарақан сияқты көбейіп жатыр",
    "все эти к и т а й ц ы настоящие тараканы",
    "ж1дов надо убивать",
    "qytailar tarakan siyakty",
    "Кафиров нужно убить.",
    "Полиция задержала блогера за призыв убивать китайцев.",
    "",
    None,
]


def _messages() -> list[str | None]:
    from benchmarks.corpus import generate

    generated = [m.text for m in generate(184, seed=11, hateful_share=0.15)]
    return HANDWRITTEN + generated


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("hsengine-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "512m")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.python.worker.reuse", "true")
        .config("spark.executorEnv.PYTHONPATH", pythonpath)
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def analyzed(spark):
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    from hsengine.integrations.spark import analyze_dataframe

    msgs = _messages()
    schema = StructType([StructField("id", IntegerType(), False), StructField("text", StringType(), True)])
    df = spark.createDataFrame(list(enumerate(msgs)), schema).repartition(2)
    out = analyze_dataframe(df, "text")
    rows = sorted(out.collect(), key=lambda r: r["id"])
    return msgs, out, rows


def test_schema_keeps_input_columns(analyzed):
    _msgs, out, _rows = analyzed
    types = dict(out.dtypes)
    assert list(out.columns[:2]) == ["id", "text"]
    assert types["flagged"] == "boolean"
    for col in ("rule_ids", "narratives", "targets"):
        assert types[col] == "array<string>"
    for col in ("severity", "lang", "result_json", "error"):
        assert types[col] == "string"


def test_rows_equal_engine_analyze(analyzed, engine):
    msgs, _out, rows = analyzed
    assert len(rows) == len(msgs) >= 200
    flagged = 0
    for row, text in zip(rows, msgs):
        assert row["text"] == text
        if text is None:
            continue
        expected = engine.analyze(text)
        assert row["flagged"] is expected.flagged, text
        assert list(row["rule_ids"]) == expected.rule_ids, text
        assert list(row["targets"]) == expected.targets, text
        assert list(row["narratives"]) == expected.narratives, text
        assert row["severity"] == expected.severity, text
        assert row["lang"] == expected.lang, text
        assert row["result_json"] == expected.to_json(), text
        assert row["error"] is None
        flagged += expected.flagged
    assert flagged >= 10  # the data really exercises matches, not only clean rows
    assert any(r["lang"] == "kk" for r in rows) and any(r["lang"] == "ru" for r in rows)


def test_null_and_empty_text(analyzed):
    msgs, _out, rows = analyzed
    by_text = {i: r for i, r in enumerate(rows)}
    null_row = by_text[msgs.index(None)]
    assert null_row["flagged"] is False and null_row["severity"] is None
    assert list(null_row["rule_ids"]) == [] and null_row["error"]
    assert json.loads(null_row["result_json"])["error"] == null_row["error"]
    empty_row = by_text[msgs.index("")]
    assert empty_row["flagged"] is False and empty_row["error"] is None


def test_rejects_bad_input(spark):
    from hsengine.integrations.spark import analyze_dataframe

    df = spark.createDataFrame([(1, "x")], "id int, body string")
    with pytest.raises(ValueError, match="no column 'text'"):
        analyze_dataframe(df, "text")
    with pytest.raises(ValueError, match="not string"):
        analyze_dataframe(df, "id")
    clash = spark.createDataFrame([("x", True)], "text string, flagged boolean")
    with pytest.raises(ValueError, match="prefix"):
        analyze_dataframe(clash, "text")
    out = analyze_dataframe(clash, "text", prefix="hs_", lang="ru")
    row = out.collect()[0]
    assert row["flagged"] is True and row["hs_flagged"] is False and row["hs_lang"] == "ru"


def test_importing_hsengine_does_not_import_pyspark_or_spacy():
    code = ("import sys, hsengine, hsengine.engine.engine, hsengine.integrations; "
            "hsengine.Engine; bad = [m for m in ('pyspark', 'spacy', 'pandas') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_executor_check_reports_and_unreadable_paths(spark, tmp_path):
    from hsengine import __version__
    from hsengine.integrations.spark import ExecutorEnvironmentError, check_executor_environment

    reports = check_executor_environment(spark, force=True)
    assert reports and all(r["hsengine"] == __version__ and not r["missing"] and not r["error"] for r in reports)
    missing = tmp_path / "no-such-lexicon"
    with pytest.raises(ExecutorEnvironmentError, match="cannot read .*no-such-lexicon") as info:
        check_executor_environment(spark, lexicon_paths=[missing])
    assert info.value.reports and "readable on every executor" in str(info.value)


STREAM_SCHEMA = "id INT, text STRING"


def _write_jsonl(path: Path, rows: list[tuple[int | None, str | None]], junk: list[str] = ()) -> None:
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in rows] + list(junk)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_streaming_file_source_to_memory_sink(spark, engine, tmp_path):
    """A streaming DataFrame goes through analyze_dataframe like a batch one: every input row comes
    out once, in micro-batches, and bad rows (null text, a line that is not JSON) become error rows."""
    from hsengine.integrations.spark import analyze_dataframe

    msgs = _messages()[:60]
    src, checkpoint = tmp_path / "in", tmp_path / "checkpoint"
    src.mkdir()
    _write_jsonl(src / "part-0.jsonl", list(enumerate(msgs[:30])))
    _write_jsonl(src / "part-1.jsonl", [(i + 30, t) for i, t in enumerate(msgs[30:])] + [(1000, None)],
                 junk=["{not json at all"])
    lines_in = 30 + 30 + 1 + 1

    stream = spark.readStream.schema(STREAM_SCHEMA).option("maxFilesPerTrigger", 1).json(str(src))
    out = analyze_dataframe(stream, "text")
    assert out.isStreaming and out.columns[:2] == ["id", "text"]

    def run(sink: str, checkpoint_dir: Path, **options: str):
        writer = out.writeStream.format(sink).outputMode("append").option("checkpointLocation", str(checkpoint_dir))
        for key, value in options.items():
            writer = writer.option(key, value)
        if sink == "memory":
            writer = writer.queryName("hs_stream")
        query = writer.trigger(availableNow=True).start()
        assert query.awaitTermination(180), "the streaming query did not finish"
        assert query.exception() is None
        return query

    query = run("memory", checkpoint)
    rows = spark.sql("SELECT * FROM hs_stream").collect()
    batches = [p for p in query.recentProgress if p["numInputRows"]]
    assert len(batches) == 2 and sum(p["numInputRows"] for p in batches) == lines_in
    assert len(rows) == lines_in  # N rows in, N rows out
    by_id = {r["id"]: r for r in rows if r["id"] is not None}
    assert sorted(by_id) == [*range(60), 1000]
    for i, text in enumerate(msgs):
        row = by_id[i]
        if text is None:
            assert row["error"] and row["flagged"] is False
            continue
        expected = engine.analyze(text)
        assert (row["flagged"], list(row["rule_ids"]), row["severity"]) == \
            (expected.flagged, expected.rule_ids, expected.severity), text
        assert row["result_json"] == expected.to_json() and row["error"] is None, text
    assert sum(r["flagged"] for r in by_id.values()) >= 5
    # bad rows are rows: a null text, and a line that is not JSON (permissive: all columns null)
    assert by_id[1000]["error"] and by_id[1000]["flagged"] is False
    junk = [r for r in rows if r["id"] is None]
    assert len(junk) == 1 and junk[0]["text"] is None and junk[0]["error"] and list(junk[0]["rule_ids"]) == []

    # with a sink that can recover (files), a query restarted from its checkpoint analyzes only
    # the file that arrived since: nothing twice, nothing lost
    sink, checkpoint = tmp_path / "out", tmp_path / "checkpoint-files"
    run("parquet", checkpoint, path=str(sink))
    _write_jsonl(src / "part-2.jsonl", [(2000, "Жидов надо убивать."), (2001, "Хорошая погода сегодня.")])
    query = run("parquet", checkpoint, path=str(sink))
    assert sum(p["numInputRows"] for p in query.recentProgress) == 2
    written = spark.read.parquet(str(sink)).collect()
    assert len(written) == lines_in + 2
    assert {r["id"]: r["flagged"] for r in written if r["id"] in (2000, 2001)} == {2000: True, 2001: False}
