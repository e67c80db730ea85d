"""Coordinators let people and groups join units: "รหัสเข้าร่วม อบต.บ้านไผ่" issues a join code,
"คำขอเข้าร่วม" lists the requests waiting, each approved or rejected with a button."""
from __future__ import annotations

import re

from bot import texts
from bot.context import Context, Interpretation, Subject
from bot.ita import joining
from bot.ita.units import find_unit
from bot.line.cards import unit_choices
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import PROVINCE_COORDINATOR, UNIT_COORDINATOR
from bot.registry import command, on_postback
from bot.thai import thai_date
from models import JoinRequest
from schedules.notices import leave_notice

SHOWN = 6  # two buttons each, within LINE's 13 quick replies
_REQUEST_ID = re.compile(r"^\d{1,9}$")


def code_unit(said: Interpretation, ctx: Context) -> Subject | list[Reply]:
    if not said.unit:
        return [Text(texts.JOIN_CODE_HOW)]
    found = find_unit(ctx.session, said.unit, ctx.chat.province_id)
    if found.unit is None:
        ctx.asked_back()
        return unit_choices(found.choices, said.unit, lambda u: f"รหัสเข้าร่วม {u.name}")
    return Subject(unit=found.unit)


@command("join_code", writes=True, need=UNIT_COORDINATOR, subject=code_unit, refused=texts.WHAT_JOIN_CODE,
         summary=texts.SUMMARY_JOIN_CODE, example="รหัสเข้าร่วม อบต.บ้านไผ่")
def join_code(said: Interpretation, ctx: Context) -> list[Reply]:
    unit = ctx.subject.unit
    code, expires = joining.issue_code(ctx.session, unit, ctx.user_id, ctx.now)
    return [Text(texts.JOIN_CODE_ISSUED.format(unit=unit.name, code=code, until=thai_date(expires.date())))]


@command("join_requests", need=PROVINCE_COORDINATOR, refused=texts.WHAT_JOIN_REQUESTS,
         summary=texts.SUMMARY_JOIN_REQUESTS, example="คำขอเข้าร่วม")
def join_requests(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    waiting = joining.pending(ctx.session, province.id, SHOWN)
    if not waiting:
        return [Text(texts.JOIN_REQUESTS_NONE.format(province=province.name))]
    lines = [texts.JOIN_REQUESTS_TITLE.format(province=province.name, count=len(waiting))]
    buttons = []
    for number, asked in enumerate(waiting, 1):
        lines.append(texts.JOIN_REQUEST_LINE.format(number=number, who=_who(asked), unit=asked.unit.name,
                                                    when=thai_date(asked.requested_at.date())))
        buttons += [QuickReply(texts.JOIN_APPROVE_BUTTON.format(number=number), f"approve-join:{asked.id}", postback=True),
                    QuickReply(texts.JOIN_REJECT_BUTTON.format(number=number), f"reject-join:{asked.id}", postback=True)]
    return [Text("\n".join(lines), tuple(buttons))]


def request_unit(data: str, ctx: Context) -> Subject | list[Reply]:
    """The unit a request asks to join: who may decide it is that unit's coordinators."""
    asked = ctx.session.get(JoinRequest, int(data)) if _REQUEST_ID.match(data) else None
    if asked is None:
        return []  # not a button of ours
    return Subject(unit=asked.unit)


@on_postback("approve-join", writes=True, need=UNIT_COORDINATOR, subject=request_unit, refused=texts.WHAT_JOIN_REQUESTS)
def approve(data: str, ctx: Context) -> list[Reply]:
    return _decide(data, ctx, approve=True)


@on_postback("reject-join", writes=True, need=UNIT_COORDINATOR, subject=request_unit, refused=texts.WHAT_JOIN_REQUESTS)
def reject(data: str, ctx: Context) -> list[Reply]:
    return _decide(data, ctx, approve=False)


def _decide(data: str, ctx: Context, approve: bool) -> list[Reply]:
    asked = ctx.session.get(JoinRequest, int(data))
    if not joining.decide(ctx.session, asked, approve, ctx.user_id, ctx.now):
        return [Text(texts.JOIN_ALREADY_DECIDED)]
    told = texts.JOIN_NOTICE_APPROVED if approve else texts.JOIN_NOTICE_REJECTED
    leave_notice(ctx.session, [asked.chat_id], f"join:{asked.id}:decided", told.format(unit=asked.unit.name), ctx.now)
    done = texts.JOIN_APPROVED if approve else texts.JOIN_REJECTED
    return [Text(done.format(who=_who(asked), unit=asked.unit.name))]


def _who(asked: JoinRequest) -> str:
    if asked.chat_id == asked.user_id:
        return texts.JOIN_WHO_PERSON.format(user=_short(asked.user_id))
    return texts.JOIN_WHO_GROUP.format(chat=_short(asked.chat_id))


def _short(line_id: str | None) -> str:
    return f"{line_id[:5]}…{line_id[-4:]}" if line_id and len(line_id) > 12 else (line_id or "-")
