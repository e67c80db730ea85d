"""What a handler receives: the parsed message and the context it was sent in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import orm

from bot import thai
from models import Chat


@dataclass(frozen=True)
class Message:
    """A text message, normalised once here; handlers never see the raw text's quirks."""

    raw: str
    mentions: tuple[str, ...] = ()  # userIds of people @mentioned in a group

    @cached_property
    def text(self) -> str:
        return thai.normalize(self.raw)

    @cached_property
    def compact(self) -> str:
        return self.text.replace(" ", "")

    @cached_property
    def forms(self) -> tuple[str, ...]:
        return thai.forms_in(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        return thai.tokens(self.text)


@dataclass
class Context:
    session: orm.Session
    now: datetime  # Asia/Bangkok, read once per event so one answer never straddles midnight
    chat: Chat
    user_id: str | None
    registry: "Registry"  # noqa: F821 - for help, which lists every command
    calendars: "CalendarCache"  # noqa: F821
    event_id: str | None = None

    @property
    def today(self):
        return self.now.date()
