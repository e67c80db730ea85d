"""A province's units sent as a file: the template, a preview of the units added, changed and no
longer taking part, stored only by its confirm button (once), a bad cell named by row and column
with nothing stored, never another province's units, audited."""
from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from models import AuditEntry, Quota, Report, Unit
from tests.provinces import COORDINATOR, STAFF, UNIT_GROUP

pytestmark = pytest.mark.usefixtures("lamphun")


def template(line) -> bytes:
    answer = line.say("แบบฟอร์มหน่วยงาน", user=COORDINATOR).text
    url = urlparse(next(word for word in answer.split() if word.startswith("http")))
    response = line.client.get(f"{url.path}?{url.query}")
    assert response.status_code == 200
    return response.data


def edit(data: bytes, change) -> bytes:
    book = load_workbook(io.BytesIO(data))
    change(book.worksheets[0])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def minimums(session, year: int = 2568) -> dict[str, tuple[int, int]]:
    session.rollback()
    return {name: (iit, eit) for name, iit, eit in session.execute(
        sa.select(Unit.name, Quota.iit_min, Quota.eit_min).join(Quota).where(Quota.year == year))}


def row_of(sheet, unit: str) -> int:
    return next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == unit)


def test_a_coordinator_edits_the_list_and_one_confirm_stores_it(line, session):
    line.say("IIT 45", group=UNIT_GROUP)
    data = template(line)
    assert "ตรงกับรายชื่อหน่วยงานปี 2568" in line.send_file("หน่วยงาน.xlsx", data, user=COORDINATOR).text
    before = minimums(session)

    def change(sheet):
        sheet.cell(row_of(sheet, "อบต.บ้านไผ่"), 3).value = 65  # IIT minimum 60 -> 65
        sheet.delete_rows(row_of(sheet, "ทต.ลี้"))
        sheet.append(["อบต.ใหม่ทดสอบ", "อบต.", "๓๐", 40, None, "อบต.ใหม่"])
    preview = line.send_file("หน่วยงาน.xlsx", edit(data, change), user=COORDINATOR)
    assert preview[0]["type"] == "flex"
    assert "เพิ่ม 1" in preview.text and "เปลี่ยน 1" in preview.text and "ลบ 1" in preview.text
    card = str(preview[0]["contents"])
    assert "อบต.บ้านไผ่: IIT 60 → 65" in card and "ทต.ลี้" in card and "อบต.ใหม่ทดสอบ: IIT ≥ 30" in card
    assert minimums(session) == before  # nothing yet

    done = line.tap(preview[0], "ยืนยัน", user=COORDINATOR).text
    assert "เพิ่ม 1 เปลี่ยน 1 ไม่เข้าร่วม 1" in done
    after = minimums(session)
    assert after["อบต.บ้านไผ่"] == (65, 40) and after["อบต.ใหม่ทดสอบ"] == (30, 40) and "ทต.ลี้" not in after
    assert "ได้ยืนยันหรือยกเลิกไปแล้ว" in line.tap(preview[0], "ยืนยัน", user=COORDINATOR).text
    assert session.scalar(sa.select(sa.func.count()).select_from(Report)) == 1  # the count stays
    assert "IIT: 45 / 65" in line.say("สถานะ", group=UNIT_GROUP).text
    actions = session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.startswith("units.file"))).all()
    assert sorted(actions) == ["units.file.added", "units.file.changed", "units.file.removed"]


def test_a_bad_cell_is_named_and_nothing_is_stored(line, session):
    data = template(line)
    before = minimums(session)

    def change(sheet):
        sheet.cell(3, 3).value = "หกสิบ"
        sheet.cell(4, 2).value = "วัด"
    answer = line.send_file("หน่วยงาน.xlsx", edit(data, change), user=COORDINATOR).text
    assert 'แถว 3 คอลัมน์ C (IIT ขั้นต่ำ): "หกสิบ" ต้องเป็นจำนวนเต็ม' in answer
    assert 'แถว 4 คอลัมน์ B (ประเภท): "วัด" ไม่ใช่ประเภทหน่วยงาน' in answer
    assert minimums(session) == before


def test_another_provinces_units_or_someone_elses_button_change_nothing(line, session):
    csv = "จังหวัด,หน่วยงาน,IIT ขั้นต่ำ,EIT ขั้นต่ำ\nเชียงใหม่,อบต.แม่ริม,10,10\n".encode()
    assert "ไม่ใช่จังหวัดลำพูน" in line.send_file("cm.csv", csv, user=COORDINATOR).text
    data = edit(template(line), lambda sheet: sheet.delete_rows(2))
    preview = line.send_file("หน่วยงาน.xlsx", data, user=COORDINATOR)
    assert "ไม่มีสิทธิ์แก้รายชื่อหน่วยงาน" in line.tap(preview[0], "ยืนยัน", user=STAFF).text
    assert "ยกเลิกแล้ว" in line.tap(preview[0], "ยกเลิก", user=COORDINATOR).text
    assert len(minimums(session)) == 15
    assert "ขออภัย" in line.say("แบบฟอร์มหน่วยงาน", user=STAFF).text
    assert line.client.get("/templates/units-2568.xlsx").status_code == 404


def test_a_name_written_another_way_is_the_unit_already_there(line, session):
    csv = "หน่วยงาน,IIT ขั้นต่ำ,EIT ขั้นต่ำ\nอบต บ้านไผ่,70,40\n".encode()
    preview = line.send_file("หน่วยงาน.csv", csv, user=COORDINATOR)
    assert "อบต.บ้านไผ่: IIT 60 → 70" in str(preview[0]["contents"])
    line.tap(preview[0], "ยืนยัน", user=COORDINATOR)
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 15  # no second บ้านไผ่
    assert minimums(session)["อบต.บ้านไผ่"] == (70, 40)
    assert len(minimums(session)) == 1  # the others take no part: the file is the year's whole list


def test_a_preview_made_stale_by_a_change_meanwhile_stores_nothing(line, session):
    data = edit(template(line), lambda sheet: sheet.delete_rows(2))
    preview = line.send_file("หน่วยงาน.xlsx", data, user=COORDINATOR)
    line.say("ตั้งโควตา IIT อบต.บ้านไผ่ 61", user=COORDINATOR)
    assert "รายชื่อหน่วยงานเปลี่ยนไปแล้ว" in line.tap(preview[0], "ยืนยัน", user=COORDINATOR).text
    assert len(minimums(session)) == 15
