"""Joining a unit takes a coordinator's approval or the unit's join code; bound chats are kept by
their own people; coordinators change roles only within their province. Each attack of issue 10
is tried: refused, nothing changed, and an audit row."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot import texts
from bot.line.simulator import postback_event, source
from models import AuditEntry, Chat, Delivery, JoinRequest, Member, Report
from tests.provinces import (COORDINATOR, COORDINATORS, OTHER_COORDINATOR, STAFF, STRANGER, UNIT_GROUP,
                             join_with_code)

pytestmark = pytest.mark.usefixtures("lamphun")
SUPERADMIN = "U" + "a" * 32


def refused_actions(session, user: str) -> list[str]:
    session.rollback()
    return list(session.scalars(sa.select(AuditEntry.action).where(AuditEntry.actor == user,
                                                                   AuditEntry.allowed.is_(False))))


def membership(session, user: str) -> tuple | None:
    session.rollback()
    member = session.get(Member, user)
    return None if member is None else (member.role, member.unit_id, member.province_id)


def binding(session, chat: str) -> tuple | None:
    session.rollback()
    found = session.get(Chat, chat)
    return None if found is None else (found.unit_id, found.province_id, found.reminders_on)


def notices_for(session, chat: str) -> list[str]:
    session.rollback()
    return list(session.scalars(sa.select(Delivery.text).where(Delivery.chat_id == chat, Delivery.kind == "notice")))


def test_a_stranger_asks_to_join_and_a_coordinator_approves_with_a_button(line, session):
    assert "รอการอนุมัติ" in line.say("ลงทะเบียน อบต.มะกอก", user=STRANGER).text
    assert membership(session, STRANGER) is None
    assert "ลงทะเบียนก่อน" in line.say("IIT 20", user=STRANGER).text  # not a member yet
    assert "ส่งไว้แล้ว" in line.say("ลงทะเบียน อบต.มะกอก", user=STRANGER).text  # one request, not two
    assert notices_for(session, COORDINATORS) == [texts.JOIN_NOTICE_NEW.format(unit="อบต.มะกอก")]

    replies = line.say("คำขอเข้าร่วม", user=COORDINATOR, group=COORDINATORS)
    assert "อบต.มะกอก" in replies[0]["text"]
    assert "มีคำขอเข้าร่วม อบต.มะกอก ใหม่" in replies.text  # the notice rode along, free
    listing = replies[-1]  # the buttons are on the last message
    assert "อนุมัติแล้ว" in line.tap(listing, "✅ 1", user=COORDINATOR, group=COORDINATORS).text
    assert membership(session, STRANGER)[0] == "member"
    assert notices_for(session, STRANGER) == [texts.JOIN_NOTICE_APPROVED.format(unit="อบต.มะกอก")]
    assert line.say("IIT 20", user=STRANGER)[0]["altText"].startswith("อบต.มะกอก · IIT 20/")

    assert "พิจารณาไปแล้ว" in line.tap(listing, "❌ 1", user=COORDINATOR, group=COORDINATORS).text


def test_a_rejected_request_changes_nothing_and_the_asker_is_told(line, session):
    line.say("ลงทะเบียน อบต.มะกอก", user=STRANGER)
    [listing] = line.say("คำขอเข้าร่วม", user=COORDINATOR)
    assert "ปฏิเสธคำขอแล้ว" in line.tap(listing, "❌ 1", user=COORDINATOR).text
    assert membership(session, STRANGER) is None
    assert notices_for(session, STRANGER) == [texts.JOIN_NOTICE_REJECTED.format(unit="อบต.มะกอก")]


def test_only_the_units_own_coordinators_decide_its_requests(line, session):
    line.say("ลงทะเบียน อบต.มะกอก", user=STRANGER)
    request_id = session.scalar(sa.select(JoinRequest.id))
    for outsider in (OTHER_COORDINATOR, STAFF, STRANGER):
        line.send(postback_event(f"approve-join:{request_id}", source(outsider)))
        assert refused_actions(session, outsider) == ["command.approve-join"]
    assert membership(session, STRANGER) is None
    assert session.scalar(sa.select(JoinRequest.state)) == "pending"


def test_the_join_code_lets_staff_join_at_once_and_wrong_guesses_kill_it(line, session):
    assert "เป็นสมาชิกของ อบต.มะกอก" in join_with_code(line, "อบต.มะกอก", STRANGER)
    assert membership(session, STRANGER)[0] == "member"

    issued = line.say("รหัสเข้าร่วม อบต.บ้านธิ", user=COORDINATOR).text
    code = issued.split(": ", 1)[1][:6]
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    guesser = "U" + "b" * 32
    for _ in range(5):
        assert "ไม่ถูกต้อง" in line.say(f"ลงทะเบียน อบต.บ้านธิ รหัส {wrong}", user=guesser).text
    assert "ไม่ถูกต้อง" in line.say(f"ลงทะเบียน อบต.บ้านธิ รหัส {code}", user=guesser).text  # dead now
    assert membership(session, guesser) is None
    assert refused_actions(session, guesser) == ["join.code"] * 6


def test_only_coordinators_issue_join_codes(line, session):
    assert "เป็นสมาชิก" not in line.say("รหัสเข้าร่วม อบต.บ้านไผ่", user=STAFF).text
    assert refused_actions(session, STAFF) == ["command.join_code"]


def test_a_new_group_binds_to_a_unit_only_once_approved(line, session):
    assert "รอการอนุมัติ" in line.say("ลงทะเบียน อบต.บ้านไผ่", user=STRANGER, group="Cnewgroup").text
    assert binding(session, "Cnewgroup")[:2] == (None, None)
    line.say("IIT 99", user=STRANGER, group="Cnewgroup")
    session.rollback()
    assert session.scalars(sa.select(Report.count).where(Report.chat_id == "Cnewgroup")).all() == []
    # The unit's own staff bind their group at once.
    assert "ผูกกับ อบต.บ้านไผ่" in line.say("ลงทะเบียน อบต.บ้านไผ่", user=STAFF, group="Cstaffgroup").text


@pytest.mark.parametrize("attacker, chat, text", [
    (STRANGER, COORDINATORS, "ปิดแจ้งเตือน"),  # the coordinators' group goes quiet
    (STRANGER, COORDINATORS, "ลงทะเบียน อบต.มะกอก"),  # ... or becomes a unit's group
    (STRANGER, UNIT_GROUP, "ลงทะเบียน อบต.มะกอก"),  # a unit's group moved to another unit
    (OTHER_COORDINATOR, COORDINATORS, "ผูกกลุ่ม จังหวัดเชียงใหม่"),  # a neighbour takes the group
    (OTHER_COORDINATOR, UNIT_GROUP, "ปิดแจ้งเตือน"),
])
def test_a_bound_chat_is_changed_only_by_those_who_keep_it(line, session, attacker, chat, text):
    before = binding(session, chat)
    assert line.say(text, user=attacker, group=chat).text == texts.NOT_THE_CHATS_KEEPER
    assert binding(session, chat) == before
    assert len(refused_actions(session, attacker)) == 1


@pytest.mark.parametrize("target", [OTHER_COORDINATOR, SUPERADMIN])
@pytest.mark.parametrize("command", ["เพิ่มผู้ประสานงาน", "ถอนสิทธิ์"])
def test_a_coordinator_changes_roles_only_within_their_province(line, session, target, command):
    session.add(Member(user_id=SUPERADMIN, role="superadmin", joined_at=line.clock.now()))
    session.commit()
    before = membership(session, target)
    answer = line.say(f"{command} {target}", user=COORDINATOR, group=COORDINATORS).text
    assert target in answer and "ไม่ได้" in answer
    assert membership(session, target) == before
    assert refused_actions(session, COORDINATOR) in (["role.grant"], ["role.revoke"])
