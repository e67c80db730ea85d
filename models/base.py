"""Declarative base with a naming convention, so Alembic names constraints predictably."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import orm

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(orm.DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


def one_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    """A CHECK that keeps a text column inside a fixed vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({quoted})", name=name)
