"""Chats control their reminders: "ปิดแจ้งเตือน", "เปิดแจ้งเตือน", "แจ้งเตือนถัดไป"."""
from __future__ import annotations

from datetime import datetime, timedelta

from bot import texts
from bot.audit import audit
from bot.context import Context, Interpretation, Subject
from bot.line.replies import Reply, Text
from bot.registry import command
from bot.thai import thai_date_long
from schedules.inputs import load_cycles, load_figures, load_rules
from schedules.plan import Rules, Target, plan

LOOK_AHEAD_DAYS = 60
SHOWN = 3  # reminders of that moment spelled out; the rest counted


def switched_chat(said: Interpretation, ctx: Context) -> Subject:
    """Switching a chat's reminders changes the chat: only those who keep it may (`permissions.keeps`)."""
    switching = said.setting in ("on", "off") and said.writes_allowed
    return Subject(chat=ctx.chat if switching else None)


@command("reminders", subject=switched_chat, refused=texts.WHAT_REMINDERS, summary=texts.SUMMARY_REMINDERS,
         example="แจ้งเตือนถัดไป")
def reminders(said: Interpretation, ctx: Context) -> list[Reply]:
    chat = ctx.chat
    if said.setting == "next" or chat is None:
        return [Text(next_reminder(ctx))]
    if not said.writes_allowed:  # "จะปิดแจ้งเตือนยังไง", "ไม่ต้องปิดแจ้งเตือนนะ"
        state = texts.REMINDERS_STATE_ON if chat.reminders_on else texts.REMINDERS_STATE_OFF
        return [Text(texts.REMINDERS_HOW.format(state=state))]
    turn_on = said.setting == "on"
    audit(ctx.session, ctx.now, ctx.user_id, "chat.reminders", chat.id, chat.reminders_on, turn_on)
    chat.reminders_on = turn_on
    return [Text(texts.REMINDERS_ON if turn_on else texts.REMINDERS_OFF)]


def next_reminder(ctx: Context) -> str:
    chat = ctx.chat
    if chat.unit is None and chat.province is None:
        return texts.REMINDERS_UNBOUND
    province = chat.unit.province.name if chat.unit else chat.province.name
    target = Target(chat.id, province, chat.unit_id, chat.unit.name if chat.unit else None)
    cycles, figures = load_cycles(ctx.session, ctx.today), load_figures(ctx.session, ctx.today)
    rules = load_rules(ctx.session)  # the province's own time and days, as the scheduler uses them
    at = rules.get(province, Rules()).at
    for days in range(LOOK_AHEAD_DAYS + 1):
        day = ctx.today + timedelta(days=days)
        moment = datetime.combine(day, at, ctx.now.tzinfo)
        if moment < ctx.now:
            continue  # today's have gone out already
        due = plan(cycles, [target], figures, moment, rules)
        if due:
            shown = "\n\n".join(r.text for r in due[:SHOWN])
            if len(due) > SHOWN:
                shown += "\n" + texts.REMINDERS_MORE.format(count=len(due) - SHOWN)
            text = texts.REMINDERS_NEXT.format(date=thai_date_long(day), time=at.strftime("%H:%M"), text=shown)
            return text if chat.reminders_on else f"{text}\n{texts.REMINDERS_ARE_OFF}"
    return texts.REMINDERS_NONE.format(days=LOOK_AHEAD_DAYS)
