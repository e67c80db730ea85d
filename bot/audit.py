"""Writing the audit log: every change with before and after, and every refusal."""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import orm

from models import AuditEntry


def audit(session: orm.Session, now: datetime, actor: str | None, action: str, target: str | None = None,
          before: object = None, after: object = None, allowed: bool = True) -> None:
    session.add(AuditEntry(
        at=now, actor=actor or "unknown", action=action, target=target, allowed=allowed,
        before=None if before is None else json.dumps(before, ensure_ascii=False, default=str),
        after=None if after is None else json.dumps(after, ensure_ascii=False, default=str),
    ))
