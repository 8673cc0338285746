"""A disk cache of compiled data, so that a command-line check starts in a blink: the compiled
lexicon and rule sets (the Engine), and the Kazakh word list with its keyboard-spelling index.

Building the indexes (YAML parsing, pymorphy3 inflections, Kazakh paradigms, skeletons) takes
most of a second; unpickling them takes a tenth of that.  A compiled set is only as good as the
code and data that built it, so the key covers *everything* that shapes it:

- every file of the installed package (all modules and data files, found by walking the package
  directory, never listed by hand: a new module cannot be forgotten);
- the versions of Python, hsengine, pymorphy3, its Russian dictionary package and regex, and
  the source of PyYAML's package file (which declares its version);
- the path and bytes of every lexicon and rule file, and the Engine options passed as `extra`.

Any change means a new key and a rebuild.  A loaded object that is not a compiled set of this
version (a truncated or foreign pickle) is discarded and rebuilt, never trusted.

Files live in the platform's cache directory ($HSENGINE_CACHE_DIR, else $XDG_CACHE_HOME/hsengine
or ~/.cache/hsengine on Linux, ~/Library/Caches/hsengine on macOS, %LOCALAPPDATA%\\hsengine on
Windows), readable by the user only; a cache file not owned by the user or writable by others
is ignored.  Set HSENGINE_NO_CACHE=1 to turn the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

_PACKAGE = Path(__file__).resolve().parent  # the hsengine package
FORMAT = 7  # bump when the shape of the cached tuple changes
_SKIP_DIRS = frozenset({"__pycache__", "_bundled"})  # bytecode; bundled YAML is hashed as input files


def cache_dir() -> Path | None:
    """Where compiled sets are kept, or None when caching is off."""
    if os.environ.get("HSENGINE_NO_CACHE"):
        return None
    base = os.environ.get("HSENGINE_CACHE_DIR")
    if base:
        return Path(base)
    return _platform_cache_root() / "hsengine"


def _platform_cache_root() -> Path:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        root = Path(local) if local else Path.home() / "AppData" / "Local"
        return root
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg else Path.home() / ".cache"


def _module_version(name: str) -> str:
    """A module's __version__ (importlib.metadata would add ~30 ms to every start)."""
    import importlib

    try:
        return str(getattr(importlib.import_module(name), "__version__", "unknown"))
    except ImportError:
        return "absent"


def _source_stamp(name: str) -> str:
    """Hash of a module's own file, found without importing it: PyYAML declares its __version__
    there, and a start that loads everything from the cache never imports PyYAML (~20 ms)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return "absent"
    return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()[:16]


def package_files(root: Path = _PACKAGE) -> list[Path]:
    """Every file of the package that can shape a compiled set: sources and data, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for name in filenames:
            if not name.endswith((".pyc", ".pyo")):
                out.append(Path(dirpath) / name)
    return sorted(out)


