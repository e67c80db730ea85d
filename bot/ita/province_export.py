"""A province's progress as the Excel sheet coordinators already keep: a row per unit (counts,
minimums, gaps, OIT, the last report), and the year's calendar as the province sees it.
Served behind the dashboard's signed link and written by `itabot export`."""
from __future__ import annotations

import io
import unicodedata
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bot import texts
from bot.ita.calendar import Cycle
from bot.ita.province import UnitProgress
from bot.thai import thai_date

ACTORS = {"unit": "หน่วยงาน", "province": "จังหวัด", "nacc": "ป.ป.ช."}


def province_workbook(rows: list[UnitProgress], cycle: Cycle | None, itas: dict | None = None) -> bytes:
    """`itas`: ITAS's own figures by unit id, where a sheet of them was sent (ItasUnitFigures)."""
    itas = itas or {}
    book = Workbook()
    units = book.active
    units.title = texts.EXPORT_SHEET_UNITS
    _table(units, texts.EXPORT_UNIT_COLUMNS + texts.EXPORT_ITAS_COLUMNS,
           [_unit_row(r) + _itas_cells(itas.get(r.unit_id)) for r in rows])
    calendar = book.create_sheet(texts.EXPORT_SHEET_CALENDAR)
    _table(calendar, texts.EXPORT_CALENDAR_COLUMNS, [_step_row(e) for e in (cycle.entries if cycle else ())])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _unit_row(r: UnitProgress) -> list:
    last = r.last
    return [r.unit, r.iit, r.iit_min, max(0, r.iit_min - r.iit), r.eit, r.eit_min, max(0, r.eit_min - r.eit),
            texts.OIT_STATE_NAMES.get(r.oit_state, r.oit_state),
            f"{last.form} {last.count:,}" if last else texts.DASH_NEVER, (last.by or "") if last else "",
            last.at.replace(tzinfo=None) if last else None]  # Excel keeps no time zone: Bangkok time


def _itas_cells(figures) -> list:
    if figures is None:
        return [None, None, None]
    return [figures.iit, figures.eit1, texts.OIT_STATE_NAMES.get(figures.oit_state, "") if figures.oit_state else None]


def _step_row(entry) -> list:
    step = entry.step
    own = "; ".join(f"{o.short}: {thai_date(o.end)}" for o in entry.overlays)
    return [step.short, thai_date(step.start), thai_date(step.end), ", ".join(step.forms),
            ACTORS.get(step.actor, step.actor), own]


def _table(sheet, header: tuple[str, ...], rows: list[list]) -> None:
    """Bold header, frozen under it, a filter on every column, widths that fit the Thai text."""
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        widest = max((_shown_width(c.value) for c in column), default=8)
        sheet.column_dimensions[get_column_letter(column[0].column)].width = min(max(widest + 2, 8), 60)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "d mmm yyyy hh:mm"


def _shown_width(value) -> int:
    """Columns a value takes: Thai vowels and tone marks above or below a letter take none."""
    if value is None:
        return 0
    if not isinstance(value, str):
        return 16 if hasattr(value, "year") else len(f"{value:,}") if isinstance(value, int) else len(str(value))
    return sum(not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn" for ch in value)
