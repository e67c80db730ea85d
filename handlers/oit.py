"""OIT progress: "OIT กำลังตอบ", "OIT ตอบครบแล้ว", "OIT รออนุมัติ"; and "OIT อนุมัติแล้ว", which
only the unit's executives and its province's coordinators may record. "ยังไม่..." changes nothing."""
from __future__ import annotations

from bot import texts
from bot.audit import audit
from bot.context import Context, Interpretation
from bot.ita.calendar import fiscal_year_be
from bot.line.replies import Reply, Text
from bot.permissions import UNIT_EXECUTIVE, UNIT_MEMBER
from bot.registry import command
from handlers.reports import named_unit
from models import OitState


@command("oit_approved", writes=True, need=UNIT_EXECUTIVE, subject=named_unit, refused=texts.WHAT_APPROVE_OIT,
         summary=texts.SUMMARY_OIT_APPROVED, example="OIT อนุมัติแล้ว")
def oit_approved(said: Interpretation, ctx: Context) -> list[Reply]:
    return _set_state("approved", said, ctx)


@command("oit_state", writes=True, need=UNIT_MEMBER, subject=named_unit, refused=texts.WHAT_OIT, summary=texts.SUMMARY_OIT,
         example="OIT ตอบครบแล้ว")
def oit_state(said: Interpretation, ctx: Context) -> list[Reply]:
    return _set_state(said.setting or "answering", said, ctx)


def _set_state(state: str, said: Interpretation, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    if unit is None:
        return [Text(texts.NO_UNIT)]
    year = fiscal_year_be(ctx.today)
    record = ctx.session.get(OitState, (unit.id, year))
    before = record.state if record else "not_started"
    if not said.writes_allowed:
        return [Text(texts.OIT_UNCHANGED.format(unit=unit.name, state=texts.OIT_STATE_NAMES[before]))]
    if record is None:
        record = OitState(unit_id=unit.id, year=year)
        ctx.session.add(record)
    record.state, record.updated_by, record.updated_at = state, ctx.user_id, ctx.now
    audit(ctx.session, ctx.now, ctx.user_id, "oit.set", unit.name, before, state)
    return [Text(texts.OIT_SET.format(unit=unit.name, state=texts.OIT_STATE_NAMES[state]))]
