"""Every webhook event received, kept by its webhookEventId so each is processed once."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of

STATUSES = ("done", "ignored", "failed")
# The reply an event owes: owed (committed with the event, not yet accepted by LINE), sending (a
# process is calling LINE with it), sent, or handed over to the reminder ledger (the token expired
# or was refused: pushed if it matters, else it rides along in the chat's next reply).
REPLY_STATES = ("owed", "sending", "sent", "handed")


class InboundEvent(Base):
    __tablename__ = "inbound_events"
    __table_args__ = (one_of("status", STATUSES, "status"), one_of("reply_state", REPLY_STATES, "reply_state"),
                      sa.Index("ix_inbound_events_reply_state", "reply_state"))

    # The primary key is what makes a redelivered or concurrent duplicate fail to insert.
    webhook_event_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), primary_key=True)
    event_type: orm.Mapped[str] = orm.mapped_column(sa.String(40))
    chat_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64), index=True)
    user_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    received_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    status: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    # The event as LINE sent it: nothing a user sent is lost, even when handling failed.
    payload: orm.Mapped[str] = orm.mapped_column(sa.Text)
    reply_state: orm.Mapped[str | None] = orm.mapped_column(sa.String(8))
    reply_token: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    reply_token_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())  # LINE takes it for about a minute
    reply_tried_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())
    reply_body: orm.Mapped[str | None] = orm.mapped_column(sa.Text)  # JSON: the messages as LINE takes them
    reply_matters: orm.Mapped[bool] = orm.mapped_column(default=False, server_default=sa.false())  # worth a push
    reply_attempts: orm.Mapped[int] = orm.mapped_column(default=0, server_default="0")
