"""Plays LINE's part without a LINE account: builds webhook events as LINE sends them,
signs them with the channel secret, posts them to the app, and reads the bot's answer
from the fake LINE API. Used by `itabot chat`, the tests and the benchmarks."""
from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import threading
import uuid
from dataclasses import dataclass

from flask import Flask

from bot.clock import Clock
from bot.line.fakeline import FakeLine

_ids = itertools.count(1)


def sign(secret: str, body: bytes) -> str:
    """x-line-signature: base64(HMAC-SHA256(body, channel secret))."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def source(user: str | None = None, group: str | None = None, room: str | None = None) -> dict:
    if group:
        return {"type": "group", "groupId": group, **({"userId": user} if user else {})}
    if room:
        return {"type": "room", "roomId": room, **({"userId": user} if user else {})}
    return {"type": "user", "userId": user}


def event(kind: str, src: dict, *, clock: Clock | None = None, mode: str = "active",
          event_id: str | None = None, redelivery: bool = False, **fields) -> dict:
    """A webhook event dict of the given type; `fields` adds the type's own parts."""
    number = next(_ids)
    body = {
        "type": kind,
        "mode": mode,
        "timestamp": int((clock or Clock()).now().timestamp() * 1000),
        "source": src,
        "webhookEventId": event_id or f"01SIM{uuid.uuid4().hex[:21].upper()}",
        "deliveryContext": {"isRedelivery": redelivery},
        **fields,
    }
    if kind not in ("unfollow", "leave"):
        body.setdefault("replyToken", f"rt{number}{uuid.uuid4().hex[:16]}")
    return body


def text_event(text: str, src: dict, **options) -> dict:
    message = {"id": str(next(_ids)), "type": "text", "text": text, "quoteToken": uuid.uuid4().hex}
    return event("message", src, message=message, **options)


def file_event(file_name: str, file_size: int, src: dict, **options) -> dict:
    message = {"id": str(next(_ids)), "type": "file", "fileName": file_name, "fileSize": file_size}
    return event("message", src, message=message, **options)


def postback_event(data: str, src: dict, **options) -> dict:
    return event("postback", src, postback={"data": data}, **options)


class Replies(list):
    """The messages the bot answered with, as LINE received them; `.text` is what a person reads."""

    @property
    def texts(self) -> list[str]:
        return [message_text(m) for m in self]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


