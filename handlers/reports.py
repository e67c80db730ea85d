"""Response-count reports: "IIT 45", "รายงาน IIT ๔๕ ชุด", "iit 45 eit 30", "IIT อบต.บ้านไผ่ 45"."""
from __future__ import annotations

from bot import texts
from bot.agenda import fiscal_year_be
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import may_report_for
from bot.progress import progress_bubble
from bot.registry import command, on_postback
from bot.replies import QuickReply, Reply, Text
from bot.reporting import REPORT_PATTERN, Item, check_against, check_count, last_count, parse_report, window
from bot.units import find_unit
from handlers.register import choices_reply, unit_of
from models import Quota, Report, Unit


@command("report", pattern=REPORT_PATTERN, priority=15, summary=texts.SUMMARY_REPORT, example="IIT 45")
def report(message: Message, ctx: Context) -> list[Reply]:
    items = parse_report(message.text)
    named = next((i.unit_text for i in items if i.unit_text), "")
    if named:
        found = find_unit(ctx.session, named, ctx.chat.province_id if ctx.chat else None)
        if found.unit is None:
            first = items[0]
            return choices_reply(found, named, lambda u: f"{first.form} {u.name} {first.raw}")
        unit = found.unit
    else:
        unit = unit_of(ctx)
    if unit is None:
        return [Text(texts.NO_UNIT)]
    if not may_report_for(ctx.session, ctx.user_id, unit, ctx.chat.unit_id if ctx.chat else None):
        audit(ctx.session, ctx.now, ctx.user_id, "report.refused", unit.name, allowed=False, after=message.text)
        return [Text(texts.REFUSED.format(what=texts.WHAT_REPORT.format(unit=unit.name)))]
    return [reply for item in items for reply in record(item, unit, ctx)]


def record(item: Item, unit: Unit, ctx: Context, confirmed: bool = False) -> list[Reply]:
    """Check one count and store it, or say why not, or ask to confirm a lower one."""
    count, problem = check_count(item)
    if problem:
        return [Text(problem)]
    year = fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    step = window(ctx.calendars.cycles(ctx.session, None).get(year, []), item.form)
    problem = check_against(unit, quota, item.form, count, step, ctx.today)
    if problem:
        return [Text(problem)]
    last = last_count(ctx.session, unit.id, year, item.form)
    if last is not None and count < last and not confirmed:
        data = f"confirm-report:{unit.id}:{item.form}:{count}"
        return [Text(texts.CONFIRM_LOWER.format(form=item.form, unit=unit.name, count=count, last=last),
                     (QuickReply(texts.CONFIRM_YES.format(count=count), data, postback=True),
                      QuickReply(texts.CONFIRM_NO, "cancel-report:", postback=True)))]
    ctx.session.add(Report(unit_id=unit.id, year=year, form=item.form, count=count, reported_by=ctx.user_id,
                           chat_id=ctx.chat.id if ctx.chat else None, webhook_event_id=ctx.event_id,
                           reported_at=ctx.now))
    minimum = (quota.iit_min if item.form == "IIT" else quota.eit_min) if quota else None
    days_left = (step.end - ctx.today).days if step else None
    return [progress_bubble(unit.name, item.form, count, minimum, days_left)]


@on_postback("confirm-report")
def confirm_lower(data: str, ctx: Context) -> list[Reply]:
    unit_id, form, count = data.split(":")
    unit = ctx.session.get(Unit, int(unit_id))
    if unit is None or not may_report_for(ctx.session, ctx.user_id, unit, ctx.chat.unit_id if ctx.chat else None):
        return [Text(texts.REFUSED.format(what=texts.WHAT_REPORT.format(unit=unit.name if unit else "-")))]
    return record(Item(form, count, ""), unit, ctx, confirmed=True)


@on_postback("cancel-report")
def cancel_lower(data: str, ctx: Context) -> list[Reply]:
    return [Text(texts.CANCELLED)]

