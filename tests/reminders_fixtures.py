"""A Lamphun set-up shared by the reminder tests: units, three chats and their member counts."""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from models import Chat, Delivery, Unit

DEMO = Path(__file__).resolve().parent.parent / "data" / "units" / "demo-lamphun.csv"
UNIT_GROUP, COORDINATORS, STAFF_USER = "Cbanphai", "Ccoords", "Ustaff"
MEMBERS = {UNIT_GROUP: 12, COORDINATORS: 5}


def set_up_lamphun(app, session, fake_line, now) -> None:
    """Units imported; อบต.บ้านไผ่'s group, the coordinators' group, and a 1:1 chat of another unit's staff."""
    assert app.test_cli_runner().invoke(args=["units", "import", str(DEMO), "--year", "2568"]).exit_code == 0
    units = session.scalars(sa.select(Unit).order_by(Unit.id)).all()
    banphai = next(u for u in units if u.name == "อบต.บ้านไผ่")
    other = next(u for u in units if u.id != banphai.id)
    session.add_all([
        Chat(id=UNIT_GROUP, kind="group", unit_id=banphai.id, first_seen=now),
        Chat(id=COORDINATORS, kind="group", province_id=banphai.province_id, first_seen=now),
        Chat(id=STAFF_USER, kind="user", unit_id=other.id, first_seen=now),
    ])
    session.commit()
    for chat_id, members in MEMBERS.items():
        fake_line.set_member_count(chat_id, members)


def pushed_to(fake_line, chat_id: str) -> list[list[str]]:
    """The texts of each accepted push to the chat."""
    return [[m["text"] for m in p["messages"]] for p in fake_line.pushes() if p["to"] == chat_id]


def ledger(session) -> dict[tuple[str, str], str]:
    session.rollback()
    return {(d.chat_id, d.reminder_key): d.status for d in session.scalars(sa.select(Delivery))}
