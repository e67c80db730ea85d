"""`itabot units import FILE`: units and minimums from the coordinators' CSV or XLSX."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.sheets import cell_text, header_key, rows_of

from bot.ita.units import KIND_OF_PREFIX, kind_from_name, unit_key
from bot.thai import normalize
from models import Quota, Unit, UnitAlias, get_or_create_province
from models.unit import UNIT_KINDS

REQUIRED = ("province", "unit", "type", "iit_min", "eit_min")
OPTIONAL = ("internal_stakeholders", "aliases")


@dataclass(frozen=True)
class Row:
    number: int
    province: str
    unit: str
    kind: str
    iit_min: int
    eit_min: int
    internal_stakeholders: int | None
    aliases: tuple[str, ...]


@dataclass
class ImportResult:
    added: list[int]
    updated: list[int]
    rejected: list[tuple[int, str]]
    applied: bool


class BadCell(ValueError):
    """A row's cell that cannot be read: the column's key, and the reason in English (the CLI's)
    and in Thai (a coordinator's)."""

    def __init__(self, column: str, english: str, thai: str):
        super().__init__(english)
        self.column, self.thai = column, thai


def read_rows(path: Path) -> tuple[list[Row], list[tuple[int, str]]]:
    """Rows that are well-formed, and (row number, reason) for those that are not."""
    table = rows_of(path.name, path.read_bytes())
    header = [header_key(h) for h in (table[0][1] if table else [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [(1, f"missing column(s): {', '.join(missing)}")]
    rows, rejected = check_rows(table[1:], dict(reversed([(h, i) for i, h in enumerate(header)])))
    return rows, [(number, str(bad)) for number, bad in rejected]


def check_rows(table: list[tuple[int, list[object]]], where: dict[str, int],
               province: str | None = None) -> tuple[list[Row], list[tuple[int, BadCell]]]:
    """Each numbered row by its columns (`where`: key -> index); `province` stands for a missing
    province column."""
    rows, rejected = [], []
    seen: dict[tuple[str, str], int] = {}
    for number, values in table:
        record = {key: cell_text(values[index]) if index < len(values) else "" for key, index in where.items()}
        if province is not None:
            record.setdefault("province", province)
        try:
            row = _row(number, record)
        except BadCell as bad:
            rejected.append((number, bad))
            continue
        first = seen.setdefault((row.province, unit_key(row.unit)), number)
        if first != number:
            rejected.append((number, BadCell("unit", f"the same unit as row {first}",
                                             texts.UNIT_CELL_TWICE.format(row=first))))
        else:
            rows.append(row)
    return rows, rejected


def _row(number: int, r: dict) -> Row:
    if not r.get("province") or not r.get("unit"):
        raise BadCell("unit" if r.get("province") else "province", "province and unit are required",
                      texts.SHEET_REQUIRED)
    kind = _kind(r.get("type", ""), r["unit"])
    aliases = tuple(a.strip() for a in r.get("aliases", "").replace("|", ";").split(";") if a.strip())
    return Row(number, r["province"].removeprefix("จังหวัด").strip(), " ".join(r["unit"].split()), kind,
               _count(r, "iit_min"), _count(r, "eit_min"),
               _count(r, "internal_stakeholders") if r.get("internal_stakeholders") else None, aliases)


def _kind(value: str, name: str) -> str:
    if not value:
        return kind_from_name(name)
    if value in UNIT_KINDS:
        return value
    kind = KIND_OF_PREFIX.get(unit_key(value))
    if kind is None:
        raise BadCell("type", f"unknown type {value!r}", texts.UNIT_CELL_TYPE.format(value=value))
    return kind


def _count(r: dict, column: str) -> int:
    text = normalize(r.get(column, "")).replace(",", "")
    try:
        value = float(text)
    except ValueError:
        raise BadCell(column, f"{column} is not a number: {r.get(column)!r}",
                      texts.UNIT_CELL_COUNT.format(value=r.get(column))) from None
    if value != int(value) or not 0 <= value <= 100_000:
        raise BadCell(column, f"{column} must be a whole number from 0 to 100,000: {r.get(column)!r}",
                      texts.UNIT_CELL_COUNT.format(value=r.get(column)))
    return int(value)


def apply_rows(session: orm.Session, rows: list[Row], year: int) -> tuple[list[int], list[int]]:
    """Upsert by (province, unit); returns the row numbers added and updated."""
    added, updated = [], []
    for row in rows:
        province = get_or_create_province(session, row.province)
        unit = session.scalar(sa.select(Unit).where(Unit.province_id == province.id, Unit.name == row.unit))
        if unit is None:
            unit = Unit(province=province, name=row.unit, kind=row.kind, key=unit_key(row.unit))
            session.add(unit)
            added.append(row.number)
        else:
            unit.kind = row.kind
            updated.append(row.number)
        _set_aliases(unit, row.aliases)
        session.flush()
        quota = session.get(Quota, (unit.id, year)) or Quota(unit_id=unit.id, year=year)
        quota.iit_min, quota.eit_min = row.iit_min, row.eit_min
        quota.internal_stakeholders = row.internal_stakeholders
        session.merge(quota)
    return added, updated


def _set_aliases(unit: Unit, aliases: tuple[str, ...]) -> None:
    # Keep the aliases that stay: replacing them all would insert before deleting and trip the unique key.
    wanted = {unit_key(a): a for a in aliases if unit_key(a)}
    unit.aliases = [a for a in unit.aliases if a.key in wanted]
    kept = {a.key for a in unit.aliases}
    unit.aliases.extend(UnitAlias(alias=alias, key=key) for key, alias in wanted.items() if key not in kept)
