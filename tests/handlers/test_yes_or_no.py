"""A yes-or-no question about the calendar gets yes or no first, then the dates (today 10 Apr 2568)."""
from __future__ import annotations

from tests.provinces import STAFF


def first_line(line, message: str) -> tuple[str, str]:
    answer = line.say(message, user=STAFF).text
    return answer.split("\n", 1)[0], answer


def test_a_closing_day_said_rightly_or_wrongly(line, lamphun):
    verdict, answer = first_line(line, "EIT เก็บได้ถึงเดือน 6 ใช่ไหมคะ")
    assert verdict == "✅ ใช่ครับ" and "30 มิ.ย. 2568" in answer
    verdict, answer = first_line(line, "OIT ปิด 30 มิ.ย. ใช่มั้ยครับ")
    assert verdict == "❌ ไม่ใช่ครับ" and "ตอบแบบ OIT" in answer and "30 เม.ย. 2568" in answer
    assert first_line(line, "OIT ปิด 30 เม.ย. ใช่ไหม")[0] == "✅ ใช่ครับ"


def test_days_left_said_as_a_claim(line, lamphun):
    verdict, answer = first_line(line, "อีก ๑๐ วันปิด OIT ใช่ไหม")
    assert verdict == "❌ ไม่ใช่ครับ" and "เหลือ 20 วัน" in answer
    assert first_line(line, "อีก 20 วันปิด OIT ใช่ไหมคะ")[0] == "✅ ใช่ครับ"


def test_two_forms_closing_on_the_same_day_or_not(line, lamphun):
    verdict, answer = first_line(line, "IIT กับ OIT ปิดคนละวันใช่ไหม")
    assert verdict == "✅ ใช่ครับ" and "เก็บแบบวัด IIT" in answer and "ตอบแบบ OIT" in answer
    assert first_line(line, "IIT กับ EIT ปิดวันเดียวกันใช่ไหม")[0] == "✅ ใช่ครับ"
    assert first_line(line, "IIT กับ OIT ปิดพร้อมกันใช่ไหม")[0] == "❌ ไม่ใช่ครับ"


def test_open_or_closed_as_of_today(line, lamphun):
    assert first_line(line, "IIT ยังส่งได้อยู่ใช่ไหม")[0] == "✅ ใช่ครับ"
    assert first_line(line, "ลงทะเบียน ITAS ปิดไปแล้วใช่ไหม")[0] == "✅ ใช่ครับ"


def test_a_plain_question_is_answered_as_before(line, lamphun):
    answer = line.say("OIT ส่งเมื่อไหร่", user=STAFF).text
    assert not answer.startswith(("✅", "❌"))


def test_a_claim_the_bot_cannot_judge_gets_the_dates_without_a_verdict(line, lamphun):
    answer = line.say("OIT ต้องส่งก่อน IIT ใช่ป่าว", user=STAFF).text
    assert not answer.startswith(("✅", "❌")) and "OIT" in answer
