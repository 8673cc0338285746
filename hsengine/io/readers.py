"""Streaming input for the command line and the evaluator: one output row per input row, nothing lost.

Readers turn command-line arguments, standard input or a file into `Row`s, one at a time:

- ``.txt`` (and anything unknown): one message per line;
- ``.csv``/``.tsv``: a header line, any delimiter the csv sniffer (or a consistency check over the
  first records) detects, the text in ``--column`` (default ``text``); every column passes through;
- ``.jsonl``/``.ndjson``: one JSON object per line, the text in ``--field`` (default ``text``,
  ``a.b`` for a nested field); every field passes through.

Files are read as bytes, line by line (never whole): UTF-8 with or without a byte-order mark;
UTF-16/UTF-32 with a byte-order mark; any other encoding with ``--encoding``.  Problems with the
whole file (missing, a directory, empty, binary, not UTF-8, no such column) raise `InputProblem`
before anything is written.  Problems with one row never stop the run:

==============================  ============================================================
row problem                      what the output row says
==============================  ============================================================
invalid UTF-8 bytes             analyzed with U+FFFD for the bad bytes; a warning says so
lone surrogate (JSON ``\ud800``,  analyzed with U+FFFD in its place (text and fields); a warning
undecodable argument bytes)
NUL bytes in a row              analyzed (anywhere in the file); a warning says so
a number JSON cannot hold        passed through as its literal text (``1e400``, a 5,000-digit
(``1e400``, ``NaN``, > 4,300     integer, ``NaN``): output stays valid JSON; a warning
digits)
empty row / empty message       analyzed as an empty message (not flagged); a warning
longer than ``max_chars``       ``error``: not analyzed (the text still passes through)
longer than ``max_row_bytes``   ``error``: not read at all (memory stays bounded)
invalid JSON, no text field,    ``error``: not analyzed
JSON nested over 200 levels
last line of a file still       ``error``: not analyzed as if complete (the reader first waits
being written, no line end      up to a second for the rest of the line)
anything else a row holds       ``error`` naming the problem: a row never ends the run
==============================  ============================================================

A file is refused as binary only when its first 64 KB look binary (a known file signature,
UTF-16 without a byte-order mark, or more than 1% control and NUL bytes): the same row is
treated the same wherever it stands in the file.

Writers (`hsengine.io.writers`) stream too: one row out per row in.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import json
import os
import re
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from ..errors import InputError
from ..schema.values import MAX_MESSAGE_CHARS

SAMPLE_BYTES = 64 * 1024
MAX_ROW_BYTES = 64 * 1024 * 1024  # a row longer than this is skipped unread (bounded memory)
DEFAULT_MAX_CHARS = MAX_MESSAGE_CHARS  # longer messages are reported, not analyzed
MANY_LINES = 500  # a CSV record spanning more lines than this probably has an unclosed quote
MAX_JSON_DEPTH = 200  # deeper JSON rows are reported, not read: they could not be written back
MAX_INT_DIGITS = 4300  # Python's int <-> str limit: longer integers pass through as text
GROWING_WAIT = 1.0  # seconds to wait for the rest of a half-written last line of a growing file
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")

INPUT_FORMATS = ("txt", "csv", "jsonl", "xlsx", "telegram", "youtube")
DEFAULT_TEXT_NAMES = ("text", "message", "content", "body", "comment", "post", "текст", "сообщение", "мәтін")

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".log": "txt",
    ".csv": "csv", ".tsv": "csv", ".tab": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
}
# Recognisable binary files, with what to do instead.
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive or an Excel/Word file (.xlsx/.docx)",
     "in Excel: File → Save As → 'CSV UTF-8 (comma delimited)'"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Word file (.xls/.doc)",
     "in Excel: File → Save As → 'Excel Workbook (.xlsx)' or 'CSV UTF-8'"),
    (b"%PDF", "a PDF document", "copy the text into a .txt file, one message per line"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\x89PNG", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"SQLite format 3", "an SQLite database", "export the table to CSV first"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


# Openers of the formats that build on this module (registered by hsengine.io: excel, platforms).
OPENERS: dict[str, Callable[..., Any]] = {}


class InputProblem(InputError):
    """A problem with the whole input: the CLI prints it and exits with code 2.

    `key` and `params` let the message be shown in the interface language (see i18n)."""

    def __init__(self, key: str, message: str, hint: str = "", **params: Any):
        super().__init__(message)
        self.key = key
        self.message = message
        self.hint = hint
        self.params = params


@dataclass(slots=True)
class Row:
    """One input row, ready to analyze (or not, when `error` says why)."""

    index: int  # 0-based position in the output
    line: int  # 1-based line where the row starts (for arguments: the argument's number)
    text: str  # the message ("" when there is none)
    fields: dict[str, Any]  # every column/field of the row, the text column included
    error: str | None = None  # set when the row cannot be analyzed
    notes: list[str] = field(default_factory=list)  # problems worth reporting; analysis still done


# -- bytes ----------------------------------------------------------------------------------------
class _ByteSource:
    """A binary stream with a replayable prefix (the sniffed sample) and a count of bytes consumed."""

    def __init__(self, stream: IO[bytes], prefix: bytes = b""):
        self._stream = stream
        self._prefix = prefix
        self.consumed = 0

    def readline(self, limit: int) -> bytes:
        if self._prefix:
            i = self._prefix.find(b"\n", 0, limit)
            if i >= 0:
                line, self._prefix = self._prefix[: i + 1], self._prefix[i + 1 :]
            elif len(self._prefix) >= limit:
                line, self._prefix = self._prefix[:limit], self._prefix[limit:]
            else:
                line = self._prefix + self._stream.readline(limit - len(self._prefix))
                self._prefix = b""
        else:
            line = self._stream.readline(limit)
        self.consumed += len(line)
        return line

    def read(self, n: int) -> bytes:
        if self._prefix:
            data, self._prefix = self._prefix[:n], self._prefix[n:]
        else:
            data = self._stream.read(n)
        self.consumed += len(data)
        return data


class _RawAdapter(io.RawIOBase):
    """Lets a TextIOWrapper decode a `_ByteSource` (UTF-16/32 input)."""

    def __init__(self, src: _ByteSource):
        self._src = src

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._src.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_sample(stream: IO[bytes]) -> bytes:
    chunks = []
    size = 0
    while size < SAMPLE_BYTES:
        chunk = stream.read(SAMPLE_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _looks_utf16(sample: bytes) -> str:
    """The byte order of UTF-16 text without a byte-order mark, or "": NUL bytes (the high byte of
    ASCII characters) at one parity only, and decoding with that order gives ordinary printable
    text (Latin, Cyrillic, punctuation, line breaks)."""
    head = sample[: 4096 & ~1]
    even = sum(1 for b in head[0::2] if b == 0)
    odd = sum(1 for b in head[1::2] if b == 0)
    if min(even, odd) > len(head) // 1000 or max(even, odd) < 0.05 * (len(head) // 2):
        return ""
    codec = "utf-16-be" if even > odd else "utf-16-le"
    text = head.decode(codec, "replace")
    common = sum(1 for c in text if (c.isprintable() or c in "\t\r\n")
                 and (c < "\u0250" or "\u0400" <= c <= "\u04ff" or "\u2000" <= c <= "\u206f"))
    return codec if common >= 0.95 * len(text) and ("\n" in text or " " in text) else ""


def _complete_lines(sample: bytes, eof: bool) -> list[bytes]:
    lines = sample.split(b"\n")
    if not eof and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut in the middle of a character
    return lines


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)


def _check_bytes(sample: bytes, name: str, eof: bool, encoding: str | None) -> tuple[str | None, int]:
    """Decide how to decode the input: (wide codec or None for line-wise decoding, BOM length).

    Raises InputProblem for empty, binary and undecodable input."""
    if not sample:
        raise InputProblem("empty_input", f"{name} is empty: there is nothing to check", "", name=name)
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            if codec == "utf-8-sig":
                if not sample[len(bom):].strip():
                    raise InputProblem("empty_input", f"{name} is empty: there is nothing to check", "", name=name)
                return None, len(bom)
            return codec, 0
    for magic, what, hint in _MAGIC:
        if sample.startswith(magic):
            raise InputProblem("binary_input", f"{name} is not a text file: it looks like {what}",
                               hint or "give a .txt, .csv or .jsonl file", name=name, what=what)
    if b"\x00" in sample:
        order = _looks_utf16(sample)
        if order:
            raise InputProblem("utf16_input", f"{name} is in UTF-16 without a byte-order mark, which cannot be "
                               "read reliably", f"save it as UTF-8 (in Excel: 'CSV UTF-8'), or pass --encoding {order}",
                               name=name)
    # A few NUL or control bytes are a row's problem (a warning on that row, wherever it stands);
    # only many of them make the file binary.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > max(8, len(sample) // 100):
        if b"\x00" in sample:
            pos = sample.index(b"\x00")
            raise InputProblem("binary_input", f"{name} is not a text file: it contains NUL bytes (first at byte "
                               f"{pos})", "give a .txt, .csv or .jsonl file", name=name, what=f"NUL bytes at byte {pos}")
        raise InputProblem("binary_input", f"{name} is not a text file: it contains {controls} control bytes",
                           "give a .txt, .csv or .jsonl file", name=name, what=f"{controls} control bytes")
    if eof and not sample.strip():
        raise InputProblem("empty_input", f"{name} is empty: there is nothing to check", "", name=name)
    if encoding is not None:
        return None, 0
    # Not UTF-8 at all (as opposed to a few bad rows)?
    lines = _complete_lines(sample, eof)
    bad_lines: list[tuple[int, bytes]] = []
    non_ascii = 0
    for i, line in enumerate(lines, 1):
        if line.isascii():
            continue
        non_ascii += 1
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.append((i, line))
    if len(bad_lines) >= 2 and 2 * len(bad_lines) > non_ascii:
        first = bad_lines[0][0]
        guess = b"\n".join(b for _, b in bad_lines[:50])
        if _cyrillic_share(guess.decode("cp1251", "replace")) > 0.6:
            hint = "it looks like Windows-1251 (Cyrillic): re-run with --encoding cp1251, or save the file as UTF-8"
        else:
            hint = "save the file as UTF-8, or name its encoding with --encoding (e.g. cp1251, koi8-r)"
        raise InputProblem("not_utf8", f"{name} is not UTF-8 text: {len(bad_lines)} of the first {len(lines)} lines "
                           f"have invalid bytes (first on line {first})", hint, name=name, line=first)
    return None, 0


# -- lines ----------------------------------------------------------------------------------------
class _Lines:
    """Decoded physical lines (with their line endings) and what went wrong with each.

    After each line yielded: `lineno` is its 1-based number, `bad` whether bytes were replaced,
    `overlong` its size in bytes when it was too long to read (the text yielded is then "\\n")."""

    def __init__(self, src: _ByteSource, *, wide: str | None, encoding: str | None, max_row_bytes: int,
                 growing: Callable[[], bool] | None = None):
        self.src = src
        self.wide = wide
        self.encoding = encoding
        self.max_row_bytes = max_row_bytes
        self.growing = growing  # has the file changed size since it was opened?
        self.lineno = 0
        self.bad = False
        self.overlong = 0
        self.pending_incomplete = False  # a last line with no line end, in a file still being written
        # accumulated since the last `take()`: for CSV records made of several lines
        self.pending_bad: list[int] = []
        self.pending_overlong = 0
        self._text: io.TextIOWrapper | None = None
        if wide is not None:
            self._text = io.TextIOWrapper(io.BufferedReader(_RawAdapter(src), 1 << 16), encoding=wide,
                                          errors="replace", newline="")

    def take(self) -> tuple[list[int], int]:
        bad, over = self.pending_bad, self.pending_overlong
        self.pending_bad, self.pending_overlong = [], 0
        return bad, over

    def take_incomplete(self) -> bool:
        """Was a line since the last call the half-written end of a file still being written?"""
        incomplete, self.pending_incomplete = self.pending_incomplete, False
        return incomplete

    def _finish_line(self, raw: bytes, readline: Callable[[int], bytes], limit: int) -> bytes:
        """A line that ended without a line end (end of file) in a file that is growing: wait a
        little for the rest of it.  Still no line end: it is marked incomplete, never read as whole."""
        deadline = time.monotonic() + GROWING_WAIT
        while time.monotonic() < deadline:
            time.sleep(0.05)
            more = readline(limit + 1 - len(raw))
            if more:
                raw += more
                if raw.endswith(b"\n") or len(raw) > limit:
                    return raw
        self.pending_incomplete = True
        return raw

    def __iter__(self) -> Iterator[str]:
        return self._iter_text() if self._text is not None else self._iter_bytes()

    def _skip_rest(self, read: Callable[[int], Any], size: int) -> int:
        while True:
            more = read(1 << 20)
            size += len(more.encode("utf-8") if isinstance(more, str) else more)
            if not more or more.endswith("\n" if isinstance(more, str) else b"\n"):
                return size

    def _iter_bytes(self) -> Iterator[str]:
        limit = self.max_row_bytes
        readline = self.src.readline
        encoding = self.encoding
        while True:
            raw = readline(limit + 1)
            if not raw:
                return
            if len(raw) <= limit and not raw.endswith(b"\n") and self.growing is not None and self.growing():
                raw = self._finish_line(raw, readline, limit)
            self.lineno += 1
            self.bad = False
            self.overlong = 0
            if len(raw) > limit and not raw.endswith(b"\n"):
                self.overlong = self._skip_rest(readline, len(raw))
                self.pending_overlong = self.overlong
                yield "\n"
                continue
            if encoding is None:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    text = raw.decode("utf-8", "replace")
                    self.bad = True
            else:
                text = raw.decode(encoding, "replace")
                self.bad = "\ufffd" in text
            if self.bad:
                self.pending_bad.append(self.lineno)
            yield text

    def _iter_text(self) -> Iterator[str]:
        assert self._text is not None
        limit = self.max_row_bytes // 2
        readline = self._text.readline
        while True:
            text = readline(limit + 1)
            if not text:
                return
            self.lineno += 1
            self.bad = "\ufffd" in text
            self.overlong = 0
            if len(text) > limit and not text.endswith("\n"):
                self.overlong = self._skip_rest(readline, len(text.encode("utf-8")))
                self.pending_overlong = self.overlong
                yield "\n"
                continue
            if self.bad:
                self.pending_bad.append(self.lineno)
            yield text


def _strip_eol(line: str) -> str:
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    return line


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


# -- inputs ---------------------------------------------------------------------------------------
class Input:
    """An opened input: its rows (lazily), the columns to pass through and the name of the text column."""

    def __init__(self, name: str, kind: str, rows: Iterator[Row], columns: list[str], text_key: str,
                 *, had_bom: bool = False, size: int | None = None, src: _ByteSource | None = None,
                 notes: list[str] | None = None, closer: Callable[[], None] | None = None, delimiter: str = ",",
                 excel_like: bool = False):
        self.name = name
        self.kind = kind
        self._rows = rows
        self.columns = columns
        self.text_key = text_key
        self.had_bom = had_bom
        self.size = size
        self._src = src
        self.notes = notes or []
        self._closer = closer
        self.delimiter = delimiter
        # came from Excel or a Windows program (a byte-order mark, UTF-16, a Windows code page, .xlsx):
        # CSV output then gets a byte-order mark (and the input's ';') so that Excel opens it
        self.excel_like = excel_like or had_bom
        self.end_notes: list[str] = []  # said after the run (e.g. how many service messages were skipped)

    def __iter__(self) -> Iterator[Row]:
        return self._rows

    @property
    def bytes_read(self) -> int:
        return self._src.consumed if self._src is not None else 0

    def where(self, row: Row) -> str:
        if self.kind == "args":
            return f"argument {row.line}"
        return f"{self.name}:{row.line}"

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
            self._closer = None

    def __enter__(self) -> "Input":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def text_input(texts: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> Input:
    """Messages given as command-line arguments."""
    def rows() -> Iterator[Row]:
        for i, text in enumerate(texts):
            clean = clean_text(text)
            row = Row(i, i + 1, clean, {"text": clean})
            if clean is not text:
                row.notes.append("undecodable characters replaced with U+FFFD")
            _check_text(row, max_chars)
            yield row
    return Input("argument", "args", rows(), ["text"], "text")


def clean_text(text: str) -> str:
    """`text` itself, or a copy with lone surrogates (which UTF-8 cannot write) turned into U+FFFD.

    Command-line arguments carry undecodable bytes as surrogates (\\udcff for byte 0xff); they
    become U+FFFD as invalid bytes in a file do."""
    if _SURROGATE.search(text) is None:
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def _check_text(row: Row, max_chars: int) -> None:
    if row.error is not None:
        return
    if "\x00" in row.text:
        row.notes.append("the message contains NUL bytes")
    if not row.text.strip():
        row.notes.append("empty message")
    elif len(row.text) > max_chars:
        row.error = (f"message too long: {len(row.text):,} characters (the limit is {max_chars:,}; "
                     "raise it with --max-chars)")


def detect_format(path: str | None, declared: str | None) -> str:
    if declared:
        if declared not in INPUT_FORMATS:
            raise InputProblem("bad_format", f"unknown input format {declared!r}; use one of {', '.join(INPUT_FORMATS)}")
        return declared
    if path is None or path == "-":
        return "txt"
    return _EXTENSIONS.get(Path(path).suffix.lower(), "txt")


def open_input(path: str | None, *, fmt: str | None = None, column: str | None = None,
               encoding: str | None = None, delimiter: str | None = None,
               max_chars: int = DEFAULT_MAX_CHARS, max_row_bytes: int = MAX_ROW_BYTES,
               stdin: IO[bytes] | None = None, no_header: bool = False, sheet: str | None = None) -> Input:
    """Open a file (or standard input when `path` is None or "-") for streaming.

    Every problem with the whole input is raised here, as InputProblem, before any row is read."""
    kind = detect_format(path, fmt)
    declared = fmt is not None
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise InputProblem("bad_encoding", f"unknown encoding {encoding!r}",
                               "for example: utf-8, cp1251, koi8-r, utf-16", encoding=encoding) from None
        if encoding in ("utf-8", "utf-8-sig"):
            encoding = None
    size: int | None = None
    growing: Callable[[], bool] | None = None
    if path is None or path == "-":
        name = "<stdin>"
        stream = stdin if stdin is not None else sys.stdin.buffer
        closer = None
    else:
        name = path
        p = Path(path)
        if not p.exists():
            hint = ""
            parent = p.parent if str(p.parent) else Path(".")
            if parent.is_dir():
                close = difflib.get_close_matches(p.name, [x.name for x in parent.iterdir()], n=1)
                if close:
                    hint = f"did you mean {str(parent / close[0]) if str(p.parent) not in ('', '.') else close[0]!r}?"
            raise InputProblem("missing_file", f"{name}: no such file", hint, name=name)
        if p.is_dir():
            raise InputProblem("is_directory", f"{name} is a directory, not a file",
                               "give one .txt, .csv or .jsonl file", name=name)
        try:
            stream = open(p, "rb")
        except OSError as exc:
            raise InputProblem("unreadable", f"{name} cannot be read: {exc.strerror or exc}", "", name=name,
                               reason=str(exc.strerror or exc)) from None
        try:
            size = os.fstat(stream.fileno()).st_size
        except OSError:
            size = None
        closer = stream.close
    try:
        st = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):  # a file (or stdin redirected from one) may be growing
        fd, opened_size = stream.fileno(), st.st_size

        def growing() -> bool:
            try:
                return os.fstat(fd).st_size != opened_size
            except OSError:
                return False
    try:
        sample = _read_sample(stream)
        eof = len(sample) < SAMPLE_BYTES
        if kind == "xlsx" or (not declared and sample.startswith(b"PK\x03\x04") and _is_xlsx(sample, stream)):
            notes = [] if kind == "xlsx" else [f"{name} is an Excel workbook: reading it as .xlsx"]
            source = OPENERS["xlsx"](name, sample, stream, column=column, max_chars=max_chars, no_header=no_header,
                               sheet=sheet, size=size)
            source.notes[:0] = notes
            if closer is not None:
                closer()
            return source
        if encoding is not None and encoding.startswith(("utf-16", "utf-32")):
            wide, bom = encoding, 0
        else:
            wide, bom = _check_bytes(sample, name, eof, encoding)
        src = _ByteSource(stream, sample[bom:])
        src.consumed = bom
        lines = _Lines(src, wide=wide, encoding=encoding, max_row_bytes=max_row_bytes, growing=growing)
        common = dict(size=size, src=src, closer=closer, had_bom=bom > 0 or wide is not None,
                      excel_like=bom > 0 or wide is not None or encoding is not None)
        head = sample[bom:].decode(wide or encoding or "utf-8", "replace").lstrip("\ufeff")
        notes: list[str] = []
        if kind in ("jsonl", "telegram", "youtube") and (kind != "jsonl" or not declared):
            found = kind if kind != "jsonl" else OPENERS["sniff_json"](head)
            if found in ("telegram", "youtube"):
                return OPENERS[found](name, lines, max_chars=max_chars, declared=kind == found, **common)
        if kind == "txt" and not declared and wide is not None and _looks_tabular(head):
            kind = "csv"
            delimiter = delimiter or "\t"
            notes.append(f"{name} is tab-separated UTF-16 text (Excel's 'Unicode text'): reading it as a table "
                         "with a header line (--input-format txt reads one message per line)")
        if kind == "csv":
            source = _open_csv(name, lines, sample[bom:], column, delimiter, max_chars, max_row_bytes,
                               tsv=path is not None and Path(path).suffix.lower() in (".tsv", ".tab"),
                               no_header=no_header, **common)
            source.notes[:0] = notes
            return source
        if kind == "jsonl":
            return _open_jsonl(name, lines, column or "text", max_chars, **common)
        return Input(name, "txt", _txt_rows(lines, max_chars), ["text"], "text", **common)
    except BaseException:
        if closer is not None:
            closer()
        raise


def _is_xlsx(sample: bytes, stream: IO[bytes]) -> bool:
    """A ZIP archive holding an Excel workbook (xl/workbook.xml among the first entries' names)."""
    return b"xl/workbook.xml" in sample or b"[Content_Types].xml" in sample[:2048] and b"xl/" in sample


def _looks_tabular(head: str) -> bool:
    """Every one of the first lines (at least two) has the same number (> 0) of tabs."""
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    if len(lines) > 1 and not head.endswith(("\n", "\r")) and len(head) >= SAMPLE_BYTES // 2 - 8:
        lines = lines[:-1]  # the last line of a cut sample may be incomplete
    if len(lines) < 2:
        return False
    counts = {ln.count("\t") for ln in lines}
    return len(counts) == 1 and counts.pop() > 0


def _overlong_error(size: int, limit: int) -> str:
    return f"row too long to read: {_mib(size)} (rows over {_mib(limit)} are skipped)"


INCOMPLETE_LINE = ("the last line has no line end and the file is still being written: it may be half-written, "
                   "so it is not analyzed")


def _unreadable(index: int, line: int, exc: Exception) -> Row:
    """The row for anything unforeseen a row holds: reported, and the run goes on."""
    return Row(index, line, "", {}, error=f"this row cannot be read: {type(exc).__name__}: {exc}"[:500])


def _txt_rows(lines: _Lines, max_chars: int) -> Iterator[Row]:
    index = 0
    for raw in lines:
        bad, over = lines.take()
        incomplete = lines.take_incomplete()
        try:
            if over:
                row = Row(index, lines.lineno, "", {"text": ""}, error=_overlong_error(over, lines.max_row_bytes))
            else:
                text = _strip_eol(raw)
                if index == 0 and text.startswith("\ufeff"):
                    text = text[1:]
                row = Row(index, lines.lineno, text, {"text": text}, error=INCOMPLETE_LINE if incomplete else None)
                if bad:
                    row.notes.append("invalid UTF-8 bytes replaced with U+FFFD")
                _check_text(row, max_chars)
        except Exception as exc:  # noqa: BLE001 - one row never ends the run
            row = _unreadable(index, lines.lineno, exc)
        index += 1
        yield row


# -- CSV ------------------------------------------------------------------------------------------
_CANDIDATE_DELIMITERS = (",", ";", "\t", "|")


def _detect_delimiter(sample_text: str, tsv: bool) -> str:
    """The delimiter that splits the header and the first records into the same number (> 1) of fields."""
    candidates = list(_CANDIDATE_DELIMITERS)
    try:
        sniffed = csv.Sniffer().sniff(sample_text[:16384], delimiters=",;\t|:").delimiter
        candidates.insert(0, sniffed)
    except csv.Error:
        pass
    if tsv:
        candidates.insert(0, "\t")
    best, best_score = ",", 0.0
    for d in dict.fromkeys(candidates):
        try:
            records = list(_take(csv.reader(io.StringIO(sample_text), delimiter=d), 51))
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        body = [r for r in records[1:-1] if r] or [r for r in records[1:] if r]
        width = len(records[0])
        score = (sum(1 for r in body if len(r) == width) / len(body)) if body else 0.75
        if score > best_score + 1e-9:
            best, best_score = d, score
    return best if best_score >= 0.5 else ","


def _take(it: Iterator[Any], n: int) -> Iterator[Any]:
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def _unique_names(header: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(header, 1):
        name = name.strip() or f"column{i}"
        base, k = name, 2
        while name in seen:
            name, k = f"{base}_{k}", k + 1
        seen.add(name)
        out.append(name)
    return out


def _choose_column(columns: list[str], wanted: str | None, name: str, what: str) -> tuple[int, list[str]]:
    """Index of the text column and notes for the user; InputProblem when there is no such column."""
    lowered = [c.lower() for c in columns]
    if wanted is not None:
        if wanted in columns:
            return columns.index(wanted), []
        if wanted.strip().lower() in lowered:
            return lowered.index(wanted.strip().lower()), []
        if wanted.isdigit() and 1 <= int(wanted) <= len(columns):
            return int(wanted) - 1, []
        close = difflib.get_close_matches(wanted, columns, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise InputProblem("unknown_column", f"{name} has no {what} {wanted!r}; its {what}s are: "
                           + ", ".join(columns), hint + f"choose one with --{what}", name=name, column=wanted,
                           columns=", ".join(columns))
    for candidate in DEFAULT_TEXT_NAMES:
        if candidate in lowered:
            i = lowered.index(candidate)
            notes = [] if candidate == "text" else [f"reading the text from {what} {columns[i]!r} "
                                                    f"(choose another with --{what})"]
            return i, notes
    if len(columns) == 1:
        return 0, []
    raise InputProblem("no_text_column", f"{name}: which {what} holds the text? Its {what}s are: "
                       + ", ".join(columns), f"choose one with --{what} NAME", name=name, columns=", ".join(columns))


def _open_csv(name: str, lines: _Lines, sample: bytes, column: str | None, delimiter: str | None,
              max_chars: int, max_row_bytes: int, tsv: bool, no_header: bool = False, **common: Any) -> Input:
    csv.field_size_limit(max(max_row_bytes, 1 << 20))
    if delimiter is None:
        if lines.wide is not None:
            sample_text = sample.decode(lines.wide, "replace")
        else:
            sample_text = sample.decode(lines.encoding or "utf-8", "replace")
        eof = len(sample) < SAMPLE_BYTES - 8
        if not eof and "\n" in sample_text:
            sample_text = sample_text[: sample_text.rfind("\n") + 1]
        delimiter = _detect_delimiter(sample_text.lstrip("\ufeff"), tsv)
    elif delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    if len(delimiter) != 1:
        raise InputProblem("bad_delimiter", f"the delimiter must be one character, not {delimiter!r}",
                           delimiter=delimiter)
    records = _CsvRecords(lines, delimiter)
    header: list[str] | None = None
    first_data: tuple[int, list[str] | None, str | None, list[int], int] | None = None
    while header is None:
        got = records.next()
        if got is None:
            raise InputProblem("empty_input", f"{name} has no header line: there is nothing to check", "",
                               name=name)
        start, rec, error, _bad, _over = got
        if rec is None and error is not None:
            raise InputProblem("bad_csv", f"{name}:{start}: the header cannot be read as CSV: {error}", "",
                               name=name, line=start, reason=error)
        if rec and any(c.strip() for c in rec):
            if no_header:
                header = [f"column{i}" for i in range(1, len(rec) + 1)]
                first_data = got
            else:
                header = rec
    columns = _unique_names(header)
    what = "column"
    if no_header and column is not None and column.isdigit() and int(column) > len(columns):
        columns += [f"column{i}" for i in range(len(columns) + 1, int(column) + 1)]
    text_index, notes = _choose_column(columns, column, name, what)
    text_key = columns[text_index]
    if not no_header and column is not None and column.isdigit() and _looks_like_message(header, text_index):
        notes.append(f"the first line is read as the header (its column {column} is "
                     f"{_clip(header[text_index], 60)!r}); if it is a message, add --no-header")

    width = len(columns)

    def record(index: int, got: tuple[int, list[str] | None, str | None, list[int], int], incomplete: bool) -> Row:
        start, rec, error, bad, over = got
        if rec is None or over:
            fields = {c: "" for c in columns}
            return Row(index, start, "", fields, error=_overlong_error(over, max_row_bytes) if over else error)
        if not rec:
            row = Row(index, start, "", {c: "" for c in columns})
            row.notes.append("empty row")
            return row
        fields = {c: (rec[i] if i < len(rec) else "") for i, c in enumerate(columns)}
        if text_index >= len(rec):
            row = Row(index, start, "", fields, error=f"no value in column {text_key!r}: the row has "
                      f"{len(rec)} field(s), the header {width}")
        else:
            row = Row(index, start, rec[text_index], fields, error=INCOMPLETE_LINE if incomplete else None)
            if len(rec) > width:
                row.notes.append(f"{len(rec) - width} field(s) beyond the header's {width} were dropped")
            elif len(rec) < width:
                row.notes.append(f"the row has {len(rec)} field(s), the header {width}")
        if error:
            row.notes.append(error)
        if bad:
            row.notes.append("invalid UTF-8 bytes replaced with U+FFFD")
        if records.last_line - start >= MANY_LINES:
            row.notes.append(f"this row spans lines {start}–{records.last_line}: is a quote (\") not closed?")
        _check_text(row, max_chars)
        return row

    def rows() -> Iterator[Row]:
        index = 0
        pending = [first_data] if first_data is not None else []
        while True:
            got = pending.pop() if pending else records.next()
            if got is None:
                return
            try:
                row = record(index, got, lines.take_incomplete())
            except Exception as exc:  # noqa: BLE001 - one row never ends the run
                row = _unreadable(index, got[0], exc)
            index += 1
            yield row

    return Input(name, "csv", rows(), columns, text_key, notes=notes, delimiter=delimiter, **common)


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _looks_like_message(header: list[str], i: int) -> bool:
    """A header cell that reads like a sentence, not a column name."""
    cell = header[i].strip() if i < len(header) else ""
    return len(cell) > 40 or len(cell.split()) >= 4


class _CsvRecords:
    """CSV records with the physical lines they came from; a quote that is never closed (or a stray
    quote inside a field) is reported on its line and the lines after it are read again, so one
    broken quote never swallows the rows that follow.

    `next()` gives (first line, fields or None, problem or None, lines with replaced bytes, overlong
    size) or None at the end."""

    def __init__(self, lines: _Lines, delimiter: str):
        self.delimiter = delimiter
        self.last_line = 0
        self._lines = lines
        self._source = iter(lines)
        self._first = True
        self._again: list[tuple[int, str, bool, int]] = []  # physical lines to read again (reversed)
        self._used: list[tuple[int, str, bool, int]] = []  # physical lines of the record being read
        self._reader = csv.reader(self._feed(), delimiter=delimiter, strict=True)

    def _physical(self) -> tuple[int, str, bool, int] | None:
        if self._again:
            return self._again.pop()
        text = next(self._source, None)
        if text is None:
            return None
        self._lines.take()
        if self._first:
            text = text.lstrip("\ufeff")
            self._first = False
        return self._lines.lineno, text, self._lines.bad, self._lines.overlong

    def _feed(self) -> Iterator[str]:
        while True:
            item = self._physical()
            if item is None:
                return
            self._used.append(item)
            yield item[1]

    def next(self) -> tuple[int, list[str] | None, str | None, list[int], int] | None:
        self._used = []
        try:
            rec = next(self._reader)
            error = None
        except StopIteration:
            return None
        except csv.Error as exc:
            rec, error = None, str(exc)
        used = self._used
        if not used:
            return None
        start = used[0][0]
        self.last_line = used[-1][0]
        bad = [n for n, _, b, _ in used if b]
        over = next((o for *_, o in used if o), 0)
        if rec is None:
            # Read the first line as it stands (quotes kept as characters), and the others again.
            first = used[0]
            self._again.extend(reversed(used[1:]))
            # a new reader over the lines read again (the old one may have seen the end of the input)
            self._reader = csv.reader(self._feed(), delimiter=self.delimiter, strict=True)
            self.last_line = start
            literal = next(csv.reader([_strip_eol(first[1])], delimiter=self.delimiter, quoting=csv.QUOTE_NONE), [])
            if "end of data" in (error or ""):
                problem = f"a quote (\") on line {start} is never closed: the line was read as it stands"
            else:
                problem = f"a quote (\") on line {start} is misplaced: the line was read as it stands"
            if len(used) > 1:
                problem += "; " + f"lines {used[1][0]}–{used[-1][0]} were read again as rows of their own"
            return start, literal, problem, [start] if first[2] else [], first[3]
        return start, rec, None, bad, over


# -- JSON Lines -----------------------------------------------------------------------------------
def _get_path(obj: dict[str, Any], path: str) -> tuple[bool, Any]:
    if path in obj:
        return True, obj[path]
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return False, None
        cur = cur[part]
    return True, cur


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


def _text_value(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, (int, float, bool)):
        return json.dumps(value), None
    return None, f"the text field holds a JSON {_json_type(value)}, not text"


class _RowProblem(Exception):
    """A JSON row that parses but cannot be passed through (nested too deeply)."""


def _depth_over(obj: Any, limit: int) -> bool:
    """Is `obj` nested deeper than `limit` arrays/objects (iteratively: no recursion limit)?"""
    stack = [(obj, 1)]
    while stack:
        cur, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(cur, dict):
            stack.extend((v, depth + 1) for v in cur.values() if isinstance(v, (dict, list)))
        elif isinstance(cur, list):
            stack.extend((v, depth + 1) for v in cur if isinstance(v, (dict, list)))
    return False


def _clean_surrogates(obj: Any) -> Any:
    """`obj` with U+FFFD for every lone surrogate in its strings and keys (depth already bounded)."""
    if isinstance(obj, str):
        return clean_text(obj)
    if isinstance(obj, list):
        return [_clean_surrogates(v) for v in obj]
    if isinstance(obj, dict):
        return {clean_text(k): _clean_surrogates(v) for k, v in obj.items()}
    return obj


def parse_json_row(text: str) -> tuple[Any, list[str]]:
    """One JSON Lines row as Python data that can be written back as valid JSON, and notes.

    Raises json.JSONDecodeError for a syntax error and _RowProblem for a row that cannot be
    passed through.  Numbers JSON output cannot hold (1e400, NaN, Infinity, integers of more than
    4,300 digits) are kept as their literal text; lone surrogates (\\ud800) become U+FFFD."""
    odd: list[str] = []

    def number(literal: str) -> Any:
        odd.append(literal if len(literal) <= 40 else f"{literal[:20]}… ({len(literal):,} characters)")
        return literal

    def parse_float(literal: str) -> Any:
        value = float(literal)
        return value if value - value == 0 else number(literal)  # inf - inf is nan

    def parse_int(literal: str) -> Any:
        return int(literal) if len(literal) <= MAX_INT_DIGITS else number(literal)

    try:
        obj = json.loads(text, parse_float=parse_float, parse_int=parse_int, parse_constant=number)
    except RecursionError:
        raise _RowProblem(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    if (text.count("[") + text.count("{") > MAX_JSON_DEPTH) and _depth_over(obj, MAX_JSON_DEPTH):
        raise _RowProblem(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    notes = []
    if odd:
        shown = ", ".join(odd[:3]) + (f" and {len(odd) - 3} more" if len(odd) > 3 else "")
        notes.append(f"number(s) JSON output cannot hold passed through as text: {shown}")
    if _SURROGATE_ESCAPE.search(text) is not None:
        clean = _clean_surrogates(obj)
        if clean != obj:
            obj = clean
            notes.append("lone surrogate escapes (\\ud800-\\udfff) replaced with U+FFFD")
    return obj, notes


def _open_jsonl(name: str, lines: _Lines, field_name: str, max_chars: int, **common: Any) -> Input:
    line_iter = iter(lines)
    buffered: list[tuple[str, int, list[int], int, bool]] = []
    first_obj: dict[str, Any] | None = None
    for raw in line_iter:
        bad, over = lines.take()
        incomplete = lines.take_incomplete()
        buffered.append((raw, lines.lineno, bad, over, incomplete))
        text = raw.strip().lstrip("\ufeff")
        if over or not text or incomplete:
            continue
        if text.startswith("["):
            raise InputProblem("json_array", f"{name} is a JSON array, not JSON Lines",
                               "write one JSON object per line (.jsonl), or convert it with: jq -c '.[]'", name=name)
        try:
            obj, _ = parse_json_row(text)
        except json.JSONDecodeError as exc:
            raise InputProblem("bad_json", f"{name}:{lines.lineno}: not valid JSON ({exc.msg}, column {exc.colno}): "
                               "is this a JSON Lines file?", "each line must be one JSON object", name=name,
                               line=lines.lineno) from None
        except Exception:  # noqa: BLE001 - valid JSON that this row cannot pass on: its row says so
            continue
        if not isinstance(obj, dict):
            raise InputProblem("bad_json", f"{name}:{lines.lineno}: a JSON Lines row must be an object, not "
                               f"a JSON {_json_type(obj)}", "each line must be one JSON object", name=name, line=lines.lineno)
        found, _ = _get_path(obj, field_name)
        if not found:
            keys = list(obj)
            close = difflib.get_close_matches(field_name, keys, n=1)
            raise InputProblem("unknown_column", f"{name}:{lines.lineno} has no field {field_name!r}; its fields are: "
                               + ", ".join(keys), (f"did you mean {close[0]!r}? " if close else "")
                               + "choose one with --field", name=name, column=field_name, columns=", ".join(keys))
        first_obj = obj
        break
    if first_obj is None:
        if any(over or incomplete or raw.strip() for raw, _, _, over, incomplete in buffered):
            first_obj = {}  # only rows that cannot be read: each becomes an error row
        else:
            raise InputProblem("empty_input", f"{name} has no JSON object: there is nothing to check", "", name=name)
    columns = list(first_obj) or [field_name]

    def source() -> Iterator[tuple[str, int, list[int], int, bool]]:
        yield from buffered
        for raw in line_iter:
            bad, over = lines.take()
            yield raw, lines.lineno, bad, over, lines.take_incomplete()

    def row_of(index: int, raw: str, lineno: int, bad: list[int], over: int, incomplete: bool) -> Row:
        if over:
            return Row(index, lineno, "", {}, error=_overlong_error(over, lines.max_row_bytes))
        text = raw.strip()
        if index == 0:
            text = text.lstrip("\ufeff")
        if incomplete:
            return Row(index, lineno, text, {}, error=INCOMPLETE_LINE)
        if not text:
            row = Row(index, lineno, "", {})
            row.notes.append("empty line")
            return row
        try:
            obj, notes = parse_json_row(text)
        except json.JSONDecodeError as exc:  # the raw line is kept as the text, unanalyzed
            return Row(index, lineno, text, {}, error=f"not valid JSON: {exc.msg} (column {exc.colno})")
        except _RowProblem as exc:
            return Row(index, lineno, text, {}, error=str(exc))
        if not isinstance(obj, dict):
            return Row(index, lineno, text, {}, error=f"not a JSON object but a JSON {_json_type(obj)}")
        found, value = _get_path(obj, field_name)
        if not found:
            row = Row(index, lineno, "", obj, error=f"no field {field_name!r}")
        else:
            message, problem = _text_value(value)
            row = Row(index, lineno, message or "", obj, error=problem)
        row.notes.extend(notes)
        if bad:
            row.notes.append("invalid UTF-8 bytes replaced with U+FFFD")
        _check_text(row, max_chars)
        return row

    def rows() -> Iterator[Row]:
        for index, (raw, lineno, bad, over, incomplete) in enumerate(source()):
            try:
                yield row_of(index, raw, lineno, bad, over, incomplete)
            except Exception as exc:  # noqa: BLE001 - one row never ends the run
                yield _unreadable(index, lineno, exc)

    return Input(name, "jsonl", rows(), columns, field_name, **common)


__all__ = ["Input", "InputProblem", "Row", "open_input", "text_input", "clean_text", "parse_json_row",
           "DEFAULT_MAX_CHARS", "MAX_ROW_BYTES"]
