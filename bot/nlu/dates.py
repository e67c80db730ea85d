"""Days and spans people name: "๓๐ เมษายน", "1 ก.ค. 68", "30/6", "วันที่ 30", "พรุ่งนี้",
"สัปดาห์นี้", "เดือนหน้า", "เดือนมิถุนายน". Buddhist-era or Common-era years, two or four
digits; a day without a year is the one nearest today."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pythainlp.util import thaiword_to_date
from pythainlp.util.date import thai_abbr_months, thai_full_months

from bot.nlu.vocabulary import Vocabulary
from bot.thai import ce_year

_FULL = {name: n for n, name in enumerate(thai_full_months, 1)}
_ABBR = {name: n for n, name in enumerate(thai_abbr_months, 1)}  # with dots: "เม.ย."
_BARE = {name.replace(".", ""): n for name, n in _ABBR.items()}  # "เมย": only right after a day
# As people say them: "30 เมษา", "เดือนมิถุนา".
_SPOKEN = {"มกรา": 1, "กุมภา": 2, "มีนา": 3, "เมษา": 4, "พฤษภา": 5, "มิถุนา": 6, "กรกฎา": 7, "สิงหา": 8,
           "กันยา": 9, "ตุลา": 10, "พฤศจิกา": 11, "ธันวา": 12}
_NUMBERS = {**_BARE, **_SPOKEN, **_ABBR, **_FULL}
_MONTH = "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True))
_ALONE = "|".join(sorted(map(re.escape, [*_FULL, *_ABBR]), key=len, reverse=True))
_SAID_MONTH = "|".join(sorted(map(re.escape, _SPOKEN), key=len, reverse=True))
_YEAR = r"(?:\s*(?:พ\.?\s?ศ\.?|ปี|ค\.?ศ\.?)?\s*(\d{4}|\d{2})(?!\d))?"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_THAI = re.compile(rf"(?:วันที่\s*)?(?<!\d)(\d{{1,2}})\s*({_MONTH}){_YEAR}")
# A month as people say it needs a word before it ("เดือนเมษา", "ภายในเมษานี้"): เมษา alone may be a name.
_MONTH_ALONE = re.compile(rf"(?:เดือน\s*)?({_ALONE})|(?:เดือน|ภายใน|ถึง|สิ้น|ปลาย|ต้น|กลาง|ก่อน)\s*({_SAID_MONTH})")
_DAY_ONLY = re.compile(r"วันที่\s*(\d{1,2})(?!\d)(?!\s*[/.:])")
# "อีก 10 วัน" (that day), "อีก 7 วันข้างหน้า" (the days until it); not "อีก 3 วันทำการ", not a reminder's days before.
_IN_DAYS = re.compile(r"(?:ในอีก|อีก)\s*(\d{1,3})\s*(วัน|สัปดาห์|อาทิตย์|week)(?!ทำการ)(?!\s*(?:ก่อน|ล่วงหน้า))"
                      r"(\s*ข้างหน้า)?")
_MONTH_NUMBER = re.compile(r"เดือน\s*(?:ที่\s*)?(\d{1,2})(?![\d/.:])")  # "เดือน 6": June


@dataclass(frozen=True)
class When:
    date: date | None = None
    period: tuple[date, date] | None = None
    spans: tuple[tuple[int, int], ...] = ()  # where it was said, in the normalised text


def find_when(text: str, compact: str, today: date, vocabulary: Vocabulary) -> When:
    """The first day or span the normalised `text` names, relative to `today`."""
    days = sorted((match.span(), day) for pattern, build in ((_ISO, _iso), (_THAI, _thai), (_SLASHED, _slashed))
                  for match in pattern.finditer(text) if (day := build(match, today)) is not None)
    if days:
        (span, day), later = days[0], days[1:]
        if later and _RANGE.fullmatch(text[span[1]:later[0][0][0]]) and later[0][1] >= day:
            return When(period=(day, later[0][1]), spans=(span, later[0][0]))  # "1 พ.ค. ถึง 31 พ.ค."
        first = _DAY_BEFORE.search(text[:span[0]])
        if first and (start := _safe(day.year, day.month, int(first[1]))) is not None and start <= day:
            return When(period=(start, day), spans=((first.start(), span[1]),))  # "1–15 ม.ค. 2570"
        return When(date=day, spans=(span,))
    if (match := _DAY_ONLY.search(text)) and (day := _safe(today.year, today.month, int(match[1]))):
        return When(date=day, spans=(match.span(),))
    if match := _IN_DAYS.search(text):
        day = today + timedelta(days=int(match[1]) * (1 if match[2] == "วัน" else 7))
        return When(period=(today, day), spans=(match.span(),)) if match[3] else When(date=day, spans=(match.span(),))
    span = _relative_span(compact, today, vocabulary)
    if span is not None:
        return When(period=span)
    for word in vocabulary.dates["relative"]:
        if word in compact:
            found = thaiword_to_date(word, datetime.combine(today, datetime.min.time()))
            if found is not None:
                return When(date=found.date())
    numbered = _MONTH_NUMBER.search(text)
    if numbered and 1 <= int(numbered[1]) <= 12:
        number = int(numbered[1])
        year = _nearest(today, lambda y: date(y, number, 1)).year
        return When(period=(date(year, number, 1), _month_end(year, number)), spans=(numbered.span(),))
    if match := _MONTH_ALONE.search(text):
        number = _NUMBERS[match[1] or match[2]]
        year = _nearest(today, lambda y: date(y, number, 1)).year
        return When(period=(date(year, number, 1), _month_end(year, number)), spans=(match.span(),))
    return When()


# The first day of a span said within one month: the "1" of "1–15 ม.ค.", "1 - 15 ม.ค.", "1 ถึง 15 ม.ค.".
_DAY_BEFORE = re.compile(r"(?<![\d/.:])(\d{1,2})\s*(?:-|–|ถึง)\s*$")
_RANGE = re.compile(r"\s*(?:-|–|ถึง|จนถึง|ถึงวันที่|จนถึงวันที่)\s*")


def _relative_span(compact: str, today: date, vocabulary: Vocabulary) -> tuple[date, date] | None:
    monday = today - timedelta(days=today.weekday())
    weeks = {"this_week": 0, "next_week": 7, "last_week": -7}
    for name, shift in weeks.items():
        if any(w in compact for w in vocabulary.dates[name]):
            start = monday + timedelta(days=shift)
            return start, start + timedelta(days=6)
    months = {"this_month": 0, "next_month": 1, "last_month": -1}
    for name, shift in months.items():
        if any(w in compact for w in vocabulary.dates[name]):
            index = today.year * 12 + today.month - 1 + shift
            year, month = divmod(index, 12)
            return date(year, month + 1, 1), _month_end(year, month + 1)
    return None


def _iso(match: re.Match, today: date) -> date | None:
    return _safe(ce_year(int(match[1])), int(match[2]), int(match[3]))


def _slashed(match: re.Match, today: date) -> date | None:
    day, month = int(match[1]), int(match[2])
    if match[3]:
        return _safe(ce_year(int(match[3])), month, day)
    return _in_nearest_year(today, month, day)


def _thai(match: re.Match, today: date) -> date | None:
    if match[2] in _BARE and re.match(r"[ก-๙]", match.string[match.end(2):match.end(2) + 1]):
        return None  # "1 มีค" of "1 มีคน": a bare abbreviation must end there
    day, month = int(match[1]), _NUMBERS[match[2]]
    if match[3]:
        return _safe(ce_year(int(match[3])), month, day)
    return _in_nearest_year(today, month, day)


def _in_nearest_year(today: date, month: int, day: int) -> date | None:
    if _safe(today.year, month, day) is None and _safe(today.year + 1, month, day) is None:
        return None
    return _nearest(today, lambda y: _safe(y, month, day))


def _nearest(today: date, on) -> date:
    """The year's date closest to today (a date named without its year)."""
    candidates = [d for d in (on(today.year - 1), on(today.year), on(today.year + 1)) if d is not None]
    return min(candidates, key=lambda d: abs((d - today).days))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
