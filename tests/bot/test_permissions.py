"""Every command, tried by every role: who may, who is refused, and every refusal audited.

The table is the permission design, readable: a command's need (role and scope) decides,
in one place (`bot.permissions`), before its handler runs.
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot import texts
from bot.nlu.reader import read
from bot.line.simulator import postback_event, source
from models import AuditEntry, Unit
from tests.provinces import COORDINATOR, COORDINATORS, EXECUTIVE, OTHER_COORDINATOR, STAFF, STRANGER, UNIT_GROUP

ROLES = {"anyone": STRANGER, "member": STAFF, "executive": EXECUTIVE, "other province's coordinator": OTHER_COORDINATOR,
         "coordinator": COORDINATOR}
Y, N = "allowed", "refused"
ONE_TO_ONE = None

# Every command, in a chat where its subject is อบต.บ้านไผ่ or จ.ลำพูน, and what each role gets:
#                                               anyone member executive other-coord coordinator
TABLE = [
    ("deadline", "กำหนดการ", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("deadline", "OIT ส่งเมื่อไหร่", UNIT_GROUP, (Y, Y, Y, Y, Y)),
    ("greeting", "สวัสดีครับ", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("thanks", "ขอบคุณครับ", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("ack", "โอเคครับ", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("elsewhere", "ลืมรหัสผ่าน ITAS ทำยังไง", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("help", "ช่วยเหลือ", COORDINATORS, (Y, Y, Y, Y, Y)),
    ("register", "ลงทะเบียน อบต.บ้านไผ่", ONE_TO_ONE, (Y, Y, Y, Y, Y)),
    ("status", "สถานะ", UNIT_GROUP, (Y, Y, Y, N, Y)),  # coordinators see their own province's units
    ("reminders", "แจ้งเตือนถัดไป", UNIT_GROUP, (Y, Y, Y, Y, Y)),
    ("reminders", "ปิดแจ้งเตือน", ONE_TO_ONE, (Y, Y, Y, Y, Y)),  # one's own chat
    # A bound group is kept by its province's coordinators, and a unit's group also by the unit's staff.
    ("reminders", "ปิดแจ้งเตือน", UNIT_GROUP, (N, Y, Y, N, Y)),
    ("reminders", "ปิดแจ้งเตือน", COORDINATORS, (N, N, N, N, Y)),
    ("register", "ลงทะเบียน อบต.มะกอก", COORDINATORS, (N, N, N, N, Y)),
    ("register", "ลงทะเบียน อบต.มะกอก", UNIT_GROUP, (N, Y, Y, N, Y)),  # staff may ask; joining needs approval
    # A member of the unit: its staff, or anyone in the unit's own group; its province's coordinators.
    ("report", "IIT อบต.บ้านไผ่ 45", ONE_TO_ONE, (N, Y, Y, N, Y)),
    ("report", "IIT 45", UNIT_GROUP, (Y, Y, Y, N, Y)),
    ("oit_state", "OIT กำลังตอบ", UNIT_GROUP, (Y, Y, Y, N, Y)),
    # An executive of the unit, or its province's coordinators.
    ("oit_approved", "OIT อนุมัติแล้ว", UNIT_GROUP, (N, N, Y, N, Y)),
    # The unit's figures: its members, or a coordinator naming it.
    ("figures", "อบต.บ้านไผ่ IIT ต้องได้กี่ชุด", ONE_TO_ONE, (N, Y, Y, N, Y)),
    # A coordinator of the named unit's province.
    ("set_quota", "ตั้งโควตา IIT อบต.บ้านไผ่ 60", ONE_TO_ONE, (N, N, N, N, Y)),
    # A coordinator of the chat's province (or of the one named).
    ("summary", "สรุป", COORDINATORS, (N, N, N, N, Y)),
    ("behind", "ยังไม่ครบ", COORDINATORS, (N, N, N, N, Y)),
    ("dashboard", "แดชบอร์ด", COORDINATORS, (N, N, N, N, Y)),
    ("itas_template", "แบบฟอร์ม ITAS", COORDINATORS, (N, N, N, N, Y)),
    ("itas_figures", "หน่วยงานที่เข้าร่วมทั้งหมด 59\nแบบวัด (แบบวัด IIT) ทั้งหมด 1,664 ชุด", COORDINATORS, (N, N, N, N, Y)),
    ("grant", "เพิ่มผู้ประสานงาน", COORDINATORS, (N, N, N, N, Y)),
    ("reminder_rules", "ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน", COORDINATORS, (N, N, N, N, Y)),
    ("bind_province", "ผูกกลุ่ม จังหวัดลำพูน", COORDINATORS, (N, N, N, N, Y)),
    ("join_code", "รหัสเข้าร่วม อบต.บ้านไผ่", ONE_TO_ONE, (N, N, N, N, Y)),
    ("join_requests", "คำขอเข้าร่วม", COORDINATORS, (N, N, N, N, Y)),
    # The NACC's matters (its calendar, a new year's draft): superadmins only.
    ("calendar_draft", "ร่างปฏิทิน 2570", ONE_TO_ONE, (N, N, N, N, N)),
    # A coordinator moves their own province's deadline (a superadmin, the NACC's); sees the year's history.
    ("calendar_move", "เลื่อน IIT ถึง 31 พ.ค. 2568", COORDINATORS, (N, N, N, N, Y)),
    ("calendar_history", "ประวัติปฏิทิน", COORDINATORS, (N, N, N, N, Y)),
    ("calendar_template", "แบบฟอร์มปฏิทิน", ONE_TO_ONE, (N, N, N, Y, Y)),  # each their own province's
    ("units_rollover", "ยกยอดหน่วยงาน 2570", COORDINATORS, (N, N, N, N, Y)),
    ("units_template", "แบบฟอร์มหน่วยงาน", COORDINATORS, (N, N, N, N, Y)),
]
REFUSALS = (texts.NOT_ALLOWED, texts.REFUSED.split("{")[0], texts.NOT_THE_CHATS_KEEPER)


def refusals(session, user: str) -> list[str]:
    session.rollback()
    return list(session.scalars(sa.select(AuditEntry.action).where(AuditEntry.actor == user, AuditEntry.allowed.is_(False))))


@pytest.mark.parametrize("name, text, chat, expected", TABLE, ids=[f"{row[0]}: {row[1]}" for row in TABLE])
def test_each_role_is_allowed_or_refused_and_refusals_are_audited(line, lamphun, session, name, text, chat, expected):
    [said] = read(text, line.app.extensions["itabot.vocabulary"], today=line.clock.today())
    assert said.intent == name
    for (role, user), verdict in zip(ROLES.items(), expected):
        answer = line.say(text, user=user, group=chat).text
        refused = refusals(session, user)
        if verdict == Y:
            assert refused == [], (role, answer)
            assert not answer.startswith(REFUSALS), (role, answer)
        else:
            assert refused == [f"command.{name}"], (role, answer)
            assert answer.startswith(REFUSALS), (role, answer)


def test_the_table_covers_every_command(app):
    assert {row[0] for row in TABLE} == {c.name for c in app.extensions["itabot.registry"].commands}


@pytest.mark.parametrize("role, verdict", [("anyone", N), ("member", Y), ("other province's coordinator", N),
                                           ("coordinator", Y)])
def test_a_confirmation_button_is_checked_like_the_report_it_confirms(line, lamphun, session, role, verdict):
    unit_id = session.scalar(sa.select(Unit.id).where(Unit.name == "อบต.บ้านไผ่"))
    user = ROLES[role]
    answer = line.send(postback_event(f"confirm-report:{unit_id}:IIT:40", source(user), clock=line.clock)).text
    assert (refusals(session, user) == ["command.confirm-report"]) is (verdict == N), answer
    assert answer.startswith(REFUSALS) is (verdict == N), answer


def test_a_refusal_names_what_was_refused_and_where(line, lamphun, session):
    answer = line.say("ตั้งโควตา IIT อบต.บ้านไผ่ 60", user=OTHER_COORDINATOR).text
    assert answer == texts.REFUSED_OTHER_PROVINCE.format(
        what=texts.WHAT_SET_QUOTA.format(subject="อบต.บ้านไผ่"), unit="อบต.บ้านไผ่", province="ลำพูน", own="เชียงใหม่")
    session.rollback()
    entry = session.scalar(sa.select(AuditEntry).where(AuditEntry.allowed.is_(False)))
    assert (entry.actor, entry.action, entry.target, entry.after) == (
        OTHER_COORDINATOR, "command.set_quota", "อบต.บ้านไผ่", '"ตั้งโควตา IIT อบต.บ้านไผ่ 60"')
