"""The fake LINE API answers the real SDK as LINE would, records calls, and fails on demand."""
from __future__ import annotations

import http.client
import json
import socket
import threading

import pytest
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    FlexBox,
    FlexBubble,
    FlexMessage,
    FlexText,
    MessagingApi,
    MulticastRequest,
    PushMessageRequest,
    ReplyMessageRequest,
    ShowLoadingAnimationRequest,
    TextMessage,
)

from bot.line.fakeline import FakeLine

TOKEN = "token"


@pytest.fixture
def fake():
    with FakeLine(access_token=TOKEN) as fake:
        yield fake


@pytest.fixture
def api(fake):
    with ApiClient(Configuration(access_token=TOKEN, host=fake.url)) as client:
        yield MessagingApi(client)


def push(api, to: str, key: str | None = None, **kwargs):
    request = PushMessageRequest(to=to, messages=[TextMessage(text="เตือน")])
    return api.push_message(request, x_line_retry_key=key, **kwargs)


def handler_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if "process_request_thread" in t.name}


def assert_finished(threads: set[threading.Thread]) -> None:
    for thread in threads:
        thread.join(5)  # bounded: a handler still alive after this is a real leak
        assert not thread.is_alive()


def test_a_reply_is_answered_and_recorded(fake, api):
    flex = FlexMessage(alt_text="สรุปงาน", contents=FlexBubble(
        body=FlexBox(layout="vertical", contents=[FlexText(text="ตัวชี้วัด")])))
    sent = api.reply_message(ReplyMessageRequest(reply_token="rt", messages=[TextMessage(text="สวัสดี"), flex]))
    assert len(sent.sent_messages) == 2
    assert sent.sent_messages[0].id.isdigit() and sent.sent_messages[0].quote_token
    assert sent.sent_messages[0].id != sent.sent_messages[1].id
    assert fake.reply_texts() == ["สวัสดี", "สรุปงาน"]
    assert fake.replies()[0]["replyToken"] == "rt"
    [call] = fake.calls_to("/v2/bot/message/reply")
    assert (call.method, call.status, call.headers["authorization"]) == ("POST", 200, "Bearer token")
    fake.clear()
    assert fake.calls == [] and fake.replies() == []


def test_a_retry_key_already_accepted_answers_409_and_costs_nothing_more(fake, api):
    fake.set_member_count("Cgroup", 40)
    first = push(api, "Cgroup", "key-1")
    with pytest.raises(ApiException) as error:
        push(api, "Cgroup", "key-1")
    assert error.value.status == 409
    again = json.loads(error.value.body)
    assert again["sentMessages"][0]["id"] == first.sent_messages[0].id
    push(api, "Uuser", "key-2")
    push(api, "Rroom")  # no key: never a duplicate; a room of the default 3 members
    assert api.get_message_quota_consumption().total_usage == 40 + 1 + 3
    assert len(fake.pushes()) == 3
    assert [c.status for c in fake.calls_to("/v2/bot/message/push")] == [200, 409, 200, 200]
    fake.set_usage_offset(100)
    assert api.get_message_quota_consumption().total_usage == 144


def test_lookups_deserialise(fake, api):
    fake.set_profile("Uabc", "คุณสมชาย")
    fake.set_quota(15000)
    fake.set_group_name("Cgroup", "ITA เชียงใหม่")
    fake.set_member_count("Rroom", 7)
    assert api.get_profile("Uabc").display_name == "คุณสมชาย"
    assert api.get_profile("U1234567890").display_name == "ผู้ใช้ 7890"
    assert api.get_group_member_profile("Cgroup", "Uabc").display_name == "คุณสมชาย"
    assert api.get_group_member_count("Cgroup").count == 3
    assert api.get_room_member_count("Rroom").count == 7
    assert api.get_group_summary("Cgroup").group_name == "ITA เชียงใหม่"
    quota = api.get_message_quota()
    assert (quota.type, quota.value) == ("limited", 15000)
    assert api.get_message_quota_consumption().total_usage == 0


def test_fire_and_forget_calls_answer_empty(fake, api):
    api.show_loading_animation(ShowLoadingAnimationRequest(chat_id="Uuser"))
    api.multicast(MulticastRequest(to=["Ua", "Ub"], messages=[TextMessage(text="x")]))
    assert [c.path for c in fake.calls] == ["/v2/bot/chat/loading/start", "/v2/bot/message/multicast"]
    assert fake.pushes() == []


def test_an_unknown_path_is_404(fake):
    conn = http.client.HTTPConnection("127.0.0.1", int(fake.url.rsplit(":", 1)[1]), timeout=5)
    try:
        conn.request("GET", "/v2/bot/nothing", headers={"Authorization": "Bearer token"})
        response = conn.getresponse()
        assert (response.status, json.loads(response.read())) == (404, {"message": "Not found"})
    finally:
        conn.close()


