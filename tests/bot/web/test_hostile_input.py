"""Broken and hostile input, as a fuzzer or an attacker would send it: whatever a signed body
holds, the bot answers 200 or 400, never a 500 and never a logged exception, and what it cannot
act on changes nothing."""
from __future__ import annotations

import json
import logging

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.line.simulator import file_event, postback_event, source, text_event
from models import CalendarChange, InboundEvent, Quota, Report
from tests.provinces import COORDINATOR, STAFF, STRANGER

pytestmark = pytest.mark.usefixtures("lamphun")

# Every character, halves of surrogate pairs and control characters included.
ANY_CHARACTER = st.characters(blacklist_categories=())


@pytest.fixture
def no_errors_logged(caplog):
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert errors == [], [r.getMessage() for r in errors]


def escaped(line, *events: dict):
    """Post events with every character escaped in the JSON, as a client may legally send them."""
    return line.post(body=json.dumps({"destination": line.destination, "events": list(events)}).encode())


def reports(session) -> list[tuple[str, int]]:
    session.rollback()
    return session.execute(sa.select(Report.form, Report.count).order_by(Report.id)).all()


def test_half_a_surrogate_pair_is_kept_as_sent_and_the_rest_is_read(line, session, no_errors_logged):
    response = escaped(line, text_event("IIT \ud800 45", source(STAFF)))
    assert response.status_code == 200
    assert reports(session) == [("IIT", 45)]
    [kept] = session.scalars(sa.select(InboundEvent.payload))
    assert "\\ud800" in kept and json.loads(kept)["message"]["text"] == "IIT \ud800 45"


@pytest.mark.parametrize("who", [{"a": 1}, 10**30, "U" + "a" * 100, "", None])
def test_a_user_id_of_the_wrong_type_or_length_is_never_a_500(line, session, no_errors_logged, who):
    response = escaped(line, dict(text_event("IIT 45", source(STAFF)), source={"type": "user", "userId": who}))
    assert response.status_code in (200, 400)
    assert reports(session) == []


@pytest.mark.parametrize("event_id", [5, {"x": 1}, "x" * 200, ""])
def test_an_event_id_of_the_wrong_type_or_length_is_never_a_500(line, no_errors_logged, event_id):
    response = escaped(line, dict(text_event("กำหนดการ", source(STAFF)), webhookEventId=event_id))
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("text", ["IIT " + "9" * 400, "IIT 1" + "0" * 400 + ".5", "EIT 99999999999999999999.5", "IIT 100001"])
def test_a_count_no_unit_could_have_is_refused_with_a_reason(line, session, no_errors_logged, text):
    [reply] = line.say(text, user=STAFF)
    assert "มากเกินไป" in reply["text"] and len(reply["text"]) < 200
    assert reports(session) == []


def test_a_control_character_inside_a_number_is_noise(line, session, no_errors_logged):
    line.say("IIT 4\x005", user=STAFF)
    assert reports(session) == [("IIT", 45)]


def test_a_minimum_beyond_any_unit_is_refused_and_nothing_changes(line, session, no_errors_logged):
    before = session.scalars(sa.select(Quota.eit_min)).all()
    [reply] = line.say("ตั้งโควตา EIT อบต.บ้านไผ่ 9533405231", user=COORDINATOR)
    assert "ใช้ไม่ได้" in reply["text"] and "100,000" in reply["text"]
    session.rollback()
    assert session.scalars(sa.select(Quota.eit_min)).all() == before


@pytest.mark.parametrize("data", [
    "confirm-report:1:IIT", "confirm-report:9:XXX:5", "confirm-report:1:IIT:abc", "confirm-report:1:IIT:nan",
    "confirm-report:1:IIT:inf", "confirm-report:99999999999999999999:IIT:5", "report:-1:EIT:5",
    "report:1:IIT:" + "9" * 50, "report::::", ":", "", "x" * 300, "cancel-report:\ud800",
])
def test_postback_data_is_checked_never_trusted(line, session, no_errors_logged, data):
    response = escaped(line, postback_event(data, source(STAFF)))
    assert response.status_code == 200
    assert reports(session) == []


def test_the_same_form_twice_in_one_message_keeps_the_last_count(line, session, no_errors_logged):
    line.say("IIT 80 IIT 81", user=STAFF)
    assert reports(session) == [("IIT", 81)]


