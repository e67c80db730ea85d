"""A province's units for a new year: the minimums of the latest year copied as a start
(`itabot units rollover 2570 --from 2568`, `ยกยอดหน่วยงาน 2570`). Units, their aliases, members and
bound groups are not per year and stay as they are; counts are per year and so start at 0."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.audit import audit
from bot.ita.calendar_changes import Refused
from models import Province, Quota, Unit


class RolloverRefused(Refused):
    reasons = texts.ROLLOVER_REFUSED


@dataclass(frozen=True)
class Rollover:
    province: str
    year: int
    from_year: int
    copied: int  # units given the old year's minimums
    kept: int  # units that had minimums for the year already: left as they are


def latest_quota_year(session: orm.Session, province_id: int, before: int) -> int | None:
    return session.scalar(sa.select(sa.func.max(Quota.year)).join(Unit)
                          .where(Unit.province_id == province_id, Quota.year < before))


def units_in(session: orm.Session, province_id: int, year: int) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(Quota).join(Unit)
                          .where(Unit.province_id == province_id, Quota.year == year))


def rollover(session: orm.Session, province: Province, year: int, from_year: int | None, now: datetime,
             actor: str | None) -> Rollover:
    """Copy the province's minimums of `from_year` (the latest before `year` when None) to `year`;
    a unit that has minimums for `year` already keeps them. RolloverRefused when there is nothing
    to copy."""
    from_year = from_year or latest_quota_year(session, province.id, year)
    if from_year is None or from_year == year:
        raise RolloverRefused("nothing", province=province.name, year=year)
    old = session.scalars(sa.select(Quota).join(Unit).where(Unit.province_id == province.id, Quota.year == from_year))
    have = set(session.scalars(sa.select(Quota.unit_id).join(Unit)
                               .where(Unit.province_id == province.id, Quota.year == year)))
    copied = [Quota(unit_id=q.unit_id, year=year, iit_min=q.iit_min, eit_min=q.eit_min,
                    internal_stakeholders=q.internal_stakeholders) for q in old if q.unit_id not in have]
    if not copied and not have:
        raise RolloverRefused("none_that_year", province=province.name, year=from_year)
    session.add_all(copied)
    result = Rollover(province.name, year, from_year, len(copied), len(have))
    audit(session, now, actor, "units.rollover", f"{province.name} {year}", None,
          {"from": from_year, "copied": result.copied, "kept": result.kept})
    return result