def test_injected_failures_then_recovery(fake, api):
    fake.fail("/v2/bot/message/push", 500)
    with pytest.raises(ApiException) as error:
        push(api, "Uuser", "k")
    assert error.value.status == 500
    push(api, "Uuser", "k")  # the failed call was not an acceptance: the same key goes through
    assert len(fake.pushes()) == 1
    assert [c.status for c in fake.calls] == [500, 200]
    assert api.get_message_quota_consumption().total_usage == 1


def test_injected_status_body_and_headers(fake, api):
    fake.fail("/v2/bot/message/push", 429, {"message": "Too many requests"}, times=2, headers={"Retry-After": "7"})
    fake.fail("/v2/bot/group/", 400, {"message": "The bot is not a member of the group"})
    for _ in range(2):
        with pytest.raises(ApiException) as error:
            push(api, "Uuser")
        assert error.value.status == 429 and error.value.headers["Retry-After"] == "7"
    with pytest.raises(ApiException) as error:
        api.get_group_summary("Cgone")
    assert json.loads(error.value.body)["message"] == "The bot is not a member of the group"
    push(api, "Uuser")
    assert api.get_group_summary("Cgone").group_id == "Cgone"
    assert len(fake.pushes()) == 1


def test_a_held_request_times_out_and_is_let_go_when_the_client_hangs_up():
    before = handler_threads()
    with FakeLine(access_token=TOKEN) as fake:
        fake.fail("/v2/bot/message/push", timeout=True)
        with ApiClient(Configuration(access_token=TOKEN, host=fake.url)) as client:
            api = MessagingApi(client)
            with pytest.raises(Exception) as error:
                push(api, "Uuser", _request_timeout=0.5)
            assert "timed out" in str(error.value).lower() or "timeout" in type(error.value).__name__.lower()
            # urllib3 dropped the connection on timeout, so the held handler is already free.
            assert_finished(handler_threads() - before)
            push(api, "Uuser")  # the next call is served normally
        assert [c.status for c in fake.calls] == [0, 200]
        assert len(fake.pushes()) == 1


def test_a_held_request_is_let_go_on_stop():
    before = handler_threads()
    fake = FakeLine().start()
    fake.fail("/v2/bot/message/reply", timeout=True)
    sock = socket.create_connection(("127.0.0.1", int(fake.url.rsplit(":", 1)[1])), timeout=0.3)
    try:
        sock.sendall(b"POST /v2/bot/message/reply HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        with pytest.raises(TimeoutError):  # no answer: the request is held
            sock.recv(1)
        assert fake.calls[-1].status == 0
        fake.stop()
        sock.settimeout(5)
        assert sock.recv(1) == b""  # the server hung up instead of holding on for 30 s
    finally:
        sock.close()
        fake.stop()
    assert_finished(handler_threads() - before)


def test_a_wrong_token_is_refused_and_no_token_accepts_any(fake):
    with ApiClient(Configuration(access_token="wrong", host=fake.url)) as client:
        with pytest.raises(ApiException) as error:
            MessagingApi(client).get_message_quota()
    assert error.value.status == 401
    with FakeLine() as open_fake, ApiClient(Configuration(access_token="any", host=open_fake.url)) as client:
        assert MessagingApi(client).get_message_quota().value == 300


def test_keep_alive_connections_are_reused(fake):
    with ApiClient(Configuration(access_token=TOKEN, host=fake.url)) as client:
        api = MessagingApi(client)
        for _ in range(20):
            api.get_message_quota()
            push(api, "Uuser")
        pool = client.rest_client.pool_manager.connection_from_url(fake.url)
        assert pool.num_connections == 1  # every call after the first rode the same socket


def test_an_accepted_push_whose_answer_is_lost_answers_409_when_retried(fake, api):
    fake.fail("/v2/bot/message/push", timeout=True, accept=True)
    with pytest.raises(Exception):
        push(api, "Uuser", "key-lost", _request_timeout=0.3)
    assert len(fake.pushes()) == 1  # LINE took it: the user has the message
    with pytest.raises(ApiException) as error:
        push(api, "Uuser", "key-lost")
    assert error.value.status == 409
    assert api.get_message_quota_consumption().total_usage == 1


def test_a_hook_runs_when_the_nth_call_has_taken_effect(fake, api):
    seen = []
    fake.on_call("/v2/bot/message/push", lambda: seen.append(len(fake.pushes())), nth=2)
    for n in range(3):
        push(api, f"U{n}")
    assert seen == [2]


def test_a_plan_without_a_limit(fake, api):
    fake.set_quota(None)
    assert api.get_message_quota().type == "none"
