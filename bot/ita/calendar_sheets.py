"""A calendar as a sheet (Excel or CSV): a row per step, read into the same checked CalendarSpec
as a YAML file, every bad cell named by its row and column in Thai; and the template to fill in.

A sheet carries only steps: whose calendar it is comes from who sent it (a superadmin: the
NACC's; a coordinator: their province's), its fiscal year from the steps' dates.
"""
from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.styles import Font

from bot import texts
from bot.ita.calendar import Step, fiscal_year_be
from bot.ita.calendar_files import _SLUG, CalendarFileError, CalendarSpec, calendar_spec
from bot.ita.sheets import cell_text, columns, letter, rows_of
from bot.thai import forms_in, normalize, parse_thai_date, thai_date

REQUIRED = ("step", "name", "who", "start", "end")
_WORD_SPLIT = re.compile(r"[|;\n,]")
_FORM_SEPARATORS = re.compile(r"(?:[\s,;/|+&]|และ)+")


def read_calendar_sheet(file_name: str, data: bytes, scope: str, province: str | None) -> CalendarSpec:
    """Check a sheet whole; CalendarFileError lists every problem (row, column, why)."""
    table = rows_of(file_name, data)
    if not table:
        raise CalendarFileError(file_name, [texts.SHEET_NO_ROWS])
    where = columns(table[0][1], texts.CALENDAR_COLUMNS)
    missing = [texts.CALENDAR_COLUMNS[c] for c in REQUIRED if c not in where]
    if missing:
        raise CalendarFileError(file_name, [texts.SHEET_MISSING_COLUMNS.format(columns=", ".join(missing))])
    problems: list[str] = []
    rows = [(number, _row(number, values, where, problems)) for number, values in table[1:]]
    rows = [(number, step) for number, step in rows if step is not None]
    if not rows and not problems:
        raise CalendarFileError(file_name, [texts.SHEET_NO_ROWS])
    year = _year(rows, where, problems)
    doc = {"year": year, "scope": scope, "province": province,
           "title": (texts.OVERLAY_TITLE.format(year=year, province=province) if province
                     else texts.NACC_TITLE.format(year=year)),
           "source": texts.UPLOAD_SOURCE.format(file=file_name), "steps": [step for _, step in rows]}
    return calendar_spec(file_name, hashlib.sha256(data).hexdigest(), doc,
                         labels=[f"แถว {number}" for number, _ in rows], problems=problems)


def _row(number: int, values: list[object], where: dict[str, int], problems: list[str]) -> dict | None:
    """One row as a step of a calendar document; None (its problems noted) when a cell is wrong."""
    cells = {key: values[index] if index < len(values) else None for key, index in where.items()}
    before = len(problems)

    def bad(key: str, problem: str) -> None:
        problems.append(texts.SHEET_CELL.format(row=number, column=letter(where[key]),
                                                label=texts.CALENDAR_COLUMNS[key], problem=problem))

    for key in REQUIRED:
        if not cell_text(cells.get(key)):
            bad(key, texts.SHEET_REQUIRED)
    key = cell_text(cells.get("step"))
    if key and not _SLUG.match(key):
        bad("step", texts.SHEET_NOT_ID.format(value=key))
    start, end = _day(cells.get("start")), _day(cells.get("end"))
    for name, value, day in (("start", cells.get("start"), start), ("end", cells.get("end"), end)):
        if cell_text(value) and day is None:
            bad(name, texts.SHEET_NOT_DATE.format(value=cell_text(value)))
    if start and end and end < start:
        bad("end", texts.SHEET_END_BEFORE_START.format(end=thai_date(end), start=thai_date(start)))
    end_time = _time(cells.get("end_time"))
    if cell_text(cells.get("end_time")) and end_time is None:
        bad("end_time", texts.SHEET_NOT_TIME.format(value=cell_text(cells.get("end_time"))))
    forms = _forms(cell_text(cells.get("forms")))
    if forms is None:
        bad("forms", texts.SHEET_NOT_FORMS.format(value=cell_text(cells.get("forms"))))
    actor = _actor(cell_text(cells.get("who")))
    if cell_text(cells.get("who")) and actor is None:
        bad("who", texts.SHEET_NOT_WHO.format(value=cell_text(cells.get("who"))))
    if len(problems) > before:
        return None
    name = cell_text(cells["name"])
    step = {"id": key, "short": name, "title": cell_text(cells.get("title")) or name, "start": start.isoformat(),
            "end": end.isoformat(), "forms": list(forms), "actor": actor,
            "words": [w.strip() for w in _WORD_SPLIT.split(cell_text(cells.get("words"))) if w.strip()]}
    optional = {"end_time": end_time.strftime("%H:%M") if end_time else None,
                "nacc_step": cell_text(cells.get("nacc_step")), "note": cell_text(cells.get("note"))}
    return step | {k: v for k, v in optional.items() if v}


