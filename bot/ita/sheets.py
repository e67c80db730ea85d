"""Tables people send: a CSV or an Excel sheet, read into numbered rows of text, with the columns
found by their header whatever the order ("ชื่อขั้นตอน", "name" or "ชื่อขั้นตอน (name)")."""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from bot.thai import normalize


class SheetError(ValueError):
    """The file cannot be read as a table at all (not a workbook, not text)."""


def rows_of(file_name: str, data: bytes) -> list[tuple[int, list[object]]]:
    """Every non-empty row with its number as the sheet shows it (1 = the header)."""
    records = _xlsx(data) if file_name.lower().endswith((".xlsx", ".xlsm")) else _csv(data)
    return [(number, row) for number, row in enumerate(records, 1) if not all(_blank(v) for v in row)]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _csv(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp874"):  # Excel on Thai Windows saves CSV as TIS-620 (cp874)
        try:
            return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))
        except UnicodeDecodeError:
            continue
        except csv.Error as error:
            raise SheetError(str(error)) from None
    raise SheetError("not UTF-8 or TIS-620 text")


def _xlsx(data: bytes) -> list[tuple]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SheetError(type(error).__name__) from None
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def header_key(cell: object) -> str:
    """A header cell as a column name: "ชื่อขั้นตอน (name)" -> "name"; "IIT min" -> "iit_min"."""
    text = normalize(str(cell or "")).strip().lower()
    if text.endswith(")") and "(" in text:
        text = text[text.rindex("(") + 1:-1]
    return "_".join(text.split())


def columns(header: list[object], labels: dict[str, str]) -> dict[str, int]:
    """Where each known column is: by its key (English) or its Thai label."""
    names = {header_key(label): key for key, label in labels.items()} | {key: key for key in labels}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = names.get(header_key(cell))
        if key is not None and key not in found:
            found[key] = index
    return found


def letter(index: int) -> str:
    return get_column_letter(index + 1)


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    return str(value).strip()
