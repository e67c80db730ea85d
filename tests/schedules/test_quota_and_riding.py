"""Within the month's quota: deadlines first, nudges wait, coordinators told once; what waits
rides along, free, in the bot's next reply in that chat."""
from __future__ import annotations

import json
import urllib.request
from datetime import datetime, timedelta

from bot.clock import BANGKOK
from schedules.deliver import run_pass
from tests.provinces import COORDINATORS, STAFF_USER, UNIT_GROUP, ledger, pushed_to

OIT_D7 = "deadline:nacc:oit-answer:2025-04-30:d-7"
WEDNESDAY = datetime(2025, 4, 23, 9, 0, tzinfo=BANGKOK)
NUDGE_MONDAY = datetime(2025, 5, 26, 9, 0, tzinfo=BANGKOK)  # IIT/EIT windows open, no deadline reminder due


def leave_in_quota(fake_line, remaining: int) -> None:
    fake_line.set_quota(300)
    fake_line.set_usage_offset(300 - remaining)


def quota_used(fake_line) -> int:
    request = urllib.request.Request(f"{fake_line.url}/v2/bot/message/quota/consumption",
                                     headers={"Authorization": "Bearer test-access-token"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["totalUsage"]


def test_when_the_quota_runs_short_deadlines_go_first_and_coordinators_are_told_once(app, lamphun, fake_line, session):
    leave_in_quota(fake_line, 6)  # the unit's 12-member group cannot be afforded; 5 + 1 can
    report = run_pass(app, WEDNESDAY)
    assert (report.remaining, report.needed, report.cost, report.deferred_chats) == (6, 18, 6, 1)
    assert quota_used(fake_line) == 300  # to the last message, never beyond
    [coordinators] = pushed_to(fake_line, COORDINATORS)
    assert coordinators[0].startswith("⚠️ โควตาข้อความ LINE ของเดือนนี้เหลือ 6 ข้อความ") and "ต้องใช้ 18" in coordinators[0]
    assert coordinators[1].startswith("⏰ อีก 7 วันครบกำหนด")
    assert len(pushed_to(fake_line, STAFF_USER)) == 1 and pushed_to(fake_line, UNIT_GROUP) == []
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "deferred"
    fake_line.clear()
    run_pass(app, WEDNESDAY + timedelta(minutes=5))
    assert fake_line.pushes() == []  # still short, and the notice is not repeated


def test_nudges_wait_when_the_quota_cannot_cover_everything(app, lamphun, fake_line, session):
    leave_in_quota(fake_line, 10)  # nudges cost 12 + 5 + 1 = 18
    run_pass(app, NUDGE_MONDAY)
    assert [p["to"] for p in fake_line.pushes()] == [COORDINATORS]  # the notice, with its own nudges riding
    statuses = ledger(session)
    assert statuses[(UNIT_GROUP, "nudge:IIT:2025-05-26")] == "deferred"
    assert statuses[(STAFF_USER, "nudge:IIT:2025-05-26")] == "deferred"


def test_a_reminder_that_waits_rides_along_in_the_next_reply_and_is_not_pushed_later(app, lamphun, fake_line, line, session, clock):
    leave_in_quota(fake_line, 6)
    run_pass(app, WEDNESDAY)
    clock.freeze(WEDNESDAY + timedelta(hours=1))
    reply = line.say("สถานะ", user="Ux", group=UNIT_GROUP).texts
    assert reply[0].startswith("📊 สถานะ ITA 2568")
    assert reply[-1].startswith("🔔 แจ้งเตือนที่ยังไม่ได้ส่ง:") and "อีก 7 วันครบกำหนด" in reply[-1]
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "sent"
    again = line.say("สถานะ", user="Ux", group=UNIT_GROUP).texts
    assert not any("ยังไม่ได้ส่ง" in text for text in again)  # it rode once
    fake_line.set_quota(10_000)
    run_pass(app, WEDNESDAY + timedelta(hours=2))
    assert pushed_to(fake_line, UNIT_GROUP) == []


def test_a_reply_line_refused_leaves_the_reminder_waiting(app, lamphun, fake_line, line, session, clock):
    leave_in_quota(fake_line, 6)
    run_pass(app, WEDNESDAY)
    clock.freeze(WEDNESDAY + timedelta(hours=1))
    fake_line.fail("/v2/bot/message/reply", 400, {"message": "Invalid reply token"})
    assert line.say("สถานะ", user="Ux", group=UNIT_GROUP) == []
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "deferred"  # as it was
    assert "ยังไม่ได้ส่ง" in line.say("สถานะ", user="Ux", group=UNIT_GROUP).texts[-1]


def test_yesterdays_reminder_does_not_ride_along_today_but_the_months_notice_does(app, lamphun, fake_line, line, clock):
    leave_in_quota(fake_line, 2)  # not even the coordinators' group can be pushed to
    run_pass(app, WEDNESDAY)
    clock.freeze(WEDNESDAY + timedelta(days=1))
    reply = line.say("สถานะ", user="Ux", group=UNIT_GROUP).texts
    assert not any("ยังไม่ได้ส่ง" in text for text in reply)  # "อีก 7 วัน" is no longer true
    told = line.say("กำหนดการ", user="Ux", group=COORDINATORS).texts[-1]
    assert "ยังไม่ได้ส่ง" in told and "โควตาข้อความ LINE" in told and "อีก 7 วัน" not in told
