"""The reply each event owes, so that every answer reaches its user exactly once.

The reply is committed with the event and its effects ("owed"), then sent with a short timeout
(LINE_TIMEOUT), so LINE gets its 200 in time even when the reply API hangs. What failed is sent
again while its token is fresh: by `send_owed` (a thread of each `itabot serve` process), or on
LINE's own redelivery, whose fresh token is used (`answer_again`). A token that expired or was
refused hands the answer to the reminder ledger: pushed when it matters (something was written,
or the bot asked back), else riding along in the chat's next reply.

The common case costs no extra statement: a reply LINE accepted is marked "sent" in batches
(`flush_sent`: by the outbox thread within seconds, before anything else here looks at owed
replies, or with an event once a hundred are waiting), and nobody else takes an owed reply
before it is SETTLE_TIME old. A process
killed inside that window leaves a reply to be sent again, which LINE refuses (its token is
spent) and the ledger then delivers: a report's answer twice, never none.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask
from sqlalchemy import orm

from bot import texts
from bot.db import writing
from bot.line.replies import Reply, Text, from_json, readable, to_json
from models import InboundEvent
from schedules import ledger
from schedules.notices import leave_notice

log = logging.getLogger(__name__)

TOKEN_FRESH = timedelta(seconds=50)  # LINE takes a reply token for about a minute after the event
SETTLE_TIME = timedelta(seconds=15)  # an owed reply nobody tried this long after its token came is orphaned

_sent_lock = threading.Lock()
_sent: list[str] = []  # accepted by LINE, not yet marked in the database (this process)


def owe(record: InboundEvent, token: str, replies: list[Reply], matters: bool, now: datetime) -> None:
    """Before the commit: the answer becomes part of what the event did."""
    record.reply_state, record.reply_token, record.reply_token_at = "owed", token, now
    record.reply_body, record.reply_matters = to_json(replies), matters


def flush_sent(session: orm.Session, at_least: int = 1) -> None:
    """Inside a transaction: mark the replies this process has seen accepted, once there are
    `at_least` of them. They are forgotten here once that transaction commits; rolled back, they
    are marked with the next one."""
    with _sent_lock:
        done = list(_sent) if len(_sent) >= at_least else []
    if not done:
        return
    session.execute(sa.update(InboundEvent).where(InboundEvent.webhook_event_id.in_(done),
                                                  InboundEvent.reply_state.in_(("owed", "sending")))
                    .values(reply_state="sent"))

    def forget(_session) -> None:
        with _sent_lock:
            _sent[:] = [e for e in _sent if e not in set(done)]

    sa.event.listen(session, "after_commit", forget, once=True)


def deliver(app: Flask, session: orm.Session, event_id: str, token: str, replies: list[Reply], chat_id: str | None,
            matters: bool, riders: bool) -> str:
    """The first attempt, right after the commit: "sent", "retry"/"timeout" (left owed) or "handed"."""
    gateway = app.extensions["itabot.gateway"]
    outcome = gateway.reply(token, replies)
    if outcome == "retry":  # a lone 5xx usually passes the second time; a timeout has used the time up
        outcome = gateway.reply(token, replies)
    if outcome == "sent" and not riders:
        with _sent_lock:
            _sent.append(event_id)
    else:
        with writing(session):
            outcome = _record(session, event_id, outcome, chat_id, replies, matters, app)
    app.extensions["itabot.metrics"].replies.labels(outcome=outcome).inc()
    return outcome


def answer_again(app: Flask, session: orm.Session, event_id: str, token: str | None) -> str:
    """LINE redelivered an event already handled (the process died, or the reply failed): what
    it still owes goes now, with the redelivery's fresh token."""
    if not token:
        return ""
    now = app.extensions["itabot.clock"].now()
    with writing(session):
        flush_sent(session)
        moved = session.execute(sa.update(InboundEvent).where(
            InboundEvent.webhook_event_id == event_id, InboundEvent.reply_state == "owed")
            .values(reply_token=token, reply_token_at=now, reply_tried_at=None)).rowcount
    return _again(app, session, event_id, now, any_age=True) if moved else ""


def send_owed(app: Flask, session: orm.Session) -> dict[str, int]:
    """Owed replies that failed, or that nobody tried within SETTLE_TIME: sent again while their
    token is fresh, else handed to the ledger."""
    now = app.extensions["itabot.clock"].now()
    with writing(session):
        flush_sent(session)
        owing = session.scalars(sa.select(InboundEvent.webhook_event_id).where(_orphaned(now))
                                .order_by(InboundEvent.reply_token_at).limit(500)).all()
    done: dict[str, int] = {}
    for event_id in owing:
        outcome = _again(app, session, event_id, now)
        if outcome:
            done[outcome] = done.get(outcome, 0) + 1
    return done


def _again(app: Flask, session: orm.Session, event_id: str, now: datetime, any_age: bool = False) -> str:
    """Take an owed reply (a conditional UPDATE: one taker), send it or hand it over."""
    with writing(session):
        taken = session.execute(
            sa.update(InboundEvent)
            .where(InboundEvent.webhook_event_id == event_id,
                   InboundEvent.reply_state == "owed" if any_age else _orphaned(now))
            .values(reply_state="sending", reply_tried_at=now, reply_attempts=InboundEvent.reply_attempts + 1)
            .returning(InboundEvent.reply_token, InboundEvent.reply_body, InboundEvent.reply_token_at,
                       InboundEvent.reply_matters, InboundEvent.chat_id)).first()
    if taken is None:
        return ""
    token, body, issued, matters, chat_id = taken
    replies = from_json(body)
    stale = now - issued >= TOKEN_FRESH
    outcome = "refused" if stale else app.extensions["itabot.gateway"].reply(token, replies)
    with writing(session):
        outcome = _record(session, event_id, outcome, chat_id, replies, matters, app, stale)
    app.extensions["itabot.metrics"].replies.labels(outcome=outcome).inc()
    return outcome


def _record(session: orm.Session, event_id: str, outcome: str, chat_id: str | None, replies: list[Reply],
            matters: bool, app: Flask, stale: bool = False) -> str:
    now = app.extensions["itabot.clock"].now()
    if outcome == "sent":
        _set(session, event_id, reply_state="sent")
        ledger.settle_riding(session, chat_id, delivered=True)
        return "sent"
    if outcome == "refused" or stale:
        if chat_id:  # only the answer: the reminders that rode along go back to the ledger, as they were
            answer = [r for r in replies if not (isinstance(r, Text) and r.text.startswith(texts.RIDING_ALONG))]
            leave_notice(session, [chat_id], f"reply:{event_id}", readable(answer), now, days=0,
                         kind="answer" if matters else "aside")
        ledger.settle_riding(session, chat_id, delivered=False)
        _set(session, event_id, reply_state="handed")
        return "handed"
    _set(session, event_id, reply_state="owed", reply_tried_at=now)  # tried and failed: the outbox sends it again
    return outcome


def _set(session: orm.Session, event_id: str, **values) -> None:
    session.execute(sa.update(InboundEvent).where(InboundEvent.webhook_event_id == event_id).values(**values))


def _orphaned(now: datetime):
    """Owed and tried without success, or never tried within SETTLE_TIME (its process died), or
    left "sending" that long (its process died mid-call)."""
    return sa.or_(
        sa.and_(InboundEvent.reply_state == "owed",
                sa.or_(InboundEvent.reply_tried_at.is_not(None), InboundEvent.reply_token_at < now - SETTLE_TIME)),
        sa.and_(InboundEvent.reply_state == "sending", InboundEvent.reply_tried_at < now - SETTLE_TIME))
