"""Coordinators set their province's reminders: "ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 08:30 วันทำการ"."""
from __future__ import annotations

import re
from datetime import time

from bot import texts
from bot.context import Context, Message
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from schedules.rules import BadRules, change_rules, describe, rules_of

_DAYS = re.compile(r"ล่วงหน้า\s*((?:\d+[\s,]*)+)")
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?!\d)")


@command("reminder_rules", triggers=("ตั้งแจ้งเตือน", "ตั้งเวลาแจ้งเตือน"), need=PROVINCE_COORDINATOR,
         refused=texts.WHAT_RULES, priority=5,
         summary=texts.SUMMARY_RULES, example="ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 09:00")
def reminder_rules(message: Message, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
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
