"""Assessed units (อบต., เทศบาล, อบจ., districts ...) and their yearly minimums."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, one_of
from models.province import Province

# ITAS's unit groups, as the coordinators' spreadsheets name them.
UNIT_KINDS = ("province_admin", "district", "pao", "city", "town", "subdistrict", "sao", "other")


class Unit(Base):
    __tablename__ = "units"
    __table_args__ = (
        sa.UniqueConstraint("province_id", "name", name="uq_units_province_name"),
        one_of("kind", UNIT_KINDS, "kind"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    province_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("provinces.id"), index=True)
    name: orm.Mapped[str] = orm.mapped_column(sa.String(200))
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(20))
    # The name as `bot.ita.units.unit_key` reduces it (abbreviated, no dots or spaces): what people's typing is matched against.
    key: orm.Mapped[str] = orm.mapped_column(sa.String(200), index=True)

    province: orm.Mapped[Province] = orm.relationship()
    aliases: orm.Mapped[list["UnitAlias"]] = orm.relationship(back_populates="unit", cascade="all, delete-orphan")


class UnitAlias(Base):
    __tablename__ = "unit_aliases"
    __table_args__ = (sa.UniqueConstraint("unit_id", "key", name="uq_unit_aliases_unit_key"),)

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: orm.Mapped[str] = orm.mapped_column(sa.String(200))
    key: orm.Mapped[str] = orm.mapped_column(sa.String(200), index=True)

    unit: orm.Mapped[Unit] = orm.relationship(back_populates="aliases")


class Quota(Base):
    """A unit's minimums for a fiscal year, copied from ITAS (which is authoritative)."""

    __tablename__ = "quotas"
    __table_args__ = (
        sa.CheckConstraint("iit_min >= 0 AND eit_min >= 0", name="minimums_not_negative"),
        sa.CheckConstraint("internal_stakeholders IS NULL OR internal_stakeholders >= 0", name="stakeholders_not_negative"),
    )

    unit_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    year: orm.Mapped[int] = orm.mapped_column(primary_key=True)  # fiscal year, Buddhist era
    iit_min: orm.Mapped[int] = orm.mapped_column(default=0)
    eit_min: orm.Mapped[int] = orm.mapped_column(default=0)  # EIT part 1
    internal_stakeholders: orm.Mapped[int | None]
