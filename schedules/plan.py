"""Planning reminders: a pure function from the calendar, the chats, the figures, the rules
and the time to the reminders due now, each with a stable key.

No database and no LINE here: `schedules.plan` is what the scheduler's pass, `itabot remind
plan` and the tests all call, so what is planned is what is tested.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Iterable

import holidays

from bot import texts
from bot.clock import BANGKOK
from bot.ita.calendar import COLLECTION_STEPS, Cycle, Step
from bot.thai import thai_date, thai_date_range


@dataclass(frozen=True)
class Rules:
    """When deadline reminders go out; configurable per province."""

    days_before: tuple[int, ...] = (7, 3, 1)
    on_first_day: bool = True
    on_last_day: bool = True
    at: time = time(9, 0)
    working_days_only: bool = False  # move a weekend or Thai public holiday to the working day before
    nudge_weekday: int = 0  # Monday
    worst_listed: int = 5


@dataclass(frozen=True)
class Target:
    """A chat reminders may go to: a unit's chat or a province's coordinators' group."""

    chat_id: str
    province: str | None
    unit_id: int | None = None
    unit_name: str | None = None

    @property
    def is_coordinators(self) -> bool:
        return self.unit_id is None


@dataclass(frozen=True)
class Figures:
    unit_id: int
    unit_name: str
    province: str
    counts: dict[str, int] = field(default_factory=dict)  # form -> latest cumulative count
    minimums: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Reminder:
    key: str  # stable: the same reminder planned twice has the same key
    chat_id: str
    kind: str  # "deadline" or "nudge"
    due_at: datetime
    deadline: date
    text: str
    fresh_until: date | None = None  # the last day its text holds; None: the day it is due

    @property
    def good_until(self) -> date:
        return self.fresh_until or self.due_at.date()


def plan(cycles: dict[str | None, Cycle], targets: Iterable[Target], figures: Iterable[Figures],
         now: datetime, rules: dict[str | None, Rules] | None = None) -> list[Reminder]:
    """Reminders due at `now`: their time has come today, and their deadline has not passed.

    `cycles` maps a province to the current cycle as its chats see it (None: a province
    without an overlay of its own); `rules` maps a province to its rules (None: the default).
    """
    rules = rules or {}
    now = now.astimezone(BANGKOK)
    by_unit = {f.unit_id: f for f in figures}
    by_province: dict[str, list[Figures]] = {}
    for f in by_unit.values():
        by_province.setdefault(f.province, []).append(f)
    # Chats of one province share their steps and deadline reminders: work them out once.
    shared: dict[str | None, tuple[Rules, Cycle | None, list[Reminder]]] = {}
    due: list[Reminder] = []
    for target in targets:
        if target.province not in shared:
            rule = rules.get(target.province) or rules.get(None) or Rules()
            cycle = cycles.get(target.province) or cycles.get(None)
            deadlines = deadline_reminders(cycle.unit_deadlines(), rule) if cycle else []
            shared[target.province] = (rule, cycle, [r for r in deadlines if _is_due(r, now)])
        rule, cycle, deadlines = shared[target.province]
        due += [replace(r, chat_id=target.chat_id) for r in deadlines]
        if cycle is not None:
            due += [r for r in nudges(cycle, target, rule, now, by_unit, by_province) if _is_due(r, now)]
    return sorted(due, key=lambda r: (r.deadline, r.chat_id, r.key))


def deadline_reminders(steps: list[Step], rule: Rules) -> list[Reminder]:
    """Every deadline reminder of these steps, for no chat yet (chat_id empty)."""
    reminders = []
    for step in steps:
        at = texts.REMIND_AT.format(time=step.end_time.strftime("%H:%M")) if step.end_time else ""
        occasions = [("start", step.start)] if rule.on_first_day else []
        occasions += [(f"d-{days}", step.end - timedelta(days=days)) for days in rule.days_before
                      if step.end - timedelta(days=days) > step.start]
        occasions += [("last", step.end)] if rule.on_last_day else []
        scope = step.province or "nacc"
        for name, day in occasions:
            day = day if name == "last" else _working_day(day, rule)
            reminders.append(Reminder(f"deadline:{scope}:{step.key}:{step.end.isoformat()}:{name}", "", "deadline",
                                      datetime.combine(day, rule.at, BANGKOK), step.end,
                                      _deadline_text(step, name, day, at)))
    return reminders


