"""ITAS's own figures of a province on a day, as a coordinator pasted them from the status page:
kept beside what units report in the bot, never in place of it."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant


class ItasFigures(Base):
    __tablename__ = "itas_figures"
    __table_args__ = (
        sa.UniqueConstraint("province_id", "year", "day", name="uq_itas_figures_province_year_day"),
        sa.CheckConstraint("units >= 0", name="units_not_negative"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    province_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("provinces.id", ondelete="CASCADE"))
    year: orm.Mapped[int]
    day: orm.Mapped[date] = orm.mapped_column(sa.Date)  # the day the page showed these figures
    units: orm.Mapped[int]
    # Per form: responses (OIT: units that started) and units at the minimum (OIT: finished every step).
    iit_total: orm.Mapped[int | None]
    iit_done: orm.Mapped[int | None]
    eit1_total: orm.Mapped[int | None]
    eit1_done: orm.Mapped[int | None]
    eit2_total: orm.Mapped[int | None]
    eit2_done: orm.Mapped[int | None]
    oit_total: orm.Mapped[int | None]
    oit_done: orm.Mapped[int | None]
    # The totals were added up from a sheet of units (no status page pasted that day).
    totals_from_sheet: orm.Mapped[bool] = orm.mapped_column(default=False)
    taken_by: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    taken_at: orm.Mapped[datetime] = orm.mapped_column(Instant())


class ItasUnitFigures(Base):
    """One unit's figures of a day's ITAS sheet (the sheet a coordinator sends: a row per unit)."""

    __tablename__ = "itas_unit_figures"
    __table_args__ = (sa.CheckConstraint("iit >= 0 AND eit1 >= 0 AND (eit2 IS NULL OR eit2 >= 0)",
                                         name="counts_not_negative"),)

    figures_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("itas_figures.id", ondelete="CASCADE"),
                                                    primary_key=True)
    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    iit: orm.Mapped[int]
    eit1: orm.Mapped[int]
    eit2: orm.Mapped[int | None]
    oit_state: orm.Mapped[str | None] = orm.mapped_column(sa.String(20))
