"""The one place that talks to the LINE Messaging API (through line-bot-sdk v3).

Handlers return `bot.replies` data; this module turns it into SDK messages and
makes the calls, always within LINE's limits (`replies.fit`).
"""
from __future__ import annotations

import logging

from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    FlexContainer,
    FlexMessage,
    MessageAction,
    MessagingApi,
    PostbackAction,
    PushMessageRequest,
    QuickReply as SdkQuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    TextMessage,
)

from bot.replies import Flex, Reply, Text, fit

log = logging.getLogger(__name__)


class LineGateway:
    def __init__(self, access_token: str, base_url: str, timeout: float = 5.0):
        self._client = ApiClient(Configuration(access_token=access_token, host=base_url))
        self._api = MessagingApi(self._client)
        self._timeout = timeout

    def close(self) -> None:
        self._client.close()

    def reply(self, reply_token: str, replies: list[Reply]) -> bool:
        """Answer an event; replies are free. False when LINE refused (e.g. token expired)."""
        messages = to_sdk_messages(replies)
        if not messages or not reply_token:
            return False
        try:
            self._api.reply_message(
                ReplyMessageRequest(reply_token=reply_token, messages=messages),
                _request_timeout=self._timeout,
            )
        except ApiException as error:
            log.warning("LINE refused a reply: status %s", error.status)
            return False
        except OSError as error:  # network trouble: the event itself is already stored
            log.warning("LINE reply failed: %s", type(error).__name__)
            return False
        return True

    def push(self, to: str, replies: list[Reply], retry_key: str) -> None:
        """Push to a chat; costs quota. Raises ApiException so the caller can decide."""
        self._api.push_message(
            PushMessageRequest(to=to, messages=to_sdk_messages(replies)),
            x_line_retry_key=retry_key,
            _request_timeout=self._timeout,
        )


def to_sdk_messages(replies: list[Reply]) -> list:
    return [_to_sdk(reply) for reply in fit(replies)]


def _to_sdk(reply: Reply):
    quick = None
    if reply.quick_replies:
        quick = SdkQuickReply(
            items=[QuickReplyItem(action=PostbackAction(label=q.label, data=q.text, display_text=q.label) if q.postback
                                  else MessageAction(label=q.label, text=q.text)) for q in reply.quick_replies]
        )
    if isinstance(reply, Text):
        return TextMessage(text=reply.text, quick_reply=quick)
    assert isinstance(reply, Flex)
    return FlexMessage(alt_text=reply.alt_text, contents=FlexContainer.from_dict(reply.contents), quick_reply=quick)
