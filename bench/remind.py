"""Reminder planning for a national deployment: 8,000 unit chats and 76 coordinators' groups.

    .venv/bin/python bench/remind.py [--chats 8000]

Target (issue 4): planning for 8,000 unit chats <= 2 s. (Delivery against the fake LINE
server comes with the scheduler's pass.)
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.agenda import StepView  # noqa: E402
from bot.calendar_files import read_calendar  # noqa: E402
from bot.clock import BANGKOK  # noqa: E402
from schedules.plan import Figures, Target, plan  # noqa: E402

CALENDARS = Path(__file__).resolve().parent.parent / "data" / "calendars"


def steps_by_province() -> dict[str | None, list[StepView]]:
    result: dict[str | None, list[StepView]] = {}
    for path in CALENDARS.glob("2568-*.yaml"):
        spec = read_calendar(path)
        result[spec.province] = [StepView(s.key, s.title, s.short, s.start, s.end, s.end_time, frozenset(s.forms),
                                          s.actor, spec.province, s.nacc_step, spec.source) for s in spec.steps]
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=8000)
    args = parser.parse_args()
    steps = steps_by_province()
    provinces = [p for p in steps if p] + [f"จังหวัด{n}" for n in range(72)]
    targets = [Target(f"Cunit{n}", provinces[n % len(provinces)], n, f"อบต.{n}") for n in range(args.chats)]
    targets += [Target(f"Ccoords{p}", p) for p in provinces]
    figures = [Figures(n, f"อบต.{n}", provinces[n % len(provinces)], {"IIT": n % 50, "EIT": n % 70},
                       {"IIT": 40, "EIT": 60}) for n in range(args.chats)]
    for moment in ("2025-06-23T09:05", "2025-04-23T09:05", "2025-03-12T09:05"):
        now = datetime.fromisoformat(moment).replace(tzinfo=BANGKOK)
        start = time.perf_counter()
        due = plan(steps, targets, figures, now)
        elapsed = time.perf_counter() - start
        verdict = "OK" if elapsed <= 2 else "MISSED"
        print(f"{moment}: {len(targets):,} chats -> {len(due):,} reminders due, planned in {elapsed:.2f} s "
              f"(target <= 2 s): {verdict}")


if __name__ == "__main__":
    main()
