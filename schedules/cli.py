"""`itabot remind plan|run|rules` and `itabot scheduler`."""
from __future__ import annotations

from datetime import time

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.clock import parse_instant
from models import Chat, Province
from schedules.deliver import preview, run_pass
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
    """Print what a pass would push now, to whom, what each push costs and whether the quota covers it."""
    now = _now(at)
    has_credentials = bool(current_app.config["ITABOT"].line_channel_access_token)
    if not has_credentials:
        click.echo("(no LINE credentials: quota unknown, member counts as last kept)")
    plan = preview(current_app._get_current_object(), now, ask_line=has_credentials)
    if plan is None:
        click.echo(f"{now:%Y-%m-%d %H:%M}: nothing due")
        return
    choice = plan.choice
    click.echo(f"{now:%Y-%m-%d %H:%M}: {sum(map(len, plan.items.values()))} reminder(s) for {len(plan.items)} chat(s), "
               f"one push each")
    if plan.quota_known:
        left = "no monthly limit" if plan.remaining is None else f"{plan.remaining:,} message(s) left this month"
        verdict = "within budget" if not choice.short else f"short: {len(choice.deferred)} chat(s) would wait"
        click.echo(f"budget: {left}; pushing everything costs {plan.needed:,}; {verdict}; "
                   f"this pass pushes {len(choice.send)} chat(s) for {choice.cost:,}")
    else:
        click.echo(f"budget: unknown; the chats priced so far cost {choice.needed:,}")
    with db.sessionmaker()() as session:
        kinds = dict(session.execute(sa.select(Chat.id, Chat.kind).where(Chat.id.in_(plan.items))).all())
    for push in plan.retries:
        click.echo(f"- {push.chat_id}: a push tried before, cost {push.cost:,}  [retry]")
    for verdict, chosen in (("push", choice.send), ("waits", choice.deferred + choice.unpriced)):
        for candidate in chosen:
            cost = "unknown" if candidate.cost is None else f"{candidate.cost:,}"
            mine = sorted(plan.items[candidate.chat_id], key=lambda i: (i.deadline, i.key))
            click.echo(f"- {candidate.chat_id} ({kinds.get(candidate.chat_id)}): {len(mine)} item(s), cost {cost}  "
                       f"[{verdict}]")
            click.echo("".join(f"    {item.key}  (deadline {item.deadline:%Y-%m-%d})\n" for item in mine), nl=False)


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
