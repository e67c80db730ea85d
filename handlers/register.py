"""Registration: "ลงทะเบียน อบต.บ้านไผ่" (a person in 1:1, or a group), "ผูกกลุ่ม จังหวัดลำพูน"."""
from __future__ import annotations

import sqlalchemy as sa

from bot import permissions, texts
from bot.audit import audit
from bot.context import Context, Interpretation, Subject
from bot.ita import joining
from bot.ita.units import find_unit
from bot.line.cards import unit_choices
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from models import Province
from schedules.notices import coordinators_groups, leave_notice


def register_subject(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    """The unit named; and, for a group already bound, the group itself: only those who keep it
    may rebind it (`permissions.keeps`)."""
    if not said.writes_allowed or not said.unit:
        return [Text(texts.REGISTER_WHICH)]
    found = find_unit(ctx.session, said.unit, ctx.chat.province_id)
    if found.unit is None:
        ctx.asked_back()
        return unit_choices(found.choices, said.unit, lambda u: f"ลงทะเบียน {u.name}")
    return Subject(unit=found.unit, chat=ctx.chat if ctx.chat.kind != "user" else None)


@command("register", writes=True, subject=register_subject, refused=texts.WHAT_REGISTER, summary=texts.SUMMARY_REGISTER,
         example="ลงทะเบียน อบต.บ้านไผ่")
def register(said: Interpretation, ctx: Context) -> list[Reply]:
    """Join at once with the unit's code (or as someone the unit trusts already), else ask the
    province's coordinators, who approve with a button."""
    unit, chat = ctx.subject.unit, ctx.chat
    code = joining.code_accepted(ctx.session, unit, said.count, ctx.now)
    if code is False:
        audit(ctx.session, ctx.now, ctx.user_id, "join.code", unit.name, allowed=False)
        return [Text(texts.JOIN_CODE_WRONG.format(unit=unit.name))]
    if permissions.joins_directly(ctx.sender, unit, code_given=bool(code)):
        joining.join(ctx.session, unit, chat, ctx.user_id, ctx.user_id, ctx.now)
        done = texts.REGISTERED_USER if chat.kind == "user" else texts.REGISTERED_GROUP
        return [Text(done.format(unit=unit.name, province=unit.province.name))]
    asked = joining.request(ctx.session, unit, chat, ctx.user_id, ctx.now)
    if asked is None:
        return [Text(texts.JOIN_ALREADY_REQUESTED.format(unit=unit.name, province=unit.province.name))]
    leave_notice(ctx.session, coordinators_groups(ctx.session, unit.province_id), f"join:{asked.id}",
                 texts.JOIN_NOTICE_NEW.format(unit=unit.name), ctx.now)
    return [Text(texts.JOIN_REQUESTED.format(unit=unit.name, province=unit.province.name))]


def named_province(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    if ctx.chat is None or ctx.chat.kind == "user":
        return [Text(texts.BIND_PROVINCE_GROUP_ONLY)]
    if not said.writes_allowed or not said.province:
        return [Text(texts.BIND_PROVINCE_HOW)]
    name = said.province
    province = ctx.session.scalar(sa.select(Province).where(Province.name == name))
    if province is None:
        return [Text(texts.UNKNOWN_PROVINCE.format(name=name))]
    return Subject(province=province, chat=ctx.chat)  # a bound group: only its keepers may rebind it


@command("bind_province", writes=True, need=PROVINCE_COORDINATOR, subject=named_province, refused=texts.WHAT_BIND_PROVINCE,
         summary=texts.SUMMARY_BIND_PROVINCE, example="ผูกกลุ่ม จังหวัดลำพูน")
def bind_province(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    before = {"unit_id": ctx.chat.unit_id, "province_id": ctx.chat.province_id}
    ctx.chat.unit_id, ctx.chat.province_id = None, province.id
    audit(ctx.session, ctx.now, ctx.user_id, "chat.bind_province", ctx.chat.id, before, {"province_id": province.id})
    return [Text(texts.BOUND_PROVINCE.format(province=province.name))]
