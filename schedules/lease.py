"""A lease in the database: only its holder's scheduler process may send.

Taking it is a compare-and-swap (a conditional UPDATE, or the first INSERT), so two
processes racing for it cannot both win, on SQLite and on PostgreSQL alike. A holder is
"host:pid"; a lease whose holder was a process of this host that no longer exists (killed
with -9, say) is taken over at once instead of after its expiry.
"""
from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import exc, orm

from models import Lease

SCHEDULER = "scheduler"


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def acquire(session: orm.Session, holder: str, now: datetime, ttl: timedelta, name: str = SCHEDULER) -> bool:
    """Take or renew the lease; False while another live holder's lease has not expired."""
    expires = now + ttl
    current = session.execute(sa.select(Lease.holder, Lease.expires_at).where(Lease.name == name)).first()
    if current is None:
        try:
            with session.begin_nested():
                session.add(Lease(name=name, holder=holder, expires_at=expires))
        except exc.IntegrityError:
            return False  # another process inserted it first
        return True
    if current.holder != holder and current.expires_at > now and not _dead_here(current.holder):
        return False
    return session.execute(
        sa.update(Lease).where(Lease.name == name, Lease.holder == current.holder).values(holder=holder, expires_at=expires)
    ).rowcount == 1


def release(session: orm.Session, holder: str, name: str = SCHEDULER) -> None:
    session.execute(sa.delete(Lease).where(Lease.name == name, Lease.holder == holder))


def holder_of(session: orm.Session, name: str = SCHEDULER) -> str | None:
    return session.scalar(sa.select(Lease.holder).where(Lease.name == name))


def _dead_here(holder: str) -> bool:
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False
