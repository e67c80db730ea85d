"""Next year's units: `ยกยอดหน่วยงาน 2570` copies the province's minimums of the latest year as a
start (counts start at 0; members and bound groups stay)."""
from __future__ import annotations

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.unit_years import RolloverRefused, rollover, units_in
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from bot.thai import be_year_in


@command("units_rollover", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_UNITS_ROLLOVER,
         summary=texts.SUMMARY_UNITS_ROLLOVER, example="ยกยอดหน่วยงาน 2570")
def units_rollover(said: Interpretation, ctx: Context) -> list[Reply]:
    province, year = ctx.subject.province, be_year_in(said.text)
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    if year is None:
        return [Text(texts.ROLLOVER_HOW)]
    if not said.writes_allowed:  # "ยกยอดหน่วยงาน 2570 แล้วหรือยัง"
        return [Text(texts.ROLLOVER_STATE.format(year=year, province=province.name,
                                                 count=units_in(ctx.session, province.id, year)))]
    try:
        done = rollover(ctx.session, province, year, None, ctx.now, ctx.user_id)
    except RolloverRefused as refused:
        return [Text(refused.thai)]
    kept = texts.ROLLOVER_KEPT.format(year=year, kept=done.kept) if done.kept else ""
    return [Text(texts.ROLLOVER_DONE.format(province=province.name, from_year=done.from_year, year=year,
                                            copied=done.copied, kept=kept))]
