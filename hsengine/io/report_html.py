"""A single-file HTML report a volunteer can open offline and share.

Everything is inline (CSS, JavaScript, SVG charts): no CDN, no network, no external file.  The
report is written as the analysis goes, so it never holds the run in memory:

    <head> + styles + the page skeleton
    <script type="application/json" id="hs-messages">[ one object per flagged message, streamed ]</script>
    <script type="application/json" id="hs-summary">{ counts over every message read }</script>
    <script type="application/json" id="hs-meta">{ labels and display names in the interface language }</script>
    <script> the viewer </script>

Flagged messages are included in full (text, every match, evidence offsets, the input's other
columns); messages that were not flagged are only counted — except those where a context (negation,
counter-speech, news...) cancelled a match: they are kept (up to `MAX_SUPPRESSED`) for the review of
suppressed matches, with the reason.  When the input has channel, author or date columns (found by
name: `column_roles`), the viewer summarizes by channel (which channels spread which narrative), by
author and by day; identical texts (reposts) are grouped with their count and first and last date.  The viewer filters by narrative, target group, minimum severity,
language and a text search, draws bar charts of the filtered messages per narrative and per
target group, and renders one page of messages at a time, so 10,000+ flagged messages stay fast.

Message text is only ever inserted as DOM text nodes (never as HTML), and the JSON blocks escape
``<``, so a message cannot inject markup.  Evidence offsets are converted from Python code points
to the UTF-16 units JavaScript strings use, so highlights stay exact after emoji.
"""

from __future__ import annotations

import datetime as _dt
import json
from importlib import resources
from typing import IO, Any

from .. import __version__, i18n

REPORT_LABELS = (
    "group_reposts", "distinct_texts", "reposts", "first_seen", "last_seen", "per_channel", "per_author", "timeline", "channel",
    "author", "date", "suppressed_review", "suppressed_note", "context", "reason", "cue", "flagged_in",
    "not_flagged", "suppressed_count", "messages_total", "share", "others", "report_title", "source", "generated", "messages_read", "messages_flagged", "not_flagged_count", "errors",
    "narrative", "target", "severity", "language", "search", "all", "min_severity", "sort", "sort_input",
    "sort_severity", "shown_of", "page_of", "previous", "next", "per_narrative", "per_target", "per_language",
    "per_severity", "no_messages", "line", "explanation", "evidence", "rule", "no_target", "show_all_text",
    "show_less", "reset_filters", "export_csv", "error_rows", "error_rows_more", "flagged_only_note",
    "per_page", "f_narrative", "f_target", "f_language", "low", "medium", "high", "critical", "role", "how", "messages", "flagged_share",
)


