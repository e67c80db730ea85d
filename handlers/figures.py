"""The unit's own figures: "IIT ต้องได้กี่ชุด", "ขั้นต่ำ EIT เท่าไหร่", "ขาดอีกกี่ชุด", "ผ่านหรือยัง",
"ถ้าได้ 50 พอไหม"; a coordinator may name the unit ("อบต.บ้านไผ่ IIT ขาดอีกเท่าไหร่")."""
from __future__ import annotations

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import fiscal_year_be
from bot.ita.counts import last_count
from bot.line.replies import Reply, Text
from bot.permissions import UNIT_MEMBER
from bot.registry import command
from handlers.reports import named_unit
from models import Quota


@command("figures", need=UNIT_MEMBER, subject=named_unit, refused=texts.WHAT_FIGURES,
         summary=texts.SUMMARY_FIGURES, example="IIT ต้องได้กี่ชุด")
def figures(said: Interpretation, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        return [Text(texts.NO_UNIT)]
    year = fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    forms = [f for f in said.forms if f in ("IIT", "EIT")] or ["IIT", "EIT"]
    lines = [texts.FIGURES_TITLE.format(unit=unit.name, year=year)]
    for form in forms:
        minimum = (quota.iit_min if form == "IIT" else quota.eit_min) if quota else None
        count = last_count(ctx.session, unit.id, year, form) or 0
        lines.append(_line(form, count, minimum))
        if said.count is not None and minimum and said.count.replace(",", "").isdigit():
            wished = int(said.count.replace(",", ""))
            lines.append(texts.FIGURES_IF_ENOUGH.format(count=wished) if wished >= minimum
                         else texts.FIGURES_IF_SHORT.format(count=wished, missing=minimum - wished))
    if quota and quota.internal_stakeholders is not None and "IIT" in forms:
        lines.append(texts.FIGURES_STAFF.format(staff=quota.internal_stakeholders))
    return [Text("\n".join(lines))]


def _line(form: str, count: int, minimum: int | None) -> str:
    if not minimum:
        return texts.FIGURES_NO_MINIMUM.format(form=form, count=count)
    if count >= minimum:
        return texts.FIGURES_DONE.format(form=form, count=count, minimum=minimum)
    return texts.FIGURES_SHORT.format(form=form, count=count, minimum=minimum, missing=minimum - count)
