"""What a loaded YAML document is made of (located values, the problem raised), apart from the
parser: the compiled lexicon and rules keep these, and a command that loads them from the cache
need not import PyYAML (~20 ms of its start) to unpickle them."""

from __future__ import annotations

from typing import Any

from ..errors import Problem


class YamlProblem(Exception):
    """Raised for the first structural problem in one file (syntax, tags, size)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Loc(tuple):
    """(file, line, column), 1-based, of a value in a YAML file."""

    __slots__ = ()

    def __new__(cls, file: str, line: int, column: int) -> "Loc":
        return super().__new__(cls, (file, line, column))

    @property
    def file(self) -> str:
        return self[0]

    @property
    def line(self) -> int:
        return self[1]

    @property
    def column(self) -> int:
        return self[2]

    def problem(self, message: str, hint: str = "") -> Problem:
        return Problem(self.file, self.line, self.column, message, hint)


class YMap(dict):
    """A mapping that knows its own location and the location of each value."""

    loc: Loc
    locs: dict[str, Loc]

    def loc_of(self, key: str) -> Loc:
        return self.locs.get(key, self.loc)


class YList(list):
    """A sequence that knows its own location and the location of each item."""

    loc: Loc
    locs: list[Loc]

    def loc_of(self, index: int) -> Loc:
        return self.locs[index] if 0 <= index < len(self.locs) else self.loc


def loc_of(value: Any, default: Loc) -> Loc:
    """Location of a loaded container, or the default for scalars."""
    return getattr(value, "loc", default)
