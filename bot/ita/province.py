"""The province at a glance, as the ITAS status page shows it, with every unit named: the one
source of the figures of `สรุป`, `ยังไม่ครบ`, the dashboard and the Excel export."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from bot.clock import BANGKOK
from models import Member, OitState, Quota, Report, Unit


@dataclass(frozen=True)
class LastReport:
    form: str
    count: int
    at: datetime
    by: str | None  # the sender's display name, or their LINE id when the bot never learnt the name


@dataclass(frozen=True)
class UnitProgress:
    unit: str
    iit: int
    iit_min: int
    eit: int
    eit_min: int
    oit_state: str = "not_started"
    last: LastReport | None = None
    unit_id: int = 0

    @property
    def oit_approved(self) -> bool:
        return self.oit_state == "approved"

    @property
    def gaps(self) -> dict[str, tuple[int, int, int]]:
        """Forms below minimum: form -> (count, minimum, missing)."""
        return {form: (count, minimum, minimum - count)
                for form, count, minimum in (("IIT", self.iit, self.iit_min), ("EIT", self.eit, self.eit_min))
                if count < minimum}

    @property
    def missing(self) -> int:
        return sum(gap for _, _, gap in self.gaps.values())


@dataclass(frozen=True)
class ProvinceTotals:
    """What the ITAS status page counts: units, responses, units at and below minimum, OIT."""
    units: int
    iit: int
    iit_ok: int
    eit: int
    eit_ok: int
    oit_started: int
    oit_done: int

    @property
    def iit_not(self) -> int:
        return self.units - self.iit_ok

    @property
    def eit_not(self) -> int:
        return self.units - self.eit_ok

    @property
    def oit_not(self) -> int:
        return self.units - self.oit_done


def totals(rows: list[UnitProgress]) -> ProvinceTotals:
    return ProvinceTotals(
        units=len(rows), iit=sum(r.iit for r in rows), iit_ok=sum(r.iit >= r.iit_min for r in rows),
        eit=sum(r.eit for r in rows), eit_ok=sum(r.eit >= r.eit_min for r in rows),
        oit_started=sum(r.oit_state != "not_started" for r in rows), oit_done=sum(r.oit_approved for r in rows))


def province_progress(session: orm.Session, province_id: int, year: int) -> list[UnitProgress]:
    """One row per participating unit (a unit with minimums for the year), by name, in three queries."""
    latest = (sa.select(Report.unit_id, Report.form, sa.func.max(Report.id).label("id"))
              .join(Unit, Unit.id == Report.unit_id)
              .where(Report.year == year, Unit.province_id == province_id)
              .group_by(Report.unit_id, Report.form).subquery())
    reports = session.execute(
        sa.select(Report.unit_id, Report.form, Report.count, Report.reported_at, Report.reported_by, Report.id,
                  Member.display_name)
        .join(latest, Report.id == latest.c.id)
        .outerjoin(Member, Member.user_id == Report.reported_by)).all()
    counts = {(r.unit_id, r.form): r.count for r in reports}
    last: dict[int, LastReport] = {}
    for r in sorted(reports, key=lambda r: r.id):
        last[r.unit_id] = LastReport(r.form, r.count, r.reported_at, r.display_name or r.reported_by)
    query = (
        sa.select(Unit.id, Unit.name, Quota.iit_min, Quota.eit_min, sa.func.coalesce(OitState.state, "not_started"))
        .join(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year))
        .outerjoin(OitState, sa.and_(OitState.unit_id == Unit.id, OitState.year == year))
        .where(Unit.province_id == province_id)
        .order_by(Unit.name)
    )
    return [UnitProgress(name, counts.get((unit_id, "IIT"), 0), iit_min, counts.get((unit_id, "EIT"), 0), eit_min,
                         state, last.get(unit_id), unit_id)
            for unit_id, name, iit_min, eit_min, state in session.execute(query)]


@dataclass(frozen=True)
class Week:
    ends: date
    iit: int  # the province's responses as they stood at the end of that day
    eit: int


def weekly_responses(session: orm.Session, province_id: int, year: int, start: date, today: date) -> list[Week]:
    """The province's IIT and EIT responses at the end of each week from `start` to `today` (the
    last point is today): each unit's latest count by then, added up."""
    history: dict[tuple[int, str], tuple[list[datetime], list[int]]] = defaultdict(lambda: ([], []))
    rows = session.execute(
        sa.select(Report.unit_id, Report.form, Report.reported_at, Report.count)
        .join(Unit, Unit.id == Report.unit_id)
        .join(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year))
        .where(Report.year == year, Unit.province_id == province_id)
        .order_by(Report.id))
    for unit_id, form, at, count in rows:
        times, counts = history[unit_id, form]
        times.append(at)
        counts.append(count)
    ends = []
    day = start + timedelta(days=6)
    while day < today:
        ends.append(day)
        day += timedelta(days=7)
    ends.append(today)
    weeks = []
    for end in ends:
        cut = datetime.combine(end, time.max, BANGKOK)
        sums = {"IIT": 0, "EIT": 0}
        for (_, form), (times, counts) in history.items():
            latest = 0  # reports in the order they came: the last one made by then counts
            for at, count in zip(times, counts):
                if at <= cut:
                    latest = count
            sums[form] += latest
        weeks.append(Week(end, sums["IIT"], sums["EIT"]))
    return weeks
