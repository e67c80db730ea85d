"""Configuration: read from the environment once, validated at start-up."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from bot.clock import parse_instant

DEFAULT_LINE_API = "https://api.line.me"
DEFAULT_LINE_DATA_API = "https://api-data.line.me"  # where LINE serves the content of files and images
MODES = ("production", "development", "demo")
_PROCESS_SECRET = secrets.token_hex(32)  # maintenance commands without credentials make no lasting links


class ConfigError(SystemExit):
    """A setting is missing or wrong.

    A SystemExit so that `itabot`, `flask` and gunicorn print one clear line
    and stop, instead of a traceback that hides the variable's name.
    """

    def __init__(self, message: str):
        super().__init__(f"itabot: {message}")


@dataclass(frozen=True)
class Config:
    line_channel_secret: str = ""
    line_channel_access_token: str = ""
    line_api_base_url: str = DEFAULT_LINE_API
    line_data_api_base_url: str = DEFAULT_LINE_DATA_API
    # Signs the links to the dashboard; empty: derived from the channel secret.
    secret_key: str = ""
    # The bot's own address as people's phones reach it (links to templates); empty: the address
    # LINE called the webhook at.
    public_url: str = ""
    # Seconds a LINE call may take before it counts as failed: short, so that the webhook answers
    # LINE (which waits 2 s) in time even when the reply API hangs; the outbox sends it again.
    line_timeout: float = 1.5
    database_url: str = ""
    now: datetime | None = None
    # Maintenance commands (init, calendar, chat) work without LINE credentials.
    require_line_credentials: bool = True
    testing: bool = False
    # "production" (wsgi.py, itabot serve), "development" or "demo" (`itabot demo`): only the last
    # two serve the simulator.
    mode: str = "production"
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, instance_path: str | Path, overrides: dict | None = None) -> "Config":
        env = os.environ
        values = {
            "line_channel_secret": env.get("LINE_CHANNEL_SECRET", ""),
            "line_channel_access_token": env.get("LINE_CHANNEL_ACCESS_TOKEN", ""),
            "line_api_base_url": env.get("LINE_API_BASE_URL", "") or DEFAULT_LINE_API,
            "line_data_api_base_url": env.get("LINE_DATA_API_BASE_URL", "") or DEFAULT_LINE_DATA_API,
            "public_url": env.get("ITABOT_PUBLIC_URL", "").rstrip("/"),
            "secret_key": env.get("ITABOT_SECRET_KEY", ""),
            "database_url": env.get("DATABASE_URL", ""),
            "now": _instant_from_env(env.get("ITABOT_NOW", "")),
            "line_timeout": _seconds_from_env(env.get("LINE_TIMEOUT", "")),
            "mode": env.get("ITABOT_MODE", "") or "production",
        }
        known = {f.name for f in fields(cls)}
        extra = {}
        for key, value in (overrides or {}).items():
            name = key.lower()
            if name in known:
                values[name] = parse_instant(value) if name == "now" and isinstance(value, str) else value
            else:
                extra[key] = value
        config = cls(**values, extra=extra)
        if not config.database_url:
            config = replace(config, database_url=f"sqlite:///{Path(instance_path) / 'itabot.sqlite3'}")
        config.validate()
        return config

    def validate(self) -> None:
        for name, value in (("LINE_API_BASE_URL", self.line_api_base_url),
                            ("LINE_DATA_API_BASE_URL", self.line_data_api_base_url),
                            ("ITABOT_PUBLIC_URL", self.public_url)):
            url = urlparse(value)
            if (value or name != "ITABOT_PUBLIC_URL") and (url.scheme not in ("http", "https") or not url.netloc):
                raise ConfigError(f"{name} is not an http(s) URL: {value!r}")
        if self.mode not in MODES:
            raise ConfigError(f"ITABOT_MODE is not one of {', '.join(MODES)}: {self.mode!r}")
        if "://" not in self.database_url:
            raise ConfigError("DATABASE_URL is not a database URL (e.g. sqlite:///path or postgresql+psycopg://...)")
        if self.require_line_credentials:
            self.check_line_credentials()

    def link_secret(self) -> str:
        """What signs links: ITABOT_SECRET_KEY, else a key derived from the channel secret (a
        link never shows the channel secret itself), else one of this process only."""
        if self.secret_key:
            return self.secret_key
        if self.line_channel_secret:
            return hmac.new(self.line_channel_secret.encode(), b"itabot signed links", hashlib.sha256).hexdigest()
        return _PROCESS_SECRET

    def check_line_credentials(self) -> None:
        if not self.line_channel_secret:
            raise ConfigError("LINE_CHANNEL_SECRET is not set (Messaging API channel > Basic settings > Channel secret)")
        if not self.line_channel_access_token:
            raise ConfigError("LINE_CHANNEL_ACCESS_TOKEN is not set (Messaging API channel > Messaging API > Channel access token)")


def _instant_from_env(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        return parse_instant(raw)
    except ValueError:
        raise ConfigError(f"ITABOT_NOW is not an ISO-8601 instant: {raw!r} (e.g. 2025-04-10T09:00+07:00)") from None


def _seconds_from_env(raw: str) -> float:
    if not raw:
        return Config.line_timeout
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0.1 <= seconds <= 30:
        raise ConfigError(f"LINE_TIMEOUT is not a number of seconds from 0.1 to 30: {raw!r}")
    return seconds
