"""Units record their OIT progress; only the unit's executives and its coordinators record the approval."""
from __future__ import annotations

import sqlalchemy as sa

from models import Member
from tests.provinces import COORDINATOR, COORDINATORS, join_with_code


def test_oit_states_and_only_executives_or_coordinators_approve(line, lamphun_status_page, session):
    join_with_code(line, "อบต.ทดสอบ05", "Ustaff5")
    assert "รออนุมัติ" in line.say("OIT ตอบครบแล้ว", user="Ustaff5").text
    assert "ไม่มีสิทธิ์" in line.say("OIT อนุมัติแล้ว", user="Ustaff5").text
    session.execute(sa.update(Member).where(Member.user_id == "Ustaff5").values(role="executive"))
    session.commit()
    assert "อนุมัติแล้ว" in line.say("OIT อนุมัติแล้ว", user="Ustaff5").text
    assert "OIT: อนุมัติแล้ว 1 · ยังไม่เสร็จ 58" in line.say("สรุป", user=COORDINATOR, group=COORDINATORS).text
