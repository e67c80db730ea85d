"""The simulator in Chromium, as a newcomer uses it on a phone: ask, report, tap, remind."""
from __future__ import annotations

import re
import threading

import pytest
from werkzeug.serving import make_server

from bot.app import create_app, shutdown
from bot.ita.demo_province import PEOPLE
from tests.browser.conftest import SCREENSHOTS

STAFF, EXECUTIVE, COORDINATOR, STRANGER = (p.user_id for p in PEOPLE)
BOT = "li.theirs"


def open_chat(page, demo, person: str, chat: str = "user") -> None:
    page.goto(f"{demo.url}/simulator?person={person}&chat={chat}")


def type_and_send(page, text: str) -> None:
    page.fill("#text", text)
    page.click("#compose button[type=submit]")
    page.wait_for_load_state()


def test_ask_when_oit_is_due_and_read_the_answer(page, demo):
    open_chat(page, demo, STRANGER)
    assert "วันพุธที่ 23 เมษายน 2568" in page.inner_text("#today")
    type_and_send(page, "OIT ส่งเมื่อไหร่")
    answer = page.locator(BOT).last
    assert "ตอบแบบ OIT และอนุมัติ" in answer.inner_text() and "เหลือ 7 วัน" in answer.inner_text()
    assert page.locator("li.mine").last.inner_text() == "OIT ส่งเมื่อไหร่"


def test_report_iit_and_see_the_progress_bar(page, demo):
    open_chat(page, demo, STAFF, "unit")
    type_and_send(page, "IIT 45")
    card = page.locator(f"{BOT} .flex-bubble").last
    assert "45 / 60 (75%)" in card.inner_text()
    bar = card.locator(".box[style*='width:75%']")
    assert bar.count() == 1
    track = bar.locator("xpath=..")  # the bar fills three quarters of its track, as drawn
    assert bar.bounding_box()["width"] == pytest.approx(0.75 * track.bounding_box()["width"], abs=2)


def test_tap_a_quick_reply(page, demo):
    open_chat(page, demo, EXECUTIVE, "unit")
    type_and_send(page, "IIT ประมาณ 50")
    page.click("#quick button:has-text('ใช่ บันทึก IIT 50')")
    page.wait_for_load_state()
    assert page.locator("li.mine").last.inner_text().endswith("ใช่ บันทึก IIT 50")
    assert "50 / 60" in page.locator(f"{BOT} .flex-bubble").last.inner_text()


def test_the_rich_menu_sends_its_label(page, demo):
    page.goto(f"{demo.url}/simulator")
    with page.expect_navigation():  # choosing a person opens their chat (the page's script)
        page.select_option("select[name=person]", COORDINATOR)
    assert page.locator("#rich-menu button").count() == 7  # the coordinators' menu
    page.click("#rich-menu button:has-text('สรุป')")
    page.wait_for_load_state()
    assert page.locator("li.mine").last.inner_text() == "สรุป"
    assert "59" in page.locator(BOT).last.inner_text()


def test_run_a_reminder_pass_and_see_the_push_in_the_unit_group(page, demo):
    open_chat(page, demo, STAFF, "unit")
    page.click("#remind")
    page.wait_for_load_state()
    assert re.search(r"ส่ง \d+ แชต", page.inner_text("#notice"))
    push = page.locator("li.push").last
    assert "แจ้งเตือน" in push.locator(".who").inner_text() and "OIT" in push.inner_text()


def test_production_has_no_simulator(page, tmp_path):
    app = create_app({"line_channel_secret": "s", "line_channel_access_token": "t",
                      "database_url": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert page.goto(f"http://127.0.0.1:{server.server_port}/simulator").status == 404
    finally:
        server.shutdown()
        shutdown(app)


def test_the_coordinator_opens_the_dashboard_from_the_chat_and_sorts_it(page, demo):
    open_chat(page, demo, COORDINATOR)
    type_and_send(page, "แดชบอร์ด")
    link = page.locator(f"{BOT} .flex-bubble a:has-text('เปิดแดชบอร์ด')").last
    href = link.get_attribute("href")
    assert href.startswith(f"{demo.url}/dashboard/")
    page.goto(href)
    assert page.locator("#units tbody tr").count() == 59
    assert "หน่วยงานที่เข้าร่วม" in page.inner_text("#totals")
    first_behind = page.locator("#units tbody tr").first.get_attribute("data-behind")
    assert first_behind == "1"  # units behind first
    page.click("th[data-key=iit]")  # lowest share of the IIT minimum first
    shares = [float(v) for v in page.eval_on_selector_all("#units tbody tr", "rows => rows.map(r => r.dataset.iit)")]
    assert shares == sorted(shares)
    page.click("th[data-key=iit]")
    shares = [float(v) for v in page.eval_on_selector_all("#units tbody tr", "rows => rows.map(r => r.dataset.iit)")]
    assert shares == sorted(shares, reverse=True)
    page.check("#behind")
    visible = page.locator("#units tbody tr:visible").count()
    assert 0 < visible < 59
    page.fill("#filter", "บ้านไผ่")
    assert page.locator("#units tbody tr:visible").count() == 1
    page.fill("#filter", "")
    page.uncheck("#behind")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard-sorted-by-iit.png"), full_page=True)
    page.goto(href.replace("&t=", "&t=x"))  # a spoilt link shows nothing
    assert "ลิงก์นี้ใช้ไม่ได้" in page.content() and "อบต.บ้านไผ่" not in page.content()
