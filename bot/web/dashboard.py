"""GET /dashboard/<province>?t=TOKEN: the province at a glance, for its coordinators, through the
signed link the bot gives them ("แดชบอร์ด"), and /export/<province>.xlsx behind the same link. A link
missing, tampered with, expired, made for another province or for someone no longer its
coordinator gets 403 and shows nothing. /calendar/<province>.ics, the calendar feed, is public."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import sqlalchemy as sa
from flask import Blueprint, Response, abort, current_app, render_template, request
from sqlalchemy import orm

from bot import db, texts
from bot.ita.calendar import Entry, fiscal_year_be
from bot.ita.calendar_feed import calendar_feed, sequences
from bot.ita.itas_figures import Side, latest_figures, side_by_side
from bot.ita.itas_sheet import units_of
from bot.ita.province import ProvinceTotals, UnitProgress, province_progress, totals, weekly_responses
from bot.ita.province_export import province_workbook
from bot.links import links
from bot.permissions import sees_province_pages
from bot.thai import thai_date, thai_date_range
from bot.web.charts import responses_chart
from bot.web.files import XLSX
from models import ItasFigures, Member, Province

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/dashboard-static")


@dataclass(frozen=True)
class Board:
    province: Province
    year: int
    rows: list[UnitProgress]
    totals: ProvinceTotals
    open_now: list[tuple[Entry, str]]
    next: list[tuple[Entry, str]]
    chart: str
    itas: ItasFigures | None = None  # ITAS's own figures as last pasted, beside the bot's
    itas_sides: tuple[Side, ...] = ()
    itas_units: dict = field(default_factory=dict)  # unit id -> ITAS's figures, from a sheet of them


def allowed_province(session: orm.Session, name: str) -> Province:
    """The province a signed link opens, or 403: the same answer whatever is wrong with the link,
    so that it tells a stranger nothing."""
    holder = links().holder(request.args.get("t"))
    province = session.scalar(sa.select(Province).where(Province.name == name[:100]))
    if holder is None or province is None or province.id != holder.province_id \
            or not sees_province_pages(session.get(Member, holder.user_id), province.id):
        abort(403, texts.DASH_FORBIDDEN)
    return province


def year_of_request(today) -> int:
    year = request.args.get("year", "")
    return int(year) if year.isdigit() and 2500 <= int(year) <= 2700 else fiscal_year_be(today)


@bp.get("/dashboard/<name>")
def dashboard(name: str):
    now = current_app.extensions["itabot.clock"].now()
    with db.sessionmaker()() as session:
        province = allowed_province(session, name)
        board = build(session, province, year_of_request(now.date()), now.date())
    response = current_app.make_response(render_template(
        "dashboard/page.html", board=board, texts=texts, token=request.args.get("t"), thai_date=thai_date,
        as_of=texts.DASH_AS_OF.format(date=thai_date(now.date()), time=f"{now:%H:%M}")))
    response.headers["Cache-Control"] = "no-store"  # figures of named units: no proxy keeps them
    response.headers["Referrer-Policy"] = "no-referrer"  # the token never leaves in a Referer
    return response


@bp.get("/export/<name>.xlsx")
def export_xlsx(name: str):
    """The dashboard's figures as an Excel sheet, behind the same link."""
    now = current_app.extensions["itabot.clock"].now()
    with db.sessionmaker()() as session:
        province = allowed_province(session, name)
        year = year_of_request(now.date())
        rows = province_progress(session, province.id, year)
        cycle = current_app.extensions["itabot.calendars"].cycles(session, province.id).get(year)
        data = province_workbook(rows, cycle, units_of(session, latest_figures(session, province.id, year)))
    return Response(data, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(f'ITA-{year}-{province.name}.xlsx')}",
        "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


def build(session: orm.Session, province: Province, year: int, today) -> Board:
    rows = province_progress(session, province.id, year)
    rows.sort(key=lambda r: (-r.missing, r.unit))  # units behind first, the largest gap first
    cycles = current_app.extensions["itabot.calendars"].cycles(session, province.id)
    cycle = cycles.get(year)
    open_now = [(e, _when(e, today)) for e in cycle.open_on(today)] if cycle else []
    upcoming = [(e, _when(e, today)) for e in cycle.upcoming(today, limit=3)] if cycle else []
    start = cycle.span[0] if cycle else today
    weeks = weekly_responses(session, province.id, year, start, max(min(today, cycle.span[1]) if cycle else today,
                                                                     start))
    chart = responses_chart(weeks, sum(r.iit_min for r in rows), sum(r.eit_min for r in rows))
    seen = totals(rows)
    itas = latest_figures(session, province.id, year)
    return Board(province, year, rows, seen, open_now, upcoming, chart, itas,
                 tuple(side_by_side(itas, seen)) if itas else (), units_of(session, itas))


def _when(entry: Entry, today) -> str:
    span = thai_date_range(entry.start, entry.end)
    timing, days = entry.step.timing(today)
    if timing == "before":
        return texts.DASH_STEP_STARTS.format(span=span, days=days)
    if timing == "last day":
        return texts.DASH_STEP_LAST_DAY.format(span=span)
    return texts.DASH_STEP_LEFT.format(span=span, days=max(0, (entry.end - today).days))


@bp.get("/calendar/<name>.ics")
def calendar_ics(name: str):
    """The province's calendar feed: public, as the calendar itself is (no count, no person)."""
    now = current_app.extensions["itabot.clock"].now()
    with db.sessionmaker()() as session:
        province = session.scalar(sa.select(Province).where(Province.name == name[:100]))
        if province is None:
            abort(404)
        year = year_of_request(now.date())
        cycle = current_app.extensions["itabot.calendars"].cycles(session, province.id).get(year)
        if cycle is None:
            abort(404)
        data = calendar_feed(cycle, province.name, province.id, sequences(session, year), now)
    return Response(data, mimetype="text/calendar", headers={
        "Content-Disposition": f"inline; filename*=UTF-8''{quote(f'ITA-{year}-{province.name}.ics')}",
        "Cache-Control": "max-age=300"})
