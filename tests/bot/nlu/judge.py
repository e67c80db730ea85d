"""Whether the bot read a corpus message as labelled and did what the label says: the same
judge for the test (every message must pass) and for bench/understanding.py (scored)."""
from __future__ import annotations

from datetime import date

from bot.context import Interpretation

SLOTS = ("form", "part", "step", "setting", "question", "negation", "unsure", "addressed", "working_days")


def judge(case: dict, read: list[Interpretation], replies: list[dict], effects: dict, resolve) -> list[str]:
    """What is wrong, in words; [] when the message was read and handled as labelled."""
    problems = []
    expected = case["read"] if isinstance(case["read"], list) else [case["read"]]
    got = read
    if [e["intent"] for e in expected] != [i.intent for i in got]:
        problems.append(f"read as {[i.intent for i in got]}, labelled {[e['intent'] for e in expected]}")
    else:
        for want, said in zip(expected, got):
            problems += _slots(want, said, resolve)
    problems += _effects(case.get("effect") or {}, effects)
    if case.get("silent") and replies:
        problems.append("answered, but must stay silent")
    if not case.get("silent") and not replies:
        problems.append("stayed silent, but must answer")
    if case.get("asks") and not any(m.get("quickReply") for m in replies):
        problems.append("must ask back with buttons")
    return problems


def _slots(want: dict, said: Interpretation, resolve) -> list[str]:
    problems = []
    for name in SLOTS:
        if name in want and getattr(said, name) != want[name]:
            problems.append(f"{name}: {getattr(said, name)!r}, labelled {want[name]!r}")
    if "field" in want and said.setting != want["field"]:
        problems.append(f"field: {said.setting!r}, labelled {want['field']!r}")
    if "unit" in want and resolve(said.unit) != want["unit"]:
        problems.append(f"unit: {said.unit!r} ({resolve(said.unit)}), labelled {want['unit']!r}")
    if "count" in want and _number(said.count) != _number(want["count"]):
        problems.append(f"count: {said.count!r}, labelled {want['count']!r}")
    if "date" in want and said.date != _day(want["date"]):
        problems.append(f"date: {said.date}, labelled {want['date']}")
    if "period" in want and said.period != tuple(map(_day, want["period"])):
        problems.append(f"period: {said.period}, labelled {want['period']}")
    if "days_before" in want and list(said.days_before) != list(want["days_before"]):
        problems.append(f"days_before: {said.days_before}, labelled {want['days_before']}")
    if "time" in want and (said.time.strftime("%H:%M") if said.time else None) != want["time"]:
        problems.append(f"time: {said.time}, labelled {want['time']}")
    return problems


def _effects(want: dict, got: dict) -> list[str]:
    problems = []
    for kind in sorted(set(want) | set(got)):
        if kind not in got:
            problems.append(f"wrote no {kind}, labelled {want[kind]}")
        elif kind not in want:
            problems.append(f"WRONG WRITE: {kind} {got[kind]}")
        elif not _matches(want[kind], got[kind]):
            problems.append(f"wrote {kind} {got[kind]}, labelled {want[kind]}")
    return problems


def _matches(want, got) -> bool:
    if isinstance(want, dict) and isinstance(got, list):
        return len(got) == 1 and _matches(want, got[0])
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(_matches(w, g) for w, g in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return all(_same(value, got.get(key)) for key, value in want.items())
    return _same(want, got)


def _same(want, got) -> bool:
    if isinstance(want, list) and isinstance(got, list):
        return [str(w) for w in want] == [str(g) for g in got]
    return str(want) == str(got)


def _number(value) -> int | None:
    try:
        return int(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
