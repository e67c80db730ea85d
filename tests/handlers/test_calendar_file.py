"""A calendar sent as a file in 1:1: the template to fill in, a preview card of what the file
adds, changes and removes, stored only by its confirm button (once, while fresh); a bad row named
by row and column with nothing stored; too big, another type, another's calendar: refused."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta
from urllib.parse import urlparse

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from bot.ita.calendar import cycles_by_province
from bot.ita.calendar_sheets import calendar_template
from bot.line.simulator import file_event, source
from models import AuditEntry, Calendar, CalendarChange, CalendarProposal
from models import Step as StepRow
from tests.provinces import COORDINATOR, OTHER_COORDINATOR, STAFF, UNIT_GROUP



pytestmark = pytest.mark.usefixtures("lamphun")


def steps_of(session, key: str) -> dict[str, StepRow]:
    session.rollback()
    calendar = session.scalar(sa.select(Calendar).where(Calendar.key == key))
    return {s.key: s for s in calendar.steps} if calendar else {}


def count(session, model, *where) -> int:
    session.rollback()
    return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def template(line, user: str) -> bytes:
    """Ask the bot for the template, follow its link, and return the file."""
    answer = line.say("แบบฟอร์มปฏิทิน", user=user).text
    url = next(word for word in answer.split() if word.startswith("http"))
    response = line.client.get(urlparse(url).path + (f"?{urlparse(url).query}" if urlparse(url).query else ""))
    assert response.status_code == 200
    return response.data


def edited(data: bytes, row: int, column: str, value: object) -> bytes:
    book = load_workbook(io.BytesIO(data))
    book.worksheets[0][f"{column}{row}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows_of(data: bytes) -> list[list]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def test_a_coordinator_fills_in_the_template_and_a_confirm_stores_it_once(line, lamphun, session, clock):
    data = template(line, COORDINATOR)
    header, *rows = rows_of(data)
    assert header[:2] == ["รหัสขั้นตอน (step)", "ชื่อขั้นตอน (name)"]
    assert [r[0] for r in rows] == list(steps_of(session, "2568/province/ลำพูน"))  # the province's own, as stored
    assert "ขั้นตอน ป.ป.ช." in load_workbook(io.BytesIO(data)).sheetnames  # the NACC's, to point at
    assert "ตรงกับปฏิทินที่ใช้อยู่" in line.send_file("ปฏิทินลำพูน.xlsx", data, user=COORDINATOR).text

    row = [r[0] for r in rows].index("oit-workshop") + 2
    changed = edited(data, row, "G", "๒๕/๔/๒๕๖๘")  # Thai digits, a BE year
    preview = line.send_file("ปฏิทินลำพูน.xlsx", changed, user=COORDINATOR)
    assert preview[0]["type"] == "flex"
    assert "เปลี่ยน 1" in preview.text and "ยังไม่บันทึก" in preview.text
    card = str(preview[0]["contents"])
    assert "→" in card and "25 เม.ย. 2568" in card
    assert steps_of(session, "2568/province/ลำพูน")["oit-workshop"].end_date != date(2025, 4, 25)

    done = line.tap(preview[0], "ยืนยัน", user=COORDINATOR)
    assert "บันทึกปฏิทินจากไฟล์" in done.text and "เปลี่ยน 1" in done.text
    assert steps_of(session, "2568/province/ลำพูน")["oit-workshop"].end_date == date(2025, 4, 25)
    assert "ได้ยืนยันหรือยกเลิกไปแล้ว" in line.tap(preview[0], "ยืนยัน", user=COORDINATOR).text
    assert count(session, CalendarChange, CalendarChange.kind == "move") == 1
    assert count(session, CalendarChange, CalendarChange.kind == "load", CalendarChange.actor == COORDINATOR) == 1
    assert count(session, AuditEntry, AuditEntry.action == "calendar.load", AuditEntry.actor == COORDINATOR) == 1
    assert session.scalar(sa.select(Calendar.edited_at).where(Calendar.key == "2568/province/ลำพูน")) is not None
    assert "ประวัติปฏิทิน ITA 2568" in line.say("ประวัติปฏิทิน", user=COORDINATOR).text


def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_stored(line, lamphun, session):
    data = template(line, COORDINATOR)
    bad = edited(edited(data, 2, "F", "31 ก.พ. 2568"), 3, "D", "LIT")
    answer = line.send_file("ปฏิทิน.xlsx", bad, user=COORDINATOR).text
    assert "ยังไม่ถูกบันทึก" in answer
    assert 'แถว 2 คอลัมน์ F (วันเริ่ม): "31 ก.พ. 2568" ไม่ใช่วันที่' in answer
    assert 'แถว 3 คอลัมน์ D (แบบวัด): "LIT" ไม่ใช่แบบวัด' in answer
    assert count(session, CalendarProposal) == 0
    assert count(session, CalendarChange, CalendarChange.actor == COORDINATOR) == 0


def test_a_csv_adds_and_removes_steps_and_a_step_of_another_year_is_named(line, lamphun, session):
    stored = steps_of(session, "2568/province/ลำพูน")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["step", "name", "who", "start", "end", "forms", "nacc_step"])
    kept = list(stored.values())[1:]
    for s in kept:
        writer.writerow([s.key, s.short, s.actor, s.start_date.isoformat(), s.end_date.isoformat(), s.forms,
                         s.nacc_step or ""])
    writer.writerow(["lamphun-eit-push", "เร่งเก็บ EIT ก่อนสงกรานต์", "หน่วยงาน", "1/4/2568", "12/4/2568", "EIT", ""])
    data = out.getvalue().encode("utf-8-sig")
    preview = line.send_file("lamphun.csv", data, user=COORDINATOR)
    assert "เพิ่ม 1" in preview.text and "ลบ 1" in preview.text
    line.tap(preview[0], "ยืนยัน", user=COORDINATOR)
    after = steps_of(session, "2568/province/ลำพูน")
    assert "lamphun-eit-push" in after and list(stored)[0] not in after

    wrong_year = data.replace(b"12/4/2568", b"12/4/2569")
    answer = line.send_file("lamphun.csv", wrong_year, user=COORDINATOR).text
    assert "คอลัมน์ E (วันสิ้นสุด)" in answer and "นอกปีงบประมาณ 2568" in answer


def test_a_superadmins_sheet_is_the_naccs_calendar_and_replaces_a_draft(line, superadmin, session, clock, fake_line):
    clock.freeze("2026-12-07T10:00:00+07:00")
    line.say("ร่างปฏิทิน 2570", user=superadmin)
    draft = {key: step.end_date for key, step in steps_of(session, "2570/nacc").items()}
    data = _sheet_of(session, 2570, moved_days=7)
    preview = line.send_file("ITA2570.xlsx", data, user=superadmin)
    assert "แทนร่างที่คาดการณ์จากปี 2568" in str(preview[0]["contents"])
    assert f"เปลี่ยน {len(draft)}" in preview.text
    line.tap(preview[0], "ยืนยัน", user=superadmin)
    session.rollback()
    calendar = session.scalar(sa.select(Calendar).where(Calendar.key == "2570/nacc"))
    assert calendar.estimated_from is None and calendar.reminders_on
    assert calendar.steps[0].end_date == draft[calendar.steps[0].key] + timedelta(days=7)
    assert "คาดการณ์" not in line.say("OIT ส่งเมื่อไหร่", user=superadmin).text


def _sheet_of(session, year: int, moved_days: int) -> bytes:
    """The NACC's steps of the year as a filled-in template, each ending `moved_days` later."""
    steps = [replace(e.step, end=e.step.end + timedelta(days=moved_days))
             for e in cycles_by_province(session, year)[None].entries]
    return calendar_template(steps, [])


