"""What the bot cannot know gets an honest pointer; an acknowledgement in 1:1 a short answer; the
reader falls back on the nearest labelled messages, never for anything that writes."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.nlu.examples import Examples
from models import Report, UnclearMessage
from tests.provinces import STAFF, UNIT_GROUP

pytestmark = pytest.mark.usefixtures("lamphun")


def test_a_question_beyond_the_bots_data_is_pointed_to_who_knows_and_kept(line, session):
    answer = line.say("ลืมรหัสผ่าน ITAS ทำไงดีครับ", user=STAFF)
    assert "บอทตอบไม่ได้" in answer.text
    assert "ผู้ประสานงาน ITA จังหวัดลำพูน" in answer.text and "ศูนย์ ITAS" in answer.text  # the province's first
    assert answer[0]["quickReply"]["items"]
    session.rollback()
    assert session.scalar(sa.select(UnclearMessage.reason)) == "beyond the bot"


def test_an_acknowledgement_is_answered_in_one_to_one_and_left_alone_in_a_group(line):
    assert "รับทราบ" in line.say("โอเคค่ะ", user=STAFF).text
    assert line.say("โอเคค่ะ", user=STAFF, group=UNIT_GROUP) == []


def test_the_nearest_examples_decide_only_when_near_enough():
    examples = Examples([("IIT ปิดวันไหน", "deadline"), ("IIT ปิดวันไหนคะ", "deadline"), ("สถานะ", "status")])
    assert examples.nearest("IIT ปิดวันไหนเจ้า").intent == "deadline"
    assert examples.nearest("ข้าวเที่ยงกินอะไรดี") is None


def test_a_learned_reading_never_writes(line, session):
    line.say("ส่งลิงก์ IIT ให้ 85 คนแล้วค่ะ", user=STAFF)  # a number that is not a count of responses
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Report)) == 0
