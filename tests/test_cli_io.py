"""Bad input gives a clear message and exit code 2, or one output row per input row with the row
reported — never a traceback, never a lost row.  Every file here is generated from our own sentences.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hsengine.cli.app import app

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "Все эти китайцы — вонючие тараканы.",
    "Дунгане отметили праздник в Алматы.",
    "Сегодня в Алматы солнечно, мы гуляли в парке.",
    "Мой сосед готовит отличный лагман, заходите в гости!",
    "Бүгін ауа райы жақсы, балалар ауладa ойнап жүр.",
    "Қытайлар мен қазақтар бірге жұмыс істейді.",
    "Купил новый телефон, камера просто супер 📷",
    "Китайцев надо выгнать из страны.",
    "Автобус опять опоздал на двадцать минут.",
    "Кеше кітапханаға барып, жаңа кітап алдым.",
]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def check(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, ["check", *args], input=input, catch_exceptions=False)


def assert_clean_error(result, *needles: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    for needle in needles:
        assert needle in result.stderr, result.stderr


def csv_rows(text: str) -> list[dict[str, str]]:
    """Rows of our CSV output: ','-separated, or ';' when the input was (so Excel opens it in columns).
    The field limit is raised here, not left to whatever test of this worker read a CSV input before
    (the engine's reader raises it process-wide): a 5 MB message is passed through in one field."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))
    head = text.lstrip("\ufeff").split("\n", 1)[0]
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";" if ";" in head and "," not in head else ","))


# -- problems with the whole input: exit 2, one message naming the problem ---------------------------
def test_missing_file(runner, tmp_path):
    (tmp_path / "posts.csv").write_text("text\nпривет\n", encoding="utf-8")
    r = check(runner, "--input", str(tmp_path / "post.csv"), "--format", "csv")
    assert_clean_error(r, "post.csv", "no such file", "did you mean")


def test_directory_instead_of_file(runner, tmp_path):
    assert_clean_error(check(runner, "--input", str(tmp_path)), "is a directory")


def test_unknown_csv_column(runner, tmp_path):
    f = tmp_path / "posts.csv"
    f.write_text("id,message,date\n1,привет,2024-01-01\n", encoding="utf-8")
    r = check(runner, "--input", str(f), "--column", "mesage", "--format", "csv")
    assert_clean_error(r, "posts.csv", "'mesage'", "id, message, date", "did you mean 'message'")


def test_csv_without_obvious_text_column(runner, tmp_path):
    f = tmp_path / "posts.csv"
    f.write_text("id,author,date\n1,аня,2024-01-01\n", encoding="utf-8")
    assert_clean_error(check(runner, "--input", str(f), "--format", "csv"), "--column")


def test_unknown_jsonl_field(runner, tmp_path):
    f = tmp_path / "posts.jsonl"
    f.write_text('{"id": 1, "body": "привет"}\n', encoding="utf-8")
    r = check(runner, "--input", str(f), "--field", "text", "--format", "jsonl")
    assert_clean_error(r, "posts.jsonl:1", "'text'", "body")


@pytest.mark.parametrize("content, needle", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "Excel"),
    (random.Random(1).randbytes(4000), "not a text file"),
    (b"text\n" + b"\x00\x01\x02\x03" * 100, "not a text file"),
])
def test_binary_file(runner, tmp_path, content, needle):
    f = tmp_path / "upload.csv"
    f.write_bytes(content)
    assert_clean_error(check(runner, "--input", str(f), "--format", "csv"), "upload.csv", needle)


def test_utf16_without_bom_is_an_encoding_error(runner, tmp_path):
    f = tmp_path / "export.csv"
    f.write_bytes("text\nпривет, как дела\nвсё хорошо\n".encode("utf-16-le"))
    r = check(runner, "--input", str(f), "--format", "csv")
    assert_clean_error(r, "export.csv", "UTF-16", "--encoding utf-16-le")


