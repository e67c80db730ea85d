"""Coordinators see the province as the ITAS status page shows it, and manage data by command."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.line.simulator import message_text, sign, source, text_event
from models import AuditEntry, Chat, Member, OitState, Quota, Report, Unit, get_or_create_province

COORD = "Ucoord000000000000000000000000aa"


def say(line, text, **where):
    where.setdefault("user", COORD)
    return "\n".join(message_text(m) for m in line.say(text, **where))


@pytest.fixture
def lamphun_59(session, clock, calendars):
    """Lamphun as seed 004's ITAS status page shows it: 59 units; IIT 1,664 responses with 31 at
    minimum; EIT part 1 1,969 with 20 at minimum; OIT 0 completed."""
    clock.freeze("2025-04-10T09:00:00+07:00")
    now = clock.now()
    province = get_or_create_province(session, "ลำพูน")
    iit = [64] + [44] * 30 + [10] * 28           # 31 units at >= 30, sum 1,664
    eit = [68] + [59] * 19 + [20] * 39           # 20 units at >= 40, sum 1,969
    for n in range(59):
        unit = Unit(province=province, name=f"อบต.ทดสอบ{n:02d}", kind="sao", key=f"อบตทดสอบ{n:02d}")
        session.add(unit)
        session.flush()
        session.add(Quota(unit_id=unit.id, year=2568, iit_min=30, eit_min=40, internal_stakeholders=100))
        session.add(OitState(unit_id=unit.id, year=2568, state="answering", updated_at=now))
        for form, count in (("IIT", iit[n]), ("EIT", eit[n])):
            # An earlier, smaller report too: only the latest counts.
            session.add(Report(unit_id=unit.id, year=2568, form=form, count=count // 2, reported_at=now - timedelta(days=3)))
            session.add(Report(unit_id=unit.id, year=2568, form=form, count=count, reported_at=now))
    session.add(Member(user_id=COORD, role="coordinator", province_id=province.id, joined_at=now))
    session.add(Chat(id="Ccoords", kind="group", province_id=province.id, first_seen=now))
    session.commit()


def test_summary_shows_exactly_the_status_page_figures(line, lamphun_59):
    answer = say(line, "สรุป", group="Ccoords")
    assert "หน่วยงานที่เข้าร่วม 59 หน่วยงาน" in answer
    assert "IIT: ผู้ตอบ 1,664 ราย\n   ครบขั้นต่ำ 31 · ยังไม่ครบ 28" in answer
    assert "EIT ส่วนที่ 1: ผู้ตอบ 1,969 ราย\n   ครบขั้นต่ำ 20 · ยังไม่ครบ 39" in answer
    assert "OIT: อนุมัติแล้ว 0 · ยังไม่เสร็จ 59" in answer


def test_units_behind_are_listed_largest_gap_first_and_paged(line, lamphun_59):
    first = line.say("ยังไม่ครบ", user=COORD, group="Ccoords")[0]
    assert "(39 หน่วยงาน) หน้า 1/2" in first["text"]
    assert first["text"].split("\n")[1].startswith("1. อบต.ทดสอบ31 — IIT 10/30 ขาด 20, EIT 20/40 ขาด 20")
    second = line.tap(first, "ยังไม่ครบ หน้า 2", user=COORD, group="Ccoords")[0]
    assert "หน้า 2/2" in second["text"] and "\n39. " in second["text"]


def test_a_member_cannot_see_the_summary_and_the_attempt_is_audited(line, lamphun_59, session):
    assert "สงวนไว้" in say(line, "สรุป", user="Ustranger", group="Ccoords")
    session.rollback()
    assert session.scalar(sa.select(AuditEntry).where(AuditEntry.allowed.is_(False))).actor == "Ustranger"


def test_coordinators_set_minimums_and_staff_counts_with_before_and_after(line, lamphun_59, session):
    assert "ขั้นต่ำ IIT 30 → 60" in say(line, "ตั้งโควตา IIT อบต.ทดสอบ01 60")
    assert "ขั้นต่ำ EIT 40 → 100" in say(line, "ตั้งขั้นต่ำ EIT อบต.ทดสอบ01 100")
    assert "จำนวนบุคลากร 100 → 85" in say(line, "ตั้งจำนวนบุคลากร อบต.ทดสอบ01 85")
    assert "ไม่มีสิทธิ์" in say(line, "ตั้งโควตา IIT อบต.ทดสอบ01 1", user="Ustranger") + say(
        line, "ตั้งโควตา IIT อบต.ทดสอบ01 1", user=_other_province_coordinator(session))
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


def test_coordinators_add_and_revoke_coordinators_by_mention_or_user_id(line, lamphun_59, session):
    new = "U" + "b" * 32
    assert "เป็นผู้ประสานงาน จ.ลำพูน" in say(line, f"เพิ่มผู้ประสานงาน {new}", group="Ccoords")
    session.rollback()
    assert session.get(Member, new).role == "coordinator"
    event = text_event("ถอนสิทธิ์ @คนใหม่", source(COORD, group="Ccoords"), clock=line.clock)
    event["message"]["mention"] = {"mentionees": [{"index": 9, "length": 7, "type": "user", "userId": new}]}
    assert "ถอนสิทธิ์" in message_text(line.send(event)[0])
    session.rollback()
    assert session.get(Member, new).role == "member"


def test_oit_states_and_only_executives_or_coordinators_approve(line, lamphun_59, session):
    say(line, "ลงทะเบียน อบต.ทดสอบ05", user="Ustaff5")
    assert "รออนุมัติ" in say(line, "OIT ตอบครบแล้ว", user="Ustaff5")
    assert "ไม่มีสิทธิ์" in say(line, "OIT อนุมัติแล้ว", user="Ustaff5")
    session.execute(sa.update(Member).where(Member.user_id == "Ustaff5").values(role="executive"))
    session.commit()
    assert "อนุมัติแล้ว" in say(line, "OIT อนุมัติแล้ว", user="Ustaff5")
    assert "OIT: อนุมัติแล้ว 1 · ยังไม่เสร็จ 58" in say(line, "สรุป", group="Ccoords")


def test_two_reports_for_one_unit_at_the_same_moment_are_both_kept(line, lamphun_59, session):
    say(line, "ลงทะเบียน อบต.ทดสอบ07", user="Ustaff7")
    start = threading.Barrier(2)
    statuses = []

    def report(text: str):
        import json

        body = json.dumps({"destination": "U0", "events": [
            text_event(text, source("Ustaff7"), clock=line.clock)]}).encode()
        client = line.app.test_client()
        start.wait()
        statuses.append(client.post("/callback", data=body, headers={"X-Line-Signature": sign(line.secret, body)}).status_code)

    threads = [threading.Thread(target=report, args=(t,)) for t in ("IIT 61", "EIT 62")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200, 200]
    session.rollback()
    kept = session.execute(sa.select(Report.form, Report.count).join(Unit).where(Unit.name == "อบต.ทดสอบ07")
                           .order_by(Report.id)).all()
    assert sorted(kept[-2:]) == [("EIT", 62), ("IIT", 61)]
    assert len(kept) == 6  # the fixture's four and these two: nothing lost, nothing twice
