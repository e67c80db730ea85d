"""The unit's own figures, from its minimum and its latest count; a coordinator names the unit."""
from __future__ import annotations

from tests.provinces import COORDINATOR, STAFF, STRANGER


def test_a_member_asks_how_far_the_unit_is(line, lamphun):
    line.say("IIT 45", user=STAFF)
    answer = line.say("IIT ต้องได้กี่ชุดคะ", user=STAFF).text
    assert "IIT: ได้ 45 จากขั้นต่ำ 60 ชุด ขาดอีก 15 ชุด" in answer and "EIT" not in answer
    assert "ถ้าได้ 70 ชุด จะครบขั้นต่ำ" in line.say("ถ้า IIT ได้ 70 จะผ่านไหม", user=STAFF).text
    both = line.say("ผ่านหรือยังคะ", user=STAFF).text
    assert "IIT: ได้ 45" in both and "EIT: ได้ 0 จากขั้นต่ำ 40" in both


def test_a_coordinator_names_the_unit_and_a_stranger_may_not(line, lamphun):
    assert "ทต.ป่าซาง" in line.say("ทต.ป่าซาง EIT ขาดอีกกี่ชุด", user=COORDINATOR).text
    named_bare = line.say("บ้านไผ่ EIT ขาดอีกกี่ชุด", user=COORDINATOR).text
    assert "อบต.บ้านไผ่" in named_bare and "EIT: ได้ 0 จากขั้นต่ำ 40 ชุด ขาดอีก 40 ชุด" in named_bare
    assert "ไม่มีสิทธิ์" in line.say("ทต.ป่าซาง EIT ขาดอีกกี่ชุด", user=STRANGER).text
