"""What a handler receives: the message as read once, the context it was sent in, and the
subject (unit or province) the command acts on, found before permissions are decided."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from sqlalchemy import orm

from bot import thai
from models import Chat, Member, Province, Unit


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


@dataclass(frozen=True)
class Subject:
    """What a command acts on: a unit (and so its province), a province, or nothing in particular."""

    unit: Unit | None = None
    province: Province | None = None

    @property
    def province_id(self) -> int | None:
        if self.unit is not None:
            return self.unit.province_id
        return self.province.id if self.province is not None else None

    @property
    def name(self) -> str:
        if self.unit is not None:
            return self.unit.name
        return self.province.name if self.province is not None else ""


@dataclass
class Context:
    session: orm.Session
    now: datetime  # Asia/Bangkok, read once per event so one answer never straddles midnight
    chat: Chat | None
    user_id: str | None
    registry: "Registry"  # noqa: F821 - for help, which lists every command
    calendars: "CalendarCache"  # noqa: F821
    event_id: str | None = None
    subject: Subject = field(default_factory=Subject)  # set once permissions allow the command

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def sender(self) -> Member | None:
        """The sender's membership; the session's identity map makes asking again free."""
        return self.session.get(Member, self.user_id) if self.user_id else None

    @property
    def own_unit(self) -> Unit | None:
        """The unit a message speaks for when it names none: a unit group's own, else the sender's."""
        chat = self.chat
        if chat is not None and chat.kind != "user" and chat.unit is not None:
            return chat.unit
        if self.sender is not None and self.sender.unit is not None:
            return self.sender.unit
        return chat.unit if chat is not None else None

    @property
    def own_province(self) -> Province | None:
        """The province a message is about when it names none: the chat's, else the sender's."""
        chat = self.chat
        if chat is not None and chat.province is not None:
            return chat.province
        if chat is not None and chat.unit is not None:
            return chat.unit.province
        return self.sender.province if self.sender is not None else None
