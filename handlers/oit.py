"""OIT progress: "OIT กำลังตอบ", "OIT ตอบครบแล้ว", "OIT รออนุมัติ", "OIT อนุมัติแล้ว"."""
from __future__ import annotations

from bot import texts
from bot.agenda import fiscal_year_be
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import may_approve_oit, may_report_for
from bot.registry import command
from bot.replies import Reply, Text
from handlers.register import unit_of
from models import OitState

STATES = (("อนุมัติแล้ว", "approved"), ("รออนุมัติ", "awaiting_approval"), ("ตอบครบ", "awaiting_approval"),
          ("กำลังตอบ", "answering"), ("เริ่มตอบ", "answering"))


@command("oit_state", pattern=r"oit.*(อนุมัติแล้ว|รออนุมัติ|ตอบครบ|กำลังตอบ|เริ่มตอบ)", priority=15,
         summary=texts.SUMMARY_OIT, example="OIT ตอบครบแล้ว")
def oit_state(message: Message, ctx: Context) -> list[Reply]:
    state = next(s for word, s in STATES if word in message.compact)
    unit = unit_of(ctx)
    if unit is None:
        return [Text(texts.NO_UNIT)]
    permitted = (may_approve_oit(ctx.session, ctx.user_id, unit) if state == "approved"
                 else may_report_for(ctx.session, ctx.user_id, unit, ctx.chat.unit_id if ctx.chat else None))
    if not permitted:
        audit(ctx.session, ctx.now, ctx.user_id, "oit.set", unit.name, allowed=False, after=state)
        return [Text(texts.REFUSED.format(what=texts.WHAT_APPROVE_OIT.format(unit=unit.name)))]
    year = fiscal_year_be(ctx.today)
    record = ctx.session.get(OitState, (unit.id, year))
    before = record.state if record else "not_started"
    if record is None:
        record = OitState(unit_id=unit.id, year=year)
        ctx.session.add(record)
    record.state, record.updated_by, record.updated_at = state, ctx.user_id, ctx.now
    audit(ctx.session, ctx.now, ctx.user_id, "oit.set", unit.name, before, state)
    return [Text(texts.OIT_SET.format(unit=unit.name, state=texts.OIT_STATE_NAMES[state]))]
