"""Where an event comes from, read from the SDK's typed event, and the record kept of it.

Each event is claimed by inserting its webhookEventId; a duplicate (a redelivery, or the
same event twice at the same moment) fails that insert. The event as LINE sent it is kept
in the record, so nothing a user sent is lost even when handling it failed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from linebot.v3.webhooks import Event, GroupSource, RoomSource, UserSource
from sqlalchemy import exc, orm

from models import InboundEvent


@dataclass(frozen=True)
class Origin:
    """The chat an event belongs to and who sent it (a group's userId may be missing)."""

    chat_id: str | None
    kind: str | None  # user, group or room
    user_id: str | None

    @classmethod
    def of(cls, event: Event) -> Origin:
        source = getattr(event, "source", None)
        if isinstance(source, GroupSource):
            return cls(source.group_id, "group", source.user_id)
        if isinstance(source, RoomSource):
            return cls(source.room_id, "room", source.user_id)
        if isinstance(source, UserSource):
            return cls(source.user_id, "user", source.user_id)
        return cls(None, None, None)


def claim(session: orm.Session, event: Event, payload: str, now: datetime) -> bool:
    """Insert the event's id as the transaction's first write; False if it was already
    there (a redelivery, or the same event in another request at the same moment)."""
    session.add(_record(event, payload, now, "done"))
    try:
        session.flush()
    except exc.IntegrityError:
        session.rollback()
        return False
    return True


def keep_failed(session: orm.Session, event: Event, payload: str, now: datetime) -> None:
    """The handler failed and rolled back: keep what the user sent, marked failed."""
    if not event_id(event):
        return
    try:
        with session.begin():
            session.add(_record(event, payload, now, "failed"))
    except exc.IntegrityError:
        session.rollback()


def event_id(event: Event) -> str | None:
    """The webhookEventId; an event type the SDK does not know may come without one."""
    return getattr(event, "webhook_event_id", None) or None


def _record(event: Event, payload: str, now: datetime, status: str) -> InboundEvent:
    origin = Origin.of(event)
    return InboundEvent(webhook_event_id=event_id(event)[:64], event_type=str(event.type)[:40],
                        chat_id=origin.chat_id, user_id=origin.user_id, received_at=now, status=status,
                        payload=payload)