def test_a_coordinator_may_not_send_the_naccs_calendar_or_another_provinces(line, lamphun, session):
    nacc = ("year: 2568\nscope: nacc\ntitle: t\nsource: s\nsteps:\n"
            "  - {id: a, title: a, short: a, start: 2025-01-01, end: 2025-01-31, actor: unit}\n").encode()
    assert "แก้ได้เฉพาะผู้ดูแลระบบ" in line.send_file("nacc.yaml", nacc, user=COORDINATOR).text
    other = nacc.replace(b"scope: nacc", "scope: province\nprovince: เชียงใหม่".encode())
    assert "ท่านแก้ได้เฉพาะของจังหวัดลำพูน" in line.send_file("cm.yaml", other, user=COORDINATOR).text
    assert "ท่านแก้ได้เฉพาะของจังหวัดเชียงใหม่" not in line.send_file("cm.yaml", other, user=OTHER_COORDINATOR).text
    assert count(session, CalendarChange, CalendarChange.actor.in_([COORDINATOR, OTHER_COORDINATOR])) == 0
    refused = line.send_file("cm.yaml", other, user=STAFF).text
    assert "ไม่มีสิทธิ์" in refused or "ส่งไฟล์ปฏิทิน" in refused
    assert count(session, AuditEntry, AuditEntry.allowed.is_(False)) >= 1


