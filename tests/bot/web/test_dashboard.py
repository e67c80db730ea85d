"""A coordinator asks for the dashboard and opens it through the signed link; nobody else sees it."""
from __future__ import annotations

import io
import re
from datetime import timedelta
from urllib.parse import quote, urlsplit

import openpyxl
import pytest

from models import Member, get_or_create_province
from tests.provinces import COORDINATOR, COORDINATORS, OTHER_COORDINATOR, STAFF, STRANGER


def ask_for_the_dashboard(line, user=COORDINATOR, group=COORDINATORS) -> tuple[str, str]:
    """The paths (with their token) of the dashboard's and the Excel sheet's buttons."""
    [card] = line.say("แดชบอร์ด", user=user, group=group)
    buttons = [b["action"]["uri"] for b in card["contents"]["footer"]["contents"]]
    page, sheet = (urlsplit(uri) for uri in buttons)
    return f"{page.path}?{page.query}", f"{sheet.path}?{sheet.query}"


def test_the_coordinator_gets_a_link_that_opens_the_province(line, lamphun_status_page):
    [card] = line.say("แดชบอร์ด", user=COORDINATOR, group=COORDINATORS)
    assert card["type"] == "flex" and "แดชบอร์ด ITA 2568 จ.ลำพูน" in card["altText"]
    assert "ใช้ได้ 24 ชั่วโมง" in str(card["contents"])
    page, _ = ask_for_the_dashboard(line)
    answer = line.client.get(page)
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    html = answer.get_data(as_text=True)
    assert html.count('<tr data-unit="อบต.ทดสอบ') == 59
    assert "<svg" in html  # the chart, drawn on the server


def test_the_dashboard_shows_the_same_figures_as_the_summary(line, lamphun_status_page):
    summary = line.say("สรุป", user=COORDINATOR, group=COORDINATORS).text
    html = line.client.get(ask_for_the_dashboard(line)[0]).get_data(as_text=True)
    totals = re.search(r'<section class="totals".*?</section>', html, re.S)[0]
    assert "59" in totals and "1,664 ชุด" in totals and "ครบขั้นต่ำ 31 · ยังไม่ครบ 28" in totals
    assert "1,969 ชุด" in totals and "ครบขั้นต่ำ 20 · ยังไม่ครบ 39" in totals
    assert "อนุมัติครบ 0 · ยังไม่ครบ 59" in totals and "เริ่มแล้ว 59" in totals
    assert "1,664" in summary and "1,969" in summary


def test_units_behind_come_first_largest_gap_first(line, lamphun_status_page):
    html = line.client.get(ask_for_the_dashboard(line)[0]).get_data(as_text=True)
    units = re.findall(r'<tr data-unit="([^"]+)"', html)
    behind = re.findall(r'data-behind="(\d)"', html)
    assert units[0] == "อบต.ทดสอบ31"  # IIT 10/30 and EIT 20/40: 40 missing
    assert behind == sorted(behind, reverse=True)


@pytest.mark.parametrize("spoil", ["missing", "tampered", "other province", "expired", "revoked", "year"])
def test_a_link_that_is_not_good_shows_nothing(line, lamphun_status_page, session, clock, spoil):
    page, sheet = ask_for_the_dashboard(line)
    if spoil == "missing":
        page, sheet = page.split("&t=")[0], sheet.split("&t=")[0]
    elif spoil == "tampered":
        page, sheet = page[:-3] + ("abc" if not page.endswith("abc") else "xyz"), sheet[:-1]
    elif spoil == "other province":
        page = page.replace(quote("ลำพูน"), quote("เชียงใหม่"))
        sheet = sheet.replace(quote("ลำพูน"), quote("เชียงใหม่"))
    elif spoil == "expired":
        clock.freeze(clock.now() + timedelta(hours=24, seconds=1))
    elif spoil == "revoked":
        session.get(Member, COORDINATOR).role = "member"
        session.commit()
    else:  # another year's figures are the same province's: allowed
        page, sheet = page.replace("year=2568", "year=2567"), sheet.replace("year=2568", "year=2567")
    for path in (page, sheet):
        answer = line.client.get(path)
        if spoil == "year":
            assert answer.status_code == 200
            continue
        assert answer.status_code == 403, (spoil, path)
        body = answer.get_data(as_text=True)
        assert "อบต.ทดสอบ" not in body and "1,664" not in body


