"""What the bot counts for /metrics (Prometheus): events by type and outcome, replies and pushes by
outcome, LINE's quota, how late reminders are, webhook latency and errors.

Each app has its own registry (tests build many apps). Under gunicorn, or with the scheduler in
its own process, set PROMETHEUS_MULTIPROC_DIR to one shared, emptied-at-start directory: every
process then writes its counts there and /metrics adds them up. The reminder backlog is read from
the database at each scrape, so it is true whichever process delivers.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

from models import Delivery, Push
from models.reminder import WAITING

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.events = Counter("itabot_events", "Webhook events, by type and outcome", ["type", "outcome"], registry=r)
        self.replies = Counter("itabot_replies", "Replies to LINE, by outcome", ["outcome"], registry=r)
        self.pushes = Counter("itabot_pushes", "Pushes to LINE, by outcome", ["outcome"], registry=r)
        self.quota_left = Gauge("itabot_line_quota_left", "Messages left this month (-1: no limit)", registry=r,
                                multiprocess_mode="mostrecent")
        self.latency = Histogram("itabot_webhook_seconds", "Time to answer LINE's webhook request", registry=r,
                                 buckets=LATENCY_BUCKETS)
        self.errors = Counter("itabot_errors", "Failures, by where they happened", ["where"], registry=r)

    def exposition(self, backlog: Callable[[], dict[str, float]] | None = None) -> bytes:
        """The text /metrics answers: this process's counts, or every process's when they share a
        PROMETHEUS_MULTIPROC_DIR; and what the database says now (`from_the_ledger`)."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        else:
            registry = self.registry
        text = generate_latest(registry)
        if backlog is not None:
            scrape = CollectorRegistry()
            scrape.register(_Backlog(backlog))
            text += generate_latest(scrape)
        return text


# Read from the ledger at each scrape: true whichever process delivers.
LEDGER_GAUGES = {
    "itabot_reminders_waiting": "Reminders due and not yet delivered",
    "itabot_reminder_lag_seconds": "How long the oldest due reminder has waited",
    "itabot_line_quota_used": "Messages of the monthly quota the bot's pushes used this month",
}


class _Backlog:
    def __init__(self, read: Callable[[], dict[str, float]]):
        self._read = read

    def collect(self):
        for name, value in self._read().items():
            yield GaugeMetricFamily(name, LEDGER_GAUGES[name], value=value)


def from_the_ledger(session, now: datetime) -> dict[str, float]:
    waiting, oldest = session.execute(
        sa.select(sa.func.count(), sa.func.min(Delivery.due_at))
        .where(Delivery.status.in_(WAITING), Delivery.due_at <= now, Delivery.fresh_until >= now.date())).one()
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    used = session.scalar(sa.select(sa.func.coalesce(sa.func.sum(Push.cost), 0))
                          .where(Push.status == "sent", Push.sent_at >= month))
    return {"itabot_reminders_waiting": waiting,
            "itabot_reminder_lag_seconds": (now - oldest).total_seconds() if oldest is not None else 0.0,
            "itabot_line_quota_used": used}
