"""One pass of the scheduler: plan what is due, record it, price it, push it, record the outcome.

Exactly once, even through kill -9: a push's retry key is committed before LINE is called,
so whatever happened to the call, the next pass repeats it with the same key and LINE either
sends it (it never arrived) or answers 409 (it did). Nothing is pushed unless this process
holds the scheduler's lease.
"""
from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask

from bot import db
from bot.line.gateway import LineUnavailable, PushOutcome
from bot.line.replies import Text
from models import Delivery, Push
from schedules import ledger, pricing
from schedules.budget import Candidate, candidates, choose
from schedules.inputs import due_now
from schedules.lease import acquire, holder_of, this_process
from schedules.notices import quota_notices

log = logging.getLogger(__name__)

LEASE_TTL = timedelta(minutes=10)
WORKERS = 16  # concurrent calls to LINE: its latency, not our CPU, bounds a pass
BATCH = 200  # outcomes written per transaction


@dataclass
class PassReport:
    at: datetime
    held_by: str | None = None  # another process holds the lease: this pass did nothing
    planned: int = 0  # reminders new to the ledger
    expired: int = 0
    remaining: int | None = None  # quota left before the pass; None: no limit
    quota_read: bool = False  # only read when something is waiting to be pushed
    needed: int = 0
    cost: int = 0
    deferred_chats: int = 0
    unpriced_chats: int = 0
    outcomes: Counter = field(default_factory=Counter)
    error: str | None = None

    def summary(self) -> str:
        if self.held_by:
            return f"{self.at:%Y-%m-%d %H:%M}: the scheduler's lease is held by {self.held_by}; nothing sent"
        quota = ("not read" if not self.quota_read else "no limit" if self.remaining is None
                 else f"{self.remaining:,} left")
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items())) or "no pushes"
        line = (f"{self.at:%Y-%m-%d %H:%M}: planned {self.planned}, expired {self.expired}; quota {quota}, "
                f"needed {self.needed:,}, spent {self.cost:,}; {outcomes}; deferred chats {self.deferred_chats}")
        return f"{line}; {self.error}" if self.error else line


def run_pass(app: Flask, now: datetime | None = None, holder: str | None = None) -> PassReport:
    now = now or app.extensions["itabot.clock"].now()
    holder = holder or this_process()
    report = PassReport(now)
    with db.sessionmaker(app)() as session, session.begin():
        if not acquire(session, holder, now, LEASE_TTL):
            report.held_by = holder_of(session)
            log.info("reminders: %s", report.summary())
            return report
        report.expired = ledger.expire(session, now)
        report.planned = ledger.record_due(session, due_now(session, now), now)
    pushes = _prepare(app, now, report)
    if pushes:
        _send(app, pushes, now, holder, report)
    log.info("reminders: %s", report.summary())
    return report


@dataclass(frozen=True)
class Outgoing:
    id: int
    chat_id: str
    retry_key: str
    texts: list[str]
    cost: int
    attempts: int


def _prepare(app: Flask, now: datetime, report: PassReport, notices_added: bool = False) -> list[Outgoing]:
    """Price what is waiting, choose within the quota, and commit the pushes before any call."""
    gateway = app.extensions["itabot.gateway"]
    Session = db.sessionmaker(app)
    with Session() as session:
        waiting = ledger.waiting(session, now)
        retries = [_outgoing(p) for p in session.scalars(
            sa.select(Push).where(Push.status == "pending", Push.next_attempt_at <= now).order_by(Push.id))]
        chats = pricing.chat_infos(session, {d.chat_id for d in waiting})
    if not waiting and not retries:
        return []
    try:
        remaining = gateway.remaining_quota()
    except LineUnavailable as error:
        report.error = f"quota unknown ({error}): nothing sent this pass"
        return []
    report.remaining, report.quota_read = remaining, True
    left = None if remaining is None else max(0, remaining - sum(p.cost for p in retries))
    prices = pricing.price(gateway, chats, now, WORKERS) if remaining is not None else _unpriced(chats)
    with Session() as session, session.begin():
        pricing.keep(session, prices, now)
    items = defaultdict(list)
    for delivery in waiting:
        if delivery.chat_id not in prices.gone:
            items[delivery.chat_id].append(delivery)
    choice = choose(candidates(items, prices.cost), left)
    if choice.short and not notices_added:
        with Session() as session, session.begin():
            added = quota_notices(session, [c.chat_id for c in choice.deferred], choice, now)
        if added:
            return _prepare(app, now, report, notices_added=True)
    report.needed, report.cost = choice.needed + sum(p.cost for p in retries), choice.cost
    report.deferred_chats, report.unpriced_chats = len(choice.deferred), len(choice.unpriced)
    with Session() as session, session.begin():
        ledger.defer(session, [d.id for c in choice.deferred for d in items[c.chat_id]])
        ledger.left_waiting(session, {c.chat_id: max(d.fresh_until for d in items[c.chat_id])
                                      for c in choice.deferred + choice.unpriced})
        fresh = _new_pushes(session, [(c, items[c.chat_id]) for c in choice.send], now)
    return retries + fresh


def _unpriced(chats: list[pricing.ChatInfo]) -> pricing.Prices:
    """No monthly limit: nothing to price; the cost shown is what is known."""
    return pricing.Prices({c.id: 1 if c.kind == "user" else (c.member_count or 0) for c in chats}, {}, set())


