"""A superadmin drafts next year's calendar from the latest year's ("ร่างปฏิทิน 2570") and decides
whether reminders go out from the draft ("เปิดแจ้งเตือนจากร่าง 2570", or the button under the draft)."""
from __future__ import annotations

import re

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar_drafts import DraftRefused, draft_year, switch_reminders
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import SUPERADMIN
from bot.registry import command, on_postback
from bot.thai import be_year_in

_SWITCH = re.compile(r"^(\d{4}):(on|off)$")


@command("calendar_draft", writes=True, need=SUPERADMIN, refused=texts.WHAT_CALENDAR_DRAFT,
         summary=texts.SUMMARY_CALENDAR_DRAFT, example="ร่างปฏิทิน 2570")
def calendar_draft(said: Interpretation, ctx: Context) -> list[Reply]:
    if ctx.chat is None or ctx.chat.kind != "user":
        return [Text(texts.DRAFT_ONE_TO_ONE)]
    year = be_year_in(said.text)
    if not said.writes_allowed or year is None:
        return [Text(texts.DRAFT_HOW)]
    if said.setting in ("on", "off"):
        return _switch(ctx, year, said.setting == "on")
    try:
        draft = draft_year(ctx.session, year, None, ctx.now, ctx.user_id)
    except DraftRefused as refused:
        return [Text(refused.thai)]
    text = texts.DRAFT_MADE.format(year=draft.year, steps=draft.steps, from_year=draft.from_year,
                                   overlays=len(draft.calendars) - 1)
    return [Text(text, (QuickReply(texts.BUTTON_DRAFT_REMINDERS_ON, f"draft-reminders:{year}:on", postback=True),
                        QuickReply("กำหนดการ", "กำหนดการ")))]


@on_postback("draft-reminders", writes=True, need=SUPERADMIN, refused=texts.WHAT_CALENDAR_DRAFT)
def draft_reminders(data: str, ctx: Context) -> list[Reply]:
    asked = _SWITCH.match(data)
    if asked is None:
        return [Text(texts.DRAFT_HOW)]
    return _switch(ctx, int(asked[1]), asked[2] == "on")


def _switch(ctx: Context, year: int, on: bool) -> list[Reply]:
    try:
        changed = switch_reminders(ctx.session, year, on, ctx.now, ctx.user_id)
    except DraftRefused as refused:
        return [Text(refused.thai)]
    if not changed:
        return [Text(texts.DRAFT_REMINDERS_ALREADY[on].format(year=year))]
    undo = QuickReply(texts.BUTTON_DRAFT_REMINDERS_OFF if on else texts.BUTTON_DRAFT_REMINDERS_ON,
                      f"draft-reminders:{year}:{'off' if on else 'on'}", postback=True)
    return [Text((texts.DRAFT_REMINDERS_ON if on else texts.DRAFT_REMINDERS_OFF).format(year=year), (undo,))]
