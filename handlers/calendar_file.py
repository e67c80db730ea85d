"""A calendar sent as a file in 1:1 (.xlsx, .csv or .yaml): checked whole, shown as a preview
card of the steps added, changed and removed, stored only by its confirm button (handled with
the moves' in `calendar_move`); and `แบบฟอร์มปฏิทิน`, the link to a template to fill in.

A superadmin's sheet is the NACC's calendar; a coordinator's, their province's own deadlines.
"""
from __future__ import annotations

from urllib.parse import quote

import sqlalchemy as sa
from linebot.v3.webhooks import FileMessageContent

from bot import permissions, texts
from bot.context import Context, Interpretation, SentFile, Subject
from bot.ita.calendar import fiscal_year_be
from bot.ita.calendar_files import CalendarFileError, read_calendar_bytes
from bot.ita.calendar_sheets import read_calendar_sheet
from bot.ita.calendar_uploads import Upload, compare, to_json
from bot.ita.proposals import calendar_base, propose
from bot.ita.sheets import SheetError
from bot.ita.itas_sheet import is_itas_sheet
from bot.ita.unit_uploads import is_units_sheet
from bot.line.gateway import ContentGone, ContentTooLarge, LineUnavailable
from bot.line.cards import change_card
from bot.line.replies import Flex, QuickReply, Reply, Text
from bot.links import public_url
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command, on_content
from bot.thai import be_year_in, thai_date_range
from models import Calendar
from handlers.itas import itas_sheet
from handlers.units_file import units_preview
from schedules.moves import told

MAX_FILE = 1 << 20  # 1 MiB: a year's calendar is a few KiB
SHEETS = (".xlsx", ".csv")
YAML = (".yaml", ".yml")
PROBLEMS_SHOWN = 15


def _in_one_to_one(_content: object, ctx: Context) -> Subject | list:
    """Files are shared in groups all day: the bot reads only those sent to it in 1:1."""
    if ctx.chat is None or ctx.chat.kind != "user":
        return []
    return Subject(province=ctx.own_province)


@on_content(FileMessageContent, need=PROVINCE_COORDINATOR, subject=_in_one_to_one, refused=texts.WHAT_CALENDAR_FILE)
def calendar_file(sent: SentFile, ctx: Context) -> list[Reply]:
    name = sent.name.strip() or "-"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in SHEETS + YAML:
        return [Text(texts.FILE_WRONG_TYPE.format(file=name))]
    if sent.size > MAX_FILE:  # refused before it is fetched
        return [Text(texts.FILE_TOO_BIG.format(file=name, size=_size(sent.size)))]
    naccs = permissions.changes_naccs_calendar(ctx.sender)
    province = ctx.subject.province
    if not naccs and province is None:
        return [Text(texts.FILE_NO_PROVINCE)]
    try:
        data = sent.fetch(MAX_FILE)
        if suffix in SHEETS and is_itas_sheet(name, data):
            if province is None:
                return [Text(texts.UNITS_NO_PROVINCE)]
            return itas_sheet(name, data, ctx, province, _refused)
        if suffix in SHEETS and is_units_sheet(name, data):
            if province is None:
                return [Text(texts.UNITS_NO_PROVINCE)]
            return units_preview(name, data, ctx, province, _refused)
        spec = (read_calendar_bytes(name, data) if suffix in YAML else
                read_calendar_sheet(name, data, "nacc" if naccs else "province", None if naccs else province.name))
    except ContentTooLarge as too_big:
        return [Text(texts.FILE_TOO_BIG.format(file=name, size=_size(too_big.args[0])))]
    except ContentGone:
        return [Text(texts.FILE_GONE.format(file=name))]
    except LineUnavailable:
        return [Text(texts.FILE_LINE_DOWN.format(file=name))]
    except SheetError as error:
        return [Text(texts.FILE_UNREADABLE.format(file=name, reason=error))]
    except CalendarFileError as error:
        return [Text(_refused(name, error.problems))]
    if not naccs and (spec.scope != "province" or spec.province != province.name):
        return [Text(texts.FILE_NOT_YOURS[spec.scope].format(province=spec.province, own=province.name))]
    upload = compare(ctx.session, spec)
    if not upload.changes:
        return [Text(texts.FILE_UNCHANGED.format(file=name, title=spec.title))]
    proposal = propose(ctx.session, "file", spec.year, to_json(upload), calendar_base(ctx.session, spec.year),
                       ctx.user_id, ctx.chat.id, ctx.now)
    buttons = (QuickReply(texts.BUTTON_CONFIRM, f"calendar-confirm:{proposal.id}", postback=True),
               QuickReply(texts.BUTTON_CANCEL, f"calendar-cancel:{proposal.id}", postback=True))
    return [preview_card(upload, _told(ctx, upload), buttons)]


