"""Coordinators' data commands: minimums, staff counts and coordinator rights, each audited."""
from __future__ import annotations

from bot import permissions, texts
from bot.audit import audit
from bot.context import Context, Interpretation, Subject
from bot.ita.calendar import fiscal_year_be
from bot.ita.units import find_unit
from bot.thai import shown_number
from bot.line.cards import unit_choices
from bot.line.replies import Reply, Text
from bot.permissions import PROVINCE_COORDINATOR, UNIT_COORDINATOR
from bot.registry import command
from models import Member, Quota

MAX_QUOTA = 100_000  # as many as a count may be


def quota_unit(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    """The unit the command names; how to write the command when something is missing."""
    if not said.writes_allowed or not said.setting or not said.unit or said.count is None:
        return [Text(texts.QUOTA_HOW)]
    if _value(said.count) is None:
        return [Text(texts.QUOTA_OUT_OF_RANGE.format(raw=shown_number(said.count), most=f"{MAX_QUOTA:,}"))]
    found = find_unit(ctx.session, said.unit, ctx.chat.province_id if ctx.chat else None)
    if found.unit is None:
        ctx.asked_back()
        what = "ตั้งจำนวนบุคลากร" if said.setting == "internal_stakeholders" else f"ตั้งโควตา {said.form}"
        return unit_choices(found.choices, said.unit, lambda u: f"{what} {u.name} {said.count}")
    return Subject(unit=found.unit)


def _value(typed: str | None) -> int | None:
    digits = (typed or "").replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) <= 6 and int(digits) <= MAX_QUOTA else None


@command("set_quota", writes=True, need=UNIT_COORDINATOR, subject=quota_unit, refused=texts.WHAT_SET_QUOTA,
         summary=texts.SUMMARY_SET_QUOTA, example="ตั้งโควตา IIT อบต.บ้านไผ่ 60")
def set_quota(said: Interpretation, ctx: Context) -> list[Reply]:
    field, value = said.setting, _value(said.count)
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


@command("grant", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_GRANT, summary=texts.SUMMARY_GRANT,
         example="เพิ่มผู้ประสานงาน @ชื่อ")
def grant(said: Interpretation, ctx: Context) -> list[Reply]:
    """Make the people mentioned coordinators of this province, or take that back."""
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    granting = said.setting != "revoke"
    targets = list(said.user_ids)
    if not targets or not said.writes_allowed:
        return [Text(texts.GRANT_WHO)]
    replies = []
    for user_id in dict.fromkeys(targets):
        member = ctx.session.get(Member, user_id)
        if not permissions.may_change_role(ctx.sender, member, province.id):
            audit(ctx.session, ctx.now, ctx.user_id, "role.grant" if granting else "role.revoke", user_id,
                  allowed=False)
            replies.append(texts.ROLE_NOT_YOURS.format(who=user_id))
            continue
        if not granting and (member is None or member.role != "coordinator" or member.province_id != province.id):
            replies.append(texts.NOT_A_COORDINATOR.format(who=user_id, province=province.name))
            continue
        before = None if member is None else {"role": member.role, "province_id": member.province_id}
        if member is None:
            member = Member(user_id=user_id, joined_at=ctx.now)
            ctx.session.add(member)
        if granting:
            member.role, member.province_id = "coordinator", province.id
        else:
            member.role = "member"
        audit(ctx.session, ctx.now, ctx.user_id, "role.grant" if granting else "role.revoke", user_id, before,
              {"role": member.role, "province_id": member.province_id})
        text = texts.GRANTED if granting else texts.REVOKED
        replies.append(text.format(who=user_id, province=province.name))
    return [Text("\n".join(replies))]
