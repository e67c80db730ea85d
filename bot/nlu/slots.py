"""The parts of a message that carry values: forms and EIT parts, numbers, units, provinces,
user ids, times of day and days before. Each is found with its place in the text, so that a
number already read as a part, a date or a time is never read again as a count."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from pythainlp.util import thaiword_to_num

from bot import thai
from bot.nlu.vocabulary import Vocabulary

MAX_UNIT_WORDS = 4
_NUMBER = re.compile(r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")
_USER_ID = re.compile(r"(?<![0-9a-z])u[0-9a-f]{32}(?![0-9a-z])")
_CLOCK = re.compile(r"(?<!\d)(\d{1,2})\s*[:.]\s*(\d{2})(?!\d)\s*(?:น\.?|นาฬิกา)?")
_HOUR_WORDS = "หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบเอ็ด|สิบสอง|สิบ"
_HOUR = rf"(\d{{1,2}}|{_HOUR_WORDS})"
_SPOKEN = (
    (re.compile(rf"บ่าย\s*(?:{_HOUR}|โมง)\s*(?:โมง)?\s*(ครึ่ง)?"), "afternoon"),
    (re.compile(rf"{_HOUR}\s*ทุ่ม\s*(ครึ่ง)?"), "night"),
    (re.compile(rf"{_HOUR}\s*โมง\s*(เช้า|เย็น)?\s*(ครึ่ง)?"), "morning"),
    (re.compile(r"(?<!\d)(\d{1,2})\s*(?:น\.|นาฬิกา)()"), "o'clock"),
    (re.compile(r"เที่ยง(?:วัน)?\s*(ครึ่ง)?"), "noon"),
)
_SHARE = re.compile(r"(?<![\d.,])(\d{1,3})\s*(?:%|เปอร์เซ็นต์|เปอร์เซ็นท์|เปอร์เซ็น|percent)|(?<!โมง)(?<!ทุ่ม)(ครึ่ง)(?!ชั่วโมง)")
_DAYS_BEFORE = re.compile(
    r"(?:ล่วงหน้า|เตือนก่อน|ก่อนครบกำหนด|ก่อนกำหนด|ก่อนเดดไลน์|ก่อนdeadline|ก่อน)\s*"
    r"((?:(?<!\d)\d{1,3}(?![\d:.])\s*+(?:วัน)?(?:,|และ|กับ|\s)*+)+?)\s*วัน")
# Each number is taken whole and the separators possessively, so that a long run of digits or
# spaces cannot be split in exponentially many ways (a 400-digit "count" once took minutes).
_DAYS_AFTER = re.compile(r"((?:(?<!\d)\d{1,3}(?!\d)(?:,|และ|กับ|\s)*+)+)วัน\s*(?:ล่วงหน้า|ก่อน)")


@dataclass(frozen=True)
class Found:
    value: object
    start: int
    end: int


def find_forms(text: str, vocabulary: Vocabulary) -> list[Found]:
    """Where IIT, EIT and OIT are named, however they are written ("iit", "ไอไอที", "แบบวัดภายใน")."""
    return [Found(match.lastgroup.rstrip("0123456789"), match.start(), match.end())
            for match in vocabulary.form_pattern.finditer(text)]


def find_part(text: str, vocabulary: Vocabulary) -> Found | None:
    if match := vocabulary.part_pattern.search(text):
        return Found(int(match[1]), match.start(), match.end())
    if match := re.search(r"(?<![a-z])eit([12])(?!\d)", text):  # "eit1", written as one word
        return Found(int(match[1]), match.start() + 3, match.end())
    return None


def find_numbers(text: str) -> list[Found]:
    return [Found(m.group(), m.start(), m.end()) for m in _NUMBER.finditer(text)]


def find_user_ids(text: str) -> list[Found]:
    return [Found("U" + m.group()[1:], m.start(), m.end()) for m in _USER_ID.finditer(text)]


def find_time(text: str) -> Found | None:
    """A time of day as people write it: 08:30, 8.30 น., 9 โมง, 8 โมงครึ่ง, บ่ายโมง, บ่าย 2, 1 ทุ่ม, เที่ยง.
    An impossible one (25:00) is found with the value None, so it can be refused."""
    if match := _CLOCK.search(text):
        hour, minute = int(match[1]), int(match[2])
        value = time(hour, minute) if hour <= 23 and minute <= 59 else None
        return Found(value, match.start(), match.end())
    for pattern, kind in _SPOKEN:
        if match := pattern.search(text):
            return Found(_spoken(kind, match), match.start(), match.end())
    return None


def _spoken(kind: str, match: re.Match) -> time | None:
    groups = match.groups()
    half = 30 if groups and groups[-1] == "ครึ่ง" else 0
    if kind == "noon":
        return time(12, half)
    hour = 1 if groups[0] is None else _hour(groups[0])
    if kind == "afternoon":
        hour += 12
    elif kind == "night":
        hour += 18
    elif kind == "morning" and groups[1] == "เย็น":
        hour += 12
    return time(hour, half) if 0 <= hour <= 23 else None


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else thaiword_to_num(word)


def find_share(text: str) -> Found | None:
    """A share of the minimum, in percent: "50%", "30 เปอร์เซ็นต์", "ครึ่ง" (not "บ่ายโมงครึ่ง")."""
    match = _SHARE.search(text)
    if match is None:
        return None
    value = int(match[1]) if match[1] else 50
    return Found(value, match.start(), match.end()) if 0 < value <= 100 else None


def find_days_before(text: str) -> Found | None:
    match = _DAYS_BEFORE.search(text) or _DAYS_AFTER.search(text)
    if match is None:
        return None
    days = tuple(int(d) for d in re.findall(r"\d+", match[1]))
    return Found(days, match.start(), match.end()) if days else None


def find_units(text: str, vocabulary: Vocabulary, stop_words: frozenset[str], word_starts: frozenset[int],
               known: Mapping[str, str] | None = None) -> list[Found]:
    """Units named with a prefix (อบต.บ้านไผ่, ทต ป่าซาง, เทศบาลตำบลป่าซาง), as typed: "อบต.บ้านไผ่".
    A prefix counts only where a word begins: ทน is not a unit in แทน. A name the province knows
    ends at a space ("ทต.อุโมงค์ โทรมาแจ้ง")."""
    found = []
    for match in vocabulary.unit_prefix_pattern.finditer(text):
        if match.start() not in word_starts or (found and match.start() < found[-1].end):
            continue
        name, end = _name_after(text, match.end(), stop_words, known=known)
        if name:
            found.append(Found(f"{match[1]}.{name}" if len(match[1]) <= 3 else f"{match[1]}{name}", match.start(), end))
    return found


def find_province(text: str, vocabulary: Vocabulary, stop_words: frozenset[str]) -> Found | None:
    for match in vocabulary.province_prefix_pattern.finditer(text):
        name, end = _name_after(text, match.end(), stop_words, most=2)
        if name:
            return Found(name, match.start(), end)
    return None


def _name_after(text: str, start: int, stop_words: frozenset[str], most: int = MAX_UNIT_WORDS,
                known: Mapping[str, str] | None = None) -> tuple[str, int]:
    """The Thai words after `start` until a word that cannot be part of a name, or a space after
    a name `known` holds."""
    run = re.match(r"[ก-๙\s]+", text[start:start + 60])
    if run is None:
        return "", start
    words, consumed = [], 0
    for token in thai.tokens(run.group()):
        at = run.group().find(token, consumed)
        if token in stop_words or not re.fullmatch(r"[ก-๙]+", token) or len(words) >= most:
            break
        if words and known is not None and run.group()[consumed:at].isspace() and "".join(words) in known:
            break
        words.append(token)
        consumed = at + len(token)
    number = re.match(r"\d{1,3}(?![\d,.])", text[start + consumed:]) if words else None
    if number:  # written on to the name: "อบต.ทดสอบ01", not "อบต.บ้านไผ่ 45"
        words.append(number.group())
        consumed += number.end()
    return "".join(words), start + consumed
