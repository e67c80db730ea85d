"""A calendar sent as a file: what it changes in the stored calendar of its key (steps added,
changed, removed), kept in its proposal until confirmed, then stored with its history."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy import orm

from bot.ita.calendar import Step
from bot.ita.calendar_changes import record, restamp, step_fields
from bot.ita.calendar_files import CalendarSpec, store_calendar
from bot.ita.calendar_moves import StepMove
from models import Calendar
from models import Step as StepRow

# What a step is, as a file says it: a difference in any of these is a change.
COMPARED = ("title", "short", "start", "end", "end_time", "forms", "actor", "nacc_step", "note", "words")


@dataclass(frozen=True)
class Upload:
    spec: CalendarSpec
    changes: tuple[StepMove, ...]  # added (no before), changed, removed (no after), in calendar order
    unchanged: int
    replaces_draft: int | None  # the year a draft being replaced was estimated from

    def of_kind(self, kind: str) -> list[StepMove]:
        return [c for c in self.changes if _kind(c) == kind]

    @property
    def told(self) -> list[StepMove]:
        """The changes chats are told of: dates moved, steps removed."""
        return [c for c in self.changes if c.before is not None and c.before != c.after]


def _kind(change: StepMove) -> str:
    return "added" if change.before is None else "removed" if change.after is None else "changed"


def compare(session: orm.Session, spec: CalendarSpec) -> Upload:
    stored = session.scalar(sa.select(Calendar).where(Calendar.key == spec.key))
    old = {row.key: row for row in (stored.steps if stored is not None else [])}
    new = {step.key: step for step in spec.steps}
    changes, same = [], 0
    for step in spec.steps:
        row = old.get(step.key)
        if row is not None and _as_step(row) == tuple(getattr(step, f) for f in COMPARED):
            same += 1
            continue
        changes.append(StepMove(spec.key, step.key, step.short, spec.province,
                                (row.start_date, row.end_date) if row is not None else None, (step.start, step.end)))
    changes += [StepMove(spec.key, key, row.short, spec.province, (row.start_date, row.end_date), None)
                for key, row in old.items() if key not in new]
    return Upload(spec, tuple(changes), same, stored.estimated_from if stored is not None else None)


def _as_step(row: StepRow) -> tuple:
    return (row.title, row.short, row.start_date, row.end_date, row.end_time, row.form_tuple, row.actor,
            row.nacc_step, row.note, row.word_tuple)


def to_json(upload: Upload) -> dict:
    spec = {f.name: getattr(upload.spec, f.name) for f in fields(CalendarSpec) if f.name != "steps"}
    steps = [{k: _plain(v) for k, v in asdict(step).items()} for step in upload.spec.steps]
    return {"spec": spec | {"steps": steps}, "changes": [c.to_json() for c in upload.changes],
            "unchanged": upload.unchanged, "replaces_draft": upload.replaces_draft}


def from_json(fields_: dict) -> Upload:
    spec = dict(fields_["spec"])
    steps = tuple(Step(**{**s, "start": date.fromisoformat(s["start"]), "end": date.fromisoformat(s["end"]),
                          "end_time": time.fromisoformat(s["end_time"]) if s["end_time"] else None,
                          "forms": tuple(s["forms"]), "words": tuple(s["words"])}) for s in spec.pop("steps"))
    return Upload(CalendarSpec(**spec, steps=steps), tuple(StepMove.from_json(c) for c in fields_["changes"]),
                  fields_["unchanged"], fields_["replaces_draft"])


def _plain(value: object) -> object:
    if isinstance(value, (date, time)):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def store_upload(session: orm.Session, upload: Upload, now: datetime, actor: str | None) -> Calendar:
    """Store the file's calendar in place of the one with its key, each step's change in the year's
    history; stamped as edited, so `itabot init` keeps it rather than reloading a shipped file."""
    before = {}
    stored = session.scalar(sa.select(Calendar).where(Calendar.key == upload.spec.key))
    if stored is not None:
        before = {row.key: step_fields(row) for row in stored.steps}
    store_calendar(session, upload.spec, now, actor=actor or "unknown")
    session.flush()
    calendar = session.scalar(sa.select(Calendar).where(Calendar.key == upload.spec.key))
    restamp(calendar, now)
    after = {row.key: step_fields(row) for row in calendar.steps}
    for change in upload.changes:
        kind = {"added": "add", "removed": "remove", "changed": "move"}[_kind(change)]
        record(session, now, actor, kind, calendar, change.step_key, before.get(change.step_key),
               after.get(change.step_key))
    return calendar
