"""The executor check of hsengine.integrations.spark: a job whose executors start a Python without
hsengine (a virtual environment run without activating it) fails at once with an error that names
the fix, and the fix from docs/spark.md makes the same job work.

Each test runs the job in a fresh driver process, as a user would (`python job.py`), with an empty
virtual environment first on PATH: its `python3` is what Spark starts when PYSPARK_PYTHON is unset.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pandas", reason="pandas is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'hsengine[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime: Spark needs java on PATH or JAVA_HOME", allow_module_level=True)

pytestmark = [pytest.mark.xdist_group("spark"),  # Spark jobs run one at a time on the 2 cores
              pytest.mark.slow]  # a JVM and fresh driver processes

JOB = textwrap.dedent('''
    import json, os, sys, time
    sys.path.insert(0, sys.argv[1])  # hsengine of this checkout, for the driver only
    from pyspark.sql import SparkSession
    from hsengine.integrations.spark import ExecutorEnvironmentError, analyze_dataframe


    def job(tag, **conf):
        t0 = time.perf_counter()
        builder = (SparkSession.builder.master("local[1]").appName("hsengine-executor-check")
                   .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                   .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.memory", "512m"))
        for key, value in conf.items():
            builder = builder.config(key, value)
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("OFF")
        df = spark.createDataFrame([(1, "Жидов надо убивать."), (2, "Китайцы открыли новое кафе."), (3, None)],
                                   "id int, text string")
        try:
            rows = [r.asDict() for r in analyze_dataframe(df, "text").select("id", "flagged", "error")
                    .orderBy("id").collect()]
            result = {"rows": rows}
        except ExecutorEnvironmentError as exc:
            result = {"error": str(exc), "reports": exc.reports}
        result["seconds"] = round(time.perf_counter() - t0, 2)
        print(tag, json.dumps(result), flush=True)
        spark.stop()


    for phase in sys.argv[2:]:
        conf = {}
        if phase == "other-version":  # executors find another hsengine (a stub in ./other)
            conf["spark.executorEnv.PYTHONPATH"] = os.path.join(os.getcwd(), "other")
        elif phase == "missing-python":
            os.environ["PYSPARK_PYTHON"] = os.path.join(os.getcwd(), "no-such-python")
        elif phase == "fix-in-script":
            os.environ["PYSPARK_PYTHON"] = sys.executable  # docs/spark.md: before the session starts
        job(phase, **conf)
''')


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory) -> Path:
    """An empty virtual environment (no hsengine, pandas or pyarrow): its bin directory."""
    venv = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    assert (bindir / "python3").exists() or (bindir / "python").exists()
    return bindir


def _run(tmp_path: Path, bare_bin: Path, *phases: str,
         command: list[str] | None = None, extra_env: dict[str, str] | None = None
         ) -> tuple[subprocess.CompletedProcess, dict]:
    """Run JOB's phases in one fresh driver process; {phase: what it printed}."""
    script = tmp_path / "job.py"
    script.write_text(JOB, encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV", "PYTHONPATH", "SPARK_HOME")}
    # not activated: the empty environment's python3 is the first on PATH, not the driver's
    env["PATH"] = os.pathsep.join([str(bare_bin), env.get("PATH", "")])
    env.update(extra_env or {})
    argv = [*(command or [sys.executable]), str(script), str(ROOT), *phases]
    proc = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    out = {}
    for line in proc.stdout.splitlines():
        tag, _, payload = line.partition(" ")
        if tag in phases:
            out[tag] = json.loads(payload)
    assert proc.returncode == 0 and set(out) == set(phases), proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc, out


def _assert_works(result: dict) -> None:
    assert "error" not in result, result["error"]
    rows = result["rows"]
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert [r["flagged"] for r in rows] == [True, False, False]
    assert rows[0]["error"] is None and rows[2]["error"]


def test_executors_without_hsengine_get_a_clear_error_and_the_fix_works(tmp_path, bare_python):
    stub = tmp_path / "other" / "hsengine"
    (stub / "integrations").mkdir(parents=True)
    (stub / "__init__.py").write_text('__version__ = "0.0.1-other"\n', encoding="utf-8")
    (stub / "integrations" / "__init__.py").write_text("", encoding="utf-8")
    (stub / "integrations" / "spark.py").write_text("", encoding="utf-8")
    proc, out = _run(tmp_path, bare_python, "not-activated", "other-version", "missing-python", "fix-in-script")

    # 1. PYSPARK_PYTHON unset: Spark starts `python3` from PATH, the empty environment's
    error = out["not-activated"]
    message = error.get("error", "")
    ran = {r["python"] for r in error.get("reports", [])}
    assert ran and all(Path(p).parent == bare_python for p in ran), (ran, message)
    assert "No module named 'hsengine'" in message
    assert str(bare_python) in message  # which interpreter the executors ran
    assert f"PYSPARK_PYTHON={sys.executable}" in message  # the fix, with this driver's interpreter
    assert "spark.pyspark.python" in message and "--archives" in message and "--py-files" in message
    # it failed in the check, before any worker traceback
    assert "PythonException" not in proc.stderr and "ModuleNotFoundError" not in proc.stderr

    # 2. executors that import another hsengine than the driver's
    from hsengine import __version__

    message = out["other-version"].get("error", "")
    assert f"hsengine 0.0.1-other ({stub}), the driver has {__version__}" in message, message

    # 3. an interpreter that does not exist: the Java error, in one line
    message = out["missing-python"].get("error", "")
    assert "Cannot run program" in message and "no-such-python" in message
    assert f"PYSPARK_PYTHON={sys.executable}" in message

    # 4. the fix from docs/spark.md, in the script: os.environ["PYSPARK_PYTHON"] = sys.executable
    _assert_works(out["fix-in-script"])


@pytest.mark.slow
def test_documented_fix_from_the_shell(tmp_path, bare_python):
    # docs/spark.md: PYSPARK_PYTHON=.venv/bin/python .venv/bin/python job.py sets the same entry of
    # os.environ before the session starts as the "fix-in-script" phase above, which tests it
    # (a driver of its own for it cost the suite ~30 s); spark-submit is another path:
    # docs/spark.md: spark-submit --conf spark.pyspark.python=... for the executors (the pip-installed
    # spark-submit finds Spark and runs the driver with PYSPARK_DRIVER_PYTHON, which executors ignore)
    submit = Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip("no spark-submit next to this Python (pyspark installed elsewhere)")
    _proc, out = _run(tmp_path, bare_python, "spark-submit", extra_env={"PYSPARK_DRIVER_PYTHON": sys.executable},
                      command=[str(submit), "--master", "local[1]", "--conf", f"spark.pyspark.python={sys.executable}"])
    _assert_works(out["spark-submit"])
