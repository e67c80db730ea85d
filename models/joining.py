"""Joining a unit: requests a coordinator approves with a button, and the join codes a coordinator
issues so that staff can join without waiting."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of
from models.unit import Unit

REQUEST_STATES = ("pending", "approved", "rejected")


class JoinRequest(Base):
    """A person (in their 1:1 chat) or a group asking to speak for a unit."""

    __tablename__ = "join_requests"
    __table_args__ = (one_of("state", REQUEST_STATES, "state"),
                      sa.Index("ix_join_requests_unit_state", "unit_id", "state"))

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"))
    chat_id: orm.Mapped[str] = orm.mapped_column(sa.String(64))  # the person's 1:1 chat, or the group to bind
    user_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))  # who asked
    state: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="pending")
    requested_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    decided_by: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    decided_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())

    unit: orm.Mapped[Unit] = orm.relationship()


class JoinCode(Base):
    """A unit's current join code, kept as a hash; it expires, and dies after too many wrong tries."""

    __tablename__ = "join_codes"
    __table_args__ = (sa.CheckConstraint("failures >= 0", name="failures_not_negative"),)

    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    code_hash: orm.Mapped[str] = orm.mapped_column(sa.String(64))
    issued_by: orm.Mapped[str] = orm.mapped_column(sa.String(64))
    issued_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    expires_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    failures: orm.Mapped[int] = orm.mapped_column(default=0)
