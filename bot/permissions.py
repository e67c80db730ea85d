"""Who may do what: every permission is decided here, nowhere else."""
from __future__ import annotations

from enum import IntEnum

from sqlalchemy import orm

from models import Member, Unit


class Role(IntEnum):
    """Ordered: a role may do everything the roles below it may."""

    ANYONE = 0
    MEMBER = 1
    EXECUTIVE = 2
    COORDINATOR = 3
    SUPERADMIN = 4


_BY_NAME = {"member": Role.MEMBER, "executive": Role.EXECUTIVE, "coordinator": Role.COORDINATOR,
            "superadmin": Role.SUPERADMIN}


def member_of(session: orm.Session, user_id: str | None) -> Member | None:
    return session.get(Member, user_id) if user_id else None


def role_of(session: orm.Session, user_id: str | None) -> Role:
    member = member_of(session, user_id)
    return _BY_NAME.get(member.role, Role.ANYONE) if member else Role.ANYONE


def allowed(session: orm.Session, user_id: str | None, needed: Role) -> bool:
    return needed == Role.ANYONE or role_of(session, user_id) >= needed


def coordinates(session: orm.Session, user_id: str | None, province_id: int | None) -> bool:
    """A coordinator of that province, or a superadmin."""
    member = member_of(session, user_id)
    if member is None:
        return False
    return member.role == "superadmin" or (member.role == "coordinator" and member.province_id == province_id)


def may_report_for(session: orm.Session, user_id: str | None, unit: Unit, chat_unit_id: int | None) -> bool:
    """Staff report for their own unit (or in their unit's chat); coordinators for their province's units."""
    if coordinates(session, user_id, unit.province_id):
        return True
    member = member_of(session, user_id)
    return (member is not None and member.unit_id == unit.id) or chat_unit_id == unit.id


def may_approve_oit(session: orm.Session, user_id: str | None, unit: Unit) -> bool:
    member = member_of(session, user_id)
    if member is not None and member.role == "executive" and member.unit_id == unit.id:
        return True
    return coordinates(session, user_id, unit.province_id)
