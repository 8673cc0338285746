"""The `hsengine` command line.

For volunteers:  ``hsengine check`` — messages, standard input, or files (.txt, .csv/.tsv, .xlsx,
JSON Lines, Telegram Desktop and YouTube exports) in; a readable list, JSON, JSON Lines, CSV, an
Excel workbook, a self-contained HTML report or Label Studio tasks out.

For maintainers: ``validate``, ``test``, ``explain``, ``lexicon lookup``, ``rules list|show``,
``eval``, ``catalogue`` and ``stats``.

Exit codes (every command): 0 success / nothing flagged, 1 something flagged (``check``) or
problems found (``validate``, ``test``, ``catalogue --check``), 2 usage, input or lexicon/rule
loading errors, 3 an internal error (a bug), 130 interrupted, 128 + N terminated by signal N
(143: SIGTERM, 129: SIGHUP) — worker processes end with it and no temporary file is left.

Every sentence shown to the user is in the interface language: ``--ui-lang``, else the
``HSENGINE_UI_LANG`` environment variable, else ``ui_lang`` in the configuration file
(``hsengine config ui-lang ru``), else English.  The help text is translated too (it is built when
the module is imported, from the same settings).

Start-up is kept cheap: the engine, rich and the process pool are imported only by the commands
that need them.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterator, List, Optional

import click
import typer

from .. import __version__, i18n
from ..schema.values import MAX_MESSAGE_CHARS, SEVERITIES, UI_LANGS
from . import config
from .render import (context_reasons, display_names, format_summary, hits_line, isatty, make_console, pretty_writer, print_trace,
                     targets_text, use_color)

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.engine import Engine
    from ..io.readers import Input, Row
    from ..engine.results import AnalysisResult

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_SIGNAL_BASE = 128  # terminated by signal N: 128 + N


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is so that cleanup runs: worker processes
    killed, the temporary output file removed.  (Python's default for SIGTERM is to vanish
    without either.)"""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def _install_signal_handlers() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) is signal.SIG_IGN:
                continue  # nohup: the user asked for SIGHUP to be ignored
            signal.signal(signum, _terminate)
        except (ValueError, OSError):  # not the main thread, or an unsupported platform
            pass

UI = config.initial_ui_lang(sys.argv[1:])  # the language of --help and of messages before options are read


def H(text: str) -> str:
    """A help text in the interface language."""
    return i18n.tr(text, UI)


def _help(summary: str, examples: list[tuple[str, str]], tail: str = "") -> str:
    """A command's help: its summary and comments in the interface language, then the examples."""
    width = max(len(c) for c, _ in examples)
    lines = [f"  {c:<{width}}" + (f"  [dim]# {H(comment)}[/dim]" if comment else "") for c, comment in examples]
    text = H(summary) + "\n\n[b]" + H("Examples") + "[/b]\n\n" + "\n".join(lines) + "\n"
    return text + ("\n" + H(tail) + "\n" if tail else "")


def tr(template: str, ui: str | None = None, /, **params: Any) -> str:
    return i18n.tr(template, ui or UI, **params)


EXIT_CODES_HELP = H(
    "[b]Exit codes[/b]: 0 nothing flagged · 1 something flagged (check) or problems found (validate, test, "
    "catalogue --check) · 2 usage, input or lexicon/rule errors · 3 internal error (please report it) · 130 interrupted"
)