def test_too_big_another_type_gone_or_in_a_group(line, lamphun, session, fake_line):
    assert "เกิน 1 MB" in line.send_file("big.xlsx", b"x", user=COORDINATOR, size=(1 << 20) + 1).text
    assert not [c for c in fake_line.calls if c.path.endswith("/content")]  # refused before fetching
    assert "เกิน 1 MB" in line.send_file("liar.csv", b"x" * ((1 << 20) + 10), user=COORDINATOR, size=10).text
    assert ".xlsx, .csv หรือ .yaml เท่านั้น" in line.send_file("ปฏิทิน.pdf", b"%PDF", user=COORDINATOR).text
    assert "เปิดไฟล์" in line.send_file("broken.xlsx", b"not a zip", user=COORDINATOR).text
    gone = file_event("gone.csv", 10, source(COORDINATOR), clock=line.clock)
    assert "ไม่เก็บไฟล์" in line.send(gone).text
    assert line.send_file("ปฏิทิน.xlsx", b"x", user=COORDINATOR, group=UNIT_GROUP) == []  # groups share files
    assert count(session, CalendarProposal) == 0


def test_a_stale_or_cancelled_preview_changes_nothing(line, lamphun, session, clock):
    data = template(line, COORDINATOR)
    changed = edited(data, 2, "G", "30 เม.ย. 2568")
    first = line.send_file("a.xlsx", changed, user=COORDINATOR)
    assert "ยกเลิกแล้ว" in line.tap(first[0], "ยกเลิก", user=COORDINATOR).text
    second = line.send_file("a.xlsx", changed, user=COORDINATOR)
    clock.freeze(clock.now() + timedelta(minutes=61))
    stale = line.tap(second[0], "ยืนยัน", user=COORDINATOR).text
    assert "เก่าเกิน 1 ชั่วโมง" in stale and "ส่งไฟล์อีกครั้ง" in stale
    third = line.send_file("a.xlsx", changed, user=COORDINATOR)
    move = line.say("เลื่อน OIT ถึง 20 เม.ย. 2568", user=COORDINATOR)
    line.tap(move[0], "ยืนยัน", user=COORDINATOR)
    # the calendar changed meanwhile
    assert "เก่าเกิน 1 ชั่วโมง หรือปฏิทินเปลี่ยนไปแล้ว" in line.tap(third[0], "ยืนยัน", user=COORDINATOR).text
    assert count(session, CalendarChange, CalendarChange.kind == "load", CalendarChange.actor == COORDINATOR) == 0


def test_the_template_link_shows_nothing_it_should_not(line, lamphun):
    assert line.client.get("/templates/calendar-2568.xlsx?province=ไม่มีจังหวัดนี้").status_code == 404
    assert line.client.get("/templates/calendar-99999.xlsx").status_code == 404
    assert line.client.get("/templates/calendar-2568.xlsx").status_code == 200
