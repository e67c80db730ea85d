"""ITAS's own figures, as a coordinator pastes them from its status page, kept beside the counts
units report in the bot (never replacing them): read whole, every line that fails named, and
stored as that day's figures of the province only when all of it reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot import texts
from bot.ita.province import ProvinceTotals
from bot.thai import normalize
from models import ItasFigures

FORMS = ("iit", "eit1", "eit2", "oit")
REQUIRED_FORMS = ("iit", "eit1", "oit")  # part 2 of EIT opens later: a page may lack it
_NUMBER = re.compile(r"\d[\d,]*")
LABELS = texts.ITAS_PAGE


@dataclass(frozen=True)
class FormFigures:
    total: int  # responses (OIT: units that started)
    done: int  # units at their minimum (OIT: that finished every step)
    below: int


@dataclass(frozen=True)
class StatusPage:
    units: int
    forms: dict[str, FormFigures]
    year: int | None = None


class StatusPageError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems

    @property
    def thai(self) -> str:
        return texts.ITAS_BAD_PASTE.format(problems="\n".join(self.problems))


@dataclass
class _Section:
    header: tuple[int, str]
    numbers: dict[str, tuple[int, str, int]] = field(default_factory=dict)  # what -> (line, text, value)


def read_status_page(text: str) -> StatusPage:
    """The figures of a pasted status page; StatusPageError names each line that fails, or what is missing."""
    lines = [(n, normalize(line)) for n, line in enumerate((text or "").splitlines(), 1)]
    lines = [(n, line) for n, line in lines if line]
    problems: list[str] = []
    units: tuple[int, str, int] | None = None
    year = None
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    waiting: tuple[str, int, str] | None = None  # a label whose number is on the next line
    for n, line in lines:
        form = _form_of(line)
        if form:
            current = sections.setdefault(form, _Section((n, line)))
            waiting = None
            if year is None and LABELS["year"] in line:
                year = _first_number(line.split(LABELS["year"], 1)[1])
            continue
        if year is None and LABELS["year"] in line:
            year = _first_number(line.split(LABELS["year"], 1)[1])
        number = _first_number(line)
        if waiting is not None:
            what, label_line, label_text = waiting
            waiting = None
            if number is None:
                problems.append(texts.ITAS_LINE.format(line=label_line, text=label_text, problem=texts.ITAS_NO_NUMBER))
                continue
            if what == "units":
                units = (label_line, label_text, number)
            elif current is not None:
                current.numbers[what] = (label_line, label_text, number)
            continue
        what = _what(line, current)
        if what is None:
            continue
        if number is None:
            waiting = (what, n, line)
        elif what == "units":
            units = (n, line, number)
        elif current is not None:
            current.numbers[what] = (n, line, number)
    if waiting is not None:
        problems.append(texts.ITAS_LINE.format(line=waiting[1], text=waiting[2], problem=texts.ITAS_NO_NUMBER))
    figures = _checked(units, sections, problems)
    if problems:
        raise StatusPageError(problems)
    return StatusPage(units[2], figures, year)


def _form_of(line: str) -> str | None:
    for form in ("eit2", "eit1", "iit", "oit"):
        if LABELS[form].lower() in line:
            return form
    return None


def _what(line: str, current: _Section | None) -> str | None:
    if LABELS["units"] in line:
        return "units"
    if current is None:
        return None
    if LABELS["below"] in line:
        return "below"
    if LABELS["done"] in line:
        return "done"
    if line.startswith(LABELS["total"]):
        return "total"
    return None


def _first_number(text: str) -> int | None:
    found = _NUMBER.search(text)
    return int(found[0].replace(",", "")) if found else None


def _checked(units, sections: dict[str, _Section], problems: list[str]) -> dict[str, FormFigures]:
    if units is None:
        problems.append(texts.ITAS_MISSING.format(what=texts.ITAS_WHAT["units"]))
    figures = {}
    for form in FORMS:
        name = texts.ITAS_FORM_NAMES[form]
        section = sections.get(form)
        if section is None:
            if form in REQUIRED_FORMS:
                problems.append(texts.ITAS_MISSING.format(what=texts.ITAS_WHAT["form"].format(form=name)))
            continue
        missing = [w for w in ("total", "done", "below") if w not in section.numbers]
        for what in missing:
            problems.append(texts.ITAS_LINE.format(line=section.header[0], text=section.header[1][:60],
                                                   problem=texts.ITAS_MISSING.format(
                                                       what=texts.ITAS_WHAT[what].format(form=name))[2:]))
        if missing:
            continue
        total, done, below = (section.numbers[w][2] for w in ("total", "done", "below"))
        if units is not None and done + below != units[2]:
            line, text, _ = section.numbers["below"]
            problems.append(texts.ITAS_LINE.format(line=line, text=text, problem=texts.ITAS_SUM.format(
                ok=done, below=below, units=units[2])))
        figures[form] = FormFigures(total, done, below)
    return figures


def store_status_page(session: orm.Session, province_id: int, year: int, page: StatusPage, day: date,
                      now: datetime, by: str | None) -> ItasFigures:
    """Keep the page as the province's ITAS figures of `day` (a second paste that day replaces the first)."""
    row = session.scalar(sa.select(ItasFigures).where(
        ItasFigures.province_id == province_id, ItasFigures.year == year, ItasFigures.day == day))
    if row is None:
        row = ItasFigures(province_id=province_id, year=year, day=day)
        session.add(row)
    row.units, row.taken_at, row.taken_by, row.totals_from_sheet = page.units, now, by, False
    for form in FORMS:
        found = page.forms.get(form)
        setattr(row, f"{form}_total", found.total if found else None)
        setattr(row, f"{form}_done", found.done if found else None)
    session.flush()
    return row


def latest_figures(session: orm.Session, province_id: int, year: int) -> ItasFigures | None:
    return session.scalar(sa.select(ItasFigures).where(ItasFigures.province_id == province_id, ItasFigures.year == year)
                          .order_by(ItasFigures.day.desc()).limit(1))


@dataclass(frozen=True)
class Side:
    """One figure as ITAS shows it and as the bot counts it."""
    key: str  # units, iit, iit_ok, eit, eit_ok, oit_done
    itas: int
    bot: int

    @property
    def differs(self) -> bool:
        return self.itas != self.bot


def side_by_side(itas: ItasFigures, seen: ProvinceTotals) -> list[Side]:
    """ITAS's figures beside the bot's, where ITAS gave them."""
    pairs = (("units", itas.units, seen.units), ("iit", itas.iit_total, seen.iit), ("iit_ok", itas.iit_done, seen.iit_ok),
             ("eit", itas.eit1_total, seen.eit), ("eit_ok", itas.eit1_done, seen.eit_ok),
             ("oit_done", itas.oit_done, seen.oit_done))
    return [Side(key, figure, bot) for key, figure, bot in pairs if figure is not None]
