"""Issue #15: whatever one row holds, it gives one output row and the run goes on; the output stays
valid JSON; the input file is never replaced by the output.  Every text here is our own."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hsengine.cli.app import app
from hsengine.io import readers

HATEFUL = "Все эти китайцы — вонючие тараканы."
PLAIN = "Сегодня в Алматы солнечно, мы гуляли в парке."


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def check(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, ["check", *args], input=input)


def strict_json(line: str):
    """Parse as standard JSON: NaN, Infinity and -Infinity are not JSON."""
    def refuse(literal: str):
        raise ValueError(f"not JSON: {literal}")
    return json.loads(line, parse_constant=refuse)


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- JSON Lines rows that used to end the run (exit 3, nothing written) -----------------------------
BAD_ROWS = {
    "lone_surrogate": '{"text": "bad \\ud800 row", "who": "\\udfff"}',
    "huge_integer": '{"text": "' + PLAIN + '", "n": ' + "7" * 5000 + "}",
    "deep_nesting": '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "infinite_float": '{"text": "' + PLAIN + '", "v": 1e400, "w": -1e999, "z": NaN}',
}


@pytest.mark.parametrize("kind", sorted(BAD_ROWS))
def test_one_bad_jsonl_row_is_one_row_and_the_rest_is_kept(runner, tmp_path, kind):
    f = _jsonl(tmp_path / "posts.jsonl", [json.dumps({"text": HATEFUL}, ensure_ascii=False), BAD_ROWS[kind],
                                          json.dumps({"text": PLAIN}, ensure_ascii=False)])
    out = tmp_path / "out.jsonl"
    r = check(runner, "--input", str(f), "--output", str(out))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == 1, (r.exit_code, r.stderr)
    rows = [strict_json(x) for x in out.read_text(encoding="utf-8").splitlines()]  # valid UTF-8 and JSON
    assert [x["line"] for x in rows] == [1, 2, 3]
    assert rows[0]["flagged"] and rows[2]["error"] is None
    bad = rows[1]
    if kind == "lone_surrogate":
        assert bad["text"] == "bad \ufffd row" and bad["fields"]["who"] == "\ufffd" and bad["error"] is None
        assert any("U+FFFD" in w for w in bad["warnings"])
    elif kind == "huge_integer":
        assert bad["fields"]["n"] == "7" * 5000 and bad["error"] is None  # passed through as its digits
    elif kind == "deep_nesting":
        assert "nested deeper than" in bad["error"]
    else:
        assert bad["fields"] == {"v": "1e400", "w": "-1e999", "z": "NaN"}
        assert any("1e400" in w for w in bad["warnings"])


def test_the_first_row_can_be_the_bad_one(runner, tmp_path):
    f = _jsonl(tmp_path / "posts.jsonl", [BAD_ROWS["deep_nesting"], json.dumps({"text": HATEFUL}, ensure_ascii=False)])
    r = check(runner, "--input", str(f), "--format", "jsonl")
    rows = [strict_json(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 1 and len(rows) == 2 and rows[0]["error"] and rows[1]["flagged"]


def test_infinite_numbers_in_csv_output_and_from_the_api_stay_valid_json():
    from hsengine.engine.results import AnalysisResult
    from hsengine.io import writers

    row = readers.Row(0, 1, "x", {"text": "x", "v": float("inf"), "w": [float("nan")], "s": "a\ud800b"})
    buf = io.StringIO()
    writers.JsonlWriter(buf, "text").write(row, AnalysisResult("x", "und"))
    record = strict_json(buf.getvalue())
    assert record["fields"] == {"v": "inf", "w": ["nan"], "s": "a\ufffdb"}
    buf = io.StringIO()
    writers.CsvWriter(buf, ["text", "v", "s"]).write(row, AnalysisResult("x", "und"))
    cells = list(csv.reader(io.StringIO(buf.getvalue())))[1]
    assert cells[1] == "inf" and cells[2] == "a\ufffdb"


def test_undecodable_command_line_argument_is_one_row(runner):
    r = check(runner, "--format", "jsonl", HATEFUL, "abc\udcff")  # how Python passes byte 0xff from argv
    rows = [strict_json(x) for x in r.stdout.splitlines()]
    assert len(rows) == 2 and rows[0]["flagged"] and rows[1]["text"] == "abc\ufffd"


def test_a_row_that_cannot_be_written_becomes_an_error_row(runner, tmp_path, monkeypatch):
    """Generalised: whatever reaches the writer, a failure to write one row is that row's error."""
    from hsengine.io import writers

    real = writers.JsonlWriter.write

    def fussy(self, row, result):
        if "poison" in row.fields.get("text", ""):
            raise ValueError("this row cannot be encoded")
        real(self, row, result)

    monkeypatch.setattr(writers.JsonlWriter, "write", fussy)
    f = tmp_path / "m.txt"
    f.write_text(f"{HATEFUL}\npoison\n{PLAIN}\n", encoding="utf-8")
    r = check(runner, "--input", str(f), "--format", "jsonl")
    rows = [strict_json(x) for x in r.stdout.splitlines()]
    assert [x["line"] for x in rows] == [1, 2, 3] and r.exit_code == 1
    assert "cannot be written" in rows[1]["error"] and "m.txt:2: error" in r.stderr


