"""/simulator without a browser: what each request does, read back from the pages and from
what the fake LINE received. The browser tests (tests/browser) show the same in Chromium."""
from __future__ import annotations

import re
from collections import Counter

import pytest
import sqlalchemy as sa

from bot import db
from bot.app import create_app, shutdown
from bot.ita.demo_province import PEOPLE
from models import OitState, Quota, Report, Unit

STAFF, EXECUTIVE, COORDINATOR, STRANGER = (p.user_id for p in PEOPLE)


def say(client, text: str, person: str, chat: str = "user"):
    return client.post("/simulator/send", data={"person": person, "chat": chat, "text": text})


def chat_log(client, person: str, chat: str = "user") -> str:
    answer = client.get("/simulator/log", query_string={"person": person, "chat": chat})
    assert answer.status_code == 200
    return answer.get_data(as_text=True)


@pytest.fixture
def client(demo):
    return demo.app.test_client()


def test_the_demo_province_looks_like_lamphun_on_the_status_page(demo):
    with db.sessionmaker(demo.app)() as session:
        minimums = {q.unit_id: q for q in session.scalars(sa.select(Quota).where(Quota.year == 2568))}
        latest = {(r.unit_id, r.form): r.count for r in session.scalars(sa.select(Report).order_by(Report.id))}
        units = session.scalars(sa.select(Unit)).all()
        oit = Counter(s.state for s in session.scalars(sa.select(OitState)))
    assert len(units) == 59
    at_iit_minimum = sum(latest[u.id, "IIT"] >= minimums[u.id].iit_min for u in units)
    assert 25 <= at_iit_minimum <= 34  # about half
    assert oit["answering"] > 30 and oit["approved"] < 59  # OIT under way


def test_the_page_says_the_date_of_the_demo_and_offers_every_person_and_chat(client):
    page = client.get("/simulator").get_data(as_text=True)
    assert "วันพุธที่ 23 เมษายน 2568 09:30 น." in page
    assert all(p.name in page for p in PEOPLE)
    assert "กลุ่ม LINE อบต.บ้านไผ่" in page and "กลุ่มผู้ประสานงาน ITA จ.ลำพูน" in page


def test_a_question_goes_through_the_webhook_and_its_reply_through_the_fake_line(client, demo):
    before = len(demo.fake.calls_to("/v2/bot/message/reply"))
    answer = say(client, "OIT ส่งเมื่อไหร่", STRANGER)
    assert answer.status_code == 303  # back to the page: a reload sends nothing again
    assert len(demo.fake.calls_to("/v2/bot/message/reply")) == before + 1
    log = chat_log(client, STRANGER)
    assert "OIT ส่งเมื่อไหร่" in log and "ตอบแบบ OIT และอนุมัติ" in log and "เหลือ 7 วัน" in log


def test_a_report_shows_its_progress_bar(client):
    say(client, "IIT 45", STAFF)
    log = chat_log(client, STAFF)
    assert "45 / 60 (75%)" in log
    assert re.search(r'style="width:75%;height:8px;background:#F5A623', log)


def tap(client, log: str, label: str, person: str, chat: str = "user"):
    """Press the button `label` of a chat's log: its form's hidden fields, posted as the browser would."""
    form = re.search(r'<form[^>]*>((?:(?!</form>).)*?<button[^>]*>' + re.escape(label) + r'</button>)', log, re.S)
    assert form, f"no button {label!r}"
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form[1]))
    assert fields["person"] == person and fields["chat"] == chat
    return client.post("/simulator/send", data=fields)


def test_a_quick_reply_sends_its_text_and_a_postback_its_data(client):
    say(client, "IIT ประมาณ 50", EXECUTIVE, "unit")
    asked = chat_log(client, EXECUTIVE, "unit")
    assert "ขอยืนยันก่อนบันทึก" in asked and 'name="data" value="report:' in asked  # a postback button
    tap(client, asked, "ใช่ บันทึก IIT 50", EXECUTIVE, "unit")
    stored = chat_log(client, EXECUTIVE, "unit")
    assert stored.count("ใช่ บันทึก IIT 50") == 1 and "50 / 60 (83%)" in stored  # the tap, then the bar
    say(client, "OIT ส่งเมื่อไหร่", EXECUTIVE)
    tap(client, chat_log(client, EXECUTIVE), "IIT ปิดวันไหน", EXECUTIVE)  # a text button
    assert "เก็บแบบวัด IIT" in chat_log(client, EXECUTIVE).split("IIT ปิดวันไหน</div>")[-1]


def test_the_rich_menu_is_the_one_linked_to_the_person(client):
    member = client.get("/simulator", query_string={"person": STAFF}).get_data(as_text=True)
    coordinator = client.get("/simulator", query_string={"person": COORDINATOR}).get_data(as_text=True)
    for label in ("กำหนดการ", "รายงานยอด", "สถานะ", "แจ้งเตือนถัดไป", "ช่วยเหลือ"):
        assert f'value="{label}"' in member and f'value="{label}"' in coordinator
    assert 'value="สรุป"' in coordinator and 'value="สรุป"' not in member


def test_a_reminder_pass_pushes_into_the_chats_and_never_twice(client, demo):
    first = client.post("/simulator/remind", data={"person": STAFF, "chat": "unit"}, follow_redirects=True)
    assert re.search(r"รอบแจ้งเตือน: ส่ง [1-9]\d* แชต", first.get_data(as_text=True))
    pushed = demo.fake.pushes()
    assert pushed and {p["to"] for p in pushed} >= {"Cdemo0000000000000000000000banphai"}
    group = chat_log(client, STAFF, "unit")
    assert "แจ้งเตือน (push)" in group
    client.post("/simulator/remind", data={"person": STAFF, "chat": "unit"})
    assert demo.fake.pushes() == pushed
    again = client.get(client.post("/simulator/remind", data={"person": STAFF, "chat": "unit"}).headers["Location"])
    assert "ไม่มีแจ้งเตือนที่ถึงกำหนด" in again.get_data(as_text=True)


@pytest.mark.parametrize("form", [
    {"person": "Unobody", "chat": "user", "text": "IIT 45"},
    {"person": STAFF, "chat": "Cnowhere", "text": "IIT 45"},
    {"person": STAFF, "chat": "user", "text": "ก" * 5001},
    {"person": STAFF, "chat": "user", "data": "x" * 301},
])
def test_what_cannot_be_sent_is_refused_in_thai_and_sends_nothing(client, demo, form):
    before = len(demo.fake.calls)
    answer = client.post("/simulator/send", data=form)
    assert answer.status_code == 400
    assert "ส่งไม่ได้" in answer.get_data(as_text=True)
    assert len(demo.fake.calls) == before


def test_production_has_no_simulator(tmp_path):
    app = create_app({"line_channel_secret": "s", "line_channel_access_token": "t",
                      "database_url": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    try:
        assert app.test_client().get("/simulator").status_code == 404
        assert app.test_client().post("/simulator/send", data={"text": "IIT 45"}).status_code == 404
    finally:
        shutdown(app)
