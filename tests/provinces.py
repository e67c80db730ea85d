"""The provinces the tests play in, their people and their chats: one set for every test.

`lamphun` is the demo province shipped in data/units/demo-lamphun.csv, with a coordinator,
a unit's group, the coordinators' group and a 1:1 chat of another unit's staff.
`lamphun_status_page` is Lamphun as the ITAS status page of seed 004 shows it (59 units).
The fixtures themselves are in conftest.py.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import orm

from models import Chat, Delivery, Member, OitState, Quota, Report, Unit, get_or_create_province

REPO = Path(__file__).resolve().parent.parent
CALENDARS = REPO / "data" / "calendars"
DEMO_UNITS = REPO / "data" / "units" / "demo-lamphun.csv"

# People
COORDINATOR = "U" + "c" * 32  # coordinator of ลำพูน
STAFF = "U" + "5" * 32  # staff of อบต.บ้านไผ่ (a member)
EXECUTIVE = "U" + "e" * 32  # an executive of อบต.บ้านไผ่
OTHER_COORDINATOR = "U" + "9" * 32  # coordinator of เชียงใหม่
STRANGER = "U" + "0" * 32  # nobody in particular
SUPERADMIN = "U" + "a" * 32  # the NACC's own steps, new years
# Chats
UNIT_GROUP = "Cbanphai"  # อบต.บ้านไผ่'s group: 12 members
COORDINATORS = "Ccoords"  # ลำพูน's coordinators' group: 5 members
STAFF_USER = "Ustaff"  # a 1:1 chat with the staff of another unit of ลำพูน
MEMBERS = {UNIT_GROUP: 12, COORDINATORS: 5}


def set_up_lamphun(app, session: orm.Session, fake_line, now: datetime) -> None:
    """Units and minimums imported; the people above; the three chats and their member counts."""
    runner = app.test_cli_runner()
    result = runner.invoke(args=["units", "import", str(DEMO_UNITS), "--year", "2568"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["admin", "grant", COORDINATOR, "--role", "coordinator", "--province", "ลำพูน"])
    assert result.exit_code == 0, result.output
    units = session.scalars(sa.select(Unit).order_by(Unit.id)).all()
    banphai = next(u for u in units if u.name == "อบต.บ้านไผ่")
    other = next(u for u in units if u.id != banphai.id)
    chiang_mai = get_or_create_province(session, "เชียงใหม่")
    session.add_all([
        Member(user_id=STAFF, role="member", unit_id=banphai.id, province_id=banphai.province_id, joined_at=now),
        Member(user_id=EXECUTIVE, role="executive", unit_id=banphai.id, province_id=banphai.province_id,
               joined_at=now),
        Member(user_id=OTHER_COORDINATOR, role="coordinator", province_id=chiang_mai.id, joined_at=now),
        Chat(id=UNIT_GROUP, kind="group", unit_id=banphai.id, province_id=banphai.province_id, first_seen=now),
        Chat(id=COORDINATORS, kind="group", province_id=banphai.province_id, first_seen=now),
        Chat(id=STAFF_USER, kind="user", unit_id=other.id, first_seen=now),
    ])
    session.commit()
    for chat_id, members in MEMBERS.items():
        fake_line.set_member_count(chat_id, members)


def set_up_lamphun_status_page(session: orm.Session, now: datetime) -> None:
    """59 units; IIT 1,664 responses with 31 at minimum; EIT part 1 1,969 with 20 at minimum;
    OIT 0 completed; ลำพูน's coordinator and coordinators' group."""
    province = get_or_create_province(session, "ลำพูน")
    iit = [64] + [44] * 30 + [10] * 28  # 31 units at >= 30, sum 1,664
    eit = [68] + [59] * 19 + [20] * 39  # 20 units at >= 40, sum 1,969
    for n in range(59):
        unit = Unit(province=province, name=f"อบต.ทดสอบ{n:02d}", kind="sao", key=f"อบตทดสอบ{n:02d}")
        session.add(unit)
        session.flush()
        session.add(Quota(unit_id=unit.id, year=2568, iit_min=30, eit_min=40, internal_stakeholders=100))
        session.add(OitState(unit_id=unit.id, year=2568, state="answering", updated_at=now))
        for form, count in (("IIT", iit[n]), ("EIT", eit[n])):
            # An earlier, smaller report too: only the latest counts.
            session.add(Report(unit_id=unit.id, year=2568, form=form, count=count // 2, reported_at=now - timedelta(days=3)))
            session.add(Report(unit_id=unit.id, year=2568, form=form, count=count, reported_at=now))
    session.add(Member(user_id=COORDINATOR, role="coordinator", province_id=province.id, joined_at=now))
    session.add(Chat(id=COORDINATORS, kind="group", province_id=province.id, first_seen=now))
    session.commit()


def pushed_to(fake_line, chat_id: str) -> list[list[str]]:
    """The texts of each accepted push to the chat."""
    return [[m["text"] for m in p["messages"]] for p in fake_line.pushes() if p["to"] == chat_id]


def ledger(session: orm.Session) -> dict[tuple[str, str], str]:
    session.rollback()
    return {(d.chat_id, d.reminder_key): d.status for d in session.scalars(sa.select(Delivery))}


def join_with_code(line, unit: str, user: str, group: str | None = None) -> str:
    """`user` joins `unit` (or binds `group` to it) with the join code its coordinator issues, as
    staff do; the bot's answer."""
    issued = line.say(f"รหัสเข้าร่วม {unit}", user=COORDINATOR).text
    code = issued.split(": ", 1)[1][:6]
    return line.say(f"ลงทะเบียน {unit} รหัส {code}", user=user, group=group).text
