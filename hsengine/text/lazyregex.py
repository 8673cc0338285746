"""Module-level regexes compiled on first use.

Most of them serve words or commands a run may never meet (Kazakh endings, rule-file checks):
compiling them all when their modules were imported took ~30 ms of every start (the regex
module parses patterns in Python).
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """Stands for `regex.compile(pattern, flags)` in attribute use (`.search`, `.match`,
    `.pattern`...), compiling it on the first; each attribute is then kept on the instance, so
    later calls cost what they cost on the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(regex.compile(*self._args), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r}, {self._args[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled when first used (see LazyPattern)."""
    return LazyPattern(pattern, flags)
