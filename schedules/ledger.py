"""The reminder ledger: what was planned for which chat, and what became of it.

Every write that decides whether something goes out is a conditional UPDATE on the row's
status, so the scheduler's pass and a webhook reply claiming the same reminder cannot both
win, on SQLite and on PostgreSQL alike.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy import orm

from models import Chat, Delivery, Push
from models.reminder import WAITING
from schedules.plan import Reminder

RIDING_SETTLES_AFTER = timedelta(minutes=10)  # a reply claimed longer ago than this went out, or never will


def record_due(session: orm.Session, due: Iterable[Reminder], now: datetime) -> int:
    """Add to the ledger the due reminders it does not hold yet; how many were new."""
    due = list(due)
    if not due:
        return 0
    known = set(session.execute(sa.select(Delivery.reminder_key, Delivery.chat_id)
                                .where(Delivery.reminder_key.in_({r.key for r in due}))))
    rows = [{"reminder_key": r.key, "chat_id": r.chat_id, "kind": r.kind, "text": r.text, "deadline": r.deadline,
             "due_at": r.due_at, "fresh_until": r.good_until, "status": "pending", "planned_at": now}
            for r in due if (r.key, r.chat_id) not in known]
    if rows:
        session.execute(sa.insert(Delivery), rows)
    return len(rows)


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


def waiting(session: orm.Session, now: datetime) -> list[Delivery]:
    """Deliveries that may be pushed now: due, fresh, in an active chat with reminders on,
    and not behind a push of that chat still in flight (a chat gets one push at a time)."""
    in_flight = sa.select(Push.chat_id).where(Push.status == "pending")
    return list(session.scalars(
        sa.select(Delivery).join(Chat, Chat.id == Delivery.chat_id)
        .where(Delivery.status.in_(WAITING), Delivery.due_at <= now, Delivery.fresh_until >= now.date(),
               Chat.active, Chat.reminders_on, Delivery.chat_id.not_in(in_flight))
        .order_by(Delivery.chat_id, Delivery.id)))


def claim_for_pushes(session: orm.Session, push_of: dict[int, int]) -> dict[int, int]:
    """Put deliveries in their pushes (delivery id -> push id); what was actually claimed, as
    delivery id -> push id (a reply may have taken some meanwhile)."""
    if not push_of:
        return {}
    session.connection().execute(
        sa.update(Delivery.__table__)
        .where(Delivery.id == sa.bindparam("delivery"), sa.or_(*(Delivery.status == s for s in WAITING)))
        .values(status="pushing", push_id=sa.bindparam("push")),
        [{"delivery": d, "push": p} for d, p in push_of.items()])
    return dict(session.execute(sa.select(Delivery.id, Delivery.push_id).where(
        Delivery.push_id.in_(set(push_of.values())), Delivery.status == "pushing")).all())


def defer(session: orm.Session, delivery_ids: list[int]) -> None:
    session.execute(sa.update(Delivery).where(Delivery.id.in_(delivery_ids), Delivery.status == "pending")
                    .values(status="deferred", reason="quota"))


def left_waiting(session: orm.Session, until: dict[str, date]) -> None:
    """These chats keep reminders waiting (chat id -> the last day one of them holds): their replies carry them."""
    if until:
        session.execute(sa.update(Chat), [{"id": chat_id, "riders_until": day} for chat_id, day in until.items()])


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
    return sorted(rows, key=lambda r: (r.kind != "notice", r.kind != "deadline", r.deadline, r.id))


def settle_riders(session: orm.Session, ids: list[int], delivered: bool) -> None:
    """After the reply: delivered, or back to waiting for the next push or reply."""
    waiting_again = sa.case((Delivery.reason == "quota", "deferred"), else_="pending")
    values = {"status": "sent", "via": "reply"} if delivered else {"status": waiting_again, "sent_at": None}
    session.execute(sa.update(Delivery).where(Delivery.id.in_(ids), Delivery.status == "riding").values(**values))
