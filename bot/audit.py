"""Writing the audit log: every change with before and after, and every refusal."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import orm

from bot.thai import storable, storable_json
from models import AuditEntry


def audit(session: orm.Session, now: datetime, actor: str | None, action: str, target: str | None = None,
          before: object = None, after: object = None, allowed: bool = True) -> None:
    session.add(AuditEntry(
        at=now, actor=actor or "unknown", action=action, target=None if target is None else storable(target)[:200],
        allowed=allowed, before=_json(before), after=_json(after),
    ))


def _json(value: object) -> str | None:
    return None if value is None else storable_json(value)
