"""The province's calendar as a feed a calendar app subscribes to: every step with the province's
own, all-day in Asia/Bangkok, the same UIDs from one fetch to the next, and a higher SEQUENCE for a
step whose deadline moved, so the subscribed calendar changes that event in place."""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

import icalendar
import pytest

from tests.provinces import COORDINATOR, COORDINATORS


@pytest.fixture
def feed(line, lamphun):
    def fetch() -> dict[str, icalendar.Event]:
        answer = line.client.get(f"/calendar/{quote('ลำพูน')}.ics?year=2568")
        assert answer.status_code == 200 and answer.mimetype == "text/calendar"
        parsed = icalendar.Calendar.from_ical(answer.data)
        assert str(parsed["x-wr-timezone"]) == "Asia/Bangkok"
        return {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    return fetch


def test_the_feed_has_every_step_with_the_provinces_own(feed):
    events = feed()
    oit = events["ita-2568-nacc-oit-answer@itabot"]
    assert oit["summary"] == "ตอบแบบ OIT และอนุมัติ"
    assert oit.decoded("dtstart") == date(2025, 1, 1) and oit.decoded("dtend") == date(2025, 5, 1)  # end exclusive
    own = [e for uid, e in events.items() if "-province-" in uid]
    assert own and all("(จ.ลำพูน)" in str(e["summary"]) for e in own)
    assert len(events) >= 14 + len(own) - 1


def test_the_same_uids_come_back_and_a_moved_deadline_raises_its_sequence(feed, line, superadmin):
    before = feed()
    assert feed().keys() == before.keys()
    preview = line.say("เลื่อน OIT ถึง 15 พ.ค. 2568", user=superadmin)
    line.tap(preview[0], "ยืนยัน", user=superadmin)
    after = feed()
    assert after.keys() == before.keys()  # the same events, updated in place
    uid = "ita-2568-nacc-oit-answer@itabot"
    assert after[uid]["sequence"] > before[uid]["sequence"]
    assert after[uid].decoded("dtend") == date(2025, 5, 16)
    untouched = "ita-2568-nacc-iit-collect@itabot"
    assert after[untouched]["sequence"] == before[untouched]["sequence"]


def test_an_unknown_province_or_year_has_no_feed(line, lamphun):
    assert line.client.get(f"/calendar/{quote('ไม่มีจังหวัดนี้')}.ics").status_code == 404
    assert line.client.get(f"/calendar/{quote('ลำพูน')}.ics?year=2600").status_code == 404


def test_the_dashboard_links_to_the_feed(line, lamphun):
    [card] = line.say("แดชบอร์ด", user=COORDINATOR, group=COORDINATORS)
    page = card["contents"]["footer"]["contents"][0]["action"]["uri"].split("localhost", 1)[1]
    assert f"/calendar/{quote('ลำพูน')}.ics" in line.client.get(page).get_data(as_text=True)
