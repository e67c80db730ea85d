"""The whole ITA 2570 year run from LINE, with nothing done on the server: a draft in December,
next year's units, the NACC's calendar sent as a file and confirmed, a province's deadline moved
mid-cycle, and the reminders of the year, day by day, each sent once and none for an old date."""
from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from urllib.parse import urlparse

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from bot.clock import BANGKOK
from models import Calendar, Delivery, Quota
from schedules.deliver import run_pass
from tests.provinces import COORDINATOR, COORDINATORS, UNIT_GROUP

pytestmark = pytest.mark.usefixtures("lamphun")


def at(day: date, hour: int = 9, minute: int = 5) -> datetime:
    return datetime.combine(day, time(hour, minute), BANGKOK)


def download(line, answer: str) -> bytes:
    url = urlparse(next(word for word in answer.split() if word.startswith("http")))
    return line.client.get(f"{url.path}?{url.query}" if url.query else url.path).data


def with_end(data: bytes, step: str, end: str) -> bytes:
    """The template with one step's end date changed, as a person edits it in Excel."""
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == step)
    row[6].value = end  # column G: วันสิ้นสุด
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_2570_year_from_a_draft_to_its_last_reminder(app, line, superadmin, session, clock, fake_line):
    fake_line.set_quota(None)
    clock.freeze(at(date(2026, 12, 7), 10))
    assert "ร่างปฏิทิน ITA 2570" in line.say("ร่างปฏิทิน 2570", user=superadmin).text
    assert "คาดการณ์จากปี 2568" in line.say("ลงทะเบียน ITAS ถึงวันไหน", group=UNIT_GROUP).text
    assert "จากปี 2568 ไปปี 2570 แล้ว" in line.say("ยกยอดหน่วยงาน 2570", user=COORDINATOR).text

    # The NACC publishes: registration ends 20 Jan, not the draft's 31 Jan.
    clock.freeze(at(date(2026, 12, 20), 10))
    sheet = with_end(download(line, line.say("แบบฟอร์มปฏิทิน 2570", user=superadmin).text),
                     "itas-register", "20 ม.ค. 2570")
    preview = line.send_file("ปฏิทิน ITA 2570.xlsx", sheet, user=superadmin)
    assert "เปลี่ยน 1" in preview.text
    assert "บันทึกปฏิทินจากไฟล์" in line.tap(preview[0], "ยืนยัน", user=superadmin).text
    session.rollback()
    nacc = session.scalar(sa.select(Calendar).where(Calendar.key == "2570/nacc"))
    assert nacc.estimated_from is None and nacc.reminders_on
    answer = line.say("ลงทะเบียน ITAS ถึงวันไหน", group=UNIT_GROUP).text
    assert "20 ม.ค. 2570" in answer and "คาดการณ์" not in answer

    # Mid-cycle, Lamphun asks its units to finish OIT ten days before the NACC's end.
    clock.freeze(at(date(2027, 3, 1), 10))
    move = line.say("เลื่อน OIT ถึง 20 เม.ย. 2570", user=COORDINATOR)
    assert "บันทึกการเปลี่ยนกำหนดการแล้ว" in line.tap(move[0], "ยืนยัน", user=COORDINATOR).text

    day, texts_by_chat = date(2026, 12, 21), {}
    while day <= date(2027, 9, 30):
        run_pass(app, at(day))
        day += timedelta(days=1)
    for push in fake_line.pushes():
        texts_by_chat.setdefault(push["to"], []).extend(m.get("text", "") for m in push["messages"])
    session.rollback()
    sent = session.execute(sa.select(Delivery.chat_id, Delivery.reminder_key).where(Delivery.status == "sent")).all()
    assert len(sent) > 30 and len(sent) == len(set(sent))  # every reminder once to each chat
    group = "\n".join(texts_by_chat[UNIT_GROUP])
    register = "การลงทะเบียนเข้าสู่ระบบ ITAS (ผู้ดูแลระบบและผู้บริหาร)\n"
    assert register + "1–20 ม.ค. 2570" in group and register + "1–31 ม.ค. 2570" not in group  # not the draft's
    assert "20 เม.ย. 2570" in group  # the province's own OIT deadline
    assert "คาดการณ์" not in group
    assert "กำหนดการเปลี่ยน" in "\n".join(texts_by_chat[COORDINATORS])
    assert not any("2568" in text and "ITA 2568" in text for text in group.split("\n"))  # no old year
    assert session.scalar(sa.select(sa.func.count()).select_from(Quota).where(Quota.year == 2570)) == 15
