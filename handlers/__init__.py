"""One module per intent or event kind; `build_registry` gathers what they register."""
from __future__ import annotations

from bot.registry import Registry
from handlers import admin, deadlines, help, oit, register, reminders, reports, status, summary, welcome

MODULES = (help, admin, reminders, reports, oit, register, status, summary, deadlines, welcome)


def build_registry() -> Registry:
    registry = Registry()
    for module in MODULES:
        registry.collect(module)
    return registry
