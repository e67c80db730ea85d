"""A coordinator pastes the ITAS status page, or sends ITAS's figures unit by unit as a sheet
(`แบบฟอร์ม ITAS` gives its template): they are kept as that day's ITAS figures of the province,
beside (never over) the counts reported in the bot, and compared with them."""
from __future__ import annotations

from urllib.parse import quote

from bot import texts
from bot.audit import audit
from bot.context import Context, Interpretation
from bot.ita.calendar import fiscal_year_be, year_asked
from bot.ita.itas_figures import StatusPageError, read_status_page, side_by_side, store_status_page
from bot.ita.itas_sheet import ItasSheetError, read_itas_sheet, store_itas_sheet
from bot.ita.province import ProvinceTotals, province_progress, totals
from bot.line.replies import Reply, Text
from bot.links import public_url
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from bot.thai import thai_date
from models import ItasFigures, Province


@command("itas_figures", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_ITAS_FIGURES, listed=False)
def itas_figures(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    try:
        page = read_status_page(said.raw)
    except StatusPageError as error:
        return [Text(error.thai)]
    year = page.year or fiscal_year_be(ctx.today)
    row = store_status_page(ctx.session, province.id, year, page, ctx.today, ctx.now, ctx.user_id)
    seen = totals(province_progress(ctx.session, province.id, year))
    audit(ctx.session, ctx.now, ctx.user_id, "itas.figures", f"{province.name} {year}",
          after={"day": ctx.today.isoformat(), "units": page.units,
                 **{form: vars(figures) for form, figures in page.forms.items()}})
    return [Text(texts.ITAS_STORED.format(province=province.name, date=thai_date(ctx.today),
                                          lines="\n".join(comparison(row, seen))))]


def itas_sheet(name: str, data: bytes, ctx: Context, province: Province, problems_text) -> list[Reply]:
    """A sheet of ITAS's figures unit by unit from the province's coordinator: stored whole, or refused whole."""
    year = fiscal_year_be(ctx.today)
    try:
        figures = read_itas_sheet(ctx.session, province, name, data)
    except ItasSheetError as error:
        return [Text(problems_text(name, error.problems))]
    row = store_itas_sheet(ctx.session, province.id, year, figures, ctx.today, ctx.now, ctx.user_id)
    rows = province_progress(ctx.session, province.id, year)
    by_id = {f.unit_id: f for f in figures}
    differ = sum(1 for r in rows if r.unit_id in by_id and (by_id[r.unit_id].iit, by_id[r.unit_id].eit1) != (r.iit, r.eit))
    audit(ctx.session, ctx.now, ctx.user_id, "itas.sheet", f"{province.name} {year}",
          after={"day": ctx.today.isoformat(), "file": name, "units": len(figures), "differ": differ})
    return [Text(texts.ITAS_SHEET_STORED.format(province=province.name, date=thai_date(ctx.today), file=name,
                                                units=len(figures), differ=differ,
                                                lines="\n".join(comparison(row, totals(rows)))))]


@command("itas_template", need=PROVINCE_COORDINATOR, summary=texts.SUMMARY_ITAS, example="แบบฟอร์ม ITAS")
def itas_template(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    year = year_asked(said.text, ctx.today)
    url = f"{public_url()}/templates/itas-{year}.xlsx?province={quote(province.name)}"
    return [Text(texts.ITAS_TEMPLATE_LINK.format(province=province.name, year=year, url=url))]


def comparison(itas: ItasFigures, seen: ProvinceTotals) -> list[str]:
    """ITAS's figures beside the bot's, each difference flagged: the lines of the stored answer and of สรุป."""
    lines = []
    for side in side_by_side(itas, seen):
        template = texts.ITAS_COMPARE_OK if side.key.endswith("_ok") else texts.ITAS_COMPARE
        flag = texts.ITAS_DIFFERENT.format(diff=side.bot - side.itas) if side.differs else ""
        lines.append(template.format(form=texts.ITAS_ROWS[side.key], itas=side.itas, bot=side.bot, flag=flag))
    return lines
