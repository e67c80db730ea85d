"""Deadline questions answered from the stored calendar, in Thai, with Buddhist-era dates."""
from __future__ import annotations

import pytest

from bot.ita.calendar_files import read_calendar, store_calendar
from models import Chat, get_or_create_province
from tests.provinces import CALENDARS


@pytest.mark.parametrize("question", [
    "กำหนดการ", "ปฏิทิน ITA", "OIT ส่งเมื่อไหร่", "IIT ปิดวันไหน", "ตอนนี้ต้องทำอะไร",
    "เหลือกี่วันส่ง OIT", "deadline eit", "Deadline  EIT", "ｏｉｔ ส่งเมื่อไหร่", "เหลือ\u200bกี่วัน ส่ง OIT",
])
def test_calendar_questions_get_an_answer_from_the_stored_calendar(line, calendars, question):
    answer = line.say(question).text
    assert "กำหนดการ ITA 2568" in answer
    assert "2568" in answer and "วัน" in answer


def test_oit_question_lists_the_open_oit_step_with_days_left(line, calendars, clock):
    clock.freeze("2025-04-10T09:00:00+07:00")
    answer = line.say("OIT ส่งเมื่อไหร่").text
    assert "OIT" in answer
    assert "1 ม.ค. – 30 เม.ย. 2568" in answer
    assert "เหลือ 20 วัน" in answer
    assert "IIT" not in answer.split("\n", 1)[0]  # the title names only the form asked about


def test_the_answer_is_filtered_to_the_form_named(line, calendars, clock):
    clock.freeze("2025-04-10T09:00:00+07:00")
    answer = line.say("IIT ปิดวันไหน").text
    assert "30 มิ.ย. 2568" in answer
    assert "เก็บแบบวัด IIT" in answer
    assert "OIT" not in answer  # only the steps of the form asked about


def test_days_are_counted_in_bangkok_not_utc(line, calendars, clock):
    # 23:30 UTC on 29 April is already 30 April in Bangkok: the OIT window's last day.
    clock.freeze("2025-04-29T23:30:00+00:00")
    assert "วันนี้วันสุดท้าย" in line.say("OIT ส่งเมื่อไหร่").text


def test_a_chat_of_a_province_sees_its_own_earlier_deadline_beside_the_naccs(line, calendars, clock, session):
    clock.freeze("2025-04-10T09:00:00+07:00")
    session.add(Chat(id="Cchiangmai", kind="group", first_seen=clock.now(),
                     province=get_or_create_province(session, "เชียงใหม่")))
    session.commit()
    answer = line.say("OIT ส่งเมื่อไหร่", group="Cchiangmai").text
    assert "จ.เชียงใหม่" in answer
    assert "1–18 เม.ย. 2568" in answer and "30 เม.ย. 2568" in answer
    assert "เหลือ 8 วัน" in answer  # 18 April, the province's own deadline
    assert "จ.เชียงใหม่" not in line.say("OIT ส่งเมื่อไหร่", group="Cnoprovince").text


def test_when_no_calendar_covers_today_the_answer_says_so(line, calendars, clock):
    clock.freeze("2026-11-22T10:00:00+07:00")
    answer = line.say("กำหนดการ").text
    assert "ยังไม่มีปฏิทิน" in answer
    assert "ITA 2568" in answer and "1 ม.ค." in answer
    assert "ITA 2570 ยังไม่ได้โหลด" in answer


def test_with_no_calendar_at_all_the_bot_still_answers(line):
    assert "ยังไม่มีปฏิทิน ITA ในระบบ" in line.say("กำหนดการ").text


def test_before_a_cycle_starts_the_answer_shows_what_comes_next(line, calendars, clock):
    clock.freeze("2024-11-15T09:00:00+07:00")
    answer = line.say("ตอนนี้ต้องทำอะไร").text
    assert "ตอนนี้ไม่มีขั้นตอนที่เปิดอยู่" in answer
    assert "1 ม.ค. 2568" in answer or "1–31 ม.ค. 2568" in answer


def test_chitchat_in_a_group_gets_no_answer_but_a_1_to_1_chat_is_told_how_to_get_help(line, fake_line):
    assert line.say("สวัสดีครับทุกคน", group="Cchat") == []
    [reply] = line.say("สวัสดีครับ")
    assert "ช่วยเหลือ" in [i["action"]["text"] for i in reply["quickReply"]["items"]]


def test_a_reloaded_calendar_is_answered_at_once(line, calendars, clock, session, tmp_path):
    clock.freeze("2025-04-10T09:00:00+07:00")
    assert "เหลือ 20 วัน" in line.say("OIT ส่งเมื่อไหร่").text
    shipped = CALENDARS / "2568-nacc.yaml"
    moved = tmp_path / "2568-nacc.yaml"
    moved.write_text(shipped.read_text(encoding="utf-8").replace("end: 2025-04-30", "end: 2025-05-09"),
                     encoding="utf-8")
    with session.begin():
        assert store_calendar(session, read_calendar(moved), clock.now()) == "replaced"
    assert "เหลือ 29 วัน" in line.say("OIT ส่งเมื่อไหร่").text


def test_a_step_is_answered_with_the_provinces_own_dates_beside_it(line, lamphun):
    answer = line.say("ลงทะเบียน ITAS ถึงวันไหนคะ").text
    assert answer.startswith("📅 การลงทะเบียนเข้าสู่ระบบ ITAS")
    assert "1–31 ม.ค. 2568" in answer and "ปิดไปแล้วเมื่อ 31 ม.ค. 2568 (69 วันที่แล้ว)" in answer
    clarify = line.say("ชี้แจงเพิ่มเติม OIT เมื่อไหร่คะ", user="Ustaff", group=None).text
    assert "6–16 มิ.ย. 2568" in clarify and "↳ จ.ลำพูน" in clarify
    assert "ประกาศผลการประเมิน" in line.say("ประกาศผลเมื่อไหร่").text


def test_a_day_or_a_span_lists_what_ends_starts_and_runs(line, calendars):
    day = line.say("๓๐ เมษายน ต้องส่งอะไร").text
    assert day.startswith("📅 กำหนดการ ITA ช่วง วันพุธที่ 30 เมษายน 2568")
    assert "ครบกำหนดในช่วงนี้" in day and "ตอบแบบ OIT และอนุมัติ" in day
    week = line.say("สัปดาห์หน้ามีอะไรต้องส่งไหม").text
    assert "14–20 เม.ย. 2568" in week
    assert "เริ่มในช่วงนี้" in line.say("1 พ.ค. 68 มีอะไรเริ่มบ้าง").text
