"""The one clock of the app: timezone-aware, Asia/Bangkok, freezable for tests and demos."""
from __future__ import annotations

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def parse_instant(text: str) -> datetime:
    """ISO-8601 to an aware datetime; a naive value is taken as Bangkok time."""
    instant = datetime.fromisoformat(text.strip())
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=BANGKOK)
    return instant.astimezone(BANGKOK)


class Clock:
    """Real time unless frozen; tests and `ITABOT_NOW` freeze it."""

    def __init__(self, frozen: datetime | None = None):
        self._lock = threading.Lock()
        self._frozen = None
        if frozen is not None:
            self.freeze(frozen)

    def now(self) -> datetime:
        with self._lock:
            frozen = self._frozen
        return frozen if frozen is not None else datetime.now(BANGKOK)

    def today(self) -> date:
        return self.now().date()

    def freeze(self, instant: datetime | str) -> None:
        if isinstance(instant, str):
            instant = parse_instant(instant)
        if instant.tzinfo is None:
            raise ValueError("the clock only takes timezone-aware instants")
        with self._lock:
            self._frozen = instant.astimezone(BANGKOK)

    def thaw(self) -> None:
        with self._lock:
            self._frozen = None
