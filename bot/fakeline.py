"""A fake LINE Messaging API on loopback, for tests, `itabot chat`, benchmarks and demos.

The real line-bot-sdk client is pointed at it (`Configuration(host=fake.url)`), so the
bot's own HTTP calls are exercised; it answers with the JSON LINE gives, records every
call, and can be told to fail (a status, or a request held until the client gives up).
"""
from __future__ import annotations

import itertools
import json
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    headers: dict[str, str]
    body: dict | None
    status: int


@dataclass
class _Failure:
    prefix: str
    status: int
    body: dict | None
    times: int
    headers: dict[str, str] | None
    timeout: bool


_PROFILE = re.compile(r"^/v2/bot/(?:profile|group/[^/]+/member|room/[^/]+/member)/([^/]+)$")
_MEMBERS = re.compile(r"^/v2/bot/(?:group|room)/([^/]+)/members/count$")
_SUMMARY = re.compile(r"^/v2/bot/group/([^/]+)/summary$")


class FakeLine:
    def __init__(self, access_token: str | None = None):
        self.access_token = access_token
        self._lock = threading.Lock()
        self._released = threading.Event()  # set on stop: held ("timed out") requests let go
        self._server: ThreadingHTTPServer | None = None
        self._ids = itertools.count(461230966842064897)
        self.reset()

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> "FakeLine":
        fake = self

        class Handler(_Handler):
            owner = fake

        self._released.clear()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="fakeline", daemon=True).start()
        return self

    def stop(self) -> None:
        self._released.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "FakeLine":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- state and knobs -------------------------------------------------------------
    def reset(self) -> None:
        """Forget calls, failures, deliveries and settings (between tests)."""
        with self._lock:
            self._calls: list[Call] = []
            self._failures: list[_Failure] = []
            self._retry_keys: dict[str, list[dict]] = {}
            self._usage = 0
            self._usage_offset = 0
            self._quota = 300
            self._members: dict[str, int] = {}
            self._names: dict[str, str] = {}

    def clear(self) -> None:
        """Forget the recorded calls only."""
        with self._lock:
            self._calls = []

    def fail(self, prefix: str, status: int = 500, body: dict | None = None, times: int = 1,
             headers: dict[str, str] | None = None, timeout: bool = False) -> None:
        with self._lock:
            self._failures.append(_Failure(prefix, status, body, times, headers, timeout))

    def set_quota(self, value: int) -> None:
        with self._lock:
            self._quota = value

    def set_usage_offset(self, n: int) -> None:
        with self._lock:
            self._usage_offset = n

    def set_member_count(self, chat_id: str, n: int) -> None:
        with self._lock:
            self._members[chat_id] = n

    def set_profile(self, user_id: str, display_name: str) -> None:
        with self._lock:
            self._names[user_id] = display_name

    # -- what was received -----------------------------------------------------------
    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, prefix: str) -> list[Call]:
        return [c for c in self.calls if c.path.startswith(prefix)]

    def replies(self) -> list[dict]:
        return [c.body for c in self.calls_to("/v2/bot/message/reply") if c.status == 200]

    def pushes(self) -> list[dict]:
        return [c.body for c in self.calls_to("/v2/bot/message/push") if c.status == 200]

    def reply_texts(self) -> list[str]:
        return [m.get("text") or m.get("altText", "") for r in self.replies() for m in r["messages"]]

    # -- answering -------------------------------------------------------------------
    def _take_failure(self, path: str) -> _Failure | None:
        for failure in self._failures:
            if path.startswith(failure.prefix) and failure.times > 0:
                failure.times -= 1
                return failure
        return None

    def _answer(self, method: str, path: str, headers: dict[str, str], body: dict | None):
        """(status, json, extra headers) for one call; records it. Runs under the lock."""
        if self.access_token and headers.get("authorization") != f"Bearer {self.access_token}":
            return self._record(method, path, headers, body, 401, {"message": "Authentication failed"})
        failure = self._take_failure(path)
        if failure is not None:
            if failure.timeout:
                self._calls.append(Call(method, path, headers, body, 0))
                return None
            return self._record(method, path, headers, body, failure.status,
                                failure.body or {"message": "Injected failure"}, failure.headers)
        if method == "POST" and path in ("/v2/bot/message/reply", "/v2/bot/message/push"):
            return self._send(method, path, headers, body or {})
        return self._record(method, path, headers, body, *self._lookup(method, path))

    def _send(self, method: str, path: str, headers: dict[str, str], body: dict):
        key = headers.get("x-line-retry-key")
        if key and key in self._retry_keys:  # LINE: a retry key already accepted answers 409
            return self._record(method, path, headers, body, 409, {
                "message": "The retry key is already accepted", "sentMessages": self._retry_keys[key]})
        sent = [{"id": str(next(self._ids)), "quoteToken": f"q{next(self._ids)}"} for _ in body.get("messages", [])]
        if key:
            self._retry_keys[key] = sent
        if path.endswith("/push"):
            self._usage += self._price(str(body.get("to", "")))
        return self._record(method, path, headers, body, 200, {"sentMessages": sent})

    def _price(self, to: str) -> int:
        return self._members.get(to, 3) if to[:1] in ("C", "R") else 1

    def _lookup(self, method: str, path: str) -> tuple[int, dict]:
        if method == "POST" and path in ("/v2/bot/message/multicast", "/v2/bot/chat/loading/start"):
            return 200, {}
        if method != "GET":
            return 404, {"message": "Not found"}
        if path == "/v2/bot/message/quota":
            return 200, {"type": "limited", "value": self._quota}
        if path == "/v2/bot/message/quota/consumption":
            return 200, {"totalUsage": self._usage + self._usage_offset}
        if m := _PROFILE.match(path):
            user = m[1]
            return 200, {"displayName": self._names.get(user, f"ผู้ใช้ {user[-4:]}"), "userId": user, "language": "th"}
        if m := _MEMBERS.match(path):
            return 200, {"count": self._members.get(m[1], 3)}
        if m := _SUMMARY.match(path):
            return 200, {"groupId": m[1], "groupName": "กลุ่มทดสอบ", "pictureUrl": "https://example.invalid/p.png"}
        return 404, {"message": "Not found"}

    def _record(self, method, path, headers, body, status, payload, extra=None):
        self._calls.append(Call(method, path, headers, body, status))
        return status, payload, extra or {}


class _Handler(BaseHTTPRequestHandler):
    owner: FakeLine
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's urllib3 pool expects
    # Headers and body leave in one segment, without Nagle: otherwise the client's delayed
    # ACK adds ~40 ms to every call and the benchmarks measure TCP, not the bot.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"_unparsed": raw.decode("utf-8", "replace")}
        headers = {k.lower(): v for k, v in self.headers.items()}
        fake = self.owner
        with fake._lock:
            answer = fake._answer(method, self.path.split("?", 1)[0], headers, body)
        if answer is None:  # injected timeout: hold the request until the client gives up or we stop
            fake._released.wait(30)
            self.close_connection = True
            return
        status, payload, extra = answer
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args) -> None:  # quiet: tests and benchmarks read their own output
        pass