def _new_pushes(session, chosen: list[tuple[Candidate, list[Delivery]]], now: datetime) -> list[Outgoing]:
    """One push per chosen chat, committed with its retry key before any call; a few bulk
    statements whatever the number of chats."""
    if not chosen:
        return []
    rows = [{"chat_id": c.chat_id, "retry_key": str(uuid.uuid4()), "texts": "[]", "cost": c.cost or 0,
             "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
             "fresh_until": min(d.fresh_until for d in deliveries)} for c, deliveries in chosen]
    pushes = {chat_id: (push_id, key) for push_id, chat_id, key in session.execute(
        sa.insert(Push).returning(Push.id, Push.chat_id, Push.retry_key, sort_by_parameter_order=True), rows)}
    claimed = ledger.claim_for_pushes(session, {d.id: pushes[c.chat_id][0] for c, deliveries in chosen for d in deliveries})
    outgoing, empty = [], []
    for candidate, deliveries in chosen:
        push_id, key = pushes[candidate.chat_id]
        mine = sorted((d for d in deliveries if claimed.get(d.id) == push_id), key=_reading_order)
        if not mine:  # a reply took them all meanwhile
            empty.append(push_id)
            continue
        outgoing.append(Outgoing(push_id, candidate.chat_id, key, [d.text for d in mine], candidate.cost or 0, 0))
    if empty:
        session.execute(sa.delete(Push).where(Push.id.in_(empty)))
    if outgoing:
        session.execute(sa.update(Push), [{"id": p.id, "texts": json.dumps(p.texts, ensure_ascii=False)} for p in outgoing])
    return outgoing


def _reading_order(delivery: Delivery) -> tuple:
    return delivery.kind != "notice", delivery.kind != "deadline", delivery.deadline, delivery.id


def _outgoing(push: Push) -> Outgoing:
    return Outgoing(push.id, push.chat_id, push.retry_key, json.loads(push.texts), push.cost, push.attempts)


def _send(app: Flask, pushes: list[Outgoing], now: datetime, holder: str, report: PassReport) -> None:
    gateway = app.extensions["itabot.gateway"]
    stop = threading.Event()  # 429, 401/403 or a lost lease: leave the rest for a later pass

    def attempt(push: Outgoing) -> tuple[Outgoing, PushOutcome | None]:
        if stop.is_set():
            return push, None
        outcome = gateway.push(push.chat_id, [Text(t) for t in push.texts], push.retry_key)
        if outcome.kind == "halt" or outcome.status == 429:
            stop.set()
        return push, outcome

    batch: list[tuple[Outgoing, PushOutcome | None]] = []
    with ThreadPoolExecutor(WORKERS) as pool:
        for future in as_completed([pool.submit(attempt, p) for p in pushes]):
            batch.append(future.result())
            if len(batch) >= BATCH:
                _record(app, batch, now, holder, report, stop)
                batch = []
    _record(app, batch, now, holder, report, stop)


def _record(app: Flask, batch, now: datetime, holder: str, report: PassReport, stop: threading.Event) -> None:
    if not batch:
        return
    pause = max((o.retry_after or 0 for _, o in batch if o is not None and o.status == 429), default=0)
    with db.sessionmaker(app)() as session, session.begin():
        if not acquire(session, holder, now, LEASE_TTL):
            log.error("reminders: the lease was lost mid-pass; the rest waits for its holder")
            stop.set()
        sent = [p.id for p, o in batch if o is not None and o.kind == "sent"]
        if sent:
            session.execute(sa.update(Push).where(Push.id.in_(sent)).values(status="sent", sent_at=now, attempts=Push.attempts + 1))
            session.execute(sa.update(Delivery).where(Delivery.push_id.in_(sent), Delivery.status == "pushing")
                            .values(status="sent", via="push", sent_at=now))
        for push, outcome in batch:
            report.outcomes[_label(outcome)] += 1
            if outcome is None or outcome.kind == "retry":
                _later(session, push, outcome, now, pause)
            elif outcome.kind in ("gone", "rejected", "halt"):
                _failed(session, push, outcome, now, pause)


def _label(outcome: PushOutcome | None) -> str:
    if outcome is None:
        return "not tried"
    return "already sent" if outcome.status == 409 else outcome.kind


def _later(session, push: Outgoing, outcome: PushOutcome | None, now: datetime, pause: float) -> None:
    """Same push, same retry key, after a backoff: Retry-After when LINE gave one."""
    attempts = push.attempts + (outcome is not None)
    wait = timedelta(seconds=pause) if pause else timedelta(minutes=min(2 ** max(attempts - 1, 0), 30))
    error = "not tried: pass stopped" if outcome is None else f"{outcome.status or ''} {outcome.detail}".strip()
    session.execute(sa.update(Push).where(Push.id == push.id, Push.status == "pending")
                    .values(attempts=attempts, next_attempt_at=now + wait, last_error=error[:200]))


def _failed(session, push: Outgoing, outcome: PushOutcome, now: datetime, pause: float) -> None:
    if outcome.kind == "halt":  # the token or the channel is wrong: keep it all for when that is fixed
        log.error("reminders: LINE refused the channel's credentials (status %s); pushes kept", outcome.status)
        return _later(session, push, outcome, now, pause)
    session.execute(sa.update(Push).where(Push.id == push.id)
                    .values(status="failed", attempts=push.attempts + 1, last_error=f"{outcome.status} {outcome.detail}"[:200]))
    reason = "chat gone" if outcome.kind == "gone" else f"refused {outcome.status}"
    session.execute(sa.update(Delivery).where(Delivery.push_id == push.id, Delivery.status == "pushing")
                    .values(status="dropped", reason=reason))
    if outcome.kind == "gone":
        pricing.mark_gone(session, {push.chat_id})
    else:
        log.warning("reminders: LINE refused a push to %s: %s %s", push.chat_id, outcome.status, outcome.detail)