def _size(size: int | None) -> str:
    return f"{(size or 0) / (1 << 20):.1f} MB"


def _refused(name: str, problems: list[str]) -> str:
    more = texts.FILE_MORE_PROBLEMS.format(count=len(problems) - PROBLEMS_SHOWN) if len(problems) > PROBLEMS_SHOWN else ""
    return texts.FILE_REFUSED.format(file=name, problems="\n".join(f"• {p}" for p in problems[:PROBLEMS_SHOWN]),
                                     more=more)


def _told(ctx: Context, upload: Upload) -> str:
    if not upload.told:
        return texts.MOVE_PREVIEW_TOLD_NONE
    chats = told(ctx.session, {upload.spec.province})
    if not chats:
        return texts.MOVE_PREVIEW_TOLD_NONE
    return texts.MOVE_PREVIEW_TOLD.format(chats=len(chats), cost=f"{sum(cost for _, cost in chats):,}")


def preview_card(upload: Upload, told_line: str, buttons: tuple[QuickReply, ...]) -> Flex:
    """The calendar's title, then the steps added, changed (old -> new) and removed."""
    spec = upload.spec
    sections = [(texts.FILE_PREVIEW_SECTIONS[kind].format(count=len(upload.of_kind(kind))),
                 texts.FILE_PREVIEW_COLOURS[kind], [_line(kind, c) for c in upload.of_kind(kind)])
                for kind in ("added", "changed", "removed") if upload.of_kind(kind)]
    notes = [texts.FILE_PREVIEW_SAME.format(count=upload.unchanged)] if upload.unchanged else []
    if upload.replaces_draft:
        notes.append(texts.FILE_DRAFT_REPLACED.format(year=upload.replaces_draft))
    notes += [told_line, texts.MOVE_PREVIEW_CONFIRM]
    alt = texts.FILE_PREVIEW_ALT.format(file=spec.file_name, added=len(upload.of_kind("added")),
                                        changed=len(upload.of_kind("changed")), removed=len(upload.of_kind("removed")))
    return change_card(alt, texts.FILE_PREVIEW_TITLE.format(title=spec.title),
                       texts.FILE_PREVIEW_SUB.format(file=spec.file_name), sections, notes, buttons)


def _line(kind: str, change) -> str:
    if kind == "added":
        return f"• {change.short}: {thai_date_range(*change.after)}"
    if kind == "removed":
        return f"• {change.short}: {thai_date_range(*change.before)}"
    dates = (thai_date_range(*change.after) if change.before == change.after
             else f"{thai_date_range(*change.before)} → {thai_date_range(*change.after)}")
    return f"• {change.short}: {dates}"


@command("calendar_template", need=PROVINCE_COORDINATOR, refused=texts.WHAT_CALENDAR_FILE,
         summary=texts.SUMMARY_CALENDAR_TEMPLATE, example="แบบฟอร์มปฏิทิน")
def calendar_template(said: Interpretation, ctx: Context) -> list[Reply]:
    naccs = permissions.changes_naccs_calendar(ctx.sender)
    province = None if naccs else ctx.subject.province
    if not naccs and province is None:
        return [Text(texts.FILE_NO_PROVINCE)]
    year = (be_year_in(said.text) or ctx.session.scalar(sa.select(sa.func.max(Calendar.year)))
            or fiscal_year_be(ctx.today))
    url = f"{public_url()}/templates/calendar-{year}.xlsx" + (f"?province={quote(province.name)}" if province else "")
    whose = texts.OF_PROVINCE.format(province=province.name) if province else texts.OF_NACC
    return [Text(texts.TEMPLATE_LINK.format(year=year, whose=whose, url=url))]
