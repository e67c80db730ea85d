"""Calendar YAML files: checked completely before anything is stored, then loaded by key.

A file is one fiscal year's calendar, the NACC's or a province's overlay; see
docs/calendar-format.md. Loading a new year is a new file, never a code change.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlalchemy import orm

from bot.ita.calendar import Step
from bot.ita.calendar_changes import record
from bot.thai import compact, parse_thai_date
from models import Calendar, get_or_create_province
from models import Step as StepRow
from models.calendar import ACTORS, FORMS, SCOPES

FILE_FIELDS = {"year", "scope", "province", "title", "source", "steps"}
STEP_FIELDS = {"id", "title", "short", "start", "end", "end_time", "forms", "actor", "source", "nacc_step", "note", "words"}
REQUIRED_STEP = ("id", "title", "short", "start", "end", "actor")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
MAX_WORD = 60


class CalendarFileError(ValueError):
    def __init__(self, file: str, problems: list[str]):
        self.file, self.problems = file, problems
        super().__init__(f"{file}: " + "; ".join(problems))


@dataclass(frozen=True)
class CalendarSpec:
    file_name: str
    checksum: str
    year: int
    scope: str
    province: str | None
    title: str
    source: str
    steps: tuple[Step, ...]

    @property
    def key(self) -> str:
        return f"{self.year}/{self.scope}" + (f"/{self.province}" if self.province else "")


class _PlainLoader(yaml.SafeLoader):
    """Dates stay text, so a bad one is reported with its step instead of crashing the parser."""


_PlainLoader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_calendar(path: str | Path) -> CalendarSpec:
    """Parse and check a calendar file; CalendarFileError lists every problem found."""
    path = Path(path)
    return read_calendar_bytes(path.name, path.read_bytes())


def read_calendar_bytes(file_name: str, raw: bytes) -> CalendarSpec:
    """The same, for a file's content (one sent in chat)."""
    try:
        doc = yaml.load(raw.decode("utf-8"), Loader=_PlainLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise CalendarFileError(file_name, [f"not valid YAML: {error}"]) from None
    if not isinstance(doc, dict):
        raise CalendarFileError(file_name, ["expected a mapping with year, scope, title, source, steps"])
    return calendar_spec(file_name, hashlib.sha256(raw).hexdigest(), doc)


def calendar_spec(file_name: str, checksum: str, doc: dict, labels: list[str] | None = None,
                  problems: list[str] | None = None) -> CalendarSpec:
    """A calendar document checked whole: `labels` names its steps in problems (a sheet's rows);
    `problems` already found (a sheet's cells) are reported with these."""
    problems = list(problems or [])
    header = _check_header(doc, problems)
    steps = doc.get("steps")
    specs: list[Step] = []
    if not isinstance(steps, list) or not steps:
        problems.append("steps: expected a non-empty list")
        steps = []
    seen: set[str] = set()
    named: dict[str, str] = {}  # a word -> the step it names: one step per word in a file
    for number, step in enumerate(steps, 1):
        label = labels[number - 1] if labels else None
        spec = _check_step(step, number, header["province"], problems, label)
        if spec and spec.key in seen:
            problems.append(f"{label or 'step ' + spec.key}: duplicate id {spec.key}")
        elif spec:
            seen.add(spec.key)
            specs.append(spec)
            for word in spec.words:
                if named.setdefault(compact(word), spec.key) != spec.key:
                    problems.append(f"{label or 'step ' + spec.key}: word {word!r} already names step "
                                    f"{named[compact(word)]}")
    if problems:
        raise CalendarFileError(file_name, problems)
    return CalendarSpec(file_name, checksum, steps=tuple(specs), **header)


def _check_header(doc: dict, problems: list[str]) -> dict:
    for name in sorted(set(doc) - FILE_FIELDS):
        problems.append(f"unknown field {name!r}")
    year, scope, province = doc.get("year"), doc.get("scope"), doc.get("province")
    if not isinstance(year, int) or not 2500 <= year <= 2700:
        problems.append(f"year: expected a Buddhist-era year such as 2568, got {year!r}")
    if scope not in SCOPES:
        problems.append(f"scope: expected one of {', '.join(SCOPES)}, got {scope!r}")
    if scope == "province" and not (isinstance(province, str) and province.strip()):
        problems.append("province: an overlay needs the province's Thai name")
    if scope == "nacc" and province:
        problems.append("province: the NACC calendar belongs to no province")
    for name in ("title", "source"):
        if not isinstance(doc.get(name), str) or not doc[name].strip():
            problems.append(f"{name}: expected text")
    return {"year": year, "scope": scope, "province": province.strip() if scope == "province" and province else None,
            "title": str(doc.get("title", "")).strip(), "source": str(doc.get("source", "")).strip()}


def _check_step(step: object, number: int, province: str | None, problems: list[str],
                label: str | None = None) -> Step | None:
    if not isinstance(step, dict):
        problems.append(f"{label or f'step #{number}'}: expected a mapping")
        return None
    name = label or (f"step {step['id']}" if step.get("id") else f"step #{number}")
    before = len(problems)
    problems.extend(f"{name}: unknown field {f!r}" for f in sorted(map(str, set(step) - STEP_FIELDS)))
    problems.extend(f"{name}: missing {f}" for f in REQUIRED_STEP if step.get(f) in (None, ""))
    key = str(step.get("id", ""))
    if key and not _SLUG.match(key):
        problems.append(f"{name}: id must be lowercase letters, digits and dashes")
    start, end = _date(step.get("start"), name, "start", problems), _date(step.get("end"), name, "end", problems)
    if start and end and end < start:
        problems.append(f"{name}: end {end} is before start {start}")
    end_time = _time(step.get("end_time"), name, problems)
    forms = step.get("forms") or []
    if not isinstance(forms, list) or any(f not in FORMS for f in forms):
        problems.append(f"{name}: unknown form in {forms!r} (known: {', '.join(FORMS)})")
        forms = []
    if step.get("actor") not in (*ACTORS, None, ""):
        problems.append(f"{name}: actor must be one of {', '.join(ACTORS)}, got {step.get('actor')!r}")
    words = _words(step.get("words"), name, problems)
    if len(problems) > before:
        return None
    return Step(key, str(step["title"]).strip(), str(step["short"]).strip(), start, end, end_time,
                tuple(f for f in FORMS if f in forms), step["actor"], province, step.get("nacc_step") or None,
                str(step.get("source") or ""), step.get("note") or None, words)


def _words(value: object, name: str, problems: list[str]) -> tuple[str, ...]:
    """How people name the step: short phrases, each kept as written (matching normalises them)."""
    if value in (None, []):
        return ()
    if not isinstance(value, list) or not all(isinstance(w, (str, int)) for w in value):
        problems.append(f"{name}: words must be a list of phrases")
        return ()
    words = tuple(str(w).strip() for w in value)
    for word in words:
        if not compact(word) or len(word) > MAX_WORD or "|" in word:
            problems.append(f"{name}: word {word!r} must be 1 to {MAX_WORD} characters, without '|'")
    if len({compact(w) for w in words}) != len(words):
        problems.append(f"{name}: a word is listed twice")
    return words


def _date(value: object, name: str, field: str, problems: list[str]) -> date | None:
    if value in (None, ""):
        return None
    text = str(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        parsed = parse_thai_date(text)
        if parsed is None:
            problems.append(f"{name}: {field} is not a date: {text!r} (use 2025-04-30 or 30 เม.ย. 2568)")
        return parsed


def _time(value: object, name: str, problems: list[str]) -> time | None:
    if value in (None, ""):
        return None
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{name}: end_time is not a time of day: {value!r} (use 17:00)")
        return None


def store_calendar(session: orm.Session, spec: CalendarSpec, now: datetime, *, keep_edited: bool = False,
                   actor: str = "cli:calendar load") -> str:
    """Insert or replace the calendar with the spec's key: "added", "replaced", "unchanged", or
    "kept" when `keep_edited` and the stored one was changed since (a draft, a deadline moved in
    chat): `itabot init` runs at every upgrade and must not undo what coordinators did."""
    existing = session.scalar(sa.select(Calendar).where(Calendar.key == spec.key))
    if existing is not None and existing.checksum == spec.checksum:
        return "unchanged"
    if existing is not None and keep_edited and existing.edited_at is not None:
        return "kept"
    if existing is not None:
        session.delete(existing)
        session.flush()
    province = get_or_create_province(session, spec.province) if spec.province else None
    calendar = Calendar(
        key=spec.key, year=spec.year, scope=spec.scope, province=province, title=spec.title,
        source=spec.source, file_name=spec.file_name, checksum=spec.checksum, loaded_at=now,
        steps=[StepRow(key=s.key, title=s.title, short=s.short, start_date=s.start, end_date=s.end,
                    end_time=s.end_time, forms=",".join(s.forms), actor=s.actor, source=s.source,
                    nacc_step=s.nacc_step, note=s.note, words="|".join(s.words)) for s in spec.steps],
    )
    session.add(calendar)
    record(session, now, actor, "load", calendar, before=None if existing is None else {"file": existing.file_name},
           after={"file": spec.file_name, "steps": len(spec.steps)})
    return "replaced" if existing is not None else "added"
