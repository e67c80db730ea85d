"""Coordinators manage minimums, staff counts and coordinator rights by command, audited."""
from __future__ import annotations

import sqlalchemy as sa

from bot.line.simulator import source, text_event
from models import AuditEntry, Member, Quota, Unit, get_or_create_province
from tests.provinces import COORDINATOR, COORDINATORS, STRANGER


def test_coordinators_set_minimums_and_staff_counts_with_before_and_after(line, lamphun_status_page, session):
    assert "ขั้นต่ำ IIT 30 → 60" in line.say("ตั้งโควตา IIT อบต.ทดสอบ01 60", user=COORDINATOR).text
    assert "ขั้นต่ำ EIT 40 → 100" in line.say("ตั้งขั้นต่ำ EIT อบต.ทดสอบ01 100", user=COORDINATOR).text
    assert "จำนวนบุคลากร 100 → 85" in line.say("ตั้งจำนวนบุคลากร อบต.ทดสอบ01 85", user=COORDINATOR).text
    assert "ไม่มีสิทธิ์" in line.say("ตั้งโควตา IIT อบต.ทดสอบ01 1", user=STRANGER).text
    assert "ไม่มีสิทธิ์" in line.say("ตั้งโควตา IIT อบต.ทดสอบ01 1", user=_other_province_coordinator(session)).text
    session.rollback()
    quota = session.scalar(sa.select(Quota).join(Unit).where(Unit.name == "อบต.ทดสอบ01"))
    assert (quota.iit_min, quota.eit_min, quota.internal_stakeholders) == (60, 100, 85)
    entry = session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "quota.iit_min", AuditEntry.allowed))
    assert (entry.before, entry.after) == ("30", "60")


def _other_province_coordinator(session) -> str:
    other = get_or_create_province(session, "เชียงใหม่")
    session.add(Member(user_id="Ucm", role="coordinator", province_id=other.id, joined_at=sa.func.now()))
    session.commit()
    return "Ucm"


def test_coordinators_add_and_revoke_coordinators_by_mention_or_user_id(line, lamphun_status_page, session):
    new = "U" + "b" * 32
    assert "เป็นผู้ประสานงาน จ.ลำพูน" in line.say(f"เพิ่มผู้ประสานงาน {new}", user=COORDINATOR, group=COORDINATORS).text
    session.rollback()
    assert session.get(Member, new).role == "coordinator"
    event = text_event("ถอนสิทธิ์ @คนใหม่", source(COORDINATOR, group=COORDINATORS), clock=line.clock)
    event["message"]["mention"] = {"mentionees": [{"index": 9, "length": 7, "type": "user", "userId": new}]}
    assert "ถอนสิทธิ์" in line.send(event).text
    session.rollback()
    assert session.get(Member, new).role == "member"
