"""`itabot scheduler`: the one process that sends reminders, never a web worker.

APScheduler runs a single recurring job (every few minutes, on the clock's minute marks)
that does one pass; what is due comes from the calendar, not from a job per reminder.
"""
from __future__ import annotations

import logging
import signal
from datetime import datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from flask import Flask

from bot import db
from bot.clock import BANGKOK
from schedules.deliver import run_pass
from schedules.lease import release, this_process

log = logging.getLogger(__name__)
JOB_ID = "reminders"


def build_scheduler(app: Flask, every_minutes: int) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=BANGKOK)
    scheduler.add_job(reminder_job, CronTrigger(minute=f"*/{every_minutes}", timezone=BANGKOK), args=(app,),
                      id=JOB_ID, max_instances=1, coalesce=True, misfire_grace_time=None,
                      next_run_time=datetime.now(BANGKOK))  # one pass at start-up: catch up after downtime
    return scheduler


def reminder_job(app: Flask) -> None:
    with app.app_context():
        try:
            run_pass(app)
        except Exception:  # the next pass tries again; a scheduler that dies sends nothing at all
            log.exception("reminders: the pass failed")


def run_forever(app: Flask, every_minutes: int) -> None:
    scheduler = build_scheduler(app, every_minutes)

    def stop(signum, _frame) -> None:
        log.info("reminders: signal %s, stopping after the pass under way", signum)
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("reminders: scheduler %s, a pass every %d minutes", this_process(), every_minutes)
    scheduler.start()
    with db.sessionmaker(app)() as session, session.begin():
        release(session, this_process())
    log.info("reminders: scheduler stopped, lease released")
