"""Registration: "ลงทะเบียน อบต.บ้านไผ่" (a person in 1:1, or a group), "ผูกกลุ่ม จังหวัดลำพูน"."""
from __future__ import annotations

import sqlalchemy as sa

from bot import texts
from bot.audit import audit
from bot.context import Context, Interpretation, Subject
from bot.ita.units import find_unit
from bot.line.cards import unit_choices
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from models import Member, Province


@command("register", summary=texts.SUMMARY_REGISTER, example="ลงทะเบียน อบต.บ้านไผ่")
def register(said: Interpretation, ctx: Context) -> list[Reply]:
    if not said.writes_allowed or not said.unit:
        return [Text(texts.REGISTER_WHICH)]
    found = find_unit(ctx.session, said.unit, ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        ctx.asked_back()
        return unit_choices(found.choices, said.unit, lambda u: f"ลงทะเบียน {u.name}")
    unit = found.unit
    if ctx.chat.kind == "user":
        member = ctx.sender
        before = None if member is None else {"unit_id": member.unit_id, "role": member.role}
        if member is None:
            member = Member(user_id=ctx.user_id, role="member", joined_at=ctx.now)
            ctx.session.add(member)
        member.unit_id = unit.id
        if member.role in ("member", "executive"):
            member.province_id = unit.province_id
        ctx.chat.unit_id, ctx.chat.province_id = unit.id, unit.province_id
        audit(ctx.session, ctx.now, ctx.user_id, "member.register", unit.name, before,
              {"unit_id": unit.id, "role": member.role})
        return [Text(texts.REGISTERED_USER.format(unit=unit.name, province=unit.province.name))]
    before = {"unit_id": ctx.chat.unit_id, "province_id": ctx.chat.province_id}
    ctx.chat.unit_id, ctx.chat.province_id = unit.id, unit.province_id
    audit(ctx.session, ctx.now, ctx.user_id, "chat.bind_unit", ctx.chat.id, before,
          {"unit_id": unit.id, "province_id": unit.province_id})
    return [Text(texts.REGISTERED_GROUP.format(unit=unit.name, province=unit.province.name))]


def named_province(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    if ctx.chat is None or ctx.chat.kind == "user":
        return [Text(texts.BIND_PROVINCE_GROUP_ONLY)]
    if not said.writes_allowed or not said.province:
        return [Text(texts.BIND_PROVINCE_HOW)]
    name = said.province
    province = ctx.session.scalar(sa.select(Province).where(Province.name == name))
    if province is None:
        return [Text(texts.UNKNOWN_PROVINCE.format(name=name))]
    return Subject(province=province)


@command("bind_province", need=PROVINCE_COORDINATOR, subject=named_province, refused=texts.WHAT_BIND_PROVINCE,
         summary=texts.SUMMARY_BIND_PROVINCE, example="ผูกกลุ่ม จังหวัดลำพูน")
def bind_province(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    before = {"unit_id": ctx.chat.unit_id, "province_id": ctx.chat.province_id}
    ctx.chat.unit_id, ctx.chat.province_id = None, province.id
    audit(ctx.session, ctx.now, ctx.user_id, "chat.bind_province", ctx.chat.id, before, {"province_id": province.id})
    return [Text(texts.BOUND_PROVINCE.format(province=province.name))]
