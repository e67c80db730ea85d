"""Coordinators' data commands: minimums, staff counts and coordinator rights, each audited."""
from __future__ import annotations

import re

from bot import texts
from bot.agenda import fiscal_year_be
from bot.audit import audit
from bot.context import Context, Message
from bot.permissions import Role, coordinates, member_of
from bot.registry import command
from bot.replies import Reply, Text
from bot.units import find_unit
from handlers.register import choices_reply
from models import Member, Quota

_SET = re.compile(r"^(ตั้งโควตา|ตั้งขั้นต่ำ|ตั้งจำนวนบุคลากร)\s*(iit|eit)?\s*(.+?)\s*(\d[\d,]*)$")
_USER_ID = re.compile(r"\bu[0-9a-f]{32}\b")


@command("set_quota", pattern=r"^(ตั้งโควตา|ตั้งขั้นต่ำ|ตั้งจำนวนบุคลากร)", role=Role.COORDINATOR, priority=10,
         summary=texts.SUMMARY_SET_QUOTA, example="ตั้งโควตา IIT อบต.บ้านไผ่ 60")
def set_quota(message: Message, ctx: Context) -> list[Reply]:
    match = _SET.match(message.text)
    if not match or (match[1] != "ตั้งจำนวนบุคลากร" and not match[2]):
        return [Text(texts.QUOTA_HOW)]
    field = "internal_stakeholders" if match[1] == "ตั้งจำนวนบุคลากร" else f"{match[2]}_min"
    value = int(match[4].replace(",", ""))
    found = find_unit(ctx.session, match[3], ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        return choices_reply(found, match[3], lambda u: f"{match[1]} {(match[2] or '').upper()} {u.name} {value}")
    unit = found.unit
    if not coordinates(ctx.session, ctx.user_id, unit.province_id):
        audit(ctx.session, ctx.now, ctx.user_id, f"quota.{field}", unit.name, allowed=False, after=value)
        return [Text(texts.REFUSED.format(what=texts.WHAT_SET_QUOTA.format(unit=unit.name)))]
    year = fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    if quota is None:
        quota = Quota(unit_id=unit.id, year=year, iit_min=0, eit_min=0)
        ctx.session.add(quota)
    before = getattr(quota, field)
    setattr(quota, field, value)
    audit(ctx.session, ctx.now, ctx.user_id, f"quota.{field}", f"{unit.name} {year}", before, value)
    return [Text(texts.QUOTA_SET.format(unit=unit.name, what=texts.QUOTA_WHAT[field],
                                        before="-" if before is None else f"{before:,}", after=f"{value:,}"))]


@command("grant", triggers=("เพิ่มผู้ประสานงาน", "ถอนสิทธิ์"), role=Role.COORDINATOR, priority=10,
         summary=texts.SUMMARY_GRANT, example="เพิ่มผู้ประสานงาน @ชื่อ")
def grant(message: Message, ctx: Context) -> list[Reply]:
    granting = "เพิ่มผู้ประสานงาน" in message.compact
    actor = member_of(ctx.session, ctx.user_id)
    province_id = actor.province_id if actor else None
    if not coordinates(ctx.session, ctx.user_id, province_id):
        audit(ctx.session, ctx.now, ctx.user_id, "role.grant" if granting else "role.revoke", None, allowed=False)
        return [Text(texts.REFUSED.format(what=texts.WHAT_GRANT))]
    targets = list(message.mentions) + [u.upper()[0] + u[1:] for u in _USER_ID.findall(message.text)]
    if not targets:
        return [Text(texts.GRANT_WHO)]
    replies = []
    for user_id in dict.fromkeys(targets):
        member = ctx.session.get(Member, user_id)
        before = None if member is None else {"role": member.role, "province_id": member.province_id}
        if member is None:
            member = Member(user_id=user_id, joined_at=ctx.now)
            ctx.session.add(member)
        if granting:
            member.role, member.province_id = "coordinator", province_id
        elif member.role == "coordinator" and member.province_id == province_id:
            member.role = "member"
        audit(ctx.session, ctx.now, ctx.user_id, "role.grant" if granting else "role.revoke", user_id, before,
              {"role": member.role, "province_id": member.province_id})
        text = texts.GRANTED if granting else texts.REVOKED
        replies.append(text.format(who=user_id, province=actor.province.name if actor.province else "-"))
    return [Text("\n".join(replies))]
