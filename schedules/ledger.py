"""The reminder ledger and its outbox: every statement that reads or writes deliveries and pushes.

A delivery is one reminder for one chat; a push is one call to LINE carrying a chat's
deliveries, its retry key committed before the call. Every write that decides whether
something goes out is a conditional UPDATE on the row's status, so the scheduler's pass
and a webhook reply claiming the same reminder cannot both win, on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy import orm

from models import Chat, Delivery, Push
from models.reminder import WAITING
from schedules.plan import Reminder

RIDING_SETTLES_AFTER = timedelta(minutes=10)  # a reply claimed longer ago than this went out, or never will


@dataclass(frozen=True)
class Outgoing:
    """A push ready to go: its retry key and exact texts are already committed."""

    id: int
    chat_id: str
    retry_key: str
    texts: list[str]
    cost: int
    attempts: int


# -- planning into the ledger ---------------------------------------------------------------
def record_due(session: orm.Session, due: Iterable[Reminder], now: datetime) -> int:
    """Add to the ledger the due reminders it does not hold yet; how many were new."""
    rows = [{"reminder_key": r.key, "chat_id": r.chat_id, "kind": r.kind, "text": r.text, "deadline": r.deadline,
             "due_at": r.due_at, "fresh_until": r.good_until, "status": "pending", "planned_at": now}
            for r in not_recorded(session, due)]
    if rows:
        session.execute(sa.insert(Delivery), rows)
    return len(rows)


def not_recorded(session: orm.Session, due: Iterable[Reminder]) -> list[Reminder]:
    due = list(due)
    if not due:
        return []
    known = set(session.execute(sa.select(Delivery.reminder_key, Delivery.chat_id)
                                .where(Delivery.reminder_key.in_({r.key for r in due}))))
    return [r for r in due if (r.key, r.chat_id) not in known]


def expire(session: orm.Session, now: datetime) -> int:
    """Drop what is no longer true or wanted; settle replies that were claimed long ago."""
    today = now.date()
    stale_pushes = sa.select(Push.id).where(Push.status == "pending", Push.fresh_until < today)
    session.execute(sa.update(Delivery).where(Delivery.push_id.in_(stale_pushes), Delivery.status == "pushing")
                    .values(status="dropped", reason="stale"))
    session.execute(sa.update(Push).where(Push.status == "pending", Push.fresh_until < today)
                    .values(status="failed", last_error="stale"))
    dropped = session.execute(sa.update(Delivery).where(Delivery.status.in_(WAITING), Delivery.fresh_until < today)
                              .values(status="dropped", reason="stale")).rowcount
    switched_off = sa.select(Chat.id).where(sa.or_(~Chat.active, ~Chat.reminders_on))
    dropped += session.execute(sa.update(Delivery).where(Delivery.status.in_(WAITING), Delivery.chat_id.in_(switched_off))
                               .values(status="dropped", reason="chat off")).rowcount
    session.execute(sa.update(Delivery).where(Delivery.status == "riding", Delivery.sent_at < now - RIDING_SETTLES_AFTER)
                    .values(status="sent", via="reply"))
    return dropped


# -- what may go out ------------------------------------------------------------------------
def waiting(session: orm.Session, now: datetime) -> list[Delivery]:
    """Deliveries that may be pushed now: due, fresh, in an active chat with reminders on,
    and not behind a push of that chat still in flight (a chat gets one push at a time)."""
    return list(session.scalars(
        sa.select(Delivery).join(Chat, Chat.id == Delivery.chat_id)
        .where(Delivery.status.in_(WAITING), Delivery.due_at <= now, Delivery.fresh_until >= now.date(),
               Delivery.kind != "aside", Chat.active, Chat.reminders_on, Delivery.chat_id.not_in(_in_flight()))
        .order_by(Delivery.chat_id, Delivery.id)))


def open_to_push(session: orm.Session, chat_ids: set[str]) -> set[str]:
    """Of these chats, those `waiting` would take new reminders for."""
    return set(session.scalars(sa.select(Chat.id).where(
        Chat.id.in_(chat_ids), Chat.active, Chat.reminders_on, Chat.id.not_in(_in_flight()))))


def _in_flight():
    return sa.select(Push.chat_id).where(Push.status == "pending")


def retries(session: orm.Session, now: datetime) -> list[Outgoing]:
    """Pushes tried before and due again, with the same retry key and texts."""
    return [Outgoing(p.id, p.chat_id, p.retry_key, json.loads(p.texts), p.cost, p.attempts) for p in session.scalars(
        sa.select(Push).where(Push.status == "pending", Push.next_attempt_at <= now).order_by(Push.id))]


def defer(session: orm.Session, delivery_ids: list[int]) -> None:
    session.execute(sa.update(Delivery).where(Delivery.id.in_(delivery_ids), Delivery.status == "pending")
                    .values(status="deferred", reason="quota"))


def left_waiting(session: orm.Session, until: dict[str, date]) -> None:
    """These chats keep reminders waiting (chat id -> the last day one of them holds): their replies carry them."""
    if until:
        session.execute(sa.update(Chat), [{"id": chat_id, "riders_until": day} for chat_id, day in until.items()])


# -- the outbox -----------------------------------------------------------------------------
def new_pushes(session: orm.Session, chosen: list[tuple[str, int, list[Delivery]]], now: datetime) -> list[Outgoing]:
    """One push per (chat, cost, deliveries), committed with its retry key before any call;
    a few bulk statements whatever the number of chats."""
    if not chosen:
        return []
    rows = [{"chat_id": chat_id, "retry_key": str(uuid.uuid4()), "texts": "[]", "cost": cost, "status": "pending",
             "attempts": 0, "next_attempt_at": now, "created_at": now,
             "fresh_until": min(d.fresh_until for d in deliveries)} for chat_id, cost, deliveries in chosen]
    pushes = {chat_id: (push_id, key) for push_id, chat_id, key in session.execute(
        sa.insert(Push).returning(Push.id, Push.chat_id, Push.retry_key, sort_by_parameter_order=True), rows)}
    claimed = _claim_for_pushes(session, {d.id: pushes[chat_id][0] for chat_id, _, deliveries in chosen for d in deliveries})
    outgoing, empty = [], []
    for chat_id, cost, deliveries in chosen:
        push_id, key = pushes[chat_id]
        mine = sorted((d for d in deliveries if claimed.get(d.id) == push_id), key=reading_order)
        if not mine:  # a reply took them all meanwhile
            empty.append(push_id)
            continue
        outgoing.append(Outgoing(push_id, chat_id, key, [d.text for d in mine], cost, 0))
    if empty:
        session.execute(sa.delete(Push).where(Push.id.in_(empty)))
    if outgoing:
        session.execute(sa.update(Push), [{"id": p.id, "texts": json.dumps(p.texts, ensure_ascii=False)} for p in outgoing])
    return outgoing


def _claim_for_pushes(session: orm.Session, push_of: dict[int, int]) -> dict[int, int]:
    """Put deliveries in their pushes (delivery id -> push id); what was actually claimed
    (a reply may have taken some meanwhile)."""
    session.connection().execute(
        sa.update(Delivery.__table__)
        .where(Delivery.id == sa.bindparam("delivery"), sa.or_(*(Delivery.status == s for s in WAITING)))
        .values(status="pushing", push_id=sa.bindparam("push")),
        [{"delivery": d, "push": p} for d, p in push_of.items()])
    return dict(session.execute(sa.select(Delivery.id, Delivery.push_id).where(
        Delivery.push_id.in_(set(push_of.values())), Delivery.status == "pushing")).all())


def reading_order(item) -> tuple:
    """Notices first, then deadlines by date, then nudges."""
    return item.kind != "notice", item.kind != "deadline", item.deadline, item.id


def pushed(session: orm.Session, push_ids: list[int], now: datetime) -> None:
    """LINE accepted these pushes (200, or 409 for an earlier attempt under the same key)."""
    if push_ids:
        session.execute(sa.update(Push).where(Push.id.in_(push_ids))
                        .values(status="sent", sent_at=now, attempts=Push.attempts + 1))
        session.execute(sa.update(Delivery).where(Delivery.push_id.in_(push_ids), Delivery.status == "pushing")
                        .values(status="sent", via="push", sent_at=now))


def try_again(session: orm.Session, push: Outgoing, attempts: int, at: datetime, error: str) -> None:
    session.execute(sa.update(Push).where(Push.id == push.id, Push.status == "pending")
                    .values(attempts=attempts, next_attempt_at=at, last_error=error[:200]))


def give_up(session: orm.Session, push: Outgoing, error: str, reason: str) -> None:
    """LINE refused the push for good: it and its deliveries are never sent."""
    session.execute(sa.update(Push).where(Push.id == push.id)
                    .values(status="failed", attempts=push.attempts + 1, last_error=error[:200]))
    session.execute(sa.update(Delivery).where(Delivery.push_id == push.id, Delivery.status == "pushing")
                    .values(status="dropped", reason=reason))


def chats_gone(session: orm.Session, chat_ids: set[str]) -> None:
    """The bot is no longer in these chats: nothing more goes there."""
    session.execute(sa.update(Chat).where(Chat.id.in_(chat_ids)).values(active=False))
    session.execute(sa.update(Delivery).where(Delivery.chat_id.in_(chat_ids), Delivery.status.in_(WAITING))
                    .values(status="dropped", reason="chat gone"))


# -- riding along in replies ----------------------------------------------------------------
def claim_riders(session: orm.Session, chat: Chat, now: datetime) -> list[Delivery]:
    """A reply is about to go to this chat: take the reminders still waiting for it, to ride along free."""
    if not (chat.active and chat.reminders_on and chat.riders_until and chat.riders_until >= now.date()):
        return []
    rows = session.execute(
        sa.update(Delivery)
        .where(Delivery.chat_id == chat.id, Delivery.status.in_(WAITING), Delivery.due_at <= now,
               Delivery.fresh_until >= now.date())
        .values(status="riding", sent_at=now)
        .returning(Delivery.id, Delivery.kind, Delivery.deadline, Delivery.text)).all()
    return sorted(rows, key=reading_order)


def settle_riding(session: orm.Session, chat_id: str | None, delivered: bool) -> None:
    """The reply the chat's riding reminders went with was delivered, or will not be."""
    ids = session.scalars(sa.select(Delivery.id).where(Delivery.chat_id == chat_id, Delivery.status == "riding")).all()
    if ids:
        settle_riders(session, list(ids), delivered)


def settle_riders(session: orm.Session, ids: list[int], delivered: bool) -> None:
    """After the reply: delivered, or back to waiting for the next push or reply."""
    waiting_again = sa.case((Delivery.reason == "quota", "deferred"), else_="pending")
    values = {"status": "sent", "via": "reply"} if delivered else {"status": waiting_again, "sent_at": None}
    session.execute(sa.update(Delivery).where(Delivery.id.in_(ids), Delivery.status == "riding").values(**values))
