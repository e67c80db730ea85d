"""`itabot remind plan` shows what a pass would push, by the pass's own pricing and budget:
what it shows is what the pass then sends."""
from __future__ import annotations

import re
from datetime import datetime

import pytest
import sqlalchemy as sa

from bot.clock import BANGKOK
from models import Chat, Delivery, Unit
from schedules.deliver import preview, run_pass
from tests.provinces import COORDINATORS, STAFF_USER, UNIT_GROUP

WEDNESDAY = datetime(2025, 4, 23, 9, 0, tzinfo=BANGKOK)  # 7 days before the OIT deadline
MONDAY = datetime(2025, 6, 23, 9, 30, tzinfo=BANGKOK)  # 7 days before IIT/EIT close, and a nudge day


def remind_plan(app, at: datetime) -> str:
    result = app.test_cli_runner().invoke(args=["remind", "plan", "--at", at.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def leave_in_quota(fake_line, remaining: int) -> None:
    fake_line.set_quota(300)
    fake_line.set_usage_offset(300 - remaining)


def test_remind_plan_reads_the_database_and_prints_what_is_due(app, lamphun, session, clock):
    unit = session.scalar(sa.select(Unit).where(Unit.name == "อบต.บ้านไผ่"))
    session.add(Chat(id="Coff", kind="group", unit_id=unit.id, reminders_on=False, first_seen=clock.now()))
    session.commit()
    shown = remind_plan(app, MONDAY)
    assert UNIT_GROUP in shown and "deadline:nacc:iit-collect:2025-06-30:d-7" in shown
    assert "nudge:IIT:2025-06-23" in shown  # no report yet: below the minimum of 60
    assert "Coff" not in shown


def test_remind_plan_shows_the_budget(app, lamphun, fake_line):
    leave_in_quota(fake_line, 6)
    shown = remind_plan(app, WEDNESDAY)
    assert "budget: 6 message(s) left this month; pushing everything costs 18; short: 1 chat(s) would wait" in shown
    assert f"- {UNIT_GROUP} (group): 1 item(s), cost 12  [waits]" in shown
    assert f"- {STAFF_USER} (user): 1 item(s), cost 1  [push]" in shown
    assert fake_line.pushes() == []  # planning sends nothing


@pytest.mark.parametrize("remaining", [None, 300, 6, 0], ids=["no limit", "plenty", "short", "none left"])
@pytest.mark.parametrize("at", [WEDNESDAY, MONDAY], ids=["deadlines", "deadlines and nudges"])
def test_what_the_plan_shows_is_what_the_pass_sends(app, lamphun, fake_line, session, remaining, at):
    if remaining is None:
        fake_line.set_quota(None)
    else:
        leave_in_quota(fake_line, remaining)
    shown = remind_plan(app, at)
    forecast = preview(app, at)
    fake_line.clear()

    report = run_pass(app, at)

    pushes = {p["to"]: len(p["messages"]) for p in fake_line.pushes()}
    chosen = {c.chat_id: c.cost for c in forecast.choice.send}
    assert report.pushed_to == chosen and set(pushes) == set(chosen)
    assert report.cost == forecast.choice.cost and report.needed == forecast.needed
    assert report.deferred_chats == len(forecast.choice.deferred)
    # The command prints the same choice, chat by chat, with the same costs.
    printed = dict(re.findall(r"^- (\S+) \(\w+\): \d+ item\(s\), cost (\S+)  \[push\]$", shown, re.MULTILINE))
    assert printed == {chat_id: f"{cost:,}" for chat_id, cost in chosen.items()}
    # And each chat is sent exactly the reminders the plan listed for it.
    session.rollback()
    sent = {}
    for chat_id, key in session.execute(sa.select(Delivery.chat_id, Delivery.reminder_key)
                                        .where(Delivery.status == "sent", Delivery.via == "push")):
        sent.setdefault(chat_id, set()).add(key)
    assert sent == {chat_id: {i.key for i in forecast.items[chat_id]} for chat_id in chosen}
    if remaining == 6:
        assert set(chosen) == {COORDINATORS, STAFF_USER} and forecast.notices  # coordinators are told
