"""A deadline moved mid-cycle ("เลื่อน OIT ถึง 15 พ.ค. 2568", "ขยายเวลา IIT EIT ถึง 31 ก.ค."): a preview of
the dates, the reminders and the chats told, stored only by its confirm button; and the year's
history of changes ("ประวัติปฏิทิน")."""
from __future__ import annotations

import json
import re
from datetime import date

from bot import permissions, texts
from bot.context import Context, Interpretation
from bot.ita.calendar import covering
from bot.ita.calendar_changes import history
from bot.ita.calendar_moves import MoveRefused, StepMove, apply, moves_for, proposed
from bot.ita.calendar_uploads import from_json, store_upload
from bot.ita.proposals import calendar_base, decide, propose
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command, on_postback
from bot.thai import be_year_in, thai_date, thai_date_range
from models import CalendarProposal
from schedules.inputs import load_rules
from schedules.moves import Effect, after_move, effect
from schedules.plan import Rules

_PROPOSAL = re.compile(r"^\d{1,9}$")
DAYS_SHOWN = 6


@command("calendar_move", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_CALENDAR_MOVE,
         summary=texts.SUMMARY_CALENDAR_MOVE, example="เลื่อน OIT ถึง 15 พ.ค. 2568")
def calendar_move(said: Interpretation, ctx: Context) -> list[Reply]:
    if not said.writes_allowed or not (said.date or said.period):
        return [Text(texts.MOVE_HOW)]
    naccs = permissions.changes_naccs_calendar(ctx.sender)
    province = None if naccs else ctx.subject.province
    if not naccs and province is None:
        return [Text(texts.NO_PROVINCE)]
    cycle = covering(ctx.cycles(province.id if province else None), ctx.today)
    if cycle is None:
        return [Text(texts.MOVE_NO_CYCLE)]
    try:
        moves = moves_for(cycle, said.step, said.forms, said.date, said.period, province.name if province else None,
                          ctx.today)
    except MoveRefused as refused:
        return [Text(refused.thai)]
    rules = load_rules(ctx.session)
    rule = (rules.get(province.name) if province else None) or rules.get(None) or Rules()
    preview = effect(ctx.session, cycle, moves, rule, ctx.now)
    proposal = propose(ctx.session, "move", cycle.year, [m.to_json() for m in moves],
                       calendar_base(ctx.session, cycle.year), ctx.user_id, ctx.chat.id if ctx.chat else None, ctx.now)
    buttons = (QuickReply(texts.BUTTON_CONFIRM, f"calendar-confirm:{proposal.id}", postback=True),
               QuickReply(texts.BUTTON_CANCEL, f"calendar-cancel:{proposal.id}", postback=True))
    return [Text(preview_text(cycle.year, moves, preview), buttons)]


def preview_text(year: int, moves: list[StepMove], preview: Effect) -> str:
    lines = [texts.MOVE_PREVIEW_TITLE.format(year=year), *steps_text(moves), ""]
    if preview.cancelled:
        lines.append(texts.MOVE_PREVIEW_CANCELLED.format(count=len(preview.cancelled), days=_days(preview.cancelled)))
    if preview.added:
        lines.append(texts.MOVE_PREVIEW_ADDED.format(count=len(preview.added), days=_days(preview.added)))
    if preview.due_now:
        lines.append(texts.MOVE_PREVIEW_DUE_NOW.format(count=len(preview.due_now)))
    lines.append(texts.MOVE_PREVIEW_TOLD.format(chats=len(preview.chats), cost=f"{preview.cost:,}") if preview.chats
                 else texts.MOVE_PREVIEW_TOLD_NONE)
    lines += ["", texts.MOVE_PREVIEW_CONFIRM]
    return "\n".join(lines)


def steps_text(moves: list[StepMove]) -> list[str]:
    return [texts.MOVE_PREVIEW_STEP.format(
        step=m.short, province=texts.OF_PROVINCE.format(province=m.province) if m.province else "",
        before=thai_date_range(*m.before) if m.before else texts.MOVE_NEW_DEADLINE, after=thai_date_range(*m.after))
        for m in moves]


