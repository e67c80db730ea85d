"""Fuzzed webhook requests against `itabot serve`, as an attacker or a broken client would send them.

`itabot serve` runs as its own process on a fresh SQLite database holding the Lamphun demo
province, talking to a fake LINE API on loopback; this script posts N requests from 4 threads:
well-formed events with hostile texts and postback data (halves of surrogate pairs, control
characters, hundreds of digits, 5,000 characters), events with fields of the wrong type, length or
shape, arbitrary signed JSON, wrong signatures and bodies over 1 MiB. Plain questions are
interleaved as the baseline. Prints the count of each status and the server's logged tracebacks.

    .venv/bin/python bench/fuzz.py [--requests 5000] [--seed 1]

Target (issue 10): 0 responses 5xx, 0 tracebacks.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import db  # noqa: E402
from bot.app import create_app, shutdown  # noqa: E402
from bot.ita.calendar_files import read_calendar, store_calendar  # noqa: E402
from bot.line.fakeline import FakeLine  # noqa: E402
from bot.line.simulator import postback_event, sign, source, text_event  # noqa: E402
from bot.web.webhook import MAX_BODY  # noqa: E402
from tests.provinces import COORDINATOR, COORDINATORS, STAFF, STRANGER, UNIT_GROUP, set_up_lamphun  # noqa: E402

SECRET, TOKEN, NOW = "fuzz-secret", "fuzz-token", "2025-04-10T09:00:00+07:00"
PIECES = ["IIT", "EIT", "OIT", "iit", " ", "45", "๔๕", "9" * 40, "ส่วนที่ 1", "ค่ะ", "?", "ไม่", "ตั้งโควตา", "อบต.บ้านไผ่",
          "ลงทะเบียน", "ปิดแจ้งเตือน", "ตั้งแจ้งเตือน ล่วงหน้า", "วัน", "8 โมงครึ่ง", "1 ก.ค. 68", "\n", "\x00", "\ud800",
          "\u200b", "🙏", "เพิ่มผู้ประสานงาน", "U" + "a" * 32, "สรุป", "-5", "1.5", "1,000,000", "ถ้า", "@", "\t"]
ODD_VALUES = [None, True, 0, -1, 10**30, 1.5, "", "x" * 5000, "\ud800", [], {}, {"a": {"b": [1, 2]}}, [[[[[]]]]],
              "U" + "a" * 100, "\x00", "1" * 400]
PEOPLE = [STAFF, COORDINATOR, STRANGER, "U" + "f" * 32]
CHATS = [None, UNIT_GROUP, COORDINATORS, "Cunbound"]


def hostile_text(rnd: random.Random) -> str:
    if rnd.random() < 0.1:
        return "".join(chr(rnd.randrange(0x110000)) for _ in range(rnd.randint(1, 200)))
    text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30)))
    return text * (rnd.randint(2, 200) if rnd.random() < 0.1 else 1)


def an_event(rnd: random.Random) -> dict:
    where = source(rnd.choice(PEOPLE), rnd.choice(CHATS))
    if rnd.random() < 0.7:
        return text_event(hostile_text(rnd)[:5000], where)
    data = ":".join(rnd.choice(["report", "confirm-report", "cancel-report", "1", "IIT", "EIT", "abc", "nan", "inf",
                                "-1", "9" * 30, "\ud800", ""]) for _ in range(rnd.randint(1, 5)))
    return postback_event(data, where)


def broken(event: dict, rnd: random.Random) -> dict:
    """The event with some of its fields given values of the wrong type, length or shape."""
    event = json.loads(json.dumps(event))
    for _ in range(rnd.randint(1, 3)):
        target = event
        path = rnd.choice([["type"], ["mode"], ["timestamp"], ["source"], ["source", "userId"], ["source", "type"],
                           ["source", "groupId"], ["webhookEventId"], ["replyToken"], ["deliveryContext"],
                           ["message"], ["message", "text"], ["message", "type"], ["message", "mention"],
                           ["postback"], ["postback", "data"]])
        for key in path[:-1]:
            if not isinstance(target.get(key), dict):
                target[key] = {}
            target = target[key]
        if rnd.random() < 0.2:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = rnd.choice(ODD_VALUES)
    return event


def a_request(rnd: random.Random) -> tuple[str, bytes, str]:
    """(kind, body, signature)."""
    roll = rnd.random()
    if roll < 0.45:
        body = {"destination": "U0", "events": [an_event(rnd) for _ in range(rnd.randint(1, 3))]}
        kind = "hostile text or postback"
    elif roll < 0.80:
        body = {"destination": "U0", "events": [broken(an_event(rnd), rnd)]}
        kind = "fields of the wrong type"
    elif roll < 0.90:
        body = rnd.choice([[], {}, {"events": None}, {"events": [1, "x", None]}, {"destination": 5, "events": {}},
                           {"events": [{"type": "message"}] * 3}, "x", 5, None])
        kind = "arbitrary JSON"
    elif roll < 0.95:
        raw = json.dumps({"destination": "U0", "events": [an_event(rnd)]}).encode()
        return "wrong signature", raw, sign("not-the-secret", raw)
    else:
        raw = json.dumps({"destination": "U0", "events": [], "pad": "x" * (MAX_BODY + 1)}).encode()
        return "over 1 MiB", raw, sign(SECRET, raw)
    raw = json.dumps(body).encode()  # every character escaped, surrogate halves included
    return kind, raw, sign(SECRET, raw)


def baseline_request() -> tuple[str, bytes, str]:
    raw = json.dumps({"destination": "U0", "events": [text_event("OIT ส่งเมื่อไหร่", source(STAFF))]}).encode()
    return "baseline question", raw, sign(SECRET, raw)


def post(port: int, body: bytes, signature: str) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/callback", body=body, headers={
            "Content-Type": "application/json", "X-Line-Signature": signature})
        status = connection.getresponse().status
    except (ConnectionError, http.client.HTTPException):
        status = 0  # the server closed the connection while the body was still being sent (a 413)
    finally:
        connection.close()
    return status, (time.perf_counter() - started) * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(url: str, fake: FakeLine) -> None:
    db.upgrade(url)
    app = create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN, "database_url": url,
                      "line_api_base_url": fake.url, "now": NOW})
    try:
        with db.sessionmaker(app)() as session:
            with session.begin():
                for path in sorted((ROOT / "data" / "calendars").glob("*.yaml")):
                    store_calendar(session, read_calendar(path), app.extensions["itabot.clock"].now())
            set_up_lamphun(app, session, fake, app.extensions["itabot.clock"].now())
    finally:
        shutdown(app)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as workdir, FakeLine(access_token=TOKEN) as fake:
        url = f"sqlite:///{Path(workdir) / 'fuzz.sqlite3'}"
        prepare(url, fake)
        port, log = free_port(), Path(workdir) / "serve.log"
        env = {**os.environ, "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN, "DATABASE_URL": url,
               "LINE_API_BASE_URL": fake.url, "ITABOT_NOW": NOW}
        with log.open("w") as output:
            server = subprocess.Popen([str(Path(sys.executable).with_name("itabot")), "serve", "--port", str(port)],
                                      env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_for(port, server)
            requests = [baseline_request() if n % 10 == 0 else a_request(rnd) for n in range(args.requests)]
            started = time.perf_counter()
            with ThreadPoolExecutor(4) as pool:
                results = list(pool.map(lambda r: (r[0], *post(port, r[1], r[2])), requests))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(30)
        report(results, elapsed, log.read_text(encoding="utf-8", errors="replace"))


def wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"itabot serve did not start (exit code {server.poll()})")


def report(results: list[tuple[str, int, float]], elapsed: float, log: str) -> None:
    by_kind: dict[str, Counter] = {}
    for kind, status, _ in results:
        by_kind.setdefault(kind, Counter())[status] += 1
    print(f"{len(results)} requests in {elapsed:.1f} s ({len(results) / elapsed:.0f}/s), 4 client threads\n")
    print(f"{'kind':28} {'n':>6}  statuses")
    for kind, statuses in sorted(by_kind.items()):
        shown = ", ".join(f"{s or 'closed'}: {n}" for s, n in sorted(statuses.items()))
        print(f"{kind:28} {sum(statuses.values()):6}  {shown}")
    for label, kinds in (("baseline", {"baseline question"}), ("fuzzed", set(by_kind) - {"baseline question"})):
        times = sorted(ms for kind, _, ms in results if kind in kinds)
        print(f"\n{label:9} p50 {statistics.median(times):7.1f} ms   p99 {times[int(len(times) * 0.99)]:7.1f} ms")
    server_errors = sum(1 for _, status, _ in results if status >= 500)
    tracebacks = log.count("Traceback")
    print(f"\n5xx: {server_errors}   tracebacks in the server's log: {tracebacks}   "
          f"{'OK' if server_errors == tracebacks == 0 else 'MISSED'} (target 0 and 0)")
    if tracebacks:  # what was raised, and where in the project
        kinds = Counter()
        for block in log.split("Traceback (most recent call last):")[1:]:
            lines = [line for line in block.splitlines() if line.strip()]
            ours = [line.strip() for line in lines if f'File "{ROOT}' in line and "/.venv/" not in line]
            raised = next((line for line in lines if not line.startswith(" ") and "Error" in line), lines[-1])
            raised = re.sub(r"position \d+", "position N", raised)
            kinds[f"{raised[:160]}\n      at {ours[-1] if ours else '?'}"] += 1
        for kind, n in kinds.most_common(10):
            print(f"{n:5} x {kind}")


if __name__ == "__main__":
    main()
