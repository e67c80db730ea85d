"""A fake LINE Messaging API on loopback, for tests, `itabot chat`, benchmarks and demos.

The real line-bot-sdk client is pointed at it (`Configuration(host=fake.url)`), so the
bot's own HTTP calls are exercised end to end; it answers with the JSON LINE gives,
records every call, prices pushes like LINE's quota, and can be told to fail (a status,
or a request held unanswered until the client gives up). Standard library only.
"""
from __future__ import annotations

import itertools
import json
import re
import select
import socket
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOLD_LIMIT = 30.0  # seconds a held ("timed out") request waits at most, whatever happens


@dataclass(frozen=True)
class Call:
    """One request received. status 0 means it was held and never answered."""
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
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
    accept: bool = False  # with timeout: LINE accepted the call, only its answer was lost
    to: str | None = None  # only calls whose body is for this chat


_PROFILE = re.compile(r"^/v2/bot/(?:profile|group/[^/]+/member|room/[^/]+/member)/([^/]+)$")
_MEMBERS = re.compile(r"^/v2/bot/(?:group|room)/([^/]+)/members/count$")
_SUMMARY = re.compile(r"^/v2/bot/group/([^/]+)/summary$")
_CONTENT = re.compile(r"^/v2/bot/message/([^/]+)/content$")  # served by api-data.line.me
_RICH_MENU_LINK = re.compile(r"^/v2/bot/user/([^/]+)/richmenu/([^/]+)$")  # user "all": the default menu
_SENDS = ("/v2/bot/message/reply", "/v2/bot/message/push")
_EMPTY_OK = ("/v2/bot/message/multicast", "/v2/bot/chat/loading/start")


