"""Telling coordinators, once a month, that the quota cannot cover every reminder."""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from models import Chat, Unit
from schedules import ledger
from schedules.budget import Choice
from schedules.plan import Reminder


def quota_notices(session: orm.Session, deferred_chats: list[str], choice: Choice, now: datetime) -> list[Reminder]:
    """A notice for the coordinators' groups of the provinces whose chats wait; one key a month."""
    provinces = set(session.scalars(
        sa.select(sa.func.coalesce(Unit.province_id, Chat.province_id))
        .select_from(Chat).outerjoin(Unit, Unit.id == Chat.unit_id).where(Chat.id.in_(deferred_chats))))
    groups = session.scalars(sa.select(Chat.id).where(
        Chat.unit_id.is_(None), Chat.province_id.in_(provinces), Chat.active, Chat.reminders_on))
    month_end = date(now.year, now.month, calendar.monthrange(now.year, now.month)[1])
    text = texts.QUOTA_SHORT.format(remaining=choice.remaining or 0, needed=choice.needed, chats=len(deferred_chats))
    return [Reminder(f"quota:{now:%Y-%m}", chat_id, "notice", now, month_end, text, month_end) for chat_id in groups]


def leave_notice(session: orm.Session, chat_ids: list[str], key: str, text: str, now: datetime,
                 days: int = 3, kind: str = "notice") -> None:
    """A one-off notice for some chats, delivered like a reminder: exactly once, by the scheduler's
    next pass or riding along on a reply there, whichever comes first (an "aside" only rides
    along). `key` makes it one notice however often it is left."""
    until = now.date() + timedelta(days=days)
    ledger.record_due(session, [Reminder(key, chat_id, kind, now, until, text, until) for chat_id in chat_ids], now)
    for chat in session.scalars(sa.select(Chat).where(Chat.id.in_(chat_ids))):
        chat.riders_until = max(chat.riders_until or until, until)


def coordinators_groups(session: orm.Session, province_id: int) -> list[str]:
    return list(session.scalars(sa.select(Chat.id).where(
        Chat.unit_id.is_(None), Chat.province_id == province_id, Chat.kind != "user", Chat.active)))
