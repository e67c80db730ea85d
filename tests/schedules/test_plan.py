"""Reminder planning is a pure function: calendar, chats, figures, rules and time in; reminders out."""
from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import BANGKOK
from bot.ita.calendar import cycles_by_province
from schedules.plan import Figures, Rules, Target, plan

UNIT_CHAT = Target("Cunit", "ลำพูน", unit_id=1, unit_name="อบต.บ้านไผ่")
CM_CHAT = Target("Ccm", "เชียงใหม่", unit_id=2, unit_name="ทต.ตัวอย่าง")
COORDS = Target("Ccoords", "ลำพูน")


@pytest.fixture
def cycles(calendars, session):
    """The 2568 cycle as each province's chats see it, as the scheduler loads it."""
    return cycles_by_province(session, 2568)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


def keys(reminders, chat=None):
    return [r.key for r in reminders if chat is None or r.chat_id == chat]


def test_seven_days_before_the_oit_deadline_at_nine(cycles):
    due = plan(cycles, [UNIT_CHAT], [], at("2025-04-23T09:00"))
    assert keys(due) == ["deadline:nacc:oit-answer:2025-04-30:d-7"]
    assert "อีก 7 วันครบกำหนด" in due[0].text and "30 เม.ย. 2568" in due[0].text


def test_not_before_nine_still_at_eleven_and_stale_the_next_day(cycles):
    assert plan(cycles, [UNIT_CHAT], [], at("2025-04-23T08:59")) == []
    assert keys(plan(cycles, [UNIT_CHAT], [], at("2025-04-23T11:00"))) == ["deadline:nacc:oit-answer:2025-04-30:d-7"]
    assert plan(cycles, [UNIT_CHAT], [], at("2025-04-24T09:00")) == []


def test_the_provinces_earlier_deadline_wins(cycles):
    assert keys(plan(cycles, [CM_CHAT], [], at("2025-04-11T09:00"))) == ["deadline:เชียงใหม่:oit-import:2025-04-18:d-7"]
    assert plan(cycles, [CM_CHAT], [], at("2025-04-23T09:00")) == []  # the NACC's later date is not Chiang Mai's


def test_first_day_and_last_day_with_the_end_time(cycles):
    chaiyaphum = Target("Ccy", "ชัยภูมิ", unit_id=3, unit_name="อบต.หนึ่ง")
    [first] = plan(cycles, [chaiyaphum], [], at("2025-06-09T09:00"))
    assert first.key.endswith(":start") and "เริ่มวันนี้" in first.text
    [last] = plan(cycles, [chaiyaphum], [], at("2025-06-16T09:00"))
    assert last.key.endswith(":last") and "เวลา 17:00 น." in last.text


def test_weekend_and_holiday_reminders_move_to_the_working_day_before(cycles):
    # 29 June 2025 (one day before the IIT/EIT windows close) is a Sunday.
    plain = plan(cycles, [UNIT_CHAT], [], at("2025-06-29T09:00"))
    assert "deadline:nacc:iit-collect:2025-06-30:d-1" in keys(plain)
    moved = {"ลำพูน": Rules(working_days_only=True)}
    assert "deadline:nacc:iit-collect:2025-06-30:d-1" in keys(plan(cycles, [UNIT_CHAT], [], at("2025-06-27T09:00"), moved))
    assert plan(cycles, [UNIT_CHAT], [], at("2025-06-29T09:00"), moved) == []
    moved_to_friday = [r for r in plan(cycles, [UNIT_CHAT], [], at("2025-06-27T09:00"), moved) if r.key.endswith(":d-1")]
    assert len(moved_to_friday) == 2  # IIT and EIT
    assert all(r.text.startswith("⏰ อีก 3 วันครบกำหนด") for r in moved_to_friday)  # counted from the day it is sent


def test_monday_nudges_for_units_below_minimum_and_the_province_summary(cycles):
    figures = [Figures(1, "อบต.บ้านไผ่", "ลำพูน", {"IIT": 12, "EIT": 50}, {"IIT": 60, "EIT": 40}),
               Figures(4, "ทต.ป่าซาง", "ลำพูน", {"IIT": 1}, {"IIT": 35, "EIT": 70})]
    due = plan(cycles, [UNIT_CHAT, COORDS], figures, at("2025-06-16T09:00"))  # a Monday
    unit = [r for r in due if r.chat_id == "Cunit" and r.kind == "nudge"]
    assert [r.text.split("\n")[0] for r in unit] == ["📣 IIT 12/60 ขาดอีก 48 ชุด เหลือ 14 วัน"]
    province = [r.text for r in due if r.chat_id == "Ccoords" and r.key.startswith("nudge:IIT")]
    assert province[0].startswith("📣 IIT จ.ลำพูน: ยังไม่ครบขั้นต่ำ 2 จาก 2 หน่วยงาน")
    assert province[0].split("\n")[2:] == ["• อบต.บ้านไผ่ 12/60 (ขาด 48)", "• ทต.ป่าซาง 1/35 (ขาด 34)"]
    assert plan(cycles, [UNIT_CHAT], figures, at("2025-06-17T09:00")) == []  # Tuesday: no nudge


def test_keys_are_stable(cycles):
    figures = [Figures(1, "อบต.บ้านไผ่", "ลำพูน", {"IIT": 12}, {"IIT": 60, "EIT": 40})]
    first = plan(cycles, [UNIT_CHAT, COORDS], figures, at("2025-06-23T09:00"))
    again = plan(cycles, [UNIT_CHAT, COORDS], figures, at("2025-06-23T10:30"))
    assert first and keys(first) == keys(again)