class LineSimulator:
    """Plays LINE, and the people writing in it: tests read `line.say("IIT 45", user=STAFF)`."""

    def __init__(self, app: Flask, fake: FakeLine, secret: str, destination: str = "Ubot0000000000000000000000000000"):
        self.app, self.fake, self.secret, self.destination = app, fake, secret, destination
        self.client = app.test_client()

    @property
    def clock(self) -> Clock:
        return self.app.extensions["itabot.clock"]

    def body(self, events: list[dict]) -> bytes:
        return json.dumps({"destination": self.destination, "events": events}, ensure_ascii=False).encode()

    def post(self, events: list[dict] | None = None, *, body: bytes | None = None, signature: str | None = None,
             client=None):
        """POST /callback as LINE would; returns the Flask response."""
        if body is None:
            body = self.body(events or [])
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "X-Line-Signature": sign(self.secret, body) if signature is None else signature}
        return (client or self.client).post("/callback", data=body, headers=headers)

    def post_together(self, *bodies: list[dict]) -> list[int]:
        """Post each list of events in its own request, all at the same moment (as LINE does
        when it redelivers, or when two people write at once); the statuses, in order."""
        start = threading.Barrier(len(bodies))
        statuses = [0] * len(bodies)

        def deliver(number: int, events: list[dict]) -> None:
            client = self.app.test_client()  # one per thread: a test client is not thread-safe
            start.wait()
            statuses[number] = self.post(events, client=client).status_code

        threads = [threading.Thread(target=deliver, args=(n, events)) for n, events in enumerate(bodies)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return statuses

    def send(self, *events: dict) -> Replies:
        """Post events and return the messages the bot replied to them, in order."""
        response = self.post(list(events))
        assert response.status_code == 200, response.status_code
        tokens = {e.get("replyToken") for e in events}
        return Replies(m for call in self.fake.replies() if call.get("replyToken") in tokens for m in call["messages"])

    def say(self, text: str, *, user: str | None = "Utester00000000000000000000000000",
            group: str | None = None, room: str | None = None, **options) -> Replies:
        """`user` writes `text` in their 1:1 chat, or in `group` or `room`; the bot's answer."""
        return self.send(text_event(text, source(user, group, room), clock=self.clock, **options))

    def send_file(self, file_name: str, data: bytes, *, user: str | None = "Utester00000000000000000000000000",
                  group: str | None = None, size: int | None = None) -> Replies:
        """`user` sends a file in 1:1 (or in `group`): LINE keeps its content for the bot to fetch."""
        sent = file_event(file_name, len(data) if size is None else size, source(user, group), clock=self.clock)
        self.fake.set_content(sent["message"]["id"], data)
        return self.send(sent)

    def tap(self, message: dict, label_starts: str, *, user: str | None = "Utester00000000000000000000000000",
            group: str | None = None, room: str | None = None) -> Replies:
        """Press a quick-reply button of a message the bot sent, as the user would."""
        item = next(i["action"] for i in message["quickReply"]["items"] if i["action"]["label"].startswith(label_starts))
        if item["type"] == "postback":
            return self.send(postback_event(item["data"], source(user, group, room), clock=self.clock))
        return self.say(item["text"], user=user, group=group, room=room)


def message_text(message: dict) -> str:
    """What a person would read: the text, or a Flex message's alternative text."""
    return message.get("text") or message.get("altText") or f"[{message.get('type')}]"


@dataclass(frozen=True)
class Shown:
    """One message as a chat shows it: what a person sent, or what the bot sent (a reply or a push)."""
    order: int  # the fake LINE's call count when it happened: one clock for both sides
    mine: bool  # sent by a person (shown on the right)
    sender: str  # a person's user id, or "bot"
    message: dict  # a LINE message object (a person's: {"type": "text", "text": ...})
    push: bool = False


class Conversations:
    """The chats as LINE would show them in the simulator: what people sent (kept here, as LINE
    keeps it), and the bot's side read only from the calls the fake LINE received."""

    def __init__(self, app: Flask, fake: FakeLine, secret: str):
        self.simulator = LineSimulator(app, fake, secret)
        self.fake = fake
        self._lock = threading.Lock()
        self._sent: list[tuple[Shown, str, str | None]] = []  # (shown, chat id, reply token)

    def send(self, chat_id: str, user_id: str, shown_text: str, sent: dict) -> int:
        """Post `sent` (an event of `user_id` in `chat_id`) to /callback, signed; its HTTP status."""
        with self._lock:
            self._sent.append((Shown(len(self.fake.calls), True, user_id, {"type": "text", "text": shown_text}),
                               chat_id, sent.get("replyToken")))
        return self.simulator.post([sent], client=self.simulator.app.test_client()).status_code

    def say(self, text: str, user_id: str, group: str | None) -> int:
        return self.send(group or user_id, user_id, text,
                         text_event(text, source(user_id, group), clock=self.simulator.clock))

    def press(self, data: str, shown_text: str, user_id: str, group: str | None) -> int:
        return self.send(group or user_id, user_id, shown_text,
                         postback_event(data, source(user_id, group), clock=self.simulator.clock))

    def timeline(self, chat_id: str) -> list[Shown]:
        """The chat's messages in order: the people's, then each reply and push LINE accepted."""
        with self._lock:
            mine = [shown for shown, chat, _ in self._sent if chat == chat_id]
            tokens = {token for _, chat, token in self._sent if chat == chat_id and token}
        theirs = []
        for order, call in enumerate(self.fake.calls):
            body = call.body if isinstance(call.body, dict) else {}
            if call.status != 200 or call.method != "POST":
                continue
            reply = call.path == "/v2/bot/message/reply" and body.get("replyToken") in tokens
            push = call.path == "/v2/bot/message/push" and body.get("to") == chat_id
            if reply or push:
                theirs += [Shown(order, False, "bot", m, push) for m in body.get("messages", [])]
        return sorted(mine + theirs, key=lambda s: (s.order, not s.mine))
