"""Streaming output: one result row out per input row in (CSV, JSON Lines, JSON), a run summary,
and output files that appear only when complete (written aside, renamed into place)."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable

from .. import i18n
from .readers import InputProblem, Row


# -- results as rows ------------------------------------------------------------------------------
RESULT_COLUMNS = ("line", "flagged", "severity", "narratives", "targets", "rules", "evidence", "explanation",
                  "lang", "warnings", "error")


def _join(items: Iterable[str]) -> str:
    return "; ".join(items)


def evidence_texts(result: Any) -> list[str]:
    """Evidence strings of a result, once each, in text order."""
    seen: dict[str, None] = {}
    for ev in sorted((e for m in result.matches for e in m.evidence), key=lambda e: (e.start, e.end)):
        seen.setdefault(ev.text, None)
    return list(seen)


def result_columns(row: Row, result: Any, ui_lang: str = "en") -> list[str]:
    """Our CSV columns for one analyzed row (see RESULT_COLUMNS); warnings and errors in `ui_lang`."""
    failed = result.error is not None
    return [
        str(row.line),
        "" if failed else ("true" if result.flagged else "false"),
        result.severity or "",
        _join(result.narratives),
        _join(result.targets),
        _join(result.rule_ids),
        _join(evidence_texts(result)),
        " | ".join(m.explanation for m in result.matches),
        "" if failed else result.lang,
        _join(i18n.translate(w, ui_lang) for w in result.warnings),
        i18n.translate(result.error or "", ui_lang),
    ]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _finite(value: Any) -> Any:
    """`value` with non-finite floats (which JSON cannot hold) written as their Python text."""
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """One line of strictly valid JSON that UTF-8 can write, whatever `value` holds: NaN and
    infinities (never written as the non-JSON NaN/Infinity) become text, lone surrogates U+FFFD.
    The readers already clean what they read; this guards rows built by other code."""
    try:
        line = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        line = json.dumps(_finite(value), ensure_ascii=False, allow_nan=False)
    return line if _SURROGATE.search(line) is None else _SURROGATE.sub("\ufffd", line)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value if _SURROGATE.search(value) is None else _SURROGATE.sub("\ufffd", value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return dumps(value)


class CsvWriter:
    """Passthrough columns, then RESULT_COLUMNS (prefixed `hs_` where an input column has the same name).

    `bom` starts the file with a byte-order mark (Excel then reads UTF-8); `delimiter` is `,` unless
    asked otherwise (`;` is what Excel expects where the decimal separator is a comma: ru, kk)."""

    def __init__(self, out: IO[str], columns: list[str], *, bom: bool = False, delimiter: str = ",",
                 ui_lang: str = "en"):
        self.out = out
        self.ui_lang = ui_lang
        self.columns = list(columns)
        taken = set(self.columns)
        self.header = self.columns + [f"hs_{c}" if c in taken else c for c in RESULT_COLUMNS]
        if bom:
            out.write("\ufeff")
        self.writer = csv.writer(out, delimiter=delimiter)
        self.writer.writerow(self.header)

    def write(self, row: Row, result: Any) -> None:
        fields = row.fields
        self.writer.writerow([_cell(fields.get(c)) for c in self.columns]
                             + [_cell(c) for c in result_columns(row, result, self.ui_lang)])

    def close(self, summary: "Summary") -> None:
        self.out.flush()


def result_record(row: Row, result: Any, text_key: str, include_fields: bool = True) -> dict[str, Any]:
    """The JSON shape of one row: line, the other input fields, then AnalysisResult.to_dict(include_text)."""
    record: dict[str, Any] = {"line": row.line}
    if include_fields:
        record["fields"] = {k: v for k, v in row.fields.items() if k != text_key}
    record.update(result.to_dict(include_text=True))
    return record


class JsonlWriter:
    def __init__(self, out: IO[str], text_key: str, include_fields: bool = True):
        self.out = out
        self.text_key = text_key
        self.include_fields = include_fields

    def write(self, row: Row, result: Any) -> None:
        self.out.write(dumps(result_record(row, result, self.text_key, self.include_fields)) + "\n")

    def close(self, summary: "Summary") -> None:
        self.out.flush()


class JsonWriter:
    """One JSON document, written as it goes: {"schema", "results": [...], "summary": {...}}."""

    def __init__(self, out: IO[str], text_key: str, include_fields: bool = True):
        self.out = out
        self.text_key = text_key
        self.include_fields = include_fields
        self.first = True
        out.write('{"schema": "1.0", "results": [')

    def write(self, row: Row, result: Any) -> None:
        line = dumps(result_record(row, result, self.text_key, self.include_fields))  # may fail: nothing written yet
        self.out.write(("\n  " if self.first else ",\n  ") + line)
        self.first = False

    def close(self, summary: "Summary") -> None:
        self.out.write("\n" if not self.first else "")
        self.out.write('], "summary": ')
        self.out.write(dumps(summary.to_dict()))
        self.out.write("}\n")
        self.out.flush()


class XlsxOutput:
    """An Excel workbook (see `hsengine.io.excel.XlsxWriter`): the same columns as the CSV output."""

    def __init__(self, out: IO[bytes], columns: list[str], text_key: str, ui_lang: str = "en"):
        from .excel import XlsxWriter

        self.ui_lang = ui_lang
        self.book = XlsxWriter(out, columns, text_key, list(RESULT_COLUMNS), ui_lang=ui_lang)

    def write(self, row: Row, result: Any) -> None:
        self.book.write(row, result, result_columns(row, result, self.ui_lang))

    def close(self, summary: "Summary") -> None:
        self.book.close()


# -- summary --------------------------------------------------------------------------------------
@dataclass
class Summary:
    """Counts over a run: what `check` prints at the end and every format can carry."""

    messages: int = 0
    flagged: int = 0
    errors: int = 0
    with_warnings: int = 0
    by_narrative: Counter = field(default_factory=Counter)
    by_target: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    by_lang: Counter = field(default_factory=Counter)
    flagged_by_lang: Counter = field(default_factory=Counter)
    error_rows: list[tuple[int, str]] = field(default_factory=list)  # (line, error), the first MAX_ERROR_ROWS

    MAX_ERROR_ROWS = 1000

    def add(self, row: Row, result: Any) -> None:
        self.messages += 1
        if result.warnings:
            self.with_warnings += 1
        if result.error is not None:
            self.errors += 1
            if len(self.error_rows) < self.MAX_ERROR_ROWS:
                self.error_rows.append((row.line, result.error))
            return
        self.by_lang[result.lang] += 1
        if not result.flagged:
            return
        self.flagged += 1
        self.flagged_by_lang[result.lang] += 1
        self.by_severity[result.severity] += 1
        self.by_narrative.update(result.narratives)
        self.by_target.update(result.targets)
        self.by_rule.update(result.rule_ids)

    def to_dict(self) -> dict[str, Any]:
        def ordered(c: Counter) -> dict[str, int]:
            return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

        return {
            "messages": self.messages,
            "flagged": self.flagged,
            "errors": self.errors,
            "with_warnings": self.with_warnings,
            "by_narrative": ordered(self.by_narrative),
            "by_target": ordered(self.by_target),
            "by_rule": ordered(self.by_rule),
            "by_severity": ordered(self.by_severity),
            "by_lang": ordered(self.by_lang),
        }


# -- output files ---------------------------------------------------------------------------------
def _special(path: Path) -> bool:
    """An existing path that is not a regular file: /dev/stdout, a pipe (FIFO), a terminal, /dev/null."""
    import stat

    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


class Output:
    """A text stream to a file (written to a temporary file, renamed into place on success) or stdout.

    Paths that are not regular files (`/dev/stdout`, a named pipe, `/dev/null`) are written directly:
    they cannot be replaced by a rename.  `encoding` is the output's encoding (UTF-8 by default);
    `binary` gives a byte stream (for .xlsx)."""

    def __init__(self, path: str | None, *, stdout: IO[str] | None = None, encoding: str = "utf-8",
                 binary: bool = False):
        self.path = path
        self._tmp: str | None = None
        self._close = False
        self.written_to = "standard output" if path in (None, "-") else path
        self.binary = binary
        if path is None or path == "-":
            base = stdout if stdout is not None else sys.stdout
            buffer = getattr(base, "buffer", None)
            if buffer is not None:
                base.flush()
                self.stream: Any = buffer if binary else io.TextIOWrapper(buffer, encoding=encoding, newline="",
                                                                          write_through=False)
                self._detach = not binary
            else:
                self.stream = base
                self._detach = False
            return
        target = Path(path)
        if target.is_dir():
            raise InputProblem("output_is_directory", f"--output {path} is a directory", "give a file name",
                               path=path)
        if _special(target):
            try:
                raw = open(target, "wb" if binary else "w", **({} if binary else {"encoding": encoding, "newline": ""}))
            except OSError as exc:
                raise InputProblem("output_unwritable", f"cannot write {path}: {exc.strerror or exc}",
                                   path=path, reason=str(exc.strerror or exc)) from None
            self.stream = raw
            self._detach = False
            self._close = True
            return
        parent = target.resolve().parent
        if not parent.is_dir():
            raise InputProblem("output_dir_missing", f"cannot write {path}: the folder {parent} does not exist",
                               path=path, folder=str(parent))
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise InputProblem("output_unwritable", f"cannot write {path}: {exc.strerror or exc}",
                               path=path, reason=str(exc.strerror or exc)) from None
        self.stream = io.open(fd, "wb") if binary else io.open(fd, "w", encoding=encoding, newline="")
        self._detach = False

    def commit(self) -> None:
        if self._tmp is not None:
            self.stream.close()
            try:  # mkstemp makes the file private; give it the permissions a new file normally gets
                mode = Path(self.path).stat().st_mode & 0o777 if Path(self.path).exists() else None  # type: ignore[arg-type]
                if mode is None:
                    umask = os.umask(0)
                    os.umask(umask)
                    mode = 0o666 & ~umask
                os.chmod(self._tmp, mode)
            except OSError:
                pass
            os.replace(self._tmp, self.path)  # type: ignore[arg-type]
            self._tmp = None
        elif self._detach:
            self.stream.flush()
            self.stream.detach()
            self._detach = False
        elif self._close:
            self.stream.close()
            self._close = False
        else:
            self.stream.flush()

    @property
    def replaced_on_success(self) -> bool:
        """True when the output appears only at the end (a temporary file renamed into place)."""
        return self._tmp is not None

    def keep_partial(self) -> str | None:
        """After a failure: keep what was written as FILE.partial (never replacing FILE itself);
        the path kept, or None when there is no file to keep."""
        if self._tmp is None:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                pass
            return None
        partial = f"{self.path}.partial"
        try:
            self.stream.close()
        except (OSError, ValueError):
            pass
        try:
            os.replace(self._tmp, partial)
        except OSError:
            self.discard()
            return None
        self._tmp = None
        return partial

    def discard(self) -> None:
        if self._tmp is not None:
            try:
                self.stream.close()
            finally:
                try:
                    os.unlink(self._tmp)
                except OSError:
                    pass
                self._tmp = None
        elif self._detach:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                pass
            try:
                self.stream.detach()
            except (OSError, ValueError):
                pass
            self._detach = False
        elif self._close:
            try:
                self.stream.close()
            except (OSError, ValueError):
                pass
            self._close = False


def same_file(a: str | None, b: str | None) -> bool:
    if not a or not b or a == "-" or b == "-":
        return False
    if _special(Path(b)):  # /dev/stdout, a pipe: never the input file itself
        return False
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)  # hard links too
    except OSError:
        return False


def output_is_stdin(output: str | None, stdin: Any = None) -> bool:
    """Is `output` the very file standard input is redirected from (`-o f < f`)?  Replacing it
    would destroy the input the run reads."""
    if not output or output == "-":
        return False
    try:
        st_in = os.fstat((stdin if stdin is not None else sys.stdin).fileno())
        st_out = os.stat(output)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return stat.S_ISREG(st_in.st_mode) and (st_in.st_dev, st_in.st_ino) == (st_out.st_dev, st_out.st_ino)


__all__ = ["Summary", "CsvWriter", "XlsxOutput", "JsonlWriter", "JsonWriter", "Output", "result_record",
           "result_columns", "evidence_texts", "same_file", "output_is_stdin", "dumps", "RESULT_COLUMNS"]
