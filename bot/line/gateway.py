"""The one place that talks to the LINE Messaging API (through line-bot-sdk v3).

Handlers return `bot.line.replies` data; this module turns it into SDK messages and
makes the calls, always within LINE's limits (`replies.fit`).
"""
from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass

from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    FlexContainer,
    FlexMessage,
    MessageAction,
    MessagingApi,
    MessagingApiBlob,
    PostbackAction,
    PushMessageRequest,
    QuickReplyItem,
    ReplyMessageRequest,
    RichMenuRequest,
    TextMessage,
)
from linebot.v3.messaging import (
    QuickReply as SdkQuickReply,
)
from urllib3.exceptions import HTTPError as TransportError

from bot.line.replies import Flex, QuickReply, Reply, Text, fit

log = logging.getLogger(__name__)

# What LINE says when a push cannot reach the chat any more (the bot left or was removed,
# the user blocked it, the id is unknown): the chat is marked inactive.
GONE_HINTS = ("not a member", "not found", "'to'", "blocked", "no longer")
CONNECTIONS = 16  # one per sending thread of a scheduler pass (the SDK's default is 5 per core)


@dataclass(frozen=True)
class PushOutcome:
    """What became of a push: "sent" (200, or 409: accepted earlier under the same retry key),
    "retry" (5xx, timeout, 429: same key later), "gone" (the bot is no longer in the chat),
    "rejected" (any other 4xx: sending again would not help), "halt" (401/403: no call will pass)."""

    kind: str
    status: int | None = None
    retry_after: float | None = None  # seconds, from a 429's Retry-After
    detail: str = ""


class ChatGone(Exception):
    """LINE says the bot is no longer in this chat."""


class LineUnavailable(Exception):
    """LINE could not answer now (5xx, timeout, connection trouble, throttling)."""


class ContentTooLarge(Exception):
    """What a user sent is larger than the bot reads."""


class ContentGone(Exception):
    """LINE no longer holds what a message sent (content is kept for a limited time)."""


class LineGateway:
    def __init__(self, access_token: str, base_url: str, timeout: float = 5.0, data_base_url: str | None = None):
        configuration = Configuration(access_token=access_token, host=base_url)
        configuration.connection_pool_maxsize = CONNECTIONS
        self._client = ApiClient(configuration)
        self._api = MessagingApi(self._client)
        # Files and images come from another host (api-data.line.me), with the same token.
        self._data_client = ApiClient(Configuration(access_token=access_token, host=data_base_url or base_url))
        self._blob = MessagingApiBlob(self._data_client)
        self._timeout = timeout

    def close(self) -> None:
        self._client.close()
        self._data_client.close()

    def content(self, message_id: str, limit: int) -> bytes:
        """What a file (or image) message holds. Raises ContentTooLarge beyond `limit` bytes, ContentGone
        when LINE no longer has it, LineUnavailable when LINE cannot answer now."""
        try:
            # Longer than a reply may take (a file is up to 1 MiB), short enough not to hold the
            # event's transaction for long: the person is asked to send it again.
            data = bytes(self._blob.get_message_content(message_id, _request_timeout=max(self._timeout, 5.0)))
        except ApiException as error:
            if error.status in (404, 410):
                raise ContentGone(message_id) from None
            raise LineUnavailable(_describe(error)) from None
        except (TransportError, OSError) as error:
            raise LineUnavailable(_describe(error)) from None
        if len(data) > limit:
            raise ContentTooLarge(len(data))
        return data

    def reply(self, reply_token: str, replies: list[Reply]) -> str:
        """Answer an event (replies are free): "sent"; "retry" (5xx, 429) or "timeout" (or the
        connection failed): the same token may still work; "refused" (any other 4xx, e.g. the
        token expired or was used)."""
        messages = to_sdk_messages(replies)
        if not messages or not reply_token:
            return "refused"
        try:
            self._api.reply_message(ReplyMessageRequest(reply_token=reply_token, messages=messages),
                                    _request_timeout=self._timeout)
        except ApiException as error:
            log.warning("LINE refused a reply: status %s", error.status)
            return "retry" if (error.status or 0) >= 500 or error.status == 429 else "refused"
        except (TransportError, OSError) as error:  # the event and its answer are already stored
            log.warning("LINE reply failed: %s", type(error).__name__)
            return "timeout"
        return "sent"

    def push(self, to: str, replies: list[Reply], retry_key: str) -> PushOutcome:
        """Push to a chat (costs quota), with a retry key so that a repeat never sends twice."""
        try:
            self._api.push_message(
                PushMessageRequest(to=to, messages=to_sdk_messages(replies)),
                x_line_retry_key=retry_key,
                _request_timeout=self._timeout,
            )
        except ApiException as error:
            return classify(error)
        except (TransportError, OSError) as error:  # timed out or cut: it may have been accepted; the key decides
            return PushOutcome("retry", detail=type(error).__name__)
        return PushOutcome("sent", 200)

    def remaining_quota(self) -> int | None:
        """Messages left this month; None when the plan has no limit. Raises LineUnavailable."""
        try:
            quota = self._api.get_message_quota(_request_timeout=self._timeout)
            if quota.type != "limited":
                return None
            used = self._api.get_message_quota_consumption(_request_timeout=self._timeout).total_usage
        except (ApiException, TransportError, OSError) as error:
            raise LineUnavailable(_describe(error)) from None
        return max(0, (quota.value or 0) - used)

    def create_rich_menu(self, menu: dict) -> str:
        """Create a rich menu from its object (`bot.line.richmenu`); its id."""
        return self._api.create_rich_menu(RichMenuRequest.from_dict(menu), _request_timeout=self._timeout).rich_menu_id

    def set_default_rich_menu(self, rich_menu_id: str) -> None:
        self._api.set_default_rich_menu(rich_menu_id, _request_timeout=self._timeout)

    def link_rich_menu(self, user_id: str, rich_menu_id: str) -> None:
        """Show `user_id` this menu instead of the default one."""
        self._api.link_rich_menu_id_to_user(user_id, rich_menu_id, _request_timeout=self._timeout)

    def member_count(self, chat_id: str, kind: str) -> int:
        """What a push to the chat costs: its members (1 for a user). Raises ChatGone or LineUnavailable."""
        if kind == "user":
            return 1
        try:
            lookup = self._api.get_group_member_count if kind == "group" else self._api.get_room_member_count
            return lookup(chat_id, _request_timeout=self._timeout).count
        except ApiException as error:
            if classify(error).kind == "gone":
                raise ChatGone(chat_id) from None
            raise LineUnavailable(_describe(error)) from None
        except (TransportError, OSError) as error:
            raise LineUnavailable(_describe(error)) from None


