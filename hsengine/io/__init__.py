"""Files in and out: readers that turn a file or stdin into rows (nothing lost), writers that
turn results back into rows (CSV, JSON Lines, JSON, .xlsx, Label Studio tasks), and the
self-contained HTML report.

`readers` opens every input; the formats with readers of their own (`excel`: .xlsx,
`platforms`: Telegram and YouTube exports) register their openers with it here, so that `readers`
never imports them (they build on it)."""

from . import readers
from . import excel, platforms

readers.OPENERS.update({
    "xlsx": excel.open_xlsx,
    "telegram": platforms.open_telegram,
    "youtube": platforms.open_youtube,
    "sniff_json": platforms.sniff_json,
})
