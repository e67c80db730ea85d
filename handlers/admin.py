"""Coordinators' data commands: minimums, staff counts and coordinator rights, each audited."""
from __future__ import annotations

import re

from bot import texts
from bot.audit import audit
from bot.context import Context, Message, Subject
from bot.ita.calendar import fiscal_year_be
from bot.ita.units import find_unit
from bot.line.cards import unit_choices
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR, UNIT_COORDINATOR
from bot.registry import command
from models import Member, Quota

_SET = re.compile(r"^(ตั้งโควตา|ตั้งขั้นต่ำ|ตั้งจำนวนบุคลากร)\s*(iit|eit)?\s*(.+?)\s*(\d[\d,]*)$")
_USER_ID = re.compile(r"\bu[0-9a-f]{32}\b")


def quota_unit(message: Message, ctx: Context) -> Subject | list[Reply]:
    """The unit the command names; how to write the command when it names none."""
    match = _SET.match(message.text)
    if not match or (match[1] != "ตั้งจำนวนบุคลากร" and not match[2]):
        return [Text(texts.QUOTA_HOW)]
    found = find_unit(ctx.session, match[3], ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        form = (match[2] or "").upper()
        return unit_choices(found.choices, match[3], lambda u: f"{match[1]} {form} {u.name} {match[4]}")
    return Subject(unit=found.unit)


@command("set_quota", pattern=r"^(ตั้งโควตา|ตั้งขั้นต่ำ|ตั้งจำนวนบุคลากร)", need=UNIT_COORDINATOR, subject=quota_unit,
         refused=texts.WHAT_SET_QUOTA, priority=10, summary=texts.SUMMARY_SET_QUOTA,
         example="ตั้งโควตา IIT อบต.บ้านไผ่ 60")
def set_quota(message: Message, ctx: Context) -> list[Reply]:
    match = _SET.match(message.text)
    field = "internal_stakeholders" if match[1] == "ตั้งจำนวนบุคลากร" else f"{match[2]}_min"
    value = int(match[4].replace(",", ""))
    unit, year = ctx.subject.unit, fiscal_year_be(ctx.today)
    quota = ctx.session.get(Quota, (unit.id, year))
    if quota is None:
        quota = Quota(unit_id=unit.id, year=year, iit_min=0, eit_min=0)
        ctx.session.add(quota)
    before = getattr(quota, field)
    setattr(quota, field, value)
    audit(ctx.session, ctx.now, ctx.user_id, f"quota.{field}", f"{unit.name} {year}", before, value)
    return [Text(texts.QUOTA_SET.format(unit=unit.name, what=texts.QUOTA_WHAT[field],
                                        before="-" if before is None else f"{before:,}", after=f"{value:,}"))]


@command("grant", triggers=("เพิ่มผู้ประสานงาน", "ถอนสิทธิ์"), need=PROVINCE_COORDINATOR, refused=texts.WHAT_GRANT,
         priority=10, summary=texts.SUMMARY_GRANT, example="เพิ่มผู้ประสานงาน @ชื่อ")
def grant(message: Message, ctx: Context) -> list[Reply]:
    """Make the people mentioned coordinators of this province, or take that back."""
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    granting = "เพิ่มผู้ประสานงาน" in message.compact
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
            member.role, member.province_id = "coordinator", province.id
        elif member.role == "coordinator" and member.province_id == province.id:
            member.role = "member"
        audit(ctx.session, ctx.now, ctx.user_id, "role.grant" if granting else "role.revoke", user_id, before,
              {"role": member.role, "province_id": member.province_id})
        text = texts.GRANTED if granting else texts.REVOKED
        replies.append(text.format(who=user_id, province=province.name))
    return [Text("\n".join(replies))]
