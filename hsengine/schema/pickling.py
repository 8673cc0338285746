"""Quicker pickling of frozen dataclasses with slots.

`dataclass(frozen=True, slots=True)` pickles an object as the list of its field values, through
a `__getstate__` and `__setstate__` that call `dataclasses.fields()` for every object.  The
compiled set holds ~10,000 such objects (entries, rule nodes, examples), unpickled at every start
of the command line; results (matches, evidence) travel between `--jobs` workers and the parent.
`quick_state` gives a class the same two methods with the field names computed once: the same
state, read and written in the same order (a pickle of either kind loads with the other)."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_state(cls: T) -> T:
    """Class decorator, above `@dataclass(frozen=True, slots=True)`."""
    own = cls.__dict__
    if own.get("__setstate__") is None or getattr(own["__setstate__"], "__name__", "") != "_dataclass_setstate":
        return cls  # not a frozen dataclass with slots (or it pickles its own way): left alone
    names = tuple(f.name for f in dataclasses.fields(cls))
    set_ = object.__setattr__

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state):
            set_(self, name, value)

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
