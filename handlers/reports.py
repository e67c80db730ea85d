"""Response-count reports: "IIT 45", "รายงาน IIT ๔๕ ชุด", "iit 45 eit 30", "IIT อบต.บ้านไผ่ 45"."""
from __future__ import annotations

import re

from bot import texts
from bot.context import Context, Message, Subject
from bot.ita.calendar import fiscal_year_be
from bot.ita.counts import REPORT_PATTERN, Item, check_against, check_count, last_count, parse_report
from bot.ita.units import find_unit
from bot.line.cards import progress_bubble, unit_choices
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import UNIT_MEMBER
from bot.registry import command, on_postback
from models import Quota, Report, Unit

_CONFIRMED = re.compile(r"^(\d{1,9}):(IIT|EIT):(\d{1,6})$")  # a confirm button's data: unit id, form, count


def reported_unit(message: Message, ctx: Context) -> Subject | list[Reply]:
    """The unit the report names, else the one the chat or the sender speaks for."""
    items = parse_report(message.text)
    named = next((i.unit_text for i in items if i.unit_text), "")
    if not named:
        return Subject(unit=ctx.own_unit)
    found = find_unit(ctx.session, named, ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        first = items[0]
        return unit_choices(found.choices, named, lambda u: f"{first.form} {u.name} {first.raw}")
    return Subject(unit=found.unit)


@command("report", pattern=REPORT_PATTERN, need=UNIT_MEMBER, subject=reported_unit, refused=texts.WHAT_REPORT,
         priority=15, summary=texts.SUMMARY_REPORT, example="IIT 45")
def report(message: Message, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        return [Text(texts.NO_UNIT)]
    return [reply for item in parse_report(message.text) for reply in record(item, unit, ctx)]


def record(item: Item, unit: Unit, ctx: Context, confirmed: bool = False) -> list[Reply]:
    """Check one count and store it, or say why not, or ask to confirm a lower one."""
    count, problem = check_count(item)
    if problem:
        return [Text(problem)]
    year = fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    cycle = ctx.calendars.cycles(ctx.session, unit.province_id).get(year)
    collection = cycle.collection(item.form) if cycle else None
    step = collection.step if collection else None  # the NACC's window: ITAS takes responses until its end
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


def confirmed_unit(data: str, ctx: Context) -> Subject | list[Reply]:
    match = _CONFIRMED.match(data)
    if match is None:
        return []  # not a button of ours
    return Subject(unit=ctx.session.get(Unit, int(match[1])))


@on_postback("confirm-report", need=UNIT_MEMBER, subject=confirmed_unit, refused=texts.WHAT_REPORT)
def confirm_lower(data: str, ctx: Context) -> list[Reply]:
    if ctx.subject.unit is None:
        return [Text(texts.NO_UNIT)]
    _unit_id, form, count = data.split(":")
    return record(Item(form, count, ""), ctx.subject.unit, ctx, confirmed=True)


@on_postback("cancel-report")
def cancel_lower(data: str, ctx: Context) -> list[Reply]:
    return [Text(texts.CANCELLED)]
