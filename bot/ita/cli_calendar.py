"""`itabot init` and `itabot calendar ...`: the schema, and the ITA calendars in data/calendars/."""
from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.ita.calendar_files import CalendarFileError, read_calendar, store_calendar
from bot.thai import thai_date_range
from models import Calendar, Province

CALENDAR_DIR = Path(__file__).resolve().parents[2] / "data" / "calendars"


def _settings():
    return current_app.config["ITABOT"]


def _now():
    return current_app.extensions["itabot.clock"].now()


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the schema and load every shipped calendar (safe to run again)."""
    db.upgrade(_settings().database_url)
    click.echo("schema: up to date")
    for path in sorted(CALENDAR_DIR.glob("*.yaml")):
        _load(path)


@click.group("calendar")
def calendar_group() -> None:
    """Load and show ITA calendars."""


@calendar_group.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def calendar_load(files: tuple[str, ...]) -> None:
    """Check and load calendar YAML files; a bad file loads nothing."""
    failed = sum(not _load(Path(f)) for f in files)
    if failed:
        raise SystemExit(1)


def _load(path: Path) -> bool:
    try:
        spec = read_calendar(path)
    except CalendarFileError as error:
        click.echo(f"rejected {error.file}:", err=True)
        for problem in error.problems:
            click.echo(f"  - {problem}", err=True)
        return False
    with db.sessionmaker()() as session, session.begin():
        outcome = store_calendar(session, spec, _now())
    click.echo(f"{outcome}: {spec.key} ({len(spec.steps)} steps) from {spec.file_name}")
    return True


@calendar_group.command("show")
@click.option("--year", type=int, help="Fiscal year, Buddhist era (e.g. 2568).")
@click.option("--province", help="Show this province's overlay beside the NACC's steps.")
@with_appcontext
def calendar_show(year: int | None, province: str | None) -> None:
    """Print the stored calendar."""
    with db.sessionmaker()() as session:
        query = sa.select(Calendar).order_by(Calendar.year, Calendar.scope)
        if year:
            query = query.where(Calendar.year == year)
        query = query.where(Calendar.scope == "nacc") if not province else query.join(Calendar.province, isouter=True).where(
            sa.or_(Calendar.scope == "nacc", Province.name == province.removeprefix("จังหวัด").strip()))
        calendars = session.scalars(query).all()
        if not calendars:
            raise click.ClickException("no calendar loaded for that choice (run `itabot init`)")
        for calendar in calendars:
            click.echo(f"\n{calendar.title}  [{calendar.key}]\n{calendar.source}")
            for step in calendar.steps:
                until = f" {step.end_time:%H:%M}" if step.end_time else ""
                forms = f" [{step.forms}]" if step.forms else ""
                click.echo(f"  {thai_date_range(step.start_date, step.end_date)}{until}  "
                           f"{step.short}{forms} ({step.actor})  #{step.key}")
