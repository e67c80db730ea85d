"""Whether what a yes-or-no question says of the calendar holds ("EIT ปิด 30 มิ.ย. ใช่ไหม",
"อีก 10 วันปิด OIT ใช่ไหม", "IIT กับ OIT ปิดคนละวันใช่ไหม"), and the steps that show it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.ita.calendar import Cycle, Entry, Step

ENDS, STARTS, SAME_DAY, DIFFERENT_DAYS = "ends", "starts", "same_day", "different_days"
# Said without a day, as of today: "IIT ยังส่งได้อยู่ใช่ไหม", "OIT ปิดแล้วใช่ไหม", "EIT เริ่มแล้วใช่ไหม".
AS_OF_TODAY = {"open_now": lambda step, today: step.is_open(today),
               "closed": lambda step, today: step.end < today,
               "started": lambda step, today: step.start <= today}


@dataclass(frozen=True)
class Claim:
    """What is claimed: a step ends, starts or runs (`about` None) on a day or within a span; or
    is open, closed or started today; or two forms' deadlines fall on the same day or not."""

    about: str | None
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class Verdict:
    holds: bool
    entries: list[Entry]  # what the answer shows: the steps asked of, with their dates


def judge(claim: Claim, cycle: Cycle | None, step: str | None, forms: tuple[str, ...], part: int | None,
          today: date) -> Verdict | None:
    """The verdict, or None when the question names nothing the calendar can say yes or no to."""
    if cycle is None:
        return None
    entries = [cycle.entry(step)] if step else [cycle.of_form(form, part) for form in forms]
    entries = list(dict.fromkeys(e for e in entries if e is not None))
    if not entries:
        return None
    if claim.about in (SAME_DAY, DIFFERENT_DAYS):
        if len(entries) < 2:
            return None
        same = len({e.step.end for e in entries}) == 1
        return Verdict(same if claim.about == SAME_DAY else not same, entries)
    if claim.first is None:
        if claim.about not in AS_OF_TODAY:
            return None  # "OIT ต้องส่งก่อน IIT ใช่ไหม": nothing here to say yes or no to
        return Verdict(any(AS_OF_TODAY[claim.about](e.step, today) for e in entries), entries)
    return Verdict(any(_holds(claim, s) for e in entries for s in e.all), entries)


def _holds(claim: Claim, step: Step) -> bool:
    first, last = claim.first, claim.last or claim.first
    if claim.about == ENDS:
        return first <= step.end <= last
    if claim.about == STARTS:
        return first <= step.start <= last
    return step.start <= last and step.end >= first
