"""One module per intent or event kind; `build_registry` gathers what they register."""
from __future__ import annotations

from bot.registry import Registry
from handlers import (admin, calendar_draft, calendar_file, calendar_move, dashboard, deadlines, elsewhere, figures, help, itas, joining, oit, register, reminder_rules, reminders, reports,
                      small_talk, status, summary, units_file, units_year, welcome)

# In the order help lists them: what most people need first.
MODULES = (deadlines, reports, figures, register, status, oit, reminders, summary, dashboard, itas, admin, joining, reminder_rules,
           calendar_move, calendar_file, calendar_draft, units_year, units_file, help, elsewhere, small_talk, welcome)


def build_registry() -> Registry:
    registry = Registry()
    for module in MODULES:
        registry.collect(module)
    return registry
