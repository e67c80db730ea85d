"""Signed links to the pages a coordinator opens from the chat (the dashboard and its Excel export).

A link carries the province and the coordinator it was made for, signed with itsdangerous (what
Flask signs its sessions with) and stamped by the app's clock, so that tests and demos with a
frozen clock see links expire as a user would. Whether the coordinator still has the role is
checked on every visit, in the database: a revoked role closes the link at once.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, has_request_context, request
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from bot.clock import Clock

LINK_HOURS = 24


@dataclass(frozen=True)
class Holder:
    """Whom a link was made for."""
    province_id: int
    user_id: str


class Links:
    def __init__(self, secret: str, clock: Clock, hours: int = LINK_HOURS):
        class ClockSigner(TimestampSigner):
            def get_timestamp(self) -> int:  # the app's clock, not the machine's
                return int(clock.now().timestamp())

        self.max_age = hours * 3600
        self._serializer = URLSafeTimedSerializer(secret, salt="itabot.province-pages", signer=ClockSigner)

    def token(self, province_id: int, user_id: str) -> str:
        return self._serializer.dumps([province_id, user_id])

    def holder(self, token: str | None) -> Holder | None:
        """Whom a token was made for; None when it is missing, tampered with or expired."""
        if not token or len(token) > 500:
            return None
        try:
            province_id, user_id = self._serializer.loads(token, max_age=self.max_age)
        except (SignatureExpired, BadSignature, ValueError, TypeError):
            return None
        if not isinstance(province_id, int) or not isinstance(user_id, str):
            return None
        return Holder(province_id, user_id)


def public_url() -> str:
    """The bot's address for links: ITABOT_PUBLIC_URL, else the one LINE called the webhook at."""
    configured = current_app.config["ITABOT"].public_url
    if configured:
        return configured
    return request.url_root.rstrip("/") if has_request_context() else "http://localhost:8000"


def links() -> Links:
    return current_app.extensions["itabot.links"]
