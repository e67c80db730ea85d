"""Reminders for a national deployment: 8,000 unit chats and 76 coordinators' groups.

Two benchmarks, each printing its figures and a verdict:

1. planning: `schedules.plan.plan` alone, in memory, at three moments of the year;
2. delivery: one scheduler pass (`schedules.deliver.run_pass`) against the fake LINE API,
   on a fresh SQLite database holding 76 provinces, the 2568 calendars, 8,000 units with
   their minimums, one group chat per unit and one coordinators' group per province. The
   clock is frozen on Monday 2025-06-23 09:05, 7 days before IIT and EIT close and a nudge
   day, so nearly every chat has something due. Beside it, in the same run against the same
   fake, a baseline: as many bare line-bot-sdk push_message calls on 16 threads, which is
   what any bot would pay for the HTTP alone. A second pass at the same moment shows the
   pass is idempotent (it should send nothing).

The fake LINE server runs in a child process, so the bot and the fake do not share a GIL;
everything stays on loopback.

    .venv/bin/python bench/remind.py [--chats 8000] [--deliver-chats 8000] [--skip-plan]
    .venv/bin/python bench/remind.py --deliver-chats 0     # planning only
    .venv/bin/python bench/remind.py --skip-plan --profile  # delivery, with cProfile's top 25

Targets (issue 4): planning for 8,000 unit chats <= 2 s; a pass delivering to 8,000 chats
against the fake LINE server <= 60 s on this machine (LINE's own limit, 2,000 pushes/s,
puts the floor near 4 s).
"""
from __future__ import annotations

import argparse
import multiprocessing
import queue
import resource
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import orm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import BANGKOK  # noqa: E402
from bot.ita.calendar import Cycle, cycle_of  # noqa: E402
from bot.ita.calendar_files import read_calendar, store_calendar  # noqa: E402
from schedules.plan import Figures, Target, plan  # noqa: E402

CALENDARS = Path(__file__).resolve().parent.parent / "data" / "calendars"
PROVINCES = 76
PLAN_TARGET, DELIVER_TARGET = 2.0, 60.0  # seconds
SECRET, TOKEN = "bench-secret", "bench-token"
MONDAY = "2025-06-23T09:05:00+07:00"  # 7 days before IIT/EIT close, and a nudge day
WORKERS = 16  # as schedules.deliver.WORKERS: the baseline gets the same concurrency
UNIT_KINDS = ("sao", "sao", "sao", "subdistrict", "town", "city", "district", "pao")  # mostly อบต., as in the field


# -- 1. planning ---------------------------------------------------------------------------

def cycles_by_province() -> dict[str | None, Cycle]:
    specs = [read_calendar(path) for path in CALENDARS.glob("2568-*.yaml")]
    national = [step for spec in specs if spec.province is None for step in spec.steps]
    cycles = {spec.province: cycle_of(2568, national + list(spec.steps)) for spec in specs if spec.province}
    return {None: cycle_of(2568, national), **cycles}


def bench_plan(chats: int) -> None:
    cycles = cycles_by_province()
    provinces = [p for p in cycles if p] + [f"จังหวัด{n}" for n in range(72)]
    targets = [Target(f"Cunit{n}", provinces[n % len(provinces)], n, f"อบต.{n}") for n in range(chats)]
    targets += [Target(f"Ccoords{p}", p) for p in provinces]
    figures = [Figures(n, f"อบต.{n}", provinces[n % len(provinces)], {"IIT": n % 50, "EIT": n % 70},
                       {"IIT": 40, "EIT": 60}) for n in range(chats)]
    print(f"planning, in memory (target <= {PLAN_TARGET:g} s)")
    for moment in ("2025-06-23T09:05", "2025-04-23T09:05", "2025-03-12T09:05"):
        now = datetime.fromisoformat(moment).replace(tzinfo=BANGKOK)
        start = time.perf_counter()
        due = plan(cycles, targets, figures, now)
        elapsed = time.perf_counter() - start
        print(f"  {moment}: {len(targets):,} chats -> {len(due):,} reminders due, planned in {elapsed:.2f} s: "
              f"{verdict(elapsed, PLAN_TARGET)}")


# -- 2. delivery: the fake LINE API in a child process ------------------------------------

def serve_fake_line(answers: multiprocessing.Queue, orders: multiprocessing.Queue) -> None:
    """The child: a FakeLine with a quota no pass can exhaust, answering orders until "stop"."""
    from bot.line.fakeline import FakeLine

    fake = FakeLine(access_token=TOKEN)
    fake.set_quota(10_000_000)  # the FakeLine lives here: its knobs can only be turned here
    fake.start()
    answers.put(fake.url)
    try:
        while (order := orders.get()) != "stop":
            if order == "calls":  # what was received since the last "calls", by kind; then forget it
                answers.put(count_calls(fake.calls))
                fake.clear()
    finally:
        fake.stop()


