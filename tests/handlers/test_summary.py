"""Coordinators see the province as the ITAS status page shows it, and who is behind."""
from __future__ import annotations

import sqlalchemy as sa

from models import AuditEntry
from tests.provinces import COORDINATOR, COORDINATORS, STRANGER


def test_summary_shows_exactly_the_status_page_figures(line, lamphun_status_page):
    answer = line.say("สรุป", user=COORDINATOR, group=COORDINATORS).text
    assert "หน่วยงานที่เข้าร่วม 59 หน่วยงาน" in answer
    assert "IIT: ผู้ตอบ 1,664 ราย\n   ครบขั้นต่ำ 31 · ยังไม่ครบ 28" in answer
    assert "EIT ส่วนที่ 1: ผู้ตอบ 1,969 ราย\n   ครบขั้นต่ำ 20 · ยังไม่ครบ 39" in answer
    assert "OIT: อนุมัติแล้ว 0 · ยังไม่เสร็จ 59" in answer


def test_units_behind_are_listed_largest_gap_first_and_paged(line, lamphun_status_page):
    [first] = line.say("ยังไม่ครบ", user=COORDINATOR, group=COORDINATORS)
    assert "(39 หน่วยงาน) หน้า 1/2" in first["text"]
    assert first["text"].split("\n")[1].startswith("1. อบต.ทดสอบ31 — IIT 10/30 ขาด 20, EIT 20/40 ขาด 20")
    [second] = line.tap(first, "ยังไม่ครบ หน้า 2", user=COORDINATOR, group=COORDINATORS)
    assert "หน้า 2/2" in second["text"] and "\n39. " in second["text"]


def test_a_member_cannot_see_the_summary_and_the_attempt_is_audited(line, lamphun_status_page, session):
    assert "สงวนไว้" in line.say("สรุป", user=STRANGER, group=COORDINATORS).text
    session.rollback()
    refused = session.scalar(sa.select(AuditEntry).where(AuditEntry.allowed.is_(False)))
    assert (refused.actor, refused.action, refused.target) == (STRANGER, "command.summary", "ลำพูน")
