"""The province at a glance, as the ITAS status page shows it, with every unit named."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import orm

from models import OitState, Quota, Report, Unit


@dataclass(frozen=True)
class UnitProgress:
    unit: str
    iit: int
    iit_min: int
    eit: int
    eit_min: int
    oit_approved: bool

    @property
    def gaps(self) -> dict[str, tuple[int, int, int]]:
        """Forms below minimum: form -> (count, minimum, missing)."""
        return {form: (count, minimum, minimum - count)
                for form, count, minimum in (("IIT", self.iit, self.iit_min), ("EIT", self.eit, self.eit_min))
                if count < minimum}


def province_progress(session: orm.Session, province_id: int, year: int) -> list[UnitProgress]:
    """One row per participating unit (a unit with minimums for the year), in two queries' worth of SQL."""
    latest = (sa.select(Report.unit_id, Report.form, sa.func.max(Report.id).label("id"))
              .where(Report.year == year).group_by(Report.unit_id, Report.form).subquery())
    counts = sa.select(Report.unit_id, Report.form, Report.count).join(latest, Report.id == latest.c.id).subquery()
    iit = orm.aliased(counts)
    eit = orm.aliased(counts)
    query = (
        sa.select(Unit.name, sa.func.coalesce(iit.c.count, 0), Quota.iit_min, sa.func.coalesce(eit.c.count, 0),
                  Quota.eit_min, sa.func.coalesce(OitState.state, "not_started"))
        .join(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year))
        .outerjoin(iit, sa.and_(iit.c.unit_id == Unit.id, iit.c.form == "IIT"))
        .outerjoin(eit, sa.and_(eit.c.unit_id == Unit.id, eit.c.form == "EIT"))
        .outerjoin(OitState, sa.and_(OitState.unit_id == Unit.id, OitState.year == year))
        .where(Unit.province_id == province_id)
        .order_by(Unit.name)
    )
    return [UnitProgress(name, i, imin, e, emin, state == "approved")
            for name, i, imin, e, emin, state in session.execute(query)]
