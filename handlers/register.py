"""Registration: "ลงทะเบียน อบต.บ้านไผ่" (a person in 1:1, or a group), "ผูกกลุ่ม จังหวัดลำพูน"."""
from __future__ import annotations

from typing import Callable

import sqlalchemy as sa

from bot import texts
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import coordinates
from bot.registry import command
from bot.replies import QuickReply, Reply, Text
from bot.units import Found, find_unit
from models import Member, Province, Unit


def choices_reply(found: Found, typed: str, button_text: Callable[[Unit], str]) -> list[Reply]:
    """Several close units, or none: ask, with a button per unit (at most 13)."""
    if not found.choices:
        return [Text(texts.UNIT_NOT_FOUND.format(typed=typed))]
    header = texts.UNIT_CHOOSE if len(found.choices) > 1 else texts.UNIT_SUGGEST
    buttons = tuple(QuickReply(u.name, button_text(u)) for u in found.choices)
    return [Text(header.format(typed=typed) + "\n" + "\n".join(f"• {u.name}" for u in found.choices), buttons)]


@command("register", triggers=("ลงทะเบียน", "register"), priority=20,
         summary=texts.SUMMARY_REGISTER, example="ลงทะเบียน อบต.บ้านไผ่")
def register(message: Message, ctx: Context) -> list[Reply]:
    typed = message.text.replace("ลงทะเบียน", "").replace("register", "").strip()
    if not typed:
        return [Text(texts.REGISTER_WHICH)]
    found = find_unit(ctx.session, typed, ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        return choices_reply(found, typed, lambda u: f"ลงทะเบียน {u.name}")
    unit = found.unit
    if ctx.chat.kind == "user":
        member = ctx.session.get(Member, ctx.user_id)
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


@command("bind_province", triggers=("ผูกกลุ่ม",), priority=20,
         summary=texts.SUMMARY_BIND_PROVINCE, example="ผูกกลุ่ม จังหวัดลำพูน")
def bind_province(message: Message, ctx: Context) -> list[Reply]:
    if ctx.chat.kind == "user":
        return [Text(texts.BIND_PROVINCE_GROUP_ONLY)]
    name = message.text.replace("ผูกกลุ่ม", "").strip().removeprefix("จังหวัด").removeprefix("จ.").strip()
    province = ctx.session.scalar(sa.select(Province).where(Province.name == name))
    if province is None:
        return [Text(texts.UNKNOWN_PROVINCE.format(name=name))]
    if not coordinates(ctx.session, ctx.user_id, province.id):
        audit(ctx.session, ctx.now, ctx.user_id, "chat.bind_province", ctx.chat.id, allowed=False,
              after={"province": province.name})
        return [Text(texts.REFUSED.format(what=texts.WHAT_BIND_PROVINCE.format(province=province.name)))]
    before = {"unit_id": ctx.chat.unit_id, "province_id": ctx.chat.province_id}
    ctx.chat.unit_id, ctx.chat.province_id = None, province.id
    audit(ctx.session, ctx.now, ctx.user_id, "chat.bind_province", ctx.chat.id, before, {"province_id": province.id})
    return [Text(texts.BOUND_PROVINCE.format(province=province.name))]


def unit_of(ctx: Context) -> Unit | None:
    """The unit a message speaks for: a unit group's own, else the sender's."""
    if ctx.chat is not None and ctx.chat.kind != "user" and ctx.chat.unit is not None:
        return ctx.chat.unit
    member = ctx.session.get(Member, ctx.user_id) if ctx.user_id else None
    if member is not None and member.unit is not None:
        return member.unit
    return ctx.chat.unit if ctx.chat else None
