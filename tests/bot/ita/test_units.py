"""Units and minimums from CSV/XLSX, and finding units by what people type."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from bot.ita.units import find_unit, unit_key
from models import AuditEntry, Member, Quota, Unit
from tests.provinces import DEMO_UNITS


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_the_demo_file_imports_and_lists(app, lamphun, session):
    assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 15
    listed = run(app, "units", "list", "--province", "ลำพูน", "--year", "2568")
    assert "อบต.บ้านไผ่" in listed.output and "IIT ≥    60" in listed.output


def test_importing_again_updates_instead_of_adding(app, lamphun, session):
    result = run(app, "units", "import", str(DEMO_UNITS), "--year", "2568")
    assert "0 added, 15 updated, 0 rejected" in result.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 15


def test_a_bad_row_stops_the_whole_import_unless_skip_bad(app, session, tmp_path):
    bad = tmp_path / "units.csv"
    bad.write_text("province,unit,type,iit_min,eit_min\nลำพูน,อบต.ก,อบต.,10,20\nลำพูน,อบต.ข,อบต.,-3,20\n"
                   "ลำพูน,อบต.ค,วัด,1,2\nลำพูน,อบต.ง,อบต.,๑๒,2.5\nลำพูน,อบต. ก,อบต.,1,1\n", encoding="utf-8")
    refused = run(app, "units", "import", str(bad), "--year", "2568")
    assert refused.exit_code == 1
    for line in ("row 3: rejected: iit_min must be a whole number", "row 4: rejected: unknown type 'วัด'",
                 "row 5: rejected: eit_min must be a whole number", "row 6: rejected: the same unit as row 2"):
        assert line in refused.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 0
    skipped = run(app, "units", "import", str(bad), "--year", "2568", "--skip-bad")
    assert "1 added, 0 updated, 4 rejected" in skipped.output


def test_xlsx_is_read_too(app, session, tmp_path):
    book = Workbook()
    book.active.append(["province", "unit", "type", "iit_min", "eit_min", "internal_stakeholders"])
    book.active.append(["ลำพูน", "ทต.ป่าซาง", "ทต.", 35, 70, 64])
    book.save(tmp_path / "units.xlsx")
    assert run(app, "units", "import", str(tmp_path / "units.xlsx"), "--year", "2568").exit_code == 0
    assert session.get(Quota, (session.scalar(sa.select(Unit.id)), 2568)).eit_min == 70


@pytest.mark.parametrize("typed", ["อบต.บ้านไผ่", "อบต บ้านไผ่", "อบตบ้านไผ่", "องค์การบริหารส่วนตำบลบ้านไผ่",
                                   "อบต.บ้านไผ", "  อบต. บ้าน ไผ่ "])
def test_units_are_found_however_they_are_written(lamphun, session, typed):
    assert find_unit(session, typed).unit.name == "อบต.บ้านไผ่"


def test_aliases_and_thai_digits(lamphun, session):
    assert find_unit(session, "เทศบาลป่าซาง").unit.name == "ทต.ป่าซาง"
    assert unit_key("อบต.หมู่ ๕") == "อบตหมู่5"


def test_no_silent_guess_between_two_units(lamphun, session):
    found = find_unit(session, "ลำพูน")
    assert found.unit is None
    assert 2 <= len(found.choices) <= 13


def test_grant_and_revoke_a_coordinator_are_audited(app, lamphun, session):
    assert run(app, "admin", "grant", "Ucoord", "--role", "coordinator", "--province", "ลำพูน").exit_code == 0
    assert session.get(Member, "Ucoord").role == "coordinator"
    assert run(app, "admin", "revoke", "Ucoord").exit_code == 0
    session.rollback()  # end the test's read snapshot to see what the command wrote
    actions = session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["role.grant", "role.revoke"]
    assert run(app, "admin", "grant", "Ux", "--role", "coordinator").exit_code != 0


def test_nothing_close_still_suggests_the_nearest(lamphun, session):
    found = find_unit(session, "อบต.ป่าพลูใหญ่มาก")
    assert found.unit is None and found.choices[0].name == "อบต.ป่าพลู"
    assert find_unit(session, "xyz").choices == []
