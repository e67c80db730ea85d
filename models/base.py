"""Declarative base with a naming convention, so Alembic names constraints predictably."""
from __future__ import annotations

from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy import orm

BANGKOK = ZoneInfo("Asia/Bangkok")  # as bot.clock, which models must not import

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


class Instant(sa.types.TypeDecorator):
    """A timezone-aware instant, read back aware in Asia/Bangkok on every database.

    PostgreSQL keeps the offset (timestamptz); SQLite keeps none, so there it is stored as
    Bangkok wall time, the convention every row has followed, and read back as such.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the app works with timezone-aware instants only")
        value = value.astimezone(BANGKOK)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=BANGKOK) if value.tzinfo is None else value.astimezone(BANGKOK)
