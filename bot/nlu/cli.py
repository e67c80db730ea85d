"""`itabot unknown [--since DATE]`: what people wrote that the bot did not understand, most frequent first."""
from __future__ import annotations

from datetime import datetime

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from bot import db
from bot.clock import parse_instant
from models import UnclearMessage


@click.command("unknown")
@click.option("--since", help="Only messages since this day or instant (ISO-8601, Bangkok), e.g. 2025-04-01.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@with_appcontext
def unknown_command(since: str | None, limit: int) -> None:
    """List the messages not understood, or answered with a question, most frequent first."""
    try:
        start = parse_instant(since) if since else None
    except ValueError:
        raise click.ClickException(f"--since is not a date: {since!r} (e.g. 2025-04-01)") from None
    with db.sessionmaker()() as session:
        query = (sa.select(UnclearMessage.text, UnclearMessage.reason, sa.func.count().label("times"),
                           sa.func.max(UnclearMessage.received_at).label("last"))
                 .group_by(UnclearMessage.text, UnclearMessage.reason)
                 .order_by(sa.desc("times"), sa.desc("last")).limit(limit))
        if start is not None:
            query = query.where(UnclearMessage.received_at >= start)
        rows = session.execute(query).all()
    if not rows:
        click.echo("nothing yet")
        return
    for text, reason, times, last in rows:
        click.echo(f"{times:>5}  {_day(last)}  {reason:<14}  {text}")


def _day(instant: datetime) -> str:
    return f"{instant:%Y-%m-%d}"