def _days(reminders) -> str:
    days = sorted({r.due_at.date() for r in reminders})
    shown = ", ".join(thai_date(d) for d in days[:DAYS_SHOWN])
    return shown + (" …" if len(days) > DAYS_SHOWN else "")


def _proposal(data: str, ctx: Context) -> CalendarProposal | None:
    """The calendar proposal a button names (a units file's has buttons of its own)."""
    found = ctx.session.get(CalendarProposal, int(data)) if _PROPOSAL.match(data) else None
    return found if found is not None and found.kind in ("move", "file") else None


@on_postback("calendar-confirm", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_CALENDAR_MOVE)
def confirm(data: str, ctx: Context) -> list[Reply]:
    """Store what a preview showed: a deadline moved, or a calendar sent as a file."""
    proposal = _proposal(data, ctx)
    outcome = decide(ctx.session, proposal, ctx.user_id, True, ctx.now, _base(ctx, proposal))
    if outcome == "stale" and proposal.kind == "file":
        return [Text(texts.FILE_STALE)]
    if outcome != "applied":
        return [Text(_UNCHANGED[outcome])]
    if proposal.kind == "file":
        upload = from_json(json.loads(proposal.changes))
        store_upload(ctx.session, upload, ctx.now, ctx.user_id)
        dropped, told = after_move(ctx.session, proposal.id, upload.told, ctx.now) if upload.told else (0, 0)
        return [Text(texts.FILE_DONE.format(file=upload.spec.file_name, added=len(upload.of_kind("added")),
                                            changed=len(upload.of_kind("changed")),
                                            removed=len(upload.of_kind("removed")), dropped=dropped, chats=told))]
    moves = proposed(proposal)
    apply(ctx.session, moves, ctx.now, ctx.user_id)
    dropped, told = after_move(ctx.session, proposal.id, moves, ctx.now)
    return [Text(texts.MOVE_DONE.format(steps="\n".join(steps_text(moves)), dropped=dropped, chats=told))]


def _base(ctx: Context, proposal: CalendarProposal | None) -> dict | None:
    return calendar_base(ctx.session, proposal.year) if proposal is not None else None


@on_postback("calendar-cancel", need=PROVINCE_COORDINATOR, refused=texts.WHAT_CALENDAR_MOVE)
def cancel(data: str, ctx: Context) -> list[Reply]:
    proposal = _proposal(data, ctx)
    outcome = decide(ctx.session, proposal, ctx.user_id, False, ctx.now, _base(ctx, proposal))
    return [Text(texts.MOVE_CANCELLED if outcome == "cancelled" else _UNCHANGED[outcome])]


_UNCHANGED = {"stale": texts.MOVE_STALE, "decided": texts.MOVE_DECIDED, "not_yours": texts.MOVE_NOT_YOURS}


@command("calendar_history", need=PROVINCE_COORDINATOR, refused=texts.WHAT_CALENDAR_HISTORY,
         summary=texts.SUMMARY_CALENDAR_HISTORY, example="ประวัติปฏิทิน")
def calendar_history(said: Interpretation, ctx: Context) -> list[Reply]:
    cycle = covering(ctx.cycles(ctx.own_province_id), ctx.today)
    year = be_year_in(said.text) or (cycle.year if cycle else None)
    changes = history(ctx.session, year) if year else []
    if not changes:
        return [Text(texts.HISTORY_NONE.format(year=year or "-"))]
    lines = [texts.HISTORY_TITLE.format(year=year)]
    for change in changes:
        what = change.calendar_key.split("/", 1)[1].replace("province/", "จ.")
        if change.kind in ("move", "add", "remove"):
            after = json.loads(change.after or change.before)
            what += f" {after['short']}: {thai_date_range(date.fromisoformat(after['start']), date.fromisoformat(after['end']))}"
        lines.append(texts.HISTORY_LINE.format(at=f"{thai_date(change.at.date())} {change.at:%H:%M}",
                                               kind=texts.HISTORY_KIND[change.kind], what=what, who=change.actor))
    return [Text("\n".join(lines))]
