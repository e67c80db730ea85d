"""Deadline questions: "กำหนดการ", "OIT ส่งเมื่อไหร่", "ตอนนี้ต้องทำอะไร", "deadline eit"."""
from __future__ import annotations

from datetime import date

from bot import texts
from bot.context import Context, Message
from bot.ita.calendar import Agenda, Entry, NoCalendar, Step, agenda_for
from bot.line.replies import QuickReply, Reply, Text
from bot.registry import command
from bot.thai import thai_date, thai_date_long, thai_date_range

FOLLOW_UPS = (
    QuickReply("OIT ส่งเมื่อไหร่", "OIT ส่งเมื่อไหร่"),
    QuickReply("IIT ปิดวันไหน", "IIT ปิดวันไหน"),
    QuickReply("EIT ปิดวันไหน", "EIT ปิดวันไหน"),
    QuickReply("ตอนนี้ต้องทำอะไร", "ตอนนี้ต้องทำอะไร"),
    QuickReply("ช่วยเหลือ", "ช่วยเหลือ"),
)


@command("calendar", triggers=("กำหนดการ", "ปฏิทิน", "calendar", "schedule", "timeline"),
         summary=texts.SUMMARY_DEADLINES, example="กำหนดการ")
def calendar_answer(message: Message, ctx: Context) -> list[Reply]:
    return deadline_answer(message, ctx)


@command("form_deadline",
         triggers=("เมื่อไหร่", "เมื่อไร", "เมื่อใด", "วันไหน", "วันที่เท่าไร", "กี่วัน", "หมดเขต",
                   "ครบกำหนด", "กำหนดส่ง", "deadline", "due", "when"),
         summary=texts.SUMMARY_FORM_DEADLINE, example="OIT ส่งเมื่อไหร่")
def deadline_answer(message: Message, ctx: Context) -> list[Reply]:
    province_id = ctx.chat.province_id if ctx.chat else None
    answer = agenda_for(ctx.calendars.cycles(ctx.session, province_id), ctx.today, message.forms)
    if isinstance(answer, NoCalendar):
        return [Text(no_calendar_text(answer), FOLLOW_UPS[-1:])]
    return [Text(agenda_text(answer, message.forms), FOLLOW_UPS)]


@command("what_now", triggers=("ต้องทำอะไร", "ทำอะไรบ้าง", "whatnow", "todo"),
         summary=texts.SUMMARY_WHAT_NOW, example="ตอนนี้ต้องทำอะไร")
def what_now_answer(message: Message, ctx: Context) -> list[Reply]:
    return deadline_answer(message, ctx)


def agenda_text(agenda: Agenda, forms: tuple[str, ...]) -> str:
    title = (texts.AGENDA_TITLE_FORMS.format(year=agenda.year, forms=" ".join(forms)) if forms
             else texts.AGENDA_TITLE.format(year=agenda.year))
    lines = [title, texts.AGENDA_TODAY.format(date=thai_date_long(agenda.today)), ""]
    if not agenda.open and not agenda.upcoming and forms:
        lines.append(texts.AGENDA_NO_FORM_STEPS.format(forms=" ".join(forms), year=agenda.year))
        return "\n".join(lines)
    lines.append(texts.AGENDA_OPEN)
    lines.extend(entry_text(e, agenda.today) for e in agenda.open)
    if not agenda.open:
        lines.append(texts.AGENDA_NOTHING_OPEN)
    lines += ["", texts.AGENDA_NEXT]
    lines.extend(entry_text(e, agenda.today) for e in agenda.upcoming)
    if not agenda.upcoming:
        lines.append(texts.AGENDA_NOTHING_NEXT)
    return "\n".join(lines)


def entry_text(entry: Entry, today: date) -> str:
    step = entry.step
    lines = [texts.AGENDA_STEP.format(title=_label(step), actor=texts.ACTOR[step.actor],
                                      dates=thai_date_range(step.start, step.end), status=status(step, today))]
    lines.extend(
        texts.AGENDA_OVERLAY.format(province=o.province, title=o.short,
                                    dates=thai_date_range(o.start, o.end), status=status(o, today))
        for o in entry.overlays
    )
    return "\n".join(lines)


def _label(step: Step) -> str:
    return f"จ.{step.province}: {step.short}" if step.province else step.short


def status(step: Step, today: date) -> str:
    """Days left, days to start, or days past, as a coordinator would say it."""
    at = step.end_time.strftime("%H:%M") if step.end_time else None
    phase, days = step.timing(today)
    if phase == "before":
        return texts.STATUS_STARTS_TOMORROW if days == 1 else texts.STATUS_STARTS_IN.format(days=days)
    if phase == "passed":
        return texts.STATUS_PASSED.format(days=days)
    if phase == "last day":
        return texts.STATUS_LAST_DAY_AT.format(time=at) if at else texts.STATUS_LAST_DAY
    left = texts.STATUS_DAYS_LEFT.format(days=days)
    return f"{left} ({texts.STATUS_UNTIL_TIME.format(time=at)})" if at else left


def no_calendar_text(answer: NoCalendar) -> str:
    if answer.latest_year is None:
        return texts.NO_CALENDAR_AT_ALL.format(next_year=answer.missing_year)
    return texts.NO_CALENDAR.format(today=thai_date(answer.today), year=answer.latest_year,
                                    span=thai_date_range(*answer.latest_span), next_year=answer.missing_year)
