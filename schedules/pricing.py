"""What a push to each chat costs: LINE counts one message per member of a group or room.

Member counts come from the API and are kept on the chat for a day, so a pass over
thousands of groups asks LINE again only for those it has not priced lately.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import orm

from bot.line.gateway import ChatGone, LineGateway, LineUnavailable
from models import Chat

COUNT_KEPT_FOR = timedelta(days=1)


@dataclass(frozen=True)
class ChatInfo:
    id: str
    kind: str
    member_count: int | None
    member_count_at: datetime | None


@dataclass
class Prices:
    cost: dict[str, int | None]  # None: unknown this pass (LINE did not answer and no count was kept)
    counted: dict[str, int]  # fresh counts learnt from LINE now
    gone: set[str]  # LINE says the bot is no longer there


def chat_infos(session: orm.Session, chat_ids: set[str]) -> list[ChatInfo]:
    rows = session.execute(sa.select(Chat.id, Chat.kind, Chat.member_count, Chat.member_count_at)
                           .where(Chat.id.in_(chat_ids)))
    return [ChatInfo(*row) for row in rows]


def price(gateway: LineGateway, chats: list[ChatInfo], now: datetime, workers: int) -> Prices:
    prices = Prices({}, {}, set())
    ask = [c for c in chats if c.kind != "user" and (c.member_count_at is None or c.member_count_at < now - COUNT_KEPT_FOR)]

    def count(chat: ChatInfo):
        try:
            return chat, gateway.member_count(chat.id, chat.kind)
        except (ChatGone, LineUnavailable) as error:
            return chat, error

    with ThreadPoolExecutor(workers) as pool:
        for chat, answer in pool.map(count, ask):
            if isinstance(answer, int):
                prices.counted[chat.id] = answer
            elif isinstance(answer, ChatGone):
                prices.gone.add(chat.id)
    for chat in chats:
        if chat.kind == "user":
            prices.cost[chat.id] = 1
        elif chat.id not in prices.gone:
            prices.cost[chat.id] = prices.counted.get(chat.id, chat.member_count)
    return prices


def kept(chats: list[ChatInfo]) -> Prices:
    """Prices from the counts kept on the chats, without asking LINE (no monthly limit, or no credentials)."""
    return Prices({c.id: 1 if c.kind == "user" else (c.member_count or 0) for c in chats}, {}, set())


def merged(first: Prices, second: Prices) -> Prices:
    return Prices({**first.cost, **second.cost}, {**first.counted, **second.counted}, first.gone | second.gone)


def keep(session: orm.Session, prices: Prices, now: datetime) -> None:
    """Remember the counts learnt from LINE."""
    if prices.counted:
        session.execute(sa.update(Chat), [{"id": chat_id, "member_count": n, "member_count_at": now}
                                          for chat_id, n in prices.counted.items()])
