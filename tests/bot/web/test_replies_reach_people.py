"""Every answer reaches its user exactly once: LINE's reply API failing, hanging or refusing the
token, and the process dying between the commit and the reply (as kill -9 would)."""
from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from bot import db
from bot.line.simulator import source, text_event
from bot.web import outbox
from models import Delivery, InboundEvent, Report
from schedules.deliver import run_pass
from tests.provinces import STAFF

pytestmark = pytest.mark.usefixtures("lamphun")
REPLY = "/v2/bot/message/reply"


def answers_to(fake_line, text_start: str) -> list[str]:
    return [t for t in fake_line.reply_texts() if t.startswith(text_start)]


def send_owed(app) -> dict:
    with db.sessionmaker(app)() as session:
        return outbox.send_owed(app, session)


def reply_state(session, event_id: str) -> str | None:
    session.rollback()
    return session.scalar(sa.select(InboundEvent.reply_state).where(InboundEvent.webhook_event_id == event_id))


def test_a_reply_that_failed_with_a_5xx_is_sent_again_at_once(line, fake_line, session):
    fake_line.fail(REPLY, status=500)
    [answer] = line.say("IIT 45", user=STAFF)
    assert answer["altText"].startswith("อบต.บ้านไผ่ · IIT 45/")
    assert [c.status for c in fake_line.calls_to(REPLY)] == [500, 200]


def test_when_the_reply_api_hangs_line_gets_its_200_in_time_and_the_answer_follows(line, fake_line, session, app):
    fake_line.fail(REPLY, timeout=True)
    event = text_event("IIT 45", source(STAFF), event_id="01HHANGING0000000000000001")
    started = time.monotonic()
    assert line.post([event]).status_code == 200
    assert time.monotonic() - started < 2.0  # LINE waits 2 s (LINE_TIMEOUT is 1 s in the tests)
    assert fake_line.replies() == [] and reply_state(session, event["webhookEventId"]) == "owed"
    assert send_owed(app) == {"sent": 1}  # the web process's outbox thread, a moment later
    assert len(answers_to(fake_line, "อบต.บ้านไผ่ · IIT 45/")) == 1
    assert send_owed(app) == {}  # nothing is sent twice


def test_a_refused_token_hands_a_report_answer_to_a_push(line, fake_line, session, app, clock):
    fake_line.fail(REPLY, status=400, body={"message": "Invalid reply token"})
    line.say("IIT 45", user=STAFF)
    session.rollback()
    [late] = session.scalars(sa.select(Delivery).where(Delivery.kind == "answer"))
    assert late.chat_id == STAFF and "IIT 45" in late.text
    run_pass(app)  # the scheduler's next pass
    assert ["IIT 45" in m["text"] for p in fake_line.pushes() for m in p["messages"]] == [True]


def test_a_refused_token_on_a_mere_question_rides_along_in_the_next_reply(line, fake_line, session, app):
    fake_line.fail(REPLY, status=400, body={"message": "Invalid reply token"})
    line.say("OIT ส่งเมื่อไหร่", user=STAFF)
    run_pass(app)
    assert fake_line.pushes() == []  # not worth the quota
    later = line.say("สถานะ", user=STAFF).text
    assert "OIT" in later and later.count("📅") >= 1  # the deadline answer came with it


def test_killed_after_the_commit_before_the_reply_then_redelivered(line, fake_line, session, app, monkeypatch):
    event = text_event("IIT 45", source(STAFF), event_id="01HKILLED00000000000000001")
    with monkeypatch.context() as dying:
        dying.setattr(outbox, "deliver", lambda *args, **kwargs: "")  # the process ends here
        assert line.post([event]).status_code == 200
    assert fake_line.replies() == [] and reply_state(session, event["webhookEventId"]) == "owed"
    redelivered = dict(event, replyToken="a-fresh-token", deliveryContext={"isRedelivery": True})
    assert line.post([redelivered]).status_code == 200
    assert len(answers_to(fake_line, "อบต.บ้านไผ่ · IIT 45/")) == 1
    assert line.post([redelivered]).status_code == 200  # and again: nothing more
    assert len(fake_line.replies()) == 1
    assert session.scalars(sa.select(Report.count)).all() == [45]  # stored once


def test_an_owed_reply_past_its_token_is_handed_over_not_lost(line, fake_line, session, app, clock, monkeypatch):
    event = text_event("IIT 45", source(STAFF), event_id="01HLATE0000000000000000001")
    with monkeypatch.context() as dying:
        dying.setattr(outbox, "deliver", lambda *args, **kwargs: "")
        line.post([event])
    clock.freeze("2025-04-10T09:05:00+07:00")  # nobody redelivered; five minutes later
    assert send_owed(app) == {"handed": 1}
    assert fake_line.replies() == []
    session.rollback()
    assert session.scalar(sa.select(Delivery.kind)) == "answer"
