"""The files volunteers have, in their real formats: N rows in = N rows out, every column kept.

Fixtures in tests/data/exports are written for this repository in each platform's layout (our own
sentences): a Telegram Desktop `result.json` (entities, service messages, a forward, a reply, a
message without text), a YouTube Data API `commentThreads.list` response (a reply, HTML in
`textDisplay`), Excel's "Unicode text" (UTF-16 LE with a byte-order mark, tabs, CRLF), a headerless
CSV and a CSV with a quote that is never closed.  The .xlsx is written here with openpyxl (dates,
numbers, an empty row inside, empty rows at the end, a second sheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hsengine.cli.app import app

DATA = Path(__file__).resolve().parent / "data" / "exports"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def check(runner, *args, input=None):
    return runner.invoke(app, ["check", *args], input=input, catch_exceptions=False)


def rows_of(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


def spans_ok(record: dict) -> bool:
    text = record["text"]
    return all(text[e["start"]:e["end"]] == e["text"] for m in record["matches"] for e in m["evidence"])


# -- Telegram Desktop ------------------------------------------------------------------------------
def test_telegram_export_one_row_per_message_with_date_author_id_link(runner):
    doc = json.loads((DATA / "telegram_result.json").read_text(encoding="utf-8"))
    messages = [m for m in doc["messages"] if m["type"] == "message"]
    r = check(runner, "--input", str(DATA / "telegram_result.json"), "--format", "csv")
    assert r.exit_code == 1, r.stderr
    rows = rows_of(r.stdout)
    assert len(rows) == len(messages) == 5
    assert [x["id"] for x in rows] == [str(m["id"]) for m in messages]
    assert list(rows[0])[:10] == ["id", "date", "chat", "from", "from_id", "link", "reply_to_message_id",
                                  "forwarded_from", "edited", "text"]
    first = rows[0]
    assert first["text"] == "Все эти китайцы — вонючие тараканы. Подробнее: https://example.org/a"  # entities flattened
    assert first["date"] == "2024-03-01T10:15:00" and first["from"] == "Тестовый канал"
    assert first["link"] == "https://t.me/c/1098765432/2" and first["flagged"] == "true"
    assert rows[2]["forwarded_from"] == "Другой канал" and rows[2]["flagged"] == "true"
    assert rows[3]["reply_to_message_id"] == "3" and rows[3]["text"] == "" and "empty message" in rows[3]["warnings"]
    assert rows[4]["flagged"] == "false"  # negated and condemned
    assert "2 service message(s)" in r.stderr  # joins and pins are counted, not rows
    # lines point into result.json
    lines = (DATA / "telegram_result.json").read_text(encoding="utf-8").splitlines()
    assert lines[int(first["line"]) - 1].strip() == "{"
    assert '"id": 2,' in lines[int(first["line"])]


def test_telegram_jsonl_output_keeps_fields_and_spans(runner):
    r = check(runner, "--input", str(DATA / "telegram_result.json"), "--format", "jsonl", "-q")
    records = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(records) == 5
    assert all(spans_ok(x) for x in records)
    assert records[0]["fields"]["link"] == "https://t.me/c/1098765432/2"


def test_telegram_export_streams_a_large_file(tmp_path):
    from hsengine.io import readers

    msgs = [{"id": i, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
             "text": ["x ", {"type": "bold", "text": f"слово{i}"}]} for i in range(1, 30_001)]
    f = tmp_path / "result.json"
    f.write_text(json.dumps({"name": "Big", "type": "private_supergroup", "id": 7, "messages": msgs},
                            ensure_ascii=False, indent=1), encoding="utf-8")
    with readers.open_input(str(f)) as source:
        assert source.kind == "telegram"
        rows = list(source)
    assert len(rows) == 30_000
    assert rows[-1].text == "x слово30000" and rows[-1].fields["link"] == "https://t.me/c/7/30000"


def test_telegram_export_with_a_broken_end_is_reported_with_its_line(runner, tmp_path):
    text = (DATA / "telegram_result.json").read_text(encoding="utf-8")
    f = tmp_path / "result.json"
    f.write_text(text[: len(text) // 2], encoding="utf-8")
    r = check(runner, "--input", str(f), "--format", "csv")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "result.json:" in r.stderr and "not valid JSON" in r.stderr


# -- YouTube ---------------------------------------------------------------------------------------
def test_youtube_api_comments_and_replies(runner):
    r = check(runner, "--input", str(DATA / "youtube_comment_threads.json"), "--format", "csv", "-q")
    rows = rows_of(r.stdout)
    assert len(rows) == 3  # two top-level comments and one reply
    assert [x["id"] for x in rows] == ["UgzTestThreadOne", "UgzTestThreadOne.Reply01", "UgzTestThreadTwo"]
    assert rows[0]["text"] == "Қытайлар — тарақандар.\nБәрін қуу керек!" and rows[0]["flagged"] == "true"
    assert rows[1]["parent_id"] == "UgzTestThreadOne" and rows[1]["text"] == 'Бұл "ксенофобия", ұят!'  # from HTML
    assert rows[0]["link"] == "https://www.youtube.com/watch?v=vid00000001&lc=UgzTestThreadOne"
    assert rows[0]["author"] == "@user_one" and rows[0]["date"] == "2024-05-01T10:00:00Z"


def test_youtube_pages_as_an_array_and_as_json_lines(runner, tmp_path):
    doc = json.loads((DATA / "youtube_comment_threads.json").read_text(encoding="utf-8"))
    f = tmp_path / "pages.json"
    f.write_text(json.dumps([doc, doc], ensure_ascii=False), encoding="utf-8")
    assert len(rows_of(check(runner, "--input", str(f), "-f", "csv", "-q").stdout)) == 6
    g = tmp_path / "pages.jsonl"
    g.write_text(json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(doc, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    assert len(rows_of(check(runner, "--input", str(g), "--input-format", "youtube", "-f", "csv", "-q").stdout)) == 6


# -- Excel -------------------------------------------------------------------------------------------
def test_excel_unicode_text_is_a_table_and_csv_output_opens_in_excel(runner):
    r = check(runner, "--input", str(DATA / "excel_unicode.txt"), "--format", "csv")
    assert "Unicode text" in r.stderr
    assert r.stdout.startswith("\ufeff")  # the input came from Excel: Excel reads our output as UTF-8
    rows = rows_of(r.stdout)
    assert [x["id"] for x in rows] == ["1", "2", "3"]
    assert list(rows[0])[:4] == ["id", "текст", "канал", "дата"]
    assert [x["flagged"] for x in rows] == ["true", "false", "true"]
    r = check(runner, "--input", str(DATA / "excel_unicode.txt"), "--input-format", "txt", "-f", "csv", "-q")
    assert len(rows_of(r.stdout)) == 4  # one message per line when asked


def make_xlsx(path: Path) -> list[list]:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Посты"
    data = [
        ["id", "канал", "дата", "текст", "просмотры"],
        [1, "канал А", dt.datetime(2024, 3, 1, 10, 15), "Все эти китайцы — вонючие тараканы.", 1200],
        [2, "канал Б", dt.date(2024, 3, 2), "Сегодня в Алматы солнечно.", 15.0],
        [None, None, None, None, None],
        [4, "канал А", dt.datetime(2024, 3, 3), "Шүршіттерді елден қуу керек!", 7],
    ]
    for row in data:
        ws.append(row)
    ws.cell(row=9, column=2).number_format = "0.00"  # formatting far below the data: not rows
    wb.create_sheet("Заметки").append(["text"])
    wb["Заметки"].append(["Дунгане — крысы, а не люди!"])
    wb.save(path)
    return data


def test_xlsx_in_rows_out_columns_kept(runner, tmp_path):
    f = tmp_path / "posts.xlsx"
    make_xlsx(f)
    r = check(runner, "--input", str(f), "--format", "csv")
    assert r.exit_code == 1, r.stderr
    assert "reading the first sheet 'Посты' of 2" in r.stderr and "'текст'" in r.stderr
    assert r.stdout.startswith("\ufeff")
    rows = rows_of(r.stdout)
    assert len(rows) == 4  # the empty row inside is a row; the formatted empty rows below are not
    assert list(rows[0])[:5] == ["id", "канал", "дата", "текст", "просмотры"]
    assert rows[0]["дата"] == "2024-03-01 10:15:00" and rows[1]["дата"] == "2024-03-02"
    assert rows[0]["просмотры"] == "1200" and rows[1]["просмотры"] == "15"
    assert [x["line"] for x in rows] == ["2", "3", "4", "5"]
    assert "empty row" in rows[2]["warnings"]
    assert [x["flagged"] for x in rows] == ["true", "false", "false", "true"]
    r = check(runner, "--input", str(f), "--sheet", "Заметки", "-f", "csv", "-q")
    assert rows_of(r.stdout)[0]["flagged"] == "true"
    r = check(runner, "--input", str(f), "--sheet", "Заметка", "-f", "csv")
    assert r.exit_code == 2 and "did you mean 'Заметки'" in r.stderr


def test_xlsx_output_highlights_the_evidence(runner, tmp_path):
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    src = tmp_path / "posts.csv"
    src.write_text("id,text\n1,Все эти китайцы — вонючие тараканы.\n2,Сегодня солнечно.\n", encoding="utf-8")
    out = tmp_path / "checked.xlsx"
    r = check(runner, "--input", str(src), "-o", str(out), "-q")
    assert r.exit_code == 1, r.stderr
    ws = load_workbook(out, rich_text=True).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["id", "text", "line", "flagged"]
    assert ws.max_row == 3
    cell = ws.cell(row=2, column=2).value
    assert isinstance(cell, CellRichText)
    assert str(cell) == "Все эти китайцы — вонючие тараканы."
    bold = [b.text for b in cell if isinstance(b, TextBlock) and b.font.b]
    # every evidence word of every match: "Все эти" is the generalization's quantifier
    assert [w for b in bold for w in b.split()] == ["Все", "эти", "китайцы", "вонючие", "тараканы"]
    assert ws.cell(row=3, column=2).value == "Сегодня солнечно." and ws.cell(row=3, column=4).value == "false"


# -- CSV: headerless, broken quotes, Excel output ---------------------------------------------------
def test_headerless_csv(runner):
    f = DATA / "headerless.csv"
    r = check(runner, "--input", str(f), "--no-header", "--column", "1", "-f", "csv", "-q")
    rows = rows_of(r.stdout)
    assert len(rows) == 3 and list(rows[0])[:3] == ["column1", "column2", "column3"]
    assert [x["line"] for x in rows] == ["1", "2", "3"]
    assert rows[0]["flagged"] == "true" and rows[2]["column3"] == "канал А"
    r = check(runner, "--input", str(f), "--column", "1", "-f", "csv")  # forgetting --no-header: said, with the fix
    assert "--no-header" in r.stderr and len(rows_of(r.stdout)) == 2


def test_broken_quote_is_reported_on_its_line_and_swallows_nothing(runner):
    r = check(runner, "--input", str(DATA / "broken_quote.csv"), "-f", "csv")
    rows = rows_of(r.stdout)
    assert [x["id"] for x in rows] == ["1", "2", "3", "4"]  # 4 rows in, 4 out
    assert "broken_quote.csv:2: warning: a quote" in r.stderr and "line 2" in r.stderr
    assert rows[1]["flagged"] == "true" and rows[2]["flagged"] == "true"
    assert rows[3]["text"] == "Много\nстрок, но кавычки закрыты" and rows[3]["warnings"] == ""  # a real multi-line cell


def test_unclosed_quote_at_the_end(runner, tmp_path):
    f = tmp_path / "x.csv"
    f.write_text('id,text\n1,ок\n2,"Все эти китайцы\n3,Китайцев надо выгнать из страны.\n', encoding="utf-8")
    rows = rows_of(check(runner, "--input", str(f), "-f", "csv", "-q").stdout)
    assert [x["id"] for x in rows] == ["1", "2", "3"]
    assert "never closed" in rows[1]["warnings"] and rows[2]["flagged"] == "true"


def test_semicolon_input_gives_semicolon_output_and_excel_flag(runner, tmp_path):
    f = tmp_path / "ru.csv"
    f.write_bytes("id;text\n1;Все эти китайцы — вонючие тараканы.\n".encode("cp1251"))
    r = check(runner, "--input", str(f), "--encoding", "cp1251", "-f", "csv", "-q")
    assert r.stdout.startswith("\ufeffid;text;line;flagged")  # BOM and ';': opens in Russian-locale Excel
    g = tmp_path / "plain.csv"
    g.write_text("id,text\n1,привет\n", encoding="utf-8")
    assert check(runner, "--input", str(g), "-f", "csv", "-q").stdout.startswith("id,text,line")
    assert check(runner, "--input", str(g), "-f", "csv", "-q", "--excel").stdout.startswith("\ufeffid;text;line")
    r = check(runner, "--input", str(g), "-f", "csv", "-q", "--output-delimiter", "tab")
    assert r.stdout.startswith("id\ttext\tline")
    out = tmp_path / "o.csv"
    check(runner, "--input", str(g), "-o", str(out), "-q", "--output-encoding", "cp1251")
    assert out.read_bytes().decode("cp1251").startswith("id,text,line") and "привет" in out.read_bytes().decode("cp1251")


# -- the forgotten --input ----------------------------------------------------------------------------
def test_a_file_given_as_text_is_read_as_the_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("posts.csv").write_text("text\nВсе эти китайцы — вонючие тараканы.\nпривет\n", encoding="utf-8")
    r = check(runner, "posts.csv", "-f", "csv")
    assert r.exit_code == 1
    assert "posts.csv is a file: reading the messages in it" in r.stderr
    assert len(rows_of(r.stdout)) == 2
    r = check(runner, "posts.csv", "other words", "-f", "csv")
    assert r.exit_code == 2 and "one file at a time" in r.stderr


# -- output to /dev/stdout and pipes (a real process: CliRunner has no file descriptors) ---------------
@pytest.mark.slow  # hsengine processes
def test_output_to_dev_stdout_and_a_pipe(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("text\nВсе эти китайцы — вонючие тараканы.\nпривет\n", encoding="utf-8")
    env = dict(os.environ, HSENGINE_CONFIG=str(tmp_path / "none.toml"))
    cmd = [sys.executable, "-m", "hsengine", "check", "--input", str(f), "-q"]
    p = subprocess.run(cmd + ["-o", "/dev/stdout", "-f", "csv"], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1, p.stderr
    assert "internal error" not in p.stderr and len(rows_of(p.stdout)) == 2
    p = subprocess.run(f"{' '.join(cmd)} -o /dev/stdout -f jsonl | cat", shell=True, capture_output=True, text=True,
                       env=env, timeout=120)
    assert len(p.stdout.splitlines()) == 2 and "internal error" not in p.stderr
