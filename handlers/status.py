""""สถานะ", "OIT ถึงไหนแล้ว": the unit's IIT and EIT against their minimums, and its OIT state;
a coordinator names the unit ("สถานะ ทต.ป่าซาง")."""
from __future__ import annotations

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import year_asked
from bot.ita.counts import last_count
from bot.line.replies import Reply, Text
from bot.permissions import UNIT_MEMBER, Role, role_of
from bot.registry import command
from handlers.reports import named_unit
from models import OitState, Quota


@command("status", need=UNIT_MEMBER, subject=named_unit, refused=texts.WHAT_STATUS,
         summary=texts.SUMMARY_STATUS, example="สถานะ")
def status(said: Interpretation, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        coordinator = role_of(ctx.sender) >= Role.COORDINATOR
        return [Text(texts.STATUS_NAME_A_UNIT if coordinator else texts.STATUS_NO_UNIT)]
    year = year_asked(said.text, ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    lines = [texts.STATUS_TITLE.format(year=year, unit=unit.name)]
    for form, minimum in (("IIT", quota.iit_min if quota else None), ("EIT", quota.eit_min if quota else None)):
        count = last_count(ctx.session, unit.id, year, form) or 0
        gap = (texts.PROGRESS_DONE if minimum and count >= minimum
               else texts.PROGRESS_GAP.format(missing=minimum - count) if minimum else texts.PROGRESS_NO_MIN)
        lines.append(texts.STATUS_FORM.format(form=form, count=count, minimum=minimum if minimum else "-", gap=gap))
    oit = ctx.session.get(OitState, (unit.id, year))
    lines.append(texts.STATUS_OIT.format(state=texts.OIT_STATE_NAMES[oit.state if oit else "not_started"]))
    return [Text("\n".join(lines))]
