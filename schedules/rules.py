"""A province's reminder rules: read, changed (audited), and said in Thai."""
from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime, time

from sqlalchemy import orm

from bot import texts
from bot.audit import audit
from models import Province, ReminderRules
from schedules.plan import Rules

MAX_DAYS_BEFORE = 60


class BadRules(ValueError):
    """Rules that cannot be kept; the message is Thai, for the person who asked."""


def rules_of(session: orm.Session, province: Province) -> Rules:
    row = session.get(ReminderRules, province.id)
    return Rules() if row is None else from_row(row)


def from_row(row: ReminderRules) -> Rules:
    return Rules(days_before=tuple(int(d) for d in row.days_before.split(",") if d.strip()),
                 on_first_day=row.on_first_day, on_last_day=row.on_last_day, at=time.fromisoformat(row.at),
                 working_days_only=row.working_days_only, nudge_weekday=row.nudge_weekday)


def change_rules(session: orm.Session, province: Province, actor: str, now: datetime, **changes) -> Rules:
    """Apply the changes given (Rules' field names) and audit them; raises BadRules."""
    before = rules_of(session, province)
    after = replace(before, **changes)
    days = after.days_before
    if any(d < 1 or d > MAX_DAYS_BEFORE for d in days) or len(set(days)) != len(days):
        raise BadRules(texts.RULES_BAD_DAYS.format(most=MAX_DAYS_BEFORE))
    after = replace(after, days_before=tuple(sorted(days, reverse=True)), at=after.at.replace(second=0, microsecond=0))
    row = session.get(ReminderRules, province.id) or ReminderRules(province_id=province.id)
    row.days_before = ",".join(str(d) for d in after.days_before)
    row.at = f"{after.at:%H:%M}"
    row.on_first_day, row.on_last_day = after.on_first_day, after.on_last_day
    row.working_days_only, row.nudge_weekday = after.working_days_only, after.nudge_weekday
    row.updated_at, row.updated_by = now, actor
    session.add(row)
    audit(session, now, actor, "reminders.rules", province.name, _plain(before), _plain(after))
    return after


def describe(rules: Rules, province: str) -> str:
    days = ", ".join(str(d) for d in rules.days_before) or "-"
    return texts.RULES_DESCRIBE.format(
        province=province, days=days, time=f"{rules.at:%H:%M}", first=texts.YES_NO[rules.on_first_day], last=texts.YES_NO[rules.on_last_day],
        working=texts.RULES_WORKING_DAYS if rules.working_days_only else texts.RULES_ANY_DAY)


def _plain(rules: Rules) -> dict:
    return {k: (v.strftime("%H:%M") if isinstance(v, time) else v) for k, v in asdict(rules).items()}
