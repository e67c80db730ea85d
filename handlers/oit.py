"""OIT progress: "OIT กำลังตอบ", "OIT ตอบครบแล้ว", "OIT รออนุมัติ"; and "OIT อนุมัติแล้ว", which
only the unit's executives and its province's coordinators may record."""
from __future__ import annotations

from bot import texts
from bot.audit import audit
from bot.context import Context, Message
from bot.ita.calendar import fiscal_year_be
from bot.line.replies import Reply, Text
from bot.permissions import UNIT_EXECUTIVE, UNIT_MEMBER
from bot.registry import command
from models import OitState

STATES = (("รออนุมัติ", "awaiting_approval"), ("ตอบครบ", "awaiting_approval"), ("กำลังตอบ", "answering"),
          ("เริ่มตอบ", "answering"))


@command("oit_approved", pattern=r"oit.*อนุมัติแล้ว", need=UNIT_EXECUTIVE, refused=texts.WHAT_APPROVE_OIT,
         priority=14, summary=texts.SUMMARY_OIT_APPROVED, example="OIT อนุมัติแล้ว")
def oit_approved(message: Message, ctx: Context) -> list[Reply]:
    return _set_state("approved", ctx)


@command("oit_state", pattern=r"oit.*(รออนุมัติ|ตอบครบ|กำลังตอบ|เริ่มตอบ)", need=UNIT_MEMBER,
         refused=texts.WHAT_OIT, priority=15, summary=texts.SUMMARY_OIT, example="OIT ตอบครบแล้ว")
def oit_state(message: Message, ctx: Context) -> list[Reply]:
    return _set_state(next(s for word, s in STATES if word in message.compact), ctx)


def _set_state(state: str, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        return [Text(texts.NO_UNIT)]
    year = fiscal_year_be(ctx.today)
    record = ctx.session.get(OitState, (unit.id, year))
    before = record.state if record else "not_started"
    if record is None:
        record = OitState(unit_id=unit.id, year=year)
        ctx.session.add(record)
    record.state, record.updated_by, record.updated_at = state, ctx.user_id, ctx.now
    audit(ctx.session, ctx.now, ctx.user_id, "oit.set", unit.name, before, state)
    return [Text(texts.OIT_SET.format(unit=unit.name, state=texts.OIT_STATE_NAMES[state]))]
