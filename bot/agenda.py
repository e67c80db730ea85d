"""Which calendar steps matter on a given day: the cycle that covers it, the steps open
now and the next ones, with each province's own deadline beside the NACC's."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, time

import sqlalchemy as sa
from sqlalchemy import orm

from models import Calendar

UPCOMING = 3  # how many next steps an answer lists


@dataclass(frozen=True)
class StepView:
    key: str
    title: str
    short: str
    start: date
    end: date
    end_time: time | None
    forms: frozenset[str]
    actor: str
    province: str | None  # None for the NACC's own steps
    nacc_step: str | None
    source: str

    def is_open(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Entry:
    """A step and, beside it, the province's own earlier deadlines for it."""

    step: StepView
    overlays: list[StepView] = field(default_factory=list)

    @property
    def start(self) -> date:
        return min(s.start for s in self.all)

    @property
    def end(self) -> date:
        return max(s.end for s in self.all)

    @property
    def all(self) -> list[StepView]:
        return [self.step, *self.overlays]

    def concerns(self, forms: tuple[str, ...]) -> bool:
        return not forms or any(s.forms & set(forms) for s in self.all)


@dataclass(frozen=True)
class Agenda:
    year: int
    today: date
    open: list[Entry]
    upcoming: list[Entry]
    sources: list[str]


@dataclass(frozen=True)
class NoCalendar:
    """No loaded cycle covers the day: say which was the latest and which year is missing."""

    today: date
    latest_year: int | None
    latest_span: tuple[date, date] | None
    missing_year: int


def fiscal_year_be(day: date) -> int:
    """Thai fiscal years start on 1 October: 22 Nov 2569 BE belongs to fiscal 2570."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


class CalendarCache:
    """Steps by province, kept in memory until a calendar is loaded or replaced.

    Every deadline question needs them; one cheap query for the calendars' ids and
    checksums tells whether the copy is still right, even across processes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple = ()
        self._cycles: dict[int | None, dict[int, list[StepView]]] = {}

    def cycles(self, session: orm.Session, province_id: int | None) -> dict[int, list[StepView]]:
        version = tuple(session.execute(sa.select(Calendar.id, Calendar.checksum).order_by(Calendar.id)))
        with self._lock:
            if version != self._version:
                self._version, self._cycles = version, {}
            cached = self._cycles.get(province_id)
        if cached is None:
            cached = load_cycles(session, province_id)
            with self._lock:
                if version == self._version:
                    self._cycles[province_id] = cached
        return cached


def load_cycles(session: orm.Session, province_id: int | None) -> dict[int, list[StepView]]:
    """All loaded steps a chat of this province sees, by fiscal year."""
    query = (
        sa.select(Calendar)
        .where(sa.or_(Calendar.scope == "nacc", Calendar.province_id == province_id))
        .options(orm.selectinload(Calendar.steps), orm.joinedload(Calendar.province))
    )
    cycles: dict[int, list[StepView]] = {}
    for calendar in session.scalars(query):
        province = calendar.province.name if calendar.province else None
        cycles.setdefault(calendar.year, []).extend(
            StepView(s.key, s.title, s.short, s.start_date, s.end_date, s.end_time, s.form_set,
                     s.actor, province, s.nacc_step, calendar.source)
            for s in calendar.steps
        )
    return cycles


def agenda_for(cycles: dict[int, list[StepView]], today: date, forms: tuple[str, ...] = ()) -> Agenda | NoCalendar:
    year = _covering_year(cycles, today)
    if year is None:
        latest = max(cycles, default=None)
        span = _span(cycles[latest]) if latest is not None else None
        return NoCalendar(today, latest, span, max(fiscal_year_be(today), (latest or 0) + 1))
    entries = [e for e in _entries(cycles[year]) if e.concerns(forms)]
    open_now = sorted((e for e in entries if e.start <= today <= e.end), key=lambda e: (e.step.end, e.start))
    upcoming = sorted((e for e in entries if e.start > today), key=lambda e: (e.start, e.step.end))
    sources = sorted({s.source for e in open_now + upcoming[:UPCOMING] for s in e.all if s.source})
    return Agenda(year, today, open_now, upcoming[:UPCOMING], sources)


def _covering_year(cycles: dict[int, list[StepView]], today: date) -> int | None:
    """The cycle whose span holds today, else the soonest one still to come."""
    spans = {year: _span(steps) for year, steps in cycles.items() if steps}
    current = [y for y, (start, end) in spans.items() if start <= today <= end]
    if current:
        return max(current)
    future = [y for y, (start, _) in spans.items() if start > today]
    return min(future, default=None)


def _span(steps: list[StepView]) -> tuple[date, date]:
    # A year's span is the NACC's when there is one: a province's seminar in September
    # does not keep a finished cycle open.
    national = [s for s in steps if s.province is None] or steps
    return min(s.start for s in national), max(s.end for s in national)


def _entries(steps: list[StepView]) -> list[Entry]:
    national = {s.key: Entry(s) for s in steps if s.province is None}
    entries = list(national.values())
    for step in steps:
        if step.province is None:
            continue
        if step.nacc_step in national:
            national[step.nacc_step].overlays.append(step)
        else:
            entries.append(Entry(step))
    return entries
