"""From a typed webhook event to stored state and a reply.

The event's claim (`inbound.claim`) and the handler's changes commit together; the reply
goes out after the commit. A command runs only once `permissions.refusal` has let it.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import current_app
from linebot.v3.webhooks import (Event, FileMessageContent, LeaveEvent, MessageEvent, PostbackEvent, TextMessageContent,
                                 UnfollowEvent)
from sqlalchemy import exc, orm

from bot import permissions, texts
from bot.db import begin_writing
from bot.logs import current_event
from bot.context import Context, Interpretation, SentFile, Subject
from bot.ita.calendar import covering
from bot.line.replies import QuickReply, Reply, Text
from bot.nlu.reader import READ_AT_MOST, THINGS_AT_MOST, read
from bot.registry import Command, ContentHandler, Postback
from bot.thai import normalize, storable
from bot.web import outbox
from bot.web.inbound import Origin, event_id, is_recorded, keep_failed, record_of, reply_token
from models import Chat, UnclearMessage
from schedules import ledger

log = logging.getLogger(__name__)

# Events that end the bot's presence in a chat: nothing may be pushed there afterwards.
LEAVING = (LeaveEvent, UnfollowEvent)


def handle_event(event: Event, payload: str, session: orm.Session) -> None:
    """Handle one event; `payload` is the event as LINE sent it, kept only for the record."""
    app = current_app
    received = event_id(event)
    marked = current_event.set(received or "-")  # every log line of this event names it
    try:
        outcome = _handle(app, event, payload, session, received)
    finally:
        current_event.reset(marked)
    app.extensions["itabot.metrics"].events.labels(type=_type_of(event), outcome=outcome).inc()


def _handle(app, event: Event, payload: str, session: orm.Session, received: str | None) -> str:
    if getattr(event, "mode", None) == "standby":  # another channel is answering this chat
        return "standby"
    now = app.extensions["itabot.clock"].now()
    token = reply_token(event)
    record, owed, outcome = None, None, "handled"
    try:
        begin_writing(session)
        outbox.flush_sent(session, at_least=100)  # the outbox thread marks them sooner
        origin = Origin.of(event)
        ctx = Context(session, now, _chat(session, event, origin, now), origin.user_id,
                      app.extensions["itabot.registry"], app.extensions["itabot.calendars"], received)
        replies = route(event, ctx)
        record = record_of(event, payload, now) if received else None
        if replies and token:
            owed = _owed(ctx, record, token, replies)
        if record is not None:
            session.add(record)  # last: a duplicate fails here, and all it did is undone
        session.commit()
    except exc.IntegrityError:
        session.rollback()
        if not (received and is_recorded(session, received)):
            return _failed(app, event, payload, session, now, token)
        session.rollback()
        outbox.answer_again(app, session, received, token)  # a redelivery: what is still owed goes now
        return "duplicate"
    except Exception:
        return _failed(app, event, payload, session, now, token)
    if owed and token:
        replies, matters, riders = owed
        if record is not None:
            outbox.deliver(app, session, record.webhook_event_id, token, replies, record.chat_id, matters, riders)
        else:  # nothing to keep it in (no event id): one attempt
            _reply_once(app, token, replies)
    return outcome


def _failed(app, event: Event, payload: str, session: orm.Session, now, token: str | None) -> str:
    log.exception("event failed")  # the event id is on the line; what was sent is in its record
    app.extensions["itabot.metrics"].errors.labels(where="event").inc()
    session.rollback()
    keep_failed(session, event, payload, now)
    if token:
        _reply_once(app, token, [Text(texts.SOMETHING_WENT_WRONG)])
    return "failed"


def _reply_once(app, token: str, replies: list[Reply]) -> None:
    sent = app.extensions["itabot.gateway"].reply(token, replies)
    app.extensions["itabot.metrics"].replies.labels(outcome=sent).inc()


def _owed(ctx: Context, record, token: str, replies: list[Reply]) -> tuple[list[Reply], bool, bool]:
    """The reply, with the reminders waiting in this chat riding along (free), committed as owed:
    (the replies as they will go out, whether they matter, whether reminders ride along)."""
    # Claimed ("riding") until the outbox knows whether the reply went out.
    riders = ledger.claim_riders(ctx.session, ctx.chat, ctx.now) if ctx.chat is not None else []
    if riders:
        replies = [*replies, Text("\n\n".join([texts.RIDING_ALONG, *(r.text for r in riders)]))]
    matters = ctx.writes or ctx.unclear == "asked back"
    if record is not None:
        outbox.owe(record, token, replies, matters, ctx.now)
    return replies, matters, bool(riders)


def _type_of(event: Event) -> str:
    kind = str(getattr(event, "type", "") or "unknown")
    return kind if kind.isascii() and kind.isidentifier() and len(kind) <= 30 else "other"  # never a label per fuzz


def route(event: Event, ctx: Context) -> list[Reply]:
    """The replies for one event; an empty list when the bot stays silent."""
    if ctx.chat is None:
        return []  # no chat LINE could have named (a source missing or malformed): kept, not answered
    if isinstance(event, LEAVING):
        ctx.chat.active = False
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        return _answer_text(event.message, ctx)
    if isinstance(event, MessageEvent) and isinstance(event.message, FileMessageContent):
        handler = ctx.registry.contents.get(FileMessageContent)
        return run(handler, _sent_file(event.message), event.message.file_name or "", ctx) if handler else []
    if isinstance(event, PostbackEvent):
        action, _, data = (event.postback.data or "").partition(":")
        postback = ctx.registry.postback(action)
        return run(postback, data, event.postback.data, ctx) if postback else []
    handler = ctx.registry.events.get(type(event))
    return handler(event, ctx) if handler else []


def _sent_file(message: FileMessageContent) -> SentFile:
    gateway = current_app.extensions["itabot.gateway"]
    return SentFile(storable(message.file_name or "")[:200], message.file_size or 0,
                    lambda limit: gateway.content(message.id, limit))


def _answer_text(content: TextMessageContent, ctx: Context) -> list[Reply]:
    """Read the message once; answer each thing it says. In a group only what is about ITA or
    speaks to the bot is answered; in 1:1 what is not understood gets "did you mean" buttons."""
    text, mentioned, addressed = _without_mentions(content)
    province_id = ctx.own_province_id
    cycle = covering(ctx.cycles(province_id), ctx.today)
    said_all = read(text, current_app.extensions["itabot.vocabulary"], today=ctx.today,
                    steps=cycle.lexicon if cycle else {},
                    units=_Later(lambda: current_app.extensions["itabot.units"].of(ctx.session, province_id)),
                    mentions=mentioned, addressed=addressed,
                    one_to_one=ctx.chat is not None and ctx.chat.kind == "user")
    in_group = ctx.chat is not None and ctx.chat.kind != "user"
    whole = [s.intent for s in said_all] == ["itas_figures"]  # a pasted page is read whole, however long
    left_over = len(said_all) > THINGS_AT_MOST or (len(text) > READ_AT_MOST and not whole)
    replies: list[Reply] = []
    for said in said_all[:THINGS_AT_MOST]:
        if in_group and not (said.addressed or said.ita):
            continue  # people talk among themselves
        command = ctx.registry.match(said)
        if command is None:
            ctx.unclear = "not understood"
            replies += did_you_mean(said, ctx)
        else:
            replies += run(command, said, content.text, ctx)
    if left_over and replies:
        replies.append(Text(texts.TOO_MUCH_AT_ONCE.format(done=min(len(said_all), THINGS_AT_MOST))))
    if ctx.unclear and ctx.chat is not None:
        ctx.session.add(UnclearMessage(text=storable(normalize(text))[:2000], chat_kind=ctx.chat.kind,
                                       reason=ctx.unclear, received_at=ctx.now))
    return replies


class _Later(Mapping):
    """A mapping read from the database only if the reader asks for it (few messages do)."""

    def __init__(self, load):
        self._load, self._found = load, None

    def _mapping(self) -> Mapping:
        if self._found is None:
            self._found = self._load()
        return self._found

    def __getitem__(self, key):
        return self._mapping()[key]

    def __iter__(self):
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


def _without_mentions(content: TextMessageContent) -> tuple[str, tuple[str, ...], bool]:
    """The text without its @mentions, who was mentioned, and whether the bot was."""
    mentionees = content.mention.mentionees if content.mention else []
    text = content.text
    for mentionee in sorted(mentionees, key=lambda m: m.index, reverse=True):
        text = text[:mentionee.index] + " " + text[mentionee.index + mentionee.length:]
    people = tuple(m.user_id for m in mentionees if getattr(m, "user_id", None) and not getattr(m, "is_self", False))
    # What cannot be stored or sent back (half of a surrogate pair, NUL) is not read either.
    return storable(text), people, any(getattr(m, "is_self", False) for m in mentionees)


def did_you_mean(said: Interpretation, ctx: Context) -> list[Reply]:
    """Not understood: buttons for the nearest commands, else the main ones."""
    near = [ctx.registry.by_intent[name] for name in said.near if name in ctx.registry.by_intent]
    examples = [c.example for c in near if c.listed and c.example]
    if examples:
        buttons = tuple(QuickReply(e, e) for e in [*examples, "ช่วยเหลือ"])
        return [Text(texts.DID_YOU_MEAN, buttons)]
    main = current_app.extensions["itabot.vocabulary"].main_buttons
    return [Text(texts.NOT_UNDERSTOOD, tuple(QuickReply(b, b) for b in main))]


def run(command: Command | Postback | ContentHandler, said: object, sent: str, ctx: Context) -> list[Reply]:
    """Find what the command acts on, let permissions decide, then run the handler."""
    found = command.subject(said, ctx)
    subject = found if isinstance(found, Subject) else Subject()
    refusal = permissions.refusal(ctx, command, subject, sent)
    if refusal is not None:
        return [Text(refusal)]
    if not isinstance(found, Subject):
        return found  # the subject could not be settled: the handler's question, e.g. "which unit?"
    ctx.subject = subject
    ctx.writes = ctx.writes or command.writes
    return command.handler(said, ctx)


def _chat(session: orm.Session, event: Event, origin: Origin, now) -> Chat | None:
    if not origin.chat_id:
        return None
    chat = session.get(Chat, origin.chat_id)
    if chat is None:
        chat = Chat(id=origin.chat_id, kind=origin.kind, first_seen=now, active=True)
        session.add(chat)
    elif not chat.active and not isinstance(event, LEAVING):
        chat.active = True  # re-added to the group, or followed again
    return chat
