"""Excel workbooks in and out (.xlsx), through openpyxl.

Why openpyxl: it is the maintained, pure-Python reader and writer of the Office Open XML format
(one small pure-Python dependency, et-xmlfile); its read-only mode streams rows without loading the
sheet, and its write-only mode streams rows out and writes rich text, which is how the evidence is
highlighted inside the message cell.  Parsing the ZIP + XML of a workbook by hand would have to
handle shared strings, dates stored as numbers, inline strings and rich text: exactly what it does.

Reading: the first sheet (or ``--sheet NAME``), a header row (or ``--no-header``), the text in
``--column`` like a CSV file; each cell as text (dates as ISO 8601, whole numbers without ``.0``).
Rows that are entirely empty at the end of a sheet (formatting often reaches far below the data) are
not rows.  ``line`` is the row number in the sheet, as Excel shows it.

Writing: the input's columns, then the result columns; the message cell has its evidence in bold
colour (red: the attack, blue: the group named), the header row is frozen and filtered.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from typing import IO, Any, Iterator

from .readers import DEFAULT_MAX_CHARS, Input, InputProblem, Row, _check_text, _choose_column, _looks_like_message, \
    _clip, _unique_names

EXCEL_CELL_LIMIT = 32_767  # characters Excel keeps in one cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot hold


def _need_openpyxl():
    try:
        import openpyxl  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency; only a broken installation lacks it
        raise InputProblem("no_openpyxl", "reading and writing .xlsx needs the openpyxl package",
                           "pip install openpyxl (it is a dependency of hsengine: reinstall hsengine)") from None
    return openpyxl


def cell_text(value: Any) -> str:
    """A cell value as the text a person sees."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds") if value.time() != _dt.time() else value.date().isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def open_xlsx(name: str, sample: bytes, stream: IO[bytes], *, column: str | None = None,
              max_chars: int = DEFAULT_MAX_CHARS, no_header: bool = False, sheet: str | None = None,
              size: int | None = None) -> Input:
    openpyxl = _need_openpyxl()
    try:
        stream.seek(0)
        data: IO[bytes] = stream
    except (OSError, AttributeError, ValueError):  # standard input: read it whole (workbooks are zipped)
        data = io.BytesIO(sample + stream.read())
    try:
        book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile, XML and openpyxl errors alike
        raise InputProblem("bad_xlsx", f"{name} cannot be read as an Excel workbook: {exc}",
                           "open it in Excel and save it again as .xlsx, or as 'CSV UTF-8'",
                           name=name, reason=str(exc)) from None
    notes: list[str] = []
    names = book.sheetnames
    if sheet is not None:
        if sheet not in names:
            import difflib

            close = difflib.get_close_matches(sheet, names, n=1)
            book.close()
            raise InputProblem("unknown_sheet", f"{name} has no sheet {sheet!r}; its sheets are: {', '.join(names)}",
                               (f"did you mean {close[0]!r}? " if close else "") + "choose one with --sheet",
                               name=name, sheet=sheet, sheets=", ".join(names))
        ws = book[sheet]
    else:
        ws = book.worksheets[0]
        if len(names) > 1:
            notes.append(f"reading the first sheet {ws.title!r} of {len(names)} ({', '.join(names)}); "
                         "choose another with --sheet NAME")
    rows_iter = ws.iter_rows(values_only=True)
    header: list[str] | None = None
    first: tuple[int, list[str]] | None = None
    number = 0
    for values in rows_iter:
        number += 1
        cells = [cell_text(v) for v in values]
        if any(c.strip() for c in cells):
            while cells and not cells[-1].strip():
                cells.pop()
            if no_header:
                header = [f"column{i}" for i in range(1, len(cells) + 1)]
                first = (number, cells)
            else:
                header = cells
            break
    if header is None:
        book.close()
        raise InputProblem("empty_input", f"{name} is empty: there is nothing to check", "", name=name)
    columns = _unique_names(header)
    if no_header and column is not None and column.isdigit() and int(column) > len(columns):
        columns += [f"column{i}" for i in range(len(columns) + 1, int(column) + 1)]
    text_index, more = _choose_column(columns, column, name, "column")
    notes += more
    if not no_header and column is not None and column.isdigit() and _looks_like_message(header, text_index):
        notes.append(f"the first row is read as the header (its column {column} is "
                     f"{_clip(header[text_index], 60)!r}); if it is a message, add --no-header")
    text_key = columns[text_index]
    width = len(columns)

    def make(index: int, line: int, cells: list[str]) -> Row:
        if not any(c.strip() for c in cells):
            row = Row(index, line, "", {c: "" for c in columns})
            row.notes.append("empty row")
            return row
        fields = {c: (cells[i] if i < len(cells) else "") for i, c in enumerate(columns)}
        row = Row(index, line, fields[text_key], fields)
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            row.notes.append(f"{len(extra)} cell(s) beyond the header's {width} columns were dropped")
        _check_text(row, max_chars)
        return row

    def rows() -> Iterator[Row]:
        index = 0
        line = number
        blank: list[int] = []  # empty rows, emitted only when a non-empty row follows
        try:
            if first is not None:
                yield make(index, first[0], first[1])
                index += 1
            for values in rows_iter:
                line += 1
                cells = [cell_text(v) for v in values]
                if not any(c.strip() for c in cells):
                    blank.append(line)
                    continue
                for b in blank:
                    yield make(index, b, [])
                    index += 1
                blank.clear()
                yield make(index, line, cells)
                index += 1
        finally:
            book.close()

    return Input(name, "xlsx", rows(), columns, text_key, notes=notes, size=None, excel_like=True,
                 closer=book.close)


