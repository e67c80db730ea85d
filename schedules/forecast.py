"""What a pass pushes now, decided in one place for the pass itself and for `itabot remind plan`:
the month's quota, each chat's price, the choice within the quota, and the coordinators'
notice when the quota falls short. It asks LINE (quota, member counts) and writes nothing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import orm

from bot.line.gateway import LineGateway
from schedules import ledger, pricing
from schedules.budget import Choice, candidates, choose
from schedules.notices import quota_notices
from schedules.plan import Reminder

WORKERS = 16  # concurrent calls to LINE: its latency, not our CPU, bounds a pass


@dataclass(frozen=True)
class Forecast:
    remaining: int | None  # quota left before the pass; None: no monthly limit, or unknown
    quota_known: bool  # False: no credentials or LINE unreachable (prices are the counts last kept)
    prices: pricing.Prices
    items: dict[str, list]  # chat id -> what waits for it (deliveries, or reminders not yet recorded)
    retries: list[ledger.Outgoing]  # pushes tried before, due again as they were
    choice: Choice
    notices: list[Reminder]  # coordinators told the quota is short (not yet in the ledger)

    @property
    def needed(self) -> int:
        return self.choice.needed + sum(p.cost for p in self.retries)


def forecast(session: orm.Session, gateway: LineGateway | None, now: datetime, items: dict[str, list],
             retries: list[ledger.Outgoing]) -> Forecast:
    """Raises LineUnavailable when LINE cannot tell the quota; with no gateway, the budget is unknown."""
    remaining = gateway.remaining_quota() if gateway is not None else None
    prices = _prices(session, gateway, remaining, set(items), now)
    left = None if remaining is None else max(0, remaining - sum(p.cost for p in retries))
    live = {chat_id: mine for chat_id, mine in items.items() if chat_id not in prices.gone}
    choice = choose(candidates(live, prices.cost), left)
    notices: list[Reminder] = []
    if choice.short:
        notices = ledger.not_recorded(session, quota_notices(session, [c.chat_id for c in choice.deferred], choice, now))
        reachable = ledger.open_to_push(session, {n.chat_id for n in notices})
        notices = [n for n in notices if n.chat_id in reachable]
    if notices:
        prices = pricing.merged(prices, _prices(session, gateway, remaining, {n.chat_id for n in notices} - set(live), now))
        for notice in notices:
            live[notice.chat_id] = [*live.get(notice.chat_id, []), notice]
        choice = choose(candidates(live, prices.cost), left)
    return Forecast(remaining, gateway is not None, prices, live, retries, choice, notices)


def _prices(session: orm.Session, gateway: LineGateway | None, remaining: int | None, chat_ids: set[str],
            now: datetime) -> pricing.Prices:
    chats = pricing.chat_infos(session, chat_ids)
    if gateway is None or remaining is None:  # nothing to budget, or no one to ask: the counts kept
        return pricing.kept(chats)
    return pricing.price(gateway, chats, now, WORKERS)
