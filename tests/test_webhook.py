"""POST /callback: signatures, bad bodies, standby, duplicates, and every kind of event."""
from __future__ import annotations

import copy
import json
import threading
from pathlib import Path

import sqlalchemy as sa

from bot.line.simulator import event, source, text_event
from models import InboundEvent

SDK_FIXTURE = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "line-sdk-webhook.json"


def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_processed(line, fake_line, session):
    events = [text_event("กำหนดการ", source("Uaaa"))]
    assert line.post(events, signature="").status_code == 400
    assert line.post(events, signature="bm90IHRoZSBzaWduYXR1cmU=").status_code == 400
    assert fake_line.calls == []
    assert session.scalar(sa.select(sa.func.count()).select_from(InboundEvent)) == 0


def test_a_signed_body_that_is_not_a_webhook_is_a_400_not_a_500(line):
    for body in (b"", b"not json", b"[]", b"{}", b'{"events": 5}', b'{"events": [{"type": "message"}]}',
                 b'{"events": [7]}', "\udcff".encode("utf-8", "surrogatepass"), b"\xff\xfe"):
        assert line.post(body=body).status_code == 400, body


def test_standby_events_send_nothing(line, fake_line):
    assert line.say("กำหนดการ", mode="standby") == []
    assert fake_line.calls == []


def test_an_event_delivered_twice_is_answered_once(line, calendars):
    first = text_event("กำหนดการ", source("Ubbb"), event_id="01HREDELIVERED00000000000000")
    again = dict(first, replyToken="another-token", deliveryContext={"isRedelivery": True})
    assert line.send(first)
    assert line.send(again) == []


def test_the_same_event_twice_at_the_same_moment_is_processed_once(line, fake_line, calendars, session):
    start = threading.Barrier(2)
    body = json.dumps({"destination": "U0", "events": [
        text_event("OIT ส่งเมื่อไหร่", source("Uccc"), event_id="01HCONCURRENT0000000000000")]}).encode()
    statuses = []

    def deliver():
        client = line.app.test_client()
        start.wait()
        statuses.append(client.post("/callback", data=body,
                                    headers={"X-Line-Signature": _sign(line, body)}).status_code)

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200, 200]
    assert len(fake_line.replies()) == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(InboundEvent)) == 1


def test_every_event_of_the_sdk_fixture_is_accepted(line, fake_line):
    body = SDK_FIXTURE.read_bytes()
    assert line.post(body=body).status_code == 200
    # The fixture gives all 28 events one webhookEventId; give each its own, so each is really handled.
    payload = json.loads(body)
    for number, raw in enumerate(payload["events"]):
        one = copy.deepcopy(raw)
        one["webhookEventId"] = f"01HFIXTURE{number:016d}"
        assert line.post([one]).status_code == 200, raw["type"]


def test_unknown_event_types_are_ignored(line, fake_line):
    assert line.send(event("somethingNew", source("Uddd"), newField={"x": 1})) == []
    assert fake_line.calls == []


def test_user_group_and_room_sources_all_get_answers(line, calendars):
    assert line.say("กำหนดการ", user="Ueee")
    assert line.say("กำหนดการ", user="Ueee", group="Cgroup1")
    assert line.say("กำหนดการ", user=None, group="Cgroup2")  # userId may be missing in groups
    assert line.say("กำหนดการ", user=None, room="Rroom1")


def test_what_a_user_sent_is_kept_even_when_handling_fails(line, session, monkeypatch):
    from bot.ita.calendar import CalendarCache

    def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr(CalendarCache, "cycles", broken)
    replies = line.say("กำหนดการ", event_id="01HFAILING000000000000000000")
    assert "ขัดข้อง" in replies[0]["text"]
    kept = session.get(InboundEvent, "01HFAILING000000000000000000")
    assert kept.status == "failed" and "กำหนดการ" in kept.payload


def _sign(line, body: bytes) -> str:
    from bot.line.simulator import sign

    return sign(line.secret, body)
