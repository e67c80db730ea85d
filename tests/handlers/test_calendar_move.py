"""A deadline moved in chat: a preview first, stored only by its confirm button (once), with its
history; reminders follow the new date and never the old one; chats are told once."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import sqlalchemy as sa

from bot.clock import BANGKOK
from bot.line.simulator import postback_event, source
from models import AuditEntry, Calendar, CalendarChange, CalendarProposal, Chat, Delivery
from models import Step as StepRow
from schedules.deliver import run_pass
from tests.provinces import COORDINATOR, COORDINATORS, MEMBERS, OTHER_COORDINATOR, STAFF, UNIT_GROUP



pytestmark = pytest.mark.usefixtures("lamphun")


def dates(session, key: str, step: str) -> tuple[date, date] | None:
    session.rollback()
    row = session.scalar(sa.select(StepRow).join(Calendar).where(Calendar.key == key, StepRow.key == step))
    return (row.start_date, row.end_date) if row else None


def count(session, model, *where) -> int:
    session.rollback()
    return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BANGKOK)


def test_a_superadmin_moves_a_naccs_step_after_a_preview_and_one_confirm(line, superadmin, session, fake_line, app):
    fake_line.set_quota(None)
    for chat_id, members in MEMBERS.items():  # as the reminder pass keeps them
        session.get(Chat, chat_id).member_count = members
    session.commit()
    preview = line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)
    assert "ยังไม่บันทึก" in preview.text
    assert "ตอบแบบวัด OIT" in preview.text or "OIT" in preview.text
    assert "1 ม.ค. – 30 เม.ย. 2568 → 1 ม.ค. – 15 พ.ค. 2568" in preview.text
    assert "แจ้งเตือนที่ยกเลิก" in preview.text and "แจ้งเตือนใหม่" in preview.text
    assert "3 แชต" in preview.text and "18 ข้อความ" in preview.text  # 12 + 5 members, and one 1:1
    assert dates(session, "2568/nacc", "oit-answer") == (date(2025, 1, 1), date(2025, 4, 30))  # nothing yet

    done = line.tap(preview[0], "ยืนยัน", user=superadmin)
    assert "บันทึกการเปลี่ยนกำหนดการแล้ว" in done.text
    assert dates(session, "2568/nacc", "oit-answer") == (date(2025, 1, 1), date(2025, 5, 15))
    assert "1 ม.ค. – 15 พ.ค. 2568" in line.say("OIT ส่งเมื่อไหร่", group=UNIT_GROUP).text
    assert "ได้ยืนยันหรือยกเลิกไปแล้ว" in line.tap(preview[0], "ยืนยัน", user=superadmin).text
    assert count(session, CalendarChange, CalendarChange.kind == "move") == 1
    change = session.scalar(sa.select(CalendarChange).where(CalendarChange.kind == "move"))
    assert (change.actor, change.step_key) == (superadmin, "oit-answer")
    assert '"end": "2025-04-30"' in change.before and '"end": "2025-05-15"' in change.after
    assert count(session, AuditEntry, AuditEntry.action == "calendar.move") == 1

    run_pass(app, at(date(2025, 4, 10), 9, 5))
    run_pass(app, at(date(2025, 4, 10), 9, 10))
    pushed = [p["to"] for p in fake_line.pushes() for m in p["messages"] if "กำหนดการเปลี่ยน" in m["text"]]
    assert len(pushed) == len(set(pushed)) == 2  # the unit's group had it riding along on its question
    session.rollback()
    told = session.execute(sa.select(Delivery.chat_id, Delivery.status, Delivery.via)
                           .where(Delivery.reminder_key.startswith("calendar-moved:"))).all()
    assert sorted(told) == sorted([(COORDINATORS, "sent", "push"), (UNIT_GROUP, "sent", "reply"),
                                   ("Ustaff", "sent", "push")])


def test_reminders_follow_the_new_date_and_none_goes_out_for_the_old_one(line, superadmin, session, fake_line, app,
                                                                       clock):
    fake_line.set_quota(None)
    clock.freeze(at(date(2025, 4, 10), 10))
    preview = line.say("เลื่อน OIT ถึง 13 เม.ย. 2568", user=superadmin)  # 3 days before the new end: today
    assert "ส่งวันนี้ในรอบถัดไป 1 รายการ" in preview.text
    line.tap(preview[0], "ยืนยัน", user=superadmin)
    run_pass(app, at(date(2025, 4, 10), 10, 5))
    texts = [m["text"] for p in fake_line.pushes() if p["to"] == UNIT_GROUP for m in p["messages"]]
    assert any("อีก 3 วันครบกำหนด" in t and "13 เม.ย. 2568" in t for t in texts)
    for day in (date(2025, 4, 23), date(2025, 4, 27), date(2025, 4, 29), date(2025, 4, 30)):
        run_pass(app, at(day))
    keys = set(session.scalars(sa.select(Delivery.reminder_key).where(Delivery.reminder_key.contains("oit-answer"))))
    assert not any("2025-04-30" in key for key in keys)
    assert any("2025-04-13" in key for key in keys)


def test_a_move_drops_the_old_dates_reminders_still_waiting(line, superadmin, session, fake_line, app, clock):
    fake_line.set_quota(0)  # nothing can be pushed: the day's reminders wait in the ledger
    clock.freeze(at(date(2025, 4, 23), 10))
    run_pass(app, at(date(2025, 4, 23)))
    waiting = sa.and_(Delivery.status.in_(("pending", "deferred")), Delivery.reminder_key.contains("oit-answer:2025-04-30"))
    assert count(session, Delivery, waiting) > 0
    line.tap(line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)[0], "ยืนยัน", user=superadmin)
    assert count(session, Delivery, waiting) == 0


def test_a_move_back_is_a_move_too_and_the_history_lists_both(line, superadmin, session):
    line.tap(line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)[0], "ยืนยัน", user=superadmin)
    line.tap(line.say("เลื่อน OIT ถึง 30 เม.ย. 2568", user=superadmin)[0], "ยืนยัน", user=superadmin)
    assert dates(session, "2568/nacc", "oit-answer") == (date(2025, 1, 1), date(2025, 4, 30))
    listed = line.say("ประวัติปฏิทิน", user=COORDINATOR).text
    assert "ประวัติปฏิทิน ITA 2568" in listed
    assert listed.count("เลื่อน") == 2 and "15 พ.ค. 2568" in listed


def test_a_range_moves_both_ends(line, superadmin, session, clock):
    clock.freeze("2026-12-07T10:00:00+07:00")
    assert line.app.test_cli_runner().invoke(args=["calendar", "draft", "2570"]).exit_code == 0
    preview = line.say("แก้วันลงทะเบียน ITAS เป็น 1–15 ม.ค. 2570", user=superadmin)
    assert "1–31 ม.ค. 2570 → 1–15 ม.ค. 2570" in preview.text
    line.tap(preview[0], "ยืนยัน", user=superadmin)
    assert dates(session, "2570/nacc", "itas-register") == (date(2027, 1, 1), date(2027, 1, 15))


def test_a_coordinator_moves_only_their_provinces_deadline_and_never_past_the_naccs(line, superadmin, session):
    refused = line.say("ขยายเวลา IIT EIT ถึง 31 ก.ค.", user=COORDINATOR).text
    assert "เกินวันของ ป.ป.ช." in refused
    preview = line.say("เลื่อน IIT ถึง 31 พ.ค. 2568", user=COORDINATOR)
    assert "(จ.ลำพูน)" in preview.text and "ยังไม่มีกำหนดของจังหวัด" in preview.text
    line.tap(preview[0], "ยืนยัน", user=COORDINATOR)
    assert dates(session, "2568/province/ลำพูน", "iit-collect") == (date(2025, 1, 1), date(2025, 5, 31))
    assert dates(session, "2568/nacc", "iit-collect") == (date(2025, 1, 1), date(2025, 6, 30))
    answer = line.say("IIT ปิดวันไหน", group=UNIT_GROUP).text
    assert "จ.ลำพูน" in answer and "31 พ.ค. 2568" in answer


def test_nobody_else_moves_a_deadline(line, superadmin, session):
    for who, group in ((OTHER_COORDINATOR, COORDINATORS), (STAFF, None), (STAFF, UNIT_GROUP)):
        answer = line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=who, group=group).text
        assert "ขออภัย" in answer, who
    assert count(session, CalendarProposal) == 0
    proposal = line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)
    assert "ไม่ใช่ของท่าน" in line.tap(proposal[0], "ยืนยัน", user=COORDINATOR).text
    assert dates(session, "2568/nacc", "oit-answer")[1] == date(2025, 4, 30)


@pytest.mark.parametrize("question", ["เลื่อน OIT ไหม", "จะเลื่อน OIT ถึง 15 พ.ค. ไหมคะ", "ไม่ต้องเลื่อน OIT ถึง 15 พ.ค."])
def test_a_question_or_a_negation_never_moves_anything(line, superadmin, session, question):
    line.say(question, user=superadmin)
    assert count(session, CalendarProposal) == 0
    assert dates(session, "2568/nacc", "oit-answer")[1] == date(2025, 4, 30)


def test_cancel_and_a_stale_preview_change_nothing(line, superadmin, session, clock):
    first = line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)
    assert "ยกเลิกแล้ว" in line.tap(first[0], "ยกเลิก", user=superadmin).text
    assert "ได้ยืนยันหรือยกเลิกไปแล้ว" in line.tap(first[0], "ยืนยัน", user=superadmin).text
    late = line.say("เลื่อน OIT ถึง 16 พ.ค. 2568", user=superadmin)
    clock.freeze(clock.now() + timedelta(minutes=61))
    assert "เก่าเกิน 1 ชั่วโมง" in line.tap(late[0], "ยืนยัน", user=superadmin).text
    changed_meanwhile = line.say("เลื่อน OIT ถึง 17 พ.ค. 2568", user=superadmin)
    line.tap(line.say("เลื่อน IIT ถึง 20 มิ.ย. 2568", user=superadmin)[0], "ยืนยัน", user=superadmin)
    assert "ปฏิทินเปลี่ยนไปแล้ว" in line.tap(changed_meanwhile[0], "ยืนยัน", user=superadmin).text
    assert dates(session, "2568/nacc", "oit-answer")[1] == date(2025, 4, 30)


def test_a_bad_date_is_refused_with_the_reason(line, superadmin, session):
    assert "ผ่านไปแล้ว" in line.say("เลื่อน OIT ถึง 1 มี.ค. 2568", user=superadmin).text
    assert "อยู่แล้ว" in line.say("เลื่อน OIT ถึง 30 เม.ย. 2568", user=superadmin).text
    assert count(session, CalendarProposal) == 0


def test_itabot_init_keeps_a_calendar_moved_in_chat(line, superadmin, session, app):
    line.tap(line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)[0], "ยืนยัน", user=superadmin)
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "kept: 2568/nacc" in result.output
    assert dates(session, "2568/nacc", "oit-answer")[1] == date(2025, 5, 15)


@pytest.mark.parametrize("data", ["calendar-confirm:", "calendar-confirm:abc", "calendar-confirm:-1",
                                  "calendar-confirm:99999999999999999999", "calendar-cancel:1:2",
                                  "draft-reminders:2570", "draft-reminders:x:on", "draft-reminders:2570:maybe"])
def test_a_superadmins_buttons_check_their_data(line, superadmin, session, data):
    reply = line.send(postback_event(data, source(superadmin), clock=line.clock))
    assert reply.text
    assert count(session, CalendarChange, CalendarChange.kind != "load") == 0
