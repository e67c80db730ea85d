"""The ITA calendar as a province sees it: the NACC's steps with the province's own deadlines
beside them, and which of them are open, next or ending on a given day.

Deadline answers, reports' collection windows and the reminder plan all read it here, so
the rule that puts a province's earlier deadline beside (or before) the NACC's is written once.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from bot.lookup import Glossary
from bot.thai import be_year_in, compact
from models import Calendar

UPCOMING = 3  # how many next steps an answer lists
# The NACC calendar's steps in which units collect responses (see docs/calendar-format.md).
COLLECTION_STEPS = {"IIT": "iit-collect", "EIT": "eit1-collect"}
# The step a form's own deadline is asked of ("OIT ปิดวันไหน"): units collect, or answer OIT.
FORM_STEPS = {**COLLECTION_STEPS, "OIT": "oit-answer", "EIT2": "eit2-collect"}


def fiscal_year_be(day: date) -> int:
    """Thai fiscal years start on 1 October: 22 Nov 2569 BE belongs to fiscal 2570."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


def year_asked(text: str, today: date) -> int:
    """The fiscal year a message asks about ("สถานะ ปี 2568", "สรุป 2568"): one it names, from the
    first years the bot could hold to next year; else the current one. Never a mix of years."""
    current = fiscal_year_be(today)
    named = be_year_in(text)
    return named if named is not None and 2550 <= named <= current + 1 else current


