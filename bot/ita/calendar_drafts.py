"""Next year's calendar before the NACC announces it: a draft carried from the latest year's
(the NACC's steps and every province's overlay, on the same day and month), and whether the
reminder pass may read it.

The draft is an estimate and says so in every answer drawn from it; the NACC's own calendar,
sent as a file, replaces it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from pythainlp.util import arabic_digit_to_thai_digit
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar_changes import Refused, record, restamp
from models import Calendar
from models import Step as StepRow


class DraftRefused(Refused):
    reasons = texts.DRAFT_REFUSED


@dataclass(frozen=True)
class Draft:
    year: int
    from_year: int
    calendars: tuple[str, ...]  # the keys made, the NACC's first
    steps: int


def carried(day: date, years: int) -> date:
    """The same day and month `years` later; 29 February becomes the 28th in a year without one."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_year(session: orm.Session, before: int) -> int | None:
    """The latest year before `before` that has a NACC calendar."""
    return session.scalar(sa.select(sa.func.max(Calendar.year)).where(Calendar.scope == "nacc",
                                                                       Calendar.year < before))


def draft_year(session: orm.Session, year: int, from_year: int | None, now: datetime, actor: str | None) -> Draft:
    """Store `year`'s draft, carried from `from_year` (the latest year when None); DraftRefused if
    that year has a calendar already, or there is nothing to carry."""
    from_year = from_year or latest_year(session, year)
    if from_year is None:
        raise DraftRefused("nothing_to_carry", year=year)
    if from_year >= year:
        raise DraftRefused("not_later", year=year, from_year=from_year)
    if session.scalar(sa.select(sa.func.count()).select_from(Calendar).where(Calendar.year == year)):
        raise DraftRefused("exists", year=year)
    sources = session.scalars(sa.select(Calendar).where(Calendar.year == from_year)
                              .options(orm.selectinload(Calendar.steps))
                              .order_by(Calendar.scope, Calendar.key)).all()
    if not any(c.scope == "nacc" for c in sources):
        raise DraftRefused("no_nacc", year=year, from_year=from_year)
    made = [_carry(session, source, year, now, actor) for source in sources]
    return Draft(year, from_year, tuple(c.key for c in made), sum(len(c.steps) for c in made))


def _carry(session: orm.Session, source: Calendar, year: int, now: datetime, actor: str | None) -> Calendar:
    years = year - source.year
    estimated_from = source.estimated_from or source.year
    draft = Calendar(
        key=source.key.replace(f"{source.year}/", f"{year}/", 1), year=year, scope=source.scope,
        province_id=source.province_id, title=texts.DRAFT_TITLE.format(title=_renamed(source.title, source.year, year),
                                                                         from_year=estimated_from),
        source=texts.DRAFT_SOURCE.format(key=source.key), file_name=f"draft:{source.key}"[:200], checksum="",
        loaded_at=now, estimated_from=estimated_from, reminders_on=False,
        steps=[StepRow(key=s.key, title=_renamed(s.title, source.year, year), short=_renamed(s.short, source.year, year),
                       start_date=carried(s.start_date, years), end_date=carried(s.end_date, years),
                       end_time=s.end_time, forms=s.forms, actor=s.actor, source=s.source, nacc_step=s.nacc_step,
                       note=s.note, words=s.words) for s in source.steps],
    )
    restamp(draft, now)
    session.add(draft)
    record(session, now, actor, "draft", draft, after={"from": source.key, "steps": len(draft.steps)})
    return draft


def _renamed(text: str, old: int, new: int) -> str:
    """A title that names its year names the new one, in the digits it was written in."""
    return (text.replace(str(old), str(new))
            .replace(arabic_digit_to_thai_digit(str(old)), arabic_digit_to_thai_digit(str(new))))


def switch_reminders(session: orm.Session, year: int, on: bool, now: datetime, actor: str | None) -> int:
    """Let the reminder pass read `year`'s draft, or stop it; how many calendars changed."""
    drafts = session.scalars(sa.select(Calendar).where(Calendar.year == year, Calendar.estimated_from.is_not(None))
                             .order_by(Calendar.key)).all()
    if not drafts:
        raise DraftRefused("no_draft", year=year)
    changed = [c for c in drafts if c.reminders_on != on]
    for calendar in changed:
        calendar.reminders_on = on
        record(session, now, actor, "reminders", calendar, before={"reminders_on": not on}, after={"reminders_on": on})
    return len(changed)
