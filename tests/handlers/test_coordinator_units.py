"""A coordinator has no unit of their own: in 1:1 and in the coordinators' group they name the unit
they mean, or ask which units are behind on a form or under a share of the minimum."""
from __future__ import annotations

import sqlalchemy as sa

from models import Quota, Report, Unit, get_or_create_province
from tests.provinces import COORDINATOR, COORDINATORS, OTHER_COORDINATOR


def test_a_coordinator_asks_the_status_of_a_unit_they_name(line, lamphun):
    line.say("ทต.ป่าซาง IIT 20", user=COORDINATOR)
    answer = line.say("สถานะ ทต.ป่าซาง", user=COORDINATOR).text
    assert "ทต.ป่าซาง" in answer and "IIT: 20 / 35" in answer and "OIT:" in answer
    in_group = line.say("สถานะ ทต.ป่าซาง หน่อยครับ", user=COORDINATOR, chat=COORDINATORS).text
    assert "IIT: 20 / 35" in in_group


def test_a_coordinator_reports_for_a_unit_they_name(line, lamphun, session):
    answer = line.say("iit 45 eit 60 อบต.บ้านไผ่", user=COORDINATOR)
    assert "อบต.บ้านไผ่" in answer.text
    counts = dict(session.execute(sa.select(Report.form, Report.count)).all())
    assert counts == {"IIT": 45, "EIT": 60}


def test_a_unit_of_another_province_is_refused_with_the_reason(line, lamphun, session):
    chiang_mai = get_or_create_province(session, "เชียงใหม่")
    maewin = Unit(province=chiang_mai, name="ทต.แม่วิน", kind="subdistrict", key="ทตแม่วิน")
    session.add(maewin)
    session.flush()
    session.add(Quota(unit_id=maewin.id, year=2568, iit_min=30, eit_min=40))
    session.commit()
    for message in ("สถานะ ทต.แม่วิน", "ทต.แม่วิน IIT 30", "ทต.แม่วิน EIT ขาดอีกกี่ชุด"):
        answer = line.say(message, user=COORDINATOR).text
        assert "ไม่มีสิทธิ์" in answer and "ทต.แม่วิน" in answer, message
    assert session.scalar(sa.select(sa.func.count()).select_from(Report)) == 0
    assert "IIT: 0 / 30" in line.say("สถานะ ทต.แม่วิน", user=OTHER_COORDINATOR).text


def test_which_units_are_behind_on_one_form(line, lamphun):
    line.say("ทต.ป่าซาง IIT 35", user=COORDINATOR)  # at its minimum: not behind on IIT
    line.say("ทต.ป่าซาง EIT 10", user=COORDINATOR)
    for question in ("อบต.ไหนยังไม่ครบ iit บ้าง", "ใครยังไม่ส่ง IIT บ้าง", "หน่วยงานไหน IIT ยังไม่ครบ"):
        answer = line.say(question, user=COORDINATOR).text
        assert "ยังไม่ครบขั้นต่ำ IIT" in answer, question
        assert "ทต.ป่าซาง" not in answer and "EIT" not in answer, question
    eit = line.say("หน่วยไหน EIT ยังไม่ครบบ้าง", user=COORDINATOR, chat=COORDINATORS).text
    assert "ทต.ป่าซาง — EIT 10/70 ขาด 60" in eit


def test_units_under_a_share_of_their_minimum(line, lamphun):
    line.say("ทต.ป่าซาง IIT 20", user=COORDINATOR)  # 20 of 35: 57%
    line.say("อบต.บ้านไผ่ IIT 20", user=COORDINATOR)  # 20 of 60: 33%
    answer = line.say("หน่วยงานที่ IIT ยังไม่ถึง 50%", user=COORDINATOR).text
    assert "ต่ำกว่า 50%" in answer and "อบต.บ้านไผ่" in answer and "ทต.ป่าซาง" not in answer
    half = line.say("ใครได้ IIT ไม่ถึงครึ่ง", user=COORDINATOR).text
    assert "อบต.บ้านไผ่" in half and "ทต.ป่าซาง" not in half


def test_a_list_by_form_and_share_keeps_its_filter_on_the_next_page(line, lamphun_status_page):
    # 28 of the 59 units have IIT 10 of 30 (33%); the others 44 or 64.
    [first] = line.say("หน่วยงานที่ IIT ไม่ถึง 50%", user=COORDINATOR, group=COORDINATORS)
    assert first["text"].startswith("⏳ ได้ IIT ต่ำกว่า 50% ของขั้นต่ำ ITA 2568 · จ.ลำพูน (28 หน่วยงาน) หน้า 1/2")
    assert "EIT" not in first["text"].split("\n", 1)[1]
    [second] = line.tap(first, "ยังไม่ครบ หน้า 2", user=COORDINATOR, group=COORDINATORS)
    assert "(28 หน่วยงาน) หน้า 2/2" in second["text"] and "\n28. " in second["text"]
    none = line.say("หน่วยงานที่ IIT ต่ำกว่า 20%", user=COORDINATOR, group=COORDINATORS).text
    assert none == "ไม่มีหน่วยงานใน จ.ลำพูน ที่ได้ IIT ต่ำกว่า 20% ของขั้นต่ำ 🎉"
