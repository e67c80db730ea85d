"""The audit log: every change with before and after, and every refused attempt."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    at: orm.Mapped[datetime] = orm.mapped_column(Instant(), index=True)
    actor: orm.Mapped[str] = orm.mapped_column(sa.String(64))  # a LINE userId, or "cli:<command>"
    action: orm.Mapped[str] = orm.mapped_column(sa.String(60))
    target: orm.Mapped[str | None] = orm.mapped_column(sa.String(200))
    allowed: orm.Mapped[bool] = orm.mapped_column(default=True)
    before: orm.Mapped[str | None] = orm.mapped_column(sa.Text)  # JSON
    after: orm.Mapped[str | None] = orm.mapped_column(sa.Text)  # JSON
