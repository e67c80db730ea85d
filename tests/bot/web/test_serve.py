"""The app behind a real WSGI server (waitress, as `itabot serve` uses) on loopback."""
from __future__ import annotations

import json
import threading
import urllib.request

import waitress

from bot.line.simulator import sign, source, text_event
from tests.conftest import SECRET


def test_a_signed_question_over_http_gets_200_and_a_reply(app, fake_line, calendars):
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        body = json.dumps({"destination": "U0", "events": [text_event("OIT ส่งเมื่อไหร่", source("Uhttp"))]}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{server.effective_port}/callback", data=body, method="POST",
                                         headers={"Content-Type": "application/json", "X-Line-Signature": sign(SECRET, body)})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        assert "OIT" in fake_line.reply_texts()[0]
    finally:
        server.close()
        thread.join(timeout=10)