def classify(error: ApiException) -> PushOutcome:
    status = error.status or 0
    detail = _message(error)
    if status == 409:
        return PushOutcome("sent", 409, detail=detail)
    if status == 429:
        return PushOutcome("retry", 429, _retry_after(error), detail)
    if status >= 500:
        return PushOutcome("retry", status, detail=detail)
    if status in (401, 403):
        return PushOutcome("halt", status, detail=detail)
    if any(hint in detail.lower() for hint in GONE_HINTS):
        return PushOutcome("gone", status, detail=detail)
    return PushOutcome("rejected", status, detail=detail)


def _message(error: ApiException) -> str:
    try:
        return str(json.loads(error.body or "{}").get("message", ""))[:150]
    except (ValueError, AttributeError):
        return ""


def _retry_after(error: ApiException) -> float | None:
    try:
        return float((error.headers or {}).get("Retry-After"))
    except (TypeError, ValueError):
        return None


def _describe(error: Exception) -> str:
    return f"status {error.status}" if isinstance(error, ApiException) else type(error).__name__


def to_sdk_messages(replies: list[Reply]) -> list:
    return [_to_sdk(reply) for reply in fit(replies)]


def _to_sdk(reply: Reply):
    quick = _sdk_quick_reply(reply.quick_replies) if reply.quick_replies else None
    if isinstance(reply, Text):
        return TextMessage(text=reply.text, quick_reply=quick)
    assert isinstance(reply, Flex)
    return FlexMessage(alt_text=reply.alt_text, contents=FlexContainer.from_dict(reply.contents), quick_reply=quick)


@functools.lru_cache(maxsize=256)
def _sdk_quick_reply(buttons: tuple[QuickReply, ...]) -> SdkQuickReply:
    """The same few rows of buttons go out with most answers; the SDK's validated models for
    them are built once (they are only ever read, when the request is serialised)."""
    return SdkQuickReply(
        items=[QuickReplyItem(action=PostbackAction(label=q.label, data=q.text, display_text=q.label) if q.postback
                              else MessageAction(label=q.label, text=q.text)) for q in buttons]
    )
