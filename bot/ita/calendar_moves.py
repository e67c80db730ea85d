"""Moving a deadline mid-cycle ("เลื่อน OIT ถึง 15 พ.ค. 2568"): which steps a message means, the
proposal its author confirms, and the move itself, stored once with its history.

Superadmins move the NACC's steps; a coordinator moves only their own province's deadline for a
step (made for the move when the province had none), and never past the NACC's.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar import Cycle, Entry
from bot.ita.calendar_changes import Refused, record, restamp, step_fields
from bot.thai import thai_date, thai_date_range
from models import Calendar, CalendarProposal, Province
from models import Step as StepRow

# The step a form's deadline means when no step is named: where units collect or answer it.
MAIN_STEP = {"IIT": "iit-collect", "EIT": "eit1-collect", "OIT": "oit-answer"}


class MoveRefused(Refused):
    reasons = texts.MOVE_REFUSED


@dataclass(frozen=True)
class StepMove:
    """One step's dates, before and after: `before` is None for a step added (a province deadline
    made by a move, a step of a file), `after` None for a step a file removes."""

    calendar_key: str
    step_key: str
    short: str
    province: str | None  # None: the NACC's step
    before: tuple[date, date] | None
    after: tuple[date, date] | None
    nacc_step: str | None = None

    def to_json(self) -> dict:
        fields = asdict(self)
        fields["before"] = [d.isoformat() for d in self.before] if self.before else None
        fields["after"] = [d.isoformat() for d in self.after] if self.after else None
        return fields

    @classmethod
    def from_json(cls, fields: dict) -> "StepMove":
        before = tuple(map(date.fromisoformat, fields["before"])) if fields["before"] else None
        after = tuple(map(date.fromisoformat, fields["after"])) if fields["after"] else None
        return cls(**{**fields, "before": before, "after": after})


def in_cycle(day: date, year: int) -> date:
    """A date named without thinking of the year lands in the cycle's fiscal year (1 Oct – 30 Sep)."""
    first, last = date(year - 544, 10, 1), date(year - 543, 9, 30)
    for shift in (0, -1, 1):
        try:
            moved = day.replace(year=day.year + shift)
        except ValueError:
            continue
        if first <= moved <= last:
            return moved
    return day


def moves_for(cycle: Cycle, step: str | None, forms: tuple[str, ...], day: date | None,
              period: tuple[date, date] | None, province: str | None, today: date) -> list[StepMove]:
    """The steps a move names, each with its new dates; `province` None moves the NACC's steps."""
    entries = _entries(cycle, step, forms, today)
    if not entries:
        raise MoveRefused("no_step", year=cycle.year)
    moves = [_move(cycle, entry, day, period, province, today) for entry in entries]
    return list({(m.calendar_key, m.step_key): m for m in moves}.values())


def _entries(cycle: Cycle, step: str | None, forms: tuple[str, ...], today: date) -> list[Entry]:
    if step:
        entry = cycle.entry(step)
        return [entry] if entry is not None else []
    found = [cycle.entry(MAIN_STEP[form]) for form in forms if form in MAIN_STEP]
    return [entry for entry in found if entry is not None]


def _move(cycle: Cycle, entry: Entry, day: date | None, period: tuple[date, date] | None,
          province: str | None, today: date) -> StepMove:
    nacc = entry.step
    if province is None:
        if nacc.province is not None:
            raise MoveRefused("not_a_nacc_step", step=nacc.short)
        target, key = nacc, f"{cycle.year}/nacc"
    else:
        own = [s for s in entry.all if s.province == province and s.actor == "unit"]
        target, key = (own[0] if own else None), f"{cycle.year}/province/{province}"
    start = target.start if target is not None else nacc.start
    after = (in_cycle(period[0], cycle.year), in_cycle(period[1], cycle.year)) if period else (start, in_cycle(day, cycle.year))
    if after[1] < after[0]:
        raise MoveRefused("ends_before_start", step=nacc.short, start=_d(after[0]), end=_d(after[1]))
    if after[1] < today:
        raise MoveRefused("in_the_past", step=nacc.short, end=_d(after[1]))
    if province is not None and nacc.province is None and after[1] > nacc.end:
        raise MoveRefused("past_the_naccs", step=nacc.short, end=_d(nacc.end))
    before = (target.start, target.end) if target is not None else None
    if before == after:
        raise MoveRefused("unchanged", step=nacc.short, dates=_range(after))
    return StepMove(key, target.key if target is not None else nacc.key, nacc.short, province, before, after,
                    None if target is not None or province is None else nacc.key)


def _d(day: date) -> str:
    return thai_date(day)


def _range(span: tuple[date, date]) -> str:
    return thai_date_range(*span)


# -- the change itself ---------------------------------------------------------------------------
def proposed(proposal: CalendarProposal) -> list[StepMove]:
    return [StepMove.from_json(fields) for fields in json.loads(proposal.changes)]


def apply(session: orm.Session, moves: list[StepMove], now: datetime, actor: str | None) -> list[Calendar]:
    """Store the moves, each in the year's history; the calendars changed."""
    changed: dict[str, Calendar] = {}
    for move in moves:
        calendar = changed.get(move.calendar_key) or _calendar(session, move, now)
        changed[calendar.key] = calendar
        row = next((s for s in calendar.steps if s.key == move.step_key), None)
        before = step_fields(row) if row is not None else None
        if row is None:
            row = _new_deadline(calendar, move, session)
        row.start_date, row.end_date = move.after
        session.flush()
        record(session, now, actor, "move", calendar, move.step_key, before, step_fields(row))
    for calendar in changed.values():
        restamp(calendar, now)
    return list(changed.values())


def _calendar(session: orm.Session, move: StepMove, now: datetime) -> Calendar:
    """The calendar a move changes; a province with no overlay for the year gets one."""
    calendar = session.scalar(sa.select(Calendar).where(Calendar.key == move.calendar_key))
    if calendar is not None:
        return calendar
    year = int(move.calendar_key.split("/")[0])
    province = session.scalar(sa.select(Province).where(Province.name == move.province))
    estimated = session.scalar(sa.select(Calendar.estimated_from).where(Calendar.key == f"{year}/nacc"))
    calendar = Calendar(key=move.calendar_key, year=year, scope="province", province=province,
                        title=texts.OVERLAY_TITLE.format(year=year, province=move.province),
                        source=texts.OVERLAY_SOURCE, file_name="chat", checksum="", loaded_at=now,
                        estimated_from=estimated, reminders_on=estimated is None)
    session.add(calendar)
    return calendar


def _new_deadline(calendar: Calendar, move: StepMove, session: orm.Session) -> StepRow:
    """A province's own deadline for a NACC step, made by a coordinator's move: the step's names, the
    province's dates."""
    nacc = session.scalar(sa.select(StepRow).join(Calendar).where(
        Calendar.key == f"{calendar.year}/nacc", StepRow.key == move.nacc_step))
    row = StepRow(key=move.step_key, title=nacc.title, short=nacc.short, start_date=move.after[0],
                  end_date=move.after[1], end_time=nacc.end_time, forms=nacc.forms, actor="unit",
                  source=texts.OVERLAY_SOURCE, nacc_step=move.nacc_step, note=None, words="")
    calendar.steps.append(row)
    return row
