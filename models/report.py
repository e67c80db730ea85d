"""What units report: cumulative IIT/EIT counts (every report kept) and the OIT state."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of

REPORTED_FORMS = ("IIT", "EIT")
OIT_STATES = ("not_started", "answering", "awaiting_approval", "approved")


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        one_of("form", REPORTED_FORMS, "form"),
        sa.CheckConstraint("count >= 0 AND count <= 100000", name="count_in_range"),
        # One event reports each unit's form at most once, however often LINE delivers it
        # (a coordinator may report several units in one message).
        sa.UniqueConstraint("webhook_event_id", "unit_id", "form", name="uq_reports_event_unit_form"),
        sa.Index("ix_reports_unit_year_form", "unit_id", "year", "form", "id"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"))
    year: orm.Mapped[int]
    form: orm.Mapped[str] = orm.mapped_column(sa.String(3))
    count: orm.Mapped[int]  # cumulative, as ITAS shows it
    reported_by: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    chat_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    webhook_event_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    reported_at: orm.Mapped[datetime] = orm.mapped_column(Instant())


class OitState(Base):
    __tablename__ = "oit_states"
    __table_args__ = (one_of("state", OIT_STATES, "state"),)

    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    year: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    state: orm.Mapped[str] = orm.mapped_column(sa.String(20), default="not_started")
    updated_by: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    updated_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
