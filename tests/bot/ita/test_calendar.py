"""The calendar as a province sees it: which steps, with which overlays, are open, next or
ending on a day; the same answer for deadline questions, report windows and reminders."""
from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bot.ita.calendar import Agenda, NoCalendar, agenda_for, cycles_by_province, load_cycles
from models import Province


@pytest.fixture
def chiang_mai(calendars, session):
    return cycles_by_province(session, 2568)["เชียงใหม่"]


def keys(entries) -> list[str]:
    return [e.step.key for e in entries]


def test_the_provinces_deadlines_stand_beside_the_naccs_step(chiang_mai):
    [oit] = [e for e in chiang_mai.open_on(date(2025, 4, 10)) if e.step.key == "oit-answer"]
    assert [o.key for o in oit.overlays] == ["oit-publish", "oit-import"]
    assert (oit.step.end, oit.end) == (date(2025, 4, 30), date(2025, 4, 30))
    # Units of Chiang Mai must meet the province's own dates, both of them, not the NACC's.
    assert [s.key for s in oit.deadlines] == ["oit-publish", "oit-import"]
    assert "oit-answer" not in [s.key for s in chiang_mai.unit_deadlines()]


def test_open_and_next_on_a_day_filtered_by_form(chiang_mai):
    day = date(2025, 4, 10)
    assert keys(chiang_mai.open_on(day, ("OIT",))) == ["oit-answer"]
    assert "iit-collect" in keys(chiang_mai.open_on(day, ("IIT",)))
    assert all(e.start > day for e in chiang_mai.upcoming(day))
    assert len(chiang_mai.upcoming(day)) == 3


def test_a_collection_window_is_the_naccs(chiang_mai):
    window = chiang_mai.collection("IIT")
    assert (window.step.key, window.step.province, window.step.end) == ("iit-collect", None, date(2025, 6, 30))
    assert chiang_mai.collection("OIT") is None


def test_where_a_day_stands_in_a_step(chiang_mai):
    step = chiang_mai.collection("EIT").step
    assert step.timing(date(2024, 12, 31)) == ("before", 1)
    assert step.timing(date(2025, 6, 20)) == ("open", 10)
    assert step.timing(date(2025, 6, 30)) == ("last day", 0)
    assert step.timing(date(2025, 7, 2)) == ("passed", 2)


def test_the_cycle_covering_a_day_or_the_next_one_or_none(calendars, session):
    lamphun = session.scalar(sa.select(Province).where(Province.name == "ลำพูน"))
    cycles = load_cycles(session, lamphun.id)
    assert isinstance(agenda_for(cycles, date(2025, 4, 10)), Agenda)
    before = agenda_for(cycles, date(2024, 11, 15))
    assert before.year == 2568 and before.open == [] and before.upcoming
    after = agenda_for(cycles, date(2026, 11, 22))
    assert isinstance(after, NoCalendar) and (after.latest_year, after.missing_year) == (2568, 2570)
