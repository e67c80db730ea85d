"""Thai text in and out: normalising what people type, and Buddhist-era dates.

Everything a user sends passes `normalize` once, at the parsing step; handlers
only ever see normalised text.
"""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from pythainlp.tokenize import word_tokenize
from pythainlp.util import (
    remove_dup_spaces,
    remove_zw,
    thai_digit_to_arabic_digit,
    thai_strftime,
)
from pythainlp.util.date import thai_abbr_months, thai_full_months

BE_OFFSET = 543
FORMS = ("IIT", "EIT", "OIT")

# Zero-width and invisible characters pythainlp's remove_zw leaves alone, and control characters
# that are not spaces (a NUL inside "4\x005" is noise, not a separator).
_CONTROLS = [c for c in [*range(0x20), *range(0x7F, 0xA0)] if not chr(c).isspace()]
# Also an emoji's skin tone and presentation selector: 👍🏻 and 👍️ are 👍.
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0f"), *range(0x1F3FB, 0x1F400),
                            *_CONTROLS], None)
# Full-width Latin (ＩＩＴ, ４５) from some phone keyboards; NFKC would do it but also
# decomposes Thai sara am (ำ), so only this block is mapped.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FORM_RE = re.compile(r"(?<![a-z])(iit|eit|oit)(?![a-z])")
_MONTHS = {name: i for i, name in enumerate(thai_full_months, 1)}
_MONTHS.update({name: i for i, name in enumerate(thai_abbr_months, 1)})
_MONTHS.update({name.replace(".", ""): i for i, name in enumerate(thai_abbr_months, 1)})
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_THAI_DATE_RE = re.compile(rf"(\d{{1,2}})\s*({_MONTH_ALT})\s*(?:พ\.?\s?ศ\.?)?\s*(\d{{2,4}})?")


def normalize(text: str) -> str:
    """Canonical form of a message: NFC, no invisible characters, Arabic digits,
    single spaces, Latin letters in lower case, Thai untouched."""
    text = unicodedata.normalize("NFC", text or "")
    text = remove_zw(text).translate(_INVISIBLE).translate(_FULLWIDTH)
    text = thai_digit_to_arabic_digit(text)
    text = "".join(ch.lower() if ch.isascii() else ch for ch in text)
    text = " ".join(text.split())
    return remove_dup_spaces(text).strip()


def storable(text: str) -> str:
    """Text every database can hold: without NUL characters (PostgreSQL refuses them) and without
    halves of surrogate pairs (no encoding can write them)."""
    return text.replace("\x00", "").encode("utf-8", "ignore").decode("utf-8")


def storable_json(value: object) -> str:
    """JSON, readable (Thai as Thai) where every database can hold it; escaped, and still exact,
    where it holds half of a surrogate pair."""
    kept = json.dumps(value, ensure_ascii=False, default=str)
    return kept if storable(kept) == kept else json.dumps(value, default=str)


def shown_number(typed: str, longest: int = 12) -> str:
    """A number as typed, shortened for a reply when someone typed hundreds of digits."""
    return typed if len(typed) <= longest else typed[:longest] + "…"


def compact(text: str) -> str:
    """Normalised text without spaces: Thai does not separate words, people add spaces at random."""
    return normalize(text).replace(" ", "")


def tokens(text: str) -> list[str]:
    """Words of a normalised message (PyThaiNLP's dictionary tokenizer)."""
    return [t for t in word_tokenize(text, engine="newmm", keep_whitespace=False) if t.strip()]


def forms_in(text: str) -> tuple[str, ...]:
    """The ITA forms a normalised message names, in the order IIT, EIT, OIT."""
    found = {m.upper() for m in _FORM_RE.findall(text)}
    return tuple(f for f in FORMS if f in found)


def warm_up() -> None:
    """Load PyThaiNLP's dictionary now, so the first message does not pay for it."""
    tokens("ตอนนี้ต้องส่งแบบวัดเมื่อไหร่")


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def be_year_in(text: str) -> int | None:
    """The one Buddhist-era year (2500-2799) a text names ("ร่างปฏิทิน 2570"); None for none or several."""
    found = set(re.findall(r"(?<!\d)(2[5-7]\d\d)(?!\d)", normalize(text)))
    return int(found.pop()) if len(found) == 1 else None


def ce_year(year: int) -> int:
    """A year as people write it (BE or CE, two or four digits) to the Common Era."""
    if year < 100:
        year += 2500
    return year - BE_OFFSET if year > 2400 else year


def thai_date(day: date) -> str:
    """30 เม.ย. 2568"""
    return thai_strftime(day, "%-d %b %Y")


def thai_date_long(day: date) -> str:
    """วันพุธที่ 30 เมษายน 2568"""
    return thai_strftime(day, "%Aที่ %-d %B %Y")


def thai_date_range(start: date, end: date) -> str:
    """1–18 เม.ย. 2568, 1 ม.ค. – 30 มิ.ย. 2568, 15 ธ.ค. 2567 – 15 ม.ค. 2568"""
    if start == end:
        return thai_date(start)
    if start.year != end.year:
        return f"{thai_date(start)} – {thai_date(end)}"
    if start.month != end.month:
        return f"{thai_strftime(start, '%-d %b')} – {thai_date(end)}"
    return f"{start.day}–{thai_date(end)}"


def parse_thai_date(text: str, default_year_ce: int | None = None) -> date | None:
    """A date as Thai documents and people write it: ๓๐ เมษายน ๒๕๖๘, 30 เม.ย. 68, 30/4/2568,
    2025-04-30. None when there is none or it does not exist."""
    text = normalize(text)
    try:
        if m := re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(ce_year(int(m[1])), int(m[2]), int(m[3]))
        if m := re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", text):
            return date(ce_year(int(m[3])), int(m[2]), int(m[1]))
        if m := _THAI_DATE_RE.search(text):
            year = ce_year(int(m[3])) if m[3] else default_year_ce
            if year is None:
                return None
            return date(year, _MONTHS[m[2]], int(m[1]))
    except (ValueError, OverflowError):
        return None
    return None
