"""Coordinators choose when their province is reminded; the scheduler follows."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from bot.clock import BANGKOK
from models import AuditEntry, ReminderRules
from schedules.deliver import run_pass
from tests.provinces import COORDINATOR, COORDINATORS, UNIT_GROUP, pushed_to


def test_a_coordinator_sees_and_changes_the_rules_and_the_scheduler_follows(app, lamphun, line, fake_line, session, clock):
    shown = line.say("ตั้งแจ้งเตือน", user=COORDINATOR, group=COORDINATORS).text
    assert "เตือนล่วงหน้า 7, 3, 1 วันก่อนครบกำหนด เวลา 09:00 น." in shown and "ตั้งได้เช่น" in shown
    saved = line.say("ตั้งแจ้งเตือน ล่วงหน้า ๕ 2 วัน เวลา 08.30 วันทำการ", user=COORDINATOR, group=COORDINATORS).text
    assert saved.startswith("บันทึกแล้วครับ") and "เตือนล่วงหน้า 5, 2 วัน" in saved and "08:30 น." in saved
    assert "เลื่อนมาเตือนวันทำการก่อนหน้า" in saved
    entry = session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "reminders.rules"))
    assert entry.actor == COORDINATOR and '"days_before": [7, 3, 1]' in entry.before

    clock.freeze("2025-04-22T12:00:00+07:00")
    nxt = line.say("แจ้งเตือนถัดไป", user="Ux", group=UNIT_GROUP).text
    assert "วันศุกร์ที่ 25 เมษายน 2568 เวลา 08:30 น." in nxt and "อีก 5 วันครบกำหนด" in nxt

    assert run_pass(app, datetime(2025, 4, 23, 9, 0, tzinfo=BANGKOK)).outcomes == {}  # no "7 days before" any more
    run_pass(app, datetime(2025, 4, 25, 8, 30, tzinfo=BANGKOK))  # Friday, 5 days before the OIT deadline
    [[text]] = pushed_to(fake_line, UNIT_GROUP)
    assert text.startswith("⏰ อีก 5 วันครบกำหนด")


def test_bad_rules_are_refused_in_thai_and_change_nothing(app, lamphun, line, session):
    assert "1 ถึง 60 วัน" in line.say("ตั้งแจ้งเตือน ล่วงหน้า 0 วัน", user=COORDINATOR, group=COORDINATORS).text
    assert "เวลาไม่ถูกต้อง" in line.say("ตั้งแจ้งเตือน เวลา 25:00", user=COORDINATOR, group=COORDINATORS).text
    assert session.scalar(sa.select(sa.func.count()).select_from(ReminderRules)) == 0


def test_only_the_provinces_coordinators_may_change_them(app, lamphun, line, session):
    assert "ขออภัยครับ" in line.say("ตั้งแจ้งเตือน ล่วงหน้า 2 วัน", user="U" + "d" * 32, group=COORDINATORS).text
    assert session.scalar(sa.select(sa.func.count()).select_from(ReminderRules)) == 0
    assert session.scalar(sa.select(AuditEntry.allowed).where(AuditEntry.action.like("command.%"))) is False


def test_the_cli_shows_and_changes_them(app, lamphun):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["remind", "rules", "จังหวัดลำพูน", "--days-before", "10,1", "--any-day", "--no-first-day"])
    assert result.exit_code == 0, result.output
    assert "เตือนล่วงหน้า 10, 1 วัน" in result.output and "วันแรกของขั้นตอน: ไม่เตือน" in result.output
    assert "10, 1" in runner.invoke(args=["remind", "rules", "ลำพูน"]).output
    assert runner.invoke(args=["remind", "rules", "ลำพูน", "--days-before", "x"]).exit_code != 0
    assert runner.invoke(args=["remind", "rules", "ไม่มีจังหวัดนี้"]).exit_code != 0
