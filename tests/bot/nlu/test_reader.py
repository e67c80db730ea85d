"""Reading messages: the rules that matter most, one by one (the corpus has the rest)."""
from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu.reader import read
from bot.nlu.vocabulary import VocabularyError, load_vocabulary

TODAY = date(2025, 4, 10)
VOCABULARY = load_vocabulary()
STEPS = {"ลงทะเบียนitas": "itas-register", "ประกาศผล": "results"}


def said(text: str, **options):
    return read(text, VOCABULARY, today=TODAY, steps=STEPS, **options)


def one(text: str, **options):
    [interpretation] = said(text, **options)
    return interpretation


@pytest.mark.parametrize("text", ["ถ้า IIT ได้ 50 จะผ่านไหม", "IIT 45 พอไหมคะ", "IIT 45 ใช่ไหม", "IIT 45 ?",
                                  "EIT ต้องได้ 40 ชุดหรือ 50 ชุดคะ"])
def test_a_question_with_a_count_is_never_a_report(text):
    assert one(text).intent == "figures"


def test_a_question_at_the_end_of_a_line_covers_the_counts_before_it():
    assert [(i.intent, i.question) for i in said("ได้ iit 55 กับ eit 42 โอเคยังคะ")] == [("figures", True)] * 2
    assert [i.intent for i in said("IIT 55 ค่ะ EIT ผ่านยังคะ")] == ["report", "figures"]


@pytest.mark.parametrize("text, intent", [("ยังไม่ได้ส่ง IIT เลยค่ะ", "report"), ("OIT ยังตอบไม่ครบค่ะ", "oit_state"),
                                          ("ผู้บริหารยังไม่อนุมัติ OIT", "oit_approved")])
def test_a_negation_keeps_its_intent_and_cannot_write(text, intent):
    reading = one(text)
    assert (reading.intent, reading.negation, reading.writes_allowed) == (intent, True, False)


@pytest.mark.parametrize("text, count", [("EIT ส่วนที่ 1 ได้ 25 ชุด", "25"), ("IIT ปี 2568 ได้ 67", "67"),
                                         ("IIT ณ 15.30 น. ได้ 69 ชุด", "69"), ("ยอด IIT วันที่ 9 เม.ย. = 68", "68")])
def test_parts_years_times_and_dates_are_not_counts(text, count):
    assert (one(text).intent, one(text).count) == ("report", count)


def test_eit_part_one_without_a_count_is_a_deadline_question():
    reading = one("EIT ส่วนที่ 1 ปิดวันไหน")
    assert (reading.intent, reading.form, reading.part, reading.count) == ("deadline", "EIT", 1, None)


def test_a_hedged_count_is_unsure():
    assert one("IIT น่าจะได้ประมาณ 40 ค่ะ").unsure


def test_the_unit_named_is_the_unit_meant_before_or_after_the_form():
    assert one("ทต.ป่าซาง IIT 30 ค่ะ").unit == "ทต.ป่าซาง"
    assert one("IIT อบต. บ้าน ไผ่ 45").unit == "อบต.บ้านไผ่"
    assert one("ถ้าบ้านไผ่ได้ IIT 60 ผ่านไหม", units={"บ้านไผ่": "อบต.บ้านไผ่"}).unit == "อบต.บ้านไผ่"


def test_a_unit_named_at_the_end_of_a_line_is_the_unit_of_the_whole_line():
    assert [(i.count, i.unit) for i in said("iit 45 eit 60 ทต.สันทราย")] == [("45", "ทต.สันทราย"), ("60", "ทต.สันทราย")]
    assert [i.unit for i in said("IIT 45 ค่ะ\nทต.ป่าซาง EIT 30")] == [None, "ทต.ป่าซาง"]  # the first is the sender's


@pytest.mark.parametrize("text, share", [("หน่วยงานที่ IIT ยังไม่ถึง 50%", 50), ("EIT ต่ำกว่า 30 เปอร์เซ็นต์", 30),
                                         ("ใครได้ IIT ไม่ถึงครึ่ง", 50)])
def test_a_share_of_the_minimum_is_not_a_count(text, share):
    reading = one(text)
    assert (reading.intent, reading.share, reading.count) == ("behind", share, None)


def test_half_past_is_a_time_not_a_share():
    assert one("ตั้งแจ้งเตือน 8 โมงครึ่ง").share is None


