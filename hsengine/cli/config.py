"""The user's settings, set once: the interface language.

Looked up in this order: the ``--ui-lang`` option, the ``HSENGINE_UI_LANG`` environment variable,
then ``ui_lang`` in the configuration file — ``$HSENGINE_CONFIG``, else
``$XDG_CONFIG_HOME/hsengine/config.toml`` (``~/.config/hsengine/config.toml``; on Windows
``%APPDATA%\\hsengine\\config.toml``).  The file is TOML with one setting per line::

    ui_lang = "ru"

``hsengine config ui-lang ru`` writes it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..schema.values import UI_LANGS

KEYS = {"ui_lang": UI_LANGS}
_LINE = re.compile(r'^\s*([A-Za-z_][\w-]*)\s*=\s*"?([^"#]*?)"?\s*(?:#.*)?$')


def path() -> Path:
    explicit = os.environ.get("HSENGINE_CONFIG")
    if explicit:
        return Path(explicit)
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "hsengine" / "config.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "hsengine" / "config.toml"


def read() -> dict[str, str]:
    """The settings in the file (unknown keys and unreadable files are ignored)."""
    try:
        text = path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, RuntimeError):
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            out[m.group(1).replace("-", "_")] = m.group(2).strip()
    return out


def write(key: str, value: str | None) -> Path:
    """Set (or, with None, remove) one setting, keeping the file's other lines."""
    p = path()
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    kept = [ln for ln in lines if not ((m := _LINE.match(ln)) and m.group(1).replace("-", "_") == key)]
    if value is not None:
        kept.append(f'{key} = "{value}"')
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return p


def ui_lang() -> str:
    env = os.environ.get("HSENGINE_UI_LANG", "").strip().lower()
    if env in UI_LANGS:
        return env
    value = read().get("ui_lang", "").strip().lower()
    return value if value in UI_LANGS else "en"


def initial_ui_lang(argv: list[str]) -> str:
    """The interface language before the options are parsed (for --help): --ui-lang in argv, else ui_lang()."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv) and argv[i + 1] in UI_LANGS:
            return argv[i + 1]
        if arg.startswith("--ui-lang=") and arg.split("=", 1)[1] in UI_LANGS:
            return arg.split("=", 1)[1]
    return ui_lang()


__all__ = ["path", "read", "write", "ui_lang", "initial_ui_lang", "KEYS"]
