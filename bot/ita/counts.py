"""Response counts: reading and checking reports ("IIT 45", "iit 45 eit 30", "IIT อบต.บ้านไผ่ 45")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar import Step
from bot.thai import thai_date_range
from models import Quota, Report, Unit

MAX_COUNT = 100_000
REPORT_PATTERN = r"(?<![a-z])(?:iit|eit)(?![a-z]).*?\d"
_ITEM = re.compile(r"(?<![a-z])(iit|eit)(?![a-z])\s*(.*?)\s*(-?\d[\d,]*(?:\.\d+)?)")
_FILLER = re.compile(r"รายงาน|ยอด|จำนวน|ได้|แล้ว|ชุด|คน|ราย|ส่วนที่|=|:")


@dataclass(frozen=True)
class Item:
    form: str  # IIT or EIT
    raw: str  # the number as typed (normalised)
    unit_text: str  # a unit named between form and number, or ""


def parse_report(text: str) -> list[Item]:
    items = []
    for form, middle, number in _ITEM.findall(text):
        items.append(Item(form.upper(), number, _FILLER.sub(" ", middle).strip()))
    return items


def check_count(item: Item) -> tuple[int | None, str | None]:
    """(count, None) or (None, a Thai reason)."""
    raw = item.raw.replace(",", "")
    if raw.startswith("-"):
        return None, texts.BAD_NEGATIVE.format(form=item.form, raw=item.raw)
    if "." in raw and float(raw) != int(float(raw)):
        return None, texts.BAD_NOT_WHOLE.format(form=item.form, raw=item.raw)
    count = int(float(raw))
    if count > MAX_COUNT:
        return None, texts.BAD_TOO_LARGE.format(form=item.form, raw=item.raw)
    return count, None


def check_against(unit: Unit, quota: Quota | None, form: str, count: int, step: Step | None,
                  today: date) -> str | None:
    if form == "IIT" and quota and quota.internal_stakeholders is not None and count > quota.internal_stakeholders:
        return texts.BAD_ABOVE_STAFF.format(count=count, unit=unit.name, staff=quota.internal_stakeholders)
    if step is not None and not step.is_open(today):
        return texts.BAD_OUTSIDE_WINDOW.format(form=form, window=thai_date_range(step.start, step.end))
    return None


def last_count(session: orm.Session, unit_id: int, year: int, form: str) -> int | None:
    return session.scalar(sa.select(Report.count).where(Report.unit_id == unit_id, Report.year == year,
                                                        Report.form == form).order_by(Report.id.desc()).limit(1))
