"""`itabot init` and `itabot calendar ...`: the schema, and the ITA calendars in data/calendars/."""
from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.ita.calendar_changes import history
from bot.ita.calendar_drafts import DraftRefused, draft_year, switch_reminders
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
        _load(path, keep_edited=True)


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


def _load(path: Path, keep_edited: bool = False) -> bool:
    try:
        spec = read_calendar(path)
    except CalendarFileError as error:
        click.echo(f"rejected {error.file}:", err=True)
        for problem in error.problems:
            click.echo(f"  - {problem}", err=True)
        return False
    with db.sessionmaker()() as session, session.begin():
        outcome = store_calendar(session, spec, _now(), keep_edited=keep_edited)
    if outcome == "kept":
        click.echo(f"kept: {spec.key} was changed since {spec.file_name} was loaded (see `itabot calendar history`)")
    else:
        click.echo(f"{outcome}: {spec.key} ({len(spec.steps)} steps) from {spec.file_name}")
    return True


@calendar_group.command("draft")
@click.argument("year", type=click.IntRange(2500, 2700))
@click.option("--from", "from_year", type=click.IntRange(2500, 2700),
              help="The year to carry the dates from (default: the latest year with a NACC calendar).")
@with_appcontext
def calendar_draft(year: int, from_year: int | None) -> None:
    """Draft YEAR's calendar from an earlier year's: same day and month, reminders off."""
    with db.sessionmaker()() as session, session.begin():
        try:
            draft = draft_year(session, year, from_year, _now(), "cli:calendar draft")
        except DraftRefused as refused:
            raise click.ClickException(refused.thai) from None
    click.echo(f"drafted ITA {draft.year} from {draft.from_year}: {draft.steps} steps in "
               f"{', '.join(draft.calendars)}; reminders off (`itabot calendar reminders {draft.year} --on`)")


@calendar_group.command("reminders")
@click.argument("year", type=click.IntRange(2500, 2700))
@click.option("--on/--off", required=True, help="Let the reminder pass read YEAR's draft, or stop it.")
@with_appcontext
def calendar_reminders(year: int, on: bool) -> None:
    """Switch reminders from YEAR's draft on or off (audited)."""
    with db.sessionmaker()() as session, session.begin():
        try:
            changed = switch_reminders(session, year, on, _now(), "cli:calendar reminders")
        except DraftRefused as refused:
            raise click.ClickException(refused.thai) from None
    click.echo(f"reminders from the ITA {year} draft: {'on' if on else 'off'} ({changed} calendars changed)")


@calendar_group.command("history")
@click.argument("year", type=click.IntRange(2500, 2700))
@with_appcontext
def calendar_history(year: int) -> None:
    """Print YEAR's calendar changes, the newest first."""
    with db.sessionmaker()() as session:
        for change in history(session, year, limit=1000):
            step = f"#{change.step_key}" if change.step_key else ""
            click.echo(f"{change.at:%Y-%m-%d %H:%M}  {change.kind:9}  {change.calendar_key}{step}  by {change.actor}"
                       f"  {change.before or ''} -> {change.after or ''}")


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
