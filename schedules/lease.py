"""A lease in the database: only its holder's scheduler process may send.

One conditional UPDATE (or the first INSERT) takes it, so two processes racing for it
cannot both win, on SQLite and on PostgreSQL alike.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import exc, orm

from models import Lease

SCHEDULER = "scheduler"


def acquire(session: orm.Session, holder: str, now: datetime, ttl: timedelta, name: str = SCHEDULER) -> bool:
    """Take or renew the lease; False while another holder's lease has not expired."""
    expires = now + ttl
    taken = session.execute(
        sa.update(Lease)
        .where(Lease.name == name, sa.or_(Lease.holder == holder, Lease.expires_at < now))
        .values(holder=holder, expires_at=expires)
    ).rowcount
    if taken:
        return True
    if session.get(Lease, name) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(Lease(name=name, holder=holder, expires_at=expires))
    except exc.IntegrityError:
        return False
    return True


def release(session: orm.Session, holder: str, name: str = SCHEDULER) -> None:
    session.execute(sa.delete(Lease).where(Lease.name == name, Lease.holder == holder))