def _asset(name: str) -> str:
    return resources.files("hsengine.io").joinpath("assets", name).read_text(encoding="utf-8")


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside <script>: no '<' (so no '</script>' or '<!--'), no raw U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _utf16_offsets(text: str) -> Any:
    """A function mapping code-point offsets of `text` to UTF-16 offsets (identity for BMP-only text)."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    prefix = [0]
    n = 0
    for c in text:
        n += 2 if ord(c) >= 0x10000 else 1
        prefix.append(n)
    return lambda i: prefix[i]


MAX_SUPPRESSED = 5000  # messages kept for the review of suppressed matches (not flagged ones)
MAX_CHANNELS = 5000  # distinct channel names counted over every message read

# Column names (lower case) that say what a column holds, in the formats volunteers export.
ROLE_NAMES = {
    "channel": ("channel", "chat", "channel_title", "channel_name", "group", "source", "chat_name", "канал",
                "чат", "группа", "источник", "арна", "топ", "дереккөз", "video_id", "page", "community"),
    "author": ("author", "from", "user", "username", "user_name", "author_name", "sender", "автор", "пользователь",
               "отправитель", "от", "авторы", "жіберуші", "пайдаланушы"),
    "date": ("date", "datetime", "time", "timestamp", "created_at", "published", "published_at", "publishedat",
             "posted", "дата", "время", "дата публикации", "күні", "уақыты"),
}


def column_roles(columns: list[str]) -> dict[str, str]:
    """{"channel" | "author" | "date": column name} for the columns whose names say so."""
    lowered = {c.strip().lower(): c for c in columns}
    out: dict[str, str] = {}
    for role, names in ROLE_NAMES.items():
        for n in names:
            if n in lowered and lowered[n] not in out.values():
                out[role] = lowered[n]
                break
    return out


def message_record(line: int, result: Any, fields: dict[str, Any] | None = None,
                   reasons: dict[str, str] | None = None) -> dict[str, Any]:
    """The compact form of one message in the report (flagged, or with suppressed matches)."""
    conv = _utf16_offsets(result.text)
    matches = []
    for m in result.matches:
        matches.append({
            "r": m.rule_id, "n": m.narrative, "g": m.target, "s": m.severity, "x": m.explanation,
            "e": [[conv(e.start), conv(e.end), e.role, e.how, e.text] for e in m.evidence],
        })
    record: dict[str, Any] = {"i": line, "l": result.lang, "s": result.severity, "t": result.text, "m": matches}
    if result.suppressed:
        reasons = reasons or {}
        record["u"] = [{
            "r": s.rule_id, "g": s.target, "c": s.context, "y": reasons.get(s.context, s.reason),
            "k": [conv(s.cue.start), conv(s.cue.end), s.cue.text] if s.cue else None,
            "e": [[conv(e.start), conv(e.end), e.role, e.how, e.text] for e in s.evidence],
        } for s in result.suppressed]
    if result.warnings:
        record["w"] = list(result.warnings)
    if fields:
        record["f"] = fields
    return record


class HtmlReport:
    """Writer with the same interface as the io writers: write(row, result) per row, then close(summary)."""

    def __init__(self, out: IO[str], *, names: dict[str, dict[str, str]], ui_lang: str = "en", source: str = "",
                 text_key: str = "text", generated: str | None = None, columns: list[str] | None = None,
                 reasons: dict[str, str] | None = None):
        self.out = out
        self.columns = list(columns or [text_key])
        self.roles = column_roles([c for c in self.columns if c != text_key])
        self.reasons = reasons or {}
        self.suppressed_only = 0
        self.by_channel: dict[str, int] = {}
        self.ui_lang = ui_lang
        self.names = names
        self.source = source
        self.text_key = text_key
        self.generated = generated or _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
        self.count = 0
        title = i18n.t("report_title", ui_lang)
        out.write("<!DOCTYPE html>\n")
        out.write(f'<html lang="{ui_lang}">\n<head>\n<meta charset="utf-8">\n')
        out.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        out.write(f"<title>{_escape(title)} — {_escape(source)}</title>\n")
        out.write("<style>\n" + _asset("report.css") + "\n</style>\n</head>\n<body>\n")
        out.write(_asset("report_body.html"))
        out.write('\n<script type="application/json" id="hs-messages">[')

    def write(self, row: Any, result: Any) -> None:
        channel_col = self.roles.get("channel")
        if channel_col and result.error is None and row.fields:
            ch = str(row.fields.get(channel_col) or "")
            if ch in self.by_channel or len(self.by_channel) < MAX_CHANNELS:
                self.by_channel[ch] = self.by_channel.get(ch, 0) + 1
        if not result.flagged:
            if not result.suppressed or result.error is not None or self.suppressed_only >= MAX_SUPPRESSED:
                return
            self.suppressed_only += 1
        fields = {k: v for k, v in row.fields.items() if k != self.text_key} if row.fields else None
        if self.count:
            self.out.write(",\n")
        self.out.write(_json_for_script(message_record(row.line, result, fields or None, self.reasons)))
        self.count += 1

    def close(self, summary: Any) -> None:
        out = self.out
        out.write("]</script>\n")
        data = summary.to_dict()
        data["error_rows"] = [[line, err] for line, err in summary.error_rows]
        data["flagged_by_lang"] = dict(summary.flagged_by_lang)
        data["by_channel"] = self.by_channel
        out.write('<script type="application/json" id="hs-summary">' + _json_for_script(data) + "</script>\n")
        meta = {
            "ui_lang": self.ui_lang,
            "source": self.source,
            "generated": self.generated,
            "version": __version__,
            "labels": {k: i18n.t(k, self.ui_lang) for k in REPORT_LABELS},
            "role_names": {k: i18n.role_name(k, self.ui_lang) for k in i18n.ROLE_NAMES},
            "names": self.names,
            "columns": self.columns,
            "text_key": self.text_key,
            "roles": self.roles,
            "contexts": self.names.get("contexts", {}),
        }
        out.write('<script type="application/json" id="hs-meta">' + _json_for_script(meta) + "</script>\n")
        out.write("<script>\n" + _asset("report.js") + "\n</script>\n</body>\n</html>\n")
        out.flush()


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


__all__ = ["HtmlReport", "message_record", "REPORT_LABELS"]
