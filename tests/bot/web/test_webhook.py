"""POST /callback: signatures, bad bodies, standby, duplicates, and every kind of event."""
from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from bot.ita.calendar import CalendarCache
from bot.line.simulator import event, source, text_event
from models import Chat, InboundEvent

# One event of every type LINE documents, and one it does not (see tests/fixtures/README.md).
EVERY_EVENT = Path(__file__).resolve().parents[2] / "fixtures" / "webhook-events.json"


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
    same = [text_event("OIT ส่งเมื่อไหร่", source("Uccc"), event_id="01HCONCURRENT0000000000000")]
    assert line.post_together(same, same) == [200, 200]
    assert len(fake_line.replies()) == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(InboundEvent)) == 1


def test_every_event_type_line_documents_is_accepted_and_kept(line, fake_line, session):
    body = EVERY_EVENT.read_bytes()
    events = json.loads(body)["events"]
    assert line.post(body=body).status_code == 200
    kept = {r.webhook_event_id: json.loads(r.payload) for r in session.scalars(sa.select(InboundEvent))}
    # Everything but the standby event (another channel answers that chat) is on record, as sent.
    assert kept == {e["webhookEventId"]: e for e in events if e["mode"] == "active"}
    assert set(session.scalars(sa.select(InboundEvent.status))) == {"done"}  # none failed
    left = next(e for e in events if e["type"] == "leave")
    assert session.get(Chat, left["source"]["roomId"]).active is False
    # Each answered at most once: a second delivery of the whole body changes nothing.
    replies = len(fake_line.replies())
    assert line.post(body=body).status_code == 200 and len(fake_line.replies()) == replies


def test_unknown_event_types_are_ignored(line, fake_line):
    assert line.send(event("somethingNew", source("Uddd"), newField={"x": 1})) == []
    assert fake_line.calls == []


def test_user_group_and_room_sources_all_get_answers(line, calendars):
    assert line.say("กำหนดการ", user="Ueee")
    assert line.say("กำหนดการ", user="Ueee", group="Cgroup1")
    assert line.say("กำหนดการ", user=None, group="Cgroup2")  # userId may be missing in groups
    assert line.say("กำหนดการ", user=None, room="Rroom1")


def test_what_a_user_sent_is_kept_even_when_handling_fails(line, session, monkeypatch):
    def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr(CalendarCache, "cycles", broken)
    replies = line.say("กำหนดการ", event_id="01HFAILING000000000000000000")
    assert "ขัดข้อง" in replies[0]["text"]
    kept = session.get(InboundEvent, "01HFAILING000000000000000000")
    assert kept.status == "failed" and "กำหนดการ" in kept.payload
