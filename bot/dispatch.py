"""From a parsed webhook event to stored state and a reply.

Each event is claimed by inserting its webhookEventId; a duplicate (redelivery, or
the same event twice at the same moment) fails that insert and is skipped. The
claim and the handler's changes commit together; the reply goes out after commit.
"""
from __future__ import annotations

import json
import logging

from flask import current_app
from linebot.v3.webhooks import Event, MessageEvent, PostbackEvent, TextMessageContent
from sqlalchemy import exc, orm

from bot import texts
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import allowed
from bot.registry import Registry
from bot.replies import Reply, Text
from models import Chat, InboundEvent
from schedules import ledger

log = logging.getLogger(__name__)

# Events that end the bot's presence in a chat: nothing may be pushed there afterwards.
LEAVING = {"leave", "unfollow"}


def handle_event(event: Event, raw: dict, session: orm.Session) -> None:
    if getattr(event, "mode", None) == "standby":  # another channel is answering this chat
        return
    app = current_app
    now = app.extensions["itabot.clock"].now()
    registry: Registry = app.extensions["itabot.registry"]
    event_id = raw.get("webhookEventId") or None
    token = getattr(event, "reply_token", None)
    riders = []
    try:
        session.begin()
        if event_id and not _claim(session, event_id, raw, now):
            return
        ctx = Context(session, now, _chat(session, event, raw, now), _user_id(raw), registry,
                      app.extensions["itabot.calendars"], event_id)
        replies = route(event, raw, ctx)
        if replies and token and ctx.chat is not None:  # reminders not yet pushed here ride along, free
            riders = ledger.claim_riders(session, ctx.chat, now)
        session.commit()
    except Exception:
        log.exception("event %s failed", event_id)
        session.rollback()
        _keep_failed(session, event_id, raw, now)
        replies, riders = [Text(texts.SOMETHING_WENT_WRONG)], []
    if replies and token:
        if riders:
            replies = [*replies, Text("\n\n".join([texts.RIDING_ALONG, *(r.text for r in riders)]))]
        delivered = app.extensions["itabot.gateway"].reply(token, replies)
        if riders:
            with session.begin():
                ledger.settle_riders(session, [r.id for r in riders], delivered)


def route(event: Event, raw: dict, ctx: Context) -> list[Reply]:
    """The replies for one event; an empty list when the bot stays silent."""
    if ctx.chat is not None and raw.get("type") in LEAVING:
        ctx.chat.active = False
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        mention = event.message.mention
        mentioned = tuple(m.user_id for m in (mention.mentionees if mention else []) if getattr(m, "user_id", None))
        return _answer_text(Message(event.message.text, mentioned), ctx)
    if isinstance(event, PostbackEvent):
        action, _, data = (event.postback.data or "").partition(":")
        postback = ctx.registry.postback(action)
        return postback(data, ctx) if postback else []
    handler = ctx.registry.events.get(raw.get("type", ""))
    return handler.handler(event, ctx) if handler else []


def _answer_text(message: Message, ctx: Context) -> list[Reply]:
    command = ctx.registry.match(message)
    if command is None:
        # In a group people talk among themselves: only a 1:1 chat hears "I did not understand".
        return [Text(texts.NOT_UNDERSTOOD)] if ctx.chat and ctx.chat.kind == "user" else []
    if not allowed(ctx.session, ctx.user_id, command.role):
        audit(ctx.session, ctx.now, ctx.user_id, f"command.{command.name}", ctx.chat.id if ctx.chat else None,
              allowed=False, after=message.raw[:500])
        return [Text(texts.NOT_ALLOWED)]
    return command.handler(message, ctx)


def _claim(session: orm.Session, event_id: str, raw: dict, now) -> bool:
    """Insert the event's id as the transaction's first write; False if it was already
    there (a redelivery, or the same event in another request at the same moment)."""
    session.add(_record(event_id, raw, now, "done"))
    try:
        session.flush()
    except exc.IntegrityError:
        session.rollback()
        return False
    return True


def _keep_failed(session: orm.Session, event_id: str | None, raw: dict, now) -> None:
    """The handler failed and rolled back: keep what the user sent, marked failed."""
    if not event_id:
        return
    try:
        with session.begin():
            session.add(_record(event_id, raw, now, "failed"))
    except exc.IntegrityError:
        session.rollback()


def _record(event_id: str, raw: dict, now, status: str) -> InboundEvent:
    return InboundEvent(
        webhook_event_id=event_id[:64], event_type=str(raw.get("type", ""))[:40], chat_id=_chat_id(raw),
        user_id=_user_id(raw), received_at=now, status=status, payload=json.dumps(raw, ensure_ascii=False),
    )


def _source(raw: dict) -> dict:
    source = raw.get("source")
    return source if isinstance(source, dict) else {}


def _chat_id(raw: dict) -> str | None:
    source = _source(raw)
    return source.get("groupId") or source.get("roomId") or source.get("userId")


def _user_id(raw: dict) -> str | None:
    return _source(raw).get("userId")


def _chat(session: orm.Session, event: Event, raw: dict, now) -> Chat | None:
    chat_id, kind = _chat_id(raw), _source(raw).get("type")
    if not chat_id or kind not in ("user", "group", "room"):
        return None
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, kind=kind, first_seen=now, active=True)
        session.add(chat)
    elif not chat.active and raw.get("type") not in LEAVING:
        chat.active = True  # re-added to the group, or followed again
    return chat
