"""Latency of a report message (database write included) and of "สรุป" for a 250-unit province.

Each is measured through the whole app (signature, parse, database, reply to the fake LINE
API), interleaved with the echo webhook of bench/webhook.py as the same-run baseline.

    .venv/bin/python bench/reports.py [--requests 2000]

Targets (issue 3): report p99 <= 30 ms on SQLite; "สรุป" for 250 units p99 <= 50 ms.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webhook import SECRET, TOKEN, echo_app, itabot_app, percentile, timed_post  # noqa: E402

from bot import db  # noqa: E402
from bot.app import shutdown  # noqa: E402
from bot.line.fakeline import FakeLine  # noqa: E402
from bot.line.simulator import LineSimulator, source, text_event  # noqa: E402
from models import Chat, Member, Quota, Report, Unit, get_or_create_province  # noqa: E402

UNITS = 250
COORD = "Ucoordbench00000000000000000000a"


def populate(app) -> None:
    """A province of 250 units with quotas and three reports per unit and form; one staff per unit."""
    now = app.extensions["itabot.clock"].now()
    with db.sessionmaker(app)() as session, session.begin():
        province = get_or_create_province(session, "นครราชสีมา")
        for n in range(UNITS):
            unit = Unit(province=province, name=f"อบต.ทดสอบ{n:03d}", kind="sao", key=f"อบตทดสอบ{n:03d}")
            session.add(unit)
            session.flush()
            session.add(Quota(unit_id=unit.id, year=2568, iit_min=40, eit_min=50, internal_stakeholders=100_000))
            session.add(Member(user_id=f"Ustaff{n:027d}", role="member", unit_id=unit.id, province_id=province.id,
                               joined_at=now))
            for form in ("IIT", "EIT"):
                for k in range(3):
                    session.add(Report(unit_id=unit.id, year=2568, form=form, count=(n + k) % 60,
                                       reported_at=now - timedelta(days=3 - k)))
        session.add(Member(user_id=COORD, role="coordinator", province_id=province.id, joined_at=now))
        session.add(Chat(id="Ccoords", kind="group", province_id=province.id, first_seen=now))


def post(simulator: LineSimulator, text: str, user: str, group: str | None = None) -> float:
    event = text_event(text, source(user, group=group), clock=simulator.clock)
    start = time.perf_counter()
    assert simulator.post([event]).status_code == 200
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    timings: dict[str, list[float]] = {"report": [], "summary": [], "echo": []}
    with tempfile.TemporaryDirectory() as workdir, FakeLine(access_token=TOKEN) as fake:
        bot = LineSimulator(itabot_app(fake.url, Path(workdir)), fake, SECRET)
        populate(bot.app)
        echo_flask, echo_client = echo_app(fake.url)
        echo = LineSimulator(echo_flask, fake, SECRET)
        for i in range(args.requests + 50):
            staff = f"Ustaff{i % UNITS:027d}"
            samples = (post(bot, f"IIT {100 + i}", staff), post(bot, "สรุป", COORD, "Ccoords"),
                       timed_post(echo, "IIT 45", "Cecho"))
            if i >= 50:
                for name, ms in zip(timings, samples):
                    timings[name].append(ms)
            if i % 200 == 0:
                fake.clear()
        assert fake.replies() and "ผู้ตอบ" in str(fake.replies()[-2])
        shutdown(bot.app)
        echo_client.close()
    print(f"through the whole app, {args.requests} requests each, interleaved (ms); summary over {UNITS} units")
    print(f"{'':8} {'p50':>7} {'p90':>7} {'p99':>7} {'max':>7}")
    for name, samples in timings.items():
        print(f"{name:8} {percentile(samples, 50):7.2f} {percentile(samples, 90):7.2f} "
              f"{percentile(samples, 99):7.2f} {max(samples):7.2f}")
    for name, target in (("report", 30), ("summary", 50)):
        p99 = percentile(timings[name], 99)
        print(f"{name} p99 {p99:.2f} ms (target <= {target}): {'OK' if p99 <= target else 'MISSED'}")


if __name__ == "__main__":
    main()
