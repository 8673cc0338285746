"""Safe YAML loading that remembers where every value came from.

Lexicon and rule files arrive by pull request from strangers, so loading them must never build
arbitrary objects, never let anchors and aliases blow up memory ("billion laughs"), and must say
which file and line is wrong.  We let libyaml *compose* the document into a node graph (fast, in
C, and aliases stay shared references), then walk the graph ourselves: only the standard scalar,
sequence and mapping tags are accepted, the expanded size is counted with memoization before any
expansion happens, and every mapping and sequence keeps the line/column of its items.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from .yamltypes import Loc, YamlProblem, YList, YMap, loc_of  # noqa: F401 (re-exported)

try:  # libyaml is bundled with PyYAML wheels; fall back to the pure-Python composer.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


def _mark_loc(file: str, node: yaml.Node) -> Loc:
    mark = node.start_mark
    return Loc(file, mark.line + 1, mark.column + 1)


def _count_values(text: str, file: str) -> None:
    """Refuse a document of more than MAX_EXPANDED_NODES values from its event stream, before
    libyaml composes the node graph (composing an 8 MB list took 4 s and 550 MB of memory)."""
    values = 0
    events = yaml.parse(text, Loader=_Loader)
    try:
        for event in events:
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                values += 1
                if values > MAX_EXPANDED_NODES:
                    mark = event.start_mark
                    raise YamlProblem(Problem(
                        file, mark.line + 1, mark.column + 1,
                        f"document has more than {MAX_EXPANDED_NODES:,} values ({len(text):,} characters)",
                        "split it into several files"))
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()


def _expanded_size(node: yaml.Node, memo: dict[int, int], depth: int, file: str) -> int:
    """Number of nodes after alias expansion, computed without expanding (memoized DAG walk)."""
    key = id(node)
    if key in memo:
        if memo[key] < 0:
            raise YamlProblem(_mark_loc(file, node).problem("recursive alias: a node contains itself"))
        return memo[key]
    if depth > MAX_DEPTH:
        raise YamlProblem(_mark_loc(file, node).problem(f"nesting deeper than {MAX_DEPTH} levels"))
    memo[key] = -1
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo, depth + 1, file)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, depth + 1, file) + _expanded_size(v, memo, depth + 1, file)
    memo[key] = size
    if size > MAX_EXPANDED_NODES:
        if len(memo) > MAX_EXPANDED_NODES:  # as many distinct values: the file is simply too big
            raise YamlProblem(_mark_loc(file, node).problem(
                f"document has more than {MAX_EXPANDED_NODES:,} values", "split it into several files"))
        raise YamlProblem(
            _mark_loc(file, node).problem(
                f"document expands to more than {MAX_EXPANDED_NODES:,} nodes through aliases",
                "anchors and aliases may share data, not multiply it; write the values out",
            )
        )
    return size


_scalar_constructor = yaml.constructor.SafeConstructor()


def _convert(node: yaml.Node, file: str) -> Any:
    loc = _mark_loc(file, node)
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            raise YamlProblem(loc.problem(f"tag {node.tag!r} is not allowed", "use plain YAML values"))
        if node.tag == _STR:
            return node.value
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text: nothing here needs datetime objects
        return _scalar_constructor.construct_object(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise YamlProblem(loc.problem(f"tag {node.tag!r} is not allowed", "use a plain YAML list"))
        out = YList(_convert(child, file) for child in node.value)
        out.loc = loc
        out.locs = [_mark_loc(file, child) for child in node.value]
        return out
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise YamlProblem(loc.problem(f"tag {node.tag!r} is not allowed", "use a plain YAML mapping"))
        out = YMap()
        out.loc = loc
        out.locs = {}
        for key_node, value_node in node.value:
            key_loc = _mark_loc(file, key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(key_loc.problem("keys must be plain strings (merge keys are not supported)"))
            key = _convert(key_node, file)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise YamlProblem(key_loc.problem(f"duplicate key {key!r}", "each key may appear once per mapping"))
            out[key] = _convert(value_node, file)
            out.locs[key] = _mark_loc(file, value_node)
        return out
    raise YamlProblem(loc.problem("unsupported YAML node"))  # pragma: no cover


LARGE_TEXT = 256 * 1024  # documents longer than this have their values counted before composing


_SYNTAX_HINTS = (  # (part of libyaml's reason, what usually causes it)
    ("mapping values are not allowed", "a value contains ': ' — put it in quotes: text: \"Он сказал: уезжайте\""),
    ("expected ',' or '}'", "a {...} is not closed, or a value in it contains , : { } [ ] or ? — put that value in quotes"),
    ("expected ',' or ']'", "a [...] is not closed, or an item in it contains , : { } [ ] — put that item in quotes"),
    ("did not find expected key", "the indentation is off: keys of one mapping must start in the same column"),
    ("did not find expected '-'", "the indentation is off: items of one list must start in the same column"),
    ("found character that cannot start any token", "a value starts with @ or ` — put it in quotes"),
    ("found undefined alias", "a value starts with * — put it in quotes"),
    ("found unexpected end of stream", "a quotation mark is not closed"),
    ("could not find expected ':'", "a key has no ': ' after it, or a quoted value is not closed"),
)


def _syntax_hint(reason: str, text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    where = lines[line - 1][: col] if 0 < line <= len(lines) else ""
    if "\t" in where:
        return "indent with spaces, never tabs"
    for needle, hint in _SYNTAX_HINTS:
        if needle in reason:
            return hint
    return "check the indentation (spaces, same column per level) and quote values that contain ': ' or ' #'"


def load_yaml_text(text: str, file: str = "<string>") -> Any:
    """Parse one YAML document safely; raise YamlProblem naming file and line on any problem."""
    try:
        if len(text) > LARGE_TEXT:
            _count_values(text, file)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        hint = _syntax_hint(reason, text, line, col)
        opened = exc.context_mark if exc.problem_mark is not None else None
        if opened is not None and exc.context and opened.line + 1 != line:
            hint += f" ({exc.context}, line {opened.line + 1})"
        raise YamlProblem(Problem(file, line, col, f"YAML syntax error: {reason}", hint)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(file, 1, 1, f"YAML error: {exc}")) from None
    if node is None:
        return None
    _expanded_size(node, {}, 0, file)
    try:
        return _convert(node, file)
    except RecursionError:  # pragma: no cover - guarded by MAX_DEPTH
        raise YamlProblem(Problem(file, 1, 1, "document nested too deeply")) from None


def load_yaml_file(path: str | Path) -> Any:
    """Read and parse a YAML file (UTF-8), refusing oversized or undecodable files."""
    path = Path(path)
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise YamlProblem(Problem(name, 1, 1, f"cannot read file: {exc.strerror or exc}")) from None
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):  # /dev/zero, a FIFO, a socket: st_size says nothing
                raise YamlProblem(Problem(name, 1, 1, "not a regular file (a device, a FIFO or a socket): "
                                          "nothing was read from it", "give a .yaml file or a directory of them"))
            if st.st_size > MAX_FILE_BYTES:
                raise YamlProblem(Problem(name, 1, 1, f"file is {st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
            raw = fh.read(MAX_FILE_BYTES + 1)  # never more than the limit, whatever st_size said
        except OSError as exc:
            raise YamlProblem(Problem(name, 1, 1, f"cannot read file: {exc.strerror or exc}")) from None
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(Problem(name, 1, 1, f"file is over {MAX_FILE_BYTES:,} bytes (it grew while read)"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(Problem(name, line, 1, "file is not valid UTF-8", "save it as UTF-8")) from None
    return load_yaml_text(text, name)
