"""The scheduler's pass: each due reminder reaches its chat once, whatever LINE answers."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.clock import BANGKOK
from models import Chat, Delivery, Push
from schedules.deliver import run_pass
from schedules.lease import acquire
from tests.provinces import COORDINATORS, STAFF_USER, UNIT_GROUP, ledger, pushed_to

OIT_D7 = "deadline:nacc:oit-answer:2025-04-30:d-7"
WEDNESDAY = datetime(2025, 4, 23, 9, 0, tzinfo=BANGKOK)  # 7 days before the OIT deadline
MONDAY = datetime(2025, 6, 23, 9, 0, tzinfo=BANGKOK)  # 7 days before IIT/EIT close, and a nudge day


def test_each_chat_gets_its_reminder_once_and_the_quota_is_charged_per_member(app, lamphun, fake_line, session):
    report = run_pass(app, WEDNESDAY)
    assert report.outcomes == {"sent": 3}
    for chat in (UNIT_GROUP, COORDINATORS, STAFF_USER):
        [[text]] = pushed_to(fake_line, chat)
        assert text.startswith("⏰ อีก 7 วันครบกำหนด") and "30 เม.ย. 2568" in text
    assert report.cost == 12 + 5 + 1 and fake_line.calls_to("/v2/bot/message/quota")
    again = run_pass(app, WEDNESDAY + timedelta(minutes=5))
    assert again.outcomes == {} and len(fake_line.pushes()) == 3
    assert set(ledger(session).values()) == {"sent"}


def test_what_is_due_for_a_chat_travels_in_one_push(app, lamphun, fake_line):
    run_pass(app, MONDAY)
    [messages] = pushed_to(fake_line, UNIT_GROUP)  # one push: two deadlines and two nudges
    assert len(messages) == 4 and all(m.startswith("⏰") for m in messages[:2])
    assert sorted(m.split("\n")[0] for m in messages[2:]) == ["📣 EIT 0/40 ขาดอีก 40 ชุด เหลือ 7 วัน",
                                                              "📣 IIT 0/60 ขาดอีก 60 ชุด เหลือ 7 วัน"]
    [coordinators] = pushed_to(fake_line, COORDINATORS)
    assert any(m.startswith("📣 IIT จ.ลำพูน: ยังไม่ครบขั้นต่ำ") for m in coordinators)


def test_not_before_nine_then_late_the_same_day_but_never_the_next(app, lamphun, fake_line):
    assert run_pass(app, WEDNESDAY - timedelta(minutes=1)).outcomes == {}
    assert run_pass(app, WEDNESDAY + timedelta(hours=2)).outcomes == {"sent": 3}  # down at 09:00, back at 11:00
    fake_line.clear()
    run_pass(app, WEDNESDAY + timedelta(days=1))
    assert fake_line.pushes() == []


def test_a_5xx_is_retried_with_the_same_retry_key(app, lamphun, fake_line, session):
    fake_line.fail("/v2/bot/message/push", 500, to=UNIT_GROUP)
    assert run_pass(app, WEDNESDAY).outcomes == {"sent": 2, "retry": 1}
    assert pushed_to(fake_line, UNIT_GROUP) == []
    assert run_pass(app, WEDNESDAY + timedelta(seconds=30)).outcomes == {}  # backing off
    assert run_pass(app, WEDNESDAY + timedelta(minutes=5)).outcomes == {"sent": 1}
    keys = [c.headers["x-line-retry-key"] for c in fake_line.calls_to("/v2/bot/message/push") if c.body["to"] == UNIT_GROUP]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert len(pushed_to(fake_line, UNIT_GROUP)) == 1


@pytest.mark.parametrize("accepted, then", [(True, "already sent"), (False, "sent")])
def test_a_timed_out_push_is_sent_once_whether_or_not_line_took_it(app, lamphun, fake_line, session, accepted, then):
    fake_line.fail("/v2/bot/message/push", timeout=True, accept=accepted, to=UNIT_GROUP)
    assert run_pass(app, WEDNESDAY).outcomes == {"sent": 2, "retry": 1}
    assert run_pass(app, WEDNESDAY + timedelta(minutes=5)).outcomes == {then: 1}  # 409 when it had arrived
    assert len(pushed_to(fake_line, UNIT_GROUP)) == 1
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "sent"


def test_the_scheduler_has_one_recurring_job_and_the_web_app_none(app):
    import threading

    from schedules.runner import build_scheduler

    assert not any("APScheduler" in t.name for t in threading.enumerate())  # create_app started nothing
    [job] = build_scheduler(app, 5).get_jobs()
    assert str(job.trigger).startswith("cron[minute='*/5'")


def test_429_waits_for_retry_after_and_stops_the_pass(app, lamphun, fake_line):
    fake_line.fail("/v2/bot/message/push", 429, {"message": "Too many requests"}, headers={"Retry-After": "120"})
    first = run_pass(app, WEDNESDAY)
    assert first.outcomes["retry"] == 1 and first.outcomes["sent"] < 3
    assert run_pass(app, WEDNESDAY + timedelta(minutes=1)).outcomes == {}
    run_pass(app, WEDNESDAY + timedelta(minutes=2))
    assert sorted(p["to"] for p in fake_line.pushes()) == sorted([UNIT_GROUP, COORDINATORS, STAFF_USER])


def test_a_chat_the_bot_was_removed_from_gets_nothing_more(app, lamphun, fake_line, session):
    fake_line.fail("/v2/bot/message/push", 400, {"message": "The bot is not a member of the group"}, to=UNIT_GROUP)
    assert run_pass(app, WEDNESDAY).outcomes == {"sent": 2, "gone": 1}
    session.rollback()
    assert session.get(Chat, UNIT_GROUP).active is False
    fake_line.clear()
    run_pass(app, MONDAY)
    assert pushed_to(fake_line, UNIT_GROUP) == [] and len(fake_line.pushes()) == 2


def test_a_group_lookup_saying_the_bot_left_marks_the_chat_before_any_push(app, lamphun, fake_line, session):
    fake_line.fail(f"/v2/bot/group/{UNIT_GROUP}/members/count", 404, {"message": "Not found"})
    assert run_pass(app, WEDNESDAY).outcomes == {"sent": 2}
    session.rollback()
    assert session.get(Chat, UNIT_GROUP).active is False
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "dropped"


def test_member_counts_are_asked_once_a_day(app, lamphun, fake_line):
    for day in (23, 27, 28):  # 7 and 3 days before the OIT deadline, then Monday's nudges
        run_pass(app, datetime(2025, 4, day, 9, 0, tzinfo=BANGKOK))
    assert len(pushed_to(fake_line, UNIT_GROUP)) == 3
    asked = [c.path for c in fake_line.calls_to("/v2/bot/group/")]
    assert asked.count(f"/v2/bot/group/{UNIT_GROUP}/members/count") == 2  # the 28th used the 27th's count


def test_a_rejected_push_is_dropped_and_logged_not_retried(app, lamphun, fake_line, session):
    fake_line.fail("/v2/bot/message/push", 400, {"message": "The request body has 1 error(s)"}, to=STAFF_USER)
    assert run_pass(app, WEDNESDAY).outcomes == {"sent": 2, "rejected": 1}
    run_pass(app, WEDNESDAY + timedelta(minutes=10))
    assert pushed_to(fake_line, STAFF_USER) == []
    assert ledger(session)[(STAFF_USER, OIT_D7)] == "dropped"


def test_a_push_still_failing_the_next_day_is_stale_and_dropped(app, lamphun, fake_line, session):
    fake_line.fail("/v2/bot/message/push", 503, to=UNIT_GROUP, times=50)
    run_pass(app, WEDNESDAY)
    run_pass(app, WEDNESDAY + timedelta(hours=3))
    fake_line.reset()
    run_pass(app, WEDNESDAY + timedelta(days=1))
    assert pushed_to(fake_line, UNIT_GROUP) == []
    session.rollback()
    assert session.scalar(sa.select(Push.status).where(Push.chat_id == UNIT_GROUP)) == "failed"
    assert ledger(session)[(UNIT_GROUP, OIT_D7)] == "dropped"


def test_a_second_scheduler_sends_nothing_while_the_lease_is_held(app, lamphun, fake_line, session):
    import os
    import socket

    with session.begin():  # this very test process holds it, alive, under another name
        assert acquire(session, f"{socket.gethostname()}:{os.getpid()}", WEDNESDAY, timedelta(minutes=10))
    report = run_pass(app, WEDNESDAY, holder="elsewhere:1")
    assert report.held_by.endswith(f":{os.getpid()}") and fake_line.pushes() == []
    assert session.scalar(sa.select(sa.func.count()).select_from(Delivery)) == 0


def test_chats_with_reminders_off_get_nothing(app, lamphun, fake_line, session):
    session.get(Chat, UNIT_GROUP).reminders_on = False
    session.commit()
    run_pass(app, WEDNESDAY)
    assert pushed_to(fake_line, UNIT_GROUP) == [] and len(fake_line.pushes()) == 2
