"""Which chats a pass can afford to push to, within the month's LINE message quota.

A push costs one message per member of the chat, however many reminders it carries.
When the remainder cannot cover every chat, deadline reminders go first, soonest deadline
first; a chat that only has nudges waits (its nudges can still ride along in a reply).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

URGENCY = {"answer": 0, "notice": 0, "deadline": 1, "nudge": 2, "aside": 3}


@dataclass(frozen=True)
class Candidate:
    chat_id: str
    cost: int | None  # None: the price could not be learnt this pass
    kinds: frozenset[str]
    soonest: date  # the nearest deadline among its reminders

    @property
    def urgency(self) -> tuple[int, date, str]:
        return min(URGENCY[k] for k in self.kinds), self.soonest, self.chat_id


@dataclass(frozen=True)
class Choice:
    send: list[Candidate]
    deferred: list[Candidate]  # not affordable now
    unpriced: list[Candidate]  # no price known: tried again next pass
    needed: int  # what sending everything would have cost
    remaining: int | None  # None: no monthly limit

    @property
    def cost(self) -> int:
        return sum(c.cost or 0 for c in self.send)

    @property
    def short(self) -> bool:
        return bool(self.deferred)


def candidates(items: dict[str, list], prices: dict[str, int | None]) -> list[Candidate]:
    """One candidate per chat from its due items (anything with `kind` and `deadline`)."""
    return [Candidate(chat_id, prices.get(chat_id), frozenset(i.kind for i in mine), min(i.deadline for i in mine))
            for chat_id, mine in items.items()]


def choose(candidates: list[Candidate], remaining: int | None) -> Choice:
    priced = sorted((c for c in candidates if c.cost is not None), key=lambda c: c.urgency)
    unpriced = [c for c in candidates if c.cost is None]
    needed = sum(c.cost for c in priced)
    if remaining is None or needed <= remaining:
        return Choice(priced, [], unpriced, needed, remaining)
    send, deferred, left = [], [], remaining
    for candidate in priced:
        if candidate.urgency[0] < URGENCY["nudge"] and candidate.cost <= left:
            send.append(candidate)
            left -= candidate.cost
        else:
            deferred.append(candidate)
    return Choice(send, deferred, unpriced, needed, remaining)
