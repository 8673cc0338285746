"""Errors that name the file, line and column of what went wrong, with a hint to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a lexicon or rule file (1-based line and column)."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.message}" + (f"\n  hint: {self.hint}" if self.hint else "")


class HsengineError(Exception):
    """Base class of every error hsengine raises on purpose."""


class ConfigError(HsengineError):
    """Lexicon or rule files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n... and {more} more problem(s)"
        super().__init__(f"{len(self.problems)} problem(s) in lexicon/rule files:\n{shown}")


class InputError(HsengineError):
    """Input text or file cannot be read; the message says what and where."""