def test_windows_1251_is_an_encoding_error_with_a_hint(runner, tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("\n".join(SENTENCES[:4]).encode("cp1251"))
    r = check(runner, "--input", str(f), "--format", "jsonl")
    assert_clean_error(r, "old.txt", "not UTF-8", "cp1251")
    ok = check(runner, "--input", str(f), "--format", "jsonl", "--encoding", "cp1251")
    rows = [json.loads(line) for line in ok.stdout.splitlines()]
    assert [x["text"] for x in rows] == SENTENCES[:4]


def test_random_high_bytes_without_nul_is_an_encoding_error(runner, tmp_path):
    rnd = random.Random(7)
    data = b"\n".join(bytes(rnd.randrange(128, 256) for _ in range(60)) for _ in range(20))
    f = tmp_path / "noise.txt"
    f.write_bytes(data)
    assert_clean_error(check(runner, "--input", str(f)), "noise.txt", "not UTF-8")


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""),
    ("blank.txt", b"\n\n  \n"),
    ("bom_only.csv", codecs.BOM_UTF8),
    ("header_only.csv", b"id,text\n"),
    ("blank_lines.jsonl", b"\n\n"),
])
def test_empty_input(runner, tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    assert_clean_error(check(runner, "--input", str(f)), name, "empty")


def test_empty_stdin(runner):
    assert_clean_error(check(runner, "--format", "jsonl", input=""), "<stdin>", "empty")


def test_jsonl_that_is_not_jsonl(runner, tmp_path):
    f = tmp_path / "array.json"
    f.write_text('[{"text": "привет"}]\n', encoding="utf-8")
    assert_clean_error(check(runner, "--input", str(f)), "JSON array")
    g = tmp_path / "table.jsonl"
    g.write_text("text,id\nпривет,1\n", encoding="utf-8")
    assert_clean_error(check(runner, "--input", str(g)), "table.jsonl:1", "not valid JSON")


def test_unknown_encoding_and_bad_output_place(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("привет\n", encoding="utf-8")
    assert_clean_error(check(runner, "--input", str(f), "--encoding", "klingon-8"), "unknown encoding")
    assert_clean_error(check(runner, "--input", str(f), "--output", str(tmp_path / "no" / "dir" / "out.csv")),
                       "does not exist")
    assert_clean_error(check(runner, "--input", str(f), "--output", str(f)), "refusing to overwrite")
    assert f.read_text(encoding="utf-8") == "привет\n"


# -- problems with one row: the row is reported, the run goes on, N rows in = N rows out -------------
def test_invalid_utf8_in_one_row(runner, tmp_path):
    f = tmp_path / "posts.csv"
    lines = ["id,text", f"1,{SENTENCES[0]}", f"2,{SENTENCES[1]}", f"3,{SENTENCES[2]}", f"4,{SENTENCES[3]}"]
    data = "\n".join(lines).encode("utf-8") + b"\n5,\xd0\xbf\xd1\x80\xff\xfe \xd0\xbc\xd0\xb8\xd1\x80\n6,ok\n"
    f.write_bytes(data)
    r = check(runner, "--input", str(f), "--format", "csv")
    rows = csv_rows(r.stdout)
    assert [x["id"] for x in rows] == ["1", "2", "3", "4", "5", "6"]
    bad = rows[4]
    assert "\ufffd" in bad["text"] and bad["error"] == "" and bad["flagged"] == "false"
    assert "U+FFFD" in bad["warnings"]
    assert "posts.csv:6:" in r.stderr and "invalid UTF-8" in r.stderr
    assert rows[0]["flagged"] == "true"
    assert r.exit_code == 1


def test_invalid_utf8_row_in_txt_and_jsonl(runner, tmp_path):
    t = tmp_path / "m.txt"
    t.write_bytes(SENTENCES[1].encode() + b"\n\xc3\x28 broken\n" + SENTENCES[0].encode() + b"\n")
    rows = [json.loads(x) for x in check(runner, "--input", str(t), "--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 3 and rows[1]["warnings"] and rows[2]["flagged"]
    j = tmp_path / "m.jsonl"
    j.write_bytes(b'{"text": "\xff\xfe"}\n' + json.dumps({"text": SENTENCES[0]}, ensure_ascii=False).encode() + b"\n")
    rows = [json.loads(x) for x in check(runner, "--input", str(j), "--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 2 and "U+FFFD" in rows[0]["warnings"][0] and rows[1]["flagged"]


def test_empty_rows_each_give_one_output_row(runner, tmp_path):
    t = tmp_path / "m.txt"
    t.write_text(f"{SENTENCES[0]}\n\n{SENTENCES[1]}\n   \n{SENTENCES[2]}\n", encoding="utf-8")
    r = check(runner, "--input", str(t), "--format", "csv")
    rows = csv_rows(r.stdout)
    assert [x["line"] for x in rows] == ["1", "2", "3", "4", "5"]
    assert rows[1]["text"] == "" and rows[1]["flagged"] == "false" and "empty message" in rows[1]["warnings"]
    assert "m.txt:2: warning: empty message" in r.stderr and "m.txt:4:" in r.stderr
    c = tmp_path / "m.csv"
    c.write_text(f"id;text\n1;{SENTENCES[0]}\n\n3;{SENTENCES[1]}\n4;\n", encoding="utf-8")
    rows = csv_rows(check(runner, "--input", str(c), "--format", "csv").stdout)
    assert [x["line"] for x in rows] == ["2", "3", "4", "5"]
    assert "empty row" in rows[1]["warnings"] and "empty message" in rows[3]["warnings"]


def test_five_megabyte_row(runner, tmp_path):
    big = ("Очень длинное сообщение без конца. " * 160_000)[:5_000_000]
    t = tmp_path / "big.txt"
    t.write_text(f"{SENTENCES[0]}\n{big}\n{SENTENCES[1]}\n", encoding="utf-8")
    assert t.stat().st_size > 5_000_000
    r = check(runner, "--input", str(t), "--format", "csv")
    rows = csv_rows(r.stdout)
    assert len(rows) == 3
    assert rows[0]["flagged"] == "true" and rows[2]["flagged"] == "false"
    assert rows[1]["error"].startswith("message too long") and rows[1]["flagged"] == ""
    assert rows[1]["text"] == big  # passed through, not lost
    assert "big.txt:2: error: message too long" in r.stderr
    c = tmp_path / "big.csv"
    with c.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerows([[1, SENTENCES[1]], [2, big], [3, SENTENCES[0]]])
    r = check(runner, "--input", str(c), "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["fields"]["id"] for x in rows] == ["1", "2", "3"]
    assert rows[1]["error"] and rows[2]["flagged"]
    assert "big.csv:3: error" in r.stderr


def test_max_chars_option(runner, tmp_path):
    t = tmp_path / "m.txt"
    t.write_text(SENTENCES[0] + " " + "слово " * 400 + "\n" + SENTENCES[0] + "\n", encoding="utf-8")
    rows = csv_rows(check(runner, "--input", str(t), "--format", "csv", "--max-chars", "1000").stdout)
    assert rows[0]["error"].startswith("message too long") and rows[1]["flagged"] == "true"


def test_row_longer_than_the_read_limit_is_skipped_unread(tmp_path):
    from hsengine.io import readers as hio

    t = tmp_path / "m.txt"
    t.write_text("first\n" + "x" * 3000 + "\nthird\n", encoding="utf-8")
    with hio.open_input(str(t), max_row_bytes=1000) as source:
        rows = list(source)
    assert [r.text for r in rows] == ["first", "", "third"]
    assert rows[1].error and "too long to read" in rows[1].error and rows[1].line == 2


def test_bad_json_rows_keep_going(runner, tmp_path):
    j = tmp_path / "m.jsonl"
    j.write_text("\n".join([
        json.dumps({"id": 1, "text": SENTENCES[0]}, ensure_ascii=False),
        "{not json",
        "[1, 2]",
        json.dumps({"id": 4}),
        json.dumps({"id": 5, "text": None}),
        json.dumps({"id": 6, "text": {"nested": True}}),
        json.dumps({"id": 7, "post": {"body": SENTENCES[1]}}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    r = check(runner, "--input", str(j), "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["line"] for x in rows] == [1, 2, 3, 4, 5, 6, 7]
    assert rows[0]["flagged"] and rows[0]["fields"] == {"id": 1}
    assert rows[1]["error"].startswith("not valid JSON") and rows[1]["text"] == "{not json"
    assert "JSON array" in rows[2]["error"]
    assert rows[3]["error"] == "no field 'text'"
    assert rows[4]["error"] is None and "empty message" in rows[4]["warnings"]
    assert "JSON object" in rows[5]["error"]
    assert "m.jsonl:2: error: not valid JSON" in r.stderr


def test_nested_jsonl_field(runner, tmp_path):
    j = tmp_path / "n.jsonl"
    j.write_text("\n".join(json.dumps({"id": i, "post": {"body": s}}, ensure_ascii=False)
                           for i, s in enumerate(SENTENCES[:3])) + "\n", encoding="utf-8")
    rows = [json.loads(x) for x in check(runner, "--input", str(j), "--field", "post.body", "--format", "jsonl")
            .stdout.splitlines()]
    assert [x["text"] for x in rows] == SENTENCES[:3] and rows[0]["flagged"]


# -- encodings, delimiters, BOMs ------------------------------------------------------------------------
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters_are_detected(runner, tmp_path, delimiter):
    f = tmp_path / "posts.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(["id", "text", "author"])
        for i, s in enumerate(SENTENCES):
            w.writerow([i, s + ", да; нет | так", f"user{i}"])
    rows = csv_rows(check(runner, "--input", str(f), "--format", "csv").stdout)
    assert [x["id"] for x in rows] == [str(i) for i in range(len(SENTENCES))]
    assert rows[0]["text"] == SENTENCES[0] + ", да; нет | так" and rows[0]["author"] == "user0"
    assert rows[0]["flagged"] == "true"


def test_utf8_bom_and_utf16_bom(runner, tmp_path):
    f = tmp_path / "excel.csv"
    f.write_bytes(codecs.BOM_UTF8 + f"text;id\n{SENTENCES[0]};1\n{SENTENCES[1]};2\n".encode("utf-8"))
    out = check(runner, "--input", str(f), "--format", "csv").stdout
    assert out.startswith("\ufeff")  # a BOM in, a BOM out (Excel opens it as UTF-8)
    rows = csv_rows(out.lstrip("\ufeff"))
    assert list(rows[0])[:2] == ["text", "id"] and rows[0]["flagged"] == "true"
    g = tmp_path / "unicode.txt"
    g.write_bytes("\n".join(SENTENCES[:3]).encode("utf-16"))
    rows = [json.loads(x) for x in check(runner, "--input", str(g), "--format", "jsonl").stdout.splitlines()]
    assert [x["text"] for x in rows] == SENTENCES[:3]


def test_csv_multiline_cells_and_quotes(runner, tmp_path):
    f = tmp_path / "posts.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerow([1, "Первая строка\nвторая строка с \"кавычками\""])
        w.writerow([2, SENTENCES[0]])
    r = check(runner, "--input", str(f), "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["line"] for x in rows] == [2, 4]
    assert rows[0]["text"].startswith("Первая строка\nвторая")


def test_csv_rows_with_missing_and_extra_fields(runner, tmp_path):
    f = tmp_path / "posts.csv"
    f.write_text(f"id,text,author\n1,{SENTENCES[0]},a,EXTRA\n2\n3,{SENTENCES[1]}\n", encoding="utf-8")
    r = check(runner, "--input", str(f), "--format", "csv")
    rows = csv_rows(r.stdout)
    assert len(rows) == 3
    assert rows[0]["flagged"] == "true" and "dropped" in rows[0]["warnings"]
    assert rows[1]["error"].startswith("no value in column 'text'")
    assert rows[2]["error"] == "" and "field(s)" in rows[2]["warnings"]


def test_output_columns_do_not_collide_with_input_columns(runner, tmp_path):
    f = tmp_path / "again.csv"
    f.write_text(f"text,flagged,line\n{SENTENCES[0]},old,7\n", encoding="utf-8")
    out = check(runner, "--input", str(f), "--format", "csv").stdout
    header = next(csv.reader(io.StringIO(out)))
    assert header[:3] == ["text", "flagged", "line"] and "hs_flagged" in header and "hs_line" in header
    row = csv_rows(out)[0]
    assert row["flagged"] == "old" and row["hs_flagged"] == "true"


# -- N rows in, N rows out, in order, for every format -----------------------------------------------
def _mixed_csv(path: Path, n: int, seed: int = 3) -> list[bytes]:
    """n data rows: our sentences, plus an empty row, an invalid-UTF-8 row and a too-long row."""
    rnd = random.Random(seed)
    out = [b"id,text,source"]
    for i in range(n):
        if i == 5:
            out.append(b"")
        elif i == 9:
            out.append(b'9,"\xff\xfe\xd0\xbf\xd1\x80\xd0\xb8",bad')
        elif i == 13:
            out.append(f'13,"{"а" * 3000}",long'.encode())
        else:
            text = rnd.choice(SENTENCES) + f" №{i}"
            out.append(f'{i},"{text}",gen'.encode())
    path.write_bytes(b"\n".join(out) + b"\n")
    return out


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "html", "pretty"])
def test_n_rows_in_n_rows_out(runner, tmp_path, fmt):
    f = tmp_path / "mixed.csv"
    _mixed_csv(f, 40)
    out = tmp_path / f"out.{fmt}"
    r = check(runner, "--input", str(f), "--format", fmt, "--max-chars", "2000", "--output", str(out))
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        rows = csv_rows(text)
        assert len(rows) == 40 and [int(x["line"]) for x in rows] == list(range(2, 42))
        assert rows[13]["error"] and rows[5]["warnings"] == "empty row" and "U+FFFD" in rows[9]["warnings"]
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in text.splitlines()]
        assert [x["line"] for x in rows] == list(range(2, 42))
    elif fmt == "json":
        doc = json.loads(text)
        assert [x["line"] for x in doc["results"]] == list(range(2, 42))
        assert doc["summary"]["messages"] == 40 and doc["summary"]["errors"] == 1
    elif fmt == "html":
        start = text.index('id="hs-summary">') + len('id="hs-summary">')
        summary = json.loads(text[start:text.index("</script>", start)])
        assert summary["messages"] == 40 and summary["errors"] == 1 and summary["error_rows"][0][0] == 15
    else:
        assert "mixed.csv:15" in text  # the error row is listed with its line
    assert "mixed.csv:15: error: message too long" in r.stderr


def test_parallel_jobs_keep_rows_and_order_with_bad_rows(tmp_path):
    f = tmp_path / "mixed.csv"
    _mixed_csv(f, 700)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        r = _run_process("check", "--input", str(f), "--format", "jsonl", "--max-chars", "2000", "--jobs", jobs,
                         "--output", str(out))
        assert r.returncode == 1, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    rows = [json.loads(x) for x in outs[0].decode().splitlines()]
    assert len(rows) == 700 and [x["line"] for x in rows] == list(range(2, 702))


def _run_process(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "hsengine", *args], capture_output=True, text=True, env=env,
                          timeout=600)


@pytest.mark.slow  # 10,000 rows, a process pool
def test_ten_thousand_row_csv_and_jobs_2_byte_identical(tmp_path):
    rnd = random.Random(11)
    f = tmp_path / "posts.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "date"])
        for i in range(10_000):
            text = rnd.choice(SENTENCES)
            if i % 97 == 0:
                text += "\n" + rnd.choice(SENTENCES)  # a multi-line post
            w.writerow([i, text, f"2024-02-{i % 28 + 1:02d}"])
    outputs = []
    for jobs in ("1", "2"):
        r = _run_process("check", "--input", str(f), "--column", "text", "--format", "csv", "--jobs", jobs)
        assert r.returncode == 1, r.stderr
        outputs.append(r.stdout)
    assert outputs[0] == outputs[1]
    rows = csv_rows(outputs[0])
    assert len(rows) == 10_000
    assert [x["id"] for x in rows] == [str(i) for i in range(10_000)]
    assert {x["flagged"] for x in rows} == {"true", "false"}
    assert all(x["error"] == "" for x in rows)
    assert "Messages read" in r.stderr and "10,000" in r.stderr  # the summary, on stderr for machine formats


def test_reader_streams_without_reading_the_whole_file(tmp_path):
    """The reader pulls rows lazily: after the first row only a small prefix of the file is consumed."""
    from hsengine.io import readers as hio

    f = tmp_path / "long.txt"
    f.write_text("\n".join(f"{SENTENCES[i % len(SENTENCES)]} {i}" for i in range(200_000)) + "\n", encoding="utf-8")
    size = f.stat().st_size
    with hio.open_input(str(f)) as source:
        rows = iter(source)
        first = next(rows)
        assert first.line == 1
        assert source.bytes_read < 2 * hio.SAMPLE_BYTES < size / 10
        count = 1 + sum(1 for _ in rows)
        assert count == 200_000 and source.bytes_read == size
