"""People: their LINE userId, their unit or province, and their role."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of
from models.province import Province
from models.unit import Unit

ROLES = ("member", "executive", "coordinator", "superadmin")


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (one_of("role", ROLES, "role"),)

    user_id: orm.Mapped[str] = orm.mapped_column(sa.String(64), primary_key=True)
    display_name: orm.Mapped[str | None] = orm.mapped_column(sa.String(100))
    role: orm.Mapped[str] = orm.mapped_column(sa.String(12), default="member")
    unit_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("units.id", ondelete="SET NULL"), index=True)
    # Coordinators act for a province; members and executives for their unit's province.
    province_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("provinces.id"), index=True)
    joined_at: orm.Mapped[datetime] = orm.mapped_column(Instant())

    unit: orm.Mapped[Unit | None] = orm.relationship()
    province: orm.Mapped[Province | None] = orm.relationship()
