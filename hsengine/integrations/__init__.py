"""Optional integrations with other tools.  Nothing here is imported by ``import hsengine``, and
this package imports neither tool itself:

* ``hsengine.integrations.spark`` — analyze a text column of a Spark DataFrame
  (``pip install 'hsengine[spark]'``);
* ``hsengine.integrations.spacy_component`` — an ``"hsengine"`` spaCy pipeline component
  (``pip install 'hsengine[spacy]'``).

Both share `get_engine`: one Engine per configuration per process, built on first use.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.engine import Engine

_ENGINES: dict[tuple, "Engine"] = {}
_LOCK = threading.Lock()


def engine_key(lexicon_paths: Sequence[str | os.PathLike] | None, rules_paths: Sequence[str | os.PathLike] | None,
               options: dict[str, Any]) -> tuple:
    norm = lambda ps: None if ps is None else tuple(os.fspath(p) for p in ps)  # noqa: E731
    return norm(lexicon_paths), norm(rules_paths), tuple(sorted(options.items()))


def get_engine(lexicon_paths: Sequence[str | os.PathLike] | None = None,
               rules_paths: Sequence[str | os.PathLike] | None = None, **options: Any) -> "Engine":
    """The Engine for this configuration, built once per process and reused (Spark executors,
    spaCy pipelines).  `options` are Engine keyword arguments (fuzzy, deobfuscate, ui_lang...)."""
    key = engine_key(lexicon_paths, rules_paths, options)
    engine = _ENGINES.get(key)
    if engine is None:
        with _LOCK:
            engine = _ENGINES.get(key)
            if engine is None:
                from ..engine.engine import Engine

                engine = Engine(lexicon_paths, rules_paths, **options)
                _ENGINES[key] = engine
    return engine


__all__ = ["get_engine", "engine_key"]
