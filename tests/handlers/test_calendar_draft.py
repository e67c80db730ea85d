"""Between cycles: next year's calendar drafted from the latest year's, answers that say they
are an estimate, and reminders from a draft only once a superadmin lets them go out."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
import sqlalchemy as sa

from bot.clock import BANGKOK
from models import AuditEntry, Calendar, CalendarChange
from models import Step as StepRow
from schedules.deliver import run_pass
from tests.provinces import COORDINATOR, COORDINATORS, UNIT_GROUP

ESTIMATE = "คาดการณ์จากปี 2568 รอ ป.ป.ช. ประกาศ"
BETWEEN_CYCLES = "2026-12-07T10:00:00+07:00"


def steps_of(session, key: str) -> dict[str, StepRow]:
    calendar = session.scalar(sa.select(Calendar).where(Calendar.key == key))
    return {s.key: s for s in calendar.steps} if calendar else {}


def test_between_cycles_with_no_draft_the_bot_says_when_the_last_cycle_ran_and_what_comes_first(line, calendars, clock):
    clock.freeze(BETWEEN_CYCLES)
    answer = line.say("กำหนดการ").text
    assert "ITA 2568" in answer and "ซึ่งสิ้นสุดแล้ว" in answer
    assert "ปีที่ผ่านมา ITA 2568 เริ่มด้วย:" in answer
    assert "ลงทะเบียนระบบ ITAS: 1–31 ม.ค. 2568" in answer


def test_the_cli_drafts_next_year_from_the_latest_with_the_same_days_and_words(app, calendars, session):
    result = app.test_cli_runner().invoke(args=["calendar", "draft", "2570", "--from", "2568"])
    assert result.exit_code == 0, result.output
    assert "drafted ITA 2570 from 2568" in result.output
    old, new = steps_of(session, "2568/nacc"), steps_of(session, "2570/nacc")
    assert new.keys() == old.keys()
    assert (new["oit-answer"].start_date, new["oit-answer"].end_date) == (date(2027, 1, 1), date(2027, 4, 30))
    assert new["itas-register"].words == old["itas-register"].words
    lamphun = steps_of(session, "2570/province/ลำพูน")
    assert (lamphun["oit-clarify"].start_date, lamphun["oit-clarify"].end_date) == (date(2027, 6, 6), date(2027, 6, 16))
    drafts = session.scalars(sa.select(Calendar).where(Calendar.year == 2570)).all()
    assert {c.estimated_from for c in drafts} == {2568} and not any(c.reminders_on for c in drafts)
    assert {c.key for c in drafts} == {"2570/nacc", "2570/province/ลำพูน", "2570/province/เชียงใหม่",
                                       "2570/province/ชัยภูมิ"}
    assert all("2570" in c.title and "ร่าง" in c.title for c in drafts)
    again = app.test_cli_runner().invoke(args=["calendar", "draft", "2570"])
    assert again.exit_code != 0 and "มีอยู่ในระบบแล้ว" in again.output


def test_a_superadmin_drafts_in_a_one_to_one_chat_and_answers_then_say_they_are_an_estimate(
        line, calendars, superadmin, clock, session):
    clock.freeze(BETWEEN_CYCLES)
    made = line.say("ร่างปฏิทิน 2570", user=superadmin)
    assert "ร่างปฏิทิน ITA 2570 แล้ว" in made.text and "3 จังหวัด" in made.text
    answer = line.say("OIT ส่งเมื่อไหร่").text
    assert "กำหนดการ ITA 2570" in answer and "1 ม.ค. – 30 เม.ย. 2570" in answer
    assert ESTIMATE in answer
    step = line.say("ลงทะเบียน ITAS ถึงวันไหน").text
    assert "31 ม.ค. 2570" in step and ESTIMATE in step
    assert ESTIMATE not in line.say("กำหนดการ", user=superadmin).text.replace(ESTIMATE, "", 1)  # said once
    assert session.scalar(sa.select(sa.func.count()).select_from(CalendarChange)
                          .where(CalendarChange.year == 2570, CalendarChange.kind == "draft")) == 4
    assert "มีอยู่ในระบบแล้ว" in line.say("ร่างปฏิทิน 2570", user=superadmin).text


def test_a_question_about_a_draft_never_makes_one(line, calendars, superadmin, clock, session):
    clock.freeze(BETWEEN_CYCLES)
    line.say("ร่างปฏิทิน 2570 ออกหรือยัง", user=superadmin)
    line.say("ไม่ต้องร่างปฏิทิน 2570", user=superadmin)
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar).where(Calendar.year == 2570)) == 0


@pytest.mark.parametrize("who, group", [(COORDINATOR, None), ("U" + "1" * 32, None)])
def test_only_a_superadmin_drafts(line, lamphun, who, group, session, clock):
    clock.freeze(BETWEEN_CYCLES)
    answer = line.say("ร่างปฏิทิน 2570", user=who, group=group).text
    assert "ขออภัย" in answer
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar).where(Calendar.year == 2570)) == 0
    assert session.scalar(sa.select(AuditEntry.allowed).where(AuditEntry.action == "command.calendar_draft")) is False


def test_in_a_group_the_draft_is_refused_with_the_reason(line, lamphun, superadmin, session, clock):
    clock.freeze(BETWEEN_CYCLES)
    assert "แชต 1:1" in line.say("ร่างปฏิทิน 2570", user=superadmin, group=COORDINATORS).text
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar).where(Calendar.year == 2570)) == 0


def test_no_reminder_goes_out_from_a_draft_until_a_superadmin_switches_it_on(
        app, line, lamphun, superadmin, clock, fake_line, session):
    fake_line.set_quota(None)
    clock.freeze(BETWEEN_CYCLES)
    made = line.say("ร่างปฏิทิน 2570", user=superadmin)
    first_day = datetime.combine(date(2027, 1, 1), time(9), BANGKOK)
    assert run_pass(app, first_day).outcomes == {}
    assert fake_line.pushes() == []

    clock.freeze("2026-12-08T10:00:00+07:00")
    switched = line.tap(made[0], "เปิดแจ้งเตือน", user=superadmin)
    assert "เปิดแจ้งเตือนจากร่างปฏิทิน ITA 2570 แล้ว" in switched.text
    assert "เปิดอยู่แล้ว" in line.say("เปิดแจ้งเตือนจากร่าง 2570", user=superadmin).text
    session.expire_all()
    assert all(c.reminders_on for c in session.scalars(sa.select(Calendar).where(Calendar.year == 2570)))
    audited = session.scalars(sa.select(AuditEntry.target).where(AuditEntry.action == "calendar.reminders")).all()
    assert "2570/nacc" in audited

    report = run_pass(app, first_day)
    assert set(report.outcomes) == {"sent"}
    pushed = {p["to"]: p["messages"][0]["text"] for p in fake_line.pushes()}
    assert UNIT_GROUP in pushed and ESTIMATE in pushed[UNIT_GROUP] and "2570" in pushed[UNIT_GROUP]

    line.tap(switched[0], "ปิดแจ้งเตือน", user=superadmin)
    before = len(fake_line.pushes())
    assert run_pass(app, datetime.combine(date(2027, 1, 24), time(9), BANGKOK)).outcomes == {}
    assert len(fake_line.pushes()) == before


def test_a_coordinator_cannot_switch_a_drafts_reminders(line, lamphun, superadmin, clock, session):
    clock.freeze(BETWEEN_CYCLES)
    line.say("ร่างปฏิทิน 2570", user=superadmin)
    assert "ขออภัย" in line.say("เปิดแจ้งเตือนจากร่าง 2570", user=COORDINATOR).text
    session.expire_all()
    assert not any(c.reminders_on for c in session.scalars(sa.select(Calendar).where(Calendar.year == 2570)))
