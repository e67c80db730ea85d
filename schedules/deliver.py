"""One pass of the scheduler: plan what is due, record it, price it, push it, record the outcome.

Exactly once, even through kill -9: a push's retry key is committed before LINE is called,
so whatever happened to the call, the next pass repeats it with the same key and LINE either
sends it (it never arrived) or answers 409 (it did). Nothing is pushed unless this process
holds the scheduler's lease. `preview` tells what a pass would push, by the same code.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import Flask

from bot import db
from bot.line.gateway import LineUnavailable, PushOutcome
from bot.line.replies import Text
from schedules import ledger, pricing
from schedules.forecast import WORKERS, Forecast, forecast
from schedules.inputs import due_now
from schedules.lease import acquire, holder_of, this_process

log = logging.getLogger(__name__)

LEASE_TTL = timedelta(minutes=10)
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
    pushed_to: dict[str, int] = field(default_factory=dict)  # chat id -> cost of the new push prepared for it
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


def preview(app: Flask, now: datetime, ask_line: bool = True) -> Forecast | None:
    """What a pass at `now` would push, writing nothing; None when nothing waits.

    Without LINE (`ask_line` False, or LINE unreachable) the budget is unknown and the
    prices are the member counts last kept."""
    gateway = app.extensions["itabot.gateway"] if ask_line else None
    with db.sessionmaker(app)() as session:
        items = _by_chat(ledger.waiting(session, now))
        due = ledger.not_recorded(session, due_now(session, now))
        reachable = ledger.open_to_push(session, {r.chat_id for r in due})
        for reminder in due:
            if reminder.chat_id in reachable:
                items[reminder.chat_id].append(reminder)
        retries = ledger.retries(session, now)
        if not items and not retries:
            return None
        try:
            return forecast(session, gateway, now, dict(items), retries)
        except LineUnavailable:
            return forecast(session, None, now, dict(items), retries)


def _prepare(app: Flask, now: datetime, report: PassReport) -> list[ledger.Outgoing]:
    """Price what is waiting, choose within the quota, and commit the pushes before any call."""
    Session = db.sessionmaker(app)
    with Session() as session:
        items = _by_chat(ledger.waiting(session, now))
        retries = ledger.retries(session, now)
        if not items and not retries:
            return []
        try:
            plan = forecast(session, app.extensions["itabot.gateway"], now, dict(items), retries)
        except LineUnavailable as error:
            report.error = f"quota unknown ({error}): nothing sent this pass"
            return []
    choice = plan.choice
    report.remaining, report.quota_read = plan.remaining, True
    app.extensions["itabot.metrics"].quota_left.set(-1 if plan.remaining is None else plan.remaining)
    report.needed, report.cost = plan.needed, choice.cost
    report.deferred_chats, report.unpriced_chats = len(choice.deferred), len(choice.unpriced)
    with Session() as session, session.begin():
        pricing.keep(session, plan.prices, now)
        if plan.prices.gone:
            ledger.chats_gone(session, plan.prices.gone)
        if plan.notices:
            ledger.record_due(session, plan.notices, now)
            items = _by_chat(ledger.waiting(session, now))  # the notices, now with their ids
        ledger.defer(session, [d.id for c in choice.deferred for d in items[c.chat_id]])
        ledger.left_waiting(session, {c.chat_id: max(d.fresh_until for d in items[c.chat_id])
                                      for c in choice.deferred + choice.unpriced})
        fresh = ledger.new_pushes(session, [(c.chat_id, c.cost or 0, items[c.chat_id]) for c in choice.send], now)
    report.pushed_to = {p.chat_id: p.cost for p in fresh}
    return retries + fresh


def _by_chat(deliveries) -> defaultdict[str, list]:
    items = defaultdict(list)
    for delivery in deliveries:
        items[delivery.chat_id].append(delivery)
    return items


def _send(app: Flask, pushes: list[ledger.Outgoing], now: datetime, holder: str, report: PassReport) -> None:
    gateway = app.extensions["itabot.gateway"]
    stop = threading.Event()  # 429, 401/403 or a lost lease: leave the rest for a later pass

    def attempt(push: ledger.Outgoing) -> tuple[ledger.Outgoing, PushOutcome | None]:
        if stop.is_set():
            return push, None
        outcome = gateway.push(push.chat_id, [Text(t) for t in push.texts], push.retry_key)
        if outcome.kind == "halt" or outcome.status == 429:
            stop.set()
        return push, outcome

    batch: list[tuple[ledger.Outgoing, PushOutcome | None]] = []
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
        ledger.pushed(session, [p.id for p, o in batch if o is not None and o.kind == "sent"], now)
        pushes = app.extensions["itabot.metrics"].pushes
        for push, outcome in batch:
            report.outcomes[_label(outcome)] += 1
            pushes.labels(outcome=_label(outcome)).inc()
            if outcome is None or outcome.kind == "retry":
                _later(session, push, outcome, now, pause)
            elif outcome.kind in ("gone", "rejected", "halt"):
                _failed(session, push, outcome, now, pause)


def _label(outcome: PushOutcome | None) -> str:
    if outcome is None:
        return "not tried"
    return "already sent" if outcome.status == 409 else outcome.kind


def _later(session, push: ledger.Outgoing, outcome: PushOutcome | None, now: datetime, pause: float) -> None:
    """Same push, same retry key, after a backoff: Retry-After when LINE gave one."""
    attempts = push.attempts + (outcome is not None)
    wait = timedelta(seconds=pause) if pause else timedelta(minutes=min(2 ** max(attempts - 1, 0), 30))
    error = "not tried: pass stopped" if outcome is None else f"{outcome.status or ''} {outcome.detail}".strip()
    ledger.try_again(session, push, attempts, now + wait, error)


def _failed(session, push: ledger.Outgoing, outcome: PushOutcome, now: datetime, pause: float) -> None:
    if outcome.kind == "halt":  # the token or the channel is wrong: keep it all for when that is fixed
        log.error("reminders: LINE refused the channel's credentials (status %s); pushes kept", outcome.status)
        return _later(session, push, outcome, now, pause)
    reason = "chat gone" if outcome.kind == "gone" else f"refused {outcome.status}"
    ledger.give_up(session, push, f"{outcome.status} {outcome.detail}", reason)
    if outcome.kind == "gone":
        ledger.chats_gone(session, {push.chat_id})
    else:
        log.warning("reminders: LINE refused a push to %s: %s %s", push.chat_id, outcome.status, outcome.detail)
