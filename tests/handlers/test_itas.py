"""A coordinator pastes the ITAS status page: the figures are kept as that day's ITAS figures and
shown beside the bot's own; a paste that does not read stores nothing and names the line."""
from __future__ import annotations

import io

import openpyxl
import sqlalchemy as sa

from bot.ita.itas_figures import read_status_page
from models import ItasFigures, Report
from tests.provinces import COORDINATOR, COORDINATORS, REPO, STAFF, STRANGER

PAGE = (REPO / "tests" / "fixtures" / "itas-status-lamphun-2568.txt").read_text(encoding="utf-8")


def test_the_lamphun_status_page_reads_as_its_figures():
    page = read_status_page(PAGE)
    assert page.units == 59 and page.year == 2568
    assert vars(page.forms["iit"]) == {"total": 1664, "done": 31, "below": 28}
    assert vars(page.forms["eit1"]) == {"total": 1969, "done": 20, "below": 39}
    assert vars(page.forms["eit2"]) == {"total": 0, "done": 0, "below": 59}
    assert vars(page.forms["oit"]) == {"total": 59, "done": 0, "below": 59}


def test_a_pasted_page_is_kept_beside_the_bots_counts(line, lamphun_status_page, session):
    reports_before = session.scalar(sa.select(sa.func.count(Report.id)))
    [answer] = line.say(PAGE, user=COORDINATOR, group=COORDINATORS).texts  # one answer: the page is read whole
    assert "บันทึกตัวเลขจาก ITAS ของ จ.ลำพูน" in answer
    assert "IIT: ITAS 1,664 · ในบอท 1,664" in answer and "⚠️" not in answer  # the fixture matches the page
    session.rollback()
    [kept] = session.scalars(sa.select(ItasFigures)).all()
    assert (kept.units, kept.iit_total, kept.iit_done, kept.eit1_total, kept.oit_done) == (59, 1664, 31, 1969, 0)
    assert session.scalar(sa.select(sa.func.count(Report.id))) == reports_before  # reported counts untouched


def test_the_summary_shows_itas_beside_the_bot_and_flags_a_difference(line, lamphun_status_page):
    line.say(PAGE.replace("1,664 ชุด", "1,700 ชุด"), user=COORDINATOR, group=COORDINATORS)
    summary = line.say("สรุป", user=COORDINATOR, group=COORDINATORS).text
    assert "IIT: ผู้ตอบ 1,664 ราย" in summary  # the bot's own count stays
    assert "เทียบกับ ITAS (10 เม.ย. 2568)" in summary
    assert "IIT: ITAS 1,700 · ในบอท 1,664 ⚠️ ต่าง -36" in summary
    assert "EIT ส่วนที่ 1: ITAS 1,969 · ในบอท 1,969" in summary


def test_a_second_paste_the_same_day_replaces_the_first(line, lamphun_status_page, session):
    line.say(PAGE, user=COORDINATOR, group=COORDINATORS)
    line.say(PAGE.replace("1,664 ชุด", "1,680 ชุด"), user=COORDINATOR, group=COORDINATORS)
    session.rollback()
    assert [f.iit_total for f in session.scalars(sa.select(ItasFigures))] == [1680]


def test_a_paste_that_does_not_add_up_names_the_line_and_stores_nothing(line, lamphun_status_page, session):
    spoilt = PAGE.replace("ตอบยังไม่ครบตามจำนวนขั้นต่ำ 28 หน่วยงาน", "ตอบยังไม่ครบตามจำนวนขั้นต่ำ 27 หน่วยงาน")
    answer = line.say(spoilt, user=COORDINATOR, group=COORDINATORS).text
    assert "ไม่ได้บันทึกอะไร" in answer
    number = next(n for n, text in enumerate(spoilt.splitlines(), 1) if "ยังไม่ครบตามจำนวนขั้นต่ำ 27" in text)
    assert f"บรรทัด {number}" in answer and "ครบ 31 + ยังไม่ครบ 27 ไม่เท่ากับหน่วยงานที่เข้าร่วม 59" in answer
    cut = PAGE.split("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (ส่วนที่ 1)")[0]
    answer = line.say(cut, user=COORDINATOR, group=COORDINATORS).text
    assert "ไม่พบส่วนของแบบวัด EIT ส่วนที่ 1" in answer and "ไม่พบส่วนของแบบวัด OIT" in answer
    session.rollback()
    assert session.scalars(sa.select(ItasFigures)).all() == []


