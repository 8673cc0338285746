"""Platform exports volunteers have, read as rows: Telegram Desktop and the YouTube Data API.

**Telegram Desktop** ("Export chat history", format "Machine-readable JSON") writes ``result.json``:
``{"name", "type", "id", "messages": [...]}`` — one object per message, ``"type": "message"`` or
``"service"`` (joins, pins: skipped and counted).  A message's ``text`` is a string, or a list of
strings and entity objects (``{"type": "bold" | "link" | "mention" | "text_link" ..., "text": ...}``)
that we flatten to the plain text the reader sees.  Columns: ``id``, ``date``, ``chat``, ``from``,
``from_id``, ``link`` (``https://t.me/c/<chat id>/<message id>`` for channels and supergroups),
``reply_to_message_id``, ``forwarded_from``, ``edited``, ``text``.  A full-account export (``chats
.list``) is read chat after chat.  The file is parsed as a stream: memory does not grow with it.

**YouTube** comments as the YouTube Data API v3 returns them (``commentThreads.list`` and
``comments.list``: https://developers.google.com/youtube/v3/docs/commentThreads and
https://developers.google.com/youtube/v3/docs/comments), as saved by API scripts and export tools: one
response ``{"kind": "youtube#commentThreadListResponse", "items": [...]}``, a JSON array of such
responses (pages) or of comment/thread resources, or JSON Lines of responses.  Each top-level comment
and each reply is a row: ``id``, ``parent_id``, ``video_id``, ``channel_id``, ``author``,
``author_channel_id``, ``date``, ``updated``, ``likes``, ``replies``, ``link``, ``text``
(``textOriginal``, else ``textDisplay`` with its HTML turned into text).

``line`` is the line of ``result.json`` where the message starts (Telegram), the comment's number
(YouTube).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Callable, Iterator

from .readers import Input, InputProblem, Row, _check_text, _Lines

TELEGRAM_COLUMNS = ["id", "date", "chat", "from", "from_id", "link", "reply_to_message_id", "forwarded_from",
                    "edited", "text"]
YOUTUBE_COLUMNS = ["id", "parent_id", "video_id", "channel_id", "author", "author_channel_id", "date", "updated",
                   "likes", "replies", "link", "text"]
_LINKABLE = {"public_channel", "private_channel", "public_supergroup", "private_supergroup"}


def sniff_json(head: str) -> str | None:
    """'telegram' or 'youtube' when the start of a JSON file is one of these exports, else None."""
    start = head.lstrip()[:4096]
    if re.search(r'"kind"\s*:\s*"youtube#', start):
        return "youtube"
    if start.startswith("{") and "\n" in start:
        first_line = start.split("\n", 1)[0].strip()
        if first_line == "{" and re.search(r'^\s*"(messages|chats|about|name)"\s*:', start, re.M) and (
                re.search(r'"messages"\s*:\s*\[', start) or re.search(r'"chats"\s*:', start)
                or re.search(r'"type"\s*:\s*"(personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|'
                             r'private_channel|public_channel|saved_messages)"', start)):
            return "telegram"
    return None


class JsonStream:
    """A JSON document read piece by piece from text chunks: values decoded one at a time with the
    line where each starts, so that a large array never has to be in memory at once."""

    _WS = " \t\r\n"

    def __init__(self, read: Callable[[int], str], name: str):
        self._read = read
        self.name = name
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._lines_before = 0  # newlines in text dropped from the front of buf
        self._counted = (0, 0)  # (position in buf, newlines before it): line numbers cost O(new text)
        self._decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self.eof:
            return False
        if self.pos > (1 << 20) and self.pos > len(self.buf) // 2:
            self._lines_before += self.buf.count("\n", 0, self.pos)
            self.buf = self.buf[self.pos:]
            self.pos = 0
            self._counted = (0, 0)
        chunk = self._read(max(1 << 16, len(self.buf) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def line(self) -> int:
        at, n = self._counted
        if self.pos < at:
            at, n = 0, 0
        n += self.buf.count("\n", at, self.pos)
        self._counted = (self.pos, n)
        return self._lines_before + n + 1

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in self._WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, chars: str) -> str:
        c = self.peek()
        if not c or c not in chars:
            self.fail(f"expected {' or '.join(repr(x) for x in chars)}, found {c!r}" if c else
                      "the file ends too early")
        self.pos += 1
        return c

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                incomplete = exc.pos >= len(self.buf.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
                if incomplete and self._more():
                    continue
                self.pos = min(exc.pos, len(self.buf))
                self.fail(exc.msg)
            else:
                # a number at the end of a chunk may continue in the next one
                if end >= len(self.buf) and not self.eof and isinstance(value, (int, float)) and self._more():
                    continue
                self.pos = end
                return value

    def fail(self, message: str) -> None:
        line = self.line()
        raise InputProblem("bad_json", f"{self.name}:{line}: not valid JSON ({message})",
                           "export it again (Telegram Desktop: Export chat history → Format: JSON)",
                           name=self.name, line=line, reason=message)

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here, one by one; the caller reads each value."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                self.fail("an object key must be a string")
            self.expect(":")
            yield key
            if self.expect(",}") == "}":
                return

    def items(self) -> Iterator[tuple[int, Any]]:
        """(line, value) for each element of the array that starts here."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            self.peek()
            line = self.line()
            yield line, self.value()
            if self.expect(",]") == "]":
                return