def count_calls(calls) -> dict[str, int]:
    counts: dict[str, int] = {}
    for call in calls:
        if call.path == "/v2/bot/message/push":
            kind = "push accepted" if call.status == 200 else f"push {call.status}"
        elif call.path.endswith("/members/count"):
            kind = "member count"
        elif call.path.startswith("/v2/bot/message/quota"):
            kind = "quota"
        else:
            kind = call.path
        counts[kind] = counts.get(kind, 0) + 1
    return counts


class FakeLineProcess:
    """Start the child, learn its URL; ask what it received; stop it whatever happened."""

    def __init__(self):
        # spawn, not fork: the child starts clean, without this process's threads or connections.
        context = multiprocessing.get_context("spawn")
        self._answers, self._orders = context.Queue(), context.Queue()
        self._process = context.Process(target=serve_fake_line, args=(self._answers, self._orders),
                                        name="fakeline", daemon=True)

    def __enter__(self) -> FakeLineProcess:
        self._process.start()
        deadline = time.monotonic() + 60
        # Short waits, so a child that died on start-up is reported at once, not after a minute.
        while self._process.is_alive() and time.monotonic() < deadline:
            try:
                self.url = self._answers.get(timeout=0.2)
                return self
            except queue.Empty:
                pass
        self.__exit__()
        raise RuntimeError(f"the fake LINE server did not start (exit code {self._process.exitcode})")

    def calls(self) -> dict[str, int]:
        self._orders.put("calls")
        return self._answers.get(timeout=60)

    def __exit__(self, *_exc) -> None:
        if self._process.is_alive():
            self._orders.put("stop")
            self._process.join(10)
        if self._process.is_alive():  # it did not answer: this process started it, so it ends it
            self._process.terminate()
            self._process.join(5)


# -- 2. delivery: the database ------------------------------------------------------------

def build_database(url: str, units: int, now: datetime) -> dict[str, int]:
    """A fresh schema with calendars, provinces, units, minimums, reports and chats; the row counts.

    Bulk inserts (executemany), not ORM objects one by one: the set-up is not what is measured.
    """
    from bot import db
    from models import Chat, Province, Quota, Report, Unit

    db.upgrade(url)
    engine = db.make_engine(url)
    Session = orm.sessionmaker(engine)
    with Session() as session, session.begin():
        for path in sorted(CALENDARS.glob("2568-*.yaml")):
            store_calendar(session, read_calendar(path), now)  # adds the overlays' provinces
        have = set(session.scalars(sa.select(Province.name)))
        fillers = (f"จังหวัด{n}" for n in range(1, PROVINCES * 2) if f"จังหวัด{n}" not in have)
        session.execute(sa.insert(Province), [{"name": next(fillers)} for _ in range(PROVINCES - len(have))])
        province_ids = list(session.scalars(sa.select(Province.id).order_by(Province.id)))
        session.execute(sa.insert(Unit), [
            {"province_id": province_ids[n % len(province_ids)], "name": f"อบต.หน่วย{n}", "key": f"อบตหนวย{n}",
             "kind": UNIT_KINDS[n % len(UNIT_KINDS)]} for n in range(units)])
        unit_ids = list(session.scalars(sa.select(Unit.id).order_by(Unit.id)))
        minimums = {uid: (20 + n % 40, 30 + n % 60) for n, uid in enumerate(unit_ids)}
        session.execute(sa.insert(Quota), [{"unit_id": uid, "year": 2568, "iit_min": iit, "eit_min": eit}
                                           for uid, (iit, eit) in minimums.items()])
        # A third of the units have reached their minimums (no nudge), a third are 5 short, a third
        # have reported nothing: the nudges and the coordinators' summaries have all three to show.
        session.execute(sa.insert(Report), [
            {"unit_id": uid, "year": 2568, "form": form, "count": minimums[uid][i] - (5 if n % 3 else 0),
             "reported_at": now}
            for n, uid in enumerate(unit_ids) if n % 3 != 2 for i, form in enumerate(("IIT", "EIT"))])
        session.execute(sa.insert(Chat), [
            {"id": f"C{uid:032x}", "kind": "group", "unit_id": uid, "first_seen": now} for uid in unit_ids]
            + [{"id": f"C{'c' * 24}{pid:08x}", "kind": "group", "province_id": pid, "first_seen": now}
               for pid in province_ids])
        counts = {"provinces": len(province_ids), "units": len(unit_ids), "chats": len(unit_ids) + len(province_ids)}
    engine.dispose()
    return counts


# -- 2. delivery: baseline and pass ---------------------------------------------------------

