"""Who may do what: every permission is decided here, nowhere else."""
from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    """Ordered: a role may do everything the roles below it may."""

    ANYONE = 0
    MEMBER = 1
    EXECUTIVE = 2
    COORDINATOR = 3
    SUPERADMIN = 4


def role_of(session, user_id: str | None) -> Role:
    """The sender's role. Members and their roles arrive with the units issue;
    until then everyone is ANYONE."""
    return Role.ANYONE


def allowed(session, user_id: str | None, needed: Role) -> bool:
    return role_of(session, user_id) >= needed
