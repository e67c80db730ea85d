"""Where an event comes from, read from the SDK's typed event, and the record kept of it.

Each event is recorded under its webhookEventId in the transaction of what it did; a duplicate
(a redelivery, or the same event twice at the same moment) fails that insert, and its work is
rolled back. The event as LINE sent it is kept
in the record, so nothing a user sent is lost even when handling it failed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from linebot.v3.webhooks import Event, GroupSource, RoomSource, UserSource
from sqlalchemy import exc, orm

from bot.thai import storable
from models import InboundEvent

# The longest chat or user id the database holds (LINE's are 33 characters); a longer one, such
# as a module channel's 68-character user id, is kept in the payload only.
ID_LENGTH = InboundEvent.chat_id.type.length
EVENT_ID_LENGTH = InboundEvent.webhook_event_id.type.length
REPLY_TOKEN_LENGTH = InboundEvent.reply_token.type.length


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
            chat_id, kind, user_id = source.group_id, "group", source.user_id
        elif isinstance(source, RoomSource):
            chat_id, kind, user_id = source.room_id, "room", source.user_id
        elif isinstance(source, UserSource):
            chat_id, kind, user_id = source.user_id, "user", source.user_id
        else:
            return cls(None, None, None)
        if not _fits(chat_id):
            return cls(None, None, None)
        return cls(chat_id, kind, user_id if _fits(user_id) else None)


# LINE's ids are letters and digits ("U" and 32 hex digits, a ULID for an event); anything else in
# an id field is not from LINE, and is neither stored nor acted on.
_ID = re.compile(r"[A-Za-z0-9_-]+")


def _fits(identifier: object, longest: int = ID_LENGTH) -> bool:
    return isinstance(identifier, str) and len(identifier) <= longest and _ID.fullmatch(identifier) is not None


def record_of(event: Event, payload: str, now: datetime) -> InboundEvent:
    """The event's record, to be added last in its transaction: its id is the primary key, so
    a redelivery, or the same event handled at the same moment by another request, fails the
    commit and everything it did is rolled back (`dispatch`)."""
    return _record(event, payload, now, "done")


def is_recorded(session: orm.Session, webhook_event_id: str) -> bool:
    return session.get(InboundEvent, webhook_event_id) is not None


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
    found = getattr(event, "webhook_event_id", None)
    return found if _fits(found, EVENT_ID_LENGTH) else None


def reply_token(event: Event) -> str | None:
    """The event's reply token, if it is one LINE could have given (letters and digits)."""
    found = getattr(event, "reply_token", None)
    return found if _fits(found, REPLY_TOKEN_LENGTH) else None


def _record(event: Event, payload: str, now: datetime, status: str) -> InboundEvent:
    origin = Origin.of(event)
    return InboundEvent(webhook_event_id=event_id(event), event_type=storable(str(event.type))[:40],
                        chat_id=origin.chat_id, user_id=origin.user_id, received_at=now, status=status,
                        payload=payload)
