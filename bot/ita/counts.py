"""Response counts: reading and checking reports ("IIT 45", "iit 45 eit 30", "IIT อบต.บ้านไผ่ 45")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar import Step
from bot.thai import shown_number, thai_date_range
from models import Quota, Report, Unit

MAX_COUNT = 100_000


@dataclass(frozen=True)
class Item:
    form: str  # IIT or EIT
    raw: str  # the number as typed (normalised)


def check_count(item: Item) -> tuple[int | None, str | None]:
    """(count, None) or (None, a Thai reason)."""
    raw = str(item.raw).replace(",", "")
    try:  # Decimal, not float: "1" and 400 zeros is too large, not infinite
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value > MAX_COUNT:
        return None, texts.BAD_TOO_LARGE.format(form=item.form, raw=shown_number(item.raw))
    if value < 0:
        return None, texts.BAD_NEGATIVE.format(form=item.form, raw=shown_number(item.raw))
    if value != value.to_integral_value():
        return None, texts.BAD_NOT_WHOLE.format(form=item.form, raw=shown_number(item.raw))
    return int(value), None


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
