"""The demo province of `itabot demo`: จังหวัดลำพูน at the scale of its ITAS status page (59 units,
about half at their IIT minimum, OIT under way), with illustrative names and figures from
data/demo/, and the people and chats one plays in the simulator.

The units go in through the same importer as `itabot units import`; the figures are stored as
reports made three days before the demo's date, as if the units had reported in LINE.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import orm

from bot.audit import audit
from bot.ita.unit_import import apply_rows, read_rows
from models import Chat, Member, OitState, Province, Report, Unit

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"
PROVINCE = "ลำพูน"
YEAR = 2568
UNIT = "อบต.บ้านไผ่"  # the members' unit and its group


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str  # the LINE display name
    role: str | None  # None: a stranger, not a member of anything
    unit: str | None = None


@dataclass(frozen=True)
class Place:
    """A chat one can write in: "user" is each person's own 1:1 chat with the bot."""
    key: str
    chat_id: str | None
    name: str
    members: int = 1


PEOPLE = (
    Person("Udemo000000000000000000000staff01", "สมศรี (เจ้าหน้าที่ อบต.บ้านไผ่)", "member", UNIT),
    Person("Udemo00000000000000000000000exec1", "นายกฯ อบต.บ้านไผ่", "executive", UNIT),
    Person("Udemo000000000000000000000coord01", "ผู้ประสานงาน จ.ลำพูน", "coordinator"),
    Person("Udemo000000000000000000stranger01", "ผู้ใช้ทั่วไป", None),
)
PLACES = (
    Place("user", None, "แชต 1:1 กับบอท"),
    Place("unit", "Cdemo0000000000000000000000banphai", f"กลุ่ม LINE {UNIT}", 14),
    Place("coordinators", "Cdemo0000000000000000000000coords", f"กลุ่มผู้ประสานงาน ITA จ.{PROVINCE}", 6),
)


def is_seeded(session: orm.Session) -> bool:
    """Whether the demo province has its units (its calendar alone makes the province exist)."""
    return session.scalar(sa.select(Unit.id).join(Province).where(Province.name == PROVINCE).limit(1)) is not None


def seed(session: orm.Session, now: datetime) -> int:
    """Units, minimums, figures, people and chats of the demo province; the number of units."""
    rows, rejected = read_rows(DEMO_DIR / "lamphun-units.csv")
    if rejected:  # the shipped file is checked by the tests: this is a broken checkout
        raise ValueError(f"data/demo/lamphun-units.csv: {rejected[0]}")
    apply_rows(session, rows, YEAR)
    province = session.scalar(sa.select(Province).where(Province.name == PROVINCE))
    units = {u.name: u for u in session.scalars(sa.select(Unit).where(Unit.province_id == province.id))}
    reported = now - timedelta(days=3)
    with (DEMO_DIR / "lamphun-figures.csv").open(encoding="utf-8", newline="") as file:
        for figure in csv.DictReader(file):
            unit = units[figure["unit"]]
            for form in ("IIT", "EIT"):
                session.add(Report(unit_id=unit.id, year=YEAR, form=form, count=int(figure[form.lower()]),
                                   reported_at=reported))
            session.add(OitState(unit_id=unit.id, year=YEAR, state=figure["oit"], updated_at=reported))
    for person in PEOPLE:
        if person.role is not None:
            unit = units.get(person.unit) if person.unit else None
            session.add(Member(user_id=person.user_id, display_name=person.name, role=person.role,
                               unit_id=unit.id if unit else None, province_id=province.id, joined_at=now))
    session.add_all([
        Chat(id=place.chat_id, kind="group", province_id=province.id, first_seen=now,
             unit_id=units[UNIT].id if place.key == "unit" else None)
        for place in PLACES if place.chat_id])
    audit(session, now, "cli:demo", "demo.seed", PROVINCE, after={"year": YEAR, "units": len(units)})
    session.flush()
    return len(units)


def person(user_id: str) -> Person | None:
    return next((p for p in PEOPLE if p.user_id == user_id), None)


def place(key: str) -> Place | None:
    return next((p for p in PLACES if p.key == key), None)
