"""Every webhook event received, kept by its webhookEventId so each is processed once."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of

STATUSES = ("done", "ignored", "failed")


class InboundEvent(Base):
    __tablename__ = "inbound_events"
    __table_args__ = (one_of("status", STATUSES, "status"),)

    # The primary key is what makes a redelivered or concurrent duplicate fail to insert.
    webhook_event_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), primary_key=True)
    event_type: orm.Mapped[str] = orm.mapped_column(sa.String(40))
    chat_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64), index=True)
    user_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    received_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    status: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    # The event as LINE sent it: nothing a user sent is lost, even when handling failed.
    payload: orm.Mapped[str] = orm.mapped_column(sa.Text)