def _reader(lines: _Lines) -> Callable[[int], str]:
    """Decoded text in chunks from the input's lines (their decoding and replaced-byte handling)."""
    it = iter(lines)
    first = [True]

    def read(n: int) -> str:
        parts: list[str] = []
        size = 0
        for text in it:
            lines.take()
            if first[0]:
                text = text.lstrip("\ufeff")
                first[0] = False
            parts.append(text)
            size += len(text)
            if size >= n:
                break
        return "".join(parts)

    return read


# -- Telegram -------------------------------------------------------------------------------------
def flatten_text(value: Any) -> str:
    """Telegram's message text (a string, or a list of strings and entities) as plain text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(flatten_text(part) for part in value)
    if isinstance(value, dict):
        return flatten_text(value.get("text", ""))
    return str(value)


def _telegram_row(index: int, line: int, msg: dict[str, Any], chat: dict[str, Any], max_chars: int) -> Row:
    text = flatten_text(msg["text"]) if "text" in msg else flatten_text(msg.get("text_entities"))
    mid = msg.get("id")
    link = ""
    if chat.get("type") in _LINKABLE and chat.get("id") is not None and mid is not None:
        link = f"https://t.me/c/{chat['id']}/{mid}"
    fields = {
        "id": "" if mid is None else str(mid),
        "date": str(msg.get("date", "")),
        "chat": str(chat.get("name") or ""),
        "from": str(msg.get("from") or msg.get("author") or msg.get("actor") or ""),
        "from_id": str(msg.get("from_id") or msg.get("actor_id") or ""),
        "link": link,
        "reply_to_message_id": str(msg.get("reply_to_message_id", "") or ""),
        "forwarded_from": str(msg.get("forwarded_from", "") or ""),
        "edited": str(msg.get("edited", "") or ""),
        "text": text,
    }
    row = Row(index, line, text, fields)
    _check_text(row, max_chars)
    return row


def open_telegram(name: str, lines: _Lines, *, max_chars: int, declared: bool = False, **common: Any) -> Input:
    stream = JsonStream(_reader(lines), name)
    if stream.peek() != "{":
        raise InputProblem("bad_telegram", f"{name} is not a Telegram Desktop export (result.json is one JSON "
                           "object with a 'messages' list)", "export it again: Export chat history → Format: "
                           "Machine-readable JSON", name=name)
    keys = stream.members()
    chat: dict[str, Any] = {}
    state = {"service": 0, "chats": 0}

    def chat_messages(chat_info: dict[str, Any], messages: Any) -> Iterator[tuple[int, dict[str, Any], dict]]:
        for msg in messages if isinstance(messages, list) else []:
            if isinstance(msg, dict):
                yield 0, msg, chat_info

    def messages() -> Iterator[tuple[int, dict[str, Any], dict]]:
        for key in keys:
            if key == "messages":
                for line, msg in stream.items():
                    if isinstance(msg, dict):
                        yield line, msg, chat
            elif key in ("chats", "left_chats"):  # a full-account export: {"about", "list": [chat, ...]}
                value = stream.value()
                for c in value.get("list", []) if isinstance(value, dict) else []:
                    if isinstance(c, dict):
                        state["chats"] += 1
                        info = {k: c.get(k) for k in ("name", "type", "id")}
                        yield from chat_messages(info, c.get("messages"))
            else:
                value = stream.value()
                if key in ("name", "type", "id"):
                    chat[key] = value

    def rows() -> Iterator[Row]:
        index = 0
        for line, msg, info in messages():
            if msg.get("type", "message") != "message":
                state["service"] += 1
                continue
            yield _telegram_row(index, line or index + 1, msg, info, max_chars)
            index += 1
        if state["service"]:
            source.end_notes.append(f"{state['service']:,} service message(s) (joins, pins, calls) were skipped")

    source = Input(name, "telegram", rows(), list(TELEGRAM_COLUMNS), "text", **common)
    if not declared:
        source.notes.append(f"{name} is a Telegram Desktop export: one row per message, with its date, author, "
                            "id and link")
    return source


# -- YouTube --------------------------------------------------------------------------------------
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _display_text(snippet: dict[str, Any]) -> str:
    if isinstance(snippet.get("textOriginal"), str):
        return snippet["textOriginal"]
    text = snippet.get("textDisplay") or ""
    if not isinstance(text, str):
        return ""
    if "<" in text or "&" in text:  # textFormat=html (the API's default)
        text = html.unescape(_TAG.sub("", _BR.sub("\n", text)))
    return text


def _youtube_comments(obj: Any) -> Iterator[tuple[dict[str, Any], int | None]]:
    """Comment resources (and the reply count of top-level ones) in any saved shape."""
    if isinstance(obj, list):
        for x in obj:
            yield from _youtube_comments(x)
        return
    if not isinstance(obj, dict):
        return
    kind = obj.get("kind", "")
    if kind.endswith("ListResponse") or ("items" in obj and isinstance(obj["items"], list)):
        yield from _youtube_comments(obj.get("items", []))
    elif kind == "youtube#commentThread" or ("snippet" in obj and "topLevelComment" in obj.get("snippet", {})):
        sn = obj.get("snippet", {})
        top = sn.get("topLevelComment")
        if isinstance(top, dict):
            yield top, sn.get("totalReplyCount")
        for reply in (obj.get("replies") or {}).get("comments", []) or []:
            if isinstance(reply, dict):
                yield reply, None
    elif kind == "youtube#comment" or "snippet" in obj:
        yield obj, None


def _youtube_fields(comment: dict[str, Any], replies: int | None) -> dict[str, str]:
    sn = comment.get("snippet", {}) if isinstance(comment.get("snippet"), dict) else {}
    cid = str(comment.get("id", "") or "")
    video = str(sn.get("videoId", "") or "")
    author_id = sn.get("authorChannelId")
    if isinstance(author_id, dict):
        author_id = author_id.get("value")
    link = f"https://www.youtube.com/watch?v={video}&lc={cid}" if video and cid else ""
    return {
        "id": cid, "parent_id": str(sn.get("parentId", "") or ""), "video_id": video,
        "channel_id": str(sn.get("channelId", "") or ""), "author": str(sn.get("authorDisplayName", "") or ""),
        "author_channel_id": str(author_id or ""), "date": str(sn.get("publishedAt", "") or ""),
        "updated": str(sn.get("updatedAt", "") or ""),
        "likes": "" if sn.get("likeCount") is None else str(sn.get("likeCount")),
        "replies": "" if replies is None else str(replies), "link": link, "text": _display_text(sn),
    }


def open_youtube(name: str, lines: _Lines, *, max_chars: int, declared: bool = False, **common: Any) -> Input:
    read = _reader(lines)
    parts = []
    while True:
        chunk = read(1 << 20)
        if not chunk:
            break
        parts.append(chunk)
    text = "".join(parts).strip()
    docs: list[Any] = []
    try:
        docs.append(json.loads(text))
    except json.JSONDecodeError as whole:
        for n, line in enumerate(text.splitlines(), 1):  # JSON Lines of responses
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError:
                raise InputProblem("bad_json", f"{name}:{whole.lineno}: not valid JSON ({whole.msg})",
                                   "save the API responses as they came, one per file or one per line",
                                   name=name, line=whole.lineno, reason=whole.msg) from None
    comments = [(c, r) for d in docs for c, r in _youtube_comments(d)]
    if not comments:
        raise InputProblem("empty_input", f"{name} has no YouTube comments: there is nothing to check", "",
                           name=name)

    def rows() -> Iterator[Row]:
        for index, (comment, replies) in enumerate(comments):
            fields = _youtube_fields(comment, replies)
            row = Row(index, index + 1, fields["text"], fields)
            _check_text(row, max_chars)
            yield row

    source = Input(name, "youtube", rows(), list(YOUTUBE_COLUMNS), "text", **common)
    if not declared:
        source.notes.append(f"{name} holds YouTube Data API comments: one row per comment and reply")
    return source


__all__ = ["sniff_json", "open_telegram", "open_youtube", "flatten_text", "JsonStream", "TELEGRAM_COLUMNS",
           "YOUTUBE_COLUMNS"]
