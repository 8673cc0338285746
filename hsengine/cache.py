"""A cache of compiled lexicon and rule sets, so that a command-line check starts in a blink.

Building the indexes (YAML parsing, pymorphy3 inflections, Kazakh paradigms, skeletons) takes
most of a second; unpickling them takes a tenth of that.  The cache key is a hash of every
lexicon and rule file's path and bytes, of hsengine's version and of the source of the modules
whose objects are cached — any change rebuilds.  Files live in the user's cache directory
($HSENGINE_CACHE_DIR, else $XDG_CACHE_HOME/hsengine, else ~/.cache/hsengine), readable by the
user only, and a cache file that is not owned by the user or is writable by others is ignored.
Set HSENGINE_NO_CACHE=1 to turn the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable

_PACKAGE = Path(__file__).resolve().parent
# modules whose classes end up in the cached objects (a change of code means a new key)
_CODE = ("cache.py", "lexicon.py", "index.py", "rules.py", "fuzzy.py", "lookup.py",
         "morphology/kazakh.py", "morphology/russian.py", "morphology/translit.py", "yamlload.py")
FORMAT = 1


def cache_dir() -> Path | None:
    """Where compiled sets are kept, or None when caching is off."""
    if os.environ.get("HSENGINE_NO_CACHE"):
        return None
    base = os.environ.get("HSENGINE_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "hsengine" if xdg else Path.home() / ".cache" / "hsengine"


def fingerprint(files: Iterable[Path], extra: str = "") -> str:
    """Hash of the input files (path and bytes), the cached code and `extra` (options)."""
    from . import __version__

    h = hashlib.sha256(f"{FORMAT}|{__version__}|{extra}".encode())
    for name in _CODE:
        h.update((_PACKAGE / name).read_bytes())
    for path in sorted({Path(p).resolve() for p in files}):
        h.update(str(path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:32]


def _trusted(path: Path) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(key: str) -> Any | None:
    """The cached object for `key`, or None (missing, untrusted or unreadable)."""
    d = cache_dir()
    if d is None:
        return None
    path = d / f"compiled-{key}.pickle"
    if not _trusted(path) or not _trusted(d):
        return None
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a broken cache file is rebuilt, never fatal
        return None


def store(key: str, obj: Any) -> None:
    """Write the object atomically; any failure (read-only home, full disk) is ignored."""
    d = cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".compiled-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o600)
        os.replace(tmp, d / f"compiled-{key}.pickle")
        _prune(d, keep=8)
    except OSError:
        pass


def _prune(d: Path, keep: int) -> None:
    """Keep the most recent compiled sets only."""
    files = sorted(d.glob("compiled-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
