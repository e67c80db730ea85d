"""The reminder ledger (one row per reminder and chat, so nothing is pushed twice) and the
scheduler's lease (so a second scheduler process never sends)."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, one_of

DELIVERY_STATUSES = ("pending", "sent", "deferred", "riding", "dropped")


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        sa.UniqueConstraint("reminder_key", "chat_id", name="uq_deliveries_reminder_chat"),
        one_of("status", DELIVERY_STATUSES, "status"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    reminder_key: orm.Mapped[str] = orm.mapped_column(sa.String(200))
    chat_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), sa.ForeignKey("chats.id", ondelete="CASCADE"), index=True)
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    text: orm.Mapped[str] = orm.mapped_column(sa.Text)
    deadline: orm.Mapped[datetime] = orm.mapped_column(sa.Date)
    # Stored before the push: a retry after a timeout reuses it, and LINE answers 409 instead of sending twice.
    retry_key: orm.Mapped[str] = orm.mapped_column(sa.String(36), unique=True)
    status: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="pending")
    attempts: orm.Mapped[int] = orm.mapped_column(default=0)
    planned_at: orm.Mapped[datetime] = orm.mapped_column(sa.DateTime(timezone=True))
    sent_at: orm.Mapped[datetime | None] = orm.mapped_column(sa.DateTime(timezone=True))


class Lease(Base):
    """Held by one scheduler process at a time; taken over only once it has expired."""

    __tablename__ = "leases"

    name: orm.Mapped[str] = orm.mapped_column(sa.String(40), primary_key=True)
    holder: orm.Mapped[str] = orm.mapped_column(sa.String(100))
    expires_at: orm.Mapped[datetime] = orm.mapped_column(sa.DateTime(timezone=True))
