"""The reminder ledger and its outbox, and the scheduler's lease.

A `Delivery` is one reminder for one chat (unique, so nothing is planned twice); a `Push`
is one call to LINE carrying a chat's due deliveries, with its X-Line-Retry-Key stored
before the call, so a retry after a crash, a 5xx or a timeout never sends twice.
"""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of

# pending: planned, not yet pushed; pushing: inside a push not yet confirmed; deferred: the
# month's quota could not cover it; riding: claimed by a reply being sent; sent: delivered
# (by push or by reply); dropped: never to be sent (stale, chat gone, refused by LINE).
DELIVERY_STATUSES = ("pending", "pushing", "deferred", "riding", "sent", "dropped")
WAITING = ("pending", "deferred")  # may still go out, by push or riding along in a reply
# answer: a reply whose token expired, pushed because it matters (a report, a confirmation);
# aside: one that only rides along in the chat's next reply.
DELIVERY_KINDS = ("deadline", "nudge", "notice", "answer", "aside")
PUSH_STATUSES = ("pending", "sent", "failed")


class Push(Base):
    __tablename__ = "pushes"
    __table_args__ = (one_of("status", PUSH_STATUSES, "status"),)

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    chat_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), sa.ForeignKey("chats.id", ondelete="CASCADE"), index=True)
    retry_key: orm.Mapped[str] = orm.mapped_column(sa.String(36), unique=True)
    texts: orm.Mapped[str] = orm.mapped_column(sa.Text)  # JSON list: the same body on every retry
    cost: orm.Mapped[int]  # messages of the monthly quota: the chat's members (1 for a user)
    status: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="pending", index=True)
    attempts: orm.Mapped[int] = orm.mapped_column(default=0)
    next_attempt_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    fresh_until: orm.Mapped[date] = orm.mapped_column(sa.Date)  # after this day its texts are stale
    created_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    sent_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())
    last_error: orm.Mapped[str | None] = orm.mapped_column(sa.String(200))


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        sa.UniqueConstraint("reminder_key", "chat_id", name="uq_deliveries_reminder_chat"),
        one_of("status", DELIVERY_STATUSES, "status"),
        one_of("kind", DELIVERY_KINDS, "kind"),
        one_of("via", ("push", "reply"), "via"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    reminder_key: orm.Mapped[str] = orm.mapped_column(sa.String(200))
    chat_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), sa.ForeignKey("chats.id", ondelete="CASCADE"), index=True)
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    text: orm.Mapped[str] = orm.mapped_column(sa.Text)
    deadline: orm.Mapped[date] = orm.mapped_column(sa.Date)
    due_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    # The last day its text is true ("อีก 3 วัน" is wrong tomorrow): neither pushed nor replied after it.
    fresh_until: orm.Mapped[date] = orm.mapped_column(sa.Date)
    status: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="pending", index=True)
    push_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("pushes.id", ondelete="SET NULL"), index=True)
    via: orm.Mapped[str | None] = orm.mapped_column(sa.String(5))
    reason: orm.Mapped[str | None] = orm.mapped_column(sa.String(40))  # why dropped or deferred
    planned_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    sent_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())

    @property
    def key(self) -> str:
        """The reminder's key, as `schedules.plan.Reminder.key` names it."""
        return self.reminder_key


class ReminderRules(Base):
    """A province's own reminder rules (`schedules.plan.Rules`); a province without a row
    follows the default. province_id NULL is not used: the default lives in code."""

    __tablename__ = "reminder_rules"
    __table_args__ = (sa.CheckConstraint("nudge_weekday BETWEEN 0 AND 6", name="weekday"),)

    province_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("provinces.id", ondelete="CASCADE"), primary_key=True)
    days_before: orm.Mapped[str] = orm.mapped_column(sa.String(40))  # "7,3,1"
    on_first_day: orm.Mapped[bool]
    on_last_day: orm.Mapped[bool]
    at: orm.Mapped[str] = orm.mapped_column(sa.String(5))  # "09:00", Asia/Bangkok
    working_days_only: orm.Mapped[bool]
    nudge_weekday: orm.Mapped[int] = orm.mapped_column(default=0)
    updated_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    updated_by: orm.Mapped[str] = orm.mapped_column(sa.String(64))


class Lease(Base):
    """Held by one scheduler process at a time; taken over only once it has expired."""

    __tablename__ = "leases"

    name: orm.Mapped[str] = orm.mapped_column(sa.String(40), primary_key=True)
    holder: orm.Mapped[str] = orm.mapped_column(sa.String(100))
    expires_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
