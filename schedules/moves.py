"""What a moved deadline does to reminders: those that go, come or are due at once for the
preview, and on confirm, none left waiting for the old date and a notice to every chat told.

Reminders are planned from the stored calendar at each pass, so the new dates' reminders come
by themselves (one due today goes out at the next pass); this module only clears the old ones
still waiting in the ledger and tells the chats.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar import Cycle
from bot.ita.calendar_moves import StepMove
from bot.thai import thai_date_range
from models import Chat, Delivery, Province, Unit
from models.reminder import WAITING
from schedules.notices import leave_notice
from schedules.plan import Reminder, Rules, deadline_reminders


@dataclass(frozen=True)
class Effect:
    """What a proposal does to reminders and who is told, for its preview."""

    cancelled: tuple[Reminder, ...]
    added: tuple[Reminder, ...]
    due_now: tuple[Reminder, ...]  # added reminders whose day is today: the next pass sends them
    chats: tuple[str, ...]
    cost: int  # messages of the month's quota the notice takes if pushed (a group: its members)


def effect(session: orm.Session, cycle: Cycle, moves: list[StepMove], rule: Rules, now: datetime) -> Effect:
    cancelled, added = [], []
    for move in moves:
        entry = cycle.entry(move.step_key)
        old = next((s for s in entry.all if s.key == move.step_key and s.province == move.province), None)
        new = replace(old or entry.step, province=move.province, start=move.after[0], end=move.after[1])
        before = {r.key: r for r in deadline_reminders([old], rule) if r.due_at >= _today_start(now)} if old else {}
        after = {r.key: r for r in deadline_reminders([new], rule) if r.due_at >= _today_start(now)}
        cancelled += [r for key, r in before.items() if key not in after]
        added += [r for key, r in after.items() if key not in before]
    chats = told(session, {m.province for m in moves})
    cost = sum(count for _, count in chats)
    due_now = tuple(r for r in added if r.due_at.date() == now.date())
    return Effect(tuple(cancelled), tuple(added), due_now, tuple(c for c, _ in chats), cost)


def _today_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def told(session: orm.Session, provinces: set[str | None]) -> list[tuple[str, int]]:
    """The chats a change of these provinces' deadlines (None: the NACC's, so every province's)
    concerns, each with what a push there costs."""
    query = (sa.select(Chat.id, Chat.kind, Chat.member_count)
             .outerjoin(Unit, Unit.id == Chat.unit_id)
             .outerjoin(Province, Province.id == sa.func.coalesce(Unit.province_id, Chat.province_id))
             .where(Chat.active, Chat.reminders_on, Province.id.is_not(None)).order_by(Chat.id))
    if None not in provinces:
        query = query.where(Province.name.in_(provinces))
    return [(chat_id, 1 if kind == "user" else (members or 1)) for chat_id, kind, members in session.execute(query)]


def after_move(session: orm.Session, proposal_id: int, moves: list[StepMove], now: datetime) -> tuple[int, int]:
    """Drop the old dates' reminders still waiting and leave the notice for every chat told;
    how many waiting reminders were dropped, and how many chats are told."""
    dropped = 0
    for move in moves:
        # Reminder keys carry the deadline: only a new end (or none) leaves the old ones orphaned.
        if move.before is not None and (move.after is None or move.after[1] != move.before[1]):
            scope = move.province or "nacc"
            prefix = f"deadline:{scope}:{move.step_key}:{move.before[1].isoformat()}:"
            dropped += session.execute(
                sa.update(Delivery).where(Delivery.status.in_(WAITING), Delivery.reminder_key.startswith(prefix))
                .values(status="dropped", reason="moved")).rowcount
    lines = [texts.CALENDAR_CHANGED_LINE.format(step=m.short, province=texts.OF_PROVINCE.format(province=m.province)
                                                if m.province else "",
                                                before=thai_date_range(*m.before) if m.before else "-",
                                                after=thai_date_range(*m.after) if m.after
                                                else texts.CALENDAR_REMOVED) for m in moves]
    chats = [chat_id for chat_id, _ in told(session, {m.province for m in moves})]
    if chats:
        leave_notice(session, chats, f"calendar-moved:{proposal_id}", "\n".join([texts.CALENDAR_CHANGED, *lines]), now)
    return dropped, len(chats)
