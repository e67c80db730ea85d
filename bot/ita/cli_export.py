"""`itabot export --province NAME FILE`: the dashboard's Excel sheet, written from the console."""
from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db, texts
from bot.ita.calendar import fiscal_year_be
from bot.ita.province import province_progress
from bot.ita.province_export import province_workbook
from models import Province


@click.command("export")
@click.option("--province", required=True, help="The province, e.g. ลำพูน.")
@click.option("--year", type=int, help="Fiscal year (BE); default: the current one.")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@with_appcontext
def export_command(province: str, year: int | None, file: Path) -> None:
    """Write a province's units (counts, minimums, gaps, OIT, last report) and calendar to an .xlsx."""
    year = year or fiscal_year_be(current_app.extensions["itabot.clock"].now().date())
    name = province.removeprefix("จังหวัด").removeprefix("จ.").strip()
    with db.sessionmaker()() as session:
        found = session.scalar(sa.select(Province).where(Province.name == name))
        if found is None:
            raise click.ClickException(texts.EXPORT_NO_PROVINCE.format(province=province))
        rows = province_progress(session, found.id, year)
        cycle = current_app.extensions["itabot.calendars"].cycles(session, found.id).get(year)
        data = province_workbook(rows, cycle)
    file.write_bytes(data)
    click.echo(texts.EXPORT_DONE.format(province=found.name, year=year, units=len(rows), file=file))
