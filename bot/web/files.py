"""GET /templates/calendar-<year>.xlsx[?province=NAME] and /templates/units-<year>.xlsx?province=NAME:
the templates to fill in and send back in chat, filled with the year's steps (the NACC's, or a
province's own with the NACC's beside them) or the province's units and minimums as stored. Both
are what ITAS publishes anyway; no count, member or chat is served here."""
from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, Response, abort, request
from sqlalchemy import orm

from bot import db
from bot.ita.calendar import Step, cycles_by_province
from bot.ita.calendar_sheets import calendar_template
from bot.ita.itas_sheet import itas_template
from bot.ita.province import province_progress
from bot.ita.unit_uploads import units_template
from models import Province

bp = Blueprint("files", __name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/templates/calendar-<int:year>.xlsx")
def calendar_xlsx(year: int):
    if not 2500 <= year <= 2700:
        abort(404)
    name = (request.args.get("province") or "").strip()[:100]
    with db.sessionmaker()() as session:
        if name and session.scalar(sa.select(Province.id).where(Province.name == name)) is None:
            abort(404)
        own, naccs = _steps(session, year, name or None)
    data = calendar_template(own if name else naccs, naccs if name else [])
    return Response(data, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=calendar-{year}.xlsx",
        "Cache-Control": "no-store"})


@bp.get("/templates/units-<int:year>.xlsx")
def units_xlsx(year: int):
    return _province_sheet("units", year, lambda session, province: units_template(session, province, year))


def _steps(session: orm.Session, year: int, province: str | None) -> tuple[list[Step], list[Step]]:
    """The province's own steps of the year, and the NACC's."""
    cycles = cycles_by_province(session, year)
    naccs = [entry.step for entry in cycles[None].entries]
    own = [s for entry in cycles.get(province, cycles[None]).entries for s in entry.all if s.province == province] \
        if province else []
    return sorted(own, key=lambda s: (s.start, s.end)), naccs  # as the calendar lists them


@bp.get("/templates/itas-<int:year>.xlsx")
def itas_xlsx(year: int):
    """The province's units, to fill in with ITAS's figures and send back in chat."""
    return _province_sheet("itas", year,
                           lambda session, province: itas_template(province_progress(session, province.id, year)))


def _province_sheet(kind: str, year: int, make) -> Response:
    """A province's template (?province=NAME, which must exist), made by `make(session, province)`."""
    name = (request.args.get("province") or "").strip()[:100]
    if not 2500 <= year <= 2700 or not name:
        abort(404)
    with db.sessionmaker()() as session:
        province = session.scalar(sa.select(Province).where(Province.name == name))
        if province is None:
            abort(404)
        data = make(session, province)
    return Response(data, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename={kind}-{year}.xlsx", "Cache-Control": "no-store"})
