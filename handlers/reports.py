"""Response-count reports: "IIT 45", "ส่ง IIT ไปแล้ว ๔๕ ชุด", "iit 45 eit 30", "ทต.ป่าซาง IIT 30"."""
from __future__ import annotations

import re

import sqlalchemy as sa

from bot import texts
from bot.context import Context, Interpretation, Subject
from bot.ita.calendar import fiscal_year_be
from bot.ita.counts import Item, check_against, check_count, last_count
from bot.ita.units import find_unit
from bot.line.cards import progress_bubble, unit_choices
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import UNIT_MEMBER
from bot.registry import command, on_postback
from models import Quota, Report, Unit
from models.report import REPORTED_FORMS

_BUTTON = re.compile(r"^(\d{1,9}):(IIT|EIT):(\d{1,6})$")  # a button's data: unit id, form, count


def named_unit(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    """The unit the message names, else the one the chat or the sender speaks for.

    A name is looked for in the chat's or the sender's province first, so that the many units
    that share a name across the country are no question; then everywhere, so that a unit of
    another province is refused by its name rather than offered as a near miss."""
    if not said.unit:
        return Subject(unit=ctx.own_unit)
    home = ctx.own_province_id
    found = find_unit(ctx.session, said.unit, home)
    if found.unit is None and home is not None:
        anywhere = find_unit(ctx.session, said.unit)
        if anywhere.unit is not None or not found.choices:
            found = anywhere
    if found.unit is None:
        ctx.asked_back()
        return unit_choices(found.choices, said.unit, lambda u: _again(said, u))
    return Subject(unit=found.unit)


def _again(said: Interpretation, unit: Unit) -> str:
    """What a choice button sends: the message again, with the unit's right name."""
    if said.intent == "report":
        return f"{said.form} {unit.name} {said.count}"
    if said.intent == "status":
        return texts.STATUS_OF.format(unit=unit.name)
    return " ".join([unit.name, *said.forms, "ขาดอีกกี่ชุด"])


@command("report", writes=True, need=UNIT_MEMBER, subject=named_unit, refused=texts.WHAT_REPORT,
         summary=texts.SUMMARY_REPORT, example="IIT 45")
def report(said: Interpretation, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        return [Text(texts.NO_UNIT)]
    if said.negation:
        return [Text(texts.REPORT_NEGATED)]
    if said.form not in REPORTED_FORMS:
        return [Text(texts.REPORT_OIT_HAS_NO_COUNT)]
    if said.form == "EIT" and said.part == 2:
        return [Text(texts.REPORT_PART_2)]
    item = Item(said.form, said.count)
    if said.unsure:
        ctx.asked_back()
        count, problem = check_count(item)
        if problem:
            return [Text(problem)]
        return [Text(texts.REPORT_UNSURE.format(form=said.form, unit=unit.name, count=count),
                     (QuickReply(texts.REPORT_UNSURE_YES.format(form=said.form, count=count),
                                 f"report:{unit.id}:{said.form}:{count}", postback=True),
                      QuickReply(texts.CONFIRM_NO, "cancel-report:", postback=True)))]
    return record(item, unit, ctx)


def record(item: Item, unit: Unit, ctx: Context, confirmed: bool = False) -> list[Reply]:
    """Check one count and store it, or say why not, or ask to confirm a lower one."""
    count, problem = check_count(item)
    if problem:
        return [Text(problem)]
    year = fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    cycle = ctx.cycles(unit.province_id).get(year)
    collection = cycle.collection(item.form) if cycle else None
    step = collection.step if collection else None  # the NACC's window: ITAS takes responses until its end
    problem = check_against(unit, quota, item.form, count, step, ctx.today)
    if problem:
        return [Text(problem)]
    last = last_count(ctx.session, unit.id, year, item.form)
    if last is not None and count < last and not confirmed:
        ctx.asked_back()
        data = f"confirm-report:{unit.id}:{item.form}:{count}"
        return [Text(texts.CONFIRM_LOWER.format(form=item.form, unit=unit.name, count=count, last=last),
                     (QuickReply(texts.CONFIRM_YES.format(count=count), data, postback=True),
                      QuickReply(texts.CONFIRM_NO, "cancel-report:", postback=True)))]
    said_before = ctx.session.scalar(sa.select(Report).where(
        Report.webhook_event_id == ctx.event_id, Report.unit_id == unit.id, Report.form == item.form)) \
        if ctx.event_id else None
    if said_before is not None:  # "IIT 80 ... IIT 81" in one message: the last count stands
        said_before.count = count
    else:
        ctx.session.add(Report(unit_id=unit.id, year=year, form=item.form, count=count, reported_by=ctx.user_id,
                               chat_id=ctx.chat.id if ctx.chat else None, webhook_event_id=ctx.event_id,
                               reported_at=ctx.now))
    minimum = (quota.iit_min if item.form == "IIT" else quota.eit_min) if quota else None
    days_left = (step.end - ctx.today).days if step else None
    return [progress_bubble(unit.name, item.form, count, minimum, days_left)]


def button_unit(data: str, ctx: Context) -> Subject | list[Reply]:
    match = _BUTTON.match(data)
    if match is None:
        return []  # not a button of ours
    return Subject(unit=ctx.session.get(Unit, int(match[1])))


@on_postback("report", writes=True, need=UNIT_MEMBER, subject=button_unit, refused=texts.WHAT_REPORT)
def report_tapped(data: str, ctx: Context) -> list[Reply]:
    """The person confirmed a count the bot was unsure of: store it as if typed plainly."""
    if ctx.subject.unit is None:
        return [Text(texts.NO_UNIT)]
    _unit_id, form, count = data.split(":")
    return record(Item(form, count), ctx.subject.unit, ctx)


@on_postback("confirm-report", writes=True, need=UNIT_MEMBER, subject=button_unit, refused=texts.WHAT_REPORT)
def confirm_lower(data: str, ctx: Context) -> list[Reply]:
    if ctx.subject.unit is None:
        return [Text(texts.NO_UNIT)]
    _unit_id, form, count = data.split(":")
    return record(Item(form, count), ctx.subject.unit, ctx, confirmed=True)


@on_postback("cancel-report")
def cancel_lower(data: str, ctx: Context) -> list[Reply]:
    return [Text(texts.CANCELLED)]