def test_more_than_can_be_answered_at_once_is_done_in_part_and_said_so(line, session, no_errors_logged):
    units = ["ทต.ป่าซาง", "ทต.ลี้", "ทต.บ้านโฮ่ง", "ทต.อุโมงค์", "ทต.ริมปิง", "อบต.มะกอก", "อบต.บ้านธิ"]
    replies = line.say("\n".join(f"{u} IIT {20 + n}" for n, u in enumerate(units)), user=COORDINATOR)
    assert len(replies) <= 5
    assert "5 เรื่องแรก" in replies.text
    assert [count for _, count in reports(session)] == [20, 21, 22, 23, 24]


def test_a_very_long_message_is_read_from_its_beginning(line, session, no_errors_logged):
    replies = line.say("IIT 45 " + "ค่ะ " * 2000, user=STAFF)
    assert reports(session) == [("IIT", 45)]
    assert "ยาว" in replies.text


# -- fuzzed: every body and every text ---------------------------------------------------------------
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(ANY_CHARACTER),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                    max_leaves=12)
EVENT_KEYS = ["type", "mode", "timestamp", "source", "webhookEventId", "deliveryContext", "replyToken", "message",
              "postback", "joined", "left", "follow", "unsend", "videoPlayComplete", "beacon", "link", "things"]
EVENT_LIKE = st.fixed_dictionaries({}, optional={key: JSON for key in EVENT_KEYS}).map(
    lambda e: {**e, "type": e.get("type", "message")})
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(events=st.lists(EVENT_LIKE | JSON, max_size=3), base=st.sampled_from(
    [text_event("IIT 45", source(STAFF)), postback_event("confirm-report:1:IIT:5", source(STAFF))]))
def test_any_signed_body_is_answered_200_or_400(line, caplog, events, base):
    caplog.clear()
    mixed = [dict(base, **e) if isinstance(e, dict) else e for e in events]
    response = escaped(line, *mixed)
    assert response.status_code in (200, 400)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


@FUZZ
@given(text=st.text(ANY_CHARACTER, max_size=300), who=st.sampled_from([STAFF, COORDINATOR, STRANGER]),
       group=st.sampled_from([None, "Cbanphai", "Ccoords"]))
def test_any_text_from_anyone_anywhere_is_answered_without_an_error(line, caplog, text, who, group):
    caplog.clear()
    response = escaped(line, text_event(text, source(who, group)))
    assert response.status_code == 200
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


@FUZZ
@given(data=st.text(ANY_CHARACTER, max_size=80) | st.builds(
    lambda action, parts: ":".join([action, *parts]),
    st.sampled_from(["report", "confirm-report", "cancel-report", "unit", "choose", "calendar-confirm",
                     "calendar-cancel", "draft-reminders", "units-confirm", "units-cancel", "x"]),
    st.lists(st.text(ANY_CHARACTER, max_size=12) | st.integers().map(str), max_size=4)))
def test_any_postback_data_is_answered_without_an_error(line, caplog, data):
    caplog.clear()
    response = escaped(line, postback_event(data, source(STAFF)))
    assert response.status_code == 200
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


CSV_LIKE = st.lists(st.lists(st.text(ANY_CHARACTER, max_size=20) | st.sampled_from(
    ["step", "name", "who", "start", "end", "forms", "30 เม.ย. 2568", "IIT", "หน่วยงาน", "a-b"]), max_size=8),
    max_size=6).map(lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass"))


@FUZZ
@given(name=st.text(ANY_CHARACTER, max_size=40).flatmap(
           lambda stem: st.sampled_from([".xlsx", ".csv", ".yaml", ".pdf", ""]).map(lambda ext: stem + ext)),
       size=st.integers(min_value=-5, max_value=1 << 21), content=st.binary(max_size=400) | CSV_LIKE,
       who=st.sampled_from([COORDINATOR, STAFF]), group=st.sampled_from([None, "Cbanphai"]))
def test_any_file_from_anyone_is_answered_without_an_error_and_stores_nothing(line, session, caplog, name, size,
                                                                              content, who, group):
    caplog.clear()
    sent = file_event(name, size, source(who, group))
    line.fake.set_content(sent["message"]["id"], content)
    assert escaped(line, sent).status_code == 200
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(CalendarChange).where(
        CalendarChange.actor == who)) == 0  # a preview at most: only its button stores


@pytest.mark.parametrize("token", ["\ud800", "x" * 300, 5, {"a": 1}])
def test_a_reply_token_no_line_could_give_is_never_used_or_kept(line, session, no_errors_logged, token):
    response = escaped(line, dict(text_event("IIT 45", source(STAFF)), replyToken=token))
    assert response.status_code in (200, 400)
    session.rollback()
    assert session.scalars(sa.select(InboundEvent.reply_token)).all() in ([], [None])
