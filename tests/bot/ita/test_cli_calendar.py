"""`itabot init` and `itabot calendar ...`: the schema and the shipped calendars."""
from __future__ import annotations

import sqlalchemy as sa

from models import Calendar
from tests.provinces import CALENDARS


def test_init_loads_every_shipped_calendar_and_running_it_twice_changes_nothing(app, session):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    assert "added: 2568/nacc (14 steps)" in first.output
    count = session.scalar(sa.select(sa.func.count()).select_from(Calendar))
    assert count == len(list(CALENDARS.glob("*.yaml")))
    second = runner.invoke(args=["init"])
    assert second.exit_code == 0 and "added" not in second.output and "replaced" not in second.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar)) == count


def test_calendar_load_rejects_a_bad_file_and_loads_nothing(app, session, tmp_path):
    bad = tmp_path / "2599-bad.yaml"
    bad.write_text("year: 2599\nscope: nacc\ntitle: t\nsource: s\nsteps:\n"
                   "  - {id: a, title: A, short: A, start: 2056-01-01, end: 2056-01-31, actor: unit}\n"
                   "  - {id: b, title: B, short: B, start: 2056-03-01, end: 2056-02-01, actor: unit}\n",
                   encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["calendar", "load", str(bad)])
    assert result.exit_code == 1
    assert "rejected 2599-bad.yaml" in result.output and "step b: end 2056-02-01 is before start" in result.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar)) == 0


def test_calendar_show_prints_thai_dates_and_the_province_overlay(app, calendars):
    result = app.test_cli_runner().invoke(args=["calendar", "show", "--year", "2568", "--province", "เชียงใหม่"])
    assert result.exit_code == 0, result.output
    assert "1 ม.ค. – 30 เม.ย. 2568" in result.output and "2568/province/เชียงใหม่" in result.output
    assert "ลำพูน" not in result.output
