"""Files in and out: readers that turn a file or stdin into rows (nothing lost), writers that
turn results back into rows (CSV, JSON Lines, JSON, .xlsx, Label Studio tasks), and the
self-contained HTML report.

`readers` opens every input; the formats with readers of their own (`excel`: .xlsx,
`platforms`: Telegram and YouTube exports) register their openers with it here, so that `readers`
never imports them (they build on it); each is imported when a file of its kind is read."""

from . import readers


def _opener(module: str, name: str):
    """`name` of `module`, imported on first use: a command that reads no such file (`hsengine
    check TEXT`) never loads them."""

    def opener(*args, **kwargs):
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args, **kwargs)

    opener.__name__ = opener.__qualname__ = name
    return opener


readers.OPENERS.update({
    "xlsx": _opener("excel", "open_xlsx"),
    "telegram": _opener("platforms", "open_telegram"),
    "youtube": _opener("platforms", "open_youtube"),
    "sniff_json": _opener("platforms", "sniff_json"),
})
