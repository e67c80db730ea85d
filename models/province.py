"""Provinces: the unit of coordination (one coordinators' group, one calendar overlay)."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base


class Province(Base):
    __tablename__ = "provinces"

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    # Thai name without the word จังหวัด, e.g. ลำพูน.
    name: orm.Mapped[str] = orm.mapped_column(sa.String(80), unique=True)

    def __repr__(self) -> str:
        return f"<Province {self.name}>"


def get_or_create_province(session: orm.Session, name: str) -> Province:
    province = session.scalar(sa.select(Province).where(Province.name == name))
    if province is None:
        province = Province(name=name)
        session.add(province)
        session.flush()
    return province