def test_only_the_provinces_coordinators_may_paste_it(line, lamphun_status_page, session):
    assert line.say(PAGE, user=STAFF).texts == ["ขออภัยครับ คำสั่งนี้สงวนไว้สำหรับผู้ที่ได้รับสิทธิ์เท่านั้น"]
    assert line.say(PAGE, user=STRANGER, group=COORDINATORS).texts == [
        "ขออภัยครับ ท่านไม่มีสิทธิ์บันทึกตัวเลขจาก ITAS ของลำพูน"]
    session.rollback()
    assert session.scalars(sa.select(ItasFigures)).all() == []


def test_the_dashboard_shows_itas_beside_the_bot(line, lamphun_status_page):
    line.say(PAGE.replace("1,664 ชุด", "1,700 ชุด"), user=COORDINATOR, group=COORDINATORS)
    [card] = line.say("แดชบอร์ด", user=COORDINATOR, group=COORDINATORS)
    page = card["contents"]["footer"]["contents"][0]["action"]["uri"].split("localhost", 1)[1]
    html = line.client.get(page).get_data(as_text=True)
    assert "เทียบกับ ITAS (10 เม.ย. 2568)" in html
    assert "IIT: ITAS 1,700 · ในบอท 1,664 <b> ⚠️ ต่าง -36</b>" in html
    assert "EIT ส่วนที่ 1: ITAS 1,969 · ในบอท 1,969</li>" in html


def sheet(rows: list[str]) -> bytes:
    return ("หน่วยงาน,IIT,EIT ส่วนที่ 1,EIT ส่วนที่ 2,OIT\n" + "\n".join(rows) + "\n").encode("utf-8")


def test_a_sheet_of_units_is_kept_and_shown_unit_by_unit(line, lamphun_status_page, session):
    template = line.say("แบบฟอร์ม ITAS", user=COORDINATOR).text
    path = template.split("http://localhost", 1)[1].split("\n", 1)[0]
    book = openpyxl.load_workbook(io.BytesIO(line.client.get(path).data))
    assert book.active.max_row == 60 and book.active["A1"].value == "หน่วยงาน (unit)"
    rows = ["อบต.ทดสอบ00,64,68,0,กำลังตอบ", "อบต.ทดสอบ01,50,59,,รออนุมัติ"]  # 01: ITAS 50, the bot 44
    answer = line.send_file("itas.csv", sheet(rows), user=COORDINATOR).text
    assert "บันทึกตัวเลขรายหน่วยงานจาก ITAS ของ จ.ลำพูน" in answer and "2 หน่วยงาน · ต่างจากในบอท 1 หน่วยงาน" in answer
    session.rollback()
    assert session.scalar(sa.select(sa.func.count(Report.id))) == 59 * 4  # reported counts untouched
    [card] = line.say("แดชบอร์ด", user=COORDINATOR, group=COORDINATORS)
    page = card["contents"]["footer"]["contents"][0]["action"]["uri"].split("localhost", 1)[1]
    html = line.client.get(page).get_data(as_text=True)
    row = html.split('data-unit="อบต.ทดสอบ01"', 1)[1].split("</tr>", 1)[0]
    assert '<div class="itas-unit differs">ITAS 50 ⚠️</div>' in row
    same = html.split('data-unit="อบต.ทดสอบ00"', 1)[1].split("</tr>", 1)[0]
    assert '<div class="itas-unit">ITAS 64</div>' in same
    xlsx = card["contents"]["footer"]["contents"][1]["action"]["uri"].split("localhost", 1)[1]
    units = openpyxl.load_workbook(io.BytesIO(line.client.get(xlsx).data)).worksheets[0]
    found = {r[0]: r[-3:] for r in units.iter_rows(min_row=2, values_only=True)}
    assert found["อบต.ทดสอบ01"] == (50, 59, "รออนุมัติ") and found["อบต.ทดสอบ02"] == (None, None, None)


def test_a_bad_sheet_names_each_cell_and_stores_nothing(line, lamphun_status_page, session):
    rows = ["อบต.ไม่มีจริง,10,10,,", "อบต.ทดสอบ00,สิบ,10,,", "อบต.ทดสอบ00,10,10,,เสร็จ"]
    answer = line.send_file("itas.csv", sheet(rows), user=COORDINATOR).text
    assert "แถว 2 คอลัมน์ A (หน่วยงาน): ไม่พบหน่วยงานนี้ใน จ.ลำพูน" in answer
    assert "แถว 3 คอลัมน์ B (IIT): ต้องเป็นจำนวนเต็ม" in answer
    assert "แถว 4 คอลัมน์ A (หน่วยงาน): หน่วยงานนี้อยู่ในแถว 3 แล้ว" in answer
    assert "แถว 4 คอลัมน์ E (OIT)" in answer
    session.rollback()
    assert session.scalars(sa.select(ItasFigures)).all() == []
