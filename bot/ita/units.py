"""Finding units by what people type: abbreviations with or without dots and spaces,
full names, Thai digits, small typos. Never a silent guess between two units."""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from sqlalchemy import orm

from bot.thai import normalize
from models import Unit, UnitAlias

# Full forms people write, to the abbreviation ITAS lists use; longest first.
_FULL_TO_ABBR = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ"),
    ("องค์การบริหารส่วนตำบล", "อบต"),
    ("เทศบาลนคร", "ทน"),
    ("เทศบาลเมือง", "ทม"),
    ("เทศบาลตำบล", "ทต"),
    ("สำนักงานจังหวัด", "สนจ"),
)
KIND_OF_PREFIX = {"อบจ": "pao", "อบต": "sao", "ทน": "city", "ทม": "town", "ทต": "subdistrict",
                  "อำเภอ": "district", "ที่ว่าการอำเภอ": "district", "จังหวัด": "province_admin", "สนจ": "province_admin"}
MAX_CHOICES = 13  # quick reply's limit
MIN_BARE = 4  # letters: shorter names said without their prefix are too easily other words
_GOOD, _CLOSE, _HINT = 90, 70, 40  # rapidfuzz scores: a match, a close one, a last-resort hint


def unit_key(name: str) -> str:
    """อบต.บ้านไผ่, อบต บ้านไผ่, อบตบ้านไผ่ and องค์การบริหารส่วนตำบลบ้านไผ่ all become อบตบ้านไผ่."""
    text = normalize(name)
    for full, abbr in _FULL_TO_ABBR:
        text = text.replace(full, abbr)
    return re.sub(r"[\s.\-_,()]+", "", text)


@dataclass
class Found:
    """One unit for sure, or choices to offer (several close ones, or the nearest suggestions)."""

    unit: Unit | None = None
    choices: list[Unit] = field(default_factory=list)


def find_unit(session: orm.Session, text: str, province_id: int | None = None) -> Found:
    key = unit_key(text)
    if not key:
        return Found()
    names = _candidates(session, province_id)
    exact = {unit_id for name, unit_id in names if name == key}
    if len(exact) == 1:
        return Found(unit=session.get(Unit, exact.pop()))
    if exact:
        return Found(choices=_units(session, exact))
    scored = process.extract(key, [n for n, _ in names], scorer=fuzz.ratio, limit=MAX_CHOICES * 2)
    best: dict[int, float] = {}
    for _name, score, index in scored:
        unit_id = names[index][1]
        best[unit_id] = max(best.get(unit_id, 0), score)
    ranked = sorted(best, key=lambda u: -best[u])
    top = best[ranked[0]] if ranked else 0
    runner_up = best[ranked[1]] if len(ranked) > 1 else 0
    if top >= _GOOD and runner_up < top - 5:  # a typo of one unit, not a toss-up between two
        return Found(unit=session.get(Unit, ranked[0]))
    close = [u for u in ranked if best[u] >= _CLOSE][:MAX_CHOICES]
    # Nothing close: still offer the nearest few, so the person can pick instead of retyping.
    return Found(choices=_units(session, close or [u for u in ranked if best[u] >= _HINT][:3]))


class BareNames:
    """`bare_names` per province, kept for a minute: read for nearly every message that names a
    form, and units change only when a list is imported."""

    KEEP = 60.0  # seconds

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[int | None, tuple[float, dict[str, str]]] = {}

    def of(self, session: orm.Session, province_id: int | None) -> dict[str, str]:
        with self._lock:
            kept = self._kept.get(province_id)
        if kept is not None and time.monotonic() - kept[0] < self.KEEP:
            return kept[1]
        names = bare_names(session, province_id)
        with self._lock:
            self._kept[province_id] = (time.monotonic(), names)
        return names

    def forget(self) -> None:
        with self._lock:
            self._kept.clear()


def bare_names(session: orm.Session, province_id: int | None) -> dict[str, str]:
    """A province's units by the name people say without its prefix ("บ้านไผ่" for อบต.บ้านไผ่),
    for the names that are long enough and belong to one unit only."""
    if province_id is None:
        return {}
    owners: dict[str, set[str]] = {}
    for key, name in session.execute(sa.select(Unit.key, Unit.name).where(Unit.province_id == province_id)):
        bare = _without_prefix(key)
        owners.setdefault(bare, set()).add(name)
    return {bare: names.pop() for bare, names in owners.items() if len(bare) >= MIN_BARE and len(names) == 1}


def _without_prefix(key: str) -> str:
    for prefix in sorted(KIND_OF_PREFIX, key=len, reverse=True):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _candidates(session: orm.Session, province_id: int | None) -> list[tuple[str, int]]:
    units = sa.select(Unit.key, Unit.id)
    aliases = sa.select(UnitAlias.key, UnitAlias.unit_id).join(Unit)
    if province_id is not None:
        units = units.where(Unit.province_id == province_id)
        aliases = aliases.where(Unit.province_id == province_id)
    return [tuple(row) for row in session.execute(units.union_all(aliases))]


def _units(session: orm.Session, ids) -> list[Unit]:
    ids = list(ids)
    by_id = {u.id: u for u in session.scalars(sa.select(Unit).where(Unit.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def kind_from_name(name: str) -> str:
    key = unit_key(name)
    for prefix, kind in sorted(KIND_OF_PREFIX.items(), key=lambda p: -len(p[0])):
        if key.startswith(prefix):
            return kind
    return "other"
