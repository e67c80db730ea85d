"""A change shown to its author before it is made (a deadline moved, a calendar or units file):
kept as a proposal, made only by its confirm button, once, while it is fresh and what it changes
has not changed meanwhile (the `base` it was made on)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from models import Calendar, CalendarProposal

FRESH_FOR = timedelta(hours=1)  # a preview older than this is stale: the author sees it again


def calendar_base(session: orm.Session, year: int) -> dict[str, str]:
    """What a calendar proposal was made on: the checksum of each of the year's calendars."""
    return dict(session.execute(sa.select(Calendar.key, Calendar.checksum).where(Calendar.year == year)).all())


def propose(session: orm.Session, kind: str, year: int, changes: object, base: dict, actor: str | None,
            chat_id: str | None, now: datetime) -> CalendarProposal:
    proposal = CalendarProposal(kind=kind, year=year, actor=actor or "unknown", chat_id=chat_id, created_at=now,
                                base=json.dumps(base, ensure_ascii=False),
                                changes=json.dumps(changes, ensure_ascii=False), state="pending")
    session.add(proposal)
    session.flush()
    return proposal


def decide(session: orm.Session, proposal: CalendarProposal | None, actor: str | None, confirm: bool,
           now: datetime, base: dict | None) -> str:
    """Confirm or cancel: "applied" (the caller makes the change, in this transaction), "cancelled",
    "stale", "decided" (pressed before) or "not_yours". `base` is what the proposal's base is now.
    The state moves by a conditional UPDATE, so a second press, even at the same moment, changes
    nothing."""
    if proposal is None or proposal.actor != actor:
        return "not_yours"
    fresh = now - proposal.created_at <= FRESH_FOR and json.loads(proposal.base) == base
    state = "cancelled" if not confirm else ("applied" if fresh else "stale")
    claimed = session.execute(sa.update(CalendarProposal)
                              .where(CalendarProposal.id == proposal.id, CalendarProposal.state == "pending")
                              .values(state=state, decided_at=now)).rowcount
    return state if claimed else "decided"
