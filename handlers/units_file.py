"""A province's units sent as a file (Excel or CSV, a row per unit: name, type, minimums, staff,
short names): a preview card of the units added, changed and no longer taking part, stored only by
its confirm button; and `แบบฟอร์มหน่วยงาน`, the link to the year's list to edit."""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import sqlalchemy as sa

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import year_asked
from bot.ita.proposals import decide, propose
from bot.ita.unit_uploads import UnitChange, UnitsFileError, compare, from_json, read_units_sheet, store_units, \
    to_json, units_base
from bot.line.cards import change_card
from bot.line.replies import QuickReply, Reply, Text
from bot.links import public_url
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command, on_postback
from models import CalendarProposal, Province

_PROPOSAL = re.compile(r"^\d{1,9}$")


def units_preview(name: str, data: bytes, ctx: Context, province: Province, problems_text) -> list[Reply]:
    """The reply to a units file from the province's coordinator: its problems, or its preview."""
    year = year_asked("", ctx.today)
    try:
        rows = read_units_sheet(name, data, province.name)
    except UnitsFileError as error:
        return [Text(problems_text(name, error.problems))]
    upload = compare(ctx.session, province, year, rows, name)
    if not upload.changes:
        return [Text(texts.UNITS_UNCHANGED.format(file=name, year=year))]
    proposal = propose(ctx.session, "units", year, to_json(upload), units_base(ctx.session, province.id, year),
                       ctx.user_id, ctx.chat.id, ctx.now)
    buttons = (QuickReply(texts.BUTTON_CONFIRM, f"units-confirm:{proposal.id}", postback=True),
               QuickReply(texts.BUTTON_CANCEL, f"units-cancel:{proposal.id}", postback=True))
    sections = [(texts.UNITS_PREVIEW_SECTIONS[kind].format(count=len(upload.of_kind(kind))),
                 texts.FILE_PREVIEW_COLOURS[kind], [_line(c) for c in upload.of_kind(kind)])
                for kind in ("added", "changed", "removed") if upload.of_kind(kind)]
    notes = [texts.UNITS_PREVIEW_SAME.format(count=upload.unchanged), texts.MOVE_PREVIEW_CONFIRM]
    alt = texts.UNITS_PREVIEW_ALT.format(file=name, added=len(upload.of_kind("added")),
                                         changed=len(upload.of_kind("changed")), removed=len(upload.of_kind("removed")))
    return [change_card(alt, texts.UNITS_PREVIEW_TITLE.format(province=province.name, year=year),
                        texts.FILE_PREVIEW_SUB.format(file=name), sections, notes, buttons)]


def _line(change: UnitChange) -> str:
    if change.kind != "changed":
        shown = change.after or change.before
        return texts.UNITS_PREVIEW_LINE.format(unit=change.unit, iit=shown["iit_min"], eit=shown["eit_min"])
    differences = [f"{texts.UNITS_FIELD[f]} {_value(change.before[f])} → {_value(change.after[f])}"
                   for f in texts.UNITS_FIELD if change.before[f] != change.after[f]]
    return texts.UNITS_PREVIEW_CHANGED.format(unit=change.unit, changes=", ".join(differences))


def _value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(value) or "-"
    return "-" if value is None else str(value)


def _proposal(data: str, ctx: Context) -> CalendarProposal | None:
    found = ctx.session.get(CalendarProposal, int(data)) if _PROPOSAL.match(data) else None
    return found if found is not None and found.kind == "units" else None


def _base(ctx: Context, proposal: CalendarProposal | None) -> dict | None:
    if proposal is None:
        return None
    upload = from_json(json.loads(proposal.changes))
    province = ctx.session.scalar(sa.select(Province).where(Province.name == upload.province))
    return units_base(ctx.session, province.id, upload.year) if province is not None else None


@on_postback("units-confirm", writes=True, need=PROVINCE_COORDINATOR, refused=texts.WHAT_UNITS_FILE)
def confirm(data: str, ctx: Context) -> list[Reply]:
    proposal = _proposal(data, ctx)
    outcome = decide(ctx.session, proposal, ctx.user_id, True, ctx.now, _base(ctx, proposal))
    if outcome != "applied":
        return [Text(_UNCHANGED[outcome])]
    upload = from_json(json.loads(proposal.changes))
    store_units(ctx.session, upload, ctx.now, ctx.user_id)
    return [Text(texts.UNITS_DONE.format(province=upload.province, year=upload.year, file=upload.file_name,
                                         added=len(upload.of_kind("added")), changed=len(upload.of_kind("changed")),
                                         removed=len(upload.of_kind("removed"))))]


@on_postback("units-cancel", need=PROVINCE_COORDINATOR, refused=texts.WHAT_UNITS_FILE)
def cancel(data: str, ctx: Context) -> list[Reply]:
    proposal = _proposal(data, ctx)
    outcome = decide(ctx.session, proposal, ctx.user_id, False, ctx.now, _base(ctx, proposal))
    return [Text(texts.MOVE_CANCELLED if outcome == "cancelled" else _UNCHANGED[outcome])]


_UNCHANGED = {"stale": texts.UNITS_STALE, "decided": texts.MOVE_DECIDED, "not_yours": texts.MOVE_NOT_YOURS}


@command("units_template", need=PROVINCE_COORDINATOR, refused=texts.WHAT_UNITS_FILE,
         summary=texts.SUMMARY_UNITS_TEMPLATE, example="แบบฟอร์มหน่วยงาน")
def units_template(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    year = year_asked(said.text, ctx.today)
    url = f"{public_url()}/templates/units-{year}.xlsx?province={quote(province.name)}"
    return [Text(texts.UNITS_TEMPLATE_LINK.format(province=province.name, year=year, url=url))]

