"""The app behind a real WSGI server (waitress with the limits `itabot serve` gives it) on loopback:
answers over HTTP, refuses huge bodies unread, and a slow client holds no worker."""
from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request

import pytest
import waitress

from bot.line.simulator import sign, source, text_event
from bot.web.serve import WAITRESS_LIMITS
from bot.web.webhook import MAX_BODY
from tests.conftest import SECRET


@pytest.fixture
def server(app):
    """The app served by one waitress worker thread, as `itabot serve` configures it."""
    served = waitress.create_server(app, host="127.0.0.1", port=0, threads=1, **WAITRESS_LIMITS)
    stop = threading.Event()

    def run() -> None:  # served.run(), in short turns, so that it can end before its sockets close
        while not stop.is_set():
            served.asyncore.loop(timeout=0.05, map=served._map, count=1)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield served
    stop.set()
    thread.join(timeout=10)  # closing the sockets under a running select() raised EBADF in its thread
    served.task_dispatcher.shutdown()
    for channel in list(served._map.values()):  # the listening socket, the trigger, open connections
        channel.close()


def post(server, body: bytes, signature: str | None = None) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.effective_port}/callback", data=body, method="POST",
        headers={"Content-Type": "application/json", "X-Line-Signature": signature or sign(SECRET, body)})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def question() -> bytes:
    return json.dumps({"destination": "U0", "events": [text_event("OIT ส่งเมื่อไหร่", source("Uhttp"))]}).encode()


def test_a_signed_question_over_http_gets_200_and_a_reply(server, fake_line, calendars):
    assert post(server, question()) == 200
    assert "OIT" in fake_line.reply_texts()[0]


def test_a_body_over_one_mebibyte_is_refused_with_413(server, line, fake_line):
    padded = json.dumps({"destination": "U0", "events": [], "padding": "x" * MAX_BODY}).encode()
    assert line.post(body=padded).status_code == 413  # Flask's own limit, for any server
    # waitress answers before reading the body; the client sees the 413 once its headers are in.
    with socket.create_connection(("127.0.0.1", server.effective_port), timeout=10) as client:
        client.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(padded))
        assert client.recv(64).startswith(b"HTTP/1.1 413")
    assert fake_line.calls == []


def test_a_huge_body_is_refused_before_it_is_sent(server):
    """A client announcing 200 MiB gets its 413 at once: nothing of the body is waited for."""
    with socket.create_connection(("127.0.0.1", server.effective_port), timeout=10) as client:
        client.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nX-Line-Signature: x\r\n"
                       b"Content-Length: %d\r\n\r\n{" % (200 << 20))
        assert client.recv(64).startswith(b"HTTP/1.1 413")


def test_a_slow_client_does_not_hold_the_only_worker(server, fake_line, calendars):
    with socket.create_connection(("127.0.0.1", server.effective_port), timeout=10) as slow:
        slow.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"events\": [")
        # ...and sends nothing more, while LINE's own request arrives on the one worker thread.
        assert post(server, question()) == 200
    assert "OIT" in fake_line.reply_texts()[0]
