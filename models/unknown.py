"""Messages the bot did not understand, or answered with a question: what the vocabulary should learn."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of

REASONS = ("not understood", "asked back", "beyond the bot")


class UnclearMessage(Base):
    """Kept without the sender: the text, the kind of chat and when (docs/understanding.md)."""

    __tablename__ = "unclear_messages"
    __table_args__ = (one_of("reason", REASONS, "reason"), one_of("chat_kind", ("user", "group", "room"), "chat_kind"))

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    text: orm.Mapped[str] = orm.mapped_column(sa.Text)  # normalised
    chat_kind: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    reason: orm.Mapped[str] = orm.mapped_column(sa.String(20))
    received_at: orm.Mapped[datetime] = orm.mapped_column(Instant(), index=True)
