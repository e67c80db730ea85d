"""Coordinators set their province's reminders: "ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 08:30 วันทำการ"."""
from __future__ import annotations

import re
from datetime import time

from bot import texts
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import Role, coordinates, member_of
from bot.registry import command
from bot.replies import Reply, Text
from models import Province
from schedules.rules import BadRules, change_rules, describe, rules_of

_DAYS = re.compile(r"ล่วงหน้า\s*((?:\d+[\s,]*)+)")
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?!\d)")


@command("reminder_rules", triggers=("ตั้งแจ้งเตือน", "ตั้งเวลาแจ้งเตือน"), role=Role.COORDINATOR, priority=5,
         summary=texts.SUMMARY_RULES, example="ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 09:00")
def reminder_rules(message: Message, ctx: Context) -> list[Reply]:
    province = _province(ctx)
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    if not coordinates(ctx.session, ctx.user_id, province.id):
        audit(ctx.session, ctx.now, ctx.user_id, "reminders.rules", province.name, allowed=False, after=message.raw[:200])
        return [Text(texts.REFUSED.format(what=texts.WHAT_RULES.format(province=province.name)))]
    try:
        changes = parse_changes(message.text)
    except BadRules as error:
        return [Text(str(error))]
    if not changes:
        return [Text(f"{describe(rules_of(ctx.session, province), province.name)}\n\n{texts.RULES_HOW}")]
    try:
        rules = change_rules(ctx.session, province, ctx.user_id or "unknown", ctx.now, **changes)
    except BadRules as error:
        return [Text(str(error))]
    return [Text(f"{texts.RULES_SAVED}\n{describe(rules, province.name)}")]


def parse_changes(text: str) -> dict:
    """The changes a message asks for, as `Rules` fields; raises BadRules for a bad time."""
    changes: dict = {}
    if days := _DAYS.search(text):
        changes["days_before"] = tuple(int(d) for d in re.findall(r"\d+", days[1]))
    if at := _TIME.search(text):
        hour, minute = int(at[1]), int(at[2])
        if hour > 23 or minute > 59:
            raise BadRules(texts.RULES_BAD_TIME)
        changes["at"] = time(hour, minute)
    if "วันทำการ" in text or "เลี่ยงวันหยุด" in text:
        changes["working_days_only"] = True
    elif "ทุกวัน" in text:
        changes["working_days_only"] = False
    return changes


def _province(ctx: Context) -> Province | None:
    """The chat's province (a coordinators' group or a unit's chat), else the coordinator's own."""
    chat = ctx.chat
    if chat is not None and chat.province is not None:
        return chat.province
    if chat is not None and chat.unit is not None:
        return chat.unit.province
    member = member_of(ctx.session, ctx.user_id)
    return member.province if member is not None else None
