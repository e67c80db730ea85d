"""Units report their IIT/EIT counts in LINE and see how far they are from their minimum."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.line.simulator import source, text_event
from models import AuditEntry, Report
from tests.provinces import COORDINATOR, STAFF, STRANGER, join_with_code


@pytest.fixture
def registered(line, lamphun):
    [reply] = line.say("ลงทะเบียน อบต.บ้านไผ่", user=STAFF)
    assert "อบต.บ้านไผ่" in reply["text"]


def counts(session):
    session.rollback()
    return session.execute(sa.select(Report.form, Report.count).order_by(Report.id)).all()


@pytest.mark.parametrize("text, form, count", [
    ("IIT 45", "IIT", 45), ("รายงาน IIT ๔๕ ชุด", "IIT", 45), ("EIT ได้ 120 แล้ว", "EIT", 120), ("eit 1,200", "EIT", 1200),
])
def test_a_report_is_stored_and_shows_progress(line, registered, session, text, form, count):
    [reply] = line.say(text, user=STAFF)
    assert reply["type"] == "flex"
    assert reply["altText"].startswith(f"อบต.บ้านไผ่ · {form} {count:,}/")
    assert "เหลือ 81 วัน" in reply["altText"]
    assert counts(session) == [(form, count)]


def test_two_forms_in_one_message(line, registered, session):
    replies = [m["altText"] for m in line.say("iit 45 eit 30", user=STAFF)]
    assert replies[0] == "อบต.บ้านไผ่ · IIT 45/60 (75%) ขาดอีก 15 ชุด · เหลือ 81 วัน"
    assert replies[1].startswith("อบต.บ้านไผ่ · EIT 30/40 (75%)")
    assert counts(session) == [("IIT", 45), ("EIT", 30)]


@pytest.mark.parametrize("text, reason", [
    ("IIT -5", "ติดลบ"), ("IIT 4.5", "จำนวนเต็ม"), ("EIT 100001", "มากเกินไป"), ("IIT 86", "มากกว่าจำนวนบุคลากร"),
])
def test_bad_reports_change_nothing_and_say_why(line, registered, session, text, reason):
    answer = line.say(text, user=STAFF).text
    assert reason in answer and "ยังไม่บันทึก" in answer
    assert counts(session) == []


def test_a_report_outside_the_window_names_the_window(line, registered, session, clock):
    clock.freeze("2025-07-02T09:00:00+07:00")
    answer = line.say("IIT 45", user=STAFF).text
    assert "นอกช่วงเก็บแบบวัด (1 ม.ค. – 30 มิ.ย. 2568)" in answer
    assert counts(session) == []


def test_a_sender_with_no_unit_is_told_how_to_register(line, lamphun, session):
    answer = line.say("IIT 45", user=STRANGER).text
    assert "ลงทะเบียน" in answer
    assert counts(session) == []
    assert session.scalar(sa.select(AuditEntry.action).where(AuditEntry.actor == STRANGER)) == "command.report"


def test_a_lower_count_needs_confirmation(line, registered, session):
    line.say("IIT 45", user=STAFF)
    [question] = line.say("IIT 40", user=STAFF)
    assert "น้อยกว่าที่รายงานไว้ล่าสุด (45)" in question["text"]
    assert counts(session) == [("IIT", 45)]
    [confirmed] = line.tap(question, "ยืนยัน", user=STAFF)
    assert confirmed["altText"].startswith("อบต.บ้านไผ่ · IIT 40/60")
    assert counts(session) == [("IIT", 45), ("IIT", 40)]
    [question] = line.say("IIT 10", user=STAFF)
    assert "ยกเลิก" in line.tap(question, "ยกเลิก", user=STAFF).text
    assert counts(session) == [("IIT", 45), ("IIT", 40)]


def test_a_coordinator_reports_for_a_named_unit_and_others_may_not(line, lamphun, session):
    [reply] = line.say("IIT อบต.บ้านไผ่ 45", user=COORDINATOR)
    assert reply["altText"].startswith("อบต.บ้านไผ่ · IIT 45/60")
    assert "ไม่มีสิทธิ์" in line.say("IIT อบต.บ้านไผ่ 50", user=STRANGER).text
    assert counts(session) == [("IIT", 45)]
    assert session.scalar(sa.select(AuditEntry).where(AuditEntry.allowed.is_(False))).actor == STRANGER


def test_a_unit_group_reports_for_its_unit(line, lamphun, session):
    join_with_code(line, "ทต.ป่าซาง", "Uanyone", group="Cpasang")
    [reply] = line.say("EIT 12", user="Uanyone", group="Cpasang")
    assert reply["altText"].startswith("ทต.ป่าซาง · EIT 12/70")


def test_binding_a_group_to_a_province_is_for_its_coordinators(line, lamphun, session):
    assert "ไม่มีสิทธิ์" in line.say("ผูกกลุ่ม จังหวัดลำพูน", user=STRANGER, group="Cnew").text
    assert "จ.ลำพูน" in line.say("ผูกกลุ่ม จังหวัดลำพูน", user=COORDINATOR, group="Cnew").text


def test_status_shows_iit_eit_and_oit(line, registered):
    line.say("IIT 45", user=STAFF)
    status = line.say("สถานะ", user=STAFF).text
    assert "IIT: 45 / 60 ขาดอีก 15 ชุด" in status and "EIT: 0 / 40" in status and "OIT: ยังไม่เริ่ม" in status


def test_the_same_report_delivered_twice_is_stored_once(line, registered, session):
    line.say("IIT 45", user=STAFF, event_id="01HDUPLICATEREPORT000000000")
    line.say("IIT 45", user=STAFF, event_id="01HDUPLICATEREPORT000000000")
    assert counts(session) == [("IIT", 45)]


def test_ambiguous_unit_names_offer_choices(line, lamphun):
    [reply] = line.say("ลงทะเบียน ลำพูน", user=STAFF)
    assert 2 <= len(reply["quickReply"]["items"]) <= 13


def test_two_reports_for_one_unit_at_the_same_moment_are_both_kept(line, lamphun, session):
    line.say("ลงทะเบียน อบต.บ้านไผ่", user=STAFF)
    statuses = line.post_together([text_event("IIT 61", source(STAFF), clock=line.clock)],
                                  [text_event("EIT 62", source(STAFF), clock=line.clock)])
    assert statuses == [200, 200]
    assert sorted(counts(session)) == [("EIT", 62), ("IIT", 61)]  # nothing lost, nothing twice


def test_the_same_form_twice_in_one_message_keeps_the_last_count(line, registered, session):
    line.say("IIT 50 IIT 55", user=STAFF)
    assert counts(session) == [("IIT", 55)]


def test_a_coordinator_reports_several_units_in_one_message(line, lamphun, session):
    replies = line.say("อัปเดตยอดค่ะ\nอบต.บ้านธิ IIT 20\nอบต.มะกอก IIT 18\nEIT 25", user=COORDINATOR)
    assert [r["altText"].split(" · ")[0] for r in replies] == ["อบต.บ้านธิ", "อบต.มะกอก", "อบต.มะกอก"]
    assert counts(session) == [("IIT", 20), ("IIT", 18), ("EIT", 25)]


def test_a_count_the_bot_is_not_sure_of_is_written_only_on_a_tap(line, registered, session):
    [question] = line.say("IIT น่าจะได้ประมาณ 48 ค่ะ", user=STAFF)
    assert "48" in question["text"] and counts(session) == []
    [stored] = line.tap(question, "ใช่ บันทึก", user=STAFF)
    assert stored["altText"].startswith("อบต.บ้านไผ่ · IIT 48/60")
    assert counts(session) == [("IIT", 48)]


@pytest.mark.parametrize("text", ["IIT 45 ใช่ไหม", "ถ้า IIT ได้ 45 จะผ่านไหม", "ยังไม่ได้ส่ง IIT 45 นะ",
                                  "EIT ส่วนที่ 1 ปิดวันไหน", "EIT ส่วนที่ 2 ได้ 15", "IIT ปี 2568"])
def test_questions_negations_and_parts_write_nothing(line, registered, session, text):
    assert line.say(text, user=STAFF)
    assert counts(session) == []


def test_a_member_reporting_for_another_unit_is_told_why(line, registered, session):
    answer = line.say("ทต.ป่าซาง IIT 30 ค่ะ", user=STAFF).text
    assert "ไม่มีสิทธิ์รายงานยอดของ ทต.ป่าซาง" in answer
    assert counts(session) == []
