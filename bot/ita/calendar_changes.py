"""The history of a year's calendar: every change kept with who made it, when, and the step
before and after; and the stamp that tells the calendar cache (and `itabot init`) that a stored
calendar is no longer the file it was loaded from."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot.audit import audit
from bot.thai import storable_json
from models import Calendar, CalendarChange
from models import Step as StepRow


class Refused(Exception):
    """Why a change of the calendar cannot be made: `reason` is a key of the subclass's `reasons`,
    the Thai reasons a person is given; nothing was changed."""

    reasons: dict[str, str] = {}

    def __init__(self, reason: str, **values: object):
        self.reason, self.values = reason, values
        super().__init__(reason)

    @property
    def thai(self) -> str:
        return self.reasons[self.reason].format(**self.values)


def step_fields(step: StepRow) -> dict:
    """What a change keeps of a step: enough to show it and to put it back."""
    return {"key": step.key, "short": step.short, "start": step.start_date.isoformat(),
            "end": step.end_date.isoformat(), "end_time": step.end_time.strftime("%H:%M") if step.end_time else None,
            "forms": step.forms}


def restamp(calendar: Calendar, now: datetime) -> None:
    """A calendar changed in place: a new checksum of what it now holds (so every process's cache
    reloads it) and the time, so that `itabot init` keeps it rather than reloading its old file."""
    content = [(s.key, s.title, s.short, s.start_date.isoformat(), s.end_date.isoformat(),
                s.end_time.isoformat() if s.end_time else None, s.forms, s.actor, s.nacc_step, s.note, s.words)
               for s in sorted(calendar.steps, key=lambda s: s.key)]
    stamp = json.dumps([calendar.key, calendar.estimated_from, content], ensure_ascii=False)
    calendar.checksum = hashlib.sha256(stamp.encode()).hexdigest()
    calendar.edited_at = now


def record(session: orm.Session, now: datetime, actor: str | None, kind: str, calendar: Calendar,
           step_key: str | None = None, before: object = None, after: object = None) -> None:
    """Keep one change in the year's history and in the audit log."""
    actor = actor or "unknown"
    session.add(CalendarChange(year=calendar.year, calendar_key=calendar.key, step_key=step_key, kind=kind, at=now,
                               actor=actor, before=None if before is None else storable_json(before),
                               after=None if after is None else storable_json(after)))
    target = calendar.key + (f"#{step_key}" if step_key else "")
    audit(session, now, actor, f"calendar.{kind}", target, before, after)


def history(session: orm.Session, year: int, limit: int = 30) -> list[CalendarChange]:
    """The year's changes, the newest first."""
    return list(session.scalars(sa.select(CalendarChange).where(CalendarChange.year == year)
                                .order_by(CalendarChange.at.desc(), CalendarChange.id.desc()).limit(limit)))