class FakeLine:
    def __init__(self, access_token: str | None = None):
        self.access_token = access_token  # None: any Authorization is accepted
        self._lock = threading.Lock()
        self._released = threading.Event()  # set by stop(): held requests let go
        self._server: _Server | None = None
        self._ids = itertools.count(461230966842064897)  # LINE message ids are 18 digits
        self.reset()

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> FakeLine:
        self._released.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        # A short poll keeps stop() quick (the default 0.5 s adds up over a test suite).
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fakeline", daemon=True).start()
        return self

    def stop(self) -> None:
        self._released.set()
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.hang_up()  # idle keep-alive and held connections would otherwise block forever
            server.server_close()

    def __enter__(self) -> FakeLine:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeLine is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- state and knobs -------------------------------------------------------------
    def reset(self) -> None:
        """Forget calls, failures, retry keys, usage and settings (between tests)."""
        with self._lock:
            self._calls: list[Call] = []
            self._failures: list[_Failure] = []
            self._retry_keys: dict[str, list[dict]] = {}
            self._used_tokens: set[str] = set()
            self._usage = self._usage_offset = 0
            self._quota = 300
            self._members: dict[str, int] = {}
            self._names: dict[str, str] = {}
            self._group_names: dict[str, str] = {}
            self._contents: dict[str, bytes] = {}
            self._hooks: list[list] = []  # [path_prefix, calls to let pass first, callback]
            self._rich_menus: dict[str, dict] = {}
            self._menu_of: dict[str, str] = {}  # user id ("all": everyone else) -> rich menu id

    def clear(self) -> None:
        """Forget the recorded calls only."""
        with self._lock:
            self._calls = []

    def fail(self, path_prefix: str, status: int = 500, body: dict | None = None, times: int = 1,
             headers: dict[str, str] | None = None, timeout: bool = False, accept: bool = False,
             to: str | None = None) -> None:
        """The next `times` calls under `path_prefix` (for chat `to`, if given) answer `status`, or
        with timeout=True nothing at all; with accept=True as well, the call takes effect and only
        its answer is lost."""
        if times > 0:
            with self._lock:
                self._failures.append(_Failure(path_prefix, status, body, times, headers, timeout, accept, to))

    def on_call(self, path_prefix: str, callback, nth: int = 1) -> None:
        """Run `callback()` when the `nth` call under `path_prefix` has taken effect, before it
        is answered: a test kills the client there, say, to lose the answer of an accepted push."""
        with self._lock:
            self._hooks.append([path_prefix, nth, callback])

    def set_quota(self, value: int | None) -> None:
        """The month's limit; None for a plan without one (LINE's type "none")."""
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

    def set_group_name(self, group_id: str, name: str) -> None:
        with self._lock:
            self._group_names[group_id] = name

    def set_content(self, message_id: str, data: bytes) -> None:
        """What a file or image message holds, served as LINE's content API serves it."""
        with self._lock:
            self._contents[message_id] = data

    # -- what was received -----------------------------------------------------------
    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, path_prefix: str) -> list[Call]:
        return [c for c in self.calls if c.path.startswith(path_prefix)]

    def replies(self) -> list[dict]:
        """Bodies of the replies LINE accepted (failed or refused ones were not delivered)."""
        return [c.body for c in self.calls_to(_SENDS[0]) if c.status == 200]

    def pushes(self) -> list[dict]:
        return [c.body for c in self.calls_to(_SENDS[1]) if c.status == 200]

    def reply_texts(self) -> list[str]:
        """What a user would read: text, or altText for flex/template messages."""
        return [m.get("text") or m.get("altText", "") for r in self.replies() for m in r.get("messages", [])]

    def rich_menu_for(self, user_id: str) -> dict | None:
        """The rich menu object LINE would show this user: the one linked to them, or the default."""
        with self._lock:
            menu_id = self._menu_of.get(user_id) or self._menu_of.get("all")
            return self._rich_menus.get(menu_id) if menu_id else None

    # -- answering (all under self._lock) --------------------------------------------
    def _answer(self, method: str, path: str, headers: dict[str, str], body: dict | None):
        """(status, json, extra headers) for one call, or None to hold it; records it."""
        if self.access_token and headers.get("authorization") != f"Bearer {self.access_token}":
            return self._record(method, path, headers, body, 401, {"message": "Authentication failed"})
        failure = self._take_failure(path, (body or {}).get("to") if isinstance(body, dict) else None)
        if failure is not None and failure.timeout:
            if failure.accept and method == "POST" and path in _SENDS:
                self._send(method, path, headers, body or {})
            else:
                self._calls.append(Call(method, path, headers, body, 0))
            return None
        if failure is not None:
            payload = {"message": "Injected failure"} if failure.body is None else failure.body
            return self._record(method, path, headers, body, failure.status, payload, failure.headers)
        if method == "POST" and path in _SENDS:
            if not isinstance(body, dict) or "_unparsed" in body:
                return self._record(method, path, headers, body, 400, {"message": "The request body has 1 error(s)"})
            return self._send(method, path, headers, body)
        return self._record(method, path, headers, body, *self._lookup(method, path, body))

    def _take_hook(self, path: str):
        for hook in self._hooks:
            if path.startswith(hook[0]):
                hook[1] -= 1
                if hook[1] <= 0:
                    self._hooks.remove(hook)
                    return hook[2]
                return None
        return None

    def _take_failure(self, path: str, to: str | None) -> _Failure | None:
        for failure in self._failures:
            if path.startswith(failure.prefix) and failure.to in (None, to):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                return failure
        return None

    def _send(self, method: str, path: str, headers: dict[str, str], body: dict):
        token = body.get("replyToken") if path == _SENDS[0] else None
        if token is not None:  # LINE: a reply token is good once
            if token in self._used_tokens:
                return self._record(method, path, headers, body, 400, {"message": "Invalid reply token"})
            self._used_tokens.add(token)
        key = headers.get("x-line-retry-key")
        if key and key in self._retry_keys:  # LINE: a retry key already accepted is not sent again
            return self._record(method, path, headers, body, 409, {
                "message": "The retry key is already accepted", "sentMessages": self._retry_keys[key]})
        sent = [{"id": str(next(self._ids)), "quoteToken": uuid.uuid4().hex} for _ in body.get("messages", [])]
        if key:
            self._retry_keys[key] = sent
        if path == _SENDS[1]:  # replies are free; a push costs one message per recipient
            to = str(body.get("to", ""))
            self._usage += self._members.get(to, 3) if to[:1] in ("C", "R") else 1
        return self._record(method, path, headers, body, 200, {"sentMessages": sent})

    def _lookup(self, method: str, path: str, body: dict | None) -> tuple[int, dict | bytes]:
        if method == "POST" and path in _EMPTY_OK:
            return 200, {}
        if method == "POST" and path == "/v2/bot/richmenu":
            return self._create_rich_menu(body)
        if method == "POST" and (m := _RICH_MENU_LINK.match(path)):
            if m[2] not in self._rich_menus:
                return 404, {"message": "Not found"}
            self._menu_of[m[1]] = m[2]
            return 200, {}
        if method != "GET":
            return 404, {"message": "Not found"}
        if path == "/v2/bot/message/quota":
            return 200, {"type": "none"} if self._quota is None else {"type": "limited", "value": self._quota}
        if path == "/v2/bot/message/quota/consumption":
            return 200, {"totalUsage": self._usage + self._usage_offset}
        if m := _PROFILE.match(path):
            user = m[1]
            return 200, {"displayName": self._names.get(user, f"ผู้ใช้ {user[-4:]}"), "userId": user, "language": "th"}
        if m := _MEMBERS.match(path):
            return 200, {"count": self._members.get(m[1], 3)}
        if m := _CONTENT.match(path):
            found = self._contents.get(m[1])
            return (200, found) if found is not None else (404, {"message": "Not found"})
        if m := _SUMMARY.match(path):
            return 200, {"groupId": m[1], "groupName": self._group_names.get(m[1], "กลุ่มทดสอบ"),
                         "pictureUrl": "https://example.invalid/p.png"}
        return 404, {"message": "Not found"}

    def _create_rich_menu(self, body: dict | None) -> tuple[int, dict]:
        """LINE's checks of a rich menu object that matter here: 1 to 20 areas, a bar text of at most 14."""
        areas = body.get("areas") if isinstance(body, dict) else None
        if not isinstance(areas, list) or not 1 <= len(areas) <= 20 or len(str(body.get("chatBarText", ""))) > 14:
            return 400, {"message": "The request body has 1 error(s)"}
        menu_id = f"richmenu-{uuid.uuid4().hex}"
        self._rich_menus[menu_id] = body
        return 200, {"richMenuId": menu_id}

    def _record(self, method, path, headers, body, status, payload, extra=None):
        self._calls.append(Call(method, path, headers, body, status))
        return status, payload, extra or {}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FakeLine

    def __init__(self, *args):
        super().__init__(*args)
        self.open: set[socket.socket] = set()
        self.open_lock = threading.Lock()

    def hang_up(self) -> None:
        with self.open_lock:
            for conn in self.open:
                try:
                    conn.shutdown(socket.SHUT_RDWR)  # the handler reads EOF and finishes
                except OSError:
                    pass

    def handle_error(self, request, client_address) -> None:
        # A client that gave up (timeout, reset) is routine here; only real bugs are printed.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, so the SDK's urllib3 pool reuses connections
    # Headers and body leave in one segment, without Nagle: otherwise the client's delayed
    # ACK adds ~40 ms to every call and the benchmarks measure TCP, not the bot.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        with self.server.open_lock:
            self.server.open.add(self.connection)

    def finish(self) -> None:
        with self.server.open_lock:
            self.server.open.discard(self.connection)
        super().finish()

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if len(raw) < length:  # the client went away mid-request: nothing reached "LINE"
            self.close_connection = True
            return
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"_unparsed": raw.decode("utf-8", "replace")}
        headers = {k.lower(): v for k, v in self.headers.items()}
        fake = self.server.owner
        path = self.path.split("?", 1)[0]
        with fake._lock:
            answer = fake._answer(method, path, headers, body)
            hook = fake._take_hook(path)
        if hook is not None:
            hook()
        if answer is None:
            self._hold(fake._released)
            return
        status, payload, extra = answer
        binary = isinstance(payload, bytes)
        data = payload if binary else json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream" if binary else "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _hold(self, released: threading.Event) -> None:
        """Injected timeout: answer nothing until stop(), the client hangs up, or HOLD_LIMIT."""
        deadline = time.monotonic() + HOLD_LIMIT
        # Short waits so a client that gave up frees this thread at once, not after 30 s.
        while not released.wait(0.05) and not self._client_gone() and time.monotonic() < deadline:
            pass
        self.close_connection = True

    def _client_gone(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def log_message(self, *_args) -> None:  # quiet: tests and benchmarks read their own output
        pass
