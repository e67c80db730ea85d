"""POST /callback: LINE's webhook. Checks the signature with the SDK, then handles each event."""
from __future__ import annotations

import json
import logging

from flask import Blueprint, abort, current_app, request
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhook import WebhookParser

from bot.db import request_session
from bot.thai import storable_json
from bot.web.dispatch import handle_event

log = logging.getLogger(__name__)
bp = Blueprint("webhook", __name__)

# LINE sends at most a few dozen events per request, a few KiB each; anything beyond 1 MiB is not
# LINE's and is refused unread (here and by the server, `bot.web.serve`).
MAX_BODY = 1 << 20


@bp.post("/callback")
def callback():
    with current_app.extensions["itabot.metrics"].latency.time():
        return _callback()


def _callback():
    signature = request.headers.get("X-Line-Signature", "")
    body = request.get_data(as_text=True)
    parser: WebhookParser = current_app.extensions["itabot.parser"]
    try:
        events = parser.parse(body, signature)
    except InvalidSignatureError:
        abort(400, "bad signature")
    except Exception:  # a signed body that is not a webhook payload: LINE's fault or a test's, not ours
        log.warning("unparseable webhook body (%d bytes)", len(body))
        abort(400, "not a webhook payload")
    # The SDK gives one typed event per event of the body, in order; each event's own JSON
    # is kept beside it only to be stored as sent.
    payloads = [storable_json(raw) for raw in json.loads(body)["events"]]  # as sent
    session = request_session()
    for event, payload in zip(events, payloads):
        handle_event(event, payload, session)
    return "OK"
