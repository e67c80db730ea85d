"""`itabot remind plan [--at ISO]`: what is due, to whom, at what cost."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.clock import parse_instant
from schedules.inputs import load_figures, load_steps, load_targets
from schedules.plan import plan


@click.group("remind")
def remind_group() -> None:
    """Plan and send reminders."""


@remind_group.command("plan")
@click.option("--at", "at", help="ISO-8601 instant to plan for (default: now).")
@with_appcontext
def remind_plan(at: str | None) -> None:
    """Print the reminders due now, to whom, and what each chat's push would cost."""
    now = parse_instant(at) if at else current_app.extensions["itabot.clock"].now()
    with db.sessionmaker()() as session:
        today = now.date()
        due = plan(load_steps(session, today), load_targets(session), load_figures(session, today), now)
    if not due:
        click.echo(f"{now:%Y-%m-%d %H:%M}: nothing due")
        return
    chats = sorted({r.chat_id for r in due})
    click.echo(f"{now:%Y-%m-%d %H:%M}: {len(due)} reminder(s) for {len(chats)} chat(s)")
    for chat_id in chats:
        mine = [r for r in due if r.chat_id == chat_id]
        click.echo(f"- {chat_id}: {len(mine)} item(s), one push; cost: 1 message per member")
        for reminder in mine:
            click.echo(f"    {reminder.key}  (deadline {reminder.deadline:%Y-%m-%d})")
