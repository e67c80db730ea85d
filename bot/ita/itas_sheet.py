"""ITAS's figures unit by unit, as a sheet (.xlsx or .csv: unit, IIT, EIT part 1, EIT part 2, OIT)
a coordinator fills from ITAS and sends in chat: checked whole, every bad cell named by row and
column, stored as that day's ITAS figures only when every row reads; and its template."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import orm

from bot import texts
from bot.ita.province import UnitProgress
from bot.ita.sheets import cell_text, columns, letter, rows_of
from bot.ita.units import unit_key
from bot.thai import normalize
from models import ItasFigures, ItasUnitFigures, Province, Quota, Unit, UnitAlias

COLUMNS = texts.ITAS_SHEET_COLUMNS
REQUIRED = ("unit", "iit", "eit1")
_OIT = {normalize(name): state for state, name in texts.OIT_STATE_NAMES.items()} | {s: s for s in texts.OIT_STATE_NAMES}


class ItasSheetError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class UnitFigure:
    unit_id: int
    iit: int
    eit1: int
    eit2: int | None
    oit_state: str | None


def is_itas_sheet(file_name: str, data: bytes) -> bool:
    """A sheet with a unit column and ITAS's count columns, and no minimums: ITAS's figures."""
    table = rows_of(file_name, data)
    if not table:
        return False
    found = columns(table[0][1], COLUMNS)
    return {"unit", "iit", "eit1"} <= found.keys() and not columns(table[0][1], {"iit_min": texts.UNIT_COLUMNS["iit_min"]})


def read_itas_sheet(session: orm.Session, province: Province, file_name: str, data: bytes) -> list[UnitFigure]:
    table = rows_of(file_name, data)
    where = columns(table[0][1], COLUMNS) if table else {}
    missing = [COLUMNS[c] for c in REQUIRED if c not in where]
    if missing:
        raise ItasSheetError([texts.ITAS_SHEET_MISSING.format(columns=", ".join(missing))])
    if len(table) < 2:
        raise ItasSheetError([texts.ITAS_SHEET_NO_ROWS])
    units = _units_by_key(session, province.id)
    problems: list[str] = []
    figures: list[UnitFigure] = []
    seen: dict[int, int] = {}
    for number, values in table[1:]:
        cells = {key: values[index] if index < len(values) else None for key, index in where.items()}

        def bad(key: str, problem: str) -> None:
            problems.append(texts.SHEET_CELL.format(row=number, column=letter(where[key]), label=COLUMNS[key],
                                                    problem=problem))
        before = len(problems)
        unit_id = units.get(unit_key(cell_text(cells["unit"])))
        if unit_id is None:
            bad("unit", texts.ITAS_SHEET_UNKNOWN_UNIT.format(province=province.name))
        elif unit_id in seen:
            bad("unit", texts.ITAS_SHEET_TWICE.format(first=seen[unit_id]))
        counts = {key: _count(cells.get(key)) for key in ("iit", "eit1", "eit2") if key in where}
        for key, value in counts.items():
            if value == -1 or (value is None and key != "eit2"):
                bad(key, texts.ITAS_SHEET_COUNT)
        state = _OIT.get(normalize(cell_text(cells.get("oit")))) if cell_text(cells.get("oit")) else None
        if cell_text(cells.get("oit")) and state is None:
            bad("oit", texts.ITAS_SHEET_OIT)
        if unit_id is not None:
            seen.setdefault(unit_id, number)
        if len(problems) == before:
            figures.append(UnitFigure(unit_id, counts["iit"], counts["eit1"], counts.get("eit2"), state))
    if problems:
        raise ItasSheetError(problems)
    return figures


def store_itas_sheet(session: orm.Session, province_id: int, year: int, figures: list[UnitFigure], day: date,
                     now: datetime, by: str | None) -> ItasFigures:
    """The day's ITAS figures of each unit in the sheet (replacing that day's sheet); the day's totals
    from them unless a status page was pasted that day (its totals are ITAS's own)."""
    row = session.scalar(sa.select(ItasFigures).where(
        ItasFigures.province_id == province_id, ItasFigures.year == year, ItasFigures.day == day))
    pasted = row is not None and not row.totals_from_sheet
    minimums = {unit_id: (iit, eit) for unit_id, iit, eit in session.execute(
        sa.select(Quota.unit_id, Quota.iit_min, Quota.eit_min).where(Quota.year == year))}
    if row is None:
        row = ItasFigures(province_id=province_id, year=year, day=day)
        session.add(row)
    row.taken_at, row.taken_by = now, by
    if not pasted:
        row.units, row.totals_from_sheet = len(figures), True
        row.iit_total = sum(f.iit for f in figures)
        row.iit_done = sum(f.iit >= minimums.get(f.unit_id, (0, 0))[0] for f in figures)
        row.eit1_total = sum(f.eit1 for f in figures)
        row.eit1_done = sum(f.eit1 >= minimums.get(f.unit_id, (0, 0))[1] for f in figures)
        known = [f for f in figures if f.oit_state]
        row.oit_total = sum(f.oit_state != "not_started" for f in known) if known else None
        row.oit_done = sum(f.oit_state == "approved" for f in known) if known else None
    session.flush()
    session.execute(sa.delete(ItasUnitFigures).where(ItasUnitFigures.figures_id == row.id))
    session.add_all([ItasUnitFigures(figures_id=row.id, unit_id=f.unit_id, iit=f.iit, eit1=f.eit1, eit2=f.eit2,
                                     oit_state=f.oit_state) for f in figures])
    session.flush()
    return row


def units_of(session: orm.Session, figures: ItasFigures | None) -> dict[int, ItasUnitFigures]:
    """A day's per-unit ITAS figures by unit id (none when only the status page was pasted)."""
    if figures is None:
        return {}
    return {f.unit_id: f for f in session.scalars(sa.select(ItasUnitFigures)
                                                   .where(ItasUnitFigures.figures_id == figures.id))}


def itas_template(rows: list[UnitProgress]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = texts.ITAS_SHEET_TITLE
    sheet.append([f"{label} ({key})" for key, label in COLUMNS.items()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([r.unit, None, None, None, None])
    sheet.freeze_panes = "B2"
    for index, width in enumerate((40, 12, 16, 16, 16)):
        sheet.column_dimensions[letter(index)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _count(value: object) -> int | None:
    """A count cell: None when empty, -1 when it is not a whole number from 0 to 100,000."""
    text = cell_text(value).replace(",", "").strip()
    if not text:
        return None
    return int(text) if text.isdigit() and int(text) <= 100_000 else -1


def _units_by_key(session: orm.Session, province_id: int) -> dict[str, int]:
    found = {key: unit_id for unit_id, key in session.execute(
        sa.select(Unit.id, Unit.key).where(Unit.province_id == province_id))}
    for unit_id, alias in session.execute(sa.select(UnitAlias.unit_id, UnitAlias.key).join(Unit)
                                          .where(Unit.province_id == province_id)):
        found.setdefault(alias, unit_id)
    return found
