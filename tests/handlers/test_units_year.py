"""A new year's units: the latest year's minimums copied as a start, counts at 0, members and
groups kept; by the CLI or a coordinator's 'ยกยอดหน่วยงาน 2570'."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import AuditEntry, Chat, Member, Quota, Unit
from tests.provinces import COORDINATOR, STAFF, UNIT_GROUP

pytestmark = pytest.mark.usefixtures("lamphun")
NEXT_YEAR = "2026-12-07T10:00:00+07:00"  # fiscal 2570 has begun; ITA 2570 opens in January


def minimums(session, year: int) -> dict[str, tuple[int, int]]:
    session.rollback()
    return {name: (iit, eit) for name, iit, eit in session.execute(
        sa.select(Unit.name, Quota.iit_min, Quota.eit_min).join(Quota).where(Quota.year == year))}


def test_the_cli_copies_every_provinces_minimums_and_counts_start_at_zero(app, line, session, clock):
    line.say("IIT 45", group=UNIT_GROUP)  # a count of 2568
    result = app.test_cli_runner().invoke(args=["units", "rollover", "2570", "--from", "2568"])
    assert result.exit_code == 0, result.output
    assert minimums(session, 2570) == minimums(session, 2568) and len(minimums(session, 2570)) > 10
    assert "ลำพูน: " in result.output and "copied from 2568 to 2570" in result.output
    clock.freeze(NEXT_YEAR)
    status = line.say("สถานะ", group=UNIT_GROUP).text
    assert "สถานะ ITA 2570" in status and "IIT: 0 / 60" in status  # last year's 45 is not this year's
    again = app.test_cli_runner().invoke(args=["units", "rollover", "2570", "--from", "2568"])
    assert "0 units copied" in again.output and "kept" in again.output


def test_a_coordinator_rolls_the_province_over_and_members_and_groups_stay(line, session, clock):
    clock.freeze(NEXT_YEAR)
    members_before = session.scalar(sa.select(sa.func.count()).select_from(Member))
    asked = line.say("ยกยอดหน่วยงาน 2570 แล้วหรือยัง", user=COORDINATOR).text
    assert "ตั้งโควตาแล้ว 0 แห่ง" in asked and minimums(session, 2570) == {}
    done = line.say("ยกยอดหน่วยงาน 2570", user=COORDINATOR).text
    assert "จากปี 2568 ไปปี 2570 แล้ว" in done
    assert minimums(session, 2570) == minimums(session, 2568)
    assert session.scalar(sa.select(sa.func.count()).select_from(Member)) == members_before
    assert session.get(Chat, UNIT_GROUP).unit.name == "อบต.บ้านไผ่"
    assert session.scalar(sa.select(AuditEntry.after).where(AuditEntry.action == "units.rollover")).count("2568")
    assert "มีโควตาปี 2570 อยู่แล้ว" in line.say("ยกยอดหน่วยงาน 2570", user=COORDINATOR).text
    assert "IIT" in line.say("IIT 12", group=UNIT_GROUP).text  # 2570's first count, against 2568's minimum


def test_staff_may_not_and_a_year_with_nothing_before_is_refused(line, session, clock):
    clock.freeze(NEXT_YEAR)
    assert "ยกยอด" in line.say("ยกยอดหน่วยงาน 2570", user=STAFF).text and minimums(session, 2570) == {}
    assert "ยังไม่มีปีก่อนหน้า" in line.say("ยกยอดหน่วยงาน 2560", user=COORDINATOR).text


def test_one_year_at_a_time_and_last_years_figures_when_asked(app, line, session, clock):
    line.say("IIT 45", group=UNIT_GROUP)  # 2568
    app.test_cli_runner().invoke(args=["units", "rollover", "2570", "--from", "2568"])
    clock.freeze(NEXT_YEAR)
    line.say("IIT 7", group=UNIT_GROUP)  # 2570's first
    assert "IIT: 7 / 60" in line.say("สถานะ", group=UNIT_GROUP).text
    last_year = line.say("สถานะ ปี 2568", group=UNIT_GROUP).text
    assert "สถานะ ITA 2568" in last_year and "IIT: 45 / 60" in last_year
    this_summary = line.say("สรุป", user=COORDINATOR)
    assert "2570" in this_summary.text and "45" not in this_summary.text.split("IIT")[1].split("\n")[0]
    old_summary = line.say("สรุป 2568", user=COORDINATOR)
    assert "2568" in old_summary.text
    behind = line.tap(old_summary[0], "ยังไม่ครบ", user=COORDINATOR).text
    assert "อบต.บ้านไผ่" in behind and "IIT 45/60" in behind.replace(" / ", "/")