def test_a_link_still_works_just_before_it_expires(line, lamphun_status_page, clock):
    page, _ = ask_for_the_dashboard(line)
    clock.freeze(clock.now() + timedelta(hours=23, minutes=59))
    assert line.client.get(page).status_code == 200


def test_only_coordinators_get_a_link(line, lamphun_status_page):
    for user in (STAFF, STRANGER):
        [answer] = line.say("แดชบอร์ด", user=user)
        assert answer["type"] == "text" and "/dashboard/" not in answer["text"]


def test_another_provinces_coordinator_cannot_open_this_one(line, lamphun_status_page, session, clock):
    chiang_mai = get_or_create_province(session, "เชียงใหม่")
    session.add(Member(user_id=OTHER_COORDINATOR, role="coordinator", province_id=chiang_mai.id, joined_at=clock.now()))
    session.commit()
    [answer] = line.say("แดชบอร์ด จ.ลำพูน", user=OTHER_COORDINATOR)  # as for สรุป: their own province's
    assert "จ.เชียงใหม่" in answer["altText"] and quote("ลำพูน") not in str(answer)
    own, _ = ask_for_the_dashboard(line, user=OTHER_COORDINATOR, group=None)
    assert line.client.get(own).status_code == 200
    assert line.client.get(own.replace(quote("เชียงใหม่"), quote("ลำพูน"))).status_code == 403


def test_the_excel_sheet_reads_back_with_a_row_per_unit_and_the_calendar(line, lamphun_status_page):
    _, sheet = ask_for_the_dashboard(line)
    answer = line.client.get(sheet)
    assert answer.status_code == 200 and answer.mimetype.endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(answer.data))
    units, calendar = book.worksheets
    header = [c.value for c in units[1]]
    assert header[:4] == ["หน่วยงาน", "IIT", "IIT ขั้นต่ำ", "IIT ขาดอีก"] and units.max_row == 60
    assert units.freeze_panes == "B2" and units.auto_filter.ref == "A1:N60"
    rows = {r[0]: r for r in units.iter_rows(min_row=2, values_only=True)}
    assert rows["อบต.ทดสอบ00"][1:4] == (64, 30, 0) and rows["อบต.ทดสอบ58"][1:4] == (10, 30, 20)
    assert units.column_dimensions["A"].width >= len("อบต.ทดสอบ00") and units.column_dimensions["A"].width <= 20
    steps = [r[0] for r in calendar.iter_rows(min_row=2, values_only=True)]
    assert len(steps) >= 10 and calendar.cell(1, 1).value == "ขั้นตอน"


def test_itabot_export_writes_the_same_sheet(app, lamphun_status_page, tmp_path):
    result = app.test_cli_runner().invoke(args=["export", "--province", "ลำพูน", str(tmp_path / "lamphun.xlsx")])
    assert result.exit_code == 0, result.output
    assert "ลำพูน ปี 2568: 59 หน่วยงาน" in result.output
    units = openpyxl.load_workbook(tmp_path / "lamphun.xlsx").worksheets[0]
    assert units.max_row == 60 and units["A1"].value == "หน่วยงาน"
    refused = app.test_cli_runner().invoke(args=["export", "--province", "ไม่มี", str(tmp_path / "x.xlsx")])
    assert refused.exit_code == 1 and "ไม่พบจังหวัด" in refused.output and not (tmp_path / "x.xlsx").exists()
