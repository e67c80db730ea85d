"""Joining a unit: a person (in 1:1) or a group comes to speak for a unit, directly (with the
unit's join code, or as someone the unit already trusts) or by a request a coordinator approves.

Join codes are 6 digits, kept only as a hash, valid for a week, and dead after five wrong tries,
so that guessing one is not worth trying.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from bot.audit import audit
from models import Chat, JoinCode, JoinRequest, Member, Unit

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(days=7)
WRONG_TRIES = 5


def _hash(unit_id: int, code: str) -> str:
    return hashlib.sha256(f"{unit_id}:{code}".encode()).hexdigest()


def issue_code(session: orm.Session, unit: Unit, by: str | None, now: datetime) -> tuple[str, datetime]:
    """A new join code for the unit (the previous one stops working); the code and when it expires."""
    code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    expires = now + CODE_LIFETIME
    current = session.get(JoinCode, unit.id)
    if current is None:
        current = JoinCode(unit_id=unit.id)
        session.add(current)
    current.code_hash, current.issued_by, current.issued_at = _hash(unit.id, code), by or "unknown", now
    current.expires_at, current.failures = expires, 0
    audit(session, now, by, "unit.join_code", unit.name, after={"expires_at": expires.isoformat()})
    return code, expires


def code_accepted(session: orm.Session, unit: Unit, typed: str | None, now: datetime) -> bool | None:
    """True for the unit's live code, False for a wrong one (counted), None when none was typed."""
    if not typed:
        return None
    current = session.get(JoinCode, unit.id)
    if current is None or current.expires_at <= now or current.failures >= WRONG_TRIES:
        return False
    if secrets.compare_digest(current.code_hash, _hash(unit.id, typed.strip())):
        return True
    current.failures += 1
    return False


def join(session: orm.Session, unit: Unit, chat: Chat, user_id: str | None, by: str | None, now: datetime) -> None:
    """Make the person of a 1:1 chat a member of the unit, or bind the group to it; audited."""
    if chat.kind == "user":
        member = session.get(Member, user_id)
        before = None if member is None else {"unit_id": member.unit_id, "role": member.role}
        if member is None:
            member = Member(user_id=user_id, role="member", joined_at=now)
            session.add(member)
        member.unit_id = unit.id
        if member.role in ("member", "executive"):
            member.province_id = unit.province_id
        chat.unit_id, chat.province_id = unit.id, unit.province_id
        audit(session, now, by, "member.register", unit.name, before,
              {"user_id": user_id, "unit_id": unit.id, "role": member.role})
        return
    before = {"unit_id": chat.unit_id, "province_id": chat.province_id}
    chat.unit_id, chat.province_id = unit.id, unit.province_id
    audit(session, now, by, "chat.bind_unit", chat.id, before, {"unit_id": unit.id, "province_id": unit.province_id})


def request(session: orm.Session, unit: Unit, chat: Chat, user_id: str | None, now: datetime) -> JoinRequest | None:
    """A pending request for the chat to join the unit; None when one is pending already."""
    pending = session.scalar(sa.select(JoinRequest).where(
        JoinRequest.unit_id == unit.id, JoinRequest.chat_id == chat.id, JoinRequest.state == "pending"))
    if pending is not None:
        return None
    asked = JoinRequest(unit_id=unit.id, chat_id=chat.id, user_id=user_id, state="pending", requested_at=now)
    session.add(asked)
    session.flush()  # its id goes on the approval buttons
    audit(session, now, user_id, "join.request", unit.name, after={"request": asked.id, "chat_id": chat.id})
    return asked


def pending(session: orm.Session, province_id: int, limit: int) -> list[JoinRequest]:
    return list(session.scalars(
        sa.select(JoinRequest).join(Unit).where(Unit.province_id == province_id, JoinRequest.state == "pending")
        .order_by(JoinRequest.id).limit(limit)))


def decide(session: orm.Session, asked: JoinRequest, approve: bool, by: str | None, now: datetime) -> bool:
    """Approve (the join happens) or reject a pending request; False when it was decided already."""
    won = session.execute(sa.update(JoinRequest).where(JoinRequest.id == asked.id, JoinRequest.state == "pending")
                          .values(state="approved" if approve else "rejected", decided_by=by, decided_at=now)
                          .execution_options(synchronize_session="fetch")).rowcount
    if not won:
        return False
    if approve:
        chat = session.get(Chat, asked.chat_id)
        if chat is not None:
            join(session, asked.unit, chat, asked.user_id, by, now)
    audit(session, now, by, "join.approve" if approve else "join.reject", asked.unit.name,
          after={"request": asked.id, "chat_id": asked.chat_id})
    return True
