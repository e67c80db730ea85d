"""Chats the bot is in (1:1, group, room) and what each is bound to."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of
from models.province import Province

CHAT_KINDS = ("user", "group", "room")


class Chat(Base):
    __tablename__ = "chats"
    __table_args__ = (one_of("kind", CHAT_KINDS, "kind"),)

    # LINE's userId, groupId or roomId.
    id: orm.Mapped[str] = orm.mapped_column(sa.String(64), primary_key=True)
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    province_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("provinces.id"), index=True)
    # A chat is bound to a unit (its staff's group or 1:1) or to a province (the coordinators' group).
    unit_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="SET NULL"), index=True)
    # False once the bot has left or been blocked: nothing is pushed there any more.
    active: orm.Mapped[bool] = orm.mapped_column(default=True)
    # "ปิดแจ้งเตือน" turns pushed reminders off for this chat.
    reminders_on: orm.Mapped[bool] = orm.mapped_column(default=True, server_default=sa.true())
    first_seen: orm.Mapped[datetime] = orm.mapped_column(Instant())
    # What a push here costs (LINE counts one message per member); refreshed from the API daily.
    member_count: orm.Mapped[int | None]
    member_count_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())
    # Set by the scheduler when it leaves reminders waiting here (quota short, price unknown):
    # until that day's end a reply looks for them to ride along. A hint that spares every
    # other reply a query; the ledger stays the truth.
    riders_until: orm.Mapped[date | None] = orm.mapped_column(sa.Date)

    province: orm.Mapped[Province | None] = orm.relationship()
    unit: orm.Mapped["Unit | None"] = orm.relationship()  # noqa: F821
