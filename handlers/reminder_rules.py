"""Coordinators set their province's reminders: "ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 08:30 วันทำการ",
"ตั้งแจ้งเตือนล่วงหน้า 3 วัน ตอน 8 โมงครึ่ง"; a question or a negation shows the rules and changes nothing."""
from __future__ import annotations

from bot import texts
from bot.context import Context, Interpretation
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from schedules.rules import BadRules, change_rules, describe, rules_of


@command("reminder_rules", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_RULES, summary=texts.SUMMARY_RULES,
         example="ตั้งแจ้งเตือน ล่วงหน้า 7 3 1 วัน เวลา 09:00")
def reminder_rules(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    if "time" in said.invalid:
        return [Text(texts.RULES_BAD_TIME)]
    changes = {name: value for name, value in (("days_before", said.days_before), ("at", said.time),
                                               ("working_days_only", said.working_days))
               if value not in ((), None)}
    if not changes or not said.writes_allowed:
        return [Text(f"{describe(rules_of(ctx.session, province), province.name)}\n\n{texts.RULES_HOW}")]
    try:
        rules = change_rules(ctx.session, province, ctx.user_id or "unknown", ctx.now, **changes)
    except BadRules as error:
        return [Text(str(error))]
    return [Text(f"{texts.RULES_SAVED}\n{describe(rules, province.name)}")]
