"""Deadline questions: the calendar now ("กำหนดการ", "ตอนนี้ต้องทำอะไร"), for a form ("OIT ส่งเมื่อไหร่",
"EIT ส่วนที่ 2 ปิดวันไหน"), for a step ("ลงทะเบียน ITAS ถึงวันไหน", "ประกาศผลเมื่อไหร่"), and for a
day or a span ("1 ก.ค. 68 มีอะไร", "สัปดาห์นี้ต้องทำอะไร")."""
from __future__ import annotations

from datetime import date

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import Agenda, Cycle, Entry, NoCalendar, Step, agenda_for, covering
from bot.ita.claims import Claim, judge
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


@command("deadline", summary=texts.SUMMARY_DEADLINES, example="OIT ส่งเมื่อไหร่")
def deadline_answer(said: Interpretation, ctx: Context) -> list[Reply]:
    cycles = ctx.cycles(ctx.own_province_id)
    day = said.date or (said.period[0] if said.period else ctx.today)
    answer = agenda_for(cycles, day, said.forms, said.part)
    if isinstance(answer, NoCalendar):
        return [Text(no_calendar_text(answer), FOLLOW_UPS[-1:])]
    cycle = covering(cycles, day)
    verdict = _yes_or_no(said, ctx, cycle) if said.confirm else None
    return [Text(estimated(*(verdict or _answer(said, ctx, cycle, answer))), FOLLOW_UPS)]


def _yes_or_no(said: Interpretation, ctx: Context, cycle: Cycle | None) -> tuple[str, list[Entry]] | None:
    """"EIT ปิด 30 มิ.ย. ใช่ไหม": yes or no first, then the dates of the steps asked of."""
    first, last = said.period or (said.date, said.date)
    verdict = judge(Claim(said.setting, first, last), cycle, said.step, said.forms, said.part, ctx.today)
    if verdict is None:
        return None
    lines = [texts.YES if verdict.holds else texts.NO, *(entry_text(e, ctx.today) for e in verdict.entries)]
    return "\n".join(lines), verdict.entries


def _answer(said: Interpretation, ctx: Context, cycle: Cycle | None, agenda: Agenda) -> tuple[str, list[Entry]]:
    """The answer and the steps it draws from."""
    if said.step:
        entry = cycle.entry(said.step) if cycle else None
        if entry is not None:
            return step_text(entry, ctx.today), [entry]
    if said.date or said.period:
        return (span_text(cycle, said.date or said.period[0], said.date or said.period[1], ctx.today, said.forms),
                [e for e in (cycle.entries if cycle else ()) if e.concerns(said.forms)])
    return agenda_text(agenda, said.forms), [*agenda.open, *agenda.upcoming]


def estimated(text: str, entries: list[Entry]) -> str:
    """An answer drawn from a draft's steps says that their dates are an estimate waiting for the
    NACC (a province's carried deadlines stay estimates after the NACC's own calendar came)."""
    year = max((s.estimated_from for e in entries for s in e.all if s.estimated_from), default=None)
    return text if year is None else f"{text}\n\n{texts.ESTIMATE_NOTE.format(year=year)}"


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


def step_text(entry: Entry, today: date) -> str:
    """One step asked about, open, coming or past, with the province's own dates beside it."""
    step = entry.step
    lines = [texts.STEP_TITLE.format(title=step.title), entry_text(entry, today)]
    if step.note:
        lines.append(texts.STEP_NOTE.format(note=step.note))
    return "\n".join(lines)


def span_text(cycle: Cycle | None, first: date, last: date, today: date, forms: tuple[str, ...]) -> str:
    """What ends, starts and runs between two days."""
    label = thai_date_long(first) if first == last else thai_date_range(first, last)
    entries = [e for e in (cycle.entries if cycle else ()) if e.concerns(forms)]
    ending = [e for e in entries if any(first <= s.end <= last for s in e.all)]
    starting = [e for e in entries if e not in ending and any(first <= s.start <= last for s in e.all)]
    running = [e for e in entries if e not in ending and e not in starting and e.start < first and e.end > last]
    lines = [texts.SPAN_TITLE.format(span=label)]
    for heading, found in ((texts.SPAN_ENDING, ending), (texts.SPAN_STARTING, starting), (texts.SPAN_RUNNING, running)):
        if found:
            lines += ["", heading, *(entry_text(e, today) for e in sorted(found, key=lambda e: (e.end, e.start)))]
    if len(lines) == 1:
        lines.append(texts.SPAN_NOTHING)
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
        return texts.STATUS_PASSED.format(days=days, end=thai_date(step.end))
    if phase == "last day":
        return texts.STATUS_LAST_DAY_AT.format(time=at) if at else texts.STATUS_LAST_DAY
    left = texts.STATUS_DAYS_LEFT.format(days=days)
    return f"{left} ({texts.STATUS_UNTIL_TIME.format(time=at)})" if at else left


def no_calendar_text(answer: NoCalendar) -> str:
    if answer.latest_year is None:
        return texts.NO_CALENDAR_AT_ALL.format(next_year=answer.missing_year)
    text = texts.NO_CALENDAR.format(today=thai_date(answer.today), year=answer.latest_year,
                                    span=thai_date_range(*answer.latest_span), next_year=answer.missing_year)
    if not answer.first:
        return text
    first = [texts.NO_CALENDAR_FIRST_STEP.format(title=e.step.short, dates=thai_date_range(e.step.start, e.step.end))
             for e in answer.first]
    return "\n".join([text, "", texts.NO_CALENDAR_FIRST.format(year=answer.latest_year), *first])
