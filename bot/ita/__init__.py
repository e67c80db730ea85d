"""The ITA domain: the calendar, units and their minimums, response counts, the province's
progress, and the commands that load and list them (`itabot init`, `calendar`, `units`, `admin`, `export`)."""
from __future__ import annotations

from flask import Flask

from bot.ita.calendar import CalendarCache
from bot.ita.cli_calendar import calendar_group, init_command
from bot.ita.cli_export import export_command
from bot.ita.cli_units import admin_group, units_group
from bot.ita.units import BareNames


def init_app(app: Flask) -> None:
    app.extensions["itabot.calendars"] = CalendarCache()
    app.extensions["itabot.units"] = BareNames()
    for command in (init_command, calendar_group, units_group, admin_group, export_command):
        app.cli.add_command(command)
