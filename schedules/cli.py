"""`itabot remind plan|run|rules` and `itabot scheduler`."""
from __future__ import annotations

from collections import defaultdict
from datetime import time

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.clock import parse_instant
from bot.line.gateway import LineUnavailable
from models import Delivery, Province
from models.reminder import WAITING
from schedules import pricing
from schedules.budget import candidates, choose
from schedules.deliver import WORKERS, run_pass
from schedules.inputs import due_now
from schedules.rules import BadRules, change_rules, describe, rules_of
from schedules.runner import run_forever


@click.group("remind")
def remind_group() -> None:
    """Plan and send reminders."""


def _now(at: str | None):
    return parse_instant(at) if at else current_app.extensions["itabot.clock"].now()


@remind_group.command("plan")
@click.option("--at", "at", help="ISO-8601 instant to plan for (default: now).")
@with_appcontext
def remind_plan(at: str | None) -> None:
    """Print the reminders due and not yet delivered, to whom, and what the pushes would cost."""
    now = _now(at)
    with db.sessionmaker()() as session:
        due = due_now(session, now)
        done = {(k, c) for k, c, status in session.execute(
            sa.select(Delivery.reminder_key, Delivery.chat_id, Delivery.status)
            .where(Delivery.reminder_key.in_({r.key for r in due}))) if status not in WAITING}
        due = [r for r in due if (r.key, r.chat_id) not in done]
        chats = {c.id: c for c in pricing.chat_infos(session, {r.chat_id for r in due})}
    if not due:
        click.echo(f"{now:%Y-%m-%d %H:%M}: nothing due ({len(done)} already delivered or dropped)")
        return
    known, remaining, prices = _budget(list(chats.values()), now)
    by_chat = defaultdict(list)
    for reminder in due:
        by_chat[reminder.chat_id].append(reminder)
    choice = choose(candidates(by_chat, prices), remaining)
    click.echo(f"{now:%Y-%m-%d %H:%M}: {len(due)} reminder(s) for {len(by_chat)} chat(s), one push each")
    if known:
        left = "no monthly limit" if remaining is None else f"{remaining:,} message(s) left this month"
        verdict = "within budget" if not choice.short else f"short: {len(choice.deferred)} chat(s) would wait"
        click.echo(f"budget: {left}; pushing everything costs {choice.needed:,}; {verdict}")
        waiting = {c.chat_id for c in choice.deferred} | {c.chat_id for c in choice.unpriced}
    else:
        click.echo(f"budget: unknown; the chats priced so far cost {choice.needed:,}")
        waiting = set()
    for candidate in choice.send + choice.deferred + choice.unpriced:
        chat = chats[candidate.chat_id]
        cost = "unknown" if candidate.cost is None else f"{candidate.cost:,}"
        note = "  [waits]" if candidate.chat_id in waiting else ""
        click.echo(f"- {chat.id} ({chat.kind}): {len(by_chat[chat.id])} item(s), cost {cost}{note}")
        for reminder in by_chat[chat.id]:
            click.echo(f"    {reminder.key}  (deadline {reminder.deadline:%Y-%m-%d})")


def _budget(chats: list[pricing.ChatInfo], now) -> tuple[bool, int | None, dict[str, int | None]]:
    """Whether LINE answered, the quota left and each chat's price (from LINE, else as last kept)."""
    kept = {c.id: 1 if c.kind == "user" else c.member_count for c in chats}
    if not current_app.config["ITABOT"].line_channel_access_token:
        click.echo("(no LINE credentials: quota unknown, member counts as last kept)")
        return False, None, kept
    gateway = current_app.extensions["itabot.gateway"]
    try:
        remaining = gateway.remaining_quota()
    except LineUnavailable as error:
        click.echo(f"(LINE unreachable: {error}; member counts as last kept)")
        return False, None, kept
    return True, remaining, pricing.price(gateway, chats, now, WORKERS).cost


@remind_group.command("run")
@click.option("--at", "at", help="ISO-8601 instant to run the pass as (default: now).")
@with_appcontext
def remind_run(at: str | None) -> None:
    """Do one pass: plan, record, and push what is due (respects the scheduler's lease)."""
    current_app.config["ITABOT"].check_line_credentials()
    report = run_pass(current_app._get_current_object(), _now(at))
    click.echo(report.summary())
    if report.held_by:
        raise SystemExit(1)


@remind_group.command("rules")
@click.argument("province")
@click.option("--days-before", help="Comma-separated, e.g. 7,3,1.")
@click.option("--at", "at", help="Time of day, HH:MM (Asia/Bangkok).")
@click.option("--first-day/--no-first-day", default=None)
@click.option("--last-day/--no-last-day", default=None)
@click.option("--working-days/--any-day", default=None,
              help="Move a reminder off weekends and Thai public holidays to the working day before.")
@with_appcontext
def remind_rules(province: str, days_before, at, first_day, last_day, working_days) -> None:
    """Show or change a province's reminder rules (audited)."""
    now = current_app.extensions["itabot.clock"].now()
    name = province.removeprefix("จังหวัด").strip()
    try:
        changes = {k: v for k, v in (("days_before", days_before and tuple(int(d) for d in days_before.split(","))),
                                     ("at", at and time.fromisoformat(at)), ("on_first_day", first_day),
                                     ("on_last_day", last_day), ("working_days_only", working_days)) if v is not None}
    except ValueError:
        raise click.ClickException("--days-before takes whole numbers (7,3,1); --at takes HH:MM") from None
    with db.sessionmaker()() as session, session.begin():
        found = session.scalar(sa.select(Province).where(Province.name == name))
        if found is None:
            raise click.ClickException(f"no province {name!r} (import its units first)")
        try:
            rules = change_rules(session, found, "cli:remind rules", now, **changes) if changes else rules_of(session, found)
        except BadRules as error:
            raise click.ClickException(str(error)) from None
        click.echo(describe(rules, name))


@click.command("scheduler")
@click.option("--every", default=5, show_default=True, type=click.IntRange(1, 30), help="Minutes between passes.")
@with_appcontext
def scheduler_command(every: int) -> None:
    """Run the reminder scheduler (one process for the whole deployment; a lease keeps a second one idle)."""
    current_app.config["ITABOT"].check_line_credentials()
    run_forever(current_app._get_current_object(), every)
