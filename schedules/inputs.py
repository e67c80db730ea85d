"""What `schedules.plan` needs, read from the database in a few queries."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm

from bot.ita.calendar import Cycle, cycles_by_province, fiscal_year_be
from models import Chat, Province, Quota, ReminderRules, Report, Unit
from schedules.plan import Figures, Reminder, Rules, Target, plan
from schedules.rules import from_row


def load_cycles(session: orm.Session, today: date) -> dict[str | None, Cycle]:
    """The current cycle as each province's chats see it (None: provinces with no overlay), of
    the calendars reminders are on for: a draft's dates are not announced until a superadmin says so."""
    return cycles_by_province(session, fiscal_year_be(today), reminded=True)


def load_targets(session: orm.Session) -> list[Target]:
    """Active chats with reminders on, bound to a unit or to a province."""
    rows = session.execute(
        sa.select(Chat.id, Province.name, Unit.id, Unit.name)
        .outerjoin(Unit, Unit.id == Chat.unit_id)
        .outerjoin(Province, Province.id == sa.func.coalesce(Unit.province_id, Chat.province_id))
        .where(Chat.active, Chat.reminders_on, sa.or_(Chat.unit_id.is_not(None), Chat.province_id.is_not(None)))
        .order_by(Chat.id)
    )
    return [Target(chat_id, province, unit_id, unit_name) for chat_id, province, unit_id, unit_name in rows]


def load_figures(session: orm.Session, today: date) -> list[Figures]:
    """Each unit's latest IIT/EIT counts and minimums for the current year."""
    year = fiscal_year_be(today)
    latest = (sa.select(sa.func.max(Report.id)).where(Report.year == year)
              .group_by(Report.unit_id, Report.form).scalar_subquery())
    counts: dict[int, dict[str, int]] = {}
    for unit_id, form, count in session.execute(
            sa.select(Report.unit_id, Report.form, Report.count).where(Report.id.in_(latest))):
        counts.setdefault(unit_id, {})[form] = count
    rows = session.execute(sa.select(Unit.id, Unit.name, Province.name, Quota.iit_min, Quota.eit_min)
                           .join(Province).join(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year)))
    return [Figures(uid, name, province, counts.get(uid, {}), {"IIT": iit, "EIT": eit})
            for uid, name, province, iit, eit in rows]


def load_rules(session: orm.Session) -> dict[str | None, Rules]:
    """Each province's own reminder rules, by province name; the rest follow `Rules()`."""
    return {name: from_row(row) for row, name in session.execute(sa.select(ReminderRules, Province.name).join(Province))}


def due_now(session: orm.Session, now: datetime) -> list[Reminder]:
    """What the calendar, the chats, the figures and the rules make due at `now`."""
    today = now.date()
    return plan(load_cycles(session, today), load_targets(session), load_figures(session, today), now,
                load_rules(session))
