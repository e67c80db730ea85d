"""Chats turn reminders off and on, and ask what comes next."""
import sqlalchemy as sa

from models import Chat
from tests.provinces import STAFF


def test_off_on_and_next(line, lamphun, clock, session):
    clock.freeze("2025-04-20T15:00:00+07:00")
    assert "ยังไม่ได้ผูก" in line.say("แจ้งเตือนถัดไป", user=STAFF, group="Cunit").text
    line.say("ลงทะเบียน อบต.บ้านไผ่", user=STAFF, group="Cunit")
    nxt = line.say("แจ้งเตือนถัดไป", user=STAFF, group="Cunit").text
    # Monday's nudge comes before Wednesday's "7 days before the OIT deadline".
    assert "วันจันทร์ที่ 21 เมษายน 2568 เวลา 09:00 น." in nxt and "EIT 0/40 ขาดอีก 40 ชุด" in nxt
    assert "ปิดการแจ้งเตือน" in line.say("ปิดแจ้งเตือน", user=STAFF, group="Cunit").text
    session.rollback()
    assert session.get(Chat, "Cunit").reminders_on is False
    assert "ขณะนี้ปิดการแจ้งเตือน" in line.say("แจ้งเตือนถัดไป", user=STAFF, group="Cunit").text
    assert "เปิดการแจ้งเตือน" in line.say("เปิดแจ้งเตือน", user=STAFF, group="Cunit").text
    session.rollback()
    assert session.scalar(sa.select(Chat.reminders_on).where(Chat.id == "Cunit")) is True