def bench_baseline(url: str, pushes: int) -> float:
    """Bare SDK pushes, as many as the pass makes, on as many threads: the cost of the HTTP alone.

    One message per push, where the pass's pushes carry a chat's three or four reminders: the
    floor is the calls, which LINE counts and limits, not the bytes.
    """
    from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, PushMessageRequest, TextMessage

    configuration = Configuration(access_token=TOKEN, host=url)
    configuration.connection_pool_maxsize = WORKERS  # as bot.line.gateway: one connection per thread
    text = "⏰ อีก 7 วันครบกำหนด: ตอบแบบ IIT และ EIT ภายใน 30 มิ.ย. 2568"
    with ApiClient(configuration) as client:
        api = MessagingApi(client)

        def push(n: int) -> None:
            api.push_message(PushMessageRequest(to=f"Cbaseline{n:08d}", messages=[TextMessage(text=text)]),
                             x_line_retry_key=str(uuid.uuid4()))

        start = time.perf_counter()
        with ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(push, range(pushes)))
        return time.perf_counter() - start


def itabot_app(url: str, database_url: str):
    from bot.app import create_app

    return create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
                       "line_api_base_url": url, "database_url": database_url, "now": MONDAY})


def timed_pass(app, now: datetime, profile: bool):
    from schedules.deliver import run_pass

    if not profile:
        start = time.perf_counter()
        report = run_pass(app, now)
        return report, time.perf_counter() - start
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    start = time.perf_counter()
    report = profiler.runcall(run_pass, app, now)
    elapsed = time.perf_counter() - start
    # cProfile sees this thread only: the pricing and sending threads show as waits on their futures.
    print("  cProfile of the first pass (main thread only; its overhead inflates the pass's time), "
          "top 25 by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    return report, elapsed


def bench_deliver(units: int, profile: bool) -> None:
    import logging

    from bot.app import shutdown

    now = datetime.fromisoformat(MONDAY).astimezone(BANGKOK)
    with tempfile.TemporaryDirectory(prefix="itabot-bench-") as workdir, FakeLineProcess() as fake:
        database_url = f"sqlite:///{Path(workdir) / 'remind.sqlite3'}"
        start = time.perf_counter()
        rows = build_database(database_url, units, now)
        print(f"delivery against the fake LINE API (child process), {rows['provinces']} provinces, "
              f"{rows['units']:,} units, {rows['chats']:,} group chats; set up in {time.perf_counter() - start:.1f} s")

        app = itabot_app(fake.url, database_url)
        logging.getLogger("schedules").setLevel(logging.WARNING)  # the summary is printed below, once
        try:
            first, first_s = timed_pass(app, now, profile)
            first_calls = fake.calls()
            again, again_s = timed_pass(app, now, False)
            again_calls = fake.calls()
        finally:
            shutdown(app)
        pushes = sum(first.outcomes.values())
        # After the pass, so the baseline's pushes do not sit in the fake's record during it.
        baseline_s = bench_baseline(fake.url, pushes)
        baseline_calls = fake.calls()
    report_deliver(first, first_s, first_calls, again, again_s, again_calls, pushes, baseline_s, baseline_calls)


def report_deliver(first, first_s, first_calls, again, again_s, again_calls, pushes, baseline_s, baseline_calls):
    print(f"  baseline: {pushes:,} bare SDK push_message calls on {WORKERS} threads in {baseline_s:.2f} s "
          f"({rate(pushes, baseline_s)} pushes/s); fake saw {fmt_calls(baseline_calls)}")
    ratio = f"{first_s / baseline_s:.1f}x the baseline" if pushes else "no baseline (nothing pushed)"
    print(f"  itabot pass: {first_s:.2f} s, {rate(pushes, first_s)} pushes/s, {ratio}; "
          f"fake saw {fmt_calls(first_calls)}")
    print(f"    {first.summary()}")
    print(f"  itabot pass for {pushes:,} chats in {first_s:.2f} s (target <= {DELIVER_TARGET:g} s): "
          f"{verdict(first_s, DELIVER_TARGET)}")
    idempotent = "OK" if not again.outcomes and not again.planned else "MISSED: it sent or planned again"
    print(f"  second pass at the same moment: {again_s:.2f} s, fake saw {fmt_calls(again_calls)}; "
          f"nothing sent again: {idempotent}")
    print(f"    {again.summary()}")


# -- output -----------------------------------------------------------------------------

def verdict(elapsed: float, target: float) -> str:
    return "OK" if elapsed <= target else "MISSED"


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "-"


def fmt_calls(calls: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n:,}" for kind, n in sorted(calls.items())) or "no calls"


def peak_rss() -> str:
    # ru_maxrss is in KiB on Linux; the child's peak shows once it has been joined.
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    child = f", largest child (fake LINE) {children:.0f} MiB" if children else ""
    return f"peak RSS: this process {mine:.0f} MiB{child}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=8000, help="unit chats for the planning benchmark")
    parser.add_argument("--deliver-chats", type=int, default=8000, help="unit chats for the pass; 0 skips it")
    parser.add_argument("--skip-plan", action="store_true", help="only the delivery benchmark")
    parser.add_argument("--profile", action="store_true", help="cProfile the first pass and print its hotspots")
    args = parser.parse_args()
    if not args.skip_plan:
        bench_plan(args.chats)
    if args.deliver_chats > 0:
        bench_deliver(args.deliver_chats, args.profile)
    print(peak_rss())


if __name__ == "__main__":
    main()
