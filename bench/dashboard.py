"""Latency of the province's pages for a 250-unit province on PostgreSQL: the dashboard, its Excel
export and the calendar feed, through the whole app (link check, queries, chart, template).

    .venv/bin/python bench/dashboard.py [--requests 300] [--database postgresql+psycopg://...]

The database (default: `itabot_bench` on the local PostgreSQL, created when missing) is emptied
first. GET /healthz of the same app is the same-run baseline. Target (issue 21): dashboard p99
<= 100 ms.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from reports import COORD, UNITS, populate  # noqa: E402
from webhook import SECRET, TOKEN, percentile  # noqa: E402

from bot import db  # noqa: E402
from bot.app import create_app, shutdown  # noqa: E402
from models import Base, Province  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/itabot_bench"


def fresh_database(url: str) -> None:
    address = sa.engine.make_url(url)
    if address.get_backend_name() == "postgresql":
        server = sa.create_engine(address.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            if not connection.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                     {"name": address.database}):
                connection.execute(sa.text(f'CREATE DATABASE "{address.database}"'))
        server.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    db.upgrade(url)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database", default=DEFAULT_URL)
    args = parser.parse_args()
    fresh_database(args.database)
    app = create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
                      "database_url": args.database, "now": "2025-04-10T09:00:00+07:00"})
    assert app.test_cli_runner().invoke(args=["init"]).exit_code == 0
    populate(app)
    with db.sessionmaker(app)() as session:
        province = session.scalar(sa.select(Province).where(Province.name == "นครราชสีมา"))
    token = app.extensions["itabot.links"].token(province.id, COORD)
    name = quote(province.name)
    pages = {"GET /healthz (baseline)": "/healthz",
             f"GET /dashboard ({UNITS} units)": f"/dashboard/{name}?t={token}",
             "GET /export .xlsx": f"/export/{name}.xlsx?t={token}",
             "GET /calendar .ics": f"/calendar/{name}.ics"}
    client = app.test_client()
    timings: dict[str, list[float]] = {page: [] for page in pages}
    for n in range(args.requests + 20):
        for page, path in pages.items():
            start = time.perf_counter()
            answer = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            assert answer.status_code == 200, (path, answer.status_code)
            if n >= 20:
                timings[page].append(elapsed)
    shutdown(app)
    print(f"{args.requests} requests each, interleaved, on {sa.engine.make_url(args.database).get_backend_name()} (ms)")
    for page, samples in timings.items():
        print(f"{page:32} p50 {percentile(samples, 50):7.2f}  p99 {percentile(samples, 99):7.2f}")
    p99 = percentile(timings[f"GET /dashboard ({UNITS} units)"], 99)
    print(f"dashboard p99 {p99:.1f} ms (target <= 100): {'OK' if p99 <= 100 else 'MISSED'}")


if __name__ == "__main__":
    main()
