"""Chats turn reminders off and on, and ask what comes next."""
from pathlib import Path

import sqlalchemy as sa

from bot.line.simulator import message_text
from models import Chat

DEMO = Path(__file__).resolve().parent.parent / "data" / "units" / "demo-lamphun.csv"


def say(line, text):
    return "\n".join(message_text(m) for m in line.say(text, user="Ux", group="Cunit"))


def test_off_on_and_next(app, line, calendars, clock, session):
    clock.freeze("2025-04-20T15:00:00+07:00")
    assert app.test_cli_runner().invoke(args=["units", "import", str(DEMO), "--year", "2568"]).exit_code == 0
    assert "ยังไม่ได้ผูก" in say(line, "แจ้งเตือนถัดไป")
    say(line, "ลงทะเบียน อบต.บ้านไผ่")
    nxt = say(line, "แจ้งเตือนถัดไป")
    # Monday's nudge comes before Wednesday's "7 days before the OIT deadline".
    assert "วันจันทร์ที่ 21 เมษายน 2568 เวลา 09:00 น." in nxt and "EIT 0/40 ขาดอีก 40 ชุด" in nxt
    assert "ปิดการแจ้งเตือน" in say(line, "ปิดแจ้งเตือน")
    session.rollback()
    assert session.get(Chat, "Cunit").reminders_on is False
    assert "ขณะนี้ปิดการแจ้งเตือน" in say(line, "แจ้งเตือนถัดไป")
    assert "เปิดการแจ้งเตือน" in say(line, "เปิดแจ้งเตือน")
    session.rollback()
    assert session.scalar(sa.select(Chat.reminders_on).where(Chat.id == "Cunit")) is True
