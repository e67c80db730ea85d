"""Reminders: planning from the calendar, the ledger and outbox, pricing within the LINE quota,
the pass that pushes, and the scheduler process (`itabot remind`, `itabot scheduler`)."""
from __future__ import annotations

from flask import Flask

from schedules.cli import remind_group, scheduler_command


def init_app(app: Flask) -> None:
    app.cli.add_command(remind_group)
    app.cli.add_command(scheduler_command)
