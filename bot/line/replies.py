"""What handlers answer with: plain data, turned into SDK messages only by the gateway.

`fit` makes any list of replies respect LINE's limits, so no handler has to.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace

from bot.thai import storable_json

MAX_MESSAGES = 5  # per reply or push call
MAX_TEXT_UTF16 = 5000  # per text message
MAX_QUICK_REPLIES = 13
MAX_LABEL = 20  # quick reply button label


@dataclass(frozen=True)
class QuickReply:
    """A button under the chat: sends `text` as if the user typed it, or, as a postback,
    sends `text` to the bot as data (for confirmations that must not be retyped)."""

    label: str
    text: str
    postback: bool = False


@dataclass(frozen=True)
class Text:
    text: str
    quick_replies: tuple[QuickReply, ...] = ()


@dataclass(frozen=True)
class Flex:
    alt_text: str
    contents: dict
    quick_replies: tuple[QuickReply, ...] = ()


Reply = Text | Flex


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT_UTF16) -> list[str]:
    """Cut a long text into pieces within `limit` UTF-16 units, at line breaks when possible."""
    if len(text) * 2 <= limit:  # no character takes more than two units: nothing to cut
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while utf16_len(line) > limit:  # a single huge line: cut it by characters
            head = _utf16_prefix(line, limit)
            line = line[len(head):]
            pieces.extend(p for p in (current, head) if p)
            current = ""
        if utf16_len(current) + utf16_len(line) > limit:
            pieces.append(current)
            current = ""
        current += line
    if current or not pieces:
        pieces.append(current)
    return [p.rstrip("\n") or p for p in pieces]


def _utf16_prefix(text: str, limit: int) -> str:
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def fit(replies: list[Reply]) -> list[Reply]:
    """At most 5 messages, texts within 5,000 UTF-16 units, at most 13 quick replies,
    and those only on the last message, the only place LINE shows them."""
    messages: list[Reply] = []
    quick: tuple[QuickReply, ...] = ()
    for reply in replies:
        quick = reply.quick_replies or quick
        if isinstance(reply, Text):
            messages.extend(Text(piece) for piece in split_text(reply.text))
        else:
            messages.append(replace(reply, quick_replies=()))
    if len(messages) > MAX_MESSAGES:
        messages = _merge_tail(messages)
    quick = tuple(replace(q, label=q.label[:MAX_LABEL]) for q in quick[:MAX_QUICK_REPLIES])
    if messages and quick:
        messages[-1] = replace(messages[-1], quick_replies=quick)
    return messages


def _merge_tail(messages: list[Reply]) -> list[Reply]:
    """Too many messages: keep the first four, and fold the rest into the fifth as text."""
    head, tail = messages[: MAX_MESSAGES - 1], messages[MAX_MESSAGES - 1:]
    text = "\n\n".join(m.text if isinstance(m, Text) else m.alt_text for m in tail)
    return head + [Text(split_text(text)[0])]


def to_json(replies: list[Reply]) -> str:
    """Replies as JSON, to be kept with the event they answer and sent again if need be."""
    return storable_json([_plain(r) for r in replies])


def from_json(kept: str) -> list[Reply]:
    found: list[Reply] = []
    for item in json.loads(kept):
        buttons = tuple(QuickReply(*b) for b in item.get("quick", ()))
        found.append(Flex(item["alt"], item["flex"], buttons) if "flex" in item else Text(item["text"], buttons))
    return found


def readable(replies: list[Reply]) -> str:
    """What a person reads of replies: the texts, or a Flex message's alternative text."""
    return "\n\n".join(r.text if isinstance(r, Text) else r.alt_text for r in replies)


def _plain(reply: Reply) -> dict:
    item: dict = {"text": reply.text} if isinstance(reply, Text) else {"alt": reply.alt_text, "flex": reply.contents}
    if reply.quick_replies:
        item["quick"] = [(q.label, q.text, q.postback) for q in reply.quick_replies]
    return item