def _deadline_text(step: Step, occasion: str, day: date, at: str) -> str:
    # Worded from the day it is sent on: a reminder moved off a weekend counts its days from there.
    days = (step.end - day).days
    if occasion == "start":
        text = texts.REMIND_STARTS.format(title=step.title, dates=thai_date_range(step.start, step.end))
    elif days == 0:
        text = texts.REMIND_LAST_DAY.format(title=step.title, end=thai_date(step.end), at=at)
    else:
        text = texts.REMIND_DAYS_LEFT.format(days=days, title=step.title, end=thai_date(step.end), at=at)
    # A draft's reminders (once a superadmin lets them go out) say their dates are an estimate.
    return f"{text}\n{texts.ESTIMATE_NOTE.format(year=step.estimated_from)}" if step.estimated_from else text


def nudges(cycle: Cycle, target: Target, rule: Rules, now: datetime, by_unit: dict[int, Figures],
           by_province: dict[str, list[Figures]]) -> list[Reminder]:
    """Mondays in a collection window: a unit below minimum gets its figures, coordinators the province's."""
    today = now.date()
    if today.weekday() != rule.nudge_weekday:
        return []
    reminders = []
    for form in COLLECTION_STEPS:
        entry = cycle.collection(form)
        # The window closes with the last deadline the province keeps for it.
        step = max(entry.deadlines, key=lambda s: s.end) if entry is not None and entry.step.actor == "unit" else None
        if step is None or not step.is_open(today):
            continue
        days = (step.end - today).days
        text = _nudge_text(form, target, days, rule, by_unit, by_province.get(target.province or "", []))
        if text:
            reminders.append(Reminder(f"nudge:{form}:{today.isoformat()}", target.chat_id, "nudge",
                                      datetime.combine(today, rule.at, BANGKOK), step.end, text))
    return reminders


def _nudge_text(form: str, target: Target, days: int, rule: Rules, by_unit: dict[int, Figures],
                units: list[Figures]) -> str | None:
    if not target.is_coordinators:
        figures = by_unit.get(target.unit_id)
        if figures is None:
            return None
        count, minimum = figures.counts.get(form, 0), figures.minimums.get(form, 0)
        if count >= minimum:
            return None
        return texts.NUDGE_UNIT.format(form=form, count=count, minimum=minimum, missing=minimum - count, days=days,
                                       unit=figures.unit_name)
    behind = sorted((f for f in units if f.counts.get(form, 0) < f.minimums.get(form, 0)),
                    key=lambda f: f.counts.get(form, 0) - f.minimums.get(form, 0))
    if not behind:
        return None
    worst = "\n".join(texts.NUDGE_WORST_LINE.format(unit=f.unit_name, count=f.counts.get(form, 0),
                                                    minimum=f.minimums[form], missing=f.minimums[form] - f.counts.get(form, 0))
                      for f in behind[: rule.worst_listed])
    return texts.NUDGE_PROVINCE.format(form=form, province=target.province, behind=len(behind), total=len(units),
                                       days=days, worst=worst)


def _is_due(reminder: Reminder, now: datetime) -> bool:
    """Its time today has come, and it is not stale: sent late the same day is fine, the next day is not."""
    return reminder.due_at <= now and reminder.due_at.date() == now.date() and reminder.deadline >= now.date()


def _working_day(day: date, rule: Rules) -> date:
    if not rule.working_days_only:
        return day
    closed = holidays.Thailand(years=range(day.year - 1, day.year + 1))
    while day.weekday() >= 5 or day in closed:
        day -= timedelta(days=1)
    return day
