"""The fake LINE API answers the real SDK as LINE would, records calls, and fails on demand."""
from __future__ import annotations

import pytest
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)

from bot.fakeline import FakeLine


@pytest.fixture
def fake():
    with FakeLine(access_token="token") as fake:
        yield fake


@pytest.fixture
def api(fake):
    with ApiClient(Configuration(access_token="token", host=fake.url)) as client:
        yield MessagingApi(client)


def push(api, to: str, key: str):
    return api.push_message(PushMessageRequest(to=to, messages=[TextMessage(text="เตือน")]), x_line_retry_key=key)


def test_a_reply_is_answered_and_recorded(fake, api):
    sent = api.reply_message(ReplyMessageRequest(reply_token="rt", messages=[TextMessage(text="สวัสดี")]))
    assert len(sent.sent_messages) == 1
    assert fake.reply_texts() == ["สวัสดี"]
    assert fake.calls[0].headers["authorization"] == "Bearer token"


def test_a_retry_key_already_accepted_answers_409_and_costs_nothing_more(fake, api):
    fake.set_member_count("Cgroup", 40)
    push(api, "Cgroup", "key-1")
    with pytest.raises(ApiException) as error:
        push(api, "Cgroup", "key-1")
    assert error.value.status == 409
    push(api, "Uuser", "key-2")
    assert api.get_message_quota_consumption().total_usage == 41
    assert len(fake.pushes()) == 2


def test_lookups_deserialise(fake, api):
    fake.set_profile("Uabc", "คุณสมชาย")
    fake.set_quota(15000)
    assert api.get_profile("Uabc").display_name == "คุณสมชาย"
    assert api.get_group_member_count("Cgroup").count == 3
    assert api.get_message_quota().value == 15000


def test_injected_failures_then_recovery(fake, api):
    fake.fail("/v2/bot/message/push", 500)
    with pytest.raises(ApiException) as error:
        push(api, "Uuser", "k")
    assert error.value.status == 500
    push(api, "Uuser", "k")  # the failed call was not an acceptance: the same key goes through
    assert len(fake.pushes()) == 1


def test_a_held_request_times_out_on_the_client(fake, api):
    fake.fail("/v2/bot/message/push", timeout=True)
    with pytest.raises(Exception) as error:
        api.push_message(PushMessageRequest(to="Uuser", messages=[TextMessage(text="x")]), _request_timeout=0.3)
    assert "timed out" in str(error.value).lower() or "timeout" in type(error.value).__name__.lower()
    assert fake.pushes() == []


def test_a_wrong_token_is_refused(fake):
    with ApiClient(Configuration(access_token="wrong", host=fake.url)) as client:
        with pytest.raises(ApiException) as error:
            MessagingApi(client).get_message_quota()
    assert error.value.status == 401