@lru_cache(maxsize=None)
def code_fingerprint(root: Path = _PACKAGE) -> str:
    """Hash of the package's files and of the versions of what builds the indexes.

    Computed once per process: the cache must match the code this process runs, which is the
    code it imported at start."""
    from . import __version__

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|".encode())
    # pymorphy3 and regex are imported on first analysis anyway; importing them here costs nothing extra
    for module in ("pymorphy3", "pymorphy3_dicts_ru", "regex"):
        h.update(f"{module}={_module_version(module)}|".encode())
    h.update(f"yaml={_source_stamp('yaml')}|".encode())
    for path in package_files(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(files: Iterable[Path], extra: str = "") -> str:
    """Hash of the input files (path and bytes), the package code and `extra` (options)."""
    h = hashlib.sha256(f"{code_fingerprint()}|{extra}".encode())
    # absolute, not resolved: resolving ~190 paths took 9 ms of every start, and the key holds
    # the bytes of each file whatever path reached it
    for path in sorted({Path(os.path.abspath(p)) for p in files}):
        h.update(str(path).encode())
        h.update(b"\0")
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


def load(key: str, valid: Callable[[Any], bool] = lambda obj: True, kind: str = "compiled") -> Any | None:
    """The cached object for `key` if it passes `valid`, else None (missing, untrusted,
    unreadable or not what was stored); a bad file is removed so that it is rebuilt."""
    got = load_with_rest(key, valid, kind)
    return None if got is None else got[0]


def load_with_rest(key: str, valid: Callable[[Any], bool] = lambda obj: True,
                   kind: str = "compiled") -> tuple[Any, bytes] | None:
    """As `load`, with the bytes of what `store` wrote after the object (`rest`), not unpickled
    (see `loads_rest`): b"" when nothing was."""
    d = cache_dir()
    if d is None:
        return None
    path = d / f"{kind}-{key}.pickle"
    if not _trusted(path) or not _trusted(d):
        return None
    try:
        data = path.read_bytes()  # the whole file: the rest is then held whatever becomes of it
        stream = io.BytesIO(data)
        with _no_gc():
            obj = pickle.load(stream)
        rest = data[stream.tell():]
        if valid(obj) and (not rest or rest.endswith(pickle.STOP)):
            return obj, rest
    except Exception:  # noqa: BLE001 - a broken cache file is rebuilt, never fatal
        pass
    try:
        path.unlink()
    except OSError:
        pass
    return None


def loads_rest(rest: bytes, persistent_load: Callable[[Any], Any] | None = None) -> Any:
    """Unpickle the `rest` of a cache file; `persistent_load` gives back the objects that
    `store`'s `persistent_id` stood in for (objects of the first part, which keep their identity)."""
    unpickler = pickle.Unpickler(io.BytesIO(rest))
    if persistent_load is not None:
        unpickler.persistent_load = persistent_load
    with _no_gc():
        return unpickler.load()


class _no_gc:
    """The cyclic garbage collector paused while a pickle is read: unpickling creates hundreds of
    thousands of tuples and sets, none of them garbage, and each allocation threshold reached
    started a collection over all of them (~30% of the compiled set's load time)."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()


def shared_values(root: Any) -> Any:
    """`root` with equal strings, tuples and frozensets inside it made one object each.

    A compiled set holds the same values many times over (an entry's `(entry, "lemma")` pair for
    each of its inflections, the same one-id set of entry ids for thousands of forms): as separate
    objects each is written to the pickle, created on load and freed at exit.  Sharing them halves
    the objects of the compiled set, and with them the time to load it and the memory it takes.
    Only immutable built-in values are shared; mutable containers (dict, list, set) are updated in
    place, and instances of hsengine's own classes keep their identity (their attributes are
    updated).  Nothing else is touched: other objects (compiled regexes, classes) stay as they are."""
    memo: dict[Any, Any] = {}
    visited: set[int] = set()
    atoms = (int, float, bool, bytes, type(None))

    def share(x: Any) -> Any:
        t = type(x)
        if t is str:
            return memo.setdefault(x, x)
        if t in atoms:
            return x
        if t is tuple or t is frozenset:
            items = [share(e) for e in x]
            key = (t, tuple(map(id, items)) if t is tuple else frozenset(map(id, items)))
            got = memo.get(key)
            if got is None:  # the value keeps its items alive, so their ids stay theirs
                value = x if t is tuple and all(a is b for a, b in zip(items, x)) else t(items)
                got = memo[key] = (value, items)
            return got[0]
        if id(x) in visited:
            return x
        visited.add(id(x))
        if t is dict:
            pairs = [(share(k), share(v)) for k, v in x.items()]
            x.clear()
            x.update(pairs)
        elif t is list:
            x[:] = [share(e) for e in x]
        elif t is set:
            items = [share(e) for e in x]
            x.clear()
            x.update(items)
        elif getattr(t, "__module__", "").startswith("hsengine."):
            names = list(getattr(x, "__dict__", {}))
            for klass in t.__mro__:
                slots = klass.__dict__.get("__slots__", ())
                names.extend((slots,) if isinstance(slots, str) else slots)
            for name in names:
                if name in ("__dict__", "__weakref__") or not hasattr(x, name):
                    continue
                value = getattr(x, name)
                new = share(value)
                if new is not value:
                    object.__setattr__(x, name, new)
        return x

    return share(root)


def store(key: str, obj: Any, kind: str = "compiled", rest: Any = None,
          persistent_id: Callable[[Any], Any] | None = None) -> None:
    """Write the object atomically; any failure (read-only home, full disk) is ignored.

    `rest`, if given, is written after it, for a part a run may never need: `load_with_rest`
    returns its bytes, unpickled only when wanted.  `persistent_id` names the objects of `obj`
    that `rest` refers to (None for others), so that they are not written twice."""
    d = cache_dir()
    if d is None:
        return
    tmp = None
    try:
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            if rest is not None:
                pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
                if persistent_id is not None:
                    pickler.persistent_id = persistent_id
                pickler.dump(rest)
        os.chmod(tmp, 0o600)
        os.replace(tmp, d / f"{kind}-{key}.pickle")
        tmp = None
        _prune(d, kind, keep=8)
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def discard(key: str, kind: str = "compiled") -> None:
    """Remove a cache file found broken after it was loaded, so that it is rebuilt."""
    d = cache_dir()
    if d is not None:
        try:
            (d / f"{kind}-{key}.pickle").unlink()
        except OSError:
            pass


def _prune(d: Path, kind: str, keep: int) -> None:
    """Keep the most recent files of a kind only."""
    files = sorted(d.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