@dataclass(frozen=True)
class Step:
    """A dated step, outside the database: read from a calendar file or loaded for an answer."""

    key: str
    title: str
    short: str
    start: date
    end: date
    end_time: time | None
    forms: tuple[str, ...]  # a subset of IIT, EIT, OIT in that order
    actor: str  # who acts: unit, province or nacc
    province: str | None = None  # None for the NACC's own steps
    nacc_step: str | None = None  # a province's step: the NACC step it comes before
    source: str = ""
    note: str | None = None
    words: tuple[str, ...] = ()  # how people name it: "ลงทะเบียน ITAS", "ประกาศผล"
    estimated_from: int | None = None  # a draft's step: the year its dates were carried from

    def is_open(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def part(self) -> int | None:
        """EIT's part the step is about, when its title says ("ส่วนที่ 2")."""
        named = [n for n in (1, 2) if f"ส่วนที่ {n}" in f"{self.title} {self.short}"]
        return named[0] if len(named) == 1 else None

    def timing(self, day: date) -> tuple[str, int]:
        """Where `day` stands: ("before", days to the start), ("open", days left),
        ("last day", 0) or ("passed", days since the end)."""
        if day < self.start:
            return "before", (self.start - day).days
        if day > self.end:
            return "passed", (day - self.end).days
        if day == self.end:
            return "last day", 0
        return "open", (self.end - day).days


@dataclass(frozen=True)
class Entry:
    """A step and, beside it, the province's own deadlines for it."""

    step: Step
    overlays: tuple[Step, ...] = ()

    @property
    def all(self) -> tuple[Step, ...]:
        return (self.step, *self.overlays)

    @property
    def start(self) -> date:
        return min(s.start for s in self.all)

    @property
    def end(self) -> date:
        return max(s.end for s in self.all)

    @property
    def deadlines(self) -> tuple[Step, ...]:
        """What units must meet: the province's own earlier deadlines (all of them: a province
        may set several for one NACC step) replace the NACC's."""
        earlier = tuple(o for o in self.overlays if o.actor == "unit" and o.end <= self.step.end)
        return earlier or (self.step,)

    def concerns(self, forms: tuple[str, ...], part: int | None = None) -> bool:
        """About one of these forms (any, when none is given), and about EIT's part when one is given."""
        if forms and not any(set(s.forms) & set(forms) for s in self.all):
            return False
        return part is None or self.step.part in (None, part)


@dataclass(frozen=True)
class Cycle:
    """One fiscal year's calendar as the chats of one province (or of none) see it."""

    year: int
    entries: tuple[Entry, ...]
    # How people name its steps (compact words) -> the key of the entry they belong to.
    lexicon: Glossary = field(default_factory=Glossary, compare=False)

    @property
    def estimated_from(self) -> int | None:
        """The year a draft's dates were carried from, when any of its steps is still an estimate."""
        return max((s.estimated_from for e in self.entries for s in e.all if s.estimated_from), default=None)

    @property
    def span(self) -> tuple[date, date]:
        # The NACC's span when there is one: a province's seminar in September
        # does not keep a finished cycle open.
        steps = [e.step for e in self.entries if e.step.province is None] or [s for e in self.entries for s in e.all]
        return min(s.start for s in steps), max(s.end for s in steps)

    def open_on(self, day: date, forms: tuple[str, ...] = (), part: int | None = None) -> list[Entry]:
        entries = (e for e in self.entries if e.start <= day <= e.end and e.concerns(forms, part))
        return sorted(entries, key=lambda e: (e.step.end, e.start))

    def upcoming(self, day: date, forms: tuple[str, ...] = (), part: int | None = None,
                 limit: int = UPCOMING) -> list[Entry]:
        entries = (e for e in self.entries if e.start > day and e.concerns(forms, part))
        return sorted(entries, key=lambda e: (e.start, e.step.end))[:limit]

    def unit_deadlines(self) -> list[Step]:
        """The steps where units act, each with the deadline that applies in this province."""
        return [step for e in self.entries if e.step.actor == "unit" for step in e.deadlines]

    def entry(self, key: str) -> Entry | None:
        """The entry a step belongs to, by the key of its NACC step or of an overlay."""
        return next((e for e in self.entries if e.step.key == key), None) or next(
            (e for e in self.entries if any(s.key == key for s in e.overlays)), None)

    def of_form(self, form: str, part: int | None = None) -> Entry | None:
        """The entry of the form's own deadline: its collection, or OIT's answering."""
        key = FORM_STEPS.get("EIT2" if form == "EIT" and part == 2 else form)
        return next((e for e in self.entries if e.step.key == key and e.step.province is None), None)

    def collection(self, form: str) -> Entry | None:
        """The step in which units collect this form's responses (IIT or EIT)."""
        return self.of_form(form) if form in COLLECTION_STEPS else None


@dataclass(frozen=True)
class Agenda:
    year: int
    today: date
    open: list[Entry]
    upcoming: list[Entry]


@dataclass(frozen=True)
class NoCalendar:
    """No loaded cycle covers the day: say which was the latest and which year is missing."""

    today: date
    latest_year: int | None
    latest_span: tuple[date, date] | None
    missing_year: int
    first: tuple[Entry, ...] = ()  # what the latest cycle began with: what usually comes first


def agenda_for(cycles: dict[int, Cycle], today: date, forms: tuple[str, ...] = (),
               part: int | None = None) -> Agenda | NoCalendar:
    """The steps open on `today` and the next ones, of the cycle that covers it (or comes next)."""
    cycle = covering(cycles, today)
    if cycle is None:
        latest = max(cycles, default=None)
        span = cycles[latest].span if latest is not None else None
        first = tuple(cycles[latest].upcoming(span[0] - timedelta(days=1))) if span else ()
        return NoCalendar(today, latest, span, max(fiscal_year_be(today), (latest or 0) + 1), first)
    return Agenda(cycle.year, today, cycle.open_on(today, forms, part), cycle.upcoming(today, forms, part))


def covering(cycles: dict[int, Cycle], today: date) -> Cycle | None:
    """The cycle whose span holds today, else the soonest one still to come."""
    spans = {year: cycle.span for year, cycle in cycles.items() if cycle.entries}
    current = [y for y, (start, end) in spans.items() if start <= today <= end]
    if current:
        return cycles[max(current)]
    future = [y for y, (start, _) in spans.items() if start > today]
    return cycles[min(future)] if future else None


_VERSION = sa.select(Calendar.id, Calendar.checksum).order_by(Calendar.id)


class CalendarCache:
    """Cycles by province, kept in memory until a calendar is loaded or replaced.

    Every deadline question needs them; one cheap query for the calendars' ids and
    checksums tells whether the copy is still right, even across processes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple = ()
        self._cycles: dict[int | None, dict[int, Cycle]] = {}

    def cycles(self, session: orm.Session, province_id: int | None) -> dict[int, Cycle]:
        # Core, not the ORM: this runs for every question, and rows of two columns need no objects.
        version = tuple(session.connection().execute(_VERSION))
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


def load_cycles(session: orm.Session, province_id: int | None) -> dict[int, Cycle]:
    """Every loaded cycle as a chat of this province (None: of no province) sees it, by fiscal year."""
    query = sa.select(Calendar).where(sa.or_(Calendar.scope == "nacc", Calendar.province_id == province_id))
    steps: dict[int, list[Step]] = {}
    for calendar in session.scalars(query.options(orm.selectinload(Calendar.steps), orm.joinedload(Calendar.province))):
        steps.setdefault(calendar.year, []).extend(_steps_of(calendar))
    return {year: cycle_of(year, year_steps) for year, year_steps in steps.items()}


def cycles_by_province(session: orm.Session, year: int, reminded: bool = False) -> dict[str | None, Cycle]:
    """One year's cycle for every province with an overlay, by name, and for the rest (None);
    `reminded`: only the calendars the reminder pass reads (a draft's only once switched on)."""
    query = (sa.select(Calendar).where(Calendar.year == year)
             .options(orm.selectinload(Calendar.steps), orm.joinedload(Calendar.province)))
    if reminded:
        query = query.where(Calendar.reminders_on)
    national: list[Step] = []
    overlays: dict[str, list[Step]] = {}
    for calendar in session.scalars(query):
        if calendar.province is None:
            national.extend(_steps_of(calendar))
        else:
            overlays.setdefault(calendar.province.name, []).extend(_steps_of(calendar))
    cycles: dict[str | None, Cycle] = {None: cycle_of(year, national)}
    cycles.update({name: cycle_of(year, national + steps) for name, steps in overlays.items()})
    return cycles


def _steps_of(calendar: Calendar) -> list[Step]:
    province = calendar.province.name if calendar.province else None
    return [Step(s.key, s.title, s.short, s.start_date, s.end_date, s.end_time, s.form_tuple, s.actor, province,
                 s.nacc_step, s.source or calendar.source, s.note, s.word_tuple, calendar.estimated_from)
            for s in calendar.steps]


def cycle_of(year: int, steps: list[Step]) -> Cycle:
    """A cycle from the NACC's steps and a province's: the NACC's steps with each province step beside the NACC step it names; the others on their own."""
    national = {s.key: s for s in steps if s.province is None}
    beside: dict[str, list[Step]] = {}
    alone: list[Step] = []
    for step in steps:
        if step.province is None:
            continue
        if step.nacc_step in national:
            beside.setdefault(step.nacc_step, []).append(step)
        else:
            alone.append(step)
    entries = [Entry(step, tuple(beside.get(key, ()))) for key, step in national.items()]
    entries += [Entry(step) for step in alone]
    lexicon = Glossary((compact(word), entry.step.key) for entry in entries for step in entry.all for word in step.words)
    return Cycle(year, tuple(entries), lexicon)