class XlsxWriter:
    """The `check` results as a workbook: input columns, result columns, evidence highlighted."""

    def __init__(self, path_or_stream: Any, columns: list[str], text_key: str, result_columns: list[str],
                 ui_lang: str = "en"):
        openpyxl = _need_openpyxl()
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.text import InlineFont
        from openpyxl.styles import Alignment, Font, PatternFill

        self._cell = WriteOnlyCell
        self._target = path_or_stream
        self.book = openpyxl.Workbook(write_only=True)
        self.ws = self.book.create_sheet("hsengine")
        self.columns = list(columns)
        self.text_key = text_key
        taken = set(self.columns)
        self.header = self.columns + [f"hs_{c}" if c in taken else c for c in result_columns]
        self.fonts = {"target": InlineFont(b=True, color="FF1F4E9E"), "attack": InlineFont(b=True, color="FFC00000")}
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.flag_fill = PatternFill("solid", fgColor="FFFDE9E7")
        self.ws.freeze_panes = "A2"
        for i, c in enumerate(self.header):
            letter = openpyxl.utils.get_column_letter(i + 1)
            self.ws.column_dimensions[letter].width = 70 if c == text_key else (40 if c == "explanation" else 14)
        head = []
        for c in self.header:
            cell = WriteOnlyCell(self.ws, value=c)
            cell.font = Font(bold=True)
            head.append(cell)
        self.ws.append(head)
        self.rows = 1

    def _rich(self, text: str, result: Any) -> Any:
        from openpyxl.cell.rich_text import CellRichText, TextBlock

        spans = sorted({(e.start, e.end, e.role) for m in result.matches for e in m.evidence},
                       key=lambda s: (s[0], -s[1]))
        parts: list[Any] = []
        pos = 0
        for a, b, role in spans:
            if a < pos or b > len(text):
                continue
            if a > pos:
                parts.append(text[pos:a])
            parts.append(TextBlock(self.fonts["target" if role == "target" else "attack"], text[a:b]))
            pos = b
        if pos < len(text):
            parts.append(text[pos:])
        return CellRichText(parts) if any(not isinstance(p, str) for p in parts) else text

    def write(self, row: Row, result: Any, result_values: list[str]) -> None:
        out = []
        for c in self.columns:
            value = row.fields.get(c)
            text = value if isinstance(value, str) else ("" if value is None else str(value))
            clean = _ILLEGAL.sub("\ufffd", text)  # same length: evidence offsets stay right
            if c == self.text_key and result.matches and len(clean) <= EXCEL_CELL_LIMIT:
                cell = self._cell(self.ws, value=self._rich(clean, result))
            else:
                cell = self._cell(self.ws, value=clean[:EXCEL_CELL_LIMIT])
            cell.alignment = self.wrap if c == self.text_key else self.top
            if result.flagged:
                cell.fill = self.flag_fill
            out.append(cell)
        for v in result_values:
            cell = self._cell(self.ws, value=_ILLEGAL.sub("\ufffd", v)[:EXCEL_CELL_LIMIT])
            cell.alignment = self.top
            out.append(cell)
        self.ws.append(out)
        self.rows += 1

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{self.rows}"
        self.book.save(self._target)


__all__ = ["open_xlsx", "XlsxWriter", "cell_text", "EXCEL_CELL_LIMIT"]
