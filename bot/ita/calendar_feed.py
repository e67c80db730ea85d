"""A province's ITA calendar as an iCalendar feed (made with `icalendar`) for Google or Outlook to
subscribe to: every NACC step and the province's own deadlines, as all-day events in Asia/Bangkok.

Each event's UID is fixed by year, calendar and step, and its SEQUENCE counts the changes the
calendar's history holds for it, so a subscribed calendar updates the event in place when a
deadline moves instead of adding a second one.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import sqlalchemy as sa
from icalendar import Calendar as Feed
from icalendar import Event
from sqlalchemy import orm

from bot import texts
from bot.ita.calendar import Cycle, Step
from models import Calendar, CalendarChange

PRODID = "-//itabot//ITA calendar//TH"
WHOLE_CALENDAR = ("load", "draft")  # a change of every step at once


def sequences(session: orm.Session, year: int) -> Counter:
    """(calendar's scope, step key) -> how many times the step changed; scope None is the NACC's."""
    scopes = {key: province for key, province in session.execute(
        sa.select(Calendar.key, Calendar.province_id).where(Calendar.year == year))}
    counts: Counter = Counter()
    whole: Counter = Counter()
    for key, step_key, kind in session.execute(
            sa.select(CalendarChange.calendar_key, CalendarChange.step_key, CalendarChange.kind)
            .where(CalendarChange.year == year)):
        if key not in scopes:
            continue
        if step_key is None and kind in WHOLE_CALENDAR:
            whole[scopes[key]] += 1
        elif step_key is not None:
            counts[scopes[key], step_key] += 1
    return Counter({**{k: v + whole[k[0]] for k, v in counts.items()}, **{(scope, "*"): n for scope, n in whole.items()}})


def calendar_feed(cycle: Cycle, province: str, province_id: int, changed: Counter, now: datetime) -> bytes:
    feed = Feed()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", texts.FEED_NAME.format(year=cycle.year, province=province))
    feed.add("x-wr-caldesc", texts.FEED_DESCRIPTION.format(province=province))
    feed.add("x-wr-timezone", "Asia/Bangkok")
    for entry in cycle.entries:
        for step in entry.all:
            scope = province_id if step.province else None
            sequence = changed.get((scope, step.key), changed.get((scope, "*"), 0))
            feed.add_component(_event(cycle.year, step, province, province_id, sequence, now))
    return feed.to_ical()


def _event(year: int, step: Step, province: str, province_id: int, sequence: int, now: datetime) -> Event:
    event = Event()
    owner = "nacc" if step.province is None else f"province-{province_id}"
    event.add("uid", f"ita-{year}-{owner}-{step.key}@itabot")
    event.add("sequence", sequence)
    event.add("dtstamp", now)
    event.add("summary", step.short if step.province is None
              else texts.FEED_PROVINCE_STEP.format(short=step.short, province=province))
    event.add("description", step.title + (f"\n{step.note}" if step.note else "") + (f"\n{step.source}" if step.source else ""))
    event.add("dtstart", step.start)  # all-day, as the calendar gives dates; the end is exclusive
    event.add("dtend", step.end + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event

