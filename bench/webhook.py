"""Latency of a deadline question through the whole app, beside a minimal echo webhook.

Both run in this process against the same fake LINE API on loopback, their requests
interleaved one by one so that machine noise falls on both alike:
- itabot: signature check, parse, event claim (database write), calendar read, Thai
  answer, reply call to the fake LINE API;
- echo: the SDK's WebhookHandler and a reply with the text it got, nothing else.

    .venv/bin/python bench/webhook.py [--requests 2000]

Targets (issue 2): itabot p99 <= 25 ms, itabot p50 <= 3x echo p50.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask, request
from linebot.v3 import WebhookHandler
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, ReplyMessageRequest, TextMessage
from linebot.v3.webhooks import MessageEvent, TextMessageContent

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import db  # noqa: E402
from bot.app import create_app, shutdown  # noqa: E402
from bot.line.fakeline import FakeLine  # noqa: E402
from bot.line.simulator import LineSimulator, source, text_event  # noqa: E402
from models import Chat, get_or_create_province  # noqa: E402

SECRET, TOKEN = "bench-secret", "bench-token"
QUESTIONS = ("OIT ส่งเมื่อไหร่", "IIT ปิดวันไหน", "กำหนดการ", "เหลือกี่วันส่ง OIT", "deadline eit", "ตอนนี้ต้องทำอะไร")


def echo_app(fake_url: str) -> tuple[Flask, ApiClient]:
    """The smallest honest webhook with the same SDK: verify, parse, reply."""
    app = Flask("echo")
    handler = WebhookHandler(SECRET)
    client = ApiClient(Configuration(access_token=TOKEN, host=fake_url))
    api = MessagingApi(client)

    @handler.add(MessageEvent, message=TextMessageContent)
    def echo(event):
        api.reply_message(ReplyMessageRequest(reply_token=event.reply_token,
                                              messages=[TextMessage(text=event.message.text)]))

    @app.post("/callback")
    def callback():
        handler.handle(request.get_data(as_text=True), request.headers["X-Line-Signature"])
        return "OK"

    return app, client


def itabot_app(fake_url: str, workdir: Path) -> Flask:
    url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    db.upgrade(url)
    app = create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
                      "line_api_base_url": fake_url, "database_url": url, "now": "2025-04-10T09:00:00+07:00"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init"]).exit_code == 0
    with db.sessionmaker(app)() as session, session.begin():
        session.add(Chat(id="Cbench", kind="group", first_seen=app.extensions["itabot.clock"].now(),
                         province=get_or_create_province(session, "เชียงใหม่")))
    return app


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed_post(simulator: LineSimulator, text: str, group: str) -> float:
    event = text_event(text, source("Ubench000000000000000000000000000", group=group))
    start = time.perf_counter()
    response = simulator.post([event])
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir, FakeLine(access_token=TOKEN) as fake:
        bot = LineSimulator(itabot_app(fake.url, Path(workdir)), fake, SECRET)
        echo_flask, echo_client = echo_app(fake.url)
        echo = LineSimulator(echo_flask, fake, SECRET)
        timings: dict[str, list[float]] = {"itabot": [], "echo": []}
        for i in range(args.warmup + args.requests):
            question = QUESTIONS[i % len(QUESTIONS)]
            bot_ms, echo_ms = timed_post(bot, question, "Cbench"), timed_post(echo, question, "Cecho")
            if i >= args.warmup:
                timings["itabot"].append(bot_ms)
                timings["echo"].append(echo_ms)
            if i % 200 == 0:
                fake.clear()  # keep the fake's record small: it is not what is measured
        replies = len(fake.replies())
        shutdown(bot.app)
        echo_client.close()
    report(timings, args.requests, replies)


def report(timings: dict[str, list[float]], n: int, replies: int) -> None:
    print(f"deadline question through the whole app, {n} requests each, interleaved (ms)")
    print(f"{'':8} {'p50':>7} {'p90':>7} {'p99':>7} {'max':>7} {'mean':>7}")
    for name, samples in timings.items():
        print(f"{name:8} {percentile(samples, 50):7.2f} {percentile(samples, 90):7.2f} "
              f"{percentile(samples, 99):7.2f} {max(samples):7.2f} {statistics.fmean(samples):7.2f}")
    p99 = percentile(timings["itabot"], 99)
    ratio = percentile(timings["itabot"], 50) / percentile(timings["echo"], 50)
    print(f"itabot p99 {p99:.2f} ms (target <= 25): {'OK' if p99 <= 25 else 'MISSED'}")
    print(f"itabot p50 / echo p50 = {ratio:.2f} (target <= 3): {'OK' if ratio <= 3 else 'MISSED'}")
    print(f"(replies seen by the fake LINE API in the last window: {replies})")


if __name__ == "__main__":
    main()
