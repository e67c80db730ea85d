"""Messages not understood, or answered with a question, are kept without their sender so the
vocabulary can grow from real traffic: `itabot unknown` lists the most frequent."""
from __future__ import annotations

import logging

import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models import UnclearMessage
from tests.provinces import STAFF, UNIT_GROUP


def test_a_message_not_understood_is_kept_and_listed(app, line, lamphun, session, clock):
    for _ in range(2):
        line.say("ขอเบอร์โทรศัพท์ท้องถิ่นอำเภอหน่อยค่ะ", user=STAFF)
    line.say("IIT ประมาณ 40 ค่ะ", user=STAFF)  # asked back: "is it 40?"
    line.say("ขอเบอร์โทรกลุ่มนี้ด้วย", user=STAFF, group=UNIT_GROUP)  # people talking: not kept
    session.rollback()
    kept = session.execute(sa.select(UnclearMessage.text, UnclearMessage.chat_kind, UnclearMessage.reason)).all()
    assert sorted(kept) == [("iit ประมาณ 40 ค่ะ", "user", "asked back"),
                            ("ขอเบอร์โทรศัพท์ท้องถิ่นอำเภอหน่อยค่ะ", "user", "not understood"),
                            ("ขอเบอร์โทรศัพท์ท้องถิ่นอำเภอหน่อยค่ะ", "user", "not understood")]
    assert "user_id" not in UnclearMessage.__table__.columns
    listed = app.test_cli_runner().invoke(args=["unknown", "--since", "2025-04-01"]).output.splitlines()
    assert listed[0].split() == ["2", "2025-04-10", "not", "understood", "ขอเบอร์โทรศัพท์ท้องถิ่นอำเภอหน่อยค่ะ"]
    assert "nothing yet" in app.test_cli_runner().invoke(args=["unknown", "--since", "2025-05-01"]).output
    assert app.test_cli_runner().invoke(args=["unknown", "--since", "soon"]).exit_code != 0


def test_not_understood_in_1_to_1_offers_the_nearest_commands(line, lamphun):
    [reply] = line.say("เรื่องแจ้งเตือนค่ะ", user=STAFF)
    buttons = [i["action"]["text"] for i in reply["quickReply"]["items"]]
    assert buttons == ["แจ้งเตือนถัดไป", "ช่วยเหลือ"]
    [reply] = line.say("ฝากซื้อกาแฟด้วย", user=STAFF)
    assert [i["action"]["text"] for i in reply["quickReply"]["items"]] == ["กำหนดการ", "สถานะ", "แจ้งเตือนถัดไป",
                                                                         "ช่วยเหลือ"]


def test_a_greeting_in_1_to_1_gets_a_short_answer_and_the_main_buttons(line, lamphun):
    [reply] = line.say("สวัสดีค่ะ", user=STAFF)
    assert reply["text"].startswith("สวัสดีครับ") and len(reply["quickReply"]["items"]) == 4
    assert line.say("สวัสดีค่ะทุกคน", user=STAFF, group=UNIT_GROUP) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=120))
@example(text="\x00")  # PostgreSQL refuses NUL in text: what is kept is made storable
def test_no_text_ever_fails_the_webhook(line, lamphun, caplog, text):
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        line.say(text, user=STAFF)
        line.say(text, user=STAFF, group=UNIT_GROUP)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], text
