"""Writing the audit log: every change with before and after, and every refusal."""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import orm

from bot.thai import storable
from models import AuditEntry


def audit(session: orm.Session, now: datetime, actor: str | None, action: str, target: str | None = None,
          before: object = None, after: object = None, allowed: bool = True) -> None:
    session.add(AuditEntry(
        at=now, actor=actor or "unknown", action=action, target=None if target is None else storable(target)[:200],
        allowed=allowed, before=_as_json(before), after=_as_json(after),
    ))


def _as_json(value: object) -> str | None:
    """As JSON, readable where the database can hold it; escaped where a refused message held what
    no database can (half of a surrogate pair)."""
    if value is None:
        return None
    kept = json.dumps(value, ensure_ascii=False, default=str)
    return kept if storable(kept) == kept else json.dumps(value, default=str)