@pytest.mark.parametrize("text, day, period", [
    ("อีก ๑๐ วันปิด OIT ใช่ไหม", date(2025, 4, 20), None),
    ("อีก 3 อาทิตย์ปิด OIT ใช่ไหม", date(2025, 5, 1), None),
    ("EIT เก็บได้ถึงเดือน 6 ใช่ไหมคะ", None, (date(2025, 6, 1), date(2025, 6, 30))),
    ("OIT ต้องตอบให้เสร็จภายในเมษานี้ใช่มั้ยคะ", None, (date(2025, 4, 1), date(2025, 4, 30))),
])
def test_a_yes_or_no_question_about_a_day_or_a_span(text, day, period):
    reading = one(text)
    assert (reading.intent, reading.confirm, reading.setting, reading.date, reading.period) == (
        "deadline", True, "ends", day, period)


def test_a_question_without_a_tag_is_no_yes_or_no_question():
    assert not one("OIT ปิดวันไหน").confirm


def test_several_things_in_one_message_in_order():
    assert [(i.intent, i.form, i.count) for i in said("iit 45 eit 30")] == [("report", "IIT", "45"),
                                                                          ("report", "EIT", "30")]
    first, second = said("ลงทะเบียน อบต.บ้านไผ่ IIT 45")
    assert (first.intent, first.unit, second.intent, second.count) == ("register", "อบต.บ้านไผ่", "report", "45")
    assert [i.intent for i in said("IIT 50 แล้วค่ะ OIT ต้องส่งเมื่อไหร่")] == ["report", "deadline"]
    assert [i.intent for i in said("สวัสดีค่ะ ขอดูกำหนดการหน่อยค่ะ")] == ["greeting", "deadline"]
    assert [i.unit for i in said("ทต.ลี้ iit 31 eit 44")] == ["ทต.ลี้", "ทต.ลี้"]


def test_a_step_a_day_and_a_span():
    assert one("ลงทะเบียน ITAS ถึงวันไหนคะ").step == "itas-register"
    assert one("1 ก.ค. 68 มีอะไร").date == date(2025, 7, 1)
    assert one("๓๐ เมษา ต้องส่งอะไร").date == date(2025, 4, 30)
    assert one("สัปดาห์นี้ต้องทำอะไร").period == (date(2025, 4, 7), date(2025, 4, 13))
    assert one("เดือนหน้ามีขั้นตอนอะไร").period == (date(2025, 5, 1), date(2025, 5, 31))


def test_the_spellings_people_use():
    reading = one("ตั้งโควต้า IIT อบต.บ้านไผ่ 65")
    assert (reading.intent, reading.setting, reading.unit, reading.count) == ("set_quota", "iit_min", "อบต.บ้านไผ่", "65")
    assert one("ขั้นต่ำ EIT เท่าไรคะ").intent == "figures"


def test_times_of_day_as_people_say_them():
    for text, at in (("08:30", time(8, 30)), ("8 โมงครึ่ง", time(8, 30)), ("บ่ายโมง", time(13, 0)),
                     ("บ่าย 2", time(14, 0)), ("9 โมงเช้า", time(9, 0)), ("แปดโมงครึ่ง", time(8, 30))):
        reading = one(f"ตั้งแจ้งเตือนล่วงหน้า 3 วัน ตอน {text}")
        assert (reading.intent, reading.days_before, reading.time) == ("reminder_rules", (3,), at), text
    assert one("ตั้งแจ้งเตือน เวลา 25:00").invalid == ("time",)


@pytest.mark.parametrize("text", ["ประชุมวันไหนนะคะ", "สถานะการเบิกจ่ายเป็นยังไงบ้าง", "ลงทะเบียนอบรมวันไหนคะ",
                                  "สรุปค่าใช้จ่ายงานสงกรานต์รวม 18,750 บาทนะคะ"])
def test_talk_among_people_is_no_command(text):
    reading = one(text)
    assert reading.intent == "unknown" or not reading.ita


def test_a_message_not_understood_knows_what_it_was_near():
    reading = one("เรื่องแจ้งเตือนค่ะ")
    assert (reading.intent, reading.near) == ("unknown", ("reminders",))


def test_a_bad_vocabulary_is_refused_with_every_problem(tmp_path):
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text("spellings: {}\nparticles: []\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        load_vocabulary(bad)
    assert "missing section 'intents'" in str(error.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_no_message_ever_makes_the_reader_raise(text):
    for reading in said(text):
        assert reading.intent
