"""Latency of every page of `itabot demo` with the demo province (59 units), over HTTP.

The demo is started as `itabot demo` starts it (its own SQLite file, fake LINE, the web app
on 127.0.0.1); each page is requested in turn, interleaved, after a warm-up, and
GET /healthz (the cheapest route of the same server) is the same-run baseline. Sending a
message includes the whole webhook (signature, reading, database, reply to the fake LINE);
the chats grow as the run goes on, as they would in a long demo (a page shows the latest 60).

    .venv/bin/python bench/pages.py [--rounds 300]

Target (issue 20): every page p99 <= 100 ms.
"""
from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli.demo import DEFAULT_NOW, Demo  # noqa: E402
from bot.clock import parse_instant  # noqa: E402
from bot.ita.demo_province import PEOPLE  # noqa: E402

STAFF, _, COORDINATOR, _ = (p.user_id for p in PEOPLE)
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def pages() -> dict[str, tuple[str, str, dict | None]]:
    """name -> (method, path, form): what a person does on the simulator."""
    page = "/simulator?" + urlencode({"person": COORDINATOR, "chat": "coordinators"})
    log = "/simulator/log?" + urlencode({"person": STAFF, "chat": "unit"})
    return {
        "GET /healthz (baseline)": ("GET", "/healthz", None),
        "GET /simulator": ("GET", page, None),
        "GET /simulator/log (the script's refresh)": ("GET", log, None),
        "GET /simulator/static/simulator.css": ("GET", "/simulator/static/simulator.css", None),
        "POST /simulator/send: a deadline question": (
            "POST", "/simulator/send", {"person": STAFF, "chat": "unit", "text": "OIT ส่งเมื่อไหร่"}),
        "POST /simulator/send: a report": ("POST", "/simulator/send", {"person": STAFF, "chat": "user", "text": "IIT 45"}),
        "POST /simulator/send: สรุป (59 units)": (
            "POST", "/simulator/send", {"person": COORDINATOR, "chat": "coordinators", "text": "สรุป"}),
        "POST /simulator/remind": ("POST", "/simulator/remind", {"person": STAFF, "chat": "unit"}),
    }


def timed(connection: http.client.HTTPConnection, method: str, path: str, form: dict | None) -> float:
    body = urlencode(form).encode() if form else None
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=FORM if form else {})
    answer = connection.getresponse()
    answer.read()
    elapsed = (time.perf_counter() - start) * 1000
    if answer.status not in (200, 303):
        raise SystemExit(f"{method} {path}: {answer.status}")
    return elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = Demo(Path(folder) / "demo.sqlite3", parse_instant(DEFAULT_NOW)).start()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", demo.port, timeout=10)
            measured = {name: [] for name in pages()}
            for round_number in range(args.rounds + 20):
                for name, (method, path, form) in pages().items():
                    elapsed = timed(connection, method, path, form)
                    if round_number >= 20:  # warm-up rounds are not counted
                        measured[name].append(elapsed)
        finally:
            demo.stop()
    print(f"{args.rounds} rounds, demo province of 59 units, over HTTP to the demo's server")
    for name, values in measured.items():
        print(f"{name:48s} p50 {percentile(values, 0.5):6.2f} ms  p99 {percentile(values, 0.99):6.2f} ms")
    worst = max(percentile(v, 0.99) for n, v in measured.items() if "baseline" not in n)
    print(f"slowest page p99 {worst:.1f} ms (target <= 100 ms): {'ok' if worst <= 100 else 'OVER'}")


if __name__ == "__main__":
    main()