app = typer.Typer(
    name="hsengine",
    help=H("Explainable hate-speech detection for Kazakh and Russian social-media text.\n\n"
           "Check messages with [b]hsengine check[/b]; maintain the lexicon and rules with [b]validate[/b], "
           "[b]test[/b], [b]explain[/b], [b]lexicon[/b], [b]rules[/b], [b]eval[/b], [b]catalogue[/b] and "
           "[b]stats[/b]. The interface language: --ui-lang, HSENGINE_UI_LANG or [b]hsengine config ui-lang ru[/b]."),
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
lexicon_app = typer.Typer(help=H("Look words up in the lexicon."), no_args_is_help=True, rich_markup_mode="rich",
                          context_settings={"help_option_names": ["-h", "--help"]})
rules_app = typer.Typer(help=H("List and show rules."), no_args_is_help=True, rich_markup_mode="rich",
                        context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(lexicon_app, name="lexicon")
app.add_typer(rules_app, name="rules")


def _readable_types() -> None:
    """Help shows a value's kind as a word (FILE, N, ru|kk), never Python types like <bool> or <list[Path]>:
    flags show nothing, choices their values, numbers N, paths PATH."""
    from typer import core

    def option_type(self: Any, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        return _word(self)

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None  # the argument's name (metavar) already says it

    def _word(param: Any) -> str:
        desc = getattr(param, "type_descriptor", None)
        kind = getattr(param, "type", None)
        choices = getattr(desc, "choices", None) if getattr(desc, "is_choice", False) else getattr(kind, "choices", None)
        if choices:
            return "|".join(str(c.value if isinstance(c, Enum) else c) for c in choices)
        if getattr(desc, "is_path", False) or isinstance(kind, click.Path):
            return "PATH"
        annotation = getattr(desc, "annotation", None)
        if annotation in (int, float) or isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
            return "N"
        return "TEXT"

    # the words click and typer put around the help (panel titles, [default: ...], the --help option)
    if UI != "en":
        try:
            from typer import rich_utils

            for const in ("DEFAULT_STRING", "ENVVAR_STRING", "REQUIRED_LONG_STRING", "ARGUMENTS_PANEL_TITLE",
                          "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "ERRORS_PANEL_TITLE", "ABORTED_TEXT",
                          "RICH_HELP"):
                if isinstance(getattr(rich_utils, const, None), str):
                    setattr(rich_utils, const, H(getattr(rich_utils, const)))
        except ImportError:  # pragma: no cover
            pass

    for name, fn in (("TyperOption", option_type), ("TyperArgument", argument_type)):
        cls = getattr(core, name, None)
        if cls is not None and hasattr(cls, "display_type_rich"):
            cls.display_type_rich = fn


_readable_types()


def _translate_click() -> None:
    """click's own messages (usage errors, the --help option) in the interface language: its modules
    look them up with gettext, which we answer from our catalogue."""
    if UI == "en":
        return
    import importlib

    def gettext(message: str) -> str:
        return i18n.tr(message, UI)

    for name in ("click.core", "click.exceptions", "click.decorators", "click.parser", "click.types", "click.formatting",
                 "typer.core", "typer.rich_utils", "typer.main"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover
            continue
        if callable(getattr(module, "_", None)):
            module._ = gettext  # type: ignore[attr-defined]


_translate_click()


# -- choices --------------------------------------------------------------------------------------
class OutputFormat(str, Enum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"
    labelstudio = "labelstudio"


class InputFormat(str, Enum):
    txt = "txt"
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"
    telegram = "telegram"
    youtube = "youtube"


class Lang(str, Enum):
    auto = "auto"
    ru = "ru"
    kk = "kk"


UiLang = Enum("UiLang", {v: v for v in UI_LANGS}, type=str)  # type: ignore[misc]
Severity = Enum("Severity", {v: v for v in SEVERITIES}, type=str)  # type: ignore[misc]


class EvalFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


_EXT_FORMATS = {".csv": "csv", ".tsv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                ".html": "html", ".htm": "html", ".txt": "pretty", ".xlsx": "xlsx"}


# -- shared state and helpers ---------------------------------------------------------------------
@dataclass
class State:
    lexicon: list[Path] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


_LIVE: list[Any] = []  # the console of a progress bar being drawn: messages go through it


def _echo_err(text: str) -> None:
    """A line on stderr that never lands inside a progress bar's line."""
    if _LIVE:
        from rich.text import Text

        _LIVE[-1].print(Text.from_ansi(text), soft_wrap=True)
    else:
        click.echo(text, err=True)


def _err(message: str, hint: str = "", *, prefix: str = "error", ui: str | None = None) -> None:
    ui = ui or UI
    color = use_color(sys.stderr)
    label = {"error": tr("error", ui), "note": tr("note", ui), "warning": tr("warning", ui)}.get(prefix, prefix)
    head = click.style(f"hsengine: {label}:", fg="red" if prefix == "error" else "cyan", bold=True) if color \
        else f"hsengine: {label}:"
    _echo_err(f"{head} {message}")
    if hint:
        hint_label = tr("hint:", ui)
        _echo_err(("  " + click.style(hint_label, fg="cyan") if color else "  " + hint_label) + f" {hint}")


def _fail(message: str, hint: str = "", code: int = EXIT_USAGE, ui: str | None = None) -> typer.Exit:
    _err(message, hint, ui=ui)
    return typer.Exit(code)


def _short_path(path: str) -> str:
    """A path relative to the working directory when it is inside it (shorter messages)."""
    try:
        p = Path(path)
        if p.is_absolute():
            rel = p.resolve().relative_to(Path.cwd().resolve())
            return str(rel)
    except (ValueError, OSError):
        pass
    return path


def _print_problems(problems: list[Any], stream_err: bool = True) -> None:
    """`file:line:column: message` and an indented hint, for each problem."""
    color = use_color(sys.stderr if stream_err else sys.stdout)
    for p in problems:
        where = f"{_short_path(p.file)}:{p.line}:{p.column}:"
        click.echo(f"{click.style(where, bold=True) if color else where} {i18n.translate(p.message, UI)}",
                   err=stream_err)
        if getattr(p, "hint", ""):
            hint = tr("hint:")
            click.echo(f"  {click.style(hint, fg='cyan') if color else hint} {i18n.translate(p.hint, UI)}",
                       err=stream_err)


_ENGINES: dict[tuple, "Engine"] = {}  # engines built in this process, by their files' state
_MAX_ENGINES = 4
_FREEZE_ENGINES = False  # set by main(): this process runs one command, then exits


def _files_state(paths: list[Path]) -> tuple:
    """(path, mtime, size) of every YAML file under `paths`: an engine is reused only for unchanged files."""
    from ..lexicon.loader import iter_yaml_files

    out = []
    for f in iter_yaml_files(paths):
        try:
            st = f.stat()
            out.append((str(f.resolve()), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(f), 0, -1))
    return tuple(out)


def _make_engine(lexicon: list[Path] | None, rules: list[Path] | None, *, ui_lang: str = "en",
                 config_exit: int = EXIT_USAGE) -> "Engine":
    """Build the engine (reused within one process — tests, embedding — while its files are unchanged)."""
    from ..engine.engine import Engine
    from ..errors import ConfigError
    from ..paths import BUNDLED_LEXICON, BUNDLED_RULES, lexicon_registries, rules_registries

    lex_paths = list(lexicon or [BUNDLED_LEXICON])
    rule_paths = list(rules or [BUNDLED_RULES])
    key = (ui_lang, tuple(map(str, lex_paths)), tuple(map(str, rule_paths)),
           _files_state(lex_paths + lexicon_registries()), _files_state(rule_paths + rules_registries()))
    cached = _ENGINES.get(key)
    if cached is not None:
        return cached
    try:
        engine = Engine(lexicon_paths=lexicon or None, rules_paths=rules or None, ui_lang=ui_lang)
        if _FREEZE_ENGINES:
            # The compiled set is ~180k objects that live as long as the process: out of the
            # cyclic collector's reach, a full collection no longer walks them all (~30 ms each,
            # once or twice in a short run) and neither does the last one at exit.  Only in the
            # command's own process (main): an embedding process (tests, CliRunner) may build
            # and drop many engines, and a frozen one is never collected.
            import gc

            gc.freeze()
            gc.enable()  # paused by a plain check until now (_run_plain_check)
        if len(_ENGINES) >= _MAX_ENGINES:
            _ENGINES.pop(next(iter(_ENGINES)))
        _ENGINES[key] = engine
        return engine
    except ConfigError as exc:
        _print_problems(exc.problems)
        n = len(exc.problems)
        _err(tr("{n} problem(s) in the lexicon/rule files; nothing was analyzed", ui_lang, n=n),
             tr("fix them, then run `hsengine validate`", ui_lang), ui=ui_lang)
        raise typer.Exit(config_exit) from None


def _engine(ctx: typer.Context, ui_lang: str = "en") -> "Engine":
    st = _state(ctx)
    return _make_engine(st.lexicon, st.rules, ui_lang=ui_lang)


def _ui(value: Any) -> str:
    """The interface language of a command: its --ui-lang, else the environment or the configuration."""
    if value is None:
        return config.ui_lang()
    return value.value if isinstance(value, Enum) else str(value)


UI_LANG_HELP = H("Language of messages, explanations, headings and reports (also: HSENGINE_UI_LANG, or once "
                 "for all: hsengine config ui-lang ru).")


def _version_callback(value: bool) -> None:
    if value:
        click.echo(f"hsengine {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    ctx: typer.Context,
    lexicon: Annotated[Optional[List[Path]], typer.Option(
        "--lexicon", metavar="PATH",
        help=H("Use this lexicon file or directory instead of the bundled one (repeatable)."))] = None,
    rules: Annotated[Optional[List[Path]], typer.Option(
        "--rules", metavar="PATH",
        help=H("Use this rule file or directory instead of the bundled rules (repeatable)."))] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help=H("Print the version and exit."))] = False,
) -> None:
    st = _state(ctx)
    st.lexicon = list(lexicon or [])
    st.rules = list(rules or [])


# -- check ----------------------------------------------------------------------------------------
def _choose_format(fmt: OutputFormat | None, output: str | None) -> str:
    if fmt is not None:
        return fmt.value
    if output and output != "-":
        return _EXT_FORMATS.get(Path(output).suffix.lower(), "jsonl")
    return "pretty" if isatty(sys.stdout) else "jsonl"


def _filter_severity(result: "AnalysisResult", min_rank: int) -> "AnalysisResult":
    if min_rank <= 0 or not result.matches:
        return result
    kept = tuple(m for m in result.matches if SEVERITIES.index(m.severity) >= min_rank)
    return result if len(kept) == len(result.matches) else replace(result, matches=kept)


class _Notes:
    """Row problems on stderr: the first `limit` one by one, then a count."""

    def __init__(self, quiet: bool, ui: str = "en", limit: int = 20):
        self.quiet = quiet
        self.ui = ui
        self.limit = limit
        self.shown = 0
        self.hidden = 0
        self.color = use_color(sys.stderr)

    def row(self, where: str, message: str, error: bool) -> None:
        if self.quiet:
            return
        if self.shown >= self.limit:
            self.hidden += 1
            return
        self.shown += 1
        label = tr("error", self.ui) if error else tr("warning", self.ui)
        if self.color:
            label = click.style(label, fg="red" if error else "yellow", bold=True)
        _echo_err(f"{where}: {label}: {i18n.translate(message, self.ui)}")

    def finish(self, ui: str) -> None:
        if self.hidden and not self.quiet:
            _echo_err(i18n.t("more_row_problems", ui).format(n=self.hidden))


class _Progress:
    """A progress bar over the bytes of the input file, on stderr, only on a terminal.  While it is
    drawn, messages on stderr and results on the terminal go through its console, above the bar."""

    def __init__(self, source: "Input", enabled: bool, ui: str = "en"):
        self.source = source
        self.bar = None
        if not enabled:
            return
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        rows = tr("rows", ui)
        columns: list[Any] = [TextColumn("[bold]{task.description}"), BarColumn()]
        if source.size:
            columns.append(DownloadColumn())
        columns += [TextColumn("{task.fields[rows]:>9,} " + rows), TimeElapsedColumn()]
        if source.size:
            columns.append(TimeRemainingColumn())
        self.bar = Progress(*columns, console=make_console(stderr=True), transient=True,
                            redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task(Path(source.name).name, total=source.size or None, rows=0)
        self.bar.start()
        _LIVE.append(self.bar.console)

    @property
    def console(self) -> Any:
        return self.bar.console if self.bar is not None else None

    def update(self, rows: int) -> None:
        if self.bar is not None and rows % 200 == 0:
            self.bar.update(self.task, completed=self.source.bytes_read, rows=rows)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            if _LIVE and _LIVE[-1] is self.bar.console:
                _LIVE.pop()
            self.bar = None


CHECK_HELP = _help(
    'Check messages for hate speech and explain every finding.',
    [
        ('hsengine check "Все эти китайцы — тараканы."', ''),
        ('hsengine check posts.xlsx -o report.html', ''),
        ('hsengine check --input result.json --format html -o channel.html', 'a Telegram Desktop export'),
        ('hsengine check --input posts.csv --column text --excel -o checked.csv', 'a CSV Excel opens'),
        ('hsengine check --input comments.csv --no-header --column 2 -o checked.xlsx', ''),
        ('hsengine check --input posts.csv --format labelstudio -o tasks.json', 'for review in Label Studio'),
        ('cat messages.txt | hsengine check --format jsonl --only-flagged', ''),
    ])


@app.command(help=CHECK_HELP, epilog=EXIT_CODES_HELP)
def check(
    ctx: typer.Context,
    texts: Annotated[Optional[List[str]], typer.Argument(
        metavar="[TEXT]...", show_default=False,
        help=H("Message(s) to check, or one file to read. Without TEXT and --input, messages are read from "
               "standard input, one per line."))] = None,
    input_path: Annotated[Optional[str], typer.Option(
        "--input", "-i", metavar="FILE", show_default=False,
        help=H("Read messages from FILE: .txt (one per line), .csv/.tsv (see --column), .xlsx, .jsonl (see "
               "--field), a Telegram Desktop result.json or YouTube API comments; '-' for standard input."))] = None,
    column: Annotated[Optional[str], typer.Option(
        "--column", "-c", metavar="NAME", show_default=False,
        help=H("Column with the text: a name, or a number (3: the third). Default: 'text', or the only column. "
               "Other columns pass through."))] = None,
    field_name: Annotated[Optional[str], typer.Option(
        "--field", metavar="NAME", show_default=False,
        help=H("JSON Lines field with the text (default: 'text'; 'a.b' for a nested field)."))] = None,
    no_header: Annotated[bool, typer.Option(
        "--no-header", help=H("The CSV or sheet has no header line: the first line is a message; columns are "
                              "named column1, column2, ..."))] = False,
    sheet: Annotated[Optional[str], typer.Option(
        "--sheet", metavar="NAME", show_default=False,
        help=H("The sheet of an .xlsx workbook to read (default: the first)."))] = None,
    input_format: Annotated[Optional[InputFormat], typer.Option(
        "--input-format", show_default=False,
        help=H("Input format when the file extension does not say (standard input: txt)."))] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME", show_default=False,
        help=H("Input encoding when it is not UTF-8, e.g. cp1251 (UTF-16/32 with a byte-order mark are "
               "detected)."))] = None,
    delimiter: Annotated[Optional[str], typer.Option(
        "--delimiter", metavar="CHAR", show_default=False,
        help=H("CSV delimiter of the input (default: detected; 'tab' for a tab)."))] = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option(
        "--format", "-f", show_default=False,
        help=H("Output: pretty (default on a terminal), json, jsonl (default in a pipe), csv, xlsx, html (a report "
               "file) or labelstudio (tasks to review). Default from the --output extension."))] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help=H("Write the output to FILE (replaced only when the run completes; /dev/stdout and pipes are "
               "written directly)."))] = None,
    excel: Annotated[bool, typer.Option(
        "--excel", help=H("CSV output for Excel: UTF-8 with a byte-order mark, ';'-separated (as Russian- and "
                          "Kazakh-language Excel expects)."))] = False,
    output_delimiter: Annotated[Optional[str], typer.Option(
        "--output-delimiter", metavar="CHAR", show_default=False,
        help=H("CSV output delimiter (default: ',', or ';' when the input used ';' or with --excel)."))] = None,
    output_encoding: Annotated[Optional[str], typer.Option(
        "--output-encoding", metavar="NAME", show_default=False,
        help=H("CSV output encoding (default: UTF-8, with a byte-order mark when the input came from Excel or "
               "Windows)."))] = None,
    lang: Annotated[Lang, typer.Option("--lang", help=H("Language of the messages (auto: detect per message)."))]
        = Lang.auto,
    min_severity: Annotated[Severity, typer.Option(
        "--min-severity", help=H("Ignore matches below this severity."))] = Severity.low,
    min_score: Annotated[Optional[float], typer.Option(
        "--min-score", min=0.0, max=1.0, metavar="SCORE", show_default=False,
        help=H("Flag a message when its score (0-1, the estimated chance it is hate) reaches SCORE. Default: the "
               "calibrated threshold (docs/evaluation.md). Matches below it are still shown."))] = None,
    only_flagged: Annotated[bool, typer.Option(
        "--only-flagged", help=H("Output only flagged messages (and rows that could not be analyzed)."))] = False,
    ui_lang: Annotated[Optional[UiLang], typer.Option(
        "--ui-lang", envvar="HSENGINE_UI_LANG", show_default=False, help=UI_LANG_HELP)] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help=H("Worker processes (0: one per CPU). Output stays in input order."))] = 1,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1000, help=H("Longer messages are reported as errors, not analyzed."))]
        = MAX_MESSAGE_CHARS,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help=H("No progress bar, row warnings or summary."))] = False,
) -> None:
    from ..io import readers, writers

    ui = _ui(ui_lang)
    if texts and input_path is not None:
        raise _fail(tr("give messages as arguments or with --input, not both", ui), ui=ui)
    if column is not None and field_name is not None and column != field_name:
        raise _fail(tr("--column and --field name the same thing; give one", ui), ui=ui)
    file_arg = _file_argument(texts)
    if file_arg is not None:
        if len(texts or []) > 1:
            raise _fail(tr("{path} is a file: give one file at a time, with --input FILE", ui, path=file_arg),
                        tr("to check several files, run hsengine once per file", ui), ui=ui)
        input_path, texts = file_arg, None
        if not quiet:
            _err(tr("{path} is a file: reading the messages in it (the same as --input {path})", ui,
                    path=file_arg), tr("to check these words as a message, pipe them: echo '{path}' | hsengine check",
                                       ui, path=file_arg), prefix="note", ui=ui)
    out_format = _choose_format(fmt, output)
    if out_format in ("html", "xlsx") and (output is None or output == "-") and isatty(sys.stdout):
        raise _fail(tr("an HTML report or an Excel workbook goes to a file", ui),
                    tr("add --output report.{ext}", ui, ext=out_format), ui=ui)
    if writers.same_file(input_path, output):
        raise _fail(tr("--output {path} is the input file; refusing to overwrite it", ui, path=output),
                    tr("choose another file name", ui), ui=ui)
    if not texts and input_path in (None, "-") and writers.output_is_stdin(output):
        raise _fail(tr("--output {path} is the file standard input reads from; refusing to overwrite it", ui,
                       path=output), tr("choose another file name", ui), ui=ui)
    out_delimiter = None
    if output_delimiter is not None:
        out_delimiter = "\t" if output_delimiter in ("\\t", "tab", "TAB") else output_delimiter
        if len(out_delimiter) != 1:
            raise _fail(tr("the delimiter must be one character, not {delimiter!r}", ui, delimiter=output_delimiter),
                        ui=ui)
    if output_encoding is not None:
        import codecs

        try:
            output_encoding = codecs.lookup(output_encoding).name
        except LookupError:
            raise _fail(tr("unknown encoding {encoding!r}", ui, encoding=output_encoding),
                        tr("for example: utf-8, cp1251, koi8-r, utf-16", ui), ui=ui) from None

    try:
        if texts and texts != ["-"]:
            source = readers.text_input(texts, max_chars=max_chars)
        else:
            path = input_path if input_path is not None else "-"
            if path == "-" and isatty(sys.stdin):
                raise _fail(tr("nothing to check: give a message, --input FILE, or pipe messages to standard input",
                               ui), 'hsengine check "message"   |   hsengine check --input posts.csv', ui=ui)
            source = readers.open_input(path, fmt=input_format.value if input_format else None,
                                        column=column if column is not None else field_name, encoding=encoding,
                                        delimiter=delimiter, max_chars=max_chars, no_header=no_header, sheet=sheet)
    except readers.InputProblem as exc:
        raise _fail(_input_message(exc, ui), i18n.translate(exc.hint, ui), ui=ui) from None

    with source:
        engine = _engine(ctx, ui_lang=ui).with_min_score(min_score)
        csv_options = _csv_options(source, excel, out_delimiter, output_encoding)
        try:
            out = writers.Output(output, encoding=csv_options["encoding"] if out_format == "csv" else "utf-8",
                                 binary=out_format == "xlsx") \
                if out_format != "pretty" or output not in (None, "-") else None
        except readers.InputProblem as exc:
            raise _fail(_input_message(exc, ui), i18n.translate(exc.hint, ui), ui=ui) from None
        for note in source.notes:
            if not quiet:
                _err(i18n.translate(note, ui), prefix="note", ui=ui)
        run = _Run()
        try:
            code = _run_check(engine, source, out, out_format, ui, lang=None if lang is Lang.auto else lang.value,
                              min_rank=SEVERITIES.index(min_severity.value), only_flagged=only_flagged,
                              jobs=jobs or (os.cpu_count() or 1), quiet=quiet, output=output,
                              csv_options=csv_options, run=run)
        except readers.InputProblem as exc:
            if out is not None:
                out.discard()
            raise _fail(_input_message(exc, ui), i18n.translate(exc.hint, ui), ui=ui) from None
        except KeyboardInterrupt:
            _interrupted(out, run, ui)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception:
            # a bug: the output file is not replaced; the rows written so far are kept beside it
            kept = out.keep_partial() if out is not None else None
            if kept:
                _err(tr("the rows written before the error are in {path}", ui, path=kept), prefix="note", ui=ui)
            raise
        except BaseException:  # terminated (SIGTERM, SIGHUP): no output, no temporary file
            if out is not None:
                out.discard()
            raise
        for note in source.end_notes:
            if not quiet:
                _err(i18n.translate(note, ui), prefix="note", ui=ui)
    raise typer.Exit(code)