def _day(value: object) -> date | None:
    if isinstance(value, (datetime, date)):  # Excel's own date: a BE year typed into it stays BE
        day = value.date() if isinstance(value, datetime) else value
        return day.replace(year=day.year - 543) if day.year > 2400 else day
    text = cell_text(value)
    return parse_thai_date(text) if text else None


def _time(value: object) -> time | None:
    if isinstance(value, time):
        return value
    text = normalize(cell_text(value)).replace(".", ":").removesuffix(" น").strip()
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


def _forms(text: str) -> tuple[str, ...] | None:
    """The forms a cell names ("IIT, EIT", "iit และ eit"); None when it says something else."""
    found = forms_in(normalize(text))
    rest = _FORM_SEPARATORS.sub("", re.sub(r"(?i)iit|eit|oit", "", normalize(text)))
    return None if rest else found


def _actor(text: str) -> str | None:
    if text.lower() in ("unit", "province", "nacc"):
        return text.lower()
    return texts.ACTOR_WORDS.get(" ".join(normalize(text).split()))


def _year(rows: list[tuple[int, dict]], where: dict[str, int], problems: list[str]) -> int | None:
    """The fiscal year most steps end in; a row ending in another is named."""
    years = Counter(fiscal_year_be(date.fromisoformat(step["end"])) for _, step in rows)
    if not years:
        return None
    year = years.most_common(1)[0][0]
    for number, step in rows:
        if fiscal_year_be(date.fromisoformat(step["end"])) != year:
            problems.append(texts.SHEET_CELL.format(
                row=number, column=letter(where["end"]), label=texts.CALENDAR_COLUMNS["end"],
                problem=texts.SHEET_OTHER_YEAR.format(year=year, first=year - 1)))
    return year


# -- the template ---------------------------------------------------------------------------------
ORDER = ("step", "name", "title", "forms", "who", "start", "end", "end_time", "nacc_step", "words", "note")
WIDTHS = {"step": 22, "name": 40, "title": 50, "forms": 12, "who": 12, "start": 16, "end": 16, "end_time": 10,
          "nacc_step": 22, "words": 40, "note": 30}


def calendar_template(steps: list[Step], nacc_steps: list[Step]) -> bytes:
    """An .xlsx to fill in: the steps as they stand (dates in Thai, BE), how to fill it in, and
    for a province's overlay the NACC's steps to point at."""
    book = Workbook()
    sheet = book.active
    sheet.title = texts.SHEET_TITLE
    _table(sheet, [f"{texts.CALENDAR_COLUMNS[c]} ({c})" for c in ORDER], [_cells(s) for s in steps],
           [WIDTHS[c] for c in ORDER])
    how = book.create_sheet(texts.SHEET_HOW_TITLE)
    for line in texts.SHEET_HOW:
        how.append([line])
    how.column_dimensions["A"].width = 110
    if nacc_steps:
        reference = book.create_sheet(texts.SHEET_NACC_TITLE)
        _table(reference, [f"{texts.CALENDAR_COLUMNS[c]} ({c})" for c in ("step", "name", "start", "end")],
               [[s.key, s.short, thai_date(s.start), thai_date(s.end)] for s in nacc_steps], [22, 40, 16, 16])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(sheet, header: list[str], rows: list[list], widths: list[int]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[letter(index)].width = width


def _cells(step: Step) -> list:
    values = {"step": step.key, "name": step.short, "title": step.title, "forms": ", ".join(step.forms), "who": texts.ACTOR[step.actor],
              "start": thai_date(step.start), "end": thai_date(step.end),
              "end_time": step.end_time.strftime("%H:%M") if step.end_time else "", "nacc_step": step.nacc_step or "",
              "words": " | ".join(step.words), "note": step.note or ""}
    return [values[c] for c in ORDER]
