"""Load: signed single-event webhook requests to `itabot serve` (gunicorn) on PostgreSQL.

60% reports with rising counts (each unit's member, in 1:1), 30% deadline questions, 10% LINE's
redeliveries of a request sent at least 3 s before. The fake LINE API runs in its own process.
Prints events/s, p50, p99 and the non-200s, then checks the database and the fake: every report
stored exactly once, every event recorded once and answered once.

    .venv/bin/python bench/load.py [--requests 10000] [--threads 16]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/itabot_load]

The database named is dropped and created afresh. Target (issue 10): >= 300 events/s with the
client on the same 2-core machine, p99 <= 150 ms, 0 errors.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fuzz import free_port, wait_for  # noqa: E402
from remind import FakeLineProcess  # noqa: E402

from bot import db  # noqa: E402
from bot.app import create_app, shutdown  # noqa: E402
from bot.ita.calendar_files import read_calendar, store_calendar  # noqa: E402
from bot.line.fakeline import FakeLine  # noqa: E402
from bot.line.simulator import sign, source, text_event  # noqa: E402
from models import InboundEvent, Member, Report, Unit  # noqa: E402
from tests.provinces import CALENDARS, set_up_lamphun  # noqa: E402

SECRET, TOKEN, NOW = "load-secret", "bench-token", "2025-04-10T09:00:00+07:00"
QUESTIONS = ("OIT ส่งเมื่อไหร่", "IIT ปิดวันไหน", "กำหนดการ", "เหลือกี่วันส่ง OIT", "ตอนนี้ต้องทำอะไร", "สถานะ")
SERVE_OPTIONS = os.environ.get("LOAD_SERVE_OPTIONS", "").split()
REDELIVERY_AFTER = 3.0  # seconds: LINE redelivers what did not get its 200, not at once


def fresh_database(url: str) -> None:
    target = make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{target.database}"')
    admin.dispose()


def prepare(url: str) -> list[tuple[str, int]]:
    """The Lamphun scene, with one member per unit: (their userId, unit id)."""
    db.upgrade(url)
    with FakeLine(access_token=TOKEN) as fake:
        app = create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN, "database_url": url,
                          "line_api_base_url": fake.url, "now": NOW})
        try:
            with db.sessionmaker(app)() as session:
                now = app.extensions["itabot.clock"].now()
                with session.begin():
                    for path in sorted(CALENDARS.glob("*.yaml")):
                        store_calendar(session, read_calendar(path), now)
                set_up_lamphun(app, session, fake, now)
                with session.begin():
                    units = session.execute(sa.select(Unit.id, Unit.province_id)).all()
                    people = [(f"U{unit_id:032x}", unit_id) for unit_id, _ in units]
                    session.add_all(Member(user_id=f"U{unit_id:032x}", role="member", unit_id=unit_id,
                                           province_id=province_id, joined_at=now)
                                    for unit_id, province_id in units if session.get(Member, f"U{unit_id:032x}") is None)
        finally:
            shutdown(app)
    return people


class Client:
    """One thread's share: its own units (so each unit's counts rise in order) and connection."""

    def __init__(self, port: int, people: list[tuple[str, int]], count: int, rnd: random.Random):
        self.port, self.people, self.count, self.rnd = port, people, count, rnd
        self.next_count = {unit: 100 for _, unit in people}
        self.sent: list[tuple[float, bytes]] = []
        self.results: list[tuple[str, int, float]] = []
        self.reports: list[tuple[int, int]] = []
        self.events = 0

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        for _ in range(self.count):
            kind, body = self._next()
            started = time.perf_counter()
            try:
                connection.request("POST", "/callback", body=body, headers={
                    "Content-Type": "application/json", "X-Line-Signature": sign(SECRET, body)})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                status = 0
            self.results.append((kind, status, (time.perf_counter() - started) * 1000))
        connection.close()

    def _next(self) -> tuple[str, bytes]:
        roll, now = self.rnd.random(), time.monotonic()
        old = [body for at, body in self.sent if now - at >= REDELIVERY_AFTER]
        if roll < 0.10 and old:
            event = json.loads(self.rnd.choice(old))["events"][0]
            event["deliveryContext"] = {"isRedelivery": True}
            return "redelivery", json.dumps({"destination": "U0", "events": [event]}).encode()
        user, unit = self.rnd.choice(self.people)
        if roll < 0.70:
            count = self.next_count[unit] = self.next_count[unit] + 1
            self.reports.append((unit, count))
            text, kind = f"EIT {count}", "report"
        else:
            text, kind = self.rnd.choice(QUESTIONS), "question"
        body = json.dumps({"destination": "U0", "events": [text_event(text, source(user))]}).encode()
        self.sent.append((now, body))
        self.events += 1
        return kind, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/itabot_load")
    args = parser.parse_args()
    fresh_database(args.database_url)
    people = prepare(args.database_url)
    rnd = random.Random(7)
    with FakeLineProcess() as fake, tempfile.TemporaryDirectory() as workdir:
        port, log = free_port(), Path(workdir) / "serve.log"
        env = {**os.environ, "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
               "DATABASE_URL": args.database_url, "LINE_API_BASE_URL": fake.url, "ITABOT_NOW": NOW}
        with log.open("w") as output:
            server = subprocess.Popen([str(Path(sys.executable).with_name("itabot")), "serve", "--port", str(port), *SERVE_OPTIONS],
                                      env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_for(port, server)
            fake.calls()  # forget the set-up's calls
            shares = [people[i::args.threads] for i in range(args.threads)]
            clients = [Client(port, share, args.requests // args.threads, random.Random(rnd.random()))
                       for share in shares if share]
            started = time.perf_counter()
            with ThreadPoolExecutor(len(clients)) as pool:
                list(pool.map(lambda c: c.run(), clients))
            elapsed = time.perf_counter() - started
            time.sleep(3)  # the outbox threads settle what is left
            calls = fake.calls()
        finally:
            server.terminate()
            server.wait(30)
        report(clients, elapsed, calls, args.database_url, log.read_text(encoding="utf-8", errors="replace"))


def report(clients: list[Client], elapsed: float, calls: dict[str, int], url: str, log: str) -> None:
    results = [r for c in clients for r in c.results]
    times = sorted(ms for _, _, ms in results)
    non_200 = sum(1 for _, status, _ in results if status != 200)
    events = sum(c.events for c in clients)
    expected = sorted(r for c in clients for r in c.reports)
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        stored = sorted(tuple(r) for r in connection.execute(
            sa.select(Report.unit_id, Report.count).where(Report.form == "EIT", Report.count > 100)))
        recorded = connection.scalar(sa.select(sa.func.count()).select_from(InboundEvent))
    engine.dispose()
    replies = calls.get("/v2/bot/message/reply", 0)
    rate = len(results) / elapsed
    p50, p99 = statistics.median(times), times[int(len(times) * 0.99)]
    print(f"{len(results)} requests from {len(clients)} client threads in {elapsed:.1f} s: {rate:.0f} events/s")
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms; non-200: {non_200}; tracebacks logged: {log.count('Traceback')}")
    print(f"reports sent {len(expected)}, stored {len(stored)}: {'each once' if stored == expected else 'MISMATCH'}")
    print(f"events sent {events} (+ redeliveries), recorded {recorded}; replies accepted by LINE {replies}: "
          f"{'each answered once' if replies == events and recorded == events else 'MISMATCH'}")
    ok = rate >= 300 and p99 <= 150 and non_200 == 0 and stored == expected and replies == events == recorded
    print(f"target >= 300 events/s, p99 <= 150 ms, 0 errors, nothing lost or doubled: {'OK' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
