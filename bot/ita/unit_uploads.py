"""A province's units sent as a file: what it adds, changes and removes for a year (a unit left out
takes no part that year: its minimums for the year go; its reports and members stay), kept in its
proposal until confirmed, then stored, audited; and the template to fill in."""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime

import sqlalchemy as sa
from openpyxl import Workbook
from sqlalchemy import orm

from bot import texts
from bot.audit import audit
from bot.ita.sheets import columns, letter, rows_of
from bot.ita.unit_import import Row, apply_rows, check_rows
from bot.ita.units import unit_key
from models import Province, Quota, Unit

REQUIRED = ("unit", "iit_min", "eit_min")
FIELDS = ("kind", "iit_min", "eit_min", "internal_stakeholders", "aliases")


class UnitsFileError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class UnitChange:
    kind: str  # added, changed, removed
    unit: str
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class UnitsUpload:
    province: str
    year: int
    file_name: str
    rows: tuple[Row, ...]
    changes: tuple[UnitChange, ...]
    unchanged: int

    def of_kind(self, kind: str) -> list[UnitChange]:
        return [c for c in self.changes if c.kind == kind]


def is_units_sheet(file_name: str, data: bytes) -> bool:
    """A sheet with a unit column and no step column is a units file, not a calendar."""
    table = rows_of(file_name, data)
    found = columns(table[0][1], texts.UNIT_COLUMNS) if table else {}
    return "unit" in found and not columns(table[0][1], {"step": texts.CALENDAR_COLUMNS["step"]})


def read_units_sheet(file_name: str, data: bytes, province: str) -> list[Row]:
    """Every row checked; UnitsFileError names each bad cell by row and column, in Thai."""
    table = rows_of(file_name, data)
    where = columns(table[0][1], texts.UNIT_COLUMNS)
    missing = [texts.UNIT_COLUMNS[c] for c in REQUIRED if c not in where]
    if missing:
        raise UnitsFileError([texts.SHEET_MISSING_COLUMNS.format(columns=", ".join(missing))])
    rows, rejected = check_rows(table[1:], where, province)
    problems = [texts.SHEET_CELL.format(row=number, column=letter(where.get(bad.column, 0)),
                                        label=texts.UNIT_COLUMNS.get(bad.column, bad.column), problem=bad.thai)
                for number, bad in rejected]
    problems += [texts.SHEET_CELL.format(row=r.number, column=letter(where["province"]), label=texts.UNIT_COLUMNS["province"],
                                         problem=texts.UNIT_CELL_PROVINCE.format(value=r.province, province=province))
                 for r in rows if r.province != province]
    if not rows and not problems:
        problems.append(texts.SHEET_NO_ROWS)
    if problems:
        raise UnitsFileError(sorted(problems, key=_row_number))
    return rows


def _row_number(problem: str) -> int:
    digits = problem.split(" ", 2)[1]
    return int(digits) if digits.isdigit() else 0


def _state(session: orm.Session, province_id: int, year: int) -> dict[str, dict]:
    """Each unit taking part in the year (it has minimums) as a file would say it."""
    query = (sa.select(Unit, Quota).join(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year))
             .where(Unit.province_id == province_id).options(orm.selectinload(Unit.aliases)))
    return {unit.name: {"kind": unit.kind, "iit_min": quota.iit_min, "eit_min": quota.eit_min,
                        "internal_stakeholders": quota.internal_stakeholders,
                        "aliases": sorted(a.alias for a in unit.aliases)}
            for unit, quota in session.execute(query)}


def units_base(session: orm.Session, province_id: int, year: int) -> dict[str, str]:
    """What a units proposal was made on: a checksum of the year's units as they stand."""
    state = json.dumps(sorted(_state(session, province_id, year).items()), ensure_ascii=False)
    return {f"units/{province_id}/{year}": hashlib.sha256(state.encode()).hexdigest()}


def _said(row: Row) -> dict:
    return {"kind": row.kind, "iit_min": row.iit_min, "eit_min": row.eit_min,
            "internal_stakeholders": row.internal_stakeholders, "aliases": sorted(row.aliases)}


def compare(session: orm.Session, province: Province, year: int, rows: list[Row], file_name: str) -> UnitsUpload:
    # A unit written another way ("อบต บ้านไผ่") is the unit already there, never a second one.
    known = {unit_key(name): name for name in session.scalars(sa.select(Unit.name).where(Unit.province_id == province.id))}
    rows = [replace(row, unit=known.get(unit_key(row.unit), row.unit)) for row in rows]
    now_in = _state(session, province.id, year)
    changes, same = [], 0
    for row in rows:
        before, after = now_in.get(row.unit), _said(row)
        if before == after:
            same += 1
        else:
            changes.append(UnitChange("added" if before is None else "changed", row.unit, before, after))
    named = {row.unit for row in rows}
    changes += [UnitChange("removed", name, state, None) for name, state in sorted(now_in.items()) if name not in named]
    return UnitsUpload(province.name, year, file_name, tuple(rows), tuple(changes), same)


def to_json(upload: UnitsUpload) -> dict:
    return {"province": upload.province, "year": upload.year, "file_name": upload.file_name,
            "rows": [asdict(r) for r in upload.rows], "changes": [asdict(c) for c in upload.changes],
            "unchanged": upload.unchanged}


def from_json(fields: dict) -> UnitsUpload:
    rows = tuple(Row(**{**r, "aliases": tuple(r["aliases"])}) for r in fields["rows"])
    return UnitsUpload(fields["province"], fields["year"], fields["file_name"], rows,
                       tuple(UnitChange(**c) for c in fields["changes"]), fields["unchanged"])


def store_units(session: orm.Session, upload: UnitsUpload, now: datetime, actor: str | None) -> None:
    """Add and update the file's units for the year; those left out lose the year's minimums."""
    apply_rows(session, list(upload.rows), upload.year)
    gone = [c.unit for c in upload.of_kind("removed")]
    if gone:
        ids = sa.select(Unit.id).join(Province).where(Province.name == upload.province, Unit.name.in_(gone))
        session.execute(sa.delete(Quota).where(Quota.year == upload.year, Quota.unit_id.in_(ids)))
    for change in upload.changes:
        audit(session, now, actor, f"units.file.{change.kind}", f"{change.unit} {upload.year}", change.before,
              change.after)


ORDER = ("unit", "type", "iit_min", "eit_min", "internal_stakeholders", "aliases")


def units_template(session: orm.Session, province: Province, year: int) -> bytes:
    """The year's units as they stand (or the latest year's), one row each, to edit and send back."""
    state = _state(session, province.id, year)
    book = Workbook()
    sheet = book.active
    sheet.title = texts.UNITS_SHEET_TITLE
    sheet.append([f"{texts.UNIT_COLUMNS[c]} ({c})" for c in ORDER])
    for name, s in sorted(state.items()):
        sheet.append([name, s["kind"], s["iit_min"], s["eit_min"], s["internal_stakeholders"], "; ".join(s["aliases"])])
    sheet.freeze_panes = "A2"
    for index, width in enumerate((40, 14, 14, 14, 16, 40)):
        sheet.column_dimensions[letter(index)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
