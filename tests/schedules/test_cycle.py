"""The whole ITA 2568 cycle, day by day: the expected reminders reach each chat, and no others."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from bot.clock import BANGKOK
from models import Delivery
from schedules.deliver import run_pass
from tests.provinces import COORDINATORS, STAFF_USER, UNIT_GROUP

JANUARY_STEPS = ("itas-register", "iit-stakeholders", "eit2-contacts")
# (step, first day, last day): the unit steps of the NACC's calendar, with Lamphun's own clarification.
UNIT_STEPS = [(key, date(2025, 1, 1), date(2025, 1, 31)) for key in JANUARY_STEPS] + [
    ("iit-collect", date(2025, 1, 1), date(2025, 6, 30)),
    ("eit1-collect", date(2025, 1, 1), date(2025, 6, 30)),
    ("oit-answer", date(2025, 1, 1), date(2025, 4, 30)),
    ("oit-clarify", date(2025, 6, 6), date(2025, 6, 16)),
]
REPORTED_IIT_ON = date(2025, 3, 3)  # the unit reaches its IIT minimum that Monday, after nine


def expected_deadlines() -> set[tuple[date, str]]:
    """First day; 7, 3 and 1 days before the end; the last day: at 09:00."""
    expected = set()
    for key, first, last in UNIT_STEPS:
        scope = "ลำพูน" if key == "oit-clarify" else "nacc"
        for name, day in [("start", first), ("d-7", last - timedelta(7)), ("d-3", last - timedelta(3)),
                          ("d-1", last - timedelta(1)), ("last", last)]:
            expected.add((day, f"deadline:{scope}:{key}:{last.isoformat()}:{name}"))
    return expected


def mondays(first: date, last: date):
    day = first + timedelta(days=(7 - first.weekday()) % 7)
    while day <= last:
        yield day
        day += timedelta(days=7)


def expected_for(chat: str) -> set[tuple[date, str]]:
    expected = expected_deadlines()
    for monday in mondays(date(2025, 1, 1), date(2025, 6, 30)):
        expected.add((monday, f"nudge:EIT:{monday.isoformat()}"))
        if chat != UNIT_GROUP or monday <= REPORTED_IIT_ON:
            expected.add((monday, f"nudge:IIT:{monday.isoformat()}"))
    return expected


def test_a_whole_cycle_day_by_day(app, lamphun, session, fake_line, clock, line):
    fake_line.set_quota(None)
    pushes_on: Counter = Counter()
    day = date(2024, 12, 20)
    while day <= date(2025, 9, 10):
        nine = datetime.combine(day, time(9), BANGKOK)
        assert run_pass(app, nine - timedelta(minutes=5)).outcomes == {}  # nothing before its time
        before = len(fake_line.pushes())
        report = run_pass(app, nine)
        assert set(report.outcomes) <= {"sent"}
        for push in fake_line.pushes()[before:]:
            pushes_on[(push["to"], day)] += 1
        assert run_pass(app, nine + timedelta(minutes=5)).outcomes == {}  # never twice
        if day == REPORTED_IIT_ON:
            clock.freeze(nine + timedelta(hours=1))
            line.say("IIT 60", user="Ux", group=UNIT_GROUP)
        day += timedelta(days=1)

    session.rollback()
    rows = session.execute(sa.select(Delivery.chat_id, Delivery.reminder_key, Delivery.due_at, Delivery.status, Delivery.via))
    got: dict[str, set] = {}
    for chat_id, key, due_at, status, via in rows:
        assert (status, via, due_at.time()) == ("sent", "push", time(9)), key
        got.setdefault(chat_id, set()).add((due_at.date(), key))
    for chat in (UNIT_GROUP, COORDINATORS, STAFF_USER):
        assert got[chat] == expected_for(chat), chat
        assert set(pushes_on[(chat, d)] for d in {d for d, _ in got[chat]}) == {1}  # one push a day, at most
    assert sum(pushes_on.values()) == sum(len({d for d, _ in got[c]}) for c in got)