def test_an_internal_error_keeps_the_rows_already_written(runner, tmp_path, monkeypatch):
    """A bug mid-run: the output file is not replaced, and what was analyzed is kept beside it."""
    from hsengine.io import writers

    real = writers.JsonlWriter.write

    def buggy(self, row, result):
        if row.line == 3:
            raise RuntimeError("a bug")
        real(self, row, result)

    monkeypatch.setattr(writers.JsonlWriter, "write", buggy)
    f = tmp_path / "m.txt"
    f.write_text(f"{HATEFUL}\n{PLAIN}\n{PLAIN}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    r = check(runner, "--input", str(f), "--output", str(out))
    assert isinstance(r.exception, RuntimeError)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    kept = [strict_json(x) for x in (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()]
    assert [x["line"] for x in kept] == [1, 2]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- the same row, the same treatment, wherever it stands -------------------------------------------
def test_a_nul_byte_is_treated_alike_in_the_first_64_kb_and_after(runner, tmp_path):
    nul_row = f"{HATEFUL} \x00 конец".encode()
    filler = "\n".join(f"{PLAIN} {i}" for i in range(2000)).encode()
    assert len(filler) > readers.SAMPLE_BYTES
    f = tmp_path / "m.txt"
    f.write_bytes(nul_row + b"\n" + filler + b"\n" + nul_row + b"\n")
    r = check(runner, "--input", str(f), "--format", "jsonl")
    assert r.exit_code == 1, r.stderr
    rows = [strict_json(x) for x in r.stdout.splitlines()]
    assert len(rows) == 2002
    first, last = rows[0], rows[-1]
    assert first["text"] == last["text"] and "\x00" in first["text"]
    assert first["flagged"] and last["flagged"]
    assert first["warnings"] == last["warnings"] and any("NUL" in w for w in first["warnings"])


def test_a_file_mostly_of_nul_bytes_is_still_refused(runner, tmp_path):
    f = tmp_path / "m.txt"
    f.write_bytes(b"text\n" + b"\x00" * 4000)
    r = check(runner, "--input", str(f))
    assert r.exit_code == 2 and "not a text file" in r.stderr


def test_the_half_written_last_line_of_a_growing_file_is_not_analyzed_as_complete(tmp_path):
    f = tmp_path / "live.txt"
    f.write_bytes(f"{PLAIN}\n{HATEFUL}\n".encode())
    with readers.open_input(str(f)) as source:
        with f.open("ab") as fh:  # a writer appends while the run reads: half a line so far
            fh.write("Китайцев надо вы".encode())
        rows = list(source)
    assert [r.text for r in rows] == [PLAIN, HATEFUL, "Китайцев надо вы"]
    assert rows[0].error is None and rows[1].error is None
    assert rows[2].error == readers.INCOMPLETE_LINE


def test_a_growing_file_whose_line_is_finished_meanwhile_is_read_whole(tmp_path):
    f = tmp_path / "live.jsonl"
    f.write_bytes(json.dumps({"text": PLAIN}).encode() + b"\n")
    with readers.open_input(str(f)) as source:
        with f.open("ab") as fh:
            fh.write(b'{"text": "\\u041a\\u0438\\u0442\\u0430')

        def finish() -> None:
            time.sleep(0.3)
            with f.open("ab") as fh:
                fh.write(b'\\u0439"}\n')

        t = threading.Thread(target=finish)
        t.start()
        rows = list(source)
        t.join()
    assert [r.text for r in rows] == [PLAIN, "Китай"] and rows[1].error is None


def test_a_finished_file_without_a_final_line_end_is_read_at_once(tmp_path):
    f = tmp_path / "done.txt"
    f.write_bytes(f"{PLAIN}\n{HATEFUL}".encode())
    t0 = time.monotonic()
    with readers.open_input(str(f)) as source:
        rows = list(source)
    assert [r.text for r in rows] == [PLAIN, HATEFUL] and rows[1].error is None
    assert time.monotonic() - t0 < readers.GROWING_WAIT  # no waiting for a file that does not grow


def test_output_onto_the_file_standard_input_reads_is_refused(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "posts.txt"
    f.write_text(f"{HATEFUL}\n{PLAIN}\n", encoding="utf-8")
    before = f.read_bytes()
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    with f.open("rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "hsengine", "check", "-o", str(f)], stdin=stdin,
                           capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 2 and "standard input" in r.stderr
    assert f.read_bytes() == before
    link = tmp_path / "link.txt"
    os.link(f, link)
    with f.open("rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "hsengine", "check", "-o", str(link)], stdin=stdin,
                           capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 2 and f.read_bytes() == before


# -- fuzz: N rows in = N rows out, never an internal error ------------------------------------------
# The default profile runs 20 examples per reader; `HYPOTHESIS_PROFILE=long` (see conftest.py) 2,000,
# of 10 to 120 rows each.  With HSENGINE_FUZZ_ROWS=FILE each example appends "format rows" to FILE
# (rows 0 when the whole file was refused), to count what ran.
FUZZ_EXAMPLES = max(10, settings().max_examples // 10)
_LONG = settings().max_examples >= 1000
FUZZ_ROWS = 120 if _LONG else 40  # rows per generated file, at most
FUZZ_MIN_ROWS = 10 if _LONG else 1  # (hypothesis draws lists of about twice the minimum)
ODD_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
HOSTILE = st.sampled_from(["\x00", "\u200b" * 50, "\ufeff", "\r", '"', ",", ";", "\t", "\\", "'", "❤️", "е\u0301",
                           "ж1ды", "кит@йцы", HATEFUL, "\u202e", "\x1b[31m", "{", "[", "\u2028"])
MESSAGE = st.lists(st.one_of(ODD_TEXT, HOSTILE), max_size=5).map("".join)


def _count(fmt: str, n: int) -> None:
    path = os.environ.get("HSENGINE_FUZZ_ROWS")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{fmt} {n}\n")


def _run_fuzz(runner: CliRunner, path: Path, data: bytes, n: int, fmt: str, *extra: str) -> None:
    path.write_bytes(data)
    r = runner.invoke(app, ["check", "--input", str(path), "--format", "jsonl", "--quiet", *extra])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.stderr)
    assert "internal error" not in r.stderr
    if r.exit_code == 2:  # the whole input was refused (binary-looking, not UTF-8...): a clean message
        assert r.stdout == "" and r.stderr.startswith("hsengine: error:"), r.stderr
        _count(fmt + "-refused", 0)
        return
    rows = [strict_json(line) for line in r.stdout.split("\n")[:-1]]
    assert len(rows) == n, (len(rows), n)
    _count(fmt, n)


_TEXT_LINE = MESSAGE.map(lambda s: s.replace("\n", " ").encode("utf-8"))
# mostly text (a file of random bytes is refused as a whole, which tests nothing about rows)
LINE_BYTES = st.one_of(*[_TEXT_LINE] * 12, st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")))


@pytest.mark.slow  # a property run
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(LINE_BYTES, min_size=FUZZ_MIN_ROWS, max_size=FUZZ_ROWS), st.booleans())
def test_fuzz_txt_rows_in_equal_rows_out(runner, tmp_path_factory, lines, final_newline):
    data = b"\n".join(lines) + (b"\n" if final_newline else b"")
    n = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)  # a row per line, the last one unended too
    _run_fuzz(runner, tmp_path_factory.mktemp("txt") / "m.txt", data, n, "txt")


@pytest.mark.slow  # a property run
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(MESSAGE, MESSAGE), min_size=FUZZ_MIN_ROWS, max_size=FUZZ_ROWS))
def test_fuzz_csv_records_in_equal_rows_out(runner, tmp_path_factory, records):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["text", "note"])
    w.writerows(records)
    data = buf.getvalue().encode("utf-8")
    _run_fuzz(runner, tmp_path_factory.mktemp("csv") / "m.csv", data, len(records), "csv", "--delimiter", ",")


JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), MESSAGE),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(MESSAGE, inner, max_size=4)),
    max_leaves=12,
)
RAW_JSON_LINE = st.one_of(
    st.dictionaries(st.sampled_from(["text", "id", "meta", "когда"]), JSON_VALUE, max_size=4).map(json.dumps),
    JSON_VALUE.map(json.dumps),
    st.sampled_from(list(BAD_ROWS.values()) + ['{"text": 1e400}', '{"text": ' + "9" * 4500 + "}", "{not json",
                                               "", "   ", '{"text": "\\udc80\\ud800"}', "[" * 3000, "null"]),
    st.integers(2, 4000).map(lambda k: '{"text": "x", "d": ' + "[" * k + "]" * k + "}"),
    MESSAGE.map(lambda s: s.replace("\n", " ")),
)


@pytest.mark.slow  # a property run
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(MESSAGE, st.lists(RAW_JSON_LINE, min_size=FUZZ_MIN_ROWS - 1, max_size=FUZZ_ROWS))
def test_fuzz_jsonl_lines_in_equal_rows_out(runner, tmp_path_factory, first, lines):
    lines = [json.dumps({"text": first}, ensure_ascii=False)] + [x.replace("\n", " ") for x in lines]
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    _run_fuzz(runner, tmp_path_factory.mktemp("jsonl") / "m.jsonl", data, len(lines), "jsonl")


def test_explain_reads_invalid_utf8_and_undecodable_arguments(runner):
    r = runner.invoke(app, ["explain", "-", "--json"], input="Все китайцы — тараканы ".encode() + b"\xff\n")
    assert r.exit_code == 1 and json.loads(r.stdout)["text"].endswith("\ufffd\n")
    r = runner.invoke(app, ["explain", "abc\udcff", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["text"] == "abc\ufffd"
