"""What an operator watches: /healthz, /metrics, and log lines that name the event, not the people."""
from __future__ import annotations

import logging

import sqlalchemy as sa

from bot.line.simulator import source, text_event
from tests.provinces import STAFF


def metric(text: str, name: str) -> float:
    """The value of one sample of the exposition text, e.g. 'itabot_events_total{outcome="handled",type="message"}'."""
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{") and line.split(" ")[0] == name:
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_healthz_says_the_process_and_the_database_are_up(app):
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_unreachable(app, monkeypatch, caplog):
    def unreachable(*_args, **_kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, ConnectionRefusedError("refused"))

    monkeypatch.setattr(sa.orm.Session, "execute", unreachable)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["database"] == "unreachable"
    assert not any(r.exc_info for r in caplog.records)  # one line, no traceback


def test_metrics_count_events_replies_and_latency(line, lamphun, app):
    line.say("IIT 45", user=STAFF, event_id="01HMETRICS00000000000000001")
    line.say("IIT 45", user=STAFF, event_id="01HMETRICS00000000000000001")  # LINE redelivers
    text = app.test_client().get("/metrics").get_data(as_text=True)
    assert metric(text, 'itabot_events_total{outcome="handled",type="message"}') == 1
    assert metric(text, 'itabot_events_total{outcome="duplicate",type="message"}') == 1
    assert metric(text, 'itabot_replies_total{outcome="sent"}') == 1
    assert metric(text, "itabot_webhook_seconds_count") == 2
    assert metric(text, "itabot_reminders_waiting") == 0 and "itabot_line_quota_used" in text


def test_a_failed_event_is_logged_by_its_id_without_what_was_sent(line, lamphun, monkeypatch, caplog):
    def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr("handlers.reports.record", broken)
    caplog.set_level(logging.INFO)
    line.send(text_event("IIT 45 secret-words", source(STAFF), event_id="01HLOGGED000000000000000001"))
    [failed] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failed.event_id == "01HLOGGED000000000000000001"
    logged = "\n".join(caplog.text.splitlines())
    assert "secret-words" not in logged and STAFF not in logged
