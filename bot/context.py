"""What a handler receives: the message as read once (an interpretation), the context it was
sent in, and the subject (unit or province) the command acts on, found before permissions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Callable

from sqlalchemy import orm

from models import Chat, Member, Province, Unit


@dataclass(frozen=True)
class Interpretation:
    """One thing a message asks or states, as `bot.nlu` read it (docs/understanding.md).

    Handlers receive this, never the raw text; a message saying several things gives several.
    """

    intent: str  # a command's name, "greeting", "thanks" or "unknown"
    text: str = ""  # the part of the message read, normalised
    raw: str = ""  # the whole message as sent
    form: str | None = None  # IIT, EIT or OIT
    forms: tuple[str, ...] = ()  # every form named, in the order IIT, EIT, OIT
    part: int | None = None  # EIT's part, 1 or 2
    unit: str | None = None  # a unit named, as typed
    province: str | None = None  # a province named, without จังหวัด
    count: str | None = None  # the number as typed (normalised): a count, a minimum, a join code; the handler checks it
    date: date | None = None
    period: tuple[date, date] | None = None
    step: str | None = None  # a calendar step's key
    setting: str | None = None  # the command's variant (reminders off/on/next, an OIT state, grant/revoke ...)
    days_before: tuple[int, ...] = ()
    share: int | None = None  # a share of the minimum in percent ("ไม่ถึง 50%", "ครึ่ง")
    time: time | None = None
    working_days: bool | None = None
    user_ids: tuple[str, ...] = ()  # LINE userIds written or @mentioned
    page: int | None = None
    question: bool = False
    confirm: bool = False  # a yes-or-no question ("EIT ปิด 30 มิ.ย. ใช่ไหม"): answered yes or no first
    negation: bool = False
    request: bool = False
    unsure: bool = False  # a report said with a hedge: confirm before writing
    addressed: bool = False  # the bot was @mentioned
    ita: bool = False  # about ITA, or a command of the bot's own: worth an answer in a group
    near: tuple[str, ...] = ()  # the intents next closest, for "did you mean"
    invalid: tuple[str, ...] = ()  # slots said but impossible, e.g. ("time",) for "25:00"

    @property
    def writes_allowed(self) -> bool:
        """A question or a negation never writes."""
        return not (self.question or self.negation)


@dataclass(frozen=True)
class SentFile:
    """A file someone sent: its name and size as LINE gives them, and its content, fetched from
    LINE (by the web layer, through the gateway) only if the handler asks for it."""

    name: str
    size: int
    fetch: Callable[[int], bytes] = field(repr=False)  # at most this many bytes, else the gateway's error


@dataclass(frozen=True)
class Subject:
    """What a command acts on: a unit (and so its province), a province, or nothing in particular;
    and `chat` when the command changes the chat itself (its binding, its reminders)."""

    unit: Unit | None = None
    province: Province | None = None
    chat: Chat | None = None

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
    unclear: str | None = None  # why the message is kept for the vocabulary to learn from (UnclearMessage.reason)
    writes: bool = False  # a command that writes ran: its answer is worth a push if the reply token is lost
    _cycles: dict = field(default_factory=dict, repr=False)
    _sender: Member | None = field(default=None, repr=False)

    def cycles(self, province_id: int | None) -> dict:
        """The calendar's cycles as a province sees them, looked up once per event."""
        if province_id not in self._cycles:
            self._cycles[province_id] = self.calendars.cycles(self.session, province_id)
        return self._cycles[province_id]

    def asked_back(self) -> None:
        """The answer is a question back (which unit? did you mean?): keep the message to learn from."""
        self.unclear = self.unclear or "asked back"

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def sender(self) -> Member | None:
        """The sender's membership. Held once found: the session's identity map holds objects
        weakly, so without a reference each ask would query again. Not held while there is none
        (a registration in this very message may create it)."""
        if self._sender is None and self.user_id:
            self._sender = self.session.get(Member, self.user_id)
        return self._sender

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
    def own_province_id(self) -> int | None:
        """The same as `own_province`, by id: from the chat's own columns when it has them (no query)."""
        chat = self.chat
        if chat is not None and chat.province_id is not None:
            return chat.province_id
        province = self.own_province
        return province.id if province is not None else None

    @property
    def own_province(self) -> Province | None:
        """The province a message is about when it names none: the chat's, else the sender's."""
        chat = self.chat
        if chat is not None and chat.province is not None:
            return chat.province
        if chat is not None and chat.unit is not None:
            return chat.unit.province
        return self.sender.province if self.sender is not None else None