def _file_argument(texts: list[str] | None) -> str | None:
    """The first TEXT argument that names an existing file (a forgotten --input), if any."""
    for text in texts or []:
        if text == "-" or "\n" in text or len(text) > 1024:
            continue
        try:
            if Path(text).is_file():
                return text
        except (OSError, ValueError):
            continue
    return None


def _csv_options(source: "Input", excel: bool, delimiter: str | None, encoding: str | None) -> dict[str, Any]:
    """How to write CSV: Excel-ready (a byte-order mark, the input's ';') when the input came from Excel
    or Windows, or with --excel; --output-delimiter and --output-encoding win."""
    bom = excel or source.excel_like
    if delimiter is None:
        delimiter = ";" if excel or (source.kind == "csv" and source.delimiter == ";") else ","
    if encoding is None:
        encoding = "utf-8"
    elif encoding not in ("utf-8", "utf-8-sig"):
        bom = encoding.startswith("utf-16") or encoding.startswith("utf-32")
        if bom:
            encoding = {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(encoding, encoding)
    else:
        bom = bom or encoding == "utf-8-sig"
        encoding = "utf-8"
    return {"bom": bom, "delimiter": delimiter, "encoding": encoding}


@dataclass
class _Run:
    """What a run has done so far (for the message after Ctrl-C)."""

    read: int = 0
    written: int = 0


def _interrupted(out: Any, run: _Run, ui: str) -> None:
    if out is not None and out.replaced_on_success:
        out.discard()
        _err(tr("interrupted after {read} rows: nothing was written to {path} (a file is written only when the "
                "run completes)", ui, read=f"{run.read:,}", path=out.path), prefix="note", ui=ui)
    elif out is not None:
        out.discard()
        _err(tr("interrupted after {read} rows: {written} results were written to {path}, the rest is missing",
                ui, read=f"{run.read:,}", written=f"{run.written:,}", path=out.written_to), prefix="note", ui=ui)
    else:
        _err(tr("interrupted after {read} rows: {written} results were shown above, the rest is missing", ui,
                read=f"{run.read:,}", written=f"{run.written:,}"), prefix="note", ui=ui)


# What writing one row may raise because of what the row holds (never an I/O failure).
_UNWRITABLE = (ValueError, TypeError, UnicodeError, RecursionError, OverflowError)


def _unwritable_row(row: "Row", exc: BaseException) -> tuple["Row", "AnalysisResult"]:
    """An error row in place of a row whose content cannot be written."""
    from ..engine.results import AnalysisResult
    from ..io.readers import Row, clean_text

    error = f"this row cannot be written: {type(exc).__name__}: {str(exc)[:300]}"
    text = clean_text(row.text) if isinstance(row.text, str) else ""
    return Row(row.index, row.line, text, {}, error=error), AnalysisResult(text, "und", error=error)


def _input_message(exc: Any, ui: str) -> str:
    template = i18n.STRINGS.get("input_" + exc.key, {}).get(ui) if ui != "en" else None
    translated = i18n.translate(exc.message, ui)
    if translated != exc.message or ui == "en":
        return translated
    if template:
        try:
            return template.format(**exc.params)
        except (KeyError, IndexError):
            pass
    return exc.message


def _run_check(engine: "Engine", source: "Input", out: Any, out_format: str, ui: str, *, lang: str | None,
               min_rank: int, only_flagged: bool, jobs: int, quiet: bool, output: str | None,
               csv_options: dict[str, Any] | None = None, run: _Run | None = None) -> int:
    from ..io import readers, writers
    from ..engine.results import AnalysisResult

    run = run if run is not None else _Run()
    csv_options = csv_options or {"bom": source.excel_like, "delimiter": ",", "encoding": "utf-8"}
    summary = writers.Summary()
    notes = _Notes(quiet, ui)
    names = display_names(engine, ui)
    reasons = context_reasons(engine, ui)
    progress = _Progress(source, enabled=not quiet and source.kind != "args" and source.name != "<stdin>"
                         and isatty(sys.stderr), ui=ui)
    pretty_console = progress.console if (out is None and progress.console is not None and isatty(sys.stdout)
                                          and _same_terminal()) else None
    if out_format == "pretty":
        _, write_pretty = pretty_writer(engine, ui, source, show_unflagged=source.kind == "args" and not only_flagged,
                                         file=out.stream if out is not None else None, console=pretty_console,
                                         reasons=reasons)
        writer = None
    elif out_format == "csv":
        writer = writers.CsvWriter(out.stream, source.columns, bom=csv_options["bom"],
                                   delimiter=csv_options["delimiter"], ui_lang=ui)
    elif out_format == "json":
        writer = writers.JsonWriter(out.stream, source.text_key, include_fields=source.kind not in ("args", "txt"))
    elif out_format == "jsonl":
        writer = writers.JsonlWriter(out.stream, source.text_key, include_fields=source.kind not in ("args", "txt"))
    elif out_format == "xlsx":
        writer = writers.XlsxOutput(out.stream, source.columns, source.text_key, ui_lang=ui)
    elif out_format == "labelstudio":
        from ..io.labelstudio import LabelStudioWriter

        writer = LabelStudioWriter(out.stream, source.text_key, ui_lang=ui, source=source.name)
    else:
        from ..io.report_html import HtmlReport

        writer = HtmlReport(out.stream, names=names, ui_lang=ui, source=source.name, text_key=source.text_key,
                            columns=source.columns, reasons=reasons)

    pending: deque["Row"] = deque()

    def emit(row: "Row", result: "AnalysisResult") -> None:
        if writer is None:
            write_pretty(row, result)
        else:
            writer.write(row, result)

    def texts() -> Iterator[str]:
        for row in source:
            pending.append(row)
            yield row.text if row.error is None else ""

    results = engine.analyze_many(texts(), lang, jobs=jobs)
    try:
        for n, result in enumerate(results, 1):
            row = pending.popleft()
            run.read = n
            if row.error is not None:
                result = AnalysisResult(row.text, "und", warnings=tuple(row.notes), error=row.error)
            else:
                result = _filter_severity(result, min_rank)
                if row.notes:
                    result = replace(result, warnings=tuple(row.notes) + result.warnings)
            where = source.where(row)
            if row.error is not None:
                notes.row(where, row.error, error=True)
            elif result.error is not None:
                notes.row(where, result.error, error=True)
            for note in row.notes:
                notes.row(where, note, error=False)
            if not (only_flagged and not result.flagged and result.error is None):
                try:
                    emit(row, result)
                except _UNWRITABLE as exc:  # whatever a row holds, it gives one output row
                    row, result = _unwritable_row(row, exc)
                    notes.row(where, result.error, error=True)
                    emit(row, result)
                run.written += 1
            summary.add(row, result)
            progress.update(n)
    finally:
        results.close()  # a run that ends early (an error, a signal) ends its worker processes now
        progress.stop()
    if summary.messages == 0:
        raise readers.InputProblem("empty_input", f"{source.name} has no rows after the header: there is nothing "
                                   "to check", "", name=source.name)
    if writer is not None:
        writer.close(summary)
    to_file = out is not None and out.replaced_on_success
    if out is not None:
        try:
            out.commit()
        except UnicodeEncodeError as exc:  # pragma: no cover - flushed at the end
            raise readers.InputProblem("output_encoding", f"cannot write {output} in {exc.encoding}: a character "
                                       "cannot be encoded", "use --output-encoding utf-8") from None
    notes.finish(ui)
    if not quiet:
        if out_format == "pretty" and not (output and output != "-"):
            text = format_summary(summary, names, ui, color=use_color(sys.stdout))
            if source.kind != "args" or summary.messages > 1:
                click.echo(text)
        else:
            if source.kind != "args" or summary.messages > 1:
                click.echo(format_summary(summary, names, ui, color=use_color(sys.stderr)), err=True)
            if output and output != "-" and to_file:
                click.echo(i18n.t("wrote", ui).format(path=output), err=True)
            if out_format == "labelstudio" and output not in (None, "-"):
                _err(tr("import {path} into a Label Studio project whose labeling interface is the one "
                        "`hsengine review-config` prints (see docs/review.md)", ui, path=output),
                     prefix="note", ui=ui)
    return EXIT_FOUND if summary.flagged else EXIT_OK


def _same_terminal() -> bool:
    """stdout and stderr are the same terminal (so results printed while a bar is drawn would collide)."""
    try:
        a, b = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
        return (a.st_dev, a.st_ino, a.st_rdev) == (b.st_dev, b.st_ino, b.st_rdev)
    except (OSError, ValueError, AttributeError):
        return False


def _yaml_kind(path: Path) -> str:
    """'lexicon' or 'rules', from the first top-level key of a YAML file (or the files in a directory)."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
    votes = {"lexicon": 0, "rules": 0}
    for f in files[:50]:
        try:
            with open(f, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.strip() or line.lstrip().startswith("#") or line[0].isspace():
                        continue
                    key = line.split(":", 1)[0].strip()
                    if key in ("entries", "defaults", "classes", "targets", "guards"):
                        votes["lexicon"] += 1
                        break
                    if key in ("id", "narratives", "contexts", "title", "pattern"):
                        votes["rules"] += 1
                        break
        except OSError:
            continue
    if votes["lexicon"] == votes["rules"]:
        parts = {p.lower() for p in path.resolve().parts}
        return "lexicon" if "lexicon" in parts else "rules"
    return "lexicon" if votes["lexicon"] > votes["rules"] else "rules"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _split_paths(ctx: typer.Context, paths: list[Path]) -> tuple[list[Path] | None, list[Path] | None, bool]:
    """Lexicon and rule paths for commands that take PATHS, and whether the lexicon stands alone
    (a lexicon outside the bundled one, given without rules: the bundled rules' references to
    bundled entries cannot hold for it).  Missing paths are a usage error."""
    from ..paths import BUNDLED_LEXICON

    st = _state(ctx)
    lexicon: list[Path] = []
    rules: list[Path] = []
    for p in paths:
        if not p.exists():
            raise _fail(f"{p}: no such file or directory")
        (lexicon if _yaml_kind(p) == "lexicon" else rules).append(p)
    lex = lexicon or st.lexicon or None
    alone = bool(lexicon) and not rules and not all(_inside(p, BUNDLED_LEXICON) for p in lexicon)
    return lex, rules or st.rules or None, alone


def _lexicon_line(lexicon: Any, ok: str) -> str:
    s = lexicon.stats()
    by_lang = ", ".join(f"{k} {v}" for k, v in s["by_lang"].items())
    return (f"{ok} lexicon: {_plural(s['entries'], 'entry', 'entries')} ({by_lang}), {_plural(s['phrases'], 'phrase')}, "
            f"{len(lexicon.classes)} classes, {len(lexicon.targets)} target groups, {len(lexicon.files)} files")


VALIDATE_HELP = _help(
    'Check lexicon and rule files: schema, references, regex safety. Errors as file:line:column.',
    [
        ('hsengine validate', ''),
        ('hsengine validate rules/xenophobia/new_rule.yaml', ''),
        ('hsengine validate lexicon/ru/targets_chinese.yaml', ''),
    ])


@app.command(epilog=EXIT_CODES_HELP, help=VALIDATE_HELP)
def validate(
    ctx: typer.Context,
    paths: Annotated[Optional[List[Path]], typer.Argument(
        metavar="[PATH]...", show_default=False,
        help=H("Lexicon or rule files/directories (default: the bundled lexicon and rules)."))] = None,
) -> None:
    from ..errors import ConfigError

    lex, rul, alone = _split_paths(ctx, list(paths or []))
    ok = click.style("✓", fg="green") if use_color(sys.stdout) else "✓"
    try:
        if alone:
            from ..lexicon.index import Lexicon
            from ..lexicon.loader import read_lexicon
            from ..paths import lexicon_registries

            click.echo(_lexicon_line(Lexicon(read_lexicon(lex or [], lexicon_registries())), ok))
            click.echo("  rules: not checked (the bundled rules refer to the bundled lexicon; "
                       "give rule paths too to check them against this one)")
            raise typer.Exit(EXIT_OK)
        from ..engine.engine import Engine

        engine = Engine(lexicon_paths=lex, rules_paths=rul)
    except ConfigError as exc:
        _print_problems(exc.problems, stream_err=False)
        n = len(exc.problems)
        click.echo(f"\n{n} problem{'s' if n != 1 else ''} found", err=False)
        raise typer.Exit(EXIT_FOUND) from None
    click.echo(_lexicon_line(engine.lexicon, ok))
    click.echo(f"{ok} rules: {_plural(len(engine.rules), 'rule')}, "
               f"{len(engine.ruleset.narratives)} narratives, "
               f"{len(engine.ruleset.contexts)} contexts, {len(engine.ruleset.files)} files")
    click.echo(f"{ok} regexes: {len(engine.ruleset.regexes)} checked for catastrophic backtracking")
    from ..rules.examples import fire_together

    together = fire_together(engine)
    for p in together:
        click.echo(f"{_short_path(p.file)}:{p.line}: warning: {p.message}")
    if not together:
        click.echo(f"{ok} examples: no two rules fire on exactly the same ones")
    raise typer.Exit(EXIT_OK)


# -- test -----------------------------------------------------------------------------------------
TEST_HELP = _help(
    "Run every rule's embedded examples; a per-rule table, then each failure explained.",
    [
        ('hsengine test', ''),
        ('hsengine test rules/xenophobia/expulsion.yaml', ''),
        ('hsengine test --rule hate.expulsion --verbose', 'failures in full'),
        ('hsengine test --failures-only --json', ''),
    ])

LINE_LIMIT = 160  # characters of a failing example's text and reason shown without --verbose


@app.command(name="test", help=TEST_HELP, epilog=EXIT_CODES_HELP)
def test_cmd(
    ctx: typer.Context,
    paths: Annotated[Optional[List[Path]], typer.Argument(
        metavar="[PATH]...", show_default=False,
        help=H("Rule files/directories to test with the bundled lexicon (default: every bundled rule)."))] = None,
    rule_ids: Annotated[Optional[List[str]], typer.Option(
        "--rule", "-r", metavar="ID", show_default=False, help=H("Only this rule (repeatable)."))] = None,
    failures_only: Annotated[bool, typer.Option("--failures-only", help=H("List only rules with failures."))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=H(
        "Failures in full: the whole text, the whole reason and every word found."))] = False,
    as_json: Annotated[bool, typer.Option("--json", help=H("Print the outcomes as JSON (everything, in full)."))]
        = False,
    ui_lang: Annotated[Optional[UiLang], typer.Option("--ui-lang", envvar="HSENGINE_UI_LANG", show_default=False,
                                                      help=UI_LANG_HELP)] = None,
) -> None:
    import json

    from rich.table import Table
    from rich.text import Text

    from ..rules.examples import check_coverage, run_examples
    from .render import clip

    ui = _ui(ui_lang)
    lex, rul, _ = _split_paths(ctx, list(paths or []))
    engine = _make_engine(lex, rul, ui_lang=ui)
    if rule_ids:
        unknown = [r for r in rule_ids if r not in {x.id for x in engine.rules}]
        if unknown:
            raise _fail(tr("no rule {rule!r}", ui, rule=unknown[0]),
                        _did_you_mean(unknown[0], [r.id for r in engine.rules], ui), ui=ui)
    outcomes = run_examples(engine, rule_ids)
    failures = [o for o in outcomes if not o.passed]
    coverage = check_coverage(engine) if not rule_ids else [
        p for p in check_coverage(engine) if any(f"rule {r} " in p.message for r in rule_ids)]
    if as_json:
        click.echo(json.dumps({
            "examples": len(outcomes), "passed": len(outcomes) - len(failures), "failed": len(failures),
            "failures": [{"file": _short_path(o.file), "line": o.line, "rule": o.rule_id, "expected": o.expected,
                          "lang": o.lang, "text": o.text, "reason": o.message.lstrip("— ").strip(),
                          "words_found": hits_line(engine, o.text, o.lang) if o.expected == "match" else None}
                         for o in failures],
            "coverage_warnings": [{"file": _short_path(p.file), "line": p.line, "message": p.message}
                                  for p in coverage],
        }, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_FOUND if failures or coverage else EXIT_OK)
    console = make_console()
    per_rule: dict[str, list[Any]] = {}
    for o in outcomes:
        per_rule.setdefault(o.rule_id, []).append(o)
    table = Table(title=tr("Rule examples", ui), title_justify="left", show_lines=False, pad_edge=False)
    table.add_column(tr("rule", ui))
    table.add_column("match", justify="right")
    table.add_column("no_match", justify="right")
    table.add_column(tr("result", ui))
    for rid, items in per_rule.items():
        bad = [o for o in items if not o.passed]
        if failures_only and not bad:
            continue
        m = [o for o in items if o.expected == "match"]
        nm = [o for o in items if o.expected == "no_match"]
        table.add_row(rid, f"{sum(o.passed for o in m)}/{len(m)}", f"{sum(o.passed for o in nm)}/{len(nm)}",
                      Text(f"FAIL ({len(bad)})", style="bold red") if bad else Text("ok", style="green"))
    console.print(table)
    limit = None if verbose else LINE_LIMIT

    def cut(text: str) -> str:
        return text if limit is None else clip(text, limit)

    if failures:
        console.print()
        console.print(Text(tr("Failures", ui), style="bold"))
        for o in failures:
            console.print(Text.assemble((f"{_short_path(o.file)}:{o.line}: ", "bold"), ("FAIL ", "bold red"),
                                        f"[{o.rule_id}] " + tr("expected {expected} ({lang})", ui,
                                                               expected=o.expected, lang=o.lang) + ": ",
                                        (repr(cut(o.text)), "")), overflow="fold")
            console.print(Text(f"    {cut(i18n.translate(o.message.lstrip('— ').strip(), ui))}", style="yellow"),
                          overflow="fold")
            if o.expected == "match":
                console.print(Text("    " + tr("words found", ui) + ": " + cut(hits_line(engine, o.text, o.lang)),
                                   style="dim"), overflow="fold")
        if not verbose:
            console.print(Text(tr("(long lines are cut; --verbose or --json shows them in full)", ui), style="dim"))
    if coverage:
        console.print()
        console.print(Text(tr("Example coverage (CONTRIBUTING: at least 3 match and 3 no_match per language)", ui),
                           style="bold"))
        for p in coverage:
            console.print(Text(f"{_short_path(p.file)}:{p.line}: {tr('error', ui)}: {cut(p.message)}",
                               style="yellow"))
    n_rules = len(per_rule)
    console.print()
    console.print(tr("{rules} rule(s), {examples} examples, {passed} passed, {failed} failed", ui, rules=n_rules,
                     examples=len(outcomes), passed=len(outcomes) - len(failures), failed=len(failures)))
    # too few examples fails here as it fails the test suite (tests/test_rule_examples.py)
    raise typer.Exit(EXIT_FOUND if failures or coverage else EXIT_OK)


def _did_you_mean(word: str, options: list[str], ui: str | None = None) -> str:
    import difflib

    close = difflib.get_close_matches(word, options, n=3, cutoff=0.5)
    return tr("did you mean {options}?", ui, options=" / ".join(repr(c) for c in close)) if close else ""


EXPLAIN_HELP = _help(
    'Show every stage of the decision for one message: normalization, tokens, lemmas and stems, lexicon hits, rules considered and why they fired or were suppressed.',
    [
        ('hsengine explain "Все эти китайцы — тараканы."', ''),
        ('hsengine explain --ui-lang kk "Қытайларды елден қуу керек"', ''),
        ('hsengine explain --verbose "..."', 'every word and every skipped rule in full'),
        ('echo "текст" | hsengine explain - --json', ''),
    ])


@app.command(help=EXPLAIN_HELP, epilog=EXIT_CODES_HELP)
def explain(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT",
                                        help=H("The message to explain ('-': read it from standard input)."))],
    lang: Annotated[Lang, typer.Option("--lang", help=H("Language of the message (auto: detect)."))] = Lang.auto,
    ui_lang: Annotated[Optional[UiLang], typer.Option("--ui-lang", envvar="HSENGINE_UI_LANG", show_default=False,
                                                      help=UI_LANG_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=H("Print the trace as JSON."))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=H(
        "Show everything: every word, every skipped rule and what it needs, whole texts."))] = False,
    min_score: Annotated[Optional[float], typer.Option(
        "--min-score", min=0.0, max=1.0, metavar="SCORE", show_default=False,
        help=H("Flag a message when its score (0-1, the estimated chance it is hate) reaches SCORE. Default: the "
               "calibrated threshold (docs/evaluation.md). Matches below it are still shown."))] = None,
) -> None:
    import json

    from ..io.readers import clean_text

    ui = _ui(ui_lang)
    if text == "-":
        buffer = getattr(sys.stdin, "buffer", None)  # bytes, so that invalid UTF-8 is not a crash
        text = buffer.read().decode("utf-8", "replace") if buffer is not None else sys.stdin.read()
    text = clean_text(text)  # an argument's undecodable bytes arrive as lone surrogates
    engine = _engine(ctx, ui_lang=ui).with_min_score(min_score)
    trace = engine.explain(text, None if lang is Lang.auto else lang.value)
    data = trace.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_FOUND if trace.result.flagged else EXIT_OK)
    print_trace(engine, data, ui, verbose=verbose)
    raise typer.Exit(EXIT_FOUND if trace.result.flagged else EXIT_OK)


# -- lexicon lookup -------------------------------------------------------------------------------
LEXICON_LOOKUP_HELP = _help(
    'What the analyzer makes of a word: reading, lemmas, stems, and the lexicon entries it reaches (how, score).',
    [
        ('hsengine lexicon lookup китаёзы', ''),
        ('hsengine lexicon lookup "мировое правительство"', ''),
        ('hsengine lexicon lookup --json шүршіттер', ''),
    ])


@lexicon_app.command("lookup", help=LEXICON_LOOKUP_HELP)
def lexicon_lookup(
    ctx: typer.Context,
    words: Annotated[List[str], typer.Argument(metavar="WORD...", help=H("A word, or a phrase (several words)."))],
    lang: Annotated[Lang, typer.Option("--lang", help=H("Language for guard words and phrases."))] = Lang.auto,
    as_json: Annotated[bool, typer.Option("--json", help=H("Print JSON."))] = False,
) -> None:
    import json

    from rich.table import Table
    from rich.text import Text

    from ..text.normalize import normalize
    from ..text.tokenize import WORD_PATTERN

    phrase = " ".join(words)
    engine = _engine(ctx)
    analyzer = engine.analyzer
    norm = normalize(phrase).text
    found = WORD_PATTERN.findall(norm)
    if not found:
        raise _fail(f"no word in {phrase!r}")
    report: list[dict[str, Any]] = []
    for w in found:
        an = analyzer.analyze(w)
        also_russian = an.in_kazakh is not None and lang is not Lang.ru
        if also_russian:  # a Russian word that a Kazakh text reads as Kazakh typed on a Russian keyboard
            an = an.in_kazakh
        report.append({
            "word": w, "reading": an.reading, "lemmas": list(an.lemmas), "stems": list(an.stems),
            "keyboard": list(an.keyboard), "russian_word_too": also_russian,
            "negated": an.negated, "guard_langs": sorted(an.guard_langs),
            "fuzzy_not_tried": list(an.fuzzy_rejected),
            "hits": [{"entry": h.entry.id, "lemma": h.entry.lemma, "lang": h.entry.lang,
                      "classes": list(h.entry.classes), "target": h.entry.target, "register": h.entry.register,
                      "how": h.how, "score": h.score, "negated": h.negated, "gram": sorted(h.gram),
                      "meaning": h.entry.meaning, "file": _short_path(h.entry.file), "line": h.entry.line}
                     for h in an.hits],
        })
    phrase_hits: list[dict[str, Any]] = []
    if len(found) > 1:
        trace = engine.explain(phrase, None if lang is Lang.auto else lang.value)
        doc = trace.doc
        for h in doc.hits:
            a, b = doc.tokens[h.first].start, doc.tokens[h.last].end
            phrase_hits.append({"text": phrase[a:b], "entry": h.entry.id, "classes": list(h.entry.classes),
                                "target": h.entry.target, "how": h.how, "score": h.score})
    if as_json:
        click.echo(json.dumps({"words": report, "hits": phrase_hits}, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_OK if any(r["hits"] for r in report) or phrase_hits else EXIT_FOUND)
    console = make_console()
    for r in report:
        console.print(Text.assemble(("word: ", "bold"), r["word"],
                                    (f"  (read as {r['reading']})" if r["reading"] != r["word"] else "", "yellow")))
        if r["keyboard"]:
            console.print(f"  typed on a Russian keyboard: standard Kazakh spelling {', '.join(r['keyboard'])}"
                          + (" (in a Kazakh text; in Russian it is a Russian word)" if r["russian_word_too"] else ""))
        console.print(f"  lemmas (ru): {', '.join(r['lemmas']) or '-'}")
        console.print(f"  stems (kk):  {', '.join(r['stems']) or '-'}")
        if r["guard_langs"]:
            console.print(f"  guard word in: {', '.join(r['guard_langs'])} (never a hit in a text of that language)")
        if r["hits"]:
            table = Table(show_edge=False, pad_edge=False, box=None)
            for col in ("entry", "lemma", "class", "target", "register", "how", "score", "defined at"):
                table.add_column(col, overflow="fold")
            for h in r["hits"]:
                table.add_row(h["entry"], h["lemma"], ", ".join(h["classes"]), h["target"] or "", h["register"],
                              h["how"] + (" (negated)" if h["negated"] else ""), f"{h['score']:g}",
                              f"{h['file']}:{h['line']}")
            console.print(table)
        else:
            console.print(Text("  no lexicon entry", style="dim"))
            if r["fuzzy_not_tried"]:
                console.print(Text(f"  typo matching not tried: {'; '.join(r['fuzzy_not_tried'])}", style="dim"))
    if len(found) > 1:
        console.print()
        console.print(Text("hits in the phrase as a text (multi-word entries included):", style="bold"))
        if not phrase_hits:
            console.print(Text("  none", style="dim"))
        for h in phrase_hits:
            console.print(f"  «{h['text']}» → {h['entry']} ({', '.join(h['classes'])}; {h['how']} {h['score']:g})")
    raise typer.Exit(EXIT_OK if any(r["hits"] for r in report) or phrase_hits else EXIT_FOUND)


RULES_LIST_HELP = _help(
    'A table of every rule: id, narrative, targets, severity, languages.',
    [
        ('hsengine rules list', ''),
        ('hsengine rules list --narrative xenophobia --lang kk', ''),
        ('hsengine rules list --json', ''),
    ])


@rules_app.command("list", help=RULES_LIST_HELP)
def rules_list(
    ctx: typer.Context,
    narrative: Annotated[Optional[str], typer.Option("--narrative", help=H("Only this narrative."))] = None,
    target: Annotated[Optional[str], typer.Option("--target", help=H("Only rules covering this target group."))] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help=H("Only rules claiming this language (ru, kk)."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=H("Print JSON."))] = False,
) -> None:
    import json

    from rich.table import Table

    engine = _engine(ctx)
    rules = [r for r in engine.rules
             if (narrative is None or r.narrative == narrative)
             and (target is None or r.targets is None or target in r.targets)
             and (lang is None or lang in r.langs)]
    if as_json:
        click.echo(json.dumps([{"id": r.id, "title": r.title, "narrative": r.narrative,
                                "targets": list(r.targets) if r.targets is not None else "any",
                                "severity": r.severity, "langs": list(r.langs), "status": r.status,
                                "file": _short_path(r.file)} for r in rules], ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_OK)
    table = Table(title=f"{len(rules)} rules", title_justify="left", pad_edge=False)
    for col in ("id", "narrative", "targets", "severity", "langs", "status"):
        table.add_column(col, overflow="fold")
    for r in sorted(rules, key=lambda r: (r.narrative, r.id)):
        table.add_row(r.id, r.narrative, targets_text(r.targets), r.severity, ", ".join(r.langs), r.status)
    make_console().print(table)
    raise typer.Exit(EXIT_OK)


RULES_SHOW_HELP = _help(
    'A rule in full: titles, description, pattern, suppressing contexts, and its examples (run now).',
    [
        ('hsengine rules show hate.expulsion', ''),
        ('hsengine rules show --ui-lang ru hate.dehumanization', ''),
    ])


@rules_app.command("show", help=RULES_SHOW_HELP)
def rules_show(
    ctx: typer.Context,
    rule_id: Annotated[str, typer.Argument(metavar="ID", help=H("Rule id, e.g. hate.expulsion."))],
    ui_lang: Annotated[UiLang, typer.Option("--ui-lang", envvar="HSENGINE_UI_LANG",
                                            help=H("Language of names."))] = UiLang.en,
) -> None:
    from rich.text import Text

    from ..rules.examples import run_rule_examples

    engine = _engine(ctx, ui_lang=ui_lang.value)
    ids = [r.id for r in engine.rules]
    if rule_id not in ids:
        raise _fail(f"no rule {rule_id!r}", _did_you_mean(rule_id, ids) or "see `hsengine rules list`")
    rule = engine.rule(rule_id)
    ui = ui_lang.value
    console = make_console()
    console.print(Text(rule.id, style="bold"))
    for lang_code, title in rule.title.items():
        console.print(f"  title ({lang_code}): {title}")
    console.print(f"  file: {_short_path(rule.file)}:{rule.line}")
    narrative = engine.ruleset.narratives.get(rule.narrative)
    console.print(f"  narrative: {rule.narrative}" + (f" — {narrative.name(ui)}" if narrative else ""))
    console.print(f"  targets: {targets_text(rule.targets, limit=100)}")
    console.print(f"  severity: {rule.severity} · langs: {', '.join(rule.langs)} · status: {rule.status} · "
                  f"scope: {rule.scope}")
    console.print()
    console.print(Text("description", style="bold"))
    console.print("  " + " ".join(rule.description.split()))
    console.print()
    console.print(Text("pattern", style="bold"))
    from ..rules.loader import render_pattern

    for line in render_pattern(rule.pattern, engine.ruleset.regexes, "  "):
        console.print(Text(line))
    console.print()
    console.print(Text("unless (contexts that cancel a match)", style="bold"))
    for cid in rule.unless:
        ctx_def = engine.ruleset.contexts.get(cid)
        console.print(f"  {cid}" + (f" — {ctx_def.name(ui)}" if ctx_def else ""))
    if not rule.unless:
        console.print(Text("  none", style="dim"))
    if rule.message:
        console.print()
        console.print(Text("message", style="bold"))
        for k, v in rule.message.items():
            console.print(f"  {k}: {v}")
    if rule.references:
        console.print()
        console.print(Text("references", style="bold"))
        for ref in rule.references:
            console.print(f"  {ref}")
    console.print()
    outcomes = run_rule_examples(engine, rule)
    console.print(Text("examples (run now)", style="bold"))
    for o in outcomes:
        mark = ("✓", "green") if o.passed else ("✗", "bold red")
        console.print(Text.assemble("  ", mark, f" {o.expected:<8} ", (f"[{o.lang}] ", "dim"), o.text))
        if not o.passed:
            console.print(Text(f"      {o.message.lstrip('— ').strip()}", style="yellow"))
    raise typer.Exit(EXIT_OK)


# -- review in Label Studio, settings ------------------------------------------------------------------
REVIEW_HELP = _help(
    'Print the Label Studio labeling interface for the tasks of check --format labelstudio.',
    [
        ('hsengine review-config -o hsengine-review.xml', ''),
        ('hsengine check --input posts.csv --format labelstudio -o tasks.json', ''),
        ('hsengine eval reviewed.json', 'a reviewed export back: precision and recall'),
    ], 'See docs/review.md.')


@app.command(name="review-config", help=REVIEW_HELP, epilog=EXIT_CODES_HELP)
def review_config(
    ctx: typer.Context,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", show_default=False,
                                                  help=H("Write it to FILE instead of standard output."))] = None,
    ui_lang: Annotated[Optional[UiLang], typer.Option("--ui-lang", envvar="HSENGINE_UI_LANG", show_default=False,
                                                      help=UI_LANG_HELP)] = None,
) -> None:
    from ..io.labelstudio import engine_config

    ui = _ui(ui_lang)
    text = engine_config(_engine(ctx, ui_lang=ui), ui)
    if output in (None, "-"):
        click.echo(text, nl=False)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _fail(tr("cannot write {path}: {reason}", ui, path=output, reason=exc.strerror or exc), ui=ui) from None
        _err(tr("wrote {path}", ui, path=output), prefix="note", ui=ui)
    raise typer.Exit(EXIT_OK)


CONFIG_HELP = _help(
    'Show or set your settings: the interface language, once for every command.',
    [
        ('hsengine config', 'the settings and the file they are in'),
        ('hsengine config ui-lang kk', 'Kazakh from now on'),
        ('hsengine config ui-lang en', ''),
    ])


@app.command(name="config", help=CONFIG_HELP, epilog=EXIT_CODES_HELP)
def config_cmd(
    key: Annotated[Optional[str], typer.Argument(metavar="[KEY]", show_default=False,
                                                 help=H("The setting: ui-lang."))] = None,
    value: Annotated[Optional[str], typer.Argument(metavar="[VALUE]", show_default=False,
                                                   help=H("Its new value (en, ru or kk)."))] = None,
) -> None:
    if key is None:
        settings = config.read()
        click.echo(f"{tr('configuration file')}: {config.path()}")
        click.echo(f"ui-lang = {settings.get('ui_lang', '')!s}  ({tr('in use')}: {config.ui_lang()})")
        raise typer.Exit(EXIT_OK)
    name = key.replace("-", "_")
    if name not in config.KEYS:
        raise _fail(tr("unknown setting {key!r}", key=key), tr("settings: {keys}", keys="ui-lang"))
    if value is None:
        click.echo(config.read().get(name, ""))
        raise typer.Exit(EXIT_OK)
    if value not in config.KEYS[name]:
        raise _fail(tr("{key} must be one of {values}", key=key, values=", ".join(config.KEYS[name])))
    try:
        where = config.write(name, value)
    except OSError as exc:
        raise _fail(tr("cannot write {path}: {reason}", path=str(config.path()), reason=exc.strerror or exc)) from None
    click.echo(tr("{key} = {value} (saved in {path})", value if name == "ui_lang" else None, key=key, value=value,
                  path=where))
    raise typer.Exit(EXIT_OK)


# -- eval, catalogue, stats -----------------------------------------------------------------------
EVAL_CMD_HELP = _help(
    'Evaluate the engine on labelled data or functional tests: precision, recall, errors.',
    [
        ('hsengine eval --functional', ''),
        ('hsengine eval labelled.csv --text-field text --label-field label', ''),
        ('hsengine eval reviewed.json', 'a Label Studio export, after review (docs/review.md)'),
        ('hsengine eval --dataset rtplx_ru --format markdown', ''),
    ])


@app.command(name="eval", epilog=EXIT_CODES_HELP, help=EVAL_CMD_HELP)
def eval_cmd(
    ctx: typer.Context,
    paths: Annotated[Optional[List[Path]], typer.Argument(
        metavar="[PATH]...", show_default=False, help=H("Labelled files (.csv/.jsonl) to evaluate on."))] = None,
    dataset: Annotated[Optional[str], typer.Option("--dataset", metavar="NAME",
                                                   help=H("A named evaluation data set."))] = None,
    functional: Annotated[bool, typer.Option("--functional", help=H("Run the functional (HateCheck-style) tests."))]
        = False,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help=H("Report format."))] = EvalFormat.text,
    text_field: Annotated[str, typer.Option("--text-field", help=H("Field/column with the text."))] = "text",
    label_field: Annotated[str, typer.Option("--label-field", help=H("Field/column with the label."))] = "label",
    min_score: Annotated[Optional[float], typer.Option(
        "--min-score", min=0.0, max=1.0, metavar="SCORE", show_default=False,
        help=H("Flag a message when its score (0-1, the estimated chance it is hate) reaches SCORE. Default: the "
               "calibrated threshold (docs/evaluation.md). Matches below it are still shown."))] = None,
    sweep: Annotated[bool, typer.Option("--sweep", help=H(
        "Add precision and recall over score thresholds (what another --min-score would give)."))] = False,
) -> None:
    try:
        from ..tools import evaluate
    except ImportError as exc:
        raise _fail(f"evaluation is not available in this installation ({exc})", code=EXIT_INTERNAL) from None
    engine = _engine(ctx)
    try:
        extra: dict[str, Any] = {}  # only what was asked for: run() of an older signature still works
        if min_score is not None:
            extra["min_score"] = min_score
        if sweep:
            extra["sweep"] = True
        text, code = evaluate.run(engine, paths=tuple(paths or ()), dataset=dataset, functional=functional,
                                  fmt=fmt.value, text_field=text_field, label_field=label_field, **extra)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - the evaluation module's input errors
        from ..errors import InputError

        if isinstance(exc, InputError):
            raise _fail(str(exc)) from None
        raise
    click.echo(text)
    raise typer.Exit(code)


CATALOGUE_HELP = _help(
    'Build the rule catalogue (docs/rules.md) from the rules and the lexicon.',
    [
        ('hsengine catalogue', ''),
        ('hsengine catalogue --check', ''),
        ('hsengine catalogue -o -', ''),
    ])


@app.command(epilog=EXIT_CODES_HELP, help=CATALOGUE_HELP)
def catalogue(
    ctx: typer.Context,
    check_only: Annotated[bool, typer.Option("--check", help=H("Exit 1 when docs/rules.md is not up to date."))] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE",
                                                   help=H("Write here instead of docs/rules.md ('-': stdout)."))] = None,
) -> None:
    from ..tools import catalogue as cat

    engine = _engine(ctx)
    text = cat.build_catalogue(engine)
    if output is None and cat.CATALOGUE_PATH is None:
        raise _fail("no source checkout to write docs/rules.md into", "give --output FILE (or '-' for stdout)")
    target = Path(output) if output is not None else Path(cat.CATALOGUE_PATH)
    if str(target) == "-":
        click.echo(text, nl=False)
        raise typer.Exit(EXIT_OK)
    if check_only:
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            click.echo(f"✓ {_short_path(str(target))} is up to date ({len(engine.rules)} rules)")
            raise typer.Exit(EXIT_OK)
        import difflib

        if current is None:
            _err(f"{_short_path(str(target))} does not exist", "build it with: hsengine catalogue")
        else:
            diff = list(difflib.unified_diff(current.splitlines(), text.splitlines(), "committed", "fresh",
                                             lineterm="", n=0))
            for line in diff[:40]:
                click.echo(line, err=True)
            if len(diff) > 40:
                click.echo(f"... {len(diff) - 40} more diff lines", err=True)
            _err(f"{_short_path(str(target))} is stale", "rebuild it with: hsengine catalogue")
        raise typer.Exit(EXIT_FOUND)
    if not target.parent.is_dir():
        raise _fail(f"cannot write {target}: the folder {target.parent} does not exist",
                    "run it in a source checkout, or give --output FILE")
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {_short_path(str(target))} ({len(engine.rules)} rules)")
    raise typer.Exit(EXIT_OK)


CALIBRATE_HELP = _help(
    'Estimate every rule\'s precision from labelled data and choose the default score threshold '
    '(writes hsengine/data/precision.yaml; needs the shared data sets).',
    [
        ('hsengine calibrate', ''),
        ('hsengine calibrate --dry-run --format markdown', 'print the figures only'),
    ])


@app.command(epilog=EXIT_CODES_HELP, help=CALIBRATE_HELP)
def calibrate(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=H("Print the figures; write nothing."))] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help=H(
        "Write the estimates here instead of the bundled precision file."))] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help=H("Format of the figures."))] = EvalFormat.text,
) -> None:
    from ..tools import calibrate as cal
    from ..tools.evaluate import DatasetMissing

    engine = _engine(ctx)
    try:
        data, sweeps = cal.calibrate(engine)
    except DatasetMissing as exc:
        raise _fail(str(exc), "calibration needs ../shared/data or HSENGINE_DATA") from None
    if fmt.value == "json":
        import json

        click.echo(json.dumps({"estimates": data, "sweeps": sweeps}, ensure_ascii=False, indent=2))
    else:
        click.echo(cal.format_sweeps(data, sweeps, fmt.value))
    if not dry_run:
        target = output if output is not None else cal.BUNDLED_PRECISION
        cal.write(data, target)
        _err(f"wrote {_short_path(str(target))} ({len(data['rules'])} rules, threshold {data['threshold']:.2f})",
             prefix="note")
    raise typer.Exit(EXIT_OK)


STATS_HELP = _help(
    'Counts of lexicon entries and rules, and coverage per narrative, target group and language.',
    [
        ('hsengine stats', ''),
        ('hsengine stats --json', ''),
    ])


@app.command(help=STATS_HELP)
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=H("Print JSON."))] = False,
) -> None:
    import json

    from ..tools import catalogue as cat

    engine = _engine(ctx)
    s = cat.stats(engine)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2, default=lambda o: dict(o) if hasattr(o, "items") else str(o)))
    else:
        click.echo(cat.format_stats(s))
    raise typer.Exit(EXIT_OK)


# -- entry point ----------------------------------------------------------------------------------
def _plain_check(args: list[str]) -> list[str] | None:
    """The messages of `hsengine check TEXT...` given with no option at all (the most common
    command, and the one whose start-up matters), else None.

    Such a command line needs no parsing: typer would turn each of check's 23 parameters into its
    default through a pydantic TypeAdapter, and importing pydantic and building them took ~0.2 s
    of CPU of the command's start.  Anything else — an option, `-` or `--`, an empty or
    dash-led text, an interface language in HSENGINE_UI_LANG that is not one (typer reports it),
    shell completion, Windows (where click expands wildcards in arguments) — goes through typer."""
    if len(args) < 2 or args[0] != "check" or os.name == "nt":
        return None
    texts = list(args[1:])
    if any(not isinstance(t, str) or not t or t.startswith("-") for t in texts):
        return None
    if os.environ.get("_HSENGINE_COMPLETE"):
        return None
    env = os.environ.get("HSENGINE_UI_LANG")
    if env and env not in UI_LANGS:
        return None
    return texts


class _PlainContext:
    """What `check` reads of its typer context: the root's state (no --lexicon, no --rules)."""

    obj: Any = None

    def find_root(self) -> "_PlainContext":
        return self


def _run_plain_check(texts: list[str]) -> None:
    """`check` called as typer would call it for these arguments: every parameter at its
    default, --ui-lang from HSENGINE_UI_LANG, and typer's handling of how the command ends."""
    import errno
    import gc
    import inspect

    # Until the engine is built and frozen (_make_engine), nothing made is garbage: the modules it
    # imports, the compiled set. The collector's passes over them were ~45 ms of a short check.
    gc.disable()
    kwargs = {name: p.default for name, p in inspect.signature(check).parameters.items() if name != "ctx"}
    kwargs["texts"] = texts
    env = os.environ.get("HSENGINE_UI_LANG")
    if env:
        kwargs["ui_lang"] = UiLang(env)
    try:
        try:
            check(_PlainContext(), **kwargs)
            code = EXIT_OK
        except EOFError:
            click.echo(file=sys.stderr)
            raise typer.Abort() from None
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            from typer._click.utils import PacifyFlushWrapper

            sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
            code = EXIT_FOUND
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        from typer import rich_utils

        rich_utils.rich_abort_error()
        code = EXIT_FOUND
    _exit_process(code)


def _exit_process(code: int) -> None:
    """End the command's own process without tearing its heap down: freeing the compiled set
    object by object at interpreter exit was ~35 ms of a short check.  What that exit does and
    matters is done first (standard streams flushed, atexit handlers run: logging's among them);
    if a stream cannot be flushed, the ordinary exit handles it as it always has."""
    import atexit

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    atexit._run_exitfuncs()
    os._exit(code)


def main(argv: list[str] | None = None) -> None:
    """Console entry point (`hsengine`): never a traceback for a user, a clear message and an exit code."""
    import logging

    global _FREEZE_ENGINES
    logging.basicConfig(level=logging.WARNING, format="hsengine: warning: %(message)s", stream=sys.stderr)
    _install_signal_handlers()
    _FREEZE_ENGINES = True
    try:
        plain = _plain_check(sys.argv[1:] if argv is None else list(argv))
        if plain is not None:
            _run_plain_check(plain)
        app(args=argv, prog_name="hsengine")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("hsengine: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Terminated as exc:
        try:
            click.echo("hsengine: terminated", err=True)
        except Exception:  # noqa: BLE001 - stderr may be gone with the terminal
            pass
        sys.exit(EXIT_SIGNAL_BASE + exc.signum)
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        sys.exit(EXIT_FOUND)
    except MemoryError:
        _err("out of memory", "lower --jobs or --max-chars")
        sys.exit(EXIT_INTERNAL)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("HSENGINE_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc}",
             "this is a bug; please report it with the command you ran (HSENGINE_DEBUG=1 shows the traceback)")
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
