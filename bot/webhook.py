"""POST /callback: LINE's webhook. Checks the signature with the SDK, then handles each event."""
from __future__ import annotations

import json
import logging

from flask import Blueprint, abort, current_app, request
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhook import WebhookParser

from bot.db import request_session
from bot.dispatch import handle_event

log = logging.getLogger(__name__)
bp = Blueprint("webhook", __name__)


@bp.post("/callback")
def callback():
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
    raw_events = json.loads(body)["events"]
    session = request_session()
    for event, raw in zip(events, raw_events):
        handle_event(event, raw if isinstance(raw, dict) else {}, session)
    return "OK"
