"""Followed in 1:1 or added to a group: a short Thai welcome that says how to start."""
from bot.line.simulator import event, source


def test_a_follow_gets_a_welcome(line):
    [welcome] = line.send(event("follow", source("Ufff"), follow={"isUnblocked": False}))
    assert "ผู้ช่วย ITA" in welcome["text"] and "กำหนดการ" in welcome["text"]


def test_joining_a_group_gets_a_welcome(line):
    [welcome] = line.send(event("join", source(None, group="Cjoin")))
    assert "ช่วยเหลือ" in welcome["text"]
    assert [i["action"]["text"] for i in welcome["quickReply"]["items"]] == ["กำหนดการ", "ช่วยเหลือ"]


def test_leaving_a_group_marks_the_chat_inactive(line, session):
    from models import Chat

    line.send(event("join", source(None, group="Cleave")))
    line.send(event("leave", source(None, group="Cleave")))
    assert session.get(Chat, "Cleave").active is False
